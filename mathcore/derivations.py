"""The course's derivations, each built from the definitions in ``functions`` and ``losses``.

Symbols (the blackboard's): one example with n_x features,

    z = sum_{k=1}^{n_x} w_k x_k + b,   a = g(z),   L = L(a, y)

Results are never typed in: each step is what SymPy gives from the step before
(``doit``, ``simplify``), or a readable form that ``Derivation`` proves equal to it.
"""

from functools import partial

import sympy as sp

import numpy as np

from mathcore.derivation import Derivation, Step
from mathcore.judge import LABEL, PROBABILITY, Domain, real
from mathcore.functions import ACTIVATIONS, leaky_relu, relu, sigmoid, tanh
from mathcore.losses import LOSSES, cross_entropy
from mathcore.text import Text

z, a, y, b, alpha = sp.symbols("z a y b alpha", real=True)
w, x = sp.IndexedBase("w"), sp.IndexedBase("x")
j, k, n_x = sp.symbols("j k n_x", integer=True, positive=True)
_p = sp.Symbol("p", integer=True, nonnegative=True)

#: The linear part of one unit, z = sum_k w_k x_k + b.
LINEAR = sp.Sum(w[k] * x[k], (k, 1, n_x)) + b
#: n_x >= j, said so that SymPy can drop the Kronecker delta's other terms.
J_AT_MOST_N_X = ((n_x, j + _p),)
#: The numeric checks use three features and differentiate by the second weight.
THREE_FEATURES = ((n_x, 3), (j, 2))

def _simpler(expr):
    """SymPy's simplified form, when it is shorter than ``expr``; else None."""
    simplified = sp.simplify(expr)
    return simplified if sp.count_ops(simplified) < sp.count_ops(expr) else None


# -- the sigmoid and its properties --------------------------------------------------

def sigmoid_at_zero():
    """sigma(0) = 1/2."""
    one_plus = 1 + sp.exp(sp.S.Zero, evaluate=False)
    return Derivation(
        "sigmoid_at_zero", Text("σ(0) = 1/2"), r"\sigma(0)", sigmoid(0),
        (Step(1 / one_plus, Text(r"definition of $\sigma$")),
         Step(sp.S.Half, r"$e^{0} = 1$")),
        domains={},
    )


def sigmoid_limit(to):
    """lim sigma(z) as z -> +oo is 1, as z -> -oo is 0."""
    s = 1 / (1 + sp.exp(-z))
    limit = sp.Limit(s, z, to)
    why = r"$e^{-z} \to 0$" if to == sp.oo else r"$e^{-z} \to \infty$"
    sign, side = ("", "pos") if to == sp.oo else ("-", "neg")
    return Derivation(
        f"sigmoid_limit_{side}", Text("lim σ(z) at {sign}∞", sign=sign), sp.latex(sp.Limit(sigmoid(z), z, to)),
        sp.Limit(sigmoid(z), z, to),
        (Step(limit, Text(r"definition of $\sigma$")), Step(limit.doit(), why)),
        domains={"z": real(-4, 4)},
    )


def sigmoid_symmetry():
    """sigma(-z) = 1 - sigma(z)."""
    e = sp.exp(-z)
    return Derivation(
        "sigmoid_symmetry", Text("σ(−z) = 1 − σ(z)"), r"\sigma(-z)", sigmoid(-z),
        (Step(1 / (1 + sp.exp(z)), Text(r"definition of $\sigma$")),
         Step(e / (e + 1), Text(r"multiply top and bottom by $e^{-z}$")),
         Step(1 - 1 / (1 + e), r"$\frac{e^{-z}}{1 + e^{-z}} = \frac{(1 + e^{-z}) - 1}{1 + e^{-z}}$"),
         Step(1 - sigmoid(z), Text(r"definition of $\sigma$"))),
        domains={"z": real(-4, 4)},
    )


def da_dz():
    """da/dz for a = sigma(z), from sigma's definition: sigma(z)(1 - sigma(z)) = a(1 - a)."""
    s, e = 1 / (1 + sp.exp(-z)), sp.exp(-z)
    derivative = sp.Derivative(s, z)
    split = sp.Mul(sp.UnevaluatedExpr(s), sp.UnevaluatedExpr(e / (1 + e)), evaluate=False)
    return Derivation(
        "da_dz", Text("da/dz (sigmoid)"), r"\frac{da}{dz}", sp.Derivative(sigmoid(z), z),
        (Step(derivative, Text(r"definition of $\sigma$")),
         Step(derivative.doit(), Text(r"chain rule on $(1 + e^{-z})^{-1}$")),
         Step(split, Text("split the fraction")),
         Step(sigmoid(z) * (1 - sigmoid(z)), r"$\frac{e^{-z}}{1 + e^{-z}} = 1 - \sigma(z)$"),
         Step(a * (1 - a), r"$a = \sigma(z)$")),
        domains={"z": real(-4, 4)}, where=((a, sigmoid(z)),),
    )


def sigmoid_derivative_max():
    """sigma'(z) = 1/4 - (a - 1/2)^2 <= 1/4, the largest slope at z = 0."""
    slope = sp.diff(sigmoid(z), z)
    z_star, = sp.solve(sp.diff(slope.rewrite(sp.exp), z), z)
    top = sp.simplify(slope.subs(z, z_star).rewrite(sp.exp))
    square = sp.Rational(1, 4) - (a - sp.S.Half) ** 2
    return Derivation(
        "sigmoid_derivative_max", Text("max σ'(z) = 1/4 at z = 0"), r"\sigma'(z)",
        sp.Derivative(sigmoid(z), z),
        (Step(slope, Text(r"$\sigma' = \sigma(1 - \sigma)$, derived above")),
         Step(slope.subs(sigmoid(z), a), r"$a = \sigma(z)$"),
         Step(square, Text("complete the square"))),
        domains={"z": real(-4, 4)}, where=((a, sigmoid(z)),),
        note=Text(r"A square is never negative, so $\sigma'(z) \le {bound}$, "
                  r"with equality only at $a = \tfrac12$. SymPy solves $\sigma''(z) = 0$: "
                  r"$z = {z_star}$, where $\sigma'(z) = {top}$.", bound=sp.latex(square.args[0]),
                  z_star=sp.latex(z_star), top=sp.latex(top)),
    )


# -- the other activations ----------------------------------------------------------

def tanh_derivative():
    """tanh'(z) = 1 - tanh(z)^2."""
    quotient = sp.Derivative(sp.sinh(z) / sp.cosh(z), z)
    return Derivation(
        "tanh_derivative", Text("d tanh/dz"), r"\frac{d}{dz}\tanh z", sp.Derivative(tanh(z), z),
        (Step(quotient, r"$\tanh = \sinh / \cosh$"),
         Step(quotient.doit(), Text(r"quotient rule, $\sinh' = \cosh$, $\cosh' = \sinh$")),
         Step(sp.diff(tanh(z), z), r"$\sinh / \cosh = \tanh$")),
        domains={"z": real(-3, 3)},
    )


def relu_derivative():
    """ReLU'(z) = 1 for z > 0, 0 for z <= 0 (the left slope at the kink)."""
    pieces = sp.Derivative(relu(z).rewrite(sp.Piecewise), z)
    return Derivation(
        "relu_derivative", Text("d ReLU/dz"), r"\frac{d}{dz}\operatorname{ReLU}(z)",
        sp.Derivative(relu(z), z),
        (Step(pieces, r"$\operatorname{ReLU}(z) = \max(0, z)$"),
         Step(pieces.doit(), Text(r"each piece; at the kink $z = 0$ we take the left slope 0"))),
        domains={"z": real(-3, 3, avoid=0)},
        note=Text(r"ReLU has no derivative at $z = 0$; like the course's code (`dZ[Z <= 0] = 0`) we use 0 there."),
    )


def leaky_relu_derivative():
    """LeakyReLU'(z) = 1 for z > 0, alpha for z <= 0."""
    pieces = sp.Derivative(leaky_relu(z, alpha).rewrite(sp.Piecewise), z)
    return Derivation(
        "leaky_relu_derivative", Text("d LeakyReLU/dz"), r"\frac{d}{dz}\operatorname{LeakyReLU}_\alpha(z)",
        sp.Derivative(leaky_relu(z, alpha), z),
        (Step(pieces, r"$\operatorname{LeakyReLU}_\alpha(z) = \max(\alpha z, z)$"),
         Step(pieces.doit(), Text(r"each piece; at the kink $z = 0$ we take the left slope $\alpha$"))),
        domains={"z": real(-3, 3, avoid=0), "alpha": real(0.01, 0.3)},
        note=Text(r"No derivative at $z = 0$; we use the left slope $\alpha$ there."),
    )


def swish_derivative():
    """swish'(z) = sigma(z) + z sigma(z) (1 - sigma(z)), by the product rule."""
    swish = z * sigmoid(z)
    return Derivation(
        "swish_derivative", Text("d swish/dz"), r"\frac{d}{dz}\,z\,\sigma(z)", sp.Derivative(swish, z),
        (Step(sigmoid(z) + z * sp.Derivative(sigmoid(z), z), Text(r"product rule: $(z\,\sigma)' = \sigma + z\,\sigma'$")),
         Step(sp.diff(swish, z), Text(r"$\sigma' = \sigma(1 - \sigma)$, derived above")),
         Step(sigmoid(z) * (1 + z * (1 - sigmoid(z))), Text(r"take out $\sigma(z)$"))),
        domains={"z": real(-4, 4)},
        note=Text(r"Unlike ReLU it is smooth at 0, where its slope is $\tfrac12$, and for $z < 0$ it dips below 0 "
                  r"before it returns to 0."),
    )


# -- losses, and the chain rule ------------------------------------------------------

def dL_da_key(loss):
    """The catalogue key of dL/da for a loss: the one place this key is spelled."""
    return f"dL_da_{loss}"


def dL_dz_key(loss, activation):
    """The catalogue key of dL/dz for a loss after an activation: the one place this key is spelled.

    >>> dL_dz_key("cross_entropy", "sigmoid") in CATALOGUE
    True
    """
    return f"dL_dz_{loss}_{activation}"


def dL_da(loss="cross_entropy"):
    """dL/da: for cross-entropy -y/a + (1 - y)/(1 - a), for squared error a - y."""
    record = LOSSES[loss]
    L = record.L(a, y)
    return Derivation(
        dL_da_key(loss), Text("dL/da ({loss})", loss=record.name), r"\frac{\partial L}{\partial a}",
        sp.Derivative(L, a),
        (Step(sp.Derivative(L, a), Text("definition of the {loss} loss", loss=record.name)),
         Step(sp.diff(L, a), record.slope_rule)),
        domains={"a": PROBABILITY, "y": LABEL},
    )


def dL_dz(loss="cross_entropy", activation="sigmoid"):
    """dL/dz = dL/da * da/dz; cross-entropy after a sigmoid gives a - y.

    >>> sp.simplify(dL_dz().result - (a - y))
    0
    >>> dL_dz("squared_error").result
    a*(1 - a)*(a - y)
    """
    g = ACTIVATIONS[activation].g(z)
    L = LOSSES[loss].L(a, y)
    chain = sp.Derivative(L, a) * sp.Derivative(g, z)
    product = sp.diff(L, a) * sp.diff(g, z).subs(g, a)
    steps = [Step(chain, Text(r"chain rule: $\frac{\partial L}{\partial z} = "
                         r"\frac{\partial L}{\partial a}\frac{\partial a}{\partial z}$")),
             Step(product, Text(r"$\frac{{\partial L}}{{\partial a}}$ as derived; {slope}",
                                slope=ACTIVATIONS[activation].slope_rule))]
    simpler = _simpler(product)
    if simpler is not None:
        steps.append(Step(simpler, Text("simplify: the $a(1 - a)$ cancels") if activation == "sigmoid"
                          and loss == "cross_entropy" else Text("simplify")))
    domains = {"z": real(*ACTIVATIONS[activation].domain, avoid=ACTIVATIONS[activation].kink), "y": LABEL,
               "alpha": real(0.01, 0.3)}
    return Derivation(
        dL_dz_key(loss, activation), Text("dL/dz ({loss}, {activation})", loss=LOSSES[loss].name,
                                          activation=ACTIVATIONS[activation].name),
        r"\frac{\partial L}{\partial z}", sp.Derivative(LOSSES[loss].L(g, y), z),
        tuple(steps), domains=domains, where=((a, g),),
    )


# -- the linear part, and the gradient of the parameters -----------------------------

_WX = {"w": real(-1, 1), "x": real(-1, 1), "b": real(-1, 1), "y": LABEL}


def dz_dw_j():
    """dz/dw_j = x_j."""
    derivative = sp.Derivative(LINEAR, w[j])
    return Derivation(
        "dz_dw_j", Text("dz/dw_j"), r"\frac{\partial z}{\partial w_j}", derivative,
        (Step(derivative, Text(r"definition of $z$")),
         Step(derivative.doit(), Text(r"$\frac{\partial w_k}{\partial w_j} = \delta_{jk}$, "
                                 r"which is 1 if $k = j$, else 0")),
         Step(x[j], Text(r"only the $k = j$ term is left ($1 \le j \le n_x$)"))),
        domains=_WX, assume=J_AT_MOST_N_X, concrete=THREE_FEATURES,
    )


def dz_db():
    """dz/db = 1."""
    derivative = sp.Derivative(LINEAR, b)
    return Derivation(
        "dz_db", Text("dz/db"), r"\frac{\partial z}{\partial b}", derivative,
        (Step(derivative, Text("definition of $z$")),
         Step(derivative.doit(), Text(r"the sum does not depend on $b$"))),
        domains=_WX, concrete=THREE_FEATURES,
    )


def dL_dw_j():
    """dL/dw_j = dL/dz * dz/dw_j = (a - y) x_j, for cross-entropy after a sigmoid."""
    chain = (sp.Derivative(cross_entropy(a, y), a) * sp.Derivative(sigmoid(z), z)
             * sp.Derivative(LINEAR, w[j]))
    return Derivation(
        "dL_dw_j", Text("dL/dw_j (cross-entropy, sigmoid)"), r"\frac{\partial L}{\partial w_j}",
        sp.Derivative(cross_entropy(sigmoid(LINEAR), y), w[j]),
        (Step(chain, Text(r"chain rule through $a$ and $z$")),
         Step(dL_dz().result * dz_dw_j().result,
              Text(r"$\frac{\partial L}{\partial z} = a - y$ and $\frac{\partial z}{\partial w_j} = x_j$, derived above"))),
        domains=_WX, where=((a, sigmoid(z)), (z, LINEAR)),
        assume=J_AT_MOST_N_X, concrete=THREE_FEATURES,
    )


def dL_db():
    """dL/db = dL/dz * dz/db = a - y, for cross-entropy after a sigmoid."""
    chain = sp.Derivative(cross_entropy(a, y), a) * sp.Derivative(sigmoid(z), z) * sp.Derivative(LINEAR, b)
    return Derivation(
        "dL_db", Text("dL/db (cross-entropy, sigmoid)"), r"\frac{\partial L}{\partial b}",
        sp.Derivative(cross_entropy(sigmoid(LINEAR), y), b),
        (Step(chain, Text(r"chain rule through $a$ and $z$")),
         Step(dL_dz().result * dz_db().result,
              Text(r"$\frac{\partial L}{\partial z} = a - y$ and $\frac{\partial z}{\partial b} = 1$, derived above"))),
        domains=_WX, where=((a, sigmoid(z)), (z, LINEAR)), concrete=THREE_FEATURES,
    )


# -- from one example to the cost over m examples -------------------------------------

i, m = sp.symbols("i m", integer=True, positive=True)
X, Y, A = sp.IndexedBase("X"), sp.IndexedBase("Y"), sp.IndexedBase("A")
#: Example i's linear part, z_i = sum_k w_k X_ki + b; and its activation A_i = sigma(z_i).
LINEAR_I = sp.Sum(w[k] * X[k, i], (k, 1, n_x)) + b
_A_I = ((A, sp.Lambda(i, sigmoid(LINEAR_I))),)
_COST = sp.Sum(cross_entropy(sigmoid(LINEAR_I), Y[i]), (i, 1, m)) / m
_XY = {"w": real(-1, 1), "X": real(-1, 1), "b": real(-1, 1), "Y": LABEL}


def dJ_dparameter(parameter="w_j"):
    """dJ/dw_j = (1/m) sum_i (A_i - Y_i) X_ji and dJ/db = (1/m) sum_i (A_i - Y_i).

    The derivative of the average is the average of the per-example derivatives.
    """
    theta = w[j] if parameter == "w_j" else b
    per_example = (A[i] - Y[i]) * (X[j, i] if parameter == "w_j" else 1)
    lhs = r"\frac{\partial J}{\partial w_j}" if parameter == "w_j" else r"\frac{\partial J}{\partial b}"
    example = r"$\frac{\partial L}{\partial w_j} = (a - y)\,x_j$" if parameter == "w_j" else \
        r"$\frac{\partial L}{\partial b} = a - y$"
    inside = sp.Sum(sp.Derivative(cross_entropy(sigmoid(LINEAR_I), Y[i]), theta), (i, 1, m)) / m
    return Derivation(
        f"dJ_d{'w_j' if parameter == 'w_j' else 'b'}", Text("dJ/d{parameter} (cost over m examples)", parameter=parameter), lhs,
        sp.Derivative(_COST, theta),
        (Step(inside, Text(r"the derivative of a sum is the sum of the derivatives")),
         Step(sp.Sum(per_example, (i, 1, m)) / m, Text("for each example, {example} (derived above)", example=example))),
        domains=_XY, where=_A_I, assume=J_AT_MOST_N_X, concrete=(*THREE_FEATURES, (m, 4)),
    )


# -- curvature: is the cost convex? -------------------------------------------------

def d2L_dz2(loss="cross_entropy"):
    """d^2L/dz^2 after a sigmoid: a(1 - a) >= 0 for cross-entropy; for squared error, a sign change."""
    first = dL_dz(loss).result.subs(a, sigmoid(z))
    derivative = sp.Derivative(first, z)
    second = derivative.doit().subs(sigmoid(z), a)
    steps = [Step(derivative, Text(r"differentiate $\frac{\partial L}{\partial z}$ (derived above) once more")),
             Step(second, Text(r"$\sigma' = \sigma(1 - \sigma)$, product rule; $a = \sigma(z)$"))]
    if loss == "squared_error":
        steps.append(Step(a * (1 - a) * (a * (1 - a) + (a - y) * (1 - 2 * a)), Text(r"collect $a(1 - a)$")))
    return Derivation(
        f"d2L_dz2_{loss}", Text("d²L/dz² ({loss}, sigmoid)", loss=LOSSES[loss].name), r"\frac{\partial^2 L}{\partial z^2}",
        sp.Derivative(LOSSES[loss].L(sigmoid(z), y), (z, 2)), tuple(steps),
        domains={"z": real(-4, 4), "y": LABEL}, where=((a, sigmoid(z)),),
    )


t, v1, v2 = sp.symbols("t v_1 v_2", real=True)
w_1, x_1 = sp.symbols("w x", real=True)  # one feature, one weight: the cost-surface page


def curvature_along(loss="cross_entropy"):
    """v^T H v for one example, H the Hessian in (w, b) of L(sigma(w x + b), y): L''(z) (v1 x + v2)^2.

    The second derivative along the line (w + t v1, b + t v2). For cross-entropy L''(z) = a(1 - a) > 0,
    so it is >= 0 in every direction v: each example's Hessian, and their average, are positive
    semi-definite.
    """
    L = sp.Function("L")(w_1, b)  # the example's loss as a function of (w, b), written out in ``where``
    along = LOSSES[loss].L(sigmoid((w_1 + t * v1) * x_1 + b + t * v2), y)
    hessian = (v1**2 * sp.Derivative(L, (w_1, 2)) + 2 * v1 * v2 * sp.Derivative(L, w_1, b)
               + v2**2 * sp.Derivative(L, (b, 2)))
    curvature = d2L_dz2(loss).result
    return Derivation(
        f"curvature_along_{loss}", Text("vᵀHv, one example ({loss})", loss=LOSSES[loss].name),
        r"\frac{d^2}{dt^2} L\bigl(\sigma((w + t v_1) x + b + t v_2)\bigr)\Big\rvert_{t=0}",
        sp.Derivative(along, (t, 2)),
        (Step(hessian, Text(r"chain rule along the line $(w + t v_1,\ b + t v_2)$: $v^\top H v$")),
         Step(curvature * (v1 * x_1 + v2) ** 2,
              Text(r"$z = w x + b$ is linear in $(w, b)$: $H = \frac{\partial^2 L}{\partial z^2}\,[x; 1][x; 1]^\top$, "
              r"with $\frac{\partial^2 L}{\partial z^2}$ derived above"))),
        domains={"w": real(-2, 2), "x": real(-2, 2), "b": real(-2, 2), "y": LABEL, "v_1": real(-1, 1),
                 "v_2": real(-1, 1), "t": Domain("0", lambda rng, n: np.zeros(n))},
        where=((L, LOSSES[loss].L(sigmoid(w_1 * x_1 + b), y)), (a, sigmoid(w_1 * x_1 + b))), assume=((t, 0),),
        note=(Text(r"For cross-entropy $a(1 - a) > 0$ and a square is never negative, so $v^\top H v \ge 0$ for "
              r"every direction $v$: each example's Hessian is positive semi-definite, and so is their average, "
              r"the Hessian of $J(w, b) = \frac1m \sum_i L^{(i)}$. $J$ is convex.")
              if loss == "cross_entropy" else
              Text(r"The factor $\frac{\partial^2 L}{\partial z^2}$ changes sign (see its derivation), so in some "
              r"directions the curvature is negative: $J$ is not convex.")),
    )


#: Every derivation, in the order a learner meets them: key -> builder (a function or a partial).
CATALOGUE = {
    "sigmoid_at_zero": sigmoid_at_zero,
    "sigmoid_limit_pos": partial(sigmoid_limit, sp.oo),
    "sigmoid_limit_neg": partial(sigmoid_limit, -sp.oo),
    "sigmoid_symmetry": sigmoid_symmetry,
    "da_dz": da_dz,
    "sigmoid_derivative_max": sigmoid_derivative_max,
    "tanh_derivative": tanh_derivative,
    "relu_derivative": relu_derivative,
    "leaky_relu_derivative": leaky_relu_derivative,
    "swish_derivative": swish_derivative,
    **{dL_da_key(loss): partial(dL_da, loss) for loss in LOSSES},
    # every loss after every activation it can follow (cross-entropy only after one whose values are in (0, 1))
    **{dL_dz_key(loss.key, g.key): partial(dL_dz, loss.key, g.key) for loss in LOSSES.values()
       for g in ACTIVATIONS.values() if g.probability or not loss.needs_probability},
    "dz_dw_j": dz_dw_j,
    "dz_db": dz_db,
    "dL_dw_j": dL_dw_j,
    "dL_db": dL_db,
    "dJ_dw_j": partial(dJ_dparameter, "w_j"),
    "dJ_db": partial(dJ_dparameter, "b"),
    "d2L_dz2_cross_entropy": partial(d2L_dz2, "cross_entropy"),
    "d2L_dz2_squared_error": partial(d2L_dz2, "squared_error"),
    "curvature_along_cross_entropy": partial(curvature_along, "cross_entropy"),
    "curvature_along_squared_error": partial(curvature_along, "squared_error"),
}


def derivation(key):
    """The derivation named ``key`` (see ``CATALOGUE``)."""
    if key not in CATALOGUE:
        raise KeyError(f"no derivation {key!r}; known: {', '.join(CATALOGUE)}")
    return CATALOGUE[key]()
