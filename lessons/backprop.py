"""Chain rule and backpropagation: dL/dz re-derived for the loss and activation you pick, the
computation graph with forward values and backward gradients, and the gradients of w and b."""

import numpy as np
import pandas as pd
import streamlit as st

import charts
from i18n import _
from mathcore.derivations import dL_dz_key
from mathcore.functions import ACTIVATIONS
from mathcore.graph import LEAF_RANGE, forward_backward
from mathcore.losses import LOSSES
from ui import link
from ui.chart import show_chart, show_diagram
from ui.derivation_view import open_tab, show_steps, verified
from ui.table import show_table


st.title(_("Chain rule and backpropagation"))
st.markdown(_("Pick the output activation and the loss; SymPy re-derives $\\partial L / \\partial z$ from scratch."))
activation = st.radio(_("output activation a = g(z)"), list(ACTIVATIONS), format_func=lambda k: _(ACTIVATIONS[k].name),
                      horizontal=True, **link.option("activation", "sigmoid", ACTIVATIONS))
loss_name = lambda k: _(LOSSES[k].name)  # noqa: E731
fitting = [key for key, loss in LOSSES.items() if ACTIVATIONS[activation].probability or not loss.needs_probability]
link.keep("loss")  # the learner's loss comes back when the sigmoid does
if len(fitting) > 1:
    loss = st.radio(_("loss"), fitting, format_func=loss_name, horizontal=True,
                    **link.option("loss", "cross_entropy", fitting))
else:  # only squared error is meaningful: the control shows it, and the link has no loss to carry
    loss = st.radio(_("loss"), fitting, format_func=loss_name, horizontal=True, disabled=True)
    st.caption(_("Cross-entropy needs 0 < a < 1 (it takes log a and log(1 − a)); only the sigmoid guarantees "
                 "that."))
show_steps(verified(dL_dz_key(loss, activation)))


@link.fragment
def saturation():
    """|dL/dz| for y = 1 under both losses after a sigmoid, and their values at one z: the slider reruns only this."""
    st.subheader(_("What the extra a(1 − a) does when the unit saturates"))
    st.markdown(_("With squared error after a sigmoid, $\\partial L/\\partial z = (a - y)\\,a(1 - a)$. Take $y = 1$ "
                  "and a very negative $z$: the model is confidently wrong, yet $a(1 - a) \\approx 0$ stalls "
                  "learning."))
    z_mark = st.slider(_("z to compare at"), step=0.5, **link.number("z", -6.0, -10.0, 10.0))
    grid = np.linspace(-10, 10, 201)  # every slider value on it, 0.1 apart
    gradients = {_(record.name): np.abs(verified(dL_dz_key(key, "sigmoid")).evaluate(z=grid, y=1.0)[0][-1])
                 for key, record in LOSSES.items()}
    show_chart(st, charts.curves_with_point(grid, gradients, z_mark, "z", _("|∂L/∂z| for y = 1 (log scale)"),
                                            log_y=True), width="stretch")
    cols = st.columns(2)
    for col, (name, values) in zip(cols, gradients.items()):
        col.metric(_("|∂L/∂z|, {loss}, at z = {z:g}").format(loss=name, z=z_mark),
                   f"{np.interp(z_mark, grid, values):.2e}")


saturation()


LEAVES = {"x1": 1.0, "w1": 0.5, "x2": -2.0, "w2": 0.25, "b": 0.1}  # the graph's inputs, and their defaults


@link.fragment
def computation_graph(loss):
    """The graph of one example for the inputs typed, its numbers checked three ways: the inputs rerun only this."""
    st.header(_("The computation graph of one example"))
    st.markdown(_("$z = w_1 x_1 + w_2 x_2 + b$, $a = \\sigma(z)$ (the graph keeps the sigmoid), $L = L(a, y)$ with "
                  "the loss chosen above. Black: the forward value. Red: $\\partial L/\\partial$ node, multiplied "
                  "backwards along the edges, each labelled with its local derivative."))
    cols = st.columns(6)
    values = {name: col.number_input(name, step=0.1, **link.number(name, default, *LEAF_RANGE))
              for col, (name, default) in zip(cols, LEAVES.items())}
    values["y"] = float(cols[5].radio("y", [0, 1], **link.option("y", 1, [0, 1])))
    nodes, edges = forward_backward(values, loss)
    show_diagram(st, charts.computation_graph(nodes, edges))
    numbers = {_("value"): [n.value for n in nodes], _("∂L/∂node, backprop"): [n.backprop for n in nodes],
               _("∂L/∂node, SymPy (lambdified)"): [n.sympy for n in nodes],
               _("∂L/∂node, finite differences"): [n.finite_difference for n in nodes]}
    gap = _("|backprop − finite diff.|")
    show_table(st, pd.DataFrame({_("node"): [n.name for n in nodes], **numbers,
                                 gap: [abs(n.backprop - n.finite_difference) for n in nodes]}),
               formats={column: "{:.6g}" for column in numbers} | {gap: "{:.1e}"})


computation_graph(loss)

st.header(_("From one example to the parameters"))
tab, key = open_tab({"∂L/∂w_j": "dL_dw_j", "∂L/∂b": "dL_db", _("∂J/∂w_j over m examples"): "dJ_dw_j",
                     _("∂J/∂b over m examples"): "dJ_db"})
with tab:
    show_steps(verified(key))
