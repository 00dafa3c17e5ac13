"""Data sets and the scikit-learn reference, cached for every session (arrays: never mutate them)."""

import streamlit as st

from mathcore import datasets
from mathcore.reference import sklearn_logistic

SOURCES = {"synthetic": "synthetic, 2 features", "breast cancer": "breast cancer (table, 30 features)",
           "digits 0 vs 1": "digits 0 vs 1 (8×8 images, 64 pixels)"}


def synthetic_controls(m_min=20, m_default=200):
    """The four widgets that shape a synthetic set: examples m, class separation, noise, seed."""
    cols = st.columns(4)
    return {"m": cols[0].slider("examples m", m_min, 1000, m_default, 10),
            "separation": cols[1].slider("class separation", 0.0, 5.0, 2.0, 0.25),
            "noise": cols[2].slider("noise", 0.1, 3.0, 1.0, 0.1),
            "seed": cols[3].number_input("seed", 0, 1000, 0)}


@st.cache_data(max_entries=32, show_spinner=False)
def dataset(source, m=200, separation=2.0, noise=1.0, seed=0):
    """The data set ``source`` (one of SOURCES); the other arguments shape the synthetic one."""
    if source == "synthetic":
        return datasets.synthetic(m, separation, noise, seed)
    return datasets.breast_cancer() if source == "breast cancer" else datasets.digits_0_vs_1()


@st.cache_data(max_entries=32, show_spinner="Fitting scikit-learn's LogisticRegression…")
def reference(source, m=200, separation=2.0, noise=1.0, seed=0):
    """scikit-learn's unregularised fit (w, b) on the same standardised training set."""
    data = dataset(source, m, separation, noise, seed)
    return sklearn_logistic(data.X_train, data.Y_train)
