"""Streamlit's server without Nagle's 40 ms wait: TCP_NODELAY on its sockets.

Streamlit 1.67 binds ``socket.socket(family)``, whose protocol number is 0, so asyncio's test for a TCP socket fails
and it sets TCP_NODELAY on no connection. Nagle's algorithm then holds a small response's body until the browser
acknowledges its headers, and the browser delays that acknowledgement by 40 ms: each small file after the first on
a kept-alive connection took 43 ms, and a page fetches some 60 element scripts in chains, one chain after another.
Linux copies TCP_NODELAY from a listening socket to every connection it accepts.

- ``patch_bind``: before the server starts (``serving.preloaded``), so its listening socket has it from the first
  connection on;
- ``set_on_open_sockets``: from the app's first run under a plain ``streamlit run app.py`` (a laptop, Community
  Cloud), for the listening socket and the connections already open.
"""

import os
import socket

#: Where a process lists its open file descriptors (Linux); elsewhere ``set_on_open_sockets`` does nothing.
FD_FOLDER = "/proc/self/fd"
_done = False  # a listening socket of this process has it


def no_delay(sock):
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def patch_bind():
    """Make Streamlit's server bind its listening socket with TCP_NODELAY. A Streamlit without that function (a later
    version, another server) is left as it is."""
    from streamlit.web.server.starlette import starlette_server

    bind = getattr(starlette_server, "_bind_socket", None)
    if bind is None:
        return

    def bind_no_delay(*args, **kwargs):
        sock = bind(*args, **kwargs)
        no_delay(sock)
        return sock

    starlette_server._bind_socket = bind_no_delay


def set_on_open_sockets(folder=FD_FOLDER):
    """Set TCP_NODELAY on every TCP socket this process has open, listening or connected, once a listening one is
    among them (before the server binds, as in a warm-up run, there is none: the next call looks again). Each
    descriptor is looked at through a duplicate, which is closed; the socket itself stays open.
    """
    global _done
    if _done:
        return
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        try:
            fd = os.dup(int(name))
        except (OSError, ValueError):
            continue  # closed since the listing
        try:
            sock = socket.socket(fileno=fd)
        except OSError:
            os.close(fd)  # not a socket
            continue
        with sock:
            if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
                try:
                    no_delay(sock)
                    _done = _done or bool(sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
                except OSError:
                    continue  # a connection the peer has just reset
