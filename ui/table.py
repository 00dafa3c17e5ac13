"""The app's tables: small, read rather than explored, so one Markdown table each.

``st.dataframe`` draws an interactive grid on a canvas with its own code: in a new session the browser spends about
a second loading and starting it (#18, ``benchmarks.pages``: the vectorization page's new session went from 3.3 s
to 2.1 s without it). ``st.table`` is static, but the browser draws each of its text cells as a Markdown block of
its own: a table of 150 cells cost a new session about 270 ms, one Markdown table of the same cells about 70 ms.

So a table is one ``st.markdown``: every header and cell goes through ``inert`` and shows as the characters it is;
numbers are formatted here (``formats``, else ``{:.4f}`` for a float, as ``st.table`` shows one) and aligned right.
The cells of a ``prose`` column are the app's own sentences (a derivation's rules): their formulas are typeset, the
rest is shown as it is (``ui.inert.prose``), never as half-read Markdown with raw dollars (#36).

>>> print(markdown_table(pd.DataFrame({"node": ["a_1", "x|y"], "gap": [1.5e-9, 2.0]}), {"gap": "{:.1e}"}))
| node | gap |
|:--|--:|
| a\\_1 | 1.5e-09 |
| x\\|y | 2.0e+00 |
>>> print(markdown_table(pd.DataFrame({"rule": [r"chain rule on $f\\Big|_{t=0}$"]}), prose=["rule"]))
| rule |
|:--|
| chain rule on $f\\Big\\vert _{t=0}$ |
"""

import numbers
import pandas as pd

from ui.inert import inert, prose as _prose

#: A table cell is at most this long (a derivation's rule, a method's name): longer is cut, never wrapped away.
CELL_CHARS = 200


def table_cell(kept):
    r"""A formula or a code span safe inside a Markdown table cell, where a bare | would end the cell.

    >>> print(table_cell(r"$f\Big|_{t=0}$"), table_cell("`a | b`"))
    $f\Big\vert _{t=0}$ `a \| b`
    """
    return kept.replace("|", r"\vert " if kept.startswith("$") else r"\|")


def _cell(value, fmt, prose=False):
    """One cell's text: ``fmt`` if given, a float to 4 decimals, else the value as it prints; inert, or our own
    sentence with its formulas (``prose``)."""
    if prose:
        return _prose(" ".join(str(value).split()), kept=table_cell)
    if fmt is None and isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        fmt = "{:.4f}"
    return inert(fmt.format(value) if fmt else value, CELL_CHARS)


def markdown_table(frame: pd.DataFrame, formats=None, prose=()):
    """``frame`` as a GitHub-flavoured Markdown table, numeric columns aligned right; the columns named in
    ``prose`` hold the app's own sentences, their formulas typeset."""
    formats = formats or {}
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]) for c in frame]
    lines = ["| " + " | ".join(inert(column, CELL_CHARS) for column in frame.columns) + " |",
             "|" + "|".join("--:" if right else ":--" for right in numeric) + "|"]
    lines += ["| " + " | ".join(_cell(value, formats.get(column), column in prose)
                                for column, value in zip(frame.columns, row)) + " |"
              for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def show_table(where, frame: pd.DataFrame, formats=None, index=False, height=None, prose=()):
    """``frame`` in ``where`` as a static table; ``formats``: {column: format string, e.g. "{:.2e}"}; ``index``:
    its index as a first, unnamed column; ``height``: in pixels, the table scrolling within it; ``prose``: the
    columns of our own sentences, whose formulas are typeset."""
    if index:
        frame = frame.reset_index(names="")
    if height is not None:
        where = where.container(height=height, border=False)
    where.markdown(markdown_table(frame, formats, prose))
