"""One checking engine: one ``Verdict``, one sampler of test points, one tolerance.

Every check the app makes says what it found the same way: each derivation's steps (``Derivation.checks``),
the answer checker, the transpose detective, and the course's gradient check. Pages style a verdict by its
``Outcome``, never by its words.

    EQUIVALENT       the two agree (proved, or within TOLERANCE at every test point)
    NOT_EQUIVALENT   they differ, with a counterexample: where, and by how much
    UNDECIDED        neither could be shown, with the reason (the judges disagree, time ran out, ...)
    INVALID          the input could not be read, with what is wrong and where

The tolerance: two values g and g~ agree when |g - g~| <= TOLERANCE * max(1, |g~|), relative for values above
1 and absolute below (a relative test means nothing near a 0). Over many points, ``error`` is the course's
relative difference with the same floor, ||g - g~|| / max(||g|| + ||g~||, sqrt(N)).
"""

from dataclasses import dataclass
from enum import Enum
from typing import Callable

import numpy as np

#: Values agree within this (see the module docstring); the course's gradient-check threshold for "correct".
TOLERANCE = 1e-7


class Outcome(Enum):
    EQUIVALENT = "equivalent"
    NOT_EQUIVALENT = "not equivalent"
    UNDECIDED = "could not decide"
    INVALID = "invalid"


@dataclass(frozen=True)
class Verdict:
    """What a check found: its ``outcome``, a sentence for people (a ``Text``), and what supports it."""

    outcome: Outcome
    message: str
    hint: str = ""  # the known mistake it matches, if any
    preview: str = ""  # LaTeX of how the input was read
    evidence: str = ""  # why it is undecided, when it is
    counterexample: tuple = ()  # (name, value) pairs where the two differ
    shape: tuple | None = None  # the shape of a matrix answer
    notation: str = ""  # which notation the input was read in (mathcore.answer.NOTATIONS)
    warnings: tuple = ()  # readings that could have gone another way, each naming both

    @property
    def right(self):
        return self.outcome is Outcome.EQUIVALENT

    @property
    def status(self):
        """The outcome's words, as the CLI prints them."""
        return self.outcome.value

    @property
    def exit_code(self):
        """0 right, 1 wrong, 2 undecided or unreadable: a script can grade by it."""
        return {Outcome.EQUIVALENT: 0, Outcome.NOT_EQUIVALENT: 1}.get(self.outcome, 2)


def close(got, truth):
    """Pointwise: |got - truth| <= TOLERANCE * max(1, |truth|).

    >>> close(np.array([1.0, 1e6, 0.0]), np.array([1.0 + 1e-9, 1e6 + 1.0, 1e-8])).tolist()
    [True, False, True]
    """
    got, truth = np.asarray(got, dtype=float), np.asarray(truth, dtype=float)
    return np.abs(got - truth) <= TOLERANCE * np.maximum(1.0, np.abs(truth))


def error(g, g_approx):
    """||g - g~|| / max(||g|| + ||g~||, sqrt(N)): relative, but absolute for values below 1.

    >>> error(np.array([0.0]), np.array([4e-18]))
    4e-18
    >>> error(np.array([100.0]), np.array([101.0]))  # doctest: +ELLIPSIS
    0.00497...
    """
    g, g_approx = np.ravel(g), np.ravel(g_approx)
    scale = max(np.linalg.norm(g) + np.linalg.norm(g_approx), np.sqrt(g.size))
    return 0.0 if scale == 0 else float(np.linalg.norm(g - g_approx) / scale)


# -- where test points come from ---------------------------------------------------------

@dataclass(frozen=True)
class Domain:
    """Where a variable's random test points come from, said in words for the reader."""

    text: str
    sample: Callable[[np.random.Generator, int], np.ndarray]


def real(lo, hi, avoid=None):
    """Uniform on [lo, hi]; with ``avoid``, no point within 1e-3 of it (a kink)."""

    def sample(rng, n):
        t = rng.uniform(lo, hi, n)
        if avoid is not None:
            t = np.where(np.abs(t - avoid) < 1e-3, t + 2e-3, t)
        return t

    return Domain(f"[{lo}, {hi}]", sample)


def _labels(rng, n):
    half = n // 2
    return np.concatenate([rng.integers(0, 2, half).astype(float), rng.uniform(0, 1, n - half)])


#: a in (0, 1), kept a little away from the ends where log(a) and 1/a blow up.
PROBABILITY = Domain("(0, 1)", lambda rng, n: rng.uniform(0.02, 0.98, n))
#: y in {0, 1} for half of the points, y in [0, 1] for the other half.
LABEL = Domain("{0, 1} and [0, 1]", _labels)
#: A number of examples m, from 2 to 49.
EXAMPLES = Domain("{2, ..., 49}", lambda rng, n: rng.integers(2, 50, n).astype(float))


def sample(domains, n, seed=0):
    """``n`` random test points: {variable: array (n,)} drawn from each variable's Domain, in order, from one seed.

    >>> points = sample({"z": real(-1, 1), "y": LABEL}, 4)
    >>> sorted(points), points["z"].shape
    (['y', 'z'], (4,))
    """
    rng = np.random.default_rng(seed)
    return {name: domain.sample(rng, n) for name, domain in domains.items()}


def matrices(shapes, seed=0):
    """Random test matrices, {name: array of that shape} with standard normal entries, in order, from one seed.

    >>> {name: a.shape for name, a in matrices({"dZ": (3, 5), "A_prev": (2, 5)}).items()}
    {'dZ': (3, 5), 'A_prev': (2, 5)}
    """
    rng = np.random.default_rng(seed)
    return {name: rng.normal(size=shape) for name, shape in shapes.items()}
