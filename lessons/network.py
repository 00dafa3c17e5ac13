"""What a neural network is: layers and units you set, drawn; every array's shape; one forward pass."""

import pandas as pd
import streamlit as st

import charts
from i18n import _, ngettext
from mathcore import datasets
from mathcore.functions import ACTIVATIONS
from mathcore.network import HIDDEN_ACTIVATIONS, forward, initialize, parameter_count, shape_table
from ui import link
from ui.chart import show_diagram
from ui.table import show_table

st.title(_("What a neural network is"))
st.markdown(_("Layers of units. Each unit of layer $l$ takes every value of layer $l-1$, forms $z = w^\\top a + b$, "
              "and passes $g(z)$ on. Written for all units and all $m$ examples at once:"))
st.latex(r"Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}), \qquad A^{[0]} = X,\quad "
         r"\hat Y = A^{[L]}")

cols = st.columns(3)
n_x = cols[0].slider(_("input features n[0]"), **link.number("n_x", 3, 1, 6))
hidden_layers = cols[1].slider(_("hidden layers"), **link.number("hidden_layers", 1, 0, 3))
no_hidden = hidden_layers == 0  # then there are no hidden units to size or activate
units = cols[2].slider(_("units per hidden layer"), disabled=no_hidden, **link.number("units", 4, 1, 6))
hidden = st.radio(_("hidden activation"), HIDDEN_ACTIVATIONS, format_func=lambda k: _(ACTIVATIONS[k].name),
                  horizontal=True, disabled=no_hidden, **link.option("activation", "relu", HIDDEN_ACTIVATIONS))
layer_dims = [n_x] + [units] * hidden_layers + [1]
L = len(layer_dims) - 1
st.caption(ngettext("Layer sizes n = {dims}: L = {L}, one layer with parameters (the input is layer 0).",
                    "Layer sizes n = {dims}: L = {L} layers with parameters (the input is layer 0).", L)
           .format(dims=layer_dims, L=L)
           + " " + (_("With no hidden layer this is logistic regression: one sigmoid unit on the inputs.") if no_hidden
                    else ""))

rows, y, names, labels = datasets.breast_cancer_raw()
patient = st.slider(_("one real example: patient number"), **link.number("patient", 1, 1, len(rows)))
mean, std = rows.mean(axis=0), rows.std(axis=0)
x = ((rows[patient - 1, :n_x] - mean[:n_x]) / std[:n_x]).reshape(n_x, 1)  # standardised, (n[0], 1)
layers = initialize(layer_dims, hidden, seed=0)
caches = forward(layers, x)
show_diagram(st, charts.network_diagram(layer_dims, _(ACTIVATIONS[hidden].name),
                                        [x[:, 0]] + [A[:, 0] for _Z, A in caches]))
label = int(y[patient - 1])
st.caption(_("Inputs: the first {n_x} measurements of patient {patient} ({names}), standardised. "
             "The weights are random (W[l] ~ N(0, 1/n[l−1]), b[l] = 0), not trained: ŷ = {y_hat:.3f}, "
             "while this patient's label is y = {y} ({meaning}).").format(
    n_x=n_x, patient=patient, names=", ".join(names[:n_x]), y_hat=caches[-1][1][0, 0], y=label,
    meaning=_(labels[label])))

st.subheader(_("Every array and its shape"))
m = st.slider(_("examples m in the batch"), **link.number("m", 569, 1, 569))
table = shape_table(layer_dims, m)
shown = pd.DataFrame({_("array"): [r[0] for r in table], _("shape"): [f"{r[1][0]} × {r[1][1]}" for r in table],
                      _("entries"): [r[2] for r in table],
                      _("learned parameter"): [_("yes") if r[3] else "" for r in table]})
show_table(st, shown, formats={_("entries"): "{:,}"})  # every array in view: at 3 hidden layers, 17 rows
st.metric(_("parameters to learn: Σ n[l]·n[l−1] + n[l]"), f"{parameter_count(layer_dims):,}")

st.subheader(_("The forward pass, layer by layer, for this patient"))
for l, ((Z, A), layer) in enumerate(zip(caches, layers), start=1):
    st.latex(rf"Z^{{[{l}]}} = W^{{[{l}]}} A^{{[{l - 1}]}} + b^{{[{l}]}} = "
             + r"\begin{bmatrix}" + r" \\ ".join(f"{v:.3f}" for v in Z[:, 0]) + r"\end{bmatrix}"
             + rf",\quad A^{{[{l}]}} = \text{{{layer.activation}}}(Z^{{[{l}]}}) = "
             + r"\begin{bmatrix}" + r" \\ ".join(f"{v:.3f}" for v in A[:, 0]) + r"\end{bmatrix}")
