"""Proofs kept on disk between processes: a server that starts cold loads what an earlier one proved.

A derivation's steps are rebuilt by its builder in milliseconds; what takes SymPy seconds, proving every step and
checking its numbers, is kept as JSON, one file per derivation, in ``directory()``: ``$MATHCORE_CACHE``, else
``$XDG_CACHE_HOME/mathcore``, else ``~/.cache/mathcore``. A file is named by its key, the SHA-256 of

- the derivation's name, target and steps as SymPy writes them out (``srepr``), and its sizes and assumptions;
- the source of every ``mathcore`` module a proof or a check runs through (``SOURCES``);
- the versions of SymPy, NumPy and Python,

so any change to one of them is a new key: re-derived, re-proved and written anew. A file that cannot be read, or
whose content does not fit, is ignored and rewritten; a folder that cannot be written only costs the next start its
time. JSON holds numbers and booleans only: nothing read back is executed. ``python -m mathcore verify`` never
reads this: it always derives from scratch.
"""

import hashlib
import json
import os
import platform
import tempfile
from functools import cache
from pathlib import Path

import numpy as np
import sympy as sp

from mathcore.derivation import Check
from mathcore.derivations import derivation

#: The modules whose code decides a proof or a check.
SOURCES = ("derivation.py", "derivations.py", "functions.py", "losses.py", "judge.py", "text.py", "store.py")


def directory():
    if os.environ.get("MATHCORE_CACHE"):
        return Path(os.environ["MATHCORE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mathcore"


@cache
def _sources():
    """The bytes of SOURCES, read once per process (the code a process runs is the code it loaded)."""
    here = Path(__file__).parent
    return b"".join((here / name).read_bytes() for name in SOURCES)


def key_of(d):
    """The SHA-256 naming what decides ``d``'s checks (see the module docstring)."""
    text = "\n".join([d.key, sp.srepr(d.target), *(sp.srepr(step.expr) for step in d.steps),
                      sp.srepr(d.where), sp.srepr(d.assume), sp.srepr(d.concrete), str(d.seed),
                      sp.__version__, np.__version__, platform.python_version()])
    return hashlib.sha256(text.encode() + _sources()).hexdigest()


def proved(key):
    """The derivation ``key`` with its checks: read from disk under its key, or proved now and written."""
    d = derivation(key)
    path = directory() / f"{key}-{key_of(d)[:32]}.json"
    try:
        saved = json.loads(path.read_text())
        checks = tuple(Check(bool(p), float(e), int(n)) for p, e, n in saved["checks"])
        if len(checks) == len(d.steps):
            d.__dict__["checks"] = checks  # the cached_property's own slot
            return d
    except (OSError, ValueError, KeyError, TypeError):
        pass
    _write(path, {"key": key, "checks": [[c.proved, c.error, c.n_points] for c in d.checks]})
    return d


def _write(path, content):
    """Write whole or not at all (a reader never sees half a file); a folder that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as out:
            json.dump(content, out)
        os.replace(out.name, path)
    except OSError:
        pass
