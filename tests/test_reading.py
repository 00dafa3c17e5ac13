r"""The formula finder (mathcore.reading, issue #34 item 1): every place a note puts math, each claim on its line.

Small notes written here, one per place math hides (dollars, brackets, environments, fences, code spans, NumPy
blocks, plain Unicode lines, notebook cells), the hand-labelled corpus (every labelled formula found on its line,
as its source says it), and hostile input (too long, binary, not a notebook, deep nesting, \def and \input) met
with a clear message or read as text.
"""

import json

import nbformat
import pytest

from benchmarks import notes_corpus
from mathcore import notes
from mathcore.reading import MAX_CHARS, MAX_FORMULAS, ReadError, code, latex, read, unicode


def found(text, name=""):
    return [(f.latex, f.line, f.kind, f.display) for f in read(text, name)]


def test_every_place_markdown_puts_math_is_read_on_its_own_line():
    note = "\n".join([
        "# Backward pass for $m$ examples",  # 1
        "",
        r"Inline $dz = a - y$ and \(db = dz\), shown \[dw = x\,dz\] too.",  # 3
        "",
        "$$", r"\hat{y} = \sigma(w^T x + b) \tag{1}", "$$",  # 5-7
        "",
        r"\begin{align}", r"Z &= W X + b \\", r"A &= \sigma(Z)", r"\end{align}",  # 9-12
        "",
        "```math", "dZ = A - Y", "```",  # 14-16
        "",
        "Kept in code: `dW = np.dot(dZ, X.T) / m`, then",  # 18
        "",
        "```python", "import numpy as np", "db = np.sum(dZ, axis=1, keepdims=True) / m", "```",  # 20-23
        "",
        "Typed on a phone:", "ŷ = σ(wᵀx + b)", "dZ = A − Y",  # 25-27
    ])
    assert found(note) == [
        ("m", 1, "latex", False),
        ("dz = a - y", 3, "latex", False), ("db = dz", 3, "latex", False), (r"dw = x\,dz", 3, "latex", True),
        (r"\hat{y} = \sigma(w^T x + b)", 6, "latex", True),
        ("Z = W X + b", 10, "latex", True), (r"A = \sigma(Z)", 11, "latex", True),
        ("dZ = A - Y", 15, "latex", True),
        ("dW = np.dot(dZ, X.T) / m", 18, "numpy", False),
        ("db = np.sum(dZ, axis=1, keepdims=True) / m", 22, "numpy", True),
        ("ŷ = σ(wᵀx + b)", 26, "unicode", True), ("dZ = A − Y", 27, "unicode", True)]


def test_a_formula_after_a_code_span_over_two_lines_keeps_its_line():
    assert found("a `dz =\nb` c\nd $z = 1$") == [("dz = b", 1, "numpy", False), ("z = 1", 3, "latex", False)]


def test_prices_escaped_dollars_commands_and_latex_in_code_are_not_formulas():
    note = ("Costs $5 and $10, an escaped \\$3, `pip install numpy`, `see $x$`, `import numpy as np`.\n\n"
            "```python\ntitle = \"$J$ falls\"\nprint(dW)\nfor i in range(m):\n    pass\n```\n\n"
            "```bash\nx = 1\n```\n\nThe result = a number of things.\n")
    assert found(note) == []


def test_front_matter_is_not_read_and_two_dollar_pairs_on_one_line_are_two_formulas():
    note = "---\ntitle: a = b\n---\n\n- $$W : (n, m)$$, $$b : (n, 1)$$\n"
    assert found(note) == [("W : (n, m)", 5, "latex", False), ("b : (n, 1)", 5, "latex", False)]


@pytest.mark.parametrize("source, claims", [
    (r"\begin{aligned} dZ &= A - Y \\ dW &= \frac{1}{m} dZ X^T \end{aligned}",
     ["dZ = A - Y", r"dW = \frac{1}{m} dZ X^T"]),
    (r"\begin{aligned} \frac{dL}{dz} &= \frac{dL}{da} \frac{da}{dz} \\ &= a - y \tag{2} \end{aligned}",
     [r"\frac{dL}{dz} = \frac{dL}{da} \frac{da}{dz}", r"\frac{dL}{dz} = a - y"]),
    (r"\begin{equation} \begin{split} J &= -(y \log a \\ &+ (1 - y) \log(1 - a)) \end{split} \end{equation}",
     [r"J = -(y \log a + (1 - y) \log(1 - a))"]),
    (r"dz = a - y, \quad db = dz \qquad \text{(one example)}", ["dz = a - y", "db = dz"]),
    (r"z = w^T x + b \label{eq:z} \nonumber", ["z = w^T x + b"]),
    (r"\displaystyle \left. dz = a - y \right.", ["dz = a - y"]),
    (r"\begin{align*} a &= 1 & b &= 2 \\ c &= 3 & d &= 4 \end{align*}", ["a = 1", "b = 2", "c = 3", "d = 4"]),
    (r"\left\{ \begin{array}{l} Z = W A + b \\ A = g(Z) \end{array} \right.", ["Z = W A + b", "A = g(Z)"]),
    (r"Z_1 = W_1 X + b_1 \\ A_1 = \tanh(Z_1)", ["Z_1 = W_1 X + b_1", r"A_1 = \tanh(Z_1)"]),
    (r"g'(z) = \begin{cases} 0 & z < 0 \\ 1 & z > 0 \end{cases}",
     [r"g'(z) = \begin{cases} 0 & z < 0 \\ 1 & z > 0 \end{cases}"]),  # the value claimed, one claim
    (r"dz = \def\x{a}\x \input{/etc/passwd} \href{javascript:alert(1)}{y}",
     [r"dz = \def\x{a}\x \input{/etc/passwd} \href{javascript:alert(1)}{y}"]),  # read as text, never run
])
def test_latex_claims_one_a_row_chains_joined_to_their_left_side_and_tags_set_aside(source, claims):
    assert [claim for claim, _ in latex.claims(source)] == claims


def test_each_row_of_a_displayed_block_says_its_own_line():
    note = "$$\n\\begin{aligned}\na &= b \\\\\n  &= c \\\\\nd &= e\n\\end{aligned}\n$$\n"
    assert [(f.latex, f.line) for f in read(note)] == [("a = b", 3), ("a = c", 4), ("d = e", 5)]


def test_a_formula_too_deep_or_too_long_to_split_is_one_claim_as_written():
    deep = r"\begin{aligned}" * 30 + "a = b" + r"\end{aligned}" * 30
    braces = "{" * 200 + "a = b \\\\ c = d" + "}" * 200
    long = r"a = b \\ " * (latex.MAX_LENGTH // 8)
    assert [len(latex.claims(source)) for source in (deep, braces, long)] == [1, 1, 1]
    assert latex.claims(r"a = b \end{aligned} \\ c = d") == [(r"a = b \end{aligned} \\ c = d", 0)]


def test_numpy_statements_are_one_claim_each_on_their_first_line():
    block = ("import numpy as np\n\ndef backward(dZ1, X, m):\n    dW1 = (1 / m) * np.dot(dZ1,\n"
             "                           X.T)  # a comment\n    db1 = np.sum(dZ1, axis=1, keepdims=True) / m\n"
             "    dZ1[Z1 <= 0] = 0\n    J += -np.log(A)\n    if m == 1:\n        print(dW1)\n"
             "    params['W' + str(l)] -= alpha * grads['dW' + str(l)]\n    assert dW1.shape == W1.shape\n"
             "    return dW1, db1\n>>> g = np.maximum(0, z)\n")
    assert code.statements(block) == [
        ("dW1 = (1 / m) * np.dot(dZ1, X.T)", 3), ("db1 = np.sum(dZ1, axis=1, keepdims=True) / m", 5),
        ("dZ1[Z1 <= 0] = 0", 6), ("J += -np.log(A)", 7),
        ("params['W' + str(l)] -= alpha * grads['dW' + str(l)]", 10), ("assert dW1.shape == W1.shape", 11),
        ("g = np.maximum(0, z)", 13)]


@pytest.mark.parametrize("text, verdict", [
    ("g'(z) = 1 - a**2", True), ("dW -= alpha * dW", True), ("a == b", False), ("a <= b", False),
    ("f(axis=1)", False), ('title = "J falls"', False), ("x = (1 + 2", True)])
def test_a_statement_assigns_only_outside_brackets_comparisons_and_strings(text, verdict):
    assert code.assignment(text) is verdict  # a prime (g') is no string's quote


@pytest.mark.parametrize("line", ["ŷ = σ(wᵀx + b)", "L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))", "dw = (1/m) X dZᵀ",
                                  "dW = np.dot(dZ, A_prev.T) / m", "θ := θ − α ∂J/∂θ", "dZ¹ = W²ᵀ dZ² * g′(Z¹)"])
def test_a_plain_formula_line_is_a_formula(line):
    assert unicode.is_formula(line)


@pytest.mark.parametrize("line", ["The result = a number", "x = the input layer", "손실 = a - y", "损失 = a - y",
                                  "Note: x = 3", "i.e. θ = θ - α dθ", "a == b", "dz is a - y", "= a - y"])
def test_a_sentence_is_not_a_formula_line(line):
    assert not unicode.is_formula(line)


def test_a_notebook_says_the_cell_and_the_line_in_it_of_each_formula():
    book = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## Forward\n\n$$Z = W A + b \\tag{1}$$"),
        nbformat.v4.new_code_cell("import numpy as np\n\ndef forward(W, A, b):\n    Z = np.dot(W, A) + b\n"
                                  "    return Z"),
        nbformat.v4.new_raw_cell("a = b"),
        nbformat.v4.new_markdown_cell("then `dZ = A - Y`")])
    text = nbformat.writes(book)
    expected = [("Z = W A + b", 0, 3, "latex"), ("Z = np.dot(W, A) + b", 1, 4, "numpy"), ("dZ = A - Y", 3, 1, "numpy")]
    assert [(f.latex, f.cell, f.line, f.kind) for f in read(text, "week4.ipynb")] == expected
    assert [(f.latex, f.cell, f.line, f.kind) for f in read(text)] == expected  # known by its JSON, unnamed


@pytest.mark.parametrize("text, words", [
    ("x" * (MAX_CHARS + 1), "reads at most 300,000"),
    ("a\x00b", "not a text note"),
    ("$a$ " * (MAX_FORMULAS + 1), "more than 5,000 formulas"),
])
def test_a_note_too_long_binary_or_with_too_many_formulas_gets_a_clear_message(text, words):
    with pytest.raises(ReadError, match=words):
        read(text)


@pytest.mark.parametrize("text", ["not json at all", "[1, 2]", '{"cells": 3}', "[" * 100_000 + "]" * 100_000])
def test_a_notebook_that_is_not_one_gets_a_clear_message(text):
    with pytest.raises(ReadError, match="not a Jupyter notebook"):
        read(text, "broken.ipynb")


@pytest.mark.parametrize("text", [
    "\\( " * 50_000, "\\begin{align}\n\n" * 10_000, "$$" + "\\begin{aligned}" * 5_000 + "$$", "`` " + "` " * 50_000,
    "$" + "{" * 100_000 + "$"])
def test_hostile_notes_are_read_without_a_crash(text):
    """Unclosed openers (each closing mark is looked for once), deep nesting (kept whole): read, nothing found
    that is not there. The suite's timeout, far above the reading's time, catches a reader gone quadratic."""
    assert len(read(text)) <= 1


# The corpus: every labelled formula found on its line, as its source says it (benchmarks.notes_corpus.normal:
# '&', '\\', \tag, \label and spaces aside; a chain's row '&= c' found as the claim 'a = c').
#: Labelled formulas the finder gives otherwise, and why.
DIFFERENT = {("en_weeks1to4_long.md", None, 25):
             "X = […] \\in …, \\qquad Y = […] \\in …: two claims at the \\qquad, labelled as one definition"}


def matched(path):
    """(labels, formulas found, labels found as themselves on their line: those not)."""
    labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))["formulas"]
    formulas, used, missing = read(path.read_text(encoding="utf-8"), path.name), set(), []
    for label in labels:
        want = notes_corpus.normal(label["source"])
        hit = next((number for number, f in enumerate(formulas) if number not in used and f.line == label["line"]
                    and f.cell == label.get("cell") and (notes_corpus.normal(f.latex) == want or (
                        want.startswith(("=", ":=")) and notes_corpus.normal(f.latex).endswith(want)))), None)
        used.add(hit)
        if hit is None:
            missing.append((path.name, label.get("cell"), label["line"]))
    return labels, formulas, missing


@pytest.mark.parametrize("path", [p for p in sorted(notes_corpus.CORPUS.iterdir())
                                  if p.suffix in notes_corpus.NOTE_SUFFIXES], ids=lambda p: p.name)
def test_every_labelled_formula_of_the_corpus_is_found_on_its_line(path):
    labels, formulas, missing = matched(path)
    assert missing == [key for key in DIFFERENT if key[0] == path.name]
    assert len(formulas) == len(labels) + len(missing)  # nothing found that is not labelled (but the known split)


def test_the_notes_checker_reads_with_the_finder():
    """check_note judges each row of an aligned block, each NumPy statement, each cell, each plain line."""
    note = ("$$\\begin{aligned} dZ &= A - Y \\\\ db &= \\frac{1}{m} \\sum_{i=1}^{m} dZ^{(i)} \\tag{3} \\end{aligned}$$"
            "\n\n```python\ndZ = A - Y\n```\n\nŷ = σ(wᵀx + b)\n")
    assert [(f.formula.latex, f.formula.line, f.formula.kind, f.status) for f in notes.check_note(note)] == [
        ("dZ = A - Y", 1, "latex", "right"), (r"db = \frac{1}{m} \sum_{i=1}^{m} dZ^{(i)}", 1, "latex", "right"),
        ("dZ = A - Y", 4, "numpy", "right"), ("ŷ = σ(wᵀx + b)", 7, "unicode", "right")]
