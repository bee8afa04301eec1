"""Who speaks and acts for a deal party besides its name: the persons a paragraph introduces as its officers
("Tim Vance, Northwind's chairman, ... Vance said"). Used by :mod:`analysis.stance`."""

from __future__ import annotations

import re
from functools import lru_cache

#: an officer's title: the person speaks and acts for the organisation named with it
_TITLE_WORDS = (r"(?:chief\s+(?:[a-z]+\s+){1,2}officer|chief\s+executive|CEO|CFO|COO|CTO|president|chairman|chairwoman|"
                r"chair|spokes(?:man|woman|person)|(?:managing\s+)?director|co-?founder|founder|head|general\s+counsel)")
_PERSON = r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){0,2})"
_ORG = r"(?-i:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
_TITLE_RX = re.compile(rf"(?i)\b{_TITLE_WORDS}\b")
#: "Tim Vance, Northwind’s worldwide chairman of devices", "Northwind's chief executive, Tim Vance", "Northwind
#: CEO Jane Doe", "Jane Doe, chief executive of Northwind": a person introduced as an officer of an organisation
_OFFICER = re.compile(rf"(?i)(?P<n1>{_PERSON}),\s+(?:the\s+)?(?P<o1>{_ORG})['’]s\s+(?:[\w-]+\s+){{0,3}}?"
                      rf"{_TITLE_WORDS}\b|"
                      rf"(?P<o2>{_ORG})(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?{_TITLE_WORDS},?\s+(?P<n2>{_PERSON})|"
                      rf"(?P<n3>{_PERSON}),\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_TITLE_WORDS}\s+(?:of|at)\s+"
                      rf"(?:the\s+)?(?P<o3>{_ORG})")


@lru_cache(maxsize=64)
def _party_officers(paragraph: str, parties: frozenset[str]) -> frozenset[str]:
    """The surnames of the persons the paragraph introduces as officers of a deal party."""
    out = set()
    # (read only around each title, so a long paragraph without officers costs one quick scan)
    found = {m for t in _TITLE_RX.finditer(paragraph)
             for m in _OFFICER.finditer(paragraph[max(0, t.start() - 120):t.end() + 60])}
    for m in found:
        name = m.group("n1") or m.group("n2") or m.group("n3")
        org = m.group("o1") or m.group("o2") or m.group("o3")
        words = [re.sub(r"['’]s$", "", w).rstrip(".,").casefold() for w in org.split()]
        if any(w in parties for w in words):
            out.add(re.sub(r"['’]s$", "", name.split()[-1]).casefold())
    return frozenset(out - parties)


def with_officers(paragraph: str, parties: set[str] | frozenset[str] | None) -> set[str] | frozenset[str] | None:
    """The deal parties' words with the surnames of the party officers the paragraph introduces ("Tim Vance,
    Northwind's chairman, ... Vance said": an officer's statement is the party's)."""
    if not paragraph or not parties:
        return parties
    officers = _party_officers(paragraph, frozenset(parties))
    return parties | officers if officers else parties
