r"""The notes reader measured on hand-labelled notes (issue #34, item 6): ``python -m benchmarks.notes_corpus``.

The corpus (tests/notes/corpus/) holds notes written in the styles real learners use for course 1 (Korean, English
and Chinese; Markdown, code spans, fenced NumPy, a Jupyter notebook, a long weeks 1-4 note), none copied from one.
Beside each note, ``<name>.labels.json`` lists every formula in the order it appears: its line (and cell, in a
notebook), its exact source, what it claims (a key of mathcore.checker.TARGETS where there is one, else a new
descriptive key such as ``dZ_hidden``), whether the issue counts it a standard claim, and right or wrong (with the
slip). Lone symbols are ``fragment``, notation like ŷ = P(y = 1 | x) is ``definition``: neither right nor wrong.

Today's reader is called as the CLI calls it: ``check_note(text)`` on the note's text (a notebook's JSON: the reader
reads its Markdown and code cells, and says each formula's cell and line in it).
A note over the reader's caps (characters per note, formulas judged per note) is reported refused or capped, then
read again in parts under them, cut at blank lines.

Findings are matched to labels by position and source text (whitespace, ``&``, ``\\``, ``\tag``, ``\label``,
``\nonumber`` and trailing punctuation aside). A finding *is* a labelled formula when their texts agree; a finding
that holds several labelled formulas (an environment read whole) *contains* them. Figures per note:

- labelled: formulas labelled (claims + fragments and definitions); found: labelled formulas read as themselves
  (+ those only inside a larger formula);
- standard recognised: standard claims read as themselves and recognised as what they claim;
- verdicts correct: of the claims given right or wrong as themselves, those given the label's verdict;
- slips caught: wrong formulas called wrong (as themselves, or as the only slip of a larger formula);
- right called wrong: "wrong" findings that hold no labelled slip (right formulas, definitions, fragments). The goal
  is none;
- slips called right: labelled slips given "right" (as themselves or inside a larger formula).
"""

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mathcore import notes

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "notes" / "corpus"
NOTE_SUFFIXES = (".md", ".txt", ".ipynb")
VERDICTS = ("right", "wrong")

_SET_ASIDE = re.compile(r"\\\\|&|\\tag\*?\{[^{}]*\}|\\label\{[^{}]*\}|\\nonumber|\\notag|\s+")
_TRAILING = re.compile(r"(?:[,.;:]|\\[,;:! ]|\\q?quad)+$")


def normal(source):
    """A formula's text as matching compares it."""
    return _TRAILING.sub("", _SET_ASIDE.sub("", source))


@dataclass
class Note:
    """One corpus note: its text as today's reader gets it, its labels, and where each reader line comes from."""

    path: Path
    labels: list
    text: str

    @property
    def name(self):
        return self.path.name


def load(corpus=CORPUS):
    """Every note of the corpus with its labels, in name order."""
    found = []
    for path in sorted(p for p in corpus.iterdir() if p.suffix in NOTE_SUFFIXES):
        labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))["formulas"]
        found.append(Note(path, labels, path.read_text(encoding="utf-8")))
    return found


def is_claim(label):
    return label["claim"] not in ("fragment", "definition")


def split_at_blank_lines(text, limit, most=None):
    """Parts of at most ``limit`` characters (and at most ``most`` formulas), cut at blank lines outside fenced
    code, each with its first line."""
    blocks, start, fence = [], 0, False
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not line.strip() and not fence and number > start:
            blocks.append((start, number))
            start = number
    blocks.append((start, len(lines)))
    parts, first = [], 0
    for number, (_, end) in enumerate(blocks):
        part = "\n".join(lines[first:end])
        following = "\n".join(lines[first:blocks[number + 1][1]]) if number + 1 < len(blocks) else None
        if following is None or len(following) > limit * 0.95 or (
                most is not None and len(notes.formulas(following)) > most):
            parts.append((part, first + 1))
            first = end
    return [(part, line) for part, line in parts if part.strip()]


@dataclass
class Reading:
    """What today's reader made of one note, and which labelled formulas its findings are or hold."""

    note: Note
    findings: list  # (cell, line, Finding), positions in the note
    refused: str = ""  # the reader's message for a note it will not read
    parts: int = 1  # read in this many parts (a note over the cap)
    capped: int = 0  # formulas found but not judged because of the reader's per-note limit
    exact: dict = field(default_factory=dict)  # label index: finding index
    inside: dict = field(default_factory=dict)  # label index: finding index of the larger formula holding it

    def finding_for(self, index):
        """The finding on a labelled formula: its own, or the larger formula's holding it (None if not found)."""
        hit = self.exact.get(index, self.inside.get(index))
        return None if hit is None else self.findings[hit][2]

    def own_finding(self, index):
        """The finding that is this labelled formula itself, or None."""
        return self.findings[self.exact[index]][2] if index in self.exact else None


def read(note, in_parts=False):
    """Run today's reader on one note (``in_parts``: a note over its caps is read in parts under them)."""
    most = getattr(notes, "MAX_FORMULAS", None)
    if in_parts:
        texts = split_at_blank_lines(note.text, getattr(notes, "MAX_NOTE", len(note.text) + 1), most)
    else:
        texts = [(note.text, 1)]
    try:
        results = [(notes.check_note(text, whole=True), text, first) for text, first in texts]  # as the CLI: whole
    except ValueError as error:  # the reader's length cap, with its own message
        return Reading(note, [], str(error))
    found, capped = [], 0
    for findings, text, first in results:
        capped += max(0, len(notes.formulas(text)) - len(findings))
        for finding in findings:  # a notebook's formula says its cell, and its line in that cell
            found.append((finding.formula.cell, finding.formula.line + first - 1, finding))
    reading = Reading(note, found, parts=len(results), capped=capped)
    match(reading)
    return reading


def _covers(cell, line, finding, label):
    """The finding's formula spans the label's line (its delimiters' lines included), in the same cell."""
    return cell == label.get("cell") and line <= label["line"] <= line + finding.formula.latex.count("\n") + 2


def match(reading):
    """Pair labels with findings: exact (same text, in place) first, then labels inside a larger formula."""
    labels, found = reading.note.labels, reading.findings
    used = set()
    for index, label in enumerate(labels):
        want = normal(label["source"])
        for number, (cell, line, finding) in enumerate(found):
            if number in used or not _covers(cell, line, finding, label):
                continue
            text = normal(finding.formula.latex)
            continued = label.get("part") and want.startswith(("=", ":=")) and line == label["line"]
            if text == want or (continued and text.endswith(want) and "\n" not in finding.formula.latex):
                reading.exact[index] = number
                used.add(number)
                break
    for index, label in enumerate(labels):
        if index in reading.exact or not is_claim(label):
            continue
        want = normal(label["source"])
        for number, (cell, line, finding) in enumerate(found):
            if _covers(cell, line, finding, label) and want in normal(finding.formula.latex):
                reading.inside[index] = number
                break


@dataclass
class Figures:
    """One reading's figures (see the module docstring); ``add`` sums them."""

    labelled: int = 0
    claims: int = 0
    found: int = 0
    found_inside: int = 0
    standard: int = 0
    recognised: int = 0
    judged: int = 0
    correct: int = 0
    slips: int = 0
    caught: int = 0
    false_wrong: list = field(default_factory=list)  # (note, cell, line, source, message) of each
    false_right: list = field(default_factory=list)  # the same, for labelled slips called right

    def add(self, other):
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)
        return self


def recognises(finding, label):
    """The reader read the claim as what it claims (its own key, or one the label accepts)."""
    return finding.status in ("right", "wrong", "not judged") and finding.claim in (
        label["claim"], *label.get("accept", ()))


def figures(reading):
    """The figures of one reading (see the module docstring)."""
    fig = Figures()
    labels = reading.note.labels
    fig.labelled = len(labels)
    for index, label in enumerate(labels):
        claim = is_claim(label)
        fig.claims += claim
        fig.found += index in reading.exact
        fig.found_inside += index in reading.inside
        exact = reading.own_finding(index)
        if claim and label["standard"]:
            fig.standard += 1
            fig.recognised += bool(exact and recognises(exact, label))
        if claim and exact and exact.status in VERDICTS:
            fig.judged += 1
            fig.correct += (exact.status == "right") == label["right"]
        if label["right"] is False:
            fig.slips += 1
            fig.caught += caught(reading, index)
            finding = reading.finding_for(index)
            if finding is not None and finding.status == "right":
                cell, line = label.get("cell"), label["line"]
                fig.false_right.append((reading.note.name, cell, line, label["source"], str(finding.message)))
    for number, (cell, line, finding) in enumerate(reading.findings):
        held = [i for i, n in {**reading.inside, **reading.exact}.items() if n == number]
        if finding.status == "wrong" and not any(labels[i]["right"] is False for i in held):
            source = labels[min(held)]["source"] if held else finding.formula.latex
            fig.false_wrong.append((reading.note.name, cell, line, source, str(finding.hint or finding.message)))
    return fig


def caught(reading, index):
    """A labelled slip is caught when its own finding, or a larger formula holding no other slip, is wrong."""
    labels = reading.note.labels
    if index in reading.exact:
        return reading.findings[reading.exact[index]][2].status == "wrong"
    if index in reading.inside:
        number = reading.inside[index]
        others = [i for i, n in reading.inside.items() if n == number and i != index and labels[i]["right"] is False]
        return reading.findings[number][2].status == "wrong" and not others
    return False


def where(note, label):
    """Where a labelled formula sits: part of a larger formula, sentence, code span, fenced code, notebook code
    cell, plain text line, or math."""
    if label.get("part"):
        return "part of a larger formula"
    if label.get("sentence"):
        return "right-hand side in a sentence"
    if "cell" in label:
        import nbformat

        cell = nbformat.read(str(note.path), as_version=4).cells[label["cell"]]
        if cell.cell_type == "code":
            return "notebook code cell"
        lines = cell.source.splitlines()
    else:
        lines = note.path.read_text(encoding="utf-8").splitlines()
    fence = False
    for text in lines[:label["line"] - 1]:
        if text.lstrip().startswith(("```", "~~~")):
            fence = not fence
    if fence:
        return "fenced code"
    text = lines[label["line"] - 1]
    if "`" + label["source"] in text or label["source"] + "`" in text:
        return "code span"
    if "$" not in text and label["source"] in text:
        return "plain text line"
    return "math ($ or $$)"


def percent(part, whole):
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "-"


ROW = "{:<33} {:>9} {:>9} {:>15} {:>16} {:>7} {:>7} {:>7}"


def row(name, fig):
    found = f"{fig.found}" + (f"+{fig.found_inside}" if fig.found_inside else "")
    return ROW.format(name, f"{fig.labelled} ({fig.claims})", found, percent(fig.recognised, fig.standard),
                      percent(fig.correct, fig.judged), f"{fig.caught}/{fig.slips}", len(fig.false_wrong),
                      len(fig.false_right))


def misses(readings):
    """Standard claims not recognised, counted by where they sit and by what they claim."""
    by_place, by_claim = {}, {}
    for reading in readings:
        for index, label in enumerate(reading.note.labels):
            if not (is_claim(label) and label["standard"]):
                continue
            exact = reading.own_finding(index)
            if exact and recognises(exact, label):
                continue
            place = where(reading.note, label)
            if not exact:
                why = "not found" if index not in reading.inside else "inside a larger formula"
            elif exact.status == "not recognised":
                why = "found, not recognised"
            else:
                why = f"read as {exact.claim or '?'}"
            by_place[(place, why)] = by_place.get((place, why), 0) + 1
            by_claim[label["claim"]] = by_claim.get(label["claim"], 0) + 1
    return by_place, by_claim


def measure(corpus=CORPUS):
    """Each note's reading as the CLI reads it, and, for a note over the reader's caps, its reading in parts under
    them (else None): [(reading, in parts)]."""
    pairs = []
    for note in load(corpus):
        reading = read(note)
        pairs.append((reading, read(note, in_parts=True) if reading.refused or reading.capped else None))
    return pairs


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.notes_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="every label with what the reader said")
    args = parser.parse_args(argv)
    pairs = measure()
    print(ROW.format("note", "labelled", "found", "standard", "verdicts", "slips", "right", "slip"))
    print(ROW.format("", "(claims)", "(+inside)", "recognised", "correct (judged)", "caught", "→wrong", "→right"))
    whole, parted = Figures(), Figures()
    for reading, in_parts in pairs:
        for shown in filter(None, (reading, in_parts)):
            fig = figures(shown)
            name = shown.note.name + (f" in {shown.parts} parts" if shown is in_parts else "")
            print(row(name, fig))
            if shown.refused:
                print(f"    refused: {shown.refused}")
            if shown.capped:
                print(f"    {shown.capped} formulas found but not judged (the reader's per-note limit)")
            if args.verbose:
                verbose(shown)
        whole.add(figures(reading))
        parted.add(figures(in_parts or reading))
    print(row("total", whole))
    print(row("total, long notes in parts", parted))
    cases("right formulas called wrong", parted.false_wrong)
    cases("slips called right", parted.false_right)
    by_place, by_claim = misses([in_parts or reading for reading, in_parts in pairs])
    print("\nstandard claims not recognised, by where they sit (notes over the caps in parts):")
    for (place, why), count in sorted(by_place.items(), key=lambda kv: -kv[1]):
        print(f"  {count:>4}  {place}: {why}")
    print("\n... and by what they claim:")
    for claim, count in sorted(by_claim.items(), key=lambda kv: -kv[1]):
        print(f"  {count:>4}  {claim}")
    print("\nclaims found and recognised but not judged, by the reader's reason:")
    for why, count in sorted(not_judged([in_parts or reading for reading, in_parts in pairs]).items(),
                             key=lambda kv: -kv[1]):
        print(f"  {count:>4}  {why}")
    return 0


def cases(title, found):
    """Each case of a verdict against the labels: where, the labelled source, and what the reader said."""
    print(f"\n{title} (notes over the caps in parts): {len(found) or 'none'}")
    for name, cell, line, source, message in found:
        place = f"{name}:{'' if cell is None else f'cell {cell} '}{line}"
        print(f"  {place}  {source[:70]}\n      {message[:160]}")


def not_judged(readings):
    """{the reader's reason, up to its first colon: count} over labelled claims it found but did not judge."""
    reasons = {}
    for reading in readings:
        for index, label in enumerate(reading.note.labels):
            finding = reading.own_finding(index)
            if finding is not None and finding.status == "not judged" and is_claim(label):
                why = re.sub(r" \(at position \d+\)", "", str(finding.message).split(":")[0])[:80]
                reasons[why] = reasons.get(why, 0) + 1
    return reasons


def verbose(reading):
    """Every label of a reading with what the reader said of it."""
    for index, label in enumerate(reading.note.labels):
        finding = reading.finding_for(index)
        said = "-" if finding is None else f"{finding.status} {finding.claim}".strip()
        inside = " (inside)" if index in reading.inside else ""
        verdict = "right" if label["right"] else "WRONG" if label["right"] is False else ""
        print(f"      {label.get('cell', '')}:{label['line']:<4} {label['claim']:<28} {verdict:<6}"
              f"{said}{inside}  {label['source'][:60]}")


if __name__ == "__main__":
    sys.exit(main())
