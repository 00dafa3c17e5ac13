"""NN Math Explorer: the router. Page config, language, navigation over lessons/, share links, the sidebar.

The page scripts live in lessons/, not pages/: a folder named pages/ beside the entry script
puts Streamlit in its legacy multipage mode until st.navigation first runs, so the first
visitor after a server start who arrives by a shared deep link would get a "Page not found"
dialog or the page without this router (streamlit/streamlit#9624; tests/test_app_router.py).
"""

import streamlit as st

import i18n
from i18n import LANGUAGES, _
from ui import link


def run():
    """Configure the page, route to the chosen lesson, draw the shared sidebar."""
    st.set_page_config(page_title="NN Math Explorer", page_icon="∂", layout="wide")
    link.start()
    language = link.option("lang", "en", LANGUAGES)
    i18n.use(st.session_state["lang"])

    pages = {
        _("Start"): [
            st.Page("lessons/home.py", title=_("Why dL/dz = a − y"), icon=":material/school:", default=True),
        ],
        _("Neural networks"): [
            st.Page("lessons/network.py", title=_("What a neural network is"), icon=":material/hub:", url_path="network"),
            st.Page("lessons/supervised.py", title=_("Supervised learning"), icon=":material/dataset:",
                    url_path="supervised-learning"),
            st.Page("lessons/activations.py", title=_("Activation functions"), icon=":material/ssid_chart:",
                    url_path="activation-functions"),
        ],
        _("Logistic regression"): [
            st.Page("lessons/sigmoid.py", title=_("The sigmoid"), icon=":material/show_chart:", url_path="logistic-regression"),
            st.Page("lessons/loss.py", title=_("Loss and cost"), icon=":material/functions:", url_path="loss-and-cost"),
            st.Page("lessons/backprop.py", title=_("Chain rule and backpropagation"), icon=":material/account_tree:",
                    url_path="backpropagation"),
            st.Page("lessons/gradient_descent.py", title=_("Gradient descent"), icon=":material/trending_down:",
                    url_path="gradient-descent"),
            st.Page("lessons/convexity.py", title=_("Convex or not"), icon=":material/landscape:", url_path="cost-surface"),
        ],
        _("Vectorization"): [
            st.Page("lessons/vectorization.py", title=_("From one example to m"), icon=":material/grid_on:",
                    url_path="vectorization"),
            st.Page("lessons/deep_backprop.py", title=_("L layers: backward"), icon=":material/layers:",
                    url_path="l-layers"),
            st.Page("lessons/loops.py", title=_("Loops versus NumPy"), icon=":material/speed:", url_path="loops-vs-numpy"),
        ],
        _("Practice"): [
            st.Page("lessons/checker.py", title=_("Check my derivation"), icon=":material/fact_check:",
                    url_path="check-my-derivation"),
        ],
        _("Reference"): [
            st.Page("lessons/derivations.py", title=_("Every derivation, verified"), icon=":material/verified:",
                    url_path="every-derivation"),
        ],
    }

    page = st.navigation(pages, expanded=True)
    with st.sidebar:
        st.radio(":material/translate: Language · 언어", list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True,
                 **language)
        st.caption(_("Course 1 of the Deep Learning Specialization: *Neural Networks and Deep Learning*. "
                     "Every formula here is derived by SymPy and checked with NumPy."))

    link.enter(page.url_path or "home")
    page.run()
    link.finish()

    with st.sidebar:
        link.copy_button()


# Streamlit runs this file as __main__. The answer checker's worker processes re-import it under
# another name (multiprocessing prepares each worker from the main script): they must not run the app.
if __name__ == "__main__":
    run()
