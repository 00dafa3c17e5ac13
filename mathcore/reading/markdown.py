r"""A Markdown note's formulas, found where GitHub and Jupyter show math, from markdown-it-py's tokens.

- Math, split into its claims by ``latex.claims``: ``$…$`` and ``$$…$$`` (mdit-py-plugins' dollarmath, pandoc's
  rules: no space inside the dollars, no digit after the closing one, so "$5 and $10" is no formula), ``\(…\)``
  and ``\[…\]`` (MathJax's, in Jupyter), amsmath environments outside dollars (``\begin{align}`` …, as GitHub and
  Jupyter render them) and ``math`` fences (GitHub's).
- Code: code spans (``code.is_formula``), fenced code in Python or no language and indented code
  (``code.statements``: one claim an assignment).
- Prose: a paragraph's line that is a formula by itself (``unicode.is_formula``). YAML front matter is skipped.

A formula's line is its line in the note (or in its notebook cell), found from the token's place in the text.

>>> text = "Then $z = w^T x + b$ and `dz = a - y`,\nso\n\n```python\nimport numpy as np\ndZ = A - Y\n```\n"
>>> [(f.latex, f.line, f.kind) for f in formulas(text)]
[('z = w^T x + b', 1, 'latex'), ('dz = a - y', 1, 'numpy'), ('dZ = A - Y', 6, 'numpy')]
"""

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from mathcore.reading import code, latex, unicode
from mathcore.reading.formula import Formula

CODE_LANGUAGES = {"", "python", "py", "python3", "ipython", "ipython3", "pycon", "numpy", "text", "txt", "plain"}
ENVIRONMENTS = ("equation", "align", "alignat", "flalign", "gather", "multline", "eqnarray")  # each also starred
_OPENING = re.compile(r"\\begin\{(" + "|".join(ENVIRONMENTS) + r")(\*?+)\}")
_INLINE_MATH = {"math_inline": False, "math_inline_double": True, "math_brackets": False,
                "math_brackets_display": True}  # each math token: displayed?


def formulas(text, cell=None, most=None):
    """Every formula of a Markdown text, in order (``cell``: the notebook cell it is, to say so); reading stops
    once more than ``most`` are found."""
    md = MarkdownIt("commonmark").use(front_matter_plugin).use(
        dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True, allow_labels=False)
    md.block.ruler.before("fence", "amsmath", _environment, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.before("escape", "math_brackets", _brackets)
    tokens, found = md.parse(text), []
    for number, token in enumerate(tokens):
        if most is not None and len(found) > most:
            break
        if token.type == "math_block" and "$$" in token.content:  # $$a$$, $$b$$ on one line
            for lines, piece in _pieces(token.content, "$$")[::2]:
                _math(found, piece, token.map[0] + 1 + lines, False, cell)
        elif token.type in ("math_block", "amsmath"):
            _math(found, token.content, token.map[0] + 1, True, cell)
        elif token.type == "fence" and token.info.strip().lower() == "math":
            _math(found, token.content, token.map[0] + 2, True, cell)
        elif token.type in ("fence", "code_block"):
            language = (token.info.strip().split() or [""])[0].lower()
            if token.type == "code_block" or language in CODE_LANGUAGES:
                first = token.map[0] + (2 if token.type == "fence" else 1)
                found += [Formula(statement, first + index, True, "numpy", cell)
                          for statement, index in code.statements(token.content)]
        elif token.type == "inline" and token.map:
            _inline(found, token, cell, most)
            if tokens[number - 1].type == "paragraph_open":
                found += [Formula(line.strip(), token.map[0] + 1 + index, True, "unicode", cell)
                          for index, line in enumerate(token.content.split("\n"))
                          if not any(mark in line for mark in "$`\\") and unicode.is_formula(line)]
    return sorted(found, key=lambda formula: formula.line)  # stable: a line's formulas stay in their order


def _math(found, source, line, display, cell):
    """Add the claims of one LaTeX formula that starts on ``line``."""
    found += [Formula(claim, line + source.count("\n", 0, offset), display, "latex", cell)
              for claim, offset in latex.claims(source)]


def _pieces(text, cut):
    """[(lines before it, piece)] of ``text`` cut at each ``cut``."""
    pieces, lines = [], 0
    for piece in text.split(cut):
        pieces.append((lines, piece))
        lines += piece.count("\n")
    return pieces


def _inline(found, token, cell, most):
    """Add the math and the code spans of a paragraph (or heading), each on the line it stands on: found by
    looking for it in the paragraph's text, after the one before it."""
    raw, place = token.content, [0, token.map[0] + 1]  # where in raw, and the line there

    def move(to):
        place[1] += raw.count("\n", place[0], max(to, place[0]))
        place[0] = max(to, place[0])

    for child in token.children or ():
        if most is not None and len(found) > most:
            return
        if child.type in _INLINE_MATH:
            at = raw.find(child.markup + child.content, place[0])
            move(at + len(child.markup) if at >= 0 else place[0])
            if "`" not in child.content:  # a $ that a code span's $ closed is no formula
                _math(found, child.content, place[1], _INLINE_MATH[child.type], cell)
            move(place[0] + len(child.content))
        elif child.type == "code_inline":
            at = _backticks(raw, child.markup, place[0])
            move(at if at >= 0 else place[0])
            if code.is_formula(child.content):
                found.append(Formula(child.content.strip(), place[1], False, "numpy", cell))
            end = _backticks(raw, child.markup, place[0] + len(child.markup))
            move(end + len(child.markup) if end >= 0 else place[0])


def _backticks(raw, markup, start):
    """Where the next run of exactly ``markup``'s backticks starts in ``raw`` from ``start`` (-1: none)."""
    at = raw.find(markup, start)
    while at >= 0:
        end = at + len(markup)
        while end < len(raw) and raw[end] == "`":
            end += 1
        if end - at == len(markup):
            return at
        at = raw.find(markup, end)
    return -1


def _brackets(state, silent):
    r"""Inline rule: ``\(…\)`` (inline) and ``\[…\]`` (displayed), read before Markdown's escapes as MathJax
    reads them. A closing mark looked for and missing is remembered, so each is looked for once (linear)."""
    opening = state.src[state.pos:state.pos + 2]
    if opening not in ("\\(", "\\["):
        return False
    closing = "\\)" if opening == "\\(" else "\\]"
    missing = state.__dict__.setdefault("missing_closers", {})
    if state.pos >= missing.get(closing, state.posMax + 1):
        return False
    end = state.src.find(closing, state.pos + 2, state.posMax)
    if end < 0:
        missing[closing] = state.pos
        return False
    if end == state.pos + 2:
        return False
    if not silent:
        token = state.push("math_brackets" if opening == "\\(" else "math_brackets_display", "math", 0)
        token.content, token.markup = state.src[state.pos + 2:end], opening
    state.pos = end + 2
    return True


def _environment(state, start, end, silent):
    r"""Block rule: an amsmath environment outside dollars (``\begin{align}`` … ``\end{align}``), as GitHub and
    Jupyter render it. Where its closing is looked for is remembered, so the note is searched once (linear)."""
    begin = state.bMarks[start] + state.tShift[start]
    if state.sCount[start] - state.blkIndent >= 4 or not state.src.startswith("\\begin{", begin):
        return False
    opening = _OPENING.match(state.src, begin, state.eMarks[start])
    if not opening:
        return False
    closing = f"\\end{{{opening[1]}{opening[2]}}}"
    known = state.env.setdefault("closers", {})  # closing: (searched from, found at or -1)
    searched, at = known.get(closing, (len(state.src) + 1, -1))
    if not (searched <= begin and (at < 0 or at >= begin)):
        at = state.src.find(closing, begin)
        known[closing] = (begin, at)
    if at < 0:
        return False
    last = start
    while last < end and state.eMarks[last] < at + len(closing):
        last += 1
    if last >= end:
        return False
    if not silent:
        token = state.push("amsmath", "math", 0)
        token.block, token.map = True, [start, last + 1]
        token.content = state.src[begin:at + len(closing)]
    state.line = last + 1
    return True
