"""Timings measured on this server, shared by every session for a few minutes.

Each figure is measured live the first time a page asks for it, then kept for ``FRESH_FOR`` seconds
with the time it was taken: a class of thirty opening the same page gets one measurement, not thirty
competing ones (which would also measure each other). A Measure button takes a new one.
"""

import time

import numpy as np
import streamlit as st

from i18n import _
from mathcore.network import time_per_element
from mathcore.vectorization import dot_against_sum, time_gradients

FRESH_FOR = 600  # seconds


@st.cache_data(ttl=FRESH_FOR, max_entries=1, show_spinner=False)
def activation_timings():
    """(ns per element for sigmoid, for ReLU, when measured)."""
    return time_per_element("sigmoid"), time_per_element("relu"), time.strftime("%H:%M:%S")


@st.cache_data(ttl=FRESH_FOR, max_entries=1, show_spinner=False)
def dot_timings():
    """(np.dot seconds, Python sum seconds, when measured) for 10^6 pairs."""
    return *dot_against_sum(), time.strftime("%H:%M:%S")


@st.cache_data(ttl=FRESH_FOR, max_entries=16, show_spinner=False)
def gradient_timings(largest, n_x, measure):
    """Timings of both gradients for m up to ``largest``; a new ``measure`` token is a new measurement."""
    m_values = np.unique(np.logspace(1, np.log10(largest), 9).astype(int))
    return time_gradients(m_values, n_x), time.strftime("%H:%M:%S")


def activation_cost():
    """Three metrics: ns per element for 1/(1 + e^-z) and for max(0, z), and their ratio."""
    with st.spinner(_("Timing exp against max on this server…")):
        sigmoid_ns, relu_ns, when = activation_timings()
    cols = st.columns(3)
    cols[0].metric(_("sigmoid 1/(1 + e^−z), ns per element"), f"{sigmoid_ns:.2f}")
    cols[1].metric(_("ReLU max(0, z), ns per element"), f"{relu_ns:.2f}")
    cols[2].metric(_("sigmoid time / ReLU time"), f"{sigmoid_ns / relu_ns:.1f}×")
    st.caption(_("Best of 7 runs over 10⁶ float64 values, measured on this server at {when} (UTC).").format(when=when))
