"""A page stamp the page's own text contradicts is stale: logged as such, never the date."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from analysis.cleaning import CleanSource, clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.timeline import date_corpus, evidence_table, load_events

NO_EVENTS = load_events(None)


def _corpus(tmp_path: Path, *pages: str) -> list[CleanSource]:
    """Clean a corpus of pages (ids x0, x1, ...) with no manifest dates."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "file", "outlet", "title", "url", "published", "notes"])
    for i, text in enumerate(pages):
        (tmp_path / f"x{i}.txt").write_text(text, encoding="utf-8")
        w.writerow([f"x{i}", f"x{i}.txt", "", "", "", "", ""])
    (tmp_path / "sources.csv").write_text(out.getvalue(), encoding="utf-8")
    return clean_corpus(load_corpus(tmp_path), load_rules())
PAGES = (
    "date 2024-03-04 Acme announced on Friday that it agreed to buy Beta Systems for $2.1 "
    "billion in cash.\n",
    # a template's stale metadata date above a story that reports the announcement as today's
    "date 2019-06-10 Today, Acme announced it is acquiring Beta Systems in a $2.1 billion "
    "deal.\n",
    # a one-sided later mention (a loose event match) never overrules a stamp
    "date 2024-02-01 Acme's $2.1 billion purchase of Beta, which was announced by the "
    "companies, drew praise from analysts.\n",
)


def test_a_stamp_contradicted_by_the_pages_own_today_is_stale(tmp_path: Path) -> None:
    dates, events = date_corpus(_corpus(tmp_path, *PAGES), NO_EVENTS)
    by = {d.source_id: d for d in dates}
    stale = by["x1"]
    # "today" of the announcement of Friday 1 March: that day, or the day after (a repost)
    assert (stale.earliest, stale.latest) == (date(2024, 3, 1), date(2024, 3, 2))
    assert stale.published is None
    (stamp,) = [e for e in stale.evidence if e.rule == "date_line"]
    assert not stamp.used and "stale stamp" in stamp.note and "stale" in stamp.because
    assert "stale stamp" in stale.conflict
    # the stale stamp teaches nothing: no event is dated to it
    assert all(e.earliest.year == 2024 for e in events if e.learned)
    table = evidence_table(dates)
    row = table[(table["source_id"] == "x1") & (table["rule"] == "date_line")].iloc[0]
    assert not row["used"]
    assert row["sentence"].startswith("Not used: its stamp is stale: the page's own text says")
    assert "stronger evidence" not in row["sentence"]  # nothing stronger: the text outweighs it


def test_a_true_stamp_stands_against_a_one_sided_later_mention(tmp_path: Path) -> None:
    dates, _ = date_corpus(_corpus(tmp_path, *PAGES), NO_EVENTS)
    kept = {d.source_id: d for d in dates}["x2"]
    assert (kept.earliest, kept.latest) == (date(2024, 2, 1), date(2024, 2, 1))
    assert any(e.rule == "date_line" and e.used for e in kept.evidence)
