"""Transactions: which deal each figure is about.

Coverage of one company mentions several transactions: the deal the story is about, an
earlier funding round, a rival's failed bid, another company's deal quoted for comparison.
Each is found from its *deal sentence* (:mod:`analysis.deal_sentences`: "X agreed to buy Y",
"Y rejected X's offer", "X will pay Y ... licensing"), named by its acquirer, target and kind,
and every deal figure is given the transaction its sentence (or paragraph) is about.
Figures are compared only within one transaction; the main transaction is the one the
most sources describe. Patterns are general English; no company is named in code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .cleaning import CleanSource, Segment, sentence_finder
from .deal_sentences import DealMention, deal_mentions  # noqa: F401 (deal_mentions re-exported)
from .parties import (  # noqa: F401 (re-exported: the stance reader's stop words, names for claims and tests)
    _LEAD_STOP,
    aliased,
    clean_name,
    name_words,
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
    if KIND_GROUP[t.kind] != KIND_GROUP[d.kind] or not aliased(t.target, d.target, aliases):
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
    rivals = rival_bids(main, groups)
    finders: dict[str, Callable[[int], Segment | None]] = {}
    out = []
    for _, c in claims.iterrows():
        if c["metric"] not in DEAL_METRICS or c["source_id"] not in by_source:
            out.append(("", ""))
            continue
        cs = by_source[c["source_id"]]
        start = int(c["start"])
        sent = finders.setdefault(cs.source.id, sentence_finder(cs))(start)
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
        end = int(c["end"])
        if c["metric"] == "stake" and (so := _STAKE_OF.match(cs.source.raw, end)) is not None:
            # "the remaining 61 per cent stake of Sky", "the 61% of Sky it doesn't own": the stake
            # names its company; another deal's target is that deal's, a company of no deal none
            company = so.group("n")
            fits = [t for t in groups if same_party(t.target, company)]
            if len(fits) > 1:  # several bids for it: the one whose buyer the sentence names
                text = cs.source.raw[sent.start:sent.end]
                fits = [t for t in fits if t.acquirer and _names(text, t.acquirer)] or fits
            if len(fits) == 1:
                out.append((fits[0].id, "named"))
                continue
            if not fits and not any(p and same_party(p, company) for p in (main.target, main.acquirer)):
                out.append((UNATTRIBUTED, "named"))
                continue
        if here and all(m.start >= end and _COMPARED.search(cs.source.raw, end, m.end) for m in here):
            # "the transaction's value ... is about $64.5 billion, making it X's largest buyout since
            # acquiring Y": the deal after "since" or "than" is the yardstick, not the figure's
            out.append((main.id, "named"))
            continue
        near = max(sent.start, start - 20)
        if here and not any(m.start < start and near < m.end for m in here) and any(
                m not in main.mentions for m in here) and _names(cs.source.raw[near:start], main.target):
            out.append((main.id, "named"))  # "the Wiz $32 billion deal ..., dwarfing its purchase of Y"
            continue
        if not any(m.start <= start < m.end for m in here) and (
                owner := _owner_at(cs.source.raw, max(sent.start, start - 80), start, end, groups)) is not None:
            out.append((owner.id, "named"))  # "JetBlue's original offer of $33", "the $3.8 billion JetBlue deal"
            continue
        if rivals and (rival := _rival_before(cs.source.raw, sent.start, start, main, rivals)) is not None:
            out.append((rival.id, "named"))  # "outbidding Comcast's $65 billion bid", "X made an offer of $N"
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


#: The company a stake figure names right after it: "61 per cent stake of Sky", "50 percent stake in
#: A+E Networks", "the 61% of Sky".
_STAKE_OF = re.compile(r"[ \t]*(?:per[ \t]?cent[ \t]+|percent[ \t]+)?(?:stake[ \t]+)?(?:of|in)[ \t]+(?:the[ \t]+)?"
                       r"(?P<n>[A-Z][\w&.'’+-]*(?:[ \t]+[A-Z][\w&.'’+-]*){0,3})"
                       # the name ends there ("in AI data-labelling firm Beta" names no company)
                       r"(?=[ \t]*(?:[,;:)]|\.(?!\w)|$)|[ \t]+(?:it|that|which|who|from|for|to|and|in|on|at|by|as|"
                       r"was|is|would|will)\b)")
#: A comparison between a figure and a deal named after it ("largest ... since", "bigger than").
_COMPARED = re.compile(r"(?i)\b(?:since|than)\b")
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


_SELLER_BEFORE = re.compile(r"\b(?:from|by|to)\s+$")
_BID_NOUN = re.compile(r"\b(?:offer|bid|proposal)s?\b")
_OWN_BID = re.compile(r"[\w.&-]+(?:['’]s\b|,?\s+(?:[\w-]+\s+){0,3}?(?:made|makes|making|offered|offers|bid|bids|"
                      r"proposed|proposes|tabled|launched|submitted|put forward)\b)")
_DEFEATED = re.compile(r"(?i)\b(?:outbid by|could not match|couldn['’]t match|dropped|withdrew|walked away|"
                       r"bowed out|abandoned|lost)\b")


def rival_bids(main: Transaction, groups: list[Transaction]) -> list[Transaction]:
    """Other buyers' transactions of the main deal's kind for its target: rival bids."""
    if not main.acquirer:
        return []
    return [t for t in groups if t is not main and t.acquirer and t.kind == main.kind
            and same_party(t.target, main.target) and not same_party(t.acquirer, main.acquirer)]


def _rival_before(raw: str, begin: int, at: int, main: Transaction, rivals: list[Transaction]
                  ) -> Transaction | None:
    """The rival bid (of :func:`rival_bids`) whose buyer is the name nearest before the figure in
    its clause ("Disney's new bid comes after Comcast made an all-cash offer of $65 billion"): a
    rival's price, not the main deal's."""
    begin = max(begin, raw.rfind(";", begin, at) + 1)
    comma = raw.rfind(",", begin, at)
    if comma >= 0 and at - comma <= 12:  # "X beat Y, paying $N": the clause of the figure names no buyer
        begin = comma + 1
    last: tuple[int, Transaction | None] = (-1, None)
    for t in [main, *rivals]:
        first = t.acquirer.split()[0]
        for m in re.compile(rf"\b{re.escape(first)}\b").finditer(raw, begin, at):
            if m.start() > last[0]:
                last = (m.start(), t)
    at_name, rival = last
    if rival is None or rival is main or _SELLER_BEFORE.search(raw, max(begin, at_name - 6), at_name):
        return None  # "acquiring Arm from SoftBank for $40B": the seller is no bidder
    span = raw[at_name:at]
    # the rival's own offer ("Gamma's $65 billion bid", "Gamma made an all-cash offer of"), not one
    # it lost to or could not match ("Gamma was outbid by the $71.3 billion offer")
    if not _OWN_BID.match(span) or _DEFEATED.search(span):
        return None
    return rival if _BID_NOUN.search(span + raw[at:at + 45]) else None


_OWNER_NAME = r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2}"
_DEAL_NOUN = r"(?:offer|bid|proposal|deal|acquisition|takeover|purchase|merger|buyout)"
#: "JetBlue's original offer of $33", "X's $3.8 billion bid" (the owner before the figure) ...
_OWNER_BEFORE = re.compile(rf"\b(?P<n>{_OWNER_NAME})['’]s (?:[a-z-]+ ){{0,3}}{_DEAL_NOUN} (?:of|at|worth|valued at)"
                           r"(?: (?:about|around|roughly|nearly|approximately|some|almost))? $")
#: ... or its buyer changing it: "X upped its bid to $44 billion", "X raised its offer to $127.50"
_OWNER_RAISED = re.compile(rf"\b(?P<n>{_OWNER_NAME}) (?:has |had |then )?(?:raised|upped|increased|lifted|sweetened|"
                           r"boosted|hiked|cut|lowered|reduced) (?:its|his|their|the) (?:[a-z-]+ ){0,2}?"
                           r"(?:offer|bid|proposal|price) (?:to|at)(?: (?:about|around|roughly|nearly|approximately|"
                           r"some|almost))? $")
#: ... or the buyer's name between the figure and its deal noun: "the $3.8 billion JetBlue deal"
_OWNER_AFTER = re.compile(rf" (?:[a-z-]+ ){{0,2}}(?P<n>{_OWNER_NAME}) {_DEAL_NOUN}\b")


#: A possessor right before a figure: "Microsoft's $16bn ...", "Exclusive-Microsoft's $16 billion ...".
_POSSESSOR_AT = re.compile(r"(?P<n>(?-i:[A-Z])[\w&.-]*(?:[ \t](?-i:[A-Z])[\w&.-]*){0,2})['’]s[ \t]+(?:[a-z-]+[ \t]+)?$")


def _owner_at(raw: str, begin: int, start: int, end: int, groups: list[Transaction]) -> Transaction | None:
    """The one transaction whose buyer names the deal the figure sizes, right at the figure:
    "JetBlue's original offer of $33 per share", "the $3.8 billion JetBlue deal" (None when no
    buyer is named there, or the name fits several transactions' buyers)."""
    m = _OWNER_BEFORE.search(raw, begin, start) or _OWNER_RAISED.search(raw, begin, start)
    if m is None and _POSSESSOR_AT.search(raw, begin, start):
        # "Microsoft's $16bn Nuance bid": the possessor bids, the name after the figure is the
        # target (not the buyer of "the $3.8 billion JetBlue deal")
        m = _POSSESSOR_AT.search(raw, begin, start)
    elif m is None:
        m = _OWNER_AFTER.match(raw, end, end + 60)
    if m is None:
        return None
    fits = [t for t in groups if t.acquirer and same_party(t.acquirer, m.group("n"))]
    return fits[0] if len(fits) == 1 else None


def _names(text: str, party: str) -> bool:
    words = party.split()
    if words and re.fullmatch(r"\d+(?:st|nd|rd|th)", words[0]):  # "21st Century Fox": any of its words
        return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words[1:])
    first = words[0] if words else ""
    return bool(first) and re.search(rf"\b{re.escape(first)}\b", text) is not None
