"""The course's own forms (#38 item 4): the cached activation as the slope's argument, comparisons for ReLU',
week 2's vectorized dw and db, and a name its target does not have judged wrong with that reason."""

import pytest

from mathcore.checker import check
from mathcore.judge import Outcome
from mathcore.numpy_forms import comparisons

RIGHT = [("tanh_derivative", "1 - np.power(A1, 2)"), ("tanh_derivative", "1 - a**2"),
         ("tanh_derivative", "1 - A_1**2"), ("da_dz", "A1 * (1 - A1)"), ("da_dz", "np.multiply(A, 1 - A)"),
         ("relu_derivative", "np.where(z > 0, 1, 0)"), ("relu_derivative", "np.heaviside(z, 0)"),
         ("relu_derivative", "(z > 0)"), ("relu_derivative", "(Z > 0).astype(int)"),
         ("relu_derivative", "(Z1 >= 0) * 1"), ("relu_derivative", "np.where(0 < z, 1, 0)"),
         ("leaky_relu_derivative", "np.where(Z > 0, 1, 0.01)"),
         ("dJ_dw", "np.dot(X, (A - Y).T) / m"), ("dJ_db", "np.sum(A - Y) / m"), ("dJ_db", "np.sum(A - Y)/m"),
         ("dJ_db", "1/m * np.sum(dZ)")]
WRONG = [("tanh_derivative", "1 - A1"), ("relu_derivative", "np.where(z > 0, 0, 1)"),
         ("relu_derivative", "(z < 0)"), ("da_dz", "A1 * (1 + A1)"), ("dJ_db", "np.sum(A - Y)"),
         ("dJ_db", "np.sum(Y - A) / m")]


@pytest.mark.parametrize("target, answer", RIGHT)
def test_the_course_forms_are_right(target, answer):
    verdict = check(target, answer)
    assert verdict.outcome is Outcome.EQUIVALENT, verdict.message


@pytest.mark.parametrize("target, answer", WRONG)
def test_their_slips_are_wrong(target, answer):
    assert check(target, answer).outcome is Outcome.NOT_EQUIVALENT


def test_a_name_the_target_does_not_have_is_wrong_with_that_reason():
    verdict = check("dL_dw_j", "x_j(a-y)/m")
    assert verdict.outcome is Outcome.NOT_EQUIVALENT
    assert str(verdict.message).startswith("Unknown name 'm'") and "m" in str(verdict.hint)
    assert check("dL_dw_j", "x_j(a-y)/qq").outcome is Outcome.INVALID  # no target has qq: a typo, unreadable


def test_comparisons_are_rewritten_as_text_only():
    assert comparisons("a - y") == "a - y"
    assert comparisons("np.where(z > 0, 1, 0)") == "step((z)-(0))"
    assert comparisons("z < 0") == "step((0)-(z))"
    assert check("relu_derivative", "np.where(z > , 1, 0)").outcome is Outcome.INVALID  # a clear message, no crash
    assert check("relu_derivative", "np.where(z > 0 > 1, 1, 0)").outcome is Outcome.INVALID
