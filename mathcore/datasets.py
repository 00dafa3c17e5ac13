"""Data sets in the course's shapes, X (n_x, m) and Y (1, m), split into train and test.

The real ones ship inside scikit-learn (no network): the breast-cancer table
(structured data: 30 named measurements per patient) and the 8x8 digits, "0 vs 1"
(unstructured data: each image flattened into a column of 64 pixels, as the course
flattens its cat pictures). Features are standardised with the training set's
mean and standard deviation, as the course does before gradient descent.
"""

from dataclasses import dataclass

import numpy as np

from mathcore.text import Text


@dataclass(frozen=True)
class DataSet:
    """X_train (n_x, m_train), Y_train (1, m_train), X_test (n_x, m_test), Y_test (1, m_test)."""

    name: str
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    feature_names: tuple
    labels: tuple  # what y = 0 and y = 1 mean


def split(X, Y, test_fraction=0.2, seed=0):
    """A seeded random split of the m columns into train and test."""
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    n_test = int(round(test_fraction * m))
    test, train = order[:n_test], order[n_test:]
    return X[:, train], Y[:, train], X[:, test], Y[:, test]


def standardize(X_train, X_test):
    """(X - mean) / std per feature, with the training set's statistics; constant features stay 0.

    >>> train, test = standardize(np.array([[1.0, 3.0], [5.0, 5.0]]), np.array([[2.0], [5.0]]))
    >>> train.tolist(), test.tolist()
    ([[-1.0, 1.0], [0.0, 0.0]], [[0.0], [0.0]])
    """
    mean = X_train.mean(axis=1, keepdims=True)
    std = X_train.std(axis=1, keepdims=True)
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std


#: What y = 0 and y = 1 mean in scikit-learn's breast-cancer table (its target_names), marked for translation.
BREAST_CANCER_LABELS = (Text("malignant"), Text("benign"))


def _dataset(name, X, Y, feature_names, labels, seed=0):
    X_train, Y_train, X_test, Y_test = split(X, Y, seed=seed)
    X_train, X_test = standardize(X_train, X_test)
    return DataSet(name, X_train, Y_train, X_test, Y_test, tuple(feature_names), labels)


def small_table():
    """Six examples with two features, small enough to read as a table: X (2, 6), Y (1, 6)."""
    X = np.array([[1.0, 2.0, -1.0, 0.5, -2.0, 3.0],
                  [0.5, -1.0, -1.5, 2.0, 1.0, 0.0]])
    Y = np.array([[1.0, 1.0, 0.0, 1.0, 0.0, 1.0]])
    return X, Y


def synthetic(m=200, separation=2.0, noise=1.0, seed=0):
    """Two Gaussian clouds in the plane, centred at +-(separation / 2)(1, 1), spread ``noise``.

    >>> data = synthetic(m=50)
    >>> data.X_train.shape, data.Y_train.shape, data.X_test.shape
    ((2, 40), (1, 40), (2, 10))
    """
    rng = np.random.default_rng(seed)
    Y = (np.arange(m) % 2).reshape(1, m).astype(float)
    centre = (2 * Y - 1) * separation / 2
    X = centre + noise * rng.normal(size=(2, m))
    return _dataset("synthetic", X, Y, ("x1", "x2"), (Text("class 0"), Text("class 1")), seed)


def breast_cancer():
    """scikit-learn's Wisconsin breast-cancer table: X (30, 569); y = 1 is benign.

    >>> data = breast_cancer()
    >>> data.X_train.shape[0], data.X_train.shape[1] + data.X_test.shape[1]
    (30, 569)
    """
    from sklearn.datasets import load_breast_cancer

    raw = load_breast_cancer()
    return _dataset("breast cancer", raw.data.T, raw.target.reshape(1, -1).astype(float),
                    raw.feature_names, BREAST_CANCER_LABELS)


def digits_0_vs_1():
    """scikit-learn's 8x8 digits, only 0s and 1s: each image flattened to a column, X (64, 360).

    >>> data = digits_0_vs_1()
    >>> data.X_train.shape[0], data.X_train.shape[1] + data.X_test.shape[1]
    (64, 360)
    """
    from sklearn.datasets import load_digits

    raw = load_digits()
    keep = raw.target <= 1
    images = raw.images[keep]  # (m, 8, 8)
    X = images.reshape(images.shape[0], -1).T  # (64, m), as the course flattens a picture
    return _dataset("digits 0 vs 1", X, raw.target[keep].reshape(1, -1).astype(float),
                    [f"pixel ({r}, {c})" for r in range(8) for c in range(8)], (Text("digit 0"), Text("digit 1")))


def flower(m=400, petals=4, noise=0.2, seed=1):
    """The week-3 "flower": two classes wound into ``petals`` petals in the plane, X (2, m), Y (1, m), not split.

    Written for this app after the course's construction: for class j, angles t along [3.12 j, 3.12 (j + 1)]
    and radius r = petals sin(4 t), each jittered by ``noise``; the point is (r sin t, r cos t). No line
    separates the classes, so logistic regression stays near 50 % while one hidden layer bends around them.

    >>> X, Y = flower()
    >>> X.shape, Y.shape, int(Y.sum())
    ((2, 400), (1, 400), 200)
    """
    rng = np.random.default_rng(seed)
    n = m // 2
    X, Y = np.zeros((2, 2 * n)), np.zeros((1, 2 * n))
    for j in range(2):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rng.normal(size=n) * noise
        r = petals * np.sin(4 * t) + rng.normal(size=n) * noise
        X[:, j * n:(j + 1) * n] = np.vstack([r * np.sin(t), r * np.cos(t)])
        Y[0, j * n:(j + 1) * n] = j
    return X, Y


#: The two-class sets the training page offers, by key: name and what y = 0 and y = 1 mean.
TWO_CLASS = {"flower": (Text("the course's flower (generated)"), (Text("class 0"), Text("class 1"))),
             "moons": (Text("two moons (scikit-learn)"), (Text("class 0"), Text("class 1"))),
             "circles": (Text("two circles (scikit-learn)"), (Text("outer"), Text("inner"))),
             "digits": (Text("8×8 digits, 3 vs 8 (scikit-learn)"), (Text("digit 3"), Text("digit 8")))}


def two_class(key, seed=1):
    """A DataSet for TWO_CLASS[key]: generated in the plane (flower, moons, circles) or the 8x8 digits 3 and 8,
    split 80/20 and standardised like the others.

    >>> [two_class(k).X_train.shape for k in TWO_CLASS]
    [(2, 320), (2, 320), (2, 320), (64, 286)]
    """
    name, labels = TWO_CLASS[key]
    if key == "flower":  # NumPy only: scikit-learn (0.8 s to import) is imported when a set needs it
        X, Y = flower(seed=seed)
    elif key in ("moons", "circles"):
        from sklearn.datasets import make_circles, make_moons

        make = make_moons if key == "moons" else lambda **kw: make_circles(factor=0.5, **kw)
        points, y = make(n_samples=400, noise=0.15 if key == "moons" else 0.08, random_state=seed)
        X, Y = points.T, y.reshape(1, -1).astype(float)
    else:
        from sklearn.datasets import load_digits

        raw = load_digits()
        keep = (raw.target == 3) | (raw.target == 8)
        X, Y = raw.images[keep].reshape(int(keep.sum()), -1).T, (raw.target[keep] == 8).reshape(1, -1).astype(float)
    features = ("x1", "x2") if X.shape[0] == 2 else [f"pixel ({r}, {c})" for r in range(8) for c in range(8)]
    return _dataset(name, X, Y, features, labels, seed)


def images_of(X):
    """Columns of X (64, m) back into 8x8 pictures, (m, 8, 8)."""
    return X.T.reshape(-1, 8, 8)


# -- one feature, for the cost surfaces: x (m,), y (m,) ------------------------------

def outlier_set():
    """Six points a threshold separates, and one far out with the other label: x (7,), y (7,).

    Small enough to read, and enough to give squared error a second, worse basin.
    """
    return np.array([-2.0, -1.5, -1.0, 1.0, 1.5, 2.0, 6.0]), np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0])


def one_feature_synthetic(m=100, separation=2.0, noise=1.0, seed=0):
    """Class 1 around +separation/2, class 0 around -separation/2, spread ``noise``: x (m,), y (m,)."""
    rng = np.random.default_rng(seed)
    y = (np.arange(m) % 2).astype(float)
    return (2 * y - 1) * separation / 2 + noise * rng.normal(size=m), y


def breast_cancer_feature(name="mean radius"):
    """One standardised column of the breast-cancer table, all 569 patients: x (569,), y (569,)."""
    from sklearn.datasets import load_breast_cancer

    raw = load_breast_cancer()
    column = raw.data[:, list(raw.feature_names).index(name)]
    return (column - column.mean()) / column.std(), raw.target.astype(float)


def breast_cancer_feature_names():
    from sklearn.datasets import load_breast_cancer

    return tuple(load_breast_cancer().feature_names)


# -- raw, for showing what supervised learning's (x, y) pairs look like ---------------

def breast_cancer_raw():
    """The table as shipped: rows (569, 30) of measurements, y (569,), column names, label names.

    >>> from sklearn.datasets import load_breast_cancer
    >>> breast_cancer_raw()[3] == tuple(load_breast_cancer().target_names)  # the names, marked for translation
    True
    """
    from sklearn.datasets import load_breast_cancer

    raw = load_breast_cancer()
    return raw.data, raw.target.astype(float), tuple(raw.feature_names), BREAST_CANCER_LABELS


def digits_raw():
    """The 0s and 1s of the 8x8 digits as pictures: images (360, 8, 8) with values 0..16, y (360,)."""
    from sklearn.datasets import load_digits

    raw = load_digits()
    keep = raw.target <= 1
    return raw.images[keep], raw.target[keep].astype(float)
