"""Our own text is inert where it is text (#36.3): a checker message, a hint, a derivation's rule in a table is
drawn as the characters it is, with its $…$ formulas and `…` code typeset, never as half-read Markdown. What only a
browser shows (the bullet, the raw dollars) is in tests/browser/test_text.py; here, what the page sends it."""

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from mathcore.checker import check
from mathcore.derivations import dL_dz_key
from mathcore.judge import Outcome
from ui.inert import prose
from ui.table import markdown_table

TIMEOUT = 120


@pytest.mark.parametrize("text, shown", [
    ("* works entry by entry", r"\* works entry by entry"),  # a bullet with no subject, before
    ("- y is missing", r"\- y is missing"),
    ("1. the first step", r"1\. the first step"),
    ("a_1 and a_2 differ", r"a\_1 and a\_2 differ"),  # emphasis, before
    ("**not bold**", r"\*\*not bold\*\*"),
    ("a :smile: face, a ratio: 3:4", r"a \:smile: face, a ratio: 3:4"),  # Streamlit's emoji, not a colon
    ("see [the page](http://x)", "see \\[the page\\](http\\:\u200b//x)"),  # no link: its brackets escaped
])
def test_our_sentences_show_their_markup_characters_as_characters(text, shown):
    assert prose(text) == shown


def test_formulas_and_code_spans_stay_typeset():
    text = r"chain rule: $\frac{\partial L}{\partial z} = a_1 * b$; in code `dZ * A_prev`, not dZ*A_prev"
    assert prose(text) == (r"chain rule: $\frac{\partial L}{\partial z} = a_1 * b$; in code `dZ * A_prev`, "
                           r"not dZ\*A\_prev")


def test_a_rule_in_a_table_keeps_its_formula_and_a_bar_inside_it_does_not_end_the_cell():
    frame = pd.DataFrame({"rule": [r"chain rule: $\frac{\partial L}{\partial a}\Big|_{a}$", "* and _x_"], "n": [1, 2]})
    rows = markdown_table(frame, prose=["rule"]).splitlines()[2:]
    assert rows[0] == r"| chain rule: $\frac{\partial L}{\partial a}\Big\vert _{a}$ | 1 |"
    assert rows[1] == r"| \* and \_x\_ | 2 |"
    assert markdown_table(frame).splitlines()[2].count(r"\$") == 2  # not a prose column: every $ escaped, as before


def test_the_checker_message_that_begins_with_a_star_is_sent_with_the_star_escaped():
    """The answer 1/m X^T dZ for dW: its message begins with the operator, "* works entry by entry…"."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()
    at.switch_page("lessons/checker.py").run()
    at.selectbox[0].select("dW").run()
    at.text_input[0].input(r"\frac{1}{m} X^T dZ").run()  # Enter in the box: the answer is judged
    verdict = check("dW", r"\frac{1}{m} X^T dZ")
    assert verdict.outcome is Outcome.NOT_EQUIVALENT and verdict.message.startswith("* works")
    assert [e.value for e in at.error] == [prose(verdict.message)]
    assert at.error[0].value.startswith(r"\* works entry by entry")
    hint = next(info.value for info in at.info if "Hint" in info.value)
    assert "`*`" in hint and "`@`" in hint  # the hint's code spans stay code


def test_the_checks_table_sends_its_rules_with_their_formulas_whole():
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()
    at.session_state[f"checks_{dL_dz_key('cross_entropy', 'sigmoid')}"] = True
    at.run()
    table = next(block.value for block in at.markdown if block.value.startswith("| step |"))
    assert r"$\frac{\partial L}{\partial z} = \frac{\partial L}{\partial a}\frac{\partial a}{\partial z}$" in table
    assert r"\$" not in table  # before: every dollar escaped, shown raw
