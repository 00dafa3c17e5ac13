"""#39 over a real server's websocket, as an attacker sends it: Streamlit's own protocol, spoken by a raw client (no
browser), against ``serving.preloaded`` serving a page that checks through the app's one pool
(tests/browser/attack_page.py). A plain ``streamlit run app.py`` refuses the same message from the app's first run
(tests/test_guard.py)."""

import uuid

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from serving import streamlit_process

PAGE = "tests/browser/attack_page.py"


def connect(url):
    return websocket.create_connection(url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                                       origin=url, timeout=120)


def rerun(sock, query):
    message = BackMsg()
    message.rerun_script.query_string = query
    sock.send_binary(message.SerializeToString())


def texts(sock, until=None):
    """The markdown and success texts of the run ``sock`` asked for, up to its end, or up to the first text that
    starts with ``until``."""
    found = []
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(sock.recv())
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            what = element.WhichOneof("type")
            if what in ("markdown", "alert"):
                found.append(getattr(element, what).body)
                if until and found[-1].startswith(until):
                    return found
        elif kind == "script_finished" and forward.script_finished != forward.FINISHED_EARLY_FOR_RERUN:
            return found


def test_a_clients_clear_caches_message_stops_no_check_and_clears_no_pool(tmp_path):
    """While a learner's check runs in the pool, another client sends Streamlit's "clear caches" message: the learner
    still gets the check's verdict, and the pool is the same object after. Before #39 the message cleared
    st.cache_resource, where the pool lived, which stopped it under the check: "the check stopped (no answer from
    the pool)"."""
    with streamlit_process(tmp_path / "server.log", script=PAGE) as (url, _process):
        learner, attacker = connect(url), connect(url)
        try:
            rerun(learner, f"stall=2&tag={uuid.uuid4().hex}")
            (pool,) = texts(learner, until="pool ")  # the check starts after this
            attacker.send_binary(BackMsg(clear_cache=True).SerializeToString())
            assert texts(learner) == ["verdict: should have been stopped"]  # the stall's own verdict: it ran out
            rerun(learner, "")
            assert texts(learner) == [pool]
        finally:
            learner.close()
            attacker.close()
