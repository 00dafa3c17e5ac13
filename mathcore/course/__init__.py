"""The course's own interface, week by week, as its notebooks call it, over ``mathcore.network``'s records.

    mathcore.course.week2          course 1, week 2: logistic regression (``mathcore.logistic``)
    mathcore.course.week3          course 1, week 3: one hidden tanh layer (initialize_parameters seeds 2)
    mathcore.course.week4          course 1, week 4: L layers, step by step and the application (seeds 1 and 3)
    mathcore.course.course2_week1  course 2, week 1: gradient_check_n

A learner can call these the way their notebook does: parameters in a dict under "W1", "b1", ..., caches as the
course builds them, gradients under "dW1", "db1", ...; every default seed and learning rate is the notebook's, and
the tests pin the values the notebooks publish. Where two weeks give one name two meanings (week 3's and week 4's
``initialize_parameters``, ``update_parameters``, ``predict``), import it from its week. The names below, kept
for existing callers, are week 4's, except ``initialize_parameters``, ``nn_model``, ``layer_sizes`` and
``predict``, which are week 3's.

Shapes: X (n_x, m)   Y (1, m)   W[l] (n[l], n[l-1])   b[l] (n[l], 1)

>>> parameters = initialize_parameters_deep([5, 4, 3])  # the exercise's values: it seeds with 3
>>> parameters["W1"][0].round(8).tolist()
[0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388]
"""

from mathcore.course import course2_week1, week2, week3, week4
from mathcore.course.course2_week1 import gradient_check_n
from mathcore.course.shared import SaturatedOutputWarning, compute_cost, layers_of, parameters_of
from mathcore.course.week3 import initialize_parameters, layer_sizes, nn_model, predict
from mathcore.course.week4 import (L_layer_model, L_model_backward, L_model_forward, initialize_parameters_deep,
                                   linear_activation_backward, linear_activation_forward, linear_backward,
                                   linear_forward, update_parameters)

__all__ = ["week2", "week3", "week4", "course2_week1", "SaturatedOutputWarning", "layers_of", "parameters_of",
           "layer_sizes", "initialize_parameters", "initialize_parameters_deep", "linear_forward",
           "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
           "linear_activation_backward", "L_model_backward", "update_parameters", "L_layer_model", "nn_model",
           "predict", "gradient_check_n"]
