"""The stage cache: each stage once per input, never a stale or foreign result.

A user reruns notebooks with other parameters, edits a lexicon, swaps a corpus file, or
changes a returned table in Jupyter; every one of these must give what a fresh
computation gives. "A new process" is simulated by forgetting the in-memory caches, so
results must come from the files on disk.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import cache, stages
from analysis.params import Params
from analysis.paths import EXAMPLES_DIR, PROJECT_ROOT, SEEDS_DIR


@pytest.fixture(autouse=True)
def _fixed_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """The code's own fingerprint is tested alone; here it must not move while other work edits files."""
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "c0de" * 16)
    monkeypatch.setattr(cache, "runs_current_code", lambda: True)


def _params(tmp_path: Path, corpus: Path = SEEDS_DIR, **extra) -> Params:
    return Params.from_mapping({"corpus_dir": str(corpus), "out_dir": str(tmp_path / "out"),
                                "cache_dir": str(tmp_path / "cache"), **extra})


def _new_process() -> None:
    stages._CACHES.clear()


def _all_stages(p: Params) -> dict[str, object]:
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    tl = stages.build_timeline(p, cs, claims)
    return {
        "tables": stages.cleaning_tables(cs, p),
        "claims": claims,
        "qualitative": stages.qualitative(p, cs),
        "transactions": stages.transactions(p, cs),
        "timeline": tl.table,
        "evidence": tl.evidence,
        "comparisons": stages.comparisons(claims, tl),
        "language": stages.language(p, cs, claims),
        "clean_text": [c.clean_text for c in cs],
    }


def _assert_same(a: dict[str, object], b: dict[str, object]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        x, y = a[name], b[name]
        if isinstance(x, dict):
            for t in x:
                pd.testing.assert_frame_equal(x[t], y[t], obj=f"{name}.{t}")
        elif isinstance(x, pd.DataFrame):
            pd.testing.assert_frame_equal(x, y, obj=name)
        else:
            assert x == y, name


def test_second_process_reads_every_stage_from_disk_and_gets_the_same_results(tmp_path: Path) -> None:
    p = _params(tmp_path, EXAMPLES_DIR / "harbor-lumen")
    _new_process()
    first = _all_stages(p)
    assert sorted(set(stages.stage_cache(p).misses)) == sorted(
        ["cleaned", "cleaning_tables", "claims", "qualitative", "transactions", "timeline", "comparisons",
         "language"])
    _new_process()
    again = _all_stages(p)
    assert stages.stage_cache(p).misses == []
    _assert_same(first, again)
    uncached = _all_stages(Params.from_mapping({"corpus_dir": str(EXAMPLES_DIR / "harbor-lumen"),
                                                "cache_dir": "none", "out_dir": str(tmp_path / "o2")}))
    _assert_same(first, uncached)


def test_a_parameter_recomputes_only_the_stages_that_read_it(tmp_path: Path) -> None:
    _new_process()
    _all_stages(_params(tmp_path))
    _new_process()
    p = _params(tmp_path, approx_tolerance=0.2)
    _all_stages(p)
    # claims read the tolerance, and everything built on the claims follows; cleaning does not
    assert "cleaned" not in stages.stage_cache(p).misses
    assert "cleaning_tables" not in stages.stage_cache(p).misses
    assert {"claims", "timeline", "comparisons", "language"} <= set(stages.stage_cache(p).misses)
    _new_process()
    p = _params(tmp_path, near_duplicate_threshold=90)
    _all_stages(p)
    assert stages.stage_cache(p).misses == ["cleaning_tables"]


#: Each parameter a stage reads and the stages that read it (those built on them follow).
READS = {"encoding": {"cleaned"}, "manifest": {"cleaned"}, "extra_rules": {"cleaned"},
         "near_duplicate_threshold": {"cleaning_tables"}, "approx_tolerance": {"claims"},
         "metric_lexicon": {"claims", "qualitative", "transactions"},
         "stance_cues": {"claims", "qualitative", "transactions"},
         "events": {"timeline"}, "hedge_cues": {"language"}, "repeat_threshold": {"language"}}
#: Read by no cached stage: where the corpus lies (its files are keyed by content), and the
#: report's names for the event (read when the report is made).
READ_BY_NONE = {"corpus_dir", "event_name", "event_description"}


def _changed(tmp_path: Path, name: str) -> str:
    """Another valid value of parameter ``name`` (files: a copy with one byte more)."""
    data = Path(stages.__file__).parent / "data"
    if name == "manifest":  # the rows as read are the input: a published date more
        f = tmp_path / "sources.csv"
        f.write_text((SEEDS_DIR / "sources.csv").read_text(encoding="utf-8").replace(
            "Scale AI,,,", "Scale AI,,2025-06-13,", 1), encoding="utf-8")
        return str(f)
    copies = {"events": SEEDS_DIR / "events.csv",
              "metric_lexicon": data / "metric_lexicon.csv", "stance_cues": data / "stance_cues.csv",
              "hedge_cues": data / "hedge_cues.csv"}
    if name in copies:
        f = tmp_path / f"{name}.csv"
        f.write_text(copies[name].read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return str(f)
    if name == "extra_rules":
        f = tmp_path / "rules.yml"
        f.write_text("- id: no_such_widget\n  kind: line\n  pattern: 'No such widget here'\n", encoding="utf-8")
        return str(f)
    return {"encoding": "latin-1", "near_duplicate_threshold": "90", "approx_tolerance": "0.2",
            "repeat_threshold": "70"}[name]


def test_every_parameter_a_stage_reads_is_in_its_key(tmp_path: Path) -> None:
    """Change each parameter alone: the stages that read it are computed again, never answered
    with a result of the old value (encoding once was not, and latin-1 got UTF-8 offsets)."""
    assert set(READS) | READ_BY_NONE == set(Params.names()) - set(Params.RUNTIME) - {"out_dir"}
    _new_process()
    _all_stages(_params(tmp_path))
    for name, readers in READS.items():
        _new_process()
        p = _params(tmp_path, **{name: _changed(tmp_path, name)})
        _all_stages(p)
        missed = set(stages.stage_cache(p).misses)
        assert readers <= missed, (name, missed)
        if name == "encoding":  # UTF-8 punctuation read as latin-1: the raw text every offset indexes
            assert "â\x80\x94" in "".join(c.source.raw for c in stages.cleaned(p))


def test_a_changed_corpus_file_or_lexicon_is_never_answered_from_the_cache(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    _new_process()
    p = _params(tmp_path, corpus)
    before = stages.claims(p, stages.cleaned(p))
    first = sorted(corpus.glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("billion", "million", 1), encoding="utf-8")
    _new_process()
    after = stages.claims(p, stages.cleaned(p))
    assert stages.stage_cache(p).misses == ["cleaned", "claims"]
    assert not before.equals(after)

    lexicon = tmp_path / "metric_lexicon.csv"
    shutil.copy(Path(stages.__file__).parent / "data" / "metric_lexicon.csv", lexicon)
    p2 = _params(tmp_path, corpus, metric_lexicon=str(lexicon))
    stages.claims(p2, stages.cleaned(p2))
    _new_process()
    stages.claims(p2, stages.cleaned(p2))
    assert stages.stage_cache(p2).misses == []  # the same file content: the same key
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _new_process()
    stages.claims(p2, stages.cleaned(p2))
    assert stages.stage_cache(p2).misses == ["claims"]


def test_tables_a_user_changed_are_computed_afresh_and_never_alter_the_cache(tmp_path: Path) -> None:
    _new_process()
    p = _params(tmp_path)
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    tl = stages.build_timeline(p, cs, claims)
    full = stages.comparisons(claims, tl)
    only_deal = claims[claims["metric"] == "deal_value"]  # a table the user made: no key
    assert stages.key_of(only_deal) is None
    part = stages.comparisons(only_deal, tl)
    assert len(part) < len(full)
    claims.loc[:, "value"] = 0.0  # changed in place: the next caller still gets the true claims
    fresh = stages.claims(p, cs)
    assert (fresh["value"] != 0).any()
    assert stages.key_of(fresh) is not None


def test_a_damaged_cache_file_is_recomputed_and_none_writes_nothing(tmp_path: Path) -> None:
    _new_process()
    p = _params(tmp_path)
    good = stages.claims(p, stages.cleaned(p))
    for f in (tmp_path / "cache").rglob("*.pkl"):
        f.write_bytes(b"not a pickle")
    _new_process()
    again = stages.claims(p, stages.cleaned(p))
    pd.testing.assert_frame_equal(good, again)
    assert stages.stage_cache(p).misses == ["cleaned", "claims"]
    off = Params.from_mapping({"cache_dir": "none", "out_dir": str(tmp_path / "o3")})
    stages.claims(off, stages.cleaned(off))
    assert not (tmp_path / "o3").exists()


def test_a_process_running_older_code_than_the_files_neither_reads_nor_writes_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Jupyter kernel that loaded the package before an edit runs the old code: its results,
    stored under the edited code's key, would be read later as the new code's."""
    _new_process()
    p = _params(tmp_path)
    stages.claims(p, stages.cleaned(p))
    stored = {f: f.stat().st_mtime_ns for f in (tmp_path / "cache").rglob("*.pkl")}
    assert stored
    monkeypatch.setattr(cache, "runs_current_code", lambda: False)
    _new_process()
    other = _params(tmp_path, approx_tolerance=0.2)
    stages.claims(other, stages.cleaned(other))
    assert stages.stage_cache(other).misses == ["cleaned", "claims"]  # nothing read either
    assert {f: f.stat().st_mtime_ns for f in (tmp_path / "cache").rglob("*.pkl")} == stored


def test_the_files_a_process_loaded_are_its_current_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    assert cache.runs_current_code()
    monkeypatch.setattr(cache, "_LOADED_FILES", ())
    assert not cache.runs_current_code()


def test_editing_a_package_file_changes_the_code_fingerprint(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.undo()  # the real fingerprint, over a copy of a package
    package = tmp_path / "analysis"
    (package / "data").mkdir(parents=True)
    (package / "stage.py").write_text("RULE = 1\n", encoding="utf-8")
    (package / "data" / "cues.csv").write_text("cue\nsaid\n", encoding="utf-8")
    monkeypatch.setattr(cache.paths, "PACKAGE_DIR", package)
    first = cache.code_fingerprint()
    assert cache.code_fingerprint() == first
    (package / "stage.py").write_text("RULE = 2\n", encoding="utf-8")
    second = cache.code_fingerprint()
    (package / "data" / "cues.csv").write_text("cue\nsaid\nclaimed\n", encoding="utf-8")
    assert len({first, second, cache.code_fingerprint()}) == 3


def test_stale_code_versions_are_pruned(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    (root / "0123456789abcdef" / "claims").mkdir(parents=True)
    (root / "0123456789abcdef" / cache.MARKER).write_text("", encoding="utf-8")
    current = root / cache.code_fingerprint()[:16] / "claims"
    current.mkdir(parents=True)
    assert cache.prune_stale(root) == 1
    assert current.is_dir() and not (root / "0123456789abcdef").exists()


def test_only_folders_the_cache_made_are_pruned(tmp_path: Path) -> None:
    """cache_dir may be the user's folder: a 16-character folder of theirs is never removed."""
    root = tmp_path / "D"
    (root / "holiday_pics2024").mkdir(parents=True)
    (root / "holiday_pics2024" / "img.txt").write_text("x\n", encoding="utf-8")
    cache.StageCache(root).get("claims", "k", lambda: 1)
    assert (root / cache.code_fingerprint()[:16] / cache.MARKER).is_file()  # what it made, marked
    assert cache.prune_stale(root) == 0
    assert (root / "holiday_pics2024" / "img.txt").is_file()


@pytest.mark.parametrize("bad", ["/proc/1", "file"])
def test_an_unusable_cache_dir_is_a_parameter_error_before_anything_runs(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, bad: str) -> None:
    from analysis import pipeline
    from analysis.__main__ import main

    monkeypatch.setattr(pipeline, "_execute", lambda *a, **k: pytest.fail("a notebook ran"))
    (tmp_path / "file").write_text("x\n", encoding="utf-8")
    root = bad if bad.startswith("/") else str(tmp_path / bad)
    assert main(["run", "--out", str(tmp_path / "o"), "-p", f"cache_dir={root}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: parameter cache_dir: {root} cannot be used"), err


def test_runtime_parameters_stay_out_of_params_json() -> None:
    a = Params.from_mapping({"jobs": "2", "cache_dir": "none", "dask_scheduler": "local"})
    b = Params.from_mapping({})
    assert a.to_json(include_out_dir=False) == b.to_json(include_out_dir=False)
    assert "jobs" not in a.to_json()


@pytest.mark.parametrize("bad", ["two", "1.5", "-1", "513", "true"])
def test_jobs_must_be_a_whole_number_in_range(bad: str) -> None:
    from analysis.errors import InputError

    with pytest.raises(InputError, match="parameter jobs"):
        Params.from_mapping({"jobs": bad})


@pytest.mark.slow
def test_a_rerun_and_a_notebook_run_alone_compute_no_stage_again(tmp_path: Path) -> None:
    """The second run of the same corpus and parameters reads every stage from the cache: no
    result file is added or rewritten, and the artifacts are byte-identical."""
    import papermill as pm

    from analysis.paths import NOTEBOOKS_DIR
    from analysis.pipeline import ensure_kernel

    def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                              cwd=PROJECT_ROOT, timeout=900)

    def digest_tree(folder: Path) -> dict[str, str]:
        return {str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest()
                for f in sorted(folder.rglob("*")) if f.is_file()}

    out = tmp_path / "out"
    corpus = str(EXAMPLES_DIR / "harbor-lumen")
    first = run_cli("run", "--no-render", "--out", str(out), "--corpus", corpus)
    assert first.returncode == 0, first.stderr
    stored = {f: f.stat().st_mtime_ns for f in (out / "cache").rglob("*.pkl")}
    assert {f.parent.name for f in stored} == {"cleaned", "cleaning_tables", "claims", "qualitative",
                                                "transactions", "timeline", "comparisons", "language", "chart"}
    artifacts = digest_tree(out / "artifacts")
    second = run_cli("run", "--no-render", "--out", str(out), "--corpus", corpus)
    assert second.returncode == 0, second.stderr
    assert {f: f.stat().st_mtime_ns for f in (out / "cache").rglob("*.pkl")} == stored
    assert digest_tree(out / "artifacts") == artifacts
    nb = NOTEBOOKS_DIR / "04_compare_claims.ipynb"
    pm.execute_notebook(str(nb), str(tmp_path / "alone.ipynb"), kernel_name=ensure_kernel(), cwd=str(nb.parent),
                        parameters={"corpus_dir": corpus, "cache_dir": str(out / "cache"),
                                    "out_dir": str(tmp_path / "alone")}, progress_bar=False)
    assert {f: f.stat().st_mtime_ns for f in (out / "cache").rglob("*.pkl")} == stored
    for name in ("comparisons.csv", "figures/discrepancy.svg", "figures/valuations.svg"):
        assert (tmp_path / "alone" / "artifacts" / name).read_bytes() == (out / "artifacts" / name).read_bytes()
    # the report: rendered once per staged project, then copied from the cache
    from analysis import render, report

    tree = tmp_path / "tree"
    shutil.copytree(out / "artifacts", tree / "artifacts")
    report.build_report(tree, out / "cache")
    first_report = digest_tree(tree / "report")
    assert {"index.html", "index.pdf"} <= set(first_report)
    real_render = render.render
    render.render = lambda *a, **k: (_ for _ in ()).throw(AssertionError("rendered twice"))
    try:
        shutil.rmtree(tree / "report")
        report.build_report(tree, out / "cache")
    finally:
        render.render = real_render
    assert digest_tree(tree / "report") == first_report
    uncached = tmp_path / "uncached"
    third = run_cli("run", "--no-render", "--out", str(uncached), "--corpus", corpus, "-p", "cache_dir=none")
    assert third.returncode == 0, third.stderr
    assert digest_tree(uncached / "artifacts") == artifacts and not (uncached / "cache").exists()


def test_a_chart_is_drawn_once_and_shows_the_saved_svg(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    from analysis.paths import figures_dir

    _new_process()
    p = _params(tmp_path)
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    drawn: list[int] = []

    def draw():
        drawn.append(1)
        fig, ax = plt.subplots()
        ax.bar(["a", "b"], [len(cs), len(claims)])
        return fig

    first = stages.chart(p, "counts", draw, cs, claims)
    svg = first.path.read_bytes()
    first.path.unlink()
    _new_process()
    again = stages.chart(p, "counts", draw, stages.cleaned(p), stages.claims(p, stages.cleaned(p)))
    assert drawn == [1] and again.path.read_bytes() == svg and again._repr_svg_().startswith("<?xml")
    assert again.path == figures_dir(p.out_dir) / "counts.svg"
    stages.chart(p, "counts", draw, claims.head(2))  # a table the caller made: drawn afresh
    assert drawn == [1, 1]


def test_render_accepts_runtime_flags_and_refuses_result_flags() -> None:
    """``render -p jobs=2`` changes nothing the report shows; ``-p approx_tolerance`` would."""
    from analysis.errors import InputError
    from analysis.report import _check_overrides

    recorded = Params.from_mapping({})
    _check_overrides(recorded, {"jobs": "2", "cache_dir": "none", "dask_scheduler": "local", "out_dir": "/x"})
    with pytest.raises(InputError, match="approx_tolerance"):
        _check_overrides(recorded, {"approx_tolerance": "0.3"})

