"""One record per idea: every activation and every loss is defined once, and shows everywhere from its record.

Adding an activation means adding its record (mathcore/functions.py), its derivative's derivation to the catalogue
(mathcore/derivations.py) and its name's translations: these tests then find it in every place it must be, and fail
where it is missing. Swish was added that way (see its commit).
"""

import numpy as np
import pytest

import i18n
from mathcore.checker import TARGETS, check
from mathcore.derivations import CATALOGUE, derivation, dL_da_key, dL_dz_key
from mathcore.functions import ACTIVATIONS
from mathcore.gradcheck import central_difference
from mathcore.losses import LOSSES
from mathcore.network import HIDDEN_ACTIVATIONS, gradient_check, initialize
from tests.corpora import CORRECT


def off_the_kink(g, n=200):
    z = np.random.default_rng(0).uniform(*g.domain, n)
    return z if g.kink is None else z[np.abs(z - g.kink) > 1e-3]


@pytest.mark.parametrize("key", list(ACTIVATIONS))
def test_its_derivative_and_chain_rule_are_derived_and_proved(key):
    g = ACTIVATIONS[key]
    for name in (g.derivative, dL_dz_key("squared_error", key)):
        assert name in CATALOGUE
        assert derivation(name).ok, name
    z = off_the_kink(g)
    steps, truth = derivation(g.derivative).evaluate(z=z, alpha=0.01)
    np.testing.assert_allclose(steps[-1], g.slope(z), rtol=1e-10, atol=1e-12)  # the network's slope is the derived one
    numeric = np.array([central_difference(lambda t: float(g.forward(t[0])), np.array([p]), 1e-6)[0] for p in z])
    np.testing.assert_allclose(g.slope(z), numeric, atol=1e-8)


@pytest.mark.parametrize("key", list(ACTIVATIONS))
def test_it_is_a_checker_target_with_right_answers_and_a_name_to_type(key):
    g = ACTIVATIONS[key]
    assert g.derivative in TARGETS
    answers = [answer for target, answer in CORRECT if target == g.derivative]
    assert answers and all(check(g.derivative, answer).status == "equivalent" for answer in answers)
    assert check(dL_dz_key("cross_entropy", "sigmoid"), f"{key}(z)").status in ("equivalent", "not equivalent")


@pytest.mark.parametrize("key", list(ACTIVATIONS))
def test_it_runs_in_the_l_layer_network_backward_and_passes_the_gradient_check(key):
    assert key in HIDDEN_ACTIVATIONS
    rng = np.random.default_rng(3)
    layers = initialize([3, 4, 3, 1], key, seed=1, b_scale=0.1)
    X, Y = rng.normal(size=(3, 8)), rng.integers(0, 2, (1, 8)).astype(float)
    difference, _, _ = gradient_check(layers, X, Y)
    assert difference < 1e-7


@pytest.mark.parametrize("key", list(ACTIVATIONS))
def test_it_is_named_in_both_languages(key, monkeypatch):
    g = ACTIVATIONS[key]
    monkeypatch.setattr(i18n, "STRICT", True)
    d = derivation(g.derivative)
    try:
        i18n.use("ko")
        for text in (g.name, g.slope_rule, d.title, *(step.rule for step in d.steps), d.note):
            if text:
                i18n.gettext(text)  # raises MissingTranslation where the catalogue lacks it
    finally:
        i18n.use("en")


@pytest.mark.parametrize("key", list(LOSSES))
def test_each_loss_has_its_plain_stable_and_sympy_forms_agree_where_all_are_accurate(key):
    loss = LOSSES[key]
    Z = np.linspace(-15, 15, 301)
    A = 1 / (1 + np.exp(-Z))
    for y in (0.0, 1.0, 0.3):
        np.testing.assert_allclose(loss.plain(A, y), loss.of_z(Z, y), rtol=1e-6, atol=1e-12)
        np.testing.assert_allclose(loss.numeric(A, y), loss.plain(A, y), rtol=1e-12, atol=1e-15)
    assert dL_da_key(key) in CATALOGUE and derivation(dL_da_key(key)).ok
    with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        assert np.all(np.isfinite(loss.of_z(np.array([-1e4, 1e4]), np.array([1.0, 0.0]))))  # stable at the extremes
