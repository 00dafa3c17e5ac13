"""Proofs kept on disk: a cold start loads them, a changed key re-proves, verify always derives from scratch."""

import json

import pytest

from mathcore import cli, store
from mathcore.derivation import Derivation

KEY = "dL_dz_cross_entropy_sigmoid"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MATHCORE_CACHE", str(tmp_path))
    return tmp_path


def proofs_taken(monkeypatch):
    """Count SymPy proofs from here on."""
    calls = []
    original = Derivation.equal
    monkeypatch.setattr(Derivation, "equal", lambda self, l, r: calls.append(1) or original(self, l, r))
    return calls


def test_a_cold_start_loads_what_an_earlier_one_proved(cache, monkeypatch):
    first = store.proved(KEY)
    assert first.proved and len(list(cache.glob(f"{KEY}-*.json"))) == 1
    calls = proofs_taken(monkeypatch)
    again = store.proved(KEY)  # a new Derivation object, as in a new process
    assert again is not first and calls == []
    assert again.checks == first.checks


def test_a_changed_key_re_derives_and_re_proves(cache, monkeypatch):
    store.proved(KEY)
    monkeypatch.setattr(store.sp, "__version__", "99.0")  # a new SymPy
    calls = proofs_taken(monkeypatch)
    assert store.proved(KEY).proved and calls
    assert len(list(cache.glob(f"{KEY}-*.json"))) == 2


def test_the_key_covers_the_steps_themselves(cache):
    from mathcore.derivations import derivation
    d, other = derivation(KEY), derivation("dL_dz_squared_error_sigmoid")
    assert store.key_of(d) == store.key_of(derivation(KEY)) != store.key_of(other)


@pytest.mark.parametrize("content", ["", "{", '{"checks": [[true, 0.1]]}', '{"checks": []}', "[1, 2]",
                                     '{"checks": [["x", "y", "z"], [1, 2, 3], [1, 2, 3]]}'])
def test_a_file_that_does_not_fit_is_proved_again_and_rewritten(cache, monkeypatch, content):
    store.proved(KEY)
    (path,) = cache.glob(f"{KEY}-*.json")
    path.write_text(content)
    calls = proofs_taken(monkeypatch)
    assert store.proved(KEY).proved and calls
    assert len(json.loads(path.read_text())["checks"]) == 3


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MATHCORE_CACHE", str(blocker / "cache"))
    assert store.proved(KEY).proved


def test_verify_never_reads_the_store(cache, monkeypatch):
    store.proved(KEY)
    (path,) = cache.glob(f"{KEY}-*.json")
    path.write_text(json.dumps({"checks": [[False, 1.0, 1]] * 3}))  # a lie on disk
    assert store.proved(KEY).proved is False  # the page would believe it ...
    (row,) = cli.verify_rows([KEY])
    assert row["proved"] is True and row["ok"] is True  # ... verify derives from scratch
