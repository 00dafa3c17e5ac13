"""Korean and wording (#36.6): no particle guessed by a template, SymPy's words in Korean formulas, the records'
names where a derivation is named, words for learners, an honest upload limit, a start-here overview from the one
list of pages. What only a browser shows (the sidebar's fold, the console, the uploader) is in
tests/browser/test_text.py."""

import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from i18n.__main__ import extracted, read
from lessons import PAGES
from mathcore import CATALOGUE
from mathcore.derivations import derivation
from mathcore.functions import ACTIVATIONS
from ui.derivation_view import spoken

ROOT = Path(__file__).resolve().parents[1]
#: A Korean particle whose form depends on the last sound of the word before it (이/가, 은/는, 을/를, 와/과, 으로/로):
#: right after a {placeholder}, whose value the translator cannot see, it is a guess; "(가)"-style pairs show both.
GUESSED = re.compile(r"\}(이|가|은|는|을|를|와|과|으로|로)(?=[\s,.:;)!?]|$)|[이은을와과]\((가|는|를|과|와)\)|\(으\)로")


def korean_strings():
    for message in read("ko"):
        if message.id:
            yield from (message.string if isinstance(message.string, tuple) else (message.string,))


def test_no_korean_particle_is_chosen_by_a_template():
    """Before: "ReLU이(가)", "{right}이(가) 맞고", "{activation}(으)로", "α = {alpha:g}는"."""
    assert GUESSED.search("여기서는 {best}이(가) 가장 먼저") and GUESSED.search("α = {alpha:g}는 너무")
    assert not GUESSED.search("{n}가지 크기") and not GUESSED.search("$J$는 볼록")  # a counter; a formula we know
    assert [text for text in korean_strings() if text and GUESSED.search(text)] == []


def test_two_sliders_of_the_training_page_do_not_share_a_korean_label():
    i18n.use("ko")
    try:
        assert i18n.gettext("after iteration") != i18n.gettext("iterations")  # both were "반복 횟수"
    finally:
        i18n.use("en")


RELU = r"\begin{cases} a - y & \text{for}\: z > 0 \\0 & \text{otherwise} \end{cases}"


def test_a_piecewise_formula_speaks_korean_in_korean():
    assert spoken(RELU) == r"\begin{cases} a - y & \text{for }z > 0\\0 & \text{otherwise} \end{cases}"
    i18n.use("ko")
    try:
        assert spoken(RELU) == r"\begin{cases} a - y & z > 0\text{일 때}\\0 & \text{그 외} \end{cases}"
    finally:
        i18n.use("en")


def test_every_derivation_is_named_by_its_records_names_never_by_their_keys():
    """Before: "dL/dz (squared error, leaky_relu)", "dL/dz (squared error, relu)"."""
    titles = [str(derivation(key).title) for key in CATALOGUE]
    assert "dL/dz (squared error, ReLU)" in titles
    keys = [key for key, g in ACTIVATIONS.items() if key not in str(g.name)]  # relu, leaky_relu: not how it is named
    assert [title for title in titles if any(re.search(rf"\b{key}\b", title) for key in keys)] == []


def test_the_pages_never_ask_a_learner_to_run_a_command_of_the_project():
    """Before: the vectorization page said its speed "is measured by `python -m benchmarks`"."""
    shown = [m.id for m in extracted() if m.id and any(place.startswith("lessons/") for place, _ in m.locations)]
    assert [text for text in shown if "python -m benchmarks" in str(text)] == []


def test_an_upload_is_at_most_1_mb_as_the_page_says():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == 1  # Streamlit's default: 200 MB, for a note of 20,000 characters
    assert "max_upload_size=1" in (ROOT / "lessons" / "notes.py").read_text()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_home_page_starts_with_every_other_page_in_the_courses_order(lang):
    at = AppTest.from_file("../app.py", default_timeout=120)
    if lang == "ko":
        at.query_params["lang"] = "ko"
    at.run()
    assert not at.exception
    linked = [link.proto.page for link in at.get("page_link")]
    assert linked[:len(PAGES) - 1] == [lesson.url_path for lesson in PAGES if lesson.url_path]
    i18n.use(lang)
    try:
        assert at.subheader[0].value == i18n.gettext("Start here")  # before the first derivation's heading
    finally:
        i18n.use("en")

