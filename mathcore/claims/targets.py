r"""The checker's targets for layer l of a network and for what else a note claims (#34 item 3), made here so that
``mathcore.checker`` stays the one judge: ``network_targets(Target, entrywise)`` is called once by its catalogue.

Shapes (course notation, n = n[l], p = n[l-1], q = n[l+1], m examples):
    Z = W A_prev + b          W (n, p), A_prev (p, m), b (n, 1)
    A = g(Z)                  entry by entry, for each activation g (its key: "tanh", "relu", ...)
    dZ = dA * g'(Z)           any layer, from dA (entry by entry: a scalar target in dA and z)
    dZ = W_next^T dZ_next * g'(Z)   a hidden layer, W_next (n[l+1], n), dZ_next (n[l+1], m)
    dA_prev = W^T dZ          W (n, p), dZ (n, m)
    dW = dZ A_prev^T, db = dZ  one example (m = 1, no 1/m: the lecture's first form)
    db = (1/m) Σ dZ           week 2's one unit: a number
    W := W - α dW             every parameter's update
    L = ½ (ŷ - y)²            the squared error, its own claim; -log ŷ and -log(1 - ŷ), the loss for y = 1 and y = 0
"""

import numpy as np
import sympy as sp

from mathcore import derivations as D
from mathcore.answer import read
from mathcore.claims.notation import SLOPES
from mathcore.functions import ACTIVATIONS, sigmoid
from mathcore.text import Text

N, P, M = 3, 2, 5  # the checker's first SIZES (n, p, m): its other sizes resize these; n[l+1] is drawn as p
#: The activations a layer's claims are judged with, in the order readings are tried.
LAYER_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu")


def network_targets(Target, entrywise, evaluate):
    """The targets below, as ``mathcore.checker.Target`` records (``entrywise(function, *arrays)`` and
    ``evaluate(tree, env, exact=...)``: the checker's)."""
    z, y, a = D.z, D.y, sp.Symbol("a", real=True)
    dA, w, alpha, dw = (sp.Symbol(name, real=True) for name in ("dA", "w", "alpha", "dw"))
    found = []
    for key in LAYER_ACTIVATIONS:
        g = ACTIVATIONS[key]
        slope = sp.diff(g.g(z), z)
        if key != "sigmoid":  # σ(z) is the checker's own target
            forward = {"relu": sp.Max(0, z), "leaky_relu": sp.Max(z / 100, z)}.get(key, g.g(z))  # SymPy simplifies Max
            found.append(Target(key, Text("g(z) = {name}", name=g.name), r"g(z)", ("z",), forward, domain_z=g.domain,
                                mistakes=((Text("That is the sigmoid."), sigmoid(z)),), right=sp.latex(g.g(z))))
        found.append(Target(f"dZ_layer_{key}", Text("dZ = dA * g'(Z) for g = {name}", name=g.name), "dZ^{[l]}",
                            ("dA", "da", "z", "a"), dA * slope, names={"a": g.g(z), "da": dA}, domain_z=g.domain,
                            mistakes=((Text("g' is missing: dZ = dA * g'(Z)."), dA),),
                            right=rf"dA^{{[l]}} * {sp.latex(slope.subs(g.g(z), a))}"))
        found.append(_hidden(Target, entrywise, evaluate, key, g))
    # the loss's other forms, and the updates of any parameter
    found += [
        Target("squared_error_loss", Text("the squared-error loss ½(ŷ − y)²"), r"L(\hat{y}, y)", ("a", "y"),
               (sigmoid(z) - y) ** 2 / 2, right=r"\frac{1}{2}(\hat{y} - y)^2"),
        Target("loss_given_y1", Text("the loss for y = 1, −log ŷ"), r"L", ("a",), -sp.log(sigmoid(z)),
               right=r"-\log \hat{y}"),
        Target("loss_given_y0", Text("the loss for y = 0, −log(1 − ŷ)"), r"L", ("a",), -sp.log(1 - sigmoid(z)),
               right=r"-\log(1 - \hat{y})"),
        Target("update_W", Text("the gradient-descent update of W (or any parameter)"), r"W :=", ("W", "alpha", "dW"),
               w - alpha * dw, names={"W": w, "dW": dw},
               mistakes=((Text("Gradient descent steps against the gradient: W − α dW."), w + alpha * dw),
                         (Text("The learning rate α is missing."), w - dw)), right=r"W - \alpha \, dW"),
    ]
    shapes = {"W": (N, P), "A_prev": (P, M), "X": (P, M), "b": (N, 1)}
    found += [
        Target("z_layer", Text("Z = W A_prev + b, layer l"), "Z^{[l]}", ("W", "A_prev", "X", "b"),
               lambda e: e["W"] @ e["A_prev"] + e["b"], shapes,
               mistakes=((Text("W A[l−1], not W A[l]: a layer reads the previous layer's activations."),
                          lambda e: e["W"] @ e["A_prev"]),), right=r"W^{[l]} A^{[l-1]} + b^{[l]}"),
        Target("dA_prev", Text("dA[l−1] = W[l]ᵀ dZ[l]"), "dA^{[l-1]}", ("W", "dZ"), lambda e: e["W"].T @ e["dZ"],
               {"W": (N, P), "dZ": (N, M)}, right=r"W^{[l]T} dZ^{[l]}",
               mistakes=((Text("The transpose of W is missing or misplaced: dA[l−1] = W[l]ᵀ dZ[l]."),
                          lambda e: e["dZ"].T @ e["W"]),)),
        Target("dW_example", Text("dW of a layer, one example"), "dW^{[l]}", ("dZ", "A_prev", "X"),
               lambda e: e["dZ"] @ e["A_prev"].T, {"dZ": (N, 1), "A_prev": (P, 1), "X": (P, 1)},
               right=r"dz^{[l]} a^{[l-1]T}"),
        Target("db_example", Text("db of a layer, one example"), "db^{[l]}", ("dZ",), lambda e: e["dZ"],
               {"dZ": (N, 1)}, right=r"dz^{[l]}"),
    ]
    return found


def _hidden(Target, entrywise, evaluate, key, g):
    """dZ[l] = W[l+1]ᵀ dZ[l+1] * g'(Z[l]) for a hidden layer with activation g; A = g(Z) is given too. g' is
    notation.SLOPES's, as the answer reader reads it (one record of each slope's text)."""
    tree = read("W_next.T @ dZ_next * " + SLOPES[key].format(u="Z")).tree

    def reference(e):
        return evaluate(tree, e, exact=any(np.asarray(v).dtype == object for v in e.values()))

    def prepare(e):
        return {**e, "A": entrywise(key, e["Z"])}

    return Target(f"dZ_hidden_{key}", Text("dZ of a hidden layer, g = {name}", name=g.name), "dZ^{[l]}",
                  ("W_next", "dZ_next", "Z", "A", "Y"), reference,
                  {"W_next": (P, N), "dZ_next": (P, M), "Z": (N, M), "A": (N, M), "Y": (1, M)}, prepare=prepare,
                  mistakes=((Text("g'(Z[l]) is missing: dZ[l] = W[l+1]ᵀ dZ[l+1] * g'(Z[l])."),
                             lambda e: e["W_next"].T @ e["dZ_next"]),
                            (Text("That is the output layer's dZ, A − Y; a hidden layer's comes from the layer "
                                  "after it: W[l+1]ᵀ dZ[l+1] * g'(Z[l])."), lambda e: e["A"] - e["Y"])),
                  right=r"W^{[l+1]T} dZ^{[l+1]} * g^{[l]\prime}(Z^{[l]})")
