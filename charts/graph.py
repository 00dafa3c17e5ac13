"""The computation graph of one example as SVG (``charts.svg``): nodes and edges in, the picture out.

Top to bottom, inputs to loss, in rows: a node computed from others sits one row below the lowest of its parents, an
input one row above the node it feeds (so y stands beside a, next to L). In a row the computed node is in the middle
and inputs follow it to the right. Each node shows its forward value (in the text colour) and dL/dnode (red); each
edge's local derivative d child / d parent is written under its parent, where the edge starts.
"""

from charts import svg
from i18n import _

NAMES = {"x1": "x₁", "x2": "x₂", "w1": "w₁", "w2": "w₂", "b": "b", "y": "y", "z": "z", "a": "a", "L": "L"}
WIDTH, HEIGHT = 136, 66  # a node's box
GAP = 16  # between two boxes in a row
LABEL = 24  # under a box: its edges' labels, then the edges start
ROW = HEIGHT + 74  # from the top of one row to the next
PAD = 8


def ranks(nodes, edges):
    """node name -> its row: computed nodes below their parents, inputs right above their first child.

    >>> from mathcore.graph import forward_backward
    >>> nodes, edges = forward_backward({"x1": 1, "w1": 0.5, "x2": -2, "w2": 0.25, "b": 0.1, "y": 1})
    >>> ranks(nodes, edges)
    {'z': 1, 'a': 2, 'L': 3, 'x1': 0, 'w1': 0, 'x2': 0, 'w2': 0, 'b': 0, 'y': 2}
    """
    parents = {n.name: [str(e.parent) for e in edges if str(e.child) == n.name] for n in nodes}
    rank = {}
    for n in nodes:  # in the order computed: parents first
        if parents[n.name]:
            rank[n.name] = 1 + max(rank.get(p, 0) for p in parents[n.name])
    for n in nodes:
        if not parents[n.name]:
            rank[n.name] = min(rank[str(e.child)] for e in edges if str(e.parent) == n.name) - 1
    return rank


def layout(nodes, edges):
    """node name -> (x, y) of its box's top left corner, and the picture's (width, height)."""
    rank = ranks(nodes, edges)
    rows = {}
    for n in nodes:
        rows.setdefault(rank[n.name], []).append(n)
    widest = max(len(row) for row in rows.values())
    width = 2 * PAD + widest * WIDTH + (widest - 1) * GAP
    middle = width / 2
    at = {}
    for r, row in rows.items():
        computed = [n for n in row if n.definition is not None]
        if computed:  # the computed node in the middle, the inputs after it
            ordered = computed + [n for n in row if n.definition is None]
            left = middle - WIDTH / 2 - (len(computed) - 1) * (WIDTH + GAP) / 2
        else:  # a row of inputs, centred
            ordered = row
            left = middle - (len(row) * WIDTH + (len(row) - 1) * GAP) / 2
        for k, n in enumerate(ordered):
            at[n.name] = (left + k * (WIDTH + GAP), PAD + r * ROW)
    return at, (width, 2 * PAD + max(rows) * ROW + HEIGHT)


def computation_graph(nodes, edges):
    """The graph as an SVG document: every node's value and dL/dnode, every edge with its local derivative."""
    at, (width, height) = layout(nodes, edges)
    body = []
    for e in edges:
        parent, child = str(e.parent), str(e.child)
        (px, py), (cx, cy) = at[parent], at[child]
        arriving = sorted((str(f.parent) for f in edges if str(f.child) == child), key=lambda p: at[p][0])
        # spread over the child's top, left to right as the parents stand: no two edges cross
        k = arriving.index(parent)
        spread = (k - (len(arriving) - 1) / 2) * min(22, (WIDTH - 24) / max(len(arriving) - 1, 1))
        body.append(f'<g class="edge">'
                    + svg.text(px + WIDTH / 2, py + HEIGHT + 15, f"∂{NAMES[child]}/∂{NAMES[parent]} = {e.local:.3f}",
                               size=12, colour=svg.GREY)
                    + svg.line(px + WIDTH / 2, py + HEIGHT + LABEL, cx + WIDTH / 2 + spread, cy - 1, arrow=7)
                    + "</g>")
    for n in nodes:
        x, y = at[n.name]
        shape = svg.box(x, y, WIDTH, HEIGHT, rounded=4 if n.definition is None else 18, double=n.name == "L")
        title = "a = ŷ" if n.name == "a" else NAMES[n.name]
        body.append(f'<g class="node">{shape}'
                    + svg.text(x + WIDTH / 2, y + 19, title, size=15, weight="bold")
                    + svg.text(x + WIDTH / 2, y + 37, f"{n.value:.4f}", size=14)
                    + svg.text(x + WIDTH / 2, y + 56, f"∂L/∂{NAMES[n.name]} = {n.backprop:.4f}", size=13,
                               colour=svg.RED)
                    + "</g>")
    return svg.document(width, height, body, _("The computation graph: z = w₁x₁ + w₂x₂ + b, a = σ(z), L(a, y)"))
