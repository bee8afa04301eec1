"""Dating grows about linearly with the corpus: the citation index gives the answers of
testing every source's outlet pattern on every sentence, and the timeline order those of
scanning every placed source from the start (the quadratic ways they replaced)."""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.dating import order as order_module
from analysis.dating.citations import IGNORECASE_ASCII, citation_index, citation_pattern
from analysis.dating.model import STAGE_RANK, Evidence, SourceDate
from analysis.dating.order import time_point, timeline_order

OUTLETS = ["Reuters", "The Verge", "Yahoo! Finance", "AT&T News", "9to5Mac", "Ars Technica",
           "Financial Times", "FT", "Le Monde", "Süddeutsche Zeitung", "Kelvin Report",
           "@Handle", "Sky News", "Sky", "Business Insider", "Business Standard", "zdnet.com",
           "Bloomberg", "Bloomberg Law"]
PHRASES = ["according to {o}", "according to the {o}", "as first reported by {o}",
           "{o} reported", "{o}'s earlier reported", "{o}’s first reported", "noted by {o}",
           "{o} said", "per {o}", "reported by  {o}.", "{o}reported"]


def _brute(cleaned, text: str, sid: str, outlet: str) -> list[tuple[str, str, int, int]]:
    """What the dating did before the index: every source's pattern on the sentence."""
    out = []
    for cs in cleaned:
        o = cs.source.outlet.strip()
        if len(o) < 3 or cs.source.id == sid or o.casefold() == outlet.strip().casefold():
            continue
        m = citation_pattern(o).search(text)
        if m:
            out.append((cs.source.id, o, m.start(), m.end()))
    return out


def _fast(index, text: str, sid: str, outlet: str) -> list[tuple[str, str, int, int]]:
    return [(s, o, m.start(), m.end()) for s, o, m in index.cited(text, sid, outlet)]


def _vary(text: str, how: int) -> str:
    """Case changes and the non-ASCII letters that case-insensitive matching equates."""
    if how == 1:
        return text.upper()
    if how == 2:
        return text.lower()
    if how == 3:
        return text.replace("k", "\u212a").replace("s", "\u017f").replace("i", "\u0131")
    if how == 4:
        return text.replace("I", "\u0130").replace("K", "\u212a")
    return text


@settings(max_examples=300, deadline=None)
@given(outlets=st.lists(st.sampled_from(OUTLETS + ["  Reuters ", "Ab"]), min_size=1, max_size=8),
       parts=st.lists(st.tuples(st.sampled_from(PHRASES), st.sampled_from(OUTLETS),
                                st.integers(0, 4)), min_size=1, max_size=3),
       me=st.integers(0, 7))
def test_index_finds_exactly_what_every_pattern_finds(outlets, parts, me) -> None:
    cleaned = [SimpleNamespace(source=SimpleNamespace(id=f"s{k}", outlet=o))
               for k, o in enumerate(outlets)]
    index = citation_index(cleaned)
    text = " and ".join(_vary(p.format(o=o), how) for p, o, how in parts) + "."
    src = cleaned[me % len(cleaned)].source
    for sid, outlet in ((src.id, src.outlet), ("other", ""), ("other", "REUTERS")):
        assert _fast(index, text, sid, outlet) == _brute(cleaned, text, sid, outlet), text


def test_a_sentence_citing_a_shared_outlet_cites_each_of_its_sources_in_corpus_order() -> None:
    cleaned = [SimpleNamespace(source=SimpleNamespace(id=i, outlet=o)) for i, o in
               (("b", "Reuters"), ("a", "CNBC"), ("c", "reuters"), ("d", "Reuters"))]
    index = citation_index(cleaned)
    hits = _fast(index, "The deal, as first reported by Reuters, closed.", "a", "CNBC")
    assert [h[0] for h in hits] == ["b", "c", "d"]
    assert _fast(index, "Reuters reported it.", "x", "REUTERS") == []  # its own outlet


def test_the_case_folding_table_is_complete() -> None:
    """Every non-ASCII character that case-insensitive matching equates with an ASCII letter
    is folded (else a sentence spelling an outlet with it would be skipped)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(cp): chr(cp).lower() for cp in range(128, sys.maxunicode + 1)
             if letter.fullmatch(chr(cp))}
    assert set(found) == set(IGNORECASE_ASCII)
    for ch, ascii_letter in IGNORECASE_ASCII.items():
        assert re.fullmatch(ascii_letter, ch, re.IGNORECASE)


# --------------------------------------------------------------------------- the order


def _reference_order(dates: list[SourceDate]) -> list[str]:
    """The timeline order as first written: every scan from the start (quadratic)."""
    def closed(d: SourceDate) -> bool:
        return d.published is not None or (d.earliest is not None and d.latest is not None)

    def later_round(d: SourceDate) -> bool:
        return any(e.rule == "stage:later_round" for e in d.evidence)

    def after_end(placed, d) -> int:
        ends = [i for i, p in enumerate(placed) if p.stage == "ended" and not later_round(p)]
        return ends[-1] + 1 if later_round(d) and ends else 0

    def by_stage(placed, d, lo, hi, first=False):
        lo = max(lo, after_end(placed, d))
        same = ([i for i in range(lo, hi) if placed[i].stage == d.stage]
                or [i for i in range(lo, hi) if placed[i].stage_rank == d.stage_rank])
        if not same or not d.stage_rank:
            return None
        if first:
            return same[0]
        runs: list[list[int]] = []  # amid the longest run of the stage, the earliest of equal runs
        for i in same:
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        run = max(runs, key=len)
        return run[len(run) // 2]

    placed: list[SourceDate] = []
    for d in sorted((d for d in dates if closed(d)),
                    key=lambda d: (time_point(d), d.stage_rank or 99, d.source_id)):
        k = len(placed)
        while k > 0:
            prev = placed[k - 1]
            later = (d.stage_rank and prev.stage_rank and prev.stage_rank > d.stage_rank
                     and not (later_round(d) and not later_round(prev)))
            cited_by = order_module._cites(prev, d) and not order_module._cites(d, prev)
            if order_module._overlap(prev, d) and (later or cited_by):
                k -= 1
                continue
            break
        placed.insert(k, d)
    for d in sorted((d for d in dates if not closed(d) and time_point(d) is not None),
                    key=lambda d: (time_point(d), d.source_id)):
        at = time_point(d)
        if d.earliest:
            start = next((i for i, p in enumerate(placed) if time_point(p) >= at), len(placed))
            start = max(start, after_end(placed, d))
            k = by_stage(placed, d, start, len(placed), first=True)
            j = start if k is None else k
            if k is None and d.stage_rank:  # none of its stage: before the first of a later one
                j = next((i for i in range(start, len(placed))
                          if placed[i].stage_rank > d.stage_rank), start)
            if k is not None and time_point(placed[k]) == at:
                while j < len(placed) and time_point(placed[j]) == at:
                    j += 1
            placed.insert(j, d)
        else:
            end = next((i for i, p in enumerate(placed) if time_point(p) > at), len(placed))
            k = by_stage(placed, d, 0, end, first=True)
            placed.insert(end if k is None else k, d)
    tail = []
    for d in sorted((d for d in dates if time_point(d) is None), key=lambda d: d.source_id):
        if not d.stage_rank:
            tail.append(d)
            continue
        k = by_stage(placed, d, 0, len(placed))
        if k is None:
            k = next((i for i, p in enumerate(placed)
                      if i >= after_end(placed, d) and p.stage_rank > d.stage_rank), len(placed))
        placed.insert(k, d)
    ordered = placed + tail
    last = max((i for i, d in enumerate(ordered) if time_point(d) is not None), default=None)
    if last is not None and last < len(ordered) - 1:
        ordered = ordered[:last] + ordered[last + 1:] + [ordered[last]]
    return [d.source_id for d in ordered]


_DAY0 = date(2024, 3, 1)
_WINDOW = st.tuples(st.sampled_from(["closed", "after", "before", "none"]), st.integers(0, 4),
                    st.integers(0, 3), st.sampled_from(list(STAGE_RANK)), st.integers(-1, 9),
                    st.booleans())


@settings(max_examples=1500, deadline=None)
@given(st.lists(_WINDOW, min_size=1, max_size=10))
def test_order_equals_the_reference_order(items: list) -> None:
    dates = []
    for n, (kind, start, width, stage, cites, later_round) in enumerate(items):
        lo = _DAY0 + timedelta(days=start)
        hi = lo + timedelta(days=width)
        lo, hi = {"closed": (lo, hi), "after": (lo, None), "before": (None, hi),
                  "none": (None, None)}[kind]
        ev = [Evidence("citation", "", None, None, None, None, 3, ref=f"source:s{cites}")]
        ev = ev if cites >= 0 else []
        if later_round:  # a page of a deal's later round (see dating.order)
            ev = [*ev, Evidence("stage:later_round", "", None, None, None, None, 0)]
        dates.append(SourceDate(f"s{n}", None, lo, hi, stage, STAGE_RANK[stage], ev))
    assert timeline_order(dates) == _reference_order(dates)
