"""The course's functions week by week, called by its names alone, against the values its notebooks publish
(course 1 weeks 2-4, course 2 week 1's gradient check); and the course's formulas where ŷ is exactly 0 or 1.

Inputs are drawn as the notebooks' tests draw them (seeds and shapes); the expected numbers are the ones they
print. Every weight, cost and gradient agrees to 5e-9 unless said otherwise."""

import warnings

import numpy as np
import pytest

from mathcore import course, network
from mathcore.course import course2_week1, week2, week3, week4
from mathcore.course.shared import SaturatedOutputWarning
from mathcore.functions import ACTIVATIONS

CLOSE = dict(atol=5e-9, rtol=0)


def drawn(seed, *shapes):
    """np.random.seed(seed), then one np.random.randn per shape, as the notebooks' tests draw their inputs."""
    np.random.seed(seed)
    return [np.random.randn(*shape) for shape in shapes]


def assert_close(got, expected):
    for key, value in expected.items():
        np.testing.assert_allclose(got[key], value, **CLOSE, err_msg=key)


# Course 1, week 3: "Planar data classification with one hidden layer"

def test_week_3_layer_sizes_fixes_4_hidden_units():
    X, Y = drawn(1, (5, 3), (2, 3))
    assert week3.layer_sizes(X, Y) == (5, 4, 2)
    X, Y = np.random.randn(7, 5), np.random.randn(5, 5)
    assert week3.layer_sizes(X, Y) == (7, 4, 5)


def test_week_3_initialize_parameters_seeds_2_and_week_4_seeds_1():
    """#35: one function served both weeks, so one week's expected output was always wrong."""
    three = week3.initialize_parameters(3, 5, 2)
    np.testing.assert_allclose(three["W1"], [[-0.00416758, -0.00056267, -0.02136196],
                                             [0.01640271, -0.01793436, -0.00841747],
                                             [0.00502881, -0.01245288, -0.01057952],
                                             [-0.00909008, 0.00551454, 0.02292208],
                                             [0.00041539, -0.01117925, 0.00539058]], **CLOSE)
    np.testing.assert_allclose(three["W2"], [[-5.96159700e-03, -1.91304965e-04, 1.17500122e-02, -7.47870949e-03,
                                              9.02525097e-05],
                                             [-8.78107893e-03, -1.56434170e-03, 2.56570452e-03, -9.88779049e-03,
                                              -3.38821966e-03]], **CLOSE)
    assert three["b1"].shape == (5, 1) and three["b2"].shape == (2, 1) and not three["b1"].any()
    four = week4.initialize_parameters(3, 2, 1)
    np.testing.assert_allclose(four["W1"], [[0.01624345, -0.00611756, -0.00528172],
                                            [-0.01072969, 0.00865408, -0.02301539]], **CLOSE)
    np.testing.assert_allclose(four["W2"], [[0.01744812, -0.00761207]], **CLOSE)
    assert four["b1"].shape == (2, 1) and not four["b2"].any()


def test_week_3_forward_propagation():
    X, b1 = drawn(1, (2, 3), (4, 1))
    parameters = {"W1": np.array([[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
                                  [-0.01793436, -0.00841747], [0.00502881, -0.01245288]]),
                  "W2": np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]),
                  "b1": b1, "b2": np.array([[-1.3]])}
    A2, cache = week3.forward_propagation(X, parameters)
    np.testing.assert_allclose(A2, [[0.21292656, 0.21274673, 0.21295976]], **CLOSE)
    assert_close(cache, {"Z1": [[1.7386459, 1.74687437, 1.74830797], [-0.81350569, -0.73394355, -0.78767559],
                                [0.29893918, 0.32272601, 0.34788465], [-0.2278403, -0.2632236, -0.22336567]],
                         "A1": [[0.9400694, 0.94101876, 0.94118266], [-0.67151964, -0.62547205, -0.65709025],
                                [0.29034152, 0.31196971, 0.33449821], [-0.22397799, -0.25730819, -0.2197236]],
                         "Z2": [[-1.30737426, -1.30844761, -1.30717618]], "A2": A2})


def test_week_3_compute_cost_is_a_float():
    np.random.seed(1)
    Y = np.random.randn(1, 5) > 0
    cost = week3.compute_cost(np.array([[0.5002307, 0.49985831, 0.50023963, 0.25, 0.7]]), Y)
    assert type(cost) is float and cost == pytest.approx(0.5447066599017815, rel=1e-12)


def test_week_3_backward_propagation_takes_tanhs_slope_from_the_cached_A1():
    """#35: the test cache's A1 is not tanh(Z1); the slope from Z1 (network.backward's) put dW1 off by 0.69."""
    X, Y, W1, W2, A1, A2, Z1, Z2 = drawn(1, (3, 7), (1, 7), (9, 3), (1, 9), (9, 7), (1, 7), (9, 7), (1, 7))
    parameters = {"W1": W1, "W2": W2, "b1": np.zeros((9, 1)), "b2": np.zeros((1, 1))}
    grads = week3.backward_propagation(parameters, {"A1": A1, "A2": A2, "Z1": Z1, "Z2": Z2}, X, Y > 0)
    assert_close(grads, {
        "dW1": [[-0.24468458, -0.24371232, 0.15959609], [0.7370069, -0.64785999, 0.23669823],
                [0.47936123, -0.01516428, 0.01566728], [0.03361075, -0.0930929, 0.05581073],
                [0.52445178, -0.03895358, 0.09180612], [-0.17043596, 0.13406378, -0.20952062],
                [0.76144791, -0.41766018, 0.02544078], [0.22164791, -0.33081645, 0.19526915],
                [0.25619969, -0.09561825, 0.05679075]],
        "db1": [[0.1463639], [-0.33647992], [-0.51738006], [-0.07780329], [-0.57889514], [0.28357278],
                [-0.39756864], [-0.10510329], [-0.13443244]],
        "dW2": [[-0.35768529, 0.22046323, -0.29551566, -0.12202786, 0.18809552, 0.13700323, 0.35892872,
                 -0.02220353, -0.03976687]],
        "db2": [[-0.78032466]]})


def test_week_3_update_parameters_defaults_to_a_learning_rate_of_1_2():
    parameters = {"W1": np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121], [-0.0169217, -0.01752545],
                                  [0.00935436, -0.05018221]]),
                  "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
                  "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
                  "b2": np.array([[9.14954378e-05]])}
    grads = {"dW1": np.array([[0.00023322, -0.00205423], [0.00082222, -0.00700776], [-0.00031831, 0.0028636],
                              [-0.00092857, 0.00809933]]),
             "dW2": np.array([[-1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03]]),
             "db1": np.array([[1.05570087e-07], [-3.81814487e-06], [-1.90155145e-07], [5.46467802e-07]]),
             "db2": np.array([[-1.08923140e-05]])}
    assert_close(week3.update_parameters(parameters, grads), {
        "W1": [[-0.00643025, 0.01936718], [-0.02410458, 0.03978052], [-0.01653973, -0.02096177],
               [0.01046864, -0.05990141]],
        "b1": [[-1.02420756e-06], [1.27373948e-05], [8.32996807e-07], [-3.20136836e-06]],
        "W2": [[-0.01041081, -0.04463285, 0.01758031, 0.04747113]], "b2": [[0.00010457]]})


def test_week_3_nn_model_seeds_3_as_the_notebook():
    """#35: mathcore seeded 2, the notebook's nn_model seeds 3; with 3 every weight agrees."""
    X, Y = drawn(1, (2, 3), (1, 3))
    parameters = week3.nn_model(X, Y > 0, 4)
    assert_close(parameters, {
        "W1": [[0.56305445, -1.03925886], [0.7345426, -1.36286875], [-0.72533346, 1.33753027],
               [0.74757629, -1.38274074]],
        "b1": [[-0.22240654], [-0.34662093], [0.33663708], [-0.35296113]],
        "W2": [[1.82196893, 3.09657075, -2.98193564, 3.19946508]], "b2": [[0.21344644]]})


def test_week_3_predict_gives_booleans():
    X, = drawn(1, (2, 3))
    parameters = {"W1": np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121], [-0.0169217, -0.01752545],
                                  [0.00935436, -0.05018221]]),
                  "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
                  "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
                  "b2": np.array([[9.14954378e-05]])}
    predictions = week3.predict(parameters, X)
    assert predictions.dtype == bool and predictions.tolist() == [[True, False, True]]


# Course 1, week 4: "Building your Deep Neural Network: Step by Step"

def test_week_4_linear_forward_and_linear_activation_forward():
    A_prev, W, b = drawn(1, (3, 2), (1, 3), (1, 1))
    Z, cache = week4.linear_forward(A_prev, W, b)
    np.testing.assert_allclose(Z, [[3.26295337, -1.23429987]], **CLOSE)
    assert all(x is y for x, y in zip(cache, (A_prev, W, b)))
    A_prev, W, b = drawn(2, (3, 2), (1, 3), (1, 1))
    for activation, expected in (("sigmoid", [[0.96890023, 0.11013289]]), ("relu", [[3.43896131, 0.0]])):
        A, (linear_cache, Z) = week4.linear_activation_forward(A_prev, W, b, activation)
        np.testing.assert_allclose(A, expected, **CLOSE)
        np.testing.assert_allclose(Z, [[3.43896131, -2.08938436]], **CLOSE)


def test_week_4_L_model_forward():
    X, W1, b1, W2, b2, W3, b3 = drawn(6, (5, 4), (4, 5), (4, 1), (3, 4), (3, 1), (1, 3), (1, 1))
    AL, caches = week4.L_model_forward(X, {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3})
    np.testing.assert_allclose(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]], **CLOSE)
    assert len(caches) == 3
    np.testing.assert_allclose(caches[0][1][0], [-5.23825714, 3.18040136, 0.4074501, -1.88612721], **CLOSE)
    np.testing.assert_allclose(caches[1][1][2], [10.37508342, -0.66591468, 1.63635185, 8.17870169], **CLOSE)
    np.testing.assert_allclose(caches[2][1], [[-3.19864676, 0.87117055, -1.40297864, -3.00319435]], **CLOSE)
    np.testing.assert_allclose(caches[2][0][0][2], [10.37508342, 0.0, 1.63635185, 8.17870169], **CLOSE)


def test_week_4_compute_cost():
    assert week4.compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]])) == pytest.approx(0.27977656,
                                                                                                   abs=5e-9)


def test_week_4_linear_backward():
    dZ, A, W, b = drawn(1, (3, 4), (5, 4), (3, 5), (3, 1))
    dA_prev, dW, db = week4.linear_backward(dZ, (A, W, b))
    np.testing.assert_allclose(dA_prev, [[-1.15171336, 0.06718465, -0.3204696, 2.09812712],
                                         [0.60345879, -3.72508701, 5.81700741, -3.84326836],
                                         [-0.4319552, -1.30987417, 1.72354705, 0.05070578],
                                         [-0.38981415, 0.60811244, -1.25938424, 1.47191593],
                                         [-2.52214926, 2.67882552, -0.67947465, 1.48119548]], **CLOSE)
    np.testing.assert_allclose(dW, [[0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716],
                                    [0.85508818, 0.37530413, -0.59912655, 0.71278189, -0.58931808],
                                    [0.97913304, -0.24376494, -0.08839671, 0.55151192, -0.10290907]], **CLOSE)
    np.testing.assert_allclose(db, [[-0.14713786], [-0.11313155], [-0.13209101]], **CLOSE)


def test_week_4_L_model_backward_every_gradient():
    np.random.seed(3)
    AL, Y = np.random.randn(1, 2), np.array([[1, 0]])
    A1, W1, b1, Z1, A2, W2, b2, Z2 = (np.random.randn(*shape) for shape in
                                      ((4, 2), (3, 4), (3, 1), (3, 2), (3, 2), (1, 3), (1, 1), (1, 2)))
    with warnings.catch_warnings():
        warnings.simplefilter("error", SaturatedOutputWarning)  # no ŷ is 0 or 1 here: no warning
        grads = week4.L_model_backward(AL, Y, (((A1, W1, b1), Z1), ((A2, W2, b2), Z2)))
    assert_close(grads, {"dA1": [[0.12913162, -0.44014127], [-0.14175655, 0.48317296], [0.01663708, -0.05670698]],
                         "dW2": [[-0.39202432, -0.13325855, -0.04601089]], "db2": [[0.15187861]],
                         "dA0": [[0.0, 0.52257901], [0.0, -0.3269206], [0.0, -0.32070404], [0.0, -0.74079187]],
                         "dW1": [[0.41010002, 0.07807203, 0.13798444, 0.10502167], [0, 0, 0, 0],
                                 [0.05283652, 0.01005865, 0.01777766, 0.0135308]],
                         "db1": [[-0.22007063], [0.0], [-0.02835349]]})


# Course 1, week 4: "Deep Neural Network - Application"

@pytest.mark.parametrize("learning_rate, num_iterations, expected", [
    (0.0075, 2, {"W1": [[0.01624965, -0.00610741, -0.00528734, -0.01072836, 0.008664, -0.02301103, 0.01745639,
                         -0.00760949, 0.0031934, -0.00248971],
                        [0.01462848, -0.02057904, -0.00326745, -0.00383625, 0.01138176, -0.01097596, -0.00171974,
                         -0.00877601, 0.00043022, 0.00584423],
                        [-0.01098272, 0.01148209, 0.00902102, 0.00500958, 0.00900571, -0.00683188, -0.00123491,
                         -0.00937164, -0.00267157, 0.00532808],
                        [-0.00693465, -0.00400047, -0.00684685, -0.00844447, -0.00670397, -0.00014731, -0.01113977,
                         0.00238846, 0.0165895, 0.00738212]],
                 "b1": [[1.10437111e-05], [1.78437869e-05], [3.74879549e-05], [-4.42988824e-05]],
                 "W2": [[-0.00200283, -0.00888593, -0.00751122, 0.01688162]], "b2": [[-0.00689018]]}),
    (0.1, 3, {"W1": [[0.01640028, -0.00585699, -0.00542633, -0.01069332, 0.0089055, -0.02290418, 0.01765388,
                      -0.00754616, 0.00326712, -0.00239159],
                     [0.01476737, -0.02014461, -0.0040947, -0.0037457, 0.01221714, -0.01054049, -0.00164111,
                      -0.00872507, 0.00058592, 0.00615077],
                     [-0.01051621, 0.01216499, 0.009119, 0.0047126, 0.00894761, -0.00672568, -0.00134921,
                      -0.0096428, -0.00253223, 0.00580758],
                     [-0.00728552, -0.00461461, -0.00638113, -0.00831084, -0.00654136, -0.00053186, -0.01052771,
                      0.00320719, 0.01643914, 0.00667123]],
              "b1": [[0.00027478], [0.00034477], [0.00076016], [-0.00084497]],
              "W2": [[-0.00358725, -0.00911995, -0.00831979, 0.01615845]], "b2": [[-0.13451354]]}),
])
def test_week_4_two_layer_model(learning_rate, num_iterations, expected):
    X, Y = drawn(1, (10, 10), (1, 10))  # the test's Y is real-valued: the cost's formula takes any y
    parameters, costs = week4.two_layer_model(X, Y, (10, 4, 1), learning_rate, num_iterations)
    assert_close(parameters, expected)
    assert costs == [pytest.approx(0.69315968, abs=5e-9)]  # J before iteration 0 only: the next is at 100


def test_week_4_L_layer_model_starts_from_the_applications_own_draw():
    X, = drawn(1, (10, 10))
    Y = np.array([[1, 1, 1, 1, 0, 0, 0, 1, 1, 0]])
    parameters, costs = week4.L_layer_model(X, Y, (10, 5, 6, 1), 0.0075, 2)
    assert costs == [pytest.approx(0.70723944, abs=5e-9)]
    np.testing.assert_allclose(parameters["W1"][0], [0.51384638, -0.19333098, -0.16705238, -0.33923196, 0.273477,
                                                     -0.72775498, 0.55170785, -0.24077478, 0.10082452, -0.07882423],
                               **CLOSE)
    np.testing.assert_allclose(parameters["W2"][5], [-0.9043503, -0.13693179, 0.37026002, 0.10284282, 0.34076545],
                               **CLOSE)
    np.testing.assert_allclose(parameters["W3"], [[-0.09079199, -0.08117381, 0.07667568, 0.16665535, 0.08029575,
                                                   0.04805811]], **CLOSE)
    np.testing.assert_allclose(parameters["b3"], [[0.0013201]], **CLOSE)
    parameters, costs = week4.L_layer_model(X, Y, (10, 5, 6, 1), 0.02, 3)
    np.testing.assert_allclose(parameters["W1"][0], [0.51439065, -0.19296367, -0.16714033, -0.33902173, 0.27291558,
                                                     -0.72759069, 0.55155832, -0.24095201, 0.10063293, -0.07872596],
                               **CLOSE)
    np.testing.assert_allclose(parameters["W3"], [[-0.09087434, -0.07882982, 0.07821609, 0.16442826, 0.0783229,
                                                   0.04648216]], **CLOSE)
    np.testing.assert_allclose(parameters["b3"], [[0.00525865]], **CLOSE)


def test_week_4_predict_prints_the_accuracy(capsys):
    X = np.array([[1.0, -1.0, 2.0]])
    p = week4.predict(X, np.array([[1, 0, 0]]), {"W1": np.array([[3.0]]), "b1": np.zeros((1, 1)),
                                                 "W2": np.array([[1.0]]), "b2": np.array([[-1.0]])})
    assert p.tolist() == [[1.0, 0.0, 1.0]]  # relu(3x) - 1 > 0 where x > 1/3
    assert capsys.readouterr().out.strip() == f"Accuracy: {2 / 3}"


def test_week_2_is_mathcore_logistic_under_the_weeks_name():
    from mathcore import logistic

    for name in ("sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model"):
        assert getattr(week2, name) is getattr(logistic, name)


def test_the_names_existing_callers_use_are_still_there():
    assert course.initialize_parameters is week3.initialize_parameters and course.nn_model is week3.nn_model
    assert course.L_model_backward is week4.L_model_backward and course.gradient_check_n is \
        course2_week1.gradient_check_n
    assert course.compute_cost is week3.compute_cost is week4.compute_cost  # one formula for both weeks


# Course 2, week 1: "Gradient Checking"

def test_gradient_check_n_gives_the_notebooks_numbers_for_right_and_wrong_gradients(capsys):
    """#35: network.gradient_check read 1.1e-9 where the notebook expects 1.1890913024229996e-07."""
    X, Y, parameters = course2_week1.gradient_check_n_test_case()
    np.random.seed(1)  # the notebook's own draw, to check gradient_check_n_test_case draws as it does
    assert np.array_equal(X, np.random.randn(4, 3)) and np.array_equal(parameters["W1"], np.random.randn(5, 4))
    cost, caches = course2_week1.forward_propagation_n(X, Y, parameters)
    gradients = course2_week1.backward_propagation_n(X, Y, caches)
    difference = course2_week1.gradient_check_n(parameters, gradients, X, Y, 1e-7, True)
    assert difference == pytest.approx(1.1890913024229996e-07, rel=1e-9)
    assert "below the notebook's 2e-07" in capsys.readouterr().out
    gradients["dW2"], gradients["db1"] = gradients["dW2"] * 2, gradients["db1"] * 4  # the notebook's two mistakes
    assert course2_week1.gradient_check_n(parameters, gradients, X, Y) == pytest.approx(0.2850931567761623,
                                                                                        rel=1e-9)


def test_the_stable_check_reads_lower_because_its_cost_keeps_more_digits():
    """Both checks judge the same correct gradients: what they read is rounding. The notebook's J takes 1 − ŷ of
    ŷ = 0.99887 (y = 0), which keeps 13 digits; the stable J from z loses none, and reads 100 times lower."""
    compared = course2_week1.checks_compared()
    X, Y, parameters = course2_week1.gradient_check_n_test_case()
    caches = course2_week1.forward_propagation_n(X, Y, parameters)[1]
    gradients = course2_week1.backward_propagation_n(X, Y, caches)
    assert compared.course == course2_week1.gradient_check_n(parameters, gradients, X, Y)
    assert compared.stable == network.gradient_check(course.layers_of(parameters), X, Y)[0]
    assert compared.stable < 2e-9 < 1e-7 < compared.course < 2e-7
    assert (compared.y, round(compared.y_hat, 5), round(compared.digits_kept)) == (0.0, 0.99887, 13)
    # at ε = 1e-5 rounding is divided by 2e-5, not 2e-7: the notebook's check, on the same gradients, reads lower
    assert course2_week1.checks_compared.__wrapped__(1e-5).course < compared.course / 50


def test_gradient_check_n_works_for_any_depth():
    X = np.random.default_rng(0).normal(size=(3, 5))
    Y = np.array([[1, 0, 0, 1, 1]])
    parameters = course.parameters_of(network.initialize([3, 4, 3, 2, 1], "relu", seed=2, b_scale=0.5))
    gradients = course2_week1.backward_propagation_n(X, Y, course2_week1.forward_propagation_n(X, Y, parameters)[1])
    assert course2_week1.gradient_check_n(parameters, gradients, X, Y) < 1e-7


# The course's formulas where ŷ is exactly 0 or 1

def test_the_course_formulas_warn_by_name_where_y_hat_is_exactly_0_or_1():
    """#35: course.compute_cost and course.L_model_backward gave NaN on saturated networks, silently."""
    AL, Y = np.array([[1.0, 0.3, 0.0]]), np.array([[1, 0, 0]])  # ŷ = 1 for y = 1, ŷ = 0 for y = 0: both right
    with pytest.warns(SaturatedOutputWarning, match=r"compute_cost: ŷ = A\[L\] is exactly 0 or 1 .* 2 of 3 .*"
                                                    r"cross_entropy_of_z"):
        assert np.isnan(course.compute_cost(AL, Y))
    Z = np.array([[40.0, -0.8472978603872037, -800.0]])
    caches = [((np.ones((2, 3)), np.ones((1, 2)), np.zeros((1, 1))), Z)]
    with pytest.warns(SaturatedOutputWarning, match=r"L_model_backward: ŷ = A\[L\] is exactly 0 or 1 .*"
                                                    r"network\.backward"):
        grads = course.L_model_backward(AL, Y, caches)
    assert np.isnan(grads["dW1"]).any()
    layers = [network.Layer(np.ones((1, 2)), np.zeros((1, 1)), "sigmoid")]
    stable = network.backward(layers, [(Z, ACTIVATIONS["sigmoid"].forward(Z))], np.ones((2, 3)), Y)
    assert np.all(np.isfinite(stable[0].dW))  # what the warning points to


def test_the_course_formulas_say_nothing_where_y_hat_is_inside_0_1():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isfinite(course.compute_cost(np.array([[1 - 1e-16, 1e-300]]), np.array([[0, 1]])))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_l_layers_page_says_why_its_check_reads_lower_than_the_notebooks(lang):
    """The sentence's numbers are computed, so it stays true of the page: the notebook's 1.19e-07 and this check's
    1.1e-09 on the same gradients, and the ŷ that explains them."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file("../app.py", default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("lessons/deep_backprop.py").run()
    assert not at.exception
    said = [c.value for c in at.caption if "gradient_check_n" in c.value]
    assert len(said) == 1 and all(f in said[0] for f in ("1.19e-07", "1.1e-09", "0.99887", "y = 0", "13", "2e-7"))
