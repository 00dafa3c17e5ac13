"""The computation graph as Graphviz DOT, for ``st.graphviz_chart``: nodes and edges in, text out."""

NAMES = {"x1": "x₁", "x2": "x₂", "w1": "w₁", "w2": "w₂", "b": "b", "y": "y", "z": "z", "a": "a", "L": "L"}


def computation_graph(nodes, edges):
    """Top to bottom, inputs to loss: each node with its value (forward, black) and dL/dnode
    (backward, red); each edge with its local derivative d child / d parent. Top to bottom keeps the graph
    about as wide as the page, so it is drawn near its own size and its text stays readable (left to right,
    five inputs and four ranks were scaled down to fit, to 7-pixel text).
    """
    lines = ["digraph {", "  rankdir=TB; nodesep=0.25; ranksep=0.55; forcelabels=true; pad=0.2;",
             '  node [fontname="Helvetica", fontsize=15, style=filled, fillcolor="#f4f6fb", color="#4c78a8", '
             'margin="0.06,0.03"];',
             '  edge [fontname="Helvetica", fontsize=13, color="#888888", fontcolor="#555555"];']
    for n in nodes:
        shape = "box" if n.definition is None else ("box, peripheries=2, style=\"filled,rounded\"" if n.name == "L"
                                                     else "ellipse")  # L: the end, framed twice (a circle was huge)
        title = "a = ŷ" if n.name == "a" else NAMES[n.name]
        label = (f'<<b>{title}</b><br/>{n.value:.4f}<br/>'
                 f'<font color="#c0392b">∂L/∂{NAMES[n.name]} = {n.backprop:.4f}</font>>')
        lines.append(f'  {n.name} [shape={shape}, label={label}];')
    for e in edges:
        # at the edge's tail (taillabel), under its own parent, where no other edge starts: a label would widen
        # the graph with a node of its own on every rank it crosses (the inputs' edges made the parameters' row
        # five wide, and the page scaled the graph down to 10-pixel text); at the head, five labels met at z
        lines.append(f'  {e.parent} -> {e.child} [taillabel="∂{NAMES[e.child.name]}/∂{NAMES[e.parent.name]} = '
                     f'{e.local:.3f}", labeldistance=3, labelangle=-30];')
    names = {n.name for n in nodes}
    if {"x1", "x2", "w1", "w2", "b"} <= names:  # the inputs on one row, the parameters under them: 3 wide, not 5
        lines += ["  {rank=same; x1; x2;}", "  {rank=same; w1; w2; b;}",
                  "  x1 -> w1 [style=invis]; x2 -> w2 [style=invis];"]
    lines.append("}")
    return "\n".join(lines)
