"""The hand-labelled notes (tests/notes/corpus, issue #34 item 6): the corpus is well-formed, and the reader meets the
issue's goals on it: no right formula called wrong and no slip called right, every formula once misjudged against a
fixed target now read in its setting (FORMER), ≥ 95 % of standard claims recognised, ≥ 98 % of verdicts correct and
every labelled slip caught (``python -m benchmarks.notes_corpus`` gives the table)."""

import functools
import json
import re

import nbformat
import pytest

from benchmarks import notes_corpus

NOTES = sorted(p for p in notes_corpus.CORPUS.iterdir() if p.suffix in notes_corpus.NOTE_SUFFIXES)
NAMES = [p.name for p in NOTES]


def labels_of(path):
    return json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))


def source_lines(path, cell=None):
    """The lines a label's line number counts: the note's, or one notebook cell's."""
    if cell is None:
        return path.read_text(encoding="utf-8").splitlines()
    return nbformat.read(str(path), as_version=4).cells[cell].source.splitlines()


@pytest.mark.parametrize("name", NAMES)
def test_each_label_is_well_formed_and_its_source_is_on_its_line(name):
    path = notes_corpus.CORPUS / name
    data = labels_of(path)
    assert data["note"] == name and data["language"] in ("en", "ko", "zh") and data["formulas"]
    previous = {}
    for label in data["formulas"]:
        where = f"{name}:{label.get('cell', '')}:{label['line']} {label['source']!r}"
        assert re.fullmatch(r"[a-z][A-Za-z0-9_]*", label["claim"]), where
        assert label["right"] in (True, False, None) and isinstance(label["standard"], bool), where
        if label["claim"] in ("fragment", "definition"):
            assert label["right"] is None and not label["standard"], where
        else:
            assert label["right"] is not None, where
        assert label["right"] is not False or label.get("slip"), where  # a wrong formula says its slip
        assert all(re.fullmatch(r"[a-z][A-Za-z0-9_]*", key) for key in label.get("accept", ())), where
        lines = source_lines(path, label.get("cell"))
        assert 1 <= label["line"] <= len(lines) and label["source"] in lines[label["line"] - 1], where
        place = (label.get("cell", -1), label["line"])
        assert place >= previous.get("place", place), f"{where}: labels are in the note's order"
        previous["place"] = place


def test_every_note_has_a_label_file_and_every_label_file_a_note():
    beside = {p.name.removesuffix(".labels.json") for p in notes_corpus.CORPUS.glob("*.labels.json")}
    assert beside == {p.stem for p in NOTES}


def test_the_corpus_has_the_styles_it_is_for():
    """Korean, English and Chinese; a notebook; a note over 20,000 characters; slips and non-claims in it."""
    data = [labels_of(p) for p in NOTES]
    assert {d["language"] for d in data} == {"en", "ko", "zh"}
    assert any(p.suffix == ".ipynb" for p in NOTES)
    assert max(len(p.read_text(encoding="utf-8")) for p in NOTES) > 20_000
    every = [label for d in data for label in d["formulas"]]
    assert sum(label["right"] is False for label in every) >= 20
    assert {"fragment", "definition"} <= {label["claim"] for label in every}


@pytest.mark.parametrize("path", [p for p in NOTES if p.suffix == ".ipynb"], ids=lambda p: p.name)
def test_a_notebook_is_valid_nbformat_4_with_markdown_and_code(path):
    book = nbformat.read(str(path), as_version=4)
    nbformat.validate(book)
    assert book.nbformat == 4 and {"markdown", "code"} <= {cell.cell_type for cell in book.cells}


@functools.lru_cache(maxsize=None)
def readings():
    """{note name: today's reading}, a note over the reader's caps read in parts under them."""
    return {reading.note.name: in_parts or reading for reading, in_parts in notes_corpus.measure()}


SQUARED = "the squared error, which the note introduces as the loss it will not use, is judged as the loss"
LOSS_AT_Y = "the loss for y = 1 (or y = 0) alone is judged as the whole loss L(ŷ, y)"
TANH = "tanh, named by its bullet or written out, is judged as the sigmoid (g and a default to σ)"
TANH_SLOPE = "tanh's slope is judged against the sigmoid's (g'(z) defaults to σ'(z))"
LINEAR = "the linear activation g(z) = z of the why-non-linear argument is judged as the sigmoid"
CONDITION = "the condition 'at z = 10' (or 0) is read as a claim for z = wᵀx + b"
VALUE = "σ'(0) = 1/4, a value at one point, is judged as the slope function"
PIECE = "one piece of ReLU's (or leaky ReLU's) slope, for z < 0, is judged against the sigmoid's slope"
HIDDEN_DZ = "the hidden layer's dZ^{[1]} = A^{[1]} − Y is judged as the output layer's dZ (every dZ is A − Y)"
RELU = "ReLU (or leaky ReLU), named by its bullet, is judged as the sigmoid (g defaults to σ)"
ONE_UNIT_DB = "week 2's db = np.sum(dZ) / m (one unit: a number) is judged as a layer's db, a column (n, 1)"
GRAPH = "the computation graph's dJ/db (J = 3v) is read as the cost's ∂J/∂b and its chain as ∂L/∂b's"

#: Verdicts the reader gave before each claim was judged in its setting (mathcore.claims): (note, line, labelled
#: source): (the verdict it gave, why). Each must no longer get it; none may come back.
FORMER = {
    ("ko_logistic.md", 25, r"L(\hat{y}, y) = \frac{1}{2}(\hat{y} - y)^2"): ("wrong", SQUARED),
    ("ko_logistic.md", 31, r"L = -\log\hat{y}"): ("wrong", LOSS_AT_Y),
    ("ko_logistic.md", 32, r"L = -\log(1-\hat{y})"): ("wrong", LOSS_AT_Y),
    ("zh_shallow.md", 46, r"g(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}}"): ("wrong", TANH),
    ("zh_shallow.md", 46, "g'(z) = 1 - (tanh(z))^2 = 1 - a^2"): ("wrong", TANH_SLOPE),
    ("zh_shallow.md", 89, "dZ^{[1]} = A^{[1]} - Y"): ("right", HIDDEN_DZ),
    ("en_weeks1to4_long.md", 43, r"\mathcal{L}(\hat{y}, y) = \frac{1}{2}(\hat{y} - y)^2"): ("wrong", SQUARED),
    ("en_weeks1to4_long.md", 232, r"a = \tanh(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}}"): ("wrong", TANH),
    ("en_weeks1to4_long.md", 240, "g(z) = z"): ("wrong", LINEAR),
    ("en_weeks1to4_long.md", 240, "a^{[1]} = z^{[1]} = W^{[1]}x + b^{[1]}"): ("wrong", LINEAR),
    ("en_weeks1to4_long.md", 244, "z = 10"): ("wrong", CONDITION),
    ("en_weeks1to4_long.md", 244, "z = 0"): ("wrong", CONDITION),
    ("en_weeks1to4_long.md", 244, r"g'(z) = \frac{1}{4}"): ("wrong", VALUE),
    ("en_weeks1to4_long.md", 245, r"g'(z) = 1 - (\tanh(z))^2"): ("wrong", TANH_SLOPE),
    ("en_weeks1to4_long.md", 245, r"a = \tanh(z)"): ("wrong", TANH),
    ("en_weeks1to4_long.md", 246, "g'(z) = 0"): ("wrong", PIECE),
    ("en_weeks1to4_long.md", 247, "g'(z) = 0.01"): ("wrong", PIECE),
    # found since the reader reads aligned rows and code (mathcore.reading), and judged against the wrong target:
    ("en_aligned.md", 49, r"g(z) &= \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} \\"): ("wrong", TANH),
    ("en_codespans.md", 26, "db = np.sum(dZ) / m"): ("wrong", ONE_UNIT_DB),
    ("en_codespans.md", 32, "g(z) = np.tanh(z)"): ("wrong", TANH),
    ("en_codespans.md", 32, "g'(z) = 1 - np.tanh(z)^2"): ("wrong", TANH_SLOPE),
    ("en_codespans.md", 33, "g(z) = np.maximum(0, z)"): ("wrong", RELU),
    ("en_codespans.md", 34, "g(z) = np.maximum(0.01 * z, z)"): ("wrong", RELU),
    ("en_weeks1to4_long.md", 71, r"\frac{dJ}{db} = \frac{dJ}{du}\frac{du}{db} = 3c"): ("wrong", GRAPH),
    ("en_weeks1to4_long.md", 138, "db = np.sum(dZ) / m"): ("wrong", ONE_UNIT_DB),
    ("ko_backticks.md", 41, "db = np.sum(dZ) / m"): ("wrong", ONE_UNIT_DB),
    ("ko_backticks.md", 46, "g'(z) = 1 - a^2"): ("wrong", TANH_SLOPE),
}


def verdict_on(key):
    """Today's finding on one labelled formula (None if the reader did not find it)."""
    name, line, source = key
    reading = readings()[name]
    (index,) = [i for i, label in enumerate(reading.note.labels)
                if label["line"] == line and label["source"] == source and "cell" not in label]
    return reading.finding_for(index)


@pytest.mark.parametrize("name", NAMES)
def test_no_right_formula_is_called_wrong_nor_a_slip_right(name):
    figures = notes_corpus.figures(readings()[name])
    found = [("wrong", case) for case in figures.false_wrong] + [("right", case) for case in figures.false_right]
    assert not found, "verdicts against the labels ((verdict, (note, cell, line, source, why))): " + repr(found)


@pytest.mark.parametrize("key", list(FORMER), ids=lambda key: f"{key[0]}:{key[1]}")
def test_a_formerly_misjudged_formula_is_found_and_no_longer_gets_its_old_verdict(key):
    """Each was misjudged by the fixed-target reader (FORMER says why); read in its setting it is not."""
    finding = verdict_on(key)
    assert finding is not None and finding.status != FORMER[key][0], finding.hint or finding.message


def test_the_reader_meets_the_goals_of_issue_34_on_the_corpus():
    """≥ 95 % of standard claims recognised, ≥ 98 % of verdicts correct, every labelled slip caught (each note over
    the reader's caps read in parts, as the benchmark reads it)."""
    total = notes_corpus.Figures()
    for reading in readings().values():
        total.add(notes_corpus.figures(reading))
    assert total.recognised >= 0.95 * total.standard, (total.recognised, total.standard)
    assert total.correct >= 0.98 * total.judged, (total.correct, total.judged)
    assert total.caught == total.slips, (total.caught, total.slips)


def test_the_benchmark_prints_the_recognition_figures(capsys):
    """The goals of later work (≥ 95 % of standard claims recognised, ≥ 98 % of verdicts correct, every slip
    caught) are printed here, not asserted: ``pytest -rP`` shows them."""
    assert notes_corpus.main([]) == 0
    table = capsys.readouterr().out
    assert all(name in table for name in NAMES) and "total" in table
    print(table)
