"""Gradient checking as the course does it: central differences and a relative difference.

    dtheta_approx[i] = (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps)
    difference = ||dtheta - dtheta_approx|| / (||dtheta|| + ||dtheta_approx||)

The course reads the difference as: below 1e-7 great, up to 1e-5 worth a look,
above 1e-3 a bug (``verdict``, in the app's one Verdict: equivalent, undecided, not equivalent).

What the bounds measure: with correct gradients the difference is rounding, not calculus. J is rounded in its
last digits, and the central difference divides that rounding by 2 eps (2e-7 at the course's eps = 1e-7), so
the difference correct gradients leave depends on how J is computed. The course's notebook computes J from
y_hat, whose log(1 - y_hat) keeps fewer digits where y_hat is near 1: on its own test case correct gradients read
1.19e-7, and its gradient_check_n passes anything up to 2e-7. ``network.gradient_check`` computes J from z and
reads 1.1e-9 on the same gradients (``mathcore.course.course2_week1``, ``checks_compared``). A wrong term in a
gradient moves the difference to 1e-3 or more; in between, look closer (a ReLU on its kink, a small mistake).
"""

import numpy as np

from mathcore.judge import TOLERANCE, Outcome, Verdict
from mathcore.text import Text

#: The course's bounds and words; the first is the app's TOLERANCE. At or above the last: "wrong".
THRESHOLDS = ((TOLERANCE, Text("correct")), (1e-5, Text("check it")), (1e-3, Text("suspicious")))


def central_difference(J, theta, eps=1e-7):
    """The approximate gradient of scalar ``J`` at array ``theta``, same shape as theta.

    >>> central_difference(lambda t: float(np.sum(t ** 2)), np.array([1.0, -2.0]), eps=1e-5)
    array([ 2., -4.])
    """
    theta = np.asarray(theta, dtype=float)
    grad = np.zeros_like(theta)
    for i in np.ndindex(theta.shape):
        up, down = theta.copy(), theta.copy()
        up[i] += eps
        down[i] -= eps
        grad[i] = (J(up) - J(down)) / (2 * eps)
    return grad


def relative_difference(g, g_approx):
    """||g - g~|| / (||g|| + ||g~||), 0 when both are 0.

    >>> relative_difference(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    0.0
    >>> relative_difference(np.array([1.0]), np.array([3.0]))
    0.5
    """
    g, g_approx = np.ravel(g), np.ravel(g_approx)
    denominator = np.linalg.norm(g) + np.linalg.norm(g_approx)
    return 0.0 if denominator == 0 else float(np.linalg.norm(g - g_approx) / denominator)


def verdict(difference):
    """The course's reading of a relative difference, as a Verdict whose message is the course's word: below
    TOLERANCE equivalent, up to 1e-3 undecided (look closer), above not equivalent.

    >>> [(v.outcome.name, v.message) for v in (verdict(3e-9), verdict(2e-6), verdict(0.2))]
    [('EQUIVALENT', 'correct'), ('UNDECIDED', 'check it'), ('NOT_EQUIVALENT', 'wrong')]
    """
    for bound, word in THRESHOLDS:
        if difference < bound:
            return Verdict(Outcome.EQUIVALENT if bound == TOLERANCE else Outcome.UNDECIDED, word)
    return Verdict(Outcome.NOT_EQUIVALENT, Text("wrong"))
