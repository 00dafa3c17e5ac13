"""mathcore is an installable package: a wheel built from pyproject.toml, installed in a fresh virtual
environment with nothing else of this repository, gives ``import mathcore``, the ``mathcore`` command from
any folder, and runs an exported notebook in a fresh Jupyter kernel. Needs the package registry (pip); without
it the tests skip, except under CI=true."""

import os
import subprocess
import sys
import venv

import pytest

from mathcore import derivation
from mathcore.export import INSTALL, to_notebook
from serving import ROOT

RUNNER = """
import sys, nbformat, nbclient
notebook = nbformat.read(sys.argv[1], as_version=4)
nbclient.NotebookClient(notebook, kernel_name="python3", timeout=300).execute()
for cell in notebook.cells:
    for output in cell.get("outputs", []):
        print(output.get("text", ""), end="")
"""


def run(*command, cwd, timeout=600):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={"PATH": os.environ.get("PATH", ""), "HOME": str(cwd)})


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A fresh venv (no system packages) with the wheel of this repository, ipykernel and nbclient: its bin/."""
    folder = tmp_path_factory.mktemp("package")
    venv.create(folder / "env", with_pip=True)
    bin = folder / "env" / "bin"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder / "wheel"), str(ROOT),
                cwd=folder)
    wheels = list((folder / "wheel").glob("mathcore-*.whl"))
    installed = run(str(bin / "pip"), "install", "-q", *map(str, wheels), "ipykernel", "nbclient", cwd=folder) \
        if built.returncode == 0 and wheels else built
    if installed.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"could not build or install the wheel:\n{installed.stderr[-3000:]}")
        pytest.skip(f"no package registry here: {installed.stderr.strip().splitlines()[-1:]}")
    return bin


def test_the_wheel_holds_the_library_only_and_its_command_works_anywhere(env, tmp_path):
    assert run(str(env / "python"), "-c", "import streamlit", cwd=tmp_path).returncode != 0  # not the app's deps
    where = run(str(env / "python"), "-c", "import mathcore; print(mathcore.__file__)", cwd=tmp_path)
    assert where.returncode == 0 and "site-packages" in where.stdout
    right = run(str(env / "mathcore"), "check", "dL_dz_cross_entropy_sigmoid", "a - y", cwd=tmp_path)
    assert right.returncode == 0 and right.stdout.startswith("equivalent"), right.stderr
    wrong = run(str(env / "python"), "-m", "mathcore", "check", "dL_dz_cross_entropy_sigmoid", "y - a", cwd=tmp_path)
    assert wrong.returncode == 1 and wrong.stdout.startswith("not equivalent"), wrong.stderr
    verified = run(str(env / "mathcore"), "verify", cwd=tmp_path)
    assert verified.returncode == 0, verified.stdout[-2000:] + verified.stderr[-2000:]


def test_an_exported_notebook_runs_in_a_fresh_kernel_with_only_the_package(env, tmp_path):
    text = to_notebook(derivation("dL_dz_cross_entropy_sigmoid"), {"z": 1.5, "y": 1.0})
    assert "pip install ." in INSTALL and INSTALL in text.split('"cell_type": "code"')[0]  # the first cell says how
    (tmp_path / "dL_dz.ipynb").write_text(text)
    (tmp_path / "run.py").write_text(RUNNER)
    done = run(str(env / "python"), "run.py", "dL_dz.ipynb", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "proved: True" in done.stdout and "step 3: -0.182426" in done.stdout
