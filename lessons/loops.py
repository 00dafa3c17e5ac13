"""Loops versus NumPy, measured live: the gradient over growing m, a dot product, exp against max."""

import time

import pandas as pd
import streamlit as st

import charts
from i18n import _
from ui import link
from mathcore.vectorization import cache_sizes, slowest_step
from ui.chart import show_chart
from ui.timing import activation_cost, dot_timings, gradient_timings
from ui.table import show_table

st.title(_("Loops versus NumPy, measured"))
st.markdown(_("The course's first gradient loops over the $m$ examples (and the $n_x$ features) in Python; the "
              "vectorized one is $dw = \\frac1m X (A - Y)^\\top$. Both give the same numbers (checked before "
              "timing); here is what they cost on this server."))
with st.form("measure"):
    cols = st.columns(2)
    SIZES = [1_000, 10_000, 100_000]
    largest = cols[0].select_slider(_("largest m"), SIZES, **link.option("largest", 100_000, SIZES, slider=True))
    n_x = cols[1].slider(_("features n_x"), **link.number("n_x", 20, 1, 50))
    if st.form_submit_button(_("Measure"), type="primary"):
        st.session_state.measurement = time.time_ns()  # a new measurement, never another session's
with st.spinner(_("Timing both gradients on this server…")):
    rows, when = gradient_timings(largest, n_x, st.session_state.get("measurement", 0))
show_chart(st, charts.timings(rows), width="stretch")
loop_s, vectorized_s, speedup = _("loop (s)"), _("vectorized (s)"), _("speedup")
show_table(st, pd.DataFrame({"m": [t.m for t in rows], loop_s: [t.loop for t in rows],
                             vectorized_s: [t.vectorized for t in rows], speedup: [t.speedup for t in rows],
                             _("loop time"): [_("measured") if t.measured else _("extrapolated") for t in rows]}),
           formats={"m": "{:,}", loop_s: "{:.2e}", vectorized_s: "{:.2e}", speedup: "{:.0f}×"})
st.caption(_("Measured on this server at {when} (UTC) for n_x = {n_x} up to m = {largest:,}: best of 3 runs for NumPy, "
             "one for the loop; the loop is timed at a size only if, predicted from the size before, its total stays "
             "within a quarter of a second, and extrapolated linearly in m beyond (dashed: a Python loop's time grows "
             "as m). Until you press Measure, you see this server's latest measurement (kept 10 minutes).")
           .format(when=when, n_x=n_x, largest=largest))

jump = slowest_step(rows, n_x, cache_sizes())
if jump is None:
    st.caption(_("The vectorized time per example never grows by more than 20% from one size to the next here."))
else:
    step = dict(ratio=jump.ratio, before=jump.m_before, after=jump.m_after, small=jump.bytes_before / 1e6,
                large=jump.bytes_after / 1e6)
    if jump.level is None:
        st.caption(_("The vectorized time per example grows {ratio:.1f}× from m = {before:,} to m = {after:,} (its "
                     "data, X, A and Y: {small:.2g} MB, then {large:.2g} MB); no cache of this CPU lies between the "
                     "two sizes.").format(**step))
    else:
        st.info(_("Why the vectorized time jumps: per example it grows {ratio:.1f}× from m = {before:,} to m = "
                  "{after:,}, where its data (X, A and Y: {small:.2g} MB, then {large:.2g} MB) outgrows this CPU's "
                  "level-{level} cache ({cache:.2g} MB), so it streams from slower memory.")
                .format(level=jump.level, cache=jump.cache / 1e6, **step), icon=":material/memory:")

st.header(_("A dot product, and exp against max"))
with st.spinner(_("Timing a dot product on this server…")):
    numpy_s, python_s, _when = dot_timings()
cols = st.columns(3)
cols[0].metric(_("np.dot, 10⁶ pairs (ms)"), f"{numpy_s * 1e3:.2f}")
cols[1].metric(_("Python sum over the pairs (ms)"), f"{python_s * 1e3:.1f}")
cols[2].metric(_("np.dot speedup"), f"{python_s / numpy_s:.0f}×")
activation_cost()
st.caption(_("A Python loop pays the interpreter for every multiply-add; NumPy runs one compiled loop (SIMD, no "
             "boxing). An exponential costs tens of cycles; a comparison, one. Figures depend on the machine."))
