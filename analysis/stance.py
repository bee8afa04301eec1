"""Stance: how certain a figure is, from the words around it (see ``examples/CERTAINTY.md``).

Reported (credited to an outlet or sources) before rumoured (talks, negation, a modal governing the
figure's clause) before confirmed (a party's act or statement) before asserted (the source's own voice).
The cue words live in ``analysis/data/stance_cues.csv``; this module reads their scopes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .claims import Lexicons


_CLAUSE_END = re.compile(r"[;:—–]|,\s+(?:but|while|although|and)\b|(?<!\b[A-Z][a-z])(?<!\b[A-Z])\.\s+(?=[A-Z])|"
                         r"\s(?:after|because|since|although|though)\s")

_MARKET_SUBJECT = re.compile(r"(?i)\b(?:shares?|stock|price|prices|index|market)\b")


def _clause(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The clause holding the figure, whole and up to the figure. A modal counts only before the
    figure ("the $20 billion acquisition may be in trouble" states the figure as a fact)."""
    lo = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    hi = next((m.start() for m in _CLAUSE_END.finditer(sentence, end)), len(sentence))
    return sentence[lo:hi], sentence[lo:end]


_NEW_SUBJECT = re.compile(r",\s+(?:the|a|an|its|this|that|these|those)\s+[a-z]")
_CAPITALISED = re.compile(r"\b[A-Z][\w&.'’-]*")
_PARTY_NOUN = re.compile(r"(?i)\b(?:it|he|she|they|both|the (?:[a-z-]+ ){0,3}(?:company|companies|firms?|parties|"
                         r"startup|start-up|buyer|board|group|giant|maker|retailer|developer|lab|investor|owner|"
                         r"billionaire|founder|executive|deal|transaction|agreement|merger))\b")


def _party_act(text: str, rx: re.Pattern[str], outlets: set[str], parties: set[str] | None = None) -> bool:
    """A party's act or statement: an act verb with a party before it in ``text`` (one of the deal
    parties' names when ``parties`` is given, else any name that is not an outlet, a month or a
    filler word; or "the company", "it", "he").

    The name need not stand right before the verb: "Microsoft in March hired ... and agreed to pay".
    """
    from .transactions import _LEAD_STOP

    for m in rx.finditer(text):
        head = text[:m.start()]
        if _MARKET_SUBJECT.search(head[-25:]):
            continue  # "shares closed", "the stock price leapt": a market, not a party
        names = [w.rstrip(".,’'") for w in _CAPITALISED.findall(head)]
        names = [re.sub(r"['’]s$", "", w) for w in names]
        if parties is not None:
            spots = [x for x in _CAPITALISED.finditer(head)
                     if re.sub(r"\.(?:com|io|ai)$", "", re.sub(r"['’]s$", "", x.group(0).rstrip(".,’'")).casefold())
                     in parties]
            # the party must still be the subject: "For Lumen, ..., the cash pays for" is not Lumen paying
            # ... and not a possessor: "Adobe's $20 billion deal to buy Figma" states no act of Adobe's
            if (spots and not _NEW_SUBJECT.search(head[spots[-1].end():])
                    and not re.search(r"['’]s$", spots[-1].group(0))):
                return True
        elif any(w and w not in _LEAD_STOP and not any(w in o for o in outlets) for w in names):
            return True
        if _PARTY_NOUN.search(head):
            return True
    return False


#: "..., the two companies said on Monday." / "..., Adobe said in a statement.": a statement covering
#: the whole sentence.
_ATTRIBUTION_TAIL = re.compile(r"[,—–]\s*[^,—–]{0,60}?\b(?:said|says|announced|confirmed|stated|disclosed)\b"
                               r"[^,—–]{0,40}$")


def _party_statement_before(head: str, lex: Lexicons, outlets, parties) -> bool:
    return any(row.get("scope") == "statement" and _party_act(head, row["regex"], set(outlets), parties)
               for row in lex.stances)


def classify_stance(sentence: str, lex: Lexicons, paragraph: str = "", span: tuple[int, int] | None = None,
                    outlets: set[str] | frozenset[str] = frozenset(), parties: set[str] | None = None,
                    market: bool = False) -> str:
    """The certainty of a figure, by the convention in ``examples/CERTAINTY.md``: reported (credited to
    an outlet or sources) before rumoured (talks, negation, or a modal governing the figure's clause)
    before confirmed (a party's act or statement) before asserted (the source's own voice).
    """
    clause, lead = _clause(sentence, *span) if span else (sentence, sentence)
    lead_at = sentence.find(lead) if lead else 0
    tail = _ATTRIBUTION_TAIL.search(sentence)
    for stance in ("reported", "confirmed") if market else ("reported", "rumoured", "confirmed"):
        for row in lex.stances:
            if row["stance"] != stance:
                continue
            scope = row.get("scope") or "sentence"
            if scope == "sentence" and row["regex"].search(sentence):
                return stance
            if scope == "clause_full" and row["regex"].search(clause):
                return stance
            if scope == "clause":
                for m in row["regex"].finditer(lead):
                    if not _party_statement_before(sentence[:lead_at + m.start()], lex, outlets, parties):
                        return stance  # "X said it would invest $4bn" is X's commitment, not a rumour
            if scope == "act" and _party_act(clause, row["regex"], set(outlets), parties):
                return stance
            if scope == "statement" and (_party_act(clause, row["regex"], set(outlets), parties)
                                         or (tail and _party_act(tail.group(0), row["regex"], set(outlets),
                                                                 parties))):
                return stance
            if scope == "paragraph" and paragraph and row["regex"].search(paragraph):
                return stance
    return "asserted"
