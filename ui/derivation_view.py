"""How a page shows a ``mathcore`` derivation: the aligned steps with their rules and checks."""

import pandas as pd
import streamlit as st

from mathcore import derivation
from mathcore.derivation import TOLERANCE
from mathcore.export import export

PROVED, FAILED = r"\quad\textcolor{green}{\checkmark}", r"\quad\textcolor{red}{\times}"


@st.cache_resource(show_spinner="Deriving with SymPy…", max_entries=64)
def verified(key):
    """The derivation ``key``, proved and checked once per server (shared, never mutate)."""
    d = derivation(key)
    d.checks  # prove and check now, so no session pays for it twice
    return d


def sci(x, digits=0):
    """A number in short scientific notation: 6e-10, 1e-7, 4.2e-18.

    >>> sci(1e-7), sci(4.2e-18, 1), sci(0.0)
    ('1e-7', '4.2e-18', '0')
    """
    return "0" if x == 0 else f"{x:.{digits}e}".replace("e-0", "e-").replace("e+0", "e+").replace("e+", "e")


def table_cell(latex):
    r"""LaTeX safe inside a Markdown table cell, where a bare | would end the cell.

    >>> print(table_cell(r"f\Big|_{t=0}"))
    f\Big\vert _{t=0}
    """
    return latex.replace("|", r"\vert ")


def blackboard(d):
    """LaTeX: each step on its own line with its mark, its rule in small grey type below it."""
    lines = []
    for i, (step, check) in enumerate(zip(d.steps, d.checks)):
        lines.append(rf"{d.lhs if i == 0 else ''} &= {step.latex} {PROVED if check.ok else FAILED}")
        lines.append(rf"& \qquad \footnotesize\textcolor{{gray}}{{\text{{{step.rule}}}}}")
    return r"\begin{aligned}" + r" \\[2pt] ".join(lines) + r"\end{aligned}"


def show_steps(d):
    """The steps on the blackboard, then what the marks mean, and the checks in a table."""
    if d.where:
        st.caption(f"where ${d.where_latex}$")
    st.latex(blackboard(d))
    points = max(c.n_points for c in d.checks)
    verdict = "✓ Every step" if d.ok else "✗ Not every step"
    st.caption(
        f"{verdict} is proved equal to the one before by SymPy and agrees with {d.check_against} "
        f"at {points} random point{'s' if points > 1 else ''} (worst error {sci(d.error)}, "
        f"tolerance {sci(TOLERANCE)})."
    )
    if d.note:
        st.info(d.note)
    left, right, _ = st.columns([1, 1, 3])
    left.download_button("LaTeX", export(d, "latex"), f"{d.key}.tex", "text/x-tex", icon=":material/download:",
                         key=f"latex_{d.key}")
    right.download_button("Markdown", export(d, "markdown"), f"{d.key}.md", "text/markdown",
                          icon=":material/download:", key=f"markdown_{d.key}")
    with st.expander("The checks, step by step"):
        st.dataframe(pd.DataFrame({
            "step": range(1, len(d.steps) + 1),
            "rule": [s.rule for s in d.steps],
            "proved by SymPy": ["✓" if c.proved else "✗" for c in d.checks],
            f"error against {d.check_against}": [sci(c.error, 1) for c in d.checks],
            "points": [c.n_points for c in d.checks],
        }), hide_index=True)
