"""Wall-clock timing for the measured-live figures and the benchmarks (never for test assertions)."""

import time


def best_time(f, repeat=3):
    """The best of ``repeat`` wall-clock times of f(), in seconds: the least disturbed run."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - start)
    return best
