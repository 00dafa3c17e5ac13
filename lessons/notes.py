"""Check my notes: paste or upload a Markdown note; every formula in it is found, recognised and judged."""

from pathlib import Path

import streamlit as st

from i18n import _
from mathcore.judge import Verdict
from mathcore.reading import MAX_CHARS
from ui.checking import box, check_note
from ui.notes_report import report

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-note.md"
TEXT, COMMITTED, UPLOADED = "notes:text", "notes:committed", "notes:uploaded"

st.title(_("Check my notes"))
st.markdown(_("Paste a note in Markdown, or upload one: every formula (between dollar signs, in aligned blocks, in "
              "code spans and NumPy code, or alone on a line) is found, recognised by its left-hand side "
              "($\\sigma(z)$, $\\hat{y}$, $z$, $L(\\hat{y}, y)$, $J(w, b)$, the updates of $w$ and $b$, $dz$, $da$, "
              "$dw$, $db$, $dZ$, $dW$, …) and judged by the same checker as *Check my derivation*. Prices are not "
              "formulas."))
# A note as the checker reads it, shown before the box in the highlighted code of a check's results: the page's
# first code block makes the browser load its highlighter (about half a second), better now than at the first check.
example = _("**Model.** {z}, then the sigmoid {sigmoid}\n"
            "**Backprop:** {dz}, so {dw_1} and {db}; over the examples, {dw}.\n"
            "In code, `dz = a - y` is read too; $5 is a price, not a formula.").format(
    z="$z = w^T x + b$", sigmoid=r"$$\sigma(z) = \frac{1}{1 + e^{-z}}$$", dz="$dz = a - y$", dw_1="$dw_1 = x_1 dz$",
    db="$db = dz$", dw=r"$dw = \frac{1}{m} X dZ^T$")
st.caption(_("For example (every formula in it is right):"))
st.code(example, language="markdown", wrap_lines=True)


def use_example():
    st.session_state[TEXT] = EXAMPLE.read_text(encoding="utf-8")


# 1 MB, the smallest limit Streamlit takes, holds more than the MAX_CHARS characters the reader reads. The uploader's own
# words ("Upload", "1MB per file") are Streamlit's: it has no way to change them (1.67), so the caption below says
# the limit in the learner's language and names the English button.
uploaded = st.file_uploader(_("Upload a note (.md)"), type=["md", "markdown", "txt"], max_upload_size=1)
st.caption(_("A file of up to 1 MB: drop it on the box, or press Upload to choose it."))
if uploaded is not None and st.session_state.get(UPLOADED) != uploaded.file_id:
    st.session_state[UPLOADED] = uploaded.file_id
    try:
        st.session_state[TEXT] = uploaded.getvalue().decode("utf-8")[:MAX_CHARS]
    except UnicodeDecodeError:
        st.error(_("That file is not UTF-8 text: save the note as UTF-8 Markdown and upload it again."))
with st.form("notes", border=False, enter_to_submit=False):  # a note is sent once, when checked, not on each blur
    note = st.text_area(_("Your note (Markdown)"), height=260, max_chars=MAX_CHARS, key=TEXT,
                        placeholder=_("…so $dz = a - y$ and $dw = \\frac{1}{m} X dZ^T$…"))
    with st.container(horizontal=True):
        checked = st.form_submit_button(_("Check my notes"), type="primary")
        st.form_submit_button(_("Try an example note"), on_click=use_example)
if checked:
    st.session_state[COMMITTED] = note


findings = check_note(note) if note and note == st.session_state.get(COMMITTED) else None  # read in the pool
if isinstance(findings, Verdict):  # the note could not be read now: why (busy, slow down, out of time)
    box(findings)
elif findings is not None:
    if not findings:
        st.info(_("No formula found: write math between dollar signs, single or double."))
    report(findings, note)
elif note:
    st.info(_("Press Check my notes to judge this note."), icon=":material/keyboard_return:")
