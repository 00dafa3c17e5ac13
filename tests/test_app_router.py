"""The router's pages: every file in pages/ routed once, and no url_path a legacy page name.

Until st.navigation has run once in a server process, Streamlit serves a pages/ folder the
legacy (v1) way: a first visitor arriving at /NAME, where NAME comes from a file's name, gets
that script alone, without the router's sidebar. A url_path that differs from every file's
legacy name sends such a visitor through app.py instead.
"""

import ast
from pathlib import Path

from streamlit.source_util import page_icon_and_name

ROOT = Path(__file__).resolve().parents[1]


def routed_pages():
    """(script path, url_path or None, default) of every st.Page(...) in app.py."""
    pages = []
    for node in ast.walk(ast.parse((ROOT / "app.py").read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            keywords = {k.arg: k.value.value for k in node.keywords if isinstance(k.value, ast.Constant)}
            pages.append((node.args[0].value, keywords.get("url_path"), keywords.get("default", False)))
    return pages


def test_every_page_file_is_routed_exactly_once():
    routed = sorted(path for path, _, _ in routed_pages())
    assert routed == sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))


def test_no_url_path_is_a_legacy_page_name():
    legacy = {page_icon_and_name(p)[1] for p in (ROOT / "pages").glob("*.py")}
    for path, url_path, default in routed_pages():
        if not default:
            assert url_path is not None and url_path not in legacy, (path, url_path)
