"""From one example to m examples: the sum, the average, the matrix form, proved with symbolic matrices;
the shapes; the transpose detective; one gradient four ways."""

import pandas as pd
import sympy as sp
import streamlit as st

import charts
from mathcore.vectorization import OPERANDS, backward_proof, check_db, check_dW, four_ways

st.title("From one example to m examples")
st.markdown("For one example the gradient of the loss is $dz^{(i)} = a^{(i)} - y^{(i)}$ and "
            "$dw = x^{(i)} dz^{(i)}$. The cost averages the losses, so its gradient averages theirs:")
st.latex(r"\frac{\partial J}{\partial w} = \frac1m \sum_{i=1}^{m} x^{(i)} dz^{(i)} "
         r"\quad\Longrightarrow\quad dZ = A - Y,\quad dW = \frac1m\, dZ\, A^{[l-1]\top},\quad "
         r"db = \frac1m \sum_{i=1}^{m} dZ_{:,i}")
st.markdown("$dZ$ holds one column per example and has **no** $1/m$: each column is one example's own gradient. "
            "$dW$ and $db$ add the columns up, so they divide by $m$ to average.")

st.header("Proved with symbolic matrices")
cols = st.columns(3)
n = cols[0].slider("units n[l]", 1, 4, 2)
n_prev = cols[1].slider("inputs n[l−1]", 1, 4, 3)
m = cols[2].slider("examples m", 1, 4, 2)
proof = backward_proof(n, n_prev, m)
st.markdown("SymPy writes $J$ with symbolic entries and differentiates it by every $W_{jk}$:")
st.latex(r"dW_{jk} = \frac{\partial J}{\partial W_{jk}} = \frac1m \sum_{i=1}^{m} dZ_{ji}\, A^{[l-1]}_{ki}"
         r"\qquad dW = " + sp.latex(proof.dW))
st.dataframe(pd.DataFrame({"claim": list(proof.proved), "SymPy, entry by entry": ["✓ equal" if ok else "✗ differ"
                                                                                  for ok in proof.proved.values()]}),
             hide_index=True)

st.subheader("The shape walk")
st.altair_chart(charts.shape_walk(n, n_prev, m))
st.caption(f"dZ ({n} × {m}) times A_prevᵀ ({m} × {n_prev}) gives ({n} × {n_prev}), the shape of W: the m axis is "
           "summed away, so dividing by m turns the sum into an average.")

st.header("Transpose detective")
st.markdown("Build a candidate for $dW$ from the pieces, and another for $db$; the app checks the shape, then the values.")
cols = st.columns(4)
scaled = cols[0].selectbox("scale", ["(1/m) *", "(none)"]) == "(1/m) *"
left = cols[1].selectbox("left", OPERANDS, index=0)
operator = cols[2].selectbox("operator", ["@", "*"])
right = cols[3].selectbox("right", OPERANDS, index=3)
verdict = check_dW(left, operator, right, scaled, n=3, n_prev=2, m=5)
(st.success if verdict.correct else st.error)(f"`{'(1/m) * ' if scaled else ''}{left} {operator} {right}`: "
                                              f"{verdict.message}")
cols = st.columns(3)
axis = cols[0].selectbox("np.sum(dZ, axis=…)", [1, 0])
keepdims = cols[1].selectbox("keepdims", [True, False])
db_scaled = cols[2].selectbox("scale for db", ["(1/m) *", "(none)"]) == "(1/m) *"
verdict = check_db(axis, keepdims, db_scaled)
(st.success if verdict.correct else st.error)(f"`{'(1/m) * ' if db_scaled else ''}np.sum(dZ, axis={axis}, "
                                              f"keepdims={keepdims})`: {verdict.message}")
st.caption("Checked on random arrays with n[l] = 3, n[l−1] = 2, m = 5: three different sizes, so a wrong shape "
           "cannot pass by coincidence.")

st.header("One gradient, four ways")
cols = st.columns(2)
n_x = cols[0].slider("features n_x", 1, 20, 5)
m_data = cols[1].slider("examples in the random data set", 1, 500, 100)
rows = four_ways(n_x, m_data)
st.dataframe(pd.DataFrame({"method": list(rows), "max |difference| from vectorized": [r[1] for r in rows.values()],
                           "relative difference": [r[2] for r in rows.values()]}), hide_index=True,
             column_config={c: st.column_config.NumberColumn(format="%.1e")
                            for c in ("max |difference| from vectorized", "relative difference")})
