"""Checks that misbehave on purpose, run in the checker's worker pool by the tests (never by the app)."""

import time

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
