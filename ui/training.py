"""Training runs for the training page, cached by their inputs for every session (never mutate them).

A rerun with the same inputs trains nothing. The three-way comparison shares one data set and one set of initial
weights: each activation starts from the very same W[l] and b[l].
"""

import numpy as np
import streamlit as st

from i18n import _
from mathcore import datasets, network
from mathcore.surface import contour_lines

#: Iterations at which the page keeps the network, for the boundary's step slider.
SNAPSHOTS = 8
#: The activations raced against each other, as the notes compare them.
RACE = ("relu", "tanh", "sigmoid")


@st.cache_data(max_entries=8, show_spinner=False)
def data(key):
    return datasets.two_class(key)


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
    every = max(1, iterations // 200)
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
