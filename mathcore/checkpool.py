"""Run answer checks where a hostile answer can do no harm, and where no learner can crowd out another.

Safety. Each check runs in a worker process with a time budget (the worker is killed and replaced on
expiry) and memory and CPU limits set in the worker itself (RLIMIT_AS, RLIMIT_CPU). Workers start from a
forkserver with SymPy and the targets preloaded, and are recycled after ``MAX_TASKS`` checks so SymPy's
caches cannot grow without bound. Signals cannot stop a runaway SymPy call in Streamlit's script threads,
and a plain ProcessPoolExecutor cannot kill a task: hence pebble.

Fairness. Every check is submitted by a *session* (a learner's Streamlit session, or the CLI), perhaps from a
*client* (the address it connects from, when the server knows it), and waits for one of the ``workers`` places.
Waiting checks are served in rounds of worker time. Each session has a *turn*: where it stands on one clock of
worker seconds that the whole pool shares. The waiting check whose session's turn is earliest goes first (ties: first
come). A check moves its session's turn on by its whole time budget when it starts and gives back what it did not use
when it ends, so a session's second check waits behind the others' first. The pool's *round* is the turn of the last
check that started. A session that comes back takes its own turn, or the round less one budget if that is later (a
learner who checks now and then goes ahead of those who keep the workers busy, but cannot save up credit while idle);
a session never seen before joins one budget *after* the round, at the back: sessions are cheap to make, so a new one
never goes ahead of those already waiting, and each new session served moves the round on. A session that has used a
whole time budget in the last minute (a *heavy* one), or that has had no check judged yet (a *new* one), may not take
the last free place, nor may a client that already holds all the others: one worker is always kept for the learners
who have checked before, so that however many sessions an attacker opens, a learner's next answer starts at once. Each session has at most ``PER_SESSION`` checks
waiting or running, each client at most ``PER_CLIENT``, and each session at most ``WORKER_SECONDS_PER_MINUTE`` of
worker time a minute: the limit is on what costs, not on what is typed. When the queue is full, a check placed ahead
of the last waiting one takes its place (that one is told the checker is busy). A check's deadline counts from its
submission: it may wait up to ``MAX_WAIT`` for a place and then runs for at most its time budget, so the learner has a
verdict within ``MAX_WAIT + TIME_BUDGET`` seconds of pressing Check, whatever the load.

Worker time. What a check costs is measured in the worker: the time its function ran there, never the wait for a
place or for a worker to start, nor a stall of the server's process (its script threads share one GIL). A check
stopped at its budget, or whose worker died, costs its budget. Workers start warm: SymPy, the targets and the notes
reader are imported by the forkserver, and each worker judges one answer (``WARM``) before it takes any.

Reuse. A (target, answer) pair is judged once per process: its verdict is kept (the last ``KEPT``
pairs) and handed to whoever asks again, at no cost and outside every limit. A check stopped for a
reason that is not the answer's own (no place in time, a worker lost) is not kept.
"""

import hashlib
import itertools
import multiprocessing
import resource
import threading
import time
from collections import OrderedDict, deque
from concurrent.futures import CancelledError, TimeoutError as FutureTimeout
from dataclasses import dataclass

from pebble import ProcessExpired, ProcessPool

from mathcore.checker import check
from mathcore.judge import Outcome, Verdict
from mathcore.text import Text

TIME_BUDGET = 1.5  # seconds a check may run
MAX_WAIT = 2.0  # seconds a check may wait for a worker: a verdict within MAX_WAIT + TIME_BUDGET of submission
PER_SESSION = 2  # checks one session may have waiting or running
PER_CLIENT = 8  # checks one client (an address, when known) may have waiting or running, its sessions together
WORKER_SECONDS_PER_MINUTE = 12.0  # worker time one session may use a minute (a usual check takes milliseconds)
MAX_WAITING = 64  # checks waiting at once, over all sessions
KEPT = 4096  # verdicts kept for reuse
KNOWN = 100_000  # sessions whose turn (and whether they were served) is remembered: the least recently seen go first
MEMORY_LIMIT = 1_500_000_000  # bytes of address space per worker
CPU_LIMIT = 60  # CPU seconds per worker process over its life (it is recycled sooner)
MAX_TASKS = 200
WINDOW = 60.0  # seconds over which a session's worker time is counted
LOST_AFTER = 10.0  # seconds past its budget after which a check the pool never settled is given up
WARM = (check, ("da_dz", "a(1-a)"))  # what each worker runs before it takes answers
PRELOAD = ["mathcore.checker", "mathcore.notes"]  # imported once by the forkserver, for every worker

BUSY = Text("The checker is busy with other answers: try again in a moment.")
CROWDED = Text("Many answers from your address are being checked already: try again in a moment.")
SLOW_DOWN = Text("Slow down: your checks have used {used:.0f} s of the checker in the last minute (at most {most:g} "
                 "s). Answers already judged are free; try a new one in a moment.").template


def come_back_later(verdict):
    """Was the check turned away for now (the pool busy, or the session over its minute), not judged?"""
    return verdict.message in (BUSY, CROWDED) or getattr(verdict.message, "template", None) == SLOW_DOWN


def _key(function, args, timeout):
    """What a kept verdict is filed under: the same check of the same answer within the same budget (a long text
    by its digest, so kept keys stay small)."""
    args = tuple(hashlib.sha256(a.encode()).hexdigest() if isinstance(a, str) and len(a) > 256 else a for a in args)
    return function.__qualname__, args, timeout


def _start_worker(warm):
    """In a new worker, before it takes answers: its limits, then ``warm`` (a first check fills SymPy's caches)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))
    function, args = warm
    try:
        function(*args)
    except Exception:  # noqa: BLE001 (warming is an optimisation: a worker that could not warm still takes answers)
        pass


def _timed(clock, function, *args):
    """In the worker: (function(*args), the seconds it ran by ``clock``, whether it returned). An exception is
    returned, not raised, so that its time comes back too."""
    start = clock()
    try:
        result = function(*args)
    except Exception as error:  # noqa: BLE001 (re-raised in the server: CheckPool._run_in_worker)
        return error, clock() - start, False
    return result, clock() - start, True


def _ready():
    """A task that does nothing: scheduled once so that the workers start (and warm) before the first answer."""


@dataclass(eq=False)
class _Ticket:
    """A check waiting for a place."""

    session: str
    client: str | None
    order: int
    evicted: bool = False  # a better-placed check took its place in a full queue


class CheckPool:
    """``check`` in worker processes: bounded in time and memory, fair across sessions, each pair judged once.

    ``clock`` is the server's (the minute's window, the wait for a place), ``worker_clock`` the workers' (what a
    check costs); tests pass their own."""

    def __init__(self, workers=2, max_wait=MAX_WAIT, per_session=PER_SESSION,
                 worker_seconds_per_minute=WORKER_SECONDS_PER_MINUTE, max_waiting=MAX_WAITING, per_client=PER_CLIENT,
                 clock=time.monotonic, worker_clock=time.monotonic, warm=WARM):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self._pool = ProcessPool(max_workers=workers, max_tasks=MAX_TASKS, initializer=_start_worker,
                                 initargs=(warm,), context=context)
        self._pool.schedule(_ready)  # start the workers now, not at the first learner's answer
        self.workers, self.max_wait, self.per_session, self.per_client = workers, max_wait, per_session, per_client
        self.worker_seconds_per_minute, self.max_waiting = worker_seconds_per_minute, max_waiting
        self._clock, self._worker_clock = clock, worker_clock
        self._lock = threading.Condition()
        self._free = workers
        self._waiting = []  # _Tickets
        self._order = itertools.count()
        self._held = {}  # session -> checks waiting or running (sessions with none are dropped)
        self._running = {}  # session -> checks running (sessions with none are dropped)
        self._client_held, self._client_running = {}, {}  # the same by client
        self._used = {}  # session -> deque of (finished at, seconds) over the last WINDOW (idle sessions dropped)
        self._turns = OrderedDict()  # session -> its turn, in worker seconds (the last KNOWN sessions seen)
        self._served = OrderedDict()  # the last KNOWN sessions that had a check judged (keys only)
        self._round = 0.0  # the turn of the last check that started
        self._kept = OrderedDict()  # (function, args, timeout) -> Verdict
        self._futures = set()  # the checks running in a worker now (pebble's futures)
        self._stopped = False
        self.served = self.reused = 0

    def check(self, target_key, text, session="", client=None, timeout=TIME_BUDGET):
        """The verdict on ``text`` for ``target_key``; "could not decide" when the check runs out of time,
        memory or room, "busy" or "slow down" when the pool cannot take it now."""
        return self.run(check, target_key, text, session=session, client=client, timeout=timeout)

    def kept(self, target_key, text, timeout=TIME_BUDGET):
        """The verdict already reached on this pair in this process, or None."""
        with self._lock:
            return self._kept.get(_key(check, (target_key, text), timeout))

    def run(self, function, *args, session="", client=None, timeout=TIME_BUDGET, keep=True):
        """function(*args) in a worker for ``session`` (from ``client``, if known): what it returns, or a Verdict
        that says why it could not run. ``check`` is what the app runs; ``keep=False`` keeps no result for reuse."""
        submitted = self._clock()
        key = _key(function, args, timeout)
        with self._lock:
            if keep and key in self._kept:
                self._kept.move_to_end(key)
                self.reused += 1
                return self._kept[key]
            refused = self._admit(session, client, submitted, timeout)
            if refused is not None:
                return refused
        result, keeps, seconds = self._run_in_worker(function, args, timeout)
        with self._lock:
            self._release(session, client, timeout, seconds)
            if keep and keeps:
                self._kept[key] = result
                if len(self._kept) > KEPT:
                    self._kept.popitem(last=False)
        return result

    def _admit(self, session, client, submitted, timeout):
        """Under the lock: wait for a place and take it (None), or the verdict that says why not."""
        if self._stopped:
            return _stopped("the checker was stopped")
        used = self.used(session)
        if used >= self.worker_seconds_per_minute:
            return Verdict(Outcome.UNDECIDED, Text(SLOW_DOWN, used=used, most=self.worker_seconds_per_minute))
        if self._held.get(session, 0) >= self.per_session:
            return Verdict(Outcome.UNDECIDED, Text("Your previous answer is still being checked: wait for its "
                                                   "verdict, then try again."))
        if client and self._client_held.get(client, 0) >= self.per_client:
            return Verdict(Outcome.UNDECIDED, CROWDED)
        if session not in self._held:
            self._place(session)
        ticket = _Ticket(session, client, next(self._order))
        if len(self._waiting) >= self.max_waiting:
            last = max(self._waiting, key=self._priority)
            if self._priority(ticket) >= self._priority(last):
                return Verdict(Outcome.UNDECIDED, BUSY)
            last.evicted = True  # its own thread lets it go
            self._waiting.remove(last)
            self._lock.notify_all()
        self._waiting.append(ticket)
        self._count(ticket, self._held, self._client_held, 1)
        while not self._may_start(ticket):
            remaining = submitted + self.max_wait - self._clock()
            if ticket.evicted or remaining <= 0 or self._stopped:
                if not ticket.evicted:
                    self._waiting.remove(ticket)
                self._let_go(ticket)
                return _stopped("the checker was stopped") if self._stopped else Verdict(Outcome.UNDECIDED, BUSY)
            self._lock.wait(remaining)
        self._waiting.remove(ticket)
        self._free -= 1
        self._count(ticket, self._running, self._client_running, 1)
        turn = self._turns.pop(session, self._round)
        self._round = max(self._round, turn)
        self._turns[session] = turn + timeout  # moved on by its whole budget, until the check ends
        return None

    def _place(self, session):
        """Under the lock: the turn of a session that has no check in the pool now. One seen before takes its own
        turn, or the round less a budget if that is later; one never seen joins a budget after the round."""
        known = self._turns.pop(session, None)
        self._turns[session] = self._round + TIME_BUDGET if known is None else max(known, self._round - TIME_BUDGET)
        if len(self._turns) > KNOWN:
            self._turns.popitem(last=False)

    @staticmethod
    def _count(ticket, by_session, by_client, n):
        """Under the lock: add ``n`` to the ticket's session's count and its client's (if known), dropping zeros."""
        for counts, name in [(by_session, ticket.session)] + ([(by_client, ticket.client)] if ticket.client else []):
            counts[name] = counts.get(name, 0) + n
            if not counts[name]:
                del counts[name]

    def _release(self, session, client, timeout, seconds):
        """Under the lock: give the place back; the session is charged the ``seconds`` its check ran in the worker
        (its turn gets back the rest of the budget it was moved on by)."""
        now = self._clock()
        ticket = _Ticket(session, client, -1)
        self._count(ticket, self._running, self._client_running, -1)
        if session in self._turns:
            self._turns[session] -= timeout - seconds
        self._used.setdefault(session, deque()).append((now, seconds))
        self._served[session] = None
        self._served.move_to_end(session)
        if len(self._served) > KNOWN:
            self._served.popitem(last=False)
        self._free += 1
        self.served += 1
        self._let_go(ticket)
        for idle in [name for name, used in self._used.items() if now - used[-1][0] > WINDOW]:
            del self._used[idle]  # nothing of theirs left to count: a server's sessions come and go all day

    def _let_go(self, ticket):
        """Under the lock: one check of ``ticket``'s session left the pool (run or refused); wake those waiting."""
        self._count(ticket, self._held, self._client_held, -1)
        self._lock.notify_all()

    def _may_start(self, ticket):
        """Under the lock: a place is free, this ticket may take it, and no waiting ticket that may goes first."""
        if not self._free:
            return False
        most = max(1, self.workers - 1)  # places heavy and new sessions, or one client, may hold: one is kept
        kept_out = sum(n for session, n in self._running.items() if self._kept_out(session))
        allowed = [t for t in self._waiting
                   if (kept_out < most or not self._kept_out(t.session))
                   and (not t.client or self._client_running.get(t.client, 0) < most)]
        return bool(allowed) and min(allowed, key=self._priority) is ticket

    def _kept_out(self, session):
        """May ``session`` not take the last free place? So if it is heavy (it has used a whole time budget of worker
        time in the last minute) or new (no check of its was judged yet)."""
        return self.workers > 1 and (session not in self._served or self.used(session) >= TIME_BUDGET)

    def _priority(self, ticket):
        """Under the lock: the earliest turn first, then the first come."""
        return self._turns.get(ticket.session, self._round), ticket.order

    def used(self, session):
        """Worker seconds ``session``'s checks ran in the last minute (as the workers measured them)."""
        now = self._clock()
        used = self._used.get(session)
        while used and now - used[0][0] > WINDOW:
            used.popleft()
        if used is not None and not used:
            del self._used[session]
            used = None
        return sum(seconds for _, seconds in used or ())

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
        """(result, whether to keep it, the worker seconds it cost): only a verdict on the answer itself is kept;
        the cost is what the worker measured, its budget if it was stopped or died, nothing if the pool lost it."""
        seconds, future = 0.0, None
        try:
            future = self._pool.schedule(_timed, args=(self._worker_clock, function, *args), timeout=timeout)
            with self._lock:
                self._futures.add(future)
            result, seconds, returned = future.result(timeout=timeout + LOST_AFTER)
            if returned:
                return result, True, seconds
            raise result
        except CancelledError:  # the pool was stopped under it (CheckPool.stop)
            return _stopped("the checker was stopped"), False, 0.0
        except FutureTimeout:
            if not future.done():  # the pool never settled it (its manager gone): never wait forever
                future.cancel()
                return _stopped("no answer from the pool"), False, 0.0
            return Verdict(Outcome.UNDECIDED, Text("Could not decide in time: the check took longer than {timeout:g} s "
                                                    "and was stopped. Try a simpler form.", timeout=timeout)), True, timeout
        except MemoryError:
            return Verdict(Outcome.UNDECIDED,
                           Text("Could not decide: the check ran out of memory and was stopped.")), True, seconds
        except Exception as error:  # a worker killed by its limits, or a bug: never a traceback for the learner
            if isinstance(error, ProcessExpired):
                seconds = timeout
            return _stopped(type(error).__name__), False, seconds
        finally:
            with self._lock:
                self._futures.discard(future)

    def stop(self):
        """Stop the workers. Checks waiting for a place, or running, end at once with "could not decide": no
        thread is left waiting on a pool that is gone."""
        with self._lock:
            self._stopped = True
            self._lock.notify_all()
            running = list(self._futures)
        self._pool.stop()
        for future in running:
            future.cancel()
        self._pool.join(timeout=5)


def _stopped(why):
    """The verdict on a check that stopped for a reason that is not the answer's own."""
    return Verdict(Outcome.UNDECIDED, Text("Could not decide: the check stopped ({error}).", error=why))
