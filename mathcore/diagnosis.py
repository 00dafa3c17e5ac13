"""What a training run's gradients say: one reading of the whole run (its start, its recorded ||dW[l]||, its cost
and its end), for the sentence under the gradient chart.

Backpropagation multiplies one factor W[l+1].T and g'(Z[l]) per layer on its way down (``mathcore.network``), so

    ratio = ||dW[1]|| / ||dW[L]||   at the start

says how the gradient's size changes from the last layer to the first. The readings, checked in this order:

    EXPLODING  training overflowed (``Training.diverged``), or ratio > 100
    SYMMETRIC  every hidden layer starts with identical units (the zero start): they get the same gradient and
               stay identical
    TINY       every ||dW[l]|| at every record below 1e-4: nothing learns (from a small start, W ~ 0.01, the
               network sits near its symmetric point W = 0, where every A[l] and so every gradient is about 0)
    DEAD       a hidden layer whose every unit has g'(Z) = 0 on every example at the end: no gradient passes it
    VANISHING  ratio < 0.01
    HEALTHY    otherwise
and, whatever the reading, how many hidden units are dead at the end, and where each ||dW[l]|| is exactly 0 (which
a log-scale chart cannot draw).
"""

from dataclasses import dataclass
from enum import Enum

import numpy as np

from mathcore.functions import ACTIVATIONS
from mathcore.network import forward

#: ratio below this: the gradient vanishes on its way back; above EXPLODES: it grows.
VANISHES, EXPLODES = 0.01, 100.0
#: Every ||dW[l]|| of a run below this: nothing learns (a step of at most 2.4 x 1e-4 per iteration).
TINY = 1e-4
#: A start whose every hidden W[l] has a root mean square below this is small (the course's randn x 0.01).
SMALL_START = 0.05


def suited_init(activation):
    """The initialization made for ``activation`` (``network.INITIALIZATIONS``): He's twice the variance for a ReLU,
    which zeroes about half its inputs; Xavier's for the others."""
    return "he" if activation in ("relu", "leaky_relu") else "xavier"


class Reading(Enum):
    EXPLODING = "exploding"
    SYMMETRIC = "symmetric"
    TINY = "tiny"
    DEAD = "dead"
    VANISHING = "vanishing"
    HEALTHY = "healthy"


@dataclass(frozen=True)
class Zeros:
    """Where ||dW[l]|| is exactly 0: at every record (``since`` is the first iteration), from iteration ``since`` on
    (a suffix of the records), or at ``count`` of the ``of`` records (``since`` None)."""

    everywhere: bool
    since: int | None
    count: int
    of: int


@dataclass(frozen=True)
class Diagnosis:
    """One training run, read: the reading, and the numbers each sentence about it quotes.

    ratio: ||dW[1]|| / ||dW[L]|| at the start (None where either is 0); largest: the largest ||dW[l]|| recorded,
    hidden: the largest of the hidden layers' (l < L);
    costs: (J at the start, J at the end); dead: (dead units, units) per hidden layer at the end; dead_layer: the
    first hidden layer with no live unit (None if every layer has one); zeros: {l: Zeros} for each layer l whose
    ||dW[l]|| is exactly 0 somewhere; small_start: whether every hidden W[l] started small; diverged: the iteration
    training overflowed at (None: it did not); last: the last recorded iteration.
    """

    reading: Reading
    ratio: float | None
    largest: float
    hidden: float
    costs: tuple
    dead: tuple
    dead_layer: int | None
    zeros: dict
    small_start: bool
    diverged: int | None
    last: int

    @property
    def dead_units(self):
        """(dead hidden units, hidden units), over every hidden layer."""
        return sum(d for d, _n in self.dead), sum(n for _d, n in self.dead)


def start_ratio(norms):
    """||dW[1]|| / ||dW[L]|| at the first record, or None where either is 0. norms (records, L)."""
    first, last = norms[0, 0], norms[0, -1]
    return float(first / last) if first > 0 and last > 0 else None


def dead_units(layers, X):
    """(dead, units) per hidden layer: a unit is dead when g'(Z) = 0 for every example of X (n[0], m), so no gradient
    passes through it (a ReLU with z <= 0 everywhere)."""
    caches = forward(layers, X)[:-1]
    return tuple((int(np.all(ACTIVATIONS[layer.activation].slope(Z) == 0, axis=1).sum()), Z.shape[0])
                 for layer, (Z, _A) in zip(layers, caches))


def symmetric(layers):
    """Whether every hidden layer's units are identical (equal rows of W[l] and b[l]) and some layer has two or
    more: they compute the same and get the same gradient, so they stay identical."""
    hidden = layers[:-1]
    return (any(layer.W.shape[0] > 1 for layer in hidden)
            and all(np.array_equal(np.broadcast_to(layer.W[:1], layer.W.shape), layer.W)
                    and np.array_equal(np.broadcast_to(layer.b[:1], layer.b.shape), layer.b) for layer in hidden))


def zeros_of(iterations, norms):
    """{l: Zeros} for every layer l (from 1) whose ||dW[l]|| is exactly 0 at some record."""
    found = {}
    for l in range(norms.shape[1]):
        zero = norms[:, l] == 0
        if not zero.any():
            continue
        first = int(np.argmax(zero))
        suffix = bool(zero[first:].all())
        found[l + 1] = Zeros(bool(zero.all()), int(iterations[first]) if suffix else None, int(zero.sum()), zero.size)
    return found


def diagnose(run, X, start=None):
    """The reading of ``run`` (a ``network.Training``) trained on X (n[0], m) from the layers ``start`` (by default
    its snapshot at iteration 0)."""
    start = dict(run.snapshots)[0] if start is None else start
    norms = run.gradient_norms
    ratio, largest = start_ratio(norms), float(norms.max())
    dead = dead_units(run.layers, X)
    dead_layer = next((l for l, (d, n) in enumerate(dead, start=1) if d == n), None)
    small = all(np.sqrt(np.mean(layer.W ** 2)) < SMALL_START for layer in start[:-1])
    if run.diverged is not None or (ratio is not None and ratio > EXPLODES):
        reading = Reading.EXPLODING
    elif symmetric(start):
        reading = Reading.SYMMETRIC
    elif largest < TINY and (small or dead_layer is None):
        reading = Reading.TINY
    elif dead_layer is not None:
        reading = Reading.DEAD
    elif ratio is not None and ratio < VANISHES:
        reading = Reading.VANISHING
    else:
        reading = Reading.HEALTHY
    return Diagnosis(reading, ratio, largest, float(norms[:, :-1].max(initial=0.0)),
                     (float(run.costs[0]), float(run.costs[-1])), dead, dead_layer,
                     zeros_of(run.iterations, norms), small, run.diverged, int(run.iterations[-1]))
