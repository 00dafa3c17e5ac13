"""A page for tests/browser/test_text.py: every message template of mathcore (its ``Text(...)``, gathered as
``python -m i18n update`` gathers them), with sample fields, in English and then in Korean, each in the box the
checker shows a verdict in (``ui.checking.box``). ``streamlit run tests/browser/text_page.py`` shows it."""

import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # streamlit puts the script's own folder first, not the project's

from i18n import LANGUAGES, gettext, use  # noqa: E402
from i18n.__main__ import extracted  # noqa: E402
from mathcore.text import Text  # noqa: E402

#: A formula in a template: $…$.
MATH = re.compile(r"\$[^$]+\$")
#: A LaTeX command's argument in braces, \mathrm{ReLU}: never a field.
LATEX_ARGUMENT = re.compile(r"\\[A-Za-z]+\{[A-Za-z_]\w*\}")


class Sample:
    """A field's sample value, in any format ({n}, {error:.1e}, {code:04X}) or as a repr ({ch!r}). In a formula it is
    "7"; in words it is written with Markdown's characters, as the checker's fields can be (the operator * began
    "* works entry by entry…", #36): "* _x_ 7"."""

    def __init__(self, in_math):
        self.text = "7" if in_math else "* _x_ 7"

    def __format__(self, spec):
        return self.text

    def __repr__(self):
        return repr(self.text)


def messages():
    """Each of mathcore's message templates as a Text with sample fields, in the catalogue's order."""
    templates = [m.id for m in extracted() if isinstance(m.id, str) and m.id
                 and any(place.startswith("mathcore/") for place, _line in m.locations)]
    return [Text(t, **fields(t)) for t in templates]


def fields(template):
    """A sample for each named field; none for a template that is not formatted (its braces are LaTeX's)."""
    names = [name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name is not None]
    if not all(name.isidentifier() for name in names) or LATEX_ARGUMENT.search(template):  # {-z}, \\mathrm{ReLU}
        return {}  # LaTeX's braces: a template with fields writes them {{ }}
    in_math = {name for formula in MATH.findall(template) for _text, name, _spec, _conversion
               in string.Formatter().parse(formula) if name}
    return {name: Sample(name in in_math) for name in names}


def shown(lang):
    """The messages as ``lang`` reads them (each template translated, its fields filled in)."""
    use(lang)
    try:
        return [gettext(message) for message in messages()]
    finally:
        use("en")


if __name__ == "__main__":
    import streamlit as st

    from mathcore.judge import Outcome, Verdict
    from ui.checking import box

    for lang in LANGUAGES:
        use(lang)
        for message in messages():
            box(Verdict(Outcome.NOT_EQUIVALENT, message))
    st.success("done", icon=":material/done_all:")  # the last box: the page is drawn
