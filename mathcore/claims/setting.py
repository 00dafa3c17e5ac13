r"""A note's setting around each formula (#34 item 3): which activation its section names, which layer is the output,
whether it is about a network (layer indices) or logistic regression (one unit, week 2), and what else it names.

Read from the note's own text: the formula's line and the lines above it up to its heading (the nearest mention
wins: "- tanh: $g'(z) = …$"), the section under its ``#``/``##`` heading for the layers (the output is the highest
layer index written there, or [L]), in English, Korean and Chinese.

>>> [s.activation for s in settings("## 3\n- tanh: $g'(z) = 1 - a^2$\n", [Formula("g'(z) = 1 - a^2", 2, False)])]
['tanh']
"""

import json
import re
from dataclasses import dataclass

from mathcore.reading import Formula

#: Words that name an activation, in the order they are tried on one line.
ACTIVATION_WORDS = (("leaky_relu", r"leaky|리키|0\.01\s*\*?\s*z"), ("tanh", r"tanh|쌍곡|双曲正切|탄젠트"),
                    ("relu", r"relu|렐루|线性整流|max(?:imum)?\(0\s*,"),
                    ("sigmoid", r"sigmoid|시그모이드|\\sigma|σ|logistic"))
_WORDS = [(key, re.compile(words, re.I)) for key, words in ACTIVATION_WORDS]
_LAYER = re.compile(r"\[\s*([0-9])\s*\]|(?<![A-Za-z])(?:dZ|dA|dW|db|Z|A|W|b)([0-9])(?![0-9])")
#: A sentence that names the left-hand side of the formula after it: "$dZ$는 그대로 …", "z로 미분한 값은 …".
_NAMED_LEFT = (re.compile(r"\$([^$]{1,30})\$\s*(?:는|은|이|가|is|equals|=|就是|是|为)\s*(?:그대로|just|simply)?"
                          r"\s*$"),
               re.compile(r"\$?([a-zA-Z])\$?\s*(?:로|으로)\s*미분한\s*값[은이]\s*$"
                          r"|derivative with respect to \$?([a-z])\$? is"
                          r"\s*$|对\s*\$?([a-z])\$?\s*求导(?:得到|是|为)?\s*$", re.I))
_SQUARED = re.compile(r"squared|MSE|제곱|平方", re.I)


@dataclass(frozen=True)
class Setting:
    """What the note says around one formula."""

    activation: str | None = None  # the activation named nearest above (a key of mathcore.functions.ACTIVATIONS)
    output: str | None = None  # the output layer's index: the section's highest, as written ("2"), or None
    network: bool = False  # the section writes layer indices (weeks 3-4), else logistic regression (week 2)
    squared: bool = False  # the section names the squared error (MSE)
    line: str = ""  # the formula's own line of text
    left: str = ""  # the left-hand side the sentence names for a lone right-hand side ("$dZ$는 그대로 $A - Y$")


def _lines(text):
    """[(cell, line number, text)] of the note (a notebook: each cell's lines)."""
    if text.lstrip().startswith("{") and '"cells"' in text:
        try:
            cells = json.loads(text)["cells"]
            return [(c, n + 1, line) for c, cell in enumerate(cells)
                    for n, line in enumerate("".join(cell.get("source", "")).split("\n"))]
        except (ValueError, KeyError, TypeError, AttributeError):
            return []
    return [(None, n + 1, line) for n, line in enumerate(text.split("\n"))]


def _left(line, formula):
    """The left-hand side the line's words name just before a formula with no '=' (or "")."""
    at = line.find(formula.latex) if "=" not in formula.latex else -1
    if at <= 0:
        return ""
    before = line[:at].rstrip("$` ")
    named, derivative = (pattern.search(before) for pattern in _NAMED_LEFT)
    if derivative:
        return rf"\frac{{\partial L}}{{\partial {next(v for v in derivative.groups() if v)}}}"
    return named[1] if named else ""


def activation_of(text):
    """The activation a piece of text names first, or None."""
    found = [(m.start(), key) for key, pattern in _WORDS for m in [pattern.search(text)] if m]
    return min(found)[1] if found else None


def settings(text, formulas):
    """One Setting per formula of the note ``text`` (each line, section and the note read once: linear in its size)."""
    lines = _lines(text)
    where = {(cell, number): k for k, (cell, number, _) in enumerate(lines)}
    heading, top, sections = -1, 0, {}  # the last heading (any level) and the last '#'/'##' above each line
    under, tops = [], []
    for k, (_, _, line) in enumerate(lines):
        if re.match(r"\s*#", line):
            heading = k
            top = k if re.match(r"\s*#{1,2}\s", line) else top
        under.append(heading)
        tops.append(top)
        sections.setdefault(top, []).append(line)
    note = {int(a or b) for a, b in _LAYER.findall(text)}
    facts = {start: _section("\n".join(body), note) for start, body in sections.items()}
    found = []
    for formula in formulas:
        k = where.get((formula.cell, formula.line), 0)
        activation = None
        for j in range(k, max(under[k] if lines else 0, k - 12, 0) - 1, -1):
            activation = activation_of(lines[j][2])
            if activation:
                break
        layers, network, squared = facts.get(tops[k] if lines else 0, (set(), False, False))
        line = lines[k][2] if lines else ""
        own = {int(a or b) for a, b in _LAYER.findall(line)}
        stated = re.search(r"([0-9])[- ]?(?:layer|층|层)", line)  # "a 3-layer network"
        if stated or len(own) > 1:
            layers = {int(stated[1])} if stated else own
        found.append(Setting(activation, str(max(layers)) if layers else None, network, squared, line,
                             _left(line, formula)))
    return found


def _section(section, note):
    """(its layers: the section's indices, the note's where it writes fewer than two; a network?; squared error?)."""
    layers = {int(a or b) for a, b in _LAYER.findall(section)}
    network = bool(layers) or "[l]" in section or "[L]" in section
    return (layers | note if len(layers) < 2 else layers), network, bool(_SQUARED.search(section))
