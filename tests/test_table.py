"""ui.table: st.table reads headers and text cells as Markdown; the app's tables show them as the characters
they are."""

import pandas as pd
from streamlit.testing.v1 import AppTest


def test_a_table_shows_markup_as_text_and_keeps_numbers_numbers():
    at = AppTest.from_string("""
import pandas as pd
import streamlit as st
from ui.table import show_table
show_table(st, pd.DataFrame({"**name**": ["[click](http://x)", "a_prev_T"], "gap": [1.5e-9, 2.0]}),
           formats={"**name**": "{}", "gap": "{:.1e}"})
""").run()
    assert not at.exception
    frame = at.table[0].value
    assert list(frame.columns) == [r"\*\*name\*\*", "gap"]
    assert frame.iloc[0, 0] == "\\[click\\]\\(http\\:\u200b//x\\)" and frame.iloc[1, 0] == r"a\_prev\_T"
    assert frame["gap"].tolist() == [1.5e-9, 2.0]  # numbers stay numbers; the Styler formats them
    assert "1.5e-09" in str(at.table[0].proto) and "2.0e+00" in str(at.table[0].proto)


def test_no_page_draws_a_data_grid():
    """#18: a data grid costs a new session about a second in the browser; the pages' tables are static."""
    from pathlib import Path
    root = Path(__file__).parent.parent
    for script in [*root.glob("lessons/*.py"), *root.glob("ui/*.py"), root / "app.py"]:
        assert "st.dataframe(" not in script.read_text() and ".dataframe(" not in script.read_text(), script
