"""The answer checker's server side: one pool per server, a cap per session."""

import time

import streamlit as st

from i18n import _
from ui.inert import inert
from mathcore.judge import Outcome, Verdict
from mathcore.text import Text
from mathcore.checkpool import CheckPool

CHECKS_PER_MINUTE = 20


@st.cache_resource(on_release=lambda pool: pool.stop(), show_spinner=False)
def pool():
    """The worker pool, created once per server; stopped if the cache is cleared (any client can)."""
    return CheckPool(workers=2)


def check(target, answer):
    """pool().check, unless this session has checked more than CHECKS_PER_MINUTE answers in the last minute."""
    now = time.monotonic()
    recent = [t for t in st.session_state.get("check_times", []) if now - t < 60]
    if len(recent) >= CHECKS_PER_MINUTE:
        return Verdict(Outcome.UNDECIDED, Text("Slow down: at most {n} checks a minute. Try again in {wait:.0f} s.",
                                                n=CHECKS_PER_MINUTE, wait=60 - (now - recent[0])))
    st.session_state.check_times = recent + [now]
    return pool().check(target, answer)


#: How a page shows each outcome: the box and its icon. Pages style by the outcome, never by the verdict's words.
STYLE = {Outcome.EQUIVALENT: (st.success, ":material/check_circle:"),
         Outcome.NOT_EQUIVALENT: (st.error, ":material/cancel:"),
         Outcome.UNDECIDED: (st.warning, ":material/help:"),
         Outcome.INVALID: (st.warning, ":material/help:")}
#: The same, as a Markdown badge colour.
BADGE = {Outcome.EQUIVALENT: "green", Outcome.NOT_EQUIVALENT: "red", Outcome.UNDECIDED: "orange",
         Outcome.INVALID: "orange"}


def box(verdict, text=None):
    """``text`` (by default the verdict's message, translated) in the box of the verdict's outcome. An unreadable
    answer's message quotes what was typed, so it is shown inert (ui.inert), never as Markdown."""
    show_box, icon = STYLE[verdict.outcome]
    if text is None:
        text = inert(_(verdict.message), limit=400) if verdict.outcome is Outcome.INVALID else _(verdict.message)
    show_box(text, icon=icon)


def show(verdict):
    """The verdict in colour, with its hint, evidence and how the answer was read."""
    box(verdict)
    if verdict.hint:
        st.info(_("Hint: {hint}").format(hint=_(verdict.hint)))
    if verdict.evidence:
        st.caption(_(verdict.evidence))
