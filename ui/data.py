"""Data sets and the scikit-learn reference, cached for every session (arrays: never mutate them)."""

import streamlit as st

from i18n import N_, _
from mathcore import datasets
from mathcore.reference import sklearn_logistic
from ui import link

SOURCES = {"synthetic": N_("synthetic, 2 features"), "breast cancer": N_("breast cancer (table, 30 features)"),
           "digits 0 vs 1": N_("digits 0 vs 1 (8×8 images, 64 pixels)")}


def synthetic_controls(m_min=20, m_default=200):
    """The four widgets that shape a synthetic set: examples m, class separation, noise, seed (all in the link)."""
    cols = st.columns(4)
    return {"m": cols[0].slider(_("examples m"), step=10, **link.number("m", m_default, m_min, 1000)),
            "separation": cols[1].slider(_("class separation"), step=0.25,
                                         **link.number("separation", 2.0, 0.0, 5.0)),
            "noise": cols[2].slider(_("noise"), step=0.1, **link.number("noise", 1.0, 0.1, 3.0)),
            "seed": cols[3].number_input(_("seed"), **link.number("seed", 0, 0, 1000))}


@st.cache_data(max_entries=32, show_spinner=False)
def dataset(source, m=200, separation=2.0, noise=1.0, seed=0):
    """The data set ``source`` (one of SOURCES); the other arguments shape the synthetic one."""
    if source == "synthetic":
        return datasets.synthetic(m, separation, noise, seed)
    return datasets.breast_cancer() if source == "breast cancer" else datasets.digits_0_vs_1()


@st.cache_data(max_entries=32, show_spinner=False)
def _reference(source, m, separation, noise, seed):
    data = dataset(source, m, separation, noise, seed)
    return sklearn_logistic(data.X_train, data.Y_train)


def reference(source, m=200, separation=2.0, noise=1.0, seed=0):
    """scikit-learn's unregularised fit (w, b) on the same standardised training set."""
    with st.spinner(_("Fitting scikit-learn's LogisticRegression…")):
        return _reference(source, m, separation, noise, seed)
