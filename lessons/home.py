"""Home: what the app teaches, then dL/dz = a − y derived step by step and checked at your point."""

from functools import partial

import numpy as np
import streamlit as st

import charts
from i18n import _
from lessons import PAGES
from mathcore import derivations
from mathcore.export import export
from mathcore.functions import sigmoid_numpy
from ui import link
from ui.chart import show_chart
from ui.derivation_view import show_source, show_steps, verified

st.title(_("Why does ∂L/∂z = a − y?"))
st.markdown(_(
    "**NN Math Explorer** teaches the mathematics of *Neural Networks and Deep Learning* by "
    "deriving every formula with **SymPy**, checking it with **NumPy**, and letting you poke at it. "
    "Nothing here is typed in: each step below is what SymPy produced, proved equal to the step "
    "before, and compared with finite differences at random points."
))
st.subheader(_("Start here"))
st.markdown(_("The pages follow the course, from what a network is to training one: take them in this order, or "
              "go to any of them from the sidebar. This one first derives the formula backpropagation starts from."))
with st.container(horizontal=True):  # each section of the course beside the next, its pages in the course's order
    for section in dict.fromkeys(lesson.section for lesson in PAGES if lesson.url_path):
        with st.container(width=250):
            st.markdown(f"**{_(section)}**")
            for lesson in PAGES:
                if lesson.section == section and lesson.url_path:
                    st.page_link(lesson.script, label=_(lesson.title), icon=lesson.icon)
with st.expander(_("Where this fits: the five courses of the Deep Learning Specialization")):
    not_yet = _("not yet")
    courses = [(_("Neural Networks and Deep Learning"),
                _("**this app**: logistic regression, loss and cost, gradient descent, backpropagation, "
                  "vectorization")),
               (_("Improving Deep Neural Networks: tuning, regularization, optimization"), not_yet),
               (_("Structuring Machine Learning Projects"), not_yet),
               (_("Convolutional Neural Networks"), not_yet), (_("Sequence Models"), not_yet)]
    st.markdown("| # | " + _("Course") + " | " + _("Here") + " |\n|---|---|---|\n"
                + "\n".join(f"| {i} | {course} | {here} |" for i, (course, here) in enumerate(courses, start=1)))

st.header(_("Logistic regression on one example"))
st.latex(r"z = w^\top x + b, \qquad a = \hat y = \sigma(z) = \frac{1}{1 + e^{-z}}, "
         r"\qquad L(a, y) = -\bigl(y \log a + (1 - y) \log(1 - a)\bigr)")
st.markdown(_("Backpropagation starts from $\\partial L / \\partial z$. The chain rule, one step at a time:"))
d = verified(derivations.dL_dz_key("cross_entropy", "sigmoid"))
show_steps(d)

st.subheader(_("Check it at a point you pick"))
left, right = st.columns(2)
z = left.slider(_("z, the unit's input"), step=0.1, **link.number("z", 1.5, -6.0, 6.0))
y = right.slider(_("y, the label (0 or 1; values between work too)"), step=0.05,
                 **link.number("y", 1.0, 0.0, 1.0))
steps, finite_difference = d.evaluate(z=z, y=y)
a, derived, fd = float(sigmoid_numpy(z)), float(steps[-1]), float(finite_difference)
cols = st.columns(4)
cols[0].metric("a = σ(z)", f"{a:.6f}")
cols[1].metric(_("a − y, the derived formula"), f"{derived:.6f}")
cols[2].metric(_("finite difference of L"), f"{fd:.6f}")
cols[3].metric(_("difference"), f"{abs(derived - fd):.1e}")
st.caption(_("Every step of the derivation at your point: {steps}").format(
    steps=", ".join(_("step {i} = {value:.6f}").format(i=i + 1, value=float(v)) for i, v in enumerate(steps))))
st.download_button(_("This check as a Jupyter notebook"), partial(export, d, "ipynb", {"z": z, "y": y}), f"{d.key}.ipynb",
                   "application/x-ipynb+json", icon=":material/download:", on_click="ignore")

grid = np.linspace(-6, 6, 241)
curve, truth = d.evaluate(z=grid, y=y)
show_chart(st, charts.derivative_check(grid, curve[-1], truth, (z, derived), "∂L/∂z"), width="stretch")
st.markdown(_(
    "With $y = 1$ and a very negative $z$ the model is confidently wrong, and the gradient is close to "
    "$-1$: cross-entropy keeps pushing at full strength. The factor $a(1 - a)$ from the sigmoid cancelled "
    "against the loss; with squared error it stays, and the gradient vanishes exactly there."
))
st.page_link("lessons/derivations.py", label=_("Compare both, and every other derivation"), icon=":material/verified:")

show_source(_("The code that derived this (the very function the tests check)"), derivations.dL_dz, key="home:code")
