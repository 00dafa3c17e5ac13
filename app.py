"""NN Math Explorer: the router. Page config, language, navigation over lessons/ (their list: lessons.PAGES),
share links, the sidebar.

The page scripts live in lessons/, not pages/: a folder named pages/ beside the entry script
puts Streamlit in its legacy multipage mode until st.navigation first runs, so the first
visitor after a server start who arrives by a shared deep link would get a "Page not found"
dialog or the page without this router (streamlit/streamlit#9624; tests/test_app_router.py).
"""

import streamlit as st

import i18n
from i18n import LANGUAGES, _
from lessons import PAGES
from serving import guard, nodelay
from ui import link
from ui.style import STYLE


def run():
    """Configure the page, route to the chosen lesson, draw the shared sidebar."""
    nodelay.set_on_open_sockets()  # under a plain `streamlit run`: the server's files without a 40 ms wait each
    guard.refuse_clear_cache()  # no client may clear what every session shares
    st.set_page_config(page_title="NN Math Explorer", page_icon="∂", layout="wide")
    st.html(STYLE)  # the tables' and the sidebar's style sheet: it takes no place on the page
    link.start()
    language = link.option("lang", "en", LANGUAGES)
    i18n.use(st.session_state["lang"])

    pages = {}
    for lesson in PAGES:  # the sidebar's sections, in order, each with its lessons
        pages.setdefault(_(lesson.section), []).append(
            st.Page(lesson.script, title=_(lesson.title), icon=lesson.icon, url_path=lesson.url_path or None,
                    default=not lesson.url_path))

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
