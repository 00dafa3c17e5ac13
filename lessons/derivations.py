"""Every derivation in mathcore: the summary of proofs and checks, and any one of them in full."""

import inspect

import streamlit as st

from mathcore import CATALOGUE
from ui.derivation_view import show_steps, table_cell, verified

st.title("Every derivation, verified")
st.markdown(
    "Each derivation is built from the definitions (the sigmoid, the losses, $z = w^\\top x + b$). "
    "Every step is **proved** equal to the one before by SymPy, and **checked** with numbers: "
    "finite differences for a derivative, the function far out for a limit. "
    "The same table comes from `python -m mathcore verify`."
)

progress = st.progress(0.0, text="Deriving, proving and checking each derivation (once per server)…")
all_derivations = []
for k, key in enumerate(CATALOGUE):
    all_derivations.append(verified(key))
    progress.progress((k + 1) / len(CATALOGUE))
progress.empty()
st.markdown(
    "| derivation | result | proved | numeric error | checked against |\n|---|---|:-:|--:|---|\n"
    + "\n".join(f"| {d.title} | ${table_cell(d.lhs)} = {table_cell(d.steps[-1].latex)}$ | {'✓' if d.proved else '✗'} "
                f"| {d.error:.1e} | {d.check_against} |" for d in all_derivations)
)

titles = {d.title: d for d in all_derivations}
chosen = titles[st.selectbox("Show one in full", list(titles), index=list(CATALOGUE).index("dL_dz_squared_error_sigmoid"))]
st.subheader(chosen.title)
show_steps(chosen)

with st.expander("The code that derived this"):
    builder = CATALOGUE[chosen.key]
    st.code(inspect.getsource(getattr(builder, "func", builder)), language="python")
