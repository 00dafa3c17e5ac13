"""The benchmarks' bare page and its yardsticks are served like the app, so that the ratios they give measure what
a page adds, not Streamlit's defaults (benchmarks.pages)."""

import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.pages import BARE, CONFIG, YARDSTICKS, bare_page
from serving import ROOT


def test_the_bare_page_has_the_apps_streamlit_configuration(tmp_path):
    bare_page(tmp_path)
    assert (tmp_path / "bare.py").read_text() == BARE
    config = tomllib.loads((tmp_path / CONFIG).read_text())
    assert config == tomllib.loads((ROOT / CONFIG).read_text())
    assert config["runner"]["postScriptGC"] is False and config["server"]["fileWatcherType"] == "none"


def shown(at):
    """(the charts' specs, the Markdown elements' texts) a run of ``at`` shows."""
    return [chart.proto.spec for chart in at.get("vega_lite_chart")], [element.value for element in at.markdown]


@pytest.mark.parametrize("name", YARDSTICKS)
def test_each_yardstick_shows_its_elements_and_follows_its_slider(name):
    at = AppTest.from_string(YARDSTICKS[name]).run()
    charts, texts = shown(at)
    assert not at.exception
    assert len(charts) == {"one chart": 1, "five charts": 5}.get(name, 0)
    assert len(texts) == {"30 formulas in one element": 1, "30 formulas in 30 elements": 30}.get(name, 0)
    assert "".join(texts).count("$z^{[") == (30 if "formulas" in name else 0)
    at.slider[0].set_value(51).run()
    assert shown(at) != (charts, texts)
