"""python -m benchmarks [--runs 5] [--report benchmarks/REPORT.md] [--quick]

1. The math (benchmarks.math): each derivation's cold time, loop against vectorized, SymPy against NumPy,
   cost surfaces broadcast against a loop.
2. The pages (benchmarks.pages): each page in Chromium, first visit, new session and interaction,
   beside a bare one-line page, against the budgets.
Prints both as it goes and writes them to a Markdown report. The load on one server or behind nginx is
``python -m benchmarks.load`` (minutes, not part of this run).
"""

import argparse
import contextlib
import io
import platform
import sys
import time

import numpy as np

from benchmarks import math, pages


class Tee(io.StringIO):
    """Text written here is printed too."""

    def write(self, text):
        sys.__stdout__.write(text)
        sys.__stdout__.flush()
        return super().write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per page (medians are reported)")
    parser.add_argument("--report", default="benchmarks/REPORT.md")
    parser.add_argument("--quick", action="store_true", help="small cases, one run, two pages: a smoke test")
    args = parser.parse_args(argv)
    math_text = Tee()
    with contextlib.redirect_stdout(math_text):
        math.main(quick=args.quick)
    print()
    runs = 1 if args.quick else args.runs
    selected = ["", "cost-surface"] if args.quick else pages.PAGES
    bare, rows = pages.run(runs=runs, pages=selected, first_visits=not args.quick)
    report = "\n".join([
        "# Benchmark report", "",
        f"`python -m benchmarks{' --quick' if args.quick else ''}` on {time.strftime('%Y-%m-%d %H:%M UTC')}, "
        f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores, Python {platform.python_version()}, "
        f"NumPy {np.__version__}. Figures move with the machine's load; the tests never assert them.", "",
        "## The math", "", "```", math_text.getvalue().rstrip(), "```", "",
        "## The pages in Chromium", "", pages.markdown(bare, rows, runs), "",
    ])
    with open(args.report, "w") as out:
        out.write(report)
    print(f"\nwritten to {args.report}")


if __name__ == "__main__":
    main()
