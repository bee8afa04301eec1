"""Transactions: which deal each figure is about.

Coverage of one company mentions several transactions: the deal the story is about, an
earlier funding round, a rival's failed bid, another company's deal quoted for comparison.
Each is found from its *deal sentence* ("X agreed to buy Y", "X's investment in Y",
"Y rejected X's offer", "X will pay Y ... licensing"), named by its acquirer, target and kind,
and every deal figure is given the transaction its sentence (or paragraph) is about.
Figures are compared only within one transaction; the main transaction is the one the
most sources describe. Patterns are general English; no company is named in code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from .cleaning import CleanSource
from .numbers import parse_amounts
from .parties import (  # noqa: F401 (re-exported: the stance reader's stop words)
    _DEMONYM,
    _DEMONYM_NOUN,
    _LEAD_STOP,
    GENERIC_NAME_WORDS,
    _is_party,
    aliased,
    clean_name,
    name_words,
    proper_nouns,
    same_party,
)

MAIN_ID = "t1"
#: A deal figure whose transaction cannot be told (never compared, never in the headline).
UNATTRIBUTED = "?"
#: Metrics that belong to a transaction (the rest describe companies, markets or share prices).
DEAL_METRICS = {"deal_value", "stake", "price_per_share", "fee", "valuation_at_deal", "funding"}
TRANSACTION_COLUMNS = ["transaction_id", "acquirer", "target", "kind", "follow_on", "main", "sources", "mentions",
                       "first_source", "quote", "start", "end", "ended_round"]
#: Kinds that can be one transaction: hiring a company's people usually comes with a licence of its
#: technology (an "acqui-hire" that leaves the company standing).
KIND_GROUP = {"acquisition": "acquisition", "merger": "acquisition", "investment": "investment",
              "funding_round": "investment", "licensing": "licensing", "hiring": "licensing", "ipo": "ipo"}

#: A capitalised word; a company suffix keeps its full stop ("Amazon.com Inc. is investing"), and
#: so does an abbreviation that a name goes on after ("U.S. Steel").
_WORD = r"(?:(?:Inc|Corp|Co|Ltd|Bros)\.(?=[ \t])|(?:[A-Z]\.){2,}(?=[ \t][A-Z])|[A-Z][\w&'’.-]*[\w&]|[A-Z]|AI)"
_NAME = (rf"{_WORD}(?:[ \t]+(?:{_WORD}|&|of|de|and(?=[ \t][A-Z])))*"
         # a company suffix after a comma is part of the name: "Mars, Incorporated"
         r"(?:,[ \t]+(?:Incorporated|Inc\.|Corporation|Corp\.|LLC|Ltd\.|Limited|plc|PLC)(?![\w-]))?")
#: A few lowercase words: "the collaborative design tool"; never an infinitive ("to hire"), whose
#: object is not the deal's ("deal to acquire decision to hire X's team").
_GAP = r"(?:(?!to[ \t])[a-z][^\s,;:!?]*[ \t]+){0,6}?"
_CAL = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
        r"July|August|September|October|November|December)")
#: Words between a party and its verb: lowercase words, figures and calendar names, never another name.
_LINK = rf"(?:(?:[a-z$0-9][^\s;:!?,]*|{_CAL})[ \t]+)"
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
_POSS = r"(?:['’]s)?"
#: What was paid for: the company or a part of it ("a division of the security specialist"), never a
#: stake, shares or rights (an investment or a licence, found by their own patterns).
_PART_GAP = r"(?:(?!to[ \t]|stake|shares?[ \t]|rights?[ \t]|licen)[a-z][^\s,;:!?]*[ \t]+){0,6}?"
#: The people an acqui-hire takes: "hired away Inflection's AI team", "whose top employees were hired".
_PEOPLE = (r"(?:employees|staff|staffers|team|teams|founders?|co-?founders?|executives|researchers|engineers|"
           r"talent|workforce|leadership)")
_SPAN = r"(?:[^.;!?]|\.(?=\d))"  # within one clause; a decimal point does not end it
_APPOS = r"(?:,[ \t][^,.;!?]{1,60},)?"  # "Microsoft, along with Nvidia Corp, invested ..."


#: A company's shares first sold to the public: a transaction of its own, with no single buyer.
_IPO = r"(?:IPO|initial[ \t]+public[ \t]+offering|stock[ \t]+market[ \t]+(?:debut|listing))\b"
#: Patterns whose acquirer may be unnamed ("its $4.75 billion Marketo acquisition", "X raised $1bn",
#: "a $10.7 billion acquisition of Y": with its price).
_NO_SUBJECT_NEEDED = {"its_acquisition", "its_acquisition_of", "raised_round", "acquired_by", "sale_of_to",
                      "rejected_offer", "pronoun_buys", "pays_for", "ipo", "ipo_of", "and_for", "an_acquisition_of",
                      "negotiated_purchase_of"}
_DESCRIPTOR_AFTER = re.compile(r"[ \t]+(?:company|firm|startup|start-up|group|giant|maker|platform|site|"
                               r"area|region|office|headquarters|based|business|businesses|provider|"
                               r"vendor|sector|industry|market)\b")
#: A name right after a preposition is its object, not the subject of a verb joined by "and" after it.
_OBJECT_BEFORE = re.compile(r"\b(?:in|of|from|into|with|on|at)[ \t]+\Z")
_UNWRAP = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")
_FOLLOW_ON = re.compile(r"(?i)\b(?:additional|another|further|fresh|extra)\s+(?:[a-z]+\s+)?$")
_NEGATED = re.compile(r"(?i)\b(?:not|never|no longer)\b|n['’]t\b")


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
        rf"(?P<a>{_NAME}){_POSS}[ \t]+{_LINK_NO_TO}{{0,8}}?(?:stake|holding)[ \t]+in[ \t]+{_GAP}(?P<t>{_NAME})")),
    ("investment_in", "investment", _rx(
        rf"(?P<a>{_NAME}){_POSS}[ \t]+{_LINK}{{0,4}}?{_NOUN_INVEST}[ \t]+(?:in|into)[ \t]+{_GAP}"
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
        rf"(?P<t>{_NAME})[ \t]+(?:[a-z][^\s;:!?,]*[ \t]+){{0,4}}?(?:was|were|is|been|being|be)[ \t]+"
        rf"(?:acquired|bought|purchased|taken[ \t]+over)[ \t]+by[ \t]+(?P<a>{_NAME})")),
    ("buys", "acquisition", _rx(
        rf"(?P<a>{_NAME})[ \t]+{_LINK}{{0,8}}?(?:to[ \t]+)?{_NOT_A_NOUN}{_VERB_BUY}[ \t]+(?!by[ \t]|into[ \t]){_GAP}"
        rf"(?P<t>{_NAME})")),
    ("pronoun_buys", "acquisition", _rx(
        rf"(?<![\w'’])(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?!worth\b)(?P<a>){_LINK}{{0,4}}?(?:to[ \t]+)?"
        rf"{_NOT_A_NOUN}{_VERB_BUY}[ \t]+"
        rf"(?!by[ \t]|into[ \t]){_GAP}(?P<t>{_NAME})")),
    ("pays_for", "acquisition", _rx(
        rf"(?:(?P<a>{_NAME})|(?<![\w'’])(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey))[ \t]+{_LINK}{{0,4}}?(?:paid|pays|pay|paying)"
        rf"[ \t]+{_SPAN}{{0,40}}?[ \t]for[ \t]+{_PART_GAP}(?P<t>{_NAME})")),
    ("and_for", "acquisition", _rx(
        rf"\band[ \t]+{_PART_GAP}(?P<t>{_NAME})[ \t]+for[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?=[$€£]|US\$)(?P<a>)")),
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
    ("its_acquisition_of", "acquisition", _rx(
        rf"\b(?:its|their|his|her)[ \t]+{_LINK}{{0,4}}?(?:acquisition|purchase|takeover|buyout)"
        rf"(?:[ \t]+in[ \t]+\d{{4}})?[ \t]+of[ \t]+{_GAP}(?P<t>{_NAME})(?P<a>)")),
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
]


_DESCRIBED = re.compile(rf"(?:[ \t]+[a-z][\w-]*){{1,4}}[ \t]+(?P<n>{_NAME})")


#: A brand before a descriptor names what the target makes or sells: "Pringles maker Kellanova".
_BRAND_OF = re.compile(rf"(?:[ \t]+(?!(?:by|of|in|for|from|with|to|and|or|at|on|as|the|an?|its|their)\b)"
                       rf"[a-z][\w-]*){{0,2}}?[ \t]+(?:[a-z]*maker|seller|owner|producer|retailer|"
                       rf"operator|developer|designer|manufacturer|distributor|supplier|chain)[ \t]+"
                       rf"(?P<n>{_NAME})")


def _head_noun_name(text: str, m: re.Match[str]) -> tuple[str, int]:
    """The target's name, and where it ends, after a capitalised adjective ("Swedish battery
    start-up Lumen Cells", "UK-based premium chocolatier Hotel Chocolat") or after a brand it sells
    ("Pringles maker X")."""
    name = m.group("t")
    brand = _BRAND_OF.match(text, m.end("t"))
    if brand:
        return brand.group("n"), brand.end("n")
    nxt = _DESCRIBED.match(text, m.end("t"))
    if nxt and (len(name.split()) == 1 and re.fullmatch(_DEMONYM, name)  # "Swedish", "Israeli"
                or re.search(r"-(?:based|owned|backed)$", name)):
        return nxt.group("n"), nxt.end("n")
    return name, m.end("t")


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
                    if any(m.start() < e and s < m.end() for s, e in taken):
                        continue
                    if _NEGATED.search(m.group(0)):
                        continue  # "will not acquire control of": no such transaction
                    if _cut_off(raw, sent.start + m.end("t"), proper) or (
                            m.group("a") and _cut_off(raw, sent.start + m.end("a"), proper)):
                        continue  # "agreed to buy ... Veloc": the page stops mid-name
                    if rule == "its_acquisition" and re.search(r"['’]s$", m.group("t")):
                        continue  # "its investigation into X's acquisition": X is the buyer
                    head, head_end = _head_noun_name(text, m)
                    target = clean_name(head, stop)
                    acquirer = clean_name(m.group("a") or "", stop)
                    described = bool(_DEMONYM_NOUN.match(text, m.end("a")) and re.fullmatch(_DEMONYM, acquirer))
                    if described:
                        acquirer = ""  # "The Japanese company bought X": a buyer described, not named
                    if not target or (acquirer and same_party(acquirer, target)):
                        continue
                    if not _is_party(target, proper) or _DESCRIPTOR_AFTER.match(text, m.end("t")):
                        continue  # "a stake in the San Francisco company": a place, not the target
                    if acquirer and not _is_party(acquirer, proper):
                        acquirer = ""
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


@dataclass
class Transaction:
    id: str
    acquirer: str
    target: str
    kind: str
    mentions: list[DealMention]
    #: A later deal of the same parties ("an additional $4 billion" as large as the first deal).
    follow_on: bool = False
    #: An earlier round of the main deal that ended at another price (see :mod:`analysis.rounds`).
    ended_round: bool = False

    @property
    def sources(self) -> set[str]:
        return {m.source_id for m in self.mentions}


def _matches(t: Transaction, d: DealMention, aliases: frozenset[tuple[str, str]] = frozenset()) -> bool:
    if KIND_GROUP[t.kind] != KIND_GROUP[d.kind] or not same_party(t.target, d.target):
        return False
    return not t.acquirer or not d.acquirer or aliased(t.acquirer, d.acquirer, aliases)


def group_transactions(mentions: list[DealMention], source_order: list[str],
                       aliases: frozenset[tuple[str, str]] = frozenset()) -> list[Transaction]:
    """Mentions of one (acquirer, target, kind group) become one transaction; ids by importance.

    The main transaction (``t1``) is the one the most sources describe (then the most
    mentions, then the earliest in the corpus order); the others follow in the same order.
    """
    groups: list[Transaction] = []
    # named buyers first: a mention that names no buyer ("the Japanese company bought X") then
    # joins the deal for X its own page names, else the one most sources describe, not
    # whichever bid for X the corpus happens to list first
    for d in [d for d in mentions if d.acquirer] + [d for d in mentions if not d.acquirer]:
        fits = [t for t in groups if _matches(t, d, aliases)]
        if d.acquirer or not fits:
            t = fits[0] if fits else None
        else:
            t = max(fits, key=lambda t: (d.source_id in t.sources, len(t.sources), -groups.index(t)))
        if t is None:
            groups.append(Transaction("", d.acquirer, d.target, d.kind, [d]))
            continue
        t.mentions.append(d)
        if not t.acquirer and d.acquirer:
            t.acquirer = d.acquirer
    groups = [part for t in groups for part in _split_follow_on(t)]
    rank = {s: i for i, s in enumerate(source_order)}
    for t in groups:
        if t.follow_on:
            continue  # named in _split_follow_on
        t.acquirer = _most_common([m.acquirer for m in t.mentions if m.acquirer]) or ""
        t.target = _most_common([m.target for m in t.mentions])
        # people hired are not what is paid for: a licence mentioned beside them names the deal
        t.kind = _most_common([m.kind for m in t.mentions if m.kind != "hiring"] or ["hiring"])
    groups.sort(key=lambda t: (-len(t.sources), -len(t.mentions),
                               min(rank.get(m.source_id, len(rank)) for m in t.mentions), t.target))
    for i, t in enumerate(groups, start=1):
        t.id = f"t{i}"
    return groups


#: Share below the deal's size an additional figure may fall and still be a deal of its own (rounding).
FOLLOW_ON_SLACK = 0.02


def _split_follow_on(t: Transaction) -> list[Transaction]:
    """The transaction, and apart from it the later deal of the same parties its sentences call
    additional: a tranche is a part of the deal, so an "additional $4 billion" as large as the
    deal's own figure ("up to $4 billion") is a new deal, while an "additional $2.75 billion" of a
    $4 billion deal is a tranche and stays."""
    sizes = sorted(m.amount for m in t.mentions if m.amount > 0 and not m.follow_on)
    if not sizes:
        return [t]
    size = sizes[len(sizes) // 2]
    later = [m for m in t.mentions if m.follow_on >= size * (1 - FOLLOW_ON_SLACK)]
    if not later or len(later) == len(t.mentions):
        return [t]
    rest = [m for m in t.mentions if m not in later]
    # the later deal is named as the parties are named across both ("Amazon", not "Amazon.com Inc")
    acquirer = _most_common([m.acquirer for m in t.mentions if m.acquirer]) or ""
    target = _most_common([m.target for m in t.mentions])
    return [Transaction(t.id, t.acquirer, t.target, t.kind, rest),
            Transaction("", acquirer, target, t.kind, later, follow_on=True)]


def _most_common(values: list[str]) -> str:
    if not values:
        return ""
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], -len(v), v))[0]


def transactions_table(groups: list[Transaction]) -> pd.DataFrame:
    rows = []
    for t in groups:
        first = t.mentions[0]
        rows.append({"transaction_id": t.id, "acquirer": t.acquirer, "target": t.target, "kind": t.kind,
                     "follow_on": t.follow_on, "main": t.id == MAIN_ID, "sources": len(t.sources),
                     "mentions": len(t.mentions),
                     "first_source": first.source_id, "quote": first.quote, "start": first.start,
                     "end": first.end, "ended_round": t.ended_round})
    return pd.DataFrame(rows, columns=TRANSACTION_COLUMNS)


def assign(claims: pd.DataFrame, cleaned: list[CleanSource], groups: list[Transaction]
           ) -> list[tuple[str, str]]:
    """The transaction of each claim: the deal sentence nearest the figure in its sentence; else a
    transaction whose target the sentence names; else the last deal sentence of its paragraph;
    else the main transaction. Figures that describe no deal get ''. Each comes with how it was
    decided: sentence, named, paragraph or default."""
    if not groups:
        return [("", "") for _ in range(len(claims))]
    by_source = {cs.source.id: cs for cs in cleaned}
    of_mention = {(m.source_id, m.start): t for t in groups for m in t.mentions}
    in_source: dict[str, list[DealMention]] = {}  # each source's deal mentions, in transaction order
    for t in groups:
        for m in t.mentions:
            in_source.setdefault(m.source_id, []).append(m)
    main = groups[0]
    out = []
    for _, c in claims.iterrows():
        if c["metric"] not in DEAL_METRICS or c["source_id"] not in by_source:
            out.append(("", ""))
            continue
        cs = by_source[c["source_id"]]
        start = int(c["start"])
        sent = next((s for s in cs.sentences if s.start <= start < s.end), None)
        if sent is None:
            out.append((main.id, "default"))
            continue
        mentions = in_source.get(cs.source.id, [])
        here = [m for m in mentions if sent.start <= m.start < sent.end]
        own = _own_kind(cs.source.raw, int(c["end"]))
        if own and here and not any(KIND_GROUP[m.kind] == own for m in here):
            if KIND_GROUP[main.kind] == own:  # "below X's failed $20B acquisition bid" beside an IPO
                out.append((main.id, "named"))
                continue
        elif own:
            here = [m for m in here if KIND_GROUP[m.kind] == own]
        near = max(sent.start, start - 20)
        if here and not any(m.start < start and near < m.end for m in here) and any(
                m not in main.mentions for m in here) and _names(cs.source.raw[near:start], main.target):
            out.append((main.id, "named"))  # "the Wiz $32 billion deal ..., dwarfing its purchase of Y"
            continue
        if here:
            nearest = min(here, key=lambda m: 0 if m.start <= start < m.end else
                          min(abs(start - m.start), abs(start - m.end)))
            out.append((of_mention[(nearest.source_id, nearest.start)].id, "sentence"))
            continue
        text = cs.source.raw[sent.start:sent.end]
        named = [t for t in groups if t is not main and _names(text, t.target)
                 and not _names(text, main.target) and not same_party(t.target, main.acquirer or "-")]
        if main.acquirer and not _names(text, main.acquirer):
            # "Anthropic agreed to use Google's cloud ... for a $2 billion investment": both parties
            # of another transaction, and not the main buyer
            # (but the main target owning something is no other deal's buyer here: "agreed to buy
            # Y ... to gain a stake in Y's oil field" is the main deal)
            named += [t for t in groups if t is not main and t.acquirer and t not in named
                      and not same_party(t.acquirer, main.acquirer)
                      and not same_party(t.acquirer, main.target)
                      and _names(text, t.acquirer) and _names(text, t.target)]
        if named:
            out.append((named[0].id, "named"))
            continue
        before = [m for m in mentions if cs.paragraphs[sent.paragraph].start <= m.start < sent.start]
        out.append((of_mention[(before[-1].source_id, before[-1].start)].id, "paragraph") if before
                   else (main.id, "default"))
    return out


#: The kind of deal a figure names itself: "$20B acquisition bid", "$4 billion investment".
_OWN_NOUN = re.compile(r"(?i)\W{0,2}\s*(?:[a-z-]+\s+){0,2}?(?P<n>acquisition|takeover|buyout|merger|bid|investment|"
                       r"licen[cs]\w*|ipo)\b")
_OWN_KIND = {"acquisition": "acquisition", "takeover": "acquisition", "buyout": "acquisition",
             "merger": "acquisition", "bid": "acquisition", "investment": "investment", "ipo": "ipo"}


def _own_kind(raw: str, end: int) -> str:
    """The kind group of the deal noun right after a figure ('' if none)."""
    m = _OWN_NOUN.match(raw, end, end + 40)
    if m is None:
        return ""
    noun = m.group("n").lower()
    return "licensing" if noun.startswith("licen") else _OWN_KIND[noun]


def _names(text: str, party: str) -> bool:
    first = party.split()[0] if party else ""
    return bool(first) and re.search(rf"\b{re.escape(first)}\b", text) is not None
