"""What .streamlit/config.toml must keep: each setting here was measured to matter."""

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text())


def test_no_full_garbage_collection_after_every_run():
    """Streamlit's default gc.collect(2) after each run took ~0.4 s of every interaction with SymPy's heap."""
    assert CONFIG["runner"]["postScriptGC"] is False


def test_no_source_file_watcher_on_a_learners_server():
    """The watcher's polling thread took about a tenth of a core, for code that never changes on a server."""
    assert CONFIG["server"]["fileWatcherType"] == "none"


def test_errors_show_their_type_never_a_traceback():
    assert CONFIG["client"]["showErrorDetails"] == "type"
