"""Timeline: each evidence rule, and the corpus-level promises of the dating."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPORA

from analysis.cleaning import clean_corpus, load_rules
from analysis.corpus import Corpus, Source
from analysis.errors import InputError
from analysis.paths import EXAMPLES_DIR, SEEDS_DIR
from analysis.timeline import estimate_timeline, load_events, timeline_table

EVENTS = "date,event,patterns,open_patterns,citation\n"


def _sources(*texts: str, published: str = "", outlets: tuple[str, ...] = ()) -> list:
    srcs = [Source(id=f"x{i}", file=f"x{i}.txt", path=Path("."), raw=t, sha256="",
                   published=published if i == 0 else "",
                   outlet=outlets[i] if i < len(outlets) else "") for i, t in enumerate(texts)]
    return clean_corpus(Corpus(Path("."), None, srcs), load_rules())


def _events(tmp_path: Path, rows: str) -> pd.DataFrame:
    f = tmp_path / "events.csv"
    f.write_text(EVENTS + rows, encoding="utf-8")
    return load_events(f)


def test_manifest_date_wins() -> None:
    d = estimate_timeline(_sources("The deal was signed on March 1, 2020.", published="2024-05-02"),
                          load_events(None))[0]
    assert d.published == date(2024, 5, 2) and d.earliest == d.latest == date(2024, 5, 2)


def test_dateline_with_year_from_text() -> None:
    d = estimate_timeline(_sources("[OSLO, Oct 2] - The firm agreed a deal. It was founded in 2024."),
                          load_events(None))[0]
    assert d.earliest == date(2024, 10, 2) and d.latest == date(2024, 10, 2)
    assert any(e.rule == "dateline" for e in d.evidence)


def test_undated_source_keeps_an_open_window() -> None:
    d = estimate_timeline(_sources("The companies are in talks about a deal."), load_events(None))[0]
    assert d.earliest is None and d.latest is None and d.stage == "rumour"
    assert "no dating evidence" in timeline_table([d])["evidence"].iloc[0] or d.evidence


def test_explicit_past_date_is_a_lower_bound_future_is_not() -> None:
    d = estimate_timeline(_sources("The round closed on March 3, 2024. It will close on May 1, 2026."),
                          load_events(None))[0]
    assert d.earliest == date(2024, 3, 3) and d.latest is None


def test_event_mention_and_open_event(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-02-01,Round,raised \\$5 million,,X\n"
                           "2024-03-10,Announcement,announced the deal,in talks,Y\n")
    a, = estimate_timeline(_sources("Acme raised $5 million last month and is in talks with Beta."), ev)
    assert a.earliest == date(2024, 2, 1) and a.latest == date(2024, 3, 9)


def test_relative_phrase_against_event(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-02-01,Round,valued at \\$4 billion,,X\n")
    d, = estimate_timeline(_sources("Acme, valued at $4 billion about a year ago, grew."), ev)
    assert date(2024, 11, 1) <= d.earliest and d.latest <= date(2025, 5, 1)


def test_citation_of_another_source_in_the_corpus() -> None:
    ds = estimate_timeline(_sources("Acme agreed a deal, as noted by Wire News on the day.",
                                    "SINGAPORE, March 4, 2024 (Wire News) - Acme agreed a deal.",
                                    outlets=("Blog", "Wire News")), load_events(None))
    by = {d.source_id: d for d in ds}
    assert by["x0"].earliest == by["x1"].earliest == date(2024, 3, 4)


def test_weekday_of_a_dated_event_means_the_following_week(tmp_path: Path) -> None:
    ev = _events(tmp_path, "2024-03-06,Talks,began talks,,X\n")  # a Wednesday
    d, = estimate_timeline(_sources("Acme began talks with Beta on Wednesday, people said."), ev)
    assert d.earliest == date(2024, 3, 6) and d.latest == date(2024, 3, 12)
    other, = estimate_timeline(_sources("Acme began talks with Beta on Friday, people said."), ev)
    assert other.latest is None  # the weekday does not fit the event: no narrowing


@pytest.mark.parametrize("corpus", ["harbor-lumen", "unseen_shapes"])
def test_true_dates_fall_inside_every_window(cleaned_corpora, corpus: str) -> None:
    folder = CORPORA[corpus][0]
    events = load_events(folder / "events.csv" if (folder / "events.csv").is_file() else None)
    dates = estimate_timeline(cleaned_corpora[corpus][1], events)
    truth = pd.read_csv(folder / "truth.csv", dtype=str)
    by = {d.source_id: d for d in dates}
    for _, t in truth.iterrows():
        d, true = by[t["source_id"]], date.fromisoformat(t["published"])
        assert (d.earliest is None or d.earliest <= true) and (d.latest is None or true <= d.latest), d


def test_seed_order_follows_the_deal_stages_and_ignores_sidebar_dates(cleaned_corpora) -> None:
    dates = estimate_timeline(cleaned_corpora["seeds"][1], load_events(SEEDS_DIR / "events.csv"))
    order = [d.source_id for d in dates]
    ranks = [d.stage_rank for d in dates]
    assert ranks == sorted(ranks)
    assert set(order[:2]) == {"s001", "s003"} and order[2:] == ["s002", "s000"]
    for d in dates:
        assert all("2025-12" not in str(e.earliest) for e in d.evidence)
        assert d.earliest is not None  # every seed window is justified by evidence
        assert any(e.rule.startswith("event") for e in d.evidence)


def test_second_corpus_uses_its_own_events() -> None:
    ev = load_events(EXAMPLES_DIR / "harbor-lumen" / "events.csv")
    assert len(ev) == 6 and set(ev.columns) >= {"date", "event", "patterns", "open_patterns"}


@pytest.mark.parametrize(("rows", "message"), [
    ("2024-13-01,Bad,x,,c\n", "row 2: date"),
    ("2024-01-01,Bad,(unclosed,,c\n", "bad patterns regex"),
])
def test_bad_events_file_names_file_and_row(tmp_path: Path, rows: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        _events(tmp_path, rows)
    assert "events.csv" in str(err.value)
