"""Each claim judged in its setting (#34 items 2, 3, 7): the note's activation, its output layer, week 2 or a network,
what else it names; learners' notation; one registry of claims that the notes reader and the checker's names share.
Every case here was misjudged (or not read) by the fixed-target reader before mathcore.claims."""

import pytest
from hypothesis import given, settings as settings_, strategies as st

from mathcore.checker import TARGETS, target_key
from mathcore.claims import recognise, settings
from mathcore.claims.setting import Setting
from mathcore.notes import check_note, formulas, read
from mathcore.reading import Formula


def finding(note, start):
    """The finding on the formula of ``note`` that starts with ``start``."""
    (found,) = [f for f in check_note(note) if f.formula.latex.startswith(start)]
    return found


@pytest.mark.parametrize("note, start, status, claim", [
    # the activation its bullet names, in English, Korean and Chinese
    ("- tanh: $g(z) = \\frac{e^z - e^{-z}}{e^z + e^{-z}}$, $g'(z) = 1 - a^2$", "g'(z)", "right",
     "tanh_derivative_cached"),
    ("- tanh 미분: `g'(z) = 1 - a^2`", "g'(z)", "right", "tanh_derivative_cached"),
    ("- ReLU：$g(z) = \\max(0, z)$", "g(z)", "right", "relu"),
    ("- leaky relu: `g(z) = np.maximum(0.01 * z, z)`", "g(z)", "right", "leaky_relu"),
    ("- tanh: $g'(z) = 1 - \\tanh(z)$", "g'(z)", "wrong", "tanh_derivative"),
    ("- tanh: $g'(z) = 1 - a$, with $a = \\tanh(z)$", "g'(z)", "wrong", "tanh_derivative_cached"),
    # the output layer is the highest the section writes; a hidden layer's dZ comes from the layer after it
    ("$$dZ^{[2]} = A^{[2]} - Y$$\n\n$$dZ^{[1]} = A^{[1]} - Y$$", "dZ^{[1]}", "wrong", "dZ_hidden"),
    ("$$dZ^{[2]} = A^{[2]} - Y$$\n\n$$dZ^{[1]} = W^{[2]T}dZ^{[2]} * g^{[1]\\prime}(Z^{[1]})$$", "dZ^{[1]}", "right",
     "dZ_hidden"),
    ("For tanh: `dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))` and `dZ2 = A2 - Y`", "dZ1", "right", "dZ_hidden"),
    ("$da^{[l-1]} = W^{[l]T}dz^{[l]}$", "da^{[l-1]}", "right", "dA_prev"),
    ("`dA[l-1] = W[l] . dZ[l]`", "dA[l-1]", "wrong", "dA_prev"),
    ("$dW^{[2]} = \\frac{1}{m}dZ^{[2]}A^{[1]T}$ and $dW^{[1]} = \\frac{1}{m}dZ^{[1]}X^T$", "dW^{[2]}", "right", "dW"),
    ("`dW2 = (1/m) * dZ2 . A1.T`", "dW2", "right", "dW"),
    ("`dW1 = dZ1 . X.T`", "dW1", "wrong", "dW"),
    ("$Z^{[l]} = W^{[l]}A^{[l-1]} + b^{[l]}$", "Z^{[l]}", "right", "z_layer"),
    ("$Z^{[l]} = W^{[l]}A^{[l]} + b^{[l]}$", "Z^{[l]}", "wrong", "z_layer"),
    ("`W1 = W1 - learning_rate * dW1`", "W1", "right", "update_W"),
    # week 2: one unit's db is a number; db = dz for one example; the course's own ways of writing
    ("`db = np.sum(dZ) / m`", "db", "right", "db"),
    ("$\\frac{dL}{db} = \\frac{dL}{dz}\\frac{dz}{db} = dz$", "\\frac{dL}{db}", "right", "dL_db"),
    ("$J = \\frac{1}{m}\\sum_i L^{(i)}$", "J", "right", "cost"),
    ("$$L(\\hat{y}, y) = -(ylog\\hat{y} + (1-y)log(1-\\hat{y}))$$", "L(", "right", "loss"),
    ("$dw = \\frac{1}{m}XdZ^T$", "dw", "right", "dJ_dw"),
    ("$\\hat{y} = w^Tx + b$", "\\hat{y}", "wrong", "yhat"),
    ("$\\hat{y}^i = \\sigma(w^Tx^i + b)$", "\\hat{y}", "right", "yhat"),
    # a right formula for something else the note names is right for that, and says what it is
    ("The squared error $L(\\hat{y}, y) = \\frac{1}{2}(\\hat{y} - y)^2$ is not used.", "L(", "right",
     "squared_error_loss"),
    ("If $y = 1$, $L = -\\log\\hat{y}$.", "L =", "right", "loss_given_y1"),
    # code's own ways: the output layer's A2 in the cost, ⊙, an update written -=, a loop's +=
    ("$dZ^{[2]} = A^{[2]} - Y$, `cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m`", "cost", "right",
     "cost"),
    ("`cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))` and $dZ^{[2]} = A^{[2]} - Y$", "cost", "wrong",
     "cost"),
    ("For tanh, $dZ^{[1]} = W^{[2]T} dZ^{[2]} \\odot (1 - (A^{[1]})^2)$", "dZ^{[1]}", "right", "dZ_hidden"),
    ("은닉층은 ReLU: $dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]'}(Z^{[1]})$, $dZ^{[2]} = A^{[2]} - Y$", "dZ^{[1]}", "right",
     "dZ_hidden"),
    ("`b1 -= learning_rate * db1`", "b1", "right", "update_b"),
    ("`A[l] = relu(Z[l])`", "A[l]", "right", "a_layer"),
    ("$\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}} = dZ^{[2]} A^{[1]T}$", "\\frac", "right", "dW"),  # one loss
    ("$z^{[2]} = w^{[2]T} a^{[1]} + b^{[2]}$", "z^{[2]}", "right", "z_layer"),  # w^{[2]T}: W^{[2]}'s rows
    ("$\\frac{d}{dz}\\tanh(z) = 1 - \\tanh^2(z)$", "\\frac", "right", "tanh_derivative"),
    ("db = (1/m) Σ dz⁽ⁱ⁾", "db", "right", "db"),
    ("ReLU: $dZ^{[L-1]} = dA^{[L-1]} \\ast g'^{[L-1]}(Z^{[L-1]})$", "dZ", "right", "dZ_layer"),  # g' before its layer
    ("```\ndef linear_forward(A, W, b):\n    Z = np.dot(W, A) + b\n```", "Z =", "right", "z_layer"),
    ("`dZL = dAL * AL * (1 - AL)`", "dZL", "right", "dZ_layer"),
    ("`dZ[l] = dA[l] * (Z[l] > 0)`", "dZ[l]", "right", "dZ_layer"),
    ("`b1 += learning_rate * db1`", "b1", "wrong", "update_b"),
    ("`dw1 += x1_i * dz_i`", "dw1", "right", "dL_dw_j"),
    ("`J += -(y_i log(a_i) + (1 - y_i) log(1 - a_i))`", "J", "right", "loss"),
    # a lone right-hand side in a sentence that names its left side
    ("- 연쇄 법칙을 쓰면 손실을 $z$로 미분한 값은 $a - y$이다.", "a - y", "right", "dL_dz_cross_entropy_sigmoid"),
    ("출력층은 똑같아서, $dZ$는 그대로 $A^{[L]} - Y$가 된다.", "A^{[L]}", "right", "dZ_output"),
    ("The derivative with respect to $z$ is $y - a$.", "y - a", "wrong", "dL_dz_cross_entropy_sigmoid"),
    ("对 $z$ 求导得到 $a - y$", "a - y", "right", "dL_dz_cross_entropy_sigmoid"),
])
def test_a_claim_is_judged_in_the_setting_its_note_gives(note, start, status, claim):
    found = finding(note, start)
    assert (found.status, found.claim) == (status, claim), (str(found.message), found.hint)


@pytest.mark.parametrize("note, start", [
    ("at $z = 0$, $g'(z) = \\frac{1}{4}$", "g'(z)"),  # a value at one point, not the slope
    ("- ReLU: $g'(z) = 0$ if $z < 0$", "g'(z)"),  # one piece of the slope
    ("With $g(z) = z$ (linear activation) we get $a^{[1]} = z^{[1]} = W^{[1]}x + b^{[1]}$", "a^{[1]}"),
    ("$dw_1 = \\frac{1}{m}\\sum_{i=1}^{m} x_1^{(i)} dz^{(i)}$", "dw_1"),  # dJ/dw_1: recognised, no target yet
    ("$a^{[l]}=g^{[l]}(W^{[l]}a^{[l-1]}+b^{[l]})$", "a^{[l]}"),  # A = g(W A_prev + b) in one step: no target yet
])
def test_a_value_a_piece_or_an_activation_the_checker_lacks_is_not_judged_rather_than_called_wrong(note, start):
    found = finding(note, start)
    assert found.status == "not judged" and found.message


def test_a_right_answer_under_another_reading_says_which_reading_was_used():
    found = finding("`db = np.sum(dZ) / m`", "db")
    assert found.status == "right" and "read as dJ/db, logistic regression" in str(found.message)


def test_a_formula_wrong_under_every_reading_says_so():
    found = finding("$g'(z) = 1 - \\tanh(z)$", "g'(z)")  # no activation named: each one is a reading
    assert found.status == "wrong" and "wrong under the 3 other readings" in str(found.message)


def test_the_setting_comes_from_the_notes_own_words():
    note = "## Backward pass\n\n은닉층은 쌍곡탄젠트: $g'(z) = 1 - a^2$\n\n## Week 4\n\nFor a 3-layer network $dZ^{[3]} = A^{[3]} - Y$"
    first, second = settings(note, formulas(note))
    assert (first.activation, second.output, second.network) == ("tanh", "3", True)


def test_the_registry_names_every_reading_with_a_checker_target():
    for lhs, rhs, setting in [("dZ^{[1]}", "W^{[2]T}dZ^{[2]} * g'(Z^{[1]})", Setting(None, "2", True)),
                              ("db", "np.sum(dZ) / m", Setting()), ("g'(z)", "1 - a^2", Setting("tanh")),
                              ("L", "-\\log\\hat{y}", Setting(line="y = 1"))]:
        found = recognise(lhs, rhs, setting)
        assert found and all(target in TARGETS for _, target, _, _ in found)


@pytest.mark.parametrize("name, key", [("dZ_hidden", "dZ_hidden_sigmoid"), ("dW2", "dW"), ("dZ^{[L]}", "dZ_output"),
                                       ("dA_prev", "dA_prev"), ("dz", "dL_dz_cross_entropy_sigmoid")])
def test_the_single_checker_and_batch_grading_take_the_registrys_names(name, key):
    assert target_key(name) == key


PIECES = ["dZ", "dW", "db", "dA", "A", "Z", "W", "b", "g", "g'", "σ", "\\sigma", "tanh", "relu", "^{[", "[l]", "[l-1]",
          "[2]", "]", "}", "{", "(", ")", "'", "=", ":=", "+=", "-=", " ", "1/m", "np.sum(", "np.dot(", ",", ".T", "^T",
          "\\frac{", "\\partial", "∂", "_prev", "L", "J", "x", "y", "a", "z", "ŷ", "⁽ⁱ⁾", "\\odot", "$", "\\", "0.01"]


@settings_(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.lists(st.sampled_from(PIECES), max_size=30))
def test_any_left_and_right_side_is_read_without_an_exception(lhs, rhs):
    """Whatever a note writes, the registry recognises it or not, and rewrites each reading's text, never raising."""
    lhs, rhs = "".join(lhs), "".join(rhs)
    for claim, target, prepare, _ in recognise(lhs, rhs, Setting("tanh", "2", True, line=lhs + rhs)):
        assert target is None or isinstance(prepare(rhs), str)
    reading = read(Formula(f"{lhs} = {rhs}", 1, True), Setting(None, "L", True))
    assert reading.steps  # a check to make, or the finding reading alone reached
