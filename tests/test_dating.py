"""Dating from the sources' own text: page stamps in their common forms, URL dates, the traps,
page versions, events learned from the corpus, the order, and the date-protecting cleaning rules.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest

from analysis.cleaning import clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.timeline import (
    SourceDate,
    date_corpus,
    estimate_timeline,
    events_used_table,
    load_events,
    matched_event_count,
    timeline_table,
)

NO_EVENTS = load_events(None)


def _corpus(tmp_path: Path, *pages: str | tuple[str, str], titles: tuple[str, ...] = ()):
    """Clean a corpus of pages (text, or (text, url)); ids x0, x1, ..."""
    folder = tmp_path / f"corpus{len(list(tmp_path.glob('corpus*')))}"
    folder.mkdir()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "file", "outlet", "title", "url", "published", "notes"])
    for i, page in enumerate(pages):
        text, url = (page, "") if isinstance(page, str) else page
        (folder / f"x{i}.txt").write_text(text, encoding="utf-8")
        w.writerow([f"x{i}", f"x{i}.txt", "", titles[i] if i < len(titles) else "", url, "", ""])
    (folder / "sources.csv").write_text(out.getvalue(), encoding="utf-8")
    return clean_corpus(load_corpus(folder), load_rules())


def _dates(tmp_path: Path, *pages, **kw) -> dict[str, SourceDate]:
    return {d.source_id: d for d in estimate_timeline(_corpus(tmp_path, *pages, **kw), NO_EVENTS)}


BODY = ("Acme Corp agreed to buy Beta Systems for $480 million in cash, the companies said in a "
        "statement, adding two factories to its network.\n\nBeta makes sensors for port cranes "
        "and its founders will stay on to run the unit for at least three years.\n")


# --------------------------------------------------------------------------- page stamps


@pytest.mark.parametrize(("head", "lo", "hi"), [
    ("date 2024-03-21 ", date(2024, 3, 21), date(2024, 3, 21)),
    ("Acme buys Beta\n\nPublished 3:05 PM EST, Tue June 4, 2024\n\n", date(2024, 6, 4),
     date(2024, 6, 4)),
    ("Acme buys Beta\nLast updated: March 8, 2024, 6:42 pm SGT\n\n", date(2024, 3, 8),
     date(2024, 3, 8)),
    ("Acme buys Beta\n\nBy Rich Smith – Sep 19, 2022 at 1:40PM\n\n", date(2022, 9, 19),
     date(2022, 9, 19)),
    ("Acme buys Beta\n\nPublished on Jul 28, 2025 | Last updated: Jul 31, 2025\n\n",
     date(2025, 7, 28), date(2025, 7, 31)),
    ("16.07.2024 15:08:42\n\nAcme buys Beta\n\n", date(2024, 7, 16), date(2024, 7, 16)),
    ("Acme buys Beta\n\nReuters 03 Jun, 2022\n\n", date(2022, 6, 3), date(2022, 6, 3)),
    ("Acme buys Beta\nApr 02, 2024\n\n", date(2024, 4, 2), date(2024, 4, 2)),
    ("Press release, 10 March 2025\n\n", date(2025, 3, 10), date(2025, 3, 10)),
    ("SAN FRANCISCO, Jan. 5, 2024 /PRNewswire/ -- ", date(2024, 1, 5), date(2024, 1, 5)),
    # a place in title case opens a dateline when the date is full
    ("Acme buys Beta\n\nBrussels, February 11, 2024 – ", date(2024, 2, 11), date(2024, 2, 11)),
    # a byline with the author's name, the time and a zone offset
    ("Acme buys Beta\n\nTechnology Author: Example News, Jane Roe Mar 06, 2024 03:53 PM (GMT+8)\n\n",
     date(2024, 3, 6), date(2024, 3, 6)),
])
def test_page_stamps_in_their_common_forms(tmp_path: Path, head: str, lo: date, hi: date) -> None:
    (d,) = _dates(tmp_path, head + BODY).values()
    assert (d.earliest, d.latest) == (lo, hi)
    used = [e for e in d.evidence if e.used and e.earliest == lo]
    assert used and all(e.because for e in used)


@pytest.mark.parametrize(("foot", "day"), [
    ("(END) Dow Jones Newswires\n01-17-25 1837ET", date(2025, 1, 17)),  # US month-day-year
    ("(END) Dow Jones Newswires\n\n17-01-25 0902 GMT", date(2025, 1, 17)),  # no month 17
    ("Tel: 01-17-25 1837", None),  # no clock zone: a phone number, not a stamp
])
def test_a_newswire_closing_stamp_at_the_foot_dates_the_item(tmp_path: Path, foot: str,
                                                             day: date | None) -> None:
    (d,) = _dates(tmp_path, BODY + "\n" + foot).values()
    assert (d.earliest, d.latest) == (day, day)
def test_month_day_dateline_takes_its_year_from_the_text_and_the_weekday(tmp_path: Path) -> None:
    text = ("NEW YORK, Sep 3 (Wire) - Acme said on Tuesday it agreed to buy Beta for $480 "
            "million.\n\nAcme reported revenue of $2 billion in 2024, its best year so far.\n")
    (d,) = _dates(tmp_path, text).values()
    assert d.published == d.earliest == d.latest == date(2024, 9, 3)  # a Tuesday in 2024 only


def test_year_less_dateline_resolved_by_the_corpus_years_only_with_a_weekday(tmp_path: Path
                                                                             ) -> None:
    dated = "date 2024-03-19 Acme hired the founders of Beta Systems to lead its new unit.\n"
    wire = ("March 21 (Wire) - Acme agreed to pay Beta about $650 million, a person familiar "
            "with the matter told Wire on Thursday.\n")
    no_weekday = "March 21 (Wire) - Acme agreed to pay Beta about $650 million, people said.\n"
    by = _dates(tmp_path, dated, wire, no_weekday)
    assert by["x1"].earliest == by["x1"].latest == date(2024, 3, 21)  # 2024-03-21: a Thursday
    (dl,) = [e for e in by["x2"].evidence if e.rule == "dateline"]  # 2024? 2025? not knowable
    assert dl.earliest is None and dl.latest is None and "ambiguous" in dl.because
    assert by["x2"].latest is None


# --------------------------------------------------------------------------- URL dates


@pytest.mark.parametrize(("url", "lo", "hi"), [
    ("https://news.example/2024/03/21/acme-buys-beta/", date(2024, 3, 21), date(2024, 3, 21)),
    ("https://news.example/deals/acme-buys-beta-2024-03-19", date(2024, 3, 19), date(2024, 3, 19)),
    ("https://news.example/20240319/acme-buys-beta", date(2024, 3, 19), date(2024, 3, 19)),
    ("https://news.example/2022/09/acme-buys-beta/", date(2022, 9, 1), date(2022, 9, 30)),
    ("https://news.example/article/08/02/2024/acme-buys-beta", None, None),  # M/D or D/M?
    ("https://news.example/story/37974682/acme-buys-beta?id=20240101x", None, None),
    ("https://news.example/news/acme-closes-on-beta-202505200725", date(2025, 5, 20), date(2025, 5, 20)),
    ("https://news.example/story/acme-buys-beta/1371747601446/", None, None),  # an id, no date
    # folders with the month by name, and a year folder alone
    ("https://news.example/news/2023/sep/26/acme-buys-beta/", date(2023, 9, 26), date(2023, 9, 26)),
    ("https://news.example/news/2024/september/acme-buys-beta", date(2024, 9, 1), date(2024, 9, 30)),
    ("https://news.example/news/networking/2024/acme-buys-beta", date(2024, 1, 1),
     date(2024, 12, 31)),
    ("https://news.example/news/2024/mayhem/acme-buys-beta", date(2024, 1, 1), date(2024, 12, 31)),
    ("https://news.example/news/best-deals-of-2024", None, None),  # the page's own name: no folder
    # a year folder, then month and day in one folder
    ("https://news.example/news/business/2023/1025/1412873-acme-cuts-jobs/", date(2023, 10, 25),
     date(2023, 10, 25)),
    ("https://news.example/news/2023/1399/acme-buys-beta", date(2023, 1, 1), date(2023, 12, 31)),
    # "0512" may be 12 May or 5 December: only the year is known
    ("https://news.example/news/2023/0512/acme-buys-beta", date(2023, 1, 1), date(2023, 12, 31)),
])
def test_url_dates_come_from_the_address_path(tmp_path: Path, url: str, lo, hi) -> None:
    (d,) = _dates(tmp_path, (BODY, url)).values()
    assert (d.earliest, d.latest) == (lo, hi)
    if lo:
        assert any(e.rule.startswith("url_") and e.used for e in d.evidence)


# --------------------------------------------------------------------------- traps


def test_a_header_date_among_navigation_is_an_upper_bound_only(tmp_path: Path) -> None:
    text = ("Home | News | Deals | Markets\nThursday, December 18, 2025\nSearch\n\n"
            "Acme buys Beta\n\n" + BODY)
    (d,) = _dates(tmp_path, text, titles=("Acme buys Beta",)).values()
    assert d.earliest is None and d.latest == date(2025, 12, 18)
    (ev,) = [e for e in d.evidence if e.rule == "header_date"]
    assert "captured" in ev.because


def test_copyright_years_sidebar_dates_and_recounted_events_are_not_publication_dates(
        tmp_path: Path) -> None:
    text = ("Acme buys Beta\n\nAcme agreed to buy Beta, which Acme first announced in September "
            "2022, for $480 million.\n\nBeta makes sensors for cranes and ships in four "
            "countries, the company said.\n\nLatest News\nDec.15 2025\nDec.14 2025\n"
            "Rivals eye port deals\n\n© 2025 Wire Media. All rights reserved.\n")
    (d,) = _dates(tmp_path, text).values()
    assert d.earliest == date(2022, 9, 1) and d.latest is None  # "announced in September 2022"
    assert not any(e.earliest and e.earliest.year == 2025 or e.latest and e.latest.year == 2025
                   for e in d.evidence)


def test_a_page_with_versions_is_dated_by_its_latest_and_keeps_each_version(tmp_path: Path
                                                                             ) -> None:
    text = ("Update as of May 3, 2024: The deal closed on Friday, Acme said.\n\n"
            "Original article from April 29, 2024: Acme agreed to buy Beta for $480 million "
            "in cash, the companies said in a statement.\n")
    (d,) = _dates(tmp_path, text).values()
    assert d.published == d.earliest == d.latest == date(2024, 5, 3)
    assert [(v.label, v.day) for v in d.versions] == [("update", date(2024, 5, 3)),
                                                       ("original", date(2024, 4, 29))]
    assert d.version_date(text.index("$480 million")) == date(2024, 4, 29)
    assert d.version_date(text.index("closed on Friday")) == date(2024, 5, 3)


# --------------------------------------------------------------------------- learned events


LEARNED = (
    "date 2024-03-04 Acme announced on Friday that it agreed to buy Beta Systems for $2.1 "
    "billion in cash.\n",
    "Acme agreed on Friday to buy Beta Systems, the two companies said in a statement.\n",
    "Acme's $2.1 billion purchase of Beta, which was announced by the companies, drew praise "
    "from analysts.\n",
    "Zeta agreed on Friday to buy Omega for an undisclosed sum, the companies said.\n",
)


def test_events_learned_from_a_dated_source_bound_the_others(tmp_path: Path) -> None:
    dates, events = date_corpus(_corpus(tmp_path, *LEARNED), NO_EVENTS)
    by = {d.source_id: d for d in dates}
    (ev,) = [e for e in events if e.learned]
    assert (ev.kind, ev.earliest, ev.learned_from) == ("agreed", date(2024, 3, 1), "x0")
    # "agreed on Friday": the Friday of the learned announcement, within the week after
    assert (by["x1"].earliest, by["x1"].latest) == (date(2024, 3, 1), date(2024, 3, 7))
    # a shared figure ties a mention without a weekday: on or after the announcement
    assert by["x2"].earliest == date(2024, 3, 1) and by["x2"].latest is None
    because = next(e.because for e in by["x2"].evidence if e.rule == "learned_event")
    assert because.startswith("it mentions the deal's announcement") and "(x0) dates to 1 March" \
        in because
    # other parties: not the same event
    assert by["x3"].earliest is None and by["x3"].latest is None
    used = events_used_table(dates, events)
    row = used[used["citation"].str.startswith("learned from")].iloc[0]
    assert row["matched_sources"] == "x1, x2" and matched_event_count(used) == 1


def test_each_dated_clause_of_a_sentence_teaches_its_own_kind_of_event(tmp_path: Path) -> None:
    page = ("date 2023-12-01 Acme announced back in May of 2023 that it would buy Beta Systems "
            "for $2 billion, and on November 22 of 2023 Acme said that it had completed the "
            "acquisition.\n")
    _, events = date_corpus(_corpus(tmp_path, page), NO_EVENTS)
    assert {(e.kind, e.earliest, e.latest) for e in events if e.learned} == {
        ("agreed", date(2023, 5, 1), date(2023, 5, 31)),
        ("completed", date(2023, 11, 22), date(2023, 11, 22))}
    # a relative phrase too: "earlier this year" dates the completion of its clause, "on
    # Friday" the announcement of its own
    page = ("date 2024-11-22 The new infusion, announced by the companies on Friday, follows a "
            "$4 billion investment in Beta completed earlier this year.\n")
    _, events = date_corpus(_corpus(tmp_path, page), NO_EVENTS)
    assert {(e.kind, e.earliest, e.latest) for e in events if e.learned} == {
        ("agreed", date(2024, 11, 22), date(2024, 11, 22)),
        ("completed", date(2024, 1, 1), date(2024, 11, 22))}


def test_matched_event_count_counts_only_events_that_bound_a_source(tmp_path: Path) -> None:
    f = tmp_path / "events.csv"
    f.write_text("date,event,patterns,open_patterns,citation\n"
                 "2024-03-01,Deal,agreed to buy,,X\n2024-05-01,Other,never mentioned,,Y\n",
                 encoding="utf-8")
    events = load_events(f)
    dates = estimate_timeline(_corpus(tmp_path, BODY), events)
    assert matched_event_count(events_used_table(dates, events)) == 1


# --------------------------------------------------------------------------- order, undated


def test_an_undated_source_is_marked_and_named_so(tmp_path: Path) -> None:
    cs = _corpus(tmp_path, "date 2024-03-04 Acme agreed to buy Beta for $480 million.\n", BODY)
    table = timeline_table(estimate_timeline(cs, NO_EVENTS))
    undated = table.set_index("source_id").loc["x1"]
    assert not undated["dated"] and undated["evidence"].startswith("No dating evidence")
    from analysis.findings import when

    assert when(undated) == "no date evidence"


# --------------------------------------------------------------------------- cleaning protects dates


DATELINES = [
    "Press release, 10 March 2025",
    "Published 3:05 PM EST, Tue June 4, 2024",
    "Last updated: March 8, 2024, 6:42 pm SGT",
    "By Rich Smith – Sep 19, 2022 at 1:40PM",
    "Aug 2, 2024, 1:01pm EDT",
    "16.07.2024 15:08:42",
]


@pytest.mark.parametrize("line", DATELINES)
def test_cleaning_never_removes_a_line_that_dates_the_page(tmp_path: Path, line: str) -> None:
    # two files sharing the line shape (the two-file corpus), the line deep in the head
    head = "Home | News | Deals\nMenu\nSearch\nSign in\nMarkets\nAcme buys Beta\n"
    cs = _corpus(tmp_path, head + line + "\n\n" + BODY, "Beta news\n" + line + "\n\n" + BODY)
    for c in cs:
        raw = c.source.raw
        at = raw.index(line)
        removed = [r for r in c.removals if r.action == "remove" and r.start < at + len(line)
                   and at < r.end]
        assert not removed, (line, removed)
    for d in estimate_timeline(cs, NO_EVENTS):
        assert d.earliest is not None and d.earliest == d.latest or d.latest is not None, line


def test_a_leading_month_bounds_the_page_from_above_only(tmp_path: Path) -> None:
    """"date 2023-06": the copy is dated by its month, so the page existed by its end; a portal's
    repost under a month may come after the story, so the month's start is no bound. The line is
    metadata, and a portal's link line beside it is furniture."""
    (c,) = _corpus(tmp_path, 'date 2023-06 Weiter zum vollständigen Artikel bei "Wire"\n\n' + BODY
                   + "He wanted them to keep reading\nthe market.\nContinue reading")
    assert {(r.rule, r.text) for r in c.removals} >= {
        ("date_lead", "date 2023-06"), ("link_out", 'Weiter zum vollständigen Artikel bei "Wire"'),
        ("link_out", "Continue reading")}
    assert not any("keep reading" in r.text for r in c.removals)  # text, not a link
    (d,) = estimate_timeline([c], NO_EVENTS)
    assert (d.earliest, d.latest) == (None, date(2023, 6, 30))
    (ev,) = [e for e in d.evidence if e.rule == "date_line"]
    assert "month 2023-06" in ev.because
    # a month that does not exist dates nothing
    (d,) = _dates(tmp_path, "date 2023-13 " + BODY).values()
    assert (d.earliest, d.latest) == (None, None)


def test_a_leading_date_glued_to_a_ticker_is_kept_as_metadata(tmp_path: Path) -> None:
    (c,) = _corpus(tmp_path, "date 2022-06-03 ANL 10.40 Decreased By -0.30 (-2.8%)\n\n" + BODY)
    (lead,) = [r for r in c.removals if r.rule == "date_lead"]
    assert lead.action == "metadata" and lead.text == "date 2022-06-03"
    (d,) = estimate_timeline([c], NO_EVENTS)
    assert d.published == date(2022, 6, 3)


def test_stage_quotes_never_cut_a_word_or_a_figure() -> None:
    from analysis.cleaning import Segment
    from analysis.timeline import deal_stage

    text = ("Meta is reportedly finalizing a $14 billion investment in Scale AI and is in talks "
            "with Scale AI CEO Alexandr Wang to lead a new AI research lab at Meta, reflecting "
            "Mark Zuckerberg's frustration with Meta's AI progress.")
    _, evidence = deal_stage([Segment("x", 0, 0, len(text), text)])
    for ev in evidence:
        body = ev.quote.strip("…")
        assert body in text and "$14 billion" in ev.quote or "14 billion" not in ev.quote
        start = text.index(body)
        assert start == 0 or text[start - 1] == " ", ev.quote  # starts at a word
        end = start + len(body)
        assert end == len(text) or text[end] in " ,.;", ev.quote  # ends at a word


def test_open_windows_are_named_with_the_reason(tmp_path: Path) -> None:
    from analysis.timeline import open_windows_note

    cs = _corpus(tmp_path, "date 2024-03-04 Acme agreed to buy Beta for $480 million.\n",
                 "Acme, which first announced the plan in January 2024, agreed to buy Beta.\n",
                 "Beta makes sensors for port cranes, and its founders will stay on to run it.\n")
    note = open_windows_note(timeline_table(estimate_timeline(cs, NO_EVENTS)), {"x2": "Wire (x2)"})
    assert note == ("Open publication windows, left open rather than guessed: x1 (on or after "
                    "2024-01-01: nothing in it bounds it from above); Wire (x2) (no date evidence "
                    "at all).")


def test_an_event_dated_last_week_by_a_dated_source_bounds_a_mention_with_its_figure(
        tmp_path: Path) -> None:
    dated = "date 2024-03-20 Acme said it agreed to buy Beta Systems for $2.7 billion last week.\n"
    other = "Acme's $2.7 billion purchase of Beta Systems was announced, drawing praise.\n"
    dates, events = date_corpus(_corpus(tmp_path, dated, other), NO_EVENTS)
    (ev,) = [e for e in events if e.learned]
    assert (ev.earliest, ev.latest) == (date(2024, 3, 11), date(2024, 3, 17))
    by = {d.source_id: d for d in dates}
    assert by["x1"].earliest == date(2024, 3, 11) and by["x1"].latest is None


def test_the_deal_figure_ties_a_mention_even_when_every_source_names_it(tmp_path: Path) -> None:
    """The deal's own figure is in most pages of a corpus about it: that is what marks its
    announcement, so it ties a mention to the learned announcement however common it is."""
    d = _dates(
        tmp_path,
        "date 2024-03-01 Acme agreed on Friday to buy Beta Systems for $480 million.\n",
        "Acme's $480 million purchase of Beta was announced, drawing praise.\n",
        "Analysts said the $480 million price Acme agreed to pay for Beta was fair.\n",
    )
    assert d["x1"].earliest == date(2024, 3, 1) and d["x1"].latest is None
    assert any(e.rule == "learned_event" and e.used for e in d["x1"].evidence)


def test_a_page_that_misdates_the_announcement_does_not_move_the_others(tmp_path: Path) -> None:
    """A dated page saying the deal was agreed "in March" a year late is still a learned
    announcement; a mention tied to it by the figure may mean the announcement another dated
    page puts a year earlier, so it is bounded by the earlier one (never narrower than the
    evidence). An event overlapping the tied one is the same happening, dated less closely."""
    d = _dates(
        tmp_path,
        "date 2024-03-01 Acme agreed on Friday to buy Beta Systems, the companies said.\n",
        "date 2025-06-10 Acme agreed in March to buy Beta Systems for $480 million.\n",
        "Acme's $480 million purchase of Beta Systems was announced, drawing praise.\n",
    )
    assert d["x2"].earliest == date(2024, 3, 1)
    (ev,) = [e for e in d["x2"].evidence if e.rule == "learned_event"]
    assert "the earliest agreed event it may mean" in ev.note and "(x0)" in ev.because


def test_two_pages_dating_one_happening_closely_and_loosely_keep_the_close_date(
        tmp_path: Path) -> None:
    """Overlapping dates of one figure's happening are one happening: a mention of it is
    bounded by the closer start, not the looser one."""
    d = _dates(
        tmp_path,
        "date 2024-11-22 It follows a $4 billion investment in Beta that Acme completed earlier "
        "this year.\n",
        "date 2024-04-02 In March Acme completed its $4 billion investment in Beta, the two said.\n",
        "Acme's $4 billion investment in Beta has been completed, bringing its stake to a third.\n",
    )
    assert d["x2"].earliest == date(2024, 3, 1)


def test_a_month_opening_the_sentence_is_read_like_one_inside_it() -> None:
    """News opens sentences with "In November, ..." as often as it says "... in November":
    both name a past month (and "may" stays a verb either way)."""
    from analysis.dating.mentions import find_dates

    assert [(h.kind, h.month) for h in find_dates("Behind the news: In November, Beta agreed to it.")] == \
        [("month", 11)]
    assert [(h.kind, h.month) for h in find_dates("Since March, however, it has grown.")] == [("month", 3)]
    assert find_dates("In may cases the deal closes.") == ()


def test_the_same_later_amount_ties_a_follow_on_deal_to_its_own_date(tmp_path: Path) -> None:
    """A follow-on as large as the first deal shares its parties and its figure, so only
    "another $4 billion" tells the later deal apart: an undated piece reporting it is bounded
    by the day the later deal was announced, and a piece on the first deal is not."""
    d = _dates(
        tmp_path,
        "date 2024-11-22 Acme is investing an additional $4 billion in Beta. The new infusion, "
        "announced by the companies on Friday, follows a $4 billion investment in Beta completed "
        "earlier this year.\n",
        "What is new: Acme put another $4 billion into Beta, bringing its investment to $8 billion.\n",
        "Acme announced it will invest up to $4 billion in Beta, its first deal with the startup.\n",
    )
    later = d["x1"]
    assert later.earliest == date(2024, 11, 22)
    (ev,) = [e for e in later.evidence if e.rule == "learned_event"]
    assert "the same later amount: $4e+09" in ev.note and ev.used
    assert "the announcement of a further amount" in ev.because  # not "the deal's announcement"
    assert d["x2"].earliest is None or d["x2"].earliest < date(2024, 11, 22)
    assert not any(e.rule == "learned_event" for e in d["x2"].evidence)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The Federal Trade Commission has sued to block Acme's purchase of Beta.", "regulatory_review"),
    ("Acme is being investigated by the European Commission over its acquisition of Beta.", "regulatory_review"),
    ("Acme's takeover of Beta is being challenged by US authorities.", "regulatory_review"),
    ("It seems Beta's owner is on the brink of selling the company to Acme.", "talks"),
    ("Acme closes in on Beta", "talks"),
    ("The deal was worth $66 billion on paper when it collapsed this week.", "ended"),
    ("The two announced the termination of the previously announced agreement to buy Beta.", "ended"),
    # a second unseen corpus (a bank merger approved by regulators and shareholders)
    ("The Federal Reserve and the Comptroller said on Friday they have approved the merger of Acme "
     "and Beta.", "regulatory_review"),
    ("The Federal Reserve Board on Friday announced its approval of the application by Acme to merge "
     "with Beta.",
     "regulatory_review"),
    ("Shareholders of Acme and Beta approved a proposed combination of the two companies.",
     "regulatory_review"),
    ("Done deal: Acme closes on acquisition of Beta", "completed"),
    ("Acme officially closed Sunday on its $35 billion acquisition of Beta.", "completed"),
    ("Acme said on late-Monday that it will acquire Beta in an all-stock deal.", "agreed"),
    # a third unseen corpus (a merger blocked in court)
    ("Beta on Wednesday formally terminated its proposed $25 billion merger with Acme.", "ended"),
    ("A national and a state judge both moved to halt the transaction in less than two hours.", "ended"),
    ("Eventually, a state judge blocked the package on similar grounds.", "ended"),
    ("He resigned less than three months after a $25 billion proposed merger between Acme and "
     "Beta collapsed.", "aftermath"),
    ("Acme announced Friday that it was purchasing Beta.", "agreed"),
    ("Attorneys general asked Beta to wait until they complete a review of Acme's planned acquisition.",
     "regulatory_review"),
    ("They agreed to sell 413 stores to Gamma as part of the plan to gain regulatory approval.",
     "regulatory_review"),
    ("They will sell more stores in an effort to quell the federal government's concerns.",
     "regulatory_review"),
    ("Acme blames Beta for merger's demise in new court filings", "aftermath"),
    ("The EU has given the green light for Acme to complete its $32 billion acquisition of Beta.",
     "regulatory_review"),
    ('Acme has received preliminary "green light" from the EU to acquire Beta, the owner of the Crunchos '
     "brand.", "regulatory_review"),
    ("Beta's owner With a $40 billion transaction announcement Sunday.", "agreed"),
    # a seventh corpus's stage misses: a block decision, a clearance, an arbitration
    ("President Smith on Friday announced a decision to block the $14 billion acquisition of Beta by "
     "Acme.", "regulatory_review"),
    ("President Smith on Friday signed an executive order paving the way for an Acme investment in "
     "Beta.", "regulatory_review"),
    ("Gamma Corp. initiated arbitration proceedings on March 6 to clarify the terms of the joint "
     "operating agreement.", "regulatory_review"),
    # the eighth: a regulator poised to approve, a settlement of an antitrust suit
    ("The European Commission is reportedly poised to give unconditional approval for Acme's planned $14 "
     "billion acquisition of Beta.", "regulatory_review"),
    ("Shares in Acme and Beta popped Monday in the wake of a proposed settlement of a Justice Department "
     "antitrust lawsuit.", "regulatory_review"),
    ("The regulator is in discussions to settle its challenge.", "regulatory_review"),
    ("Beta has rejected a proposed $23 billion acquisition deal offered by Acme.", "ended"),
    ("Shareholders voted to give the go-ahead to Acme's proposed $35-billion acquisition of Beta.",
     "agreed"),
    # a fourth unseen corpus (a sale process, a long security review, a block and its reversal)
    ("Beta announced that its board has decided to initiate a formal review process to evaluate "
     "strategic alternatives for the company.", "talks"),
    ("Beta has received multiple unsolicited proposals for the whole company.", "talks"),
    ("Beta has been attracting a diverse range of bidders for its potential sale.", "talks"),
    ("Acme had made a private proposal to acquire the company at a 43% premium.", "talks"),
    ("A national security review of Acme Corp.'s takeover of Beta Steel Corp. is unlikely to "
     "conclude until late this year.", "regulatory_review"),
    ("Acme Corp. will buy Beta Corp. for about $14.1 billion in an all-cash transaction, the two "
     "companies said Monday.", "agreed"),
    ("Acme will pay $55 per share, a hefty premium when the takeover was announced in December.",
     "agreed"),
    ("On Wednesday, March 11, 2026, Acme officially finalized the highly anticipated Acme Beta "
     "acquisition.", "completed"),
    # a fifth unseen corpus (talks that fell apart, an agreement two years on, an EU clearance)
    ("According to the paper, Acme has made a “takeover offer” of more than $20 billion for "
     "Beta.", "talks"),
    ("Acme held talks with Beta about a takeover that could have been its largest deal ever.", "talks"),
    ("Talks about Acme takeover of Beta fall apart: sources", "ended"),
    ("European regulators gave their approval to Acme's $28 billion acquisition of Beta.",
     "regulatory_review"),
    ("Acme received European Union (EU) regulatory approval for its $28 billion purchase of Beta.",
     "regulatory_review"),
    ("The executive said the cuts are not related to Acme's pending acquisition of the company.",
     "regulatory_review"),
    ("Acme's $28 bln Beta deal set for March 13 EU antitrust decision", "regulatory_review"),
    ("The Hart-Scott-Rodino waiting period has passed, and the company got no second request.",
     "regulatory_review"),
    ("Acme took just six months to close its US$28 billion acquisition of Beta.", "completed"),
    ("The chief executive spoke on Monday after the deal’s completion was announced.", "completed"),
    ("Its year included the close of its $28 billion Beta acquisition and smaller deals.", "completed"),
])
def test_stage_cues_of_common_news_phrasing(sentence: str, kind: str) -> None:
    """Phrasings a first unseen corpus (a takeover that failed) showed the cues lacked."""
    from analysis.dating.stage import stage_hits

    assert kind in {k for k, _ in stage_hits(sentence)}


@pytest.mark.parametrize(("untied", "tied"), [
    # "today" is the notice's day, not the takeover's announcement; "made headlines last week,
    # agreeing to buy ..." dates the agreement (the mention elaborates the phrase's clause)
    ("Following careful consideration of the proposed takeover of Beta Systems by Acme, I have today "
     "issued an intervention notice, the minister said.\n",
     "Acme made headlines last week, agreeing to buy Beta Systems for $2.1 billion in cash.\n"),
    # "last month" before an "after" clause is the approval's, not the agreement's (which had put
    # the page in the month after the announcement); with no happening before the phrase, the
    # agreement still dates it
    ("Acme won preliminary approval from the regulator last month after Beta Systems agreed to sell "
     "its cloud rights, clearing the way for the $2.1 billion deal.\n",
     "Beta Systems shares jumped last week after Acme agreed to buy Beta Systems for $2.1 billion.\n"),
])
def test_a_relative_phrase_dates_the_happening_of_its_own_clause(tmp_path: Path, untied: str, tied: str) -> None:
    d = _dates(
        tmp_path,
        "date 2024-03-04 Acme announced on Friday that it agreed to buy Beta Systems for $2.1 billion in cash.\n",
        untied, tied,
    )
    assert not any(e.rule == "relative" for e in d["x1"].evidence)
    (rel,) = [e for e in d["x2"].evidence if e.rule == "relative"]
    assert rel.used and (d["x2"].earliest, d["x2"].latest) == (date(2024, 3, 4), date(2024, 3, 10))


def test_a_completion_still_to_come_is_no_completion() -> None:
    from analysis.dating.stage import stage_hits

    text = "Beta disclosed last week that it expects the deal to be completed by May 19."
    assert [k for k, _ in stage_hits(text)] == []


def test_a_passive_with_will_be_is_future_and_a_future_year_anchors_no_past_month(
        tmp_path: Path) -> None:
    """"will be swapped over in 2025 and 2026" names years still to come; "accretive by 2027"
    bounds nothing below, so "In January, ..." is not put in 2026 by it (a page of 2024)."""
    from analysis.dating.mentions import tense

    text = "It is anticipated that their cards will be swapped over to Beta in 2025 and 2026."
    assert tense(text, text.index("2026")) == "future"
    assert tense("The deal was completed in 2024.", 26) == "past"
    d = _dates(tmp_path,
               "The deal is expected to be more than 15% accretive to Acme's earnings by 2027.\n\n"
               "In January, Beta announced that its quarterly net income dropped 62%.\n")
    assert d["x0"].earliest is None or d["x0"].earliest.year < 2025


def test_a_hyphenated_figure_is_the_same_figure(tmp_path: Path) -> None:
    from analysis.dating.body import sentence_tokens

    assert "$3.5e+10" in sentence_tokens("Acme's proposed $35-billion acquisition of Beta")
    assert sentence_tokens("a $35-billion deal") & sentence_tokens("a $35 billion deal")


@pytest.mark.parametrize(("line", "day"), [
    ("4/21/25 2:52PM", date(2025, 4, 21)),  # a day above 12: month/day
    ("21/4/2025", date(2025, 4, 21)),  # day/month
    ("4/5/25 9:10 AM", date(2025, 4, 5)),  # a US 12-hour clock: month/day
])
def test_numeric_byline_dates_when_their_order_is_sure(tmp_path: Path, line: str, day: date) -> None:
    d = _dates(tmp_path, f"Acme and Beta jump after approval\n\nBy Nia Lee\n{line}\n\n" + BODY)
    assert (d["x0"].earliest, d["x0"].latest) == (day, day)


def test_a_numeric_date_of_unknown_order_is_not_read(tmp_path: Path) -> None:
    d = _dates(tmp_path, "Acme and Beta jump after approval\n\nBy Nia Lee\n4/5/2025\n\n" + BODY)
    assert not any(e.rule == "stamp" for e in d["x0"].evidence)


def test_events_read_from_their_own_clauses(tmp_path: Path) -> None:
    """"X has completed its purchase of Y, the companies announced on Sunday" is a completion
    of that Sunday; "announced ... in February of last year" is last year's February; a month in
    a clause without a happening is not the announcement's month when that has its own date."""
    _, events = date_corpus(_corpus(
        tmp_path,
        "date 2025-05-18 Acme has completed its acquisition of Beta, the companies announced on "
        "Sunday.\n\nAcme announced its intention to acquire Beta in February 2024, shareholders "
        "voting for the deal a year later and regulators approving it in April.\n",
        "date 2025-04-21 The deal was first announced in February of last year.\n",
    ), NO_EVENTS)
    got = {(e.kind, e.earliest, e.latest) for e in events if e.learned}
    assert ("completed", date(2025, 5, 18), date(2025, 5, 18)) in got
    assert ("agreed", date(2024, 2, 1), date(2024, 2, 29)) in got
    assert not any(k == "agreed" and lo.year == 2025 for k, lo, _ in got)


def test_a_purpose_is_no_act() -> None:
    """"the green light for Acme to complete its acquisition": the completion is still to come."""
    from analysis.dating.stage import stage_hits

    assert not any(k == "completed" for k, _ in stage_hits(
        "Regulators gave the green light for Acme to complete its $32 billion acquisition of Beta."))


def test_taking_over_as_chief_executive_is_no_completion() -> None:
    from analysis.dating.stage import stage_hits

    assert stage_hits("The deal could come weeks after Jo Lee took over as Beta's CEO in August.") == []


def test_a_day_still_to_come_and_the_friday_before_the_news_date_nothing(tmp_path: Path) -> None:
    """"a deal may be announced as soon as Tuesday" names a day to come; "closing price on
    Friday" in a piece about Monday's deal is the Friday before it: neither moves the window
    past the deal's Monday (20 February here, one day after it)."""
    d = _dates(
        tmp_path,
        "date 2024-02-19 Acme agreed on Monday to buy Beta Systems for $35 billion.\n",
        "Acme said on late-Monday that it will acquire Beta Systems for $35 billion.\n\n"
        "The price is a 26% premium to Beta's closing price of $110.49 on Friday.\n\n"
        "Analysts had said a deal may be announced as soon as Tuesday.\n",
    )
    assert d["x1"].earliest == date(2024, 2, 19) and d["x1"].latest == date(2024, 2, 25)


def test_a_true_stamp_stands_against_a_loosely_tied_phrase(tmp_path: Path) -> None:
    """"earlier this month" tied to the wrong one of two announcements (a later store sale by
    the same parties) once overruled a page's own date stamp by a year; only "today" of a
    dated event may show a stamp stale. And a figure of another deal keeps a weekday off it."""
    d = _dates(
        tmp_path,
        "date 2023-09-08 Acme and Beta announced Friday an agreement to sell 413 stores to Gamma "
        "for $1.9 billion.\n",
        "date 2022-10-27 Acme earlier this month announced it was paying $20 billion to buy Beta.\n",
        "Acme plans to buy Beta for $24.6 billion, the companies said on Friday.\n",
    )
    assert (d["x1"].earliest, d["x1"].latest) == (date(2022, 10, 27), date(2022, 10, 27))
    assert d["x2"].latest is None or d["x2"].latest < date(2023, 9, 8)


def test_a_run_of_dated_widget_lines_is_no_stamp(tmp_path: Path) -> None:
    widget = "".join(f"2024-12-25 1{k}:15{k}31 view\n" for k in range(4))
    d = _dates(tmp_path, BODY + "\n" + widget)
    assert not any(e.rule == "stamp" for e in d["x0"].evidence)


def test_a_present_passive_after_once_is_future_not_past() -> None:
    """"will make it a subsidiary once the deal is closed in the second quarter of 2026": the
    participle after "is" is a present passive, so the year is still to come, not a past one."""
    from analysis.dating.mentions import tense

    text = ("Acme will make Beta a wholly-owned subsidiary once the deal is closed in the second "
            "or third quarter of 2026, subject to approval by Beta's shareholders.")
    assert tense(text, text.index("2026")) == "future"
    assert tense("The deal was closed in 2024.", 23) == "past"


@pytest.mark.parametrize("text", [
    "Acme's deal required the Delta plant to continue operating until 2029, the union said.",
    "Acme also pledged to keep Beta's existing plants in operation through 2037.",
    "The buyer promised to invest $2 billion by 2030.",
])
def test_a_pledge_or_requirement_names_a_year_still_to_come(text: str) -> None:
    """A year that ends what a deal requires or a buyer pledged ("required X to continue until
    2029", "pledged to keep ... through 2037") is the end of an obligation, not a past year."""
    from analysis.dating.mentions import tense

    year = re.search(r"20\d\d", text)
    assert year and tense(text, year.start()) == "future"


def test_a_decision_to_block_a_deal_is_no_announcement_of_it() -> None:
    """"announced a decision to block the $14 billion acquisition" announces the block: read
    as the deal's announcement, it made a learned "announcement" event a year late."""
    from analysis.dating.stage import stage_hits

    text = "The president on Friday announced a decision to block the $14 billion acquisition of Beta."
    assert "agreed" not in {k for k, _ in stage_hits(text)}


def test_closing_in_on_a_deal_or_its_first_phase_is_no_completion() -> None:
    from analysis.dating.stage import stage_hits

    for text in ("Acme closes in on a deal for Beta.", "Acme completed the first phase of the merger.",
                 "Acme finalized the terms of the acquisition."):
        assert "completed" not in {k for k, _ in stage_hits(text)}, text


def test_trying_to_acquire_is_no_agreement_and_weeks_ago_is_history() -> None:
    """"news of Acme trying to acquire Beta for around $23 billion" tells of an attempt; "Two
    weeks ago, ..." recounts it: neither is the agreement the page reports."""
    from analysis.dating.stage import recap, stage_hits

    text = "Two weeks ago, the industry was abuzz with news of Acme trying to acquire Beta for around $23 billion."
    assert "agreed" not in {k for k, _ in stage_hits(text)}
    text = "Two weeks ago, Acme agreed to buy Beta for $23 billion."
    hits = stage_hits(text)
    assert hits and all(k == "agreed" and recap(text, m.start()) for k, m in hits)


def test_a_dateline_after_every_year_its_text_names_is_a_lower_bound(tmp_path: Path) -> None:
    """"July 18 (Wire) --" on a page whose only year is the agreement's 2023: the first July 18
    after it is 2024's, but 2025's fits the text as well (the deal took two years), so the day
    only bounds the page from below; a year named as still to come pins it."""
    d = _dates(tmp_path,
               "July 18 (Wire) -- Acme completed its acquisition of Beta on Friday. Acme announced on "
               "October 23, 2023, that it had agreed to buy its rival.\n",
               "April 18 (Wire) -- Regulators approved the merger of Acme and Beta. Acme announced on "
               "October 23, 2023, that it had agreed to buy its rival, a deal expected to close by "
               "May 18, 2024.\n")
    assert (d["x0"].earliest, d["x0"].latest) == (date(2024, 7, 18), None)
    assert (d["x1"].earliest, d["x1"].latest) == (date(2024, 4, 18), date(2024, 4, 18))


def test_a_review_step_is_not_dated_by_another_review_step(tmp_path: Path) -> None:
    """Review steps recur: "Beta shareholders approved the sale last month" is not the month
    after a regulator's "second request" another page dates; the same step still is."""
    d = _dates(tmp_path,
               "date 2023-12-08 The Federal Trade Commission on Friday sent a second request to Acme "
               "and Beta about the merger.\n",
               "Initially, Acme aimed to finalize the acquisition by mid-2023, but Beta shareholders "
               "approved the sale last month by a narrow margin.\n",
               "The Federal Trade Commission sent a second request to Acme and Beta last week.\n")
    assert d["x1"].latest is None or d["x1"].latest > date(2024, 1, 31)
    assert (d["x2"].earliest, d["x2"].latest) == (date(2023, 12, 11), date(2023, 12, 17))


def test_a_page_reporting_the_very_review_step_a_dated_page_dates_comes_after_it(tmp_path: Path) -> None:
    """"The Watchdog has announced it will launch a merger inquiry into Acme's deal" is the step
    another page dates ("opened an investigation" on Tuesday): the page appeared on or after it.
    Another step of the same regulator ("an in-depth investigation") is not bounded by it."""
    d = _dates(tmp_path,
               "date 2024-07-16 The Watchdog announced Tuesday that it has opened an investigation "
               "against Acme's partnership with Beta.\n",
               "The Watchdog has announced it will launch a merger inquiry into the partnership between "
               "Acme and Beta.\n",
               "The Watchdog opened an in-depth investigation into the partnership between Acme and Beta.\n",
               "Acme agreed to pay Beta $650 million to license its models.\n",
               "Acme hired most of Beta's staff.\n",
               "Beta's founders joined Acme.\n")
    assert d["x1"].earliest == date(2024, 7, 16)
    assert d["x2"].earliest is None or d["x2"].earliest < date(2024, 7, 16)


@pytest.mark.parametrize(("text", "absent"), [
    # a completion or an approval still to come names no stage reached
    ("The combined entity, upon the merger's completion, will become the biggest card issuer.",
     "completed"),
    ("This divestiture plan marks a key next step toward the completion of the merger.", "completed"),
    ("Though the deal has been approved by the boards, it will still have to earn regulatory "
     "approval.", "regulatory_review"),
    ("The cash component may be reduced, subject to regulatory clearance.", "regulatory_review"),
    ("Acme has no pending acquisition of any rival.", "regulatory_review"),
    # confidence in completing is a hope; "will be completed" is still to come
    ("Acme bought 4.99% of Beta's shares, reflecting its confidence in completing the planned "
     "acquisition of Beta.", "completed"),
    ("Acme expects that the acquisition will be completed by the end of the year.", "completed"),
    # talks in quotes still frame the price: "is 'in advanced talks' to acquire X for around $13 billion"
    ("The Journal understands that Acme is 'in advanced talks' to acquire Beta for around $13 billion.", "agreed"),
    ("Acme is in \u201cadvanced talks\u201d to acquire the company for around $13 billion.", "agreed"),
    # a go-shop ending with no rival bid "clears the way" too, but no authority acts
    ("No rival bidder has emerged. This clears the way for the Acme takeover to proceed.", "regulatory_review"),
])
def test_a_hope_or_a_future_passive_is_no_completion(text: str, absent: str) -> None:
    from analysis.dating.stage import stage_hits

    assert absent not in {k for k, _ in stage_hits(text)}


def test_a_regulator_allowing_the_deal_is_a_review_step_and_last_autumn_recounts() -> None:
    from analysis.dating.stage import recap, stage_hits

    text = "The U.S. Federal Trade Commission allowed Acme's $53 billion purchase of Beta on Monday."
    assert "regulatory_review" in {k for k, _ in stage_hits(text)}
    text = "Last October, Acme agreed to buy Beta for $53 billion."
    hits = stage_hits(text)
    assert hits and all(recap(text, m.start()) for _, m in hits)


def test_a_full_date_named_with_its_weekday_dates_the_page_within_the_week(tmp_path: Path) -> None:
    """"On Wednesday, March 11, 2026, Acme finalized ..." (a Wednesday): news names a day's weekday
    only within the week after it, as for a date without its year; a weekday that does not fit the
    date says nothing."""
    d = _dates(tmp_path,
               "On Wednesday, March 11, 2026, Acme officially finalized its acquisition of Beta.\n",
               "On Friday, March 11, 2026, Acme officially finalized its acquisition of Beta.\n")
    assert (d["x0"].earliest, d["x0"].latest) == (date(2026, 3, 11), date(2026, 3, 17))
    assert (d["x1"].earliest, d["x1"].latest) == (date(2026, 3, 11), None)


def test_a_title_case_word_before_a_year_less_date_is_no_dateline(tmp_path: Path) -> None:
    """"Shares, Feb 8 - ..." is a sentence; only a capitalised place or a wire names a
    year-less dateline."""
    (d,) = _dates(tmp_path, "Acme buys Beta\n\nShares, Feb 8 - " + BODY).values()
    assert not any(e.rule == "dateline" for e in d.evidence)


def test_a_page_under_review_follows_the_announcement_of_the_deal_it_names(tmp_path: Path
                                                                           ) -> None:
    """A review page naming the deal's figure came after the corpus's earliest announcement
    (dated as closely as any page dates it); a review page naming no figure of the corpus may
    be another deal's and is not bounded so. The bound says nothing of how long after, so the
    page sits amid the pages of its stage, not first among them."""
    d = _dates(
        tmp_path,
        "date 2024-03-21 Acme agreed on Thursday to buy Beta Systems for $480 million, or $12 a "
        "share, the companies said.\n",
        "date 2024-06-30 The deal was announced in March, with Acme agreeing to pay $12 a share "
        "for Beta Systems.\n",
        "date 2024-05-02 The European Commission opened an in-depth investigation into the "
        "purchase of Beta Systems by Acme.\n",
        "date 2024-07-15 Regulators are investigating the deal, which has drawn complaints from "
        "Beta Systems' rivals.\n",
        "EU antitrust regulators set a deadline to decide whether to clear Acme's $480 million "
        "bid for Beta Systems.\n",
        "EU antitrust regulators set a deadline to decide whether to clear the bid for Gamma.\n",
    )
    assert d["x4"].earliest == date(2024, 3, 21) and d["x4"].latest is None
    (ev,) = [e for e in d["x4"].evidence if e.rule == "stage_after_event"]
    assert ev.used and "from x0" in ev.note and "$480 m" in ev.note
    assert "(x0)" in ev.because and "regulatory review" in ev.because
    assert d["x5"].earliest is None
    order = [x.source_id for x in d.values()]
    reviews = [sid for sid in order if d[sid].stage == "regulatory_review"]
    assert reviews.index("x4") > 0  # not placed first of its stage


def test_a_year_less_dateline_after_a_bound_falls_in_the_corpus_years(tmp_path: Path) -> None:
    """"BRUSSELS, Feb 8 (Wire) -" on a page that follows the announcement: the first Feb 8
    after it, and no later than the last such day in the years of the corpus's dated sources."""
    d = _dates(
        tmp_path,
        "date 2022-02-12 Acme made an offer for Beta Systems, people familiar with the matter "
        "said.\n",
        "date 2023-09-21 Acme agreed on Thursday to buy Beta Systems for $480 million, the "
        "companies said.\n",
        "date 2024-02-11 Regulators are investigating Acme's $480 million purchase of Beta "
        "Systems, filings show.\n",
        "BRUSSELS, Feb 8 (Wire) - EU antitrust regulators set a deadline to decide whether to "
        "clear Acme's $480 million bid for Beta Systems.\n",
    )
    assert d["x3"].earliest == d["x3"].latest == date(2024, 2, 8)
    (dl,) = [e for e in d["x3"].evidence if e.rule == "dateline" and e.used]
    assert "2024" in dl.because


def test_a_mention_tied_to_a_loosely_dated_happening_takes_the_day_another_page_dates(
        tmp_path: Path) -> None:
    """"announced in September" (with "$480 million" and "$12") and "on Thursday ...
    announced" (with "$12" only) are one announcement: a mention tied by "$480 million" to the
    first is bounded by the day the second gives it."""
    d = _dates(
        tmp_path,
        "date 2024-02-11 The deal, announced in September 2023, has Acme paying $480 million, or "
        "$12 a share, for Beta Systems.\n",
        "date 2023-09-21 On Thursday morning Beta Systems announced it has entered into an "
        "agreement under which Acme will pay $12 a share.\n",
        "Acme has agreed to purchase Beta Systems in a deal valued at $480 million.\n",
    )
    assert d["x2"].earliest == date(2023, 9, 21)


def test_a_page_of_the_agreement_naming_its_parties_follows_the_announcement_and_sits_by_it(
        tmp_path: Path) -> None:
    """With no figure shared, the parties most of the corpus names tie a page describing the deal
    as agreed to the corpus's announcement; it is bounded by it, and placed by it rather than at
    the middle of its window (news of an agreement comes with it)."""
    d = _dates(
        tmp_path,
        "date 2024-03-21 Acme said on Thursday it agreed to buy Beta Systems.\n",
        "date 2024-03-22 Acme agreed to buy Beta Systems, the companies said in a filing.\n",
        "Acme has entered into a definitive agreement to acquire Beta Systems; Beta shareholders "
        "will vote on April 30, 2024.\n",
        "date 2024-03-25 Beta Systems staff welcomed the Acme deal, a union said.\n",
    )
    assert (d["x2"].earliest, d["x2"].latest) == (date(2024, 3, 21), date(2024, 4, 30))
    (ev,) = [e for e in d["x2"].evidence if e.rule == "stage_after_event"]
    assert "acme" in ev.note and "beta" in ev.note
    order = [x.source_id for x in d.values()]
    assert order.index("x2") < order.index("x1")


def test_a_word_one_page_shares_with_the_announcement_ties_no_page_of_another_deal(
        tmp_path: Path) -> None:
    """In a corpus of several deals no name is most pages': an agreement page of another deal
    is not bounded by this one's announcement, whatever word ("Partners") they share."""
    d = _dates(
        tmp_path,
        "date 2024-10-02 Acme agreed on Wednesday to buy Beta Systems, advised by Gamma Partners.\n",
        "Delta Freight and Epsilon Cold Storage agree to merge; Omega Partners advised Delta.\n",
        "date 2025-02-14 Zeta Mining said on Friday it will combine with Eta Metals.\n",
        "date 2025-03-18 Theta Labs raised $40 million from Iota Ventures.\n",
    )
    assert d["x1"].earliest is None


@pytest.mark.parametrize(("text", "stage"), [
    # the US antitrust review's request for more information
    ("Acme and Beta have received a second request from the Federal Trade Commission for "
     "further information on their proposed acquisition.", "regulatory_review"),
    # a closing condition met, announced: not an announcement of the deal
    ("On February 7, 2024, Beta announced receipt of shareholder approval for the merger.",
     "regulatory_review"),
])
def test_review_steps_outrank_the_deal_words_beside_them(text: str, stage: str) -> None:
    from analysis.dating.model import STAGE_RANK
    from analysis.dating.stage import stage_hits

    assert max(STAGE_RANK[k] for k, _ in stage_hits(text)) == STAGE_RANK[stage]


def test_what_an_approval_allows_is_still_to_come() -> None:
    from analysis.dating.mentions import find_weekdays, tense

    text = ("The approval of the acquisition allows Acme to finalize the deal on Friday, enabling "
            "it to turn to its proposed acquisition of Gamma.")
    assert tense(text, text.index("on Friday")) == "future"
    assert find_weekdays(text) == []  # so it dates no happening of the piece's week


def test_a_weekday_dates_the_latest_stage_its_sentence_names(tmp_path: Path) -> None:
    """"received a second request ... on their proposed acquisition, according to a statement
    released on Tuesday": the review step's Tuesday, not the announcement's, though the
    announcement fell on a Tuesday too."""
    d = _dates(
        tmp_path,
        "Acme entered into a definitive agreement to acquire Beta Systems for $480 million on "
        "October 10, 2023.\n",
        "Acme and Beta Systems have received a second request from the Federal Trade Commission "
        "for further information on their proposed acquisition, according to a statement "
        "released by Beta on Tuesday.\n",
    )
    assert not any(e.rule == "weekday" for e in d["x1"].evidence)
    assert d["x1"].latest is None


def test_an_announcement_naming_no_party_of_the_corpus_bounds_no_page(tmp_path: Path) -> None:
    """"In July the company announced that it was buying Gamma" (another deal, its buyer named
    only as "the company") is earlier than the deal's own announcement: pages after the deal's
    are bounded by the deal's; an aftermath page too."""
    d = _dates(
        tmp_path,
        "date 2023-10-11 Acme is buying Beta Systems for $480 million. In July the company "
        "announced that it was buying Gamma Pipelines for $40 million.\n",
        "Acme entered into a definitive agreement to acquire Beta Systems on October 10, 2023.\n",
        "Beta Systems and Acme received a second request from the Federal Trade Commission.\n",
        "Layoffs are coming at Acme after it closed its acquisition of Beta Systems.\n",
    )
    assert d["x2"].earliest == date(2023, 10, 10)
    assert d["x3"].stage == "aftermath" and d["x3"].earliest == date(2023, 10, 10)


@pytest.mark.parametrize(("text", "stage"), [
    ("The Federal Trade Commission declined to challenge Acme's $60 billion purchase of Beta on the "
     "condition that its founder be kept off the board.", "regulatory_review"),
    # an abbreviation's full stop does not end the clause
    ("Acme Corp. plans to lay off 397 employees from Beta Systems Co. after purchasing the pipeline "
     "operator for $63 billion earlier this year.", "aftermath"),
])
def test_a_regulator_declining_to_challenge_and_layoffs_after_a_purchase(text: str, stage: str) -> None:
    from analysis.dating.stage import stage_hits

    assert stage in {k for k, _ in stage_hits(text)}


def test_a_completion_page_open_at_the_end_comes_before_the_aftermath(tmp_path: Path) -> None:
    """A page on the closing, bounded below by the announcement only, overlaps every later page:
    with no other page on the closing, it goes before the first page of a later stage (the
    aftermath), not back at the announcement."""
    d = _dates(
        tmp_path,
        "date 2023-10-11 Acme said on Wednesday it agreed to buy Beta Systems for $480 million.\n",
        "date 2023-12-05 Beta Systems and Acme received a second request from the Federal Trade "
        "Commission on their $480 million deal.\n",
        "Acme closed its $480 million acquisition of Beta Systems, cementing its lead.\n",
        "date 2024-08-02 Acme Corp. plans to lay off 59 employees after purchasing Beta Systems "
        "for $480 million.\n",
    )
    order = [x.source_id for x in d.values()]
    assert d["x2"].stage == "completed" and d["x2"].latest is None
    assert order.index("x1") < order.index("x2") < order.index("x3")


@pytest.mark.parametrize(("text", "year"), [
    ("Ansys repaid its loans, both of which would have matured in 2027.", "2027"),
    ("Analysts downgraded Acme, citing muted expectations for growth in fiscal 2026.", "2026"),
    ("Acme booked the charges in FY2027 and said so.", "2027"),
    ("Acme raised its outlook for the 2026 fiscal year.", "2026"),
    ("Acme grew in financial year 2025.", "2025"),
    ("Loans which would otherwise have matured in 2027 were repaid.", "2027"),
    ("Loans that would've matured in 2027 were repaid.", "2027"),
    ("The loans would not have matured until 2027.", "2027"),
    # the next of a list of fiscal years
    ("It is valued at up to $250 million for each of fiscal years 2023 and 2024, Acme said.", "2024"),
    ("Revenue grew in fiscal 2023 and 2024.", "2024"),
    ("Revenue grew in fiscal 2023, 2024 and 2025.", "2025"),
    ("Revenue grew in FY2023 and 2024.", "2024"),
    ("Revenue grew in financial years 2023 and 2024.", "2024"),
])
def test_a_counterfactual_or_a_fiscal_year_is_no_past_year(text: str, year: str) -> None:
    """"would have matured in 2027" never happened, and "fiscal 2026" names a period that starts
    months before or after the calendar year: read as past years, each put a page from 2025
    after 2026-01-01, outside its true date."""
    from analysis.dating.mentions import find_dates, tense

    hits = [h for h in find_dates(text) if h.text.endswith(year)]
    assert not hits or tense(text, hits[0].start) != "past"


def test_a_print_edition_date_bounds_the_web_piece_from_above_only(tmp_path: Path) -> None:
    """"This article appeared in the ... print edition" over "Business January 20th 2024" dates
    the printed issue; the web piece (its address says 18 January) came on or before it."""
    page = ("A merger strengthens a quiet duopoly\n"
            "Acme agreed to buy Beta Systems for $480 million in cash, the companies said in a "
            "statement, adding two factories to its network of plants.\n"
            "This article appeared in the Business section of the print edition under the "
            "headline \u201cBig by design\u201d\n"
            "Business January 20th 2024\n")
    d = _dates(tmp_path, (page, "https://example.com/business/2024/01/18/a-merger"), page)
    assert (d["x0"].earliest, d["x0"].latest) == (date(2024, 1, 18), date(2024, 1, 18))
    assert d["x1"].latest == date(2024, 1, 20) and d["x1"].earliest is None
    assert any(e.rule == "print_date" for e in d["x1"].evidence)
    # on a byline's line, only the date after the print-edition words is the print date
    d = _dates(tmp_path, "Acme buys Beta\n\nBy Jane Roe, January 18, 2024 | Print edition: January 20, "
                         "2024\n\n" + BODY)
    assert (d["x0"].earliest, d["x0"].latest) == (date(2024, 1, 18), date(2024, 1, 18))


def test_a_quoted_piece_under_a_dated_credit_has_its_own_weekday(tmp_path: Path) -> None:
    """A newsletter of 26 January quoting a story credited "- from Wire (01/16/24)": that
    story's "announced Tuesday" is 16 January, not the Tuesday before the newsletter."""
    page = ("( Newsletter 595 Item 6 ) ---------------------------- [01/26/24]\n"
            "Subject: odds on the Acme-Beta merger\n"
            "\"Acme will buy Beta Systems for $35 billion. The deal announced Tuesday (today)\n"
            "represents a 29% premium to Beta's closing price.\"\n"
            "- from Wire (01/16/24) - Acme to buy Beta in $35 billion deal\n"
            "---- ---- ---- ----\n"
            "My own view: the deal will face regulators for a year or more, I'd bet.\n")
    _, events = date_corpus(_corpus(tmp_path, page), NO_EVENTS)
    assert [(e.kind, e.earliest, e.latest) for e in events if e.learned] == [
        ("agreed", date(2024, 1, 16), date(2024, 1, 16))]
    # a chart's source line is no credit of a quoted piece
    chart = ("date 2024-01-18 Acme Corp said on Tuesday it agreed to buy Beta Systems for $35 "
             "billion.\n\nSource: Datastream, as of Jan. 12, 2024\n")
    _, events = date_corpus(_corpus(tmp_path, chart), NO_EVENTS)
    assert [(e.earliest, e.latest) for e in events if e.learned] == [(date(2024, 1, 16), date(2024, 1, 16))]


@pytest.mark.parametrize(("text", "kind"), [
    ("Acme shares fell after the Journal reported it was nearing a roughly $35 billion deal to "
     "acquire Beta.", "talks"),
    ("The agency ordered Acme and Beta to sell parts of their businesses before moving ahead.",
     "regulatory_review"),
    ("Acme announced plans to cut approximately 10% of its global workforce\u2014up to 2,800 "
     "jobs\u2014following its $35 billion acquisition of Beta.", "aftermath"),
    ("Beta, the simulation giant Acme acquired this year, weighed on results.", "completed"),
    # the ninth unseen corpus: a regulator's request for more information, a plant closed after
    # the deal, a site that was a headquarters "before being acquired"
    ("US regulator seeks additional info on Acme's proposed takeover of Beta", "regulatory_review"),
    ("Acme will exit a plant as it realigns its network following the $43 billion acquisition of "
     "Beta.", "aftermath"),
    ("Acme abandons Seattle plant post-Beta acquisition", "aftermath"),
    ("The site previously served as the headquarters for Beta before being acquired by Acme.",
     "completed"),
    # money raised for a deal still to close: agreed and pending (a cue of the agreement itself
    # would have dated the bond sale's "this week" by the announcement)
    ("Acme's planned debt sale this week, to help fund its acquisition of rival drugmaker Beta, will "
     "rank among the largest.", "regulatory_review"),
    # the tenth unseen corpus: a regulator that ends or pauses its challenge (the deal goes on),
    # a challenge "effort", a party working to close, a completion announced, a price after a
    # described target, and what "follows the clearance of" the deal
    ("The FTC said Friday it had agreed to end its legal challenge of Acme's $27.8 billion deal to buy "
     "Beta.", "regulatory_review"),
    ("Beta gained after the FTC last week paused its legal challenge to Acme's deal.", "regulatory_review"),
    ("The FTC picked up six allies in its unprecedented effort to stop Acme's acquisition of Beta.",
     "regulatory_review"),
    ("As Beta works to close its $28 billion sale to Acme, its results show some weakness.",
     "regulatory_review"),
    ("Acme will acquire Beta Therapeutics, a company that focuses on rare, autoimmune diseases, for "
     "about $26.4 billion.", "agreed"),
    ("It follows the clearance of Acme's purchase of the drug company less than three weeks ago.",
     "aftermath"),
])
def test_stage_cues_of_talks_remedies_layoffs_and_a_done_purchase(text: str, kind: str) -> None:
    from analysis.dating.stage import recap, stage_hits

    hits = [(k, m) for k, m in stage_hits(text) if k == kind]
    assert hits, stage_hits(text)
    if kind == "completed":  # "acquired this year" recounts the purchase: the page is later
        assert recap(text, hits[0][1].start())
    assert not recap("The review is unlikely to conclude until late this year.", 4)
    assert not recap("Acme agreed to buy Beta Systems for $35 billion in a deal that is expected to be "
                     "completed this year.", 5)


@pytest.mark.parametrize("text", [
    "In order for Acme to sell more chips, it must grow.",
    "Acme plans to cut about 10% of its workforce after the acquisition closes next year.",
    "Shares traded close to the $35 billion deal value.",
    "Acme expects savings following the $43 billion acquisition of Beta once the deal closes.",
])
def test_stage_cues_do_not_reach_other_senses(text: str) -> None:
    """"in order for X to sell" is no regulator's order, layoffs after a deal still to close are
    no aftermath, and a price "close to the deal value" is no talks."""
    from analysis.dating.stage import stage_hits

    assert stage_hits(text) == []


@pytest.mark.parametrize(("text", "kind"), [
    # the eleventh unseen corpus: a provisional clearance, a court's injunction, a moved
    # deadline are steps of a deal still pending; a "long-closed deal" is history
    ("The Competition and Markets Authority said it had provisionally cleared the deal.", "regulatory_review"),
    ("Judge Roe has denied the FTC's request for a preliminary injunction.", "regulatory_review"),
    ("Acme and Beta have extended their merger deadline beyond July and into October.", "regulatory_review"),
    ("The FTC said pursuing the case against the long-closed deal was not in the public interest.",
     "aftermath"),
    # the twelfth unseen corpus: plans reported before any agreement, a waiting period cleared, a
    # clearance to come, approvals obtained, a buyer's "acquired" unit, a purchase "years ago"
    ("Acme has been planning to acquire records company Beta for a massive sum of 30 billion dollars.", "talks"),
    ("A final deal could be finalized soon, as per reports from the Journal.", "talks"),
    ("Acme Clears Waiting Period Under Antitrust Law for Beta Acquisition", "regulatory_review"),
    ("Acme is set to gain unconditional EU antitrust clearance for its $28.3 billion acquisition of Beta.",
     "regulatory_review"),
    ("Acme has obtained all required antitrust approvals for the Beta purchase.", "regulatory_review"),
    ("Acme has launched a round of job cuts at its acquired Beta health tech biz.", "aftermath"),
    ("When Acme spent $28 billion two years ago to acquire Beta, it promised a revolution.", "aftermath"),
    # the thirteenth: talks "held", the agreement in indirect speech or a headline's present tense,
    # the terms of an agreed deal, a purchase told as what came before the news
    ("Beta has jumped 15%, after a report that Acme has held talks to buy Beta.", "talks"),
    ("acme announced to have held discussions to buy beta", "talks"),
    ("Rivalry intensified last night when Acme said that it was buying Beta, the chat app, for $2 billion.",
     "agreed"),
    ("Acme picks up Beta in $27bn deal", "agreed"),
    ("The Boston-based software company will pay cash and stock for the messaging service.", "agreed"),
    ("Its founder is leaving less than two years after the software giant acquired the app maker for $2 billion.",
     "aftermath"),
    # the fourteenth: an amended deal, a headline's quoted adjective, a deal judged as history, a board
    ("The amended deal sees shareholders given the choice of cash or stock, Acme said.", "agreed"),
    ("Or will the 2019 takeover turn out to be the chief executive's biggest mistake?", "aftermath"),
    ("The Boards of Directors of both companies have unanimously approved the transaction.", "agreed"),
])
def test_stage_cues_of_a_pending_deal_and_a_done_one(text: str, kind: str) -> None:
    from analysis.dating.stage import stage_hits

    kinds = {k for k, _ in stage_hits(text)}
    assert kind in kinds, kinds
    assert "completed" not in kinds or kind == "aftermath"


@pytest.mark.parametrize("text", [
    "Police made an effort to stop the protest.",
    "Acme filed an amended complaint against its supplier.",
    "Acme ended its lawsuit against Beta over a patent.",
    "The tax office extended the deadline for filings.",
    "A judge granted a preliminary injunction against the strike.",
    "The long-closed factory reopened.",
    "The regulator's decision follows the clearance of the deal by the Commission.",
    "Xerox Holdings announced a multi-year agreement with Acme to move its systems.",
    # a hedged or negated step, another deal named as a comparison, a buyback
    "Acme said it anticipated completing the transaction during its fiscal quarter.",
    "Unless anything changes, the deal should still be completed by July.",
    "The deal comes two years after Gamma acquired Delta for $26 billion.",
    "Sources said Acme would pay cash for the deal.",
    "Acme buys back $9 billion of its stock.",
])
def test_pending_deal_cues_need_a_deal(text: str) -> None:
    """A challenge, an injunction, a deadline are a deal's only when a deal is what they are
    about; a clearance another regulator gave is no completion."""
    from analysis.dating.stage import stage_hits

    assert stage_hits(text) == []


def test_a_court_asking_whether_a_deal_should_be_terminated_ends_nothing() -> None:
    from analysis.dating.stage import stage_hits

    text = ("It is to decide if, in these circumstances, the merger should be halted-perhaps even "
            "terminated-pending resolution of the FTC action.")
    assert "ended" not in {k for k, _ in stage_hits(text)}
    assert "ended" not in {k for k, _ in stage_hits("The merger should be halted, perhaps even terminated, pending "
                                                    "the action.")}
    assert "ended" in {k for k, _ in stage_hits("The merger was terminated on Friday.")}
    assert "ended" in {k for k, _ in stage_hits("The acquisition was blocked-a major blow to Acme.")}
    assert "regulatory_review" in {k for k, _ in stage_hits("The EU conditionally cleared the deal in May.")}


def test_ending_a_challenge_is_no_end_of_the_deal() -> None:
    """"agreed to end its legal challenge of the deal" is the regulator stepping back, not the
    parties calling the deal off, which "agreed to end" alone still says."""
    from analysis.dating.stage import stage_hits

    kinds = {k for k, _ in stage_hits("The FTC agreed to end its legal challenge of Acme's deal to buy Beta.")}
    assert "ended" not in kinds and "regulatory_review" in kinds
    assert "ended" in {k for k, _ in stage_hits("Acme and Beta mutually agreed to end the merger.")}
    assert "ended" in {k for k, _ in stage_hits("The companies agreed to end their agreement.")}


def test_a_completion_announced_with_its_weekday_is_the_completion() -> None:
    from analysis.dating.stage import stage_hits

    assert "completed" in {k for k, _ in stage_hits(
        "Acme announced Friday its completion of a $27.8 billion cash purchase of Beta.")}


def test_a_year_less_month_of_a_dated_event_closes_the_window_a_year_on(tmp_path: Path) -> None:
    """"revealed back in January its plans to acquire Beta", of an announcement learned for 16
    January 2024: news names the bare month only within the year after it, so the page came
    before January 2025 (it was open at its end). The order reads the window without that limit,
    a bound rather than an estimate."""
    from analysis.dating.order import _for_order

    d = _dates(
        tmp_path,
        "date 2024-01-16 Acme agreed on Tuesday to buy Beta Systems for $35 billion, the "
        "companies said.\n",
        "The UK regulator has opened an inquiry into the deal. Acme revealed back in January its "
        "plans to acquire Beta Systems in a deal worth $35 billion.\n",
    )
    assert (d["x1"].earliest, d["x1"].latest) == (date(2024, 1, 16), date(2024, 12, 31))
    rule = next(e for e in d["x1"].evidence if e.latest == date(2024, 12, 31))
    assert rule.rule == "month_again" and "without a year" in rule.because
    assert _for_order(d["x1"]).latest is None and _for_order(d["x0"]) is d["x0"]
    # the month of another clause's happening, or "last January", closes nothing
    d = _dates(
        tmp_path,
        "date 2024-01-16 Acme agreed on Tuesday to buy Beta Systems for $35 billion, the "
        "companies said.\n",
        "Acme, which agreed to buy Beta Systems for $35 billion, said the UK regulator opened an "
        "in-depth probe of the deal in January.\n",
        "Acme agreed last January to buy Beta Systems for $35 billion, and regulators are still "
        "looking.\n",
    )
    assert d["x1"].latest is None and d["x2"].latest is None


def test_an_aftermath_page_on_a_recounted_completion_follows_the_announcement_and_comes_last(
        tmp_path: Path) -> None:
    """A page on results after the deal ("Beta, the simulation giant Acme acquired this year")
    is aftermath because it recounts the completion: it comes no earlier than the announcement,
    and, bounded by that alone with no page of its stage or a later one, it sits where an undated
    aftermath page would, after the review pages, not right after the announcement."""
    from analysis.dating.order import timeline_order

    d = _dates(
        tmp_path,
        "date 2024-01-16 Acme agreed on Tuesday to buy Beta Systems for $35 billion, the "
        "companies said.\n",
        "date 2024-06-03 The regulator opened an in-depth investigation into Acme's $35 billion "
        "purchase of Beta Systems.\n",
        "Acme shares plunged 34% in morning trading. Beta Systems, the simulation giant Acme "
        "acquired this year, weighed on its results.\n",
    )
    assert d["x2"].stage == "aftermath" and d["x2"].earliest == date(2024, 1, 16)
    assert timeline_order(list(d.values())) == ["x0", "x1", "x2"]


def test_talks_with_another_party_are_not_the_deals_talks(tmp_path: Path) -> None:
    """"Last year, Beta was rumored to be in buyout talks with Zeta" beside a learned report of
    Acme's talks for Beta is another deal's happening: tied to Acme's talks of 2023, its "last
    year" put a page of 2023 in 2024, outside its true date."""
    d = _dates(
        tmp_path,
        "date 2023-02-26 Acme Corp is in early talks to acquire drugmaker Beta Systems, the Journal "
        "reported on Sunday, citing people familiar with the matter.\n",
        "Beta Systems shares rose after a report that Acme Corp is considering a bid. Last year, "
        "Beta Systems was rumored to be engaged in buyout talks with Zeta.\n",
        "Acme Corp makes drugs, and Beta Systems makes cancer drugs.\n",
        "Acme Corp and Beta Systems did not comment.\n",
    )
    assert d["x1"].latest is None or d["x1"].latest >= date(2023, 2, 27)
    assert not any(e.rule == "relative" for e in d["x1"].evidence)


@pytest.mark.parametrize(("sentences", "stage"), [
    # a purchase told with its year is history: the page reports what came after it
    (["Acme's co-founder is leaving the company.", "His exit comes a week after another executive quit.",
      "Northwind bought Acme in 2020 for $27 billion, making a bet on remote work."], "aftermath"),
    # a relative clause's purchase is background, and no stage is told: unknown
    (["Acme's co-founder is leaving the company.",
      "Northwind, which bought Acme in 2020 for $27 billion, declined to comment."], "unknown"),
])
def test_a_purchase_told_with_its_year_places_the_page_after_it(sentences: list[str], stage: str) -> None:
    from analysis.cleaning import Segment
    from analysis.timeline import deal_stage

    segs, at = [], 0
    for i, text in enumerate(sentences):
        segs.append(Segment("x", i, at, at + len(text), text))
        at += len(text) + 1
    assert deal_stage(segs)[0] == stage


@pytest.mark.parametrize(("text", "year", "expected"), [
    # an intention or a target names no past year
    ("He said in March he was committed to leaving the company in July 2019.", "July 2019", "future"),
    ("The deal is expected to be accretive, and to yield $2 billion in cost synergies by 2021 from "
     "operating efficiencies realised through the combination.", "2021", "future"),
    # ... but a past verb before "by", or a past perfect, tells what happened
    ("The deal closed by the end of 2019, the company said.", "2019", "past"),
    ("By 2015 the company had grown tenfold.", "2015", "past"),
    # a commitment made, and a sentence opened by its time, tell what happened (the review's cases)
    ("Acme Corp committed to its $480 million purchase of Beta Systems in March 2019, and the deal "
     "closed a year later.", "March 2019", "past"),
    ("By March 2019, Acme had moved all of Beta's staff to its campus.", "March 2019", "past"),
    # an adjective of a noun ("an upcoming probe") is no tense of its clause's verb
    ("The regulator notified the two companies of an upcoming Phase 1 probe on Aug. 1, 2024.", "2024", "past"),
    ("The retailer said it will present targets at its next investor day in the spring of 2025.", "2025",
     "future"),
])
def test_a_commitment_or_a_target_by_a_year_is_no_past_mention(text: str, year: str, expected: str) -> None:
    from analysis.dating.mentions import find_dates, tense

    hit = next(h for h in find_dates(text) if h.text.endswith(year.split()[-1]))
    assert tense(text, hit.start) == expected


def test_a_headers_weather_and_todays_date_are_not_the_pages_stamp(tmp_path: Path) -> None:
    """"89.3 F / San Fernando / Monday, Nov 25, 2024" above a story is the site header on the day
    of the crawl: it had dated a 2019 story to 2024."""
    d = _dates(tmp_path,
               "89.3 F\nSan Fernando\nMonday, Nov 25, 2024\n\nAcme Closes $71 Billion Beta Acquisition\n\n"
               "Acme Corp. on Wednesday closed on its $71.3 billion acquisition of Beta Systems.\n",
               "Monday, Nov 25, 2024\n\nAcme Closes $71 Billion Beta Acquisition\n\n"
               "Acme Corp. on Wednesday closed on its $71.3 billion acquisition of Beta Systems.\n")
    assert d["x0"].latest is None or d["x0"].latest < date(2024, 11, 25)
    assert d["x1"].earliest == date(2024, 11, 25)  # a date line alone at the top is the stamp


def test_a_weekday_after_a_captions_date_names_that_day_not_the_pages(tmp_path: Path) -> None:
    """A photo caption "... Century City, 14 December 2017. The company announced plans on
    Thursday to purchase ..." on a page of 2019: the Thursday is the caption's 14 December 2017,
    so the announcement is learned then, not on the page's own Thursday."""
    from analysis.cleaning import Segment
    from analysis.dating.learned import caption_day

    first = "A truck pulls into the lot of Beta Studios in Century City, 14 December 2017."
    second = "Acme announced plans on Thursday to purchase most of the assets of Beta for $52.4 billion."
    segs = [Segment("x", 0, 0, len(first), first, 0), Segment("x", 1, len(first) + 1, 200, second, 0)]
    assert caption_day(segs, 1) == date(2017, 12, 14)
    assert caption_day([segs[0], Segment("x", 1, 0, 1, second.replace("Thursday", "Monday"), 0)], 1) is None
    assert caption_day([segs[0], Segment("x", 1, 0, 1, second, 1)], 1) is None  # another paragraph
    # prose that tells of a step with its date is no caption
    told = "The $480 million deal was announced by Acme Corp on December 14, 2017."
    then = "On Thursday, Acme Corp completed its acquisition of Beta Systems."
    assert caption_day([Segment("x", 0, 0, 1, told, 0), Segment("x", 1, 0, 1, then, 0)], 1) is None
    d = _dates(tmp_path,
               "date 2019-03-21 Layoffs hit Beta after Acme completes deal\n\n" + first + " " + second + "\n",
               "Acme on Thursday agreed to buy most of the assets of Beta for $52.4 billion.\n")
    assert d["x1"].earliest == date(2017, 12, 14) and d["x1"].latest == date(2017, 12, 20)


def test_a_completion_dated_a_day_off_by_another_page_still_bounds_the_week(tmp_path: Path) -> None:
    """One page says the deal "closed ... on Tuesday", another "on Wednesday" (an overnight
    closing): the same completion, so the second page falls within the week after it. An
    agreement a day off is not matched so (a deal may be agreed again, on new terms)."""
    d = _dates(tmp_path,
               "date 2019-03-21 Acme closed its $71.3 billion acquisition of Beta on Tuesday.\n",
               "Acme Corp. on Wednesday closed on its $71.3 billion acquisition of Beta Systems.\n",
               "Acme Corp on Wednesday completed the sale of Beta Systems' crane unit to Gamma Holdings for "
               "$40 million.\n")
    assert (d["x1"].earliest, d["x1"].latest) == (date(2019, 3, 20), date(2019, 3, 26))
    assert d["x2"].latest is None  # another completion, with no figure of this one


def test_a_stage_told_as_already_done_recounts_it() -> None:
    """"the acquisition of Beta assets which it has already agreed to sell to Acme": the
    agreement is background to the page's news, not what its "on Thursday" dates."""
    from analysis.dating.stage import recap, stage_hits

    text = ("In a statement released on Thursday, Gamma said it does not intend to pursue the acquisition "
            "of Beta assets which it has already agreed to sell to Acme.")
    (kind, m), = [(k, m) for k, m in stage_hits(text) if k == "agreed"]
    assert recap(text, m.start())


def test_a_quoted_adjective_in_a_headline_and_a_regulators_approval() -> None:
    """"X completes 'historic' acquisition of Y" is the completion; a regulator that "approved
    the deal" took a review step (only a board's approval is the agreement)."""
    from analysis.dating.stage import stage_hits

    assert {k for k, _ in stage_hits("Acme completes \u2018extraordinary & historic\u2019 acquisition of Beta")} \
        == {"completed"}
    kinds = {k for k, _ in stage_hits("Brazil's regulatory agency approved the deal last month.")}
    assert "agreed" not in kinds


@pytest.mark.parametrize(("text", "kinds"), [
    # the review's cases: a month named May, an adjective "anticipated", a fresh "already", a
    # buyback, talks held before an announcement, and other deals after "years after"
    ("The acquisition, announced in May, closed on Monday.", {"agreed", "completed"}),
    ("The widely anticipated deal was completed on Friday.", {"completed"}),
    ("The much-anticipated merger was completed on Monday.", {"completed"}),
    ("Acme said on Monday it has already completed its $480 million acquisition of Beta Systems.",
     {"completed"}),
    ("Acme announced, after holding talks for months, its acquisition of Beta.", {"agreed"}),
    ("Acme said it was buying back $2 billion of its own shares.", set()),
    ("The deal comes two years after Acme acquired its first 20% stake in Beta Systems.", set()),
    ("The deal comes months after Acme bought the Delta brand from Gamma.", set()),
    ("Investors asked whether Acme overpaid for Beta Systems.", set()),
    ("Regulators are still examining the 2022 acquisition of Beta Systems by Acme Corp.", set()),
    # the fifteenth unseen corpus: a regulator announcing its clearance, a formal investigation
    # initiated, a headline's purchase, a deal challenged in court
    ("In a case update published today, the CMA announced that it had cleared the anticipated acquisition "
     "by Acme of Beta.", {"regulatory_review"}),
    ("The antitrust authority has initiated a formal investigation into Acme's purchase of Beta.",
     {"regulatory_review"}),
    ("What the cloud is Beta: Acme makes $6.4 billion acquisition", {"agreed"}),
    ("Acme dream to gobble up Beta challenged in court", {"regulatory_review"}),
    # the sixteenth: a board's approval received, a waiting period's expiration in a headline,
    # a recent "buy", "closed that transaction", a purchase told in a relative clause
    ("Notably, this agreement has already received approval from the boards of directors of both companies.",
     {"agreed"}),
    ("The deal received approval from the board last week.", {"agreed"}),
    ("The deal received antitrust approval from the Commission.", {"regulatory_review"}),
    ("Beta announces expiration of HSR waiting period for Acme deal", {"regulatory_review"}),
    ("Sales rose, helped by its recent $13.1 billion buy of Beta.", {"aftermath"}),
    ("\u201cWe closed that transaction in record timing,\u201d he said.", {"completed"}),
    ("Beta and Gamma, which Acme shelled out nearly $30 billion combined for, both topped $1 billion in sales.",
     {"aftermath"}),
    ("Acme agreed to pay $30 billion for Beta.", {"agreed"}),
    # the seventeenth: a board's approval of the agreement with its date in brackets
    ("Acme and Beta's board of directors approved (28-Jul-2022) a definitive merger agreement.", {"agreed"}),
    # the eighteenth (a deal closed before its approval): a regulator looking into it, a judge's
    # ruling on it, an order to unwind it
    ("EU to look into Acme's proposed acquisition of Beta", {"regulatory_review", "agreed"}),
    ("The European Union is ordering U.S. biotech giant Acme to unwind its purchase of Beta.",
     {"regulatory_review"}),
    ("Judge Jo Lee ruled Thursday that the deal didn't violate antitrust law.", {"regulatory_review"}),
    ("He looked into the matter, and the court ruled on a patent.", set()),
])
def test_stage_cues_reach_only_what_they_mean(text: str, kinds: set[str]) -> None:
    from analysis.dating.stage import stage_hits

    assert {k for k, _ in stage_hits(text)} == kinds


def test_an_undated_page_sits_amid_the_longest_run_of_its_stage(tmp_path: Path) -> None:
    """An undated talks page belongs with the talks pages of the story, not beside a lone page a
    year later that the stage cues read as talks (another deal's talks): amid the longest run."""
    from analysis.dating.model import STAGE_RANK
    from analysis.dating.order import _by_stage

    def sd(sid: str, stage: str) -> SourceDate:
        return SourceDate(sid, None, None, None, stage, STAGE_RANK[stage], [])

    placed = [sd("a", "talks"), sd("b", "talks"), sd("c", "agreed"), sd("d", "agreed"), sd("e", "talks")]
    assert _by_stage(placed, sd("x", "talks")) == 1
    placed = [sd("a", "talks"), sd("c", "agreed"), sd("d", "agreed"), sd("e", "talks")]
    assert _by_stage(placed, sd("x", "talks")) == 0  # the earliest of runs as long


def test_a_file_photo_caption_and_a_sidebar_items_stamp_bound_no_page_from_above(tmp_path: Path) -> None:
    """A caption "FILE - ... stock was falling on Wednesday, Jan 17, 2024, a day after a judge
    blocked ..." tells the photo's day: a page written ten days later must not be bounded to that
    week; a sidebar item glued to its stamp ("March 4, 2024China's leaders announce ..., but say it
    won't be easy") is no date the page names as still to come."""
    from analysis.dating.mentions import clause

    caption = ("Acme warns deal conditions may not be met\n\n"
               "FILE - A Beta Airlines plane approaches the airport. Beta stock was falling again on "
               "Wednesday, Jan 17, 2024, a day after a federal judge blocked Acme's proposed $3.8 billion "
               "purchase of Beta. (AP Photo/Jo Lee, File)\n\n"
               "Acme warned Friday that it may end its bid to acquire Beta as soon as this weekend.\n")
    sidebar = ("Regulators fault Delta for shortcomings\n"
               "March 4, 2024China's leaders announce a push to jumpstart economy, but say it won't be easy\n"
               "March 5, 2024Acme and Beta are abandoning their plan to merge, the companies announced Monday.\n")
    dates = _dates(tmp_path, caption, sidebar)
    assert dates["x0"].latest is None or dates["x0"].latest >= date(2024, 1, 26)
    assert dates["x1"].latest is None or dates["x1"].latest >= date(2024, 3, 5)
    text = "On March 4, 2024 the deal closed."
    assert clause(text, text.index("March")) == (0, len(text))  # the date's comma parts nothing


def test_a_cue_whose_verb_sits_in_a_dated_relative_clause_recounts_it() -> None:
    """"the deal, which closed last year, didn't violate antitrust law": the closing is history
    told in its own clause, so the page reports the ruling, not the closing."""
    from analysis.cleaning import Segment
    from analysis.dating.stage import deal_stage

    text = "Judge Jo Lee ruled Thursday that the deal, which closed last year, didn't violate antitrust law."
    stage, _ = deal_stage([Segment("x", 0, 0, len(text), text)])
    assert stage == "regulatory_review"


def test_a_weekday_dates_the_happening_of_its_clause_not_a_possibility_beside_it(tmp_path: Path) -> None:
    """"Zeta on Friday disclosed a stake in Beta ... and indicated it could engage in talks" dates
    the disclosure: it taught "the reported talks" on that Friday, and a page of the first talks
    a year before, naming its own Friday, was put in that week, outside its true date."""
    d = _dates(
        tmp_path,
        "date 2017-08-04 Zeta on Friday disclosed a 6 percent stake in Beta Systems, which is being "
        "bought by Acme Corp for $38 billion, and indicated it could engage in talks to boost the "
        "offer price.\n",
        "On Friday, shares of Acme Corp are still gaining on reports the company is in talks to "
        "acquire Beta Systems.\n",
    )
    assert not any(e.rule == "weekday" for e in d["x1"].evidence)
    assert d["x1"].earliest is None or d["x1"].earliest <= date(2016, 9, 30)


def test_a_counterfactual_perfect_dates_nothing() -> None:
    """"which would have been by mid-February 2023" was written after that date: a counterfactual
    is neither a date still to come (an upper bound had put a page of August 2023 before
    February) nor one passed ("loans that would have matured in 2027")."""
    from analysis.dating.mentions import tense

    text = ("Initially, Acme intended to conclude the deal within 12 months, which would have been "
            "by mid-February 2023.")
    assert tense(text, text.index("mid-February")) is None
    assert tense("The loans would have matured in 2027.", 32) is None
    assert tense("The deal is expected to close by March 2024.", 33) == "future"


def test_a_relative_phrase_dates_the_sentences_latest_happening(tmp_path: Path) -> None:
    """"Beta fell this week after it announced its pending acquisition by Acme would be
    terminated": the week is the end's, not the agreement's (it had put a page of the end in
    the week of the announcement, eighteen months before its true date)."""
    d = _dates(
        tmp_path,
        "date 2024-03-04 Acme announced on Friday that it agreed to buy Beta Systems for $2.1 billion in cash.\n",
        "Beta Systems fell 11% this week after it announced its pending acquisition by Acme would be "
        "terminated, as the companies had no approval by the end date.\n",
    )
    assert not any(e.rule == "relative" for e in d["x1"].evidence)
    assert d["x1"].latest is None or d["x1"].latest > date(2024, 3, 10)


def test_a_plan_announced_and_a_deadline_moved_are_told_in_their_verbs_tense() -> None:
    """"announced a US$5.4 billion plan to acquire Beta ... in mid-February 2022": the noun "plan"
    is no future (the page had been read as before February 2022); "the deadline was extended to
    mid-June and then delayed to August 15th": a date a deadline was moved to was still to come
    then, so it bounds nothing (it had been read as a past August 15th)."""
    from analysis.dating.mentions import tense

    text = "Acme announced a US$5.4 billion plan to acquire Beta at $53 per share in mid-February 2022."
    assert tense(text, text.index("mid-February")) == "past"
    assert tense("Acme plans to close the deal in March 2025.", 32) == "future"
    moved = "However, the deadline was first extended to mid-June and then further delayed to August 15th."
    assert tense(moved, moved.index("August")) is None
    assert tense(moved, moved.index("June")) is None
    assert tense("The deal closed in March 2024.", 19) == "past"
