"""Settings for every test: property tests are reproducible, and a run never hangs at its end.

Hypothesis draws the same examples on every run and every machine (``derandomize``), and keeps no example
database between runs, so CI sees exactly what a developer saw. Cases it once found are pinned with
``@example`` beside each property.

Python waits for every non-daemon thread before it exits, so a thread a test left waiting would keep the run
alive after its summary, until CI's own time limit (it happened once: a check on a stopped pool). At the end
of the session such threads get a grace period; any still alive are named with where they wait, and the run
ends failed instead of hanging.
"""

import faulthandler
import os
import sys
import threading
import time

from hypothesis import settings

settings.register_profile("reproducible", derandomize=True, database=None, print_blob=True)
settings.load_profile("reproducible")

GRACE = 30  # seconds for threads left behind to finish on their own


def lingering(grace=GRACE):
    """Non-daemon threads (other than this one) still alive after ``grace`` seconds."""
    deadline = time.monotonic() + grace
    while True:
        alive = [t for t in threading.enumerate() if t is not threading.current_thread() and not t.daemon]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def pytest_unconfigure(config):
    alive = lingering()
    if alive:
        sys.stderr.write(f"\nA test left {len(alive)} thread(s) waiting: {', '.join(t.name for t in alive)}\n")
        faulthandler.dump_traceback(sys.stderr)
        sys.stderr.flush()
        os._exit(3)
