"""Supervised learning: pairs (x, y), from a structured table and from unstructured images, into X and Y."""

import numpy as np
import pandas as pd
import streamlit as st

import charts
from mathcore import datasets

st.title("Supervised learning: structured and unstructured data")
st.markdown("Supervised learning learns a map $x \\mapsto y$ from examples $(x^{(i)}, y^{(i)})$, $i = 1, \\dots, m$. "
            "The course stacks the examples as columns:")
st.latex(r"X = \begin{bmatrix} | & & | \\ x^{(1)} & \cdots & x^{(m)} \\ | & & | \end{bmatrix} \in \mathbb{R}^{n_x \times m},"
         r"\qquad Y = \begin{bmatrix} y^{(1)} & \cdots & y^{(m)} \end{bmatrix} \in \mathbb{R}^{1 \times m}")

st.header("Structured data: a table")
rows, y, names, labels = datasets.breast_cancer_raw()
st.markdown(f"scikit-learn's breast-cancer table: one row per patient, {len(names)} named measurements, and the label "
            f"$y = 1$ for {labels[1]}, $y = 0$ for {labels[0]}. Each row is one $x^{{(i)}}$.")
shown = st.slider("patients shown", 3, 20, 5)
table = pd.DataFrame(rows[:shown], columns=names)
table.insert(0, "y", y[:shown].astype(int))
st.dataframe(table, height=240)
X = rows.T  # (n_x, m): one column per patient
standardised = (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)
st.latex(rf"X \in \mathbb{{R}}^{{{X.shape[0]} \times {X.shape[1]}}},\qquad Y \in \mathbb{{R}}^{{1 \times {len(y)}}}")
st.markdown("The measurements live on very different scales (areas in the hundreds, smoothness near 0.1). "
            "Standardising each feature, $x_j \\leftarrow (x_j - \\mu_j) / \\sigma_j$, gives every feature mean 0 "
            "and spread 1, so one learning rate suits them all:")
feature = st.selectbox("feature", names, index=3)
j = names.index(feature)
st.dataframe(pd.DataFrame({"": ["raw", "standardised"], "mean": [X[j].mean(), standardised[j].mean()],
                           "standard deviation": [X[j].std(), standardised[j].std()],
                           "smallest": [X[j].min(), standardised[j].min()], "largest": [X[j].max(), standardised[j].max()]}),
             hide_index=True, column_config={c: st.column_config.NumberColumn(format="%.4f")
                                             for c in ("mean", "standard deviation", "smallest", "largest")})

st.header("Unstructured data: images")
images, labels_digits = datasets.digits_raw()
st.markdown(f"scikit-learn's handwritten digits, only the 0s and 1s: {len(images)} pictures of 8 × 8 grey pixels "
            "(0 to 16). No named columns here: the features are raw pixels.")
start = st.slider("first picture shown", 1, len(images) - 9, 1)
st.altair_chart(charts.digits(images[start - 1:start + 9], labels_digits[start - 1:start + 9], first=start))
st.markdown("To give a picture to logistic regression, the course *flattens* it into one column, row after row: "
            "pixel $(r, c)$ becomes entry $8r + c$ of $x$.")
picked = st.number_input("picture to flatten", 1, len(images), start)
st.altair_chart(charts.flattening(images[picked - 1]))
X_images = images.reshape(len(images), -1).T  # (64, m), as the course flattens a picture
assert np.array_equal(X_images[:, picked - 1].reshape(8, 8), images[picked - 1])
st.latex(rf"X \in \mathbb{{R}}^{{{X_images.shape[0]} \times {X_images.shape[1]}}},\qquad "
         rf"Y \in \mathbb{{R}}^{{1 \times {len(labels_digits)}}}")
st.caption("Standardised the same way, pixel by pixel; pixels that are 0 in every picture stay 0. "
           "Both sets are trained on the Gradient descent page.")
