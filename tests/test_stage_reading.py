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


@pytest.mark.parametrize(("text", "stage", "present"), [
    # a decision reported in the past: the "would" is the reported speech's
    ("Beta fell after it announced its pending acquisition by Acme would be terminated.", "ended", True),
    ("Acme said the deal would be terminated if regulators did not approve it by June.", "ended", False),
    # the deal a party nears is still to be made
    ("Acme Reportedly Nears Deal To Buy Beta Systems For About $6 Bln", "agreed", False),
    ("Acme is near a deal to spend $6 billion to buy Beta Systems for $6 billion.", "agreed", False),
    ("Acme Reportedly Nears Deal To Buy Beta Systems For About $6 Bln", "talks", True),
    # another article's headline in a cross-reference is no news of this page
    ("Regulators blocked a chip deal before (see Zeta terminates Omega acquisition).", "ended", False),
    # an end told a month or more before the news: the page is after it
    ("Acme struck a new supply agreement with Beta, after a proposed merger between the pair fell "
     "through last month.", "aftermath", True),
    ("Beta shares fell after the deal collapsed on Tuesday.", "aftermath", False),
    ("Beta shares fell after the deal collapsed on Tuesday.", "ended", True),
])
def test_reported_ends_deals_neared_cross_references_and_ends_a_month_back(
        text: str, stage: str, present: bool) -> None:
    """From the intel-tower unseen check: "announced its pending acquisition ... would be
    terminated" read as the agreement, "Nears Deal To Buy X For $6 Bln" as agreed, "(see X
    terminates Y acquisition)" as this deal's end, a new pact "after a proposed merger ... fell
    through last month" as the end's own news."""
    assert (stage in {k for k, _ in _stages(text)}) is present


def test_a_regulators_plan_to_block_is_a_review_step_and_a_photo_caption_no_stage() -> None:
    """From the amazon-irobot check: "EU's Plan to Block Acme Acquisition" and "the regulator
    intends to block Acme.com's $1.7 billion acquisition" are review steps (the page had no stage);
    a caption closing with its photo credit, "Acme has agreed to buy Beta (Jane Roe/AP)", tells
    what the picture shows, not the page's news (a page on the price cut read as agreed)."""
    assert "regulatory_review" in {k for k, _ in _stages("Beta Shares Sink on Report of EU's Plan to Block "
                                                          "Acme Acquisition")}
    assert "regulatory_review" in {k for k, _ in _stages(
        "Shares sank on a report that the regulator intends to block Acme.com's $1.7 billion acquisition "
        "of Beta.")}
    assert _stages("Acme plans to block the sale of its unit.") == []
    caption = Segment("x", 1, 0, 0, "Acme has agreed to buy Beta (Jane Roe/AP)")
    review = Segment("x", 0, 0, 0, "The deal is under scrutiny by regulators in the UK and the EU.")
    assert deal_stage([review, caption])[0] == "regulatory_review"
    assert deal_stage([Segment("x", 1, 0, 0, "Acme has agreed to buy Beta for $1.7 billion.")])[0] == "agreed"


@pytest.mark.parametrize(("text", "stage", "present"), [
    # from the microsoft-nuance check
    ("The Commission today announced the result of an investigation into possible overlaps.", "agreed", False),
    ("Acme announced that it will invest $4 billion in Beta.", "agreed", True),
    ("Acme is one step closer to completing its acquisition of Beta.", "completed", False),
    ("Rivals fear Acme will favour Beta over competing services after the deal is completed.", "completed", False),
    ("Acme bought Gamma after the deal was completed in May.", "completed", True),
    ("The watchdog found no reason for concern regarding competition following the proposed merger.",
     "regulatory_review", True),
])
def test_an_investigation_announced_a_step_closer_and_a_deal_after_its_completion(
        text: str, stage: str, present: bool) -> None:
    """"announced the result of an investigation" had read as an investment announced, "one step
    closer to completing" and "after the deal is completed" as the completion."""
    assert (stage in {k for k, _ in _stages(text)}) is present
