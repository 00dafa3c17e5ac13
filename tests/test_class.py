"""A made-up class graded against a hand-made key (#38 item 5): 30 students x 10 answers (tests/class/answers.csv)
and 30 notes (tests/class/notes/), every verdict in tests/class/key.csv (written by tests/class/make_class.py, each
form labelled by hand). Graded as a teacher does, through a pool of two workers; a repeated pair is judged once."""

import csv
from pathlib import Path

import pytest

from mathcore import batch, classnotes, notes
from tests.test_checker import pool  # noqa: F401 (a fixture: a pool of two workers for the module)

CLASS = Path(__file__).parent / "class"
#: A finding's status as the key names it, from the report row's verdict (a formula's claim not recognised: its own).
STATUS = {"equivalent": "right", "not equivalent": "wrong", "could not decide": "not judged", "invalid": "not judged"}


@pytest.fixture(scope="module")
def key():
    return {(kind, student, where): verdict
            for kind, student, where, verdict in list(csv.reader(open(CLASS / "key.csv", encoding="utf-8")))[1:]}


def test_the_class_is_30_students_with_10_answers_and_a_note_each(key):
    sheet = batch.read((CLASS / "answers.csv").read_text(encoding="utf-8"))
    assert len(sheet.rows) == 300 and len({row.student for row in sheet.rows}) == 30
    assert {row.target for row in sheet.rows} == {target for kind, _, target in key if kind == "answer"}
    assert len(classnotes.read_folder(CLASS / "notes").papers) == 30


def test_every_answer_gets_the_keys_verdict(key, pool):
    sheet = batch.read((CLASS / "answers.csv").read_text(encoding="utf-8"))
    got = {("answer", row.student, row.target): verdict.status for row, verdict in batch.grade(sheet.rows, pool=pool)}
    assert got == {k: v for k, v in key.items() if k[0] == "answer"}


def test_every_note_formula_gets_the_keys_verdict(key, pool):
    def check_note(paper):
        return notes.check_note(paper.text, check=lambda target, part: batch.judged(pool, target, part, paper.student))
    results = classnotes.grade(classnotes.read_folder(CLASS / "notes"), check_note, threads=batch.THREADS)
    got = {("note", row.student, str(row.n)): "not recognised" if row.target == classnotes.NOT_RECOGNISED
           else STATUS[verdict.status] for row, verdict in results}
    assert got == {k: v for k, v in key.items() if k[0] == "note"}
