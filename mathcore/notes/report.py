r"""A note's findings as a report read in one minute: under the note's own headings, wrong first, then not judged,
then right, then what was not recognised, with lone symbols and fragments (``$\alpha$``, ``$m$``) folded into one
count; a place in a formula pointed at (a caret under it), never said as a position number.

- ``sections(findings, note)``: [(status, [(heading, [Finding])])] in report order (what a page and the CLI show);
- ``text(findings, note)``: the CLI's report;
- ``records(findings, note)``: one JSON-ready dict a finding (--format json).

>>> note = "# Week 2\nSo $dz = a - y$ and $\\hat{y} = w^T x + b$, with $m$ examples."
>>> from mathcore.notes import check_note
>>> [(status, [(h, len(fs)) for h, fs in groups]) for status, groups in sections(check_note(note), note)]
[('wrong', [('Week 2', 1)]), ('right', [('Week 2', 1)])]
>>> fragments(check_note(note))
['m']
"""

import json
import re

from mathcore.answer import equals_signs
from mathcore.echo import line as echo

ORDER = ("wrong", "not judged", "right", "not recognised")
_HEADING = re.compile(r" {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_FENCE = re.compile(r" {0,3}(```|~~~)")


def headings(note):
    """{(cell, line): heading} where the note's headings start: Markdown ``#`` headings outside fenced code (a
    notebook's Markdown cells, each by its index; a Markdown note's cell is None)."""
    try:
        cells = json.loads(note)["cells"] if note.lstrip().startswith("{") else None
    except (ValueError, KeyError, TypeError):
        cells = None
    if not isinstance(cells, list):
        return _headings(note, None)
    found = {}
    for index, cell in enumerate(cells):
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            found.update(_headings("".join(source) if isinstance(source, list) else str(source), index))
    return found


def _headings(markdown, cell):
    found, fenced = {}, None
    for number, row in enumerate(markdown.split("\n"), 1):
        fence = _FENCE.match(row)
        if fence:
            fenced = None if fenced == fence[1] else fenced or fence[1]
        elif fenced is None and (heading := _HEADING.fullmatch(row)):
            found[(cell, number)] = heading[2].strip()
    return found


def heading_of(formula, found):
    """The heading a formula is under: the last one before it (its cell's, else an earlier cell's), or ""."""
    place = (-1 if formula.cell is None else formula.cell, formula.line)
    before = [key for key in found if (-1 if key[0] is None else key[0], key[1]) <= place]
    return found[max(before, key=lambda key: (-1 if key[0] is None else key[0], key[1]))] if before else ""


def is_fragment(finding):
    """A lone symbol or a fragment (``\\alpha``, ``m``, ``dZ``, ``A^{[L]} - Y`` with nothing to claim): not
    recognised, with no '=' in it."""
    return finding.status == "not recognised" and not equals_signs(finding.formula.latex)


def fragments(findings):
    """The folded fragments' texts, in order, each once."""
    return list(dict.fromkeys(f.formula.latex for f in findings if is_fragment(f)))


def sections(findings, note):
    """[(status, [(heading, [Finding])])] in report order (fragments left out: ``fragments``), each status's
    headings in the note's order."""
    found, out = headings(note), []
    for status in ORDER:
        groups = {}
        for finding in findings:
            if finding.status == status and not is_fragment(finding):
                groups.setdefault(heading_of(finding.formula, found), []).append(finding)
        if groups:
            out.append((status, list(groups.items())))
    return out


def pointer(finding):
    """The part the checker could not read with a caret line under where it stopped, or "" where the place cannot
    be shown exactly (the checker reads LaTeX and Unicode rewritten, so its place is in other text)."""
    text, at = finding.checked, finding.position
    if at is None or not text.isascii() or "\\" in text or not 0 <= at <= len(text) or not text.isprintable():
        return ""
    return f"{text}\n{' ' * at}^"


def place(formula):
    """Where a formula is: its line, and its cell in a notebook."""
    return f"line {formula.line}" if formula.cell is None else f"cell {formula.cell + 1}, line {formula.line}"


def text(findings, note):
    """The CLI's report: a summary line, then each status's findings under their headings, the fragments as one
    count line."""
    counts = {status: sum(f.status == status for f in findings) for status in ORDER}
    rows = [f"{len(findings)} formulas: " + ", ".join(f"{n} {status}" for status, n in counts.items())]
    for status, groups in sections(findings, note):
        rows.append(f"\n{status.upper()}")
        if status == "not recognised":
            rows.append("  (the checker does not know these claims; see the notes page's list of what it knows)")
        for heading, group in groups:
            rows.append(f"  # {echo(heading)}" if heading else "  (before the first heading)")
            for f in group:
                said = f"   ({echo(str(f.message))})" if f.status == "right" else ""
                rows.append(f"    {place(f.formula):<18} {echo(f.formula.latex)}{said}")
                rows.extend(f"{'':>23}{row}" for row in _details(f))
    folded = fragments(findings)
    if folded:
        shown = ", ".join(echo(t, limit=20) for t in folded[:8]) + (", …" if len(folded) > 8 else "")
        n = sum(is_fragment(f) for f in findings)
        rows.append(f"\n{n} lone symbols and fragments, not claims, not judged: {shown}")
    return "\n".join(rows) + "\n"


def _details(f):
    """The lines under one finding: what it was read as, the message, the place pointed at, the hint, the fix."""
    if f.status in ("not recognised", "right"):  # said on the formula's own line, if at all
        return []
    rows = [f"read as: {echo(f.readings[-1])}"] if f.status == "wrong" and f.readings else []
    rows.append(echo(str(f.message)))
    rows.extend(f"  {echo(row)}" for row in pointer(f).split("\n") if pointer(f))
    rows.extend(label + echo(str(value)) for label, value in (("hint: ", f.hint), ("right: ", f.corrected)) if value)
    return rows


def records(findings, note):
    """One dict a finding: line, cell, heading, source, status, claim, reading, message, hint, corrected (and the
    place the checker stopped at: checked, position)."""
    found = headings(note)
    return [{"line": f.formula.line, "cell": f.formula.cell, "heading": heading_of(f.formula, found),
             "source": f.formula.latex, "status": f.status, "claim": f.claim,
             "reading": f.readings[-1] if f.readings else "", "message": str(f.message), "hint": str(f.hint),
             "corrected": f.corrected, "checked": f.checked, "position": f.position} for f in findings]
