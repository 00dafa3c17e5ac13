"""serving.nodelay: every connection the server accepts sends at once (TCP_NODELAY). Streamlit's own listening
socket gives none (its protocol number is 0, so asyncio skips it), and a small file then waited 40 ms for the
browser's delayed acknowledgement."""

import os
import socket

import pytest
from streamlit.web.server.starlette import starlette_server

from serving import nodelay


def delays(sock):
    return not sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def streamlit_listener():
    """A listening socket made by Streamlit's own function (blocking, so that accept waits for the connection)."""
    listener = starlette_server._bind_socket("127.0.0.1", 0, 8)
    listener.setblocking(True)
    return listener


def accepted(listener):
    """A connection to ``listener``: (the client's end, the server's end)."""
    client = socket.create_connection(listener.getsockname())
    return client, listener.accept()[0]


def test_streamlits_own_listening_socket_gives_connections_that_delay():
    """What the fix is for: without it, a connection the server accepts runs Nagle's algorithm. (Should a Streamlit
    release fix its socket, this fails, and serving.nodelay can go.)"""
    with streamlit_listener() as listener:
        client, connection = accepted(listener)
        with client, connection:
            assert delays(connection)


def test_a_server_started_by_the_launcher_accepts_connections_without_delay(monkeypatch):
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)  # put back after the test
    nodelay.patch_bind()
    with streamlit_listener() as listener:
        client, connection = accepted(listener)
        with client, connection:
            assert not delays(connection)


@pytest.mark.skipif(not os.path.isdir(nodelay.FD_FOLDER), reason="lists open descriptors through /proc (Linux)")
def test_under_a_plain_streamlit_run_the_first_run_sets_it_on_open_sockets(monkeypatch):
    """The listening socket (so every later connection) and a connection already open; no descriptor is left open
    by the look, and once a listening socket is done the next run does not look again."""
    monkeypatch.setattr(nodelay, "_done", False)
    with streamlit_listener() as listener:
        early_client, early = accepted(listener)
        with early_client, early:
            assert delays(early)
            open_before = len(os.listdir(nodelay.FD_FOLDER))
            nodelay.set_on_open_sockets()
            assert len(os.listdir(nodelay.FD_FOLDER)) == open_before
            assert not delays(early) and nodelay._done
            later_client, later = accepted(listener)
            with later_client, later:
                assert not delays(later)
                listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
                nodelay.set_on_open_sockets()  # done: it does not look again
                assert delays(listener)


def test_before_the_server_listens_the_look_finds_nothing_and_looks_again_next_run(monkeypatch, tmp_path):
    monkeypatch.setattr(nodelay, "_done", False)
    nodelay.set_on_open_sockets(tmp_path)  # no descriptors at all (a warm-up run: no server yet)
    nodelay.set_on_open_sockets(tmp_path / "missing")  # no such folder (not Linux)
    assert not nodelay._done
