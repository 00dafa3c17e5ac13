"""Every control of every page at its extremes, in AppTest: each slider and number input at its min
and its max, each select box, radio and select slider at every option (select sliders at both
ends), each checkbox both ways, each text box with odd text, each button clicked. The page must
run without an exception, and a NumPy RuntimeWarning (overflow, division by zero) counts as one.

Controls are found again by their id after every run, so a control that an earlier choice hides
or rebuilds is skipped. Choices are not reset between controls: later controls are tried with the
earlier ones left at their last extreme, which is the harsher test.
"""

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tests.test_app_router import routed_pages

TIMEOUT = 120
KINDS = ("slider", "number_input", "select_slider", "selectbox", "radio", "checkbox", "text_input", "text_area",
         "button")
#: Pages whose controls all wait for an upload, which AppTest cannot make (their uploads are tested with the files
#: given straight to the page's functions: tests/test_class_notes_page.py).
UPLOADS_FIRST = {"lessons/class_notes.py"}
ODD_TEXT = ["", "0", "-1", "1e308", "8, 8, 8, 8", "9" * 40, "1,,2", "x" * 300, "∞ ☃ 한국어", "a - y; import os"]


def extremes(widget):
    """The values to try for one control: numbers, option indices, booleans, text or a click."""
    if widget.type in ("slider", "number_input"):
        return [widget.min, widget.max]
    if widget.type in ("selectbox", "radio"):
        return list(range(len(widget.options)))
    if widget.type == "select_slider":
        return [0, len(widget.options) - 1]
    if widget.type == "checkbox":
        return [not widget.value, widget.value]
    if widget.type == "text_input":
        return ODD_TEXT
    if widget.type == "text_area":  # a note: odd text, hostile formulas, many formulas
        return ODD_TEXT + [r"$dz = \input{/etc/passwd}$ $\href{x}{y} = 1$", "$dz = a - y$ " * 100]
    return ["click"]


def choose(widget, index):
    """Pick option ``index`` as a click does, by its shown label. (AppTest's own setters take the
    option's value and format it again, which fails for a ``format_func`` such as dict.get.)"""
    state = WidgetState(id=widget.id)
    if widget.type == "select_slider":
        state.string_array_value.data.append(widget.options[index])
    else:
        state.string_value = widget.options[index]
    widget.__class__ = type("Chosen", (type(widget),), {"_widget_state": property(lambda self: state)})


def set_to(widget, value):
    if widget.type in ("selectbox", "radio", "select_slider"):
        choose(widget, value)
    elif widget.type == "button":
        widget.click()
    else:
        widget.set_value(value)


def controls(at):
    """{id: widget} for every control the page shows now, but the sidebar's language switch: tests/test_i18n.py
    runs every page in Korean, and AppTest would call the pages' format_func outside the script's language."""
    return {w.id: w for kind in KINDS for w in at.get(kind) if w.key != "lang"}


@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.parametrize("page", routed_pages())
def test_every_control_at_its_extremes(page):
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()  # the router first, as a browser would; then the page
    home = at.title[0].value
    at.switch_page(page).run()
    assert not at.exception and (page == "lessons/home.py" or at.title[0].value != home)
    tried = 0
    for widget_id, first in controls(at).items():
        for value in extremes(first):
            widget = controls(at).get(widget_id)
            if widget is None:
                break
            set_to(widget, value)
            at.run()
            tried += 1
            assert not at.exception, f"{page}: {first.type} {first.label!r} set to {value!r}: {at.exception[0].value}"
    assert tried >= 2 or page in UPLOADS_FIRST
