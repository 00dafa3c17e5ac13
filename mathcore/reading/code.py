"""Formulas kept in code: the assignments of a block of NumPy, one claim a statement, and formula-like code spans.

A statement is kept as written (``dW2 = (1/m) * np.dot(dZ2, A1.T)``), indentation aside, with the line it starts
on; a statement whose brackets stay open, or that ends with a backslash, goes on over the next lines. What is not
a formula is skipped: blank lines, comments, imports, ``def`` and ``class`` lines, ``return``, ``print(…)``,
loops and branches (their bodies are read), shell and magic lines, and statements with no assignment. An
assignment of a string, or a line with a dollar sign, holds text, not math. The code is only read, never run.

>>> statements("import numpy as np\\n\\ndef backward(dZ, A1, m):\\n    dW2 = (1/m) * np.dot(dZ,\\n"
...            "                        A1.T)  # the gradient\\n    db2 = np.sum(dZ, axis=1, keepdims=True) / m\\n"
...            "    print(dW2)\\n    return dW2, db2")
[('dW2 = (1/m) * np.dot(dZ, A1.T)', 3), ('db2 = np.sum(dZ, axis=1, keepdims=True) / m', 5)]
>>> [is_formula(span) for span in ("dZ[2] = A[2] - Y", "alpha", "pip install numpy", "cost = $J$")]
[True, True, False, False]
"""

import keyword

MAX_STATEMENT = 2_000  # characters of one statement (a longer one is not read as a formula)
MAX_LINES = 20  # lines one statement may run over
SKIPPED = (set(keyword.kwlist) - {"assert", "True", "False", "None", "not", "lambda"}) | {
    "print", "pip", "python", "conda", "git", "cd"}
_BRACKETS = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


def statements(code):
    """[(statement, index of its first line)]: the assignments of ``code`` (and its ``assert`` lines)."""
    lines, found, index = code.split("\n"), [], 0
    while index < len(lines):
        first, text = index, _code(lines[index])
        while (_open(text) or text.endswith("\\")) and index + 1 < len(lines) and index - first < MAX_LINES:
            index += 1
            text = f"{text.removesuffix(chr(92)).rstrip()} {_code(lines[index])}".strip()
        index += 1
        text = text.removeprefix(">>> ").removeprefix("... ").strip()
        if _head(text) == "assert" or (_head(text) not in SKIPPED and assignment(text)):
            if len(text) <= MAX_STATEMENT and "$" not in text:
                found.append((text, first))
    return found


def is_formula(span):
    """A code span worth reading as a formula: a short one-line expression, not a command or a path."""
    text = span.strip()
    return bool(text) and len(text) <= 300 and "$" not in text and "://" not in text and "\n" not in text and (
        _head(text) not in SKIPPED or _head(text) == "assert")


def assignment(text):
    """Whether ``text`` assigns at its top level (outside brackets and strings): '=', '+=', '//=', ':=', but
    not '==', '<=', '>=', '!=' or a keyword argument; and not a string: ``title = "…"`` is text."""
    level, quote, previous = 0, "", ""
    for position, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote and previous != "\\" else quote
        elif ch in "\"'" and not _prime(text, position):
            quote = ch
        elif ch in _BRACKETS:
            level += _BRACKETS[ch]
        elif ch == "=" and level == 0 and previous not in "=!<>" and text[position + 1:position + 2] != "=":
            value = text[position + 1:].strip()
            return bool(value) and value[0] not in "\"'" and not value.startswith(("f\"", "f'", "r\"", "r'"))
        previous = ch
    return False


def _prime(text, position):
    """A quote that is a prime (g'(z), y'), not a string's: a ' after a letter, a digit, ']', ')' or '."""
    return text[position] == "'" and position > 0 and (text[position - 1].isalnum() or text[position - 1] in "_])'")


def _code(line):
    """A line without its indentation and its comment."""
    quote = ""
    for position, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and not _prime(line, position):
            quote = ch
        elif ch == "#":
            return line[:position].strip()
    return line.strip()


def _open(text):
    """Whether ``text`` leaves a bracket open."""
    return sum(_BRACKETS.get(ch, 0) for ch in text) > 0


def _head(text):
    """The first word of ``text`` (letters, digits, '_')."""
    end = 0
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return text[:end]
