"""python -m mathcore verify: table, JSON and LaTeX, and the exit code."""

import io
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


@pytest.fixture
def mathcore_cli(capsys, monkeypatch):
    """``python -m mathcore ARGS`` in this process (exit code, stdout, stderr): its command line, without paying
    an interpreter and SymPy's import each time. A few tests below still run the real process."""
    def call(*args, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = cli.main(list(args))
        except SystemExit as exit:
            code = exit.code
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, captured.out, captured.err)
    return call


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
def test_check_exits_0_only_for_a_judged_right_answer(mathcore_cli, args, code):
    done = mathcore_cli(*args)
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_check_never_crashes_on_an_ascii_only_stdout():
    """σ, − and ᵀ in a verdict, on a terminal that can only show ASCII: escapes, not a UnicodeEncodeError."""
    done = subprocess.run([sys.executable, "-m", "mathcore", "check", "da_dz", "σ(z)(1 + σ(z))"], capture_output=True,
                          timeout=300, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"\\u03c3" in done.stdout  # the hint's σ, escaped


CLASS_CSV = '''student,target,answer
alice,dW,"np.dot(dZ, A_prev.T) / m"
bob,dW,dZ @ A_prev.T / 5
carol,dL_dz_cross_entropy_sigmoid,\\sigma(z) - y
dan,db,"sum(dZ, axis=0, keepdims=True)/m"
'''


def test_batch_grades_a_class_one_line_per_row_with_counts(mathcore_cli, tmp_path):
    (tmp_path / "class.csv").write_text(CLASS_CSV, encoding="utf-8")
    done = mathcore_cli("check", "--batch", str(tmp_path / "class.csv"))
    assert done.returncode == 1, done.stdout + done.stderr  # some wrong, all judged
    lines = done.stdout.splitlines()
    assert lines[0] == "read 4 rows (CSV)"
    assert lines[1].startswith("row 2 alice: equivalent") and lines[2].startswith("row 3 bob: not equivalent")
    assert lines[3].startswith("row 4 carol: equivalent") and "axis=1" in lines[4]
    assert "  db: 0 of 1 right, 1 wrong, 0 not judged" in lines  # the report after the rows (tests/test_batch.py)
    assert lines[-1] == "4 answers: 2 equivalent, 2 not equivalent, 0 could not decide, 0 invalid"


def test_batch_reads_json_lines_and_exits_by_the_summary(mathcore_cli):
    right = '{"student": "a", "target": "da_dz", "answer": "a(1-a)"}\n{"target": "da_dz", "answer": "a - a²"}\n'
    done = mathcore_cli("check", "--batch", "-", stdin=right)
    assert done.returncode == 0 and done.stdout.splitlines()[-1].startswith("2 answers: 2 equivalent")
    broken = right + '{"target": "nope", "answer": "a"}\nnot json\n{"answer": "a"}\n'
    done = mathcore_cli("check", "--batch", "-", stdin=broken)
    assert done.returncode == 2 and "unknown target 'nope'" in done.stdout and "not JSON" in done.stdout
    assert "needs a target and an answer" in done.stdout and "Traceback" not in done.stderr


@pytest.mark.parametrize("at, message", [
    (["z=nan", "y=inf"], "--at z=nan: VAR=NUMBER takes a finite number"),
    (["z=1.5", "y=inf"], "--at y=inf: VAR=NUMBER takes a finite number"),
    (["z=1e999", "y=1"], "--at z=1e999: VAR=NUMBER takes a finite number"),
    (["z=\u0663", "y=1"], "--at z=\u0663: VAR=NUMBER takes a finite number in the digits 0-9"),  # Arabic-Indic 3
    (["z=1_0", "y=1"], "--at z=1_0: VAR=NUMBER"),
    (["z=1", "y=1", "z=2"], "--at gives z twice"),
    (["q=1", "z=1", "y=1"], "--at q=1: q is not a variable here; the variables are y, z"),
    (["z=1"], "--at needs a value for every variable: missing y"),
    (["z"], "--at takes VAR=NUMBER pairs"),
])
def test_export_at_takes_finite_ascii_numbers_for_the_derivations_variables(mathcore_cli, at, message):
    done = mathcore_cli("export", "dL_dz_cross_entropy_sigmoid", "--format", "ipynb", "--at", *at)
    assert done.returncode == 2 and message in done.stderr and done.stdout == ""


def test_export_at_a_point_writes_it_into_the_notebook(mathcore_cli):
    done = mathcore_cli("export", "dz_dw_j", "--format", "ipynb", "--at", "w=-0.5", "x=.25", "b=+2E-1")
    assert done.returncode == 0
    assert "steps, truth = d.evaluate(w=-0.5, x=0.25, b=0.2)" in "".join(json.loads(done.stdout)["cells"][3]["source"])


def test_batch_and_a_command_line_answer_do_not_mix(mathcore_cli, tmp_path):
    done = mathcore_cli("check", "--batch", str(tmp_path / "none.csv"))
    assert done.returncode == 2 and "cannot read" in done.stderr
    (tmp_path / "c.csv").write_text(CLASS_CSV, encoding="utf-8")
    assert mathcore_cli("check", "--batch", str(tmp_path / "c.csv"), "da_dz").returncode == 2
