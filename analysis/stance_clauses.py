"""Where the clause holding a figure starts and ends in its sentence, and which of its parts (a relative
clause, a time clause, a comparison) the stance rules of :mod:`analysis.stance` read or skip."""

from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[;—–•]|:(?![^()]{0,12}\))|,\s+(?:but|while|although)\b|,\s+and\b(?!\s+an?\s)|"
                         r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bBros)(?<!\bMrs)"
                         r"\.\s+(?=[A-Z])|"
                         # two sentences fused without a space: "shares were down by 6.3%.Last summer, X agreed"
                         r"(?<=[a-z%])\.(?=[A-Z][a-z])|"
                         # "..., at the same time that the app's revenues rose 39%": a subordinate clause
                         # (a title-case headline's too: "X Takes Over Y After $1.3B Funding Round")
                         r"\s(?:after|because|since|although|though|whereas|even as|at the same time (?:that|as)|"
                         r"After|Because|Since|Although|Though|Whereas)\s|"
                         # another quantity compared: "..., up from $4 billion in the round it closed" (or the
                         # basis of a reckoning: "..., given Y's market value of $28 billion")
                         r",\s+(?=(?:up|down) from\b|compared (?:with|to)\b|based on\b|given\b)|"
                         # a purpose: "X raised $10 billion ..., to help finance its $34 billion takeover of Y",
                         # "..., as a step to shield itself from a $121 billion bid"
                         r",\s+(?=(?:to help|in order to|so as to|as an? (?:step|move|way|means|measure) to)\b)|"
                         # a new subject and verb after a comma: "It would be costly, VMware was valued at" (or
                         # after a comma and "as": "..., the stock fell anyway, as X had offered $54 a share")
                         r",\s+(?:as\s+)?(?=(?:[A-Z][\w.&'’-]*\s+){1,3}(?:was|is|were|are|has|had|have)\b)")
#: "It currently holds 14.5% of Y's shares and will buy the remainder": a second predicate coordinated after the
#: figure tells another act of the subject, not one about the figure
_COORDINATED_PREDICATE = re.compile(r"\s+and\s+(?:will|would|has|have|had|is|are|was|were|also|then|later|"
                                    r"plans\s+to)\b")
#: "After Musk disclosed a 9% stake, Twitter's stock price leapt ...": a leading time or reason clause
_LEADING_CLAUSE = re.compile(r"^\W*(?:After|Before|Since|When|Once|While|Although|Though|Because)\b[^,;:]*,\s*")

#: "..., who have been guaranteed $1.50 for every dollar": a relative clause (its antecedent may still
#: be the subject of its verb: "Musk, who completed the $44 billion deal")
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose)\b")
#: "..., HubSpot, an online marketing company that had a market value of $35 billion": an appositive
#: describing a name with a relative clause of its own is its own clause (the reports or acts of the
#: sentence are not about what it describes)
_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:that|which|who)\s+(?:had|has|have|was|is|were|are)\b")
#: "agreed to buy Y, which has 10 million users, for $27.7bn": a relative clause closed at its comma, the main
#: clause resumes with the preposition before the figure
_RESUMED = re.compile(r"[^,;:]*,\s+(?:for|at|to|from|with|into|in|on|by)\s+(?:[\w-]+\s+){0,3}$")
#: (so does a participle's appositive: "The all-cash offer, expected to close on 30 June, will be ...")
_CLOSED_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b[^,;:]*,|"
                              r",\s+(?:expected|likely|set|due|poised|slated|scheduled) to\b[^,;:]*,")
#: "when talks of the deal were first reported", "before rumors of a deal began", "prior to media reports": a
#: time clause dates the figure's context; its talks and reports are not the figure's
_TIME_CLAUSE = re.compile(r"\b(?:when|before|after|until|since|amid|following|prior to|"
                          r"on(?= (?:media |news |press )?(?:reports?|rumou?rs?|speculation)\b))\b[^,;:.()]*")
#: "shares rose 2% on reports the company is in talks to acquire Y": the hearsay a move follows is no act of a party
#: (unlike "the valuation it got when it raised $400 million", whose act gave the figure)
ON_HEARSAY = re.compile(r"\b(?:on|amid|following|after)\s+(?:media |news |press )?(?:reports?|rumou?rs?|speculation)\b"
                        r"[^,;:.()]*")


#: "$9bn more than it agreed to pay", "up 25% to $81.64, a significant distance from (below) the $95 offer that X
#: is willing to pay": a comparison after the figure brings in another figure; the acts told after it are that
#: figure's
_COMPARED_WORDS = r"\b(?:than|below|above|short of|(?:distance|gap) (?:from|to))"
_COMPARED_AFTER = re.compile(_COMPARED_WORDS + r"\b")
#: "X purchased $100 million in Y stock for $40 per share, notably less than its then $63 price", "..., well
#: above the $65 closing price": the figure compared with is another quantity; the act before the comparison is
#: not about it (not a bound of the figure itself: "agreed to pay more than $5 billion"); so is another's figure:
#: "..., which was higher than Z's $2.6 billion offer"
_COMPARED_BEFORE = re.compile(_COMPARED_WORDS + r"\s+(?:the|its|their|his|her|this|that|[A-Z][\w.&-]*['’]s)\s+"
                                                r"(?:[a-z-]+\s+){0,2}$")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int, int]:
    """Where the clause holding the figure starts and ends, and where its modals may start (at a
    relative pronoun). A modal counts only before the figure ("the $20 billion acquisition may be in trouble"
    states the figure as a fact) and inside its relative clause ("..., who have been guaranteed $1.50")."""
    lo = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    hi = next((m.start() for m in _CLAUSE_END.finditer(sentence, end)), len(sentence))
    lead = _LEADING_CLAUSE.match(sentence)
    if lead and lead.end() <= start:
        lo = max(lo, lead.end())
    elif lead and end <= lead.end():
        hi = min(hi, lead.end())
    hi = next((m.start() for m in _RELATIVE.finditer(sentence, end, hi)), hi)
    appositive = list(_APPOSITIVE.finditer(sentence, lo, start))
    if appositive:
        lo = appositive[-1].start() + 1
    rel = [m for m in _RELATIVE.finditer(sentence, lo, start) if not _RESUMED.match(sentence, m.end(), start)]
    modal_lo = rel[-1].start() + 1 if rel else lo
    if rel:
        comma = sentence.find(", ", end, hi)  # the relative clause closes at its comma
        hi = comma if comma >= 0 else hi
    return lo, hi, modal_lo


#: "the closing price before the company announced a review": an act after the figure's time (unlike
#: "the valuation it got when it raised $400 million", whose act gave the figure)
_LATER_CLAUSE = re.compile(r"\b(?:before|until|prior to)\b[^,;:.()]*")
#: "soon after disclosing a 9.2% stake": a gerund whose subject is the main clause's
_GERUND_AFTER = re.compile(r"\b(?:after|before|since|while|when|upon|by)\s*$")


def _mask_time_clauses(sentence: str, start: int, end: int, rx: re.Pattern[str] = _TIME_CLAUSE) -> str:
    """The sentence with the time clauses after the figure blanked (same length)."""
    parts, at = [], 0
    for m in rx.finditer(sentence, end):
        parts += [sentence[at:m.start()], " " * (m.end() - m.start())]
        at = m.end()
    return "".join(parts) + sentence[at:]


def _in_closed_relative(sentence: str, at: int, start: int) -> bool:
    """Position ``at`` lies in a relative clause that closes (at a comma) before the figure."""
    return any(m.start() <= at < m.end() and m.end() < start for m in _CLOSED_RELATIVE.finditer(sentence, 0, start))


#: "X launched a hostile bid for Y in an attempt to swing investors away from Y's $6.6 billion merger with Z": the
#: goal of an act is no act done; the act before it is not about a deal the goal names (unless the deal is what the
#: goal's verb acts on: "the FTC picked up six allies in its effort to stop X's $27.8 billion acquisition of Y")
_PURPOSE = re.compile(r"\bin\s+(?:an?|its|their|his|her)\s+(?:[a-z-]+\s+)?"
                      r"(?:attempt|effort|bid|push|quest|drive)\s+to\b")


_GOAL_VERB_ONLY = re.compile(r"\s*[a-z]+\s+(?:[A-Z][\w&.'’-]*\s+)*")


def purpose_before(sentence: str, lo: int, deal_at: int) -> int | None:
    """Where the last purpose phrase ("in an attempt to") before the deal named at ``deal_at`` ends, when the deal
    is not the object of the goal's verb (None if none)."""
    found = [m.end() for m in _PURPOSE.finditer(sentence, lo, deal_at)]
    return found[-1] if found and not _GOAL_VERB_ONLY.fullmatch(sentence, found[-1], deal_at) else None


#: "..., which was higher than Z's $2.6 billion offer": a relative clause that compares its antecedent with another
#: figure (the writer's remark on it)
_COMPARING_RELATIVE = re.compile(r",\s+(?:which|that)\s+(?:was|is|were|are|has\s+been)\s+(?:[a-z]+ly\s+|well\s+|far\s+|"
                                 r"much\s+|still\s+)?(?:higher|lower|more|less|greater|bigger|larger|smaller|richer|"
                                 r"above|below|short\s+of)\b[^,;:]*$")


def compared_in_relative(sentence: str, lo: int, start: int) -> bool:
    """The figure is what a relative clause before it, in its clause, compares its antecedent with."""
    return bool(_COMPARING_RELATIVE.search(sentence, lo, start))



def predicate_end(sentence: str, end: int, hi: int) -> int:
    """Where the predicate holding the figure (ending at ``end``) ends in its clause (ending at ``hi``): at a
    second predicate coordinated after it ("holds 14.5% of Y and will buy the rest")."""
    return next((m.start() for m in _COORDINATED_PREDICATE.finditer(sentence, end, hi)), hi)
