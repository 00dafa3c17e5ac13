"""Supervised learning: pairs (x, y), from a structured table and from unstructured images, into X and Y."""

import numpy as np
import pandas as pd
import streamlit as st

import charts
from i18n import _
from mathcore import datasets
from ui import link
from ui.chart import show_chart
from ui.table import show_table

st.title(_("Supervised learning: structured and unstructured data"))
st.markdown(_("Supervised learning learns a map $x \\mapsto y$ from examples $(x^{(i)}, y^{(i)})$, "
              "$i = 1, \\dots, m$. The course stacks the examples as columns:"))
st.latex(r"X = \begin{bmatrix} | & & | \\ x^{(1)} & \cdots & x^{(m)} \\ | & & | \end{bmatrix} \in \mathbb{R}^{n_x \times m},"
         r"\qquad Y = \begin{bmatrix} y^{(1)} & \cdots & y^{(m)} \end{bmatrix} \in \mathbb{R}^{1 \times m}")

st.header(_("Structured data: a table"))
rows, y, names, labels = datasets.breast_cancer_raw()
st.markdown(_("scikit-learn's breast-cancer table: one row per patient, {n} named measurements (their names as the "
              "data set ships them), and the label $y = 1$ for {one}, $y = 0$ for {zero}. Each row is one "
              "$x^{{(i)}}$.").format(n=len(names), one=_(labels[1]), zero=_(labels[0])))
st.caption(_("Mind the direction: here $y = 1$ is {one}, the data set's own coding, so a model on this table predicts "
             "$\\hat y = P(\\text{{{one}}} \\mid x)$. To predict {zero} instead, use $1 - y$: the same formulas, "
             "with the classes swapped.").format(one=_(labels[1]), zero=_(labels[0])))
shown = st.slider(_("patients shown"), **link.number("patients", 5, 3, 20))
table = pd.DataFrame(rows[:shown], columns=names)
table.insert(0, "y", y[:shown].astype(int))
show_table(st, table, formats={name: "{:g}" for name in names}, index=True, height=240)
X = rows.T  # (n_x, m): one column per patient
standardised = (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)
st.latex(rf"X \in \mathbb{{R}}^{{{X.shape[0]} \times {X.shape[1]}}},\qquad Y \in \mathbb{{R}}^{{1 \times {len(y)}}}")
st.markdown(_("The measurements live on very different scales (areas in the hundreds, smoothness near 0.1). "
              "Standardising each feature, $x_j \\leftarrow (x_j - \\mu_j) / \\sigma_j$, gives every feature mean 0 "
              "and spread 1, so one learning rate suits them all:"))
feature = st.selectbox(_("feature"), names, **link.option("feature", "mean area", names))
j = names.index(feature)
statistics = [_("mean"), _("standard deviation"), _("smallest"), _("largest")]
shown_value = lambda v: np.round(v, 12) + 0.0  # noqa: E731  (a mean of -1e-17 is 0, not "-0.0000")
show_table(st, pd.DataFrame({"": [_("raw"), _("standardised")],
                             **{name: [shown_value(f(X[j])), shown_value(f(standardised[j]))]
                                for name, f in zip(statistics, (np.mean, np.std, np.min, np.max))}}),
           formats={c: "{:.4f}" for c in statistics})

st.header(_("Unstructured data: images"))
images, labels_digits = datasets.digits_raw()
st.markdown(_("scikit-learn's handwritten digits, only the 0s and 1s: {n} pictures of 8 × 8 grey pixels "
              "(0 to 16). No named columns here: the features are raw pixels.").format(n=len(images)))
start = st.slider(_("first picture shown"), **link.number("first", 1, 1, len(images) - 9))
show_chart(st, charts.digits(images[start - 1:start + 9], labels_digits[start - 1:start + 9], first=start))
st.markdown(_("To give a picture to logistic regression, the course *flattens* it into one column, row after row: "
              "pixel $(r, c)$ becomes entry $8r + c$ of $x$."))
picked = st.number_input(_("picture to flatten"), **link.number("picture", 1, 1, len(images)))
show_chart(st, charts.flattening(images[picked - 1]))
X_images = images.reshape(len(images), -1).T  # (64, m), as the course flattens a picture
assert np.array_equal(X_images[:, picked - 1].reshape(8, 8), images[picked - 1])
st.latex(rf"X \in \mathbb{{R}}^{{{X_images.shape[0]} \times {X_images.shape[1]}}},\qquad "
         rf"Y \in \mathbb{{R}}^{{1 \times {len(labels_digits)}}}")
st.caption(_("Standardised the same way, pixel by pixel; pixels that are 0 in every picture stay 0. "
             "Both sets are trained on the Gradient descent page."))
