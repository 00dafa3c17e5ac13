"""A class report from batch grading: ``check --batch FILE --format text|csv|json|md [--output FILE]``.

Its parts: each row's verdict (one line a row, in the file's order), per student (right, wrong, not judged, out
of), per question (how many right; the wrong answers grouped by their hint, "3 of 10: dropped the 1/m", with one
example each), and the ambiguity warnings (``Verdict.warnings``). ``csv`` is a gradebook (student, score, out of;
rows without a student are left out of it, and shown in the others). Every student name, answer and message is
echoed through ``mathcore.echo``: escaped on one line, and neutralised in a CSV cell.

The exit status, the same for every format: 0 every answer right, 1 some wrong and all judged, 2 some row not
judged (unreadable, unknown target, undecided) or no rows.
"""

import csv
import io
import json
import re
from collections import Counter, defaultdict

from mathcore import echo
from mathcore.checker import target_key
from mathcore.judge import Outcome

NOT_JUDGED = (Outcome.UNDECIDED, Outcome.INVALID)
NO_SLIP = "no known slip"
NAME_WIDTH = 40  # characters of a student's name shown in a line (the gradebook has them whole)


def exit_code(results):
    """0 all right, 1 some wrong and all judged, 2 some not judged or nothing to judge."""
    outcomes = Counter(verdict.outcome for _, verdict in results)
    if not results or any(outcomes[o] for o in NOT_JUDGED):
        return 2
    return 1 if outcomes[Outcome.NOT_EQUIVALENT] else 0


def question(row):
    """The question a row answers: its target's catalogue key, or the target as written when it is unknown."""
    try:
        return target_key(row.target)
    except KeyError:
        return row.target or "(no target)"


def _tally(results, key):
    """{key(row): {"right", "wrong", "not_judged", "out_of"}} in the order first seen."""
    tally = defaultdict(lambda: {"right": 0, "wrong": 0, "not_judged": 0, "out_of": 0})
    for row, verdict in results:
        counts = tally[key(row)]
        counts["out_of"] += 1
        counts["right" if verdict.right else "not_judged" if verdict.outcome in NOT_JUDGED else "wrong"] += 1
    return tally


def students(results):
    """[{"student", "right", "wrong", "not_judged", "out_of"}] in the order the students first appear."""
    return [{"student": name, **counts} for name, counts in _tally(results, lambda row: row.student).items()]


def questions(results):
    """[{"target", right, wrong, not_judged, out_of, "slips": [{"hint", "count", "example": row}]}]: the wrong
    answers of each question grouped by their hint, the commonest first."""
    slips = defaultdict(list)
    for row, verdict in results:
        if verdict.outcome is Outcome.NOT_EQUIVALENT:
            slips[question(row), verdict.hint or NO_SLIP].append(row)
    return [{"target": target, **counts,
             "slips": sorted(({"hint": hint, "count": len(rows), "example": rows[0]}
                              for (t, hint), rows in slips.items() if t == target), key=lambda s: -s["count"])}
            for target, counts in _tally(results, question).items()]


def warnings(results):
    """(row, warning) for every ambiguity warning, in row order."""
    return [(row, warning) for row, verdict in results for warning in verdict.warnings]


def _who(row):
    return f"row {row.n} {echo.line(row.student, NAME_WIDTH)}".rstrip()


def row_line(row, verdict):
    """One row's verdict on one line: row, student, verdict, message, hint, warnings, how it was read."""
    parts = [f"{_who(row)}: {verdict.status}: {verdict.message}"]
    parts += [f"Hint: {verdict.hint}"] * bool(verdict.hint)
    parts += [f"Warning: {warning}" for warning in verdict.warnings]
    parts += [f"Read as: {echo.line(row.answer, 200)} ({row.note})"] * bool(row.note)
    return echo.line(" ".join(parts))


def _counts_line(results):
    counts = Counter(verdict.status for _, verdict in results)
    return f"{len(results)} answers: " + ", ".join(f"{counts[o.value]} {o.value}" for o in Outcome)


def read_line(sheet):
    """The report's first line: how many rows were read, and as what."""
    return f"read {len(sheet.rows):,} row{'s' * (len(sheet.rows) != 1)} ({sheet.kind})"


def as_text(sheet, results, rows=True):
    """The report for a terminal: the rows (unless ``rows`` is False: already shown), per student, per
    question, the warnings, and the counts last."""
    lines = [read_line(sheet)] if rows else []
    lines += [row_line(row, verdict) for row, verdict in results] if rows else []
    people = students(results)
    width = min(NAME_WIDTH, max((len(echo.line(p["student"])) for p in people), default=0))
    lines += ["", "per student: right, wrong, not judged, out of"]
    lines += [f"  {echo.line(p['student'] or '(no name)', NAME_WIDTH):<{width}}  {p['right']:>3} {p['wrong']:>3} "
              f"{p['not_judged']:>3} {p['out_of']:>3}" for p in people]
    lines += ["", "per question:"]
    for q in questions(results):
        lines.append(echo.line(f"  {q['target']}: {q['right']} of {q['out_of']} right, {q['wrong']} wrong, "
                               f"{q['not_judged']} not judged", 200))
        lines += [echo.line(f"    {s['count']} of {q['out_of']}: {s['hint']} (e.g. {_who(s['example'])}: "
                            f"{echo.line(s['example'].answer, 120)})") for s in q["slips"]]
    found = warnings(results)
    if found:
        lines += ["", "warnings (answers that could be read another way):"]
        lines += [echo.line(f"  {_who(row)}: {warning}") for row, warning in found]
    return "\n".join([*lines, _counts_line(results)]) + "\n"


def as_csv(sheet, results):
    """The gradebook of a batch file's students."""
    return gradebook(students(results))


def gradebook(people):
    """The gradebook: student, score (answers right), out_of; one line per named student, cells neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "score", "out_of"])
    writer.writerows([echo.cell(p["student"]), p["right"], p["out_of"]] for p in people if p["student"])
    return out.getvalue()


def _row_record(row, verdict):
    return {"row": row.n, "student": row.student, "target": row.target, "answer": row.answer,
            "status": verdict.status, "message": str(verdict.message), "hint": str(verdict.hint),
            "warnings": [str(w) for w in verdict.warnings], "note": row.note}


def as_json(sheet, results):
    """Everything, for a program: the rows as read (whole, in JSON's escapes: the file is ASCII), per student,
    per question with its slips, the counts and the exit status."""
    report = {
        "read": len(sheet.rows), "format": sheet.kind,
        "rows": [_row_record(row, verdict) for row, verdict in results],
        "students": students(results),
        "questions": [{**q, "slips": [{**s, "example": {"row": s["example"].n, "student": s["example"].student,
                                                         "answer": s["example"].answer}} for s in q["slips"]]}
                      for q in questions(results)],
        "counts": dict(Counter(verdict.status for _, verdict in results)),
        "exit_code": exit_code(results),
    }
    return json.dumps(report, indent=2, ensure_ascii=True) + "\n"


def code(text, limit=200):
    """``text`` as a Markdown code span that a table cell keeps whole: escaped on one line, ``|`` as ``\\|``."""
    text = echo.line(text, limit).replace("|", r"\|")
    if not text:
        return ""
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def as_markdown(sheet, results):
    """The report as Markdown: per student and per question as tables, the slips, the warnings and the rows;
    every text from the file (and every message) in a code span, never read as Markdown."""
    lines = ["# Class report", "", f"R{read_line(sheet)[1:]}; {_counts_line(results)}.", "",
             "## Students", "", "| student | right | wrong | not judged | out of |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {code(p['student']) or '(no name)'} | {p['right']} | {p['wrong']} | {p['not_judged']} | "
              f"{p['out_of']} |" for p in students(results)]
    lines += ["", "## Questions", "", "| question | right | wrong | not judged | out of |", "|---|---:|---:|---:|---:|"]
    all_questions = questions(results)
    lines += [f"| {code(q['target'])} | {q['right']} | {q['wrong']} | {q['not_judged']} | {q['out_of']} |"
              for q in all_questions]
    slips = [f"- {code(q['target'])}: {s['count']} of {q['out_of']}: {code(s['hint'])} (e.g. row {s['example'].n}"
             f" {code(s['example'].student)}: {code(s['example'].answer)})" for q in all_questions for s in q["slips"]]
    lines += ["", "## Common slips", "", *slips] if slips else []
    found = warnings(results)
    lines += ["", "## Warnings", "", *(f"- row {row.n} {code(row.student)}: {code(warning)}" for row, warning in found)
              ] if found else []
    lines += ["", "## Rows", "", "| row | student | question | verdict | message |", "|---:|---|---|---|---|"]
    lines += [f"| {row.n} | {code(row.student)} | {code(row.target)} | {verdict.status} | {code(verdict.message)} |"
              for row, verdict in results]
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "csv": as_csv, "json": as_json, "md": as_markdown}
