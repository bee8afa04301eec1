"""The published report never changes under the user: work done from Python or a notebook goes
to a scratch folder, writing into a published run is refused, and ``render`` refuses artifacts
that are no longer the ones their run published (the report would mix two corpora)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import artifacts, figures, paths, publish
from analysis.errors import InputError
from analysis.params import Params

pytestmark = pytest.mark.slow


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          cwd=paths.PROJECT_ROOT, env=dict(os.environ), timeout=900)


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published") / "out"
    proc = _run_cli("run", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def test_params_from_python_write_to_scratch_not_to_the_published_report() -> None:
    p = Params.from_mapping({"corpus_dir": str(paths.EXAMPLES_DIR / "harbor-lumen")})
    assert Path(p.out_dir) == paths.SCRATCH_DIR / "interactive"
    assert not Path(p.out_dir).is_relative_to(paths.DEFAULT_OUT_DIR / "artifacts")


def test_writing_artifacts_into_a_published_run_is_refused(published: Path) -> None:
    before = _digest(published / "current")
    table = pd.DataFrame({"a": [1]})
    for where in (published, published / "current", published / "artifacts"):
        with pytest.raises(InputError, match=r"out_dir .*holds a published run.*python -m analysis run"):
            artifacts.write_table(table, where, "comparisons")
    with pytest.raises(InputError, match="published run"):
        artifacts.write_text(published, "clean/x.txt", "x")
    fig = figures.pyplot().figure()
    try:
        with pytest.raises(InputError, match="published run"):
            figures.save(fig, published, "discrepancy")
    finally:
        figures.pyplot().close(fig)
    assert _digest(published / "current") == before


def test_a_notebook_given_the_published_folder_refuses_to_write(published: Path, tmp_path: Path) -> None:
    import papermill as pm

    from analysis.pipeline import ensure_kernel

    before = _digest(published / "current")
    nb = paths.NOTEBOOKS_DIR / "04_compare_claims.ipynb"
    with pytest.raises(pm.PapermillExecutionError, match="holds a published run"):
        pm.execute_notebook(str(nb), str(tmp_path / "x.ipynb"), kernel_name=ensure_kernel(),
                            parameters={"out_dir": str(published),
                                        "corpus_dir": str(paths.EXAMPLES_DIR / "harbor-lumen")},
                            cwd=str(nb.parent), progress_bar=False)
    assert _digest(published / "current") == before


def test_render_refuses_artifacts_changed_after_their_run(published: Path) -> None:
    record = published / "current" / publish.ARTIFACT_RECORD
    assert record.is_file() and "artifacts/comparisons.csv" in record.read_text(encoding="utf-8")
    report = _digest(published / "report")
    table = published / "artifacts" / "comparisons.csv"
    original = table.read_bytes()
    try:
        pd.read_csv(table).head(1).to_csv(table, index=False)  # another run's table, written by hand
        proc = _run_cli("render", "--out", str(published))
        assert proc.returncode == 2
        assert str(published / "artifacts" / "comparisons.csv") in proc.stderr
        assert f"python -m analysis run --corpus seeds --out {published}" in proc.stderr
        assert _digest(published / "report") == report
    finally:
        table.write_bytes(original)
    extra = published / "artifacts" / "stray.csv"
    extra.write_text("a\n1\n", encoding="utf-8")
    try:
        proc = _run_cli("render", "--out", str(published))
        assert proc.returncode == 2 and "stray.csv (added)" in proc.stderr
    finally:
        extra.unlink()
    proc = _run_cli("render", "--out", str(published))  # the run's own artifacts: rendered
    assert proc.returncode == 0, proc.stderr
    assert (published / "current" / publish.ARTIFACT_RECORD).is_file()
