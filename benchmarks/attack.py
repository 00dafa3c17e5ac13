"""The checker under attack: N sessions keep sending slow answers; how long does a learner's a - y take?

    python -m benchmarks.attack                    # 6, 15 and 20 attacking sessions
    python -m benchmarks.attack --attackers 20 --probes 10

Each attacking session sends, one after another, answers that SymPy takes seconds over, each a new one
(``(a-y)((tanh(kz)^2+sech(kz)^2)^10)^10``, k counting up: SymPy takes about 2 s over each), so no
verdict can be reused. Once every attacker has had one answer judged (or 30 s have passed), the victim,
a session of its own, checks ``probes`` new right answers one after another. Reported: the victim's
latency p50 and max, and how its answers were judged (equivalent, or refused as busy, or not decided). Figures only: tests/test_checker.py checks the
outcome, never the time.
"""

import argparse
import inspect
import itertools
import statistics
import threading
import time
from collections import Counter

from mathcore.checkpool import CheckPool

TARGET = "dL_dz_cross_entropy_sigmoid"


def attack(attackers, probes, warm_up=30.0):
    """(latencies, outcomes) of the victim's ``probes`` checks while ``attackers`` sessions send slow answers."""
    pool = CheckPool(workers=2)
    fair = "session" in inspect.signature(pool.check).parameters  # the pool before #17 had no sessions

    def check(answer, session):
        return pool.check(TARGET, answer, session=session) if fair else pool.check(TARGET, answer)

    stop, k, judged = threading.Event(), itertools.count(2), set()

    def attacker(n):
        while not stop.is_set():
            j = next(k)
            if "busy" not in check(f"(a-y)((tanh({j}z)^2+sech({j}z)^2)^10)^10", f"attacker {n}").message:
                judged.add(n)

    threads = [threading.Thread(target=attacker, args=(n,), daemon=True) for n in range(attackers)]
    latencies, outcomes = [], Counter()
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + warm_up
        while len(judged) < attackers and time.monotonic() < deadline:
            time.sleep(0.1)
        for probe in range(probes):
            start = time.perf_counter()
            verdict = check(f"a - y + {probe} - {probe}", "victim")
            latencies.append(time.perf_counter() - start)
            outcomes["busy" if "busy" in verdict.message else verdict.status] += 1
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        pool.stop()
    return latencies, outcomes


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.attack", description=__doc__.splitlines()[0])
    parser.add_argument("--attackers", type=int, nargs="+", default=[6, 15, 20])
    parser.add_argument("--probes", type=int, default=8)
    args = parser.parse_args(argv)
    print("| attacking sessions | victim p50 | victim max | victim's answers |")
    print("| ---: | ---: | ---: | --- |")
    for attackers in args.attackers:
        latencies, outcomes = attack(attackers, args.probes)
        print(f"| {attackers} | {statistics.median(latencies):.2f} s | {max(latencies):.2f} s | "
              f"{', '.join(f'{n} {what}' for what, n in outcomes.most_common())} |", flush=True)


if __name__ == "__main__":
    main()
