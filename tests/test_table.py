"""ui.table: one Markdown table each; headers and text cells show as the characters they are, numbers as
formatted."""

from streamlit.testing.v1 import AppTest

from tests.tables import parse, tables

SHOWN = """
import pandas as pd
import streamlit as st
from ui.table import show_table
show_table(st, pd.DataFrame({"**name**": ["[click](http://x)", "a_prev_T | x"], "gap": [1.5e-9, 2.0], "n": [1, 20]}),
           formats={"**name**": "{}", "gap": "{:.1e}"})
show_table(st, pd.DataFrame({"x": [0.5]}, index=[7]), index=True, height=120)
"""


def test_a_table_shows_markup_as_text_and_numbers_as_formatted():
    at = AppTest.from_string(SHOWN).run()
    assert not at.exception
    first, second = tables(at)
    assert at.markdown[0].value.splitlines()[:2] == [r"| \*\*name\*\* | gap | n |", "|:--|--:|--:|"]
    assert list(first.columns) == ["**name**", "gap", "n"]
    assert first["**name**"].tolist() == ["[click](http://x)", "a_prev_T | x"]  # as typed: no link, no cell border
    assert "| \\[click\\]\\(http\\:\u200b//x\\) |" in at.markdown[0].value  # escaped, though formatted
    assert "| a\\_prev\\_T \\| x |" in at.markdown[0].value
    assert "| 1.5e-09 | 1 |" in at.markdown[0].value
    assert first["gap"].tolist() == [1.5e-9, 2.0] and first["n"].tolist() == [1, 20]
    assert list(second.columns) == ["", "x"] and second.values.tolist() == [[7, 0.5]]  # index first; 4 decimals
    assert "| 7 | 0.5000 |" in at.markdown[1].value


def test_parse_reads_a_table_back():
    frame = parse("| a | b |\n|:--|--:|\n| x\\|y | 1,000 |")
    assert frame.to_dict("list") == {"a": ["x|y"], "b": [1000]}


def test_no_page_draws_a_data_grid():
    """#18: a data grid costs a new session about a second in the browser; the pages' tables are static."""
    from pathlib import Path
    root = Path(__file__).parent.parent
    for script in [*root.glob("lessons/*.py"), *root.glob("ui/*.py"), root / "app.py"]:
        assert "st.dataframe(" not in script.read_text() and ".dataframe(" not in script.read_text(), script
