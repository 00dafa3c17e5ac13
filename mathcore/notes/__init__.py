r"""Check a learner's notes: every formula in a Markdown note found, recognised and judged against the catalogue.

A note is Markdown (or a Jupyter notebook). Its formulas are found by ``mathcore.reading``, wherever the note puts
math: ``$…$``, ``$$…$$``, ``\(…\)``, ``\[…\]``, amsmath environments (one formula a row, a chain's ``&= …`` rows
joined to their left-hand side, ``\tag`` and its kind set aside), NumPy in code spans and fenced code (one formula an
assignment), plain formula lines in Unicode, and a notebook's Markdown and code cells. Escaped dollars and prices
("$5 and $10") are not formulas.

Each formula is split at its '=' and ':=' signs. The first part says what the formula claims: its left-hand side is
recognised in the note's setting by the one registry of claims, ``mathcore.claims`` (the activation the section
names, the output layer or a hidden one, week 2 or a network), which names a checker target for each reading the
note allows (``mathcore.checker.TARGETS``). Every later part, in the learner's notation rewritten for the checker
(``mathcore.claims.notation``), is judged under those readings, in the four notations the checker reads, through the
caller's ``check`` (the app and the CLI pass the fair pool's, with its limits): right when one reading is (the
finding says which, where the note allowed more), wrong only when every reading that applies is. A chain-rule
product of partial derivatives (``\frac{\partial L}{\partial a} \frac{\partial a}{\partial z}``) is judged by
whether its links chain from the claim's top to its bottom, and ``\frac{1}{m}\sum_{i=1}^{m} L(…)`` for J is its
definition.

Each formula gets one ``Finding``: right; wrong, with the verdict's counterexample and hint and the right formula
(LaTeX, the note's notation); not judged (unreadable, or out of time), with why; or not recognised, said plainly.

>>> [(f.claim, f.status) for f in check_note(r"Then $dz = a - y$ and $\hat{y} = w^T x + b$, at $5 or $10.")]
[('dL_dz_cross_entropy_sigmoid', 'right'), ('yhat', 'wrong')]
"""

import re
from dataclasses import dataclass, field

from mathcore.answer import AnswerError, equals_signs, names, read as read_answer
from mathcore.checker import SLOPES, TARGETS, check as check_directly
from mathcore.claims import Setting, recognise, settings
from mathcore.judge import Outcome
from mathcore.numpy_forms import ACTIVATION, PRE_ACTIVATION
from mathcore.reading import MAX_CHARS as READ_MOST, Formula, is_notebook, read as find_formulas
from mathcore.text import Text

# The page's caps (the CLI reads a note whole: read_note(…, whole=True)): one learner must not hold the shared pool
# (mathcore.checkpool.WORKER_SECONDS_PER_MINUTE). What a cap leaves is said in the report, which names the CLI.
MAX_NOTE = 60_000  # characters the page reads of one note (the rest, from a line break, is left for the CLI)
MAX_FORMULAS = 60  # formulas the page judges in one note
MAX_CHECKS = 2 * MAX_FORMULAS  # parts sent to the checker for one note (a formula with many '=' has many)
CLI = "python -m mathcore notes FILE"
_AT = "{message} (at position {position})"  # mathcore.answer.AnswerError's message: its position becomes data

#: Each derivative target's (top, bottom), for judging a chain-rule product written for it when its left-hand side is
#: not a fraction itself (dz = ∂L/∂a ∂a/∂z).
CHAIN_ENDS = {"dL_dz_cross_entropy_sigmoid": ("L", "z"), "dL_da_cross_entropy": ("L", "a"), "da_dz": ("a", "z"),
              "dL_dw_j": ("L", "w_j"), "dL_db": ("L", "b"), "dJ_dw": ("J", "w"), "dW": ("J", "W"), "db": ("J", "b")}

_PARTIAL = re.compile(r"\\frac\{(?:\\partial|d)(?P<top>[A-Za-zŷ]+(?:_[A-Za-z0-9]+)?)\}"
                      r"\{(?:\\partial|d)(?P<bottom>[A-Za-zŷ]+(?:_[A-Za-z0-9]+)?)\}")
#: What a displayed formula may end with that is prose, not math: commas, full stops, spaces, "\quad \text{where}".
_PROSE_ENDS = (r"\qquad", r"\quad", r"\,", r"\;", r"\:", r"\!", "\\ ")
_MEAN_OF_LOSSES = re.compile(r"(?P<minus>-)?(?:\\frac\{1\}\{m\}|\(1/m\)\*?|1/m\*?)(?:\\sum(?:_\{?i(?:=1)?\}?)?"
                             r"(?:\^\{?m\}?)?|[Ss]um|Σ)[\[(]?L(?:\(|\)|$)")
#: Claims a bare name on the right only names: a = ŷ, a^{[0]} = x (notation, not a formula).
NAMED = {"a_layer", "yhat", "z_layer", "z_linear", "sigmoid", "tanh", "relu", "leaky_relu"}
_BARE = re.compile(r"\\?[A-Za-zŷ]+(?:\{[A-Za-z]\})?(?:\^\{?(?:\[[^\]]*\]|\(i\))+\}?)?")
_NUMBER = re.compile(r"-?[0-9.]+|-?\\frac\{[0-9]+\}\{[0-9]+\}|\\approx0")


@dataclass(frozen=True)
class Finding:
    """What the checker says of one formula."""

    formula: Formula
    status: str  # "right", "wrong", "not judged", "not recognised"
    claim: str = ""  # the target key it was recognised as
    message: str = ""
    hint: str = ""
    corrected: str = ""  # LaTeX of the right formula, for a wrong one
    readings: tuple = field(default=())  # LaTeX of how each judged part was read
    checked: str = ""  # the part the checker could not read, for pointing at ``position`` in it
    position: int | None = None  # where in ``checked`` the checker stopped (0-based), never said as "position N"
    left: int = 0  # formulas this finding stands for that a cap left unjudged (itself included): the CLI reads them

    @property
    def outcome(self):
        """The checker outcome this finding is shown as (pages style by it, never by the status's words)."""
        return STATUSES[self.status]


def formulas(markdown):
    """Every formula of a note (Markdown, or a notebook's JSON), in order, one a claim, each with its line and kind
    (mathcore.reading.read: ReadError, a ValueError, for a note it will not read)."""
    return find_formulas(markdown)


def _normal(lhs):
    """A formula's part with its layer and example marks, spaces and \\mathcal set aside (for its chain's links)."""
    t = re.sub(r"\s+|\\left|\\right|\\[,;!]|\\mathcal|\\mathrm|\\operatorname", "", lhs)
    t = t.replace(r"\hat{y}", "ŷ").replace(r"\haty", "ŷ").replace(r"{L}", "L").replace("σ", r"\sigma")
    t = t.replace(r"\tanh", "tanh")
    t = re.sub(r"\^\{?(?:\[[^\[\]]*\]|\([^()]*\))\}?", "", t)  # ^{[l]}, ^{(i)} (no bracket inside: linear)
    t = re.sub(r"_\{([A-Za-z0-9]+)\}", r"_\1", t)
    return t.rstrip(":")


def _parts(latex):
    """The parts of a formula between its top-level '=' and ':=' signs."""
    ends = [*equals_signs(latex), len(latex)]
    starts = [0, *(end + 1 for end in ends[:-1])]
    parts = [latex[start:end] for start, end in zip(starts, ends)]
    return [part.rstrip(":").strip() for part in parts[:-1]] + [parts[-1].strip()]  # a ':=' leaves its ':' behind


def _chain(part, target, lhs=""):
    """A chain-rule product of partial fractions: None if ``part`` is not one, else (right?, the links, its ends: the
    left-hand side's own fraction, else the target's)."""
    t = re.sub(r"\\cdot|\\times", "", _normal(part).replace("∂", "\\partial"))
    links = [(m["top"], m["bottom"]) for m in _PARTIAL.finditer(t)]
    if not links or _PARTIAL.sub("", t):
        return None
    own = _PARTIAL.fullmatch(_normal(lhs).replace("∂", "\\partial"))
    top, bottom = (own["top"], own["bottom"]) if own else CHAIN_ENDS.get(target, (None, None))
    linked = all(links[i][1] == links[i + 1][0] for i in range(len(links) - 1))
    return linked and links[0][0] == top and links[-1][1] == bottom, links, (top, bottom)


def _strip_prose(latex):
    r"""``latex`` without the prose a displayed formula may end with (spaces, ``,.;``, ``\,``, ``\quad``,
    ``\text{where}``). Peeled off from the end one piece at a time, so it takes time linear in the formula's length
    (a pattern anchored at its end, such as ``(?:\s|…)+$``, is tried from every position: quadratic, and a
    20,000-character note held the server for 7 s).

    >>> _strip_prose(r"dz = a - y, \quad \text{for each example}.")
    'dz = a - y'
    """
    end = len(latex)  # what is kept: latex[:end] (an index, not slices: each slice would copy)
    while end:
        prose = next((piece for piece in _PROSE_ENDS if latex.endswith(piece, 0, end)), None)
        if prose:
            end -= len(prose)
        elif latex[end - 1].isspace() or latex[end - 1] in ",.;":
            end -= 1
        elif latex[end - 1] == "}" and (start := latex.rfind("\\text{", 0, end)) >= 0 and \
                latex.find("{", start + 6, end - 1) < 0 and latex.find("}", start + 6, end - 1) < 0:
            end = start
        else:
            break
    return latex[:end]


@dataclass(frozen=True)
class Reading:
    """A formula as read, before any check: the target its claim names (None if not recognised) and what is left to
    judge, in order: each part to check (its text), or the Finding that reading alone reached, which ends it."""

    formula: Formula
    claim: str | None
    steps: tuple

    @property
    def checks(self):
        """The parts it sends to the checker (a part once a reading)."""
        return sum(len(step.readings) for step in self.steps if isinstance(step, Part))


@dataclass(frozen=True)
class Part:
    """One part of a formula to check, under each reading the note allows: (claim key, target, text, activation)."""

    text: str
    readings: tuple


def read(formula, setting=Setting()):
    """The Reading of one formula: split at its '=' signs, its claim recognised in its setting (mathcore.claims),
    chain-rule products and J's definition judged by reading alone."""
    parts = _parts(_strip_prose(formula.latex))
    if len(parts) == 1 and setting.left:
        parts = [setting.left, *parts]  # "$dZ$는 그대로 $A^{[L]} - Y$": the sentence names its left side
    if len(parts) == 2 and parts[0][-1:] in ("+", "-"):  # code's b1 -= lr * db1; J += loss_i in a loop
        name, sign = parts[0][:-1].strip(), parts[0][-1]
        step = sign == "-" or re.search(r"alpha|α|learning_rate|\blr\b", parts[1])  # a parameter's update
        parts = [name, f"{name} {sign} ({parts[1]})"] if step else [{"J": "L"}.get(name, name), parts[1]]
    readings = recognise(parts[0], " ".join(parts[1:]), setting) if len(parts) > 1 else []
    if not readings:
        return Reading(formula, None, (Finding(formula, "not recognised", message=Text(
            "Not recognised: this checker knows each layer's forward pass (Z = W A_prev + b, A = g(Z)), the "
            "activations and their slopes, the loss and the cost, every parameter's update and every backward step "
            "(dZ, dW, db, dA_prev; week 2's dz, dw, db), with any layer index, in LaTeX, NumPy or Unicode.")),))
    key, target = readings[0][:2]
    if target is None:
        return _left(formula, key, Text("Not judged: the checker has no target for {claim} written this way yet; it "
                                        "is recognised and counted, not checked.", claim=key))
    steps = []
    if re.search(r"linear|선형|线性", setting.line) and re.search(r"g\(z\)\s*=\s*z", setting.line):
        return _left(formula, key, Text("Not judged: the linear activation g(z) = z, which the note names, is not "
                                        "one the checker judges."))
    shown = False
    for part in parts[1:]:
        if _NUMBER.fullmatch(re.sub(r"\s+", "", part)):
            return _left(formula, key, Text("Not judged: a value, {part}, is the formula at one point or one piece "
                                            "of it (as the note's condition says), not the formula itself.",
                                            part=part.strip()))
        chain = _chain(part, target, parts[0])
        if chain is not None:
            right, links, (top, bottom) = chain
            if not right:
                steps.append(Finding(formula, "wrong", key, Text("The chain rule's links do not chain from {top} to "
                                                                 "{bottom}: {links}.", top=top, bottom=bottom,
                                                                 links=" · ".join(f"∂{a}/∂{b}" for a, b in links)),
                                     corrected=TARGETS[target].formula))
                break
            shown = True  # a chain that links: judged by reading
            continue
        mean = _MEAN_OF_LOSSES.match(_normal(part)) if key == "cost" else None
        if mean and mean["minus"]:
            steps.append(Finding(formula, "wrong", key, Text("J is the mean of the losses, (1/m) Σ L(ŷ, y), with no "
                                                             "minus sign: the loss already has it, L = −(y log ŷ + …)."),
                                 corrected=r"\frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(\hat{y}^{(i)}, y^{(i)})"))
            break
        shown = shown or bool(mean)  # J's definition, the mean of the losses: judged by reading
        if mean or [r[:2] for r in recognise(part, "", setting)[:1]] == [r[:2] for r in readings[:1]] or (
                part.lstrip().startswith((r"\frac{d}{dz}", r"\frac{\partial}{\partial z}"))) or (
                key in NAMED and _BARE.fullmatch(part.strip())):
            continue  # J's definition; another name of the claim (dW = ∂J/∂W = …, ŷ = a = σ(z)); d/dz g(z)
        steps.append(Part(part, _fitting([(claim, target, prepare(part), g) for claim, target, prepare, g in readings])))
    if not steps and not shown:  # dW = ∂J/∂W, a = ŷ: names only
        return Reading(formula, None, (Finding(formula, "not recognised", message=Text(
            "Not recognised: notation, one name given to another (a = ŷ, dW = ∂J/∂W), not a formula to check.")),))
    return Reading(formula, key, tuple(steps))


def _fitting(readings):
    """The readings whose text uses only their target's names (all of them when none does): a reading that cannot
    apply (a hidden layer's names read for week 2's db) is not one the note allows."""
    fit = []
    for reading in readings:
        try:
            used = names(read_answer(reading[2]).tree)
        except AnswerError:
            used = set()
        if reading[1] in SLOPES:  # a slope reads the cached activation A1 as g(z) (mathcore.numpy_forms.cached)
            used = {name for name in used if not (ACTIVATION.fullmatch(name) or PRE_ACTIVATION.fullmatch(name))}
        if used <= set(TARGETS[reading[1]].variables):
            fit.append(reading)
    return tuple(fit or readings)


def judged(reading, check=check_directly):
    """The Finding for one Reading; ``check(target, text)`` gives a Verdict (the pool's, in the app and the CLI).
    A part is right when one of its readings is right (the finding says which), wrong when every reading that could
    be judged is wrong, else not judged."""
    previews, claim, used = [], reading.claim, []
    for step in reading.steps:
        if isinstance(step, Finding):
            return step
        wrong, undecided, titles = None, None, []
        for key, target, text, g in step.readings:
            verdict = check(target, text)
            if verdict.outcome is Outcome.EQUIVALENT:
                previews.append(verdict.preview)
                claim = key
                used.append((target, g))
                break
            if verdict.outcome is Outcome.NOT_EQUIVALENT:
                wrong = wrong or (key, target, verdict)
                titles.append(TARGETS[target].title)
            else:
                undecided = undecided or (key, target, verdict)
        else:
            if wrong:
                key, target, verdict = wrong
                message = verdict.message if len(titles) < 2 else Text(
                    "{message} Read as {title}; it is wrong under the {n} other readings the note allows too.",
                    message=verdict.message, title=titles[0], n=len(titles) - 1)
                return Finding(reading.formula, "wrong", key, message, verdict.hint, TARGETS[target].formula,
                               tuple(previews + [verdict.preview]))
            key, target, verdict = undecided
            text = next(text for k, t, text, g in step.readings if (k, t) == (key, target))
            message, position = _located(verdict.message)
            return Finding(reading.formula, "not judged", key, message, readings=tuple(previews),
                           checked=text if position is not None else "", position=position)
    if not used:  # every part was judged by reading: J's definition, a chain that links
        title = TARGETS[claim].title if claim in TARGETS else claim
        return Finding(reading.formula, "right", claim, Text("Right: {title}.", title=title), readings=tuple(previews))
    target, first = used[-1][0], reading.steps[-1].readings[0][1]
    if target == first:
        return Finding(reading.formula, "right", claim, Text("Right: {title}.", title=TARGETS[target].title),
                       readings=tuple(previews))
    return Finding(reading.formula, "right", claim, Text(
        "Right, read as {title}: the note allows more than one reading here, and this one is right ({first} is not).",
        title=TARGETS[target].title, first=TARGETS[first].title), readings=tuple(previews))


def _located(message):
    """(message, position) with the checker's "(at position N)" taken out as data (None where it has none)."""
    if getattr(message, "template", "") == _AT:
        return message.fields["message"], message.fields["position"] - 1
    return message, None


def judge(formula, check=check_directly):
    """The Finding for one formula."""
    return judged(read(formula), check)


def _left(formula, claim, message, left=0):
    """A Reading that ends at once: the formula is not judged, and ``message`` says why (``left``: formulas a cap
    left, this one included)."""
    return Reading(formula, claim, (Finding(formula, "not judged", claim or "", message, left=left),))


def read_note(markdown, whole=False):
    """The Readings of a note's formulas, or ValueError for a note the reader will not read: the Markdown parsed,
    each formula split and recognised, nothing checked yet. The app runs this in a checker worker, under the
    learner's budget (ui.checking.check_note), with the page's caps: the first MAX_NOTE characters are read (up to
    a line break), at most MAX_FORMULAS recognised formulas and MAX_CHECKS parts are sent to the checker, and what
    a cap leaves is one finding that counts it and names the CLI. ``whole``: no caps (the CLI; mathcore.reading's
    own limits)."""
    cut = len(markdown)  # a notebook is not cut (its JSON would break), nor a note the reader refuses anyway
    if not whole and MAX_NOTE < len(markdown) <= READ_MOST and not is_notebook(markdown):
        cut = markdown.rfind("\n", 0, MAX_NOTE) + 1 or MAX_NOTE
    found, readings, checks = formulas(markdown[:cut]), [], 0
    most, recognised = len(found) if whole else MAX_FORMULAS, 0  # formulas recognised: what costs the pool its time
    around = settings(markdown[:cut], found)
    for n, formula in enumerate(found):
        if recognised == most:
            readings.append(_left(formula, None, Text(
                "Not judged here: this page judges the first {most} formulas of a note that it recognises; this one "
                "and the {rest} after it were left. The command line reads a note whole: {cli}.", most=most,
                rest=len(found) - n - 1, cli=CLI), left=len(found) - n))
            break
        reading = read(formula, around[n])
        recognised += reading.claim is not None
        if not whole and checks + reading.checks > MAX_CHECKS:
            reading = _left(formula, reading.claim, Text(
                "Not judged here: this formula has {parts:,} parts to check, and this page judges up to {most} parts "
                "of a note ({left} were left). The command line reads a note whole: {cli}.", parts=reading.checks,
                most=MAX_CHECKS, left=MAX_CHECKS - checks, cli=CLI), left=1)
        checks += reading.checks
        readings.append(reading)
    if cut < len(markdown):
        line = markdown.count("\n", 0, cut) + 1
        readings.append(_left(Formula("…", line, True), None, Text(
            "Not read here: this page reads a note's first {most:,} characters (to line {line}); the {rest:,} after "
            "them were left. The command line reads a note whole: {cli}.", most=cut, line=line - 1,
            rest=len(markdown) - cut, cli=CLI), left=1))
    return readings


def check_note(markdown, check=check_directly, whole=False):
    """One Finding per formula of the note (read_note's caps unless ``whole``), or ValueError for a note too long."""
    return [judged(reading, check) for reading in read_note(markdown, whole)]


def summary(findings):
    """{status: count} in the order a report gives them."""
    return {status: sum(f.status == status for f in findings) for status in STATUSES}


#: A finding's status, in report order, with the checker outcome a page shows it as.
STATUSES = {"right": Outcome.EQUIVALENT, "wrong": Outcome.NOT_EQUIVALENT, "not judged": Outcome.UNDECIDED,
            "not recognised": Outcome.INVALID}


def exit_code(findings):
    """0: every recognised formula right (at least one); 1: some formula wrong; 2: none judged, or some not judged."""
    counts = summary(findings)
    return 1 if counts["wrong"] else 2 if counts["not judged"] or not counts["right"] else 0
