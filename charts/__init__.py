"""Altair chart builders: data in, ``alt.Chart`` out, testable without Streamlit."""

from charts.derivation import derivative_check

__all__ = ["derivative_check"]
