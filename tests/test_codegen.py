"""SymPy's own vectorized code: derived with matrix symbols, printed as NumPy, equal to the hand-written step."""

import numpy as np
import pytest
import sympy as sp

from mathcore import codegen, network
from mathcore.functions import ACTIVATIONS
from mathcore.gradcheck import central_difference


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
@pytest.mark.parametrize("sizes", [(1, 100, 50), (4, 3, 7), (5, 2, 1)])
def test_the_code_sympy_wrote_equals_the_hand_written_step(activation, sizes):
    n, n_prev, m = sizes
    rng = np.random.default_rng(n * 100 + m)
    dA, Z, A_prev, W = rng.normal(size=(n, m)), rng.normal(size=(n, m)), rng.normal(size=(n_prev, m)), \
        rng.normal(size=(n, n_prev))
    written = codegen.layer_backward(activation)(dA, Z, A_prev, W)
    by_hand = network.layer_backward(dA, Z, A_prev, W, activation)
    for name, got, want in zip(("dZ", "dW", "db", "dA_prev"), written, by_hand):
        assert got.shape == want.shape, name
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15, err_msg=name)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "swish"])
def test_the_written_gradients_are_the_derivatives_of_the_cost_they_stand_for(activation):
    """J = (1/m) sum dA * g(W A_prev + b): the written dW and db against central differences of J."""
    n, n_prev, m = 3, 2, 5
    rng = np.random.default_rng(0)
    dA, A_prev, W, b = rng.normal(size=(n, m)), rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), \
        rng.normal(size=(n, 1))
    g = ACTIVATIONS[activation].forward
    J = lambda W_, b_: float(np.sum(dA * g(W_ @ A_prev + b_)) / m)  # noqa: E731
    _, dW, db, _ = codegen.layer_backward(activation)(dA, W @ A_prev + b, A_prev, W)
    np.testing.assert_allclose(dW, central_difference(lambda t: J(t.reshape(n, n_prev), b), W.ravel(), 1e-6)
                               .reshape(n, n_prev), rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(db, central_difference(lambda t: J(W, t.reshape(n, 1)), b.ravel(), 1e-6)
                               .reshape(n, 1), rtol=1e-6, atol=1e-9)


def test_sympy_took_every_derivative_by_the_whole_matrix():
    d = codegen.derived("sigmoid")
    assert d["dW"] == codegen.dZ * codegen.A_prev.T / codegen.m
    assert d["dA_prev"] == codegen.W.T * codegen.dZ
    assert d["db"] == codegen.dZ * sp.OneMatrix(codegen.m, 1) / codegen.m
    assert isinstance(d["dZ"], sp.HadamardProduct)


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_the_written_code_is_the_course_s_vectorized_form(activation):
    text = codegen.source(activation)
    assert "dW = dZ @ A_prev.T / m" in text and "db = dZ.sum(axis=1, keepdims=True) / m" in text
    assert "dA_prev = W.T @ dZ" in text and "for " not in text  # no loop over the examples
