"""End to end: run the notebooks and render, on the seeds and on the second corpus.

Checks what a reader relies on: the HTML and PDF exist, show the key figures read from
the artifacts, embed every image, resolve every cross-reference, are byte-identical on
a rerun, and a failing run leaves the published report untouched.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from analysis.formatting import figure
from analysis.paths import EXAMPLES_DIR, PROJECT_ROOT

pytestmark = pytest.mark.slow


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, cwd=PROJECT_ROOT, env={**os.environ, **(env or {})},
                          timeout=900)


def digest_tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "out"
    proc = run_cli("run", "--out", str(out))
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "[5/5]" in proc.stdout
    return out


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_html_and_pdf_show_the_key_figures(seeds_run: Path) -> None:
    html = (seeds_run / "report" / "index.html").read_text(encoding="utf-8")
    pdf = re.sub(r"\s+", " ", pdf_text(seeds_run / "report" / "index.pdf"))
    claims = pd.read_csv(seeds_run / "artifacts" / "claims.csv", dtype=str, keep_default_na=False)
    heads = claims[(claims["metric"] == "deal_value") & (claims["source_id"] != "derived")]
    values = sorted({float(v) for v in heads["value"]})
    for v in (values[0], values[-1]):
        text = figure(v, "USD")
        assert text in html, text
        assert text in pdf, text
    for word in ("Key findings", "Figure 1", "Reproducibility"):
        assert word in html and word in pdf, word
    assert "??" not in pdf and "@fig-" not in html and "@fig-" not in pdf


def test_html_embeds_every_image_with_alt_text(seeds_run: Path) -> None:
    html = (seeds_run / "report" / "index.html").read_text(encoding="utf-8")
    imgs = re.findall(r"<img [^>]*>", html)
    assert len(imgs) >= 5
    for tag in imgs:
        assert 'src="data:' in tag, tag[:120]
        assert re.search(r'alt="[^"]{10,}"', tag), tag[:200]


def test_pdf_draws_every_figure(seeds_run: Path) -> None:
    """typst inlines SVG as vector paths: each captioned figure's page must carry the drawing."""
    reader = PdfReader(seeds_run / "report" / "index.pdf")
    figures = sorted((seeds_run / "artifacts" / "figures").glob("*.svg"))
    captions: set[str] = set()
    for page in reader.pages:
        found = set(re.findall(r"Figure\s(\d+):", page.extract_text() or ""))
        if found:
            ops = re.findall(rb" (?:l|c|m|re)\b", page.get_contents().get_data())
            assert len(ops) > 200 * len(found), f"page with {found} has little drawing"
        captions |= found
    used = len(re.findall(r"_generated/figures/", (PROJECT_ROOT / "report" / "index.qmd").read_text()))
    assert len(captions) == used and used <= len(figures)


def test_every_artifact_is_written(seeds_run: Path) -> None:
    art = seeds_run / "artifacts"
    for name in ("cleaning_audit", "sources", "paragraphs", "sentences", "near_duplicates",
                 "claims", "comparisons", "qualitative", "timeline", "events_used", "language"):
        assert (art / f"{name}.csv").is_file(), name
    for sid in ("s000", "s001", "s002", "s003"):
        assert (art / "clean" / f"{sid}.txt").is_file()
    assert len(list((art / "figures").glob("*.svg"))) >= 6
    assert len(list((seeds_run / "notebooks").glob("*.ipynb"))) == 5


def test_rerun_is_byte_identical(seeds_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    proc = run_cli("run", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    for sub in ("artifacts", "report"):
        assert digest_tree(out / sub) == digest_tree(seeds_run / sub), sub


def test_render_alone_rebuilds_the_same_report(seeds_run: Path) -> None:
    before = digest_tree(seeds_run / "report")
    proc = run_cli("render", "--out", str(seeds_run))
    assert proc.returncode == 0, proc.stderr
    assert digest_tree(seeds_run / "report") == before
    assert not (seeds_run / "_staging_report").exists()


def test_failure_names_the_problem_and_keeps_the_report(seeds_run: Path, tmp_path: Path) -> None:
    before = digest_tree(seeds_run / "report")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"\x00\x01binary")
    proc = run_cli("run", "--corpus", str(bad), "--out", str(seeds_run))
    assert proc.returncode != 0
    assert "a.txt" in proc.stderr and "binary" in proc.stderr
    proc = run_cli("run", "--out", str(seeds_run), "-p", "approx_tolerance=2")
    assert proc.returncode != 0 and "approx_tolerance" in proc.stderr
    assert digest_tree(seeds_run / "report") == before


def test_failing_notebook_is_named_kept_and_report_untouched(seeds_run: Path, tmp_path: Path) -> None:
    before = digest_tree(seeds_run / "report")
    # a lexicon whose columns are all there (checked before any notebook runs) but whose gaps are
    # not numbers: only the claims notebook reads them
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((PROJECT_ROOT / "analysis" / "data" / "metric_lexicon.csv").read_text(
        encoding="utf-8"), newline="")))
    lexicon = tmp_path / "lexicon.csv"
    with lexicon.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**r, "max_gap": "not-a-number"} for r in rows)
    proc = run_cli("run", "--out", str(seeds_run), "-p", f"metric_lexicon={lexicon}")
    assert proc.returncode == 1, proc.stderr
    m = re.search(r"notebook (\d\d_\w+\.ipynb) failed in cell \d+", proc.stderr)
    assert m and "not-a-number" in proc.stderr, proc.stderr
    assert (seeds_run / "failed" / m.group(1)).is_file()
    assert digest_tree(seeds_run / "report") == before


def test_second_corpus_report_and_findings(tmp_path: Path) -> None:
    out = tmp_path / "hl"
    corpus = EXAMPLES_DIR / "harbor-lumen"
    proc = run_cli("run", "--corpus", str(corpus), "--out", str(out))
    assert proc.returncode == 0, proc.stderr + proc.stdout
    html = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "Lumen Cells" in html and "Meta" not in html.replace("metadata", "")
    timeline = pd.read_csv(out / "artifacts" / "timeline.csv", dtype=str, keep_default_na=False)
    truth = pd.read_csv(corpus / "truth.csv", dtype=str)
    for _, t in truth.iterrows():
        row = timeline[timeline["source_id"] == t["source_id"]].iloc[0]
        if row["published"]:
            assert row["published"] == t["published"]
        else:
            assert (not row["earliest"] or row["earliest"] <= t["published"])
            assert (not row["latest"] or t["published"] <= row["latest"])
    # the announced figure is what the coverage settles on
    assert "US$2.14 bn" in html or "$2.14 bn" in html


def test_render_reports_the_parameters_and_inputs_the_run_used(tmp_path: Path) -> None:
    out = tmp_path / "tol"
    proc = run_cli("run", "--out", str(out), "-p", "approx_tolerance=0.05")
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("render", "--out", str(out))  # no flags: the run's own parameters
    assert proc.returncode == 0, proc.stderr
    html = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "widened by 5%" in html and "widened by 10%" not in html
    assert "sources.csv (manifest)" in html
    before = digest_tree(out / "report")
    proc = run_cli("render", "--out", str(out), "--corpus", str(EXAMPLES_DIR / "harbor-lumen"))
    assert proc.returncode == 2
    assert "render: parameter corpus_dir=" in proc.stderr and "differs from the run's" in proc.stderr
    proc = run_cli("render", "--out", str(out), "-p", "approx_tolerance=0.1")
    assert proc.returncode == 2 and "approx_tolerance" in proc.stderr
    assert digest_tree(out / "report") == before


def test_a_notebook_run_alone_never_touches_the_published_artifacts(seeds_run: Path) -> None:
    """Jupyter, nbconvert and nbval run a notebook with its defaults: it writes to build/scratch."""
    import papermill as pm

    from analysis.paths import DEFAULT_OUT_DIR, SCRATCH_DIR
    from analysis.pipeline import ensure_kernel

    published = DEFAULT_OUT_DIR / "artifacts"
    before = digest_tree(published) if published.is_dir() else {}
    nb = PROJECT_ROOT / "notebooks" / "01_clean_corpus.ipynb"
    pm.execute_notebook(str(nb), str(seeds_run.parent / "alone.ipynb"), kernel_name=ensure_kernel(),
                        cwd=str(nb.parent), progress_bar=False)
    assert (SCRATCH_DIR / "01_clean_corpus" / "artifacts" / "sources.csv").is_file()
    assert (digest_tree(published) if published.is_dir() else {}) == before


def test_an_empty_valuation_chart_says_why_in_its_caption(tmp_path: Path) -> None:
    """A corpus where no source states a valuation, or gives a stake to imply one: the chart's
    caption says the chart is empty and why, rather than describing figures that are not there."""
    from analysis.report import generated_inputs

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Acme agreed on Monday to buy Beta Systems for $480 million in cash, "
                                  "the companies said.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Acme is paying about $500 million for Beta Systems, people familiar "
                                  "with the matter said.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("run", "--no-render", "--out", str(out), "--corpus", str(corpus))
    assert proc.returncode == 0, proc.stderr
    variables, _ = generated_inputs(out)
    caption = variables["figs"]["valuations"]["caption"]
    assert caption.startswith("No source states a valuation of the target"), caption
    assert variables["figs"]["discrepancy"]["caption"].startswith("The deal value and stake")


def test_the_figure_matrix_turns_to_a_row_per_source_when_sources_are_many(
        seeds_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A column per source is readable for a few sources; with many (sixteen outlets' names as
    column heads) the printed matrix overlapped, so beyond MATRIX_SOURCE_COLUMNS each source is
    a row and each metric a column."""
    from analysis import report, report_claims

    _, files = report.generated_inputs(seeds_run)
    assert files["claims_matrix.md"].startswith("| Metric |")
    monkeypatch.setattr(report_claims, "MATRIX_SOURCE_COLUMNS", 2)
    _, files = report.generated_inputs(seeds_run)
    lines = files["claims_matrix.md"].splitlines()
    assert lines[0].startswith("| Source |") and "Deal value" in lines[0]
    assert len(lines) == 2 + 4  # header, rule, one row per seed source


def test_a_long_list_of_disagreements_is_grouped_by_pair_of_figures(
        seeds_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A raised offer sets every early source against every later one: listed pair by pair, one
    corpus filled four pages with ninety bullets. Beyond LONG_DISAGREEMENTS pairs, one line per
    pair of figures (with how many source pairs it covers and one example) reads instead."""
    from analysis import report, report_claims

    _, files = report.generated_inputs(seeds_run)
    pairs = [x for x in files["disagreements.md"].splitlines() if x.startswith("- ")]
    assert pairs and not files["disagreements.md"].startswith("Grouped")
    monkeypatch.setattr(report_claims, "LONG_DISAGREEMENTS", 1)
    _, files = report.generated_inputs(seeds_run)
    text = files["disagreements.md"]
    grouped = [x for x in text.splitlines() if x.startswith("- ")]
    assert text.startswith("Grouped by the two figures") and 0 < len(grouped) <= len(pairs)
    assert all(" against " in x and "source pair" in x and "for example" in x for x in grouped)


def test_the_removed_text_table_turns_to_a_row_per_source_when_sources_are_many(
        seeds_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Eighteen outlets' names as column heads of the removed-text table overlapped in print:
    beyond MATRIX_SOURCE_COLUMNS each source is a row naming the rules that took its text."""
    from analysis import report

    _, files = report.generated_inputs(seeds_run)
    assert files["removed_by_rule.md"].startswith("| Rule |")
    monkeypatch.setattr(report, "MATRIX_SOURCE_COLUMNS", 2)
    _, files = report.generated_inputs(seeds_run)
    lines = files["removed_by_rule.md"].splitlines()
    assert lines[0].startswith("| Source |") and "By rule" in lines[0] and len(lines) == 2 + 4


def test_the_same_corpus_elsewhere_gives_the_same_artifacts_and_report(seeds_run: Path, tmp_path: Path) -> None:
    """Where the corpus lies is not part of the result: params.json, HTML and PDF hold its folder's
    name; the absolute path is in the run log (runs/<run>/run.json), which is not an artifact."""
    import json
    import shutil

    copy = tmp_path / "elsewhere" / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", copy)
    out = tmp_path / "out"
    proc = run_cli("run", "--corpus", str(copy), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    for sub in ("artifacts", "report"):
        assert digest_tree(out / sub) == digest_tree(seeds_run / sub), sub
    log = json.loads((out / "current" / "run.json").read_text(encoding="utf-8"))
    assert log["parameters"]["corpus_dir"] == str(copy)
    proc = run_cli("render", "--out", str(out), "--corpus", str(copy))  # the run's own corpus: accepted
    assert proc.returncode == 0, proc.stderr
    assert (out / "current" / "run.json").is_file()
