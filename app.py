"""NN Math Explorer: the router. Page config, navigation over pages/, the shared sidebar."""

import streamlit as st

st.set_page_config(page_title="NN Math Explorer", page_icon="∂", layout="wide")

pages = {
    "Start": [
        st.Page("pages/home.py", title="Why dL/dz = a − y", icon=":material/school:", default=True),
    ],
    "Reference": [
        st.Page("pages/derivations.py", title="Every derivation, verified", icon=":material/verified:", url_path="derivations"),
    ],
}

page = st.navigation(pages)

with st.sidebar:
    st.caption(
        "Course 1 of the Deep Learning Specialization: *Neural Networks and Deep Learning*. "
        "Every formula here is derived by SymPy and checked with NumPy."
    )

page.run()
