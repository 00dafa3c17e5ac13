"""The benchmarks' bare page is served like the app: the ratios it gives measure what a page adds, not Streamlit's
defaults (benchmarks.pages.bare_page)."""

import tomllib

from benchmarks.pages import BARE, CONFIG, bare_page
from serving import ROOT


def test_the_bare_page_has_the_apps_streamlit_configuration(tmp_path):
    bare_page(tmp_path)
    assert (tmp_path / "bare.py").read_text() == BARE
    config = tomllib.loads((tmp_path / CONFIG).read_text())
    assert config == tomllib.loads((ROOT / CONFIG).read_text())
    assert config["runner"]["postScriptGC"] is False and config["server"]["fileWatcherType"] == "none"
