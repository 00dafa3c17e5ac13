"""The router: every lesson script routed exactly once, from the one list of pages, and no pages/ folder to trip
Streamlit.

A folder named pages/ beside app.py makes Streamlit serve it the legacy (v1) way until
st.navigation has run once in the server process: a first visitor arriving by a deep link
gets a "Page not found" dialog, or the script alone without the router's sidebar. The
browser test test_a_deep_link_as_the_first_visit_still_gets_the_router checks the result.
"""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from lessons import PAGES

ROOT = Path(__file__).resolve().parents[1]


def routed_pages():
    """The script path of every page the router routes (lessons.PAGES), in the sidebar's order."""
    return [lesson.script for lesson in PAGES]


def test_every_lesson_is_routed_exactly_once():
    scripts = sorted(f"lessons/{p.name}" for p in (ROOT / "lessons").glob("*.py") if p.name != "__init__.py")
    assert sorted(routed_pages()) == scripts
    assert len({lesson.url_path for lesson in PAGES}) == len(PAGES)  # one address each


def test_the_router_builds_its_sidebar_from_the_list():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert at.title[0].value == "Why does ∂L/∂z = a − y?"  # the default page is the list's one without a path


def test_no_pages_folder_beside_the_entry_script():
    assert not (ROOT / "pages").exists()


def test_no_page_uses_a_deprecated_streamlit_api(monkeypatch):
    """Streamlit says what it will remove through one function, streamlit.deprecation_util, which logs each
    message once per process: every page is run with its log recorded from scratch, and must say nothing."""
    from streamlit import deprecation_util

    said = []
    monkeypatch.setattr(deprecation_util, "_LOGGER", type("Recorder", (), {"warning": lambda self, m: said.append(m)})())
    monkeypatch.setattr(deprecation_util, "_shown_warnings", set())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    for lesson in PAGES:
        at.switch_page(lesson.script).run()
        assert not at.exception, lesson.script
    assert not said, said
