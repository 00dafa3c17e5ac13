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
"""

import re

#: Characters Markdown, Streamlit's directives, math or HTML could act on (CommonMark escapes any ASCII punctuation).
_ACTIVE = re.compile(r"([\\`*_{}\[\]()<>#!|~$:&])")
#: What GitHub-flavoured Markdown would still autolink after the escapes: ://, www. and @.
_AUTOLINK = re.compile(r"(?i)(\\:/|ww|@.)")


def inert(text, limit=80):
    """``text`` with its Markdown-active characters escaped, on one line, at most ``limit`` characters (then …)."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return _AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\u200b" + m.group(0)[-1], _ACTIVE.sub(r"\\\1", text))
