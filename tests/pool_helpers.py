"""Checks that misbehave on purpose, and clocks the tests control, run in the checker's worker pool by the tests
(never by the app)."""

import itertools
import os
import time

from mathcore.checker import check
from mathcore.judge import Outcome, Verdict


def stall(seconds, tag=None):
    """A check that never finishes in time: stands in for a runaway SymPy call. A new ``tag`` makes a new
    answer, which the pool cannot answer from its kept verdicts."""
    time.sleep(seconds)
    return Verdict(Outcome.EQUIVALENT, "should have been stopped")


def hog(megabytes):
    """A check that asks for more memory than a worker may have: stands in for a blow-up."""
    block = bytearray(megabytes * 1_000_000)
    return Verdict(Outcome.EQUIVALENT, f"allocated {len(block):,} bytes")


def hold(gate, name, log, most=120):
    """A slow check whose end the test decides: it writes ``name`` on a line of the file ``log`` when it starts,
    then runs while the file ``gate`` exists (at most ``most`` seconds), so the test frees its worker by removing
    that file and reads from ``log`` the order in which the pool started the checks."""
    with open(log, "a") as out:
        out.write(name + "\n")
    deadline = time.monotonic() + most
    while gate and os.path.exists(gate) and time.monotonic() < deadline:
        time.sleep(0.01)
    return Verdict(Outcome.EQUIVALENT, f"held {name}")


def logged_check(log, name, target, text):
    """``check(target, text)``, its start written on ``log`` as ``name`` (as ``hold`` does)."""
    hold(None, name, log)
    return check(target, text)


def frozen():
    """A worker clock that never moves: every check costs nothing (a limit is then reached only by the budgets of
    checks the pool stopped, which the test sets)."""
    return 0.0


_ticks = itertools.count()


def ticking():
    """A worker clock that moves one second at each reading: every check that returns costs exactly one second."""
    return float(next(_ticks))


def slow_start(seconds):
    """A worker's warm-up that takes ``seconds``: a worker that is slow to start."""
    time.sleep(seconds)


class Clock:
    """The server's clock in a test: it moves only when the test moves it."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def runs_recorded(monkeypatch):
    """[(function, args, session)] of every CheckPool.run from now on (they still run), and reading a note in this
    process fails: a page must send notes.read_note to the pool (its workers are other processes, out of reach of
    the patch)."""
    from mathcore import notes
    from mathcore.checkpool import CheckPool
    runs, run = [], CheckPool.run

    def recorded(pool, function, *args, **kwargs):
        runs.append((function, args, kwargs.get("session")))
        return run(pool, function, *args, **kwargs)

    def not_here(markdown):
        raise AssertionError("a note was read in the server's script thread")
    monkeypatch.setattr(CheckPool, "run", recorded)
    monkeypatch.setattr(notes, "formulas", not_here)
    return runs
