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
and are read by no scope. Who the subject of a verb is (a party, a market, an outlet) is read by
:mod:`analysis.stance_subjects` (a party's officers by :mod:`analysis.stance_officers`); what the words
right around a figure make of it (a projection, a mere mention of the deal, a baseline of a comparison) by
:mod:`analysis.stance_figures`; where the figure's clause starts and ends by :mod:`analysis.stance_clauses`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .stance_clauses import (
    _COMPARED_AFTER,
    _COMPARED_BEFORE,
    _GERUND_AFTER,
    _LATER_CLAUSE,
    ON_HEARSAY,
    _clause,
    _in_closed_relative,
    _mask_time_clauses,
    compared_in_relative,
    predicate_end,
    purpose_before,
)
from .stance_figures import (
    _ABOVE_DEAL,
    _AMID_BEFORE,
    _AS_BIG_AS,
    _AUXILIARY,
    _BASELINE_HEDGES,
    _CLOSE_AHEAD_BEFORE,
    _CLOSING_PRICE_BEFORE,
    _DEAL_NP_AFTER,
    _DEAL_NP_BEFORE,
    _DEBT_AFTER,
    _FORECAST_CHANGED_BY,
    _MARKET_SIZE_AFTER,
    _MARKET_SIZE_BEFORE,
    _MARKET_VALUE_AFTER,
    _MOVE_MODAL,
    _PRICE_BASIS_AFTER,
    _SIZED_SUBJECT_AFTER,
    _SIZED_SUBJECT_BEFORE,
    _SURPASSED,
    _WORTH_BEFORE,
    _WOULD_ASSUME,
    forecast_figure,
    foreign_possessor,
    future_takings,
    hedged_figure,
    hypothetical_gerund,
    in_beaten_forecast,
    market_move,
    named_forecast,
    planned_cut,
    present_fact,
    projected_savings,
    remaining_stake,
    rival_bid,
)
from .stance_officers import with_officers
from .stance_subjects import (
    REPORT_VERB,
    agent_is_party,
    credited_to_party,
    framed_by_party,
    leading_gerund_act,
    own_report,
    party_act,
    regulator_nod,
    window,
)

if TYPE_CHECKING:
    from .claims import Lexicons


#: "If the deal is finalized, ..., while Discover shareholders will own the remaining 40%": a leading
#: condition governs every clause of its sentence
_LEADING_CONDITION = re.compile(r"^\W*(?:If|Unless|Should|Assuming|Provided)\b[^,;:]*,")
#: "..., which made more than $33 billion last year", "— a business that accounts for most of the $350
#: billion", "..., based on X's closing price of $158.72": a relative clause, an appositive after a dash or
#: the basis of a reckoning ("..., given Y's market value of $28 billion") describes what is, the leading
#: condition does not reach into it
#: "As per the deal, ...", "Under the terms of the merger agreement, ...": the sentence tells the agreement's
#: terms, the parties' text (up to a comparison drawn from them); its "would" is the agreement's, no rumour
#: (so does "As part of the merger agreement, each share was converted into ...")
#: (and a divestiture plan the parties agreed: "Under the initial divestiture plan, Y had planned to purchase ...")
_AGREEMENT_TERMS = re.compile(r"(?i)\b(?:as per|under|in accordance with|according to|as part of) (?:the )?"
                              r"(?:terms of )?"
                              r"(?:the |their |its )?(?:merger |(?:initial |revised |new |amended )?divestiture )?"
                              r"(?:deal|agreement|contract|plan)\b")
#: "Announced in September, the acquisition would see X buy Y for $40bn": the announced deal's terms, likewise
_ANNOUNCED_DEAL = re.compile(r"^\W*Announced\s+(?:in|on|last|this|earlier)\b[^,;:]*,\s+the\s+(?:[a-z-]+\s+)?"
                            r"(?:deal|acquisition|merger|takeover|transaction|agreement|purchase)\b")
#: "..., representing a 26% premium to the closing price": a comparison the writer draws from the terms
_COMPARISON = re.compile(r",\s+(?:representing|implying|reflecting|equal to|equivalent to)\b")
#: "..., X has offered $83.50 for shares in Y – a premium that caused shares to rocket from around $57": a
#: dash or a semicolon opens the writer's own remark on the terms, the terms end there
#: (not a semicolon before 'and' / 'or', which goes on with the list of terms: '... shares of X; and $22.48 in cash')
#: "The deal values X at $27.8bn and implies an enterprise value of roughly $28.3bn": a coordinated verb of
#: comparison opens the writer's reckoning from the terms; an act before it does not govern its object
_COORDINATED_COMPARISON = re.compile(r"\s+and\s+(?:also\s+|thus\s+|so\s+)?(?:impl(?:ies|ied)|"
                                     r"represent(?:s|ed)|reflect(?:s|ed)|equat(?:es|ed) to|amount(?:s|ed) to|"
                                     r"translat(?:es|ed) (?:in)?to)\b")
_AFTER_TERMS = re.compile(r"\s[—–]\s|;(?!\s*(?:and|or)\b)")
_DEAL_ANTECEDENT = re.compile(r"(?i)\b(?:deal|merger|acquisition|transaction|takeover|purchase|offer|bid|"
                              r"agreement|investment|stake|sale|report|filing|statement|release|results)\s*$")
_OUT_OF_CONDITION = re.compile(r",\s+(?:which|who|whose)\b|\s[—–]\s|,\s+(?:based on|given)\b")

#: "$30 billion, that's how much X would have left to acquire Y": a figure fronted before the clause that says
#: what it is; a modal in that clause governs it as one before the figure would
#: ", but ...", ", yet ...": a contrasting clause in the writer's voice
_CONTRAST = re.compile(r"[,;]\s+(?:but|yet)\b")
_FRONTED = re.compile(r",\s+(?:that|this)(?:['’]s|\s+is|\s+was)\s+(?:how much|what|the (?:amount|sum|price))\b")





#: "..., the two companies said on Monday." / "..., Adobe said in a statement.": a statement covering
#: the whole sentence (not a relative clause: "..., which was the day before Musk disclosed his stake").
#: (a place may hold a comma: "..., the Austin, Texas-based company said Monday.")
_ATTRIBUTION_TAIL = re.compile(r"[,—–]\s*(?!\s|(?:which|who|whom|whose|that)\b)"
                               r"(?:[^,—–]|,(?=\s+[A-Z][\w.]*-based\b)){0,60}?"
                               r"\b(?:said|says|announced|confirmed|stated|disclosed)\b[^,—–]{0,40}$")
#: "..., stated a report." / "..., claimed reports quoting filings": a credit covering the whole sentence
#: (so does an opening "According to The Information, ...")
_SENTENCE_TAIL = re.compile(r",\s*(?!reportedly|and\b|but\b|while\b|or\b)([^,—–]{0,120})$")
#: "shares rose 5% after the WSJ report, which cited people familiar with the matter": a closing relative
#: clause describing a report tells whom that report credits, not the figure
_REPORT_DESCRIBED = re.compile(r"(?i)\b(?:report|story|article)s?\s*$")
_RELATIVE_START = re.compile(r"(?:which|that)\b")
#: "Elon Musk's planned $44 billion takeover": a possessor's deal named by its price (a modal before
#: it governs another verb: "regulators could object to Elon Musk's planned $44 billion takeover"); a ticker
#: may stand after the possessor: "X's ( XYZ ) proposed $53 billion purchase"
_POSSESSIVE_NP = re.compile(r"\b[A-Z][\w.&-]*['’]s\s+(?:\(\s*[A-Z.:\s]{1,15}\)\s+)?(?:[a-z-]+\s+){0,2}$")
#: ... so does a pronoun's: "the path toward becoming a new company included the close of its $28 billion
#: acquisition" (the deal named by its price, a modal before it governs another verb)
_PRONOUN_NP = re.compile(r"\b(?:its|their|his|her)\s+(?:[a-z-]+\s+){0,2}$")
#: ... and so does the deal named by "the" and its price: "can't fix the $13.8 billion merger's illegalities",
#: "regulators may object to the $5 billion deal" (examples/CERTAINTY.md: "the $44 billion acquisition" is asserted)
_DEFINITE_NP = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}$")


#: "(NVDA 6.18%)", "(NASDAQ: NVDA -1.2%)": a ticker's price move in parentheses
_TICKER_BEFORE = re.compile(r"\(\s*(?:[A-Z]{2,8}\s*:\s*)?[A-Z][A-Z.]{0,6}\s+[-+−]?$")
_TICKER_AFTER = re.compile(r"\s*\)")
#: "that first report, which valued a deal at more than $32 billion": a figure told by a report (not a
#: party's annual or quarterly report) in a relative clause of its own
_REPORT_ANTECEDENT = re.compile(r"(?i)\b(?<!annual )(?<!quarterly )(?<!earnings )(?<!financial )(?<!results )"
                                r"(?:report|story|article)s?,?\s+(?:which|that)\s+[^,;:()]*$")




@lru_cache(maxsize=16)
def _outlet_credit(outlets: frozenset[str], aliases: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """A credit to one of the known outlets (``outlets.csv`` and the manifest) by name or by one of its
    ``outlets.csv`` patterns ("the WSJ" for The Wall Street Journal): "according to Semafor", "told the
    Guardian", "Politico reported", "the WSJ said", "- from Reuters (01/16/24) -", "according to a memo seen by
    Reuters" (a party's document that an outlet saw is told on the outlet's word), "The Journal understands that",
    "Reuters has learned", "..., Reuters calculations show" (the outlet's own reckoning)."""
    names = "|".join([*sorted({re.escape(re.sub(r"^[Tt]he\s+", "", o.strip())) for o in outlets if o.strip()},
                              key=len, reverse=True), *(f"(?:{a})" for a in aliases)])
    if not names:
        return None
    return re.compile(rf"\b(?:[Aa]ccording to|told|[Pp]er|[Ff]rom|cited by|reported by|quoted by|citing|compiled by|"
                      rf"calculated by|gathered by|seen by|obtained by|viewed by|reviewed by)\s+(?:[Tt]he\s+)?"
                      rf"(?:{names})\b|\b(?:says|said|reports|reported)\s+(?:[Tt]he\s+)?(?:{names})\W*$|"
                      rf"\b(?:{names})\s+(?:first\s+)?(?:reported|reports|said|says|wrote|writes|"
                      rf"added|noted|understands|understood|(?:has\s+)?(?:learned|learnt)|calculations|tally|analysis)\b")


@lru_cache(maxsize=16)
def _outlet_suffix(outlets: frozenset[str], aliases: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """A headline credited at its end by a dash and an outlet's name ("X in talks to buy Y - WSJ"), as
    headlines relayed from another outlet are (like "...: sources")."""
    names = "|".join([*sorted({re.escape(re.sub(r"^[Tt]he\s+", "", o.strip())) for o in outlets if o.strip()},
                              key=len, reverse=True), *(f"(?:{a})" for a in aliases)])
    return re.compile(rf"(?:\s[-–—]|[-–—]\s)\s*(?:[Tt]he\s+)?(?:{names})\s*$") if names else None


def _verb_at(text: str, m: re.Match[str]) -> int:
    """Where the report verb of a credit stands ("Acme reports.": the credit starts at its subject)."""
    verb = REPORT_VERB.search(text, m.start(), m.end())
    return verb.start() if verb else m.start()


def _press_credit(rx: re.Pattern[str], text: str, parties: set[str] | None, outlets) -> bool:
    """A credit to the press in ``text``, not a party's own report of its results."""
    return any(not own_report(text, _verb_at(text, m), parties, outlets) for m in rx.finditer(text))


def _credits(rx: re.Pattern[str], tail: str, parties: set[str] | None = None, outlets=()) -> bool:
    """A closing segment credits the sentence when its first words are the credit ("stated a report",
    "Bloomberg reported", "the person said"), not a clause of its own that mentions a report nor a
    party's own report ("..., it reported quarterly net profit of ...")."""
    m = rx.search(tail, 0, 80)
    return (bool(m) and m.start() <= len(re.match(r"(?:\S+\s+){0,3}", tail).group(0))
            and not own_report(tail, _verb_at(tail, m), parties, outlets))


#: "..., according to a regulatory filing as quoted by Reuters": a closing credit to a party's document that
#: an outlet passes on is the outlet's word (see ``examples/CERTAINTY.md``: "Adobe said, Reuters reported")
_THROUGH = re.compile(r"\bas\s+(?=(?:quoted|reported|cited|seen)\s+by\s)")


def _credited_through(rx: re.Pattern[str], tail: str) -> bool:
    """A closing credit ends with an outlet that passes a document on ("... as quoted by Reuters")."""
    return any(rx.match(tail, m.end()) for m in _THROUGH.finditer(tail))


#: the modals that a party's statement makes its commitment ("X said it would invest $4bn", "plans to")
#: ("X argued that Y should complete the deal at $54.20" is X's position; "should not" is no commitment)
_COMMITMENT = re.compile(r"(?i)would|will|should|plans? to|planning to|intends? to|intending to|aims? to|aiming|"
                         r"seeks? to|seeking|hopes? to")
#: "X said that the deal would preserve 51% ownership": the modal's subject is the deal, not the speaker,
#: so it tells a prediction, not the speaker's commitment
_DEAL_SUBJECT = re.compile(r"(?i)\b(?:the|an?) (?:[\w$€£.,-]+ ){0,3}?(?:deal|merger|transaction|acquisition|takeover|"
                           r"combination|purchase|tie-up)(?:,?\s+(?:that|which))?\s+$")


def _party_statement_before(sentence: str, at: int | None, lex: Lexicons, outlets, parties) -> bool:
    """A party's statement before ``at`` ("X said it would invest $4bn"; anywhere when ``at`` is None)."""
    return any(row.get("scope") == "statement" and party_act(sentence, row["regex"], outlets, parties, at)
               for row in lex.stances)


#: "according to a press release statement based on a Form 8-K filing": a writer citing the party's document
#: (its words are the writer's, the paragraph is no release or filing itself)
_CITED_DOCUMENT = re.compile(r"(?i)\b(?:according to|based on|citing|cited|in|per|from)\s+(?:an?|the|its|their)\s+"
                             r"(?:[\w-]+\s+){0,3}$")


def _own_document(rx: re.Pattern[str], paragraph: str) -> bool:
    """The paragraph bears a cue of a party's own release or filing that no writer cites ("Acme today
    announced", "/PRNewswire/"), not "..., according to a statement based on a Form 8-K filing"."""
    return any(not _CITED_DOCUMENT.search(paragraph, max(0, m.start() - 60), m.start())
               for m in rx.finditer(paragraph))


#: "... reported that Acme In. (ACME) is in advanced talks ...": a sentence that opens with a ticker in
#: parentheses or a lowercase word after a capitalised word's full stop was split off the sentence before it
#: at an abbreviation (or a misspelt one); its credit, its talks or its act may stand in the words before
_CONTINUED = re.compile(r"\s*(?:\(\s*(?:[A-Z]{2,8}\s*:\s*)?[A-Z][A-Z.]{0,6}\s*\)|[a-z])")
_ABBREVIATION_END = re.compile(r"\b[A-Z][\w&'’-]{0,4}\.\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z])")


def _split_off(sentence: str, paragraph: str) -> str:
    """The words of the sentence that ``sentence`` was split off at an abbreviation ("" if none)."""
    at = paragraph.find(sentence) if paragraph and _CONTINUED.match(sentence) else -1
    abbreviation = _ABBREVIATION_END.search(paragraph, 0, at) if at > 0 else None
    if not abbreviation:
        return ""
    begin = max((m.end() for m in _SENTENCE_BREAK.finditer(paragraph, 0, abbreviation.start() + 1)), default=0)
    return paragraph[begin:at]


#: "X Flying High with Y; Proposed to Buy for $3.6B", "X bought Y last year, and agreed to pay $1 billion more": a
#: clause that opens with its verb has the subject of the clause before it
_ELIDED_SUBJECT = re.compile(r"\s*(?:(?:also|then|later|now|since|instead|has|have|had)\s+)?")
#: "The deal represents a 26.6% premium ..., and values the firm at $34.97 billion": a deal that values its target is
#: no party acting (as in "The deal values X at ...")
_DEAL_OPENS = re.compile(r"(?i)\W*(?:the|this|that|its|their)\s+(?:[\w$€£.,-]+\s+){0,3}?(?:deal|transaction|agreement|"
                         r"merger|offer|acquisition|takeover|purchase|bid)\b")


def _elided_act(text: str, lo: int, rx: re.Pattern[str], outlets, parties, begin: int) -> bool:
    """The clause starting at ``lo`` in ``text`` opens with a verb of ``rx`` whose subject, elided, is a party
    before it (the verbs read from ``begin`` on)."""
    verb = _ELIDED_SUBJECT.match(text, lo).end()
    if text.startswith("values", verb) and _DEAL_OPENS.match(text):
        return False
    return bool(lo and rx.match(text, verb) and party_act(text, rx, set(outlets), parties, begin=begin))


def classify_stance(sentence: str, lex: Lexicons, paragraph: str = "", span: tuple[int, int] | None = None,
                    outlets: set[str] | frozenset[str] = frozenset(), parties: set[str] | None = None,
                    market: bool = False) -> str:
    """The certainty of a figure, by the convention in ``examples/CERTAINTY.md``: reported (credited to
    an outlet or sources) before rumoured (talks, negation, or a modal governing the figure's clause)
    before confirmed (a party's act or statement) before asserted (the source's own voice).
    """
    if span and (before := _split_off(sentence, paragraph)):
        # "Acme In. (ACME) is in talks": the sentence is read whole, from the words split off before it
        return classify_stance(before + sentence, lex, paragraph, (span[0] + len(before), span[1] + len(before)),
                               outlets, parties, market)
    parties = with_officers(paragraph, parties)  # "Tim Vance, Northwind's chairman, ... Vance said": the party's
    start, end = span if span else (0, len(sentence))
    lo, hi, modal_at = _clause(sentence, start, end) if span else (0, len(sentence), 0)
    modal_lead = sentence[modal_at:end]
    if span and not sentence[:start].strip(" \"“‘'") and _FRONTED.match(sentence, end):
        modal_lead = sentence[modal_at:hi]  # "$30 billion, that's how much X would have left to buy Y"
    than = _COMPARED_AFTER.search(sentence, end, hi)
    masked = _mask_time_clauses(sentence, start, end) if span else sentence
    masked_clause = masked[lo:hi]
    # "... after Bloomberg reported that X was reviewing its options, which sent its shares soaring 18%": a share
    # move in a relative clause is what the market did after the report, the report's credit stays outside it
    report_clause = masked[modal_at:hi] if span and market and modal_at > lo else masked_clause
    # "$9bn more than it agreed to pay", "a 142% premium to the price before the company announced a
    # review": a comparison's or a time clause's act after the figure is not the figure's
    later = _mask_time_clauses(_mask_time_clauses(sentence, start, end, _LATER_CLAUSE), start, end, ON_HEARSAY) \
        if span else sentence
    acts = later[lo:than.start()] if than else later[lo:predicate_end(sentence, end, hi) if span else hi]
    tail = _ATTRIBUTION_TAIL.search(sentence)
    credit = _SENTENCE_TAIL.search(masked)
    if credit and _RELATIVE_START.match(credit.group(1)) and _REPORT_DESCRIBED.search(sentence, 0, credit.start()):
        credit = None  # "..., after the report, which cited people familiar with the matter"
    opening = sentence[:sentence.find(",")] if 0 <= sentence.find(",") < start else ""
    poss = (_POSSESSIVE_NP.search(sentence[:start]) or (_PRONOUN_NP.search(sentence[:start])
                                                         and _DEAL_NP_AFTER.match(sentence, end))) if span else None
    named = poss or (_DEFINITE_NP.search(sentence[:start]) if span and _DEAL_NP_AFTER.match(sentence, end)
                     else None)
    by_outlet = _outlet_credit(frozenset(outlets), tuple(r["pattern"] for r in lex.outlets if r.get("pattern")))
    if span and _TICKER_BEFORE.search(sentence, max(0, start - 30), start) and _TICKER_AFTER.match(sentence, end):
        return "asserted"  # "Nvidia (NVDA 6.18%) stunned ...": a stock quote beside the name, no act's figure
    suffix = _outlet_suffix(frozenset(outlets), tuple(r["pattern"] for r in lex.outlets if r.get("pattern")))
    if suffix and not sentence.rstrip().endswith((".", "!", "?")) and suffix.search(sentence):
        return "reported"  # "X in talks to buy Y for more than $30 bln - WSJ": a headline credited to an outlet
    if span and _REPORT_ANTECEDENT.search(sentence, max(0, start - 160), start):
        return "reported"  # "since that first report, which valued a deal at more than $32 billion"
    if by_outlet and (by_outlet.search(report_clause) or (credit and _credits(by_outlet, credit.group(1)))
                      or (credit and _credited_through(by_outlet, credit.group(1)))
                      or (opening and _credits(by_outlet, opening))):
        return "reported"
    # "Meta's $14.3B Investment ... Meta committing": a possessor's deal is named, acts told after it
    # are not the figure's (a statement after it still is: "... faces scrutiny from regulators who said")
    deeds = sentence[lo:hi] if poss else acts  # (its verbs end by the figure, their objects may read on)
    deeds_end = end - lo if poss else None
    terms = _AGREEMENT_TERMS.search(sentence) or _ANNOUNCED_DEAL.match(sentence)
    # "Google, which has been investing in its cloud business, which made $33 billion": a figure in a
    # relative clause is told by that clause's verbs, an act before it is about its antecedent (unless the
    # antecedent is the deal or the document the act is on: "have terminated their merger deal, which is
    # valued at $20 billion", "filed its annual report, which showed")
    act_from = modal_at - lo if (span and not poss and modal_at > lo
                                 and not _DEAL_ANTECEDENT.search(sentence, 0, modal_at - 1)) else 0
    if span and (coordinated := [m for m in _COORDINATED_COMPARISON.finditer(sentence, lo, start)]):
        act_from = max(act_from, coordinated[-1].end() - lo)  # "... and implies a value of $28.3bn"
    compared = (_COMPARED_BEFORE.search(sentence, max(lo, start - 60), start)
                or rival_bid(sentence, start, end)) if span else None  # "outbidding Beta's $65bn bid"
    if compared:
        act_from = max(act_from, compared.end() - lo)  # "... for $40 per share, less than its then $63 price"
    # "X said it will pay $33.50 a share in a $3.8 billion deal, which was higher than Z's $2.6 billion offer": a
    # comparison in a relative clause is the writer's remark on what was said (unless a closing "..., X said")
    remark = bool(span and compared and compared_in_relative(sentence, lo, start) and not (tail and tail.start() > end))
    if poss and (goal := purpose_before(sentence, lo, poss.start())):
        act_from = max(act_from, goal - lo)  # "in an attempt to swing investors away from Y's $6.6bn merger"
    if poss and foreign_possessor(poss.group(0), sentence, end, parties):
        act_from = max(act_from, poss.start() - lo)  # "giving Acme a portion of Avatar's $2.2bn in earnings"
    baseline = (_SURPASSED.search(sentence, max(0, start - 60), start)
                or _ABOVE_DEAL.search(sentence, max(0, start - 140), start)
                or _AS_BIG_AS.search(sentence, max(0, start - 80), start)
                or (compared if compared and _MARKET_VALUE_AFTER.match(sentence, end) else None)) if span else None
    mention = bool(span and ((_DEAL_NP_BEFORE.search(sentence, max(0, start - 60), start)
                              and _DEAL_NP_AFTER.match(sentence, end))
                             or _AMID_BEFORE.search(sentence, max(0, start - 100), start)
                             or (_CLOSE_AHEAD_BEFORE.search(sentence, max(0, start - 80), start)
                                 and _DEAL_NP_AFTER.match(sentence, end)
                                 and not _party_statement_before(sentence, start, lex, set(outlets), parties))
                             or (_CLOSING_PRICE_BEFORE.search(sentence, max(0, start - 40), start)
                                 and not _party_statement_before(sentence, start, lex, set(outlets), parties))
                             or (_WORTH_BEFORE.search(sentence, max(0, start - 30), start)
                                 and _PRICE_BASIS_AFTER.match(sentence, end))
                             or (_SIZED_SUBJECT_BEFORE.match(sentence[:start])
                                 and _SIZED_SUBJECT_AFTER.match(sentence, end))))
    # "X has announced that it is buying Y, but ... the birth of a $35 billion company will have repercussions": a
    # statement's frame ends where a contrasting clause opens in the writer's voice
    frame_from = max((m.end() for m in _CONTRAST.finditer(sentence, 0, start)), default=0) if span else 0
    held = bool(span and remaining_stake(sentence, start, end))  # "the 61% of Y it does not already own"
    moved = bool(span and market_move(sentence, lo, start, end))  # "TSEM closed at $33.13": the market's figure
    market_size = bool(span and _MARKET_SIZE_BEFORE.search(sentence, max(0, start - 30), start)
                       and _MARKET_SIZE_AFTER.match(sentence, end))
    for stance in ("reported", "confirmed") if market else ("reported", "rumoured") if mention \
            else ("reported", "rumoured", "confirmed"):
        if stance == "confirmed" and remark:
            break
        if stance == "confirmed" and market and any(not _in_closed_relative(sentence, modal_at + m.start(), start)
                                                    for m in _MOVE_MODAL.finditer(modal_lead)):
            return "rumoured"  # "could be like ..., boosting the stock by as much as 27%": a hypothetical move
        if stance == "confirmed" and any(own_report(acts, m.start(), parties, outlets)
                                         for m in REPORT_VERB.finditer(acts)):
            return stance  # "the company reported revenue of $675 million"
        if stance == "confirmed" and terms and not _COMPARISON.search(sentence, terms.end(), start) \
                and not _AFTER_TERMS.search(sentence, terms.end(), start):
            return stance  # "Under the terms of the agreement, X will pay ...": the parties' text
        if stance == "rumoured" and span and projected_savings(sentence, start, end):
            return stance  # "result in up to $450 million in annual cost savings"
        if stance == "rumoured" and span and not mention and planned_cut(modal_lead, sentence):
            return stance  # "X said it would slice 7% of its workforce"
        if stance == "rumoured" and span and (forecast_figure(sentence, start, end) or named_forecast(sentence, start)
                                              or hypothetical_gerund(sentence, start, end)
                                              or hedged_figure(sentence, start, end)
                                              or future_takings(modal_lead, sentence, start, end)):
            return stance  # "missing the $3.80 a share analysts had forecast"
        if stance == "rumoured" and span and (cond := _LEADING_CONDITION.match(sentence)) and cond.end() <= start \
                and not _OUT_OF_CONDITION.search(sentence, cond.end(), start) and not baseline:
            return stance
        for row in lex.stances:
            if row["stance"] != stance:
                continue
            scope = row.get("scope") or "sentence"
            if moved and scope == "act":
                continue  # "Shares of X, which specializes in making chips, soared 53%": no party's act moved them
            if scope == "sentence" and not (stance == "rumoured" and span and present_fact(sentence, start)) \
                    and row["regex"].search(masked[:hi] if stance == "rumoured" else masked):
                return stance  # talks in a clause after the figure's are about something else
                # ("shares fell 2% after the companies announced the deal": nor is a statement in a time clause)
            if scope == "clause_full" and ((_press_credit(row["regex"], report_clause, parties, outlets)
                                            if stance == "reported" else row["regex"].search(masked_clause))
                                           or (stance == "reported" and credit
                                               and _credits(row["regex"], credit.group(1), parties, outlets))
                                           or (stance == "reported" and opening
                                               and _credits(row["regex"], opening))):
                return stance
            if scope == "clause":
                for m in row["regex"].finditer(modal_lead):
                    if named and modal_at + m.start() < named.start():
                        continue  # the modal governs another verb, not the possessor's deal
                    if (changed := _FORECAST_CHANGED_BY.search(sentence, max(0, start - 80), start)) \
                            and modal_at + m.start() >= changed.start():
                        continue  # "slashed its revenue forecast by 13%": the change made, not a forecast
                    if in_beaten_forecast(sentence, modal_at + m.start(), start):
                        continue  # "beat its guidance for the quarter, with revenue of $234 million": a result
                    if _WOULD_ASSUME.match(modal_lead, m.start()) and _DEBT_AFTER.match(sentence, end):
                        continue  # "Acme would also assume $4.7 billion of Beta's debt": the deal's terms
                    if terms and m.group(0).lower() in ("would", "will", "set to"):
                        continue  # "As per the deal, $21.5bn would be paid in stock": the agreement's terms
                    if baseline and modal_at + m.end() <= baseline.start() \
                            and (m.group(0).lower() in _BASELINE_HEDGES
                                 or ((cond := _LEADING_CONDITION.match(sentence))
                                     and cond.end() <= baseline.start())):
                        continue  # "it would surpass the $12.5 billion deal it made in 2012": the baseline is
                    if market_size and m.group(0).lower() in _AUXILIARY:
                        continue  # "it may give X a tight grip on the $200 billion games market": the grip may
                    if _in_closed_relative(sentence, modal_at + m.start(), start):
                        continue  # "customers who fear the potential impact, with 56 percent ..."
                    if not (_COMMITMENT.fullmatch(m.group(0))
                            and not _DEAL_SUBJECT.search(window(modal_lead, m.start(), 60))
                            and (_party_statement_before(sentence, modal_at + m.start(), lex, outlets, parties)
                                 or (tail and tail.start() > end
                                     and _party_statement_before(tail.group(0), None, lex, outlets, parties)))):
                        # (a hedge of buying "the remaining 61%" of Y: the share not held yet is what is)
                        return "asserted" if held else stance  # "X said it would invest $4bn" is a commitment
                    # (so is "X plans to buy Y for $24.6bn, the companies said")
                    # (a possibility a party states is still one: "X says a switch could generate $1.2bn")
            if scope == "act" and (party_act(deeds, row["regex"], set(outlets), parties, deeds_end, act_from)
                                   or leading_gerund_act(sentence, start, parties, outlets)
                                   or agent_is_party(sentence[end:], set(outlets))
                                   or regulator_nod(sentence[end:hi])
                                   or (_GERUND_AFTER.search(sentence[:lo]) and party_act(
                                       sentence[:hi], row["regex"], set(outlets), parties, begin=lo))
                                   or _elided_act(sentence[:end] if poss else later[:lo + len(acts)], lo,
                                                  row["regex"], outlets, parties, lo + act_from)):
                return stance
            if scope == "statement" and (party_act(acts, row["regex"], set(outlets), parties)
                                         or _elided_act(later[:lo + len(acts)], lo, row["regex"], outlets, parties, lo)
                                         or (tail and party_act(tail.group(0), row["regex"], set(outlets),
                                                                 parties))
                                         or (span and framed_by_party(sentence[frame_from:start], outlets, parties))
                                         or any(credited_to_party(t, parties, outlets) for t in (
                                             masked_clause, opening, credit.group(1) if credit else ""))):
                return stance
            if scope == "paragraph" and paragraph and _own_document(row["regex"], paragraph):
                return stance
    return "asserted"
