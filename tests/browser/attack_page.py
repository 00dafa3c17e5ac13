"""A page for tests/browser/test_attacks.py (never served by the app): the identity of the server's checker pool, then
a check that takes the seconds the address asks for (``?stall=2&tag=…``), run in that pool for this session."""

import streamlit as st

from tests.pool_helpers import stall
from ui.checking import pool, session


def run():
    st.markdown(f"pool {id(pool())}")
    seconds = float(st.query_params.get("stall", 0))
    if seconds:
        verdict = pool().run(stall, seconds, st.query_params.get("tag", ""), session=session(), timeout=seconds + 5)
        st.success(f"verdict: {verdict.message}")


# The checker's workers are prepared from the main script, under another name (as app.py says): they must not run it.
if __name__ == "__main__":
    run()
