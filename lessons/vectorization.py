"""From one example to m examples: the sum, the average, the matrix form, proved with symbolic matrices;
the shapes; the transpose detective; one gradient four ways."""

import inspect

import pandas as pd
import sympy as sp
import streamlit as st

import charts
from i18n import _
from mathcore import codegen, network
from mathcore.functions import ACTIVATIONS
from mathcore.vectorization import OPERANDS, backward_proof, check_db, check_dW, four_ways
from ui import link
from ui.chart import show_chart
from ui.checking import box
from ui.derivation_view import opened, spoken
from ui.inert import prose
from ui.table import show_table

st.title(_("From one example to m examples"))
st.markdown(_("For one example the gradient of the loss is $dz^{(i)} = a^{(i)} - y^{(i)}$ and "
              "$dw = x^{(i)} dz^{(i)}$. The cost averages the losses, so its gradient averages theirs:"))
st.latex(r"\frac{\partial J}{\partial w} = \frac1m \sum_{i=1}^{m} x^{(i)} dz^{(i)} "
         r"\quad\Longrightarrow\quad dZ = A - Y,\quad dW = \frac1m\, dZ\, A^{[l-1]\top},\quad "
         r"db = \frac1m \sum_{i=1}^{m} dZ_{:,i}")
st.markdown(_("$dZ$ holds one column per example and has **no** $1/m$: each column is one example's own gradient. "
              "$dW$ and $db$ add the columns up, so they divide by $m$ to average."))

st.header(_("Proved with symbolic matrices"))
cols = st.columns(3)
n = cols[0].slider(_("units n[l]"), **link.number("n", 3, 1, 4))  # three different sizes: no axis mistaken for
n_prev = cols[1].slider(_("inputs n[l−1]"), **link.number("n_prev", 2, 1, 4))  # another in the shape walk
m = cols[2].slider(_("examples m"), **link.number("m", 4, 1, 4))
proof = backward_proof(n, n_prev, m)
st.markdown(_("SymPy writes $J$ with symbolic entries and differentiates it by every $W_{jk}$:"))
st.latex(r"dW_{jk} = \frac{\partial J}{\partial W_{jk}} = \frac1m \sum_{i=1}^{m} dZ_{ji}\, A^{[l-1]}_{ki}")
summed = sp.expand(proof.dW * m)  # SymPy's dW with its 1/m taken out, so no entry is a stack of fractions
if n_prev * m <= 9:  # the whole matrix fits the page's width
    st.latex(rf"\def\arraystretch{{1.5}} dW = \frac{{1}}{{{m}}}" + sp.latex(summed))
else:  # wider than the page: one entry per line, each whole
    st.latex(r"\begin{aligned}" + r" \\ ".join(
        rf"dW_{{{j + 1}{k + 1}}} &= \tfrac{{1}}{{{m}}}\left({sp.latex(summed[j, k])}\right)"
        for j in range(n) for k in range(n_prev)) + r"\end{aligned}")
show_table(st, pd.DataFrame({_("claim"): list(proof.proved),
                             _("SymPy, entry by entry"): [_("✓ equal") if ok else _("✗ differ")
                                                          for ok in proof.proved.values()]}))

st.subheader(_("The shape walk"))
show_chart(st, charts.shape_walk(n, n_prev, m))
st.caption(_("dZ ({n} × {m}) times A_prevᵀ ({m} × {n_prev}) gives ({n} × {n_prev}), the shape of W: the m axis is "
             "summed away, so dividing by m turns the sum into an average.").format(n=n, m=m, n_prev=n_prev))

st.header(_("Transpose detective"))
st.markdown(_("Build a candidate for $dW$ from the pieces, and another for $db$; the app checks the shape, then the "
              "values."))
scale_name = lambda scaled: "(1/m) *" if scaled else _("(none)")  # noqa: E731
cols = st.columns(4)
scaled = cols[0].radio(_("scale"), [True, False], format_func=scale_name, horizontal=True,
                       **link.option("scale", True, [True, False]))  # two ways: a radio draws faster than a select box
left = cols[1].radio(_("left"), OPERANDS, **link.option("left", "dZ", OPERANDS))  # one under another: four in view
operator = cols[2].radio(_("operator"), ["@", "*"], horizontal=True, **link.option("operator", "@", ["@", "*"]))
right = cols[3].radio(_("right"), OPERANDS, **link.option("right", "A_prev.T", OPERANDS))
sizes = (n, n_prev, m) if len({n, n_prev, m, 1}) == 4 else (3, 2, 5)  # three different sizes, none 1: no coincidence
verdict = check_dW(left, operator, right, scaled, *sizes)
box(verdict, f"`{'(1/m) * ' if scaled else ''}{left} {operator} {right}`: {prose(_(verdict.message))}")
cols = st.columns(3)
axis = cols[0].radio("np.sum(dZ, axis=…)", [1, 0], horizontal=True, **link.option("axis", 1, [1, 0]))
keepdims = cols[1].radio("keepdims", [True, False], horizontal=True, **link.option("keepdims", True, [True, False]))
db_scaled = cols[2].radio(_("scale for db"), [True, False], format_func=scale_name, horizontal=True,
                          **link.option("db_scale", True, [True, False]))
verdict = check_db(axis, keepdims, db_scaled, n=sizes[0], m=sizes[2])
box(verdict, f"`{'(1/m) * ' if db_scaled else ''}np.sum(dZ, axis={axis}, keepdims={keepdims})`: "
             f"{prose(_(verdict.message))}")
st.caption(_("Checked on random arrays with n[l] = {n}, n[l−1] = {n_prev}, m = {m}: three different sizes, so a wrong "
             "shape cannot pass by coincidence (the sliders' sizes when they are three different sizes above 1, else "
             "3, 2, 5).").format(n=sizes[0], n_prev=sizes[1], m=sizes[2]))

st.header(_("One gradient, four ways"))
cols = st.columns(2)
n_x = cols[0].slider(_("features n_x"), **link.number("n_x", 5, 1, 20))
m_data = cols[1].slider(_("examples in the random data set"), **link.number("m_data", 100, 1, 500))
rows = four_ways(n_x, m_data)
largest, relative = _("max |difference| from vectorized"), _("relative difference")
show_table(st, pd.DataFrame({_("method"): [_(method) for method in rows], largest: [r[1] for r in rows.values()],
                             relative: [r[2] for r in rows.values()]}), formats={largest: "{:.1e}", relative: "{:.1e}"})

st.header(_("The code SymPy wrote"))
st.markdown(_("SymPy differentiates with whole matrices as symbols, their sizes `n`, `n_prev`, `m` left open, and prints "
              "each derivative as NumPy: a matrix product as `@`, a product with a column of ones as "
              "`.sum(axis=1, keepdims=True)`, $\\odot$ as `*`. This is layer $l$'s backward step."))
activation = st.radio(_("activation g of layer l"), list(ACTIVATIONS), format_func=lambda k: _(ACTIVATIONS[k].name),
                      horizontal=True, **link.option("g", "relu", list(ACTIVATIONS)))
for _name, formula in codegen.formulas(activation):
    st.latex(spoken(formula))  # a piecewise g' says "for" and "otherwise" in the reader's language
if (code := opened(_("The code, SymPy's beside the hand-written"), key=link.widget_key("code"))) is not None:
    written, by_hand = code.columns(2)  # highlighted only once opened: code costs a new session about 0.5 s
    written.caption(_("written by SymPy from the derivation above"))
    written.code(codegen.source(activation), language="python")
    by_hand.caption(_("written by hand (mathcore.network, what the network pages train with)"))
    by_hand.code(inspect.getsource(network.layer_backward), language="python")
differences = codegen.against_hand_written(activation, n, n_prev, m)
gap = _("max |SymPy's − hand-written|")
show_table(st, pd.DataFrame({_("gradient"): list(differences), gap: list(differences.values())}),
           formats={gap: "{:.1e}"})
st.caption(_("On random arrays at the sliders' sizes (n[l] = {n}, n[l−1] = {n_prev}, m = {m}). At n[l−1] = 100 "
             "and m = 100,000 the two run about equally fast: the project's own benchmarks time them, away from this "
             "page.").format(n=n, n_prev=n_prev, m=m))
