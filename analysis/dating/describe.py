"""The dating results as tables and plain sentences for the report.

Every evidence item reads as a sentence: "on or after 8 June 2025, because it cites
Bloomberg's report of that day: “quote”". Nothing here decides a date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import pandas as pd

from ..formatting import shorten
from .citations import cites_that_page
from .events import RefEvent
from .model import KNOWN, Evidence, SourceDate, as_date, span_words, words
from .order import timeline_order
from .stage import EPISODE_RULE

TIMELINE_COLUMNS = ["source_id", "published", "earliest", "latest", "stage", "headline_figure",
                    "evidence", "order", "dated"]
EVIDENCE_COLUMNS = ["source_id", "rule", "quote", "start", "end", "earliest", "latest",
                    "strength", "used", "sentence"]
EVENTS_USED_COLUMNS = ["date", "latest", "event", "citation", "matched_sources"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def evidence_sentence(ev: Evidence) -> str:
    """One evidence item as a sentence a reader can check against the quote."""
    quote = f"\u201c{shorten(ev.quote, 110)}\u201d"
    because = ev.because or ev.note or ev.rule
    if ev.rule == EPISODE_RULE:
        return (f"Later round: {because}, {quote}; it is ordered after the pages on that end "
                "where windows overlap.")
    if ev.rule.startswith("stage:"):
        role = "the stage chosen" if ev.used else "another stage it names"
        return f"Deal stage ({role}): {because}, {quote}; this orders overlapping windows only."
    bound = span_words(ev.earliest, ev.latest) if (ev.earliest or ev.latest) else ""
    if not bound:
        return _cap(f"no bound: {because}, {quote}.")
    if not ev.used and "stale stamp" in ev.note and ev.strength == KNOWN:
        return _cap(f"not used: {because} ({bound}), which the page's own text contradicts (below).")
    if not ev.used and "stale stamp" in ev.note:
        return _cap(f"not used: {because} (the stamp said {bound}: {quote}).")
    if not ev.used:
        return _cap(f"not used: {because} ({bound}, {quote}), but stronger evidence conflicts.")
    return _cap(f"{bound}, because {because}: {quote}.")


def attribute(dates: Sequence[SourceDate], events: Sequence[RefEvent], outlets: Mapping[str, str]
              ) -> list[SourceDate]:
    """The dates with every reason that quotes or cites another source naming it rightly.

    A learned event's name quotes the page that taught it ("the reported talks (“on Friday
    disclosed a 6 percent stake…”)"): where a reason quotes it for another page without naming
    the teacher, the teacher's label goes beside the quote. A citation of an outlet ("Bloomberg
    had reported") names the corpus's page from that outlet only when the text can mean that
    page's story; a page that certainly appeared after the citing one is another story, so the
    outlet alone is named and the citation bounds nothing.
    """
    learned = {e.key: e for e in events if e.learned}
    by_id = {d.source_id: d for d in dates}
    out = []
    for d in dates:
        evidence = [_attributed(ev, d, learned, by_id, outlets) for ev in d.evidence]
        same = all(a is b for a, b in zip(evidence, d.evidence, strict=True))
        out.append(d if same else replace(d, evidence=evidence))
    return out


def _attributed(ev: Evidence, d: SourceDate, learned: Mapping[str, RefEvent], by_id: Mapping[str, SourceDate],
                outlets: Mapping[str, str]) -> Evidence:
    if ev.rule == "citation" and ev.ref.startswith("source:"):
        cited = by_id.get(ev.ref[len("source:"):])
        outlet = outlets.get(ev.ref[len("source:"):], "")
        if cited is None or not outlet or cites_that_page(cited.earliest, d.latest):
            return ev
        later = words(cited.earliest)
        return replace(ev, earliest=None, latest=None, used=False,
                       note=f"cites {outlet}: not its page here, which appeared on/after {cited.earliest}",
                       because=(f"it cites {outlet}'s reporting, an earlier story than the corpus's page from "
                                f"{outlet}, which appeared later (on or after {later})"))
    event = learned.get(ev.ref)
    text = ev.because or ev.note
    if event is None or event.learned_from == d.source_id or event.name not in text or event.source in text:
        return ev
    named = event.name.replace("(\u201c", f"({event.source}: \u201c", 1)
    if named == event.name:
        named = f"{event.name} (as {event.source} tells it)"
    field = "because" if ev.because else "note"
    return replace(ev, **{field: text.replace(event.name, named, 1)})


def evidence_text(ev: Evidence) -> str:
    """Kept for callers of the old name: the evidence item as a sentence."""
    return evidence_sentence(ev)


def evidence_summary(d: SourceDate) -> str:
    """All of a source's evidence as sentences, strongest first."""
    parts = [evidence_sentence(ev) for ev in d.evidence]
    if not d.dated:
        parts.insert(0, "No dating evidence: the window is left open.")
    return " ".join(parts)


def _iso(d) -> str:
    return d.isoformat() if d else ""


def timeline_table(dates: list[SourceDate], headline: dict[str, str] | None = None
                   ) -> pd.DataFrame:
    """One row per source in timeline order, its evidence as sentences; ``dated`` is False for
    a source without any evidence (never to be called the latest)."""
    headline = headline or {}
    by_id = {d.source_id: d for d in dates}
    rows = []
    for n, sid in enumerate(timeline_order(dates), start=1):
        d = by_id[sid]
        rows.append({
            "source_id": sid, "published": _iso(d.published), "earliest": _iso(d.earliest),
            "latest": _iso(d.latest), "stage": d.stage,
            "headline_figure": headline.get(sid, ""),
            "evidence": evidence_summary(d),
            "order": n, "dated": d.dated,
        })
    return pd.DataFrame(rows, columns=TIMELINE_COLUMNS)


def evidence_table(dates: list[SourceDate]) -> pd.DataFrame:
    """One row per evidence item with its raw offsets (provenance of every bound)."""
    rows = []
    by_id = {d.source_id: d for d in dates}
    for sid in timeline_order(dates):
        d = by_id[sid]
        for ev in d.evidence:
            rows.append({"source_id": sid, "rule": ev.rule, "quote": ev.quote,
                         "start": "" if ev.start is None else ev.start,
                         "end": "" if ev.end is None else ev.end,
                         "earliest": _iso(ev.earliest), "latest": _iso(ev.latest),
                         "strength": ev.strength, "used": ev.used,
                         "sentence": evidence_sentence(ev)})
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


_MATCH_RULES = {"event", "relative", "weekday", "learned_event", "stage_after_event"}


def events_used_table(dates: list[SourceDate], events: list[RefEvent]) -> pd.DataFrame:
    """Each reference event (given or learned) and the sources it bounds (as happened / not yet)."""
    rows = []
    for ev in events:
        happened = sorted({d.source_id for d in dates for e in d.evidence
                           if e.ref == ev.key and e.rule in _MATCH_RULES and e.used})
        not_yet = sorted({d.source_id for d in dates for e in d.evidence
                          if e.ref == ev.key and e.rule == "event_open" and e.used})
        parts = [", ".join(happened)] if happened else []
        if not_yet:
            parts.append(f"not yet: {', '.join(not_yet)}")
        citation = (f"learned from {ev.source}: {ev.basis}" if ev.learned else ev.source)
        rows.append({"date": _iso(ev.earliest), "latest": _iso(ev.latest), "event": ev.name,
                     "citation": citation, "matched_sources": "; ".join(parts)})
    return pd.DataFrame(rows, columns=EVENTS_USED_COLUMNS)


def manifest_set_aside(table: pd.DataFrame, manifest: dict[str, str], labels: dict[str, str],
                       brief: bool = False) -> str:
    """A caveat naming each source whose manifest date the run did not use ("" when none);
    ``brief`` (hundreds of sources): how many, the timeline table naming them.

    The only such case: the manifest repeats the page's own stamp, which the page's text shows
    stale; the reader must know the user's date was overruled, and why.
    """
    parts = []
    for _, r in table.sort_values("order").iterrows():
        given = as_date(manifest.get(r["source_id"], "") or None)
        if given is None or r["published"] == given.isoformat():
            continue
        window = span_words(as_date(r["earliest"] or None), as_date(r["latest"] or None))
        parts.append(f"{labels.get(r['source_id'], r['source_id'])} (manifest {given.isoformat()}; "
                     f"dated {window or 'openly'} from its text)")
    if not parts:
        return ""
    one = len(parts) == 1
    why = (f"{'it repeats its' if one else 'each repeats its'} page's own date stamp and the page's text "
           "reports later events as its own news")
    if brief:
        return (f"Manifest dates not used for {len(parts)} source{'' if one else 's'}, because {why} "
                "(the timeline table's evidence names them).")
    return f"Manifest date{'' if one else 's'} not used, because {why}: " + "; ".join(parts) + "."


def open_windows_note(table: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """A caveat naming each source whose window stays open, and why ("" when none is open)."""
    labels = labels or {}
    parts = []
    for _, r in table.sort_values("order").iterrows():
        name = labels.get(r["source_id"], r["source_id"])
        if r["published"] or (r["earliest"] and r["latest"]):
            continue
        if not r["earliest"] and not r["latest"]:
            parts.append(f"{name} (no date evidence at all)")
        elif r["earliest"]:
            parts.append(f"{name} (on or after {r['earliest']}: nothing in it bounds it from above)")
        else:
            parts.append(f"{name} (on or before {r['latest']}: nothing in it bounds it from below)")
    if not parts:
        return ""
    return ("Open publication windows, left open rather than guessed: " + "; ".join(parts) + ".")


def matched_event_count(events_used: pd.DataFrame) -> int:
    """How many reference events bound at least one source (events nobody mentions do not count)."""
    if events_used is None or not len(events_used):
        return 0
    return int(events_used["matched_sources"].fillna("").astype(str).str.strip().ne("").sum())
