"""Both languages complete: the Korean catalogue has every message of the code, each translated with the
same placeholders, LaTeX and code; every page in Korean shows no message without a translation and no
English sentence that skipped the catalogue; the language switch lives in the URL."""

import re
import string
from xml.etree import ElementTree

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from i18n.__main__ import extracted, read, untranslated
from mathcore.datasets import breast_cancer_feature_names
from tests.test_app_router import routed_pages

TIMEOUT = 120
MATH = re.compile(r"\$[^$]*\$")
CODE = re.compile(r"`[^`]*`")


def fields(text):
    """The {placeholders} outside code spans (a code span such as `\\frac{1}{m}` is literal, never formatted)."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(CODE.sub("", text)) if name is not None)


def test_catalogue_has_every_message_of_the_code_translated():
    code, korean = extracted(), read("ko")
    in_code = {m.id for m in code if m.id}
    in_catalogue = {m.id for m in korean if m.id}
    assert not in_code - in_catalogue, "run python -m i18n update, then translate"
    assert not in_catalogue - in_code, "run python -m i18n update to drop messages the code no longer has"
    assert not [m.id for m in untranslated(korean)]


def test_translations_keep_placeholders_latex_and_code():
    for message in read("ko"):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        for target in targets:
            source = sources[-1]
            assert fields(target) == fields(source), (source, target)
            assert sorted(MATH.findall(target)) == sorted(MATH.findall(source)), (source, target)
            assert sorted(CODE.findall(target)) == sorted(CODE.findall(source)), (source, target)


def test_strict_mode_catches_a_message_with_no_translation():
    i18n.use("ko")
    try:
        i18n.STRICT = True
        with pytest.raises(i18n.MissingTranslation):
            i18n.gettext("A sentence nobody has translated")
        assert i18n.gettext("$a - y$") == "$a - y$"  # math stays math
    finally:
        i18n.STRICT = False
        i18n.use("en")


def visible_text(at):
    """Every text the page shows: titles, prose and tables, captions, alerts, labels, metric labels, tab labels."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                                  "error", "success") for e in at.get(kind)]
    texts = [text for value in texts for text in (diagram_text(value) if "<svg " in value else [value])]
    texts += [w.label for kind in ("slider", "number_input", "select_slider", "selectbox", "radio", "checkbox",
                                   "text_input", "button") for w in at.get(kind)]
    texts += [m.label for m in at.metric] + [t.label for t in at.tabs] + [e.label for e in at.expander]
    return texts


def diagram_text(svg):
    """What a diagram drawn as SVG (``charts.svg``) says: its title and its texts, not its markup."""
    return [e.text for e in ElementTree.fromstring(svg).iter() if e.tag.endswith(("}text", "}title"))]


#: Names that stay in English in Korean text, as Korean courses write them.
KEPT = re.compile(r"SymPy|NumPy|Python|scikit-learn|LogisticRegression|Jupyter|LaTeX|Markdown|Deep Learning "
                  r"Specialization|Neural Networks and Deep Learning|NN Math Explorer|Language|leaky ReLU|ReLU|tanh|"
                  r"float64|lambdify|keepdims|A_prev|X_train|Y_train|X_test|J_sklearn|w_sklearn|np\.\w+")


#: The breast-cancer table's feature names, shown as scikit-learn ships them (data, not interface).
FEATURES = re.compile("|".join(sorted(map(re.escape, breast_cancer_feature_names()), key=len, reverse=True)))


def english_runs(text):
    """Runs of three or more English words left in a Korean text, after math, code, kept names and data."""
    text = FEATURES.sub(" ", KEPT.sub(" ", CODE.sub(" ", MATH.sub(" ", text))))
    return re.findall(r"\b[A-Za-z]{2,}(?:[ ,;:'’-]+[A-Za-z]{2,}){2,}\b", text)


def korean(script, tab=None):
    """``script`` run in Korean, in a new session; ``tab``: (key, label) of a tab chosen before it is drawn."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.query_params["lang"] = "ko"
    at.run()
    if tab:  # set before the page first runs: a rerun in the test runner re-reads every widget in English
        at.session_state[tab[0]] = tab[1]
    return at.switch_page(script).run()


@pytest.mark.parametrize("script", routed_pages())
def test_every_page_in_korean_is_complete(script):
    i18n.STRICT, i18n.MISSING = True, set()
    try:
        at = korean(script)
        runs = [at]
        for key in [key for key in at.session_state.keys() if str(key).endswith(":tab")]:  # ui open_tab's
            for i, tab in enumerate(at.tabs[1:], 1):  # only the chosen tab is drawn: draw each in turn
                runs.append(korean(script, (key, tab.label)))
                assert runs[-1].tabs[i].children, tab.label
        for run in runs:
            assert not run.exception, run.exception
        assert not i18n.MISSING
        leftovers = {text for run in runs for text in visible_text(run) for text in english_runs(text)}
        assert not leftovers, f"English left on {script}: {leftovers}"
        assert at.query_params["lang"] == "ko"
    finally:
        i18n.STRICT = False


def test_the_english_heuristic_sees_english():
    assert english_runs("Every step is proved equal") and not english_runs("모든 단계를 SymPy가 증명 $a - y$")


def test_language_switch_is_remembered_in_the_url():
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()
    assert at.title[0].value == "Why does ∂L/∂z = a − y?" and "lang" not in at.query_params
    at.radio(key="lang").set_value("ko").run()
    assert at.title[0].value == "왜 ∂L/∂z = a − y인가?"
    assert at.query_params["lang"] == "ko"
    at.radio(key="lang").set_value("en").run()
    assert "lang" not in at.query_params


BAD_INPUT = ["", "a" * 301, "a $ y", "123456789", "(" * 20 + "a", "a ^ 99", "2 3", "sigma", "sum(dZ, axis=2)",
             "exp(a, y)", "a - y)", "q - y", "a - ", "dZ @ A_prev", "dZ * A_prev.T", "dZ.T @ A_prev / m"]


def test_every_checker_and_detective_message_has_its_korean():
    """The checker's verdicts are built at run time (points, shapes, hints): each kind, translated under STRICT."""
    from itertools import product

    from mathcore.checker import TARGETS, check
    from mathcore.gradcheck import THRESHOLDS, verdict
    from mathcore.vectorization import OPERANDS, check_db, check_dW
    from tests.corpora import WRONG

    answers = [(target, answer) for target, answer, _ in WRONG] + [
        (target, text) for target in ("dL_dz_cross_entropy_sigmoid", "dW") for text in BAD_INPUT]
    verdicts = [check(target, text) for target, text in answers]
    detective = [check_dW(*choice) for choice in product(OPERANDS, ["@", "*"], OPERANDS, [True, False])]
    detective += [check_db(*choice) for choice in product([0, 1], [True, False], [True, False])]
    i18n.use("ko")
    i18n.STRICT = True
    try:
        for v in verdicts:
            for text in (v.message, v.hint, v.evidence):
                assert not text or re.search("[가-힣]", i18n.gettext(text)), text
        for v in detective:
            assert re.search("[가-힣]", i18n.gettext(v.message)), v.message
        for target in TARGETS.values():
            i18n.gettext(target.title)
        for bound, word in THRESHOLDS + ((None, verdict(1.0).message),):
            assert re.search("[가-힣]", i18n.gettext(word))
    finally:
        i18n.STRICT = False
        i18n.use("en")
