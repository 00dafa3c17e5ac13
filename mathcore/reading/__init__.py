r"""Every place a note puts math, found: one module per source format, each giving ``Formula`` records.

- ``markdown``: a Markdown note (.md, .txt): ``$…$``, ``$$…$$``, ``\(…\)``, ``\[…\]``, amsmath environments,
  ``math`` fences, code spans, fenced NumPy and plain formula lines;
- ``notebook``: a Jupyter notebook (.ipynb) through nbformat: Markdown cells and code cells;
- ``latex``: one LaTeX formula split into its claims (aligned rows, chains, ``\quad``), ``\tag`` and its kind
  set aside, by pylatexenc's walker;
- ``code``: NumPy assignments, one claim a statement;
- ``unicode``: a line of prose that is a formula (``ŷ = σ(wᵀx + b)``).

A ``Formula`` is one claim: its text, its line (in the file, or in its notebook cell), displayed or inline, its
kind (where it was found: "latex" math, "numpy" code, "unicode" a plain line) and its cell. Nothing found is
evaluated or run. Limits: a note of at most ``MAX_CHARS`` characters (a notebook's JSON, ``MAX_NOTEBOOK``), at
most ``MAX_FORMULAS`` formulas; ``latex`` keeps a formula too long or too deep to split as one claim.

>>> [(f.latex, f.line, f.kind) for f in read("Then $dz = a - y$,\n\n```\ndb = np.sum(dZ) / m\n```\n")]
[('dz = a - y', 1, 'latex'), ('db = np.sum(dZ) / m', 4, 'numpy')]
"""

from mathcore.reading import markdown, notebook
from mathcore.reading.formula import KINDS, Formula, ReadError
from mathcore.text import Text

__all__ = ["KINDS", "MAX_CHARS", "MAX_FORMULAS", "MAX_NOTEBOOK", "Formula", "ReadError", "is_notebook", "read"]

MAX_CHARS = 300_000  # characters of a note (a whole course's notes are about 200,000)
MAX_NOTEBOOK = 20_000_000  # characters of a notebook's JSON (its outputs, pictures included, are skipped)
MAX_FORMULAS = 5_000  # formulas in one note (a whole course's notes have about 2,000)


def read(text, name=""):
    """Every formula of a note, in order: a notebook if ``name`` ends in .ipynb (or, with no name, if the text is a
    notebook's JSON), else Markdown. ReadError, with what to do, for a note too long, not text, or not a notebook."""
    if "\x00" in text:
        raise ReadError(Text("This file is not a text note (it holds binary data): upload the note as Markdown "
                             "(.md, .txt) or as a Jupyter notebook (.ipynb)."))
    in_notebook = name.lower().endswith(".ipynb") if name else is_notebook(text)
    limit = MAX_NOTEBOOK if in_notebook else MAX_CHARS
    if len(text) > limit:
        raise ReadError(Text("The note is {length:,} characters long; the reader reads at most {limit:,}: split "
                             "it into parts.", length=len(text), limit=limit))
    found = (notebook.formulas(text, MAX_FORMULAS) if in_notebook else
             markdown.formulas(text, most=MAX_FORMULAS))
    if len(found) > MAX_FORMULAS:
        raise ReadError(Text("The note holds more than {limit:,} formulas, the most the reader judges in one note: "
                             "split it into parts.", limit=MAX_FORMULAS))
    return found


def is_notebook(text):
    """Whether ``text`` looks like a notebook's JSON (an object with "cells" and "nbformat")."""
    return text.lstrip().startswith("{") and '"cells"' in text and '"nbformat"' in text
