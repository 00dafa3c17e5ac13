"""Take a derivation away: a LaTeX document, Markdown with $$ math, or a runnable Jupyter notebook.

The notebook reproduces the numeric checks with mathcore itself, at the point the learner chose.
"""

import json
import math

import nbformat

from mathcore.derivation import TOLERANCE
from mathcore.numbers import read_number

FORMATS = ("latex", "markdown", "ipynb")


def _verdict(d):
    mark = "proved by SymPy" if d.proved else "NOT proved by SymPy"
    return f"Every step {mark}; worst numeric error {d.error:.1e} against {d.check_against} (tolerance {TOLERANCE:g})."


def to_latex(d):
    r"""A minimal, compilable LaTeX document: the aligned steps with their rules, and the checks.

    >>> from mathcore.derivations import dz_db
    >>> text = to_latex(dz_db())
    >>> text.splitlines()[0], r"\begin{aligned}" in text, text.rstrip().endswith(r"\end{document}")
    ('\\documentclass{article}', True, True)
    """
    where = f"where ${d.where_latex}$.\n\n" if d.where else ""
    note = f"\n{d.note}\n" if d.note else ""
    return "\n".join([
        r"\documentclass{article}", r"\usepackage{amsmath,amssymb}", r"\begin{document}",
        rf"\section*{{{_escape(d.title)}}}", where + r"\[", d.aligned(), r"\]", _escape(_verdict(d)), note,
        r"\end{document}", ""])


def to_markdown(d):
    """Markdown with the derivation in a $$ aligned block, then each step's rule and check."""
    lines = [f"## {d.title}", ""]
    if d.where:
        lines += [f"where ${d.where_latex}$", ""]
    lines += ["$$", d.aligned(), "$$", ""]
    lines += [f"{i}. {step.rule} ({'proved' if c.proved else 'not proved'}; numeric error {c.error:.1e})"
              for i, (step, c) in enumerate(zip(d.steps, d.checks), start=1)]
    return "\n".join(lines + ["", _verdict(d), ""] + ([d.note, ""] if d.note else []))


#: The notebook's first cell: the one thing it needs that a fresh kernel (Jupyter, Colab) does not have.
INSTALL = ("**Before you run this notebook**, install `mathcore`, NN Math Explorer's library (it brings NumPy, SymPy "
           "and the rest): in a clone of NN Math Explorer run `pip install .`, or build a wheel there with "
           "`pip wheel --no-deps .`, upload the `mathcore-….whl` file it writes, and run `%pip install` with that file's "
           "name.")


def to_notebook(d, point=None):
    """A notebook that re-derives ``d`` with mathcore, re-checks it, and evaluates it at ``point``.

    point: {variable name: value}, e.g. {"z": 1.5, "y": 1.0}; by default no evaluation cell.
    """
    cells = [nbformat.v4.new_markdown_cell(INSTALL), nbformat.v4.new_markdown_cell(to_markdown(d)),
             nbformat.v4.new_code_cell("from mathcore import derivation\n\n"
                                       f"d = derivation({d.key!r})\n"
                                       "print('result:', d.result)\n"
                                       "print('proved:', d.proved)\n"
                                       "print('worst numeric error:', f'{d.error:.1e}')")]
    if point:
        arguments = ", ".join(f"{name}={float(value)!r}" for name, value in point.items())
        cells.append(nbformat.v4.new_code_cell(
            f"steps, truth = d.evaluate({arguments})\n"
            "for i, value in enumerate(steps, start=1):\n"
            "    print(f'step {i}: {float(value):.6f}')\n"
            f"print(f'{d.check_against}: {{float(truth):.6f}}')"))
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.validate(notebook)
    return nbformat.writes(notebook)


def at_point(pairs, names):
    """{name: value} from ``--at``'s VAR=NUMBER pairs: each of ``names`` (the derivation's variables) once, each
    value a finite number in ASCII digits; ValueError saying what is wrong.

    >>> at_point(["z=1.5", "y=-2e-1"], {"y", "z"})
    {'z': 1.5, 'y': -0.2}
    >>> at_point(["z=nan", "y=1"], {"y", "z"})
    Traceback (most recent call last):
    ValueError: --at z=nan: VAR=NUMBER takes a finite number in the digits 0-9, e.g. z=1.5
    """
    point = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals:
            raise ValueError(f"--at takes VAR=NUMBER pairs, e.g. z=1.5 (not {pair})")
        number = read_number(value.strip())
        if number is None or not math.isfinite(number):
            raise ValueError(f"--at {pair}: VAR=NUMBER takes a finite number in the digits 0-9, e.g. {name or 'z'}=1.5")
        if name not in names:
            raise ValueError(f"--at {pair}: {name} is not a variable here; the variables are "
                             f"{', '.join(sorted(names)) or 'none'}")
        if name in point:
            raise ValueError(f"--at gives {name} twice")
        point[name] = number
    missing = sorted(set(names) - set(point))
    if point and missing:
        raise ValueError(f"--at needs a value for every variable: missing {', '.join(missing)}")
    return point


def export(d, fmt, point=None):
    """The text of ``d`` in format ``fmt`` (one of FORMATS)."""
    return {"latex": lambda: to_latex(d), "markdown": lambda: to_markdown(d),
            "ipynb": lambda: to_notebook(d, point)}[fmt]()


def code_cells(notebook_text):
    """The sources of a notebook's code cells, in order."""
    cells = json.loads(notebook_text)["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]


_PLAIN = {"_": r"\_", "%": r"\%", "&": r"\&", "#": r"\#", "−": "-", "σ": r"$\sigma$", "∞": r"$\infty$",
          "ᵀ": r"$^\top$", "²": r"$^2$", "α": r"$\alpha$", "·": r"$\cdot$"}  # α, ·: the activations' names


def _escape(text):
    r"""Text for LaTeX (pdflatex, ASCII): escape command characters outside $...$, spell out Unicode.

    >>> print(_escape("dL/dw_j, σ(0) = 1/2, $a_1$"))
    dL/dw\_j, $\sigma$(0) = 1/2, $a_1$
    """
    parts = text.split("$")
    for i in range(0, len(parts), 2):  # the even parts are outside math
        parts[i] = "".join(_PLAIN.get(ch, ch) for ch in parts[i])
    return "$".join(parts)
