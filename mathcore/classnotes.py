"""A class's notes graded: ``python -m mathcore notes --batch FOLDER [--format text|csv|json|md]``.

One note per student (Markdown, text or a notebook: ``SUFFIXES``), the student being the file's name without its
ending. Each note is read and judged by ``mathcore.notes`` (its public ``check_note``), through the caller's check.
The report: one line per student (right, wrong, not judged, not recognised) and the class's commonest slips (the
wrong formulas grouped by claim and hint, "n of N students", one example each), in ``mathcore.report``'s formats:
each finding is a report row (its line, the student, the claim, the formula), so the gradebook, the tables and
the escaping are report's own.

A folder is read without trust: a link out of the folder, a file that is not a regular file, over ``MAX_BYTES``,
not UTF-8 or binary is not read, and says why; at most ``MAX_FILES`` notes are read (the rest are counted); files
that are not notes are named. Whatever could not be judged makes the exit status 2.
"""

import json
import os
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from mathcore import echo, report
from mathcore.batch import Row, Sheet
from mathcore.checker import TARGETS
from mathcore.judge import Outcome, Verdict
from mathcore.notes import STATUSES

SUFFIXES = (".md", ".markdown", ".txt", ".ipynb")
MAX_FILES = 300  # notes read from one folder (a class); the rest are counted, not read
MAX_BYTES = 1_000_000  # bytes of one note's file (a note is judged up to mathcore.notes.MAX_NOTE characters)
NOT_RECOGNISED = "(not recognised)"  # the question of a formula whose claim was not recognised
NOTE = "(the note)"  # the question of a note that could not be read or judged


@dataclass(frozen=True)
class Paper:
    """One student's note: its file's name, the student (the name without its ending), its text or why not."""

    name: str
    text: str = ""
    problem: str = ""

    @property
    def student(self):
        return os.path.splitext(self.name)[0]


@dataclass(frozen=True)
class Folder:
    """What a folder holds: the notes to judge (at most MAX_FILES, by name), and what was left out, with why."""

    papers: tuple
    left_out: tuple  # (file name, why)
    more: int = 0  # notes past the cap, not read
    most: int = MAX_FILES  # the cap


def paper(name, data):
    """A Paper from a file's bytes: the text (UTF-8, a byte-order mark dropped), or the problem."""
    if len(data) > MAX_BYTES:
        return Paper(name, problem=f"is larger than {MAX_BYTES:,} bytes: not read")
    if b"\x00" in data:
        return Paper(name, problem="holds binary data: not a note")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return Paper(name, problem=f"has a line ({line}) that is not UTF-8: save it as UTF-8")
    return Paper(name, text.replace("\r\n", "\n").replace("\r", "\n"))


def read_folder(path):
    """The Folder at ``path`` (OSError, with its reason, if it cannot be listed)."""
    root = os.path.realpath(path)
    entries = sorted(os.scandir(root), key=lambda e: e.name)
    notes = [e for e in entries if e.name.lower().endswith(SUFFIXES)]
    left_out = [(e.name, "not a note (.md, .txt, .ipynb)") for e in entries if not e.name.lower().endswith(SUFFIXES)]
    papers = [_read(entry, root) for entry in notes[:MAX_FILES]]
    return Folder(tuple(papers), tuple(left_out), max(0, len(notes) - MAX_FILES), MAX_FILES)


def from_files(files, most=MAX_FILES):
    """The Folder of uploaded files, [(name, bytes)] in the order given: the first ``most`` notes, the rest counted."""
    named = [(name, data) for name, data in files if name.lower().endswith(SUFFIXES)]
    left_out = [(name, "not a note (.md, .txt, .ipynb)") for name, _ in files if not name.lower().endswith(SUFFIXES)]
    return Folder(tuple(paper(name, data) for name, data in named[:most]), tuple(left_out), max(0, len(named) - most),
                  most)


def _read(entry, root):
    """One note's Paper, never following a link out of the folder, never opening a pipe or a device."""
    where = os.path.realpath(entry.path)
    if os.path.commonpath([root, where]) != root:
        return Paper(entry.name, problem="is a link out of the folder: refused")
    try:
        with open(where, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NONBLOCK)) as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return Paper(entry.name, problem="is not a regular file: not read")
            return paper(entry.name, file.read(MAX_BYTES + 1))
    except OSError as error:
        return Paper(entry.name, problem=f"cannot be read: {error.strerror or error}")


def results_of(paper, findings):
    """The report rows of one student's note: [(Row, Verdict)], one a finding (its line, its claim, its formula); a
    note that could not be read or judged (``findings`` a Verdict, or the paper's problem) is one row saying why."""
    if paper.problem or isinstance(findings, Verdict):
        message = f"the file {paper.problem}" if paper.problem else findings.message
        outcome = Outcome.INVALID if paper.problem else findings.outcome
        return [(Row(0, paper.student, NOTE, paper.name), Verdict(outcome, message))]
    return [(Row(f.formula.line, paper.student, question(f.claim), f.formula.latex),
             Verdict(STATUSES[f.status], f.message, hint=f.hint)) for f in findings]


def question(claim):
    """What a teacher reads for a claim: its target's title ("dL/dw_j, cross-entropy after a sigmoid"), not its key."""
    return str(TARGETS[claim].title) if claim in TARGETS else claim or NOT_RECOGNISED


def grade(folder, check_note, threads=1):
    """[(Row, Verdict)] for every note of ``folder``, in name order, ``threads`` notes at a time; ``check_note(paper)``:
    its findings (a list of mathcore.notes.Finding), or a Verdict saying why it was not judged now; a ValueError's
    message (a note too long, binary, not a notebook: mathcore.reading says why) is the note's."""
    def one(p):
        try:
            return results_of(p, None if p.problem else check_note(p))
        except ValueError as error:
            return results_of(p, Verdict(Outcome.INVALID, str(error)))
    with ThreadPoolExecutor(max(1, threads)) as workers:
        return [result for results in workers.map(one, folder.papers) for result in results]


def people(results):
    """[{"student", "right", "wrong", "not_judged", "not_recognised", "out_of"}]: out of the recognised formulas."""
    found = []
    for person in report.students(results):
        unrecognised = sum(row.student == person["student"] and row.target == NOT_RECOGNISED for row, _ in results)
        found.append({**person, "not_judged": person["not_judged"] - unrecognised, "not_recognised": unrecognised,
                      "out_of": person["out_of"] - unrecognised})
    return found


def slips(results):
    """The class's commonest slips: [{"target", "hint", "students", "of", "example": row}], most students first."""
    of = len({row.student for row, _ in results})
    groups = {}
    for row, verdict in results:
        if verdict.outcome is Outcome.NOT_EQUIVALENT:
            groups.setdefault((row.target, str(verdict.hint or report.NO_SLIP)), []).append(row)
    return sorted(({"target": t, "hint": h, "students": len({r.student for r in rows}), "of": of, "example": rows[0]}
                   for (t, h), rows in groups.items()), key=lambda s: -s["students"])


def read_line(folder):
    """What was read: the notes, and what was left out."""
    parts = [f"read {len(folder.papers):,} note{'s' * (len(folder.papers) != 1)}"]
    if folder.more:
        parts.append(f"{folder.more:,} more left out (at most {folder.most:,} notes are read: grade the folder in parts)")
    parts += [echo.line(f"left out {name}: {why}", 200) for name, why in folder.left_out]
    return "; ".join(parts)


def exit_code(folder, results):
    """0 every recognised formula right, 1 some wrong and all judged, 2 something not judged or read."""
    judged = [(row, verdict) for row, verdict in results if row.target != NOT_RECOGNISED]
    return 2 if folder.more or not judged else report.exit_code(judged)


def as_text(folder, results):
    """The class report for a terminal: what was read, one line per student, the commonest slips."""
    lines = [read_line(folder), "", "per student: right, wrong, not judged, not recognised"]
    everyone = people(results)
    width = min(report.NAME_WIDTH, max((len(echo.line(p["student"])) for p in everyone), default=0))
    lines += [f"  {echo.line(p['student'], report.NAME_WIDTH):<{width}}  {p['right']:>3} {p['wrong']:>3} "
              f"{p['not_judged']:>3} {p['not_recognised']:>3}" for p in everyone]
    lines += ["", "the class's commonest slips:"]
    lines += [echo.line(f"  {s['students']} of {s['of']} students: {s['target']}: {s['hint']} (e.g. "
                        f"{s['example'].student} line {s['example'].n}: {echo.line(s['example'].answer, 120)})", 400)
              for s in slips(results)] or ["  none"]
    problems = [(row, verdict) for row, verdict in results
                if verdict.outcome in report.NOT_JUDGED and row.target != NOT_RECOGNISED]
    lines += ["", "not judged:", *(echo.line(f"  {row.answer if row.target == NOTE else f'{row.student} line {row.n}'}"
                                             f": {verdict.message}", 300) for row, verdict in problems)
              ] if problems else []
    return "\n".join(lines) + "\n"


def as_csv(folder, results):
    """The gradebook (student, score, out_of), as report writes it."""
    return report.gradebook(people(results))


def as_json(folder, results):
    """report's JSON, with the notes' per-student lines, slips and what was left out."""
    record = json.loads(report.as_json(Sheet("notes", tuple(row for row, _ in results)), results))
    record.update(read=len(folder.papers), left_out=[{"file": n, "why": w} for n, w in folder.left_out],
                  more=folder.more, students=people(results), exit_code=exit_code(folder, results),
                  slips=[{**s, "example": {"student": s["example"].student, "line": s["example"].n,
                                           "formula": s["example"].answer}} for s in slips(results)])
    return json.dumps(record, indent=2, ensure_ascii=True) + "\n"


def as_markdown(folder, results):
    """report's Markdown class report, its first line saying what was read."""
    text = report.as_markdown(Sheet("notes", tuple(row for row, _ in results)), results)
    head, _, rest = text.partition("\n\n")
    return f"{head}\n\n{report.code(read_line(folder), 2000)}\n\n{rest}"


FORMATS = {"text": as_text, "csv": as_csv, "json": as_json, "md": as_markdown}
