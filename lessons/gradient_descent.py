"""Gradient descent: the update rule, logistic regression trained live on synthetic and real data,
and the result checked against scikit-learn."""

import numpy as np
import streamlit as st

import charts
from i18n import _
from mathcore.logistic import accuracy, boundary_line, forward, model, propagate
from ui import link
from ui.chart import show_chart
from ui.data import SOURCES, dataset, reference, synthetic_controls

st.title(_("Gradient descent"))
st.latex(r"w := w - \alpha\, \frac{\partial J}{\partial w}, \qquad b := b - \alpha\, \frac{\partial J}{\partial b}")
st.latex(r"\frac{\partial J}{\partial w} = \frac1m\, X (A - Y)^\top, \qquad "
         r"\frac{\partial J}{\partial b} = \frac1m \sum_{i=1}^{m} \bigl(a^{(i)} - y^{(i)}\bigr)")
st.markdown(_("These are $\\partial J/\\partial w_j = \\frac1m \\sum_i (a^{(i)} - y^{(i)})\\, x_j^{(i)}$, derived on "
              "the chain-rule page, for every $j$ at once. Each step moves downhill by $\\alpha$ times the slope."))
st.page_link("lessons/backprop.py", label=_("See the derivation"), icon=":material/account_tree:")

source = st.radio(_("Data"), list(SOURCES), format_func=lambda k: _(SOURCES[k]), horizontal=True,
                  **link.option("data", "synthetic", SOURCES))
shape = {}
if source == "synthetic":
    shape = synthetic_controls()
data = dataset(source, **shape)
st.caption(_("X_train {X_train}, Y_train {Y_train}, X_test {X_test}: features standardised with the training set's "
             "mean and spread; y = 1 means {one}.").format(X_train=data.X_train.shape, Y_train=data.Y_train.shape,
                                                          X_test=data.X_test.shape, one=_(data.labels[1])))

cols = st.columns(2)
RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0]
alpha = cols[0].select_slider(_("learning rate α"), RATES, **link.option("alpha", 0.1, RATES, slider=True))
iterations = cols[1].slider(_("iterations"), step=10, **link.number("iterations", 500, 10, 5000))
training = _("Training…")
bar = st.progress(0.0, text=training)
d = model(data.X_train, data.Y_train, data.X_test, data.Y_test, iterations, alpha, record_every=1,
          progress=lambda i: i % max(1, iterations // 10) or bar.progress(i / iterations, text=training))
bar.empty()
w, b, costs = d["w"], d["b"], d["costs"]
grads, J = propagate(w, b, data.X_train, data.Y_train)

cols = st.columns(4)
cols[0].metric(_("final cost J"), f"{J:.5f}")
cols[1].metric(_("train accuracy"), f"{accuracy(w, b, data.X_train, data.Y_train):.1%}")
cols[2].metric(_("test accuracy"), f"{accuracy(w, b, data.X_test, data.Y_test):.1%}")
cols[3].metric(_("‖∂J/∂w‖ at the end"), f"{np.linalg.norm(grads['dw']):.2e}")
rises = int(np.sum(np.diff(costs) > 1e-12))
if rises:
    st.warning(_("The cost went **up** in {rises} of {iterations} steps: α = {alpha:g} is too large. Each step "
                 "overshoots the bottom of the valley and lands higher on the other side; lower α.").format(
        rises=rises, iterations=iterations, alpha=alpha))
show_chart(st, charts.learning_curves({f"α = {alpha:g}": costs}), width="stretch")

if data.X_train.shape[0] == 2:
    x1, x2 = np.linspace(-3.5, 3.5, 60), np.linspace(-3.5, 3.5, 60)
    g1, g2 = np.meshgrid(x1, x2)
    probability = forward(w, b, np.vstack([g1.ravel(), g2.ravel()]))[1].reshape(g1.shape)
    show_chart(st, charts.decision_boundary(x1, x2, probability, boundary_line(w, b, x1), data.X_train,
                                            data.Y_train, [_(label) for label in data.labels]),
               width="stretch")

st.subheader(_("Checked against scikit-learn"))
w_ref, b_ref = reference(source, **shape)
J_ref = propagate(w_ref, b_ref, data.X_train, data.Y_train)[1]
ref_accuracy = accuracy(w_ref, b_ref, data.X_train, data.Y_train)
separable = ref_accuracy == 1.0
cols = st.columns(3)
if separable:  # no finite minimum: the weights grow without bound, so compare what they decide, and their direction
    cosine = float((w.T @ w_ref).item() / (np.linalg.norm(w) * np.linalg.norm(w_ref)))
    cols[0].metric(_("scikit-learn's accuracy on the training set"), f"{ref_accuracy:.1%}")
    cols[1].metric(_("cos ∠(w, w_sklearn)"), f"{cosine:.3f}")
    cols[2].metric(_("‖w_sklearn‖ / ‖w‖"), f"{np.linalg.norm(w_ref) / np.linalg.norm(w):.3g}")
    st.info(_("This training set is linearly separable: the cost has no finite minimum (it keeps falling as ‖w‖ "
              "grows), so there are no weights to agree on (compare their lengths above). What can agree is what "
              "they decide (the train accuracy above, against this run's) and the direction of w (cos = 1 means the "
              "same direction)."))
else:
    cols[0].metric(_("J, scikit-learn (no regularisation)"), f"{J_ref:.5f}")
    cols[1].metric(_("cost gap J − J_sklearn"), f"{J - J_ref:.2e}")
    cols[2].metric(_("largest |w − w_sklearn|"), f"{np.max(np.abs(w - w_ref)):.2e}")
    if rises:
        st.caption(_("With α this large the steps keep overshooting, so this run never settles at the minimum; "
                     "lower α to meet scikit-learn's."))
    else:
        st.caption(_("The cross-entropy cost is convex with one minimum: with more iterations the gap shrinks toward "
                     "0 and the weights meet scikit-learn's."))
