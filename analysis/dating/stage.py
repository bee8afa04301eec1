"""The deal stage a source describes: talks, agreed, regulatory review, completed, ended, aftermath.

Cues come from ``data/stage_cues.csv`` (general words, never names). A cue in a hedged,
negated or future context ("if completed", "has not been announced", "expected to close")
does not describe the deal's actual stage. The stage orders sources whose windows overlap and
names the kind of a dated event ("said on Monday they agreed to end the merger" is an
``ended`` event), never a date by itself.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cleaning import Segment
from ..errors import InputError
from ..formatting import excerpt
from ..paths import DATA_DIR
from .address import renamed, slug_words
from .mentions import MODAL_MAY, clause, find_dates, tense
from .model import STAGE, STAGE_RANK, STAGES, Evidence

STAGE_CUES_PATH = DATA_DIR / "stage_cues.csv"
#: The lead: the first sentences (headline and opening), where a story says what it reports.
LEAD_SENTENCES = 3
#: Outside the lead, a later stage needs at least this share of the cue count of the
#: best-supported earlier stage (a lone stray word deep in a long story does not promote it).
STAGE_MIN_SHARE = 0.25
#: Stages whose cues are themselves tentative ("could reach a deal"): hedges do not cancel them.
_TENTATIVE = {"talks", "regulatory_review", "aftermath"}


@dataclass(frozen=True)
class StageCue:
    stage: str
    pattern: re.Pattern[str]
    description: str


@lru_cache(maxsize=8)
def load_stage_cues(path: Path | str = STAGE_CUES_PATH) -> tuple[StageCue, ...]:
    """The deal-stage cue lexicon (``stage,pattern,description``), validated."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"stage cue file {path}: not found")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    out = []
    for n, row in enumerate(rows, start=2):
        stage = (row.get("stage") or "").strip()
        if stage not in STAGES:
            raise InputError(f"stage cue file {path}: row {n}: stage {stage!r} not in {STAGES}")
        try:
            rx = re.compile(row.get("pattern") or "", re.IGNORECASE)
        except re.error as exc:
            raise InputError(f"stage cue file {path}: row {n}: bad regex: {exc}") from exc
        if not rx.pattern or rx.search(""):
            raise InputError(f"stage cue file {path}: row {n}: pattern matches empty text")
        out.append(StageCue(stage, rx, (row.get("description") or "").strip()))
    if not out:
        raise InputError(f"stage cue file {path}: no cues")
    return tuple(out)


_HEDGE = re.compile(
    r"\b(?:not|no|never|neither|nor|without|yet to|lack of|if|whether|should|unless|until|any|"
    r"will|would|could|might|can|expected to|expects? to|plans? to|set to|aims? to|seeks? to|"
    # the verb ("it anticipated completing"), not the adjective ("the widely anticipated deal")
    r"(?<!-)(?<!the )(?<!an )(?<!widely )(?<!much )(?<!eagerly )(?<!highly )(?<!keenly )(?<!long )"
    r"anticipat(?:e|es|ed|ing)(?= (?:completing|closing|finali[sz]ing|that|to|it|the|its)\b| ?$)|"
    r"wants? to|needs? to|requests? to|request(?:ed|ing) to|motions? to|efforts? to|push(?:es|ed)? to|"
    r"(?:time ?line|deadline|target date|date) for|"
    r"trying to|tries to|try to|tried to|attempts? to|hopes? to|intends? to|"
    r"potential(?:ly)?|possible|proposed to|in order to|ahead of|before|avoid|avert|prevent|"
    r"talks[’'\"”]? to|discussions[’'\"”]? to|negotiations[’'\"”]? to|offers?|offered|offering|bids?|"
    r"bidding|proposes|"
    r"in case|once|when|confiden(?:ce|t) (?:in|of|that)|"
    # the deal a party is near is still to be made ("Nears Deal To Buy X For About $6 Bln")
    # one step closer to completing it is not completing it
    r"(?:closer|nearer) to|steps? (?:toward|towards)|on (?:its|the) way to|"
    r"(?:nears?|nearing|close to|closing in on) (?:an? |the )?(?:[\w$.,’'-]+ ){0,4}?(?:deal|agreement|pact))\b"
    r"|n't|n’t",
    re.IGNORECASE)
#: "the green light for Google to complete its acquisition": a purpose, not the act
_FOR_TO = re.compile(r"\bfor\s+[\w.&'’-]+(?:\s+[\w.&'’-]+)?\s+to\s*$")
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|without|yet to|lack of)\b|n't|n’t",
                       re.IGNORECASE)
#: ... and inside a cue: "expects the deal to be completed" is no completion
_INNER_HEDGE = re.compile(
    r"\b(?:if|whether|unless|not|never|yet to|to be|will be|would be|should|could|might|(?-i:may)|must)\b|n't|n’t",
    re.IGNORECASE)
#: "after the deal is completed", "after it closes": a present tense after "after" tells of a time
#: still to come
_PRESENT_DONE = re.compile(r"\s*(?:[\w'’-]+\s+){0,4}?(?:(?:is|are)\s+(?:\w+\s+)?(?:completed|closed|finali[sz]ed|"
                           r"done|approved|consummated)|(?:closes|completes))\b", re.IGNORECASE)
#: "when the takeover was announced": a time clause in the past tense tells what happened
_WHEN = {"when", "once", "before"}
_PAST_AUX = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
#: A subordinate clause starts afresh: "will try to force him to buy after he terminated the
#: deal" - the "will" belongs to the main clause, the termination happened.
_SUBORDINATE = re.compile(r"\b(?:after|since|because|following|as|while|although|though|who|"
                          r"which|that)\b", re.IGNORECASE)


#: A cue that names the deal by a noun phrase ("the proposed deal") rather than an act: in the
#: lead it yields to any act cue.
_WEAK = re.compile(r"proposed\b", re.IGNORECASE)
#: A review cue that is a noun phrase ("the pending acquisition"), not an act.
_NOUN_CUE = re.compile(r"pending\b", re.IGNORECASE)
#: The evidence rule marking a page of a later round of a deal that ended once.
EPISODE_RULE = "stage:later_round"
#: The evidence rule bounding a page of the agreed, reviewed or completed deal by its announcement.
STAGE_AFTER_RULE = "stage_after_event"
_LEADING_STAMP = re.compile(r"^\s*date \d{4}-\d\d(?:-\d\d)?\s*")
#: words that date a cue in the past
_RECAP_TIME = re.compile(
    r"\b(?:earlier this year|last year|"
    r"in the past|previously|years? ago|months? ago|weeks? ago|back in|"
    r"initially|originally|had already|(?:which|that|who)(?: \w+){0,3} (?:has|have) already|"
    r"first (?:announced|revealed|reported)|last (?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE)


def later_round(stage: str, quote: str, start: int | None, end: int | None) -> list[Evidence]:
    """The evidence that a page describing the deal at an earlier stage than its end, while
    recounting that end as having happened, belongs to a later round (none at other stages)."""
    if not 0 < STAGE_RANK[stage] < STAGE_RANK["ended"]:
        return []
    return [Evidence(
        rule=EPISODE_RULE, quote=quote, start=start, end=end, earliest=None, latest=None,
        strength=STAGE,
        note=f"a later round: it describes the deal as {stage.replace('_', ' ')} and recounts its end "
             "as history",
        used=True, because="it recounts the deal's earlier end as history: a later round")]


#: "acquired this year" after a past verb, when the clause is past (not "expected to be completed
#: this year", nor "late this year")
_THIS_YEAR = re.compile(r"(?<=ed )this year\b", re.IGNORECASE)


def recap(text: str, pos: int) -> bool:
    """True when the cue's clause dates it in the past ("In April, Twitter agreed to sell"):
    a recap of an earlier stage, not what the story reports."""
    start, end = clause(text, pos)
    first = clause(text, 0)[1]
    stamp = _LEADING_STAMP.match(text)
    opening = _LEADING_STAMP.sub("", text[:first]).strip()
    if start and (len(_LEADING_STAMP.sub("", text[:start]).strip()) <= 30 or len(opening) <= 30 and (
            _RECAP_TIME.search(opening)
            or any((stamp.end() if stamp else 0) <= h.start < first for h in find_dates(text)))):
        # "In April, Twitter agreed to sell", "In June, X, the biggest steelmaker, closed its
        # acquisition", "Last year, A bought B, while C paid $17 billion for D": the date opens
        # the sentence
        start = 0
    stamp_len = len(text[start:end]) - len(_LEADING_STAMP.sub("", text[start:end]))
    part = text[start + stamp_len:end]
    if _RECAP_TIME.search(part):
        return True
    if (ty := _THIS_YEAR.search(part)) and tense(part, ty.start()) == "past":
        return True
    # a day named after the act ("completed its acquisition of X on 2 July 2025") is how news
    # reports it; a date before it, or a month or year, recounts it
    return any(h.kind in ("full", "month_year", "month", "year") and tense(part, h.start) == "past"
               and not (h.kind == "full" and start + stamp_len + h.start > pos)
               for h in find_dates(part))


def hedged(text: str, pos: int, tentative: bool = False, reach: int = 80) -> bool:
    """True when the words before ``pos`` in its (sub)clause hedge or negate it."""
    start = max(clause(text, pos)[0], pos - reach)
    last = None
    for m in _SUBORDINATE.finditer(text, start, pos):
        start, last = m.end(), m
    prefix = text[start:pos]
    if tentative:
        return bool(_NEGATION.search(prefix))
    end = clause(text, pos)[1]
    if last is not None and last.group(0).lower() == "after" and _PRESENT_DONE.match(text, pos, end):
        return True  # "will favour X after the deal is completed": a time still to come
    hedges = [m for m in _HEDGE.finditer(prefix)
              if not (m.group(0).lower() in _WHEN and _PAST_AUX.search(text, start + m.end(), end))]
    return bool(hedges or MODAL_MAY.search(prefix) or _FOR_TO.search(prefix))


def stage_hits(text: str, cues: Sequence[StageCue] | None = None
               ) -> list[tuple[str, re.Match[str]]]:
    """(stage, match) for every cue in ``text`` that states the stage as actual."""
    if cues is None:
        return list(_default_hits(text))
    return _hits(text, cues)


@lru_cache(maxsize=16384)
def _default_hits(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    return tuple(_hits(text, load_stage_cues()))


#: A photo credit closing a caption: "(Michael Sohn/AP)", "(AP Photo/Name)", "Photo: Name"; the
#: caption tells what the picture shows, often a stage long past.
PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][\w.'’-]+ ){1,3}?[A-Z][\w.'’-]+ ?/ ?(?:AP|AFP|Reuters|Getty(?: Images)?|Bloomberg|PA|EPA|"
    r"Shutterstock|Alamy)(?: Photo)?\)\s*$|\((?:AP|AFP|Reuters) Photo/[^)]{2,40}\)\s*$")
#: A cross-reference to another article, "(see Acme terminates Beta acquisition)": its headline
#: is no news of this page.
_SEE_ALSO = re.compile(r"\((?:see(?: also)?|read(?: more)?|related|more)\s*:?\s[^()]*\)", re.IGNORECASE)


def _hits(text: str, cues: Sequence[StageCue]) -> list[tuple[str, re.Match[str]]]:
    out = []
    aside = [m.span() for m in _SEE_ALSO.finditer(text)]
    for cue in cues:
        tentative = cue.stage in _TENTATIVE
        for m in cue.pattern.finditer(text):
            if any(a <= m.start() < b for a, b in aside):
                continue
            # "trying to acquire X for $N": a cue opening with "to" is hedged by the verb before it
            at = m.start() + 2 if m.group(0)[:3].lower() == "to " else m.start()
            if tentative and _NOUN_CUE.match(m.group(0)):
                # "not related to the pending acquisition": the negation is the verb's; only
                # one right before the noun phrase ("no pending deal") negates it
                if _NEGATION.search(" ".join(text[:at].split()[-2:])):
                    continue
            elif hedged(text, at, tentative):
                continue
            if not tentative and _INNER_HEDGE.search(m.group(0)):
                continue
            out.append((cue.stage, m))
    return out


def headings(title: str, url: str) -> list[Segment]:
    """The manifest headline and the address's headline words, read as part of the lead."""
    # (an address made for another headline tells an earlier version's news)
    texts = [t for t in (" ".join((title or "").split()), "" if renamed(url, title) else slug_words(url)) if t]
    return [Segment("", -1 - i, -1, -1, t) for i, t in enumerate(texts)]


def deal_stage(sentences: Sequence[Segment],
               cues: Sequence[StageCue] | None = None) -> tuple[str, list[Evidence]]:
    """The deal stage a source describes, with one evidence item per stage that has cues.

    Why the lead first: a story says in its headline and opening what it reports, and recaps
    earlier (or reports later) stages below. The latest stage with a cue in the lead
    (:data:`LEAD_SENTENCES`) is chosen; with no cue there, the latest stage whose cues reach
    :data:`STAGE_MIN_SHARE` of the best-supported earlier stage. No cue at all: ``"unknown"``.
    """
    hits: dict[str, list[tuple[Segment, re.Match[str]]]] = {s: [] for s in STAGES}
    recaps: set[tuple[int, int]] = set()
    for seg in sentences:
        if PHOTO_CREDIT.search(seg.text):
            continue  # a photo's caption ("Amazon has agreed to buy iRobot (Michael Sohn/AP)")
        for stage, m in stage_hits(seg.text, cues):
            hits[stage].append((seg, m))
            if recap(seg.text, m.start()) or recap(seg.text, m.end() - 1):
                # (the cue's verb may sit in the next clause: "the deal, which closed last year")
                recaps.add((seg.index, m.start()))
    lead_of = {s: sum(seg.index < LEAD_SENTENCES and (seg.index, m.start()) not in recaps
                      for seg, m in hits[s]) for s in STAGES}
    weak_lead = {s for s in STAGES if lead_of[s] and all(
        _WEAK.match(m.group(0)) for seg, m in hits[s]
        if seg.index < LEAD_SENTENCES and (seg.index, m.start()) not in recaps)}
    if weak_lead and any(lead_of[s] and s not in weak_lead for s in STAGES):
        # "the proposed deal" names the deal, it does not tell its stage: beside "is making a
        # bid to acquire", the bid is the news
        lead_of = {s: 0 if s in weak_lead else n for s, n in lead_of.items()}
    chosen, why = "unknown", {}
    in_lead = [s for s in STAGES if lead_of[s]]
    if in_lead:
        chosen = max(in_lead, key=lambda s: (STAGE_RANK[s], lead_of[s], len(hits[s])))
        why[chosen] = (f"chosen: latest stage named in the lead ({lead_of[chosen]} cue(s) there, "
                       f"{len(hits[chosen])} in all)")
    else:
        fresh = {s for s in STAGES if any((seg.index, m.start()) not in recaps for seg, m in hits[s])}
        for rank in range(len(STAGES) - 1, -1, -1):
            stage = STAGES[rank]
            found = hits[stage]
            if not found:
                continue
            if stage not in fresh and fresh and STAGE_RANK[stage] < STAGE_RANK["completed"]:
                # "Last year, X bought Y": a step recounted as dated history (most often another
                # deal's) does not tell this page's stage beside a step told as news
                why[stage] = "not chosen: every cue recounts it as dated history"
                continue
            best_earlier = max((len(hits[s]) for s in STAGES[:rank]), default=0)
            if len(found) >= STAGE_MIN_SHARE * best_earlier:
                chosen = stage
                why[stage] = (f"chosen: latest stage with credible cues ({len(found)} cue(s), "
                              "none in the lead)")
                break
            why[stage] = (f"not chosen: {len(found)} cue(s), none in the lead, outweighed by "
                          f"{best_earlier} cues of an earlier stage")
    if chosen in ("completed", "ended") and not lead_of[chosen] and all(
            (seg.index, m.start()) in recaps for seg, m in hits[chosen]):
        # "In June, X closed its acquisition": the page recounts the end as dated history, so
        # what it reports came after it
        recounted = chosen
        why[chosen] = ("chosen as aftermath: every cue recounts this stage as dated history, so "
                       "the page reports what came after it")
        chosen = "aftermath"
    else:
        recounted = ""
    evidence = []
    ended_before = [(seg, m) for seg, m in hits["ended"] if (seg.index, m.start()) in recaps]
    if ended_before:
        # "Wiz previously turned down an offer" on a page of new talks: the deal ended once
        # and came back, so this page belongs after the pages on that end
        seg, m = ended_before[0]
        evidence += later_round(chosen, excerpt(seg.text, m.group(0), 110),
                                seg.start if seg.start >= 0 else None, seg.end if seg.end >= 0 else None)
    for stage in STAGES:
        found = hits[stage]
        if not found:
            continue
        seg, m = found[0]
        words = sorted({m2.group(0).lower() for _, m2 in found})
        note = why.get(stage, "another stage the source also names")
        evidence.append(Evidence(
            rule=f"stage:{stage}", quote=excerpt(seg.text, m.group(0), 110),
            start=seg.start if seg.start >= 0 else None, end=seg.end if seg.end >= 0 else None,
            earliest=None, latest=None, strength=STAGE,
            note=f"{note}; cues: {', '.join(repr(w) for w in words[:6])}",
            used=stage in (chosen, recounted),
            because=(f"it recounts the deal as {stage.replace('_', ' ')} in the past: what it "
                     "reports came after" if stage == recounted
                     else f"it describes the deal as {stage.replace('_', ' ')}")))
    return chosen, evidence
