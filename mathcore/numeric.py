"""Every activation as a NumPy function of an array, for scripts and notebooks: ``from mathcore.numeric import
sigmoid, relu, tanh``. (``from mathcore import sigmoid`` is the SymPy function that the derivations differentiate.)

Each is its record's ``forward``, lambdified from the SymPy form, so it is the formula the app derives.

>>> import numpy as np
>>> sigmoid(np.array([-1.0, 0.0, 2.0])).round(6).tolist(), relu(np.array([-1.0, 3.0])).tolist()
([0.268941, 0.5, 0.880797], [0.0, 3.0])
"""

from mathcore.functions import ACTIVATIONS

sigmoid, tanh, relu, leaky_relu, swish = (ACTIVATIONS[key].forward for key in
                                          ("sigmoid", "tanh", "relu", "leaky_relu", "swish"))

__all__ = ["leaky_relu", "relu", "sigmoid", "swish", "tanh"]
