"""Course 1, week 2: "Logistic Regression with a Neural Network mindset", by the notebook's names.

They live in ``mathcore.logistic`` (logistic regression is the one-layer network, W[1] = w.T); here under the week's
name, so that a learner's notebook can call ``week2.propagate(w, b, X, Y)`` as it calls its own.

Shapes: X (n_x, m)   Y (1, m)   w (n_x, 1)   b scalar
"""

from mathcore.logistic import initialize_with_zeros, model, optimize, predict, propagate, sigmoid

__all__ = ["sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model"]
