"""Run answer checks where a hostile answer can do no harm: a warm pool of worker processes.

Each check runs in a worker with a time budget (the worker is killed and replaced on expiry) and
memory and CPU limits set in the worker itself (RLIMIT_AS, RLIMIT_CPU). Workers start from a
forkserver with SymPy and the targets preloaded, and are recycled after ``MAX_TASKS`` checks so
SymPy's caches cannot grow without bound. A cap on checks in flight keeps one client from queueing
work for everybody. Signals cannot stop a runaway SymPy call in Streamlit's script threads, and a
plain ProcessPoolExecutor cannot kill a task: hence pebble.
"""

import multiprocessing
import resource
import threading
from concurrent.futures import TimeoutError as FutureTimeout

from pebble import ProcessPool

from mathcore.checker import check
from mathcore.judge import Outcome, Verdict
from mathcore.text import Text

TIME_BUDGET = 1.5  # seconds per check: with the overhead, a verdict within 2 s
MEMORY_LIMIT = 1_500_000_000  # bytes of address space per worker
CPU_LIMIT = 60  # CPU seconds per worker process over its life (it is recycled sooner)
MAX_TASKS = 200
MAX_IN_FLIGHT = 16


def _limit_worker():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))
    import mathcore.checker  # noqa: F401  (warm: SymPy and the targets loaded before the first check)


class CheckPool:
    """``check`` in worker processes, each call bounded by ``timeout`` seconds."""

    def __init__(self, workers=2, max_in_flight=MAX_IN_FLIGHT):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["mathcore.checker"])
        self._pool = ProcessPool(max_workers=workers, max_tasks=MAX_TASKS, initializer=_limit_worker,
                                 context=context)
        self.max_in_flight = max_in_flight
        self._in_flight = threading.BoundedSemaphore(max_in_flight)

    def check(self, target_key, text, timeout=TIME_BUDGET):
        """The verdict, or "could not decide" when the check runs out of time, memory or room."""
        return self.run(check, target_key, text, timeout=timeout)

    def run(self, function, *args, timeout=TIME_BUDGET):
        """function(*args) in a worker, returning a Verdict; ``check`` is the one the app runs."""
        if not self._in_flight.acquire(blocking=False):
            return Verdict(Outcome.UNDECIDED, Text("The checker is busy with other answers: try again in a moment."))
        try:
            future = self._pool.schedule(function, args=args, timeout=timeout)
            return future.result()
        except FutureTimeout:
            return Verdict(Outcome.UNDECIDED, Text("Could not decide in time: the check took longer than {timeout:g} s "
                                                    "and was stopped. Try a simpler form.", timeout=timeout))
        except MemoryError:
            return Verdict(Outcome.UNDECIDED, Text("Could not decide: the check ran out of memory and was stopped."))
        except Exception as error:  # a worker killed by its limits, or a bug: never a traceback for the learner
            return Verdict(Outcome.UNDECIDED, Text("Could not decide: the check stopped ({error}).",
                                                    error=type(error).__name__))
        finally:
            self._in_flight.release()

    def stop(self):
        self._pool.stop()
        self._pool.join(timeout=5)
