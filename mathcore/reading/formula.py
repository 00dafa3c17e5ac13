"""What the readers find: one ``Formula`` a claim, and ``ReadError`` for a note they will not read."""

from dataclasses import dataclass

KINDS = ("latex", "numpy", "unicode")  # where a formula was found: math delimiters, code, a plain line


@dataclass(frozen=True)
class Formula:
    """One claim of a note: its text, the line it starts on (1-based, in the file or in its notebook cell),
    displayed (its own line or block) or inline, its kind (``KINDS``) and its notebook cell (index from 0)."""

    latex: str
    line: int
    display: bool
    kind: str = "latex"
    cell: int | None = None


class ReadError(ValueError):
    """A note the readers will not read (too long, not text, not a notebook), with a message for its author."""
