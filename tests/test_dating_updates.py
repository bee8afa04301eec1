"""Pages that are later versions of their story: an address made for another headline, and
stamps that give a publication and an update years later."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from analysis.cleaning import clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.dating.address import address_evidence, renamed
from analysis.dating.order import timeline_order
from analysis.dating.stage import headings
from analysis.timeline import estimate_timeline, load_events

STORY = ("Acme has formally terminated its proposed acquisition of Beta Systems, the company said "
         "Thursday morning.\n\nAcme shares rose 5 percent in premarket trading Thursday.\n")
OLD_ADDRESS = "https://news.example.com/2018/07/25/acme-is-preparing-to-give-up-on-beta.html"


def _dates(tmp_path: Path, pages: list[tuple[str, str, str]]):
    """(text, url, title) pages, ids x0, x1, ..."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "file", "outlet", "title", "url", "published", "notes"])
    for i, (text, url, title) in enumerate(pages):
        (tmp_path / f"x{i}.txt").write_text(text, encoding="utf-8")
        w.writerow([f"x{i}", f"x{i}.txt", "", title, url, "", ""])
    (tmp_path / "sources.csv").write_text(out.getvalue(), encoding="utf-8")
    cleaned = clean_corpus(load_corpus(tmp_path), load_rules())
    return {d.source_id: d for d in estimate_timeline(cleaned, load_events(None))}


def test_an_address_made_for_another_headline_bounds_the_page_from_below_only(tmp_path: Path) -> None:
    """The address keeps its first version's date and words ("is preparing to give up"); the page
    under another headline ("terminates") was updated since: a window ending on the address date
    excluded its true day, the next one."""
    d = _dates(tmp_path, [(STORY, OLD_ADDRESS, "Acme terminates Beta deal, will buy back $30 billion of stock")])["x0"]
    assert d.earliest == date(2018, 7, 25)
    assert d.latest is None or d.latest >= date(2018, 7, 26)
    used = [e for e in d.evidence if e.rule == "url_date"]
    assert used and used[0].latest is None and "updated since" in used[0].note
    assert d.stage == "ended"


def test_an_address_with_its_headline_dates_the_page_on_its_day() -> None:
    url = "https://news.example.com/2024/03/21/acme-to-buy-beta-in-13-billion-deal.html"
    assert not renamed(url, "Acme to buy Beta in $13 billion deal")
    assert [(e.earliest, e.latest) for e in address_evidence(url, "Acme to buy Beta in $13 billion deal")] == [
        (date(2024, 3, 21), date(2024, 3, 21))]
    # no headline to compare: the address is read as before
    assert address_evidence(url, "")[0].latest == date(2024, 3, 21)


def test_the_address_of_an_earlier_headline_tells_no_stage() -> None:
    """Its words are the first version's news, not the page's."""
    title = "Acme terminates Beta deal, will buy back $30 billion of stock"
    assert [h.text for h in headings(title, OLD_ADDRESS)] == [title]
    same = "https://news.example.com/2024/03/21/acme-to-buy-beta-in-13-billion-deal.html"
    assert len(headings("Acme to buy Beta in $13 billion deal", same)) == 2


def test_a_page_published_then_updated_years_later_sits_at_its_publication(tmp_path: Path) -> None:
    """"Published 09/30/2016 ... Updated 07/09/2023": the window spans both (honest), and the
    page appeared on the first; at the window's midpoint it sat years after pages of 2017."""
    d = _dates(tmp_path, [
        ("Acme shares still gaining on buyout rumors\n\nPublished 09/30/2016, 12:34 AM\n"
         "Updated 07/09/2023, 06:31 AM\n\nOn Friday, shares of Acme are still gaining on reports "
         "the company is in talks to acquire Beta Systems.\n", "", ""),
        ("date 2017-08-04 Zeta disclosed a stake in Beta Systems, which is being bought by Acme for "
         "$38 billion.\n", "", ""),
    ])
    assert (d["x0"].earliest, d["x0"].latest) == (date(2016, 9, 30), date(2023, 7, 9))
    assert timeline_order(list(d.values())) == ["x0", "x1"]


def test_a_date_line_a_day_after_the_byline_is_another_time_zones_day(tmp_path: Path) -> None:
    """"date 2022-11-19" over the byline "Nov. 18, 2022 9:34 PM ET": the scraper's date line is the
    next day in UTC; the window holds both days (it held only the 19th, outside the true day)."""
    d = _dates(tmp_path, [
        ("date 2022-11-19 U.S. to appeal loss in challenge to Acme purchase of Beta\n"
         "Nov. 18, 2022 9:34 PM ETAcme Group Incorporated (ACM)By: Jane Roe, News Editor\n"
         "- U.S. antitrust regulators appealed a loss to its attempt to block Acme's $8 billion takeover "
         "of Beta.\n", "", ""),
        ("date 2022-11-19 Acme shares rose 2% on Saturday.\n", "", ""),
    ])
    assert (d["x0"].earliest, d["x0"].latest) == (date(2022, 11, 18), date(2022, 11, 19))
    assert (d["x1"].earliest, d["x1"].latest) == (date(2022, 11, 19), date(2022, 11, 19))
