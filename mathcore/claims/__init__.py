r"""One registry of what a note's formula can claim (#34 items 3, 7): each ``Claim`` holds its left-hand sides (a
head, with any layer index: dZ2, dZ[2], dZ^{[2]}, dz^{[2]}, ∂L/∂z …), the setting it needs, and the checker
targets it is judged against, one per reading the note allows. The notes reader (mathcore.notes), the single checker
(``python -m mathcore check TARGET``: mathcore.checker.TARGETS) and batch grading name targets by the same keys.

``recognise(lhs, rhs, setting)`` gives the claim of one formula and its readings: (claim key, target, the right-hand
side rewritten for that target by mathcore.claims.notation, what the reading assumed). Where the note does not say
(which g, which db, which dZ), every reading it allows is judged: "wrong" only when wrong under all of them.

>>> [r[1] for r in recognise("dZ^{[1]}", "W^{[2]T}dZ^{[2]} * g^{[1]\\prime}(Z^{[1]})", Setting("tanh", "2", True))]
['dZ_hidden_tanh', 'dZ_hidden_sigmoid', 'dZ_hidden_relu', 'dZ_hidden_leaky_relu']
>>> [r[1] for r in recognise("dZ^{[2]}", "A^{[2]} - Y", Setting("tanh", "2", True))]
['dZ_output']
"""

import re
from functools import partial
from dataclasses import dataclass

from mathcore.claims.notation import rewrite, shifted
from mathcore.claims.setting import Setting, settings
from mathcore.claims.targets import LAYER_ACTIVATIONS

__all__ = ["CLAIMS", "Claim", "Setting", "recognise", "settings"]


@dataclass(frozen=True)
class Claim:
    """What a left-hand side can claim: its key (as reports and labels name it), its heads (left-hand sides with the
    layer index set aside), the setting it needs, and how its targets are read."""

    key: str
    heads: tuple
    setting: str  # "any", "week 2" (no layer), "output", "hidden", "from dA" (any layer, dZ = dA * g'(Z)), "layer",
    #               "sum" (a sum over the examples on the right)
    targets: tuple  # checker target keys; "{g}" stands for each activation the note allows; () none yet
    scalar: bool = False  # judged entry by entry: the layer's matrices read as one example's letters


CLAIMS = (
    Claim("dZ_layer", ("dZ", "dz"), "from dA", ("dZ_layer_{g}",), scalar=True),
    Claim("dZ_hidden", ("dZ", "dz"), "hidden", ("dZ_hidden_{g}",)),
    Claim("dL_dz_cross_entropy_sigmoid", ("dz",), "week 2", ("dL_dz_cross_entropy_sigmoid",
                                                             "dL_dz_squared_error_sigmoid")),
    Claim("dZ_output", ("dZ", "dz"), "output", ("dZ_output",)),
    Claim("dA_prev", ("dA", "da"), "hidden", ("dA_prev",)),
    Claim("dL_da_cross_entropy", ("da",), "week 2", ("dL_da_cross_entropy",), scalar=True),
    Claim("dL_da_cross_entropy", ("dA", "da"), "output", ("dL_da_cross_entropy",), scalar=True),
    Claim("dW", ("dW",), "layer", ("dW", "dW_example")),
    Claim("dJ_dw", ("dw",), "week 2", ("dJ_dw", "dL_dw_j")),
    Claim("dJ_dw_j", ("dw_j",), "sum", ()),  # (1/m) Σ x_j^{(i)} dz^{(i)}: no target yet, recognised, not judged
    Claim("dL_dw_j", ("dw_j",), "any", ("dL_dw_j",), scalar=True),
    Claim("db", ("db",), "layer", ("db", "db_example", "dJ_db")),
    Claim("dL_db", ("db",), "week 2", ("dL_db",), scalar=True),
    Claim("z_layer", ("Z", "z"), "layer", ("z_layer",)),
    Claim("z_linear", ("z", "Z"), "week 2", ("z_linear",), scalar=True),
    Claim("yhat", ("ŷw",), "week 2", ("yhat",), scalar=True),
    Claim("a_layer", ("A", "a", "ŷ"), "any", ("{g}",), scalar=True),
    Claim("g", ("g(z)", "σ(z)", "sigmoid(z)", "tanh(z)", "relu(z)", "s"), "any", ("{g}",), scalar=True),
    Claim("slope", ("g'(z)", "σ'(z)", "a'", "tanh'(z)", "da/dz"), "any", ("{g'}",), scalar=True),
    Claim("loss", ("L", "L(ŷ,y)", "L(a,y)"), "any", ("loss", "squared_error_loss", "loss_given_y1", "loss_given_y0"),
          scalar=True),
    Claim("cost", ("J", "cost"), "any", ("cost",), scalar=True),
    Claim("update_W", ("W",), "any", ("update_W",), scalar=True),
    Claim("update_w", ("w",), "any", ("update_w",), scalar=True),
    Claim("update_b", ("b",), "any", ("update_b",), scalar=True),
)
#: Targets that claim something of their own: a formula right (or read) under one claims that, not its left side's
#: first claim (dw = x dz is one example's dL/dw_j; L = ½(ŷ − y)² is the squared error).
OWN_CLAIMS = {"dL_dw_j", "squared_error_loss", "loss_given_y1", "loss_given_y0", "dL_dz_squared_error_sigmoid"}
SLOPE_TARGETS = {"sigmoid": "da_dz", "tanh": "tanh_derivative", "relu": "relu_derivative",
                 "leaky_relu": "leaky_relu_derivative"}

MAX_LHS = 120  # characters of a left-hand side the registry reads
_PARTIAL = re.compile(r"\\frac\{(?:\\partial|d)\s*(?P<top>[A-Za-zσ]+)(?:\([^)]*\))?\}\{(?:\\partial|d)\s*(?P<bottom>"
                      r"[A-Za-z]+)(?P<rest>[^{}]*|\^\{[^{}]*\})\}")
_HEAD = re.compile(r"(?P<head>[A-Za-zŷσ']+?)(?:\^\{\s*\[(?P<tex>[^\]]{1,5})\]\s*(?:\(i\))?\s*(?P<tp>')?\s*\}"
                   r"|\[(?P<code>[^\]]{1,5})\]|(?P<digit>[0-9L])|_prev|_\{?(?P<j>[0-9j])\}?|_i|\^\{?\(i\)\}?|\^i)?"
                   r"(?P<prime>')?(?P<args>\(.*\))?")


def head_of(lhs):
    """(head, layer index or None, "prev" if written _prev) of a left-hand side; its ∂ form read as its d form."""
    if len(lhs) > MAX_LHS:
        return lhs[:MAX_LHS], None, ""  # no left-hand side is that long: not recognised (and no pattern runs long)
    t = re.sub(r"\s+|\\left|\\right|\\[,;!]|\\mathcal|\\mathrm|\\operatorname|\\displaystyle", "", lhs)
    t = t.replace("∂", r"\partial").replace(r"\hat{y}", "ŷ").replace(r"\haty", "ŷ").replace("{L}", "L")
    t = re.sub(r"\{([A-Za-z])\}", r"\1", t).replace(r"\sigma", "σ").replace(r"\tanh", "tanh")
    t = t.replace(r"\prime", "'").replace("^{'}", "'").rstrip(":")
    of = re.fullmatch(r"\\frac\{?d\}?\{dz\}(g|σ|sigmoid|tanh|relu)\(z\)", t)  # d/dz tanh(z): tanh's slope
    if of:
        return of[1] + "'(z)", None, ""
    partial = _PARTIAL.fullmatch(t)
    if partial:
        top, bottom = partial["top"], partial["bottom"]
        if top in ("a", "σ", "g") and bottom == "z":
            return "da/dz", None, ""
        t = "d" + bottom + partial["rest"] if top in ("L", "J") else t
    match = _HEAD.fullmatch(t)
    if not match:
        return t, None, ""
    head, args = match["head"] + ("'" if match["prime"] or match["tp"] else ""), match["args"] or ""
    if match["j"] or (match["digit"] and head == "dw"):
        return ("dw_j" if head == "dw" else head), None, ""
    layer = match["tex"] or match["code"] or (match["digit"] if head not in ("w", "x", "dw") else None)
    if re.fullmatch(r"[Jg]|σ|sigmoid|tanh|relu|g'|σ'|tanh'", head) and args:
        return (head + "(z)") if head not in ("J",) else "J", layer, ""
    if head in ("L",) and args:
        return "L(ŷ,y)", layer, ""
    if t.endswith("_prev"):
        return head, None, "prev"
    return head + args, layer, ""


def _select(claim, head, layer, prev, rhs, setting):
    """Whether ``claim`` is what this left-hand side claims, in this setting."""
    if head not in claim.heads:
        return False
    network = layer is not None or prev or re.search(r"[A-Z]", head) and head not in ("L", "J")
    has_dA = re.search(r"(?<![A-Za-z])d[aA](?![A-Za-z])|dA", rhs)
    output = layer is not None and (layer.upper() == "L" or layer == setting.output)
    if head == "db" and re.search(r"sum|Σ|dZ|\(i\)", rhs):
        network = True  # a sum over the examples: a layer's db (or week 2's, a number: both are read)
    return {"from dA": bool(has_dA) and (layer is not None or head == "dZ"),
            "hidden": (prev or (layer and not output) or "W" in rhs) and not has_dA,
            "output": (output or layer is None) and not has_dA,
            "week 2": layer is None and not prev and not (head == "z" and "W" in rhs),
            "layer": bool(network) and not (head == "Z" and layer is None and "w" in rhs),
            "sum": bool(re.search(r"\\sum|Σ|∑|\bsum\b", rhs)), "any": True}[claim.setting]


def recognise(lhs, rhs, setting=Setting()):
    """[(claim key, target key, part -> its text as the target reads it, the activation read or None)], one a reading (the
    readings a note allows, the note's own first), or [] for a left-hand side the registry does not know."""
    head, layer, prev = head_of(lhs)
    if head in ("A", "a", "ŷ") and re.search(r"w(?:\^|\s*\.T|T|ᵀ)", rhs):
        head = "ŷw"  # a = σ(wᵀx + b): the model's output, week 2
    claim = next((c for c in CLAIMS if _select(c, head, layer, prev, rhs, setting)), None)
    if claim is None or (claim.key.startswith("update") and not re.search(r"alpha|α|learning_rate|\blr\b", rhs)) or (
            claim.key == "a_layer" and not re.search(r"[zZ]|sigma|σ|tanh|max|exp|g", rhs)):
        return []  # an update without its rate; ŷ = P(y = 1 | x), a = ŷ: notation, not a formula
    if not claim.targets or (claim.key == "a_layer" and re.search(r"W", rhs)):
        return [(claim.key, None, None, None)]  # no target yet: A = g(W A_prev + b) in one step
    named = _named(head, rhs, setting)
    activations = (named, *(g for g in LAYER_ACTIVATIONS if g != named)) if named else LAYER_ACTIVATIONS
    if claim.key in ("cost", "loss") and layer is None:
        layer = setting.output  # J = -Σ(Y log A2 + …)/m: the output layer's A is the prediction
    if claim.key == "dA_prev":
        layer = shifted(layer, 1) if layer else layer  # dA[l-1] = W[l]ᵀ dZ[l]: its names are layer l's
    one_loss = re.search(r"\\partial\s*(?:\\mathcal\{L\}|L)|^dL", lhs.strip())  # ∂L/∂W: one example's loss
    found = []
    for target in claim.targets:
        if target == "dJ_db" and layer is not None or target in ("db_example", "dW_example") and not re.search(
                r"(?<![A-Za-z])(dz|a|x)(?![A-Za-z])", rhs) and not one_loss:
            continue  # one example's db and dW where the note writes one example's letters or ∂L; week 2's: no layer
        if target in ("loss_given_y1", "loss_given_y0") and not re.search(r"y\s*=\s*[01]", setting.line):
            continue
        if target in ("squared_error_loss", "dL_dz_squared_error_sigmoid") and not setting.squared:
            continue
        for g in activations if "{" in target else (setting.activation,):
            key = _target(target, g, rhs)
            said = key
            if key == "tanh_derivative" and re.search(r"(?<![A-Za-z])a(?![A-Za-z])", rhs.split("=")[0]):
                said = "tanh_derivative_cached"  # written with the cached activation first, 1 - a^2
            found.append((_claim_key(claim.key, said), key, partial(_prepared, claim=claim, layer=layer, g=g, target=key),
                          g if "{" in target else None))
    return found


def target_named(name):
    """The checker target a name stands for, or None: a claim's key (its first target; g read as the sigmoid) or a
    left-hand side as notes write it (dW2, dZ^{[L]}, dA_prev, ∂L/∂z), its layer the output.

    >>> target_named("dZ_hidden"), target_named("dW[2]"), target_named(r"\\frac{\\partial L}{\\partial z}")
    ('dZ_hidden_sigmoid', 'dW', 'dL_dz_cross_entropy_sigmoid')
    """
    claim = next((c for c in CLAIMS if c.key == name), None)
    if claim is not None:
        return _target(claim.targets[0], "sigmoid", "") if claim.targets else None
    found = recognise(name, "", Setting(output="L", network=True)) if len(name) <= 40 else []
    return found[0][1] if found else None


def _prepared(part, claim, layer, g, target):
    """One part of the formula as the reading's target reads it (mathcore.claims.notation)."""
    if claim.key.startswith("update"):
        part = re.sub(r"_\{?[0-9j]\}?", "", part)  # w_1 := w_1 - α dw_1: one weight's update
    if claim.key == "dL_dz_cross_entropy_sigmoid":  # dz = da * a(1 - a): da is the course's name for dL/da
        part = re.sub(r"(?<![A-Za-z\\])da(?![A-Za-z_/])", "(-y/a + (1 - y)/(1 - a))", part)
    if claim.key == "dL_dw_j":
        part = re.sub(r"x_?\{?[0-9]\}?", "x_j", part)
    if claim.key == "z_layer" and layer is None:  # the course's linear_forward(A, W, b): Z = np.dot(W, A) + b
        part = re.sub(r"(?<![A-Za-z_])A(?![A-Za-z_0-9\[^])", "A_prev", part)
    from mathcore.checker import TARGETS  # (the checker's catalogue is built from mathcore.claims.targets)
    scalar = not callable(TARGETS[target].reference) or claim.scalar
    part = rewrite(part, layer, g, network=not scalar)
    if scalar:
        part = re.sub(r"(?<![A-Za-z_\\])([AYZX])(?![A-Za-z_0-9])", lambda m: m[1].lower(), part)
    return part


def _named(head, rhs, setting):
    """The activation the formula itself names (its left side, else its right side), else its section's."""
    from mathcore.claims.setting import activation_of
    return activation_of(head) or activation_of(rhs) or setting.activation


def _target(target, g, rhs):
    """A target key, "{g}" and "{g'}" read as activation g (its slope from a alone: the cached form)."""
    if target == "{g'}":
        return SLOPE_TARGETS[g]  # 1 - tanh(z)^2, or 1 - a^2 with the cached activation
    return target.format(g=g)


def _claim_key(key, target):
    """The claim a reading says the formula makes: the registry's, or the target's where it claims its own (an
    activation, its slope, OWN_CLAIMS)."""
    return target if key in ("g", "slope") or target in OWN_CLAIMS else key
