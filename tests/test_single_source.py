"""A corpus of one undated source: the report speaks of one source, and never calls an undated
source "the latest" (timeline.csv ``dated``: such a source is never the latest)."""

from __future__ import annotations

import shutil
from pathlib import Path

from analysis import findings, stages
from analysis.params import Params
from analysis.paths import SEEDS_DIR


def _one_source(tmp_path: Path) -> Params:
    corpus = tmp_path / "one"
    corpus.mkdir()
    name = "002_c01113bfb8c00a92.txt"
    shutil.copy(SEEDS_DIR / name, corpus / name)
    rows = (SEEDS_DIR / "sources.csv").read_text(encoding="utf-8").splitlines()
    (corpus / "sources.csv").write_text("\n".join([rows[0], *[r for r in rows if r.startswith("s002,")]]) + "\n",
                                        encoding="utf-8")
    return Params(corpus_dir=str(corpus), out_dir=str(tmp_path / "out"), cache_dir="none")


def test_one_undated_source_is_one_source_and_never_the_latest(tmp_path: Path) -> None:
    p = _one_source(tmp_path)
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    tl = stages.build_timeline(p, cs, claims)
    assert list(tl.table["dated"]) == [False]
    event = stages.event_info(p, cs)
    assert event["description"].startswith("How 1 source reported ") and "1 sources" not in event["description"]
    sources = stages.cleaning_tables(cs, p)["sources"]
    lines = findings.key_findings(sources, claims, stages.comparisons(claims, tl), tl.table, event["name"])
    text = " ".join(lines)
    assert "The latest source" not in text and "settles on" not in text
    assert "with no date evidence it is not called the latest" in text
    assert "latest" not in text.replace("not called the latest", "")  # nor the implied valuation's source
