"""The computation graph as Graphviz DOT, for ``st.graphviz_chart``: nodes and edges in, text out."""

NAMES = {"x1": "x₁", "x2": "x₂", "w1": "w₁", "w2": "w₂", "b": "b", "y": "y", "z": "z", "a": "a", "L": "L"}


def computation_graph(nodes, edges):
    """Left to right, inputs to loss: each node with its value (forward, black) and dL/dnode
    (backward, red); each edge with its local derivative d child / d parent.
    """
    lines = ["digraph {", "  rankdir=LR; nodesep=0.25; ranksep=0.6;",
             '  node [fontname="Helvetica", fontsize=11, style=filled, fillcolor="#f4f6fb", color="#4c78a8"];',
             '  edge [fontname="Helvetica", fontsize=9, color="#888888", fontcolor="#555555"];']
    for n in nodes:
        shape = "box" if n.definition is None else ("doublecircle" if n.name == "L" else "ellipse")
        title = "a = ŷ" if n.name == "a" else NAMES[n.name]
        label = (f'<<b>{title}</b><br/>{n.value:.4f}<br/>'
                 f'<font color="#c0392b">∂L/∂{NAMES[n.name]} = {n.backprop:.4f}</font>>')
        lines.append(f'  {n.name} [shape={shape}, label={label}];')
    for e in edges:
        lines.append(f'  {e.parent} -> {e.child} [label="∂{NAMES[e.child.name]}/∂{NAMES[e.parent.name]} = {e.local:.3f}"];')
    lines.append("}")
    return "\n".join(lines)
