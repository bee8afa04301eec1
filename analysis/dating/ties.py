"""Ties: which reference event a sentence means.

A sentence that names a deal's happening ("agreed to buy", "closed its acquisition") may mean an
event a dated page reports. It is tied when it shares the deal's figure or two distinctive
names, and then bounded by the earliest happening of that kind; a loose match (a shared party,
dates that fit) may still place a weekday or "last week", but never across different review
steps, which recur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .events import RefEvent
from .mentions import clause, find_dates
from .model import days, span_words
from .stage import stage_hits

#: Learned events of these kinds are single milestones; talks and regulatory steps recur.
MILESTONES = {"agreed", "completed", "ended"}


#: A deal ends once (a staged deal completes once per tranche): a mention of an end naming
#: the event's parties is that event.
ONCE = {"ended"}


def _ties(shared: frozenset[str], ev: RefEvent, names: frozenset[str] = frozenset(),
          later: frozenset[str] = frozenset()) -> bool:
    """Whether a mention shares enough with a learned event to be bounded by it: a milestone
    kind, and a shared figure or two shared distinctive names (for a deal's end, which happens
    once, a shared name of any kind), or the same later amount ("another $4 billion")."""
    if ev.kind not in MILESTONES:
        return False
    if ev.kind in ONCE and names & ev.names:
        return True
    if later & ev.follow_on:
        return True
    # a figure ties even when most sources name it: the deal's own figure is what marks its
    # announcement (the kind keeps the announcement apart from the completion); a further
    # amount's figure ties only a mention of a further amount (above)
    return bool(_figures(shared | (names & ev.names)) - ev.follow_on) or len(shared) >= 2


def _figures(tokens: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in tokens if t.startswith("$"))


def _earliest_meant(learned: Sequence[RefEvent], source_id: str, kinds: Iterable[str],
                   tokens: frozenset[str], names: frozenset[str], later: frozenset[str]
                   ) -> dict[str, RefEvent]:
    """For each learned event a sentence ties to, the earliest event of its kind it may mean.

    A figure is one happening however many pages date it: a mention tied by a figure may mean
    any event of that kind with the figure, or one another page dates earlier without any
    figure, and is bounded by the earliest, so a page that misdates the announcement cannot
    move the others. An event overlapping the tied one is the same happening, dated less
    closely; a later amount names its own event; two figures, two happenings.
    """
    own = [ev for ev in learned if ev.learned_from != source_id and ev.kind in kinds]
    tied = [ev for ev in own if _ties(tokens & ev.tokens, ev, names, later)]
    with_figure: dict[tuple[str, str], list[RefEvent]] = {}
    for ev in tied:
        if not later & ev.follow_on:
            for f in _figures(names & ev.names) - ev.follow_on:
                with_figure.setdefault((ev.kind, f), []).append(ev)
    by_figure = {k: _earliest_happening(evs) for k, evs in with_figure.items()}
    out: dict[str, RefEvent] = {}
    for ev in tied:
        best = ev
        if not later & ev.follow_on:
            for f in _figures(names & ev.names) - ev.follow_on:
                if by_figure[(ev.kind, f)].earliest < best.earliest:
                    best = by_figure[(ev.kind, f)]
            for other in own:
                if (other.kind == ev.kind and not other.follow_on and not _figures(other.names)
                        and other.latest < best.earliest):
                    best = other
        out[ev.key] = _dated_closest(best, own)
    return out


#: Stages that come no earlier than the deal's agreement: its announcement, a review of it, its
#: completion (talks come before it, and an end may end talks).
AFTER_AGREEMENT = ("agreed", "regulatory_review", "completed", "aftermath")


def agreement_before(learned: Sequence[RefEvent], source_id: str, names: frozenset[str],
                     common: frozenset[str]) -> tuple[RefEvent, frozenset[str]] | None:
    """The announcement a page describing the deal as agreed, under review or completed must
    follow, and what ties the page to the corpus's agreements: a figure of theirs, else a name
    of theirs that most of the corpus names (a party; a word of one page's sidebar is none).
    Without either the page may be another deal's.

    The earliest learned agreement of all, dated as closely as any page dates that happening:
    a page that misstates the year ("in September last year") may teach a later one, and an
    agreement of another deal the corpus names is earlier still, so the bound stays safe."""
    own = [ev for ev in learned if ev.kind == "agreed" and ev.learned_from != source_id
           and not ev.follow_on]
    # an announcement that names none of the corpus's parties nor the page's figures is likely
    # another deal's ("In July the company announced that it was buying Denbury"): it would
    # bound the page months too early
    named = [ev for ev in own if ev.names & common or _figures(ev.names) & _figures(names)]
    own = named or own
    theirs = frozenset().union(*(ev.names for ev in own))
    shared = _figures(names) & _figures(theirs) or names & theirs & common
    if not shared:
        return None
    return _dated_closest(_earliest_happening(own), own), shared


def _dated_closest(best: RefEvent, own: Sequence[RefEvent]) -> RefEvent:
    """The same happening as ``best`` dated more closely by another page: an event of its kind
    that shares its figure and overlaps it ("announced in September" and "on Thursday
    morning ... announced", both with "$157"), bounded by the latest start among them."""
    figs = _figures(best.names) - best.follow_on
    if not figs:
        return best
    group = sorted((o for o in own if o.kind == best.kind and not o.follow_on
                    and figs & _figures(o.names) and o.earliest <= best.latest
                    and best.earliest <= o.latest), key=lambda o: (o.earliest, o.key))
    closest, end = best, best.latest
    for o in group:
        if o.earliest > end:
            break
        end = min(end, o.latest)
        if o.earliest > closest.earliest:
            closest = o
    return closest


#: Words that name one review step alike ("launch a merger inquiry", "opened an investigation").
_STEP_SYNONYMS = {"launch": "open", "launches": "open", "launched": "open", "launching": "open",
                  "opens": "open", "opened": "open", "opening": "open", "initiate": "open",
                  "initiated": "open", "inquiry": "probe", "investigation": "probe", "probes": "probe",
                  "inquiries": "probe", "investigations": "probe"}
#: Qualifiers of a step that do not make it another step ("merger inquiry", "formal probe").
_STEP_QUALIFIERS = {"merger", "antitrust", "formal", "full", "deal", "competition"}


def _step_words(text: str) -> set[str]:
    words = (w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STEP_QUALIFIERS)
    return {_STEP_SYNONYMS.get(w, w) for w in words}


def _same_step(m: re.Match[str], ev: RefEvent) -> bool:
    """Whether a review cue names the same step as a learned review event: its content words
    (those of the cue that matched, "shareholders approved", "opened an investigation") appear
    in the event's own words, synonyms of one step alike ("launch an inquiry", "opened an
    investigation")."""
    own = _step_words(m.group(0))
    return bool(own) and own <= _step_words(ev.name)


def same_review_step(cues: Sequence[re.Match[str]], ev: RefEvent, shared: frozenset[str]) -> bool:
    """Whether a review cue is the very step a learned review event dates: a name of the
    event's own (the regulator: "the CMA") and the same step in other words ("will launch a
    merger inquiry", "opened an investigation"); another step of the same regulator ("an
    in-depth investigation" after "an investigation") is not it."""
    if ev.kind != "regulatory_review" or not shared or _figures(shared):
        return False
    own = [_step_words(m.group(0)) for m in cues]
    theirs = [_step_words(h.group(0)) for k, h in stage_hits(ev.name) if k == "regulatory_review"]
    return any(o and o == t for o in own for t in theirs)


def _earliest_happening(evs: list[RefEvent]) -> RefEvent:
    """Events of one kind and figure: overlapping ones are one happening, bounded by the
    latest start among them; of happenings dated apart (pages disagree), the earliest."""
    evs = sorted(evs, key=lambda e: (e.earliest, e.latest, e.key))
    best: RefEvent | None = None
    group = [evs[0]]
    for ev in evs[1:] + [None]:
        if ev is not None and ev.earliest <= min(g.latest for g in group):
            group.append(ev)
            continue
        start = max(group, key=lambda g: (g.earliest, g.key))
        if best is None or start.earliest < best.earliest:
            best = start
        if ev is not None:
            group = [ev]
    assert best is not None
    return best


def _closest(hits: list[tuple[RefEvent, re.Match[str] | None, bool]], names: frozenset[str]
             ) -> list[tuple[RefEvent, re.Match[str] | None, bool]]:
    """Among learned events matched by kind alone, those sharing the most names with the
    sentence (events from the events file and tied learned events are all kept; a kind with a
    tied event has no loose ones: the tie says which happening it is)."""
    tied_kinds = {h[0].kind for h in hits if h[0].learned and h[2]}
    hits = [h for h in hits if not (h[0].learned and not h[2] and h[0].kind in tied_kinds)]
    loose = [h for h in hits if h[0].learned and not h[2]]
    if not loose:
        return hits
    best = max(len(names & h[0].names) for h in loose)
    return [h for h in hits if not (h[0].learned and not h[2]) or len(names & h[0].names) == best]


#: A word opening a subordinate clause right after a relative phrase: "won approval last month
#: after X agreed to sell ...".
_SUBORDINATE = re.compile(r"\s*,?\s*(?:after|before|once|following|because)\b",
                          re.IGNORECASE)


def _same_happening(text: str, rm: re.Match[str], em: re.Match[str],
                    hits: Sequence[tuple[str, re.Match[str]]] = ()) -> bool:
    """Whether a relative phrase dates the event mention: both in one clause, the mention in a
    clause after it ("made headlines last week, hiring X"), or the phrase a clause of its own
    ("Earlier this month, X completed ..."). In "Following consideration of the proposed
    takeover, I have today issued a notice", "today" dates the notice, not the takeover; in
    "X won approval last month after Y agreed to sell its rights", "last month" dates the
    approval (a happening of ``hits`` before the phrase), not the agreement the "after" clause
    names ("shares jumped last week after X agreed to buy Y", with no happening of its own
    before the phrase, is still dated by the agreement)."""
    own = clause(text, rm.start())
    if em.start() >= rm.end() and _SUBORDINATE.match(text, rm.end()) and any(
            own[0] <= h.start() and h.end() <= rm.start() for _, h in hits):
        return False
    if own == clause(text, em.start()) or em.start() >= own[1]:
        return True
    rest = (text[own[0]:rm.start()] + text[rm.end():own[1]]).split()
    return len(rest) <= 2


def _dates_fit(text: str, ev: RefEvent) -> bool:
    """False when the sentence names a day for its happening that the event's dates exclude."""
    named = [(h.month, h.day) for h in find_dates(text) if h.month and h.day]
    if not named:
        return True
    span = {(d.month, d.day) for d in days(ev.earliest, ev.latest)}
    return any(n in span for n in named)


def _event_range(ev: RefEvent) -> str:
    return span_words(ev.earliest, ev.latest)


def _event_when(ev: RefEvent) -> str:
    """'8 June 2025', 'between 1 and 31 March 2024': when a reference event happened."""
    return _event_range(ev).removeprefix("on ")


def _event_because(ev: RefEvent) -> str:
    if ev.learned:
        return f"it mentions {ev.name}, which {ev.source} dates to {_event_when(ev)} ({ev.basis})"
    cited = f" ({ev.source})" if ev.source else ""
    return f"it mentions an event of {_event_when(ev)}: {ev.name}{cited}"
