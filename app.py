"""NN Math Explorer: the router. Page config, navigation over lessons/, the shared sidebar.

The page scripts live in lessons/, not pages/: a folder named pages/ beside the entry script
puts Streamlit in its legacy multipage mode until st.navigation first runs, so the first
visitor after a server start who arrives by a shared deep link would get a "Page not found"
dialog or the page without this router (streamlit/streamlit#9624; tests/test_app_router.py).
"""

import streamlit as st


def run():
    """Configure the page, route to the chosen lesson, draw the shared sidebar."""
    st.set_page_config(page_title="NN Math Explorer", page_icon="∂", layout="wide")

    pages = {
        "Start": [
            st.Page("lessons/home.py", title="Why dL/dz = a − y", icon=":material/school:", default=True),
        ],
        "Neural networks": [
            st.Page("lessons/network.py", title="What a neural network is", icon=":material/hub:", url_path="network"),
            st.Page("lessons/supervised.py", title="Supervised learning", icon=":material/dataset:",
                    url_path="supervised-learning"),
            st.Page("lessons/activations.py", title="Activation functions", icon=":material/ssid_chart:",
                    url_path="activation-functions"),
        ],
        "Logistic regression": [
            st.Page("lessons/sigmoid.py", title="The sigmoid", icon=":material/show_chart:", url_path="logistic-regression"),
            st.Page("lessons/loss.py", title="Loss and cost", icon=":material/functions:", url_path="loss-and-cost"),
            st.Page("lessons/backprop.py", title="Chain rule and backpropagation", icon=":material/account_tree:",
                    url_path="backpropagation"),
            st.Page("lessons/gradient_descent.py", title="Gradient descent", icon=":material/trending_down:",
                    url_path="gradient-descent"),
            st.Page("lessons/convexity.py", title="Convex or not", icon=":material/landscape:", url_path="cost-surface"),
        ],
        "Vectorization": [
            st.Page("lessons/vectorization.py", title="From one example to m", icon=":material/grid_on:",
                    url_path="vectorization"),
            st.Page("lessons/deep_backprop.py", title="L layers: backward", icon=":material/layers:",
                    url_path="l-layers"),
            st.Page("lessons/loops.py", title="Loops versus NumPy", icon=":material/speed:", url_path="loops-vs-numpy"),
        ],
        "Practice": [
            st.Page("lessons/checker.py", title="Check my derivation", icon=":material/fact_check:",
                    url_path="check-my-derivation"),
        ],
        "Reference": [
            st.Page("lessons/derivations.py", title="Every derivation, verified", icon=":material/verified:",
                    url_path="every-derivation"),
        ],
    }

    page = st.navigation(pages, expanded=True)

    with st.sidebar:
        st.caption(
            "Course 1 of the Deep Learning Specialization: *Neural Networks and Deep Learning*. "
            "Every formula here is derived by SymPy and checked with NumPy."
        )

    page.run()


# Streamlit runs this file as __main__. The answer checker's worker processes re-import it under
# another name (multiprocessing prepares each worker from the main script): they must not run the app.
if __name__ == "__main__":
    run()
