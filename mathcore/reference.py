"""scikit-learn's unregularised logistic regression: an independent reference for gradient descent."""

import warnings

import numpy as np


def sklearn_logistic(X, Y):
    """w (n_x, 1) and b minimising the same cross-entropy cost, by scikit-learn (lbfgs, C = inf).

    X (n_x, m), Y (1, m) in the course's shapes; scikit-learn wants examples in rows.
    On separable data no finite minimum exists and scikit-learn stops where lbfgs does;
    its convergence warning is silenced here, and the caller says so.
    """
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X.T, Y.ravel())
    return model.coef_.reshape(-1, 1), float(model.intercept_[0])
