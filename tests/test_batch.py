"""Batch grading (``check --batch``): files read as written, output that cannot be forged, one slow student
waiting alone, and the class report. A stand-in pool (``FakePool``) judges by the answer's first word, so these
tests run no SymPy; tests/test_cli.py grades a small class through the real pool."""

import csv
import io
import json
import re
import threading

import pytest

from mathcore import batch, echo, report
from mathcore.judge import Outcome, Verdict
from tests.test_cli import mathcore_cli  # noqa: F401  (the fixture)

#: Every character a terminal or a reader could act on: C0, DEL, C1, bidi embeddings, overrides and isolates,
#: marks, zero-width and line/paragraph separators, the byte-order mark.
HIDDEN = [chr(c) for c in [*range(0x20), *range(0x7f, 0xa0), 0x061c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f,
                           *range(0x2028, 0x202f), *range(0x2066, 0x206a), 0xfeff]]
FORGED = "eve\nrow 9 mallory: equivalent\r\x1b[2J\x07\x08\x9b\u202eevil\u2028x"


class FakePool:
    """Stands in for CheckPool: "right…" is equivalent, "wrong HINT" not equivalent with that hint ("wrong" alone:
    no hint), "ambiguous" equivalent with a warning, anything else invalid. Records the order rows finish."""

    def __init__(self, workers=2, hold=None):
        self.finished, self.hold, self._lock = [], hold or (lambda session: None), threading.Lock()

    def check(self, target, answer, session=""):
        self.hold(session)
        with self._lock:
            self.finished.append((session, answer))
        word, _, rest = answer.partition(" ")
        if word.startswith("right"):
            return Verdict(Outcome.EQUIVALENT, "Equivalent.")
        if word == "wrong":
            return Verdict(Outcome.NOT_EQUIVALENT, "Not equivalent.", hint=rest)
        if word == "ambiguous":
            return Verdict(Outcome.EQUIVALENT, "Equivalent.", warnings=("a/b(c) read as a/(b*c), not (a/b)*c",))
        return Verdict(Outcome.INVALID, f"Cannot read {answer!r}.")

    def stop(self):
        pass


@pytest.fixture
def fake_pool(monkeypatch):
    monkeypatch.setattr(batch, "CheckPool", FakePool)


def csv_text(*rows, header="student,target,answer"):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return header + "\n" + out.getvalue()


def graded(text):
    """(row, verdict) pairs of a batch file's text, through FakePool."""
    return batch.grade(batch.read(text).rows, pool=FakePool())


# -- 1. nothing echoed can forge a row, move the cursor or run in a spreadsheet

@pytest.mark.parametrize("ch", HIDDEN, ids=lambda ch: f"U+{ord(ch):04X}")
def test_echo_escapes_every_control_and_invisible_character(ch):
    shown = echo.line(f"a{ch}b")
    assert shown.isprintable() and shown.isascii() and shown.startswith("a\\") and shown.endswith("b")


def test_echo_keeps_math_and_letters_as_they_are():
    assert echo.line("σ(z) − y, ŷ = wᵀx + b, 손실 \\frac{1}{m}") == "σ(z) − y, ŷ = wᵀx + b, 손실 \\frac{1}{m}"


@pytest.mark.parametrize("text, shown", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("  =1", "'  =1"),
    ("\u3000=1", "'\u3000=1"), ("\t=1", "\\t=1"), ("\r=1", "\\r=1"), ("＝1", "'＝1"), ("a - y", "a - y"),
    ("bob", "bob"), ("", ""),
])
def test_a_csv_cell_never_starts_a_formula(text, shown):
    assert echo.cell(text) == shown


def control_free(output):
    return not any(ch in output for ch in HIDDEN if ch != "\n")


def test_a_forged_name_or_answer_stays_on_its_row_in_csv(mathcore_cli, fake_pool, tmp_path):
    path = tmp_path / "class.csv"
    path.write_text(csv_text(["alice", "da_dz", "wrong"], [FORGED, "da_dz", f"x{FORGED}"],
                             [FORGED, "d\x1bz", "right"]), encoding="utf-8")
    done = mathcore_cli("check", "--batch", str(path))
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if line.startswith("row ")] == ["row 2 alice", r"row 3 eve\nrow 9 "
                                                                                 "mallory", r"row 4 eve\nrow 9 mallory"]
    assert control_free(done.stdout) and "row 9 mallory: equivalent" not in lines
    assert r"\x1b[2J\x07\x08\x9b\u202eevil\u2028x" in done.stdout and r"unknown target 'd\x1bz'" in done.stdout


def test_a_forged_name_or_answer_stays_on_its_row_in_json_lines(mathcore_cli, fake_pool):
    rows = [{"student": FORGED, "target": "da_dz", "answer": "right"},
            {"student": "bob", "target": "da_dz", "answer": f"x{FORGED}"}]
    done = mathcore_cli("check", "--batch", "-", stdin="\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    assert [line.split(":")[0] for line in done.stdout.splitlines() if line.startswith("row ")] == [
        r"row 1 eve\nrow 9 mallory", "row 2 bob"]
    assert control_free(done.stdout) and done.returncode == 2


def test_the_gradebook_and_the_other_reports_neutralise_and_escape(mathcore_cli, fake_pool, tmp_path):
    names = ["=HYPERLINK(\"http://x\",\"ok\")", "+1", " -2", "@SUM(A1)", "\t=1", "\r\t @x", FORGED, "a,b", 'say "hi"']
    path = tmp_path / "class.csv"
    path.write_text(csv_text(*([name, "da_dz", "right"] for name in names)), encoding="utf-8")
    gradebook = mathcore_cli("check", "--batch", str(path), "--format", "csv").stdout
    assert control_free(gradebook) and len(gradebook.splitlines()) == len(names) + 1  # one line a student
    cells = list(csv.reader(io.StringIO(gradebook)))
    assert cells[0] == ["student", "score", "out_of"] and all(score == ["1", "1"] for _, *score in cells[1:])
    assert all(not re.match(r"\s*[=+\-@]", name) for name, *_ in cells[1:])
    assert [name for name, *_ in cells[1:]][:6] == ["'=HYPERLINK(\"http://x\",\"ok\")", "'+1", "'-2", "'@SUM(A1)",
                                                    "'=1", "'@x"]  # names are read without their spaces
    md = mathcore_cli("check", "--batch", str(path), "--format", "md").stdout
    assert control_free(md)
    for line in md.splitlines():  # a table's row keeps its columns: a name's | is escaped
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) in (6, 7)
    data = json.loads(mathcore_cli("check", "--batch", str(path), "--format", "json").stdout)
    assert [r["student"] for r in data["rows"]] == [name.strip() for name in names]  # whole, in JSON's escapes
    assert mathcore_cli("check", "--batch", str(path), "--format", "json").stdout.isascii()


def test_notes_and_check_echo_text_escaped(mathcore_cli):
    done = mathcore_cli("notes", "-", stdin="$$\\frac{da}{dz} = a(1-a)\x07\u202e$$\n")
    assert control_free(done.stdout) and r"a(1-a)\x07\u202e" in done.stdout
    done = mathcore_cli("check", "--batch", "/nonexistent/\x1b[2Jclass.csv")
    assert done.returncode == 2 and control_free(done.stderr) and r"\x1b[2Jclass.csv" in done.stderr


# -- 2. one slow student waits alone

def test_a_slow_student_waits_alone_and_the_rows_print_in_file_order(capsys):
    """Sam's nine rows come first in the file and each takes until the classmates are done; the classmates'
    five rows are judged first all the same, and the output keeps the file's order."""
    classmates = ["ann", "ben", "cat", "dev", "eli"]
    others_done = threading.Event()

    def hold(session):
        if session == "batch:student:sam":
            others_done.wait(timeout=60)  # far above any run of the new code: only the old order ever waits here

    pool = FakePool(hold=hold)
    original = pool.check

    def check(target, answer, session=""):
        verdict = original(target, answer, session)
        if sum(s != "batch:student:sam" for s, _ in pool.finished) == len(classmates):
            others_done.set()
        return verdict

    pool.check = check
    rows = [["sam", "da_dz", f"right{i}"] for i in range(9)] + [[name, "da_dz", "right"] for name in classmates]
    sheet = batch.read(csv_text(*rows))
    results = batch.grade(sheet.rows, pool=pool, each=lambda row, verdict: print(row.n, row.student))
    assert [session for session, _ in pool.finished[:5]] == [f"batch:student:{name}" for name in classmates]
    assert [row.n for row, _ in results] == list(range(2, 16))
    assert capsys.readouterr().out.splitlines() == [f"{n} {row[0]}" for n, row in enumerate(rows, start=2)]


def test_rounds_serve_each_student_once_before_anyone_twice():
    rows = batch.read(csv_text(*[["sam", "da_dz", "right"]] * 3, ["ann", "da_dz", "right"], ["ben", "da_dz", "right"],
                               ["", "da_dz", "right"], ["", "da_dz", "right"])).rows
    rounds = batch.Rounds(rows)
    taken = [rounds.take()[1] for _ in range(5)]  # none done yet: each owner (a row without a student is its own) once
    assert [(row.student, row.n) for row in taken] == [("sam", 2), ("ann", 5), ("ben", 6), ("", 7), ("", 8)]
    later = []
    thread = threading.Thread(target=lambda: later.append(rounds.take()[1].n))  # sam's next waits for sam's first
    thread.start()
    thread.join(timeout=0.2)
    assert later == []
    rounds.done(taken[0])
    thread.join(timeout=60)
    assert later == [3]
    rounds.done(taken[1])  # ann is done, but only sam has rows left: and sam's row 3 is in the pool
    for row in taken[2:]:
        rounds.done(row)
    rounds.done(batch.Row(3, "sam"))
    assert rounds.take()[1].n == 4 and rounds.take() is None


# -- 3. oversized and hostile input: a clear message naming the row, exit 2

def test_a_field_over_the_csv_limit_is_refused_naming_its_row(mathcore_cli, fake_pool, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(csv_text(["a", "da_dz", "right"], ["b", "da_dz", "x" * (csv.field_size_limit() + 1)]))
    done = mathcore_cli("check", "--batch", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == ""
    assert "row 3: a field is longer than 131,072 characters" in done.stderr


@pytest.mark.parametrize("text, message", [
    ('student,target,answer\na,da_dz,"right\n', "row 2: a double quote is opened and never closed"),
    ('student,target,answer\na,da_dz,right\nb,da_dz,"right"x\n', "row 3: a quoted field goes on after its closing"),
    ("name,question,response\na,da_dz,right\n", "row 1: the header must name the columns target and answer"),
    ("student,target,answer,answer\n", "row 1: the header names answer more than once"),
    ('student,target,"answer' + "x" * 140_000 + '"\n', "row 1: the header must name the columns target and answer"),
])
def test_a_file_the_reader_cannot_read_on_is_refused_naming_the_row(mathcore_cli, fake_pool, text, message):
    done = mathcore_cli("check", "--batch", "-", stdin=text)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_json_nested_100000_deep_is_an_unreadable_row(mathcore_cli, fake_pool):
    deep = '{"target": "da_dz", "answer": ' + "[" * 100_000 + "]" * 100_000 + "}"
    done = mathcore_cli("check", "--batch", "-", stdin=f'{{"target": "da_dz", "answer": "right"}}\n{deep}\n')
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "row 2: invalid: the row is JSON nested too deeply" in done.stdout


def test_a_file_that_is_not_utf8_names_its_line(mathcore_cli, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("student,target,answer\nzoé,da_dz,a\n".encode("latin-1"))
    done = mathcore_cli("check", "--batch", str(path))
    assert done.returncode == 2 and "line 2 is not UTF-8" in done.stderr


# -- 4. files that cannot go wrong silently

@pytest.mark.parametrize("text", [
    csv_text(["ann", "da_dz", "right, with a comma"], ["ben", "da_dz", "right\nover two lines"]),
    "\ufeff" + csv_text(["ann", "da_dz", "right, with a comma"], ["ben", "da_dz", "right\nover two lines"]),
    csv_text(["right, with a comma", "da_dz", "ann"], ["right\nover two lines", "da_dz", "ben"],
             header="answer,target,student"),
    "Student\tTarget\tAnswer\r\nann\tda_dz\tright, with a comma\r\nben\tda_dz\t\"right\nover two lines\"\r\n",
    "student;target;answer\nann;da_dz;right, with a comma\nben;da_dz;\"right\nover two lines\"\n",
    '{"student": "ann", "target": "da_dz", "answer": "right, with a comma"}\n'
    '{"Student": "ben", "target": "da_dz", "answer": "right\\nover two lines"}\n',
], ids=["csv", "csv with a BOM", "columns in another order", "tsv, CRLF", "semicolons", "json lines"])
def test_every_kind_of_file_reads_the_same_rows(text):
    rows = batch.read(text).rows
    assert [(r.student, r.target, r.answer, r.problem) for r in rows] == [
        ("ann", "da_dz", "right, with a comma", ""), ("ben", "da_dz", "right\nover two lines", "")]


def test_a_json_string_may_hold_a_line_separator():
    rows = batch.read('{"target": "da_dz", "answer": "right\u2028\u0085x"}\n').rows
    assert [(r.n, r.answer) for r in rows] == [(1, "right\u2028\u0085x")]


def test_an_unquoted_comma_in_the_last_column_is_the_answer_said_in_the_output(mathcore_cli):
    """The old reader cut `1 - np.power(np.tanh(z), 2)` at its comma without a word (and graded the cut text)."""
    text = "student,target,answer\nann,tanh_derivative,1 - np.power(np.tanh(z), 2)\n"
    [row] = batch.read(text).rows
    assert row.answer == "1 - np.power(np.tanh(z), 2)" and "1 comma more than the header" in row.note
    done = mathcore_cli("check", "--batch", "-", stdin=text)  # the real pool: judged right, and said
    assert done.returncode == 0, done.stdout
    assert "Read as: 1 - np.power(np.tanh(z), 2) (the rest of the row: 1 comma more" in done.stdout


@pytest.mark.parametrize("text, problem", [
    ("target,answer,student\nda_dz,a(1-a), x,ann\n", "has 4 fields where the header has 3"),
    ('student,target,answer\nann,da_dz,f(a, "b")\n', "has 4 fields where the header has 3"),
])
def test_extra_fields_that_cannot_be_the_answer_are_an_error_naming_the_row(text, problem):
    [row] = batch.read(text).rows
    assert row.n == 2 and problem in row.problem and row.answer == ""


def test_trailing_empty_cells_cut_nothing():
    rows = batch.read("student,target,answer,\nann,da_dz,right,,\nben,da_dz,right, 2\n").rows
    assert [(r.answer, bool(r.note)) for r in rows] == [("right", False), ("right, 2", True)]


def test_ten_thousand_rows_are_read_and_counted(mathcore_cli, fake_pool):
    text = csv_text(*([f"s{i % 30}", "da_dz", "right" if i % 3 else "wrong dropped the 1/m"] for i in range(10_000)))
    done = mathcore_cli("check", "--batch", "-", stdin=text)
    lines = done.stdout.splitlines()
    assert lines[0] == "read 10,000 rows (CSV)" and sum(line.startswith("row ") for line in lines) == 10_000
    assert lines[-1] == "10000 answers: 6666 equivalent, 3334 not equivalent, 0 could not decide, 0 invalid"
    assert "    3334 of 10000: dropped the 1/m (e.g. row 2 s0: wrong dropped the 1/m)" in lines
    done = mathcore_cli("check", "--batch", "-", stdin=text + "s0,da_dz,right\n")
    assert done.returncode == 2 and "row 10002: the file has more than 10,000 answers" in done.stderr


# -- 5. the class report

CLASS = csv_text(["ann", "dW", "right"], ["ann", "db", "wrong dropped the 1/m"], ["ann", "da_dz", "ambiguous"],
                 ["ben", "dW", "wrong dropped the 1/m"], ["ben", "db", "wrong dropped the 1/m"],
                 ["ben", "da_dz", "oops"], ["cat", "dW", "wrong"], ["cat", "nope", "right"], ["", "db", "right"])


def test_the_text_report_counts_per_student_and_groups_slips_per_question(mathcore_cli, fake_pool):
    done = mathcore_cli("check", "--batch", "-", stdin=CLASS)
    assert done.returncode == 2  # some not judged
    text = done.stdout
    assert re.search(r"  ann\s+2\s+1\s+0\s+3\n  ben\s+0\s+2\s+1\s+3\n  cat\s+0\s+1\s+1\s+2\n  \(no name\)\s+1\s+0\s+0"
                     r"\s+1\n", text), text
    assert "  dW: 1 of 3 right, 2 wrong, 0 not judged\n    1 of 3: dropped the 1/m (e.g. row 5 ben: wrong dropped " \
           "the 1/m)\n    1 of 3: no known slip (e.g. row 8 cat: wrong)\n" in text
    assert "    2 of 3: dropped the 1/m (e.g. row 3 ann: wrong dropped the 1/m)" in text
    assert "  nope: 0 of 1 right, 0 wrong, 1 not judged" in text
    assert "warnings (answers that could be read another way):\n  row 4 ann: a/b(c) read as a/(b*c)" in text
    assert "row 4 ann: equivalent: Equivalent. Warning: a/b(c) read as a/(b*c), not (a/b)*c" in text


def test_the_gradebook_json_and_markdown_reports(mathcore_cli, fake_pool, tmp_path):
    done = mathcore_cli("check", "--batch", "-", "--output", str(tmp_path / "grades.csv"), stdin=CLASS)
    assert done.returncode == 2 and done.stdout.splitlines()[-1].startswith("9 answers: ")  # the summary on screen
    assert (tmp_path / "grades.csv").read_text() == "student,score,out_of\nann,2,3\nben,0,3\ncat,0,2\n"
    data = json.loads(mathcore_cli("check", "--batch", "-", "--format", "json", stdin=CLASS).stdout)
    assert data["read"] == 9 and data["exit_code"] == 2 and data["students"][0] == {
        "student": "ann", "right": 2, "wrong": 1, "not_judged": 0, "out_of": 3}
    [db] = [q for q in data["questions"] if q["target"] == "db"]
    assert db["slips"] == [{"hint": "dropped the 1/m", "count": 2, "example": {"row": 3, "student": "ann",
                                                                               "answer": "wrong dropped the 1/m"}}]
    assert data["rows"][2]["warnings"] == ["a/b(c) read as a/(b*c), not (a/b)*c"]
    md = mathcore_cli("check", "--batch", "-", "--format", "md", stdin=CLASS).stdout
    assert "| `ann` | 2 | 1 | 0 | 3 |" in md and "- `db`: 2 of 3: `dropped the 1/m`" in md and "## Warnings" in md


@pytest.mark.parametrize("answers, code", [(["right", "right"], 0), (["right", "wrong"], 1), (["wrong", "oops"], 2),
                                           ([], 2)])
def test_exit_codes_are_the_same_in_every_format(mathcore_cli, fake_pool, answers, code):
    text = csv_text(*([f"s{i}", "da_dz", a] for i, a in enumerate(answers)))
    for fmt in report.FORMATS:
        assert mathcore_cli("check", "--batch", "-", "--format", fmt, stdin=text).returncode == code


def test_format_and_output_go_with_batch_only(mathcore_cli):
    assert mathcore_cli("check", "da_dz", "a", "--format", "csv").returncode == 2
