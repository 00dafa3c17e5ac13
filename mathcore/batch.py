"""Grade a class's answers: ``python -m mathcore check --batch FILE``.

FILE is CSV with a header row naming the columns ``target`` and ``answer`` (and ``student`` if you like; in any
order; other columns are ignored), TSV (the same with tabs), or JSON lines (one object a line with those keys),
in UTF-8 with or without a byte-order mark. CSV is read with a real CSV reader: an answer holding a comma or a
line break is written in double quotes. A row with more fields than the header is never cut silently: when the
answer is the last column and the row has no quotes, its answer is the rest of the row (and the report says so);
otherwise the row is reported as unreadable. A file that cannot be read on (a field longer than
``csv.field_size_limit()``, a quote left open, more than MAX_ROWS rows) is refused with the row where it stops.

The rows go through the same fair pool as the app, one session per student, with the same limits: a student's
answers wait while that student is over the minute's worker time, or while the pool is busy, and are then judged.
They are served in rounds over the students (``Rounds``), so a student whose answers are slow waits alone: the
others' answers go ahead. The results come back in the file's row order (``mathcore.report`` prints them).
"""

import csv
import io
import json
import queue
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass

from mathcore.checker import target_key
from mathcore.checkpool import CheckPool, come_back_later
from mathcore.judge import Outcome, Verdict

MAX_ROWS = 10_000
MAX_BYTES = 64_000_000  # a file longer than this is refused before it is read (a class's answers take far less)
RETRY_FOR = 120.0  # seconds a row may wait for its student's limit or a busy pool before it is reported undecided
THREADS = 4  # rows in the pool at once (it keeps them fair across students; a row waiting its turn waits there)
COLUMNS = ("student", "target", "answer")
#: delimiter -> (the file's kind, the delimiter's name)
DELIMITERS = {",": ("CSV", "comma"), "\t": ("TSV", "tab"), ";": ("CSV with semicolons", "semicolon")}


@dataclass(frozen=True)
class Row:
    """One answer to grade. n: its row in a spreadsheet (the header is row 1), or its line in JSON lines."""

    n: int
    student: str = ""
    target: str = ""
    answer: str = ""
    problem: str = ""  # why the row cannot be judged; "" when it can
    note: str = ""  # how the row was read, when the teacher should know (the answer taken as the rest of the row)

    @property
    def who(self):
        """The row's owner for the rounds and the pool: its student, or the row itself when it has no student."""
        return f"student:{self.student}" if self.student else f"row:{self.n}"


@dataclass(frozen=True)
class Sheet:
    """What was read from a batch file: its kind ("CSV", "TSV", "JSON lines") and its rows."""

    kind: str
    rows: tuple


class Unreadable(ValueError):
    """The file cannot be read (on from some row): the message says where and why."""


def read(text):
    """The rows of a batch file's text (CSV, TSV or JSON lines), or Unreadable."""
    text = text.removeprefix("\ufeff")  # UTF-8's byte-order mark, as Excel writes it
    if text.lstrip().startswith("{"):
        return Sheet("JSON lines", tuple(_json_rows(text)))
    kind, rows = _table_rows(text)
    return Sheet(kind, tuple(rows))


def _checked(rows):
    """The rows, or Unreadable past MAX_ROWS."""
    for count, row in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise Unreadable(f"row {row.n}: the file has more than {MAX_ROWS:,} answers; grade it in parts")
        yield row


def _row(n, fields, note=""):
    """A Row from a dict of column -> value (text from CSV, any JSON value), with its problem if it has one."""
    values = {}
    for column in COLUMNS:
        value = fields.get(column)
        if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None))):
            return Row(n, problem=f"has a {column} that is not text")
        values[column] = "" if value is None else str(value)
    student, target = values["student"].strip(), values["target"].strip()
    if not target or not values["answer"].strip():
        return Row(n, student, target, values["answer"], problem="needs a target and an answer")
    return Row(n, student, target, values["answer"], note=note)


def _json_rows(text):
    """One Row per non-blank line (split at line feeds only: JSON strings may hold U+2028 and friends)."""
    def rows():
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield Row(n, problem=f"is not JSON ({error.msg})")
                continue
            except RecursionError:
                yield Row(n, problem="is JSON nested too deeply")
                continue
            if not isinstance(value, dict):
                yield Row(n, problem="is not a JSON object")
                continue
            yield _row(n, {str(key).strip().lower(): item for key, item in value.items()})
    return _checked(rows())


def _header(header_line):
    """(delimiter, column names) of the header line that names target and answer, or Unreadable."""
    for delimiter in DELIMITERS:
        try:
            names = [name.strip().lower() for name in next(csv.reader([header_line], delimiter=delimiter), [])]
        except csv.Error:  # a header line longer than the reader's limit, or with a stray quote
            continue
        if "target" in names and "answer" in names:
            return delimiter, names
    raise Unreadable("row 1: the header must name the columns target and answer (and student if you like), "
                     "separated by commas, tabs or semicolons")


def _table_rows(text):
    """(kind, Rows) of CSV or TSV text with a header; Unreadable for a file the CSV reader cannot read on."""
    lines = io.StringIO(text, newline="")  # lines end at \n, \r\n or \r, untranslated: the reader sees them all
    delimiter, header = _header(lines.readline())
    while not header[-1]:
        header.pop()  # "student,target,answer,": no column past the answer, so a comma there is the answer's
    repeated = {name for name in header if name in COLUMNS and header.count(name) > 1}
    if repeated:
        raise Unreadable(f"row 1: the header names {', '.join(sorted(repeated))} more than once")
    raw = []  # the lines the reader took for the current row

    def feed():
        for line in lines:
            raw.append(line)
            yield line

    def rows():
        reader = csv.reader(feed(), delimiter=delimiter, strict=True)
        n = 1
        while True:
            raw.clear()
            n += 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise Unreadable(f"row {n}: {_why(error)}") from None
            if any(field.strip() for field in fields):
                yield _table_row(n, header, fields, "".join(raw), delimiter)
    return DELIMITERS[delimiter][0], _checked(rows())


def _why(error):
    """What a CSV reader's error means for the teacher who wrote the file."""
    text = str(error)
    if "field larger" in text:
        return (f"a field is longer than {csv.field_size_limit():,} characters (the CSV reader's limit; is a double "
                "quote left open?)")
    if "end of data" in text:
        return "a double quote is opened and never closed"
    if "expected after" in text:
        return 'a quoted field goes on after its closing quote (write a " inside quotes as "")'
    return text


def _table_row(n, header, fields, raw, delimiter):
    """The Row of one CSV record: never a silent cut when it has more fields than the header."""
    while len(fields) > len(header) and not fields[-1].strip():
        fields = fields[:-1]  # empty cells past the header's last column (a spreadsheet pads rows): nothing cut
    note = ""
    if len(fields) > len(header):
        extra = len(fields) - len(header)
        if header[-1] != "answer" or '"' in raw:
            return Row(n, problem=f"has {len(fields)} fields where the header has {len(header)}: put an answer "
                                  "that holds a comma in double quotes")
        fields = [*fields[:len(header) - 1], delimiter.join(fields[len(header) - 1:])]
        mark = DELIMITERS[delimiter][1]
        note = (f"the rest of the row: {extra} {mark}{'s' * (extra > 1)} more than the header; put an answer that "
                f"holds a {mark} in double quotes")
    return _row(n, dict(zip(header, fields)), note)


class Rounds:
    """The rows handed out in rounds over their owners (``Row.who``): one row of an owner in the pool at a time,
    and the owner served longest ago goes first. So one student's slow rows hold up that student alone, whatever
    order the pool serves its queue in."""

    def __init__(self, rows):
        self._waiting = OrderedDict()  # owner -> deque of (index, row), in the order the owners are served
        for index, row in enumerate(rows):
            self._waiting.setdefault(row.who, deque()).append((index, row))
        self._in_pool = set()
        self._turn = threading.Condition()

    def take(self):
        """The next (index, row) to judge, waiting while every owner with rows left has one in the pool; None
        when every row has been taken."""
        with self._turn:
            while self._waiting:
                for who, rows in self._waiting.items():
                    if who not in self._in_pool:
                        self._in_pool.add(who)
                        self._waiting.move_to_end(who)  # served: to the back of the round
                        taken = rows.popleft()
                        if not rows:
                            del self._waiting[who]
                        return taken
                self._turn.wait()
            return None

    def done(self, row):
        """``row`` has its verdict: its owner's place in the pool is free."""
        with self._turn:
            self._in_pool.discard(row.who)
            self._turn.notify_all()


def judged(pool, target, answer, session):
    """The pool's verdict, waiting (within RETRY_FOR) while the student is over the limit or the pool is busy."""
    deadline = time.monotonic() + RETRY_FOR
    while True:
        verdict = pool.check(target, answer, session=session)
        if not come_back_later(verdict) or time.monotonic() > deadline:
            return verdict
        time.sleep(1.0)


def verdict_on(pool, row):
    """The Verdict on one row: "invalid" with the reason for a row that cannot be judged."""
    if row.problem:
        return Verdict(Outcome.INVALID, f"the row {row.problem}")
    try:
        key = target_key(row.target)
    except KeyError:
        return Verdict(Outcome.INVALID, f"unknown target {row.target[:60]!r}")
    try:
        return judged(pool, key, row.answer, f"batch:{row.who}")
    except Exception as error:  # never a hung report: the row says the check stopped
        return Verdict(Outcome.UNDECIDED, f"Could not decide: the check stopped ({type(error).__name__}).")


def grade(rows, pool=None, threads=THREADS, each=None):
    """[(row, verdict)] for ``rows`` in their order, judged ``threads`` at a time in rounds over the students;
    ``each(row, verdict)`` is called in row order as soon as a row and all before it are judged. ``pool``: a
    CheckPool (one of two workers is made and stopped when none is given)."""
    rows = list(rows)
    own = pool is None
    pool = CheckPool(workers=2) if own else pool
    rounds, results, finished = Rounds(rows), [None] * len(rows), queue.Queue()

    def work():
        while (taken := rounds.take()) is not None:
            index, row = taken
            try:
                finished.put((index, verdict_on(pool, row)))
            finally:
                rounds.done(row)

    try:
        for _ in range(min(threads, len(rows))):
            threading.Thread(target=work, daemon=True).start()
        shown = 0
        for _ in rows:
            index, verdict = finished.get()
            results[index] = (rows[index], verdict)
            while shown < len(rows) and results[shown] is not None:
                if each:
                    each(*results[shown])
                shown += 1
    finally:
        if own:
            pool.stop()
    return results
