"""Diagrams as inline SVG, laid out here and drawn by the browser as they are: the graph of one example and the
network's layers (on a page: ``ui.chart.show_diagram``). Text takes the page's own font and colour, so a diagram
reads in the light and the dark theme; fills are tints. (``st.graphviz_chart`` laid them out in the browser: a
770 KB script with Graphviz compiled to WebAssembly, about 0.16 s of every new session of the page that showed one,
#18.)

Coordinates are in pixels at the diagram's own size; it shrinks with a narrower page (down to ``MIN_WIDTH``),
never grows.
"""

from html import escape
from unicodedata import east_asian_width

INK = "currentColor"  # the page's text colour, dark or light
RED = "#e0443a"  # the gradients, readable on white and on the dark theme's background
GREY = "#8a94a6"


def text_width(text, size):
    """About how wide ``text`` is at font size ``size``: 0.58 em a character, 1 em a wide one (Korean).

    >>> text_width("abcd", 10), text_width("은닉", 10), text_width("∂w₁", 10)
    (23.2, 20, 17.4)
    """
    return round(sum(size if east_asian_width(c) in "WF" else 0.58 * size for c in text), 1)


def text(x, y, content, size=13, colour=INK, weight="normal", anchor="middle"):
    """One line of text, its baseline at y, centred on x (or starting at x: anchor "start")."""
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{colour}" text-anchor="{anchor}"{bold}>'
            f'{escape(content)}</text>')


def box(x, y, width, height, rounded=4, fill="#4c78a8", stroke=INK, double=False):
    """A rectangle, top left at (x, y), tinted with ``fill``; ``double``: framed twice."""
    inner = (f'<rect x="{x + 3:.1f}" y="{y + 3:.1f}" width="{width - 6:.1f}" height="{height - 6:.1f}" '
             f'rx="{max(rounded - 3, 0)}" fill="none" stroke="{stroke}" stroke-opacity="0.6"/>' if double else "")
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" rx="{rounded}" '
            f'fill="{fill}" fill-opacity="0.14" stroke="{stroke}" stroke-opacity="0.6"/>' + inner)


def circle(cx, cy, r, fill):
    return (f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" fill="{fill}" fill-opacity="0.22" stroke="{INK}" '
            f'stroke-opacity="0.45"/>')


def line(x1, y1, x2, y2, colour=GREY, width=1.2, arrow=0):
    """A straight line; ``arrow``: the length of an arrowhead at its end (x2, y2), 0 for none."""
    drawn = (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
             f'stroke-width="{width}"/>')
    if not arrow:
        return drawn
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / norm, dy / norm  # along the line, then across it
    back_x, back_y = x2 - arrow * ux, y2 - arrow * uy
    half = arrow * 0.4
    corners = [(x2, y2), (back_x - half * uy, back_y + half * ux), (back_x + half * uy, back_y - half * ux)]
    return drawn + f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in corners)}" fill="{colour}"/>'


#: The narrowest a diagram is drawn: on a narrower screen it scrolls sideways, its text still legible.
MIN_WIDTH = 560


def document(width, height, body, title):
    """The SVG: ``body`` (a list of elements) in a ``width`` × ``height`` picture, centred, at most its own size,
    scrolling sideways where the page is narrower than ``MIN_WIDTH``; a paragraph's space under it (Streamlit takes
    a paragraph's margin back from the last block of a Markdown element)."""
    return (f'<div style="overflow-x:auto;margin-bottom:1rem"><svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" width="100%" style="display:block;max-width:{width:.0f}px;'
            f'min-width:{min(width, MIN_WIDTH):.0f}px;height:auto;margin:0 auto" role="img" '
            f'aria-label="{escape(title)}"><title>{escape(title)}</title>' + "".join(body) + "</svg></div>")
