"""The timeline order: time first, the deal stage only between overlapping windows.

1. Sources with a closed window sit at its midpoint (a known date at that day; news of the
   agreement whose window starts at the agreement's announcement, at that start). Walking in
   that order, a source moves ahead of an earlier-placed one only when their windows overlap
   and the earlier-placed one describes a strictly later deal stage, so two sources whose
   windows do not overlap are never reordered.
2. A half-open window overlaps every source on its open side: it comes after (before) every
   source placed before its known end, and among the sources beyond that end its stage
   places it (before the first source of the same stage, or after those of its stage dated its
   very earliest day, since it came that day or later; with none, before the first source of a
   later stage; with none of those either, at its known end). A page
   bounded only because its stage follows the announcement (a review page) tells nothing of how
   long after: it sits amid the pages of its stage beyond that start, as an undated one would
   (with none of its stage nor of a later one, at the end).
3. A source with no date evidence at all overlaps everything: only its stage places it (amid
   the longest run of sources of the same stage, else before the first of a later stage: a lone
   page of that stage far off, another deal's talks a year later, is no place for it); without a stage it
   comes near the end. The table marks it undated, and it is never placed last: the latest
   source is always a dated one.
4. A deal can end and come back (rejected in one year, agreed the next). A page that recounts
   the end as history while describing an earlier stage (new talks, a new agreement) belongs to
   the later round: where stage places it, it goes after the pages on that end. The stage
   itself places a page before its rank does (an end and a completion share a rank).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from .body import MONTH_AGAIN_RULE
from .model import UPDATED_STAMP_REF, SourceDate
from .stage import EPISODE_RULE, STAGE_AFTER_RULE


def time_point(d: SourceDate) -> datetime | None:
    """Where a source sits on the time axis (None: no evidence at all)."""
    if d.published:
        return datetime.combine(d.published, time())
    if d.earliest and d.latest and d.stage == "agreed" and any(
            e.used and e.rule == STAGE_AFTER_RULE and e.earliest == d.earliest for e in d.evidence):
        # news of the agreement, bounded by the agreement's announcement: it came with it
        return datetime.combine(d.earliest, time())
    if d.earliest and d.latest and any(e.used and e.ref == UPDATED_STAMP_REF and e.earliest == d.earliest
                                       for e in d.evidence):
        # "Published 09/30/2016 ... Updated 07/09/2023": it appeared on the first
        return datetime.combine(d.earliest, time())
    if d.earliest and d.latest:
        lo = datetime.combine(d.earliest, time())
        return lo + (datetime.combine(d.latest, time()) - lo) / 2
    if d.earliest or d.latest:
        return datetime.combine(d.earliest or d.latest, time())
    return None


def _overlap(a: SourceDate, b: SourceDate) -> bool:
    lo_a, hi_a = a.earliest or date.min, a.latest or date.max
    lo_b, hi_b = b.earliest or date.min, b.latest or date.max
    return lo_a <= hi_b and lo_b <= hi_a


def _cites(a: SourceDate, b: SourceDate) -> bool:
    return any(e.rule == "citation" and e.ref == f"source:{b.source_id}" and e.used
               for e in a.evidence)


def _closed(d: SourceDate) -> bool:
    return d.published is not None or (d.earliest is not None and d.latest is not None)


def _later_round(d: SourceDate) -> bool:
    """A page of a deal's later round: it recounts the deal's end as history."""
    return any(e.rule == EPISODE_RULE for e in d.evidence)


def _after_end(placed: list[SourceDate], d: SourceDate) -> int:
    """For a later round's page, the index after the last placed page on the deal's end."""
    if not _later_round(d):
        return 0
    ends = [i for i, p in enumerate(placed) if p.stage == "ended" and not _later_round(p)]
    return ends[-1] + 1 if ends else 0


def _by_stage(placed: list[SourceDate], d: SourceDate) -> int | None:
    """Insertion index amid the longest run of placed sources of ``d``'s stage (None: there are
    none).

    The stage itself first, then its rank: an ended deal shares its rank with a completed
    one, but an undated page on a deal's end sits with the other pages on that end."""
    if not d.stage_rank:
        return None
    lo = _after_end(placed, d)
    same = ([i for i, p in enumerate(placed) if i >= lo and p.stage == d.stage]
            or [i for i, p in enumerate(placed) if i >= lo and p.stage_rank == d.stage_rank])
    if not same:
        return None
    # amid the longest run of that stage (the earliest of equal runs): a lone page of the stage
    # far off (another deal's talks a year later) is no place for it
    runs: list[list[int]] = []
    for i in same:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    run = max(runs, key=len)
    return run[len(run) // 2]


def _bound_by_stage(d: SourceDate) -> bool:
    """Whether the window's start rests only on the page's stage following an earlier
    milestone (a review follows the announcement): it tells nothing of how long after."""
    if d.stage == "agreed":
        return False  # news of an agreement clusters at its announcement: first of its stage
    at = [e for e in d.evidence if e.used and e.earliest == d.earliest and e.earliest]
    return bool(at) and all(e.rule == STAGE_AFTER_RULE for e in at)


def _first_of_stage(placed: list[SourceDate], d: SourceDate, lo: int, hi: int) -> int | None:
    """The first of the ``placed[lo:hi]`` sources of ``d``'s stage, else of its rank (None:
    none, or no stage)."""
    if not d.stage_rank:
        return None
    return next((i for i in range(lo, hi) if placed[i].stage == d.stage),
                next((i for i in range(lo, hi) if placed[i].stage_rank == d.stage_rank), None))


def _for_order(d: SourceDate) -> SourceDate:
    """The window the order reads: a year-less month's limit ("in January", so before the next
    January) is a bound, not an estimate, and would move the midpoint by nothing the page says;
    the order reads the window without it. (Where the limit picked the year of a year-less
    dateline, the page has its date and keeps it.)"""
    if d.published is not None or not any(e.used and e.rule == MONTH_AGAIN_RULE for e in d.evidence):
        return d
    others = [e.latest for e in d.evidence if e.used and e.latest and e.rule != MONTH_AGAIN_RULE]
    return replace(d, latest=min(others, default=None))


def timeline_order(dates: list[SourceDate]) -> list[str]:
    """Source ids in timeline order (see the module docstring).

    Each source's time point is computed once, and the scans for half-open windows resume
    where the previous one stopped, so the order grows about linearly with the sources.
    """
    dates = [_for_order(d) for d in dates]
    points = {id(d): time_point(d) for d in dates}

    def tp(d: SourceDate) -> datetime | None:
        return points[id(d)]

    placed: list[SourceDate] = []
    for d in sorted((d for d in dates if _closed(d)),
                    key=lambda d: (tp(d), d.stage_rank or 99, d.source_id)):
        k = len(placed)
        while k > 0:
            prev = placed[k - 1]
            later_stage = (d.stage_rank and prev.stage_rank and prev.stage_rank > d.stage_rank
                           and not (_later_round(d) and not _later_round(prev)))
            cited_by = _cites(prev, d) and not _cites(d, prev)
            if _overlap(prev, d) and (later_stage or cited_by):
                k -= 1
                continue
            break
        placed.insert(k, d)

    half = sorted((d for d in dates if not _closed(d) and tp(d) is not None),
                  key=lambda d: (tp(d), d.source_id))
    # ``half`` comes in time order, so each scan resumes where the last one stopped:
    # every point before ``ge`` is earlier than the current one, every point before ``gt``
    # no later (an insertion ahead of a mark moves it, keeping that true)
    points_placed = [tp(p) for p in placed]
    ge = gt = 0
    for d in half:
        at = tp(d)
        if d.earliest:  # open at the end: after everything placed before its earliest date
            while ge < len(placed) and points_placed[ge] < at:
                ge += 1
            lo = max(ge, _after_end(placed, d))
            k = _first_of_stage(placed, d, lo, len(placed))
            if k is not None and _bound_by_stage(d):
                # bounded by its stage alone: amid the later pages of its stage, not first
                same = [i for i in range(k, len(placed)) if placed[i].stage == d.stage]
                k = same[len(same) // 2] if same else k
            if k is None and d.stage_rank:
                # none of its stage beyond its start: before the first of a later stage there
                # (a completion page bounded by the announcement comes before the aftermath)
                k_later = next((i for i in range(lo, len(placed))
                                if placed[i].stage_rank > d.stage_rank), None)
                # with none of those either, a page bounded by its stage alone sits where an
                # undated one of its stage would, at the end; any other at its known start
                j = k_later if k_later is not None else len(placed) if _bound_by_stage(d) else lo
            else:
                j = lo if k is None else k
            if k is not None and points_placed[k] == at:
                # its stage's pages of its earliest day: it came that day or later, so after them
                while j < len(placed) and points_placed[j] == at:
                    j += 1
        else:  # open at the start: before everything placed after its latest date
            while gt < len(placed) and points_placed[gt] <= at:
                gt += 1
            k = _first_of_stage(placed, d, min(_after_end(placed, d), gt), gt)
            j = gt if k is None else k
        placed.insert(j, d)
        points_placed.insert(j, at)
        ge = min(ge, j)
        gt += j <= gt

    tail = []
    for d in sorted((d for d in dates if tp(d) is None), key=lambda d: d.source_id):
        if not d.stage_rank:
            tail.append(d)
            continue
        k = _by_stage(placed, d)
        if k is None:
            lo = _after_end(placed, d)
            k = next((i for i, p in enumerate(placed) if i >= lo and p.stage_rank > d.stage_rank),
                     len(placed))
        placed.insert(k, d)
    ordered = placed + tail
    # an undated source is never the latest: the last place belongs to a dated source
    last_dated = max((i for i, d in enumerate(ordered) if tp(d) is not None), default=None)
    if last_dated is not None and last_dated < len(ordered) - 1:
        ordered = ordered[:last_dated] + ordered[last_dated + 1:] + [ordered[last_dated]]
    return [d.source_id for d in ordered]
