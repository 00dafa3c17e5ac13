"""#39: reading a learner's note is work on hostile text. It runs in a checker worker under the learner's budget,
never in the server's script thread; its patterns take time linear in the note; and a formula's parts count toward
the note's caps."""

import re

from hypothesis import given, strategies as st
from streamlit.testing.v1 import AppTest

import mathcore.notes as notes
from mathcore.judge import Outcome, Verdict
from mathcore.notes import CLI, MAX_CHECKS, MAX_FORMULAS, check_note
from tests.pool_helpers import runs_recorded

#: The pattern notes used for a formula's trailing prose: anchored at the end, so tried from every position
#: (a 20,000-character note held the server's script thread 7 s).
OLD_TRAILING = re.compile(r"(?:\s|\\[,;:! ]|\\q?quad|\\text\{[^{}]*\}|[,.;])+$")
PIECES = ["a", " ", "\\", ",", ".", ";", ":", "!", "q", "quad", "\\quad", "\\qquad", "\\text{", "{", "}", "\\,", "\n",
          "\\text{w}", "="]


@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_trailing_prose_is_stripped_as_the_old_pattern_did(latex):
    assert notes._strip_prose(latex) == OLD_TRAILING.sub("", latex)


class Counted(str):
    """A formula's text that counts the steps taken over it (each piece of prose looked for at its end)."""

    steps = 0

    def endswith(self, *args):
        Counted.steps += 1
        return super().endswith(*args)


def steps(latex):
    Counted.steps = 0
    notes._strip_prose(Counted(latex))
    return Counted.steps


def test_trailing_prose_is_stripped_in_steps_linear_in_its_length():
    """The attack's shape, a long run of prose after a formula: twice the run takes twice the steps, not four times."""
    for piece in (" ", r"\,", r"\quad", r"\text{x}", ". "):
        short, long = (steps("dz = a - y" + piece * n + "x") for n in (2_000, 4_000))
        assert short == long  # none is stripped: nothing ends the formula but "x"
        short, long = (steps("dz = a - y" + piece * n) for n in (2_000, 4_000))
        assert long <= 2 * short + 10


def counting_check():
    """A check that says "equivalent" to everything, and the list of what it was asked."""
    asked = []

    def check(target, text):
        asked.append(text)
        return Verdict(Outcome.EQUIVALENT, "right")
    return check, asked


def test_a_formulas_parts_count_toward_the_notes_caps():
    """One formula with 1,140 '=' made 1,140 checks; parts now count toward MAX_CHECKS, and what is left unjudged
    says so."""
    check, asked = counting_check()
    (finding,) = check_note("$$dz = " + "a - y = " * 1140 + "a - y$$", check)
    assert not asked and finding.status == "not judged" and "this formula has 1,141 parts" in finding.message
    check, asked = counting_check()
    found = check_note("\n\n".join(["$$dz = a - y = a - y = a - y$$"] * (MAX_CHECKS // 3 + 5)), check)
    assert len(asked) <= MAX_CHECKS and len(asked) == 3 * sum(f.status == "right" for f in found)
    assert "judges up to" in found[-1].message and found[-1].status == "not judged" and CLI in found[-1].message


def test_the_formulas_past_the_cap_are_counted_in_one_finding():
    check, asked = counting_check()
    found = check_note("\n\n".join(f"$dz = a - y + {k} - {k}$" for k in range(MAX_FORMULAS + 10)), check)
    assert len(found) == MAX_FORMULAS + 1 and len(asked) == MAX_FORMULAS
    assert found[-1].status == "not judged" and "this one and the 9 after it were left" in found[-1].message
    assert found[-1].left == 10 and CLI in found[-1].message  # the report says the command line reads the rest


def test_the_notes_page_reads_a_note_in_a_pool_worker_never_in_its_script_thread(monkeypatch):
    """The page dispatches notes.read_note to the pool for this learner's session; the script thread reads nothing
    (here reading there fails), and the note is still judged."""
    runs = runs_recorded(monkeypatch)
    page = AppTest.from_file("../app.py", default_timeout=120).run()
    page.switch_page("lessons/notes.py").run()
    note = "so $dz = a - y$ and $db = dz$ and $dz = y - a$"
    page.text_area[0].input(note)
    page.button[0].click().run()  # Check my notes
    assert not page.exception
    assert (notes.read_note, (note,), page.session_state["checker_session"]) in runs
    assert [m.value for m in page.metric[:2]] == ["2", "1"]  # correct, wrong
