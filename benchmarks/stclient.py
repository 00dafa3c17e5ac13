"""A learner without a browser: Streamlit's own websocket protocol, spoken with the protobuf messages that
ship in the installed ``streamlit`` package.

A browser opens ``/_stcore/stream`` (subprotocol ``streamlit``), sends a ``BackMsg`` whose
``rerun_script`` names the page and carries the widgets' values, and draws the ``ForwardMsg``s that come
back until ``script_finished``. ``Learner`` does the same and keeps what a load test needs: the page's
widgets (their ids, bounds and options, from the elements the server sends) and any exception shown.

>>> learner = Learner("http://127.0.0.1:8501")   # doctest: +SKIP
>>> seconds = learner.open("sigmoid")            # doctest: +SKIP
>>> seconds = learner.move(0)                    # the page's first slider, to a new value  # doctest: +SKIP
"""

import time

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.browser import NOTES  # what a learner checks on the notes page, in turn: as in the browser

#: What a learner types on the checker page, in turn (right and wrong, all fast to judge).
ANSWERS = ["-y/a + (1-y)/(1-a)", "a - y", "(1-y)/(1-a) - y/a", "y/a"]
#: The element kinds a learner moves, in the order they are preferred. A text area is a note: it is sent with its
#: form's submit button pressed, as the notes page checks a note only then.
MOVABLE = ("slider", "number_input", "text_input", "selectbox", "text_area")


class ServerError(RuntimeError):
    """The server showed an exception, closed the socket, or did not finish the run."""


class Learner:
    """One session on ``url`` (http://host:port): open a page, move its controls, each timed to ``script_finished``.
    ``cookie`` ("stroute=…") picks the process behind nginx (serving.nginx)."""

    def __init__(self, url, timeout=120, cookie=None):
        origin = url.rstrip("/")
        self.socket = websocket.create_connection(
            origin.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
            origin=origin, cookie=cookie, timeout=timeout)
        self.page, self.page_hash, self.widgets, self.states, self.runs = "", "", [], {}, 0
        self.submits = {}  # each form's first submit button, by the form's id
        self.alerts = []  # the texts of the last run's success, info, warning and error boxes
        self.texts = []  # the last run's Markdown texts

    def close(self):
        self.socket.close()

    def open(self, page, query=""):
        """Open ``page`` (its url path; "" for the home page) as a first visit: seconds to the run's end."""
        self.page, self.page_hash, self.states = page, "", {}
        return self._rerun(query)

    def move(self, k):
        """Move the page's first movable control to its ``k``-th new value: seconds to the run's end."""
        if not self.widgets:
            raise ServerError(f"{self.page or 'home'}: no control to move")
        kind, element = self.widgets[0]
        state = WidgetState(id=element.id)
        if kind == "slider" and element.options:  # a select slider: its value is an option's text
            state.string_array_value.data.append(element.options[(k * 7 + 3) % len(element.options)])
        elif kind == "slider":
            span = element.max - element.min
            steps = max(1, round(span / element.step)) if element.step else 10
            value = element.min + ((k * 7 + 3) % (steps + 1)) * span / steps
            state.double_array_value.data.append(round(value) if element.data_type == element.INT else value)
        elif kind == "number_input":
            low = element.min if element.has_min else -10
            high = element.max if element.has_max else 10
            value = low + ((k * 7 + 3) % 11) * (high - low) / 10
            if element.data_type == element.INT:
                state.int_value = round(value)
            else:
                state.double_value = value
        elif kind == "selectbox":  # its value is the chosen option's text
            state.string_value = element.options[(k + 1) % len(element.options)]
        elif kind == "text_area":
            state.string_value = NOTES[k % len(NOTES)]
        else:
            state.string_value = ANSWERS[k % len(ANSWERS)]
        self.states[element.id] = state
        pressed = []  # a button's press counts for one run only: it is not kept in the states
        if kind == "text_area" and element.form_id in self.submits:
            pressed.append(WidgetState(id=self.submits[element.form_id].id, trigger_value=True))
        return self._rerun("", pressed)

    def _rerun(self, query, pressed=()):
        message = BackMsg()
        run = message.rerun_script
        run.query_string, run.page_name, run.page_script_hash = query, self.page, self.page_hash
        run.widget_states.widgets.extend([*self.states.values(), *pressed])
        start = time.perf_counter()
        self.socket.send_binary(message.SerializeToString())
        widgets, errors, alerts, texts, submits = [], [], [], [], {}
        while True:
            try:
                frame = self.socket.recv()
            except (websocket.WebSocketException, OSError) as error:
                raise ServerError(f"{self.page or 'home'}: {type(error).__name__}: {error}") from None
            if not frame:
                raise ServerError(f"{self.page or 'home'}: the server closed the connection")
            forward = ForwardMsg()
            forward.ParseFromString(frame)
            kind = forward.WhichOneof("type")
            if kind == "navigation" and forward.navigation.page_script_hash:
                self.page_hash = forward.navigation.page_script_hash
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                what = element.WhichOneof("type")
                if what == "alert":
                    alerts.append(element.alert.body)
                elif what == "markdown":
                    texts.append(element.markdown.body)
                elif what == "exception":
                    errors.append(f"{element.exception.type}: {element.exception.message[:200]}")
                elif what in MOVABLE and not getattr(element, what).disabled:
                    widgets.append((what, getattr(element, what)))
                elif what == "button" and element.button.is_form_submitter:
                    submits.setdefault(element.button.form_id, element.button)
            elif kind == "script_finished":
                if forward.script_finished == forward.FINISHED_EARLY_FOR_RERUN:
                    continue
                seconds = time.perf_counter() - start
                break
        self.runs += 1
        if errors:
            raise ServerError(f"{self.page or 'home'}: " + "; ".join(errors))
        widgets.sort(key=lambda widget: MOVABLE.index(widget[0]))  # sliders first: what a learner moves most
        self.widgets, self.alerts, self.texts, self.submits = widgets, alerts, texts, submits
        return seconds
