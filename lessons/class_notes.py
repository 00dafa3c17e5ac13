"""Grade a class's notes: a teacher uploads one note per student; the class report, on the page and to download."""

import streamlit as st

from i18n import _
from mathcore import classnotes
from ui.checking import check_class
from ui.inert import inert

MOST = 30  # notes graded at once: a class, within one session's share of the checker (its per-minute budget)
#: format: (its name on the page, file ending, MIME type)
DOWNLOADS = {"text": (_("text"), "txt", "text/plain"), "csv": (_("gradebook (CSV)"), "csv", "text/csv"),
             "json": ("JSON", "json", "application/json"), "md": ("Markdown", "md", "text/markdown")}

st.title(_("Grade a class's notes"))
st.markdown(_("Upload one note per student (Markdown, text or a Jupyter notebook; the student is the file's name). "
              "Every formula in each note is judged as on *Check my notes*; the report gives one line per student "
              "(right, wrong, not judged, not recognised) and the class's commonest slips."))
uploaded = st.file_uploader(_("Notes (.md, .txt, .ipynb)"), type=["md", "markdown", "txt", "ipynb"],
                            accept_multiple_files=True, max_upload_size=1)
st.caption(_("Up to {most} notes of up to 1 MB each: drop them on the box, or press Upload to choose them.").format(
    most=MOST))
folder = classnotes.from_files([(f.name, f.getvalue()) for f in uploaded or []], most=MOST)
if folder.papers and st.button(_("Grade the notes"), type="primary"):
    st.session_state["class_notes:graded"] = [f.file_id for f in uploaded]
if folder.papers and st.session_state.get("class_notes:graded") == [f.file_id for f in uploaded]:
    results = check_class(folder)  # each note read and judged in the checker's pool, for this session
    unread = sum(p.problem != "" for p in folder.papers)
    read, judged, not_judged = st.columns(3)
    read.metric(_("files read"), len(folder.papers) - unread)
    judged.metric(_("students"), len(classnotes.people(results)))
    not_judged.metric(_("files left out"), unread + folder.more + len(folder.left_out))
    if folder.more:
        st.warning(_("{more} more notes were left out: at most {most} are graded at once. Grade them in another "
                     "upload.").format(more=folder.more, most=MOST))
    report = classnotes.as_text(folder, results)
    st.code(report, language=None, wrap_lines=True)  # the students' names and formulas, shown as text
    fmt = st.radio(_("Download as"), list(DOWNLOADS), format_func=lambda f: DOWNLOADS[f][0], horizontal=True)
    _label, ending, mime = DOWNLOADS[fmt]
    st.download_button(_("Download the class report"), classnotes.FORMATS[fmt](folder, results),
                       file_name=f"class-report.{ending}", mime=mime, icon=":material/download:",
                       on_click="ignore")
elif folder.papers:
    st.info(_("{n} notes uploaded: press Grade the notes.").format(n=len(folder.papers)))
elif folder.left_out:
    st.warning(inert(_("None of these files is a note: {names}").format(
        names=", ".join(name for name, _why in folder.left_out)), limit=400))
