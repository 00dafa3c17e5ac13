r"""Text from a user (a student's name or answer, a note, a file name) echoed to a terminal or written to a file.

Whatever a user typed is shown as the characters it is, so it cannot move the cursor, ring the bell, start a
new line that looks like another row, reorder the line (bidi overrides) or run in a spreadsheet:

- ``line``: every control character is written as an escape (``\n``, ``\r``, ``\t``, ``\x1b``, ``\x07``, C1
  ``\x9b``), and so is every invisible format character (bidi overrides and isolates ``\u202e``, ``\u2066``,
  zero-width ``\u200b``, line and paragraph separators ``\u2028``): one user text is one line of output.
- ``cell``: a ``line`` for a CSV cell, with a ``'`` put before a cell that a spreadsheet would read as a formula
  (one starting with ``=``, ``+``, ``-`` or ``@``, after any spaces; OWASP's advice on CSV injection).

>>> print(line("alice\nrow 9 bob: equivalent\r\x1b[2J\x07"))
alice\nrow 9 bob: equivalent\r\x1b[2J\x07
>>> print(line("σ(z) − y \u202eevil"), line("x" * 10, limit=4))
σ(z) − y \u202eevil xxxx…
>>> cell("=HYPERLINK(\"http://x\")"), cell("  -2+3"), cell("\t=1"), cell("a - y")
('\'=HYPERLINK("http://x")', "'  -2+3", '\\t=1', 'a - y')
"""

import re
import unicodedata

#: Unicode categories that are never shown as themselves: controls, format characters (bidi, zero-width),
#: line and paragraph separators, surrogates, private use and unassigned code points.
HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_SHORT = {"\n": r"\n", "\r": r"\r", "\t": r"\t"}
_NOT_PLAIN = re.compile(r"[^\x20-\x7e]")  # one character at a time: linear in the text's length
#: What a spreadsheet starts a formula with (and their full-width forms), after any leading spaces.
_FORMULA = re.compile(r"\s*[=+\-@\uff1d\uff0b\uff0d\uff20]")


def _escape(match):
    ch = match.group(0)
    if ch in _SHORT:
        return _SHORT[ch]
    if unicodedata.category(ch) not in HIDDEN:
        return ch
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def line(text, limit=None):
    """``text`` on one line with every control and invisible format character escaped; cut to ``limit``
    characters (then …) if given."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return _NOT_PLAIN.sub(_escape, text)


def cell(text):
    """``line(text)`` for a CSV cell: a leading formula character (after spaces) gets a ``'`` before it."""
    text = line(text)
    return "'" + text if _FORMULA.match(text) else text
