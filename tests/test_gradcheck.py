"""The course's gradient check: central differences and the relative difference."""

import numpy as np
import pytest

from mathcore.gradcheck import central_difference, relative_difference, verdict
from mathcore.judge import Outcome


def test_central_difference_of_a_known_gradient():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    J = lambda t: float(t @ A @ t / 2)  # noqa: E731 - gradient is A t
    theta = np.array([0.5, -1.5])
    assert np.allclose(central_difference(J, theta, eps=1e-6), A @ theta, atol=1e-8)


def test_relative_difference_reads_like_the_course():
    g = np.array([1.0, 2.0, 3.0])
    assert relative_difference(g, g) == 0.0
    assert relative_difference(g, -g) == 1.0
    assert relative_difference(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_difference(g, g + 1e-9) == pytest.approx(np.sqrt(3) * 1e-9 / (2 * np.linalg.norm(g)), rel=1e-3)


def test_verdict_thresholds():
    verdicts = [verdict(d) for d in (1e-9, 5e-6, 5e-4, 0.3)]
    assert [v.message for v in verdicts] == ["correct", "check it", "suspicious", "wrong"]
    assert [v.outcome for v in verdicts] == [Outcome.EQUIVALENT, Outcome.UNDECIDED, Outcome.UNDECIDED,
                                             Outcome.NOT_EQUIVALENT]
