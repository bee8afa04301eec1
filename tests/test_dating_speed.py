"""Dating grows about linearly with the corpus: the citation index gives the answers of
testing every source's outlet pattern on every sentence (the quadratic way it replaced)."""

from __future__ import annotations

import re
import sys
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.dating.citations import IGNORECASE_ASCII, citation_index, citation_pattern

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
