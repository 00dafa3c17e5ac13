"""NN Math Explorer's math: SymPy derivations and NumPy numerics in the course's notation.

Never imports streamlit or altair: everything here runs and is tested without a UI.
"""

from mathcore.checker import TARGETS, check
from mathcore.derivation import Check, Derivation, Step
from mathcore.derivations import CATALOGUE, derivation
from mathcore.functions import leaky_relu, relu, sigmoid, tanh
from mathcore.gradcheck import central_difference, relative_difference
from mathcore.logistic import initialize_with_zeros, optimize, predict, propagate, propagate_loop
from mathcore.losses import cost, cross_entropy, squared_error

__all__ = [
    "CATALOGUE", "Check", "Derivation", "Step", "TARGETS", "central_difference", "check", "cost", "cross_entropy",
    "derivation", "initialize_with_zeros", "leaky_relu", "optimize", "predict", "propagate",
    "propagate_loop", "relative_difference", "relu", "sigmoid", "squared_error", "tanh",
]
