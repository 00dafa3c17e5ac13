"""L layers: the general backward step, every array's shape with its gradient, and the course's gradient check."""

import numpy as np
import pandas as pd
import streamlit as st

from i18n import _

from mathcore.course.course2_week1 import checks_compared
from mathcore.functions import ACTIVATIONS
from mathcore.derivations import dL_dz_key
from mathcore.gradcheck import THRESHOLDS, verdict
from mathcore.network import HIDDEN_ACTIVATIONS, backward, forward, gradient_check, initialize, parameter_names
from ui import link
from ui.checking import BADGE
from ui.derivation_view import opened, show_steps, verified
from ui.table import show_table

st.title(_("L layers: backward and the gradient check"))
st.latex(r"dZ^{[L]} = A^{[L]} - Y, \qquad dZ^{[l]} = dA^{[l]} \odot g'^{[l]}(Z^{[l]})")
st.latex(r"dW^{[l]} = \frac1m\, dZ^{[l]} A^{[l-1]\top}, \qquad db^{[l]} = \frac1m \sum_{i} dZ^{[l]}_{:,i}, "
         r"\qquad dA^{[l-1]} = W^{[l]\top} dZ^{[l]}")
st.markdown(_("The first is $\\partial L/\\partial z = a - y$ for a sigmoid output with cross-entropy, one column "
              "per example; the last three are proved with symbolic matrices on the vectorization page."))
if (box := opened(_("dZ[L] = A[L] − Y, derived"), key="l-layers:dZ_L")) is not None:  # drawn once opened
    with box:
        show_steps(verified(dL_dz_key("cross_entropy", "sigmoid")))

cols = st.columns(3)
n_x = cols[0].slider(_("inputs n[0]"), **link.number("n_x", 3, 1, 6))
hidden = cols[1].text_input(_("hidden layer sizes, comma-separated"), max_chars=40, **link.text("hidden", "4, 3", 40))
m = cols[2].slider(_("examples m"), **link.number("m", 10, 1, 50))
activation = st.radio(_("hidden activation"), HIDDEN_ACTIVATIONS, format_func=lambda k: _(ACTIVATIONS[k].name),
                      horizontal=True, **link.option("activation", "relu", HIDDEN_ACTIVATIONS))
try:
    sizes = [int(s) for s in hidden.replace(" ", "").split(",") if s]
    if not all(1 <= s <= 8 for s in sizes) or len(sizes) > 4 or not hidden.isascii():  # int() reads ٣ as 3
        raise ValueError
except ValueError:
    st.error(_("Hidden layer sizes: up to 4 whole numbers from 1 to 8, separated by commas, e.g. `4, 3`."))
    link.stop()  # the link's notice first, then stop
layer_dims = [n_x] + sizes + [1]
rng = np.random.default_rng(0)
X, Y = rng.normal(size=(n_x, m)), rng.integers(0, 2, (1, m)).astype(float)
zero_b = st.checkbox(_("start with b = 0, as the course does"), **link.flag("zero_b", False))
layers = initialize(layer_dims, activation, seed=1, b_scale=0.0 if zero_b else 0.1)
caches = forward(layers, X)
grads = backward(layers, caches, X, Y)
rows = []
for l, (layer, (Z, A), g) in enumerate(zip(layers, caches, grads), start=1):
    rows += [(f"W[{l}]", layer.W.shape, f"dW[{l}]", g.dW.shape), (f"b[{l}]", layer.b.shape, f"db[{l}]", g.db.shape),
             (f"Z[{l}]", Z.shape, f"dZ[{l}]", g.dZ.shape), (f"A[{l}]", A.shape, f"dA[{l}]",
                                                             grads[l].dA_prev.shape if l < len(layers) else A.shape)]
columns = [_("array"), _("shape"), _("gradient"), _("gradient's shape")]
show_table(st, pd.DataFrame(rows, columns=columns).astype(str))  # every array and gradient in view

st.subheader(_("Gradient check"))
difference, analytic, numeric = gradient_check(layers, X, Y)
judged = verdict(difference)
st.metric(_("‖g − g̃‖ / (‖g‖ + ‖g̃‖), backprop against central differences (ε = 1e-7)"), f"{difference:.2e}")
st.markdown(f":{BADGE[judged.outcome]}-badge[{_(judged.message)}] " + _(
    "The course's reading: {thresholds}, else wrong. {n} parameters checked one by one; the worst is `{worst}` "
    "(|difference| {error:.1e}).").format(
    thresholds=", ".join(_("below {bound:g} {word}").format(bound=bound, word=_(w)) for bound, w in THRESHOLDS),
    n=len(analytic), worst=parameter_names(layers)[int(np.argmax(np.abs(analytic - numeric)))],
    error=np.max(np.abs(analytic - numeric))))
notebook = checks_compared()  # the course's gradient_check_n and this check, on the notebook's test case
st.caption(_("Why the course's notebook reads higher: on its own test case its `gradient_check_n` reads {course:.2e} "
             "and this check {stable:.1e}, for the same correct gradients. Correct gradients leave only rounding: "
             "the notebook takes J from ŷ, and there ŷ = {y_hat:.5f} for an example with y = {y:g}, so 1 − ŷ keeps "
             "{kept:.0f} of float64's 16 digits, and the central difference divides J's rounding by 2ε. This check "
             "takes J from z, right to the last digit. Hence the bounds: below 1e-7 nothing but rounding is left, "
             "the notebook passes up to 2e-7 (its own J leaves {course:.1e}), and from 1e-3 on a term of the "
             "gradient is wrong.").format(course=notebook.course, stable=notebook.stable, y_hat=notebook.y_hat,
                                          y=notebook.y, kept=notebook.digits_kept))
kinks = sum(int(np.sum(Z == 0)) for (Z, _A), layer in zip(caches[:-1], layers)
            if ACTIVATIONS[layer.activation].kink is not None)
if kinks:
    st.warning(_("{kinks} pre-activations are exactly 0: those ReLU units sit on their kink, where the slope is "
                 "undefined. Backprop takes the left slope; central differences straddle the kink and see half of "
                 "each side, so the check disagrees there. Untick b = 0 to start off the kink.").format(kinks=kinks))
