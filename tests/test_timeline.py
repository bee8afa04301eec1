"""Timeline: one test per evidence rule, the events file, ordering, and the corpus promises.

Corpus promises: every true date (``truth.csv``) lies inside its source's window on
harbor-lumen and unseen_shapes; the seed order follows the dates; the seed sidebar
dates (removed by the cleaner) are never evidence; every bound is backed by listed evidence.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cleaning import CleanSource, Segment, clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.errors import InputError
from analysis.paths import EXAMPLES_DIR, SEEDS_DIR
from analysis.timeline import (
    EVENT_COLUMNS,
    STAGE_RANK,
    Evidence,
    SourceDate,
    _solve,
    deal_stage,
    estimate_timeline,
    events_used_table,
    load_events,
    split_patterns,
    timeline_order,
    timeline_table,
)

FIXTURES = Path(__file__).parent / "fixtures"
HARBOR = EXAMPLES_DIR / "harbor-lumen"
UNSEEN = FIXTURES / "unseen_shapes"
NO_EVENTS = load_events(None)


# --------------------------------------------------------------------------- helpers


def _clean(tmp_path: Path, *texts: str, published: tuple[str, ...] = (),
           outlets: tuple[str, ...] = ()) -> list[CleanSource]:
    """Clean synthetic articles written to a fresh corpus folder (ids x0, x1, ...)."""
    folder = tmp_path / f"corpus{len(list(tmp_path.glob('corpus*')))}"
    folder.mkdir()
    rows = ["id,file,outlet,title,url,published,notes"]
    for i, text in enumerate(texts):
        (folder / f"x{i}.txt").write_text(text, encoding="utf-8")
        pub = published[i] if i < len(published) else ""
        outlet = outlets[i] if i < len(outlets) else ""
        rows.append(f"x{i},x{i}.txt,{outlet},,,{pub},")
    (folder / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return clean_corpus(load_corpus(folder), load_rules())


def _one(tmp_path: Path, text: str, events: pd.DataFrame = NO_EVENTS, **kw) -> SourceDate:
    (d,) = estimate_timeline(_clean(tmp_path, text, **kw), events)
    return d


def _events(tmp_path: Path, rows: str) -> pd.DataFrame:
    f = tmp_path / "events.csv"
    f.write_text(",".join(EVENT_COLUMNS) + "\n" + rows, encoding="utf-8")
    return load_events(f)


def _rules(d: SourceDate, used: bool = True) -> set[str]:
    return {e.rule for e in d.evidence if e.used == used}


def _truth(folder: Path) -> dict[str, date]:
    t = pd.read_csv(folder / "truth.csv", dtype=str)
    return {r.source_id: date.fromisoformat(r.published) for r in t.itertuples()}


def _inside(d: SourceDate, day: date) -> bool:
    return (d.earliest is None or d.earliest <= day) and (d.latest is None or day <= d.latest)


# --------------------------------------------------------------------------- known dates


def test_manifest_date_wins_and_a_conflicting_weaker_date_is_dropped(tmp_path: Path) -> None:
    d = _one(tmp_path, "Acme said the deal was signed on June 1, 2024, after months of work.",
             published=("2024-05-02",))
    assert d.published == d.earliest == d.latest == date(2024, 5, 2)
    dropped = [e for e in d.evidence if not e.used]
    assert [e.rule for e in dropped] == ["explicit_date"] and "June 1, 2024" in dropped[0].quote
    assert "conflicts with stronger evidence (published" in d.conflict
    assert "explicit_date" in d.conflict


def test_update_note_with_a_full_date_is_a_known_date(tmp_path: Path) -> None:
    d = _one(tmp_path, "Update as of Oct. 14, 2024: The deal closed on Monday, Acme said.\n\n"
                       "Acme agreed to buy Beta for $10 million in cash.")
    assert d.published == d.earliest == d.latest == date(2024, 10, 14)
    assert "update_note" in _rules(d)


def test_dateline_year_resolved_from_text_year_and_lead_weekday(tmp_path: Path) -> None:
    d = _one(tmp_path, "[OSLO, Oct 2] - Nordvik agreed on Wednesday to buy Halden for $480m.\n\n"
                       "Nordvik reported revenue of 6.1 billion crowns in the first half of 2024.")
    assert d.published == d.earliest == d.latest == date(2024, 10, 2)  # a Wednesday in 2024 only
    (ev,) = [e for e in d.evidence if e.rule == "dateline"]
    assert ev.quote == "[OSLO, Oct 2] -" and "weekday" in ev.note
    assert (ev.start, ev.end) == (0, len("[OSLO, Oct 2] -"))


def test_dateline_with_an_ambiguous_year_only_snaps_the_window(tmp_path: Path) -> None:
    # 2024 is a lower bound, but 2025-10-02 fits as well: the dateline is not usable alone
    d = _one(tmp_path, "[OSLO, Oct 2] - The firm agreed a deal with its rival.\n\n"
                       "It was founded in 2024 by two engineers.")
    assert d.earliest == date(2024, 10, 2) and d.latest is None and d.published is None
    assert any(e.rule == "dateline" and "ambiguous" in e.note for e in d.evidence)


def test_dateline_without_any_year_evidence_leaves_the_window_open(tmp_path: Path) -> None:
    d = _one(tmp_path, "LONDON, March 4 - Acme agreed to buy Beta for an undisclosed sum.")
    assert d.earliest is None and d.latest is None
    assert any(e.rule == "dateline" and "not usable alone" in e.note for e in d.evidence)


def test_a_year_less_dateline_in_a_corpus_spanning_years_falls_within_them(tmp_path: Path) -> None:
    """"HOUSTON, Dec 11 (Reuters) -" alone, in coverage whose dated pages run from 2023 to 2025: the
    page is from one of those years, so it sits between the first and last Dec 11 of them (said so
    in its evidence), not at the end of the order as if undated."""
    cs = _clean(tmp_path,
                "date 2023-10-23 Acme agreed to buy Beta for $53 billion on Monday.",
                "HOUSTON, Dec 11 (Reuters) - Acme's deal for Beta faces an arbitration hearing.",
                "date 2025-07-18 Acme completed its $53 billion acquisition of Beta on Friday.")
    d = {x.source_id: x for x in estimate_timeline(cs, NO_EVENTS)}["x1"]
    assert (d.earliest, d.latest) == (date(2023, 12, 11), date(2025, 12, 11))
    assert any(e.rule == "dateline" and "years of the corpus's dated sources" in e.note for e in d.evidence)


# --------------------------------------------------------------------------- explicit dates


def test_explicit_past_date_is_a_lower_bound_and_a_future_date_an_upper_bound(tmp_path: Path
                                                                              ) -> None:
    d = _one(tmp_path, "The first round closed on March 3, 2024. "
                       "A second round is expected to close on May 1, 2026.")
    assert d.earliest == date(2024, 3, 3) and d.latest == date(2026, 5, 1)
    (ev,) = [e for e in d.evidence if e.rule == "explicit_date"]
    assert ev.quote == "March 3, 2024"
    (fut,) = [e for e in d.evidence if e.rule == "future_date"]
    assert fut.quote == "May 1, 2026" and "still to come" in fut.because


def test_past_year_mention_and_clause_level_tense(tmp_path: Path) -> None:
    d = _one(tmp_path, "Nordvik, which reported revenue of 6.1 billion crowns in 2023, will fund "
                       "the purchase with cash and close it in 2026.")
    assert d.earliest == date(2023, 1, 1) and d.latest is None


def test_dated_link_is_a_lower_bound(tmp_path: Path) -> None:
    d = _one(tmp_path, "Acme is said to be weighing a bid for Beta. "
                       "[Read more](https://news.example/articles/2025-06-08/acme-weighs-bid).")
    assert d.earliest == date(2025, 6, 8) and "link_date" in _rules(d)


def test_offsets_point_at_the_quote_in_the_raw_text(tmp_path: Path) -> None:
    (cs,) = _clean(tmp_path, "Intro line about Acme and its rivals.\n\n"
                             "The first round closed on March 3, 2024, people said.")
    (d,) = estimate_timeline([cs], NO_EVENTS)
    (ev,) = [e for e in d.evidence if e.rule == "explicit_date"]
    assert cs.source.raw[ev.start:ev.end] == "March 3, 2024"


# --------------------------------------------------------------------------- events


def test_event_mentioned_as_happened_and_open_pattern(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-02-01,Round,raised \\$5 million,,X 2024-02-01\n"
                           "2024-03-10,Announcement,announced the deal,in talks|finaliz,Y\n")
    d = _one(tmp_path, "Acme raised $5 million from Northgate and is now in talks with Beta.", ev)
    assert d.earliest == date(2024, 2, 1) and d.latest == date(2024, 3, 9)
    assert {"event", "event_open"} <= _rules(d)
    used = events_used_table([d], ev)
    assert list(used.columns) == ["date", "latest", "event", "citation", "matched_sources"]
    assert used["matched_sources"].tolist() == ["x0", "not yet: x0"]


def test_negated_event_mention_is_not_evidence(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-03-10,Announcement,announced the deal,,Y\n")
    d = _one(tmp_path, "Neither company has announced the deal so far, people said.", ev)
    assert d.earliest is None and "event" not in _rules(d)


def test_happened_mention_beats_a_stale_not_yet_phrase(tmp_path: Path) -> None:
    # an aftermath story recapping "when they were in talks": the as-happened mention wins
    ev = _events(tmp_path, "2024-03-10,Announcement,announced the deal,in talks,Y\n")
    d = _one(tmp_path, "Acme announced the deal on Monday. Back when the two were in talks, "
                       "few expected it.", ev)
    assert d.earliest == date(2024, 3, 10) and d.latest is None
    dropped = [e.rule for e in d.evidence if not e.used and not e.rule.startswith("stage:")]
    assert dropped == ["event_open"] and "event_open" in d.conflict


def test_relative_phrase_against_an_event_in_the_same_clause(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-02-01,Round,valued at \\$4 billion,,X\n")
    d = _one(tmp_path, "Acme, valued at $4 billion about a year ago, has grown fast.", ev)
    assert d.earliest == date(2024, 11, 1) and d.latest == date(2025, 5, 1)  # +9..+15 months
    (rel,) = [e for e in d.evidence if e.rule == "relative"]
    assert rel.quote == "about a year ago" and rel.strength < 5


def test_last_week_means_the_following_calendar_week(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-03-07,Report,bloomberg report,,Bloomberg\n")  # a Thursday
    d = _one(tmp_path, "Acme will pay $2 billion, according to a Bloomberg report last week.", ev)
    assert (d.earliest, d.latest) == (date(2024, 3, 11), date(2024, 3, 17))


def test_relative_phrase_without_an_event_is_ignored(tmp_path: Path) -> None:
    d = _one(tmp_path, "Acme was valued at $4 billion about a year ago, its founder said.")
    assert d.earliest is None and d.latest is None


# --------------------------------------------------------------------------- citations


def test_citation_of_another_source_in_the_corpus(tmp_path: Path) -> None:
    cs = _clean(tmp_path,
                "Acme agreed a deal with Beta, as noted by Wire News in its first report.",
                "SINGAPORE, March 4, 2024 (Wire News) - Acme agreed to buy Beta for $1 billion.",
                outlets=("Blog", "Wire News"))
    by = {d.source_id: d for d in estimate_timeline(cs, NO_EVENTS)}
    assert by["x1"].earliest == by["x1"].latest == date(2024, 3, 4)
    assert by["x0"].earliest == date(2024, 3, 4) and by["x0"].latest is None
    (cite,) = [e for e in by["x0"].evidence if e.rule == "citation"]
    assert cite.ref == "source:x1" and cite.quote == "as noted by Wire News"


def test_a_source_naming_its_own_outlet_is_not_a_citation(tmp_path: Path) -> None:
    cs = _clean(tmp_path, "Acme agreed a deal, according to Wire News reporters on the scene.",
                "Beta shares rose on the news of a bid by Acme for the firm.",
                outlets=("Wire News", "Other Desk"), published=("", "2024-03-04"))
    by = {d.source_id: d for d in estimate_timeline(cs, NO_EVENTS)}
    assert "citation" not in _rules(by["x0"])


# --------------------------------------------------------------------------- weekdays


def test_weekday_of_the_sentences_event_bounds_the_following_week(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-03-06,Talks,began talks,,X\n")  # a Wednesday
    d = _one(tmp_path, "Acme began talks with Beta on Wednesday, people said.", ev)
    assert (d.earliest, d.latest) == (date(2024, 3, 6), date(2024, 3, 12))
    other = _one(tmp_path, "Acme began talks with Beta on Friday, people said.", ev)
    assert other.earliest == date(2024, 3, 6) and other.latest is None  # weekday does not fit


def test_a_weekday_tied_to_no_event_never_narrows_a_window(tmp_path: Path) -> None:
    """Every day is within the week after some Wednesday: in a window of 11-17 March, "on
    Wednesday" may be the 13th or the 6th (a piece of the 11th recalling last Wednesday), so
    it narrows nothing. (It once narrowed to the Wednesday inside the window, and so put an
    unseen corpus's page of 20 February, which named the Friday before, after the 23rd.)"""
    ev = _events(tmp_path, "2024-03-07,Report,bloomberg report,,Bloomberg\n")
    d = _one(tmp_path, "Acme will pay $2 billion, according to a Bloomberg report last week. "
                       "Its shares rose 2% on Wednesday, traders said.", ev)
    assert (d.earliest, d.latest) == (date(2024, 3, 11), date(2024, 3, 17))


def test_weekday_alone_never_narrows(tmp_path: Path) -> None:
    d = _one(tmp_path, "Meridale Pharma said on Friday it would acquire Corvane for $1.2 billion.")
    assert d.earliest is None and d.latest is None


# --------------------------------------------------------------------------- deal stage


def _segs(*texts: str) -> list[Segment]:
    return [Segment("x", i, 0, len(t), t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(("texts", "stage"), [
    (("Acme is in talks to buy Beta, people familiar with the matter said.",), "talks"),
    (("Acme is finalizing a deal for Beta.", "Acme had been in talks for weeks."), "talks"),
    (("Acme today announced that it has signed a definitive agreement to buy Beta.",), "agreed"),
    (("The regulator has opened an in-depth investigation into Acme's purchase of Beta.",),
     "regulatory_review"),
    (("Acme completed its $2 billion acquisition of Beta on Friday.",), "completed"),
    (("Acme and Beta said they agreed to terminate the merger.",), "ended"),
    (("Two weeks after its Beta bet, Acme still has investors to convince.",
      "When Acme announced the purchase, its shares fell."), "aftermath"),
    (("Beta shares rose 3% on Monday.",), "unknown"),
    (("Acme is to acquire Beta, the Ohio sensor maker, in a $2 billion deal.",), "agreed"),
    (("Beijing weighs delaying approval of Acme's $2 billion Beta deal.",
      "Regulators there have not signed off, people familiar with the matter said."),
     "regulatory_review"),
    (("Watchdogs have cleared the £2billion takeover of Beta by Acme.",), "regulatory_review"),
    (("acme cuts at least beta jobs following billion acquisition",
      "Acme said in May 2022 that it had completed the acquisition."), "aftermath"),
    # a completion the page recounts as dated history: the page tells what came after it
    (("Acme warns of a full-year loss.", "Acme posted its quarterly results on Friday.",
      "Acme cut its forecast.", "In June, Acme closed its $14.9 billion acquisition of Beta."),
     "aftermath"),
    (("Acme will raise $5.6 billion to partially fund its recent $14.9 billion acquisition of Beta.",),
     "aftermath"),
    (("The plant closure was blocked.", "Beta will keep the plant open, the union said.",
      "The union welcomed it.", "Beta was acquired in June by Japan's Acme."), "aftermath"),
])
def test_deal_stage_is_the_latest_stage_the_lead_names(texts: tuple[str, ...], stage: str) -> None:
    got, evidence = deal_stage(_segs(*texts))
    assert got == stage
    assert all(e.earliest is None and e.latest is None for e in evidence)  # ordering only
    assert (STAGE_RANK[got] == 0) == (stage == "unknown")


def test_a_recapped_stage_in_the_lead_does_not_decide() -> None:
    # "In September 2022 ... announced" is history; the news is the termination below
    stage, _ = deal_stage(_segs("In September 2022, I wrote that Acme announced it was buying Beta.",
                                "Acme is a large software company.",
                                "Beta makes design tools.",
                                "Today it was reported that the merger has been called off."))
    assert stage == "ended"


def test_negated_and_hedged_cues_do_not_count() -> None:
    stage, _ = deal_stage(_segs("While neither company has officially confirmed the deal, "
                                "Acme is said to be in talks with Beta.",
                                "Any finalized agreement would reshape the market.",
                                "This deal, if completed, would be the largest."))
    assert stage == "talks"


def test_a_lone_late_cue_deep_in_a_long_rumour_story_is_outweighed() -> None:
    texts = ["Beta makes batteries.", "Its factory is in Sweden.", "It employs 900 people."]
    texts += ["Acme is in talks with Beta, rumours say."] * 6
    texts.append("Analysts said Acme agreed to buy a separate supplier.")
    stage, evidence = deal_stage(_segs(*texts))
    assert stage == "talks"
    (late,) = [e for e in evidence if e.rule == "stage:agreed"]
    assert not late.used and "outweighed" in late.note


# --------------------------------------------------------------------------- ordering, tables


def _sd(sid: str, lo: date | None, hi: date | None, stage: str) -> SourceDate:
    return SourceDate(sid, None, lo, hi, stage, STAGE_RANK[stage], [])


def test_order_dates_first_then_stage_for_overlapping_windows() -> None:
    d = date(2024, 3, 1)
    dates = [
        _sd("late_talks", d + timedelta(20), d + timedelta(25), "talks"),  # disjoint: dates win
        _sd("agreed", d + timedelta(5), d + timedelta(5), "agreed"),
        _sd("talks", d + timedelta(3), d + timedelta(9), "talks"),  # overlaps: stage
        _sd("early", d, d + timedelta(1), "aftermath"),
        _sd("undated", None, None, "unknown"),
    ]
    assert timeline_order(dates) == ["early", "talks", "agreed", "undated", "late_talks"]


def test_a_dated_late_source_is_never_ordered_before_older_dated_sources() -> None:
    # the failure: a source dated to the story's last week, describing an earlier
    # stage, was placed first; its window does not overlap the older ones, so dates decide
    d = date(2024, 1, 1)
    dates = [_sd("late_talks", d + timedelta(200), d + timedelta(200), "talks"),
             _sd("old_agreed", d, d + timedelta(3), "agreed"),
             _sd("old_review", d + timedelta(40), d + timedelta(45), "regulatory_review")]
    assert timeline_order(dates) == ["old_agreed", "old_review", "late_talks"]


def test_open_windows_are_placed_by_their_known_end_and_stage() -> None:
    d = date(2024, 1, 1)
    dates = [_sd("agreed", d, d, "agreed"), _sd("review", d + timedelta(60), d + timedelta(60),
                                                "regulatory_review"),
             _sd("ended", d + timedelta(120), d + timedelta(120), "ended"),
             _sd("open_ended", d + timedelta(10), None, "ended"),  # after its earliest date
             _sd("undated_review", None, None, "regulatory_review"),
             _sd("undated_unknown", None, None, "unknown")]
    order = timeline_order(dates)
    assert order.index("open_ended") > order.index("review")  # among the sources it overlaps,
    assert order.index("open_ended") < order.index("ended") + 1  # its stage places it
    assert order.index("agreed") < order.index("undated_review") < order.index("ended")
    assert order[-1] == "ended" and order[-2] == "undated_unknown"  # never the latest


def test_an_undated_source_of_the_latest_stage_is_still_not_last() -> None:
    d = date(2024, 1, 1)
    order = timeline_order([_sd("agreed", d, d, "agreed"), _sd("undated", None, None, "aftermath")])
    assert order == ["undated", "agreed"]


def test_a_page_open_after_a_day_goes_after_the_pages_of_its_stage_dated_that_day() -> None:
    """"On or after 18 March" (it reports the announcement of the 18th) beside two pages dated the
    18th: it came that day or later, so it goes after them and before the page of the 19th; a
    page of its stage dated later still goes after it."""
    order = timeline_order([
        _sd("talks", date(2025, 3, 17), date(2025, 3, 17), "talks"),
        _sd("a", date(2025, 3, 18), date(2025, 3, 18), "agreed"),
        _sd("b", date(2025, 3, 18), date(2025, 3, 18), "regulatory_review"),
        _sd("open", date(2025, 3, 18), None, "agreed"),
        _sd("c", date(2025, 3, 19), date(2025, 3, 19), "agreed"),
    ])
    assert order == ["talks", "a", "b", "open", "c"]


def test_an_undated_page_on_a_deals_end_sits_with_the_pages_on_that_end() -> None:
    """A deal rejected in one year and agreed and completed in the next: an undated page on the
    rejection goes with the dated page on the rejection, not among the completion pages (an end
    and a completion share a stage rank)."""
    order = timeline_order([
        _sd("talks", date(2024, 7, 14), date(2024, 7, 14), "talks"),
        _sd("rejected", date(2024, 7, 23), date(2024, 7, 23), "ended"),
        _sd("agreed", date(2025, 3, 18), date(2025, 3, 18), "agreed"),
        _sd("done", date(2026, 3, 11), date(2026, 3, 11), "completed"),
        _sd("done2", date(2026, 3, 12), date(2026, 3, 12), "completed"),
        _sd("undated", None, None, "ended"),
    ])
    assert order.index("undated") < order.index("agreed")


def test_a_completion_reported_with_its_day_is_the_news_and_one_opened_by_a_month_a_recap() -> None:
    """"Acme completed its acquisition of Beta on 2 July 2025." reports the completion (a page of the
    next day); "In June, Acme closed its acquisition of Beta" recounts it (the page is about what came
    after)."""
    assert deal_stage(_segs("Acme completed its acquisition of Beta on 2 July 2025.",
                            "The intention to acquire Beta was announced on 9 January 2024."))[0] == "completed"
    assert deal_stage(_segs("In June, Acme, the biggest steelmaker, closed its acquisition of Beta.",
                            "The plant will run until 2030."))[0] == "aftermath"


def test_a_page_of_a_later_round_goes_after_the_pages_on_the_deals_end() -> None:
    """Talks that ended in a rejection, then new talks a year on: an undated page on the new talks
    that recounts the rejection ("previously turned down an offer") is a later round, placed after
    the pages on the end, not among the first round's talks."""
    stage, evidence = deal_stage(_segs(
        "Acme is making an ambitious bid to acquire Beta, according to sources.",
        "The proposed deal, valued at $30 billion, would be Acme's largest.",
        "Beta previously turned down an offer from Acme worth $23 billion."))
    assert stage == "talks" and any(e.rule == "stage:later_round" and e.used for e in evidence)
    later = SourceDate("later", None, None, None, stage, STAGE_RANK[stage], evidence)
    order = timeline_order([
        _sd("talks", date(2024, 7, 14), date(2024, 7, 14), "talks"),
        _sd("talks2", date(2024, 7, 16), date(2024, 7, 16), "talks"),
        _sd("rejected", date(2024, 7, 23), date(2024, 7, 23), "ended"),
        _sd("agreed", date(2025, 3, 18), date(2025, 3, 18), "agreed"), later])
    assert order.index("rejected") < order.index("later") < order.index("agreed")


def test_a_page_of_a_new_agreement_bounded_by_the_deals_dated_end_is_a_later_round(tmp_path: Path) -> None:
    """A buyer walked away in July and agreed again in October: a page on the new agreement that
    mentions the dated end ("Beta took Acme to court") comes after the pages on that end, not
    right after the end's date among them."""
    cs = _clean(tmp_path,
                "date 2022-07-08 Acme on Friday terminated its $44 billion deal to buy Beta.",
                "date 2022-07-12 Beta sued Acme on Tuesday to force the takeover through.",
                "date 2022-09-14 Beta said Acme's termination of the deal was invalid, and Beta took "
                "Acme to court.",
                "Beta has accepted Acme's proposal to buy the company for $44 billion. The deal is "
                "expected to close within weeks. Acme is the world's richest man. He owns a rocket "
                "firm. Beta took Acme to court to try to force the takeover through.",
                "date 2022-10-28 Acme completed its $44 billion acquisition of Beta on Friday.")
    dates = {d.source_id: d for d in estimate_timeline(cs, NO_EVENTS)}
    assert dates["x3"].stage == "agreed" and dates["x3"].earliest >= date(2022, 7, 8)
    assert any(e.rule == "stage:later_round" and e.used for e in dates["x3"].evidence)
    order = timeline_order(list(dates.values()))
    assert order.index("x2") < order.index("x3") < order.index("x4")


def test_timeline_table_has_one_evidence_string_per_source(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-02-01,Round,raised \\$5 million,,X\n")
    cs = _clean(tmp_path, "Acme raised $5 million from Northgate last month, people said.",
                "The companies are in talks about a deal, people familiar with the matter said.")
    dates = estimate_timeline(cs, ev)
    table = timeline_table(dates, {"x0": "$5 m"})
    assert list(table.columns) == ["source_id", "published", "earliest", "latest", "stage",
                                   "headline_figure", "evidence", "order", "dated"]
    row = table.set_index("source_id").loc["x0"]
    assert (row["earliest"], row["latest"]) == ("2024-03-01", "2024-03-31")
    # the appendix reads as sentences, never as "-> >=" notation
    assert ("On or after 1 February 2024, because it mentions an event of 1 February 2024: "
            "Round (X): \u201craised $5 million\u201d.") in row["evidence"]
    assert ("Between 1 and 31 March 2024, because it says \u201clast month\u201d of an event of "
            "1 February 2024: Round") in row["evidence"]
    assert "->" not in row["evidence"] and ">=" not in row["evidence"]
    undated = table.set_index("source_id").loc["x1"]
    assert undated["earliest"] == undated["latest"] == "" and undated["stage"] == "talks"
    assert undated["evidence"].startswith("No dating evidence")
    assert table["order"].tolist() == [1, 2]
    assert table["dated"].tolist() == [False, True]  # the undated one is never the latest


# --------------------------------------------------------------------------- events file


def test_no_events_file_gives_an_empty_frame_with_columns() -> None:
    assert list(NO_EVENTS.columns) == EVENT_COLUMNS and NO_EVENTS.empty


def test_patterns_split_at_top_level_only() -> None:
    assert split_patterns(r"a (?:b|c)|d[|]e|f\|g") == ["a (?:b|c)", "d[|]e", r"f\|g"]


@pytest.mark.parametrize(("rows", "message"), [
    ("2024-13-01,Bad,x,,c\n", r"row 2: date '2024-13-01' is not an ISO date"),
    ("2024-01-01,Ok,x,,c\nMarch 4,Bad,x,,c\n", r"row 3: date 'March 4'"),
    ("2024-01-01,Bad,(unclosed,,c\n", r"row 2: bad patterns regex '\(unclosed'"),
    ("2024-01-01,Bad,x,[z,c\n", r"row 2: bad open_patterns regex"),
    ("2024-01-01,Bad,x?,,c\n", r"row 2: patterns pattern 'x\?' matches empty text"),
    ("2024-01-01,Bad,,,c\n", r"row 2: patterns is empty"),
])
def test_bad_events_file_names_the_file_and_row(tmp_path: Path, rows: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        _events(tmp_path, rows)
    assert str(tmp_path / "events.csv") in str(err.value)


def test_events_file_missing_column_or_file(tmp_path: Path) -> None:
    f = tmp_path / "events.csv"
    f.write_text("date,event\n2024-01-01,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="events.csv: missing column.*patterns"):
        load_events(f)
    with pytest.raises(InputError, match="not found"):
        load_events(tmp_path / "none.csv")


def test_shipped_events_files_load() -> None:
    seeds = load_events(SEEDS_DIR / "events.csv")
    assert len(seeds) == 9 and all(seeds["citation"].str.contains(r"\d{4}-\d\d-\d\d"))
    harbor = load_events(HARBOR / "events.csv")
    assert len(harbor) == 6 and set(harbor.columns) == set(EVENT_COLUMNS)


# --------------------------------------------------------------------------- solver property


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(1, 7),
                          st.sampled_from(["lo", "hi", "both"])), max_size=12))
def test_solver_never_returns_an_empty_window(items: list) -> None:
    base = date(2024, 1, 1)
    evs = []
    for a, b, strength, kind in items:
        lo, hi = sorted((base + timedelta(a), base + timedelta(b)))
        evs.append(Evidence("r", "q", None, None, lo if kind != "hi" else None,
                            hi if kind != "lo" else None, strength))
    lo, hi, dropped = _solve(evs)
    assert lo is None or hi is None or lo <= hi
    kept = [e for i, e in enumerate(evs) if i not in dropped]
    assert all((e.earliest is None or lo >= e.earliest) and (e.latest is None or hi <= e.latest)
               for e in kept)
    if evs:  # the strongest single piece of evidence is always kept
        top = max(range(len(evs)), key=lambda i: (evs[i].strength, -i))
        assert top not in dropped or any(evs[j].strength == evs[top].strength for j in dropped)


# --------------------------------------------------------------------------- corpora


def _corpus_dates(cleaned_corpora, name: str, events_path: Path | None) -> list[SourceDate]:
    return estimate_timeline(cleaned_corpora[name][1], load_events(events_path))


@pytest.mark.parametrize(("name", "folder"), [("harbor-lumen", HARBOR), ("unseen_shapes", UNSEEN)])
def test_true_dates_fall_inside_every_window(cleaned_corpora, name: str, folder: Path) -> None:
    events = folder / "events.csv"
    dates = _corpus_dates(cleaned_corpora, name, events if events.is_file() else None)
    truth = _truth(folder)
    assert {d.source_id for d in dates} == set(truth)
    for d in dates:
        assert _inside(d, truth[d.source_id]), (d.source_id, d.earliest, d.latest, truth)
        if d.published:
            assert d.published == truth[d.source_id]


def test_unseen_dateline_fixture_and_undated_fixture(cleaned_corpora) -> None:
    by = {d.source_id: d for d in _corpus_dates(cleaned_corpora, "unseen_shapes", None)}
    u01, u05 = by["u01"], by["u05"]
    assert u01.published == date(2024, 10, 2) and "dateline" in _rules(u01)
    assert u05.published == date(2025, 3, 18) and "dateline" in _rules(u05)
    assert by["u02"].published == date(2024, 10, 14) and "update_note" in _rules(by["u02"])
    u04 = by["u04"]  # no date evidence at all
    assert u04.earliest is None and u04.latest is None and u04.published is None


def test_harbor_windows_are_as_narrow_as_the_evidence_allows(cleaned_corpora) -> None:
    by = {d.source_id: d for d in _corpus_dates(cleaned_corpora, "harbor-lumen",
                                                HARBOR / "events.csv")}
    assert by["a02"].published == date(2024, 3, 8)  # "Last updated: March 8, 2024"
    assert by["a03"].earliest == date(2024, 3, 11)  # "a Bloomberg report last week"
    assert by["a05"].earliest == date(2024, 3, 21)  # "took her seat ... on March 21"
    assert [by[s].stage for s in ("a01", "a02", "a03", "a04", "a05")] == [
        "talks", "talks", "talks", "agreed", "aftermath"]
    assert timeline_order(list(by.values())) == ["a01", "a02", "a03", "a04", "a05"]


@pytest.fixture(scope="module")
def seed_dates(cleaned_corpora) -> list[SourceDate]:
    return _corpus_dates(cleaned_corpora, "seeds", SEEDS_DIR / "events.csv")


def test_seed_order_follows_the_dates(seed_dates: list[SourceDate]) -> None:
    order = [d.source_id for d in seed_dates]
    stages = {d.source_id: d.stage for d in seed_dates}
    assert set(order[:2]) == {"s001", "s003"} and order[2:] == ["s002", "s000"]
    assert stages["s001"] == stages["s003"] == stages["s002"] == "talks"
    assert stages["s000"] == "agreed"


def test_seed_windows_are_justified_by_listed_evidence(seed_dates: list[SourceDate]) -> None:
    for d in seed_dates:
        assert d.earliest is not None, d.source_id
        used = [e for e in d.evidence if e.used]
        assert any(e.earliest == d.earliest for e in used), d.source_id
        assert d.latest is None or any(e.latest == d.latest for e in used), d.source_id
    by = {d.source_id: d for d in seed_dates}
    assert by["s002"].earliest == date(2025, 6, 10) and by["s002"].latest == date(2025, 6, 11)
    assert by["s000"].earliest == date(2025, 6, 12)  # "$14.3B": after the announcement


def test_seed_sidebar_dates_are_never_evidence(cleaned_corpora,
                                               seed_dates: list[SourceDate]) -> None:
    cleaned = {cs.source.id: cs for cs in cleaned_corpora["seeds"][1]}
    s003 = cleaned["s003"]
    sidebar = [(r.start, r.end) for r in s003.removals if "Dec.15 2025" in r.text]
    assert sidebar, "the fixture still carries its sidebar dates"
    for d in seed_dates:
        for e in d.evidence:
            assert "Dec.1" not in e.quote and "2025-12" not in str(e.earliest)
            if e.start is not None and d.source_id == "s003":
                assert not any(s <= e.start < t for s, t in sidebar)
        assert d.latest is None or d.latest < date(2025, 12, 1)


def test_seed_events_are_conservative(seed_dates: list[SourceDate]) -> None:
    used = events_used_table(seed_dates, load_events(SEEDS_DIR / "events.csv"))
    matched = dict(zip(used["date"], used["matched_sources"], strict=True))
    assert matched["2025-06-12"] == "s000; not yet: s001, s002, s003"
    assert matched["2025-06-30"] == ""  # "Superintelligence team" is not the 2025-06-30 lab
    assert matched["2025-06-10"] == "s000, s002"


def test_evidence_quotes_keep_raw_offsets(cleaned_corpora, seed_dates) -> None:
    """Every evidence item's quote is the page's own characters at its offsets, stage cues (once
    an excerpt of their sentence) and joined stamps included: ``raw[start:end] == quote``."""
    raw = {cs.source.id: cs.source.raw for cs in cleaned_corpora["seeds"][1]}
    for d in seed_dates:
        for e in d.evidence:
            if e.start is not None:
                assert raw[d.source_id][e.start:e.end] == e.quote, e
    from analysis import stages
    from analysis.params import Params

    p = Params.from_mapping({"corpus_dir": str(EXAMPLES_DIR / "disney-fox"),
                             "out_dir": str(EXAMPLES_DIR.parent / "build" / "scratch")})
    cs = stages.cleaned(p)
    table = stages.build_timeline(p, cs, stages.claims(p, cs)).evidence
    pages = {c.source.id: c.source.raw for c in cs}
    rows = table[table["start"] != ""]
    assert len(rows) > 40
    for _, r in rows.iterrows():
        assert pages[r["source_id"]][int(r["start"]):int(r["end"])] == r["quote"], r.to_dict()


def test_a_relative_clause_of_another_deal_is_no_completion_and_an_opening_date_dates_the_sentence() -> None:
    """"the lab Gamma that was acquired by Delta in 2014" is another deal's history, not this
    one's completion; "In June, Acme, the biggest steelmaker, closed its acquisition" is dated by
    its opening words however many clauses follow them."""
    from analysis.dating.stage import recap, stage_hits

    assert stage_hits("He co-founded the lab Gamma that was acquired by Delta in 2014 for $500 million.") == []
    text = "In June, Acme, Japan's biggest steelmaker, closed its $14.9 billion acquisition of Beta."
    hits = stage_hits(text)
    assert hits and all(k == "completed" and recap(text, m.start()) for k, m in hits)
    text = ("date 2022-02-09 PALO ALTO, TOKYO -- Acme's deal for Beta was worth $66 billion when it "
            "collapsed this week -- more than twice what Acme paid for it in 2016.")  # "--": a clause ends
    hits = stage_hits(text)
    ended = [m for k, m in hits if k == "ended"]
    assert ended and not any(recap(text, m.start()) for m in ended)  # a stamp is no recap
