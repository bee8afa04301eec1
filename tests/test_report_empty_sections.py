"""A corpus with nothing to chart or compare: each empty section says plainly why, and no chart is
drawn on made-up axes (dates around 2000-01-01, a 0-1 value scale)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import figures, report_text
from analysis.paths import EXAMPLES_DIR, PROJECT_ROOT
from analysis.report_claims import comparison_summary

UNDATED = pd.DataFrame({"source_id": ["a", "b"], "order": [1, 2], "published": ["", ""], "earliest": ["", ""],
                        "latest": ["", ""], "stage": ["agreed", "agreed"], "dated": [False, False]})
NO_EVENTS = pd.DataFrame(columns=["date", "event"])


def _says_only(fig, message: str) -> None:
    assert all(not ax.axison for ax in fig.axes)  # no axis at all, so no made-up dates or values
    assert [t.get_text() for ax in fig.axes for t in ax.texts] == [message]
    figures.pyplot().close(fig)


def test_charts_with_nothing_dated_say_why_instead_of_drawing_axes() -> None:
    _says_only(figures.timeline_windows(UNDATED, NO_EVENTS, {}), figures.NO_DATED_SOURCE)
    no_heads = pd.DataFrame(columns=["source_id", "metric", "value", "lower", "upper", "unit", "bound"])
    _says_only(figures.headline_over_time(UNDATED, no_heads, {}, "deal_value"), figures.NO_HEADLINE)
    heads = pd.DataFrame({"source_id": ["a"], "metric": ["deal_value"], "value": [1e9], "lower": [1e9],
                          "upper": [1e9], "unit": ["USD"], "bound": ["exact"], "claim_id": ["a-c01"], "quote": ["x"]})
    _says_only(figures.headline_over_time(UNDATED, heads, {}, "deal_value"), figures.NO_DATED_HEADLINE)


def test_no_pair_compared_is_said_plainly() -> None:
    text = comparison_summary(pd.DataFrame({"verdict": [], "pairs": []}))
    assert "0 pairs" not in text and "the list below" not in text and "No pair of figures could be compared" in text
    lead = report_text.figures_lead(False, False, figures.NO_HEADLINE)
    assert "truly disagree" not in lead and "has nothing to compare" in lead and "@fig-headline is empty" in lead


@pytest.mark.slow
def test_a_corpus_with_no_deal_value_renders_no_fake_chart(tmp_path: Path) -> None:
    corpus = tmp_path / "two"
    corpus.mkdir()
    source = EXAMPLES_DIR / "qualcomm-nxp"
    rows = (source / "sources.csv").read_text(encoding="utf-8").splitlines()
    for name in ("p06", "p07"):
        shutil.copy(source / f"{name}.txt", corpus / f"{name}.txt")
    (corpus / "sources.csv").write_text("\n".join([rows[0], *[r for r in rows if r.startswith(("p06,", "p07,"))]])
                                        + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, env=dict(os.environ), timeout=900)
    assert proc.returncode == 0, proc.stderr
    # (whitespace collapsed: pandoc wraps the HTML source wherever a line grows long)
    html = " ".join((out / "report" / "index.html").read_text(encoding="utf-8").split())
    assert "truly disagree" not in html and "Of all 0 pairs" not in html and "0 pairs of claims" not in html
    assert "No pair of figures could be compared" in html and "No source has date evidence" in html
    for svg in ("timeline", "headline_over_time"):
        text = (out / "artifacts" / "figures" / f"{svg}.svg").read_text(encoding="utf-8")
        assert "1999-12" not in text and "2000-01" not in text
