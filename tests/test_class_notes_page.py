"""The teacher's page (#38 item 3): several notes uploaded, graded through the checker's pool for the session, the
class report shown as text and offered as a download; what was read and what was left out said."""

import pytest
from streamlit.testing.v1 import AppTest

from mathcore import notes
from tests.pool_helpers import runs_recorded
from tests.test_lessons import TIMEOUT, metric, open_page

NOTES = [("ada.md", b"So $dz = a - y$ and $db = dz$.\n", "text/markdown"),
         ("ben.md", b"Here $dz = y - a$.\n", "text/markdown"),
         ("=cmd\x1b[2J.txt", b"$dz = y - a$\n", "text/plain"),
         ("latin.md", "caf\xe9 $dz = a - y$".encode("latin-1"), "text/markdown")]


@pytest.fixture
def page():
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    return open_page(at.run(), "lessons/class_notes.py")


def test_the_class_report_of_several_notes_is_shown_and_offered_as_a_download(page):
    page.file_uploader[0].set_value(NOTES).run()
    assert not page.exception and "4 notes uploaded" in page.info[0].value
    page.button[0].click().run()
    assert not page.exception
    assert metric(page, "files read") == "3" and metric(page, "files left out") == "1"
    report = page.code[0].value
    assert report.startswith("read 4 notes") and "latin.md: the file has a line (1) that is not UTF-8" in report
    assert "2 of 4 students: dL/dz, cross-entropy after a sigmoid: The sign is flipped" in report
    assert "=cmd\\x1b[2J" in report and "\x1b" not in report  # a file's name is echoed, escaped
    assert page.get("download_button")  # the report, to take away
    next(r for r in page.radio if r.label == "Download as").set_value("csv").run()
    assert not page.exception


def test_the_notes_are_read_in_the_checkers_pool_not_in_the_script_thread(page, monkeypatch):
    """read_note is sent to the pool for this session (ui.checking.check_class); reading in the script thread fails
    here (the workers are other processes: the patch does not reach them), and the notes are still judged."""
    runs = runs_recorded(monkeypatch)
    page.file_uploader[0].set_value(NOTES[:2]).run()
    page.button[0].click().run()
    assert not page.exception and metric(page, "files read") == "2"
    sessions = {session for _, _, session in runs}
    assert len(sessions) == 1 and None not in sessions  # this learner's session, under its limits
    assert [args[0] for f, args, _ in runs if f is notes.read_note] == [text.decode() for _, text, _ in NOTES[:2]]
    assert "1 of 2 students: dL/dz, cross-entropy after a sigmoid: The sign is flipped" in page.code[0].value


def test_past_the_cap_the_left_out_notes_are_counted(page, monkeypatch):
    many = [(f"s{n}.md", b"$dz = a - y$", "text/markdown") for n in range(33)]
    page.file_uploader[0].set_value(many).run()
    page.button[0].click().run()
    assert not page.exception
    assert "3 more notes were left out: at most 30 are graded at once" in page.warning[0].value
    assert page.code[0].value.startswith("read 30 notes; 3 more left out")
