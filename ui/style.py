"""The app's style sheets, read once, as one ``<style>`` for ``st.html`` (the router adds it to every page; style
only, so it takes no room on the page): the tables' (tables.css) and the sidebar's (sidebar.css)."""

from pathlib import Path

STYLE = "<style>" + "".join((Path(__file__).parent / name).read_text() for name in ("tables.css", "sidebar.css")) \
    + "</style>"
