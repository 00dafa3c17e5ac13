"""A class graded as a teacher does (#38 item 5): ``python -m benchmarks.grading``.

The made-up class of tests/class/ (30 students x 10 answers in answers.csv, 30 notes in notes/) graded through a
pool of two workers, twice: a cold pool (every distinct answer judged once by SymPy and NumPy), then the same pool
again (every verdict kept: free). Prints rows (answers) or formulas per second and the seconds taken; nothing here
is asserted, the times depend on the machine and its load.
"""

import time
from pathlib import Path

from mathcore import batch, classnotes, notes
from mathcore.checkpool import CheckPool

CLASS = Path(__file__).resolve().parents[1] / "tests" / "class"


def answers(pool):
    """(rows, seconds) for the class's answers."""
    rows = batch.read((CLASS / "answers.csv").read_text(encoding="utf-8")).rows
    start = time.perf_counter()
    batch.grade(rows, pool=pool)
    return len(rows), time.perf_counter() - start


def class_notes(pool):
    """(formulas, seconds) for the class's notes."""
    folder = classnotes.read_folder(CLASS / "notes")
    start = time.perf_counter()
    results = classnotes.grade(folder, lambda paper: notes.check_note(
        paper.text, check=lambda target, part: batch.judged(pool, target, part, paper.student)), threads=batch.THREADS)
    return len(results), time.perf_counter() - start


def main():
    pool = CheckPool(workers=2)
    try:
        print(f"{'what':<28} {'rows':>5} {'seconds':>8} {'rows/s':>8}")
        for label, measure in (("answers, cold pool", answers), ("notes, cold pool", class_notes),
                               ("answers, verdicts kept", answers), ("notes, verdicts kept", class_notes)):
            rows, seconds = measure(pool)
            print(f"{label:<28} {rows:>5} {seconds:>8.2f} {rows / seconds:>8.1f}")
    finally:
        pool.stop()


if __name__ == "__main__":
    main()
