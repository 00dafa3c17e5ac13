"""Charts on a page: Altair charts converted without a second check of their spec, and the diagrams drawn on the
server as SVG.

Streamlit turns a chart into Vega-Lite with ``chart.to_dict()``, which also validates the whole spec against the
Vega-Lite JSON schema: about half of each conversion (7-9 ms a chart on the 2-core server), and all of it inside
Streamlit's one process-wide Altair lock, so one learner's charts wait for another's. The builders in charts/
never change their spec's shape from run to run, and the tests validate every chart every page shows
(tests/test_charts.py, test_every_chart_a_page_shows_is_valid_vega_lite); the page skips the check.
"""

from functools import partial


def show_chart(where, chart, **kwargs):
    """``where.altair_chart(chart, **kwargs)``, ``where`` being ``st`` or a column or container, with the spec
    unvalidated. Returns what ``altair_chart`` returns (the selection, with ``on_select``)."""
    object.__setattr__(chart, "to_dict", partial(type(chart).to_dict, chart, validate=False))  # not a spec field
    return where.altair_chart(chart, **kwargs)


def show_diagram(where, svg):
    """A diagram from ``charts.svg`` on the page, through ``st.markdown``: the one element that keeps inline SVG
    (``st.html`` strips it). It is built from numbers and the app's own labels, every text escaped; it is one line,
    so Markdown takes it as one block of HTML and reads nothing in it as Markdown or math."""
    where.markdown(svg, unsafe_allow_html=True)
