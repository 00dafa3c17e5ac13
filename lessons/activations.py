"""Activation functions: each with its derivative (derived), vanishing gradients, compute cost, and why a
non-linearity at all."""

import numpy as np
import sympy as sp
import streamlit as st

import charts
from i18n import _
from mathcore.functions import ACTIVATIONS
from mathcore.network import derivative_products, linear_layers_collapse
from ui import link
from ui.chart import show_chart
from ui.derivation_view import show_steps, verified
from ui.timing import activation_cost

st.title(_("Activation functions"))
activation = st.radio(_("activation g"), list(ACTIVATIONS), format_func=lambda k: _(ACTIVATIONS[k].name),
                      horizontal=True, **link.option("activation", "sigmoid", ACTIVATIONS))
z0 = st.slider("z", step=0.1, **link.number("z", 0.5, -5.0, 5.0))  # as wide as the chart's z axis under it
g = ACTIVATIONS[activation]
name, derivative = _(g.name), verified(g.derivative)
grid = np.linspace(-5, 5, 201)  # 0.05 apart: smooth, and each point is a row the browser encodes
slope = derivative.evaluate(z=grid, alpha=0.01)[0][-1]
show_chart(st, charts.curves_with_point(grid, {f"g(z) = {name}": g.forward(grid), "g'(z)": slope}, z0, "z", _("value")),
           width="stretch")
cols = st.columns(2)
cols[0].metric(f"g({z0:g})", f"{float(g.forward(np.array(z0))):.4f}")
cols[1].metric(f"g'({z0:g})", f"{float(derivative.evaluate(z=z0, alpha=0.01)[0][-1]):.4f}")
show_steps(derivative)

st.header(_("Vanishing gradients"))
st.markdown(_("Backpropagation through $L$ layers multiplies one factor $g'(z^{[l]})$ per layer. The sigmoid's slope "
              "is at most $\\tfrac14$, so the product shrinks at least like $(\\tfrac14)^L$; tanh's is at most 1 and "
              "ReLU's is 0 or 1. Pre-activations drawn at random, $z \\sim \\mathcal{N}(0, s^2)$:"))
cols = st.columns(2)
depth = cols[0].slider(_("depth L"), **link.number("depth", 20, 1, 50))
scale = cols[1].slider(_("scale s of z"), step=0.1, **link.number("scale", 1.0, 0.1, 5.0))
PATHS = 20_000
products = {_(g.name): derivative_products(key, depth, scale, PATHS) for key, g in ACTIVATIONS.items()}
layers = np.arange(1, depth + 1)
show_chart(st, charts.vanishing(layers, products, 0.25 ** layers), width="stretch")
st.caption(_("At L = {depth}: {products}; (1/4)^L = {bound:.1e}. ReLU's mean is (1/2)^L: a path survives only if "
             "every z > 0, but then its gradient passes at full strength (its line stops where none of the {paths:,} "
             "random paths survives).").format(depth=depth, products=", ".join(f"{k} {v[-1]:.1e}"
                                                                              for k, v in products.items()),
                                               bound=0.25 ** depth, paths=PATHS))

st.header(_("Compute cost, measured now"))
activation_cost()
st.caption(_("The sigmoid needs an exponential (and a division) per element; ReLU one comparison. Both are "
             "memory-bound at this size, so the ratio depends on the machine."))

st.header(_("Why a non-linearity at all"))
collapsed = linear_layers_collapse(2, 2, 1)
st.markdown(_("Without $g$, two layers are one. SymPy multiplies out two layers with symbolic $W$'s and $b$'s "
              "(sizes 2 → 2 → 1) and finds an affine map $W x + b$ again:"))
st.latex(r"W_2 (W_1 x + b_1) + b_2 = \underbrace{" + sp.latex(collapsed["W"]) + r"}_{W = W_2 W_1} x + \underbrace{"
         + sp.latex(collapsed["b"]) + r"}_{b = W_2 b_1 + b_2}")
st.caption((_("✓ SymPy expanded both sides entry by entry: equal.") if collapsed["proved"] else _("✗ not proved."))
           + " " + _("However many linear layers you stack, the network stays logistic regression on x."))
