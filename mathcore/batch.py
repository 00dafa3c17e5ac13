"""Grade a class's answers: ``python -m mathcore check --batch FILE``.

FILE is CSV with a header row (columns ``target`` and ``answer``, and ``student`` if you like; other columns are
ignored) or JSON lines (one object a line with those keys). Each row gets one line: its row number, its student,
the checker's verdict and its hint. Then the counts, and the exit status from them: 0 every answer right, 1 some
wrong and all judged, 2 some row could not be judged (unreadable row, unknown target, undecided).

The rows go through the same fair pool as the app, one session per student, with the same limits: a student's
answers wait while that student is over the minute's worker time, or while the pool is busy, and are then judged.
"""

import csv
import io
import json
import time
from collections import Counter

from mathcore.checker import target_key
from mathcore.checkpool import CheckPool, come_back_later
from mathcore.judge import Outcome

MAX_ROWS = 10_000
RETRY_FOR = 120.0  # seconds a row may wait for its student's limit or a busy pool before it is reported undecided


def rows(text):
    """(row number, dict) for each row of CSV-with-header or JSON-lines text; a broken row is (n, error text)."""
    if text.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    row = json.loads(line)
                    yield n, row if isinstance(row, dict) else "not a JSON object"
                except json.JSONDecodeError as error:
                    yield n, f"not JSON ({error.msg})"
        return
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):  # row 1 is the header
        yield n, {key.strip().lower(): value for key, value in row.items() if key}


def judged(pool, target, answer, student):
    """The pool's verdict, waiting (within RETRY_FOR) while the student is over the limit or the pool is busy."""
    deadline = time.monotonic() + RETRY_FOR
    while True:
        verdict = pool.check(target, answer, session=f"batch:{student}")
        if not come_back_later(verdict) or time.monotonic() > deadline:
            return verdict
        time.sleep(1.0)


def grade(text):
    """Print one verdict per row of ``text`` and the counts; the exit status from them."""
    counts, pool = Counter(), CheckPool(workers=2)
    try:
        for count, (n, row) in enumerate(rows(text), start=1):
            if count > MAX_ROWS:
                print(f"stopped after {MAX_ROWS} rows")
                counts["invalid"] += 1
                break
            student = str(row.get("student", "")).strip() if isinstance(row, dict) else ""
            who = f" {student}" if student else ""
            if not isinstance(row, dict) or not row.get("target") or row.get("answer") is None:
                problem = row if isinstance(row, str) else "needs a target and an answer"
                print(f"row {n}{who}: invalid: the row {problem}")
                counts["invalid"] += 1
                continue
            try:
                key = target_key(str(row["target"]).strip())
            except KeyError:
                print(f"row {n}{who}: invalid: unknown target {str(row['target'])[:60]!r}")
                counts["invalid"] += 1
                continue
            verdict = judged(pool, key, str(row["answer"]), student)
            counts[verdict.status] += 1
            print(f"row {n}{who}: {verdict.status}: {verdict.message}" + (f" Hint: {verdict.hint}" if verdict.hint
                                                                          else ""))
    finally:
        pool.stop()
    total = sum(counts.values())
    print(f"{total} answers: " + ", ".join(f"{counts[o.value]} {o.value}" for o in Outcome))
    unjudged = counts[Outcome.UNDECIDED.value] + counts[Outcome.INVALID.value]
    return 2 if unjudged or not total else 1 if counts[Outcome.NOT_EQUIVALENT.value] else 0
