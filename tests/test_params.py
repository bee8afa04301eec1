"""Parameters: bad values are rejected naming the parameter; paths become absolute."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.params import Params
from analysis.paths import SEEDS_DIR


def test_defaults_resolve_to_the_seeds() -> None:
    p = Params.from_mapping({})
    assert Path(p.corpus_dir) == SEEDS_DIR and Path(p.manifest).name == "sources.csv"
    assert Path(p.out_dir).is_absolute()


def test_relative_paths_become_absolute(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "c").mkdir()
    monkeypatch.chdir(tmp_path)
    p = Params.from_mapping({"corpus_dir": "c", "out_dir": "out"})
    assert p.corpus_dir == str(tmp_path / "c") and p.out_dir == str(tmp_path / "out")


@pytest.mark.parametrize(("values", "name"), [
    ({"approx_tolerance": "lots"}, "approx_tolerance"),
    ({"approx_tolerance": 1.5}, "approx_tolerance"),
    ({"near_duplicate_threshold": 0}, "near_duplicate_threshold"),
    ({"corpus_dir": "/no/such/folder"}, "corpus_dir"),
    ({"extra_rules": "/no/such/rules.yml"}, "extra_rules"),
    ({"events": "/no/such/events.csv"}, "events"),
    ({"tolerance": 0.1}, "tolerance"),
])
def test_bad_parameters_are_named(values: dict, name: str) -> None:
    with pytest.raises(InputError, match=name):
        Params.from_mapping(values)
