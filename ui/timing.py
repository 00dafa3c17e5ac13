"""The sigmoid-against-ReLU cost figures, measured live, as two lessons show them."""

import streamlit as st

from mathcore.network import time_per_element


def activation_cost():
    """Three metrics: ns per element for 1/(1 + e^-z) and for max(0, z), and their ratio."""
    sigmoid_ns, relu_ns = time_per_element("sigmoid"), time_per_element("relu")
    cols = st.columns(3)
    cols[0].metric("sigmoid 1/(1 + e^−z), ns per element", f"{sigmoid_ns:.2f}")
    cols[1].metric("ReLU max(0, z), ns per element", f"{relu_ns:.2f}")
    cols[2].metric("sigmoid time / ReLU time", f"{sigmoid_ns / relu_ns:.1f}×")
