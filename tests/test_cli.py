"""python -m mathcore verify: table, JSON and LaTeX, and the exit code."""

import json
import os
import subprocess
import sys

import pytest
import sympy as sp

from mathcore import cli
from mathcore.derivation import Derivation, Step, real
from mathcore.derivations import CATALOGUE, z


def run(*args):
    return subprocess.run([sys.executable, "-m", "mathcore", *args], capture_output=True, text=True, timeout=300)


def test_verify_table_lists_every_derivation_and_exits_0():
    done = run("verify")
    assert done.returncode == 0, done.stderr
    for key in CATALOGUE:
        assert key in done.stdout
    assert f"{len(CATALOGUE)} of {len(CATALOGUE)} derivations proved" in done.stdout
    assert "✗" not in done.stdout


def test_verify_json_carries_steps_and_errors():
    done = run("verify", "dL_dz_cross_entropy_sigmoid", "da_dz", "--format", "json")
    rows = json.loads(done.stdout)
    assert [r["key"] for r in rows] == ["dL_dz_cross_entropy_sigmoid", "da_dz"]
    assert rows[0]["result"] == "a - y" and rows[0]["proved"] and rows[0]["error"] < 1e-7
    assert all(s["proved"] for r in rows for s in r["steps"])


def test_verify_latex_is_a_document():
    out = run("verify", "dz_db", "--format", "latex").stdout
    assert out.startswith(r"\documentclass{article}") and out.rstrip().endswith(r"\end{document}")
    assert r"\begin{aligned}" in out and r"dz\_db" in out


def test_unknown_name_is_a_usage_error():
    done = run("verify", "nope")
    assert done.returncode == 2 and "unknown derivation nope" in done.stderr


def test_a_failing_derivation_makes_verify_exit_1(monkeypatch, capsys):
    broken = Derivation("broken", "broken", r"\sigma'", sp.Derivative(sp.exp(z), z),
                        (Step(sp.exp(2 * z), "a wrong rule"),), domains={"z": real(-1, 1)})
    monkeypatch.setitem(CATALOGUE, "broken", lambda: broken)
    assert cli.main(["verify", "broken"]) == 1
    assert "FAILED: broken" in capsys.readouterr().out


@pytest.mark.parametrize("args, code", [
    (["check", "dL_da_cross_entropy", "-h"], 2),  # an answer of -h is judged (unknown name h), not help
    (["check", "dL_da_cross_entropy", "--help"], 2),
    (["check", "-h"], 2),  # check's own help: 0 is only ever a judged right
    (["check", "dL_da_cross_entropy", "--version"], 2),
    (["check", "dL_da_cross_entropy"], 2),
    (["check", "dL_da_cross_entropy", "-y/a+(1-y)/(1-a)"], 0),  # an answer starting with '-'
    (["check", "dL_da_cross_entropy", "--", "-y/a+(1-y)/(1-a)"], 0),
    (["check", "dL_da_cross_entropy", "-y/a", "+", "(1-y)/(1-a)"], 0),  # words after TARGET are one answer
    (["check", "dL_dz_cross_entropy_sigmoid", "-(y - a)"], 0),
    (["check", "dL_dz_cross_entropy_sigmoid", "-y"], 1),
])
def test_check_exits_0_only_for_a_judged_right_answer(args, code):
    done = run(*args)
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_check_never_crashes_on_an_ascii_only_stdout():
    """σ, − and ᵀ in a verdict, on a terminal that can only show ASCII: escapes, not a UnicodeEncodeError."""
    done = subprocess.run([sys.executable, "-m", "mathcore", "check", "da_dz", "σ(z)(1 + σ(z))"], capture_output=True,
                          timeout=300, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"\\u03c3" in done.stdout  # the hint's σ, escaped
