"""The checker says what is wrong, for any string (#39): it never raises, a right answer is never called wrong by
its own arithmetic, and odd forms get a reason the learner can act on instead of an exception's name."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.checker import TARGETS, check
from tests.corpora import CORRECT, WRONG
from ui.inert import inert

CE = "dL_dz_cross_entropy_sigmoid"


def test_the_exact_confirmation_notices_its_own_cancellation():
    """cosh(20z)² − sinh(20z)² is 1, each term about 1e67: at 30 digits taken from floats it cancelled to 0, and a
    right answer was called wrong ("your answer is 0"). The point is now exact, and SymPy adds digits until 30 are
    right, or says it cannot."""
    assert check(CE, "(a-y)(cosh(20z)^2-sinh(20z)^2)").right
    assert check(CE, "(a-y)(cosh(2000z)^2-sinh(2000z)^2)").right  # beyond the digits: SymPy's proof decides
    beyond = check(CE, "(a-y)(cosh(2000z)^2-sinh(2000z)^2) + 1")  # wrong, but no arithmetic here can show it
    assert beyond.status == "could not decide" and "its terms cancel" in beyond.evidence


#: Answers that ended "Could not decide: the check stopped (TypeError)" (or AxisError, IndexError, ValueError), found by
#: fuzzing check() directly, each with the words its reason must now have.
ODD = [
    ("cost", "0/0", "divides by 0"), ("da_dz", "step(0/0)", "divides by 0"), ("relu_derivative", "step(1/0)", "divides by 0"),
    ("da_dz", "leaky_relu(0/0)", "divides by 0"), ("da_dz", "relu(0/0)", "divides by 0"),
    ("dL_db", "np.maximum(0/0, 0/0)", "divides by 0"), ("dW", "dZ @ A_prev.T / 0", "divides by 0"),
    ("dW", "dZ @ A_prev.T / (m - m)", "m - m is 0 at every test point"), ("da_dz", "log(a - a)", "log of 0"),
    ("da_dz", "step(log(-1))", "log(-1) is not a real number"), ("da_dz", "relu(log(-a))", "not a real number"),
    ("dW", "m.sum(axis=1)", "m is a number"), ("db", "mean(2, axis=0)", "2 is a number"),
    ("cost", "-Y.mean(axis=1).sum(axis=1)", "has one axis, shape (1,)"),
    ("db", "np.sum(axis=1, dZ)", "takes what it adds up first"), ("da_dz", "exp(axis=1)", "takes no keywords"),
    ("db", "dZ.sum(axis=", "takes axis=0 or axis=1"),
]


@pytest.mark.parametrize("target, answer, reason", ODD)
def test_odd_forms_get_a_reason_not_an_exception(target, answer, reason):
    verdict = check(target, answer)
    assert reason in verdict.message, verdict.message
    assert not verdict.right


def test_a_wrong_matrix_answer_undefined_in_exact_arithmetic_says_so():
    """relu(m − sech(A)·1) needed a comparison SymPy could not make; log(−1) has no real value."""
    assert check("dZ_output", "relu(m-sech(A) 1)").status == "not equivalent"
    undefined = check("cost", "log(-1)")
    assert undefined.status == "could not decide" and "undefined at some entries" in undefined.evidence


def test_repeated_keywords_are_refused_not_read_last_one_winning():
    for answer in ("np.sum(dZ, axis=1, axis=0) / m", "dZ.sum(axis=0, keepdims=True, axis=1) / m",
                   "np.sum(dZ, keepdims=True, axis=1, keepdims=True) / m"):
        verdict = check("db", answer)
        assert verdict.status == "invalid" and "is given twice" in verdict.message, answer
    assert check("db", "np.sum(dZ, axis=1, keepdims=True) / m").right


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_zero_width_characters_are_removed_before_reading(invisible):
    assert check("dJ_dw", f"X @ dZ.T{invisible} / m").right
    assert check(CE, f"{invisible}a -{invisible} y").right


def test_the_apps_own_text_pasted_back_is_read_as_typed():
    """ui.inert puts a zero-width space after '@' so that Markdown makes no link of it: a learner copies what they
    see (the escapes are not shown), and pastes it back."""
    seen = re.sub(r"\\(.)", r"\1", inert("X @ dZ.T / m"))
    assert "\u200b" in seen and check("dJ_dw", seen).right


#: What answers are made of, for the fuzzing below: the target's names, odd numbers (0, 1/0), functions with any
#: number of arguments, keywords in odd places, postfix methods and the notations' symbols. Most draws are plain
#: (weights by repetition), so that many answers are read and judged, not refused by the parser.
NUMBERS = ["0", "1", "2", "0.5", "99999999", "(1/0)", "(0/0)", "e"]
FUNCTIONS = ["exp", "log", "cosh", "sech", "step", "sum", "mean", "maximum", "sigma", "tanh", "relu", "leaky_relu",
             "np.sum", "np.mean", "np.dot", "np.multiply", "np.power", "np.maximum", "np.log"]
POSTFIX = [""] * 12 + [".T", ".T.T", ".sum()", ".sum(axis=1)", ".sum(axis=0, keepdims=True)", ".mean(axis=1)",
                       ".dot(dZ)", "²", "ᵀ", "(z)", "(1)", "[0]"]
KEYWORDS = ["axis=0", "axis=1", "keepdims=True", "axis=1, axis=0", "keepdims=1", "axis=2"]
OPERATORS = ["+", "-", "*", "/", "@", "^", " ", "·", ""]


def answers(variables):
    """Answers built from ``variables`` (a target's names) and the pieces above."""
    leaf = st.builds(lambda atom, post: atom + post, st.sampled_from([*variables] * 3 + NUMBERS),
                     st.sampled_from(POSTFIX))

    def grow(inner):
        call = st.builds(lambda f, args, keywords: f"{f}({', '.join(args + keywords)})", st.sampled_from(FUNCTIONS),
                         st.lists(inner, min_size=1, max_size=2) | st.lists(inner, max_size=3),
                         st.just([]) | st.lists(st.sampled_from(KEYWORDS), max_size=2))
        operation = st.builds(lambda left, op, right: f"{left}{op}{right}", inner, st.sampled_from(OPERATORS), inner)
        return call | operation | operation | inner.map(lambda t: f"({t})") | inner.map(lambda t: f"-{t}")
    return st.recursive(leaf, grow, max_leaves=6)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_checker_never_raises(data):
    target = data.draw(st.sampled_from(sorted(TARGETS)))
    answer = data.draw(answers(TARGETS[target].variables))
    verdict = check(target, answer)
    assert verdict.message and not re.search(r"\b[A-Z][a-z]+Error\b", verdict.message + verdict.evidence)


#: What a splice puts into an answer: nothing (a cut), an odd number, an opening, a keyword or a notation's symbol.
SPLICES = ["", "", "0", "1/0", "0/0", "(", ")", ".T", "^-1", "log(", "step(", "relu(", "maximum(0,", "sum(", ",",
           "axis=1", "keepdims=True", ".sum(axis=", "\\frac{1}{0}", "\\sum_{i=1}^{m}", "{", "}", "^{[l]}", "e^", "-"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CORRECT + [(target, answer) for target, answer, _hint in WRONG]), st.floats(0, 1),
       st.integers(0, 3), st.sampled_from(SPLICES))
def test_an_answer_cut_or_spliced_anywhere_gets_a_verdict(pair, where, cut, splice):
    """Near-right answers reach the judges' deeper paths: dZ.sum(axis= (cut after the '=') read past the end."""
    target, answer = pair
    at = round(where * len(answer))
    verdict = check(target, answer[:at] + splice + answer[at + cut:])
    assert verdict.message and not re.search(r"\b[A-Z][a-z]+Error\b", verdict.message + verdict.evidence)
