"""The router: every lesson script routed exactly once, and no pages/ folder to trip Streamlit.

A folder named pages/ beside app.py makes Streamlit serve it the legacy (v1) way until
st.navigation has run once in the server process: a first visitor arriving by a deep link
gets a "Page not found" dialog, or the script alone without the router's sidebar. The
browser test test_a_deep_link_as_the_first_visit_still_gets_the_router checks the result.
"""

from pathlib import Path

from serving import routed_pages as pages

ROOT = Path(__file__).resolve().parents[1]


def routed_pages():
    """The script path of every st.Page(...) in app.py."""
    return [script for script, _ in pages()]


def test_every_lesson_is_routed_exactly_once():
    assert sorted(routed_pages()) == sorted(f"lessons/{p.name}" for p in (ROOT / "lessons").glob("*.py"))


def test_no_pages_folder_beside_the_entry_script():
    assert not (ROOT / "pages").exists()
