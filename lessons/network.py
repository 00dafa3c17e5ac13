"""What a neural network is: layers and units you set, drawn; every array's shape; one forward pass."""

import pandas as pd
import streamlit as st

import charts
from mathcore import datasets
from mathcore.functions import ACTIVATION_NAMES
from mathcore.network import HIDDEN_ACTIVATIONS, forward, initialize, parameter_count, shape_table

st.title("What a neural network is")
st.markdown("Layers of units. Each unit of layer $l$ takes every value of layer $l-1$, forms $z = w^\\top a + b$, and "
            "passes $g(z)$ on. Written for all units and all $m$ examples at once:")
st.latex(r"Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}), \qquad A^{[0]} = X,\quad "
         r"\hat Y = A^{[L]}")

cols = st.columns(4)
n_x = cols[0].slider("input features n[0]", 1, 6, 3)
hidden_layers = cols[1].slider("hidden layers", 0, 3, 1)
units = cols[2].slider("units per hidden layer", 1, 6, 4)
hidden = cols[3].selectbox("hidden activation", HIDDEN_ACTIVATIONS, format_func=ACTIVATION_NAMES.get)
layer_dims = [n_x] + [units] * hidden_layers + [1]
st.caption(f"Layer sizes n = {layer_dims}: L = {len(layer_dims) - 1} layers with parameters (the input is layer 0). "
           "With no hidden layer this is logistic regression.")

rows, y, names, labels = datasets.breast_cancer_raw()
patient = st.slider("one real example: patient number", 1, len(rows), 1)
mean, std = rows.mean(axis=0), rows.std(axis=0)
x = ((rows[patient - 1, :n_x] - mean[:n_x]) / std[:n_x]).reshape(n_x, 1)  # standardised, (n[0], 1)
layers = initialize(layer_dims, hidden, seed=0)
caches = forward(layers, x)
st.graphviz_chart(charts.network_diagram(layer_dims, ACTIVATION_NAMES[hidden], [x[:, 0]] + [A[:, 0] for _, A in caches]))
st.caption(f"Inputs: the first {n_x} measurements of patient {patient} ({', '.join(names[:n_x])}), standardised. "
           f"The weights are random (W[l] ~ N(0, 1/n[l−1]), b[l] = 0), not trained: ŷ = {caches[-1][1][0, 0]:.3f}, "
           f"while this patient's label is y = {int(y[patient - 1])} ({labels[int(y[patient - 1])]}).")

st.subheader("Every array and its shape")
m = st.slider("examples m in the batch", 1, 569, 569)
table = shape_table(layer_dims, m)
shown = pd.DataFrame({"array": [r[0] for r in table], "shape": [f"{r[1][0]} × {r[1][1]}" for r in table],
                      "entries": [r[2] for r in table], "learned parameter": ["yes" if r[3] else "" for r in table]})
st.dataframe(shown, hide_index=True)
st.metric("parameters to learn: Σ n[l]·n[l−1] + n[l]", f"{parameter_count(layer_dims):,}")

st.subheader("The forward pass, layer by layer, for this patient")
for l, ((Z, A), layer) in enumerate(zip(caches, layers), start=1):
    st.latex(rf"Z^{{[{l}]}} = W^{{[{l}]}} A^{{[{l - 1}]}} + b^{{[{l}]}} = "
             + r"\begin{bmatrix}" + r" \\ ".join(f"{v:.3f}" for v in Z[:, 0]) + r"\end{bmatrix}"
             + rf",\quad A^{{[{l}]}} = \text{{{layer.activation}}}(Z^{{[{l}]}}) = "
             + r"\begin{bmatrix}" + r" \\ ".join(f"{v:.3f}" for v in A[:, 0]) + r"\end{bmatrix}")
