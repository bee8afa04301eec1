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


@pytest.mark.parametrize(("value", "shown"), [
    ("A\0B", "a control character U\\+0000 at position 2"),
    ("A\x1bC", "a control character U\\+001B at position 2"),
    ("A\x85", "a control character U\\+0085"),
    ("A\ud800B", "a lone surrogate .*U\\+D800 at position 2"),
])
@pytest.mark.parametrize("name", ["event_name", "event_description", "encoding", "corpus_dir"])
def test_string_parameters_must_be_plain_text(name: str, value: str, shown: str) -> None:
    """A NUL or an escape would reach index.html and the PDF; a lone surrogate cannot be written."""
    with pytest.raises(InputError, match=f"parameter {name}: {shown}"):
        Params.from_mapping({name: value})


def test_tabs_and_line_breaks_are_text() -> None:
    assert Params.from_mapping({"event_description": "One\tline\nand\r\nanother"}).event_description == (
        "One\tline\nand\r\nanother")


def test_a_bad_string_in_a_params_file_is_exit_2(tmp_path: Path, capsys) -> None:
    from analysis.__main__ import main

    f = tmp_path / "p.yaml"
    f.write_text('event_name: "A\\uD800B"\nevent_description: "A\\0B\\x1bC"\n', encoding="utf-8")
    assert main(["run", "-f", str(f), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: parameter event_") and err.count("\n") == 1, err
    assert not (tmp_path / "o").exists()


def test_params_json_records_paths_without_where_the_corpus_lies(tmp_path: Path) -> None:
    """The same corpus copied elsewhere gives the same params.json (and so the same artifacts)."""
    import json
    import shutil

    recorded = []
    for where in ("a", "b"):
        corpus = tmp_path / where / "deal"
        shutil.copytree(SEEDS_DIR, corpus)
        rules = tmp_path / where / "rules.yml"
        rules.write_text("- id: x\n  kind: line\n  pattern: 'Subscribe'\n", encoding="utf-8")
        recorded.append(Params.from_mapping({"corpus_dir": str(corpus), "extra_rules": str(rules)}).portable_json())
    assert recorded[0] == recorded[1]
    values = json.loads(recorded[0])
    assert (values["corpus_dir"], values["manifest"], values["events"], values["extra_rules"]) == (
        "deal", "deal/sources.csv", "deal/events.csv", "rules.yml")
    assert str(tmp_path) not in recorded[0]


def test_direct_construction_is_checked_and_resolved_like_from_mapping() -> None:
    """``Params(...)``, the obvious constructor, gives the same parameters as from_mapping: the
    default corpus is the seeds (with its manifest and events), never the current folder."""
    assert Params() == Params.from_mapping({})
    p = Params()
    assert Path(p.corpus_dir) == SEEDS_DIR and Path(p.manifest) == SEEDS_DIR / "sources.csv"
    assert Params(approx_tolerance="0.05").approx_tolerance == 0.05
    assert Params(jobs="2").jobs == 2


@pytest.mark.parametrize(("values", "name"), [
    ({"approx_tolerance": "lots"}, "approx_tolerance"),
    ({"approx_tolerance": 1.5}, "approx_tolerance"),
    ({"repeat_threshold": None}, "repeat_threshold"),
    ({"jobs": 1.5}, "jobs"),
    ({"corpus_dir": "/no/such/folder"}, "corpus_dir"),
    ({"event_name": "a\x00b"}, "event_name"),
])
def test_direct_construction_names_a_bad_parameter(values: dict, name: str) -> None:
    with pytest.raises(InputError, match=f"parameter {name}"):
        Params(**values)
