r"""One LaTeX formula split into the claims it makes, by pylatexenc's walker: it reads the structure
(environments, groups, macros and their arguments) and nothing else, so ``\def``, ``\input`` and ``\href`` are
read as text, never defined, opened or followed.

- Rows: an ``aligned``, ``align``, ``gather``, ``split``, ``multline``, ... block (also inside ``equation``, or
  a ``cases`` or ``array`` standing alone) and bare ``\\`` rows give one claim a row. ``&`` is set aside; in
  ``align``'s several columns each pair of cells is a claim.
- A row that starts with ``=`` continues the claim above with that claim's left-hand side: ``a &= b \\ &= c`` is
  the chain a = b, a = c, judged link by link. A row that starts with ``+`` or ``-`` and has no ``=`` is the rest
  of the formula above (a long formula broken over lines).
- ``\quad`` and ``\qquad`` separate claims; ``\text{…}`` prose before or after a claim, and punctuation after
  it, are dropped.
- ``\tag{…}``, ``\label{…}``, ``\nonumber``, ``\notag``, ``\displaystyle``, ``\left.`` and ``\right.`` are set
  aside. A ``cases`` or ``array`` inside a claim stays in it: it is the value claimed.

Each claim comes with its offset in the formula, so a reader can say its line.

>>> claims(r"\begin{aligned} a &= b \\ &= c \tag{2} \end{aligned}")
[('a = b', 16), ('a = c', 27)]
>>> [c for c, _ in claims(r"dw_1 = x_1\,dz, \quad db = dz \quad \text{(one example)}")]
['dw_1 = x_1\\,dz', 'db = dz']
>>> [c for c, _ in claims(r"g'(z) = \begin{cases} 0 & z < 0 \\ 1 & z > 0 \end{cases}")]
["g'(z) = \\begin{cases} 0 & z < 0 \\\\ 1 & z > 0 \\end{cases}"]
"""

from pylatexenc.latexwalker import (LatexCharsNode, LatexCommentNode, LatexEnvironmentNode, LatexMacroNode,
                                    LatexSpecialsNode, LatexWalker, LatexWalkerError, get_default_latex_context_db)
from pylatexenc.macrospec import MacroSpec

from mathcore.answer import equals_signs

MAX_LENGTH = 20_000  # characters: a longer formula is one claim, as written (the checker says it is too long)
MAX_DEPTH = 20  # braces inside one another: deeper is one claim, as written
MAX_ENVIRONMENTS = 100  # environments in one formula: more is one claim, as written

ROWS = {"equation", "align", "aligned", "alignat", "alignedat", "flalign", "gather", "gathered", "split",
        "multline", "eqnarray", "subequations", "cases", "dcases", "array"}  # each also starred
PAIRED = {"align", "aligned", "alignat", "alignedat", "flalign"}  # columns in (right, left) pairs
SET_ASIDE = {"tag", "label", "nonumber", "notag", "displaystyle", "textstyle", "intertext"}
BREAKS = {"quad", "qquad"}
ROW_ENDS = {"\\", "cr", "newline"}
PROSE = {"text", "textrm", "textit", "textbf", "mbox", "hbox"}
DELIMITERS = {"left", "right", "{", "}", "|", "langle", "rangle", "lbrace", "rbrace", "vert", "Vert"}

_CONTEXT = get_default_latex_context_db().filter_context()  # a copy, extended below (never changed after)
_CONTEXT.add_context_category("reading", prepend=True, macros=[
    MacroSpec("tag", "*{"), MacroSpec("intertext", "{"), MacroSpec("mbox", "{"), MacroSpec("hbox", "{")])


def claims(source):
    """[(claim, offset in ``source``)]: each claim of one formula, in order."""
    if "\\" not in source and "&" not in source:
        return _whole(source)
    environments = source.count("\\begin")
    if len(source) > MAX_LENGTH or environments > MAX_ENVIRONMENTS or _depth(source) > MAX_DEPTH:
        return _whole(source)
    if environments != source.count("\\end"):  # a \begin or an \end alone: kept as written, for the checker to say
        return _whole(source)
    source = source.replace("\\left.", " " * 6).replace("\\right.", " " * 7)  # offsets kept
    try:
        nodes, start, length = LatexWalker(source, latex_context=_CONTEXT,
                                           tolerant_parsing=True).get_latex_nodes()
    except (LatexWalkerError, RecursionError):
        return _whole(source)
    if start + length < len(source.rstrip()):  # the walk stopped early: keep it as written
        return _whole(source)
    environment, nodes = _body(nodes, "")
    found = []
    for row in _split(nodes, lambda node: _is_macro(node, ROW_ENDS)):
        for part in _parts(row, environment in PAIRED):
            _add(found, *_text(part, source))
    return found


def _whole(source):
    text = _trim(source)
    return [(text, len(source) - len(source.lstrip()))] if text else []


def _depth(source):
    """How deep braces go in ``source``."""
    if source.count("{") <= MAX_DEPTH:
        return 0
    level = deepest = 0
    for ch in source:
        level += (ch == "{") - (ch == "}")
        deepest = max(deepest, level)
    return deepest


def _is_macro(node, names):
    return isinstance(node, LatexMacroNode) and node.macroname in names


def _ignorable(node):
    r"""Nothing a claim says: spaces, comments, \tag and its kind, \left. and \right."""
    if isinstance(node, LatexCharsNode):
        return node.chars.strip() in ("", ".", "(", ")", "[", "]", "|")
    return isinstance(node, LatexCommentNode) or _is_macro(node, SET_ASIDE | DELIMITERS)


def _body(nodes, environment):
    r"""A formula that is one block of rows (an ``aligned`` in ``\left\{ … \right.``, a ``split`` inside an
    ``equation``): (the innermost block's name, its rows' nodes); else (``environment``, ``nodes``)."""
    significant = [node for node in nodes if not _ignorable(node)]
    if len(significant) == 1 and isinstance(significant[0], LatexEnvironmentNode):
        name = significant[0].environmentname.rstrip("*")
        if name in ROWS:
            return _body(significant[0].nodelist, name)
    return environment, nodes


def _split(nodes, is_cut):
    """``nodes`` in runs between the nodes where ``is_cut`` (those dropped)."""
    runs = [[]]
    for node in nodes:
        if is_cut(node):
            runs.append([])
        else:
            runs[-1].append(node)
    return runs


def _parts(row, paired):
    r"""A row's claims: its cells (between '&'), in pairs for ``align``'s columns, split at ``\quad``."""
    cells = _split(row, lambda node: isinstance(node, LatexSpecialsNode) and node.specials_chars == "&")
    if paired and len(cells) > 2:
        groups = [sum(cells[i:i + 2], []) for i in range(0, len(cells), 2)]
    else:
        groups = [sum(cells, [])]
    return [part for group in groups for part in _split(group, lambda node: _is_macro(node, BREAKS))]


def _text(part, source):
    """(the claim's text, its offset) for a part's nodes: set-asides and prose around it dropped."""
    kept = [node for node in part if not (isinstance(node, LatexCommentNode) or _is_macro(node, SET_ASIDE))]
    while kept and (_is_macro(kept[0], PROSE) or _blank(kept[0])):
        kept.pop(0)
    while kept and (_is_macro(kept[-1], PROSE) or _blank(kept[-1])):
        kept.pop()
    text = "".join(source[node.pos:node.pos + node.len] for node in kept)
    return _trim(text), kept[0].pos + len(text) - len(text.lstrip()) if kept else 0


def _blank(node):
    return isinstance(node, LatexCharsNode) and not node.chars.strip(" \t\n,.;:") or _is_macro(
        node, {",", ";", ":", "!", " "})


def _add(found, text, offset):
    """Add a claim: a row that starts with '=' takes the left-hand side of the claim above; one that starts
    with '+' or '-' and has no '=' is the rest of the claim above."""
    if not text:
        return
    if found and text.startswith(("=", ":=")):
        above = found[-1][0]
        cuts = equals_signs(above)
        found.append((f"{above[:cuts[0]].rstrip(':').strip() if cuts else above} {text}", offset))
    elif found and text.startswith(("+", "-")) and not equals_signs(text):
        found[-1] = (f"{found[-1][0]} {text}", found[-1][1])
    else:
        found.append((text, offset))


def _trim(text):
    """``text`` on one line, without the spaces and punctuation a sentence puts after it."""
    text = " ".join(text.split())
    while True:
        trimmed = text.rstrip(" ,.;:")
        for space in ("\\,", "\\;", "\\!", "\\:", "\\quad", "\\qquad"):
            trimmed = trimmed.removesuffix(space)
        if trimmed == text:
            return text
        text = trimmed
