"""Plain formula lines: a line of prose that is a formula by itself, typed in Unicode or ASCII (``ŷ = σ(wᵀx + b)``,
``dZ = A − Y``).

The rule is meant to be safe, never to take a sentence for a formula: the whole line is one formula; its left
side, before the first '=', is a short name (letters, digits, primes, indices, ∂, one bracket of arguments: no
word gaps); the line holds only Latin and Greek letters, digits, spaces and math signs (no Hangul, no CJK, no
dollars or backticks); and no English word stands on the right, except the names of functions (log, tanh,
sigmoid, np, sum, …).

>>> [is_formula(line) for line in ("ŷ = σ(wᵀx + b)", "L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))", "dZ = A − Y")]
[True, True, True]
>>> [is_formula(line) for line in ("The result = a number", "x = the input", "손실 = a - y", "a == b", "dz")]
[False, False, False, False, False]
"""

MAX_LINE = 200  # characters of a formula line
MAX_NAME = 24  # characters of its left side
FUNCTIONS = {"log", "ln", "exp", "tanh", "sigmoid", "sig", "relu", "max", "min", "sum", "mean", "np", "dot",
             "sqrt", "abs", "sin", "cos", "axis", "keepdims", "shape", "reshape", "transpose", "maximum",
             "minimum", "power", "multiply", "divide", "argmax", "softmax", "randn", "zeros", "ones"}
SIGNS = set("+-−*/·⋅×÷^()[],.=<>≤≥≈≠|‖!⊙∘@;:'′″_∑Σ∏√∫∂∇∞% ")


def is_formula(line):
    """Whether a line of prose is a formula by itself (see the module's rule)."""
    text = line.strip()
    if not 3 <= len(text) <= MAX_LINE or "=" not in text or "==" in text:
        return False
    name = text[:text.index("=")].rstrip(":").strip()
    if not name or len(name) > MAX_NAME or not (_letter(name[0]) or name[0] == "∂"):
        return False
    if " " in _outside_brackets(name) or not all(_letter(ch) or ch in SIGNS or ch.isdigit() for ch in text):
        return False
    return not any(word.isascii() and word.isalpha() and word.islower() and len(word) >= 3 and word not in FUNCTIONS
                   for word in _words(text))


def _letter(ch):
    """A Latin or Greek letter (accented too), a modifier or sub/superscript letter or digit, or a combining mark:
    what a formula's names are made of in Unicode."""
    code = ord(ch)
    return (ch.isascii() and ch.isalpha()) or 0xC0 <= code <= 0x24F or 0x370 <= code <= 0x3FF or (
        0x1D00 <= code <= 0x1DBF) or 0x2070 <= code <= 0x209F or 0x300 <= code <= 0x36F or ch in "²³¹ʲⁱ"


def _outside_brackets(text):
    """``text`` without what stands inside its brackets."""
    level, kept = 0, []
    for ch in text:
        level += (ch in "([") - (ch in ")]")
        if level == 0 and ch not in ")]":
            kept.append(ch)
    return "".join(kept)


def _words(text):
    """The words of ``text``: its runs of letters, digits and '_', cut at dots (np.sum is np and sum)."""
    run, found = [], []
    for ch in text + " ":
        if _letter(ch) or ch.isdigit() or ch == "_":
            run.append(ch)
        elif run:
            found.append("".join(run))
            run = []
        if ch == ".":
            run = []
    return found
