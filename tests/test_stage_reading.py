"""The deal stage a page tells, read from general English: cues, hedges and recounted history."""

from __future__ import annotations

import pytest

from analysis.cleaning import Segment
from analysis.dating.stage import deal_stage, hedged, recap, stage_hits


def _stages(text: str) -> list[tuple[str, str]]:
    return [(k, m.group(0)) for k, m in stage_hits(text)]


@pytest.mark.parametrize(("text", "stage"), [
    ("Acme terminates Beta deal, will buy back $30 billion of stock", "ended"),
    ("Acme scraps Beta’s merger after a year of review", "ended"),
    ("Talks were continuing and could still fall apart.", "talks"),
    ("Beta is obligated to pay Acme a termination compensation equal to $2 billion in cash if the "
     "deal fails.", "agreed"),
    ("Zeta disclosed a stake in Beta, which is being bought by Acme for $38 billion.", "regulatory_review"),
    ("Acme faces a fight over its pending $38 billion bid to buy Beta.", "regulatory_review"),
    ("Acme has extended its cash tender to buy all Beta shares to July 6th.", "regulatory_review"),
    ("The Justice Department is weighing a possible lawsuit to block Acme's $8 billion deal.", "regulatory_review"),
    ("The regulator is mulling a lawsuit to intervene in Acme's acquisition of Beta.", "regulatory_review"),
    ("That the regulator was probing the massive deal was first revealed in March.", "regulatory_review"),
    ("Hospitals ask regulators to investigate Acme's $13B acquisition of Beta.", "regulatory_review"),
    ("Amid the legal challenge, the companies extended the time line for completing the merger.",
     "regulatory_review"),
    ("Acme has acquired Beta Systems, with the deal closing at roughly $8 billion.", "completed"),
])
def test_cues_of_general_english(text: str, stage: str) -> None:
    assert stage in {k for k, _ in _stages(text)}


def test_giving_up_on_a_deal_is_no_regulators_approval() -> None:
    """"is preparing to give up on Beta" matched the cue of a regulator "poised to give" its
    approval."""
    assert _stages("acme is preparing to give up on beta") == []
    assert ("regulatory_review", "poised to give") in _stages("the ministry is poised to give approval")


def test_what_a_company_needs_to_do_is_not_done() -> None:
    text = "The chipmaker, which needs to complete its largest-ever deal, is waiting for approval."
    assert hedged(text, text.index("complete"))
    assert "completed" not in {k for k, _ in _stages(text)}


def test_an_opening_time_phrase_dates_every_clause_of_its_sentence() -> None:
    """"Last year, A bought B, while C paid $17 billion for D": the second purchase is history
    too."""
    text = "Last year, Avalon bought Brisk for $37 billion, while Cinder paid nearly $17 billion for Dune."
    hits = stage_hits(text)
    assert hits and all(recap(text, m.start()) for _, m in hits)


def _segs(*texts: str) -> list[Segment]:
    out, at = [], 0
    for i, t in enumerate(texts):
        out.append(Segment("x", i, at, at + len(t), t))
        at += len(t) + 1
    return out


def test_history_recounted_does_not_outrank_news_outside_the_lead() -> None:
    """Beyond the lead, a stage whose every cue is dated history (other deals of past years)
    yields to a stage told as news."""
    segs = _segs("If completed, a deal could be worth more than $30 billion.",
                 "The companies declined to comment.",
                 "A union would be the latest in a busy industry.",
                 "Last year, Avalon bought Brisk for $37 billion, while Cinder paid nearly $17 billion for Dune.",
                 "People familiar with the matter said Acme is negotiating with Beta's largest holders.")
    assert deal_stage(segs)[0] == "talks"


def test_a_step_asked_for_or_scheduled_is_not_taken() -> None:
    """"denying the government's request to scrap the deal", "the time line for completing the
    merger": neither ended nor completed it."""
    for text in ("The judge denied the government's request to scrap the deal.",
                 "The companies extended the time line for completing the merger."):
        assert not {"ended", "completed"} & {k for k, _ in _stages(text)}, text


def test_a_similar_deal_under_probe_is_not_this_one() -> None:
    assert "regulatory_review" not in {k for k, _ in _stages("The FTC is already probing a similar deal.")}
