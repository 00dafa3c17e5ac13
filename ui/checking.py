"""The answer checker's server side: one fair pool per server (mathcore.checkpool), each session named in it."""

import uuid

import streamlit as st

from i18n import _
from ui.inert import inert
from mathcore.judge import Outcome
from mathcore.checkpool import CheckPool


@st.cache_resource(on_release=lambda pool: pool.stop(), show_spinner=False)
def pool():
    """The worker pool, created once per server; stopped if the cache is cleared (any client can)."""
    return CheckPool(workers=2)


def session():
    """This learner's name in the pool's fair queue: one per browser session."""
    return st.session_state.setdefault("checker_session", uuid.uuid4().hex)


def check(target, answer):
    """The pool's verdict, judged for this session: fair to the others, free when the pair was judged before."""
    return pool().check(target, answer, session=session())


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
    """The verdict in colour, with what could have been read otherwise (it quotes the answer: inert), its hint
    and its evidence."""
    box(verdict)
    for warning in verdict.warnings:
        st.warning(inert(_(warning), limit=400), icon=":material/alt_route:")
    if verdict.hint:
        st.info(_("Hint: {hint}").format(hint=_(verdict.hint)))
    if verdict.evidence:
        st.caption(_(verdict.evidence))
