"""The answer checker: right answers in many forms, wrong ones with their hints, hostile ones handled safely."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mathcore.answer import MAX_LENGTH, AnswerError, parse
from mathcore.checker import TARGETS, check
from mathcore.checkpool import CheckPool
from tests.pool_helpers import hog, stall
from tests.corpora import CANARY, CORRECT, HOSTILE, WRONG

ROOT = Path(__file__).resolve().parents[1]


def test_corpus_sizes():
    assert len(CORRECT) >= 50 and len(WRONG) >= 50 and len(HOSTILE) >= 100
    assert {key for key, _ in CORRECT} == set(TARGETS) - set()  # every target has right answers


@pytest.mark.parametrize("target, answer", CORRECT)
def test_right_answers_in_many_forms(target, answer):
    verdict = check(target, answer)
    assert verdict.status == "equivalent", verdict.message


@pytest.mark.parametrize("target, answer, hint", WRONG)
def test_wrong_answers_with_their_hints(target, answer, hint):
    verdict = check(target, answer)
    assert verdict.status == "not equivalent", verdict.message
    assert hint in verdict.hint + verdict.message


@pytest.fixture(scope="module")
def pool():
    pool = CheckPool(workers=2)
    yield pool
    pool.stop()


def test_hostile_answers_get_a_clear_message_fast_and_run_no_code(pool):
    if os.path.exists(CANARY):
        os.remove(CANARY)
    for answer in HOSTILE:  # each is answered: the pool's time budget stops any check (no time asserted here)
        for target in ("dL_dz_cross_entropy_sigmoid", "dW"):
            verdict = pool.check(target, answer)
            assert verdict.message and "Traceback" not in verdict.message, answer
    assert not os.path.exists(CANARY)


def test_parser_bounds_say_what_is_wrong():
    with pytest.raises(AnswerError, match="limited to 300"):
        parse("a" * (MAX_LENGTH + 1))
    with pytest.raises(AnswerError, match="nests more than"):
        parse("(" * 30 + "a" + ")" * 30)
    with pytest.raises(AnswerError, match="Exponents must be plain numbers"):
        parse("a^(10^10)")
    with pytest.raises(AnswerError, match="U\\+0430"):  # a Cyrillic look-alike
        parse("а - y")
    assert parse("a−y") == parse("a-y")  # the typographic minus is read as minus


def test_a_runaway_check_is_stopped_and_the_pool_keeps_answering(pool):
    verdict = pool.run(stall, 30, timeout=1.0)
    assert verdict.status == "could not decide" and "in time" in verdict.message
    assert pool.check("dL_dz_cross_entropy_sigmoid", "a - y").status == "equivalent"


def test_a_memory_hog_is_stopped_by_the_worker_limit(pool):
    verdict = pool.run(hog, 4_000, timeout=10)  # 4 GB against a 1.5 GB address-space limit
    assert verdict.status == "could not decide"
    assert pool.check("dL_dz_cross_entropy_sigmoid", "a - y").status == "equivalent"


def in_flight(pool):
    """How many checks the pool has in flight (its semaphore's taken places)."""
    return pool.max_in_flight - pool._in_flight._value


def wait_until(condition, seconds=30):
    """Poll for a state (never a fixed sleep that hopes the state has come): True once ``condition()`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the state never came"
        time.sleep(0.01)
    return True


def test_one_session_stalling_does_not_starve_another():
    pool = CheckPool(workers=2)
    try:
        attacker = threading.Thread(target=lambda: [pool.run(stall, 30, timeout=1.5) for _ in range(3)])
        attacker.start()
        wait_until(lambda: in_flight(pool) >= 1)  # the attacker's stall is in a worker
        for _ in range(5):  # judged, not refused: the other worker serves the victim (times: in the benchmarks)
            assert pool.check("da_dz", "a(1-a)").status == "equivalent"
        attacker.join()
    finally:
        pool.stop()


def test_in_flight_cap_says_busy():
    pool = CheckPool(workers=1, max_in_flight=1)
    try:
        first = threading.Thread(target=lambda: pool.run(stall, 5, timeout=1.5))
        first.start()
        wait_until(lambda: in_flight(pool) == 1)
        assert "busy" in pool.check("da_dz", "a(1-a)").message
        first.join()
    finally:
        pool.stop()


@pytest.mark.parametrize("answer, code", [("a - y", 0), ("y - a", 1), ("a +", 2), ("__import__('os')", 2)])
def test_cli_check_exit_codes(answer, code):
    done = subprocess.run([sys.executable, "-m", "mathcore", "check", "dL_dz_cross_entropy_sigmoid", answer], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stdout + done.stderr
    assert done.stdout.split(":")[0] in ("equivalent", "not equivalent", "invalid", "could not decide")
