"""Streamlit pieces shared by the pages: cached producers and the derivation view."""
