"""Which other sources of the corpus a sentence cites ("according to Reuters", "CNBC reported").

Why an index: testing every source's outlet pattern on every sentence makes dating grow with
the square of the corpus (a thousand sources, a thousand patterns per sentence). A pattern can
only match a sentence holding the outlet's first word, so each sentence is tested only against
the outlets whose first word it contains (one pattern per distinct outlet, not per source);
the answers are those of testing every pattern (``tests/test_dating_speed.py`` compares them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..cleaning import CleanSource

#: The non-ASCII characters Python's case-insensitive matching equates with an ASCII letter
#: (the test recomputes this list over every code point).
IGNORECASE_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans(IGNORECASE_ASCII)
_FIRST_WORD = re.compile(r"[A-Za-z0-9_]+")
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")


def citation_pattern(outlet: str) -> re.Pattern[str]:
    """The phrases that cite ``outlet``: "according to X", "as reported by X", "X reported"."""
    name = re.escape(outlet).replace(r"\ ", r"\s+")
    return re.compile(
        rf"\b(?:according to|as (?:noted|reported|discussed|highlighted|cited|first reported) "
        rf"by|(?:reported|noted) by)\s+(?:the\s+)?{name}\b|\b{name}(?:'s|’s)?\s+"
        rf"(?:first |had |has |earlier )?reported\b", re.IGNORECASE)


def _key(outlet: str) -> str | None:
    """The outlet's first word in lower case, when a match must hold it as a whole word of the
    sentence (None: the outlet is tested on every sentence)."""
    m = _FIRST_WORD.match(outlet)
    if m is None or (m.end() < len(outlet) and _WORD.match(outlet, m.end())):
        return None
    return m.group(0).lower()


def _sentence_words(text: str) -> set[str]:
    """The sentence's words as case-insensitive matching sees them against ASCII letters."""
    return {w.translate(_FOLD).lower() for w in _WORDS.findall(text)}


@dataclass
class CitationIndex:
    """The corpus's citable outlets, grouped by outlet and indexed by first word."""

    order: dict[str, int]  # source id -> position in the corpus
    sources: dict[str, list[str]]  # outlet -> its source ids, in corpus order
    patterns: dict[str, re.Pattern[str]]  # outlet -> its citation pattern
    by_word: dict[str, list[str]]  # first word -> outlets
    always: list[str]  # outlets without a usable first word

    def cited(self, text: str, source_id: str, outlet: str
              ) -> list[tuple[str, str, re.Match[str]]]:
        """``(source id, outlet, match)`` of every other-outlet source the sentence cites, in
        corpus order (a source never cites its own outlet)."""
        own = outlet.strip().casefold()
        candidates = set(self.always)
        if self.by_word:
            for w in _sentence_words(text) & self.by_word.keys():
                candidates.update(self.by_word[w])
        hits = []
        for name in candidates:
            if name.casefold() == own:
                continue
            m = self.patterns[name].search(text)
            if m is not None:
                hits.extend((sid, name, m) for sid in self.sources[name] if sid != source_id)
        hits.sort(key=lambda h: self.order[h[0]])
        return hits


def citation_index(cleaned: Sequence[CleanSource]) -> CitationIndex:
    """Index the outlets of the corpus's sources (an outlet under 3 characters is never cited)."""
    order: dict[str, int] = {}
    sources: dict[str, list[str]] = {}
    for n, cs in enumerate(cleaned):
        outlet = cs.source.outlet.strip()
        if len(outlet) < 3:
            continue
        order[cs.source.id] = n
        sources.setdefault(outlet, []).append(cs.source.id)
    by_word: dict[str, list[str]] = {}
    always = []
    for outlet in sources:
        key = _key(outlet)
        if key is None:
            always.append(outlet)
        else:
            by_word.setdefault(key, []).append(outlet)
    return CitationIndex(order, sources, {o: citation_pattern(o) for o in sources}, by_word,
                         always)


def cites_that_page(cited_earliest: date | None, citing_latest: date | None) -> bool:
    """Whether a sentence citing an outlet can mean the corpus's page from that outlet: not when
    the page certainly appeared after the citing page (then the text cites another, earlier
    story of the outlet, and the outlet alone is named)."""
    return cited_earliest is None or citing_latest is None or cited_earliest <= citing_latest
