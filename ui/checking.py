"""The answer checker's server side: one fair pool per server (mathcore.checkpool), each session named in it."""

import atexit
import threading
import uuid

import streamlit as st

from i18n import _
from ui.inert import inert, prose
from mathcore import classnotes, notes
from mathcore.judge import Outcome, Verdict
from mathcore.checkpool import CheckPool, come_back_later

_pool, _pool_lock = None, threading.Lock()  # module state on purpose: the one pool of this server process
READ = "notes:read"  # session state: (note, its readings), so a rerun does not read the same note again
PROGRESS_EVERY = 10  # a note of more formulas than this shows a progress bar while judged, updated this often
CLASS = "notes:class"  # session state: {note: its findings}, for the teacher's page (check_class)


def pool():
    """The worker pool: created once per server process (under a lock, at the first check), stopped when the process
    exits. Not in st.cache_resource: any client's "clear caches" message clears that, and stopped the pool under
    every check in flight (#39); the server refuses that message too (serving.guard)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = CheckPool(workers=2)
            atexit.register(_pool.stop)
        return _pool


def session():
    """This learner's name in the pool's fair queue: one per browser session."""
    return st.session_state.setdefault("checker_session", uuid.uuid4().hex)


def client():
    """The address this learner connects from, or None where Streamlit does not know it (on loopback, behind a proxy
    on the same machine): the pool bounds what one address may have in it."""
    return st.context.ip_address


def check(target, answer):
    """The pool's verdict, judged for this session: fair to the others, free when the pair was judged before."""
    return pool().check(target, answer, session=session(), client=client())


def check_note(note):
    """The note's findings, or the Verdict that says why it could not be read now (busy, slow down, out of time).
    The note is read (Markdown parsed, formulas found and split: notes.read_note) in a pool worker under this
    session's budget, never in the server's script thread, where a hostile note held every session; each part is
    then judged through the pool, as one answer is."""
    read = st.session_state.get(READ)
    if read is None or read[0] != note:
        readings = pool().run(notes.read_note, note, session=session(), client=client(), keep=False)
        if isinstance(readings, Verdict):
            return readings
        read = st.session_state[READ] = (note, readings)
    return judged_with_progress(read[1])


def judged_with_progress(readings, every=PROGRESS_EVERY):
    """Each reading judged through the pool (notes.judged), with a progress bar while a long note's are judged."""
    bar = st.progress(0.0) if len(readings) > every else None
    findings = []
    for n, reading in enumerate(readings, 1):
        findings.append(notes.judged(reading, check))
        if bar is not None and n % every == 0:
            words = _("Judged {n} of {total} formulas…").format(n=n, total=len(readings))
            bar.progress(n / len(readings), text=words)
    if bar is not None:
        bar.empty()
    return findings


def check_class(folder):
    """[(Row, Verdict)] for each note of ``folder`` (mathcore.classnotes.grade), each read in a pool worker and
    judged through the pool as check_note does, for this session and under its limits. Once the pool turns a note
    away now (busy, slow down), the notes after it are not sent: each says why. A note judged whole is kept for
    this session (CLASS), so a rerun sends nothing again."""
    done, refused = st.session_state.setdefault(CLASS, {}), []

    def one(paper):
        if paper.text in done:
            return done[paper.text]
        if refused:
            return refused[0]
        readings = pool().run(notes.read_note, paper.text, session=session(), client=client(), keep=False)
        findings = readings if isinstance(readings, Verdict) else [notes.judged(r, check) for r in readings]
        turned_away = findings if isinstance(findings, Verdict) else next(
            (Verdict(f.outcome, f.message) for f in findings if come_back_later(Verdict(f.outcome, f.message))), None)
        if turned_away is not None:
            refused.append(turned_away)
            return turned_away
        done[paper.text] = findings
        return findings
    return classnotes.grade(folder, one)


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
    answer's message quotes what was typed, so it is shown inert (ui.inert), never as Markdown; any other message is
    our own sentence, shown as text with its formulas and code typeset (ui.inert.prose), never as Markdown either."""
    show_box, icon = STYLE[verdict.outcome]
    if text is None:
        text = inert(_(verdict.message), limit=400) if verdict.outcome is Outcome.INVALID else prose(_(verdict.message))
    show_box(text, icon=icon)


def show(verdict):
    """The verdict in colour, with what could have been read otherwise (it quotes the answer: inert), its hint
    and its evidence."""
    box(verdict)
    for warning in verdict.warnings:
        st.warning(inert(_(warning), limit=400), icon=":material/alt_route:")
    if verdict.hint:
        st.info(prose(_("Hint: {hint}").format(hint=_(verdict.hint))))
    if verdict.evidence:
        st.caption(prose(_(verdict.evidence)))
