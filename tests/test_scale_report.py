"""End to end at scale: 200 sources built from the real texts, rendered, must still read.

A reader of a 200-source report needs a PDF of a few dozen pages with tables and charts that
aggregate (by outlet, period, figure), while the HTML keeps every source in its interactive
tables; the full per-source tables stay in the artifacts.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from analysis.formatting import MANY_SOURCES
from analysis.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow

N_SOURCES = 200


@pytest.fixture(scope="module")
def scale_run(tmp_path_factory) -> Path:
    sys.path.insert(0, str(PROJECT_ROOT))
    from benchmarks.corpora import build_corpus

    root = tmp_path_factory.mktemp("scale")
    corpus = build_corpus(N_SOURCES, root / "corpus")
    out = root / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, env=dict(os.environ), timeout=1200)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return out


def test_pdf_stays_short(scale_run: Path) -> None:
    pages = len(PdfReader(scale_run / "report" / "index.pdf").pages)
    assert pages < 30, pages


def test_print_aggregates_and_html_keeps_every_source(scale_run: Path) -> None:
    assert N_SOURCES > MANY_SOURCES
    pdf = " ".join(p.extract_text() or "" for p in PdfReader(scale_run / "report" / "index.pdf").pages)
    pdf = re.sub(r"\s+", " ", pdf)
    html = (scale_run / "report" / "index.html").read_text(encoding="utf-8")
    sources = pd.read_csv(scale_run / "artifacts" / "sources.csv", dtype=str, keep_default_na=False)
    claims = pd.read_csv(scale_run / "artifacts" / "claims.csv", dtype=str, keep_default_na=False)
    # the PDF names only some sources; the HTML's interactive tables name every one
    in_pdf = sum(f"({sid})" in pdf for sid in sources["source_id"])
    assert in_pdf < len(sources) / 2, in_pdf
    # the dating appendix lists the reference events bounding the most sources, not dozens
    assert "more reference events, each bounding fewer sources, in events_used.csv" in pdf
    assert all(f"({sid})" in html for sid in sources["source_id"])
    # aggregated tables in both formats, the full claims table in the HTML only
    for heading in ("Outlet", "Figures given (sources giving each)", "Sources per "):
        assert heading in pdf and heading in html, heading
    assert f"The full table (all {int((claims['source_id'] != 'derived').sum())} claims) is in the HTML" in pdf
    assert "Appendix: every source, claim and measure" in html and "Appendix: every source" not in pdf
    assert html.count('class="datatable"') >= 5
    assert "Timeline order:" not in pdf and "Timeline order of the 200 sources" in pdf


def test_charts_aggregate(scale_run: Path) -> None:
    """No chart carries a label per source: a figure cluster, period or distribution instead."""
    figures = scale_run / "artifacts" / "figures"
    for name in ("discrepancy", "timeline", "language", "removed_by_rule"):
        svg = (figures / f"{name}.svg").read_text(encoding="utf-8")
        assert svg.count("<g id=\"text_") < 120, name  # a per-source chart had 200+ tick labels
    assert len((figures / "discrepancy.svg").read_bytes()) < 400_000
