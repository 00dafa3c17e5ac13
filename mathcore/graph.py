"""The computation graph of one example with two features, built from its SymPy definitions.

    z = w1 x1 + w2 x2 + b,    a = sigma(z),    L = L(a, y)

Each node's parents are the free symbols of its definition, so the graph drawn is the
expression computed. Forward: every node's value. Backward, three ways that must agree:

- backprop: dL/dnode = sum over children of dL/dchild * dchild/dnode (local derivatives),
  from the output down, as the course draws it;
- SymPy: L written in terms of the node, differentiated and lambdified;
- finite differences: L recomputed with the node nudged by +-h (``step``).
"""

from dataclasses import dataclass
from functools import cache

import sympy as sp

from mathcore.functions import sigmoid, to_numpy
from mathcore.losses import LOSSES

x1, x2, w1, w2, b, y, z, a, L = sp.symbols("x1 x2 w1 w2 b y z a L", real=True)
#: Inputs and parameters, in the order they are drawn.
LEAVES = (x1, w1, x2, w2, b, y)
#: The nodes computed from others, output last.
COMPUTED = (z, a, L)
NODES = LEAVES + COMPUTED
EPS = 1e-6
#: How far a page lets x1, w1, x2, w2 and b go: |z| <= 10, so a = sigma(z) stays clear of
#: 0 and 1 in float64 (past |z| = 37 it rounds to 1 and log(1 - a) is -inf).
LEAF_RANGE = (-2.0, 2.0)


def step(node, value):
    """The finite-difference step: eps, but for a in (0, 1) a small fraction of its distance to
    0 or 1, so a +- h stays inside the domain of log a and log(1 - a).

    >>> step(z, 9.0), step(a, 0.5), step(a, 2e-5)
    (1e-06, 1e-06, 2e-08)
    """
    return min(EPS, value / 1000, (1 - value) / 1000) if node == a else EPS


def definitions(loss="cross_entropy"):
    """node -> its expression in its parents."""
    return {z: w1 * x1 + w2 * x2 + b, a: sigmoid(z), L: LOSSES[loss].L(a, y)}


@dataclass(frozen=True)
class Node:
    symbol: sp.Symbol
    definition: sp.Expr | None  # None for a leaf
    value: float
    backprop: float  # dL/dnode by the chain rule, node by node
    sympy: float  # dL/dnode, SymPy's derivative of L in terms of the node, lambdified
    finite_difference: float

    @property
    def name(self):
        return str(self.symbol)


@dataclass(frozen=True)
class Edge:
    parent: sp.Symbol
    child: sp.Symbol
    local: float  # d child / d parent at the forward values


def _in_terms_of(node, defs):
    """L written in the node and whatever is not computed from it."""
    expr = L
    for computed in reversed(COMPUTED):
        if computed == node:
            break
        expr = expr.subs(computed, defs[computed])
    return expr


def forward_backward(values, loss="cross_entropy"):
    """Nodes and edges of the graph at ``values`` (a float for each leaf's name).

    >>> nodes, _ = forward_backward({"x1": 1.0, "w1": 0.5, "x2": -2.0, "w2": 0.25, "b": 0.1, "y": 1.0})
    >>> {n.name: round(n.backprop, 6) for n in nodes if n.name in ("z", "w1", "b")}
    {'w1': -0.475021, 'b': -0.475021, 'z': -0.475021}
    """
    defs, forward, local, of_node = compiled(loss)
    at = {s: float(values[s.name]) for s in LEAVES}
    for node in COMPUTED:  # forward, in order
        at[node] = float(forward[node](*at.values()))

    edges = [Edge(parent, child, float(f(*[at[s] for s in NODES[:-1]]))) for (parent, child), f in local.items()]
    grad = {L: 1.0}
    for node in reversed(NODES[:-1]):  # backward, output first
        grad[node] = sum(grad[e.child] * e.local for e in edges if e.parent == node)

    nodes = []
    for node in NODES:
        args, numeric, derivative = of_node[node]
        point = [at[s] for s in args]
        k = args.index(node)
        up, down, h = list(point), list(point), step(node, at[node])
        up[k], down[k] = point[k] + h, point[k] - h
        nodes.append(Node(node, defs.get(node), at[node], grad[node], float(derivative(*point)),
                          float((numeric(*up) - numeric(*down)) / (2 * h))))
    return nodes, edges


@cache
def compiled(loss):
    """The graph's SymPy pieces for ``loss``, lambdified once per process:
    definitions; each computed node from the nodes before it; each edge's local derivative;
    and for each node, L in terms of it (args, L, dL/dnode)."""
    defs = definitions(loss)
    forward = {node: to_numpy(list(NODES[:NODES.index(node)]), defs[node]) for node in COMPUTED}
    local = {(parent, child): to_numpy(list(NODES[:-1]), sp.diff(defs[child], parent))
             for child in COMPUTED for parent in sorted(defs[child].free_symbols, key=NODES.index)}
    of_node = {}
    for node in NODES:
        f = _in_terms_of(node, defs)
        args = sorted(f.free_symbols | {node}, key=NODES.index)
        of_node[node] = (args, to_numpy(args, f), to_numpy(args, sp.diff(f, node)))
    return defs, forward, local, of_node

