"""Solve each source's window from its evidence, and date the whole corpus.

Bounds are intersected strongest first; a bound that would empty the window is dropped and
the conflict recorded, so a window is never narrower than the evidence that remains.
Years of month-day dates are resolved from the text's own years, matched events and, when a
named weekday confirms it, the years of the corpus's dated sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

import pandas as pd

from ..cleaning import CleanSource
from ..parallel import Workers, map_sources
from .body import Scan, corpus_context, scan_source
from .describe import attribute
from .events import RefEvent, compile_events
from .learned import learn_events
from .mentions import NOW_WORDS, WEEKDAYS
from .model import (
    EVENT,
    EXPLICIT,
    KNOWN,
    RELATIVE,
    STAGE_RANK,
    STALE_PRONE,
    STAMP,
    URL,
    Evidence,
    SourceDate,
    safe_date,
    span_words,
    words,
)
from .page import Partial


def bounds_text(ev: Evidence) -> str:
    """The bound an item sets, in words ('on or after 8 June 2025')."""
    return span_words(ev.earliest, ev.latest) if (ev.earliest or ev.latest) else "no bound"


def short(text: str, n: int) -> str:
    """At most ``n`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n - 1)
    return text[: cut if cut > n // 2 else n - 1].rstrip(" ,;:") + "…"


def solve(evs: Sequence[Evidence]) -> tuple[date | None, date | None, dict[int, str]]:
    """Intersect the bounds, strongest first; a bound that would empty the window is dropped.

    Within one strength, closed windows go first, then lower bounds: a mention of an event as
    happened outranks a "not yet" phrase (stories recap earlier states; they cannot report
    later ones).
    """
    lo = hi = None
    lo_by = hi_by = None
    dropped: dict[int, str] = {}

    def kind(ev: Evidence) -> int:
        return 0 if ev.earliest and ev.latest else 1 if ev.earliest else 2

    order = sorted((i for i, ev in enumerate(evs) if ev.earliest or ev.latest),
                   key=lambda i: (-evs[i].strength, kind(evs[i]), i))
    for i in order:
        ev = evs[i]
        nlo = max(d for d in (lo, ev.earliest) if d) if (lo or ev.earliest) else None
        nhi = min(d for d in (hi, ev.latest) if d) if (hi or ev.latest) else None
        if nlo and nhi and nlo > nhi:
            by = hi_by if ev.earliest and hi and ev.earliest > hi else lo_by
            dropped[i] = (f"{ev.rule} \u201c{short(ev.quote, 50)}\u201d not used: it would put "
                          f"the source {bounds_text(ev)}, which conflicts with stronger evidence "
                          f"({by.rule} \u201c{short(by.quote, 50)}\u201d: {bounds_text(by)})")
            continue
        if nlo != lo:
            lo_by = ev
        if nhi != hi:
            hi_by = ev
        lo, hi = nlo, nhi
    return lo, hi, dropped


# Page stamps may be stale (model.STALE_PRONE). The manifest's ``published`` is the user's word
# and is overruled only when it is that very stale stamp (a scraper copied the page's date into
# the manifest): it adds nothing the page lacks.


#: Relative phrases that say which day is the page's own.
_NOW = re.compile(rf"(?i)^(?:{NOW_WORDS})$")


def split_stale(evs: list[Evidence]) -> tuple[list[Evidence], list[Evidence]]:
    """The evidence without stale page stamps, and those stamps (marked unused, with why).

    Why: a page can open with a stale date (a template's metadata line) while its own text
    reports later events as happening now. A stamp is stale when the text says "today" (or
    "yesterday", "this morning") of a dated event that lies wholly after it: a page cannot
    speak of a later day as its own. A one-sided "happened" bound is not enough (a misread
    tense or a loose event match would overrule a true stamp), nor is a weekday or a phrase
    reaching further back ("said Friday", "earlier this month", "about two years ago"): tied
    to the wrong one of two events of a kind, it would overrule a true stamp by a year.
    """
    later = [ev for ev in evs if ev.ref and ev.strength < STAMP and ev.earliest and ev.latest
             and ev.rule == "relative" and _NOW.search(ev.quote)]
    keep: list[Evidence] = []
    stale: list[Evidence] = []
    for ev in evs:
        by = next((x for x in later if ev.rule in STALE_PRONE and ev.latest
                   and x.earliest > ev.latest), None) if ev.strength == STAMP else None
        if by is None:
            keep.append(ev)
            continue
        stale.append(replace(ev, used=False, note=(
            f"{ev.rule} \u201c{short(ev.quote, 50)}\u201d not used: a stale stamp, since the "
            f"page's own text speaks of a later day as its own ({by.rule} \u201c"
            f"{short(by.quote, 50)}\u201d: {bounds_text(by)})"),
            because=f"its stamp is stale: the page's own text {by.because.removeprefix('it ')}, "
                    f"so it appeared {bounds_text(by)}"))
    copied = [ev for ev in keep if ev.strength == KNOWN and ev.earliest
              and any(st.earliest == ev.earliest and st.latest == ev.latest for st in stale)]
    for ev in copied:
        st = next(st for st in stale if st.earliest == ev.earliest and st.latest == ev.latest)
        keep.remove(ev)
        stale.append(replace(ev, used=False, note=(
            f"manifest published={ev.earliest} not used: it is the page's stale stamp "
            f"({st.rule} \u201c{short(st.quote, 50)}\u201d)"),
            because="the manifest gives the page's stale stamp as its date"))
    return keep, stale


def resolve_year(p: Partial, lo: date | None, hi: date | None, anchors: Iterable[int],
                 corpus_years: Iterable[int] = (), future: Iterable[int] = ()
                 ) -> tuple[date | None, str]:
    """The full date of a year-less mention, or None with the reason.

    Candidates are the anchor years (explicit years in the text / matched events) +-1 that fit
    the window from other evidence; the weekday named in the same sentence (for a dateline: in
    the lead) must fall on the date when several fit. A dateline without them may take the
    years the text names as still to come (that year or the one before). Without anchors, the
    years of the corpus's dated sources are tried, and only a named weekday may pick one.
    """
    for ev_date in p.event_dates:
        if ev_date.month == p.month and (p.day is None or ev_date.day == p.day):
            return ev_date if p.day else ev_date.replace(day=1), \
                f"year {ev_date.year} from the event matched in the same sentence"
    anchors = sorted(set(anchors))
    ahead = p.pubdate and not anchors and bool(future)
    if ahead:
        anchors = sorted(set(future))
    from_corpus = not anchors
    if from_corpus:
        anchors = sorted(set(corpus_years))
    years = sorted({y + k for y in anchors for k in ((-1, 0) if ahead else (-1, 0, 1))})
    if not years:
        return None, "no explicit year or event in the text to resolve the year"
    cands = []
    for y in years:
        d = safe_date(y, p.month, p.day or 1)
        if d is None:
            continue
        if p.pubdate:
            ok = (lo is None or d >= lo) and (hi is None or d <= hi)
        else:  # a past mention: before the source, within the year before its earliest date
            ok = (hi is None or d <= hi) and (lo is None or d >= lo - timedelta(days=366))
        if ok:
            cands.append(d)
    listed = ", ".join(str(y) for y in anchors)
    why = (f"the years of the corpus's dated sources ({listed})" if from_corpus
           else f"the years its text names as still to come ({listed})" if ahead
           else f"the years its text names ({listed})")
    if p.day and p.weekdays:
        named = [d for d in cands if d.weekday() in p.weekdays]
        if named and (len(cands) > 1 or from_corpus):
            cands = named
            why += " and the weekday named in the lead"
        elif from_corpus:
            cands = []
    elif from_corpus:
        return None, f"no weekday named to pick a year among {why}"
    if len(cands) == 1:
        return cands[0], f"year {cands[0].year} from {why}"
    if not cands:
        return None, f"no year near {why} fits the other evidence"
    if not p.pubdate:  # a past mention bounds from below: the earliest fitting year is safe
        return cands[0], (f"the earliest of the years that fit ({', '.join(str(d.year) for d in cands)}) "
                          f"from {why}")
    return None, f"year ambiguous ({', '.join(str(d.year) for d in cands)}) from {why}"


def finish(scan: Scan, cited: dict[str, date | None], labels: dict[str, str],
           corpus_years: Sequence[int] = (), outvoted_by: str = "") -> SourceDate:
    """The window of one source from its scan and the cited sources' earliest dates.

    ``outvoted_by`` says why other pages outvote the page's own stamp (:func:`.learned.outvoted`):
    the stamp is then set aside, as a stale one is."""
    evs: list[Evidence] = [replace(ev) for ev in scan.base]
    for sid, outlet, tmpl in scan.citations:
        e = cited.get(sid)
        name = labels.get(sid, f"{outlet} ({sid})")
        evs.append(replace(tmpl, earliest=e,
                           note=(f"cites {outlet} ({sid}), which appeared on/after {e}" if e else
                                 f"cites {outlet} ({sid}), whose date is open: no bound"),
                           because=(f"it cites {name}, which appeared on or after {words(e)}"
                                    if e else f"it cites {name}, whose date is open")))
    evs, stale = split_stale(evs)
    if outvoted_by:
        for ev in [e for e in evs if e.rule in STALE_PRONE and e.strength == STAMP]:
            evs.remove(ev)
            stale.append(replace(ev, used=False, note=(
                f"{ev.rule} \u201c{short(ev.quote, 50)}\u201d not used: an outvoted stamp, since "
                f"{outvoted_by}"), because=f"its stamp is outvoted: {outvoted_by}"))
    lo, hi, _ = solve(evs)
    for p in scan.partials:
        d, why = resolve_year(p, lo, hi, scan.anchors,
                              corpus_years if p.weekday_beside is not None else ())
        if d is None:
            continue
        strength = EXPLICIT if "event matched" in why else EVENT
        evs.append(Evidence(p.rule, p.quote, p.start, p.end, d, None, strength,
                            f"past-tense mention of {p.quote}: {why}; appeared on/after {d}",
                            because=f"it mentions {p.quote} ({words(d)}: {why}) as past"))
        if p.day and p.weekday_beside == d.weekday():
            evs.append(Evidence("weekday", p.quote, p.start, p.end, d, d + timedelta(days=6),
                                RELATIVE, f"{p.quote} is named with its weekday: appeared within "
                                          "6 days after it",
                                because=f"it names {p.quote} with its weekday "
                                        f"({WEEKDAYS[d.weekday()]}), which news does only within "
                                        "the week after"))
    notes: list[str] = []
    snap: Partial | None = None
    if scan.dateline is not None:
        lo, hi, _ = solve(evs)
        dl = scan.dateline
        d, why = resolve_year(dl, lo, hi, scan.anchors, corpus_years, scan.future_years)
        if d is not None and scan.anchors and d.year > max(scan.anchors) \
                and d.year not in scan.future_years and why.startswith(
                "year ") and "weekday" not in why and "event matched" not in why:
            # "July 18 (UPI)" on a page naming only 2023: the first July 18 after it is 2024,
            # but the text says nothing against 2025 or later: a lower bound, not the day (a
            # year it names as still to come would pin it)
            evs.append(Evidence(dl.rule, dl.quote, dl.start, dl.end, d, None, EVENT,
                                f"month-day dateline after every year its text names "
                                f"({', '.join(str(y) for y in sorted(set(scan.anchors)))}): "
                                f"on/after {d}, any later year fits too",
                                because=f"its dateline gives {dl.quote.strip(' -–—(')} of a year "
                                        f"after every year its text names, so {words(d)} or later"))
        elif d is not None:
            evs.append(Evidence(dl.rule, dl.quote, dl.start, dl.end, d, d,
                                STAMP if scan.anchors or scan.future_years else URL,
                                f"month-day dateline, {why}",
                                because=f"its dateline gives {words(d)} ({why})"))
        else:
            snap = dl
            notes.append(why)
    lo, hi, dropped = solve(evs)
    for i, msg in dropped.items():
        evs[i].used = False
        evs[i].note += f"; {msg}"
    conflicts = list(dropped.values())

    # a weekday alone narrows nothing: every day is within the week after some day of that
    # name, so only a weekday tied to a dated event (in .body) or a dateline's bounds a window

    # an unresolved month-day dateline still snaps the ends of a window from other evidence
    if snap is not None and (lo or hi):
        nlo, nhi = lo, hi
        if lo:
            nlo = next((d for y in (lo.year, lo.year + 1) if (d := safe_date(y, snap.month,
                                                                           snap.day or 1))
                        and d >= lo), lo)
        if hi:
            nhi = next((d for y in (hi.year, hi.year - 1) if (d := safe_date(y, snap.month,
                                                                           snap.day or 1))
                        and d <= hi), hi)
        # open above: the dateline's day falls in a year of the corpus's dated sources (the
        # assumption made for a year-less dateline alone, below)
        capped = None if hi or not nlo or len(set(corpus_years)) < 2 else max(
            (d for y in set(corpus_years) if (d := safe_date(y, snap.month, snap.day or 1))
             and d >= nlo), default=None)
        if not (nlo and nhi and nlo > nhi) and (nlo, nhi) != (lo, hi):
            evs.append(Evidence(snap.rule, snap.quote, snap.start, snap.end, nlo if lo else None,
                                nhi if hi else capped, STAMP,
                                f"month-day dateline, {notes[-1]}: window ends moved to that day"
                                + (f"; at most {capped}, the last such day in the years of the "
                                   "corpus's dated sources" if capped else ""),
                                because="its dateline names that day of the month (the year "
                                        "comes from the other evidence"
                                        + (f"; the corpus's dated sources end in {capped.year}"
                                           if capped else "") + ")"))
            lo, hi = nlo, nhi if hi else capped
        else:
            evs.append(Evidence(snap.rule, snap.quote, snap.start, snap.end, None, None, STAMP,
                                f"month-day dateline not used: {notes[-1]}",
                                because=f"its dateline gives no year ({notes[-1]})"))
    elif snap is not None and len(set(corpus_years)) > 1 and (cands := [
            d for y in sorted(set(corpus_years)) if (d := safe_date(y, snap.month, snap.day or 1))]):
        lo, hi = cands[0], cands[-1]
        evs.append(Evidence(snap.rule, snap.quote, snap.start, snap.end, lo, hi, URL,
                            f"month-day dateline in one of the years of the corpus's dated sources: "
                            f"{', '.join(str(d) for d in cands)}",
                            because=f"its dateline gives {snap.day or 1} {cands[0]:%B} with no year, and the "
                                    f"corpus's dated sources span {cands[0].year}-{cands[-1].year}"))
    elif snap is not None:
        evs.append(Evidence(snap.rule, snap.quote, snap.start, snap.end, None, None, STAMP,
                            f"month-day dateline not usable alone: {notes[-1]}",
                            because=f"its dateline gives no year ({notes[-1]})"))

    published = None
    for ev in evs:
        if ev.used and ev.strength >= STAMP and ev.earliest and ev.earliest == ev.latest \
                and lo == hi == ev.earliest:
            published = ev.earliest
            break
    evs += stale
    conflicts += [ev.note for ev in stale]
    evs.sort(key=lambda ev: (-ev.strength, not ev.used, ev.start if ev.start is not None else -1))
    return SourceDate(scan.source_id, published, lo, hi, scan.stage, STAGE_RANK[scan.stage],
                      evs + scan.stage_evidence, "; ".join(conflicts), list(scan.page.versions))


def _solve_all(scans: list[Scan], labels: dict[str, str], corpus_years: Sequence[int],
               outvoted: dict[str, str] | None = None) -> list[SourceDate]:
    """Windows of every source; citations are recomputed until the windows settle."""
    cited: dict[str, date | None] = {}
    dates: list[SourceDate] = []
    votes = outvoted or {}
    for _ in range(len(scans) + 2):
        dates = [finish(s, cited, labels, corpus_years, votes.get(s.source_id, "")) for s in scans]
        new = {d.source_id: d.earliest for d in dates}
        if new == cited:
            break
        cited = new
    return dates


def date_corpus(cleaned: list[CleanSource], events: pd.DataFrame | None, jobs: int | Workers = 1,
                ) -> tuple[list[SourceDate], list[RefEvent]]:
    """Every source's window and stage, and the reference events used (given and learned).

    The first pass dates sources from their own pages, text and the events file; the years
    of the sources dated by their own page then resolve year-less datelines (a named weekday
    must confirm the year); the sources so dated by their own page teach events
    (:mod:`.learned`); the last pass uses them. Each pass reads every source alone (``jobs``:
    worker processes or Dask, the same windows either way).
    """
    given = compile_events(events)
    ctx = corpus_context(cleaned)
    labels = {cs.source.id: cs.source.label for cs in cleaned}
    scans = map_sources(scan_source, cleaned, jobs, (given, ctx))
    first = _solve_all(scans, labels, ())
    ctx.years = tuple(sorted({d.earliest.year for d in first if d.earliest and d.latest
                              and d.earliest == d.latest and any(
                                  e.used and e.strength >= URL for e in d.evidence)}))
    own = _solve_all(scans, labels, ctx.years)  # month-day datelines resolved by those years
    learned, votes = learn_events(cleaned, scans, own, ctx)
    dates = _solve_all(map_sources(scan_source, cleaned, jobs, (given + learned, ctx)), labels, ctx.years,
                       votes)
    # a source whose stamp the learned events showed stale (or the other pages outvote) must
    # not teach from that stamp
    stale = {d.source_id for d in dates if any(not e.used and e.rule in STALE_PRONE
                                               and ("stale stamp" in e.note or "outvoted stamp" in e.note)
                                               for e in d.evidence)}
    if stale & ({e.learned_from for e in learned} | votes.keys()):
        final = {d.source_id: d for d in dates}
        relearned, _ = learn_events(cleaned, scans, [final[d.source_id] if d.source_id in stale
                                                     else d for d in own], ctx)
        if relearned != learned:
            learned = relearned
            dates = _solve_all(map_sources(scan_source, cleaned, jobs, (given + learned, ctx)),
                               labels, ctx.years, votes)
    # every reason quoting or citing another source names it (and a citation its page only when it can mean it)
    outlets = {cs.source.id: cs.source.outlet.strip() for cs in cleaned}
    return attribute(dates, given + learned, outlets), given + learned
