"""Stance: how certain a figure is, from the words around it (see ``examples/CERTAINTY.md``).

Reported (credited to an outlet or sources) before rumoured (talks, negation, a modal governing the
figure's clause) before confirmed (a party's act or statement) before asserted (the source's own voice).
The cue words live in ``analysis/data/stance_cues.csv``; this module reads their scopes:

- ``sentence``: anywhere in the sentence (for rumoured cues, up to the end of the figure's clause:
  talks in a later clause are about something else);
- ``clause_full``: anywhere in the figure's clause (reported cues also in a closing or opening credit,
  "..., stated a report", "According to The Information, ...");
- ``clause``: before the figure in its clause (a modal or plan), unless a party's statement frames it;
- ``act`` / ``statement``: a verb with a deal party (or, for acts, the verb's own named subject) as
  its subject in the figure's clause; a statement also in a closing "..., the companies said" or an
  opening "X said:" / "X detailed that";
- ``paragraph``: anywhere in the paragraph (a press release's or filing's own words).

Time clauses after the figure ("when talks were first reported", "on reports ...") date its context
and are read by no scope.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .claims import Lexicons


_CLAUSE_END = re.compile(r"[;—–•]|:(?![^()]{0,12}\))|,\s+(?:but|while|although)\b|,\s+and\b(?!\s+an?\s)|"
                         r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bBros)(?<!\bMrs)"
                         r"\.\s+(?=[A-Z])|"
                         r"\s(?:after|because|since|although|though)\s|"
                         # another quantity compared: "..., up from $4 billion in the round it closed"
                         r",\s+(?=(?:up|down) from\b|compared (?:with|to)\b)|"
                         # a new subject and verb after a comma: "It would be costly, VMware was valued at"
                         r",\s+(?=(?:[A-Z][\w.&'’-]*\s+){1,3}(?:was|is|were|are|has|had|have)\b)")
#: "After Musk disclosed a 9% stake, Twitter's stock price leapt ...": a leading time or reason clause
_LEADING_CLAUSE = re.compile(r"^\W*(?:After|Before|Since|When|Once|While|Although|Though|Because)\b[^,;:]*,\s*")
#: "If the deal is finalized, ..., while Discover shareholders will own the remaining 40%": a leading
#: condition governs every clause of its sentence
_LEADING_CONDITION = re.compile(r"^\W*(?:If|Unless|Should|Assuming|Provided)\b[^,;:]*,")
#: "..., who have been guaranteed $1.50 for every dollar": a relative clause (its antecedent may still
#: be the subject of its verb: "Musk, who completed the $44 billion deal")
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose)\b")
_CLOSED_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b[^,;:]*,")
#: "when talks of the deal were first reported", "before rumors of a deal began": a time clause dates
#: the figure's context; its talks and reports are not the figure's
_TIME_CLAUSE = re.compile(r"\b(?:when|before|after|until|since|amid|following|"
                          r"on(?= (?:media |news |press )?reports?\b))\b[^,;:.()]*")

#: "shares closed", "Twitter's stock price leapt": a market, not a party, is the subject of the verb
#: (its noun ends the words before the verb; "$54.20 per share, Musk will pay" is still Musk's act)
_MARKET_SUBJECT = re.compile(r"(?i)\b(?<!per )(?<!a )(?:shares?|stock|price|prices|index|market)"
                             r"(?:\s+(?:of|in)\s+[\w.&'’-]+)?\s+(?:[a-z]+ly\s+)?$")


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
    rel = [m for m in _RELATIVE.finditer(sentence, lo, start)]
    modal_lo = rel[-1].start() + 1 if rel else lo
    if rel:
        comma = sentence.find(", ", end, hi)  # the relative clause closes at its comma
        hi = comma if comma >= 0 else hi
    return lo, hi, modal_lo


#: "the closing price before the company announced a review": an act after the figure's time (unlike
#: "the valuation it got when it raised $400 million", whose act gave the figure)
_LATER_CLAUSE = re.compile(r"\b(?:before|until)\b[^,;:.()]*")


def _mask_time_clauses(sentence: str, start: int, end: int, rx: re.Pattern[str] = _TIME_CLAUSE) -> str:
    """The sentence with the time clauses after the figure blanked (same length)."""
    parts, at = [], 0
    for m in rx.finditer(sentence, end):
        parts += [sentence[at:m.start()], " " * (m.end() - m.start())]
        at = m.end()
    return "".join(parts) + sentence[at:]


_NEW_SUBJECT = re.compile(r",\s+(?:the|a|an|its|this|that|these|those)\s+[a-z]")
_CAPITALISED = re.compile(r"\b[A-Z][\w&.'’-]*")
#: "Twitter's attorneys argued": the people of a party speak and act for it
_AGENT_NOUN = re.compile(r"\s+(?:[a-z-]+\s+)?(?:attorneys|lawyers|counsel|spokes(?:man|woman|person)|board|"
                         r"shareholders|stockholders|executives?|chief executive|CEO|management|directors)\b")
#: ... "the steelmaker", "the spokesperson", "Japan's biggest steelmaker" (a party by its description)
_PARTY_NOUN = re.compile(r"(?i)\b(?:it|he|she|they|both|(?-i:I|we|We)|regulators?|watchdogs?|shareholders|"
                         r"stockholders|"
                         r"(?:the|(?-i:[A-Z])[\w.-]*['’]s (?:[a-z-]+est|top|leading))\s(?:[a-z.-]+ ){0,3}?"
                         r"(?:company|companies|firms?|parties|"
                         r"startup|start-up|buyer|board|group|giant|[a-z]*maker|retailer|developer|lab|investor|owner|"
                         r"billionaire|founder|executive|spokes(?:man|woman|person)|deal|transaction|agreement|"
                         r"merger|regulator|watchdog|commission|authority|authorities))\b")
#: a name after one of these words is its object, not the subject of a later verb ("a $4 billion
#: investment in Anthropic completed earlier this year", "a deal to buy Figma Inc., announced")
_OBJECT_BEFORE = re.compile(r"(?i)\b(?:in|into|of|for|to|from|with|at|on|by|about|over|against|than|like|buy|"
                            r"acquire|purchase|join)\s+(?:(?-i:[A-Z])[\w&.'’-]*\s+)*$")
#: "a previously agreed plan", "the announced deal", "Joins X in Completed $35 Billion Merger": a participle
#: used as an adjective
_ADJECTIVE_BEFORE = re.compile(r"(?i)\b(?:a|an|the|its|their|this|that|his|her|in|of|for|with|from|into)\s+"
                               r"(?:[a-z]+ly\s+)?$")
#: "X's acquisition of software developer Y Inc. announced in January": a participle right after an object
#: qualifies it (a reduced relative clause), it tells no act of a subject
_REDUCED_RELATIVE = re.compile(r"\b(?:of|in|into|for|with|from|to|on|at)\s+(?:[a-z-]+\s+){0,2}"
                               r"(?:[A-Z][\w&.'’-]*\s+)+$")
#: ... when no object follows it ("announced in January", not "votes cast at the Meeting approved the proposal")
_NO_OBJECT_AFTER = re.compile(r"\s*(?:[,.;:)]|$|(?:in|on|last|earlier|this|early|late|since|before|after|"
                              r"during)\b)")
#: "a bankrupt exchange, FTX, sold its 8% stake": a name right before the verb is its subject
_DIRECT_SUBJECT = re.compile(r"\b([A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*)*(?:,\s+(?:who|which))?,?\s+"
                             r"(?:[a-z]+ly\s+)?(?:has\s+|have\s+|had\s+)?(?:today\s+|now\s+|also\s+|since\s+)?$")
#: "a previously agreed plan to invest", "its $20 billion deal to buy": an infinitive naming an act
_NOUN_TO = re.compile(r"(?i)\b(?:plans?|deal|agreement|bid|offer|intent|intention|effort|attempt|right|option|"
                      r"ability|commitment|pledge|proposal)\s+(?:to\s+)?$")
#: "soon after disclosing a 9.2% stake": a gerund whose subject is the main clause's
_GERUND_AFTER = re.compile(r"\b(?:after|before|since|while|when|upon|by)\s+$")
#: statement verbs: a name before one is a speaker, a party only when it is one of the deal's
_FRAME_VERB = re.compile(r"(?i)\b(?:said|says|stated|states|announced|announces|disclosed|discloses|detailed|"
                         r"details|confirmed|confirms|wrote|writes)\b")
#: "was announced", "is valued": the verb's subject undergoes the act (unless an agent follows)
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|is|are|be|been|being)\s+(?:[a-z]+ly\s+)?$")
_PARTICIPLE = re.compile(r"(?i)[a-z]+ed|paid|made|sold|bought|put|led|taken(?: private| over)?|done|called off")
#: "... was blocked in March 2018 by President ...": a passive act with its agent is still an act
_AGENT = re.compile(r"[^,;:]{0,40}?\bby\s+(?:the\s+)?[A-Z]")
#: "... by internet and telecommunications conglomerate SoftBank": an agent named after its description
_DESCRIBED_AGENT = re.compile(r"[^,;:]{0,40}?\bby\s+(?:the\s+)?(?:(?!of\b)[a-z-]+\s+){1,4}([A-Z][\w&'’-]*)")


_NAME_RUN = re.compile(r"(?:\s+[A-Z][\w&.'’-]*)*")
_NAMES_ONLY = re.compile(r"(?:[\s,]+[A-Z][\w&.'’-]*)*[\s,]*")
_WHO_AFTER = re.compile(r",\s+(?:who|which)\b")
_BY_BEFORE = re.compile(r"\bby\s+$")


def _window(text: str, at: int, width: int = 160) -> str:
    """The words just before ``at``: the rules that read what precedes a word look no further (so a
    very long sentence costs linear time, not quadratic)."""
    return text[max(0, at - width):at]


@dataclass(frozen=True)
class _Subjects:
    """Where the possible subjects of a verb stand in a text, found once per text so that reading a
    very long sentence stays near linear: the deal parties' names (``ends`` of each, ``valid``: not a
    possessor nor an object, ``last_valid``: the last valid one up to each), the new subjects that
    take over after a name, and the first party noun ("it", "the company") and plain name."""

    starts: list[int]
    ends: list[int]
    possessor: list[bool]
    last_valid: list[int]
    new_starts: list[int]
    new_ends: list[int]
    first_noun_end: float
    first_name_end: float

    def party_before(self, text: str, at: int, gerund: bool) -> bool:
        """A deal party is the subject of the verb at ``at``: its last valid mention before it with no
        new subject in between ("For Lumen, ..., the cash pays for" is not Lumen paying); a gerund's
        subject may be an object right before it ("an analysis of Meta Platforms, Inc. committing")."""
        i = bisect_right(self.ends, at) - 1
        if i < 0:
            return False
        k = i if gerund and not self.possessor[i] and _NAMES_ONLY.fullmatch(text, self.ends[i], at) \
            else self.last_valid[i]
        if k < 0:
            return False
        j = bisect_left(self.new_starts, self.ends[k])
        return not (j < len(self.new_starts) and self.new_ends[j] <= at)


@lru_cache(maxsize=8)
def _subjects(text: str, parties: frozenset[str] | None, outlets: frozenset[str]) -> _Subjects:
    """The possible subjects in ``text`` (see :class:`_Subjects`)."""
    from .transactions import _LEAD_STOP

    starts, ends, possessor, last_valid = [], [], [], []
    first_name_end = math.inf
    for x in _CAPITALISED.finditer(text):
        bare = re.sub(r"['’]s$", "", x.group(0).rstrip(".,’'"))
        if first_name_end == math.inf and bare and bare not in _LEAD_STOP and not any(bare in o for o in outlets):
            first_name_end = x.end()
        if parties is None or re.sub(r"\.(?:com|io|ai)$", "", bare.casefold()) not in parties:
            continue
        run = _NAME_RUN.match(text, x.end())
        owner = bool(re.search(r"['’]s\b", text[x.start():run.end()])) and not _AGENT_NOUN.match(text, run.end())
        obj = bool(_OBJECT_BEFORE.search(_window(text, x.start()))) and not _WHO_AFTER.match(text, x.end())
        starts.append(x.start())
        ends.append(x.end())
        possessor.append(owner)
        last_valid.append(len(ends) - 1 if not (owner or obj) else (last_valid[-1] if last_valid else -1))
    new = list(_NEW_SUBJECT.finditer(text))
    first_noun_end = next((x.end() for x in _PARTY_NOUN.finditer(text)
                           if not _BY_BEFORE.search(_window(text, x.start(), 12))), math.inf)
    return _Subjects(starts, ends, possessor, last_valid, [m.start() for m in new], [m.end() for m in new],
                     first_noun_end, first_name_end)


def _party_act(text: str, rx: re.Pattern[str], outlets: set[str] | frozenset[str],
               parties: set[str] | None = None, limit: int | None = None, begin: int = 0) -> bool:
    """A party's act or statement: an act verb (ending by ``limit``) with a party before it in ``text``
    (one of the deal parties' names when ``parties`` is given, else any name that is not an outlet, a
    month or a filler word; or "the company", "it", "he").

    The name need not stand right before the verb: "Microsoft in March hired ... and agreed to pay".
    A passive verb ("when it was announced") is no party's act. Only verbs from ``begin`` on are read
    (a gerund's clause: "X will write off $1bn after walking away from a $66bn deal" is no act on the deal).
    """
    from .transactions import _LEAD_STOP

    subjects = _subjects(text, frozenset(parties) if parties is not None else None, frozenset(outlets))
    for m in rx.finditer(text, begin, len(text) if limit is None else limit):
        verb, near = m.group(0), _window(text, m.start())
        if _MARKET_SUBJECT.search(near[-25:]):
            continue  # "shares closed", "the stock price leapt": a market, not a party
        if _PARTICIPLE.fullmatch(verb) and (_ADJECTIVE_BEFORE.search(near) or (
                _REDUCED_RELATIVE.search(near) and _NO_OBJECT_AFTER.match(text, m.end()))):
            continue
        if _PASSIVE_BEFORE.search(near) and _PARTICIPLE.fullmatch(verb):
            if _AGENT.match(text, m.end()):
                return True  # "was blocked in March 2018 by President ...": the agent acted
            agent = _DESCRIBED_AGENT.match(text, m.end())
            if agent and parties is not None and agent.group(1).casefold() in parties:
                return True  # "was taken private by telecommunications conglomerate SoftBank"
            continue  # "when it was announced": no party acts
        if _NOUN_TO.search(near) and (verb.startswith("to ") or near.endswith("to ")):
            continue
        direct = _DIRECT_SUBJECT.search(near)
        if (direct and direct.group(1) not in _LEAD_STOP and not _FRAME_VERB.fullmatch(verb)
                and not _OBJECT_BEFORE.search(near[:direct.start()])
                and not re.search(r"['’]s\b", direct.group(0))  # "Figma's IPO values": a thing, not a party
                and not any(direct.group(1).rstrip(".,") in o for o in outlets)):
            return True  # the verb's own subject, a name: a party to the act it tells
        if parties is not None:
            if subjects.party_before(text, m.start(), verb.endswith("ing") or near.endswith("to ")):
                return True
        elif subjects.first_name_end <= m.start():
            return True
        if subjects.first_noun_end <= m.start():
            return True  # "it", "the company" (not the agent of another verb: "announced by the companies")
    return False


#: "..., the two companies said on Monday." / "..., Adobe said in a statement.": a statement covering
#: the whole sentence (not a relative clause: "..., which was the day before Musk disclosed his stake").
_ATTRIBUTION_TAIL = re.compile(r"[,—–]\s*(?!\s|(?:which|who|whom|whose|that)\b)[^,—–]{0,60}?"
                               r"\b(?:said|says|announced|confirmed|stated|disclosed)\b[^,—–]{0,40}$")
#: "..., stated a report." / "..., claimed reports quoting filings": a credit covering the whole sentence
#: (so does an opening "According to The Information, ...")
_SENTENCE_TAIL = re.compile(r",\s*(?!reportedly|and\b|but\b|while\b|or\b)([^,—–]{0,120})$")
#: "Adobe said:" / "the retailer detailed that": a statement framing everything after it
_FRAME_AFTER = re.compile(r"\s*(?:on \w+\s*|in \w+\s*)?(?::|,?\s*[“\"]|\s+that\b)")
#: "an initial $1.25 billion investment made by Amazon": a party's act told in the passive
_AGENT_AFTER = re.compile(r"^[^,;:]{0,40}?\b(?:made|paid|offered|announced|agreed|invested|led|provided|"
                          r"committed|signed|disclosed|proposed|completed|put)\s+by\s+")
#: "Elon Musk's planned $44 billion takeover": a possessor's deal named by its price (a modal before
#: it governs another verb: "regulators could object to Elon Musk's planned $44 billion takeover")
_POSSESSIVE_NP = re.compile(r"\b[A-Z][\w.&-]*['’]s\s+(?:[a-z-]+\s+){0,2}$")


#: "(NVDA 6.18%)", "(NASDAQ: NVDA -1.2%)": a ticker's price move in parentheses
_TICKER_BEFORE = re.compile(r"\(\s*(?:[A-Z]{2,8}\s*:\s*)?[A-Z][A-Z.]{0,6}\s+[-+−]?$")
_TICKER_AFTER = re.compile(r"\s*\)")
#: "that first report, which valued a deal at more than $32 billion": a figure told by a report (not a
#: party's annual or quarterly report) in a relative clause of its own
_REPORT_ANTECEDENT = re.compile(r"(?i)\b(?<!annual )(?<!quarterly )(?<!earnings )(?<!financial )(?<!results )"
                                r"(?:report|story|article)s?,?\s+(?:which|that)\s+[^,;:()]*$")


def _in_closed_relative(sentence: str, at: int, start: int) -> bool:
    """Position ``at`` lies in a relative clause that closes (at a comma) before the figure."""
    return any(m.start() <= at < m.end() and m.end() < start for m in _CLOSED_RELATIVE.finditer(sentence, 0, start))


@lru_cache(maxsize=16)
def _outlet_credit(outlets: frozenset[str], aliases: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """A credit to one of the known outlets (``outlets.csv`` and the manifest) by name or by one of its
    ``outlets.csv`` patterns ("the WSJ" for The Wall Street Journal): "according to Semafor", "told the
    Guardian", "Politico reported", "the WSJ said"."""
    names = "|".join([*sorted({re.escape(re.sub(r"^[Tt]he\s+", "", o.strip())) for o in outlets if o.strip()},
                              key=len, reverse=True), *(f"(?:{a})" for a in aliases)])
    if not names:
        return None
    return re.compile(rf"\b(?:[Aa]ccording to|told|[Pp]er|cited by|reported by|quoted by|citing|compiled by|"
                      rf"calculated by|gathered by)\s+(?:[Tt]he\s+)?"
                      rf"(?:{names})\b|\b(?:{names})\s+(?:first\s+)?(?:reported|reports|said|says|wrote|writes|"
                      rf"added|noted)\b")


#: "Discover and Capital One reported 62% falls", "the company reported revenue of $675 million": a party
#: reporting its own results makes a statement, it credits no press
_REPORT_VERB = re.compile(r"\breport(?:ed|s)\b(?!\s+(?:by|to|that|on|in)\b)")
_NAME_WORD = r"(?:[A-Z][\w&.'’-]*|and|&|\([^()]{1,15}\))"
_NAMES_BEFORE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*\s+$")
_COMPANY_BEFORE = re.compile(r"(?i)\bthe (?:[a-z-]+ ){0,2}?(?:company|companies|firms?|banks?|group|lender|"
                             r"chipmaker|startup|start-up|retailer|developer|maker|giant)\s+$")

#: "A year earlier, it reported quarterly net profit of ...": a pronoun subject stands for the party
#: the text is about (an outlet's report is told by its name: "Reuters reported")
_PRONOUN_BEFORE = re.compile(r"(?:^|[^\w’'])(?:it|they)\s+(?:also\s+|previously\s+|earlier\s+)?$")


def _own_report(text: str, at: int, parties: set[str] | None, outlets) -> bool:
    """The word at ``at`` is a party's "reported" / "reports" of its own (its subject a party)."""
    m = _REPORT_VERB.match(text, at)
    if not m or parties is None:
        return False
    near = _window(text, at, 80)
    if _COMPANY_BEFORE.search(near) or _PRONOUN_BEFORE.search(near):
        return True
    names = _NAMES_BEFORE.search(near)
    if not names:
        return False
    words = [re.sub(r"['’]s$", "", w.rstrip(".,’'")) for w in re.findall(r"[A-Z][\w&.'’-]*", names.group(0))]
    return (any(w.casefold() in parties for w in words)
            and not any(w in o for w in words for o in outlets))


def _press_credit(rx: re.Pattern[str], text: str, parties: set[str] | None, outlets) -> bool:
    """A credit to the press in ``text``, not a party's own report of its results."""
    return any(not _own_report(text, m.start(), parties, outlets) for m in rx.finditer(text))


def _credits(rx: re.Pattern[str], tail: str, parties: set[str] | None = None, outlets=()) -> bool:
    """A closing segment credits the sentence when its first words are the credit ("stated a report",
    "Bloomberg reported", "the person said"), not a clause of its own that mentions a report nor a
    party's own report ("..., it reported quarterly net profit of ...")."""
    m = rx.search(tail, 0, 80)
    return (bool(m) and m.start() <= len(re.match(r"(?:\S+\s+){0,3}", tail).group(0))
            and not _own_report(tail, m.start(), parties, outlets))


#: the modals that a party's statement makes its commitment ("X said it would invest $4bn", "plans to")
#: ("X argued that Y should complete the deal at $54.20" is X's position; "should not" is no commitment)
_COMMITMENT = re.compile(r"(?i)would|will|should|plans? to|planning to|aims? to|aiming|seeks? to|seeking|hopes? to")
#: "X said that the deal would preserve 51% ownership": the modal's subject is the deal, not the speaker,
#: so it tells a prediction, not the speaker's commitment
_DEAL_SUBJECT = re.compile(r"(?i)\bthe (?:[a-z-]+ ){0,2}(?:deal|merger|transaction|acquisition|takeover|"
                           r"combination|purchase|tie-up)\s+$")


def _party_statement_before(sentence: str, at: int | None, lex: Lexicons, outlets, parties) -> bool:
    """A party's statement before ``at`` ("X said it would invest $4bn"; anywhere when ``at`` is None)."""
    return any(row.get("scope") == "statement" and _party_act(sentence, row["regex"], outlets, parties, at)
               for row in lex.stances)


def _framed_by_party(before: str, outlets, parties) -> bool:
    """A party's statement verb followed by a colon, a quote or "that" before the figure."""
    return any(_FRAME_AFTER.match(before, m.end()) and _party_act(before, _FRAME_VERB, outlets, parties, m.end())
               for m in _FRAME_VERB.finditer(before))


#: "Since acquiring Arm for $32 billion in 2016, SoftBank has ...": a leading gerund of a party's act,
#: whose subject is the main clause's
_LEADING_GERUND = re.compile(r"^\W*(?:After|Since|Before|Upon|On|When|While|By)\s+(?:[a-z]+ly\s+)?"
                             r"(?:acquiring|buying|purchasing|paying|investing|selling|agreeing|offering|"
                             r"announcing|completing|closing|signing|taking|raising)\b[^,;:]*,\s*")


_LEADING_NAME = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*")


def _leading_gerund_act(sentence: str, start: int, parties: set[str] | None, outlets) -> bool:
    """The figure lies in a leading gerund clause of an act, and the main clause's subject is a party."""
    lead = _LEADING_GERUND.match(sentence)
    if not lead or lead.end() <= start:
        return False
    if _PARTY_NOUN.match(sentence, lead.end()):
        return True
    name = _LEADING_NAME.match(sentence, lead.end())
    if not name:
        return False
    words = [re.sub(r"['’]s$", "", w.rstrip(".,’'")) for w in name.group(0).split()]
    if not words or re.search(r"['’]s\b", name.group(0)) or any(w in o for w in words for o in outlets):
        return False
    return parties is None or any(w.casefold() in parties for w in words)


def _agent_is_party(after: str, outlets: set[str]) -> bool:
    """The agent of a passive act right after the figure ("... made by Amazon") is a party to it."""
    m = _AGENT_AFTER.match(after)
    if not m:
        return False
    agent = after[m.end():]
    name = _CAPITALISED.match(agent)
    if name:
        return not any(name.group(0).rstrip(".,") in o for o in outlets)
    return bool(_PARTY_NOUN.match(agent))


def classify_stance(sentence: str, lex: Lexicons, paragraph: str = "", span: tuple[int, int] | None = None,
                    outlets: set[str] | frozenset[str] = frozenset(), parties: set[str] | None = None,
                    market: bool = False) -> str:
    """The certainty of a figure, by the convention in ``examples/CERTAINTY.md``: reported (credited to
    an outlet or sources) before rumoured (talks, negation, or a modal governing the figure's clause)
    before confirmed (a party's act or statement) before asserted (the source's own voice).
    """
    start, end = span if span else (0, len(sentence))
    lo, hi, modal_at = _clause(sentence, start, end) if span else (0, len(sentence), 0)
    modal_lead = sentence[modal_at:end]
    than = re.compile(r"\bthan\b").search(sentence, end, hi)
    masked = _mask_time_clauses(sentence, start, end) if span else sentence
    masked_clause = masked[lo:hi]
    # "$9bn more than it agreed to pay", "a 142% premium to the price before the company announced a
    # review": a comparison's or a time clause's act after the figure is not the figure's
    later = _mask_time_clauses(sentence, start, end, _LATER_CLAUSE) if span else sentence
    acts = later[lo:than.start()] if than else later[lo:hi]
    tail = _ATTRIBUTION_TAIL.search(sentence)
    credit = _SENTENCE_TAIL.search(masked)
    opening = sentence[:sentence.find(",")] if 0 <= sentence.find(",") < start else ""
    poss = _POSSESSIVE_NP.search(sentence[:start]) if span else None
    by_outlet = _outlet_credit(frozenset(outlets), tuple(r["pattern"] for r in lex.outlets if r.get("pattern")))
    if span and _TICKER_BEFORE.search(sentence, max(0, start - 30), start) and _TICKER_AFTER.match(sentence, end):
        return "asserted"  # "Nvidia (NVDA 6.18%) stunned ...": a stock quote beside the name, no act's figure
    if span and _REPORT_ANTECEDENT.search(sentence, max(0, start - 160), start):
        return "reported"  # "since that first report, which valued a deal at more than $32 billion"
    if by_outlet and (by_outlet.search(masked_clause) or (credit and _credits(by_outlet, credit.group(1)))
                      or (opening and _credits(by_outlet, opening))):
        return "reported"
    # "Meta's $14.3B Investment ... Meta committing": a possessor's deal is named, acts told after it
    # are not the figure's (a statement after it still is: "... faces scrutiny from regulators who said")
    deeds = sentence[lo:end] if poss else acts
    for stance in ("reported", "confirmed") if market else ("reported", "rumoured", "confirmed"):
        if stance == "confirmed" and any(_own_report(acts, m.start(), parties, outlets)
                                         for m in _REPORT_VERB.finditer(acts)):
            return stance  # "the company reported revenue of $675 million"
        if stance == "rumoured" and span and (cond := _LEADING_CONDITION.match(sentence)) and cond.end() <= start:
            return stance
        for row in lex.stances:
            if row["stance"] != stance:
                continue
            scope = row.get("scope") or "sentence"
            if scope == "sentence" and row["regex"].search(
                    masked[:hi] if stance == "rumoured" else masked if stance == "reported" else sentence):
                return stance  # talks in a clause after the figure's are about something else
            if scope == "clause_full" and ((_press_credit(row["regex"], masked_clause, parties, outlets)
                                            if stance == "reported" else row["regex"].search(masked_clause))
                                           or (stance == "reported" and credit
                                               and _credits(row["regex"], credit.group(1), parties, outlets))
                                           or (stance == "reported" and opening
                                               and _credits(row["regex"], opening))):
                return stance
            if scope == "clause":
                for m in row["regex"].finditer(modal_lead):
                    if poss and modal_at + m.start() < poss.start():
                        continue  # the modal governs another verb, not the possessor's deal
                    if _in_closed_relative(sentence, modal_at + m.start(), start):
                        continue  # "customers who fear the potential impact, with 56 percent ..."
                    if not (_COMMITMENT.fullmatch(m.group(0))
                            and not _DEAL_SUBJECT.search(_window(modal_lead, m.start(), 60))
                            and (_party_statement_before(sentence, modal_at + m.start(), lex, outlets, parties)
                                 or (tail and tail.start() > end
                                     and _party_statement_before(tail.group(0), None, lex, outlets, parties)))):
                        return stance  # "X said it would invest $4bn" is X's commitment, not a rumour
                    # (so is "X plans to buy Y for $24.6bn, the companies said")
                    # (a possibility a party states is still one: "X says a switch could generate $1.2bn")
            if scope == "act" and (_party_act(deeds, row["regex"], set(outlets), parties)
                                   or _leading_gerund_act(sentence, start, parties, outlets)
                                   or _agent_is_party(sentence[end:], set(outlets))
                                   or (_GERUND_AFTER.search(sentence[:lo]) and _party_act(
                                       sentence[:hi], row["regex"], set(outlets), parties, begin=lo))):
                return stance
            if scope == "statement" and (_party_act(acts, row["regex"], set(outlets), parties)
                                         or (tail and _party_act(tail.group(0), row["regex"], set(outlets),
                                                                 parties))
                                         or (span and _framed_by_party(sentence[:start], outlets, parties))):
                return stance
            if scope == "paragraph" and paragraph and row["regex"].search(paragraph):
                return stance
    return "asserted"
