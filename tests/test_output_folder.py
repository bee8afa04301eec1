"""An existing output folder may be the user's: a run refuses one holding anything it did not
write, before any notebook runs, and removes only what it can prove it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import pipeline, publish
from analysis.__main__ import main

ARTICLE = "Acme agreed to buy Beta for $5 billion, the companies said on Monday.\n"


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _published(out: Path, marker: str = "old") -> Path:
    with publish.locked(out):
        stage = publish.new_staging(out)
        for part in publish.PARTS:
            (stage / part).mkdir()
            (stage / part / "index.html").write_text(f"{marker} {part}\n", encoding="utf-8")
        publish.publish(stage, out)
    return out


@pytest.fixture
def no_notebooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal must come before any notebook runs."""
    def fail(*a, **k):
        raise AssertionError("a notebook ran")

    monkeypatch.setattr(pipeline, "_execute", fail)


@pytest.mark.parametrize("user_file", ["report/f.txt", "artifacts/f.txt", "notebooks/f.txt", "runs/mine/f.txt",
                                       "failed/f.txt", "notes/f.txt", "current/f.txt"])
def test_a_folder_holding_user_files_is_refused_before_anything_runs(
        tmp_path: Path, capsys, no_notebooks: None, user_file: str) -> None:
    out = tmp_path / "U"
    (out / user_file).parent.mkdir(parents=True)
    (out / user_file).write_text("x\n", encoding="utf-8")
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    assert main(["run", "--corpus", str(_corpus(tmp_path / "c")), "--out", str(out), "--no-render"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: output folder {out}: {out / user_file.split('/')[0]}"), err
    assert "not this tool's output" in err and err.count("\n") == 1
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before  # not even a .lock


def test_a_file_as_output_folder_is_refused(tmp_path: Path, capsys, no_notebooks: None) -> None:
    (tmp_path / "o").write_text("mine\n", encoding="utf-8")
    assert main(["run", "--corpus", str(_corpus(tmp_path / "c")), "--out", str(tmp_path / "o")]) == 2
    assert "exists and is not a folder" in capsys.readouterr().err
    assert (tmp_path / "o").read_text() == "mine\n"


def test_render_refuses_a_folder_holding_user_files(tmp_path: Path, capsys) -> None:
    out = _published(tmp_path / "out")
    (out / "notes").mkdir()
    assert main(["render", "--out", str(out)]) == 2
    assert f"{out / 'notes'} is not a name a run writes" in capsys.readouterr().err


def test_publish_removes_only_runs_it_marked(tmp_path: Path) -> None:
    out = _published(tmp_path / "out")
    mine = out / publish.RUNS / "mine"
    mine.mkdir()
    (mine / "f.txt").write_text("x\n", encoding="utf-8")
    staging_of_another = out / publish.RUNS / ".staging-1-2"  # unmarked: never removed
    staging_of_another.mkdir()
    _published(out, "new")
    _published(out, "newer")
    assert (mine / "f.txt").is_file() and staging_of_another.is_dir()
    assert sorted(p.name for p in (out / publish.RUNS).iterdir()) == sorted(
        [".staging-1-2", "mine", publish.current_tree(out).name])


def test_a_real_folder_where_a_link_goes_is_never_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "report").mkdir(parents=True)
    (out / "report" / "f.txt").write_text("x\n", encoding="utf-8")
    stage = publish.new_staging(out)
    for part in publish.PARTS:
        (stage / part).mkdir()
    with pytest.raises(publish.InputError, match="real folder or file"):
        publish.publish(stage, out)
    assert (out / "report" / "f.txt").is_file()


def test_a_failed_switch_leaves_no_orphan_run_or_link(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "current").mkdir(parents=True)
    (out / "current" / "f.txt").write_text("x\n", encoding="utf-8")
    stage = publish.new_staging(out)
    for part in publish.PARTS:
        (stage / part).mkdir()
    with pytest.raises(publish.InputError, match="real folder"):
        publish.publish(stage, out)
    assert (out / "current" / "f.txt").is_file()
    assert sorted(p.name for p in out.iterdir()) == ["current", "runs"]
    assert list((out / "runs").iterdir()) == []


def test_an_output_folder_of_an_older_version_is_taken_over(tmp_path: Path) -> None:
    """Published before runs carried a marker: its run folder is proven by its name and parts."""
    out = _published(tmp_path / "out")
    old = publish.current_tree(out)
    (old / publish.RUN_MARKER).unlink()
    assert publish.ours(old)
    publish.check_output(out)
    (out / "cache" / "0123456789abcdef").mkdir(parents=True)
    (out / "scratch").mkdir()
    (out / ".current.123").symlink_to("runs/gone")  # left by a killed publish
    publish.check_output(out)
    _published(out, "new")
    assert not old.exists() and not (out / ".current.123").is_symlink()
    assert (out / "report" / "index.html").read_text() == "new report\n"


def test_clear_failed_keeps_what_it_did_not_write(tmp_path: Path) -> None:
    failed = tmp_path / "failed"
    failed.mkdir()
    (failed / "01_clean_corpus.ipynb").write_text("{}", encoding="utf-8")
    publish.clear_failed(tmp_path, ["01_clean_corpus.ipynb"])
    assert not failed.exists()
    failed.mkdir()
    (failed / "f.txt").write_text("x\n", encoding="utf-8")
    (failed / "01_clean_corpus.ipynb").write_text("{}", encoding="utf-8")
    publish.clear_failed(tmp_path, ["01_clean_corpus.ipynb"])
    assert [p.name for p in failed.iterdir()] == ["f.txt"]


def test_an_output_folder_inside_the_default_one_is_accepted(tmp_path: Path) -> None:
    """`--out build/harbor-lumen` then `make report` (build/): the nested output is left alone."""
    out = _published(tmp_path / "build")
    nested = _published(out / "harbor-lumen")
    publish.check_output(out)
    _published(out, "new")
    assert (nested / "report" / "index.html").read_text() == "old report\n"
