r"""Notation as learners write it, rewritten in what ``mathcore.answer`` reads (#34 item 2): text in, text out, by
small rules; nothing is evaluated (no eval, sympify or parse_latex).

- a layer's names, relative to the layer the claim names: ``dZ^{[2]}``, ``dZ[2]``, ``dZ2``, ``dz^{[2]}`` are dZ in
  a claim on layer 2; ``A^{[1]}``, ``A1``, ``A[l-1]`` are A_prev; ``W^{[l+1]}``, ``dZ2`` in a claim on layer 1 are
  W_next, dZ_next; ``A^{[0]}`` is X; ``AL`` is A^{[L]}; one example's letters (z, a, dz, da, x) are the layer's
  matrices (a column of them);
- g and g' in the activation read: ``g^{[1]}(Z)``, ``g1(Z1)``, ``g'(z)``, ``g^{[l]\prime}(Z^{[l]})``;
- ``w^Tx``, ``wTx``, ``ylog\hat{y}``, ``XdZ^T``, ``w_1x_1``, ``log`` without backslash, ``∂``, ``ŷ^i`` and ``x^{(i)}``
  outside a sum, ``\max``, ``max(…)``, ``np.power(A, 2)``, ``\text{np.sum}``, ``learning_rate``, `` . `` for the
  product, ``\odot`` and ⊙ for entry by entry.

>>> from mathcore.answer import read, to_text
>>> to_text(read(rewrite(r"W^{[2]T}dz^{[2]} * g^{[1]\prime}(z^{[1]})", layer="1", activation="tanh")).tree)
'W_next.T * dZ_next * (1 - tanh(Z) ^ 2)'
>>> to_text(read(rewrite("(1/m) * dZ2 . A1.T", layer="2")).tree)
'1 / m * dZ @ A_prev.T'
"""

import re

#: g'(u) for each activation, in the plain notation.
SLOPES = {"sigmoid": "(sigmoid({u})*(1-sigmoid({u})))", "tanh": "(1-tanh({u})^2)", "relu": "step({u})",
          "leaky_relu": "(0.01+0.99*step({u}))"}
#: g(u) for the activations whose own function the checker's SymPy cannot simplify against: the maximum it can.
FORWARD = {"relu": "maximum(0, {u})", "leaky_relu": "maximum(0.01*({u}), {u})"}
#: One example's letters, as the layer's matrices.
UPPER = {"z": "Z", "a": "A", "dz": "dZ", "da": "dA", "w": "W", "dw": "dW", "x": "X", "y": "Y"}
_HEADS = r"(?:dZ|dA|dW|db|dz|da|dw|Z|A|W|b|z|a|w|X|x)"
_INDEX = r"(?:[0-9]|[lLk](?:\s*[-+]\s*1)?)"
#: A name with its layer: LaTeX (dZ^{[l]}, A^{[l-1]T}, a^{[2](i)}), code (dZ[l], A[l-1]) or code's digits (dZ2, AL).
_LAYERED = re.compile(rf"(?<![A-Za-z\\_])(?P<head>{_HEADS})(?:\^\{{\s*\[(?P<tex>{_INDEX})\]\s*(?P<i>\(i\))?"
                      rf"\s*(?P<T>T|\\top)?\s*\}}|\[(?P<code>{_INDEX})\]|(?P<digit>[0-9L])(?![a-z0-9_]))")
_CALLS = re.compile(r"(?<![A-Za-z\\_.])(?:(?P<named>leaky_relu|relu)|(?P<g>g)(?P<p0>'|\\prime)?"
                    r"(?:\^\{\s*\[[^\]]{1,5}\]\s*(?P<tp>\\prime|')?\s*\}|\[[^\]]{1,5}\]|[0-9])?"
                    r"(?P<p>'|\\prime|′)?(?:\[[^\]]{1,5}\])?)\s*(?=\()")


def _offset(index):
    """(letter or None, offset) of a layer index: "l-1" is ("l", -1), "2" is (None, 2)."""
    index = re.sub(r"\s+", "", index)
    if index.isdigit():
        return None, int(index)
    return index[0].lower(), int(index[1:]) if len(index) > 1 else 0


def shifted(index, by):
    """A layer index ``by`` layers on: shifted("l-1", 1) is "l", shifted("1", 1) is "2"."""
    letter, at = _offset(index)
    at += by
    return str(at) if letter is None else letter + ("" if at == 0 else f"{at:+d}")


def role(head, index, layer):
    """The name a layered ``head`` has in a claim on ``layer``: dZ, A_prev, W_next, X, or None (another layer)."""
    head = UPPER.get(head, head)
    if layer is None:
        return head
    (mine, at), (theirs, here) = _offset(index), _offset(layer)
    if mine != theirs and not {mine, theirs} <= {"l", "k"}:
        return head if mine == "l" or theirs == "l" else None  # [L] in a claim on [l]: the same layer read generally
    step = at - here
    if step == 0:
        return head
    if step == -1:
        return "X" if head == "A" and at == 0 and mine is None else f"{head}_prev"
    if step == 1:
        return f"{head}_next"
    return "X" if head == "A" and at == 0 and mine is None else None


def _call_end(text, start):
    """The index after the bracket group opening at ``start`` (balanced), or -1."""
    level = 0
    for position in range(start, min(len(text), start + 300)):
        level += {"(": 1, ")": -1}.get(text[position], 0)
        if level == 0:
            return position + 1
    return -1


def _activations(text, activation):
    """g(u) as the activation, g'(u) as its slope (a note that names no activation keeps g: not read); relu(u) and
    leaky_relu(u), written or read, as the maximum the checker simplifies."""
    out, position = [], 0
    for match in _CALLS.finditer(text):
        end = _call_end(text, match.end())
        if match.start() < position or end < 0 or (match["g"] and activation is None):
            continue
        argument = text[match.end() + 1:end - 1]
        name = match["named"] or activation
        out += [text[position:match.start()], SLOPES[name].format(u=argument) if match["p"] or match["tp"] or match["p0"] else
                FORWARD.get(name, name + "({u})").format(u=argument)]
        position = end
    return "".join(out) + text[position:]


_LEARNER = [(re.compile(p), r) for p, r in (
    (r"∂", r"\\partial "), (r"\\mathcal\{([A-Z])\}", r"\1"), (r"(?<![A-Za-z])y'", r"\\hat{y}"),
    (r"(?<![A-Za-z\\])wTx(?![A-Za-z])", "w^{T} x"), (r"\^T(?=[A-Za-z\\])", "^{T} "),
    (r"(?<=[A-Za-z0-9)}])(?<!\\)log(?=[\s\\({(])", r" \\log "), (r"(?<![A-Za-z\\])log(?=[\\{])", r"\\log "),
    (r"(?<=[A-Z])d(?=[A-Z])", " d"), (r"(?<=[a-z}])(?=d[zZaA](?![A-Za-z]))", " "),
    (r"(_(?:\{[0-9a-z]\}|[0-9]))(?=[A-Za-z])", r"\1 "), (r"\\max\b\s*", "maximum"), (r"(?<![A-Za-z.])max\(", "maximum("),
    (r"np\.power\(([^(),]+),\s*([0-9])\)", r"(\1)^\2"), (r"\\(?:text|mathrm)\{([A-Za-z_.=0-9 ]+)\}", r"\1"),
    (r"\blearning_rate\b|\blr\b", "alpha"), (r"(?<=\s)\.(?=\s)", "@"), (r"\\limits", ""), (r"\\sum_i\b", r"\\sum"),
    (r"\\sum_\{i\}", r"\\sum"), (r"\\displaystyle", ""), (r"\\odot|\\circ|⊙|∘", "*"), (r"⁽ⁱ⁾", "^{(i)}"))]
_EXAMPLE = re.compile(r"\^\{?\(i\)\}?|\^i(?![A-Za-z])|(?<=[A-Za-z0-9])_i(?![A-Za-z0-9])|(?<=[A-Za-z'])\(i\)")


def learner(text):
    """Spellings the answer reader refuses, in ones it reads (``w^Tx``, ``ylog``, ``XdZ^T``, ``∂``, ``\\max``, …);
    one example's index (i) is set aside outside a sum."""
    for pattern, replacement in _LEARNER:
        text = pattern.sub(replacement, text)
    if not re.search(r"\\sum|Σ|∑|\bsum\b", text):
        text = _EXAMPLE.sub("", text)
    return text


def rewrite(text, layer=None, activation=None, network=True):
    """``text`` as the answer reader reads it, for a claim on ``layer`` (its index as written, or None), with g
    read as ``activation`` (a key of SLOPES, or None); ``network``: one example's letters are the layer's matrices."""
    def name(match):
        index = match["tex"] or match["code"] or match["digit"]
        if match["digit"] and match["digit"] != "L" and not layer:
            return match[0]  # x1, dw2: one weight's index, not a layer
        found = role(match["head"], index, layer)
        if found is None:
            return match[0]
        found = found if network or not match["tex"] else match["head"]
        transpose = match["T"] and match["head"] != "w"  # w^{[2]T}: the layer's weights as rows, W^{[2]} itself
        return f" {found}" + ("^{T}" if transpose else "") + " "
    text = learner(_activations(text, activation))
    text = _LAYERED.sub(name, text)
    if network:
        text = re.sub(r"(?<![A-Za-z\\_])(dz|da|z|a|x|y)(?![A-Za-z0-9_(]|\^\{?\()", lambda m: UPPER[m[1]], text)
    return text
