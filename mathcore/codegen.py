"""SymPy writes the vectorized code: one layer's backward step derived with matrix symbols, then printed as NumPy.

Shapes (layer l, sizes left symbolic): dA, Z, dZ (n, m)   A_prev (n_prev, m)   W (n, n_prev)   b (n, 1)
    Z = W A_prev + b 1ᵀ,   A = g(Z) elementwise
With J standing for any cost whose per-example gradients are dA (the chain rule is linear in them),
    J = (1/m) tr(dAᵀ g(Z))       gives  dZ = m ∂J/∂Z = dA ⊙ g'(Z)
    J = (1/m) tr(dZᵀ Z)          gives  dW = ∂J/∂W = (1/m) dZ A_prevᵀ,   db = ∂J/∂b = (1/m) dZ 1,
                                        dA_prev = m ∂J/∂A_prev = Wᵀ dZ
SymPy takes every derivative with respect to a whole matrix (``sp.diff(J, W)``); the printer below writes
matrix products as ``@``, a product with a column of ones as ``.sum(axis=1, keepdims=True)``, ⊙ as ``*``
and g' elementwise, so the function it writes is the derivation, run.
"""

from functools import cache

import numpy as np
import sympy as sp
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction

from mathcore import network
from mathcore.functions import ACTIVATIONS, NUMPY_FUNCTIONS, WherePrinter

n, n_prev, m = sp.symbols("n n_prev m", integer=True, positive=True)
dA, Z, dZ = (sp.MatrixSymbol(name, n, m) for name in ("dA", "Z", "dZ"))
A_prev = sp.MatrixSymbol("A_prev", n_prev, m)
W = sp.MatrixSymbol("W", n, n_prev)
b = sp.MatrixSymbol("b", n, 1)


class Elementwise(ElementwiseApplyFunction):
    """g applied to every entry. SymPy 1.14's own class takes a derivative that is any ``Function`` instance to be
    a function of the dummy alone, and calls its class; ReLU's Piecewise derivative is one and fails. Here only
    an applied function of exactly the dummy is, as the method meant."""

    def _get_function_fdiff(self):
        d = sp.Dummy("d")
        derivative = self.function(d).diff(d)
        if isinstance(derivative, sp.Function) and derivative.args == (d,):
            return type(derivative)
        return sp.Lambda(d, derivative)


@cache
def derived(activation):
    """{"dZ", "dW", "db", "dA_prev"}: SymPy's matrix derivatives (see the module docstring), for g = ``activation``.

    >>> d = derived("tanh")
    >>> d["dW"], d["db"], d["dA_prev"]
    (1/m*dZ*A_prev.T, 1/m*dZ*1, W.T*dZ)
    """
    d = sp.Dummy("d", real=True)
    g = Elementwise(sp.Lambda(d, ACTIVATIONS[activation].g(d)), Z)
    J_activation = sp.Trace(dA.T * g) / m
    J_linear = sp.Trace(dZ.T * (W * A_prev + b * sp.OneMatrix(1, m))) / m
    return {"dZ": sp.diff(m * J_activation, Z), "dW": sp.diff(J_linear, W), "db": sp.diff(J_linear, b),
            "dA_prev": (m * sp.diff(J_linear, A_prev)).doit()}


class VectorizedPrinter(WherePrinter):
    """NumPy code for matrix expressions as the course writes it: ``@``, ``.T``, ``.sum(axis=1, keepdims=True)``."""

    def __init__(self):
        super().__init__({"allow_unknown_functions": True})

    def _module_format(self, fqn, register=True):
        """``numpy.tanh`` as a notebook writes it: ``np.tanh``."""
        name = super()._module_format(fqn, register)
        return "np." + name[len("numpy."):] if name.startswith("numpy.") else name

    def _print_MatMul(self, expr):
        coefficient, matrices = expr.as_coeff_matrices()
        if isinstance(matrices[-1], sp.OneMatrix) and matrices[-1].shape[1] == 1:  # X 1 sums X's columns
            rest = matrices[:-1]
            inner = self._print(rest[0]) if len(rest) == 1 else f"({self._print(sp.MatMul(*rest))})"
            text = f"{inner}.sum(axis=1, keepdims=True)"
        else:
            text = " @ ".join(self.parenthesize(M, 60) for M in matrices)
        if coefficient == 1:
            return text
        numerator, denominator = sp.fraction(coefficient)
        text = text if numerator == 1 else f"{self._print(numerator)} * {text}"
        return text if denominator == 1 else f"{text} / {self._print(denominator)}"

    def _print_Transpose(self, expr):
        return f"{self.parenthesize(expr.arg, 70)}.T"

    def _print_HadamardProduct(self, expr):
        return " * ".join(self.parenthesize(arg, 50) for arg in expr.args)

    def _print_Piecewise(self, expr):
        """1 where c, else 0 is the condition itself (True multiplies as 1); other two pieces are ``where``."""
        (value, condition), (otherwise, _) = expr.args
        if (value, otherwise) == (1, 0):
            return f"({self._print(condition)})"
        return super()._print_Piecewise(expr)

    def _print_StrictGreaterThan(self, expr):
        return f"{self._print(expr.lhs)} > {self._print(expr.rhs)}"


ARGUMENTS = ("dA", "Z", "A_prev", "W")


def entrywise(node):
    """g'(Z) of an elementwise node as a scalar expression in a symbol named after its matrix (Z): what is
    printed once and applied to every entry."""
    (variable,), body = node.function.variables, node.function.expr
    return body.subs(variable, sp.Symbol(str(node.expr), real=True))


@cache
def source(activation):
    """The Python source of ``layer_backward(dA, Z, A_prev, W) -> dZ, dW, db, dA_prev`` for g = ``activation``,
    every line printed from ``derived``: g' is taken elementwise on Z, with shared parts computed once.

    >>> print(source("tanh"))  # doctest: +NORMALIZE_WHITESPACE
    def layer_backward(dA, Z, A_prev, W):
        m = dA.shape[1]
        g_prime = 1 - np.tanh(Z)**2
        dZ = g_prime * dA
        dW = dZ @ A_prev.T / m
        db = dZ.sum(axis=1, keepdims=True) / m
        dA_prev = W.T @ dZ
        return dZ, dW, db, dA_prev
    """
    printer = VectorizedPrinter()
    d = derived(activation)
    lines = [f"def layer_backward({', '.join(ARGUMENTS)}):", "    m = dA.shape[1]"]
    dZ_expression = d["dZ"]
    for node in dZ_expression.atoms(ElementwiseApplyFunction):
        shared, (body,) = sp.cse(entrywise(node), symbols=sp.numbered_symbols("s"))
        lines += [f"    {name} = {printer.doprint(value)}" for name, value in shared]
        lines.append(f"    g_prime = {printer.doprint(body)}")
        dZ_expression = dZ_expression.subs(node, sp.MatrixSymbol("g_prime", *node.shape))
    lines.append(f"    dZ = {printer.doprint(dZ_expression)}")
    lines += [f"    {key} = {printer.doprint(d[key])}" for key in ("dW", "db", "dA_prev")]
    lines.append("    return dZ, dW, db, dA_prev")
    return "\n".join(lines)


@cache
def layer_backward(activation):
    """The function ``source`` wrote, compiled (our own generated text, never a user's)."""
    namespace = {"np": np, **NUMPY_FUNCTIONS}
    exec(compile(source(activation), f"<SymPy: layer_backward for {activation}>", "exec"), namespace)
    return namespace["layer_backward"]


def ones(latex):
    r"""SymPy writes the column of ones as a bare 1 (``dZ 1``); the blackboard writes it bold, sized m.

    >>> ones(r"\frac{1}{m} dZ 1")
    '\\frac{1}{m} dZ \\mathbf{1}_{m}'
    """
    return latex[:-1] + r"\mathbf{1}_{m}" if latex.endswith(" 1") else latex


def formulas(activation):
    r"""[(name, LaTeX)] of the four derivatives as SymPy wrote them, g' written out on Z.

    >>> print(formulas("tanh")[1][1])
    dW = \frac{\partial J}{\partial W} = \frac{1}{m} dZ A_{prev}^{T}
    """
    d = derived(activation)

    def factor(node):
        return rf"\left({sp.latex(entrywise(node))}\right)" if isinstance(node, ElementwiseApplyFunction) \
            else sp.latex(node)

    factors = d["dZ"].args if isinstance(d["dZ"], sp.HadamardProduct) else (d["dZ"],)
    dZ_latex = r" \odot ".join(map(factor, factors))
    return [("dZ", rf"dZ = m\frac{{\partial J}}{{\partial Z}} = {dZ_latex}"),
            ("dW", rf"dW = \frac{{\partial J}}{{\partial W}} = {sp.latex(d['dW'])}"),
            ("db", rf"db = \frac{{\partial J}}{{\partial b}} = {ones(sp.latex(d['db']))}"),
            ("dA_prev", rf"dA^{{[l-1]}} = m\frac{{\partial J}}{{\partial A^{{[l-1]}}}} = {sp.latex(d['dA_prev'])}")]


def against_hand_written(activation, n, n_prev, m, seed=0):
    """{gradient: max |SymPy's − hand-written|} for dZ, dW, db, dA_prev on random arrays of these sizes."""
    rng = np.random.default_rng(seed)
    arrays = (rng.normal(size=(n, m)), rng.normal(size=(n, m)), rng.normal(size=(n_prev, m)),
              rng.normal(size=(n, n_prev)))
    return {name: float(np.max(np.abs(got - want))) for name, got, want in
            zip(("dZ", "dW", "db", "dA_prev"), layer_backward(activation)(*arrays),
                network.layer_backward(*arrays, activation))}
