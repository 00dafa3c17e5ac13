"""serving.preloaded: the server process imports what the lessons import, and runs the default page once, before
Streamlit starts; a warm-up that fails never keeps the server from starting."""

import logging
import subprocess
import sys

from serving import ROOT
from serving.preloaded import LAZY, lesson_imports, warm


def test_the_lessons_imports_are_read_from_their_scripts(tmp_path):
    (tmp_path / "a.py").write_text("import numpy as np\nfrom mathcore import derivations\nfrom ui.link import number\n")
    (tmp_path / "b.py").write_text("import streamlit as st\nfrom mathcore.network import forward\n")
    assert lesson_imports(tmp_path) == ["numpy", "mathcore", "mathcore.derivations", "ui.link", "streamlit",
                                        "mathcore.network"]


def test_every_module_a_lesson_imports_is_preloaded():
    names = set(lesson_imports())
    assert {"sympy", "streamlit", "charts", "mathcore.derivations", "ui.chart", "ui.derivation_view"} <= names


def test_a_served_process_has_the_libraries_and_the_default_page_before_streamlit_starts():
    """What ``main`` does before it hands over to Streamlit, in a fresh interpreter: the lessons' modules, the
    scikit-learn parts mathcore imports late, and what only a run imports (Streamlit's emoji table, for the page
    icon) are all in sys.modules."""
    code = ("import sys; from serving.preloaded import preload, warm; preload(); warm('app.py'); "
            "print(sorted(m for m in ('sympy', 'altair', 'sklearn.datasets', 'streamlit.emojis', 'mathcore.network') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[-2] == str(sorted(["sympy", "altair", "sklearn.datasets", "streamlit.emojis",
                                                     "mathcore.network"]))
    assert "sklearn.datasets" in LAZY


def test_a_page_that_fails_to_warm_is_logged_and_the_server_still_starts(tmp_path, caplog):
    broken = tmp_path / "broken.py"
    broken.write_text("import streamlit as st\nst.title('x')\nraise ValueError('no data here')\n")
    with caplog.at_level(logging.WARNING, logger="serving.preloaded"):
        warm(broken)  # returns: nothing raised
    assert any("warming" in r.getMessage() and "broken.py failed" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="serving.preloaded"):
        warm(tmp_path / "missing.py")  # the test runner itself raises: caught and logged as well
    assert any("missing.py failed" in r.getMessage() and "FileNotFoundError" in r.getMessage() for r in caplog.records)


def test_the_checker_starts_once_the_server_serves_not_before(monkeypatch):
    """The pool's workers (SymPy imported, a first check) start after the server answers its health check: started
    before it, they doubled a busy machine's time to healthy and the browser tests' servers timed out."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState

    from serving import preloaded
    from ui import checking

    states, started = iter([None, RuntimeState.INITIAL, RuntimeState.NO_SESSIONS_CONNECTED]), []
    state = {"now": None}

    def exists():
        state["now"] = next(states)
        return state["now"] is not None

    monkeypatch.setattr(Runtime, "exists", staticmethod(exists))
    monkeypatch.setattr(Runtime, "instance", classmethod(lambda cls: type("R", (), {"state": state["now"]})))
    monkeypatch.setattr(checking, "pool", lambda: started.append(state["now"]))
    preloaded.start_checker_once_serving(poll=0)
    assert started == [RuntimeState.NO_SESSIONS_CONNECTED]
