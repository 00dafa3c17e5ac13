"""The race of activations is fair: timed interleaved and repeated from the same start on a clock the test controls,
its iteration counts (deterministic) come first, and its sentence follows from its numbers: a clear win, a tie
within noise, none reached."""

from itertools import accumulate

import pytest

from mathcore import datasets, network
from mathcore.race import Finish, Runner, ahead, race, time_per_iteration, to_target
from ui.training import RACE, race_caption, race_table, record_every

STEPS = 4


def clock_of(durations):
    """A clock the test controls: the k-th timed run lasts durations[k] seconds (a reading before and one after)."""
    starts = [0.0, *accumulate(durations)]
    readings = iter([t for start, d in zip(starts, durations) for t in (start, start + d)])
    return lambda: next(readings)


@pytest.fixture(scope="module")
def flower():
    d = datasets.two_class("flower")
    starts = {g: network.initialize([2, 4, 1], g, seed=1) for g in RACE}
    runs = {g: network.train(d.X_train, d.Y_train, starts[g], 1.2, 400, every=record_every(400)) for g in RACE}
    return d, starts, runs


def test_each_round_times_every_runner_in_turn_and_rotates_who_goes_first(flower):
    d, starts, _runs = flower
    durations = [float(k) for k in range(1, 10)]  # the k-th run of the whole race lasts k seconds
    times = time_per_iteration(d.X_train, d.Y_train, starts, 1.2, rounds=3, steps=STEPS, clock=clock_of(durations))
    # round 1: relu, tanh, sigmoid; round 2: tanh, sigmoid, relu; round 3: sigmoid, relu, tanh
    assert times == {"relu": (1 / STEPS, 6 / STEPS, 8 / STEPS), "tanh": (2 / STEPS, 4 / STEPS, 9 / STEPS),
                     "sigmoid": (3 / STEPS, 5 / STEPS, 7 / STEPS)}


def test_every_runner_starts_from_the_same_weights_in_every_round(flower, monkeypatch):
    d, starts, _runs = flower
    seen = []
    real = network.train
    monkeypatch.setattr(network, "train",
                        lambda X, Y, layers, *a, **k: seen.append(layers) or real(X, Y, layers, *a, **k))
    time_per_iteration(d.X_train, d.Y_train, starts, 1.2, rounds=2, steps=STEPS, clock=clock_of([1.0] * 6))
    assert len(seen) == 6 and all(any(layers is start for start in starts.values()) for layers in seen)


def timed(flower, per_round):
    """The race on the real runs, timed on a controlled clock: per_round {g: seconds for STEPS iterations, per
    round} (each round in the order the rounds run them)."""
    d, starts, runs = flower
    rounds = len(per_round["relu"])
    order = [RACE[(r + i) % 3] for r in range(rounds) for i in range(3)]
    count = {g: 0 for g in RACE}
    durations = []
    for g in order:
        durations.append(per_round[g][count[g]])
        count[g] += 1
    return time_per_iteration(d.X_train, d.Y_train, starts, 1.2, rounds=rounds, steps=STEPS,
                              clock=clock_of(durations))


def test_the_iteration_counts_are_deterministic_and_come_from_the_runs(flower):
    _d, _starts, runs = flower
    again = datasets.two_class("flower")
    for g in RACE:
        rerun = network.train(again.X_train, again.Y_train, network.initialize([2, 4, 1], g, seed=1), 1.2, 400,
                              every=record_every(400))
        assert to_target({g: rerun}, 0.5) == to_target({g: runs[g]}, 0.5)
    assert to_target(runs, 0.5) == {"relu": 220, "tanh": 88, "sigmoid": 326}


def test_a_clear_win(flower):
    _d, _starts, runs = flower
    even = {g: [0.004, 0.004, 0.0041] for g in RACE}  # 1 ms per iteration, the rounds agree
    result = race(to_target(runs, 0.5), timed(flower, even))
    assert result.finish is Finish.CLEAR and result.first.name == "tanh" and result.second.name == "relu"
    assert race_caption(result, 0.5, 400) == (
        "tanh reached J ≤ 0.5 in the fewest iterations: 88, against 220 for ReLU. Iteration counts are "
        "deterministic, the same on every run: they are the race's main result. Times are measured on this server, "
        "and noisy. In time, tanh is first: 88 – 88 ms against 220 – 220 ms for ReLU (best – median timing round); "
        "the gap between their best times, 132 ms, is larger than tanh's spread, 0 ms. The notes' claim that ReLU "
        "trains fastest does not hold at these settings.")


def test_a_tie_within_noise(flower):
    """tanh needs 88 iterations and ReLU 220; if tanh's rounds are so noisy that its median time per iteration is 3
    times its best, while ReLU's are steady at its best, the gap (220 × 1 − 88 × 1 ms) is not larger than tanh's
    spread (88 × 2 ms): no winner in time, and the page says so."""
    _d, _starts, runs = flower
    noisy = {"relu": [0.004] * 3, "tanh": [0.004, 0.012, 0.012], "sigmoid": [0.004] * 3}
    result = race(to_target(runs, 0.5), timed(flower, noisy))
    assert result.finish is Finish.WITHIN_NOISE and result.first.name == "tanh"
    caption = race_caption(result, 0.5, 400)
    assert caption.startswith("tanh reached J ≤ 0.5 in the fewest iterations: 88, against 220 for ReLU.")
    assert ("In time, tanh (88 – 264 ms) and ReLU (220 – 220 ms) are within noise (best – median timing round): the "
            "gap between their best times, 132 ms, is not larger than tanh's spread, 176 ms, so neither is faster "
            "here.") in caption
    assert caption.endswith("Within noise, this race does not settle the notes' claim that ReLU trains fastest.")


def test_never_reached_and_only_one(flower):
    _d, _starts, runs = flower
    times = timed(flower, {g: [0.004] * 3 for g in RACE})
    none = race(to_target(runs, 0.05), times)
    assert none.finish is Finish.NONE and none.first is None
    assert race_caption(none, 0.05, 400) == ("None of the three reached J ≤ 0.05 in 400 iterations: lower the target "
                                              "or train longer.")
    only = race({"relu": None, "tanh": 90, "sigmoid": None}, times)
    assert only.finish is Finish.ALONE
    assert race_caption(only, 0.5, 400).startswith("Only tanh reached J ≤ 0.5 within 400 iterations, at iteration 90.")
    assert "At its best time per iteration, 1 ms, that is 90 ms." in race_caption(only, 0.5, 400)


def test_the_same_iterations_and_the_same_time_are_a_tie_and_relu_first_agrees_with_the_notes():
    steady = (0.001, 0.001, 0.001)
    tied = race({"relu": 100, "tanh": 100, "sigmoid": None}, {"relu": steady, "tanh": steady, "sigmoid": steady})
    assert tied.finish is Finish.WITHIN_NOISE and [r.name for r in tied.fewest] == ["relu", "tanh"]
    assert race_caption(tied, 0.3, 1000).startswith("ReLU and tanh reached J ≤ 0.3 in the same number of iterations, "
                                                    "100.")
    won = race({"relu": 100, "tanh": 300, "sigmoid": 400}, {"relu": steady, "tanh": steady, "sigmoid": steady})
    assert won.finish is Finish.CLEAR and won.first.name == "relu"
    assert race_caption(won, 0.3, 1000).endswith("As the notes say: ReLU's slope is 1 wherever it is active, so its "
                                                 "gradient does not fade.")


def test_ahead_needs_a_gap_larger_than_the_leaders_spread():
    a = Runner("a", 100, (0.001, 0.002, 0.002))  # 100 - 200 ms
    assert ahead(a, Runner("b", 201, (0.001,))) and not ahead(a, Runner("b", 200, (0.001,)))
    assert ahead(a, Runner("b", None, (0.001,))) and not ahead(Runner("b", None, (0.001,)), a)


def test_the_table_shows_each_runners_spread_and_never_for_the_ones_that_did_not_get_there(flower):
    d, _starts, runs = flower
    result = race(to_target(runs, 0.3), {"relu": (0.001, 0.002, 0.003), "tanh": (0.001,) * 3,
                                          "sigmoid": (0.001,) * 3})
    table = race_table(result, runs, d, 0.3, 400)
    assert list(table.columns) == ["activation", "iterations to J ≤ 0.3 (J recorded every 2)",
                                   "ms per iteration, best – median of 9 rounds",
                                   "ms to J ≤ 0.3: iterations × best – median", "final J", "test accuracy"]
    assert list(table.iloc[0, :3]) == ["ReLU", "not within 400 iterations", "1 – 2"]
