"""Vectorization: the symbolic-matrix proof, every transpose-detective verdict, four ways, L layers checked."""

import numpy as np
import pytest
import sympy as sp

from mathcore.functions import ACTIVATIONS
from mathcore.network import backward, forward, gradient_check, initialize
from mathcore.vectorization import backward_proof, check_db, check_dW, four_ways, time_gradients


@pytest.mark.parametrize("sizes", [(1, 1, 1), (2, 3, 2), (3, 2, 4), (4, 4, 4)])
def test_backward_step_proved_with_symbolic_matrices(sizes):
    proof = backward_proof(*sizes)
    assert all(proof.proved.values()), proof.proved
    n, n_prev, m = sizes
    assert proof.dW.shape == (n, n_prev) and proof.db.shape == (n, 1) and proof.dA_prev.shape == (n_prev, m)
    # entry (j, k) is (1/m) sum_i dZ_ji A_ki, and forgetting the 1/m would not be equal
    expected = sum(proof.dZ[0, i] * proof.A_prev[n_prev - 1, i] for i in range(m)) / m
    assert sp.expand(proof.dW[0, n_prev - 1] - expected) == 0
    assert (proof.dW - proof.dZ * proof.A_prev.T).applyfunc(sp.expand) != sp.zeros(n, n_prev) or m == 1


@pytest.mark.parametrize("candidate, correct, says", [
    (("dZ", "@", "A_prev.T", True), True, "Right"),
    (("dZ", "@", "A_prev.T", False), False, "missing 1/m"),
    (("A_prev", "@", "dZ.T", True), False, "dWᵀ"),
    (("dZ", "@", "A_prev", True), False, "does not align"),
    (("dZ.T", "@", "A_prev", True), False, "does not align"),
    (("dZ", "*", "A_prev", True), False, "use `@`"),
    (("dZ", "*", "dZ", True), False, "pairs dZ with A_prev"),
])
def test_transpose_detective_dW(candidate, correct, says):
    verdict = check_dW(*candidate, n=3, n_prev=2, m=5)
    assert verdict.right == correct and says in verdict.message


def test_transpose_detective_wrong_axis_when_sizes_allow_it():
    verdict = check_dW("dZ.T", "@", "A_prev", True, n=3, n_prev=3, m=5)  # (5, 3) @ (3, 5): sums over units
    assert not verdict.right and "wrong axis" in verdict.message and verdict.shape == (5, 5)


def test_transpose_detective_elementwise_with_matching_shapes():
    verdict = check_dW("dZ", "*", "A_prev", True, n=3, n_prev=3, m=5)
    assert not verdict.right and "never sums over the examples" in verdict.message


@pytest.mark.parametrize("candidate, correct, says", [
    ((1, True, True), True, "Right"),
    ((0, True, True), False, "axis=1"),
    ((1, False, True), False, "keepdims=True"),
    ((1, True, False), False, "missing 1/m"),
])
def test_transpose_detective_db(candidate, correct, says):
    verdict = check_db(*candidate)
    assert verdict.right == correct and says in verdict.message


@pytest.mark.parametrize("n_x, m", [(1, 1), (5, 100), (20, 300)])
def test_four_ways_agree(n_x, m):
    rows = four_ways(n_x, m, seed=n_x)
    for method, (dw, largest, relative) in rows.items():
        assert dw.shape == (n_x, 1)
        assert relative < (1e-7 if "differences" in method else 1e-12), method


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_l_layer_gradients_pass_the_gradient_check(activation):
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(3, 10)), rng.integers(0, 2, (1, 10)).astype(float)
    layers = initialize([3, 4, 3, 1], activation, seed=1, b_scale=0.1)
    difference, analytic, _ = gradient_check(layers, X, Y)
    assert difference < 1e-7
    grads = backward(layers, forward(layers, X), X, Y)
    assert all(g.dW.shape == layer.W.shape and g.db.shape == layer.b.shape for g, layer in zip(grads, layers))


def test_relu_on_its_kink_fails_the_check_as_the_page_explains():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(3, 10)), rng.integers(0, 2, (1, 10)).astype(float)
    layers = initialize([3, 4, 3, 1], "relu", seed=1)  # b = 0: some Z are exactly 0
    assert any(np.any(Z == 0) for Z, _ in forward(layers, X)[:-1])
    assert gradient_check(layers, X, Y)[0] > 1e-3


def test_timings_measure_then_extrapolate():
    rows = time_gradients([10, 100, 1000], n_x=3, loop_budget=0.0)
    assert [t.measured for t in rows] == [True, False, False]
    assert rows[2].loop == pytest.approx(rows[0].loop * 100) and all(t.vectorized > 0 for t in rows)
    assert all(t.measured for t in time_gradients([10, 100, 1000], n_x=3, loop_budget=float("inf")))


def test_the_jump_in_vectorized_time_is_found_and_put_down_to_the_cache_it_outgrows(tmp_path):
    """The loops page explains its chart's jump from the measurements and the CPU's caches (here made up)."""
    from mathcore.vectorization import Timing, cache_sizes, slowest_step, working_set
    for index, (kind, level, size) in enumerate([("Data", 1, "32K"), ("Instruction", 1, "32K"),
                                                 ("Unified", 2, "1024K"), ("Unified", 3, "32768K")]):
        folder = tmp_path / f"index{index}"
        folder.mkdir()
        for name, value in (("type", kind), ("level", level), ("size", size)):
            (folder / name).write_text(f"{value}\n")
    caches = cache_sizes(tmp_path)
    assert caches == {1: 32 * 1024, 2: 1024 ** 2, 3: 32 * 1024 ** 2}
    per_example = {1_000: 1.3e-7, 3_162: 0.87e-7, 10_000: 1.23e-7, 31_622: 0.87e-7}  # seconds, as measured once
    rows = [Timing(m, t * m, 1.0, True) for m, t in per_example.items()]
    jump = slowest_step(rows, 20, caches)
    assert (jump.m_before, jump.m_after, jump.level) == (3_162, 10_000, 2)
    assert working_set(3_162, 20) < 1024 ** 2 <= working_set(10_000, 20) and round(jump.ratio, 2) == 1.41
    assert slowest_step(rows[:2], 20, caches) is None  # per-example time only falls: nothing to explain
    assert cache_sizes(tmp_path / "none") == {}
