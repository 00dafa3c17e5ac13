"""The course's own ways of writing a slope, read as the checker's notation (nothing here is evaluated or run).

Comparisons (text, before the tokenizer): a comparison is a step, 1 where it holds and 0 elsewhere; ties (z = 0)
have measure zero at the checker's random points, so ``>`` and ``>=`` read alike.

    (L > R), L > R             ->  step(L - R)          (L < R: step(R - L))
    (L > R).astype(int|float)  ->  step(L - R)
    np.where(L > R, P, Q)      ->  P*step(L - R) + Q*(1 - step(L - R))   (1, 0: step(L - R))
    np.heaviside(X, h)         ->  step(X)

The cached activation (on the tree): the course's backward pass writes g'(z) with the activation it cached in the
forward pass, ``1 - np.power(A1, 2)`` for tanh', ``A1 * (1 - A1)`` for σ'. In a slope target, A, A1, A_1, a (the
activation) are g(z), and Z, Z1, Z_1 (the pre-activation) are z, unless the target has such a name itself.

>>> comparisons("np.where(z > 0, 1, 0)"), comparisons("(Z >= 0).astype(int)"), comparisons("np.heaviside(z, 0.5)")
('step((z)-(0))', 'step((Z)-(0))', 'step(z)')
>>> comparisons("np.where(z > 0, 1, 0.01)")
'((1)*step((z)-(0))+(0.01)*(1-step((z)-(0))))'
"""

import re

_COMPARE = re.compile(r"[<>]=?")
_CALL = re.compile(r"\b(?:np\.|numpy\.)?(where|heaviside)\s*\(")
_ASTYPE = re.compile(r"\)\s*\.\s*astype\s*\(\s*(?:np\.|numpy\.)?(?:int|float|bool)[0-9]*\s*\)")
#: a, A, A1, A_1: the activation a layer cached (not a2: the name a² would become under NFKC, refused)
ACTIVATION = re.compile(r"a|A(?:_?[0-9]+)?")
PRE_ACTIVATION = re.compile(r"Z(?:_?[0-9]+)?")  # Z, Z1, Z_1: its pre-activation


def _closing(text, start):
    """The index of the ')' that closes the '(' at ``start`` (len(text) if none), and the top-level commas."""
    level, commas = 0, []
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "([":
            level += 1
        elif ch in ")]":
            level -= 1
            if level == 0:
                return i, commas
        elif ch == "," and level == 1:
            commas.append(i)
    return len(text), commas


def _step(condition):
    """step(L - R) for the comparison ``L op R`` at top level of ``condition``; None if it has none."""
    level = 0
    for i, ch in enumerate(condition):
        level += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        match = _COMPARE.match(condition, i) if level == 0 else None
        if match:
            left, right = condition[:i].strip(), condition[match.end():].strip()
            if not left or not right or _COMPARE.search(right):
                return None
            if match.group().startswith("<"):
                left, right = right, left
            return f"step(({left})-({right}))"
    return None


def comparisons(text):
    """``text`` with its comparisons, np.where and np.heaviside written as step(…); unchanged when it has none."""
    if not _COMPARE.search(text) and not _CALL.search(text):
        return text
    text = _ASTYPE.sub(")", text)
    for _ in range(20):  # innermost first; each pass rewrites one form (a bound: answers are short)
        new = _rewrite_call(text) or _rewrite_group(text)
        if new is None:
            break
        text = new
    whole = _step(text) if _COMPARE.search(text) else None
    return whole or text


def _rewrite_call(text):
    """The first np.where(...) or np.heaviside(...) rewritten, or None."""
    for match in _CALL.finditer(text):
        end, commas = _closing(text, match.end() - 1)
        if end == len(text):
            return None
        parts = [text[a + 1:b].strip() for a, b in zip([match.end() - 1, *commas], [*commas, end])]
        if match.group(1) == "heaviside" and len(parts) == 2:
            return f"{text[:match.start()]}step({parts[0]}){text[end + 1:]}"
        if match.group(1) == "where" and len(parts) == 3 and (step := _step(parts[0])):
            yes, no = parts[1], parts[2]
            form = step if (yes, no) == ("1", "0") else f"(1-{step})" if (yes, no) == ("0", "1") else \
                f"(({yes})*{step}+({no})*(1-{step}))"
            return f"{text[:match.start()]}{form}{text[end + 1:]}"
    return None


def _rewrite_group(text):
    """The first parenthesised comparison (L > R) rewritten as step(L - R), or None."""
    for match in _COMPARE.finditer(text):
        opening = text.rfind("(", 0, match.start())
        while opening >= 0:
            end, _ = _closing(text, opening)
            if end > match.end():
                break
            opening = text.rfind("(", 0, opening)
        if opening < 0:
            return None
        step = _step(text[opening + 1:end])
        if step is None:
            return None
        before = text[:opening]
        if re.search(r"[A-Za-z0-9_.]$", before):  # a call's parentheses, f(z > 0): keep them, step inside
            return f"{before}({step}){text[end + 1:]}"
        return f"{before}{step}{text[end + 1:]}"
    return None


def cached(tree, target, activation):
    """``tree`` with the cached activation read as ``activation`` (a key of mathcore.functions.ACTIVATIONS) of z,
    and the cached pre-activation as z, for a slope target (its variables ``target.variables``)."""
    from mathcore.answer import BinOp, Call, Name, Neg, Transpose  # here: mathcore.answer imports this module
    own = set(target.variables)

    def walk(node):
        match node:
            case Name(name, position) if name not in own and ACTIVATION.fullmatch(name):
                return Name("a", position) if "a" in own else Call(activation, (Name("z", position),), (), position)
            case Name(name, position) if name not in own and PRE_ACTIVATION.fullmatch(name):
                return Name("z", position)
            case Neg(operand, position):
                return Neg(walk(operand), position)
            case BinOp(op, left, right, position, implicit):
                return BinOp(op, walk(left), walk(right), position, implicit)
            case Transpose(operand, position):
                return Transpose(walk(operand), position)
            case Call(function, arguments, keywords, position):
                return Call(function, tuple(map(walk, arguments)), keywords, position)
        return node
    return walk(tree)
