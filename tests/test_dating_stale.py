"""A page stamp the page's own text contradicts is stale: logged as such, never the date."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.cleaning import CleanSource, clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.timeline import date_corpus, evidence_table, load_events

NO_EVENTS = load_events(None)


def _corpus(tmp_path: Path, *pages: str, published: dict[str, str] | None = None) -> list[CleanSource]:
    """Clean a corpus of pages (ids x0, x1, ...); manifest dates only as ``published`` gives."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "file", "outlet", "title", "url", "published", "notes"])
    for i, text in enumerate(pages):
        (tmp_path / f"x{i}.txt").write_text(text, encoding="utf-8")
        w.writerow([f"x{i}", f"x{i}.txt", "", "", "", (published or {}).get(f"x{i}", ""), ""])
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


def test_a_manifest_date_copying_the_stale_stamp_is_set_aside_and_said_so(tmp_path: Path) -> None:
    """A scraper that copied the page's stale stamp into the manifest adds nothing the page
    lacks: the text dates the page, the evidence says why, and the caveats name the source."""
    from analysis import findings
    from analysis.timeline import timeline_table

    dates, _ = date_corpus(_corpus(tmp_path, *PAGES, published={"x1": "2019-06-10"}), NO_EVENTS)
    d = {d.source_id: d for d in dates}["x1"]
    assert (d.earliest, d.latest) == (date(2024, 3, 1), date(2024, 3, 2)) and d.published is None
    (given,) = [e for e in d.evidence if e.rule == "published"]
    assert not given.used and "stale stamp" in given.note
    row = evidence_table(dates).query("source_id == 'x1' and rule == 'published'").iloc[0]
    assert row["sentence"].startswith("Not used: the manifest gives the page's stale stamp as its date")
    table = timeline_table(dates, {})
    sources = pd.DataFrame({"source_id": ["x0", "x1", "x2"], "label": ["A", "B", "C"],
                            "published": ["", "2019-06-10", ""]})
    claims = pd.DataFrame({"source_id": [], "stance": []})
    (note,) = [c for c in findings.caveats(sources, table, claims) if c.startswith("Manifest date not used")]
    assert "because it repeats its page's own date stamp" in note
    assert "B (manifest 2019-06-10; dated between 1 and 2 March 2024 from its text)" in note


def test_a_manifest_date_of_the_users_own_is_never_overruled(tmp_path: Path) -> None:
    """A manifest date that is not the page's stale stamp is the user's word: it stands (the
    conflict with the text is logged), and no caveat calls it set aside."""
    dates, _ = date_corpus(_corpus(tmp_path, *PAGES, published={"x1": "2019-06-11"}), NO_EVENTS)
    d = {d.source_id: d for d in dates}["x1"]
    assert (d.earliest, d.latest) == (date(2019, 6, 11), date(2019, 6, 11))
    assert any(e.rule == "published" and e.used for e in d.evidence)


def test_at_hundreds_of_sources_the_set_aside_caveat_counts_instead_of_naming(tmp_path: Path) -> None:
    from analysis.timeline import manifest_set_aside

    table = pd.DataFrame({"source_id": [f"s{i}" for i in range(50)], "published": [""] * 50,
                          "earliest": ["2024-03-01"] * 50, "latest": ["2024-03-02"] * 50, "order": range(50)})
    manifest = {f"s{i}": "2019-06-10" for i in range(50)}
    brief = manifest_set_aside(table, manifest, {}, brief=True)
    assert brief.startswith("Manifest dates not used for 50 sources") and "s1" not in brief
    assert "s49 (manifest 2019-06-10" in manifest_set_aside(table, manifest, {})


OUTVOTED = (
    "date 2024-03-05 Acme said on Tuesday it agreed to buy Beta Systems in a $2.1 billion deal.\n",
    "date 2024-03-05 Acme Corp announced on Tuesday a deal to buy Beta Systems for $2.1 billion.\n",
    # a scraper's metadata line years off, above a story of the same announcement
    "date 2017-07-11 Acme announced on Tuesday plans to buy Beta Systems for $42 a share.\n\n"
    "The all-cash deal is valued at $2.1 billion.\n",
    "The UK regulator opened an inquiry into Acme's $2.1 billion purchase of Beta Systems.\n",
)


def test_a_lone_stamp_of_the_announcement_years_off_is_outvoted(tmp_path: Path) -> None:
    """Two pages date the $2.1 billion announcement to 5 March 2024; a third, under a metadata
    line of 2017, reports that announcement as news. Its stamp is outvoted: set aside with why,
    and it teaches no 2017 announcement (which would bound every later page from 2017)."""
    dates, events = date_corpus(_corpus(tmp_path, *OUTVOTED), NO_EVENTS)
    by = {d.source_id: d for d in dates}
    lone = by["x2"]
    (stamp,) = [e for e in lone.evidence if e.rule == "date_line"]
    assert not stamp.used and "outvoted stamp" in stamp.note
    assert "2 other pages (x0, x1)" in stamp.note and "$2.1 bn" in stamp.note
    assert lone.earliest == date(2024, 3, 5)
    assert all(e.earliest.year == 2024 for e in events if e.learned)
    assert by["x3"].earliest == date(2024, 3, 5)
    # one page against one is no vote: both stamps stand
    (tmp_path / "two").mkdir()
    dates, _ = date_corpus(_corpus(tmp_path / "two", *OUTVOTED[1:3]), NO_EVENTS)
    assert {d.source_id: (d.earliest, d.latest) for d in dates}["x1"] == (date(2017, 7, 11), date(2017, 7, 11))


@pytest.mark.parametrize("pages", [
    # another deal of one party, named beside the voters' own
    ("date 2019-05-14 Acme announced on Tuesday it agreed to buy Gamma Labs for $500 million.\n",
     "date 2023-03-07 Acme said on Tuesday it agreed to buy Beta Systems for $2.1 billion. Acme paid $500 million "
     "for Gamma Labs.\n",
     "date 2023-03-07 Acme Corp announced on Tuesday a deal to buy Beta Systems for $2.1 billion; it had bought "
     "Gamma Labs for $500 million.\n"),
    # a first stake another page dates to its year
    ("date 2019-07-22 Acme said on Monday it will invest $1 billion in Beta Labs to build robots.\n",
     "date 2023-01-23 Acme said on Monday it will invest $10 billion in Beta Labs. Acme first put $1 billion into "
     "Beta Labs in 2019.\n",
     "date 2023-01-23 Acme announced on Monday it is investing $10 billion in Beta Labs, having invested $1 billion "
     "in 2019.\n"),
    # a deal agreed again, after a first one was terminated
    ("date 2019-05-14 Acme announced on Tuesday it agreed to buy Beta Systems for $2.1 billion.\n",
     "date 2023-03-07 Acme said on Tuesday it agreed to buy Beta Systems for $2.1 billion, four years after its "
     "first deal for Beta was terminated.\n",
     "date 2023-03-07 Acme Corp announced on Tuesday a deal to buy Beta Systems for $2.1 billion.\n"),
    # a date the text names dates the happening, not the stamp
    ("date 2024-01-10 Acme agreed to buy Beta Systems for $2.1 billion on May 14, 2019, but the deal collapsed.\n",
     "date 2023-03-07 Acme said on Tuesday it agreed to buy Beta Systems for $2.1 billion.\n",
     "date 2023-03-07 Acme Corp announced on Tuesday a deal to buy Beta Systems for $2.1 billion.\n"),
])
def test_a_stamp_that_may_be_true_is_never_outvoted(tmp_path: Path, pages: tuple[str, ...]) -> None:
    """Outvoting sets aside only a stamp that alone dates the same happening (the same parties
    in its clause, a figure of its page) years away, with no page naming that year or an
    earlier round: an earlier deal, a first stake, a deal agreed again are real."""
    dates, _ = date_corpus(_corpus(tmp_path, *pages), NO_EVENTS)
    first = dates[0]
    assert not any("outvoted" in e.note for e in first.evidence)
    assert first.earliest == first.latest and first.earliest.year in (2019, 2024)
