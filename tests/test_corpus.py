"""Loading a corpus: bad input gets a clear error naming the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.errors import InputError
from analysis.paths import PROJECT_ROOT, SEEDS_DIR

MANIFEST = "id,file,outlet,title,url,published,notes\n"


def _corpus(tmp_path: Path, files: dict[str, bytes], manifest: str | None = None) -> Path:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    if manifest is not None:
        (tmp_path / "sources.csv").write_text(manifest, encoding="utf-8")
    return tmp_path


def test_seeds_are_byte_identical_to_shared_seeds() -> None:
    shared = PROJECT_ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no reference copy of the seed articles next to this project to compare with "
                    "(a maintainers' check; nothing for you to do)")
    for f in sorted(shared.glob("*.txt")):
        assert (SEEDS_DIR / f.name).read_bytes() == f.read_bytes(), f.name


def test_seed_manifest_loads_all_four_without_invented_dates() -> None:
    c = load_corpus(SEEDS_DIR)
    assert [s.id for s in c.sources] == ["s000", "s001", "s002", "s003"]
    assert all(s.published == "" for s in c.sources)
    assert c.sources[0].sha256 == hashlib.sha256(c.sources[0].path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"abc\x00def", "binary"),
     (b"caf\xe9 au lait", "not valid utf-8")],
)
def test_bad_article_names_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    d = _corpus(tmp_path, {"a.txt": data}, MANIFEST + "a,a.txt,,,,,\n")
    with pytest.raises(InputError, match=message) as err:
        load_corpus(d)
    assert "a.txt" in str(err.value)


def test_missing_article_and_folder(tmp_path: Path) -> None:
    d = _corpus(tmp_path, {}, MANIFEST + "a,missing.txt,,,,,\n")
    with pytest.raises(InputError, match="missing.txt: file not found"):
        load_corpus(d)
    with pytest.raises(InputError, match="not found"):
        load_corpus(tmp_path / "nope")


@pytest.mark.parametrize(
    ("rows", "message"),
    [("a,a.txt,,,,,\na,a.txt,,,,,\n", "duplicate id"),
     ("a,a.txt,,,,June 2025,\n", "not an ISO date"),
     ("a b,a.txt,,,,,\n", "plain token")],
)
def test_bad_manifest_rows(tmp_path: Path, rows: str, message: str) -> None:
    d = _corpus(tmp_path, {"a.txt": b"Some text."}, MANIFEST + rows)
    with pytest.raises(InputError, match=message) as err:
        load_corpus(d)
    assert "sources.csv" in str(err.value)


def test_folder_without_manifest_uses_every_txt(tmp_path: Path) -> None:
    d = _corpus(tmp_path, {"b.txt": b"Second.", "a.txt": b"First."})
    assert [s.id for s in load_corpus(d).sources] == ["a", "b"]


def test_other_encoding_by_parameter(tmp_path: Path) -> None:
    d = _corpus(tmp_path, {"a.txt": "café".encode("latin-1")}, MANIFEST + "a,a.txt,,,,,\n")
    assert load_corpus(d, encoding="latin-1").sources[0].raw == "café"
    with pytest.raises(InputError, match="unknown codec"):
        load_corpus(d, encoding="no-such-codec")


def test_the_corpus_kept_unseen_is_left_out_of_every_labelled_list(tmp_path, monkeypatch) -> None:
    """Scores, tests and benchmarks read ``example_corpora()``: a folder holding ``UNSEEN`` stays
    out until the final check asks for it."""
    from analysis import paths

    for name in ("b-deal", "a-deal", "c-deal"):
        (tmp_path / name).mkdir()
    (tmp_path / "c-deal" / paths.UNSEEN_MARKER).write_text("", encoding="utf-8")
    (tmp_path / "notes.md").write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "EXAMPLES_DIR", tmp_path)
    assert [p.name for p in paths.example_corpora()] == ["a-deal", "b-deal"]
    assert [p.name for p in paths.example_corpora(include_unseen=True)] == ["a-deal", "b-deal", "c-deal"]


@pytest.mark.parametrize("manifest", ["id,file\nderived,a.txt\n", "id,file\nDerived,a.txt\n", None])
def test_the_reserved_id_derived_is_refused(tmp_path: Path, manifest: str | None) -> None:
    """Derived claims have source_id 'derived': a source of that id would lose its claims among them."""
    c = _corpus(tmp_path, {"a.txt" if manifest else "derived.txt": b"Acme buys Beta for $5 billion.\n"}, manifest)
    where = "row 2: id '[dD]erived' is reserved" if manifest else "derived.txt.*reserved for derived figures"
    with pytest.raises(InputError, match=where):
        load_corpus(c)


@pytest.mark.parametrize("odd", ["\u2028", "\u0085", "\f", "\r\n", "\n"])
def test_a_line_break_of_any_kind_inside_a_field_stays_in_it(tmp_path: Path, odd: str) -> None:
    c = _corpus(tmp_path, {"a.txt": b"Acme buys Beta for $5 billion.\n", "b.txt": b"Beta is sold.\n"},
                f'id,file,title,notes\na,a.txt,"Acme{odd}Beta","one{odd}two"\nb,b.txt,,\n')
    got = load_corpus(c)
    assert [s.id for s in got.sources] == ["a", "b"]
    assert got.sources[0].title == f"Acme{odd}Beta" and got.sources[0].notes == f"one{odd}two"


@pytest.mark.parametrize(("manifest", "message"), [
    ('id,file,notes\na,a.txt,"two\nlines"\nb,b.txt,\nc,a.txt,\n', "row 4 \\(id c\\): file 'a.txt' is already"),
    ('id,file,notes\na,a.txt,"two\nlines"\n\nb,b.txt,\nb,c.txt,\n', "row 5: duplicate id 'b'"),
    ('id,file,notes\na,a.txt,"two\nlines"\nb,b.txt,"' + "x" * 140_000 + '"\n', "row 3 \\(line 4\\): not readable"),
    ('id,file,published\na,a.txt,"two\nlines"\n', "row 2: published 'two\\\\nlines' is not an ISO date"),
    ('id,file\na,"a.txt\nb,b.txt\n', "row 2: file 'a.txt\\\\nb,b.txt' spans lines"),
])
def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path: Path, manifest: str, message: str) -> None:
    c = _corpus(tmp_path, {"a.txt": b"Acme buys Beta for $5 billion.\n", "b.txt": b"Beta is sold.\n"}, manifest)
    with pytest.raises(InputError, match=message):
        load_corpus(c)


@pytest.mark.parametrize(("header", "message"), [
    ("id,file,pubished",
     "unknown column\\(s\\) 'pubished' \\(known: id, file, outlet, title, url, published, notes\\)"),
    ("id,file,published,published", "column\\(s\\) 'published' appear more than once"),
    ("id,file,,notes", "column\\(s\\) 3 of the header have no name"),
    ("id,outlet", "missing column\\(s\\) file"),
])
def test_header_problems_are_named(tmp_path: Path, header: str, message: str) -> None:
    """A misspelt column would drop every date silently; a repeated one would let the last win."""
    c = _corpus(tmp_path, {"a.txt": b"Acme buys Beta for $5 billion.\n"}, f"{header}\na,a.txt,2024-01-02,\n")
    with pytest.raises(InputError, match=message):
        load_corpus(c)


def test_header_names_may_carry_spaces(tmp_path: Path) -> None:
    c = _corpus(tmp_path, {"a.txt": b"Acme buys Beta for $5 billion.\n"}, "id, file, published\na,a.txt,2024-01-02\n")
    assert load_corpus(c).sources[0].published == "2024-01-02"
