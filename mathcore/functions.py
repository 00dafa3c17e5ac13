"""Activations as SymPy functions that know their own derivatives, and the bridge to NumPy.

Each activation is a SymPy ``Function`` with a derivative rule (``fdiff``), a rewrite
to elementary functions, a LaTeX form, and a NumPy counterpart used by ``lambdify``.

    sigma(z)   = 1 / (1 + e^{-z})          sigma'(z)   = sigma(z) (1 - sigma(z))
    tanh(z)    (SymPy's own)              tanh'(z)    = 1 - tanh(z)^2
    relu(z)    = max(0, z)                relu'(z)    = 1 if z > 0 else 0
    leaky_relu(z, alpha) = max(alpha z, z)   leaky_relu'(z) = 1 if z > 0 else alpha

The kink at 0: ReLU and leaky ReLU are not differentiable at z = 0. Like the
course's code (``dZ[Z <= 0] = 0``) we take the left slope there: relu'(0) = 0 and
leaky_relu'(0) = alpha. Numeric checks of these derivatives stay away from 0.

``ACTIVATIONS`` holds one ``Activation`` record per function a learner can pick: everything else (the
derivations, the network, the checker, the pages, the tests) iterates over it. Adding an activation is
adding a record here, its derivative's derivation to the catalogue, and its name's translation.
"""

from dataclasses import dataclass
from functools import cached_property
from typing import Callable

import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from mathcore.text import Text

tanh = sp.tanh

#: The leaky ReLU slope for z < 0 used in the course.
LEAKY_SLOPE = sp.Rational(1, 100)


class sigmoid(sp.Function):
    r"""The logistic sigmoid, sigma(z) = 1 / (1 + e^{-z}).

    >>> z = sp.Symbol("z", real=True)
    >>> sp.diff(sigmoid(z), z)
    (1 - sigmoid(z))*sigmoid(z)
    >>> sigmoid(z).rewrite(sp.exp)
    1/(1 + exp(-z))
    >>> sp.latex(sigmoid(z)), sp.latex(sigmoid(-z))
    ('\\sigma(z)', '\\sigma\\left(- z\\right)')
    >>> sigmoid(2).evalf(8)
    0.88079708
    """

    nargs = 1

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, z, **kwargs):
        return 1 / (1 + sp.exp(-z))

    def _eval_evalf(self, prec):
        return self.rewrite(sp.exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        power = "" if exp is None else "^{%s}" % exp
        if self.args[0].is_Atom:
            return r"\sigma%s(%s)" % (power, arg)
        return r"\sigma%s\left(%s\right)" % (power, arg)


class relu(sp.Function):
    r"""ReLU(z) = max(0, z); its derivative is 1 for z > 0 and 0 for z <= 0.

    >>> z = sp.Symbol("z", real=True)
    >>> sp.diff(relu(z), z)
    Piecewise((1, z > 0), (0, True))
    >>> relu(-3), relu(2)
    (0, 2)
    """

    nargs = 1

    @classmethod
    def eval(cls, z):
        if z.is_Number:
            return sp.Max(0, z)

    def fdiff(self, argindex=1):
        z = self.args[0]
        return sp.Piecewise((1, z > 0), (0, True))

    def _eval_rewrite_as_Piecewise(self, z, **kwargs):
        return sp.Piecewise((z, z > 0), (0, True))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        power = "" if exp is None else "^{%s}" % exp
        return r"\operatorname{ReLU}%s\left(%s\right)" % (power, printer._print(self.args[0]))


class leaky_relu(sp.Function):
    r"""Leaky ReLU(z) = z for z > 0, alpha z otherwise; derivative 1 or alpha.

    >>> z, alpha = sp.symbols("z alpha", real=True)
    >>> sp.diff(leaky_relu(z, alpha), z)
    Piecewise((1, z > 0), (alpha, True))
    >>> leaky_relu(-2, LEAKY_SLOPE)
    -1/50
    """

    nargs = 2

    @classmethod
    def eval(cls, z, alpha):
        if z.is_Number and alpha.is_Number:
            return z if z > 0 else alpha * z

    def fdiff(self, argindex=1):
        z, alpha = self.args
        if argindex == 1:
            return sp.Piecewise((1, z > 0), (alpha, True))
        return sp.Piecewise((0, z > 0), (z, True))

    def _eval_rewrite_as_Piecewise(self, z, alpha, **kwargs):
        return sp.Piecewise((z, z > 0), (alpha * z, True))

    def _eval_is_real(self):
        return self.args[0].is_real and self.args[1].is_real

    def _latex(self, printer, exp=None):
        z, alpha = (printer._print(arg) for arg in self.args)
        power = "" if exp is None else "^{%s}" % exp
        return r"\operatorname{LeakyReLU}_{%s}%s\left(%s\right)" % (alpha, power, z)


def sigmoid_numpy(z):
    """sigma(z) = 1 / (1 + e^{-z}) where z >= 0, and e^{z} / (1 + e^{z}) where z < 0: one exponential, of -|z|,
    which never overflows, so finite and warning-free for every float z, and accurate to the last bits in both
    tails (half the time of the log-sum-exp form exp(-log(1 + e^{-z})))."""
    e = np.exp(-np.abs(z))
    r = 1 / (1 + e)
    return np.where(np.asarray(z) >= 0, r, e * r)[()]


def relu_numpy(z):
    """max(0, z), elementwise."""
    return np.maximum(0.0, z)


def leaky_relu_numpy(z, alpha):
    """z where z > 0, alpha z elsewhere."""
    return np.where(z > 0, z, alpha * z)


#: How lambdify turns our functions into NumPy.
NUMPY_FUNCTIONS = {
    "sigmoid": sigmoid_numpy,
    "relu": relu_numpy,
    "leaky_relu": leaky_relu_numpy,
}

class WherePrinter(NumPyPrinter):
    """NumPy code as lambdify writes it, but a two-piece Piecewise (relu', leaky_relu') as ``where``: NumPy's
    ``select``, lambdify's choice, took a third of a ReLU network's training step (``mathcore.codegen`` prints its
    layer code with it too)."""

    def _print_Piecewise(self, expr):
        if len(expr.args) != 2 or expr.args[1].cond is not sp.true:
            return super()._print_Piecewise(expr)
        (value, cond), (otherwise, _true) = expr.args
        where = self._module_format(self._module + ".where")
        return f"{where}({self._print(cond)}, {self._print(value)}, {self._print(otherwise)})"


def to_numpy(args, expr, cse=False):
    """lambdify ``expr`` (our own expressions only, never user text) to a NumPy function; ``cse``: computing each
    common subexpression once (σ(z) in σ'(z) = σ(z)(1 - σ(z))).

    >>> z = sp.Symbol("z", real=True)
    >>> float(to_numpy([z], sigmoid(z) * (1 - sigmoid(z)))(0.0))
    0.25
    >>> to_numpy([z], sp.diff(relu(z), z))(np.array([-1.0, 0.0, 2.0]))
    array([0, 0, 1])
    """
    printer = WherePrinter({"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": True,
                            "user_functions": {name: name for name in NUMPY_FUNCTIONS}})  # lambdify's own settings
    return sp.lambdify(args, expr, modules=[NUMPY_FUNCTIONS, "numpy"], printer=printer, cse=cse)


_z = sp.Symbol("z", real=True)


@dataclass(frozen=True)
class Activation:
    """One activation g, everything about it in one place (see the module docstring).

    ``forward`` and ``slope`` are lambdified from ``g`` and SymPy's derivative of it, so the numbers the network
    runs are the formula the pages show.
    """

    key: str  # the only spelling of it in code, links and the CLI
    name: str  # how the app writes it: a Text, translated where shown
    g: Callable  # g(z) as a SymPy expression of z, built from functions that know their derivatives
    derivative: str  # the catalogue key of the derivation of g'(z)
    slope_rule: str  # g'(z) in words and math, as a step of a chain-rule derivation cites it
    domain: tuple  # (low, high): where tests and checks draw z
    kink: float | None = None  # where g' jumps (checks stay clear of it), or None
    spellings: tuple = ()  # what a learner may type for it in an answer, besides its key
    probability: bool = False  # g(z) in (0, 1): it can feed the cross-entropy loss
    plain: Callable | None = None  # the teaching NumPy form, written out (timed against the others)
    mistakes: tuple = ()  # (hint, wrong g'(z) as a SymPy function of z): what the checker recognises

    @cached_property
    def forward(self):
        """g as a NumPy function of Z, elementwise."""
        return to_numpy([_z], self.g(_z), cse=True)

    @cached_property
    def slope(self):
        """g' as a NumPy function of Z: SymPy's derivative of ``g`` (at a kink, the left slope)."""
        return to_numpy([_z], sp.diff(self.g(_z), _z), cse=True)


SIGMOID = Activation("sigmoid", Text("sigmoid"), sigmoid, "da_dz",
                     r"$\sigma'(z) = \sigma(z)(1 - \sigma(z)) = a(1 - a)$", (-4.0, 4.0),
                     spellings=("sigma", "σ"), probability=True, plain=lambda Z: 1 / (1 + np.exp(-Z)))
TANH = Activation("tanh", Text("tanh"), tanh, "tanh_derivative", r"$\tanh'(z) = 1 - \tanh^2 z = 1 - a^2$", (-3.0, 3.0),
                  plain=np.tanh, mistakes=((Text("That is 1 + tanh²; it is 1 − tanh²(z)."), lambda z: 1 + tanh(z) ** 2),))
RELU = Activation("relu", Text("ReLU"), relu, "relu_derivative", Text(r"$\mathrm{ReLU}'(z)$ is 1 for $z > 0$, else 0"),
                  (-3.0, 3.0), kink=0.0, spellings=("ReLU",), plain=lambda Z: np.maximum(0.0, Z))
LEAKY_RELU = Activation("leaky_relu", Text("leaky ReLU (α = 0.01)"), lambda z: leaky_relu(z, LEAKY_SLOPE),
                        "leaky_relu_derivative",
                        Text(r"$\mathrm{LeakyReLU}'(z)$ is 1 for $z > 0$, else $\alpha$"), (-3.0, 3.0), kink=0.0,
                        spellings=("LeakyReLU",), plain=lambda Z: np.where(Z > 0, Z, 0.01 * Z))

SWISH = Activation("swish", Text("swish (z·σ(z))"), lambda z: z * sigmoid(z), "swish_derivative",
                   r"$\frac{d}{dz} z\,\sigma(z) = \sigma(z) + z\,\sigma(z)(1 - \sigma(z))$", (-4.0, 4.0),
                   spellings=("silu", "SiLU", "Swish"), plain=lambda Z: Z / (1 + np.exp(-Z)))

#: Every activation a learner can pick, by key, in the order the lessons meet them.
ACTIVATIONS = {g.key: g for g in (SIGMOID, TANH, RELU, LEAKY_RELU, SWISH)}
