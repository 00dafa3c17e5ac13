"""A page rerun derives nothing: no SymPy differentiation, simplification, limit or lambdify runs
again once a page has been shown for the same inputs. (Deriving is what made first visits slow;
every result is cached per server or per process.)"""

from collections import Counter

import pytest
import sympy as sp
from streamlit.testing.v1 import AppTest

from tests.test_app_router import routed_pages

SYMPY_WORK = ("lambdify", "diff", "simplify", "limit", "solve", "factor", "sympify", "integrate")


@pytest.fixture
def sympy_calls(monkeypatch):
    """A Counter of calls to SymPy's deriving functions, by name."""
    calls = Counter()
    for name in SYMPY_WORK:
        def counted(*args, _name=name, _f=getattr(sp, name), **kwargs):
            calls[_name] += 1
            return _f(*args, **kwargs)
        monkeypatch.setattr(sp, name, counted)
    return calls


@pytest.mark.parametrize("page", routed_pages())
def test_a_rerun_derives_nothing(page, sympy_calls):
    at = AppTest.from_file("../app.py", default_timeout=120)
    at.run()
    at.switch_page(page).run()
    sympy_calls.clear()
    at.run()
    assert not at.exception and not sympy_calls, f"a plain rerun of {page} called SymPy: {dict(sympy_calls)}"
    if at.slider:  # away and back: the second visit to the same inputs is a cache hit
        slider = at.slider[0]
        before = slider.value
        slider.set_value(slider.min if before != slider.min else slider.max).run()
        sympy_calls.clear()
        at.slider[0].set_value(before).run()
        assert not at.exception and not sympy_calls, f"{page} with its first slider moved back: {dict(sympy_calls)}"
