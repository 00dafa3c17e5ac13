"""A number as a user writes it (a link's value, ``--at z=1.5``): ASCII digits only, so ``٣`` is not 3, and no
``nan``, ``inf``, ``0x3`` or ``1_0``, which Python's ``float`` would take.

>>> [read_number(t) for t in ("3", "3.00", "+3", "3e0", ".5", "٣", "nan", "inf", "1_0", "3,0")]
[3.0, 3.0, 3.0, 3.0, 0.5, None, None, None, None, None]
>>> read_number("1e309")  # digits, but past float64: the caller's bounds refuse it
inf
"""

import re

NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # linear: no nested quantifier


def read_number(text):
    """The number ``text`` writes, or None where it is not one in ASCII digits."""
    return float(text) if NUMBER.fullmatch(text) else None
