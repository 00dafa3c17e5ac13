"""What no client may ask of a shared server: Streamlit's "clear caches" message is refused.

Streamlit 1.67 obeys a ``BackMsg`` with ``clear_cache`` from any client, whatever ``client.toolbarMode`` says
(``AppSession._handle_clear_cache_request``): it clears ``st.cache_data`` and ``st.cache_resource`` for every
session, and the sender's session state. On a public server that let anyone stop the checker's pool under every
check in flight (#39: it lived in ``st.cache_resource`` then; it is kept by ``ui.checking`` now), make every session
prove its derivations and train its networks again (``ui.derivation_view``, ``ui.training``), and come back under a
fresh session. ``refuse_clear_cache`` makes that message do nothing; a developer clears the caches by restarting the
server.

It is installed
- by ``serving.preloaded``, before the server starts (the class server, the browser tests, the benchmarks);
- by the app at each run (``app.py``), for a plain ``streamlit run app.py``: from the first run on, before which
  nothing is cached.
"""


def refuse_clear_cache():
    """Make every Streamlit session of this process ignore a client's "clear caches" message. A Streamlit without
    that handler (another version) is left as it is; tests/test_guard.py says when it changes."""
    from streamlit.runtime.app_session import AppSession

    if getattr(AppSession, "_handle_clear_cache_request", refused) is not refused:
        AppSession._handle_clear_cache_request = refused


def refused(session):
    """A session's answer to a client's "clear caches": nothing is cleared, for anyone."""
