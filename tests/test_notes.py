"""Check my notes: formulas found by a Markdown parser, recognised by what they claim, judged, reported."""

import subprocess
import sys
from pathlib import Path

import pytest

from mathcore.judge import Outcome, Verdict
from mathcore.notes import CLI, MAX_NOTE, check_note, exit_code, formulas, summary
from mathcore.notes.report import pointer, records, sections, text
from mathcore.reading import MAX_CHARS
from tests.test_cli import mathcore_cli  # noqa: F401 (a fixture)

NOTES = Path(__file__).parent / "notes"
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-note.md"


def findings(name):
    return check_note((NOTES / name).read_text(encoding="utf-8"))


def test_a_note_of_right_formulas_in_the_four_notations_is_all_right():
    found = findings("right.md")
    counts = summary(found)
    assert counts == {"right": 21, "wrong": 0, "not judged": 0, "not recognised": 1}, [
        (f.formula.latex, f.status, str(f.message)) for f in found if f.status != "right"]
    assert {f.formula.latex for f in found if f.status == "not recognised"} == {"da/dz"}  # no '=', names no left side
    # "$da/dz$ is $a(1 - a)$": a lone right-hand side whose sentence names its left side (mathcore.claims.setting)
    assert [f.claim for f in found if f.formula.latex == "a(1 - a)"] == ["da_dz"]
    assert exit_code(found) == 0


@pytest.mark.parametrize("start, words", [
    ("dz = y - a", "sign is flipped"), (r"\hat{y} = w^T x + b", "sigmoid is missing"),
    ("dW = np.dot(A_prev, dZ.T)", "dWᵀ"), ("db = np.sum(dZ, axis=0", "axis=1"),
    ("J(w,b) =", "sum and the minus sign cover only the first term"),
    (r"\frac{\partial L}{\partial z} =", "do not chain from L to z"),
    (r"L(\hat{y}, y) =", "minus sign covers only the first term"), ("w := w +", "against the gradient"),
    ("σ'(z) =", "a(1 + a)"), ("dZ = Y − A", "sign is flipped"),
])
def test_each_usual_slip_is_wrong_with_why_and_the_right_formula(start, words):
    (finding,) = [f for f in findings("wrong.md") if f.formula.latex.startswith(start)]
    assert finding.status == "wrong" and words in finding.hint + finding.message
    assert finding.corrected  # the right formula, in LaTeX (the note's notation)


def test_code_prices_and_escaped_dollars_are_not_formulas_and_hostile_latex_is_not_run():
    text = (NOTES / "not-formulas.md").read_text(encoding="utf-8")
    assert [f.latex for f in formulas(text)] == [
        "m", r"x \in \mathbb{R}^{n_x}", r"dz = \input{/etc/passwd}", r"\href{javascript:alert(1)}{x} = 1",
        r"dz = \def\x{a}\x"]
    found = check_note(text)
    assert [f.status for f in found] == ["not recognised", "not recognised", "not judged", "not recognised",
                                         "not judged"]
    assert r"\input is not read here" in found[2].message and r"\def is not read here" in found[4].message
    assert exit_code(found) == 2


def test_the_example_note_catches_the_two_common_slips_and_passes_the_rest():
    """ŷ = wᵀx + b before the sigmoid, and a cost whose brackets leave the second term outside the sum and the
    minus sign: both caught; every other recognised formula passes."""
    found = check_note(EXAMPLE.read_text(encoding="utf-8"))
    wrong = {f.claim: f for f in found if f.status == "wrong"}
    assert set(wrong) == {"yhat", "cost"}
    assert "sigmoid is missing" in wrong["yhat"].hint and "sum and the minus sign" in wrong["cost"].hint
    assert not [f for f in found if f.status == "not judged"]
    assert summary(found)["right"] == 14  # the code span `dz = a - y` among them


def test_each_formula_says_its_line():
    text = "Title\n\nfirst $dz = a - y$\nsecond line $db = dz$\n\n$$dZ = A - Y$$\n"
    assert [(f.latex, f.line, f.display) for f in formulas(text)] == [
        ("dz = a - y", 3, False), ("db = dz", 4, False), ("dZ = A - Y", 6, True)]


def test_a_short_formula_is_placed_on_its_own_line_not_on_one_with_its_letters():
    """"$m$" on line 2 of a paragraph whose line 1 says "sigma": line 2 (found after its dollar sign)."""
    text = "the sigma $\\sigma(z)$\nover $m$ examples, and $x$"
    assert [(f.latex, f.line) for f in formulas(text)] == [("\\sigma(z)", 1), ("m", 2), ("x", 2)]


def right(target, part):
    return Verdict(Outcome.EQUIVALENT, "right")


def test_a_long_note_is_read_whole_by_the_cli_and_the_page_says_what_it_left():
    """A note past the page's MAX_NOTE was refused whole; now the page reads its first MAX_NOTE characters (to a line
    break) and one finding says what was left and names the CLI, which reads the note whole."""
    note = "\n".join(f"Step {k}: $dz = a - y + {k} - {k}$ here." for k in range(MAX_NOTE // 30 + 50))
    whole = check_note(note, right, whole=True)
    assert len(whole) == note.count("$dz") and {f.status for f in whole} == {"right"}
    page = check_note(note, right)
    assert page[-1].status == "not judged" and page[-1].left and CLI in page[-1].message
    assert "Not read here" in page[-1].message or "first 60 formulas" in page[-1].message


def run(*args):
    return subprocess.run([sys.executable, "-m", "mathcore", "notes", *args], capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("name, code", [("right.md", 0), ("wrong.md", 1), ("not-formulas.md", 2)])
def test_cli_notes_prints_a_line_per_formula_and_exits_by_the_summary(mathcore_cli, name, code):
    done = mathcore_cli("notes", str(NOTES / name)) if code else run(str(NOTES / name))  # one real process
    assert done.returncode == code, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip().startswith("line ")]
    found = findings(name)
    folded = [f for f in found if f.status == "not recognised" and "=" not in f.formula.latex]
    assert len(lines) == len(found) - len(folded)  # lone symbols and fragments: one count line
    assert done.stdout.splitlines()[0].startswith(f"{len(found)} formulas: ")


def test_cli_notes_reads_standard_input_and_says_what_it_cannot_read(mathcore_cli, tmp_path):
    assert mathcore_cli("notes", "-", stdin="so $dz = a - y$").returncode == 0
    missing = mathcore_cli("notes", str(tmp_path / "none.md"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "long.md").write_text("a" * (MAX_CHARS + 1))
    long = mathcore_cli("notes", str(tmp_path / "long.md"))
    assert long.returncode == 2 and "reads at most 300,000" in long.stderr


def test_the_cost_as_minus_the_mean_of_the_losses_is_wrong():
    """A slip seen in a real learner's notes: J = −(1/m) Σ L, a second minus on top of the loss's own."""
    (wrong, right) = check_note(r"$$J(w,b) = -\frac{1}{m}\sum_{i=1}^{m}[\mathcal{L}(\hat{y}^{(i)}, y^{(i)})]$$" "\n\nand\n\n"
                                r"$$J(w, b) = \frac{1}{m}\sum_{i=1}^m \mathcal{L}(\hat{y}^{(i)}, y^{(i)})$$")
    assert wrong.status == "wrong" and "no minus sign" in wrong.message and right.status == "right"


NOTE = """# Model
$z = w^T x + b$ over $m$ examples, $\\alpha$ and $dZ$.

## Backprop
$dz = y - a$, then $db = dz$ and $dw = x dz^{100}$.
"""


def test_the_report_is_grouped_under_the_notes_headings_wrong_first_and_fragments_folded():
    found = check_note(NOTE)
    assert [(status, [heading for heading, _ in groups]) for status, groups in sections(found, NOTE)] == [
        ("wrong", ["Backprop"]), ("not judged", ["Backprop"]), ("right", ["Model", "Backprop"])]
    report = text(found, NOTE)
    assert report.index("WRONG") < report.index("NOT JUDGED") < report.index("RIGHT")
    assert "3 lone symbols and fragments" in report and "m, \\alpha, dZ" in report  # one line, not three


def test_a_place_in_a_formula_is_pointed_at_never_said_as_a_position():
    (finding,) = [f for f in check_note(NOTE) if f.status == "not judged"]
    assert "position" not in finding.message and finding.position is not None
    assert pointer(finding) == "X dZ^{100}\n    ^"  # as the checker read it: the caret under the exponent
    rows = text([finding], NOTE).splitlines()
    (at,) = [n for n, row in enumerate(rows) if row.strip() == "X dZ^{100}"]
    assert "position" not in "".join(rows) and rows[at + 1].index("^") == rows[at].index("X") + 4


def test_json_gives_one_object_a_finding_with_its_heading(mathcore_cli, tmp_path):
    (tmp_path / "note.md").write_text(NOTE)
    done = mathcore_cli("notes", "--format", "json", str(tmp_path / "note.md"))
    import json
    rows = json.loads(done.stdout)
    assert done.returncode == 1 and rows == json.loads(json.dumps(records(check_note(NOTE), NOTE)))
    assert {"line", "cell", "heading", "source", "status", "claim", "reading", "message", "hint", "corrected"} <= set(
        rows[0]) and [r["heading"] for r in rows if r["status"] == "wrong"] == ["Backprop"]
