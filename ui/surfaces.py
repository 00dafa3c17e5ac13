"""One-feature data sets and their cost surfaces, cached for every session (never mutate them)."""

import numpy as np
import streamlit as st

from i18n import N_, _
from mathcore import datasets
from mathcore.surface import LOSSES, contour_lines, cost_levels, surface

SOURCES = {"outlier": N_("hand-made: 6 points and one outlier"), "synthetic": N_("synthetic (you shape it)"),
           "breast cancer": N_("one feature of the breast-cancer table")}


@st.cache_data(max_entries=32, show_spinner=False)
def one_feature(source, m=100, separation=2.0, noise=1.0, seed=0, feature="mean radius"):
    """x (m,), y (m,) for ``source``; the other arguments shape the synthetic set or pick the feature."""
    if source == "outlier":
        return datasets.outlier_set()
    if source == "synthetic":
        return datasets.one_feature_synthetic(m, separation, noise, seed)
    return datasets.breast_cancer_feature(feature)


def surfaces(data_key, n, extent):
    """{loss: (Surface, contour lines)} on an n x n grid over [-extent, extent]^2."""
    with st.spinner(_("Computing both cost surfaces…")):
        return _surfaces(data_key, n, extent)


@st.cache_data(max_entries=16, show_spinner=False)
def _surfaces(data_key, n, extent):
    x, y = one_feature(*data_key)
    grid = np.linspace(-extent, extent, n)
    out = {}
    for loss in LOSSES:
        s = surface(x, y, grid, grid, loss)
        out[loss] = (s, contour_lines(s.J, grid, grid, cost_levels(s.J)))
    return out
