"""Exports: LaTeX and Markdown carry every step; a generated notebook runs and prints the page's numbers."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from mathcore.derivations import CATALOGUE, derivation
from mathcore.export import code_cells, export, to_latex, to_markdown, to_notebook

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("key", ["da_dz", "dL_dz_squared_error_sigmoid", "dJ_dw_j", "relu_derivative"])
def test_latex_and_markdown_carry_every_step(key):
    d = derivation(key)
    latex, markdown = to_latex(d), to_markdown(d)
    assert latex.startswith(r"\documentclass{article}") and latex.count(r"\begin{aligned}") == 1
    assert latex.rstrip().endswith(r"\end{document}") and all(ord(ch) < 128 for ch in latex)  # pdflatex-safe
    assert markdown.count("$$") == 2 and all(step.latex in markdown for step in d.steps)
    assert all(f"{i}. {step.rule}" in markdown for i, step in enumerate(d.steps, start=1))


def test_every_title_exports_to_ascii_latex():
    for key in CATALOGUE:
        assert all(ord(ch) < 128 for ch in to_latex(derivation(key))), key


def test_notebook_runs_and_prints_the_home_page_numbers(tmp_path):
    text = to_notebook(derivation("dL_dz_cross_entropy_sigmoid"), {"z": 1.5, "y": 1.0})
    nbformat.validate(nbformat.reads(text, as_version=4))
    script = tmp_path / "notebook.py"
    script.write_text("\n\n".join(code_cells(text)))
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert "proved: True" in done.stdout
    assert "step 3: -0.182426" in done.stdout  # the home page's "a − y" metric at z = 1.5, y = 1
    assert "finite differences: -0.182426" in done.stdout


def test_cli_export_matches_the_library():
    done = subprocess.run([sys.executable, "-m", "mathcore", "export", "dz_db", "--format", "markdown"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout == export(derivation("dz_db"), "markdown")
    bad = subprocess.run([sys.executable, "-m", "mathcore", "export", "dz_db", "--at", "z=x"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "VAR=NUMBER" in bad.stderr
