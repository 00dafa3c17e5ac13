"""From one example to m: the vectorized backward step proved with symbolic matrices, the common
arrangement mistakes diagnosed, and one gradient computed four independent ways.

Shapes (layer l): dZ (n, m)   A_prev = A[l-1] (n_prev, m)   W (n, n_prev)   b (n, 1)
    dW = (1/m) dZ A_prev.T,   db = (1/m) sum_i dZ[:, i],   dA_prev = W.T dZ
dZ is per example (dZ[:, i] = dL^(i)/dZ[:, i]); summing over the m axis and dividing by m averages.
"""

import time
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
import sympy as sp

from mathcore.derivations import a, derivation, j, x, y
from mathcore.gradcheck import central_difference, relative_difference
from mathcore.judge import Outcome, Verdict, close, matrices
from mathcore.layer import bias_gradient, weight_gradient
from mathcore.logistic import propagate, propagate_loop, random_problem
from mathcore.text import Text
from mathcore.timing import best_time


@dataclass(frozen=True)
class BackwardProof:
    dZ: sp.Matrix
    A_prev: sp.Matrix
    W: sp.Matrix
    dW: sp.Matrix  # SymPy's derivative of J, entry by entry
    db: sp.Matrix
    dA_prev: sp.Matrix  # m times SymPy's derivative of J with respect to A_prev (per example, like dZ)
    per_example_sum: sp.Matrix  # (1/m) sum_i dZ[:, i] A_prev[:, i].T
    proved: dict


@lru_cache(maxsize=64)  # 4 x 4 x 4 sizes on the page: each proved once per process
def backward_proof(n, n_prev, m):
    """Differentiate J by every entry of W, b and A_prev with symbolic matrices, and compare.

    The chain rule is linear in the upstream gradient, so J may stand for any cost whose
    per-example gradients are dZ: J = (1/m) sum_{j,i} dZ_ji Z_ji with Z = W A_prev + b.
    """
    dZ = sp.Matrix(n, m, lambda r, c: sp.Symbol(f"dZ_{r + 1}{c + 1}", real=True))
    A_prev = sp.Matrix(n_prev, m, lambda r, c: sp.Symbol(f"A_{r + 1}{c + 1}", real=True))
    W = sp.Matrix(n, n_prev, lambda r, c: sp.Symbol(f"W_{r + 1}{c + 1}", real=True))
    b = sp.Matrix(n, 1, lambda r, c: sp.Symbol(f"b_{r + 1}", real=True))
    Z = W * A_prev + b * sp.ones(1, m)
    J = sum(dZ[r, c] * Z[r, c] for r in range(n) for c in range(m)) / m
    dW = W.applyfunc(lambda w: sp.diff(J, w))
    db = b.applyfunc(lambda v: sp.diff(J, v))
    dA_prev = A_prev.applyfunc(lambda v: m * sp.diff(J, v))
    per_example = sum((dZ[:, i] * A_prev[:, i].T for i in range(m)), sp.zeros(n, n_prev)) / m
    same = lambda P, Q: (P - Q).applyfunc(sp.expand) == sp.zeros(*P.shape)  # noqa: E731
    proved = {"dW = (1/m) dZ A_prev.T": same(dW, dZ * A_prev.T / m),
              "dW = (1/m) sum_i dZ[:, i] A_prev[:, i].T": same(dW, per_example),
              "db = (1/m) sum_i dZ[:, i]": same(db, dZ * sp.ones(m, 1) / m),
              "dA_prev = W.T dZ": same(dA_prev, W.T * dZ)}
    return BackwardProof(dZ, A_prev, W, dW, db, dA_prev, per_example, proved)


# -- the transpose detective ----------------------------------------------------------

RIGHT, WRONG = Outcome.EQUIVALENT, Outcome.NOT_EQUIVALENT

OPERANDS = ("dZ", "dZ.T", "A_prev", "A_prev.T")


def _arrays(n, n_prev, m, seed=0):
    dZ, A_prev = matrices({"dZ": (n, m), "A_prev": (n_prev, m)}, seed).values()
    return {"dZ": dZ, "dZ.T": dZ.T, "A_prev": A_prev, "A_prev.T": A_prev.T}


def check_dW(left, operator, right, scaled, n=3, n_prev=2, m=5):
    """Judge the candidate ``[(1/m)] left operator right`` for dW, by shape and then by value."""
    arrays = _arrays(n, n_prev, m)
    true = weight_gradient(arrays["dZ"], arrays["A_prev"])
    L, R = arrays[left], arrays[right]
    if {left.split(".")[0], right.split(".")[0]} != {"dZ", "A_prev"}:
        return Verdict(WRONG, Text("dW pairs dZ with A_prev: the weight W_jk joins input k of the layer below "
                                   "(a row of A_prev) to unit j (a row of dZ)."))
    if operator == "*":
        try:
            got = L * R
        except ValueError:
            return Verdict(WRONG, Text("`*` multiplies entry by entry and needs equal (or broadcastable) shapes: "
                                       "{left} and {right} are not. Summing over the m examples is a matrix "
                                       "product: use `@`.", left=L.shape, right=R.shape))
        return Verdict(WRONG, Text("`*` multiplies entry by entry: it gives shape {shape} and never sums over the "
                                   "examples. dW needs the matrix product `@`, which sums over the shared m axis.",
                                   shape=got.shape), shape=got.shape)
    if L.shape[1] != R.shape[0]:
        return Verdict(WRONG, Text("`@` needs the inner sizes to match: {left} @ {right} does not align "
                                   "({inner_left} ≠ {inner_right}). A transpose is missing or misplaced.",
                                   left=L.shape, right=R.shape, inner_left=L.shape[1], inner_right=R.shape[0]))
    got = (L @ R) / (m if scaled else 1)
    if got.shape == true.shape and close(got, true).all():
        return Verdict(RIGHT, Text("Right: {shape} = (n[l], n[l−1]), and the m axis was summed and averaged.",
                                  shape=got.shape), shape=got.shape)
    if got.shape == true.T.shape and close(got, true.T).all():
        return Verdict(WRONG, Text("This is dWᵀ, shape {shape}: W is (n[l], n[l−1]) = {true}. "
                                   "Swap the operands (and their transposes): dZ @ A_prev.T.", shape=got.shape,
                                   true=true.shape), shape=got.shape)
    if not scaled and got.shape == true.shape and close(got / m, true).all():
        return Verdict(WRONG, Text("Right shape and direction, but m times too large: the missing 1/m. The product "
                                   "sums over the m examples; J averages them."), shape=got.shape)
    if got.shape[0] == got.shape[1] == m or got.shape in ((n, n), (n_prev, n_prev)):
        return Verdict(WRONG, Text("Shape {shape}: the product summed over the wrong axis (units instead of "
                                   "examples). The m axis must be the one that disappears.", shape=got.shape),
                       shape=got.shape)
    return Verdict(WRONG, Text("Shape {shape}, but not dW {true}.", shape=got.shape, true=true.shape),
                   shape=got.shape)


def check_db(axis, keepdims, scaled, n=3, m=5):
    """Judge ``[(1/m)] np.sum(dZ, axis=axis, keepdims=keepdims)`` for db (n[l], 1)."""
    dZ = _arrays(n, 2, m)["dZ"]
    got = np.sum(dZ, axis=axis, keepdims=keepdims) / (m if scaled else 1)
    true = bias_gradient(dZ)
    if axis == 0:
        return Verdict(WRONG, Text("axis=0 adds the units of each example, giving shape {shape}. The examples are "
                                   "the columns: sum over axis=1.", shape=got.shape), shape=got.shape)
    if not keepdims:
        return Verdict(WRONG, Text("Without keepdims=True the result has shape {shape}, not ({n}, 1): "
                                   "b - α db would then broadcast to an (n, n) matrix.", shape=got.shape, n=n),
                       shape=got.shape)
    if not scaled:
        return Verdict(WRONG, Text("Right shape, but m times too large: the missing 1/m."), shape=got.shape)
    assert close(got, true).all()
    return Verdict(RIGHT, Text("Right: shape {shape}, the average of dZ over the m examples.",
                                            shape=got.shape), shape=got.shape)


# -- one gradient, four ways ----------------------------------------------------------

@cache
def per_example_gradient():
    """The derivation dL/dw_j = (a - y) x_j, lambdified: a NumPy function of (a, y, x_j)."""
    return sp.lambdify((a, y, x[j]), derivation("dL_dw_j").result, "numpy")


def four_ways(n_x, m, seed=0):
    """dJ/dw for logistic regression by the lambdified SymPy derivative, the vectorized NumPy formula,
    the per-example loop, and central differences; each against the vectorized one.

    Returns {method: (dw (n_x, 1), max absolute difference, relative difference)}.
    """
    w, b, X, Y = random_problem(n_x, m, seed)
    per_example = per_example_gradient()
    grads, _ = propagate(w, b, X, Y)
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    by_sympy = np.array([[np.mean(per_example(A, Y, X[k:k + 1]))] for k in range(n_x)])
    by_loop = propagate_loop(w, b, X, Y)[0]["dw"]
    by_differences = central_difference(lambda t: propagate(t.reshape(-1, 1), b, X, Y)[1], w.ravel(), 1e-6)
    reference = grads["dw"]
    results = {Text("vectorized NumPy: (1/m) X (A − Y)ᵀ"): reference,
               Text("lambdified SymPy: mean of (a − y) x_j"): by_sympy,
               Text("per-example loop"): by_loop, Text("central differences of J"): by_differences.reshape(-1, 1)}
    return {k: (v, float(np.max(np.abs(v - reference))), relative_difference(v, reference)) for k, v in results.items()}


# -- loops against NumPy, timed -----------------------------------------------------

@dataclass(frozen=True)
class Timing:
    m: int
    vectorized: float  # seconds
    loop: float  # seconds, measured or (if not ``measured``) extrapolated linearly in m
    measured: bool

    @property
    def speedup(self):
        return self.loop / self.vectorized


def time_gradients(m_values, n_x=20, loop_budget=0.25, seed=0, progress=None):
    """Time the vectorized and the per-example gradient over increasing m (outputs asserted equal first).

    The loop is timed at a size while its time there, predicted linearly in m from the last measured size,
    keeps the loop time spent within ``loop_budget`` seconds (the first size is always timed); beyond, its
    time is that prediction, marked as not measured. The loop's time is O(m): nothing in it outgrows a cache.
    """
    results, spent, last = [], 0.0, None
    for k, m in enumerate(m_values):
        w, b, X, Y = random_problem(n_x, m, seed)
        fast, _ = propagate(w, b, X, Y)
        vectorized = best_time(lambda: propagate(w, b, X, Y))
        predicted = None if last is None else last[1] * m / last[0]
        if predicted is None or spent + predicted <= loop_budget:
            start = time.perf_counter()
            slow, _ = propagate_loop(w, b, X, Y)
            loop = time.perf_counter() - start
            assert np.allclose(fast["dw"], slow["dw"]) and np.isclose(fast["db"], slow["db"])
            spent += loop
            last = (m, loop)
            results.append(Timing(m, vectorized, loop, True))
        else:
            results.append(Timing(m, vectorized, predicted, False))
        if progress is not None:
            progress((k + 1) / len(m_values))
    return results


def cache_sizes(root="/sys/devices/system/cpu/cpu0/cache"):
    """{level: bytes} of this CPU's data and unified caches, as Linux reports them; {} where it does not."""
    from pathlib import Path

    units = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}
    sizes = {}
    for index in sorted(Path(root).glob("index*")):
        try:
            kind, level, size = ((index / name).read_text().strip() for name in ("type", "level", "size"))
            if kind != "Instruction":
                sizes[int(level)] = int(size[:-1]) * units[size[-1]] if size[-1] in units else int(size)
        except (OSError, ValueError):
            continue
    return sizes


def working_set(m, n_x):
    """Bytes the vectorized gradient reads: X (n_x, m), A and Y (1, m), float64."""
    return 8 * m * (n_x + 2)


@dataclass(frozen=True)
class Jump:
    """Where the vectorized time per example grows most between two consecutive sizes, and why if a cache says."""

    m_before: int
    m_after: int
    ratio: float  # per-example time after / before
    bytes_before: int
    bytes_after: int
    level: int | None  # the cache whose size lies between the two working sets, if one does
    cache: int | None  # its bytes


def slowest_step(rows, n_x, caches, at_least=1.2):
    """The Jump of ``rows`` (Timings, increasing m) where vectorized seconds per example grow most, if by
    ``at_least``; its cause is the smallest cache that the working set outgrows between the two sizes."""
    steps = [(after.vectorized / after.m / (before.vectorized / before.m), before, after)
             for before, after in zip(rows, rows[1:])]
    if not steps or max(steps, key=lambda step: step[0])[0] < at_least:
        return None
    ratio, before, after = max(steps, key=lambda step: step[0])
    small, large = working_set(before.m, n_x), working_set(after.m, n_x)
    level = min((level for level, size in caches.items() if small <= size < large), default=None)
    return Jump(before.m, after.m, ratio, small, large, level, caches.get(level))


def dot_against_sum(n=1_000_000, seed=0):
    """Seconds for w . x by ``np.dot`` and by a Python ``sum`` over the pairs (results asserted equal)."""
    rng = np.random.default_rng(seed)
    u, v = rng.normal(size=n), rng.normal(size=n)
    assert np.isclose(np.dot(u, v), sum(p * q for p, q in zip(u.tolist(), v.tolist())))
    return best_time(lambda: np.dot(u, v)), best_time(lambda: sum(p * q for p, q in zip(u.tolist(), v.tolist())), 1)
