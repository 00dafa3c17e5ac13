"""What the math costs on this machine (the first part of ``python -m benchmarks``).

1. Each derivation built, proved and checked from cold (what the app's cache saves).
2. The vectorized gradient (``propagate``) against the per-example loop, with the speedup; the layer backward step
   SymPy wrote against the hand-written one.
3. A cost surface J(w, b) (and its Hessian) on a 150 x 150 grid over m examples, broadcast,
   against a Python loop over the grid points.
4. Training a network at the training page's defaults, for ReLU, tanh and the sigmoid.
"""

import numpy as np


from benchmarks import previous
from mathcore import codegen, network
from mathcore.derivations import CATALOGUE, derivation
from mathcore.datasets import one_feature_synthetic, two_class
from mathcore.logistic import propagate, propagate_loop
from mathcore.surface import FIELDS, surface, surface_loop
from mathcore.timing import best_time
from mathcore.vectorization import per_example_gradient


def from_store(quick):
    """Seconds for every derivation read from the proofs on disk, in a fresh process (what a restarted server
    pays), after one pass that makes sure they are there."""
    import subprocess
    import sys

    keys = list(CATALOGUE)[:3] if quick else list(CATALOGUE)
    code = ("import sys, time; from mathcore import store; keys = sys.argv[1:]; t = time.perf_counter(); "
            "[store.proved(k) for k in keys]; print(time.perf_counter() - t)")
    subprocess.run([sys.executable, "-c", code, *keys], check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-c", code, *keys], check=True, capture_output=True, text=True)
    return float(done.stdout)


def main(quick=False):
    """Print the three tables; ``quick`` runs a few small cases only (the test suite's smoke run)."""
    print("derivation from cold, in catalogue order in one process (SymPy's own cache warms as it goes)   was")
    total = 0.0
    for key in list(CATALOGUE)[:3] if quick else CATALOGUE:
        t = best_time(lambda: derivation(key).checks, repeat=1)
        total += t
        was = previous.DERIVATION_MS.get(key)  # none for a derivation added since
        print(f"  {key:30s} {t * 1e3:8.1f} ms   " + (f"{was:8.1f} ms" if was else f"{'—':>8s}"))
    print(f"  {'all':30s} {total * 1e3:8.1f} ms   {previous.ALL_DERIVATIONS_MS:8.1f} ms")
    print(f"  all, read from the proofs on disk in a fresh process: {from_store(quick) * 1e3:.0f} ms "
          "(imports excluded)\n")

    print("gradient of the cost, n_x = 20      loop        vectorized   speedup")
    rng = np.random.default_rng(0)
    for m in (1_000,) if quick else (1_000, 10_000, 100_000):
        X, Y = rng.normal(size=(20, m)), rng.integers(0, 2, (1, m)).astype(float)
        w, b = rng.normal(size=(20, 1)), 0.1
        (fast, _), (slow, _) = propagate(w, b, X, Y), propagate_loop(w, b, X, Y)
        assert np.allclose(fast["dw"], slow["dw"]) and np.isclose(fast["db"], slow["db"])
        t_loop, t_vec = best_time(lambda: propagate_loop(w, b, X, Y), 1), best_time(lambda: propagate(w, b, X, Y), 20)
        print(f"  m = {m:>6,}                  {t_loop * 1e3:9.1f} ms {t_vec * 1e3:9.3f} ms {t_loop / t_vec:9.0f}x")

    m = 1_000 if quick else 100_000
    print(f"\nthe layer backward step SymPy wrote (mathcore.codegen) against the hand-written one, n[l-1] = 100, "
          f"m = {m:,}")
    for n, g in ((1, "sigmoid"), (20, "relu"), (20, "tanh")):
        dA, Z, A_prev, W = (rng.normal(size=shape) for shape in ((n, m), (n, m), (100, m), (n, 100)))
        by_sympy = lambda: codegen.layer_backward(g)(dA, Z, A_prev, W)  # noqa: E731
        by_hand = lambda: network.layer_backward(dA, Z, A_prev, W, g)  # noqa: E731
        assert all(np.allclose(p, q) for p, q in zip(by_sympy(), by_hand()))
        t_sympy, t_hand = best_time(by_sympy, 5), best_time(by_hand, 5)
        print(f"  n[l] = {n:2d}, {g:8s} SymPy's {t_sympy * 1e3:7.1f} ms   by hand {t_hand * 1e3:7.1f} ms   "
              f"ratio {t_sympy / t_hand:.2f}x")
    X, Y = rng.normal(size=(100, m)), rng.integers(0, 2, (1, m)).astype(float)
    w, b = rng.normal(size=(100, 1)) / 10, 0.1
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    per_example = per_example_gradient()
    by_broadcast = lambda: per_example(A, Y, X).mean(axis=1, keepdims=True)  # noqa: E731
    by_numpy = lambda: X @ (A - Y).T / X.shape[1]  # noqa: E731
    assert np.allclose(by_broadcast(), by_numpy())
    t_broadcast, t_numpy = best_time(by_broadcast, 5), best_time(by_numpy, 5)
    print(f"  before: the per-example SymPy form (a - y) x_j broadcast, then a mean: {t_broadcast * 1e3:.1f} ms, "
          f"{t_broadcast / t_numpy:.1f}x X (A - Y).T / m (was {previous.SYMPY_OVER_NUMPY}x)")

    grid = np.linspace(-8, 8, 30 if quick else 150)
    print(f"\ncost surface J and Hessian, {len(grid)} x {len(grid)} grid   point loop   broadcast   speedup   "
          "broadcast was")
    for m in (100,) if quick else (100, 1_000):
        x, y = one_feature_synthetic(m=m)
        for loss in ("cross_entropy", "squared_error"):
            fast, slow = surface(x, y, grid, grid, loss), surface_loop(x, y, grid, grid, loss)
            assert all(np.allclose(getattr(fast, k), getattr(slow, k)) for k in FIELDS)
            t_loop = best_time(lambda: surface_loop(x, y, grid, grid, loss), 1)
            t_grid = best_time(lambda: surface(x, y, grid, grid, loss), 3)
            print(f"  m = {m:>5,}, {loss:14s}             {t_loop * 1e3:7.0f} ms {t_grid * 1e3:8.0f} ms "
                  f"{t_loop / t_grid:8.1f}x {previous.SURFACE_MS.get((m, loss), float('nan')):8.0f} ms")


    print("\ntraining a network on the flower (the training page's defaults: [2, 4, 1], α = 1.2, Xavier)")
    d = two_class("flower")
    iterations = 200 if quick else 2000
    for hidden in ("relu", "tanh", "sigmoid"):
        layers = network.initialize([2, 4, 1], hidden, seed=1)
        t = best_time(lambda: network.train(d.X_train, d.Y_train, layers, 1.2, iterations, every=10), 1 if quick else 3)
        run = network.train(d.X_train, d.Y_train, layers, 1.2, iterations, every=10)
        hit = run.first_reaching(0.3)
        reached = f"J <= 0.3 at iteration {hit[0]} ({hit[1] * 1e3:.0f} ms)" if hit else "J <= 0.3 not reached"
        print(f"  {hidden:8s} {iterations} iterations {t * 1e3:7.0f} ms   final J {run.costs[-1]:.3f}   {reached}")
