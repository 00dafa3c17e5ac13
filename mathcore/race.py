"""A fair race between activations trained from the same start on the same data.

The primary fact is the iterations each needs to reach the target, J <= target: deterministic, the same on every
run. Time is secondary and noisy. It is measured for all runners in the same rounds, interleaved (round r starts
with runner r mod k, so none always runs first) and repeated, each round timing ``steps`` iterations of gradient
descent from the same start; a runner's time per iteration t is its best round (the least disturbed), its median
round shows the noise:

    time to target = iterations to target x t_best,    spread = iterations to target x (t_median - t_best)
    a is clearly ahead of b when the gap, b's time - a's time, is larger than a's spread (a's range, from its
    best to its median round, ends before b's begins); else they are within noise.
"""

import time
from dataclasses import dataclass
from enum import Enum

import numpy as np

from mathcore import network

#: Timing rounds, and gradient-descent iterations timed per runner in each round.
ROUNDS, STEPS = 9, 20


def time_per_iteration(X, Y, starts, learning_rate, rounds=ROUNDS, steps=STEPS, clock=time.perf_counter):
    """{name: (seconds per iteration in round 1, ..., in round ``rounds``)} for the starts {name: layers}: in each
    round every runner trains ``steps`` iterations from its start (``network.train``, the code that trained it),
    in turn, round r starting from runner r mod k. ``clock()`` reads seconds (a test passes its own)."""
    names, k = list(starts), len(starts)
    times = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % k:] + names[:r % k]:
            before = clock()
            run = network.train(X, Y, starts[name], learning_rate, steps, every=steps)
            elapsed = clock() - before
            times[name].append(elapsed / max(1, steps if run.diverged is None else run.diverged))
    return {name: tuple(seconds) for name, seconds in times.items()}


@dataclass(frozen=True)
class Runner:
    """One activation in the race: the first recorded iteration with J <= target (None: not within the run), and
    its seconds per iteration, one per timing round."""

    name: str
    iterations: int | None
    per_iteration: tuple

    @property
    def best(self):
        return min(self.per_iteration)

    @property
    def median(self):
        return float(np.median(self.per_iteration))

    @property
    def seconds(self):
        """iterations x t_best: the time to the target (None if never reached)."""
        return None if self.iterations is None else self.iterations * self.best

    @property
    def spread(self):
        """iterations x (t_median - t_best): how much the rounds disagree about that time."""
        return None if self.iterations is None else self.iterations * (self.median - self.best)


class Finish(Enum):
    CLEAR = "clear"  # the first in time is ahead of the second by more than its spread
    WITHIN_NOISE = "within noise"  # the gap is smaller than the spread: no winner in time
    ALONE = "alone"  # only one reached the target
    NONE = "none"  # none did


def ahead(a, b):
    """Whether runner a is clearly faster to the target than b: a got there and b did not, or the gap in time is
    larger than a's spread."""
    if a.iterations is None:
        return False
    return b.iterations is None or b.seconds - a.seconds > a.spread


@dataclass(frozen=True)
class Race:
    """The runners (in the order given), ordered by time to the target: ``first`` and ``second`` (None where fewer
    reached it), and how the race finished."""

    runners: tuple
    first: Runner | None
    second: Runner | None
    finish: Finish

    @property
    def fewest(self):
        """The runners that needed the fewest iterations (more than one on a tie); () if none reached the target."""
        reached = [r for r in self.runners if r.iterations is not None]
        least = min((r.iterations for r in reached), default=None)
        return tuple(r for r in reached if r.iterations == least)

    def runner(self, name):
        return next((r for r in self.runners if r.name == name), None)


def to_target(runs, target):
    """{name: the first recorded iteration with J <= target, or None} for trainings {name: network.Training}."""
    return {name: (hit[0] if (hit := run.first_reaching(target)) else None) for name, run in runs.items()}


def race(iterations, per_iteration):
    """The race of runners with {name: iterations to the target or None} and {name: seconds per iteration, per
    round}: who is first in time, and whether clearly (see the module docstring)."""
    runners = tuple(Runner(name, iterations[name], tuple(per_iteration[name])) for name in iterations)
    reached = sorted((r for r in runners if r.iterations is not None), key=lambda r: (r.seconds, r.iterations))
    first, second = (reached + [None, None])[:2]
    if first is None:
        finish = Finish.NONE
    elif second is None:
        finish = Finish.ALONE
    else:
        finish = Finish.CLEAR if ahead(first, second) else Finish.WITHIN_NOISE
    return Race(runners, first, second, finish)
