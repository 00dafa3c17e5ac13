"""A learner's typed answer, read safely: our own tokenizer and parser, bounded, building a small tree.

User text never reaches eval, exec, sympify, parse_expr or lambdify. The tree is turned into SymPy
by ``to_sympy`` (scalar answers) or evaluated with NumPy by ``evaluate`` (numbers and matrices),
both walking only the node kinds below.

Grammar, loosest first (implicit multiplication: a factor followed by a number, a name or "("):
    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/" | "@" | implicit) unary)*
    unary   := ("-" | "+") unary | power
    power   := postfix (("^" | "**") unary)?          right-associative
    postfix := atom (".T")*
    atom    := NUMBER | NAME | FUNCTION "(" arguments ")" | "(" expr ")"
A NAME followed by "(" is a call only if it names an allowed function: a(1 - a) is a times (1 - a).

The tree's nodes are the frozen dataclasses below, one per rule, each with its position in the text; every walker
(here and in ``mathcore.checker``) takes them apart with ``match``.
"""

import re
from dataclasses import dataclass

from mathcore.functions import ACTIVATIONS
from mathcore.text import Text

MAX_LENGTH = 300
MAX_TOKENS = 150
MAX_DEPTH = 15
MAX_DIGITS = 8
MAX_EXPONENT = 10

#: Allowed functions, by every name a learner may use for them: the elementary ones, and every activation record
#: by its key and its spellings.
FUNCTIONS = {"exp": "exp", "log": "log", "ln": "log", "cosh": "cosh", "sinh": "sinh", "sech": "sech",
             "heaviside": "step", "step": "step", "sum": "sum",
             **{name: g.key for g in ACTIVATIONS.values() for name in (g.key, *g.spellings)}}
#: Spellings read as other names: Greek letters and common ways to write y-hat.
ALIASES = {"α": "alpha", "ŷ": "a", "yhat": "a", "y_hat": "a", "Aprev": "A_prev", "A_prev": "A_prev"}
#: Characters people paste that mean an ASCII operator.
LOOKALIKES = {"−": "-", "–": "-", "×": "*", "·": "*", "⋅": "*"}

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+\.?\d*|\.\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*|[σαŷ])"
                    r"|(?P<op>\*\*|[-+*/^@(),=]|\.T\b))")


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


def tokenize(text):
    """Tokens of ``text``, after the length bound; anything unexpected is named with its position."""
    if len(text) > MAX_LENGTH:
        raise AnswerError(Text("The answer is {length:,} characters long; answers are limited to {limit}.",
                               length=len(text), limit=MAX_LENGTH))
    if not text.strip():
        raise AnswerError(Text("The answer is empty: type an expression, such as a - y."))
    text = "".join(LOOKALIKES.get(ch, ch) for ch in text)
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


class _Parser:
    def __init__(self, tokens):
        self.tokens, self.i, self.depth = tokens, 0, 0

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
            raise AnswerError(Text("The answer nests more than {limit} levels deep", limit=MAX_DEPTH), position)

    def expr(self):
        node = self.term()
        while self.token.text in ("+", "-"):
            op = self.take()
            node = BinOp(op.text, node, self.term(), op.position)
        return node

    def term(self):
        node = self.unary()
        while True:
            token = self.token
            if token.text in ("*", "/", "@"):
                self.take()
                node = BinOp(token.text, node, self.unary(), token.position)
            elif token.kind in ("num", "name") or token.text == "(":
                if token.kind == "num" and isinstance(node, Num):
                    raise AnswerError(Text("Two numbers side by side: put an operator between them"), token.position)
                node = BinOp("*", node, self.unary(), token.position)  # implicit multiplication
            else:
                return node

    def unary(self):
        if self.token.text in ("-", "+"):
            op = self.take()
            self.nested(op.position)
            inner = self.unary()
            self.depth -= 1
            return Neg(inner, op.position) if op.text == "-" else inner
        return self.power()

    def power(self):
        base = self.postfix()
        if self.token.text in ("^", "**"):
            op = self.take()
            self.nested(op.position)
            exponent = self.unary()
            self.depth -= 1
            value = _constant(exponent)
            if value is None or abs(value) > MAX_EXPONENT:
                raise AnswerError(Text("Exponents must be plain numbers between -{limit} and {limit}", limit=MAX_EXPONENT),
                                  op.position)
            return BinOp("^", base, exponent, op.position)
        return base

    def postfix(self):
        node = self.atom()
        while self.token.text == ".T":
            node = Transpose(node, self.take().position)
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
            name = ALIASES.get(token.text, token.text)
            if name in FUNCTIONS and self.token.text == "(":
                return self.call(FUNCTIONS[name], token)
            if name in FUNCTIONS:
                raise AnswerError(Text("{name} is a function: write {name}(…)", name=token.text), token.position)
            return Name(name, token.position)
        shown = Text("the end of the answer") if token.kind == "end" else repr(token.text)
        raise AnswerError(Text("Expected a number, a name or '(' but found {found}", found=shown), token.position)

    def call(self, function, token):
        self.take("(")
        self.nested(token.position)
        arguments, keywords = [self.expr()], {}
        while self.token.text == ",":
            self.take()
            if self.token.kind == "name" and self.tokens[self.i + 1].text == "=":
                key = self.take().text
                self.take("=")
                value = self.take()
                if key not in ("axis", "keepdims") or function != "sum":
                    raise AnswerError(Text("{key}= is not an option here", key=key), value.position)
                keywords[key] = value.text
            else:
                raise AnswerError(Text("{function} takes one argument", function=function), self.token.position)
        self.depth -= 1
        self.take(")")
        if keywords and (keywords.get("axis", "0") not in ("0", "1")
                         or keywords.get("keepdims", "True") not in ("True", "False")):
            raise AnswerError(Text("sum takes axis=0 or axis=1 and keepdims=True or keepdims=False"), token.position)
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
    """The tree of ``text``, or AnswerError saying what is wrong and where.

    >>> parse("2x")
    BinOp(op='*', left=Num(text='2', position=0), right=Name(name='x', position=1), position=1)
    >>> parse("a(1-a)").op, parse("sigma(z)").function
    ('*', 'sigmoid')
    >>> parse("__import__('os')")
    Traceback (most recent call last):
    ...
    mathcore.answer.AnswerError: Unexpected character "'" (U+0027): use letters, digits and + - * / ^ ** @ ( ) .T (at position 12)
    """
    parser = _Parser(tokenize(text))
    node = parser.expr()
    if parser.token.kind != "end":
        raise AnswerError(Text("Unexpected {token!r} after a complete expression", token=parser.token.text),
                          parser.token.position)
    return node


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
            return "-" + to_latex(operand)
        case Transpose(operand):
            inner = to_latex(operand)
            return (rf"\left({inner}\right)" if isinstance(operand, (BinOp, Neg)) else inner) + r"^{\top}"
        case Call("sum", (argument,)):
            axis = node.keyword("axis")
            return (r"\sum_{\text{axis } " + axis + "}" if axis else r"\sum") + rf"\left({to_latex(argument)}\right)"
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


def _grouped(node):
    """A factor's LaTeX, in parentheses if it is a sum or a difference."""
    text = to_latex(node)
    return rf"\left({text}\right)" if isinstance(node, BinOp) and node.op in "+-" else text
