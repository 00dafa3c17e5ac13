"""Logistic regression and the sigmoid: why squash z, the sigmoid's properties proved, the notation bridge."""

import numpy as np
import pandas as pd
import streamlit as st

import charts
from i18n import _
from mathcore.functions import sigmoid_numpy
from mathcore.layer import linear_forward
from mathcore.logistic import forward, random_problem
from ui import link
from ui.chart import show_chart
from ui.derivation_view import open_tab, show_steps, verified
from ui.table import show_table

st.title(_("Logistic regression and the sigmoid"))
st.markdown(_(
    "Logistic regression predicts a probability, $\\hat y = P(y = 1 \\mid x)$. Its linear part "
    "$z = w^\\top x + b$ can be any real number; a probability must lie between 0 and 1. "
    "The sigmoid squashes every $z$ into $(0, 1)$, keeps the order, and is smooth enough to differentiate."
))
st.latex(r"\hat y = a = \sigma(w^\top x + b), \qquad \sigma(z) = \frac{1}{1 + e^{-z}}")

z0 = st.slider(_("Move the point: z"), step=0.1, **link.number("z", 1.0, -8.0, 8.0))
slope = verified("da_dz")
grid = np.linspace(-8, 8, 161)
cols = st.columns(3)
cols[0].metric("z", f"{z0:.2f}")
cols[1].metric("σ(z)", f"{float(sigmoid_numpy(z0)):.6f}")
cols[2].metric("σ'(z) = σ(z)(1 − σ(z))", f"{float(slope.evaluate(z=z0)[0][-1]):.6f}")
show_chart(st, charts.curves_with_point(grid, {"σ(z)": sigmoid_numpy(grid), "σ'(z)": slope.evaluate(z=grid)[0][-1]},
                                        z0, "z", _("value")), width="stretch")
st.caption(_("σ'(z) comes from the derivation below, lambdified; the tests compare it with finite differences."))

st.header(_("Its properties, each derived by SymPy"))
properties = {
    "σ(0) = 1/2": ["sigmoid_at_zero"],
    _("limits at ±∞"): ["sigmoid_limit_pos", "sigmoid_limit_neg"],
    "σ(−z) = 1 − σ(z)": ["sigmoid_symmetry"],
    "σ' = σ(1 − σ)": ["da_dz"],
    "max σ' = 1/4": ["sigmoid_derivative_max"],
}
tab, keys = open_tab(properties)
with tab:
    for key in keys:
        show_steps(verified(key))

st.header(_("Notation bridge: the column w is the one-layer W[1] = wᵀ"))
st.markdown(_(
    "Week 2 writes one example as $\\hat y = \\sigma(w^\\top x + b)$ with a column $w$ of shape $(n_x, 1)$. "
    "Deep networks write a layer as $Z^{[1]} = W^{[1]} X + b^{[1]}$ with $W^{[1]}$ of shape $(n^{[1]}, n^{[0]})$. "
    "Logistic regression is the network with one unit, $n^{[1]} = 1$: so $W^{[1]} = w^\\top$, of shape $(1, n_x)$, "
    "and both give the same $Z$ for all $m$ examples at once."
))
left, right = st.columns(2)
n_x = left.slider(_("features n_x"), **link.number("n_x", 3, 1, 6))
m = right.slider(_("examples m"), **link.number("m", 4, 1, 6))
w, b, X, _Y = random_problem(n_x, m, seed=n_x * 10 + m)
Z_course, Z_layer = forward(w, b, X)[0], linear_forward(X, w.T, np.array([[b]]))
st.latex(rf"w \in \mathbb{{R}}^{{{n_x} \times 1}},\quad W^{{[1]}} = w^\top \in \mathbb{{R}}^{{1 \times {n_x}}},"
         rf"\quad X \in \mathbb{{R}}^{{{n_x} \times {m}}},\quad Z \in \mathbb{{R}}^{{1 \times {m}}}")
course, layer = _("z = wᵀx⁽ⁱ⁾ + b (course)"), _("Z = W[1] X + b (layer)")
show_table(st, pd.DataFrame({_("example i"): range(1, m + 1), course: Z_course.ravel(), layer: Z_layer.ravel()}),
           formats={course: "{:.6f}", layer: "{:.6f}"})
st.caption(_("Largest difference between the two: {diff:.1e}").format(diff=np.max(np.abs(Z_course - Z_layer))))
