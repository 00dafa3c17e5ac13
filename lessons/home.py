"""Home: what the app teaches, then dL/dz = a − y derived step by step and checked at your point."""

import inspect

import numpy as np
import streamlit as st

import charts
from mathcore import derivations
from mathcore.export import export
from mathcore.functions import sigmoid_numpy
from ui.derivation_view import show_steps, verified

st.title("Why does ∂L/∂z = a − y?")
st.markdown(
    "**NN Math Explorer** teaches the mathematics of *Neural Networks and Deep Learning* by "
    "deriving every formula with **SymPy**, checking it with **NumPy**, and letting you poke at it. "
    "Nothing here is typed in: each step below is what SymPy produced, proved equal to the step "
    "before, and compared with finite differences at random points."
)
with st.expander("Where this fits: the five courses of the Deep Learning Specialization"):
    st.markdown(
        "| # | Course | Here |\n|---|---|---|\n"
        "| 1 | Neural Networks and Deep Learning | **this app**: logistic regression, loss and cost, "
        "gradient descent, backpropagation, vectorization |\n"
        "| 2 | Improving Deep Neural Networks: tuning, regularization, optimization | not yet |\n"
        "| 3 | Structuring Machine Learning Projects | not yet |\n"
        "| 4 | Convolutional Neural Networks | not yet |\n"
        "| 5 | Sequence Models | not yet |"
    )

st.header("Logistic regression on one example")
st.latex(r"z = w^\top x + b, \qquad a = \hat y = \sigma(z) = \frac{1}{1 + e^{-z}}, "
         r"\qquad L(a, y) = -\bigl(y \log a + (1 - y) \log(1 - a)\bigr)")
st.markdown("Backpropagation starts from $\\partial L / \\partial z$. The chain rule, one step at a time:")
d = verified("dL_dz_cross_entropy_sigmoid")
show_steps(d)

st.subheader("Check it at a point you pick")
left, right = st.columns(2)
z = left.slider("z, the unit's input", -6.0, 6.0, 1.5, 0.1)
y = right.slider("y, the label (0 or 1; values between work too)", 0.0, 1.0, 1.0, 0.05)
steps, finite_difference = d.evaluate(z=z, y=y)
a, derived, fd = float(sigmoid_numpy(z)), float(steps[-1]), float(finite_difference)
cols = st.columns(4)
cols[0].metric("a = σ(z)", f"{a:.6f}")
cols[1].metric("a − y, the derived formula", f"{derived:.6f}")
cols[2].metric("finite difference of L", f"{fd:.6f}")
cols[3].metric("difference", f"{abs(derived - fd):.1e}")
st.caption("Every step of the derivation at your point: "
           + ", ".join(f"step {i + 1} = {float(v):.6f}" for i, v in enumerate(steps)))
st.download_button("This check as a Jupyter notebook", export(d, "ipynb", {"z": z, "y": y}), f"{d.key}.ipynb",
                   "application/x-ipynb+json", icon=":material/download:")

grid = np.linspace(-6, 6, 241)
curve, truth = d.evaluate(z=grid, y=y)
st.altair_chart(charts.derivative_check(grid, curve[-1], truth, (z, derived), "∂L/∂z"), width="stretch")
st.markdown(
    "With $y = 1$ and a very negative $z$ the model is confidently wrong, and the gradient is close to "
    "$-1$: cross-entropy keeps pushing at full strength. The factor $a(1 - a)$ from the sigmoid cancelled "
    "against the loss; with squared error it stays, and the gradient vanishes exactly there."
)
st.page_link("lessons/derivations.py", label="Compare both, and every other derivation", icon=":material/verified:")

with st.expander("The code that derived this (the very function the tests check)"):
    st.code(inspect.getsource(derivations.dL_dz), language="python")
