"""One checking engine: every check in the app answers with mathcore.judge's Verdict, from one sampler and one
tolerance, and pages style a verdict by its outcome, never by its words."""

import re
from pathlib import Path

import numpy as np

from mathcore.checker import check
from mathcore.derivations import derivation
from mathcore.gradcheck import verdict as gradient_verdict
from mathcore.judge import TOLERANCE, Outcome, Verdict, close, error
from mathcore.vectorization import check_db, check_dW

ROOT = Path(__file__).resolve().parents[1]


def test_every_check_answers_with_the_one_verdict():
    found = [check("da_dz", "a(1-a)"), check("dW", "dZ @ A_prev.T"), check("da_dz", "a +"),
             check_dW("dZ", "@", "A_prev.T", True), check_db(0, True, True), gradient_verdict(0.5),
             derivation("da_dz").checks[0].verdict]
    assert all(isinstance(v, Verdict) for v in found)
    assert [v.outcome for v in found] == [Outcome.EQUIVALENT, Outcome.NOT_EQUIVALENT, Outcome.INVALID,
                                          Outcome.EQUIVALENT, Outcome.NOT_EQUIVALENT, Outcome.NOT_EQUIVALENT,
                                          Outcome.EQUIVALENT]


def test_a_wrong_answer_comes_with_its_counterexample():
    v = check("dL_dz_cross_entropy_sigmoid", "y - a")
    point = dict(v.counterexample)
    a, y = point["a"], point["y"]
    assert v.outcome is Outcome.NOT_EQUIVALENT and not close(y - a, a - y)  # it really differs there
    matrix = check("dW", "dZ @ A_prev.T")
    assert dict(matrix.counterexample)["yours"] != dict(matrix.counterexample)["right"] and matrix.shape == (3, 2)


def test_one_tolerance_for_points_and_for_sets_of_points():
    assert close(1.0, 1.0 + TOLERANCE / 2) and not close(1.0, 1.0 + 2 * TOLERANCE)
    assert close(1e6, 1e6 * (1 + TOLERANCE / 2)) and not close(1e6, 1e6 + 1.0)  # relative above 1
    assert close(0.0, TOLERANCE / 2) and not close(0.0, 2 * TOLERANCE)  # absolute below 1
    g = np.linspace(-3, 3, 50)
    assert error(g, g * (1 + TOLERANCE / 10)) < TOLERANCE < error(g, g * (1 + 10 * TOLERANCE))


def test_pages_style_by_the_outcome_never_by_the_words():
    words = r"(\"|')(equivalent|not equivalent|could not decide|invalid|correct|check it|suspicious|wrong)(\"|')"
    for path in [*ROOT.glob("lessons/*.py"), *ROOT.glob("ui/*.py")]:
        for line in path.read_text().splitlines():
            assert not re.search(r"\.(status|message)\s*[!=]=", line), f"{path.name}: {line.strip()}"
            assert not re.search(rf"[\[{{,]\s*{words}\s*:", line), f"{path.name}: {line.strip()}"
