r"""A learner's typed answer, read safely: our own tokenizer and parser, bounded, building a small tree.

User text never reaches eval, exec, sympify, parse_expr, parse_latex or lambdify. The tree is turned into SymPy
by ``to_sympy`` (scalar answers) or evaluated with NumPy by ``evaluate`` (numbers and matrices),
both walking only the node kinds below.

Four notations are read, and ``read`` says which it found:
- plain: ``a - y``, ``sigma(z)(1 - sigma(z))``, ``1/m * dZ @ A_prev.T``, ``sum(dZ, axis=1, keepdims=True)/m``;
- NumPy, as the course's assignments write it: ``np.dot(dZ, A_prev.T) / m``, ``np.sum(dZ, axis=1,
  keepdims=True) / m``, ``dZ.sum(axis=1, keepdims=True) / m``, ``A.dot(B)``, ``np.multiply``, ``np.mean``,
  ``np.exp``, ``np.log``, ``np.tanh``, ``np.maximum``;
- LaTeX from notes: ``\frac{1}{m} dZ^{[l]} A^{[l-1]T}``, ``\sigma(z) - y``, ``\hat{y}``, ``e^{-z}``,
  ``\sum_{i=1}^{m} dz^{(i)}``, ``\cdot``, ``\left( \right)``; a left-hand side (``\frac{\partial L}{\partial z}
  =``, ``dW =``) is set aside. ``from_latex`` rewrites it in the plain notation, command by allowed command;
- Unicode: σ, ŷ, ², ³, ᵀ, ·, ×, −, Σ.
Unicode policy: zero-width characters are removed (INVISIBLE), the text is put in NFC (so a y with a combining hat
is ŷ), a short table maps the symbols above, and only the ASCII digits 0-9 are numbers: any other digit (Bengali ৪,
fullwidth ８, ...) is refused by name, never read as the number it resembles. NFKC is not used: it would turn a² into a2.

Grammar, loosest first (implicit multiplication: a factor followed by a number, a name or "("):
    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/" | "@" | implicit) unary)*
    unary   := ("-" | "+") unary | "Σ" term | power      Σ: the sum over the examples, of the rest of the term
    power   := postfix (("^" | "**") unary)?          right-associative; e^x is exp(x)
    postfix := atom (".T" | ".dot(" expr ")" | ".sum(" keywords ")" | ".mean(" keywords ")")*
    atom    := NUMBER | NAME | FUNCTION ["^" NUMBER] "(" arguments ")" | FUNCTION atom | "(" expr ")"
A NAME followed by "(" is a call only if it names an allowed function: a(1 - a) is a times (1 - a).
Readings that could go two ways are warned about, naming both: a/b(c) (read as (a/b)·c), and two matrices
side by side (read as the matrix product when the sizes fit it, else entry by entry).

The tree's nodes are the frozen dataclasses below, one per rule, each with its position in the text; every walker
(here and in ``mathcore.checker``) takes them apart with ``match``.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from mathcore.functions import ACTIVATIONS
from mathcore.numpy_forms import comparisons
from mathcore.text import Text

MAX_LENGTH = 300
MAX_TOKENS = 150
MAX_DEPTH = 15
MAX_DIGITS = 8
MAX_EXPONENT = 10
TOO_DEEP = Text("The answer nests more than {limit} levels deep", limit=MAX_DEPTH)

#: Allowed functions, by every name a learner may use for them: the elementary ones, and every activation record
#: by its key and its spellings.
FUNCTIONS = {"exp": "exp", "log": "log", "ln": "log", "cosh": "cosh", "sinh": "sinh", "sech": "sech",
             "heaviside": "step", "step": "step", "sum": "sum", "mean": "mean", "maximum": "maximum",
             **{name: g.key for g in ACTIVATIONS.values() for name in (g.key, *g.spellings)}}
#: NumPy's functions that are operators here: np.dot(A, B) is A @ B, np.multiply(A, B) is A * B, ...
NUMPY_OPERATORS = {"dot": "@", "matmul": "@", "multiply": "*", "divide": "/", "add": "+", "subtract": "-"}
#: Functions that take two arguments; every other takes one.
TWO_ARGUMENTS = {"maximum"}
#: Spellings read as other names: Greek letters and common ways to write y-hat.
ALIASES = {"α": "alpha", "ŷ": "a", "yhat": "a", "y_hat": "a", "Aprev": "A_prev", "A_prev": "A_prev",
           "A__0": "X"}
#: Inside a sum over the examples, one example's letter is the matrix of all of them: x^{(i)} is a column of X.
EXAMPLE_MATRICES = {"x": "X", "a": "A", "y": "Y", "z": "Z", "dz": "dZ", "yhat": "A", "ŷ": "A"}
#: Characters people paste, read as the plain notation: operators, superscripts, the transpose, the sum.
LOOKALIKES = {"−": "-", "–": "-", "×": "*", "⋅": "·", "∗": "*", "²": "^2", "³": "^3", "ᵀ": ".T ", "⊤": ".T ",
              "∑": "Σ"}
#: Invisible characters a paste brings along (the app's own text carries U+200B, ``ui.inert``): removed first.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

_TOKEN = re.compile(r"\s*(?:(?P<num>[0-9]+\.?[0-9]*|\.[0-9]+)"
                    r"|(?P<name>(?:np\.|numpy\.)?[A-Za-z_][A-Za-z0-9_]*|[σαŷ])"
                    r"|(?P<op>\*\*|[-+*/^@(),=Σ·]|\.T\b|\.(?:dot|sum|mean)\b))")


@dataclass(frozen=True)
class Num:
    """A NUMBER, kept as typed (exact)."""

    text: str
    position: int


@dataclass(frozen=True)
class Name:
    """A variable."""

    name: str
    position: int


@dataclass(frozen=True)
class Neg:
    """-operand."""

    operand: "Node"
    position: int


@dataclass(frozen=True)
class BinOp:
    """left op right, op one of + - * / ^ @ (implicit multiplication is *)."""

    op: str
    left: "Node"
    right: "Node"
    position: int
    implicit: bool = False  # written side by side, no operator (for two matrices: a warning names both readings)


@dataclass(frozen=True)
class Transpose:
    """operand.T"""

    operand: "Node"
    position: int


@dataclass(frozen=True)
class Call:
    """function(arguments, keyword=value, ...): an allowed function's canonical name, keywords as (name, value)."""

    function: str
    arguments: tuple
    keywords: tuple
    position: int

    def keyword(self, name, default=None):
        return dict(self.keywords).get(name, default)


Node = Num | Name | Neg | BinOp | Transpose | Call


class AnswerError(ValueError):
    """A specific, readable reason the text is not an answer we can read, with where it happened."""

    def __init__(self, message, position=None):
        super().__init__(message if position is None else
                         Text("{message} (at position {position})", message=message, position=position + 1))
        self.position = position

    @property
    def text(self):
        """The message as a ``Text`` (``str(error)`` is its English words only)."""
        return self.args[0]


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "name", "op", "end"
    text: str
    position: int


def normalise(text):
    """``text`` in NFC with the LOOKALIKES read as the plain notation; a digit other than 0-9 is refused by name.

    >>> normalise("σ(z)(1 − σ(z)) + a²")
    'σ(z)(1 - σ(z)) + a^2'
    >>> normalise("a - ৪")
    Traceback (most recent call last):
    ...
    mathcore.answer.AnswerError: Only the digits 0-9 are numbers: '৪' (U+09EA, BENGALI DIGIT FOUR) is not; type it with 0-9 (at position 5)
    """
    text = unicodedata.normalize("NFC", text)
    for position, ch in enumerate(text):
        if ch not in LOOKALIKES and not ch.isascii() and unicodedata.category(ch) in ("Nd", "Nl", "No"):
            raise AnswerError(Text("Only the digits 0-9 are numbers: {ch!r} (U+{code:04X}, {name}) is not; type it "
                                   "with 0-9", ch=ch, code=ord(ch), name=unicodedata.name(ch, "a digit")), position)
    return "".join(LOOKALIKES.get(ch, ch) for ch in text)


def _within_length(text):
    """AnswerError if ``text`` is longer than MAX_LENGTH."""
    if len(text) > MAX_LENGTH:
        raise AnswerError(Text("The answer is {length:,} characters long; answers are limited to {limit}.",
                               length=len(text), limit=MAX_LENGTH))


def tokenize(text):
    """Tokens of ``text`` (normalised), after the length bound; anything unexpected is named with its position."""
    _within_length(text)
    if not text.strip():
        raise AnswerError(Text("The answer is empty: type an expression, such as a - y."))
    tokens, position = [], 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if not match:
            start = position + len(text[position:]) - len(text[position:].lstrip())
            ch = text[start]
            raise AnswerError(Text("Unexpected character {ch!r} (U+{code:04X}): use letters, digits and "
                                   "+ - * / ^ ** @ ( ) .T", ch=ch, code=ord(ch)), start)
        kind = match.lastgroup
        start = match.start(kind)
        value = match.group(kind)
        if kind == "num" and len(value.replace(".", "")) > MAX_DIGITS:
            raise AnswerError(Text("The number {number}… has more than {limit} digits", number=value[:12], limit=MAX_DIGITS),
                              start)
        tokens.append(Token(kind, value, start))
        if len(tokens) > MAX_TOKENS:
            raise AnswerError(Text("The answer has more than {limit} symbols; write it more simply.", limit=MAX_TOKENS))
        position = match.end()
    return tokens + [Token("end", "", len(text))]


# -- LaTeX: rewritten in the plain notation, command by allowed command ------------------------------------------

#: LaTeX commands read as a word of the plain notation (functions, Greek letters) or as an operator.
LATEX_WORDS = {r"\sigma": " sigma ", r"\alpha": " alpha ", r"\log": " log ", r"\ln": " log ", r"\exp": " exp ",
               r"\tanh": " tanh ", r"\cosh": " cosh ", r"\sinh": " sinh ", r"\operatorname": None,
               r"\cdot": "·", r"\times": "*", r"\ast": "*", r"\top": "T", r"\intercal": "T", r"\hat": None,
               r"\frac": None, r"\dfrac": None, r"\tfrac": None, r"\sum": None, r"\mathrm": None, r"\text": None,
               r"\mathit": None, r"\left": "", r"\right": "", r"\big": "", r"\Big": "", r"\bigl": "",
               r"\bigr": "", r"\Bigl": "", r"\Bigr": "", r"\,": " ", r"\;": " ", r"\:": " ", r"\!": "",
               r"\ ": " ", r"\quad": " ", r"\qquad": " ", r"\{": "(", r"\}": ")"}
_LATEX_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\s+|.", re.S)
_LAYER = re.compile(r"\[\s*(?:(?P<prev>[lL]\s*-\s*1)|(?P<this>[lL]|[0-9]))\s*\](?P<i>\(i\))?"
                    r"(?P<T>T|\\top|\\intercal)?$")


class _Latex:
    """One pass over LaTeX tokens, writing the plain notation; braces nest at most MAX_DEPTH deep."""

    def __init__(self, text):
        self.tokens, self.i, self.depth = _LATEX_TOKEN.findall(text), 0, 0
        self.positions = [0]
        for token in self.tokens:
            self.positions.append(self.positions[-1] + len(token))

    def error(self, message):
        return AnswerError(message, self.positions[min(self.i, len(self.tokens))])

    def peek(self):
        while self.i < len(self.tokens) and self.tokens[self.i].isspace():
            self.i += 1
        return self.tokens[self.i] if self.i < len(self.tokens) else ""

    def raw_group(self):
        """The next argument's source: a {braced group} (without its braces) or one token."""
        token = self.peek()
        if token != "{":
            if not token or token == "}":
                raise self.error(Text("A LaTeX command is missing its argument"))
            self.i += 1
            return token
        start, level = self.i + 1, 0
        while self.i < len(self.tokens):
            level += {"{": 1, "}": -1}.get(self.tokens[self.i], 0)
            self.i += 1
            if level == 0:
                return "".join(self.tokens[start:self.i - 1])
            if level > MAX_DEPTH:
                raise self.error(TOO_DEEP)
        raise self.error(Text("An opening brace is never closed"))

    def group(self):
        """The next argument, in the plain notation, in parentheses."""
        return self.sub(self.raw_group())

    def sub(self, source):
        """``source`` (an argument's LaTeX) in the plain notation, in parentheses, one level deeper."""
        if self.depth + 1 > MAX_DEPTH:
            raise self.error(TOO_DEEP)
        inner = _Latex(source)
        inner.depth = self.depth + 1
        return f"({inner.translate()})"

    def derivative(self, top, bottom):
        """∂J/∂w, ∂L/∂z, dJ/dw: the course's name for it (dw, dz); None for an ordinary fraction."""
        top, bottom = re.sub(r"\s+", "", top), re.sub(r"\s+", "", bottom)
        function = r"(?:J|L|\\mathcal\{L\})(?:\([^)]*\))?"  # J, L, J(w,b), L(\hat{y},y)
        if not (top.startswith(r"\partial") or re.fullmatch("d" + function, top)):
            return None
        variable = re.fullmatch(r"(?:\\partial|d)([A-Za-z])(?:_\{?([A-Za-z0-9]+)\}?)?(?:\^\{?\[[^\]]*\]\}?)?", bottom)
        if not re.fullmatch(r"(?:\\partial|d)" + function, top) or not variable:
            raise self.error(Text("Inside a formula, ∂J/∂v and ∂L/∂v are read (as dv, the course's name); write "
                                  "any other derivative as what it equals"))
        return " d" + variable[1] + (f"_{variable[2]}" if variable[2] else "") + " "

    def translate(self):
        out = []
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            if token.startswith("\\") and token not in LATEX_WORDS:
                raise self.error(Text("The LaTeX command {command} is not read here: write the formula with \\frac, "
                                      "\\sigma, \\hat{{y}}, \\log, e^{{…}}, \\sum_{{i=1}}^{{m}}, \\cdot, ^T and "
                                      "^{{[l]}}", command=token))
            self.i += 1
            if token in (r"\frac", r"\dfrac", r"\tfrac"):
                top, bottom = self.raw_group(), self.raw_group()
                out.append(self.derivative(top, bottom) or f"({self.sub(top)}/{self.sub(bottom)})")
            elif token == r"\hat":
                if self.raw_group().strip() != "y":
                    raise self.error(Text("\\hat is read on y only (ŷ, the prediction a)"))
                out.append(" yhat ")
            elif token in (r"\operatorname", r"\mathrm", r"\text", r"\mathit"):
                word = self.raw_group().strip()
                if not re.fullmatch(r"[A-Za-z]+", word):
                    raise self.error(Text("{command}{{…}} takes a word", command=token))
                out.append(word)
            elif token == r"\sum":
                out.append(self.sum())
            elif token == "^":
                sup = self.superscript()
                out = ["".join(out).rstrip() if not sup.startswith("^") else "".join(out)]  # x^{(i)}: one name
                out.append(sup)
            elif token == "_":
                sub = self.raw_group().strip()
                if not re.fullmatch(r"[A-Za-z0-9]+", sub):
                    raise self.error(Text("A subscript is read as part of a name (x_j, A_prev): {sub!r} is not one",
                                          sub=sub))
                out.append("_" + sub)
            elif token == "{":
                self.i -= 1
                out.append(self.group())
            elif token == "}":
                raise self.error(Text("A closing brace closes nothing"))
            elif token in "[]":
                out.append("(" if token == "[" else ")")
            else:
                out.append(LATEX_WORDS.get(token, token))
        return "".join(out)

    def sum(self):
        """\\sum_{i=1}^{m}: the sum over the examples (Σ); any other range is refused."""
        bounds = {}
        for _ in range(2):
            mark = self.peek()
            if mark in ("_", "^"):
                self.i += 1
                bounds[mark] = re.sub(r"\s+", "", self.raw_group())
        if bounds.get("_", "i=1") not in ("i=1", "i") or bounds.get("^", "m") != "m":
            raise self.error(Text("Only the sum over the examples is read: \\sum_{{i=1}}^{{m}}"))
        return " Σ "

    def superscript(self):
        """^T is a transpose; ^{[l]} names the layer (l − 1: A_prev); ^{(i)} one example; anything else a power."""
        sup = re.sub(r"\s+", "", self.raw_group())
        if sup in ("T", r"\top", r"\intercal", r"\mathsf{T}"):
            return ".T"
        layer = _LAYER.match(sup)
        if layer:
            name = "_prev" if layer["prev"] else "__0" if layer["this"] == "0" else ""
            return name + ("__i" if layer["i"] else "") + (".T" if layer["T"] else "")
        if sup in ("(i)", "(i)T"):
            return "__i" + (".T" if sup.endswith("T") else "")
        if re.fullmatch(r"[0-9]+", sup):
            return "^" + sup
        inner = _Latex(sup)
        inner.depth = self.depth + 1
        return f"^({inner.translate()})"


def from_latex(text):
    r"""The plain notation of a LaTeX formula (its commands checked against LATEX_WORDS), or AnswerError.

    >>> from_latex(r"\frac{1}{m} dZ^{[l]} A^{[l-1]T}")
    '((1)/(m)) dZ A_prev.T'
    >>> from_latex(r"\frac{1}{1+e^{-z}} - y")
    '((1)/(1+e^(-z))) - y'
    """
    return _Latex(text).translate()


def equals_signs(text):
    """Where ``text`` has an '=' outside brackets (an '=' inside them is a keyword's, axis=1, or a bound's, i=1)."""
    level, found = 0, []
    for position, ch in enumerate(text):
        level += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(ch, 0)
        if ch == "=" and level == 0:
            found.append(position)
    return found


def split_lhs(text):
    """(left-hand side or "", the formula after the last '=' or ':=' outside brackets)."""
    cuts = equals_signs(text)
    if not cuts:
        return "", text
    return text[:cuts[-1]].rstrip(":").strip(), text[cuts[-1] + 1:]


def notation(text):
    """Which of the four notations ``text`` is in: "latex", "numpy", "unicode" or "plain"."""
    if "\\" in text or "{" in text:
        return "latex"
    if re.search(r"\b(?:np|numpy)\.|\.(?:dot|sum|mean)\s*\(", text):
        return "numpy"
    if not text.isascii():
        return "unicode"
    return "plain"


#: How each notation is named to the learner.
NOTATIONS = {"plain": Text("plain"), "numpy": Text("NumPy"), "latex": Text("LaTeX"), "unicode": Text("Unicode math")}


@dataclass(frozen=True)
class Reading:
    """How an answer was read: its tree, the notation found, the left-hand side set aside, and warnings."""

    tree: "Node"
    notation: str
    lhs: str = ""
    warnings: tuple = field(default=())


def read(text):
    r"""The answer read in whichever notation it is written: a Reading, or AnswerError.

    >>> r = read(r"\frac{\partial L}{\partial z} = \sigma(z) - y")
    >>> r.notation, r.lhs, to_text(r.tree)
    ('latex', '\\frac{\\partial L}{\\partial z}', 'sigmoid(z) - y')
    >>> to_text(read("np.dot(dZ, A_prev.T) / m").tree)
    'dZ @ A_prev.T / m'
    """
    text = text.translate(INVISIBLE)
    _within_length(text)
    kind = notation(text)
    lhs, formula = split_lhs(text)
    formula = normalise(formula)
    if kind == "latex":
        formula = from_latex(formula)
    else:  # np.where(z > 0, 1, 0), (Z > 0).astype(int), np.heaviside(z, 0): a step (mathcore.numpy_forms)
        formula = comparisons(formula)
    parser = _Parser(tokenize(formula), formula)
    tree = parser.expr()
    if parser.token.kind != "end":
        raise AnswerError(Text("Unexpected {token!r} after a complete expression", token=parser.token.text),
                          parser.token.position)
    return Reading(tree, kind, lhs, tuple(parser.warnings))


class _Parser:
    def __init__(self, tokens, text):
        """``tokens`` of ``text`` (its positions are theirs); ``text`` is quoted back in warnings."""
        self.tokens, self.text, self.i, self.depth, self.in_sum, self.warnings = tokens, text, 0, 0, False, []

    @property
    def token(self):
        return self.tokens[self.i]

    def take(self, text=None):
        token = self.token
        if text is not None and token.text != text:
            shown = Text("the end") if token.kind == "end" else repr(token.text)
            raise AnswerError(Text("Expected {expected!r} but found {found}", expected=text, found=shown), token.position)
        self.i += 1
        return token

    def nested(self, position):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise AnswerError(TOO_DEEP, position)

    def expr(self):
        node = self.term()
        while self.token.text in ("+", "-"):
            op = self.take()
            node = BinOp(op.text, node, self.term(), op.position)
        return node

    def term(self):
        first = self.token
        node = self.unary()
        while True:
            token = self.token
            if token.text in ("*", "/", "@"):
                self.take()
                after = self.token
                node = BinOp(token.text, node, self.unary(), token.position)
                if token.text == "/" and self._starts_factor(self.token):
                    self._warn_division(first, token, after)
            elif token.text == "·":  # a centred dot, as notes write a product: read like two factors side by side
                self.take()
                node = BinOp("*", node, self.unary(), token.position, implicit=not self.in_sum)
            elif self._starts_factor(token):
                if token.kind == "num" and isinstance(node, Num):
                    raise AnswerError(Text("Two numbers side by side: put an operator between them"), token.position)
                node = BinOp("*", node, self.unary(), token.position, implicit=not self.in_sum)
            else:
                return node

    @staticmethod
    def _starts_factor(token):
        """Does ``token`` begin a factor written right after another (implicit multiplication)?"""
        return token.kind in ("num", "name") or token.text in ("(", "Σ")

    def _warn_division(self, first, slash, after):
        """a/b(c): Python and NumPy read (a/b)·c, a reader of notes may mean a/(b·c); say both."""
        if self.warnings:  # one such warning says it; the answer is read the same way throughout
            return
        end = self._factor_end()
        numerator, denominator = self._span(first, slash.position), self._span(after, self.token.position)
        rest = self.text[self.token.position:end].strip()
        self.warnings.append(Text(
            "{text} is read as ({numerator}/{denominator})·{rest}, as Python reads it; if you meant "
            "{numerator}/({denominator}·{rest}), put the denominator in parentheses.",
            text=self.text[first.position:end].strip(), numerator=numerator, denominator=denominator, rest=rest))

    def _factor_end(self):
        """Where the factor starting at the current token ends (a look-ahead over balanced parentheses)."""
        level, j = 0, self.i
        while self.tokens[j].kind != "end":
            text = self.tokens[j].text
            level += {"(": 1, ")": -1}.get(text, 0)
            if level < 0 or (level == 0 and j > self.i and (text in ("+", "-", "*", "/", "@", ",")
                                                              or self.tokens[j - 1].text == ")")):
                break
            j += 1
        return self.tokens[j].position

    def _span(self, token, end):
        return self.text[token.position:end].strip()

    def unary(self):
        if self.token.text in ("-", "+"):
            op = self.take()
            self.nested(op.position)
            inner = self.unary()
            self.depth -= 1
            return Neg(inner, op.position) if op.text == "-" else inner
        if self.token.text == "Σ":  # the sum over the examples, of the rest of the term
            op = self.take()
            self.nested(op.position)
            outer, self.in_sum = self.in_sum, True
            summand = self.term()
            self.in_sum = outer
            self.depth -= 1
            return Call("sum", (summand,), (("axis", "1"), ("keepdims", "True")), op.position)
        return self.power()

    def power(self):
        base = self.postfix()
        if self.token.text in ("^", "**"):
            op = self.take()
            self.nested(op.position)
            exponent = self.unary()
            self.depth -= 1
            if isinstance(base, Name) and base.name == "e":
                return Call("exp", (exponent,), (), base.position)  # e^x, e^{-z}, e^(-z)
            if exponent == Name("T", exponent.position):
                return Transpose(base, op.position)  # w^T x, as notes write it in plain text
            return BinOp("^", base, self._exponent(exponent, op), op.position)
        return base

    @staticmethod
    def _exponent(exponent, op):
        value = _constant(exponent)
        if value is None or abs(value) > MAX_EXPONENT:
            raise AnswerError(Text("Exponents must be plain numbers between -{limit} and {limit}", limit=MAX_EXPONENT),
                              op.position)
        return exponent

    def postfix(self):
        node = self.atom()
        while self.token.text in (".T", ".dot", ".sum", ".mean"):
            method = self.take()
            if method.text == ".T":
                node = Transpose(node, method.position)
            elif method.text == ".dot":  # A.dot(B) is A @ B
                self.take("(")
                node = BinOp("@", node, self.expr(), method.position)
                self.take(")")
            else:  # A.sum(axis=1, keepdims=True), A.mean(...)
                self.take("(")
                keywords = self.keywords(method.text[1:]) if self.token.text != ")" else {}
                self.take(")")
                node = Call(method.text[1:], (node,), tuple(keywords.items()), method.position)
        return node

    def atom(self):
        token = self.token
        if token.kind == "num":
            self.take()
            return Num(token.text, token.position)
        if token.text == "(":
            self.take()
            self.nested(token.position)
            node = self.expr()
            self.depth -= 1
            self.take(")")
            return node
        if token.kind == "name":
            self.take()
            name = token.text
            if name.startswith(("np.", "numpy.")):
                return self.numpy(name.split(".", 1)[1], token)
            if name.endswith("__i"):  # one example's letter: inside a sum, the matrix of all of them
                base = name[:-3]
                return Name(EXAMPLE_MATRICES.get(base, base) if self.in_sum else ALIASES.get(base, base), token.position)
            name = ALIASES.get(name, name)
            if name in FUNCTIONS:
                return self.function(FUNCTIONS[name], token)
            return Name(name, token.position)
        shown = Text("the end of the answer") if token.kind == "end" else repr(token.text)
        raise AnswerError(Text("Expected a number, a name or '(' but found {found}", found=shown), token.position)

    def function(self, function, token):
        """f(x); f^2(x), read as f(x)^2; f x, read as f(x) (as notes write log a)."""
        if self.token.text in ("^", "**") and self.tokens[self.i + 1].kind == "num" \
                and self.tokens[self.i + 2].text == "(":
            op = self.take()
            exponent = Num(self.take().text, op.position + 1)
            return BinOp("^", self.call(function, token), self._exponent(exponent, op), op.position)
        if self.token.text == "(":
            return self.call(function, token)
        if self.token.kind in ("num", "name") and function not in ("sum", "mean", "maximum"):
            self.nested(token.position)
            argument = self.power()
            self.depth -= 1
            return Call(function, (argument,), (), token.position)
        raise AnswerError(Text("{name} is a function: write {name}(…)", name=token.text), token.position)

    def numpy(self, name, token):
        """np.dot(A, B) and friends: NumPy's operators as operators, its functions as ours."""
        if name in NUMPY_OPERATORS:
            call = self.call(name, token, arity=2)
            left, right = call.arguments
            return BinOp(NUMPY_OPERATORS[name], left, right, token.position)
        if name == "power":
            call = self.call(name, token, arity=2)
            return BinOp("^", call.arguments[0], self._exponent(call.arguments[1], token), token.position)
        if name in FUNCTIONS and name not in ("ln", "step", "heaviside") and self.token.text == "(":
            return self.call(FUNCTIONS[name], token)
        raise AnswerError(Text("{name} is not a NumPy function read here: use np.dot, np.sum, np.mean, np.multiply, "
                               "np.exp, np.log, np.tanh or np.maximum", name=token.text), token.position)

    def keywords(self, function):
        """axis=0|1 and keepdims=True|False, for sum and mean."""
        keywords = {}
        while True:
            key = self.take()
            if key.kind != "name" or self.token.text != "=":
                raise AnswerError(Text("{function} takes axis= and keepdims= here", function=function), key.position)
            self.take("=")
            value = self.take()
            if value.kind == "end":  # np.sum(dZ, axis=
                raise AnswerError(Text("{function} takes axis=0 or axis=1 and keepdims=True or keepdims=False",
                                       function=function), value.position)
            if key.text not in ("axis", "keepdims") or function not in ("sum", "mean"):
                raise AnswerError(Text("{key}= is not an option here", key=key.text), value.position)
            if key.text in keywords:  # Python refuses a repeated keyword; reading the last would hide a typo
                raise AnswerError(Text("{key}= is given twice: give it once", key=key.text), key.position)
            keywords[key.text] = value.text
            if self.token.text != ",":
                break
            self.take(",")
        if keywords.get("axis", "0") not in ("0", "1") or keywords.get("keepdims", "True") not in ("True", "False"):
            raise AnswerError(Text("{function} takes axis=0 or axis=1 and keepdims=True or keepdims=False",
                                   function=function), key.position)
        return keywords

    def call(self, function, token, arity=None):
        arity = arity or (2 if function in TWO_ARGUMENTS else 1)
        self.take("(")
        self.nested(token.position)
        if self.token.kind == "name" and self.tokens[self.i + 1].text == "=":  # np.sum(axis=1, dZ)
            raise AnswerError(Text("{function}(…) takes what it adds up first, then axis= and keepdims=: "
                                   "np.sum(dZ, axis=1)", function=token.text) if function in ("sum", "mean") else
                              Text("{function}(…) takes no keywords", function=token.text), self.token.position)
        arguments, keywords = [self.expr()], {}
        while self.token.text == ",":
            self.take()
            if self.token.kind == "name" and self.tokens[self.i + 1].text == "=":
                keywords = self.keywords(function)
                break
            arguments.append(self.expr())
        if len(arguments) != arity:
            raise AnswerError(Text("{function} takes {n} argument(s), not {given}", function=token.text, n=arity,
                                   given=len(arguments)), token.position)
        self.depth -= 1
        self.take(")")
        return Call(function, tuple(arguments), tuple(keywords.items()), token.position)


def _constant(node):
    """The value of a number, -number or number/number node; None for anything else."""
    match node:
        case Num(text):
            return float(text)
        case Neg(operand):
            inner = _constant(operand)
            return None if inner is None else -inner
        case BinOp("/", top, bottom):
            top, bottom = _constant(top), _constant(bottom)
            return None if top is None or not bottom else top / bottom
    return None


def parse(text):
    """The tree of ``text`` in any of the four notations, or AnswerError saying what is wrong and where.

    >>> parse("2x")
    BinOp(op='*', left=Num(text='2', position=0), right=Name(name='x', position=1), position=1, implicit=True)
    >>> parse("a(1-a)").op, parse("sigma(z)").function
    ('*', 'sigmoid')
    >>> parse("__import__('os')")
    Traceback (most recent call last):
    ...
    mathcore.answer.AnswerError: Unexpected character "'" (U+0027): use letters, digits and + - * / ^ ** @ ( ) .T (at position 12)
    """
    return read(text).tree


def children(node):
    """The nodes directly below ``node``."""
    match node:
        case Neg(operand) | Transpose(operand):
            return (operand,)
        case BinOp(_, left, right):
            return (left, right)
        case Call(_, arguments):
            return arguments
    return ()


def first_position(node, name):
    """Where ``name`` first appears in the tree (None if it does not)."""
    if isinstance(node, Name):
        return node.position if node.name == name else None
    found = [p for p in (first_position(child, name) for child in children(node)) if p is not None]
    return min(found) if found else None


def names(node):
    """Every variable name the tree uses."""
    if isinstance(node, Name):
        return {node.name}
    return set().union(*(names(child) for child in children(node)))


def to_latex(node):
    r"""LaTeX of the tree as typed (for matrix answers, which SymPy does not read).

    >>> print(to_latex(parse("1/m * dZ @ (A - Y).T")))
    \frac{1}{m} dZ \, \left(A - Y\right)^{\top}
    """
    match node:
        case Num(text):
            return text
        case Name(name):
            return name.replace("_prev", "_{prev}")
        case Neg(operand):
            return "-" + _grouped(operand)
        case Transpose(operand):
            inner = to_latex(operand)
            return (rf"\left({inner}\right)" if isinstance(operand, (BinOp, Neg)) else inner) + r"^{\top}"
        case Call("sum" | "mean" as function, (argument,)):
            axis = node.keyword("axis")
            sign = r"\sum" if function == "sum" else r"\operatorname{mean}"
            return (sign + r"_{\text{axis } " + axis + "}" if axis else sign) + rf"\left({to_latex(argument)}\right)"
        case Call(function, (left, right)):
            return rf"\operatorname{{{function}}}\left({to_latex(left)}, {to_latex(right)}\right)"
        case Call(function, (argument,)):
            return rf"\operatorname{{{function}}}\left({to_latex(argument)}\right)"
        case BinOp("/", left, right):
            return rf"\frac{{{to_latex(left)}}}{{{to_latex(right)}}}"
        case BinOp("^", left, right):
            base = to_latex(left)
            power = to_latex(right)
            return rf"\left({base}\right)^{{{power}}}" if isinstance(left, (BinOp, Neg)) else rf"{base}^{{{power}}}"
        case BinOp(op, left, right) if op in "+-":
            return f"{to_latex(left)} {op} {to_latex(right)}"
        case BinOp(op, left, right):
            return _grouped(left) + (r" \, " if op == "@" else " ") + _grouped(right)
    raise TypeError(node)


PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "@": 2, "^": 3}


def to_text(node):
    """The tree in the plain notation, with only the parentheses it needs.

    >>> to_text(parse(r"\\frac{1}{m} \\sum_{i=1}^{m} dz^{(i)}"))
    '1 / m * sum(dZ, axis=1, keepdims=True)'
    >>> to_text(parse("-(a - y)/(a(1 - a))"))
    '-(a - y) / (a * (1 - a))'
    """
    def operand(child, side, parent):
        text = to_text(child)
        mine = PRECEDENCE.get(child.op, 4) if isinstance(child, BinOp) else 2.5 if isinstance(child, Neg) else 4
        if mine < PRECEDENCE[parent] or (mine == PRECEDENCE[parent] and side == "right" and parent in "-/@^"):
            return f"({text})"
        return text

    match node:
        case Num(text):
            return text
        case Name(name):
            return name
        case Neg(operand_node):
            inner = to_text(operand_node)
            return f"-({inner})" if isinstance(operand_node, (BinOp, Neg)) else f"-{inner}"
        case Transpose(operand_node):
            inner = to_text(operand_node)
            return (f"({inner})" if isinstance(operand_node, (BinOp, Neg)) else inner) + ".T"
        case Call(function, arguments, keywords):
            return f"{function}({', '.join([*map(to_text, arguments), *(f'{k}={v}' for k, v in keywords)])})"
        case BinOp(op, left, right):
            return f"{operand(left, 'left', op)} {op} {operand(right, 'right', op)}"
    raise TypeError(node)


def _grouped(node):
    """A factor's LaTeX, in parentheses if it is a sum or a difference."""
    text = to_latex(node)
    return rf"\left({text}\right)" if isinstance(node, BinOp) and node.op in "+-" else text
