"""A Jupyter notebook's formulas, read through nbformat: its Markdown cells as Markdown, its code cells as code.

Each formula says its cell (its index in the notebook, from 0) and its line in that cell. Outputs and raw cells
are not read; nothing is run.

>>> import nbformat
>>> book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Backward\\n\\n$dZ = A - Y$"),
...                                        nbformat.v4.new_code_cell("import numpy as np\\ndW = np.dot(dZ, X.T) / m")])
>>> [(f.latex, f.cell, f.line, f.kind) for f in formulas(nbformat.writes(book))]
[('dZ = A - Y', 0, 3, 'latex'), ('dW = np.dot(dZ, X.T) / m', 1, 2, 'numpy')]
"""

import warnings

import nbformat

from mathcore.reading import code, markdown
from mathcore.reading.formula import Formula, ReadError
from mathcore.text import Text

#: What nbformat raises for text that is not a notebook's JSON (not JSON, a list, a cell of the wrong shape).
NOT_A_NOTEBOOK = (ValueError, TypeError, AttributeError, KeyError, RecursionError, nbformat.ValidationError)


def formulas(text, most=None):
    """Every formula of a notebook's JSON text, cell by cell; ReadError if it is not a notebook. Reading stops
    once more than ``most`` are found."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = nbformat.reads(text, as_version=4, capture_validation_error={})
        cells = [(cell.get("cell_type"), cell.get("source", "")) for cell in book.cells]
    except NOT_A_NOTEBOOK as error:
        raise ReadError(Text("This is not a Jupyter notebook that can be read ({error}): save it again from "
                             "Jupyter, or upload its Markdown.", error=str(error).splitlines()[0][:120])) from None
    found = []
    for index, (kind, source) in enumerate(cells):
        if most is not None and len(found) > most:
            break
        if kind == "markdown" and isinstance(source, str):
            found += markdown.formulas(source, index, None if most is None else most - len(found))
        elif kind == "code" and isinstance(source, str):
            found += [Formula(statement, line + 1, True, "numpy", index)
                      for statement, line in code.statements(source)]
    return found
