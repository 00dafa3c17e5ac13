"""The checker under attack: how long does a learner's right answer take, and is it judged?

    python -m benchmarks.attack                              # every pattern
    python -m benchmarks.attack --patterns fresh burst --probes 10

Patterns (#17, #39), each against a fresh pool of two workers, the learner a session that has checked once before:
- ``sessions``: N sessions (``--attackers``, 6, 15 and 20) each keep sending answers that SymPy takes seconds over,
  each a new one (``(a-y)((tanh(kz)^2+sech(kz)^2)^10)^10``, k counting up), so no verdict can be reused;
- ``fresh``: 20 clients each take a new session for every such answer (sessions are cheap to make);
- ``burst``: 100 new sessions send one such answer each, at once;
- ``clear-caches``: a server (``serving.preloaded``) where another client sends Streamlit's "clear caches" message
  every 50 ms while the learner checks answers on the checker page, over the websocket (benchmarks.stclient); beside
  it, the same learner with no attacker.

Once the attack is on (every attacker has had an answer judged, or 30 s have passed), the learner checks ``probes``
new right answers one after another. Reported: the learner's latency p50 and max (from pressing Check to the
verdict), and how its answers were judged (equivalent, or refused as busy, or not decided). Figures only: the tests
(tests/test_pool_fairness.py, tests/browser/test_attacks.py) check the outcomes, never the times.
"""

import argparse
import itertools
import statistics
import threading
import time
from collections import Counter

TARGET = "dL_dz_cross_entropy_sigmoid"
SLOW = "(a-y)((tanh({k}z)^2+sech({k}z)^2)^10)^10"  # about 2 s of SymPy: stopped at the budget
PATTERNS = ("sessions", "fresh", "burst", "clear-caches")


def outcome(verdict):
    return "busy" if "busy" in verdict.message else verdict.status


def in_pool(pattern, attackers, probes, warm_up=30.0):
    """(latencies, outcomes) of the learner's ``probes`` checks while the attack ``pattern`` runs on a fresh pool."""
    from mathcore.checkpool import CheckPool

    pool = CheckPool(workers=2)
    stop, k, judged = threading.Event(), itertools.count(2), set()
    pool.check(TARGET, "a - y", session="learner")  # a learner who has checked before

    def attacker(n):
        for j in itertools.count():
            session = f"attacker {n}" if pattern == "sessions" else f"attacker {n}.{j}"
            if outcome(pool.check(TARGET, SLOW.format(k=next(k)), session=session)) != "busy":
                judged.add(n)
            if stop.is_set() or pattern == "burst":
                return

    threads = [threading.Thread(target=attacker, args=(n,), daemon=True) for n in range(attackers)]
    latencies, outcomes = [], Counter()
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + warm_up
        while (pool.waiting < min(attackers - 2, pool.max_waiting) if pattern == "burst" else
               len(judged) < attackers) and time.monotonic() < deadline:
            time.sleep(0.05)
        for probe in range(probes):
            start = time.perf_counter()
            verdict = pool.check(TARGET, f"a - y + {probe} - {probe}", session="learner")
            latencies.append(time.perf_counter() - start)
            outcomes[outcome(verdict)] += 1
    finally:
        stop.set()
        pool.stop()
        for thread in threads:
            thread.join()
    return latencies, outcomes


def over_websocket(probes, clear_caches):
    """(latencies, outcomes) of a learner checking ``probes`` new right answers on a served checker page, while
    another client sends "clear caches" every 50 ms (or no one does)."""
    import tempfile

    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from benchmarks.stclient import Learner
    from serving import streamlit_server

    latencies, outcomes = [], Counter()
    with tempfile.TemporaryDirectory() as folder, streamlit_server(f"{folder}/server.log") as url:
        learner, attacker, stop = Learner(url), Learner(url), threading.Event()

        def clear():
            while not stop.wait(0.05):
                attacker.socket.send_binary(BackMsg(clear_cache=True).SerializeToString())

        sender = threading.Thread(target=clear, daemon=True)
        try:
            learner.open("check-my-derivation", f"target={TARGET}")
            if clear_caches:
                sender.start()
            for probe in range(probes):
                _kind, answer = next(widget for widget in learner.widgets if widget[0] == "text_input")
                learner.states[answer.id] = WidgetState(id=answer.id, string_value=f"a - y + {probe} - {probe}")
                latencies.append(learner._rerun(""))
                said = " ".join(learner.alerts)
                outcomes["equivalent" if said.startswith("Equivalent") else "busy" if "busy" in said else
                         "stopped" if "stopped" in said else "other"] += 1
        finally:
            stop.set()
            if clear_caches:
                sender.join()
            learner.close()
            attacker.close()
    return latencies, outcomes


def row(name, latencies, outcomes):
    return (f"| {name} | {statistics.median(latencies):.2f} s | {max(latencies):.2f} s | "
            f"{', '.join(f'{n} {what}' for what, n in outcomes.most_common())} |")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.attack", description=__doc__.splitlines()[0])
    parser.add_argument("--patterns", nargs="+", choices=PATTERNS, default=list(PATTERNS))
    parser.add_argument("--attackers", type=int, nargs="+", default=[6, 15, 20],
                        help="attacking sessions of the 'sessions' pattern")
    parser.add_argument("--probes", type=int, default=8)
    args = parser.parse_args(argv)
    print("| attack | learner p50 | learner max | learner's answers |")
    print("| --- | ---: | ---: | --- |")
    runs = {"sessions": [(f"{n} sessions, slow answers", "sessions", n) for n in args.attackers],
            "fresh": [("20 clients, a new session per slow answer", "fresh", 20)],
            "burst": [("100 new sessions at once, one slow answer each", "burst", 100)]}
    for pattern in args.patterns:
        if pattern == "clear-caches":
            for name, clear_caches in (("served, no attacker", False), ("served, clear caches every 50 ms", True)):
                print(row(name, *over_websocket(args.probes, clear_caches)), flush=True)
            continue
        for name, kind, attackers in runs[pattern]:
            print(row(name, *in_pool(kind, attackers, args.probes)), flush=True)


if __name__ == "__main__":
    main()
