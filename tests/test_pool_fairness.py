"""#39 and #35: the checker pool is fair when sessions are cheap to make, and charges a session only for the time its
own checks ran in a worker.

The attackers' checks are ``hold``s: each runs until the test removes its gate file and writes its name on a log
when it starts, so a test frees one worker at a time and reads the order in which the pool served the checks. No
time is asserted; the waits allowed are far from real (a test that fails, fails by the order it reads).
"""

import threading
from contextlib import contextmanager

import pytest

from mathcore.checkpool import BUSY, CROWDED, CheckPool
from tests.pool_helpers import hold, logged_check, slow_start, stall, ticking
from tests.test_checker import wait_until

TARGET = "dL_dz_cross_entropy_sigmoid"


class Attack:
    """Sessions whose checks hold a worker until the test lets them go, on ``pool``, logged in ``folder``."""

    def __init__(self, pool, folder):
        self.pool, self.folder, self.log = pool, folder, folder / "log"
        self.log.touch()
        self.gates, self.threads, self.verdicts = {}, [], {}

    def send(self, name, session=None, client=None):
        """``name``'s check (a hold) for ``session`` (by default a session of its own), in a thread."""
        gate = self.folder / f"gate {name}"
        gate.touch()
        self.gates[name] = gate

        def run():
            by = {"client": client} if client else {}
            self.verdicts[name] = self.pool.run(hold, str(gate), name, str(self.log), session=session or name,
                                                timeout=600, **by)
        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        self.threads.append(thread)

    def started(self):
        """The names of the checks started so far, in order."""
        return self.log.read_text().split()

    def running(self):
        """The held checks started and not let go."""
        return [name for name in self.started() if name in self.gates]

    def admitted(self, names):
        """Has each of ``names`` been queued, or answered (refused)?"""
        return all(name in self.pool._held or name in self.verdicts for name in names)

    def let_go(self, name):
        self.gates.pop(name).unlink()

    def end(self):
        for name in list(self.gates):
            self.let_go(name)
        self.pool.stop()
        for thread in self.threads:
            thread.join(timeout=60)


def learner_checks(attack, answer, step):
    """The learner's right answer, checked in a thread, its start logged as ``step``: (thread, verdicts), once it is
    queued or judged."""
    verdicts = []
    thread = threading.Thread(target=lambda: verdicts.append(attack.pool.run(
        logged_check, str(attack.log), step, TARGET, answer, session="learner")), daemon=True)
    thread.start()
    wait_until(lambda: "learner" in attack.pool._held or verdicts)
    return thread, verdicts


STEPS = ["sigma(z) - y", "-(y - a)", "a - y + 0", "(a - y)*1"]  # "Check every step": one after another


@contextmanager
def under_attack(tmp_path, workers, attackers):
    """A pool of ``workers`` (a wait allowed far from real), a learner who has checked before, and ``attackers`` new
    sessions each with one held check, each queued (or refused: the queue is full): the Attack, ended after."""
    attack = Attack(CheckPool(workers=workers, max_wait=600), tmp_path)
    try:
        assert attack.pool.check(TARGET, "a - y", session="learner").right
        for k in range(attackers):
            attack.send(f"attacker-{k}")
        wait_until(lambda: attack.admitted([f"attacker-{k}" for k in range(attackers)]) and attack.running())
        yield attack
    finally:
        attack.end()


@pytest.mark.parametrize("attackers", [24, 100])
def test_a_learner_goes_ahead_of_fresh_sessions_each_with_one_slow_check(tmp_path, attackers):
    """#39: 24 (or 100 at once) new sessions, one slow check each, on one worker; more new ones come while the
    learner waits; the learner checks step after step. Each of its right answers is the next check started when the
    worker frees, and is judged. The pool before ordered by worker time used in the last minute: a session that had
    used nothing went ahead of a learner who had used milliseconds, and 100 at once filled the queue: busy."""
    with under_attack(tmp_path, 1, attackers) as attack:
        for step, answer in enumerate(STEPS):
            wait_until(lambda: len(attack.running()) == 1)  # the worker held, as the log shows
            thread, verdicts = learner_checks(attack, answer, f"step-{step}")
            late = [f"late-{step}-{k}" for k in range(10)]
            for name in late:  # ... and new sessions keep coming while the learner waits
                attack.send(name)
            wait_until(lambda: attack.admitted(late))
            before = attack.started()
            attack.let_go(attack.running()[0])
            wait_until(lambda: len(attack.started()) > len(before))
            assert attack.started()[len(before)] == f"step-{step}", attack.started()
            thread.join(timeout=60)
            assert verdicts[0].right, verdicts[0].message


@pytest.mark.parametrize("attackers", [24, 100])
def test_a_learner_never_waits_for_new_sessions_to_end_their_checks(tmp_path, attackers):
    """Two workers: new sessions (never judged yet) may not take the last free one, so however many an attacker
    opens, each of a learner's steps is judged while every attacking check still runs or waits. The pool before
    gave both workers to the new sessions: the learner waited for their ends."""
    with under_attack(tmp_path, 2, attackers) as attack:
        running = attack.running()
        for step, answer in enumerate(STEPS):
            thread, verdicts = learner_checks(attack, answer, f"step-{step}")
            thread.join(timeout=60)
            assert verdicts and verdicts[0].right
        assert attack.running() == running and len(attack.gates) == attackers  # no attacking check has ended


def test_a_new_session_waits_behind_those_already_waiting(tmp_path):
    """Sessions are cheap to make: one never seen before joins at the back, behind every check already waiting."""
    pool = CheckPool(workers=1, max_wait=600)
    attack = Attack(pool, tmp_path)
    try:
        for k in range(4):
            attack.send(f"first-{k}")
            wait_until(lambda: pool.in_flight + pool.waiting == k + 1)
        attack.send("newcomer")
        wait_until(lambda: pool.waiting == 4)
        for k in range(4):
            attack.let_go(f"first-{k}")
            wait_until(lambda: len(attack.started()) == k + 2)
        assert attack.started() == ["first-0", "first-1", "first-2", "first-3", "newcomer"]
    finally:
        attack.end()


def test_one_client_may_not_hold_every_worker_nor_crowd_the_queue(tmp_path):
    """What one address can have in the pool is bounded, whatever number of sessions it opens: it may not take the
    last free worker (another address's learner takes it at once), and at most per_client checks of its sessions
    wait or run."""
    pool = CheckPool(workers=2, max_wait=600, per_client=3)
    attack = Attack(pool, tmp_path)
    try:
        for k in range(3):  # the address's sessions have checked before: none is held back for being new
            assert pool.check(TARGET, f"a - y + {k} - {k}", session=f"crowd-{k}", client="203.0.113.9").right
        assert pool.check(TARGET, "a - y", session="learner", client="198.51.100.7").right
        for k in range(3):
            attack.send(f"crowd-{k}", session=f"crowd-{k}", client="203.0.113.9")
        wait_until(lambda: pool.in_flight == 1 and pool.waiting == 2)  # one worker kept for the others
        assert pool.run(stall, 0, session="crowd-3", client="203.0.113.9").message == CROWDED
        assert pool.check(TARGET, "sigma(z) - y", session="learner", client="198.51.100.7").right
        assert pool.in_flight == 1 and pool.waiting == 2
    finally:
        attack.end()


def test_a_full_queue_refuses_the_last_placed_check_not_the_best_placed():
    """When max_waiting checks wait, a check placed ahead of the last of them takes its place, which is told busy."""
    pool = CheckPool(workers=1, max_wait=600, max_waiting=2)
    results, learner = {}, None

    def send(name, function, *args):
        results[name] = None
        thread = threading.Thread(target=lambda: results.__setitem__(name, pool.run(function, *args, session=name,
                                                                                   timeout=30)), daemon=True)
        thread.start()
        return thread

    try:
        assert pool.check(TARGET, "a - y", session="learner").right
        send("running", stall, 30, "running")
        wait_until(lambda: pool.in_flight == 1)
        waiting = [send(f"fresh-{k}", stall, 30, k) for k in range(2)]
        wait_until(lambda: pool.waiting == 2)
        learner = send("learner", logged_check, "/dev/null", "learner", TARGET, "sigma(z) - y")
        waiting[1].join(timeout=60)
        assert results["fresh-1"].message == BUSY  # the last placed, pushed out
        assert pool.waiting == 2 and "learner" in pool._held
    finally:
        pool.stop()
        if learner:
            learner.join(timeout=60)


def test_a_session_is_charged_the_time_its_check_ran_in_the_worker():
    """#35: the worker measures (here by a clock that moves one second at each reading, so every check that returns
    costs exactly 1 s whatever the machine or the server did meanwhile); a check stopped at its budget costs it."""
    pool = CheckPool(workers=1, worker_clock=ticking)
    try:
        assert pool.check(TARGET, "a - y", session="learner").right
        assert pool.used("learner") == 1.0
        assert pool.check("da_dz", "a(1-a)", session="learner").right
        assert pool.used("learner") == 2.0
        assert pool.run(stall, 30, session="learner", timeout=0.5).status == "could not decide"
        assert pool.used("learner") == 2.5
    finally:
        pool.stop()


def test_a_worker_starts_warm_and_its_start_is_never_charged():
    """#35: a worker that takes 3 s to start (its warm-up) costs the first learner nothing of it: the learner is
    charged the milliseconds its check ran, far below the start. The pool before charged the whole wait."""
    pool = CheckPool(workers=1, warm=(slow_start, (3,)))
    try:
        assert pool.check(TARGET, "a - y", session="first").right
        assert pool.used("first") < 3
    finally:
        pool.stop()
