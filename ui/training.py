"""Training runs for the training page, cached by their inputs for every session (never mutate them).

A rerun with the same inputs trains nothing. The three-way comparison shares one data set and one set of initial
weights: each activation starts from the very same W[l] and b[l], and its time is measured for the three together
(``race_times``). The page's sentences about a run are written here from mathcore's readings of it
(``mathcore.diagnosis``, ``mathcore.race``): every number they quote is one the charts show.
"""

import numpy as np
import pandas as pd
import streamlit as st

from i18n import _, ngettext
from mathcore import datasets, network
from mathcore.diagnosis import TINY, Reading, suited_init
from mathcore.functions import ACTIVATIONS
from mathcore.network import INITIALIZATIONS
from mathcore.race import ROUNDS, Finish, ahead, time_per_iteration
from mathcore.surface import contour_lines
from ui.timing import FRESH_FOR

#: Iterations at which the page keeps the network, for the boundary's step slider.
SNAPSHOTS = 8
#: The activations raced against each other, as the notes compare them.
RACE = ("relu", "tanh", "sigmoid")


@st.cache_data(max_entries=8, show_spinner=False)
def data(key):
    return datasets.two_class(key)


def record_every(iterations):
    """How often a run of ``iterations`` records J and ||dW[l]||: about 200 records."""
    return max(1, iterations // 200)


def snapshot_iterations(iterations):
    """SNAPSHOTS + 1 iterations from 0 to ``iterations``, evenly spaced."""
    return tuple(sorted({int(round(i)) for i in np.linspace(0, iterations, SNAPSHOTS + 1)}))


@st.cache_resource(max_entries=32, show_spinner=False)
def train(key, layer_dims, hidden, learning_rate, iterations, init, seed=1):
    """The network trained on data set ``key`` (cached by its inputs), with a progress bar while it trains.

    The bar lives inside the cached function, so a cached run replays it already emptied (Streamlit replays the
    elements a cached function drew); it moves about twenty times per run.
    """
    d = data(key)
    text = _("Training {dims} with {activation}…").format(dims=list(layer_dims), activation=hidden)
    bar = st.progress(0.0, text=text)
    every = record_every(iterations)
    report = max(every, iterations // 20)
    layers = network.initialize(list(layer_dims), hidden, seed=seed, init=init)
    run = network.train(d.X_train, d.Y_train, layers, learning_rate, iterations, every=every,
                        snapshots=snapshot_iterations(iterations),
                        progress=lambda i: i % report or bar.progress(min(1.0, i / iterations), text=text))
    bar.empty()
    return run


def boundary(layers, X, n=80):
    """(x1, x2, probability (n, n), isolines at 0.5) over the examples' box, for a network with two inputs."""
    low, high = X.min(axis=1) - 0.5, X.max(axis=1) + 0.5
    x1, x2 = np.linspace(low[0], high[0], n), np.linspace(low[1], high[1], n)
    g1, g2 = np.meshgrid(x1, x2)
    probability = network.forward(layers, np.vstack([g1.ravel(), g2.ravel()]))[-1][1].reshape(g1.shape)
    return x1, x2, probability, [line for _level, line in contour_lines(probability, x1, x2, [0.5])]


@st.cache_data(ttl=FRESH_FOR, max_entries=16, show_spinner=False)
def race_times(key, layer_dims, learning_rate, init, seed=1):
    """{activation: seconds per iteration in each round} for the race (``mathcore.race.time_per_iteration``): the
    three timed together, interleaved, from the starts ``train`` trains from; shared by every session for a few
    minutes, like the other timings (``ui.timing``)."""
    d = data(key)
    starts = {g: network.initialize(list(layer_dims), g, seed=seed, init=init) for g in RACE}
    return time_per_iteration(d.X_train, d.Y_train, starts, learning_rate)


def listed(items, joiner):
    """'a, b and c' (joiner "and") or 'a, b or c' (joiner "or"), in the current language."""
    if len(items) < 2:
        return "".join(items)
    template = _("{items} and {last}") if joiner == "and" else _("{items} or {last}")
    return template.format(items=", ".join(items[:-1]), last=items[-1])


def setting(control, value):
    """A control (its translated label) and one of its values as the page shows them: hidden layers “3”."""
    return f"{control} “{value}”"


def start_setting(init):
    """The initialization control set to ``init`` (a key of ``network.INITIALIZATIONS``), as the page labels it."""
    return setting(_("initialization"), _(INITIALIZATIONS[init].name))


def activation_setting(hidden):
    """The hidden activation control set to ``hidden`` (a key of ``ACTIVATIONS``), as the page labels it."""
    return setting(_("hidden activation"), _(ACTIVATIONS[hidden].name))


def suggest(template, items, joiner):
    """[template with the items listed], or [] when there is nothing left to suggest."""
    return [template.format(items=listed(items, joiner))] if items else []


def ms(seconds):
    return f"{seconds * 1e3:.3g}"


def span(runner):
    """A runner's time to the target in ms, from its best to its median timing round: '13.9 – 22'."""
    return f"{ms(runner.seconds)} – {ms(runner.seconds + runner.spread)}"


def zeros_sentences(diagnosis):
    """Where some ||dW[l]|| is exactly 0, in words: a log-scale chart cannot draw 0, so it has no point there."""
    zeros = diagnosis.zeros
    if diagnosis.largest == 0:
        return [_("Every ‖dW[l]‖ is exactly 0 at every iteration, so there is no chart of them (a log scale has no "
                  "0).")]
    groups = {}
    for l, z in zeros.items():
        groups.setdefault(z, []).append(f"‖dW[{l}]‖")
    said = []
    for z, names in groups.items():
        n, names = len(names), listed(names, "and")
        if z.everywhere:
            said.append(ngettext("{names} is exactly 0 at every iteration, so it has no line (a log scale has no 0).",
                                 "{names} are exactly 0 at every iteration, so they have no line (a log scale has "
                                 "no 0).", n).format(names=names))
        elif z.since is not None:
            said.append(ngettext("{names} is exactly 0 from iteration {i} on, where its line stops (a log scale has "
                                 "no 0).", "{names} are exactly 0 from iteration {i} on, where their lines stop (a log "
                                 "scale has no 0).", n).format(names=names, i=z.since))
        else:
            said.append(ngettext("{names} is exactly 0 at {k} of the {records} recorded iterations, which its line "
                                 "skips (a log scale has no 0).", "{names} are exactly 0 at {k} of the {records} "
                                 "recorded iterations, which their lines skip (a log scale has no 0).", n)
                        .format(names=names, k=z.count, records=z.of))
    return said


def dead_sentences(diagnosis):
    """How many hidden units are dead at the end, per layer when there are several."""
    dead, units = diagnosis.dead_units
    if not dead:
        return []
    where = ""
    if len(diagnosis.dead) > 1:
        where = " (" + ", ".join(_("layer {l}: {dead} of {n}").format(l=l, dead=d, n=n)
                                 for l, (d, n) in enumerate(diagnosis.dead, start=1)) + ")"
    said = [ngettext("{dead} of the {units} hidden units is dead at the end{where}: its g′(z) is 0 on every example, "
                     "so no gradient passes through it.",
                     "{dead} of the {units} hidden units are dead at the end{where}: their g′(z) is 0 on every "
                     "example, so no gradient passes through them.", dead).format(dead=dead, units=units,
                                                                                  where=where)]
    if diagnosis.reading is Reading.DEAD:
        l = diagnosis.dead_layer
        said.append(_("Layer 1 has no live unit left, so it gets no gradient.") if l == 1 else
                    _("Layer {l} has no live unit left, so it and every layer below it get no gradient.").format(l=l))
    return said


def gradient_caption(diagnosis, hidden, init, depth, lower_alpha):
    """The sentences under the ||dW[l]|| chart, each true of the charts: what the run's gradients say
    (``mathcore.diagnosis``), and what to try, naming only settings that are not chosen (``hidden`` activation,
    ``init``, ``depth`` hidden layers; ``lower_alpha``: whether a lower learning rate can be chosen)."""
    d, reading = diagnosis, diagnosis.reading
    scaled = [start_setting(k)  # the one made for g first
              for k in sorted(("xavier", "he"), key=lambda k: k != suited_init(hidden)) if k != init]
    fewer = [_("fewer “{control}”").format(control=_("hidden layers"))] if depth > 1 else []
    cost = _("The cost J goes from {start:.4f} to {end:.4f}.").format(start=d.costs[0], end=d.costs[1])
    tries = []
    if reading is Reading.EXPLODING and d.diverged is not None:
        said = [_("Training diverged at iteration {i} (the warning above): the weights and their gradients grew "
                  "until the numbers overflowed, so the charts end at iteration {last}, the last one recorded.")
                .format(i=d.diverged, last=d.last)]
    elif reading is Reading.EXPLODING:
        said = [_("At the start, ‖dW[1]‖ / ‖dW[L]‖ = {ratio:.2g}: far above 1, the gradient grows on its way back, "
                  "and the first layer takes far larger steps than the last.").format(ratio=d.ratio), cost]
    elif reading is Reading.SYMMETRIC:
        said = [_("From zeros, the units of each hidden layer compute the same value and get the same gradient at "
                  "every step, so they stay identical: the symmetry never breaks."),
                d.hidden and _("In the hidden layers ‖dW[l]‖ is at most {hidden:.2g}.").format(hidden=d.hidden),
                *zeros_sentences(d), cost]
        tries = suggest(_("Any random start breaks it: try {items}."), [*scaled, start_setting("course")], "or")
    elif reading is Reading.TINY:
        said = [_("Every ‖dW[l]‖ stays below {tiny:.0e} (the largest is {largest:.2g}): almost nothing learns.")
                .format(tiny=TINY, largest=d.largest)]
        if d.small_start:
            said.append(_("The network sits near its symmetric start W = 0: with weights of about 0.01 every hidden "
                          "unit's output is nearly g(0), the same for every unit, and each gradient, a product of "
                          "such small numbers, is tiny."))
        said += [cost, *dead_sentences(d), *zeros_sentences(d)]
        tries = suggest(_("To get it learning, try {items}."), scaled + fewer, "or")
    elif reading is Reading.DEAD:
        said = [*dead_sentences(d), *zeros_sentences(d), cost]
        options = ([_("a lower “{control}”").format(control=_("learning rate α"))] if lower_alpha else []) + (
            [activation_setting("leaky_relu")] if hidden == "relu" else [])
        tries = suggest(_("To keep units alive, try {items}."), options, "or")
    elif reading is Reading.VANISHING:
        said = [_("At the start, ‖dW[1]‖ / ‖dW[L]‖ = {ratio:.2g}: far below 1, the gradient vanishes on its way "
                  "back, and the first layer learns far more slowly than the last.").format(ratio=d.ratio), cost,
                *dead_sentences(d), *zeros_sentences(d)]
        tries = suggest(_("To keep the gradient, try {items}."), scaled + fewer, "or")
    else:
        said = [d.ratio and _("At the start, ‖dW[1]‖ / ‖dW[L]‖ = {ratio:.2g}: neither vanishing nor exploding, the "
                              "gradient reaches the first layer at a usable size.").format(ratio=d.ratio), cost,
                *dead_sentences(d), *zeros_sentences(d)]
        wanted = [(hidden != "sigmoid", activation_setting("sigmoid")), (depth != 3, setting(_("hidden layers"), 3)),
                  (init != "course", start_setting("course"))]
        tries = suggest(_("To see it vanish, try {items}."), [s for want, s in wanted if want], "and")
    return " ".join(s for s in said + tries if s)


def race_caption(race, target, iterations):
    """The race's sentences, from its numbers (``mathcore.race``): the iterations first (deterministic), then time,
    "within noise" when the gap is not larger than the timing rounds' spread, then the notes' claim about ReLU."""
    name = lambda runner: _(ACTIVATIONS[runner.name].name)  # noqa: E731
    first, second = race.first, race.second
    if race.finish is Finish.NONE:
        return _("None of the three reached J ≤ {target} in {n} iterations: lower the target or train longer.").format(
            target=target, n=iterations)
    fewest = race.fewest
    if race.finish is Finish.ALONE:
        said = [_("Only {a} reached J ≤ {target} within {n} iterations, at iteration {i}.").format(
            a=name(first), target=target, n=iterations, i=first.iterations)]
    elif len(fewest) > 1:
        said = [_("{names} reached J ≤ {target} in the same number of iterations, {i}.").format(
            names=listed([name(r) for r in fewest], "and"), target=target, i=fewest[0].iterations)]
    else:
        a = fewest[0]
        b = min((r for r in race.runners if r.iterations is not None and r is not a), key=lambda r: r.iterations)
        said = [_("{a} reached J ≤ {target} in the fewest iterations: {i}, against {j} for {b}.").format(
            a=name(a), target=target, i=a.iterations, j=b.iterations, b=name(b))]
    said.append(_("Iteration counts are deterministic, the same on every run: they are the race's main result. "
                  "Times are measured on this server, and noisy."))
    if race.finish is Finish.ALONE:
        said.append(_("At its best time per iteration, {per} ms, that is {total} ms.").format(
            per=ms(first.best), total=ms(first.seconds)))
    else:
        numbers = dict(a=name(first), b=name(second), ta=span(first), tb=span(second),
                       gap=ms(second.seconds - first.seconds), spread=ms(first.spread))
        said.append((_("In time, {a} is first: {ta} ms against {tb} ms for {b} (best – median timing round); the gap "
                       "between their best times, {gap} ms, is larger than {a}'s spread, {spread} ms.")
                     if race.finish is Finish.CLEAR else
                     _("In time, {a} ({ta} ms) and {b} ({tb} ms) are within noise (best – median timing round): the "
                       "gap between their best times, {gap} ms, is not larger than {a}'s spread, {spread} ms, so "
                       "neither is faster here.")).format(**numbers))
    relu = race.runner("relu")
    if relu is not None:
        if first is relu and race.finish in (Finish.CLEAR, Finish.ALONE):
            said.append(_("As the notes say: ReLU's slope is 1 wherever it is active, so its gradient does not fade."))
        elif first is not relu and ahead(first, relu):
            said.append(_("The notes' claim that ReLU trains fastest does not hold at these settings."))
        else:
            said.append(_("Within noise, this race does not settle the notes' claim that ReLU trains fastest."))
    return " ".join(said)


def race_table(race, runs, d, target, iterations):
    """One row per activation: iterations to the target, time per iteration (best and median round), time to the
    target, final J and test accuracy."""
    never, every = _("not within {n} iterations").format(n=iterations), record_every(iterations)
    reached = _("iterations to J ≤ {target}").format(target=target)
    return pd.DataFrame({
        _("activation"): [_(ACTIVATIONS[r.name].name) for r in race.runners],
        reached + (" " + _("(J recorded every {every})").format(every=every) if every > 1 else ""):
            [never if r.iterations is None else str(r.iterations) for r in race.runners],
        _("ms per iteration, best – median of {rounds} rounds").format(rounds=ROUNDS):
            [f"{ms(r.best)} – {ms(r.median)}" for r in race.runners],
        _("ms to J ≤ {target}: iterations × best – median").format(target=target):
            [never if r.iterations is None else span(r) for r in race.runners],
        _("final J"): [f"{runs[r.name].costs[-1]:.4f}" for r in race.runners],
        _("test accuracy"): [f"{network.accuracy(runs[r.name].layers, d.X_test, d.Y_test):.1%}" for r in race.runners],
    })
