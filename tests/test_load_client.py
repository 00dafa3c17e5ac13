"""The load client (benchmarks.stclient, benchmarks.locustfile) speaks Streamlit's protocol: pages open, a
move reaches the widget it names, failures are reported. Counts and messages only: its timings are
benchmarks.capacity's figures, never asserted."""

import csv
import os
import subprocess
import sys

import pytest

from benchmarks.stclient import ANSWERS, NOTES, Learner
from serving import ROOT, streamlit_server


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


@pytest.mark.parametrize("path, kind", [("", "slider"), ("cost-surface", "slider"), ("every-derivation", "selectbox"),
                                        ("check-my-derivation", "text_input"), ("check-my-notes", "text_area")])
def test_a_learner_opens_a_page_and_moves_its_first_control(url, path, kind):
    learner = Learner(url)
    try:
        learner.open(path)
        assert learner.widgets and learner.widgets[0][0] == kind and learner.page_hash
        for k in range(3):
            learner.move(k)
        assert learner.runs == 4
    finally:
        learner.close()


def test_a_move_reaches_the_widget_it_names(url):
    """The checker's answer box, set over the websocket, is judged: the widget state was the server's."""
    learner = Learner(url)
    try:
        learner.open("check-my-derivation")
        assert not learner.alerts
        learner.move(0)  # ANSWERS[0] is dL/da for cross-entropy, the page's default target
        assert ANSWERS[0] == "-y/a + (1-y)/(1-a)" and any("Equivalent" in text for text in learner.alerts)
        learner.move(3)  # y/a: wrong
        assert any("Not equivalent" in text for text in learner.alerts)
    finally:
        learner.close()


def test_a_note_is_checked_as_if_its_button_were_pressed(url):
    """The notes page checks a note only when its form is submitted: the move sends the note and the press."""
    learner = Learner(url)
    try:
        learner.open("check-my-notes")
        assert not learner.alerts
        learner.move(1)
        assert NOTES[1] == "$\\hat y = \\sigma(w^T x + b)$"  # judged right: a line of the folded list of right ones
        assert any("Right" in text for text in learner.texts) and not learner.alerts
        assert len(learner.states) == 1  # the press is not sent again with the next move
    finally:
        learner.close()


def test_locust_runs_learners_and_reports_no_failure(url, tmp_path):
    prefix = tmp_path / "locust"
    subprocess.run([sys.executable, "-m", "locust", "-f", "benchmarks/locustfile.py", "--headless", "-u", "3",
                    "-r", "3", "-t", "12s", "--host", url, "--csv", str(prefix), "--only-summary"],
                   cwd=ROOT, check=True, capture_output=True, env={**os.environ, "LOCUST_THINK": "0.5,1"})
    with open(f"{prefix}_stats.csv") as f:
        rows = {row["Name"]: row for row in csv.DictReader(f)}
    assert int(rows["open"]["Request Count"]) >= 3 and int(rows["move"]["Request Count"]) >= 3
    assert int(rows["Aggregated"]["Failure Count"]) == 0, (prefix.parent / "locust_failures.csv").read_text()
