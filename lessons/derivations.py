"""Every derivation in mathcore: the summary of proofs and checks, and any one of them in full."""


import pandas as pd
import streamlit as st

from i18n import _

from mathcore import CATALOGUE
from mathcore.derivations import dL_dz_key
from ui import link
from ui.derivation_view import show_source, show_steps, spoken, verified
from ui.table import show_table

st.title(_("Every derivation, verified"))
st.markdown(_(
    "Each derivation is built from the definitions (the sigmoid, the losses, $z = w^\\top x + b$). "
    "Every step is **proved** equal to the one before by SymPy, and **checked** with numbers: "
    "finite differences for a derivative, the function far out for a limit. "
    "The same table comes from `python -m mathcore verify`."
))

progress = st.progress(0.0, text=_("Deriving, proving and checking each derivation (once per server)…"))
all_derivations = []
for k, key in enumerate(CATALOGUE):
    all_derivations.append(verified(key))
    progress.progress((k + 1) / len(CATALOGUE))
progress.empty()
result, error = _("result"), _("numeric error")
show_table(st, pd.DataFrame({
    _("derivation"): [_(d.title) for d in all_derivations],
    result: [f"${d.lhs} = {spoken(d.steps[-1].latex)}$" for d in all_derivations],
    _("proved"): ["✓" if d.proved else "✗" for d in all_derivations],
    error: [d.error for d in all_derivations],
    _("checked against"): [_(d.check_against) for d in all_derivations],
}), formats={error: "{:.1e}"}, prose=[result])

by_key = {d.key: d for d in all_derivations}
chosen = by_key[st.selectbox(_("Show one in full"), list(by_key), format_func=lambda k: _(by_key[k].title),
                             **link.option("derivation", dL_dz_key("squared_error", "sigmoid"), by_key))]
st.subheader(_(chosen.title))
show_steps(chosen)

show_source(_("The code that derived this"), CATALOGUE[chosen.key], key="derivations:code")
