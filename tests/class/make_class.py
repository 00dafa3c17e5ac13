"""Writes the made-up class of #38 item 5: answers.csv (30 students x 10 answers), notes/ (30 notes) and key.csv
(every verdict, labelled by hand below, beside each form). Run from the project root: python tests/class/make_class.py.
The forms are the course's, in every notation, with the slips a class makes; each student takes one form per
question, chosen by a seeded draw, so many answers repeat (the pool judges a repeated pair once)."""

import csv
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
R, W, N = "equivalent", "not equivalent", "invalid"
#: target: [(answer, verdict by hand)]; right forms first, then the slips
FORMS = {
    "dJ_dw": [("np.dot(X, (A - Y).T) / m", R), ("1/m * X @ (A - Y).T", R), (r"\frac{1}{m} X (A - Y)^T", R),
              ("X @ dZ.T / m", R), ("np.dot(X, (A - Y).T)", W), ("np.dot((A - Y), X.T) / m", W),
              ("X @ (Y - A).T / m", W)],
    "dJ_db": [("np.sum(A - Y) / m", R), ("np.sum(A - Y)/m", R), ("1/m * np.sum(dZ)", R), ("np.mean(A - Y)", R),
              ("np.sum(A - Y)", W), ("np.sum(Y - A) / m", W)],
    "dW": [("np.dot(dZ, A_prev.T) / m", R), ("1/m * dZ @ A_prev.T", R), (r"\frac{1}{m} dZ A_{prev}^T", R),
           ("dZ @ A_prev.T", W), ("np.dot(A_prev, dZ.T) / m", W), ("dZ A_prev.T / m /", N)],
    "db": [("np.sum(dZ, axis=1, keepdims=True) / m", R), ("1/m * np.sum(dZ, axis=1, keepdims=True)", R),
           ("np.sum(dZ, axis=1, keepdims=True)", W), ("np.sum(dZ, axis=0, keepdims=True) / m", W)],
    "dZ_output": [("A - Y", R), ("A2 - Y", N), ("Y - A", W), ("(A - Y) / m", W)],
    "dL_dz_cross_entropy_sigmoid": [("a - y", R), ("σ(z) − y", R), (r"\sigma(z) - y", R), ("y - a", W),
                                    ("(a - y)/m", W), ("a(1 - a)(a - y)", W)],
    "da_dz": [("a(1-a)", R), ("A1 * (1 - A1)", R), ("σ(z)(1 − σ(z))", R), ("a(1+a)", W), ("sigmoid(z)", W)],
    "tanh_derivative": [("1 - np.power(A1, 2)", R), ("1 - a**2", R), ("1 - np.tanh(z)**2", R), ("1 - tanh(z)^2", R),
                        ("1 - A1", W), ("1 + np.power(A1, 2)", W)],
    "relu_derivative": [("np.where(z > 0, 1, 0)", R), ("np.heaviside(z, 0)", R), ("(Z > 0).astype(int)", R),
                        ("(z > 0)", R), ("np.where(z > 0, 0, 1)", W), ("np.maximum(0, z)", W)],
    "dL_dw_j": [("x_j(a - y)", R), ("x_j * dz", R), ("x_j(a-y)/m", W), ("a - y", W), ("x_j(y - a)", W)],
}
#: Note snippets: (text, {line offset: verdict}) where a snippet's formulas sit on its lines; labelled by hand.
SNIPPETS = [
    ("**Backprop.** For one example $dz = a - y$.", ["right"]),
    ("For one example $dz = y - a$, the error.", ["wrong"]),
    ("Then $dw_1 = x_1 dz$ for the first weight.", ["right"]),
    ("Then $dw_1 = dz$ for the first weight.", ["wrong"]),
    ("And $db = dz$.", ["right"]),
    ("The sigmoid: $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.", ["right"]),
    ("The sigmoid: $\\sigma(z) = \\frac{1}{1 + e^{z}}$.", ["wrong"]),
    ("Over the examples, $dw = \\frac{1}{m} X dZ^T$.", ["right"]),
    ("Model: $z = w^T x + b$.", ["right"]),
    ("A constant $k = 3$ from the lab.", ["not recognised"]),
]
STUDENTS = ["Ada", "Ben", "Chloé", "Dmitri", "Eun-ji", "Farid", "Grace", "Hiro", "Ines", "Jae", "Kofi", "Lena",
            "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Xavier",
            "Yara", "Zoltan", "Aiko", "Bruno", "Camila", "Dara"]


def main():
    draw = random.Random(38)
    key = [("kind", "student", "where", "verdict")]
    with open(HERE / "answers.csv", "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["student", "target", "answer"])
        for student in STUDENTS:
            for target, forms in FORMS.items():
                answer, verdict = draw.choice(forms[:len(forms) // 2 + 1] if draw.random() < 0.6 else forms)
                writer.writerow([student, target, answer])
                key.append(("answer", student, target, verdict))
    notes = HERE / "notes"
    notes.mkdir(exist_ok=True)
    for n, student in enumerate(STUDENTS):
        chosen = draw.sample(SNIPPETS, 4)
        name = student.lower().replace("é", "e")  # the note's student is its file's name
        lines = [f"# {student}'s notes, week 2", ""]
        for text, verdicts in chosen:
            lines.append(text)
            key += [("note", name, str(len(lines)), verdict) for verdict in verdicts]
            lines.append("")
        if n % 10 == 9:  # every tenth student hands in a notebook: one Markdown cell, lines as in the cell
            cell = "\n".join(lines).rstrip("\n") + "\n"
            notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": cell.splitlines(True)}],
                        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            (notes / f"{name}.ipynb").write_text(json.dumps(notebook, indent=1) + "\n", encoding="utf-8")
        else:
            (notes / f"{name}{'.txt' if n % 10 == 4 else '.md'}").write_text("\n".join(lines), encoding="utf-8")
    with open(HERE / "key.csv", "w", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerows(key)


if __name__ == "__main__":
    main()
