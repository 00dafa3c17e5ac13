"""Run answer checks where a hostile answer can do no harm, and where no learner can crowd out another.

Safety. Each check runs in a worker process with a time budget (the worker is killed and replaced on
expiry) and memory and CPU limits set in the worker itself (RLIMIT_AS, RLIMIT_CPU). Workers start from a
forkserver with SymPy and the targets preloaded, and are recycled after ``MAX_TASKS`` checks so SymPy's
caches cannot grow without bound. Signals cannot stop a runaway SymPy call in Streamlit's script threads,
and a plain ProcessPoolExecutor cannot kill a task: hence pebble.

Fairness. Every check is submitted by a *session* (a learner's Streamlit session, or the CLI) and waits
for one of the ``workers`` places. When a place frees, the waiting session that has used the least worker
time in the last minute goes first (ties: first come), and a session that has used a whole time budget in
that minute (a *heavy* one) may not take the last free place: one worker is always kept for the others.
So a learner who is not checking much is served next, and at once, however many slow answers other
sessions keep sending. Each session has at most ``PER_SESSION`` checks waiting or running, and at most
``WORKER_SECONDS_PER_MINUTE`` of worker time a minute: the limit is on what costs, not on what is typed.
A check's deadline counts from its submission: it may wait up to ``MAX_WAIT`` for a place and then runs
for at most its time budget, so the learner has a verdict within ``MAX_WAIT + TIME_BUDGET`` seconds of
pressing Check, whatever the load.

Reuse. A (target, answer) pair is judged once per process: its verdict is kept (the last ``KEPT``
pairs) and handed to whoever asks again, at no cost and outside every limit. A check stopped for a
reason that is not the answer's own (no place in time, a worker lost) is not kept.
"""

import itertools
import multiprocessing
import resource
import threading
import time
from collections import OrderedDict, defaultdict, deque
from concurrent.futures import TimeoutError as FutureTimeout

from pebble import ProcessPool

from mathcore.checker import check
from mathcore.judge import Outcome, Verdict
from mathcore.text import Text

TIME_BUDGET = 1.5  # seconds a check may run
MAX_WAIT = 2.0  # seconds a check may wait for a worker: a verdict within MAX_WAIT + TIME_BUDGET of submission
PER_SESSION = 2  # checks one session may have waiting or running
WORKER_SECONDS_PER_MINUTE = 12.0  # worker time one session may use a minute (a usual check takes milliseconds)
MAX_WAITING = 64  # checks waiting at once, over all sessions
KEPT = 4096  # verdicts kept for reuse
MEMORY_LIMIT = 1_500_000_000  # bytes of address space per worker
CPU_LIMIT = 60  # CPU seconds per worker process over its life (it is recycled sooner)
MAX_TASKS = 200
WINDOW = 60.0  # seconds over which a session's worker time is counted
LOST_AFTER = 10.0  # seconds past its budget after which a check the pool never settled is given up

BUSY = Text("The checker is busy with other answers: try again in a moment.")
SLOW_DOWN = Text("Slow down: your checks have used {used:.0f} s of the checker in the last minute (at most {most:g} "
                 "s). Answers already judged are free; try a new one in a moment.").template


def come_back_later(verdict):
    """Was the check turned away for now (the pool busy, or the session over its minute), not judged?"""
    return verdict.message == BUSY or getattr(verdict.message, "template", None) == SLOW_DOWN


def _key(function, args, timeout):
    """What a kept verdict is filed under: the same check of the same answer within the same budget."""
    return function.__qualname__, args, timeout


def _limit_worker():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))
    import mathcore.checker  # noqa: F401  (warm: SymPy and the targets loaded before the first check)


class CheckPool:
    """``check`` in worker processes: bounded in time and memory, fair across sessions, each pair judged once."""

    def __init__(self, workers=2, max_wait=MAX_WAIT, per_session=PER_SESSION,
                 worker_seconds_per_minute=WORKER_SECONDS_PER_MINUTE, max_waiting=MAX_WAITING):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["mathcore.checker"])
        self._pool = ProcessPool(max_workers=workers, max_tasks=MAX_TASKS, initializer=_limit_worker,
                                 context=context)
        self.workers, self.max_wait, self.per_session = workers, max_wait, per_session
        self.worker_seconds_per_minute, self.max_waiting = worker_seconds_per_minute, max_waiting
        self._lock = threading.Condition()
        self._free = workers
        self._waiting = []  # tickets: (session, order)
        self._order = itertools.count()
        self._held = {}  # session -> checks waiting or running (sessions with none are dropped)
        self._running = defaultdict(list)  # session -> start times of its running checks
        self._used = {}  # session -> deque of (finished at, seconds) over the last WINDOW (idle sessions dropped)
        self._kept = OrderedDict()  # (function, args, timeout) -> Verdict
        self.served = self.reused = 0

    def check(self, target_key, text, session="", timeout=TIME_BUDGET):
        """The verdict on ``text`` for ``target_key``; "could not decide" when the check runs out of time,
        memory or room, "busy" or "slow down" when the pool cannot take it now."""
        return self.run(check, target_key, text, session=session, timeout=timeout)

    def kept(self, target_key, text, timeout=TIME_BUDGET):
        """The verdict already reached on this pair in this process, or None."""
        with self._lock:
            return self._kept.get(_key(check, (target_key, text), timeout))

    def run(self, function, *args, session="", timeout=TIME_BUDGET):
        """function(*args) in a worker for ``session``, returning a Verdict; ``check`` is the one the app runs."""
        submitted = time.monotonic()
        key = _key(function, args, timeout)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                self.reused += 1
                return self._kept[key]
            started = self._admit(session, submitted)
            if isinstance(started, Verdict):
                return started
        verdict, keep = self._run_in_worker(function, args, timeout)
        with self._lock:
            self._release(session, started)
            if keep:
                self._kept[key] = verdict
                if len(self._kept) > KEPT:
                    self._kept.popitem(last=False)
        return verdict

    def _admit(self, session, submitted):
        """Under the lock: wait for a place and take it (the time it was taken), or the verdict that says why not."""
        used = self.used(session)
        if used >= self.worker_seconds_per_minute:
            return Verdict(Outcome.UNDECIDED, Text(SLOW_DOWN, used=used, most=self.worker_seconds_per_minute))
        if self._held.get(session, 0) >= self.per_session:
            return Verdict(Outcome.UNDECIDED, Text("Your previous answer is still being checked: wait for its "
                                                   "verdict, then try again."))
        if len(self._waiting) >= self.max_waiting:
            return Verdict(Outcome.UNDECIDED, BUSY)
        ticket = (session, next(self._order))
        self._waiting.append(ticket)
        self._held[session] = self._held.get(session, 0) + 1
        while not self._may_start(ticket):
            remaining = submitted + self.max_wait - time.monotonic()
            if remaining <= 0:
                self._waiting.remove(ticket)
                self._let_go(session)
                return Verdict(Outcome.UNDECIDED, BUSY)
            self._lock.wait(remaining)
        self._waiting.remove(ticket)
        self._free -= 1
        started = time.monotonic()
        self._running[session].append(started)
        return started

    def _release(self, session, started):
        """Under the lock: give the place back and charge the session for the time it held it."""
        now = time.monotonic()
        self._running[session].remove(started)
        if not self._running[session]:
            del self._running[session]
        self._used.setdefault(session, deque()).append((now, now - started))
        self._free += 1
        self.served += 1
        self._let_go(session)
        for idle in [name for name, used in self._used.items() if now - used[-1][0] > WINDOW]:
            del self._used[idle]  # nothing of theirs left to count: a server's sessions come and go all day

    def _let_go(self, session):
        """Under the lock: one check of ``session`` left the pool (run or refused); wake those waiting."""
        self._held[session] -= 1
        if not self._held[session]:
            del self._held[session]
        self._lock.notify_all()

    def _may_start(self, ticket):
        """Under the lock: a place is free, this ticket may take it, and no waiting ticket that may goes first."""
        if not self._free:
            return False
        heavy_running = sum(len(starts) for session, starts in self._running.items() if self._heavy(session))
        allowed = [t for t in self._waiting if heavy_running < self.workers - 1 or not self._heavy(t[0])]
        return bool(allowed) and min(allowed, key=self._priority) == ticket

    def _heavy(self, session):
        """Has ``session`` used a whole time budget of worker time in the last minute?"""
        return self.workers > 1 and self.used(session) >= TIME_BUDGET

    def _priority(self, ticket):
        session, order = ticket
        return self.used(session), order

    def used(self, session):
        """Worker seconds ``session`` has used in the last minute, its running checks included."""
        now = time.monotonic()
        used = self._used.get(session)
        while used and now - used[0][0] > WINDOW:
            used.popleft()
        if used is not None and not used:
            del self._used[session]
            used = None
        return sum(seconds for _, seconds in used or ()) + sum(now - t for t in self._running.get(session, ()))

    @property
    def in_flight(self):
        """Checks running in a worker now."""
        with self._lock:
            return self.workers - self._free

    @property
    def waiting(self):
        """Checks waiting for a worker now."""
        with self._lock:
            return len(self._waiting)

    def _run_in_worker(self, function, args, timeout):
        """(verdict, whether to keep it): only a verdict on the answer itself is kept."""
        try:
            future = self._pool.schedule(function, args=args, timeout=timeout)
            return future.result(timeout=timeout + LOST_AFTER), True
        except FutureTimeout:
            if not future.done():  # the pool never settled it (stopped, or its manager gone): never wait forever
                future.cancel()
                return Verdict(Outcome.UNDECIDED, Text("Could not decide: the check stopped ({error}).",
                                                        error="no answer from the pool")), False
            return Verdict(Outcome.UNDECIDED, Text("Could not decide in time: the check took longer than {timeout:g} s "
                                                    "and was stopped. Try a simpler form.", timeout=timeout)), True
        except MemoryError:
            return Verdict(Outcome.UNDECIDED,
                           Text("Could not decide: the check ran out of memory and was stopped.")), True
        except Exception as error:  # a worker killed by its limits, or a bug: never a traceback for the learner
            return Verdict(Outcome.UNDECIDED, Text("Could not decide: the check stopped ({error}).",
                                                    error=type(error).__name__)), False

    def stop(self):
        self._pool.stop()
        self._pool.join(timeout=5)
