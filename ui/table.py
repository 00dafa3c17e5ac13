"""The app's tables: small, read rather than explored, so static HTML (``st.table``).

``st.dataframe`` draws an interactive grid on a canvas with its own code: in a new session the browser spends about
a second loading and starting it (#18, ``benchmarks.pages``: the vectorization page's new session went from 3.3 s
to 2.1 s without it). ``st.table`` reads every header and text cell as Markdown, so each goes through ``inert``
and shows as the characters it is, as a grid would show it; numbers stay numbers, formatted by pandas' Styler.
"""

import pandas as pd

from ui.inert import inert

#: A table cell is at most this long (a derivation's rule, a method's name): longer is cut, never wrapped away.
CELL_CHARS = 200


def show_table(where, frame: pd.DataFrame, formats=None, index=False, height="content"):
    """``frame`` in ``where`` as a static table; ``formats``: {column: format string, e.g. "{:.2e}"}."""
    text = lambda value: inert(value, CELL_CHARS) if isinstance(value, str) else value  # noqa: E731
    shown = frame.rename(columns=text).map(text)
    if formats:  # a Styler costs Streamlit ~25 ms a table to marshal: only where a column needs its format
        shown = shown.style.format({text(column): f for column, f in formats.items()})
    where.table(shown, hide_index=not index, height=height)
