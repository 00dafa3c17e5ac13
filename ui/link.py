"""Share links: each page's controls mirrored in the URL's query string, so a copied link reopens the same view.

A page takes a control's ``key``, starting value and (for numbers) bounds from here and passes them to the widget,
never its own ``value``, ``index`` or bounds, so each is stated once:

    z = st.slider(_("z"), step=0.1, **link.number("z", 1.5, -6.0, 6.0))

The widget also gets the value it holds as its ``value`` (or ``index``): a browser that draws the widget afresh
(its first draw came too late, replaced by a later run) shows what Python holds, not the widget's first option or
its minimum. Streamlit keys these widgets by ``key``, so a changing ``value`` never makes a new widget.

On the session's first run (someone arriving by a link), a control's value comes from ``?z=…`` if that is
valid; what is not valid (not a number, out of range, not one of the options, a key the page does not have, a
value from an older version) falls back to the default, and a notice says so. A number is read as people write
it, compared as a number: ``3``, ``3.00``, ``3e0`` and ``+3`` all pick the option 3.0; the link the app writes
holds its own form. Later runs never read the URL: when the learner moves to another page, Streamlit keeps the
old query string for that page's first run, and those are the last page's settings, not a link's. After every run the router writes each control's value back
to the URL, leaving defaults out, and drops keys the page does not have (a part of a page that reruns alone,
``fragment``, does it itself). A page that cannot go on stops with ``stop``, not ``st.stop``: the notice comes
first, and the link's values for the controls below the stop are read when a later run of that page reaches them.

Why not Streamlit's ``bind="query-params"``: it writes a select box's *label* into the URL, and labels change
with the language; and it drops bad values without a word.
"""

import functools
import html
import json
import math

import streamlit as st

from i18n import _
from mathcore.numbers import read_number
from ui.inert import inert

#: How many of a link's problems a notice names (each is at most about 85 characters).
MAX_PROBLEMS = 4
#: The router's own parameters, kept on every page (Streamlit's embed options among them).
GLOBAL = ("lang", "embed", "embed_options")
#: A number as a link writes it: ASCII digits only (Python's float() would read Arabic-Indic ٣ as 3, and nan, inf).


def _run():
    return st.session_state.setdefault("_link", {"last": None, "page": "", "controls": {}, "problems": []})


def start():
    """Called by the router first thing in a run: no control is declared yet."""
    run = _run()
    run["page"], run["controls"], run["whole"] = "", {}, True


def enter(page):
    """Called by the router just before the page runs: the controls declared from now on are the page's."""
    run = _run()
    run["page"] = page
    if page != run["last"]:  # a link's values for controls a stopped page never reached are for that page only
        run["unread"] = set()


def widget_key(key):
    """The session-state key of a page's control: per page, so two pages' ``m`` never share a value."""
    page = _run()["page"]
    return key if key in GLOBAL else f"{page}:{key}"


def _declare(key, default, parse, as_text=str, of=None):
    """Register the control; seed its value from the URL on arrival. kwargs for the widget: its key, and the value
    it holds as its ``value``. ``of``: what the value belongs to (the settings of a run it picks from); when that
    changes, the control starts again from ``default``."""
    run = _run()
    state_key = widget_key(key)
    run["controls"][key] = (state_key, default, as_text)
    belongs = run.setdefault("of", {})
    if state_key in st.session_state and belongs.get(state_key, of) != of:
        st.session_state[state_key] = default  # a value for other settings: the link's, if any, was for those
    belongs[state_key] = of
    if state_key not in st.session_state:
        value = default
        if (run["last"] is None or key in run.get("unread", ())) and key in st.query_params:
            raw = st.query_params[key]
            try:
                value = parse(raw)
            except ValueError as why:
                run["problems"].append(f"{inert(key, 40)}={inert(raw, 40)} ({why})")
        st.session_state[state_key] = value
    return {"key": state_key, "value": st.session_state[state_key]}


def _number_text(value):
    return str(value) if isinstance(value, int) else format(value, ".12g")


def _read_number(raw):
    """The number a link's text writes (``3``, ``3.00``, ``3e0``, ``+3`` all read 3.0), or None: ASCII digits only.
    It may be infinite (``1e309``): no option equals it, and no bounds hold it."""
    return read_number(raw.strip(" "))


def _is_number(option):
    return isinstance(option, (int, float)) and not isinstance(option, bool)  # True == 1, but "1" is not True


def number(key, default, low, high):
    """A slider or number input from ``low`` to ``high``: whole numbers when ``default`` is an int.

    Returns the widget's ``key``, ``min_value`` and ``max_value``: the page states the bounds only here."""
    def parse(raw):
        value = _read_number(raw)
        if value is None:
            raise ValueError(_("not a number"))
        if not math.isfinite(value) or not low <= value <= high:
            raise ValueError(_("outside {low} to {high}").format(low=low, high=high))
        if isinstance(default, int):
            if value != int(value):
                raise ValueError(_("not a whole number"))
            return int(value)
        return value
    return {**_declare(key, default, parse, _number_text), "min_value": low, "max_value": high}


def option(key, default, options, aliases=None, slider=False, of=None):
    """A select box or radio over ``options`` (its ``index``), or with ``slider=True`` a select slider (its
    ``value``); the URL holds ``str(option)``, never the label. ``aliases`` maps old spellings a link may still
    carry to today's options. ``of``: the settings the options belong to (a training run's saved iterations): when
    they change, the control goes to ``default`` (the new run's last iteration), unless the link names a value for
    them on arrival."""
    options = list(options)
    by_text = {str(o): o for o in options}
    aliases = aliases or {}

    def parse(raw):
        raw = aliases.get(raw, raw)
        if raw in by_text:
            return by_text[raw]
        for o in options:  # a number as people write it: 3, 3.00, 3e0 or +3 for the option 3.0
            if _is_number(o) and o == _read_number(raw):
                return o
        raise ValueError(_("not one of the choices"))
    declared = _declare(key, default, parse, of=of)
    if slider:
        return declared
    value = declared["value"]
    return {"key": declared["key"], "index": options.index(value if value in options else default)}


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


def keep(key):
    """A control that the page draws only on some runs: keep its value through the runs where it is not drawn.
    (Streamlit drops an undrawn widget's state; saving it again is the documented way to keep it.)"""
    state_key = widget_key(key)
    if state_key in st.session_state:
        st.session_state[state_key] = st.session_state[state_key]


def finish(stopped=False):
    """After the page: write the controls' values to the URL, drop other keys, say what a link got wrong.
    ``stopped``: the page stopped part-way (``stop``), so the link's other keys may be controls it has not reached:
    they stay in the URL, and are read when a later run declares them."""
    run = _run()
    arriving = run["last"] is None  # the session's first run: its URL came from a link or the address bar
    unread, later = run.get("unread", set()), set()
    for key in list(st.query_params):
        if key not in run["controls"] and key not in GLOBAL:
            if stopped and (arriving or key in unread):
                later.add(key)
                continue
            if arriving or key in unread:
                run["problems"].append(_("{key} (not a setting of this page)").format(key=inert(key, 40)))
            del st.query_params[key]
    for key, (state_key, default, as_text) in run["controls"].items():
        value = st.session_state.get(state_key, default)
        if value == default or value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != as_text(value):
            st.query_params[key] = as_text(value)
    if run["problems"]:  # what the link said (problems come from links only), inert (ui.inert) and capped
        shown = run["problems"][:MAX_PROBLEMS] + (["…"] if len(run["problems"]) > MAX_PROBLEMS else [])
        st.toast(_("Link settings reset to their defaults: {problems}").format(problems="; ".join(shown)),
                 icon=":material/link_off:", duration="long")
    run["last"], run["problems"], run["whole"], run["unread"] = run["page"], [], False, later


def stop():
    """``st.stop()`` for a page that cannot go on (an input it cannot use). The router's ``finish`` would come
    after the page and never runs, so it is done here first: a link's refused values are said, not reset without a
    word."""
    finish(stopped=True)
    st.stop()


def fragment(part):
    """``st.fragment`` for a part of a page: moving a control inside it reruns only that part (its elements alone
    are sent and drawn again). Such a rerun skips the router, so the part writes the URL itself (``finish``; the
    page's controls are the ones its last whole run declared). In a whole run the router does, after the page."""
    @st.fragment
    @functools.wraps(part)
    def rerun_alone(*args, **kwargs):
        alone = not _run().get("whole")
        part(*args, **kwargs)
        if alone:
            finish()
    return rerun_alone


#: The Copy link button. It runs in an iframe (st.iframe), which Streamlit lets write to the clipboard and read its
#: page's address; it takes its font and colours from the sidebar, so it matches the light and the dark theme.
_COPY_BUTTON = """<!doctype html>
<button id="copy" type="button">{label}</button>
<script>
const button = document.getElementById("copy"), page = window.parent.document;
const sidebar = getComputedStyle(page.querySelector('[data-testid="stSidebar"]') || page.body);
Object.assign(document.body.style, {{margin: "0", fontFamily: sidebar.fontFamily}});
Object.assign(button.style, {{font: "inherit", fontSize: "14px", color: sidebar.color, background: "transparent",
  border: "1px solid color-mix(in srgb, currentColor 30%, transparent)", borderRadius: "8px",
  padding: "6px 12px", cursor: "pointer", width: "100%"}});
button.onclick = async () => {{
  try {{
    await navigator.clipboard.writeText(window.parent.location.href);  // the address bar: page and query string
    button.textContent = {copied};
  }} catch (error) {{  // a browser that refuses the clipboard: the address bar holds the same link
    button.textContent = {failed};
    button.title = String(error);
  }}
  setTimeout(() => {{ button.textContent = {label_js}; }}, 2500);
}};
</script>"""


def copy_button():
    """A button that copies this view's link (the browser's address, which the router keeps in step)."""
    label, copied = _("Copy link to this view"), _("Copied: paste it anywhere")
    failed = _("Could not copy: the address bar has the same link")
    st.iframe(_COPY_BUTTON.format(label=html.escape(label), label_js=json.dumps(label), copied=json.dumps(copied),
                                  failed=json.dumps(failed)), height=40)
