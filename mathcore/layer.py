"""One dense layer l, course notation.

Shapes: A_prev = A[l-1] (n[l-1], m)  W = W[l] (n[l], n[l-1])  b = b[l] (n[l], 1)
        Z = Z[l], dZ = dZ[l] (n[l], m)
    Z  = W A_prev + b
    dW = (1/m) dZ A_prev.T      db = (1/m) sum_i dZ[:, i]
The m axis is summed away in dW and db, so dividing by m averages over the examples;
dZ is per example and has no 1/m.
"""

import numpy as np


def linear_forward(A_prev, W, b):
    """Z = W A_prev + b, shape (n[l], m); b broadcasts over the m columns."""
    Z = W @ A_prev + b
    assert Z.shape == (W.shape[0], A_prev.shape[1])
    return Z


def linear_backward(dZ, A_prev):
    """dW = (1/m) dZ A_prev.T (n[l], n[l-1]) and db = (1/m) sum over examples (n[l], 1)."""
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    assert dW.shape == (dZ.shape[0], A_prev.shape[0]) and db.shape == (dZ.shape[0], 1)
    return dW, db
