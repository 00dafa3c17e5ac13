"""``python -m mathcore verify``: every derivation, proved and checked, as a table, JSON or LaTeX
(exits 1 if any step is not proved or its numbers disagree, error >= TOLERANCE).
``python -m mathcore export NAME --format latex|markdown|ipynb``: one derivation to take away.
``python -m mathcore notes FILE.md``: every formula of a Markdown note, right, wrong (why, and the right formula),
not judged or not recognised (exit 0 all recognised ones right, 1 one is wrong, 2 none judged or one not judged).
``python -m mathcore check TARGET ANSWER``: the checker's verdict (exit 0 right, 1 wrong, 2 undecided or invalid).
``python -m mathcore check --batch FILE [--format text|csv|json|md] [--output FILE]``: a class's answers graded,
one verdict per row, then per student and per question (see ``mathcore.batch`` and ``mathcore.report``).

Grading by exit code is safe: exit 0 comes only from an answer judged right. Everything after TARGET is the
answer, even when it starts with ``-`` (``check dL_da -y/a + (1-y)/(1-a)``; ``--`` before it works too), so an
answer of ``-h`` is judged (and is invalid), and ``check -h`` itself exits 2. Output never fails on a terminal
that cannot show σ or −: what it cannot encode is written as an escape. Text from a user (an answer, a name, a
note, a file's rows) is echoed through ``mathcore.echo``: control characters escaped, one line each.
"""

import argparse
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import sympy as sp

from mathcore.checker import DEPRECATED, TARGETS, target_key
from mathcore.checkpool import CheckPool
from mathcore.derivation import TOLERANCE, _name as variable_name  # w[1], w[2]: one name, as evaluate takes them
from mathcore.derivations import CATALOGUE, derivation
from mathcore.export import FORMATS, at_point, export
from mathcore import batch, classnotes, echo, notes, report
from mathcore.notes import report as notes_report


def verify_rows(keys=None):
    """One dict per derivation: what it shows, whether it is proved, its worst numeric error."""
    rows = []
    for key in keys or CATALOGUE:
        d = derivation(key)
        rows.append({
            "key": key,
            "title": d.title,
            "result": sp.sstr(d.result),
            "result_latex": sp.latex(d.result),
            "proved": d.proved,
            "error": d.error,
            "checked_against": d.check_against,
            "ok": d.ok,
            "steps": [{"latex": s.latex, "rule": s.rule, "proved": c.proved, "error": c.error,
                       "points": c.n_points} for s, c in zip(d.steps, d.checks)],
            "aligned": d.aligned(),
        })
    return rows


def format_table(rows):
    header = ("derivation", "result", "proof", "error", "checked against")
    body = [(r["key"], r["result"], "✓" if r["proved"] else "✗", f"{r['error']:.1e}", r["checked_against"])
            for r in rows]
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip()
             for line in [header, *body]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    failed = [r["key"] for r in rows if not r["ok"]]
    lines.append("")
    lines.append(f"{len(rows) - len(failed)} of {len(rows)} derivations proved and within {TOLERANCE:.0e}"
                 + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return "\n".join(lines)


def format_latex(rows):
    parts = [r"\documentclass{article}", r"\usepackage{amsmath}", r"\begin{document}"]
    for r in rows:
        mark = r"\checkmark" if r["ok"] else r"$\times$"
        name = r["key"].replace("_", r"\_")
        parts += [rf"\section*{{{name}}}",
                  rf"Proved by SymPy: {mark}; numeric error {r['error']:.1e} against {r['checked_against']}.",
                  r"\[", r["aligned"], r"\]"]
    parts.append(r"\end{document}")
    return "\n".join(parts)


def read_input(path, parser, limit=None):
    """The text of the file at ``path`` (UTF-8, its line ends as they are), or standard input for "-"; a usage
    error if it cannot be read, is not UTF-8 (naming the line) or is longer than ``limit`` bytes."""
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", sys.stdin)  # a test's StringIO has no bytes under it
            data = stream.read() if limit is None else stream.read(limit + 1)
        else:
            with open(path, "rb") as file:
                data = file.read() if limit is None else file.read(limit + 1)
    except OSError as error:
        parser.error(f"cannot read {path}: {error.strerror or error}")
    if limit is not None and len(data) > limit:
        parser.error(f"cannot read {path}: it is longer than {limit:,} bytes")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        parser.error(f"cannot read {path}: line {line} is not UTF-8 (save the file as UTF-8)")


def check_notes(text, parser, format="text"):
    """The note read whole, its formulas judged through a pool of two (progress on stderr when it is a terminal),
    the report (mathcore.notes.report: text, or json with one object a finding), and notes.exit_code."""
    pool = CheckPool(workers=2, per_session=batch.THREADS, worker_seconds_per_minute=float("inf"))
    try:
        readings = notes.read_note(text, whole=True)
        progress = sys.stderr.isatty() and len(readings) > 20
        with ThreadPoolExecutor(batch.THREADS) as threads:
            findings = []
            for finding in threads.map(lambda r: notes.judged(r, lambda t, p: batch.judged(pool, t, p, "cli")),
                                       readings):
                findings.append(finding)
                if progress and (len(findings) % 10 == 0 or len(findings) == len(readings)):
                    print(f"\rjudged {len(findings)} of {len(readings)} formulas", end="", file=sys.stderr, flush=True)
            if progress:
                print(file=sys.stderr)
    except ValueError as error:
        parser.error(str(error))
    finally:
        pool.stop()
    if format == "json":
        print(json.dumps(notes_report.records(findings, text), ensure_ascii=False, indent=1))
    else:
        print(notes_report.text(findings, text), end="")
    return notes.exit_code(findings)


class Parser(argparse.ArgumentParser):
    """argparse, with its error messages (which quote what was typed) echoed on one line, escaped."""

    def error(self, message):
        super().error(echo.line(message))


def grade_batch(args, parser):
    """``check --batch``: read the file, grade it (the rows shown as they come, unless the report in another
    format goes to standard output), write the report; report.exit_code."""
    fmt = args.format or {".csv": "csv", ".json": "json", ".md": "md"}.get(os.path.splitext(args.output or "")[1],
                                                                          "text")
    text = read_input(args.batch, parser, limit=batch.MAX_BYTES)
    try:
        sheet = batch.read(text)
    except batch.Unreadable as error:
        print(echo.line(f"cannot read {args.batch}: {error}"), file=sys.stderr)
        return 2
    try:
        output = open(args.output, "w", encoding="utf-8", newline="") if args.output else None
    except OSError as error:
        parser.error(f"cannot write {args.output}: {error.strerror or error}")
    on_screen = output is not None or fmt == "text"  # else the report in fmt is all that standard output gets
    if on_screen:
        print(report.read_line(sheet), flush=True)
    show = (lambda row, verdict: print(report.row_line(row, verdict), flush=True)) if on_screen else None
    results = batch.grade(sheet.rows, each=show)
    if on_screen:
        print(report.as_text(sheet, results, rows=False), end="")
    if output:
        with output:
            output.write(report.FORMATS[fmt](sheet, results))
        print(echo.line(f"wrote the {fmt} report to {args.output}"), file=sys.stderr)
    elif fmt != "text":
        print(report.FORMATS[fmt](sheet, results), end="")
    return report.exit_code(results)


def grade_notes(args, parser):
    """``notes --batch FOLDER``: every student's note judged through a pool of two (one session a student), the
    class report in ``--format``; classnotes.exit_code."""
    try:
        folder = classnotes.read_folder(args.batch)
    except OSError as error:
        parser.error(f"cannot read the folder {args.batch}: {error.strerror or error}")
    pool = CheckPool(workers=2)

    def check_note(paper):
        session = f"notes:{paper.student}"
        return notes.check_note(paper.text, check=lambda target, part: batch.judged(pool, target, part, session))
    try:
        results = classnotes.grade(folder, check_note, threads=batch.THREADS)
    finally:
        pool.stop()
    print(classnotes.FORMATS[args.format or "text"](folder, results), end="")
    return classnotes.exit_code(folder, results)


class HelpExits2(argparse.Action):
    """-h for ``check``: the help, then exit 2, so no flag makes a grading script see 0 (right)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit(2)


def answer_after_target(argv):
    """``check TARGET ANSWER...`` with a ``--`` put before the answer, so that an answer starting with '-' (``-y+a``,
    even ``-h``) is the answer, never an option.

    >>> answer_after_target(["check", "dL_dz", "-y+a"]), answer_after_target(["check", "-h"])
    (['check', 'dL_dz', '--', '-y+a'], ['check', '-h'])
    """
    if len(argv) >= 3 and argv[0] == "check" and not argv[1].startswith("-") and "--" not in argv[:3]:
        return [argv[0], argv[1], "--", *argv[2:]]
    return argv


def main(argv=None):
    for stream in (sys.stdout, sys.stderr):  # a terminal or a pipe that cannot show σ, −, ᵀ: escapes, never a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = Parser(prog="python -m mathcore", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    verify = commands.add_parser("verify", help="prove and check every derivation")
    verify.add_argument("keys", nargs="*", metavar="NAME", help=f"only these (from: {', '.join(CATALOGUE)})")
    verify.add_argument("--format", choices=("table", "json", "latex"), default="table")
    export_command = commands.add_parser("export", help="one derivation as LaTeX, Markdown or a notebook")
    export_command.add_argument("name", metavar="NAME", help=f"one of: {', '.join(CATALOGUE)}")
    export_command.add_argument("--format", choices=FORMATS, default="latex")
    export_command.add_argument("--at", nargs="*", default=[], metavar="VAR=VALUE",
                                help="for ipynb: the point to evaluate at, e.g. z=1.5 y=1")
    check_command = commands.add_parser("check", help="is ANSWER right for TARGET? (exit 0 yes, 1 no, 2 undecided)",
                                        add_help=False, epilog="Exit 0 only for an answer judged right; this help "
                                        "exits 2. An ANSWER may start with '-'.")
    check_command.add_argument("-h", "--help", action=HelpExits2, help="show this help and exit 2")
    check_command.add_argument("--batch", metavar="FILE", help="grade every row of FILE instead: CSV with a header "
                               "(target, answer, and optionally student; or tabs) or JSON lines with those keys; - "
                               "for stdin")
    check_command.add_argument("--format", choices=tuple(report.FORMATS), help="with --batch: the report as text "
                               "(the default), csv (a gradebook: student, score, out_of), json or md")
    check_command.add_argument("--output", metavar="FILE", help="with --batch: write the report there (its format "
                               "from --format or the file's ending) and show the text one")
    check_command.add_argument("target", metavar="TARGET", nargs="?", help=f"one of: {', '.join(TARGETS)} (a "
                               f"derivation's catalogue key; the old names {', '.join(DEPRECATED)} still work, "
                               "deprecated)")
    check_command.add_argument("answer", metavar="ANSWER", nargs="*", help="the answer, in any of the four notations "
                               "(words after TARGET are joined with spaces)")
    notes_command = commands.add_parser("notes", help="check every formula of a Markdown note ($…$ and $$…$$)")
    notes_command.add_argument("file", metavar="FILE.md", nargs="?", help="the note (- for standard input)")
    notes_command.add_argument("--batch", metavar="FOLDER", help="a class's notes instead, one file a student "
                               "(.md, .txt, .ipynb; the student is the file's name): a line per student and the "
                               "class's commonest slips")
    notes_command.add_argument("--format", choices=tuple(classnotes.FORMATS), help="text (the default) or json "
                               "(one object a finding); with --batch also csv (a gradebook) or md")
    args = parser.parse_args(answer_after_target(sys.argv[1:] if argv is None else list(argv)))

    if args.command == "notes" and args.batch:
        if args.file:
            parser.error("--batch FOLDER reads the notes in FOLDER, not FILE.md")
        return grade_notes(args, parser)
    if args.command == "notes":
        if not args.file or args.format not in (None, "text", "json"):
            parser.error("notes needs FILE.md (or --batch FOLDER); with FILE.md, --format is text or json")
        return check_notes(read_input(args.file, parser).replace("\r\n", "\n").replace("\r", "\n"), parser,
                           args.format or "text")

    if args.command == "check" and args.batch:
        if args.target or args.answer:
            parser.error("--batch FILE takes its targets and answers from FILE, not from the command line")
        return grade_batch(args, parser)
    if args.command == "check":
        if args.format or args.output:
            parser.error("--format and --output go with --batch FILE")
        if not args.target or not args.answer:
            parser.error("check needs TARGET and ANSWER (or --batch FILE)")
        try:
            key = target_key(args.target)
        except KeyError:
            parser.error(f"unknown target {args.target}; known: {', '.join(TARGETS)}")
        if key != args.target:
            print(f"note: the target name {args.target} is deprecated; use {key}", file=sys.stderr)
        pool = CheckPool(workers=1)
        try:
            verdict = pool.check(key, " ".join(args.answer))
        finally:
            pool.stop()
        print(echo.line(f"{verdict.status}: {verdict.message}"))
        for line in (*(f"warning: {w}" for w in verdict.warnings), verdict.hint, verdict.evidence):
            if line:
                print(echo.line(line))
        return verdict.exit_code

    if args.command == "export":
        if args.name not in CATALOGUE:
            parser.error(f"unknown derivation {args.name}; known: {', '.join(CATALOGUE)}")
        d = derivation(args.name)
        try:
            point = at_point(args.at, {variable_name(v) for v in d.variables})
        except ValueError as error:
            parser.error(str(error))
        print(export(d, args.format, point or None), end="")
        return 0

    unknown = [k for k in args.keys if k not in CATALOGUE]
    if unknown:
        parser.error(f"unknown derivation {', '.join(unknown)}; known: {', '.join(CATALOGUE)}")
    rows = verify_rows(args.keys)
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif args.format == "latex":
        print(format_latex(rows))
    else:
        print(format_table(rows))
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
