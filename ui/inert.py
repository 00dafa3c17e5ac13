"""Text from a user or a link, made inert for Streamlit's Markdown: shown as the characters it is, never as markup.

Streamlit renders notices, alerts and captions as Markdown (with its own :colour[...] directives and $...$ math).
Whatever a link or a learner supplies goes through ``inert`` before it joins such a message: every character that
Markdown or Streamlit could read as markup is backslash-escaped (CommonMark's escape for ASCII punctuation), line
breaks become spaces, and the text is cut to ``limit`` characters. Escapes cannot stop GitHub-flavoured Markdown
from turning a bare ``http://…``, ``www.…`` or ``name@host`` into a link (it finds them in the text afterwards), so a
zero-width space is put inside each of those.

>>> inert(":red[**Security notice:**] [Sign in](http://x)")
'\\\\:red\\\\[\\\\*\\\\*Security notice\\\\:\\\\*\\\\*\\\\] \\\\[Sign in\\\\]\\\\(http\\\\:\\u200b//x\\\\)'
>>> inert("__import__ + a"), inert("a\\n# heading", limit=5)
('\\\\_\\\\_import\\\\_\\\\_ + a', 'a \\\\# h…')

Our own sentences (the checker's messages, a derivation's rules) are not Markdown either, but some carry formulas
between dollars and code between backticks, written to be typeset: ``prose`` keeps those two and shows every other
character as it is, so "* works entry by entry" keeps its star instead of becoming a bullet (#36).

>>> print(prose(r"* works on $\\frac{1}{m}$ and `A_prev`, not A_prev_"))
\\* works on $\\frac{1}{m}$ and `A_prev`, not A\\_prev\\_
"""

import itertools
import re

#: Characters Markdown, Streamlit's directives, math or HTML could act on (CommonMark escapes any ASCII punctuation).
_ACTIVE = re.compile(r"([\\`*_{}\[\]()<>#!|~$:&])")
#: What GitHub-flavoured Markdown would still autolink after the escapes: ://, www. and @.
_AUTOLINK = re.compile(r"(?i)(\\:/|ww|@.)")
#: A list item's marker at the start of a line ("- ", "+ ", "1. ", "1) "): escaped, the line stays a line of text.
_LIST = re.compile(r"(?m)^\s*(?:[-+]|\d{1,9}[.)])(?=\s|$)")
#: What can start Markdown in our own sentences (``prose``): ``_ACTIVE`` less ( ) { } !, which make a link or an
#: image only with a [ or ] (escaped), and less a colon that starts no emoji (:name:) and no address (://), so a
#: sentence keeps its parentheses and colons as the catalogue wrote them.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~$&]|:(?=[\w/+-]+:|//))")
#: What ``prose`` keeps as written: a formula ($…$ or $$…$$) or a code span (`…`).
_KEPT = re.compile(r"(\$\$[^$]+\$\$|\$[^$]+\$|`[^`]+`)")


def inert(text, limit=80):
    """``text`` with its Markdown-active characters escaped, on one line, at most ``limit`` characters (then …)."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return _escape(text)


def _escape(text, active=_ACTIVE):
    """Every character of ``text`` as it is, for Markdown: markup escaped, autolinks broken, list markers escaped."""
    text = _AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\u200b" + m.group(0)[-1], active.sub(r"\\\1", text))
    return _LIST.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def prose(text, kept=str):
    """Our own ``text`` for Markdown: its formulas ($…$) and code spans (`…`) as written (or as ``kept`` rewrites
    each), everything else as the characters it is (``inert``'s escapes, its line breaks kept). Never for what a
    user or a link supplied."""
    return "".join(kept(part) if is_kept else _escape(part, _MARKUP)
                   for part, is_kept in zip(_KEPT.split(str(text)), itertools.cycle((False, True))))
