"""The tables a page shows (``ui.table``: one Markdown table each), read back as the learner reads them."""

import re

import pandas as pd

#: A cell's border: a | that no backslash escapes.
BORDER = re.compile(r"(?<!\\)\|")


def read(text):
    """``text`` without the escapes Markdown removes (backslashes, the zero-width spaces ``inert`` adds)."""
    return re.sub(r"\\(.)", r"\1", text).replace("\u200b", "")


def number(column):
    """``column`` as numbers when every cell reads as one (thousands separators dropped), else as it is."""
    try:
        return pd.to_numeric(column.str.replace(",", ""))
    except ValueError:
        return column


def parse(markdown):
    """A Markdown table as a frame of what its cells show; numbers in the columns aligned right."""
    rows = [[read(cell.strip()) for cell in BORDER.split(line.strip())[1:-1]] for line in markdown.splitlines()]
    frame = pd.DataFrame(rows[2:], columns=rows[0])
    for i, rule in enumerate(rows[1]):
        if rule.endswith(":") and not rule.startswith(":"):
            frame.isetitem(i, number(frame.iloc[:, i]))
    return frame


def tables(at):
    """Every table the AppTest ``at`` shows, in order, as frames."""
    return [parse(block.value) for block in at.markdown if block.value.startswith("| ") and "\n|" in block.value]


def table_with(at, column):
    """The first table shown that has ``column``."""
    return next(frame for frame in tables(at) if column in frame.columns)
