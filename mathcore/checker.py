"""Check a learner's answer for a course target: equivalent, not equivalent, or could not decide.

Two independent judges, and a verdict only when they agree (the verdict, the test points and the tolerance are the
app's one checking engine, ``mathcore.judge``):
- SymPy: the difference from the reference, with a = sigma(z) written out and the sigmoid as
  exponentials, simplified to 0 (scalar targets);
- numbers: the answer, evaluated by walking its tree with NumPy, against the reference at seeded
  random points of each variable's domain (a in (0, 1) through z, y in {0, 1} and [0, 1]); matrix
  answers are checked for shape first, then for values.
When the answer is wrong, a point where the two differ is shown, and a hint when the answer matches
a known mistake. References come from mathcore's own derivations.

Run user answers through ``mathcore.checkpool``, which bounds their time and memory; calling
``check`` directly is for trusted input and tests.
"""

from dataclasses import dataclass, field, replace

import numpy as np
import sympy as sp
from sympy.core.evalf import PrecisionExhausted

from mathcore import derivations as D
from mathcore.answer import (AnswerError, BinOp, Call, Name, Neg, Num, Transpose, first_position, names, read,
                             to_latex, to_text)
from mathcore.functions import ACTIVATIONS, sigmoid, sigmoid_numpy, to_numpy
from mathcore.judge import EXAMPLES, LABEL, Outcome, Verdict, close, matrices, real, sample
from mathcore.layer import bias_gradient, weight_gradient
from mathcore.numpy_forms import cached
from mathcore.text import Text

N_POINTS = 64
MIN_VALID = 20
CONFIRM = 8  # points where the floats differ that are re-evaluated exactly before "not equivalent" is said
DIGITS = 30  # the exact confirmation's significant digits ...
WORKING_DIGITS = 400  # ... and how many it may work with to get them right (cancellation costs digits)
#: The sizes matrix answers are judged at, (n[l], n[l-1], m): each set distinct sizes, m differing between sets,
#: so an answer that fits one shape or one m by chance (a transpose, a /5 for /m) is found out. The first is shown.
SIZES = ((3, 2, 5), (4, 6, 7), (5, 3, 2))

__all__ = ["DEPRECATED", "TARGETS", "Verdict", "check", "target_key"]


@dataclass(frozen=True)
class Target:
    key: str  # the catalogue key of the derivation it checks against (dW, db, dJ_dw: proved with matrices instead)
    title: str
    lhs: str  # LaTeX
    variables: tuple  # names the learner may use
    reference: object  # SymPy expression in z, y, x_j (scalar), or a NumPy function of the arrays (matrix)
    shapes: dict = field(default_factory=dict)  # matrix targets: name -> shape
    mistakes: tuple = ()  # (hint, reference variant) pairs, variants like ``reference``
    domain_z: tuple = (-4.0, 4.0)
    right: str = ""  # LaTeX of the right formula (scalar targets: from ``reference``)
    prepare: object = None  # matrix targets: env -> env, moving the random matrices into the domain (A in (0, 1))
    squeeze: bool = False  # a number written as a 1 x 1 matrix or as a plain number is the same answer (the cost J)
    names: dict = field(default_factory=dict)  # scalar targets: more names, each a SymPy expression in z (A: tanh(z))

    @property
    def formula(self):
        """The right formula in LaTeX, as a corrected note shows it."""
        return self.right or sp.latex(self.reference.subs(s, D.a))


z, y, x_j = D.z, D.y, sp.Symbol("x_j", real=True)
m = sp.Symbol("m", integer=True, positive=True)
w, b, alpha, dw, db, dA = sp.symbols("w b alpha dw db dA", real=True)
s = sigmoid(z)
#: The scalar variables, each with where its test points come from (z's domain is the target's own).
SCALARS = {"z": z, "y": y, "x_j": x_j, "m": m, "w": w, "b": b, "alpha": alpha, "dw": dw, "db": db, "dA": dA}
DOMAINS = {"y": LABEL, "x_j": real(-2, 2), "m": EXAMPLES, "w": real(-2, 2), "b": real(-2, 2),
           "alpha": real(0.001, 1), "dw": real(-2, 2), "db": real(-2, 2), "dA": real(-2, 2)}
SCALAR_NAMES = {"a": s, "x": x_j, "dz": s - y, **SCALARS}  # dz: the course's name for dL/dz = a - y


def _as_z(expr):
    """A derivation's result (in a, y, x[j]) written in z, y, x_j."""
    return expr.subs(D.a, s).subs(D.x[D.j], x_j)


def _targets():
    ce = _as_z(D.dL_dz().result)
    se = _as_z(D.dL_dz("squared_error").result)
    da = _as_z(D.da_dz().result)
    dL_da = _as_z(D.dL_da().result)
    scalar = [
        Target(D.dL_da_key("cross_entropy"), Text("dL/da, cross-entropy"), r"\frac{\partial L}{\partial a}", ("a", "y"), dL_da,
               mistakes=((Text("The sign is flipped: dL/da = −y/a + (1 − y)/(1 − a)."), -dL_da),
                         (Text("That is dL/dz, a − y: dL/da comes before the sigmoid's a(1 − a) cancels it."), ce))),
        Target("da_dz", Text("da/dz for a = σ(z)"), r"\frac{da}{dz}", ("a", "z"), da,
               mistakes=((Text("That is a(1 + a): σ' = σ(1 − σ)."), s * (1 + s)), (Text("That is σ(z) itself, not its slope."), s))),
        Target(D.dL_dz_key("cross_entropy", "sigmoid"), Text("dL/dz, cross-entropy after a sigmoid"), r"\frac{\partial L}{\partial z}",
               ("a", "y", "z", "m"), ce,
               mistakes=((Text("The sign is flipped: it is a − y, prediction minus label."), -ce),
                         (Text("No 1/m here: dz is one example's gradient. The 1/m comes with the sum over the "
                          "examples, in dW and db."), ce / m),
                         (Text("The a(1 − a) factor is left in: for cross-entropy it cancels against dL/da."), ce * da),
                         (Text("That is da/dz alone; multiply by dL/da (the chain rule), then simplify."), da),
                         (Text("That is dL/da alone; the chain rule multiplies it by da/dz = a(1 − a)."), dL_da))),
        Target(D.dL_dz_key("squared_error", "sigmoid"), Text("dL/dz, squared error after a sigmoid"), r"\frac{\partial L}{\partial z}",
               ("a", "y", "z"), se,
               mistakes=((Text("The a(1 − a) factor is missing: with squared error it does not cancel."), ce),
                         (Text("The sign is flipped."), -se))),
        Target("dL_dw_j", Text("dL/dw_j, cross-entropy after a sigmoid"), r"\frac{\partial L}{\partial w_j}",
               ("a", "y", "z", "x_j", "x", "dz"), ce * x_j,
               mistakes=((Text("The x_j is missing: dz/dw_j = x_j."), ce), (Text("The sign is flipped."), -ce * x_j),
                         (Text("The a(1 − a) factor is left in: for cross-entropy it cancels."), ce * da * x_j))),
        Target("dL_db", Text("dL/db, cross-entropy after a sigmoid"), r"\frac{\partial L}{\partial b}",
               ("a", "y", "z", "x_j", "x", "dz"), ce,
               mistakes=((Text("The sign is flipped."), -ce), (Text("dz/db is 1, not x."), ce * x_j))),
    ]
    # every other activation's g'(z), from its record (the sigmoid's is da/dz above)
    scalar += [Target(g.derivative, Text("g'(z) for g = {name}", name=g.name),
                      rf"\frac{{d}}{{dz}}\,{sp.latex(g.g(z))}", ("z",), sp.diff(g.g(z), z),
                      mistakes=(*((hint, wrong(z)) for hint, wrong in g.mistakes),
                                (Text("The sign is flipped."), -sp.diff(g.g(z), z)),
                                (Text("That is g(z) itself, not its slope."), g.g(z))),
                      domain_z=g.domain)
               for g in ACTIVATIONS.values() if g.derivative != "da_dz"]
    n, n_prev, examples = SIZES[0]
    matrix = [
        Target("dW", Text("dW of a layer"), r"dW^{[l]}", ("dZ", "A_prev", "X", "m"),
               lambda e: weight_gradient(e["dZ"], e["A_prev"]), {"dZ": (n, examples), "A_prev": (n_prev, examples), "X": (n_prev, examples)},
               mistakes=((Text("This is dWᵀ: W is (n[l], n[l−1]); swap the operands: dZ @ A_prev.T."),
                          lambda e: e["A_prev"] @ e["dZ"].T / e["m"]),
                         (Text("The 1/m is missing: the product sums over the m examples; J averages them."),
                          lambda e: e["dZ"] @ e["A_prev"].T),
                         (Text("An extra 1/m: divide by m once."), lambda e: e["dZ"] @ e["A_prev"].T / e["m"] ** 2)),
               right=r"\frac{1}{m} dZ^{[l]} A^{[l-1]T}"),
        Target("db", Text("db of a layer"), r"db^{[l]}", ("dZ", "m"),
               lambda e: bias_gradient(e["dZ"]), {"dZ": (n, examples)},
               mistakes=((Text("The 1/m is missing."), lambda e: e["dZ"].sum(axis=1, keepdims=True)),
                         (Text("axis=0 adds the units of each example; the examples are the columns: sum over axis=1."),
                          lambda e: e["dZ"].sum(axis=0, keepdims=True) / e["m"])),
               right=r"\frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}"),
        Target("dJ_dw", Text("dJ/dw, logistic regression (vectorized)"), r"\frac{\partial J}{\partial w}",
               ("X", "A", "Y", "dZ", "m"), lambda e: e["X"] @ (e["A"] - e["Y"]).T / e["m"],
               {"X": (n, examples), "A": (1, examples), "Y": (1, examples), "dZ": (1, examples)},
               mistakes=((Text("This is dwᵀ, shape (1, n_x): w is (n_x, 1); use X @ (A − Y).T."),
                          lambda e: (e["A"] - e["Y"]) @ e["X"].T / e["m"]),
                         (Text("The 1/m is missing."), lambda e: e["X"] @ (e["A"] - e["Y"]).T),
                         (Text("The sign is flipped: A − Y, prediction minus label."),
                          lambda e: e["X"] @ (e["Y"] - e["A"]).T / e["m"])),
               right=r"\frac{1}{m} X (A - Y)^{T}"),
        Target("dJ_db", Text("dJ/db, logistic regression (vectorized)"), r"\frac{\partial J}{\partial b}",
               ("A", "Y", "dZ", "m"), lambda e: np.sum(e["A"] - e["Y"], axis=1, keepdims=True) / e["m"],
               {"A": (1, examples), "Y": (1, examples), "dZ": (1, examples)},
               mistakes=((Text("The 1/m is missing."), lambda e: np.sum(e["A"] - e["Y"], axis=1, keepdims=True)),
                         (Text("The sign is flipped: A − Y, prediction minus label."),
                          lambda e: np.sum(e["Y"] - e["A"], axis=1, keepdims=True) / e["m"])),
               right=r"\frac{1}{m} \sum_{i=1}^{m} (a^{(i)} - y^{(i)})", squeeze=True),
    ]
    # what a note on logistic regression claims besides derivatives: the model, the loss, the cost, the update
    loss = -(y * sp.log(s) + (1 - y) * sp.log(1 - s))
    scalar += [
        Target("sigmoid", Text("σ(z), the sigmoid"), r"\sigma(z)", ("z",), s,
               mistakes=((Text("The exponent's sign: σ(z) = 1/(1 + e^{−z})."), 1 / (1 + sp.exp(z))),
                         (Text("That is 1 − σ(z) = σ(−z)."), 1 - s)), right=r"\frac{1}{1 + e^{-z}}"),
        Target("loss", Text("L(ŷ, y), the cross-entropy loss"), r"L(\hat{y}, y)", ("a", "y"), loss,
               mistakes=((Text("The minus sign covers only the first term: L = −(y log ŷ + (1 − y) log(1 − ŷ)); "
                               "the second term needs it too."), -y * sp.log(s) + (1 - y) * sp.log(1 - s)),
                         (Text("The sign is flipped: log ŷ < 0, so the loss needs the minus sign to be positive."),
                          -loss),
                         (Text("That is squared error; logistic regression uses cross-entropy (squared error after a "
                               "sigmoid is not convex)."), (s - y) ** 2 / 2)),
               right=r"-\left(y \log \hat{y} + (1 - y) \log(1 - \hat{y})\right)"),
        Target("update_w", Text("the gradient-descent update of w"), r"w :=", ("w", "alpha", "dw"), w - alpha * dw,
               mistakes=((Text("Gradient descent steps against the gradient: w − α dw."), w + alpha * dw),
                         (Text("The learning rate α is missing."), w - dw)), right=r"w - \alpha \, dw"),
        Target("update_b", Text("the gradient-descent update of b"), r"b :=", ("b", "alpha", "db"), b - alpha * db,
               mistakes=((Text("Gradient descent steps against the gradient: b − α db."), b + alpha * db),
                         (Text("The learning rate α is missing."), b - db)), right=r"b - \alpha \, db"),
    ]
    one = {"w": (n, 1), "x": (n, 1), "b": (1, 1)}

    def sigmoid_of(Z):
        return 1 / (1 + _entrywise("exp", -Z))

    def probabilities(e):
        """A in (0, 1/2] and Y in [0, 1), from any real matrices, in floats and in exact rationals alike."""
        return {**e, "A": 1 / (2 + e["A"] ** 2), "Y": e["Y"] ** 2 / (1 + e["Y"] ** 2)}

    def cost(e):
        A, Y = e["A"], e["Y"]
        return -np.sum(Y * _entrywise("log", A) + (1 - Y) * _entrywise("log", 1 - A), axis=1, keepdims=True) / e["m"]

    def first_term_only(e):
        A, Y = e["A"], e["Y"]
        return -np.sum(Y * _entrywise("log", A), axis=1, keepdims=True) / e["m"] + (1 - Y) * _entrywise("log", 1 - A)

    def minus_on_first(e):
        A, Y = e["A"], e["Y"]
        return np.sum(-Y * _entrywise("log", A) + (1 - Y) * _entrywise("log", 1 - A), axis=1, keepdims=True) / e["m"]

    matrix += [
        Target("z_linear", Text("z = wᵀx + b, one example"), "z", ("w", "x", "b"), lambda e: e["w"].T @ e["x"] + e["b"],
               one, mistakes=((Text("wᵀx, not wxᵀ: w and x are columns (n_x, 1); wᵀx is one number."),
                               lambda e: e["w"] @ e["x"].T + e["b"]),), right=r"w^{T} x + b"),
        Target("yhat", Text("ŷ = σ(wᵀx + b), one example"), r"\hat{y}", ("w", "x", "b"),
               lambda e: sigmoid_of(e["w"].T @ e["x"] + e["b"]), one,
               mistakes=((Text("The sigmoid is missing: wᵀx + b can be any number; ŷ is a probability, "
                               "σ(wᵀx + b)."), lambda e: e["w"].T @ e["x"] + e["b"]),),
               right=r"\sigma\left(w^{T} x + b\right)"),
        Target("cost", Text("J(w, b), the cost over m examples"), "J(w, b)", ("A", "Y", "a", "y", "m"), cost,
               {"A": (1, examples), "Y": (1, examples)},
               mistakes=((Text("The sum and the minus sign cover only the first term: J = −(1/m) Σ [y log ŷ + "
                               "(1 − y) log(1 − ŷ)], both terms inside the brackets."), first_term_only),
                         (Text("The minus sign covers only the first term: J = −(1/m) Σ [y log ŷ + (1 − y) "
                               "log(1 − ŷ)]."), minus_on_first)),
               right=r"-\frac{1}{m} \sum_{i=1}^{m} \left[y^{(i)} \log \hat{y}^{(i)} + (1 - y^{(i)}) "
                     r"\log(1 - \hat{y}^{(i)})\right]", prepare=probabilities, squeeze=True),
        Target("dZ_output", Text("dZ = A − Y, the output layer (sigmoid, cross-entropy)"), "dZ^{[L]}", ("A", "Y", "m"),
               lambda e: e["A"] - e["Y"], {"A": (1, examples), "Y": (1, examples)},
               mistakes=((Text("The sign is flipped: A − Y, prediction minus label."), lambda e: e["Y"] - e["A"]),
                         (Text("No 1/m here: dZ holds each example's dz; the 1/m comes in dW and db."),
                          lambda e: (e["A"] - e["Y"]) / e["m"])),
               right="A - Y"),
    ]
    from mathcore.claims.targets import network_targets  # the layer's targets (mathcore.claims's registry)
    return {t.key: t for t in scalar + matrix + network_targets(
        Target, lambda *args: _entrywise(*args), lambda *args, **kw: evaluate(*args, **kw))}



TARGETS = _targets()
#: Each activation slope's target: the activation whose cached value an answer may use (mathcore.numpy_forms).
SLOPES = {g.derivative: g.key for g in ACTIVATIONS.values()}
#: Every name some target uses: an answer using one its target lacks is wrong, not unreadable.
KNOWN_NAMES = frozenset(name for t in TARGETS.values() for name in t.variables)
#: Target names from before the targets took their derivations' catalogue keys: still accepted, with a note.
DEPRECATED = {"dL_da": D.dL_da_key("cross_entropy"), "dL_dz_cross_entropy": D.dL_dz_key("cross_entropy", "sigmoid"),
              "dL_dz_squared_error": D.dL_dz_key("squared_error", "sigmoid"), "sigmoid_derivative": "da_dz"}


def target_key(name):
    """The target's key for ``name``, an old name taken to its catalogue key; KeyError for an unknown name.

    >>> target_key("dL_da"), target_key("dW")
    ('dL_da_cross_entropy', 'dW')
    """
    key = DEPRECATED.get(name, name)
    if key not in TARGETS:
        from mathcore.claims import target_named  # a claim's key or a left-hand side (dW2, dZ^{[L]}): the registry's
        key = target_named(name)
    if key not in TARGETS:
        raise KeyError(name)
    return key


# -- reading the tree --------------------------------------------------------------

#: Each function an answer may call, in SymPy and in NumPy: the elementary ones, and every activation record.
_SYMPY = {"exp": sp.exp, "log": sp.log, "cosh": sp.cosh, "sinh": sp.sinh, "sech": lambda t: 1 / sp.cosh(t),
          "step": lambda t: sp.Piecewise((1, t > 0), (0, True)), "maximum": sp.Max,
          **{g.key: g.g for g in ACTIVATIONS.values()}}
_NUMPY = {"exp": np.exp, "log": np.log, "cosh": np.cosh, "sinh": np.sinh, "sech": lambda t: 1 / np.cosh(t),
          "step": lambda t: (np.asarray(t) > 0).astype(float), "maximum": np.maximum,
          **{g.key: g.forward for g in ACTIVATIONS.values()}}


def _entrywise(function, *values, exact=None):
    """``function`` (a key of _NUMPY and _SYMPY) entry by entry: NumPy's on floats, SymPy's on arrays of SymPy
    numbers (exact, or when ``exact`` is None, an object array)."""
    if exact is None:
        exact = any(np.asarray(v).dtype == object for v in values)
    if not exact:
        return _NUMPY[function](*values)

    def entry(*arguments):  # 1/0 or log(-1) in one entry (a matrix with a 0 or a -1 in it) leaves that entry
        # undefined: nan, never passed on (SymPy's comparisons, in step, maximum and relu, refuse nan and I)
        if any(isinstance(t, sp.Basic) and (t.has(sp.nan, sp.zoo) or t.is_extended_real is False) for t in arguments):
            return sp.nan
        return _SYMPY[function](*arguments)
    return np.vectorize(entry, otypes=[object])(*values)


def to_sympy(node, symbols):
    """The SymPy expression of a scalar answer's tree (numbers exact); symbols: name -> SymPy expression."""
    match node:
        case Num(text):
            return sp.Rational(text)
        case Name(name):
            return symbols[name]
        case Neg(operand):
            return -to_sympy(operand, symbols)
        case Transpose(_, position):
            raise AnswerError(Text(".T transposes a matrix; this answer is a number"), position)
        case Call("sum" | "mean", _, _, position):
            raise AnswerError(Text("sum(…) and mean(…) add up a matrix; this answer is a number"), position)
        case Call(function, arguments):
            return _defined(_SYMPY[function](*(to_sympy(argument, symbols) for argument in arguments)), node)
        case BinOp("@", _, _, position):
            raise AnswerError(Text("@ is a matrix product; this answer is a number: use *"), position)
        case BinOp(op, left, right):
            left, right = to_sympy(left, symbols), to_sympy(right, symbols)
            return _defined({"+": lambda: left + right, "-": lambda: left - right, "*": lambda: left * right,
                             "/": lambda: left / right, "^": lambda: left ** right}[op](), node)
    raise TypeError(node)


def _defined(value, node):
    """``value``, SymPy's for ``node``; AnswerError when SymPy finds ``node`` undefined for every value of the
    variables (1/0, log(a - a)) or never real (log(-1)): the smallest such part is named, as its children were
    checked first."""
    if not value.has(sp.nan, sp.zoo) and value.is_extended_real is not False:
        return value
    part = to_text(node)
    if not value.has(sp.nan, sp.zoo):  # never real: step, maximum and relu of it would refuse to compare it with 0
        raise AnswerError(Text("{part} is not a real number, for any value: a log or a root of a negative number",
                               part=part), node.position)
    if isinstance(node, BinOp) and node.op == "/":
        raise AnswerError(Text("{part} divides by 0: its denominator is 0 for every value", part=part), node.position)
    if isinstance(node, Call) and node.function == "log":
        raise AnswerError(Text("{part} is the log of 0, which is undefined", part=part), node.position)
    if isinstance(node, BinOp) and node.op == "^":
        raise AnswerError(Text("{part} raises 0 to a negative power, which is undefined", part=part), node.position)
    raise AnswerError(Text("{part} is undefined for every value", part=part), node.position)


def evaluate(node, env, warnings=None, exact=False):
    """The answer's value with NumPy, for arrays in ``env`` (name -> array); shape errors say which shapes.
    ``exact``: numbers as SymPy rationals and functions entry by entry in SymPy, for arrays of SymPy numbers.
    Two matrices side by side are multiplied as matrices when the sizes fit that, else entry by entry; either
    way a warning naming both readings is added to ``warnings``."""
    def walk(node):
        return evaluate(node, env, warnings, exact)

    match node:
        case Num(text):
            return sp.Rational(text) if exact else float(text)
        case Name(name):
            return env[name]
        case Neg(operand):
            return -walk(operand)
        case Transpose(operand):
            return np.asarray(walk(operand)).T
        case Call("sum" | "mean" as function, (argument,)):
            axis = node.keyword("axis")
            value = np.asarray(walk(argument))
            if axis is not None and value.ndim <= int(axis):
                raise AnswerError(Text("{function}(…, axis={axis}) adds along an axis of a matrix, but {part} is a "
                                       "number", function=function, axis=axis, part=to_text(argument))
                                  if value.ndim == 0 else
                                  Text("{function}(…, axis={axis}) adds along an axis of a matrix, but {part} has one "
                                       "axis, shape {shape}: a sum without keepdims=True drops one",
                                       function=function, axis=axis, part=to_text(argument), shape=value.shape),
                                  node.position)
            total = np.sum(value, axis=None if axis is None else int(axis), keepdims=node.keyword("keepdims") == "True")
            return total / (value.size if axis is None else value.shape[int(axis)]) if function == "mean" else total
        case Call(function, arguments):
            values = [walk(argument) for argument in arguments]
            return _entrywise(function, *values, exact=exact)
        case BinOp(op, left_node, right_node, position, implicit):
            left, right = walk(left_node), walk(right_node)
            if op == "/" and not exact and np.all(np.asarray(right) == 0):
                raise AnswerError(Text("{part} divides by 0", part=to_text(node)) if isinstance(right_node, Num) else
                                  Text("{part} divides by 0: {denominator} is 0 at every test point",
                                       part=to_text(node), denominator=to_text(right_node)), position)
            if implicit and np.ndim(left) == 2 and np.ndim(right) == 2 and min(np.size(left), np.size(right)) > 1:
                op = _side_by_side(left, right, left_node, right_node, warnings)
            try:
                if op == "@":
                    return np.asarray(left) @ np.asarray(right)
                return {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}[op](left, right)
            except ValueError:
                shapes = Text("{left} and {right}", left=np.shape(left), right=np.shape(right))
                if op == "@":
                    raise ShapeError(Text("@ needs the inner sizes to match, but the shapes are {shapes}",
                                          shapes=shapes), position) from None
                raise ShapeError(Text("{op} works entry by entry and needs matching shapes, but they are {shapes}; "
                                      "for a sum over the examples use the matrix product @", op=op, shapes=shapes),
                                 position) from None
    raise TypeError(node)


class ShapeError(AnswerError):
    """Shapes that do not fit together: a wrong matrix answer, said with its shapes (any other AnswerError says
    the answer cannot be read or evaluated at all)."""


def _side_by_side(left, right, left_node, right_node, warnings):
    """The operator two matrices written side by side are read with (the matrix product when the sizes fit it),
    and a warning naming both readings."""
    product = np.shape(left)[1] == np.shape(right)[0]
    if warnings is not None:
        while isinstance(left_node, BinOp) and left_node.op in "*/@":  # the two factors that stand side by side
            left_node = left_node.right
        while isinstance(right_node, BinOp) and right_node.op in "*/@" and right_node.implicit:
            right_node = right_node.left
        a, b = (f"({to_text(node)})" if isinstance(node, BinOp) and node.op in "+-" else to_text(node)
                for node in (left_node, right_node))
        warning = (Text("{a} {b} (two matrices side by side) is read as the matrix product {a} @ {b}, as notes write "
                        "it; entry by entry would be {a} * {b}. Write @ or * to say which.", a=a, b=b)
                   if product else
                   Text("{a} {b} (two matrices side by side) is read entry by entry, {a} * {b}: their sizes do not "
                        "fit the matrix product {a} @ {b}. Write @ or * to say which.", a=a, b=b))
        if warning not in warnings:
            warnings.append(warning)
    return "@" if product else "*"


# -- judging ---------------------------------------------------------------------

def _points(target, seed):
    """The test points: z off the kink at 0, y labels, x_j, m, the update's w, b, alpha, dw, db, and a = sigma(z)
    (x is another name for x_j)."""
    points = sample({"z": real(*target.domain_z, avoid=0.0), **DOMAINS}, N_POINTS, seed)
    a = sigmoid_numpy(points["z"])
    points = {**points, "a": a, "x": points["x_j"], "dz": a - points["y"]}
    with np.errstate(all="ignore"):
        return {**points, **{name: _reference_numbers(expr, points) for name, expr in target.names.items()}}


def _reference_numbers(expr, env):
    values = to_numpy(list(SCALARS.values()), expr)(*(env[name] for name in SCALARS))
    return np.broadcast_to(np.asarray(values, float), env["z"].shape)


def check(name, text, seed=0):
    """The verdict on ``text`` as an answer for the target ``name`` (a key of TARGETS, or an old name), in any of
    the four notations (``mathcore.answer.read``): the verdict says which, and what could have been read otherwise."""
    target = TARGETS[target_key(name)]
    try:
        reading = read(text)
        tree = reading.tree
        if target.key in SLOPES:  # 1 - np.power(A1, 2): the activation cached in the forward pass is g(z)
            tree = cached(tree, target, SLOPES[target.key])
        unknown = sorted(names(tree) - set(target.variables))
        if unknown:
            reason = Text("Unknown name {name!r}: this target uses {names}", name=unknown[0],
                          names=", ".join(target.variables))
            if unknown[0] in KNOWN_NAMES:  # x_j(a - y)/m for dL/dw_j: a course name, not this target's: wrong
                return Verdict(Outcome.NOT_EQUIVALENT, reason, hint=Text("{name} has no place in {title}.",
                                                                         name=unknown[0], title=target.title),
                               notation=reading.notation)
            raise AnswerError(reason, first_position(tree, unknown[0]))
        warnings = list(reading.warnings)
        verdict = (_check_matrix(target, tree, seed, warnings) if callable(target.reference)
                   else _check_scalar(target, tree, seed))
        return replace(verdict, notation=reading.notation, warnings=tuple(warnings))
    except AnswerError as error:
        return Verdict(Outcome.INVALID, error.text)


def _check_scalar(target, tree, seed):
    """Numbers first: a point where they differ, confirmed exactly by SymPy, settles "not equivalent";
    if they agree everywhere, SymPy must simplify the difference to 0 for "equivalent"."""
    answer = to_sympy(tree, {**SCALAR_NAMES, **target.names})
    preview = sp.latex(answer.subs(s, D.a) if "a" in target.variables else answer)
    env = _points(target, seed)
    with np.errstate(all="ignore"):
        reference = _reference_numbers(target.reference, env)
        got = np.broadcast_to(np.asarray(evaluate(tree, env), dtype=float), reference.shape)
    valid = np.isfinite(reference)
    if valid.sum() < MIN_VALID:
        return Verdict(Outcome.UNDECIDED, Text("Too few points where the reference is defined."), preview=preview)
    agree = close(got[valid], reference[valid])
    used, agreed = names(tree), int(agree.sum())
    through_z = {"a", "z"} & set(target.variables)  # a = sigma(z) is shown, after z, for targets in a or z
    shown_names = [v for v in dict.fromkeys(("z", "a", *SCALARS))
                   if (v == "a" and through_z) or (v in target.variables and (v != "m" or "m" in used))]
    unsettled = 0  # points where the floats differ and the exact confirmation could not get its digits
    for k in np.flatnonzero(valid)[~agree][:CONFIRM]:  # each difference the floats see, confirmed exactly
        counterexample = tuple((v, float(env[v][k])) for v in shown_names)
        shown = ", ".join(f"{v} = {value:.4g}" for v, value in counterexample)
        at = {symbol: int(env[name][k]) if name == "m" else sp.Rational(env[name][k])  # the point, exactly
              for name, symbol in SCALARS.items()}
        exact_answer, exact_reference = (exactly(e.subs(at)) for e in (answer, target.reference))
        if exact_answer is None or exact_reference is None or not exact_reference.is_comparable:
            unsettled += 1
            continue
        if not exact_answer.is_comparable:
            message = Text("Not equivalent: at {point} your answer is undefined ({got}), the right answer {right:.6g}.",
                           point=shown, got=str(exact_answer), right=float(exact_reference))
        elif abs(exact_answer - exact_reference) > 1e-9 * (1 + abs(exact_reference)):
            message = Text("Not equivalent: at {point} your answer is {got:.6g}, the right answer {right:.6g}.",
                           point=shown, got=float(exact_answer), right=float(exact_reference))
        else:
            agreed += 1  # floating point overflowed or lost its digits here; exact arithmetic agrees
            continue
        return Verdict(Outcome.NOT_EQUIVALENT, message, hint=_hint(target, got, env, valid), preview=preview,
                       counterexample=counterexample)
    if sp.simplify((answer - target.reference).rewrite(sp.exp)) == 0:
        if unsettled:
            return Verdict(Outcome.EQUIVALENT, Text("Equivalent: SymPy simplifies the difference to 0. The numbers "
                                                    "could not confirm it: this form loses its digits to cancellation "
                                                    "(at {n} points, beyond {digits} digits).", n=unsettled,
                                                    digits=WORKING_DIGITS), preview=preview)
        return Verdict(Outcome.EQUIVALENT, Text("Equivalent: SymPy simplifies the difference to 0, and the numbers agree at "
                                          "{n} random points.", n=agreed), preview=preview)
    if unsettled:
        return Verdict(Outcome.UNDECIDED, Text("Could not decide: the two judges disagree."), preview=preview,
                       evidence=Text("At {n} points floating point says the values differ, and exact arithmetic could "
                                     "not settle it, even with {digits} digits (its terms cancel). SymPy could not "
                                     "simplify the difference to 0 either.", n=unsettled, digits=WORKING_DIGITS))
    return Verdict(Outcome.UNDECIDED, Text("Could not decide: the two judges disagree."), preview=preview,
                   evidence=Text("The numbers agree at {n} random points, but SymPy could not "
                                 "simplify the difference to 0.", n=agreed))


def exactly(number):
    """``number`` (a SymPy expression without symbols) to DIGITS significant digits, all of them right: SymPy raises
    its working precision where digits cancel, up to WORKING_DIGITS. None when that is not enough, or when it is
    not a number SymPy can evaluate; nan, zoo or a complex number when it is undefined in the reals.

    >>> z = sp.Rational(39, 10)  # cosh(20z)^2 - sinh(20z)^2 is 1, each term about 1e67
    >>> exactly(sp.cosh(20 * z) ** 2 - sp.sinh(20 * z) ** 2)
    1.00000000000000000000000000000
    >>> exactly(sp.cosh(2000 * z) ** 2 - sp.sinh(2000 * z) ** 2) is None  # 6,774 digits cancel
    True
    """
    try:
        value = sp.N(number.rewrite(sp.exp).rewrite(sp.Piecewise), DIGITS, strict=True, maxn=WORKING_DIGITS)
    except PrecisionExhausted:
        return None
    unevaluated = value.atoms(sp.Function)  # relu(…) or a Piecewise whose condition SymPy could not decide
    return value if value.is_comparable or value.has(sp.nan, sp.zoo) or not unevaluated else None


def _hint(target, got, env, valid):
    with np.errstate(all="ignore"):
        for hint, variant in target.mistakes:
            values = _reference_numbers(variant, env)
            if close(got[valid], values[valid]).all():
                return hint
    return ""


def _check_matrix(target, tree, seed, warnings):
    verdict = _judge_matrix(target, tree, seed, warnings)
    return replace(verdict, preview=to_latex(tree))


def _resized(shapes, sizes):
    """The target's shapes (written at SIZES[0]) at another set of sizes."""
    n, n_prev, examples = sizes
    size = {SIZES[0][0]: n, SIZES[0][1]: n_prev, SIZES[0][2]: examples, 1: 1}
    return {name: tuple(size[d] for d in shape) for name, shape in shapes.items()}


def _environment(target, shapes, seed, exact=False):
    """Random matrices of these shapes and their m; exact: small integers as SymPy numbers (object arrays)."""
    if exact:
        rng = np.random.default_rng(seed)
        env = {name: np.vectorize(sp.Integer, otypes=[object])(rng.integers(-4, 5, shape))
               for name, shape in shapes.items()}
    else:
        env = matrices(shapes, seed)
    env["m"] = (sp.Integer if exact else float)(next(iter(shapes.values()))[1])
    if target.prepare:
        env = target.prepare(env)
    env.update({name.lower(): env[name] for name in ("A", "Y") if name in env})  # a, y: one example's letters
    if "X" in env and "A_prev" in env:
        env["X"] = env["A_prev"]  # the first layer's A_prev is X
    if "dZ" in env and "A" in env:
        env["dZ"] = env["A"] - env["Y"]
    return env


def _judge_matrix(target, tree, seed, warnings):
    """Shape, then values, at each of SIZES; a difference in values is confirmed in exact arithmetic (integer
    matrices, rational numbers) before "not equivalent" is said."""
    right_shapes = []
    for sizes in SIZES:
        verdict = _judge_at(target, tree, _resized(target.shapes, sizes), seed, warnings)
        if isinstance(verdict, Verdict):
            return verdict
        right_shapes.append(verdict)
    shown = "; ".join(_shown(_resized(target.shapes, sizes)) for sizes in SIZES)
    return Verdict(Outcome.EQUIVALENT, Text("Equivalent: right shape {right}, and the values agree on random "
                                            "matrices at {n} sets of sizes ({shapes}).",
                                            right=right_shapes[0], n=len(SIZES), shapes=shown))


def _shown(shapes):
    """The shapes as a verdict names them: "dZ (3, 5), A_prev (2, 5)"."""
    return ", ".join(f"{name} {shape}" for name, shape in shapes.items())


def _judge_at(target, tree, shapes, seed, warnings):
    """The verdict at one set of shapes when the answer is wrong there; the right answer's shape when it is right."""
    env = _environment(target, shapes, seed)
    shown = _shown(shapes)
    with np.errstate(all="ignore"):
        right = target.reference(env)
        right_shape = right.shape  # as the reference gives it, before a squeeze
        try:
            got = np.asarray(evaluate(tree, env, warnings))
            if target.squeeze:
                got, right = np.squeeze(got), np.squeeze(right)
        except ShapeError as error:  # shapes that do not fit together: a wrong answer, said with its shapes
            elementwise = "entry by entry" in str(error)
            return Verdict(Outcome.NOT_EQUIVALENT, Text("{error} (with {shapes}).", error=error.text, shapes=shown),
                           hint=Text("`*` multiplies entry by entry; the sum over the m examples is the matrix "
                                     "product `@`.") if elementwise else Text("A transpose is missing or misplaced."))
    if got.shape != right.shape and target.squeeze and right.ndim == 0:
        return Verdict(Outcome.NOT_EQUIVALENT, Text("Your answer is {n} numbers, one per example; the cost is one "
                                                    "number, the mean over the m examples (with {shapes}).",
                                                    n=got.size, shapes=shown),
                       hint=_matrix_hint(target, got, env), shape=got.shape)
    if got.shape != right.shape:
        m_axis = int(env["m"])
        hint = _matrix_hint(target, got, env) or (
            Text("Without keepdims=True the sum drops an axis.") if got.shape == right.shape[:1] else
            Text("This is the transpose.") if got.shape == right.T.shape else
            Text("The m axis of the examples is still there: `*` multiplies entry by entry; the sum over the "
                 "examples is the matrix product `@`.") if m_axis in got.shape and m_axis not in right.shape else "")
        return Verdict(Outcome.NOT_EQUIVALENT, Text("Wrong shape: your answer is {got}, the right answer is "
                                                    "{right} (with {shapes}).", got=got.shape, right=right.shape,
                                                    shapes=shown), hint=hint, shape=got.shape)
    if close(got, right).all():
        return right_shape
    exact = _environment(target, shapes, seed, exact=True)
    difference = np.asarray(evaluate(tree, exact, exact=True), dtype=object) - target.reference(exact)
    if target.squeeze:
        difference = np.squeeze(difference)
    found = [exactly(d) for d in np.ravel(difference)]  # rationals exactly; logs to DIGITS digits
    if not any(d is not None and d.is_comparable and abs(d) > 1e-25 for d in found):
        undefined = any(d is not None and not d.is_comparable for d in found)
        return Verdict(Outcome.UNDECIDED, Text("Could not decide: the two judges disagree."), evidence=(
            Text("With {shapes}, floating point says the values differ; in exact arithmetic on integer matrices your "
                 "answer is undefined at some entries (a division by 0, the log of a number ≤ 0 or the root of a "
                 "negative number).", shapes=shown)
            if undefined else
            Text("With {shapes}, floating point says the values differ; exact arithmetic on integer matrices says "
                 "they agree.", shapes=shown) if all(d is not None for d in found) else
            Text("With {shapes}, floating point says the values differ; exact arithmetic on integer matrices could "
                 "not settle it, even with {digits} digits (its terms cancel).", shapes=shown, digits=WORKING_DIGITS)))
    k = np.unravel_index(np.argmin(close(got, right)), got.shape)
    return Verdict(Outcome.NOT_EQUIVALENT, Text("Right shape {right}, wrong values on random matrices ({shapes}); "
                                                "exact arithmetic confirms it.", right=right.shape, shapes=shown),
                   hint=_matrix_hint(target, got, env), counterexample=(("entry", tuple(int(i) for i in k)),
                                                                         ("yours", float(got[k])), ("right", float(right[k]))),
                   shape=got.shape)


def _matrix_hint(target, got, env):
    for hint, variant in target.mistakes:
        value = np.squeeze(variant(env)) if target.squeeze else variant(env)
        if value.shape == got.shape and close(got, value).all():
            return hint
    return ""
