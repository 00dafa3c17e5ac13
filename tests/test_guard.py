"""serving.guard (#39): no client's "clear caches" message clears what every session shares. The message itself, sent
over a real server's websocket while a learner checks, is in tests/browser/test_attacks.py."""

import inspect
from pathlib import Path
from types import SimpleNamespace

import streamlit as st
from streamlit.runtime.app_session import AppSession
from streamlit.testing.v1 import AppTest

from serving import guard

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_obeys_any_clients_clear_caches_message_through_the_handler_the_guard_replaces():
    """What the guard is for, and where it acts: Streamlit hands a client's clear_cache message to this handler,
    which clears every session's caches. (Should a Streamlit release change that, this fails, and the guard must
    follow.)"""
    assert "self._handle_clear_cache_request()" in inspect.getsource(AppSession.handle_backmsg)
    source = inspect.getsource(AppSession)  # the class as Streamlit wrote it, whatever was installed since
    handler = source[source.index("def _handle_clear_cache_request"):]
    assert "cache_resource.clear()" in handler[:handler.index("\n    def ")]


def obeyed(session):
    """Stands in for Streamlit's handler, which clears every cache."""


def test_the_app_refuses_clear_caches_from_its_first_run_and_nothing_shared_is_cleared(monkeypatch):
    """Under a plain `streamlit run app.py`: once the app has run, a client's clear_cache clears no resource."""
    monkeypatch.setattr(AppSession, "_handle_clear_cache_request", obeyed)  # as before any run (restored after)
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert AppSession._handle_clear_cache_request is guard.refused

    @st.cache_resource
    def shared():
        return object()

    first = shared()
    state = {"checker_session": "a learner"}
    AppSession._handle_clear_cache_request(SimpleNamespace(_session_state=state))
    assert shared() is first and state == {"checker_session": "a learner"}


def test_the_preloaded_server_refuses_it_before_it_starts(monkeypatch):
    """serving.preloaded installs the guard before Streamlit's command line runs (the class server, the tests)."""
    from serving import nodelay, preloaded
    from streamlit.web import cli

    monkeypatch.setattr(AppSession, "_handle_clear_cache_request", obeyed)
    installed = []
    monkeypatch.setattr(preloaded, "preload", lambda: [])
    monkeypatch.setattr(nodelay, "patch_bind", lambda: None)  # it would patch Streamlit's bind for every later test
    monkeypatch.setattr(cli, "main", lambda: installed.append(AppSession._handle_clear_cache_request))
    monkeypatch.setattr("sys.argv", ["preloaded.py", "version"])
    preloaded.main()
    assert installed == [guard.refused]
