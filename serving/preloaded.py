"""``python -m serving.preloaded run app.py [options]``: ``streamlit run``, in a process that has first imported
every library the lessons import and run the served script's default page once.

A Streamlit server imports a page's libraries when the first visitor's run reaches them: SymPy, Altair, pandas,
mathcore, scikit-learn, about 2 s on the 2-core server, all of it paid by the first learner after a start (a hosted
copy restarts after it sleeps). Streamlit itself has once-per-process costs in a first run too (its first element
looks through the whole call stack to decide whether it runs in a REPL; a page icon compiles its emoji pattern;
the first chart builds Altair's and pyarrow's machinery), and ``streamlit run`` runs nothing of the app before the
first session. So this imports the lessons' modules (read from the scripts' own import lines by
``lesson_imports``: a new page's libraries are preloaded without a list to keep), runs the script's default page
once in Streamlit's own test runner (``warm``), and then hands over to Streamlit's command line. The server answers
its health check that much later (measured in benchmarks/REPORT.md); what the first visitor then sees is computed
for them as before, only with the imports done, the proofs read and the caches the default page fills filled.
It also makes the server send small responses without Nagle's 40 ms wait (``serving.nodelay``), and refuse a
client's "clear caches" message (``serving.guard``).

``serving.start_streamlit`` (the class server behind nginx, the browser tests, the benchmarks) starts this way;
``streamlit run app.py`` on a laptop works as before.
"""

import ast
import importlib
import importlib.util
import logging
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # serving.ROOT: this file runs as a script, before serving is importable
#: Imported only when first used, inside mathcore (the bundled data sets, the reference fit) or inside the libraries:
#: pandas' Styler (a formatted table; it compiles its templates), Pillow's PNG writer (the heatmaps), and SymPy's
#: matrix calculus and its logic-based assumptions (the vectorization page's derivations): about 0.1 s of a first
#: visit.
LAZY = ("sklearn.datasets", "sklearn.linear_model", "pandas.io.formats.style", "PIL.PngImagePlugin",
        "sympy.tensor.array.expressions", "sympy.assumptions.satask", "sympy.assumptions.lra_satask")


def lesson_imports(folder=ROOT / "lessons"):
    """The modules the page scripts in ``folder`` import (``from m import n`` names m, and m.n where n is a module).

    >>> "mathcore.derivations" in lesson_imports() and "streamlit" in lesson_imports()
    True
    """
    names = []
    for script in sorted(Path(folder).glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names.append(node.module)
                names += [f"{node.module}.{alias.name}" for alias in node.names if _is_module(node.module, alias.name)]
    return list(dict.fromkeys(names))


def _is_module(package, name):
    """Whether ``package`` (a package or a module) has a submodule ``name``, found without importing it."""
    spec = importlib.util.find_spec(package)
    locations = (spec and spec.submodule_search_locations) or []
    return any((Path(folder) / f"{name}.py").exists() or (Path(folder) / name).is_dir() for folder in locations)


@contextmanager
def _quiet(logger):
    """Streamlit's ``logger`` says only errors inside the block (its warnings here are true and harmless)."""
    import streamlit  # noqa: F401 (creates Streamlit's loggers with their levels, which this then overrides)

    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def preload():
    """Import every module the lessons import, and LAZY: the names imported, in order."""
    names = lesson_imports() + list(LAZY)
    with _quiet("streamlit.runtime.caching.cache_data_api"):  # each st.cache_data declared warns: no runtime yet
        for name in names:
            importlib.import_module(name)
    return names


def warm(script):
    """Run ``script``'s default page once in Streamlit's test runner, in this process. A page that fails here is
    logged and left for the server to show as it would have: warming never stops a server from starting."""
    from streamlit.testing.v1 import AppTest

    # the test runner's main thread has no script-run context, and says so
    with _quiet("streamlit.runtime.scriptrunner_utils.script_run_context"):
        try:
            at = AppTest.from_file(str(Path(script).resolve()), default_timeout=120).run()
            problem = at.exception[0].message if at.exception else None
        except Exception as error:  # noqa: BLE001 (any failure of a warm-up run; the server starts regardless)
            problem = repr(error)
    if problem:
        logging.getLogger(__name__).warning("warming %s failed: %s", script, problem)


def start_checker_once_serving(poll=0.2):
    """The checker's workers started and warm before the first learner's answer, but after the server answers its
    health check: started before it, they doubled the time to healthy on a busy machine (40 -> 73 s at load 10)."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState

    while not (Runtime.exists() and Runtime.instance().state in (RuntimeState.NO_SESSIONS_CONNECTED,
                                                                 RuntimeState.ONE_OR_MORE_SESSIONS_CONNECTED)):
        time.sleep(poll)
    from ui import checking

    checking.pool()


def main():
    """Preload and warm, then run Streamlit's command line with this command's arguments (``run app.py …``)."""
    sys.path.insert(0, str(ROOT))
    preload()
    from serving import guard, nodelay

    nodelay.patch_bind()
    guard.refuse_clear_cache()
    if len(sys.argv) > 2 and sys.argv[1] == "run":
        warm(sys.argv[2])
        threading.Thread(target=start_checker_once_serving, daemon=True).start()
        # The warm-up read the config files before the command line's flags; applying the flags, Streamlit then
        # warns that a server option changed and asks for a restart. The server has not started: the flags apply.
        logging.getLogger("streamlit.config").addFilter(
            lambda record: "[server] config option" not in record.getMessage())
    from streamlit.web import cli

    sys.argv = ["streamlit", *sys.argv[1:]]
    cli.main()


# The answer checker's forkserver imports the main module of the process it serves; only a run starts a server.
if __name__ == "__main__":
    main()
