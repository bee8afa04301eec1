"""The dating appendix never puts another source's words or story under a page unnamed: a reason
quoting the page that taught an event names it, and a citation of an outlet names the corpus's
page from that outlet only when the text can mean that page's story."""

from __future__ import annotations

from pathlib import Path

from analysis.cleaning import clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.timeline import date_corpus, evidence_table, load_events, timeline_table

NO_EVENTS = load_events(None)


def _corpus(tmp_path: Path, pages: list[tuple[str, str, str]]):
    """(outlet, published, text) per page; ids x0, x1, ..."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    rows = ["id,file,outlet,title,url,published,notes"]
    for i, (outlet, published, text) in enumerate(pages):
        (folder / f"x{i}.txt").write_text(text, encoding="utf-8")
        rows.append(f"x{i},x{i}.txt,{outlet},,,{published},")
    (folder / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return clean_corpus(load_corpus(folder), load_rules())


def _sentences(dates, source_id: str, rule: str) -> list[str]:
    ev = evidence_table(dates)
    return list(ev.loc[(ev["source_id"] == source_id) & (ev["rule"] == rule), "sentence"])


def test_a_reason_quoting_the_page_that_taught_an_event_names_that_page(tmp_path: Path) -> None:
    """qualcomm-nxp: under p02, "it dates the reported talks (“on Friday disclosed a 6 percent
    stake…”)" quoted p08's words as if p02's; the quote now carries its page's outlet and id."""
    cs = _corpus(tmp_path, [
        ("Wire News", "", "date 2024-03-04 Acme announced on Friday that it agreed to buy Beta Systems for "
                          "$2.1 billion in cash.\n"),
        ("Daily Ledger", "", "Acme agreed on Friday to buy Beta Systems, the two companies said in a statement.\n"),
    ])
    dates, _ = date_corpus(cs, NO_EVENTS)
    (weekday,) = _sentences(dates, "x1", "weekday")
    assert "(Wire News (x0): \u201cAcme announced on Friday" in weekday, weekday
    # every reason of x1 quoting x0's sentence names x0
    for sentence in evidence_table(dates).query("source_id == 'x1'")["sentence"]:
        assert "Acme announced on Friday" not in sentence or "Wire News (x0)" in sentence, sentence
    assert "Wire News (x0)" in timeline_table(dates).set_index("source_id").loc["x1", "evidence"]


def test_a_citation_names_the_corpus_page_only_when_it_can_mean_that_story(tmp_path: Path) -> None:
    """qualcomm-nxp: p08 (4 August 2017) says "Bloomberg had reported", about Bloomberg's May 2017
    story; the corpus's Bloomberg page p12 appeared in April 2018, so the appendix named the
    wrong story ("it cites Bloomberg (p12)"). It names the outlet alone and bounds nothing; a
    Bloomberg page that came first is still the story cited."""
    cs = _corpus(tmp_path, [
        ("Wire News", "2017-08-04", "Acme is in talks to buy Beta Systems, Bloomberg had reported, citing "
                                    "people familiar with the matter.\n"),
        ("Bloomberg", "2018-04-19", "Acme walked away from its deal for Beta Systems on Thursday.\n"),
        ("Ledger", "", "Acme dropped its bid for Beta Systems, as reported by Bloomberg, and its shares rose.\n"),
    ])
    dates, _ = date_corpus(cs, NO_EVENTS)
    (late_story,) = _sentences(dates, "x0", "citation")
    assert "(x1)" not in late_story and "Bloomberg" in late_story, late_story
    assert late_story.startswith("No bound: it cites Bloomberg's reporting"), late_story
    # an undated page can mean the Bloomberg page's story: it is named, and bounds it
    (named,) = _sentences(dates, "x2", "citation")
    assert "Bloomberg (x1)" in named and "19 April 2018" in named, named
