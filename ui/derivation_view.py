"""How a page shows a ``mathcore`` derivation: the aligned steps with their rules and checks."""

import inspect
import re
from functools import partial

import pandas as pd
import streamlit as st

from i18n import _, ngettext
from mathcore import store
from mathcore.derivation import TOLERANCE
from mathcore.export import export
from ui import link
from ui.table import show_table

PROVED, FAILED = r"\quad\textcolor{green}{\checkmark}", r"\quad\textcolor{red}{\times}"


@st.cache_resource(show_spinner=False, max_entries=64)
def _verified(key):
    """Proved and checked now (or read from the proofs an earlier server kept on disk), so no session pays twice."""
    return store.proved(key)


def verified(key):
    """The derivation ``key``, proved and checked once per server (shared, never mutate)."""
    with st.spinner(_("Deriving with SymPy…")):
        return _verified(key)


def sci(x, digits=0):
    """A number in short scientific notation: 6e-10, 1e-7, 4.2e-18.

    >>> sci(1e-7), sci(4.2e-18, 1), sci(0.0)
    ('1e-7', '4.2e-18', '0')
    """
    return "0" if x == 0 else f"{x:.{digits}e}".replace("e-0", "e-").replace("e+0", "e+").replace("e+", "e")


#: SymPy's words in a piecewise formula: "for" before each condition, "otherwise" for the last case.
_CONDITION = re.compile(r"\\text\{for\}\\:\s*(.*?)\s*(?=\\\\|\\end\{cases\})")


def spoken(latex):
    r"""SymPy's LaTeX, the words of its piecewise formulas in the reader's language (in Korean the condition
    comes first: "z > 0일 때", and "otherwise" is "그 외").

    >>> print(spoken(r"\begin{cases} 1 & \text{for}\: z > 0 \\0 & \text{otherwise} \end{cases}"))
    \begin{cases} 1 & \text{for }z > 0\\0 & \text{otherwise} \end{cases}
    """
    before, after = (rf"\text{{{words}}}" if words else "" for words in _("for {condition}").split("{condition}"))
    otherwise = _("otherwise")
    return _CONDITION.sub(lambda m: before + m.group(1) + after, latex).replace(r"\text{otherwise}",
                                                                                  rf"\text{{{otherwise}}}")


def blackboard(d):
    """LaTeX: each step on its own line with its mark, its rule in small grey type below it."""
    lines = []
    for i, (step, check) in enumerate(zip(d.steps, d.checks)):
        lines.append(rf"{d.lhs if i == 0 else ''} &= {spoken(step.latex)} {PROVED if check.ok else FAILED}")
        lines.append(rf"& \qquad \footnotesize\textcolor{{gray}}{{\text{{{_(step.rule)}}}}}")
    return r"\begin{aligned}" + r" \\[2pt] ".join(lines) + r"\end{aligned}"


def show_steps(d):
    """The steps on the blackboard, then what the marks mean, and the checks in a table."""
    if d.where:
        st.caption(_("where ${where}$").format(where=d.where_latex))
    st.latex(blackboard(d))
    points = max(c.n_points for c in d.checks)
    verdict = (ngettext("✓ Every step is proved equal to the one before by SymPy and agrees with {against} at "
                        "{n} random point (worst error {error}, tolerance {tolerance}).",
                        "✓ Every step is proved equal to the one before by SymPy and agrees with {against} at "
                        "{n} random points (worst error {error}, tolerance {tolerance}).", points) if d.ok else
               ngettext("✗ Not every step is proved equal to the one before by SymPy and agrees with {against} at "
                        "{n} random point (worst error {error}, tolerance {tolerance}).",
                        "✗ Not every step is proved equal to the one before by SymPy and agrees with {against} at "
                        "{n} random points (worst error {error}, tolerance {tolerance}).", points))
    st.caption(verdict.format(against=_(d.check_against), n=points, error=sci(d.error), tolerance=sci(TOLERANCE)))
    if d.note:
        st.info(_(d.note))
    left, right, _rest = st.columns([1, 1, 3])
    # each export is built when it is downloaded, not on every run (deferred data: a callable)
    # a download changes nothing on the page: no rerun, which would race the deferred file's generation (the rerun can
    # drop the callable it is about to run: on a busy machine a download through nginx never came)
    left.download_button("LaTeX", partial(export, d, "latex"), f"{d.key}.tex", "text/x-tex", icon=":material/download:",
                         key=f"latex_{d.key}", help=_("The derivation in English, as a LaTeX document"),
                         on_click="ignore")
    right.download_button("Markdown", partial(export, d, "markdown"), f"{d.key}.md", "text/markdown",
                          icon=":material/download:", key=f"markdown_{d.key}", on_click="ignore",
                          help=_("The derivation in English, as Markdown with $$ math"))
    checks = opened(_("The checks, step by step"), key=f"checks_{d.key}")
    if checks is not None:  # folded, the browser would still draw the table on each rerun
        show_table(checks, pd.DataFrame({
            _("step"): range(1, len(d.steps) + 1),
            _("rule"): [_(s.rule) for s in d.steps],
            _("proved by SymPy"): ["✓" if c.proved else "✗" for c in d.checks],
            _("error against {against}").format(against=_(d.check_against)): [sci(c.error, 1) for c in d.checks],
            _("points"): [c.n_points for c in d.checks],
        }), prose=[_("rule")])  # a rule is our own sentence: its formulas typeset, never raw dollars


def opened(label, key):
    """An expander whose content is drawn only while it is open (opening it reruns the page): the expander if it
    is open, else None. What a folded expander holds is still drawn by the browser on every visit and rerun (#18)."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def open_tab(tabs):
    """Tabs ({label: what the tab shows}) of which only the selected one is drawn (choosing another reruns the
    page): (its container, its value). Every tab's content would otherwise be computed, sent and drawn by the
    browser on every visit and rerun (#18). One set of tabs a page, keyed as the page's "tab" (``link.widget_key``).
    """
    containers = st.tabs(list(tabs), key=link.widget_key("tab"), on_change="rerun")
    i = next((i for i, container in enumerate(containers) if container.open), 0)  # a label gone: the first tab
    return containers[i], list(tabs.values())[i]


def show_source(label, function, key):
    """The source of ``function`` in an expander, highlighted only once it is opened: a highlighted block costs a
    new session about 0.4 s in the browser even folded away."""
    if (box := opened(label, key)) is not None:
        box.code(inspect.getsource(getattr(function, "func", function)), language="python")
