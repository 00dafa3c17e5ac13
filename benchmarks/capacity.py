"""How many learners one server holds: Locust's learners (benchmarks/locustfile.py, Streamlit's websocket
protocol, no browser) at 10, 30, 60 and 100 at once, against one streamlit process and against two
behind nginx (serving.nginx).

    python -m benchmarks.capacity                          # both set-ups, every level: about 15 minutes
    python -m benchmarks.capacity --processes 1 --levels 10 30 --seconds 30

For each set-up and level: a freshly started server, every page opened once on every process (first
visits, SymPy deriving, are benchmarks.pages' business), then Locust ramps the learners up over 10 s and
runs them for ``--seconds``. Reported from Locust's own statistics: interaction (``move``) p50 and p95,
page open p50 and p95, requests, failures with their messages; and the servers' resident memory (the
checker's workers included) at its peak less before the learners came, per learner. Locust's CSV and
HTML reports are kept in ``--out``. Figures only: no test asserts them.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from benchmarks.stclient import Learner
from lessons import PAGES
from serving import ROOT, rss_megabytes, streamlit_process
from serving.nginx import class_server, upstream_of

LEVELS = (10, 30, 60, 100)
GOAL_P95_MS = 1000


@contextmanager
def one_process(folder):
    """One healthy streamlit process, yielding what class_server yields: (url, [its pid])."""
    with streamlit_process(Path(folder) / "streamlit.log") as (url, process):
        yield url, [process.pid]


def routes(url, processes):
    """One nginx route cookie per process behind ``url``."""
    found = {}
    for k in range(1000):
        upstream, route = upstream_of(url, f"warm{k}")
        found.setdefault(upstream, route)
        if len(found) == processes:
            return list(found.values())
    raise RuntimeError(f"nginx sent 1000 routes to only {len(found)} of {processes} processes")


def warm(url, processes):
    """Open every page once on every process."""
    cookies = [None] if processes == 1 else [f"stroute={route}" for route in routes(url, processes)]
    for cookie in cookies:
        for page in PAGES:
            learner = Learner(url, cookie=cookie)
            learner.open(page.url_path)
            learner.close()


def stats(prefix):
    """Locust's figures by request name, and its failures: ({name: row}, [(name, error, count)])."""
    with open(f"{prefix}_stats.csv") as f:
        rows = {row["Name"]: row for row in csv.DictReader(f)}
    with open(f"{prefix}_failures.csv") as f:
        failures = [(row["Name"], row["Error"], int(row["Occurrences"])) for row in csv.DictReader(f)]
    return rows, failures


def level(url, pids, users, seconds, prefix, think):
    """Locust with ``users`` learners for ``seconds`` after a 10 s ramp: a dict of the figures."""
    memory = lambda: sum(rss_megabytes(pid) for pid in pids)  # noqa: E731
    before = peak = memory()
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
               "-u", str(users), "-r", str(max(1, users / 10)), "-t", f"{seconds + 10:.0f}s", "--host", url,
               "--csv", prefix, "--html", f"{prefix}.html", "--only-summary", "--stop-timeout", "10"]
    with open(f"{prefix}.out", "w") as out:
        locust = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "LOCUST_THINK": think})
        while locust.poll() is None:
            peak = max(peak, memory())
            time.sleep(1)
    rows, failures = stats(prefix)
    figure = lambda name, column: float(rows[name][column]) if name in rows else float("nan")  # noqa: E731
    return {"users": users, "processes": len(pids),
            "moves": int(figure("move", "Request Count")), "opens": int(figure("open", "Request Count")),
            "move_p50": figure("move", "50%"), "move_p95": figure("move", "95%"),
            "open_p50": figure("open", "50%"), "open_p95": figure("open", "95%"),
            "failures": failures, "mb_before": before, "mb_per_learner": (peak - before) / users}


def table(results):
    lines = ["| processes | learners | interactions | move p50 | move p95 | open p50 | open p95 | failures "
             "| server MB before | MB per learner |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r['processes']} | {r['users']} | {r['moves']} | {r['move_p50']:.0f} ms | {r['move_p95']:.0f} ms "
                     f"| {r['open_p50']:.0f} ms | {r['open_p95']:.0f} ms | {sum(n for *_, n in r['failures'])} "
                     f"| {r['mb_before']:.0f} | {r['mb_per_learner']:.1f} |")
    return "\n".join(lines)


def held(results, processes):
    """The largest level with interaction p95 within the goal, for this set-up (0 if none)."""
    return max([r["users"] for r in results if r["processes"] == processes and r["move_p95"] <= GOAL_P95_MS],
               default=0)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.capacity", description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--levels", type=int, nargs="+", default=list(LEVELS))
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", default="2,6", help="seconds a learner reads between moves: low,high")
    parser.add_argument("--report", default="benchmarks/CAPACITY.md", help="where to write the table")
    parser.add_argument("--out", default=None, help="folder for Locust's CSV and HTML reports (default: temporary)")
    args = parser.parse_args(argv)
    out = Path(args.out or tempfile.mkdtemp(prefix="capacity-"))
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for processes in args.processes:
        for users in args.levels:
            folder = out / f"{processes}p-{users}"
            folder.mkdir(exist_ok=True)
            serve = one_process(folder) if processes == 1 else class_server(processes, folder=folder)
            with serve as (url, pids):
                warm(url, processes)
                result = level(url, pids, users, args.seconds, str(folder / "locust"), args.think)
            results.append(result)
            print(table([result]).splitlines()[-1], flush=True)
            for name, error, count in result["failures"]:
                print(f"    {count} × {name}: {error[:300]}", flush=True)
    lines = [table(results), ""]
    for processes in args.processes:
        lines.append(f"- {processes} process{'es' if processes > 1 else ''}: at most **{held(results, processes)}** "
                     f"learners with interaction p95 ≤ {GOAL_P95_MS} ms (levels tried: "
                     f"{', '.join(map(str, args.levels))}).")
    lines.append(f"- {sum(r['moves'] for r in results)} interactions and {sum(r['opens'] for r in results)} page "
                 f"opens; {sum(n for r in results for *_, n in r['failures'])} failures.")
    report = "\n".join([
        "# Capacity at the server", "",
        f"`python -m benchmarks.capacity` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{len(os.sched_getaffinity(0))} cores: Locust's learners over Streamlit's websocket (no browser), each on "
        f"its own page in turn, moving its first control every {args.think.replace(',', '–')} s; "
        f"{args.seconds:.0f} s after a 10 s ramp per level, on a fresh server with every page opened once. "
        "Interaction = a move, timed to the server's script_finished. Memory: the servers' resident memory with "
        "their checker workers, its peak less before the learners came, per learner. Figures only: no test "
        "asserts them.", ""] + lines)
    print("\n" + report)
    Path(args.report).write_text(report + "\n")
    print(f"written to {args.report}; Locust's reports: {out}")


if __name__ == "__main__":
    main()
