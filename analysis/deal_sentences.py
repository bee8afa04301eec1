"""Deal sentences: who buys or invests in whom, in the words of a sentence.

"X agreed to buy Y", "X's investment in Y", "Y rejected X's offer", "its $9.1 billion takeover of
Y in 2017": each pattern names an acquirer, a target and a kind, with the raw offsets of the
sentence part that says so. Names are read as English writes them ("Pringles maker Kellanova",
"UK-based premium chocolatier X", "Mars, Incorporated"); no company is named in code. Grouping the
mentions into transactions and giving each figure its deal is :mod:`analysis.transactions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import CleanSource
from .numbers import parse_amounts
from .parties import (
    _DEMONYM,
    _DEMONYM_NOUN,
    CAMEL_NAME,
    DEMONYM_WARES,
    SENTENCE_OPENERS,
    _is_party,
    clean_name,
    proper_nouns,
    same_party,
)

#: A capitalised word; a company suffix keeps its full stop ("Amazon.com Inc. is investing"), and
#: so does an abbreviation that a name goes on after ("U.S. Steel").
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
           "Dec", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")
_NOT_BEFORE_A_NAME = (*_MONTHS, "the", "The", "its", "Its", "their", "his", "her", "our", "on", "On", "Monday",
                      "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: An ordinal opens a name ("21st Century Fox"), never a date's day ("On January 10th Northwind",
#: "On the 10th Northwind") nor a count ("its 5th Southgate plant").
_ORDINAL = (r"(?=\d{1,3}(?:st|nd|rd|th)[ \t][A-Z])"  # first, so the look-behinds run only at an ordinal
            + "".join(f"(?<!{re.escape(m)} )" for m in _NOT_BEFORE_A_NAME)
            + r"(?<![\w.,])\d{1,3}(?:st|nd|rd|th)(?=[ \t][A-Z])")
_WORD = (r"(?:(?:Inc|Corp|Co|Ltd|Bros)\.(?=[ \t])|(?:[A-Z]\.){2,}(?=[ \t][A-Z])|[A-Z][\w&'’.-]*[\w&]|[A-Z]|AI|"
         # a name in camel case from a small letter or a digit: "iRobot", "eBay", "1Life Healthcare"
         rf"(?<![\w$.,-]){CAMEL_NAME}[\w&'’.-]*[\w&]|"
         rf"{_ORDINAL})")
#: "and" joins a name ("Procter and Gamble"), not a possessor starting the next phrase ("Activision
#: Blizzard and Meta's acquisition of Giphy")
_NAME = (rf"{_WORD}(?:[ \t]+(?:{_WORD}|&|of|de|and(?=[ \t][A-Z])(?![ \t][A-Z][\w&.-]*['’]s\b)))*"
         # a company suffix after a comma is part of the name: "Mars, Incorporated"
         r"(?:,[ \t]+(?:Incorporated|Inc\.|Corporation|Corp\.|LLC|Ltd\.|Limited|plc|PLC)(?![\w-]))?")
#: A few lowercase words: "the collaborative design tool"; never an infinitive ("to hire"), whose
#: object is not the deal's ("deal to acquire decision to hire X's team").
_GAP = r"(?:(?!to[ \t])[a-z][^\s,;:!?]*[ \t]+){0,6}?"
_CAL = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
        r"July|August|September|October|November|December)")
#: Words between a party and its verb: lowercase words, figures and calendar names, never another name.
#: An abbreviation before a lowercase word links too: "X's $38 billion U.S. purchase of Y".
_LINK = rf"(?:(?:[a-z$0-9][^\s;:!?,]*|{_CAL}|(?:[A-Z]\.){{2,}}(?=[ \t][a-z]))[ \t]+)"
#: ... and never across an infinitive: in "X agreed to buy Y in a deal ... to gain a stake in Z",
#: the stake is the buyer's, not Y's.
_LINK_NO_TO = rf"(?:(?!to[ \t])(?:[a-z$0-9][^\s;:!?,]*|{_CAL})[ \t]+)"
# "took over as CEO" is a role, not a takeover
_VERB_BUY = (r"(?:buy|buys|buying|bought|acquire|acquires|acquiring|acquired|purchase|purchases|purchasing|"
             r"purchased|(?:take|takes|took|taking)[ \t]+over(?![ \t]+as\b)|snap[ \t]+up|"
             r"snaps[ \t]+up|snapped[ \t]+up|picks?[ \t]+up|picked[ \t]+up|absorb|absorbs|absorbed)")
_VERB_INVEST = (r"(?:invest|invests|invested|investing|pour|pours|poured|pouring|inject|injects|injected|injecting|"
                r"buy[ \t]+into|buys[ \t]+into|buying[ \t]+into|bought[ \t]+into)")
#: "ordered a review of a proposed purchase of X", "opposed the purchase": the noun, not the verb.
_NOT_A_NOUN = r"(?<! a )(?<! an )(?<! the )(?<!proposed )(?<!planned )(?<!pending )(?<! its )(?<! their )"
_NOUN_BUY = r"(?:acquisition|purchase|takeover|buyout|bid|offer|proposal|deal)"
_NOUN_INVEST = r"(?:investment|stake|bet|injection|backing)"
#: A company's ticker in brackets, with its exchange or not: "(OXY)", "(AMGN.O)", "(NASDAQ: AMGN)",
#: "(Nasdaq: AMGN)", "(NYSE American: X)", "(TSX-V: X)".
_TICKER = r"\((?:[A-Z][A-Za-z]{1,9}(?:[ \t-][A-Z][A-Za-z]{0,9})?:[ \t]?)?[A-Z][A-Z.]{0,11}\)"
#: A possessive, with the owner's ticker after it: "Occidental Petroleum’s (OXY) $38 billion purchase".
_POSS = rf"(?:['’]s)?(?:[ \t]+{_TICKER})?"
#: What was paid for: the company or a part of it ("a division of the security specialist"), never a
#: stake, shares or rights (an investment or a licence, found by their own patterns).
_PART_GAP = r"(?:(?!to[ \t]|stake|shares?[ \t]|rights?[ \t]|licen)[a-z][^\s,;:!?]*[ \t]+){0,6}?"
#: The people an acqui-hire takes: "hired away Inflection's AI team", "whose top employees were hired".
_PEOPLE = (r"(?:employees|staff|staffers|team|teams|founders?|co-?founders?|executives|researchers|engineers|"
           r"talent|workforce|leadership)")
_SPAN = r"(?:[^.;!?]|\.(?=\d))"  # within one clause; a decimal point does not end it
_APPOS = r"(?:,[ \t][^,.;!?]{1,60},)?"  # "Microsoft, along with Nvidia Corp, invested ..."
#: What a regulator or a government gives, not a deal: "China's approval to buy out Y"
_PERMISSION = r"(?:approval|permission|blessing|consent|clearance|nod|go-ahead|green[ \t]+light)\b"
#: A buyer described between commas, right before its verb: "X, a business-software giant,
#: snapped up Y", "X, the chip giant, is in talks to acquire Y" (an article opens the description,
#: so a list of brands, "X, whose brands include A, B and C, is buying", is none; and only an
#: auxiliary or an adverb may follow it: in "Shares of X, the target, rose after investors bought
#: Y", X buys nothing)
_APPOSITIVE = (r",[ \t](?:an?|the)[ \t][^,.;!?]{1,60},[ \t]+(?:(?:has|have|had|is|are|was|were|will|would|"
               r"also|then|now|reportedly|formally|quickly|agreed|announced|said|its|their|intentions?|plans?|in|"
               r"advanced|talks|to)[ \t]+){0,5}")


#: A company's shares first sold to the public: a transaction of its own, with no single buyer.
_IPO = r"(?:IPO|initial[ \t]+public[ \t]+offering|stock[ \t]+market[ \t]+(?:debut|listing))\b"
#: Patterns whose acquirer may be unnamed ("its $4.75 billion Marketo acquisition", "X raised $1bn",
#: "a $10.7 billion acquisition of Y": with its price).
_NO_SUBJECT_NEEDED = {"its_acquisition", "its_acquisition_of", "raised_round", "acquired_by", "sale_of_to",
                      "rejected_offer", "pronoun_buys", "pays_for", "ipo", "ipo_of", "and_for", "an_acquisition_of",
                      "negotiated_purchase_of"}
_DESCRIPTOR_AFTER = re.compile(r"[ \t]+(?:company|firm|startup|start-up|group|giant|maker|platform|site|"
                               r"area|region|office|headquarters|based|business|businesses|provider|"
                               r"vendor|sector|industry|market|operator|producer|driller|manufacturer|"
                               r"supplier|retailer|chain|lender)\b")
#: A name right after a preposition is its object, not the subject of a verb joined by "and" after it.
_OBJECT_BEFORE = re.compile(r"\b(?:in|of|from|into|with|on|at)[ \t]+\Z")
#: ... and a name after a preposition (and "the") is no possessor-less buyer of the deal noun after it.
_OBJECT_OF = re.compile(r"\b(?:in|of|from|into|with|on|at|through|across)[ \t]+(?:the[ \t]+)?\Z")
_UNWRAP = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")
_FOLLOW_ON = re.compile(r"(?i)\b(?:additional|another|further|fresh|extra)\s+(?:[a-z]+\s+)?$")
_NEGATED = re.compile(r"(?i)\b(?:not|never|no longer)\b|n['’]t\b")


def _unopened(text: str, at: int, name: str) -> str:
    """``name`` without the word that opens its sentence when that word is no name's ("Through
    X's stake", "Any deal for X"): only at the sentence's start, so "Given Imaging" stays whole."""
    first, _, rest = name.partition(" ")
    return rest if first in SENTENCE_OPENERS and not text[:at].strip(" \t\"“‘'") else name


@dataclass(frozen=True)
class DealMention:
    """One deal sentence: who, whom, what kind, and where (raw offsets)."""

    source_id: str
    acquirer: str
    target: str
    kind: str
    start: int
    end: int
    quote: str
    rule: str
    #: The money figure inside the deal sentence ("invest up to $4 billion in X"), 0 without one.
    amount: float = 0.0
    #: A figure inside the deal sentence called additional ("an additional $4 billion"), 0 without one.
    follow_on: float = 0.0


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


#: (rule, kind, regex with named groups a = acquirer, t = target); first match per span wins.
DEAL_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    ("stake_in", "investment", _rx(
        # (never "X and stake in Y": a list of assets, not X's stake)
        rf"(?P<a>{_NAME}){_POSS}[ \t]+(?!and[ \t]){_LINK_NO_TO}{{0,8}}?(?:stake|holding)[ \t]+in[ \t]+{_GAP}"
        rf"(?P<t>{_NAME})")),
    ("investment_in", "investment", _rx(
        rf"(?P<a>{_NAME}){_POSS}[ \t]+(?!and[ \t]){_LINK}{{0,4}}?{_NOUN_INVEST}[ \t]+(?:in|into)[ \t]+{_GAP}"
        rf"(?P<t>{_NAME})")),
    ("invests_in", "investment", _rx(
        rf"(?P<a>{_NAME}){_APPOS}[ \t]+{_LINK}{{0,8}}?{_VERB_INVEST}[ \t]+(?:{_SPAN}{{0,60}}?[ \t])?"
        rf"(?:in|into)[ \t]+{_GAP}(?P<t>{_NAME})")),
    ("licence_pay", "licensing", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,6}}?(?:pay|pays|paid|paying)[ \t]+(?P<t>{_NAME})"
        rf"(?={_SPAN}{{0,160}}licen[cs])")),
    ("licence_with", "licensing", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,6}}?licen[cs]\w*[ \t]+(?:deal|agreement|fee|pact)[ \t]+"
        rf"(?:with|from|to)[ \t]+{_GAP}(?P<t>{_NAME})")),
    ("rejected_offer", "acquisition", _rx(
        rf"(?P<t>{_NAME})[ \t]+{_LINK}{{0,4}}?(?:rejected|rejects|rebuffed|rebuffs|spurned|accepted|accepts|"
        rf"turned[ \t]+down)[ \t]+(?:an?[ \t]+|the[ \t]+)?{_LINK}{{0,3}}?(?P<a>{_NAME})['’]s[ \t]+"
        rf"{_LINK}{{0,4}}?(?:offer|bid|proposal|approach)")),
    ("buys_into", "investment", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,8}}?(?:to[ \t]+)?(?:buy|buys|buying|bought)[ \t]+into[ \t]+{_GAP}"
        rf"(?P<t>{_NAME})")),
    ("its_acquisition", "acquisition", _rx(
        rf"\b(?:its|their|his|her)[ \t]+{_LINK}{{0,4}}?(?P<t>{_NAME})[ \t]+(?:acquisition|purchase|takeover|buyout)"
        rf"(?P<a>)")),
    ("acquired_by", "acquisition", _rx(
        # "Y was in advanced talks last year to be acquired by X"; "... by German pharmaceutical
        # giant X" (the buyer after its description)
        # "X, which is being bought by Y" (a relative clause)
        rf"(?P<t>{_NAME})(?:,[ \t]+(?:which|that)[ \t]+(?:[a-z][^\s;:!?,]*[ \t]+){{0,3}}?|"
        rf"[ \t]+(?:[a-z][^\s;:!?,]*[ \t]+){{0,8}}?)(?:was|were|is|been|being|be)[ \t]+"
        rf"(?:acquired|bought|purchased|taken[ \t]+over)[ \t]+by[ \t]+"
        rf"(?:(?:[A-Z][a-z]+[ \t]+)?(?:[a-z][\w-]*[ \t]+){{1,3}}(?=[A-Z]))?(?P<a>{_NAME})")),
    # whose approval it is buys nothing: "secured China's approval to buy out Y"
    ("buys", "acquisition", _rx(
        rf"(?P<a>{_NAME})(?!(?<=['’]s)[ \t]+{_PERMISSION})(?:[ \t]+{_TICKER})?"
        rf"(?:{_APPOSITIVE}|[ \t]+{_LINK}{{0,8}}?)(?:to[ \t]+)?"
        rf"{_NOT_A_NOUN}{_VERB_BUY}[ \t]+(?!by[ \t]|into[ \t]|from[ \t]){_GAP}"
        rf"(?P<t>{_NAME})")),
    # "X, an American maker of programs, splurged $35bn on Y": a purchase in a magazine's words
    ("splurges_on", "acquisition", _rx(
        rf"(?P<a>{_NAME})(?:{_APPOSITIVE}|[ \t]+{_LINK}{{0,4}}?)(?:splurg(?:e|es|ed|ing)|splash(?:es|ed|ing)?[ \t]+out)"
        # the company itself, not its wares ("splurged $10bn on Nvidia chips")
        rf"[ \t]+{_SPAN}{{0,40}}?[ \t]on[ \t]+(?P<t>{_NAME})(?![ \t]+[a-z])")),
    ("pronoun_buys", "acquisition", _rx(
        rf"(?<![\w'’])(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?!worth\b)(?P<a>){_LINK}{{0,4}}?(?:to[ \t]+)?"
        rf"{_NOT_A_NOUN}{_VERB_BUY}[ \t]+"
        rf"(?!by[ \t]|into[ \t]){_GAP}(?P<t>{_NAME})")),
    # "X paid $N for Y"; "the company shelled out $N for heart device maker Y" (the buyer unnamed)
    ("pays_for", "acquisition", _rx(
        rf"(?:(?P<a>{_NAME})|(?<![\w'’])(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey|[Tt]he[ \t]+(?:[a-z-]+[ \t]+)?"
        rf"(?:company|firm|group|giant|conglomerate|buyer|acquirer)))[ \t]+{_LINK}{{0,4}}?"
        rf"(?:paid|pays|pay|paying|(?:shell|shells|shelled|shelling|fork|forks|forked|forking)[ \t]+out)"
        rf"[ \t]+{_SPAN}{{0,40}}?[ \t]for[ \t]+{_PART_GAP}(?P<t>{_NAME})")),
    ("and_for", "acquisition", _rx(
        rf"\band[ \t]+{_PART_GAP}(?P<t>{_NAME})[ \t]+for[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?=[$€£]|US\$)(?P<a>)")),
    # "X outbids Y with $65bln offer for Z": the bidder's offer, not the outbid one's
    ("outbids", "acquisition", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,2}}?(?:outbids?|outbidding|outbid)[ \t]+{_NAME}[ \t]+with[ \t]+"
        rf"{_LINK}{{0,4}}?(?:offer|bid|proposal)[ \t]+for[ \t]+{_GAP}(?P<t>{_NAME})")),
    ("acquisition_of", "acquisition", _rx(
        rf"(?P<a>{_NAME}){_POSS}[ \t]+{_LINK}{{0,4}}?{_NOUN_BUY}[ \t]+(?:of|for)[ \t]+{_GAP}"
        rf"(?P<t>{_NAME})")),
    ("name_acquisition", "acquisition", _rx(
        rf"(?P<a>{_NAME})['’]s[ \t]+{_LINK}{{0,4}}?(?P<t>{_NAME})[ \t]+"
        rf"(?:acquisition|purchase|takeover|buyout)")),
    ("sale_of_to", "acquisition", _rx(
        rf"(?:acquisition|purchase|takeover|buyout|sale)[ \t]+of[ \t]+{_GAP}(?P<t>{_NAME})[ \t]+"
        rf"(?:to|by)[ \t]+(?P<a>{_NAME})")),
    ("an_acquisition_of", "acquisition", _rx(
        rf"\b(?:an?|the)[ \t]+(?:US)?[$€£][^ \t]+[ \t]+(?:[a-z]+[ \t]+)?(?:acquisition|purchase|takeover|buyout)"
        rf"(?:[ \t]+in[ \t]+\d{{4}})?[ \t]+of[ \t]+{_GAP}(?P<t>{_NAME})(?P<a>)")),
    # "it also negotiated a purchase of the software maker X": a deal that was talked about
    ("negotiated_purchase_of", "acquisition", _rx(
        rf"\b(?:negotiated|agreed|sealed|struck|completed|closed|made)[ \t]+(?:an?|the)[ \t]+"
        rf"(?:[a-z]+[ \t]+)?(?:acquisition|purchase|takeover|buyout)[ \t]+of[ \t]+{_GAP}(?P<t>{_NAME})(?P<a>)")),
    # "its $3.6 billion bid for Spirit" too: a bid names its target after "for"
    ("its_acquisition_of", "acquisition", _rx(
        rf"\b(?:its|their|his|her)[ \t]+{_LINK}{{0,4}}?(?:(?:acquisition|purchase|takeover|buyout)"
        rf"(?:[ \t]+in[ \t]+\d{{4}})?[ \t]+of|(?:bid|offer|proposal)[ \t]+for)[ \t]+{_GAP}(?P<t>{_NAME})(?P<a>)")),
    ("raised_round", "funding_round", _rx(
        rf"(?P<t>{_NAME})[ \t]+{_LINK}{{0,4}}?(?:(?:raised|raises|raising|closed)[ \t]+{_SPAN}{{0,60}}?"
        rf"(?:round|funding|financing)|secured[ \t]+{_SPAN}{{0,60}}?(?:round|funding))"
        rf"(?:{_SPAN}{{0,60}}?led[ \t]+by[ \t]+(?P<a>{_NAME}))?")),
    ("hired_by", "hiring", _rx(
        rf"(?P<t>{_NAME})(?:['’]s|,[ \t][^,.;!?]{{0,60}}?\bwhose)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_PEOPLE}[ \t]+"
        rf"(?:[a-z]+[ \t]+){{0,2}}?(?:hired|poached)[ \t]+(?:away[ \t]+)?by[ \t]+(?P<a>{_NAME})")),
    ("hires", "hiring", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,6}}?(?:hire|hires|hired|hiring|poach|poaches|poached|poaching)[ \t]+"
        rf"(?:(?!to[ \t])[\w-]+[ \t]+){{0,4}}?(?P<t>{_NAME})['’]s[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_PEOPLE}\b")),
    ("raised_from", "investment", _rx(
        rf"(?P<t>{_NAME})[ \t]+{_LINK}{{0,5}}?(?:raised|raises|raising|secured|secures|received|receives|"
        rf"got|gets)[ \t]+{_SPAN}{{0,40}}?[ \t]from[ \t]+(?P<a>{_NAME})")),
    ("take_private", "acquisition", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,8}}?(?:take|takes|taking|took|taken)[ \t]+(?P<t>{_NAME})[ \t]+private\b")),
    ("ipo_of", "ipo", _rx(
        rf"{_IPO}[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:of|for|by)[ \t]+(?P<t>{_NAME})(?P<a>)")),
    ("ipo", "ipo", _rx(
        rf"(?P<t>{_NAME})(?:['’]s[ \t]+|[ \t]+{_LINK}{{1,8}}?(?:its|their)[ \t]+)(?:[a-z-]+[ \t]+)?{_IPO}(?P<a>)")),
    ("merger", "merger", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,4}}?(?:merge|merges|merged|merging)[ \t]+with[ \t]+"
        rf"{_GAP}(?P<t>{_NAME})")),
    # "Spirit's $6.6 billion merger with Frontier Group": the possessor merges with the other
    ("merger_with", "merger", _rx(
        rf"(?P<a>{_NAME})['’]s[ \t]+{_LINK}{{0,4}}?(?:merger|combination|tie-up)[ \t]+with[ \t]+{_GAP}"
        rf"(?P<t>{_NAME})")),
    # "the $84.4 billion merger between Exxon Corp. and Mobil Corp.": the first named leads
    ("merger_between", "merger", _rx(
        rf"\b(?:merger|combination)[ \t]+(?:between|of)[ \t]+(?P<a>{_NAME})[ \t]+and[ \t]+(?P<t>{_NAME})")),
]


_DESCRIBED = re.compile(rf"(?:[ \t]+[a-z][\w-]*){{1,4}}[ \t]+(?P<n>{_NAME})")


#: A brand before a descriptor names what the target makes or sells: "Pringles maker Kellanova".
_BRAND_OF = re.compile(rf"(?:[ \t]+(?!(?:by|of|in|for|from|with|to|and|or|at|on|as|the|an?|its|their)\b)"
                       rf"[a-z][\w-]*){{0,2}}?[ \t]+(?:[a-z]*maker|seller|owner|producer|retailer|"
                       rf"operator|developer|designer|manufacturer|distributor|supplier|chain|app|startup|"
                       rf"start-up)[ \t]+"
                       rf"(?P<n>{_NAME})")


def _head_noun_name(text: str, m: re.Match[str]) -> tuple[str, int]:
    """The target's name, and where it ends, after a capitalised adjective ("Swedish battery
    start-up Lumen Cells", "UK-based premium chocolatier Hotel Chocolat") or after a brand it sells
    ("Pringles maker X")."""
    name = m.group("t")
    brand = _BRAND_OF.match(text, m.end("t"))
    if brand:
        return brand.group("n"), brand.end("n")
    if _MAKER_WORD.search(name):  # "the Roomba-maker iRobot"; alone, no name (rejected later)
        after = re.compile(rf"[ \t]+(?P<n>{_NAME})").match(text, m.end("t"))
        return (after.group("n"), after.end("n")) if after else ("", m.end("t"))
    nxt = _DESCRIBED.match(text, m.end("t"))
    if nxt and (len(name.split()) == 1 and re.fullmatch(_DEMONYM, name)  # "Swedish", "Israeli"
                or re.search(r"-(?:based|owned|backed)$", name)):
        return nxt.group("n"), nxt.end("n")
    return name, m.end("t")


#: A pronoun's contraction opening a sentence is no name: "We're", "It's", "They've".
_CONTRACTION = re.compile(r"(?i)(?:we|they|you|it|he|she|that|there|here|let|i|who|what)['’](?:re|ve|s|m|ll|d)")
#: A speech verb and "that" between a name and the deal's verb: the name is the speaker.
_SPEAKER_THAT = re.compile(r"\b(?:said|says|told \w+|stated|noted|added|argued|believes|believed|thinks|"
                           r"thought|wrote|explained|reported|reports)\b[^.;:!?]{0,40}?\bthat\b")
#: A country named by its initials is no company bought ("had considered buying the U.S.-based ...",
#: cut at the stop)
_COUNTRY_INITIALS = frozenset({"U.S", "U.S.", "US", "U.K", "U.K.", "UK", "EU", "E.U", "E.U."})
#: "the maker of", "owner of": what follows is the company's product or asset, not the company
_PRODUCT_OF = re.compile(r"\b(?:[a-z]*maker|seller|owner|producer|developer|designer|manufacturer|"
                         r"distributor|supplier|operator|creator|publisher)s?[ \t]+of[ \t]+(?:the[ \t]+)?$"
                         # "the resident bought his iRobot": a person's own device
                         r"|\b(?:his|her|my|your|our)[ \t]+$")
#: "purchase of the Roomba vacuum cleaner maker.": the brand before a maker with no name after it
_MAKER_AFTER = re.compile(r"(?:[ \t]+(?!(?:by|of|in|for|from|with|to|and|or|at|on|as|the|an?|its|their)\b)"
                          r"[a-z][\w-]*){1,2}[ \t]+(?:[a-z]*maker|manufacturer|producer|retailer|developer|"
                          r"seller|supplier)s?\b")
#: "the Roomba-maker": a descriptor written as one word, the name (if any) after it
_MAKER_WORD = re.compile(r"-(?:[a-z]*maker|owner|seller|producer|developer|operator|manufacturer)s?$")


def deal_mentions(cleaned: list[CleanSource], stop: set[str]) -> list[DealMention]:
    """Every deal sentence in the kept text of every source, with its raw offsets."""
    out: list[DealMention] = []
    proper = proper_nouns(cleaned)
    for cs in cleaned:
        raw = cs.source.raw
        for sent in cs.sentences:
            # a hard-wrapped line ("acquire all of the\noutstanding shares") reads on: the same
            # number of characters, so offsets stay raw
            text = raw[sent.start:sent.end]
            if "\n" in text:
                text = _UNWRAP.sub(lambda m: " " * len(m.group(0)), text)
            taken: list[tuple[int, int]] = []
            for rule, kind, rx in DEAL_PATTERNS:
                for m in rx.finditer(text):
                    # (a target may end another deal's sentence and open its own: "a stake in Y,
                    # which is being bought by X")
                    lo = m.end("t") if rule == "acquired_by" else m.start()
                    if any(lo < e and s < m.end() for s, e in taken):
                        continue
                    if _NEGATED.search(m.group(0)):
                        continue  # "will not acquire control of": no such transaction
                    if _cut_off(raw, sent.start + m.end("t"), proper) or (
                            m.group("a") and _cut_off(raw, sent.start + m.end("a"), proper)):
                        continue  # "agreed to buy ... Veloc": the page stops mid-name
                    if (rule == "acquisition_of" and not re.match(r"['’]s", text[m.end("a"):])
                            and _OBJECT_OF.search(text, 0, m.start("a"))):
                        continue  # "in the core of the X Basin through a $6.6 billion acquisition
                        # of Y": X is a preposition's object, not the buyer
                    if rule == "its_acquisition" and re.search(r"['’]s$", m.group("t")):
                        continue  # "its investigation into X's acquisition": X is the buyer
                    if _PRODUCT_OF.search(text, 0, m.start("t")):
                        continue  # "Amazon buys maker of Roomba": the target is the maker, unnamed
                    head, head_end = _head_noun_name(text, m)
                    target = clean_name(_unopened(text, m.start("t"), head), stop)
                    acquirer = clean_name(_unopened(text, m.start("a"), m.group("a") or ""), stop)
                    if rule == "acquisition_of" and _IS_ACQUISITION_FOR.fullmatch(text, m.end("a"), m.start("t")):
                        acquirer, target = target, acquirer  # "X represents a big acquisition for Y": Y buys
                    described = bool(_DEMONYM_NOUN.match(text, m.end("a")) and re.fullmatch(_DEMONYM, acquirer))
                    if described:
                        acquirer = ""  # "The Japanese company bought X": a buyer described, not named
                    if not target or target in _COUNTRY_INITIALS or (acquirer and same_party(acquirer, target)):
                        continue
                    if not _is_party(target, proper) or _DESCRIPTOR_AFTER.match(text, m.end("t")) or (
                            head_end == m.end("t") and _MAKER_AFTER.match(text, m.end("t"))):
                        continue  # "a stake in the San Francisco company": a place, not the target
                    if re.match(r",[ \t]+[A-Z][\w.]*-(?:based|headquartered)\b", text[m.end("t"):]):
                        continue  # "to purchase Nashville, Tenn.-based ...": a place, the target after it
                    if (re.fullmatch(_DEMONYM, target) and head_end == m.end("t")
                            and DEMONYM_WARES.match(text, head_end)):
                        continue  # "barred from buying American technology": wares, not a company
                    if acquirer and not _is_party(acquirer, proper):
                        acquirer = ""
                    if acquirer and (_CONTRACTION.fullmatch(acquirer) or (
                            m.group("a") and _SPEAKER_THAT.search(text, m.end("a"), m.start("t")))):
                        # "We're disappointed ... being able to acquire X", "X said Tuesday that
                        # acquiring Y will help", "Z News reported that the software giant was in
                        # talks to acquire Y": no buyer named, the deal still told
                        acquirer, described = "", True
                    if (acquirer and rule == "buys" and _OBJECT_BEFORE.search(text, 0, m.start("a"))
                            and re.match(r"[ \t]+(?:and|or)[ \t]", text[m.end("a"):])):
                        continue  # "divest their holdings in X and purchase shares of Y": X buys nothing
                    if not acquirer and rule not in _NO_SUBJECT_NEEDED and not described:
                        continue  # "The purchase price is higher than ...": a verb needs its buyer
                    found = kind
                    if kind == "acquisition" and re.match(r"[ \t]*(?:['’]s[ \t]+)?(?:\w+[ \t]+)?stake\b",
                                                          text[m.end("t"):]):
                        found = "investment"  # "a deal for a big Lumen Cells stake": buying a stake
                    taken.append((m.start(), max(m.end(), head_end)))
                    s, e = sent.start + m.start(), sent.start + max(m.end(), head_end)
                    amount, extra = _figures(m.group(0))
                    out.append(DealMention(cs.source.id, acquirer, target, found, s, e, raw[s:e], rule,
                                           amount, extra))
    return sorted(out, key=lambda d: (d.source_id, d.start))


_NON_SPACE = re.compile(r"\S")
#: "X represents a significant acquisition for Y", "X would be a second purchase for Y": Y is the buyer
_IS_ACQUISITION_FOR = re.compile(r"[ \t]+(?:represents|marks|is|was|would[ \t]+be|will[ \t]+be|becomes|became)"
                                 r"[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:acquisition|purchase|takeover|buyout)[ \t]+for"
                                 r"[ \t]+(?:[a-z][\w-]*[ \t]+)*")


def _cut_off(raw: str, end: int, proper: set[str]) -> bool:
    """Whether a name ending at ``end`` is where the text stops mid-word: a page cut off there
    ("the digital concierge service Veloc", "the acquisition of Discov") names no party. It
    is cut when its line is a body paragraph (a headline has no full stop either) or its last
    word begins a longer name the corpus writes ("Discov" of "Discover")."""
    if _NON_SPACE.search(raw, end):  # (not raw[end:]: a copy of the rest of a long page per mention)
        return False
    line = raw[raw.rfind("\n", 0, end) + 1:end]
    words = line.split()
    last = words[-1] if words else ""
    return len(words) >= 12 or any(len(p) > len(last) and p.startswith(last) for p in proper)


def _figures(span: str) -> tuple[float, float]:
    """(the first money figure in a deal sentence's span, the first one it calls additional), 0 if none."""
    money = [a for a in parse_amounts(span) if a.kind == "money"]
    extra = [a.value for a in money if _FOLLOW_ON.search(span[max(0, a.start - 25):a.start])]
    return (money[0].value if money else 0.0), (extra[0] if extra else 0.0)
