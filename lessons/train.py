"""Train a network: gradient descent on an L-layer network, live, in the course's notation; why a hidden layer;
and ReLU, tanh and the sigmoid raced from the same start."""

import streamlit as st

import charts
from i18n import _
from mathcore.datasets import TWO_CLASS
from mathcore.derivations import dL_dz_key
from mathcore.diagnosis import diagnose
from mathcore.functions import ACTIVATIONS
from mathcore.network import HIDDEN_ACTIVATIONS, INITIALIZATIONS, accuracy
from mathcore.race import ROUNDS, STEPS, race, to_target
from ui import link
from ui.chart import show_chart
from ui.derivation_view import open_tab, show_steps, verified
from ui.training import RACE, boundary, data, gradient_caption, race_caption, race_table, race_times, train
from ui.table import show_table

st.title(_("Train a network"))
st.latex(r"W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]}, \qquad "
         r"dW^{[l]} = \tfrac1m\, dZ^{[l]} A^{[l-1]\top}, \quad db^{[l]} = \tfrac1m \sum_i dZ^{[l]}_{:,i}")
st.latex(r"dZ^{[L]} = A^{[L]} - Y, \qquad dZ^{[l]} = W^{[l+1]\top} dZ^{[l+1]} \odot g'(Z^{[l]})")
st.markdown(_("Each step runs the network forward, measures the cost, sends the gradients back layer by layer and "
              "moves every weight downhill. No feature is designed by hand: the hidden units learn their own."))

key = st.radio(_("Data"), list(TWO_CLASS), format_func=lambda k: _(TWO_CLASS[k][0]), horizontal=True,
               **link.option("data", "flower", TWO_CLASS))
d = data(key)
RATES = [0.01, 0.03, 0.1, 0.3, 0.6, 1.2, 2.4]
cols = st.columns(4)
depth = cols[0].slider(_("hidden layers"), **link.number("layers", 1, 1, 3))
units = cols[1].slider(_("units per hidden layer"), **link.number("units", 4, 1, 8))
alpha = cols[2].select_slider(_("learning rate α"), RATES, **link.option("alpha", 1.2, RATES, slider=True))
iterations = cols[3].slider(_("iterations"), step=100, **link.number("iterations", 2000, 100, 5000))
hidden = st.radio(_("hidden activation"), HIDDEN_ACTIVATIONS, format_func=lambda k: _(ACTIVATIONS[k].name),
                  horizontal=True, **link.option("activation", "tanh", HIDDEN_ACTIVATIONS))
init = st.radio(_("initialization"), list(INITIALIZATIONS), format_func=lambda k: _(INITIALIZATIONS[k].name),
                horizontal=True, **link.option("init", "xavier", INITIALIZATIONS))
st.caption(_(INITIALIZATIONS[init].why))
layer_dims = (d.X_train.shape[0], *[units] * depth, 1)
settings = (key, layer_dims, hidden, alpha, iterations, init)
run = train(*settings)
logistic = train(key, (d.X_train.shape[0], 1), "sigmoid", alpha, iterations, init)  # no hidden layer

if run.diverged is not None:
    st.warning(_("At iteration {i} the numbers overflowed: with α = {alpha:g} each step overshoots and the weights "
                 "grow without bound. Training stopped there; lower α.").format(i=run.diverged, alpha=alpha))
cols = st.columns(4)
cols[0].metric(_("final cost J"), f"{run.costs[-1]:.4f}")
cols[1].metric(_("train accuracy"), f"{accuracy(run.layers, d.X_train, d.Y_train):.1%}")
cols[2].metric(_("test accuracy"), f"{accuracy(run.layers, d.X_test, d.Y_test):.1%}")
cols[3].metric(_("logistic regression, test accuracy"), f"{accuracy(logistic.layers, d.X_test, d.Y_test):.1%}")
if init == "zeros" and depth and units > 1:
    st.warning(_("Started from zeros, the {units} units of layer 1 are {verdict} after training: every row of W[1] "
                 "got the same gradient at every step.").format(
        units=units, verdict=_("still identical") if run.units_identical() else _("no longer identical")))


@link.fragment
def learning_boundary(run, logistic, d, settings):
    """The decision boundary after any recorded iteration, beside logistic regression's: its slider reruns only
    this. A retrain (new ``settings``) moves it to the new run's last saved iteration."""
    st.subheader(_("The decision boundary as it learns"))
    shots = dict(run.snapshots)
    at = st.select_slider(_("after iteration"), list(shots),
                          **link.option("after", list(shots)[-1], shots, slider=True, of=settings))
    left, right = st.columns(2)
    for col, layers, title in ((left, shots[at], "ŷ = A[L]"), (right, logistic.layers, "ŷ = σ(wᵀx + b)")):
        x1, x2, probability, lines = boundary(layers, d.X_train)
        show_chart(col, charts.decision_boundary(x1, x2, probability, None, d.X_train, d.Y_train,
                                                 [_(label) for label in d.labels], curves=lines, p_title=title),
                   width="stretch")
    right.caption(_("Logistic regression, the same steps: one straight line is all it can draw."))


if d.X_train.shape[0] == 2:
    learning_boundary(run, logistic, d, settings)
else:
    st.caption(_("64 pixels per example: no picture of the boundary, but the accuracies above say how it went."))

st.subheader(_("Learning curve and the gradient in each layer"))
left, middle = st.columns(2)
show_chart(left, charts.curves({_("network"): (run.iterations, run.costs),
                                _("logistic regression"): (logistic.iterations, logistic.costs)},
                               _("iteration"), _("cost J")), width="stretch")
saved, on_train = run.accuracy_along(d.X_train, d.Y_train)
on_test = run.accuracy_along(d.X_test, d.Y_test)[1]
show_chart(middle, charts.curves({_("train accuracy"): (saved, on_train), _("test accuracy"): (saved, on_test)},
                                 _("iteration"), _("accuracy"), log_y=False), width="stretch")
reading = diagnose(run, d.X_train)
if reading.largest > 0:  # a log scale has no 0: an all-zero chart would be empty
    show_chart(st, charts.gradient_norms(run.iterations, run.gradient_norms), width="stretch")
st.caption(gradient_caption(reading, hidden, init, depth, lower_alpha=alpha > RATES[0]))

st.header(_("ReLU, tanh and the sigmoid, side by side"))
st.markdown(_("The same layers, data, learning rate and initial weights; only $g$ changes. The iterations each "
              "needs are the result: deterministic, the same on every run. Time is measured on this server, the three "
              "in turn, in {rounds} rounds of {steps} iterations from the same start: a run's time is its iterations "
              "× the best round's time per iteration, and the median round shows the noise.").format(
    rounds=ROUNDS, steps=STEPS))
race_them = st.toggle(_("Train all three and race them"), **link.flag("race", False))  # two more trainings
TARGETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]


@link.fragment
def race_of_activations(key, d, layer_dims, alpha, iterations, init):
    """The three trained from the same start, and which reached the target first: the target's slider reruns only
    this."""
    target = st.select_slider(_("target cost J"), TARGETS, **link.option("target", 0.3, TARGETS, slider=True))
    runs = {g: train(key, layer_dims, g, alpha, iterations, init) for g in RACE}
    result = race(to_target(runs, target), race_times(key, layer_dims, alpha, init))
    left, right = st.columns(2)
    show_chart(left, charts.curves({_(ACTIVATIONS[r.name].name): (runs[r.name].iterations, runs[r.name].costs)
                                    for r in result.runners}, _("iteration"), _("cost J")), width="stretch")
    show_chart(right, charts.curves({_(ACTIVATIONS[r.name].name): (runs[r.name].iterations * r.best * 1e3,
                                                                   runs[r.name].costs) for r in result.runners},
                                    _("ms on this server: iteration × best time per iteration"), _("cost J")),
               width="stretch")
    show_table(st, race_table(result, runs, d, target, iterations))
    st.caption(race_caption(result, target, iterations))


if race_them:
    race_of_activations(key, d, layer_dims, alpha, iterations, init)

st.subheader(_("Where the update comes from"))
tab, derivation_key = open_tab({"dZ[L] = A[L] − Y": dL_dz_key("cross_entropy", "sigmoid"),
                                f"g'(z), {_(ACTIVATIONS[hidden].name)}": ACTIVATIONS[hidden].derivative})
with tab:
    show_steps(verified(derivation_key))
