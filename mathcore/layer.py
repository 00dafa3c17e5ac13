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


def weight_gradient(dZ, A_prev):
    """dW = (1/m) dZ A_prev.T, shape (n[l], n[l-1]): the product sums over the m examples, 1/m averages."""
    dW = dZ @ A_prev.T / dZ.shape[1]
    assert dW.shape == (dZ.shape[0], A_prev.shape[0])
    return dW


def bias_gradient(dZ):
    """db = (1/m) sum_i dZ[:, i], shape (n[l], 1)."""
    db = np.sum(dZ, axis=1, keepdims=True) / dZ.shape[1]
    assert db.shape == (dZ.shape[0], 1)
    return db


def linear_backward(dZ, A_prev):
    """dW (n[l], n[l-1]) and db (n[l], 1): ``weight_gradient`` and ``bias_gradient``."""
    return weight_gradient(dZ, A_prev), bias_gradient(dZ)
