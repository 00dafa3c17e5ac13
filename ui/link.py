"""Share links: each page's controls mirrored in the URL's query string, so a copied link reopens the same view.

A page takes a control's ``key`` and starting value from here and passes them to the widget, never its own
``value`` or ``index``:

    z = st.slider(_("z"), -6.0, 6.0, step=0.1, **link.number("z", 1.5, -6.0, 6.0))

On the session's first run (someone arriving by a link), a control's value comes from ``?z=…`` if that is
valid; what is not valid (not a number, out of range, not one of the options, a key the page does not have, a
value from an older version) falls back to the default, and a notice says so. Later runs never read the URL:
when the learner moves to another page, Streamlit keeps the old query string for that page's first run, and
those are the last page's settings, not a link's. After every run the router writes each
control's value back to the URL, leaving defaults out, and drops keys the page does not have.

Why not Streamlit's ``bind="query-params"``: it writes a select box's *label* into the URL, and labels change
with the language; and it drops bad values without a word.
"""

import math
from urllib.parse import urlencode

import streamlit as st

from i18n import _

#: The router's own parameters, kept on every page (Streamlit's embed options among them).
GLOBAL = ("lang", "embed", "embed_options")


def _run():
    return st.session_state.setdefault("_link", {"last": None, "page": "", "controls": {}, "problems": []})


def start():
    """Called by the router first thing in a run: no control is declared yet."""
    run = _run()
    run["page"], run["controls"] = "", {}


def enter(page):
    """Called by the router just before the page runs: the controls declared from now on are the page's."""
    _run()["page"] = page


def widget_key(key):
    """The session-state key of a page's control: per page, so two pages' ``m`` never share a value."""
    page = _run()["page"]
    return key if key in GLOBAL else f"{page}:{key}"


def _declare(key, default, parse, text=str):
    """Register the control; seed its value from the URL on arrival. kwargs for the widget."""
    run = _run()
    state_key = widget_key(key)
    run["controls"][key] = (state_key, default, text)
    if state_key not in st.session_state:
        value = default
        if run["last"] is None and key in st.query_params:
            raw = st.query_params[key]
            try:
                value = parse(raw)
            except ValueError as why:
                run["problems"].append(f"{key}={raw[:40]} ({why})")
        st.session_state[state_key] = value
    return {"key": state_key}


def _number_text(value):
    return str(value) if isinstance(value, int) else format(value, ".12g")


def number(key, default, low, high):
    """A slider or number input from ``low`` to ``high``: whole numbers when ``default`` is an int."""
    def parse(raw):
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(_("not a number")) from None
        if not math.isfinite(value) or not low <= value <= high:
            raise ValueError(_("outside {low} to {high}").format(low=low, high=high))
        if isinstance(default, int):
            if value != int(value):
                raise ValueError(_("not a whole number"))
            return int(value)
        return value
    return _declare(key, default, parse, _number_text)


def option(key, default, options):
    """A select box, radio or select slider over ``options``; the URL holds ``str(option)``, never the label."""
    by_text = {str(o): o for o in options}

    def parse(raw):
        if raw not in by_text:
            raise ValueError(_("not one of the choices"))
        return by_text[raw]
    return _declare(key, default, parse)


def flag(key, default):
    """A checkbox: ``true`` or ``false`` in the URL."""
    def parse(raw):
        if raw.lower() not in ("true", "false"):
            raise ValueError(_("not true or false"))
        return raw.lower() == "true"
    return _declare(key, default, parse, lambda value: "true" if value else "false")


def text(key, default, max_chars):
    """A text input of at most ``max_chars`` characters."""
    def parse(raw):
        if len(raw) > max_chars:
            raise ValueError(_("longer than {n} characters").format(n=max_chars))
        return raw
    return _declare(key, default, parse)


def finish():
    """After the page: write the controls' values to the URL, drop other keys, say what a link got wrong."""
    run = _run()
    arriving = run["last"] is None  # the session's first run: its URL came from a link or the address bar
    for key in list(st.query_params):
        if key not in run["controls"] and key not in GLOBAL:
            if arriving:
                run["problems"].append(_("{key} (not a setting of this page)").format(key=key))
            del st.query_params[key]
    for key, (state_key, default, text) in run["controls"].items():
        value = st.session_state.get(state_key, default)
        if value == default or value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != text(value):
            st.query_params[key] = text(value)
    if run["problems"] and arriving:
        st.toast(_("This link had settings this version cannot use; they are back to their defaults: {problems}")
                 .format(problems="; ".join(run["problems"])), icon=":material/link_off:", duration="long")
    run["last"], run["problems"] = run["page"], []


def url():
    """The link to this view: the page's address and its query string."""
    query = urlencode(sorted(st.query_params.to_dict().items()))
    address = st.context.url or ""
    if address.count("/") == 2:  # http://host:port, the home page: give it its path
        address += "/"
    return address + (f"?{query}" if query else "")
