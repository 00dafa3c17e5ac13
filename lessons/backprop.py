"""Chain rule and backpropagation: dL/dz re-derived for the loss and activation you pick, the
computation graph with forward values and backward gradients, and the gradients of w and b."""

import numpy as np
import pandas as pd
import streamlit as st

import charts
from mathcore.functions import ACTIVATION_NAMES
from mathcore.graph import LEAF_RANGE, forward_backward
from mathcore.losses import LOSS_NAMES
from ui.derivation_view import show_steps, verified


st.title("Chain rule and backpropagation")
st.markdown("Pick the output activation and the loss; SymPy re-derives $\\partial L / \\partial z$ from scratch.")
left, right = st.columns(2)
activation = left.selectbox("output activation a = g(z)", list(ACTIVATION_NAMES),
                            format_func=ACTIVATION_NAMES.get)
meaningful = list(LOSS_NAMES) if activation == "sigmoid" else ["squared_error"]
loss = right.radio("loss", meaningful, format_func=LOSS_NAMES.get, horizontal=True)
if activation != "sigmoid":
    right.caption("Cross-entropy needs 0 < a < 1 (it takes log a and log(1 − a)); only the sigmoid guarantees that.")
show_steps(verified(f"dL_dz_{loss}_{activation}"))

st.subheader("What the extra a(1 − a) does when the unit saturates")
st.markdown("With squared error after a sigmoid, $\\partial L/\\partial z = (a - y)\\,a(1 - a)$. Take $y = 1$ and a "
            "very negative $z$: the model is confidently wrong, yet $a(1 - a) \\approx 0$ stalls learning.")
z_mark = st.slider("z to compare at", -10.0, 10.0, -6.0, 0.5)
grid = np.linspace(-10, 10, 401)
gradients = {name: np.abs(verified(f"dL_dz_{key}_sigmoid").evaluate(z=grid, y=1.0)[0][-1]) for key, name in LOSS_NAMES.items()}
st.altair_chart(charts.curves_with_point(grid, gradients, z_mark, "z", "|∂L/∂z| for y = 1 (log scale)",
                                         log_y=True), width="stretch")
cols = st.columns(2)
for col, (name, values) in zip(cols, gradients.items()):
    col.metric(f"|∂L/∂z|, {name}, at z = {z_mark:g}", f"{np.interp(z_mark, grid, values):.2e}")

st.header("The computation graph of one example")
st.markdown("$z = w_1 x_1 + w_2 x_2 + b$, $a = \\sigma(z)$ (the graph keeps the sigmoid), $L = L(a, y)$ with the loss "
            "chosen above. Black: the forward value. Red: $\\partial L/\\partial$ node, multiplied backwards along the "
            "edges, each labelled with its local derivative.")
cols = st.columns(6)
values = {name: col.number_input(name, *LEAF_RANGE, default, 0.1)
          for col, (name, default) in zip(cols, {"x1": 1.0, "w1": 0.5, "x2": -2.0, "w2": 0.25, "b": 0.1}.items())}
values["y"] = float(cols[5].radio("y", [0, 1], index=1))
nodes, edges = forward_backward(values, loss if activation == "sigmoid" else "squared_error")
st.graphviz_chart(charts.computation_graph(nodes, edges))
st.dataframe(pd.DataFrame({
    "node": [n.name for n in nodes],
    "value": [n.value for n in nodes],
    "∂L/∂node, backprop": [n.backprop for n in nodes],
    "∂L/∂node, SymPy (lambdified)": [n.sympy for n in nodes],
    "∂L/∂node, finite differences": [n.finite_difference for n in nodes],
    "|backprop − finite diff.|": [abs(n.backprop - n.finite_difference) for n in nodes],
}), hide_index=True, column_config={"|backprop − finite diff.|": st.column_config.NumberColumn(format="%.1e")})

st.header("From one example to the parameters")
for tab, key in zip(st.tabs(["∂L/∂w_j", "∂L/∂b", "∂J/∂w_j over m examples", "∂J/∂b over m examples"]),
                    ["dL_dw_j", "dL_db", "dJ_dw_j", "dJ_db"]):
    with tab:
        show_steps(verified(key))
