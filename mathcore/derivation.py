"""A derivation: the steps on the blackboard, each proved by SymPy and checked with numbers.

A ``Derivation`` says what quantity it computes (``target``: a SymPy expression in
the base variables, usually an unevaluated ``Derivative`` or ``Limit``), and lists
the ``Step``s a learner writes, each with the rule that justifies it. Steps may use
display symbols (``a``) that stand for base expressions (``a = sigma(z)``): that is
the ``where`` list.

Every step is checked twice, independently:

- proved: SymPy shows it equal to the previous step (the first step: to the
  target), after writing every display symbol out and every activation as
  elementary functions;
- numeric: its value at random points of the variables' domains is compared with
  the target computed without SymPy's calculus: central finite differences of the
  function for a derivative, the function far out for a limit, plain evaluation
  otherwise (second derivatives: second differences in long double). The error is the course's relative difference over all the points,
  ``||g - g~|| / max(||g|| + ||g~||, sqrt(N))``, whose floor makes it an absolute
  (root-mean-square-like) difference where all values are smaller than 1, as at
  a limit of 0, where a relative one would mean nothing.

The test points, the tolerance and the verdict are the app's one checking engine, ``mathcore.judge``.
"""

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import sympy as sp

from mathcore.functions import leaky_relu, relu, sigmoid, to_numpy
from mathcore.judge import LABEL, PROBABILITY, TOLERANCE, Domain, Outcome, Verdict, error, real, sample
from mathcore.text import Text

__all__ = ["Check", "Derivation", "Domain", "LABEL", "PROBABILITY", "Step", "TOLERANCE", "real"]
#: Finite-difference step for derivatives, and how far out a limit is taken.
FD_STEP = 1e-6
FD_STEP_2 = 1e-4  # for second derivatives, in long double
FAR_OUT = 40.0
N_POINTS = 200


@dataclass(frozen=True)
class Step:
    """One line of a derivation: an expression, and the rule that gets us to it.

    ``rule`` is text with inline math between dollars, as Markdown and LaTeX's
    ``\\text{}`` both read it.
    """

    expr: sp.Expr
    rule: str

    @property
    def latex(self):
        return sp.latex(self.expr)


@dataclass(frozen=True)
class Check:
    """How one step was verified."""

    proved: bool
    error: float
    n_points: int

    @property
    def ok(self):
        return self.verdict.right

    @property
    def verdict(self):
        """Equivalent when proved and within TOLERANCE; not equivalent when the numbers differ; else undecided."""
        if self.error >= TOLERANCE:
            return Verdict(Outcome.NOT_EQUIVALENT, Text("The numbers differ: error {error:.1e} at {n} points.",
                                                        error=self.error, n=self.n_points))
        if not self.proved:
            return Verdict(Outcome.UNDECIDED, Text("The numbers agree, but SymPy did not prove the step."))
        return Verdict(Outcome.EQUIVALENT, Text("Proved by SymPy, and the numbers agree at {n} points.",
                                                n=self.n_points))


@dataclass(frozen=True, eq=False)
class Derivation:
    """Steps from a definition to a result; see the module docstring.

    lhs: LaTeX of the quantity; target: it, in the base variables; steps: the Steps;
    domains: variable name -> Domain; where: (display symbol, what it stands for) pairs;
    assume: substitutions a proof may make (n_x -> j + p says j <= n_x; t -> 0, the point);
    concrete: sizes for the numeric check (n_x -> 3, j -> 2, m -> 4); note: a closing remark.
    """

    key: str
    title: str
    lhs: str
    target: sp.Expr
    steps: tuple
    domains: dict
    where: tuple = ()
    assume: tuple = ()
    concrete: tuple = ()
    note: str = ""
    seed: int = 0
    check_against: str = field(init=False, default="")

    def __post_init__(self):
        kind = {sp.Derivative: Text("finite differences"), sp.Limit: Text("the function far out")}
        object.__setattr__(self, "check_against", kind.get(type(self.target), Text("the definition")))

    @property
    def result(self):
        """The last step: the readable form of the answer."""
        return self.steps[-1].expr

    @property
    def where_latex(self):
        return ", ".join(f"{sp.latex(s[e.variables] if isinstance(s, sp.IndexedBase) else s)} = "
                         f"{sp.latex(e.expr if isinstance(s, sp.IndexedBase) else e)}" for s, e in self.where)

    def aligned(self):
        r"""The derivation as a LaTeX ``aligned`` block, each step with its rule.

        >>> from mathcore.derivations import dz_db
        >>> print(dz_db().aligned())
        \begin{aligned}
        \frac{\partial z}{\partial b} &= \frac{\partial}{\partial b} \left(b + \sum_{k=1}^{n_{x}} {w}_{k} {x}_{k}\right) && \text{definition of $z$} \\
        &= 1 && \text{the sum does not depend on $b$}
        \end{aligned}
        """
        lines = [rf"{self.lhs + ' ' if i == 0 else ''}&= {step.latex} && \text{{{step.rule}}}"
                 for i, step in enumerate(self.steps)]
        return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"

    # -- symbolic ---------------------------------------------------------------

    def expand(self, expr, concrete=False):
        """Write out display symbols and activations, and evaluate derivatives; with ``concrete``, at the
        ``concrete`` sizes (what the ``where`` values bring in is sized too, so sums unroll instead of being
        summed symbolically)."""
        size = self._concrete if concrete else (lambda e: e)
        expr = _elementary(size(expr).doit()).doit()
        for symbol, value in self.where:
            if isinstance(symbol, sp.IndexedBase):  # a[i] = value(i), for every index
                expr = expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base == symbol,
                                    lambda e: size(value(*e.indices)))
            else:
                expr = expr.subs(symbol, size(value))
            expr = _elementary(expr).doit()
        return expr

    def equal(self, left, right):
        """SymPy proof that two expressions of this derivation are equal.

        Sums over the same range are compared term by term (a proof for every m), and a derivative of a sum is
        first taken term by term (``_lift``), so SymPy proves one example's derivative instead of summing a
        symbolic series.
        """
        left, right = _term_by_term(_lift(left), _lift(right))  # before writing out: sums stay unevaluated
        left, right = self.expand(left), self.expand(right)
        if left == right:
            return True
        left, right = _term_by_term(left, right)
        difference = left - right
        if self.assume:  # with the assumptions made, first: simplify is quickest on the expression that is 0
            difference = difference.subs(list(self.assume)).doit()
        difference = sp.simplify(difference)
        return difference == 0 or sp.simplify(difference.rewrite(sp.exp)) == 0

    # -- numeric ----------------------------------------------------------------

    def _concrete(self, expr):
        return expr.subs(list(self.concrete)).doit()

    @cached_property
    def _numeric(self):
        """Lambdified steps and the independent truth, over one shared variable list."""
        step_exprs = [self._concrete(self.expand(step.expr, concrete=True)) for step in self.steps]
        truth = self.target
        body = self._concrete(self.expand(truth.args[0] if isinstance(truth, (sp.Derivative, sp.Limit)) else truth,
                                          concrete=True))
        variables = _variables([body, *step_exprs])
        steps = [to_numpy(variables, e) for e in step_exprs]
        return variables, steps, to_numpy(variables, body)

    @property
    def variables(self):
        return self._numeric[0]

    def truth(self, values):
        """The target at ``values`` (one array per variable), without SymPy calculus."""
        variables, _, body = self._numeric
        target = self.target
        if isinstance(target, sp.Derivative):
            (v, order), = target.variable_count
            k = variables.index(self._concrete(v))
            if order == 1:
                up, down = list(values), list(values)
                up[k], down[k] = values[k] + FD_STEP, values[k] - FD_STEP
                return (body(*up) - body(*down)) / (2 * FD_STEP)
            assert order == 2, "first and second derivatives are checked by differences"
            # (f(t + h) - 2 f(t) + f(t - h)) / h^2 loses digits as h shrinks: work in extended precision.
            wide = [np.asarray(value, dtype=np.longdouble) for value in values]
            h = np.longdouble(FD_STEP_2)
            up, down = list(wide), list(wide)
            up[k], down[k] = wide[k] + h, wide[k] - h
            return ((body(*up) - 2 * body(*wide) + body(*down)) / h**2).astype(float)
        if isinstance(target, sp.Limit):
            v, where_to = target.args[1], target.args[2]
            k = variables.index(v)
            far = list(values)
            far[k] = np.full_like(values[k], FAR_OUT if where_to == sp.oo else -FAR_OUT)
            return body(*far)
        return body(*values)

    def step_values(self, values):
        """Each step's value at ``values``, broadcast to the points' shape."""
        shape = np.shape(values[0]) if values else ()
        return [np.broadcast_to(np.asarray(f(*values), dtype=float), shape) for f in self._numeric[1]]

    def evaluate(self, **arrays):
        """Each step's value and the independent truth at the given points, by variable name.

        >>> from mathcore.derivations import dL_dz
        >>> steps, truth = dL_dz().evaluate(z=0.0, y=1.0)
        >>> [round(float(s), 6) for s in steps], round(float(truth), 6)
        ([-0.5, -0.5, -0.5], -0.5)
        """
        values = np.broadcast_arrays(*(np.asarray(arrays[_name(v)], dtype=float) for v in self.variables))
        return self.step_values(values), self.truth(values)

    def sample(self, n=N_POINTS):
        """Random test points, one array per variable, from each variable's domain.

        A derivation with no variables (sigma(0) = 1/2) is checked at its one point.
        """
        points = sample({v: self.domains[_name(v)] for v in self.variables}, n, self.seed)  # w[1], w[2]: one each
        return list(points.values())

    @cached_property
    def checks(self):
        """One ``Check`` per step: proved equal to the previous one, and numerically."""
        values = self.sample()
        shape = values[0].shape if values else ()
        truth = np.atleast_1d(np.broadcast_to(np.asarray(self.truth(values), dtype=float), shape))
        checks = []
        previous = self.target
        for step, got in zip(self.steps, self.step_values(values)):
            got = np.atleast_1d(got)
            valid = np.isfinite(truth) & np.isfinite(got)
            checks.append(Check(self.equal(previous, step.expr), error(got[valid], truth[valid]), int(valid.sum())))
            previous = step.expr
        return tuple(checks)

    @property
    def proved(self):
        return all(c.proved for c in self.checks)

    @property
    def error(self):
        """The worst step's ``mathcore.judge.error`` against the independent numbers."""
        return max(c.error for c in self.checks)

    @property
    def ok(self):
        return all(c.ok for c in self.checks)


def _elementary(expr):
    """sigma, ReLU and leaky ReLU written with exp and Piecewise, so SymPy can simplify."""
    return expr.replace(sigmoid, lambda t: 1 / (1 + sp.exp(-t))).replace(
        relu, lambda t: sp.Piecewise((t, t > 0), (0, True))
    ).replace(leaky_relu, lambda t, alpha: sp.Piecewise((t, t > 0), (alpha * t, True)))


def _summands(expr):
    """(c * f, limits) for expr = c * Sum(f, limits), c free of the summation index; None otherwise.

    Then c Σ_i f_i = Σ_i c f_i, so two such sums over the same limits are equal when their terms are.
    """
    factors = sp.Mul.make_args(expr)
    sums = [f for f in factors if isinstance(f, sp.Sum)]
    if len(sums) != 1:
        return None
    coefficient = sp.Mul(*(f for f in factors if not isinstance(f, sp.Sum)))
    if coefficient.free_symbols & set(sums[0].variables):
        return None
    return coefficient * sums[0].function, sums[0].limits


def _term_by_term(left, right):
    """Two sums over the same limits, c Σ f and c' Σ f': their terms c f and c' f' (equal terms prove equal sums
    for every m); anything else as it is."""
    terms = _summands(left), _summands(right)
    if None not in terms and terms[0][1] == terms[1][1]:
        return terms[0][0], terms[1][0]
    return left, right


def _lift(expr):
    """d/dθ (c Σ_i f_i) → c Σ_i df_i/dθ: differentiation is linear, and a finite sum whose limits and index do
    not involve θ is differentiated term by term. Anything else is left as it is.

    >>> i, m = sp.symbols("i m", integer=True, positive=True)
    >>> f, theta = sp.IndexedBase("f"), sp.Symbol("theta")
    >>> _lift(sp.Derivative(sp.Sum(theta * f[i], (i, 1, m)) / m, theta))
    Sum(Derivative(theta*f[i]/m, theta), (i, 1, m))
    """
    if not isinstance(expr, sp.Derivative) or len(expr.variable_count) != 1:
        return expr
    (theta, order), = expr.variable_count
    found = _summands(expr.expr)
    if found is None:
        return expr
    term, limits = found
    bound = {symbol for limit in limits for part in limit for symbol in sp.sympify(part).free_symbols}
    if theta in bound:
        return expr
    return sp.Sum(sp.Derivative(term, (theta, order)), *limits)


def _name(variable):
    return str(variable.base.label) if isinstance(variable, sp.Indexed) else variable.name


def _variables(exprs):
    """The numeric variables (plain symbols and indexed entries), in a stable order."""
    found = set()
    for e in exprs:
        indexed = e.atoms(sp.Indexed)
        labels = {i.base.label for i in indexed} | {idx for i in indexed for idx in i.indices}
        found |= indexed | {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    return sorted(found, key=sp.default_sort_key)
