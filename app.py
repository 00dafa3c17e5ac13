"""NN Math Explorer: the router. Page config, navigation over pages/, the shared sidebar.

Every url_path differs from its file's name: until st.navigation has run once, Streamlit
still serves pages/ the legacy way, and a first visitor arriving by a deep link that matches
a file name would get that script alone, without this router (tests/test_app_router.py).
"""

import streamlit as st

st.set_page_config(page_title="NN Math Explorer", page_icon="∂", layout="wide")

pages = {
    "Start": [
        st.Page("pages/home.py", title="Why dL/dz = a − y", icon=":material/school:", default=True),
    ],
    "Logistic regression": [
        st.Page("pages/sigmoid.py", title="The sigmoid", icon=":material/show_chart:", url_path="logistic-regression"),
        st.Page("pages/loss.py", title="Loss and cost", icon=":material/functions:", url_path="loss-and-cost"),
        st.Page("pages/backprop.py", title="Chain rule and backpropagation", icon=":material/account_tree:",
                url_path="backpropagation"),
        st.Page("pages/gradient_descent.py", title="Gradient descent", icon=":material/trending_down:",
                url_path="gradient-descent"),
    ],
    "Reference": [
        st.Page("pages/derivations.py", title="Every derivation, verified", icon=":material/verified:",
                url_path="every-derivation"),
    ],
}

page = st.navigation(pages)

with st.sidebar:
    st.caption(
        "Course 1 of the Deep Learning Specialization: *Neural Networks and Deep Learning*. "
        "Every formula here is derived by SymPy and checked with NumPy."
    )

page.run()
