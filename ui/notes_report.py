"""The check-my-notes page's report (mathcore.notes.report): under the note's own headings, wrong first, then not
judged, then right (collapsed), then what was not recognised (collapsed), the lone symbols and fragments as one
count line. A learner's text is shown as code or escaped (ui.inert), never as Markdown."""

import streamlit as st

from i18n import N_, _
from mathcore.judge import Outcome, Verdict
from mathcore.notes import STATUSES, summary
from mathcore.notes.report import fragments, is_fragment, pointer, sections
from ui.checking import box
from ui.inert import inert, prose

#: How each finding's outcome is named on the page (translated where shown: the language is the session's). Pages
#: name and style by the outcome, never by a status's words.
WORDS = {Outcome.EQUIVALENT: N_("correct"), Outcome.NOT_EQUIVALENT: N_("wrong"), Outcome.UNDECIDED: N_("not judged"),
         Outcome.INVALID: N_("not recognised")}
COLLAPSED = (Outcome.EQUIVALENT, Outcome.INVALID)  # in an expander with their count


def place(formula):
    """A formula's line (and its notebook cell)."""
    if formula.cell is None:
        return _("Line {line}").format(line=formula.line)
    return _("Cell {cell}, line {line}").format(cell=formula.cell + 1, line=formula.line)


def show(finding):
    """One formula: its place, its source as code, what it was read as, the verdict, the place pointed at, the hint
    and the right formula."""
    with st.container(border=True):
        st.markdown(f"**{place(finding.formula)}**")
        st.code(finding.formula.latex, language="latex", wrap_lines=True)
        if finding.outcome is Outcome.NOT_EQUIVALENT and finding.readings and finding.readings[-1]:
            st.caption(_("Read as:"))
            st.latex(finding.readings[-1])
        box(Verdict(finding.outcome, finding.message), inert(_(finding.message), limit=600))
        if pointer(finding):
            st.caption(_("Where the checker stopped reading it:"))
            st.code(pointer(finding), language=None)
        if finding.hint:
            st.info(prose(_("Hint: {hint}").format(hint=_(finding.hint))))
        if finding.corrected:
            st.markdown(_("The right formula:"))
            st.latex(finding.corrected)


def brief(finding):
    """One formula in a collapsed list: its place, its source as code, and (if right) what it is."""
    said = f" — {inert(_(finding.message), limit=200)}" if finding.outcome is Outcome.EQUIVALENT else ""
    st.markdown(f"{place(finding.formula)}: `{finding.formula.latex.replace('`', 'ˋ')[:200]}`{said}")


def report(findings, note):
    """The counts, what the page's caps left (and that the CLI reads it), then each status under the headings."""
    counts = summary(findings)
    for column, status in zip(st.columns(len(STATUSES)), STATUSES):
        column.metric(_(WORDS[STATUSES[status]]), counts[status])
    left = sum(f.left for f in findings)
    if left:
        st.info(_("This page read {judged} formulas and left {left} (its share of the shared checker). "
                  "`python -m mathcore notes FILE` reads the whole note on your computer.").format(
            judged=len(findings) - sum(1 for f in findings if f.left), left=left), icon=":material/info:")
    for status, groups in sections(findings, note):
        n = sum(len(group) for _heading, group in groups)
        if STATUSES[status] in COLLAPSED:
            with st.expander(_("{status}: {n}").format(status=_(WORDS[STATUSES[status]]), n=n)):
                for heading, group in groups:
                    if heading:
                        st.markdown(f"**{inert(heading, limit=120)}**")
                    for finding in group:
                        brief(finding)
            continue
        st.subheader(_("{status}: {n}").format(status=_(WORDS[STATUSES[status]]), n=n))
        for heading, group in groups:
            if heading:
                st.markdown(f"#### {inert(heading, limit=120)}")
            for finding in group:
                show(finding)
    folded = fragments(findings)
    if folded:
        st.caption(_("{n} lone symbols and fragments (not claims) were not judged: {some}").format(
            n=sum(map(is_fragment, findings)),
            some=inert(", ".join(folded[:10]) + (", …" if len(folded) > 10 else ""), limit=200)))
