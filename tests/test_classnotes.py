"""A class's notes graded (#38 item 3): python -m mathcore notes --batch FOLDER, one line per student, the class's
commonest slips, report's formats; hostile folders read without trust."""

import csv
import io
import json
import os

import pytest

from mathcore import classnotes, cli
from mathcore.checker import check
from tests.test_cli import mathcore_cli  # noqa: F401 (a fixture)


class DirectPool:
    """Stands in for CheckPool in the CLI: the checker itself, in this process."""

    def __init__(self, workers=2):
        pass

    def check(self, target, answer, session=""):
        return check(target, answer)

    def stop(self):
        pass


@pytest.fixture
def direct(monkeypatch):
    monkeypatch.setattr(cli, "CheckPool", DirectPool)


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def test_a_line_per_student_and_the_commonest_slips_in_every_format(mathcore_cli, direct, tmp_path):
    write(tmp_path, "alice.md", "So $dz = a - y$ and $db = dz$.\n")
    write(tmp_path, "bob.md", "Here $dz = y - a$ and $db = dz$.\n")
    write(tmp_path, "=cmd.txt", "Then\n\n    dz = y - a\n\nand $q = 3$.\n")
    write(tmp_path, "notes.pdf", "not a note")
    done = mathcore_cli("notes", "--batch", str(tmp_path))
    assert done.returncode == 1, done.stdout  # some wrong, all judged
    lines = done.stdout.splitlines()
    assert lines[0] == "read 3 notes; left out notes.pdf: not a note (.md, .txt, .ipynb)"
    assert any(line.split() == ["alice", "2", "0", "0", "0"] for line in lines)
    assert any(line.split() == ["bob", "1", "1", "0", "0"] for line in lines)
    assert any(line.split() == ["=cmd", "0", "1", "0", "1"] for line in lines)
    assert any(line.startswith("  2 of 3 students: dL/dz, cross-entropy after a sigmoid: The sign is flipped") for line in lines)
    gradebook = list(csv.reader(io.StringIO(mathcore_cli("notes", "--batch", str(tmp_path), "--format", "csv").stdout)))
    assert gradebook == [["student", "score", "out_of"], ["'=cmd", "0", "1"], ["alice", "2", "2"], ["bob", "1", "2"]]
    record = json.loads(mathcore_cli("notes", "--batch", str(tmp_path), "--format", "json").stdout)
    assert record["read"] == 3 and record["exit_code"] == 1 and record["slips"][0]["students"] == 2
    markdown = mathcore_cli("notes", "--batch", str(tmp_path), "--format", "md").stdout
    assert markdown.startswith("# Class report") and "`=cmd`" in markdown


def test_a_hostile_folder_is_read_without_trust(mathcore_cli, direct, tmp_path):
    outside = write(tmp_path, "secret.md", "$dz = a - y$")
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "ana.md", "$dz = a - y$")
    write(folder, "bin.md", b"\x89PNG\x00\x00\x01")
    write(folder, "latin.md", "caf\xe9 $dz = a - y$".encode("latin-1"))
    write(folder, "huge.md", b"x" * (classnotes.MAX_BYTES + 1))
    write(folder, "long.md", "$dz = a - y$ " * 25000)  # past mathcore.reading.MAX_CHARS characters
    write(folder, "ctl\x1b[2J.md", "$dz = a - y$")
    os.symlink(outside, folder / "link.md")
    os.mkfifo(folder / "pipe.md")  # opening it to read would wait for a writer
    done = mathcore_cli("notes", "--batch", str(folder))
    assert done.returncode == 2
    why = dict(line.strip().split(": ", 1) for line in done.stdout.split("not judged:\n")[1].splitlines())
    assert why["link.md"] == "the file is a link out of the folder: refused"
    assert why["pipe.md"] == "the file is not a regular file: not read"
    assert why["bin.md"] == "the file holds binary data: not a note"
    assert why["latin.md"].startswith("the file has a line (1) that is not UTF-8")
    assert why["huge.md"].startswith("the file is larger than 1,000,000 bytes")
    assert "characters long" in why["long.md"]
    assert "ctl\\x1b[2J" in done.stdout and "\x1b" not in done.stdout
    assert mathcore_cli("notes", "--batch", str(tmp_path / "nowhere")).returncode == 2


def test_thousands_of_files_are_capped_and_the_cap_is_said(mathcore_cli, direct, tmp_path, monkeypatch):
    monkeypatch.setattr(classnotes, "MAX_FILES", 3)
    for n in range(5):
        write(tmp_path, f"s{n}.md", "$dz = a - y$")
    done = mathcore_cli("notes", "--batch", str(tmp_path))
    assert done.returncode == 2 and done.stdout.startswith("read 3 notes; 2 more left out (at most 3 notes")
    assert "s3" not in done.stdout


def test_notes_takes_a_file_or_a_folder_not_both(mathcore_cli, tmp_path):
    assert mathcore_cli("notes", "x.md", "--batch", str(tmp_path)).returncode == 2
    assert mathcore_cli("notes").returncode == 2
