"""Loss and cost: squared error against cross-entropy, why cross-entropy, and J as an average."""

import numpy as np
import pandas as pd
import sympy as sp
import streamlit as st

import charts
from i18n import _
from mathcore.datasets import small_table
from mathcore.logistic import forward
from mathcore.losses import LOSSES, cost_by_definition, cross_entropy, limit_as_a_to, squared_error
from mathcore.derivations import dL_da_key
from ui import link
from ui.chart import show_chart
from ui.derivation_view import open_tab, show_steps, verified
from ui.table import show_table

st.title(_("Loss and cost"))
squared, cross = (_(LOSSES[key].name) for key in ("squared_error", "cross_entropy"))
st.latex(rf"\text{{{squared}: }} L(\hat y, y) = \tfrac12 (\hat y - y)^2 \qquad "
         rf"\text{{{cross}: }} L(\hat y, y) = -\bigl(y \log \hat y + (1 - y) \log(1 - \hat y)\bigr)")

left, right = st.columns(2)
y_hat = left.slider(_("prediction ŷ"), step=0.01, **link.number("y_hat", 0.10, 0.01, 0.99))
y = right.radio(_("label y"), [0, 1], horizontal=True, **link.option("y", 1, [0, 1]))
grid = np.linspace(0.005, 0.995, 199)
names = {_(loss.name): key for key, loss in LOSSES.items()}
curves = {label: {name: LOSSES[key].numeric(grid, label) for name, key in names.items()} for label in (0, 1)}
for col, panel in zip(st.columns(2), charts.losses_against_prediction(grid, curves, (y, y_hat))):
    show_chart(col, panel, width="stretch")
cols = st.columns(2)
for col, (name, key) in zip(cols, names.items()):
    col.metric(_("{loss} at your point").format(loss=name), f"{float(LOSSES[key].numeric(y_hat, y)):.4f}")

st.subheader(_("Why cross-entropy"))
st.markdown(_(
    "Cross-entropy punishes a confident wrong answer without bound; squared error caps it at $\\tfrac12$. "
    "SymPy takes the limits for $y = 1$ as the prediction goes to 0:"
))
st.latex(rf"\lim_{{\hat y \to 0^+}} L_{{\text{{CE}}}}(\hat y, 1) = {sp.latex(limit_as_a_to(cross_entropy, 1, 0))}"
         rf"\qquad \lim_{{\hat y \to 0^+}} L_{{\text{{SE}}}}(\hat y, 1) = {sp.latex(limit_as_a_to(squared_error, 1, 0))}")
st.markdown(_(
    "Its slope tells the same story: $\\partial L / \\partial \\hat y$ for cross-entropy grows like $-1/\\hat y$. "
    "And after a sigmoid, cross-entropy's cost is convex in $(w, b)$ while squared error's is not, "
    "which is why the course trains logistic regression with cross-entropy."
))
st.page_link("lessons/convexity.py", label=_("See it proved, and on the cost surface"), icon=":material/landscape:")
st.caption(_("The derivations write $a$ for $\\hat y$, as the course does once the sigmoid's output is a layer's "
             "activation."))
tab, key = open_tab({f"∂L/∂ŷ, {cross}": dL_da_key("cross_entropy"),
                     f"∂L/∂ŷ, {squared}": dL_da_key("squared_error")})
with tab:
    show_steps(verified(key))

st.header(_("The cost J(w, b) = (1/m) Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)"))
st.markdown(_("The loss judges one example; the cost averages it over all $m$. Set $w$ and $b$:"))
cols = st.columns(3)
w = np.array([[cols[0].slider("w1", step=0.1, **link.number("w1", 1.0, -3.0, 3.0))],
              [cols[1].slider("w2", step=0.1, **link.number("w2", 0.5, -3.0, 3.0))]])
b = cols[2].slider("b", step=0.1, **link.number("b", 0.0, -3.0, 3.0))
X, Y = small_table()
Z, A = forward(w, b, X)
losses = LOSSES["cross_entropy"].of_z(Z, Y)
show_table(st, pd.DataFrame({"i": range(1, X.shape[1] + 1), "x1": X[0], "x2": X[1], "y": Y[0], "z = wᵀx + b": Z[0],
                             "ŷ = σ(z)": A[0], "L(ŷ, y)": losses[0]}),
           formats={"x1": "{:.4f}", "x2": "{:.4f}", "y": "{:.0f}", "z = wᵀx + b": "{:.4f}", "ŷ = σ(z)": "{:.4f}",
                    "L(ŷ, y)": "{:.4f}"})
cols = st.columns(3)
cols[0].metric(_("J, the mean of the L column (NumPy)"), f"{np.mean(losses):.6f}")
by_definition = cost_by_definition(cross_entropy, A, Y)
cols[1].metric(_("J from SymPy's (1/m) Σ L"), f"{by_definition:.6f}")
cols[2].metric(_("difference"), f"{abs(np.mean(losses) - by_definition):.1e}")
