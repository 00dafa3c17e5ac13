"""Charts that put a derivation's result beside independent numbers."""

import altair as alt
import pandas as pd

from i18n import _


def derivative_check(z, formula, finite_difference, point, title):
    """The derived formula as a line over ``z``, finite differences as dots, the learner's point ringed.

    z, formula, finite_difference: 1-D arrays of one length; point: (z, value).
    """
    FORMULA, DIFFERENCES, POINT = _("derived formula"), _("finite differences"), _("your point")
    color = alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom"),
                      scale=alt.Scale(domain=[FORMULA, DIFFERENCES, POINT], range=["#4c78a8", "#f58518", "#e45756"]))
    frame = pd.DataFrame({"z": z, FORMULA: formula, DIFFERENCES: finite_difference})
    long = frame.melt("z", var_name="series", value_name="value")
    tooltip = [alt.Tooltip("series:N", title=_("series")), alt.Tooltip("z:Q", format=".2f"),
               alt.Tooltip("value:Q", title=_("value"), format=".6f")]
    encoding = dict(x=alt.X("z:Q", title="z"), y=alt.Y("value:Q", title=title), color=color, tooltip=tooltip)

    line = alt.Chart(long[long.series == FORMULA]).mark_line(strokeWidth=2.5).encode(**encoding)
    dots = alt.Chart(long[long.series == DIFFERENCES].iloc[::8]).mark_circle(size=45, opacity=1).encode(**encoding)
    here = alt.Chart(pd.DataFrame({"z": [point[0]], "value": [point[1]], "series": [POINT]})).mark_point(
        size=240, filled=False, strokeWidth=3, opacity=1).encode(**encoding)
    return alt.LayerChart(layer=[line, dots, here], height=320)
