"""Which figures are the price of the corpus's own deal, once its transactions are known.

:func:`analysis.claims.classify_metric` reads one sentence; some figures only tell what they are
once the deal is known. Money the target "raised" from its investor, in the deal's sentence, is the
investment; other money it raised is another round (or a total over rounds), compared with
nothing. In an acquisition, the value the deal puts on the whole target ("a transaction that
values X at $61 billion") is its price (in an investment it is the target's valuation), and a
smaller stake the buyer holds in the target is its holding, not the purchase. A running
total that reaches exactly the agreed price ("bringing its total investment in X to $4 billion")
is that price, its tranches added up; one beyond it ("to $8 billion") is a total over several
deals. An "additional" figure in the sentence of a later deal of the same parties (see
:func:`analysis.transactions.group_transactions`) is that deal's amount. A deal figure given to
the main deal only by default and far from its attested price is about some other deal. A price
split between two forms of payment ("$21.5 billion in stock and $12 billion in cash") or paid in
part first ("$2 billion payable at signing") gives parts, not the price; what the deal itself "was
worth" is its value, and a block of shares of a company that is neither party ("$21 billion of
Westco shares") is no figure of the deal. A "deal value" of a few dollars with no scale word ("would
sell for about $1,450", "plunged to $15.50") sizes no deal: it is other, or, after a price in a
sentence that gives a price per share ("compared with the original price of $61.00"), a price per
share. The rules are general English; no company is named.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

import pandas as pd

from .claims import _SCALE_WORD, PER_SHARE_SIZED
from .cleaning import CleanSource, sentence_finder
from .parties import name_words
from .transactions import KIND_GROUP, UNATTRIBUTED, Transaction, assign, same_party

#: A superlative or comparative, then "since" or "than", before a figure in its sentence: the
#: figure belongs to the deal the story is measured against.
YARDSTICK = re.compile(r"\b(?i:biggest|largest|smallest|highest|bigger|larger|smaller|higher)\b"
                       r"(?:[^.;]|\.(?=\S| [a-z])){0,80}?\b(?i:since|than)\b(?:[^.;]|\.(?=\S| [a-z]))*$")
#: A condition clause ("if", "whether", "unless") still open at a figure: no comma, colon or dash
#: since (in "if approved, the $24.6 billion deal" the condition has ended).
CONDITION = re.compile(r"\b(?i:if|whether|unless)\b[^,;:()\u2013\u2014]*$")
#: Money raised in other rounds, or in total, is not the investment itself.
NOT_THE_DEAL = re.compile(r"(?i)\b(?:total|rounds|another|previous|previously|earlier|prior|last year|all told)\b")
#: Money raised over several rounds: no one round's amount.
OVER_ROUNDS = re.compile(r"(?i)\b(?:total|rounds|all told|in all|to date|so far)\b")
#: "a cash-and-stock transaction that values VMware at approximately": the deal values its target.
DEAL_VALUES_TARGET = re.compile(
    r"(?i)\b(?:deal|transaction|agreement|acquisition|merger|takeover|purchase|buyout|offer|bid)\b"
    r"(?:,[^,;!?]{1,60},)?"  # "The all-cash deal, which was announced on Dec. 20, values"
    r"(?:\s+[\w-]+){0,3}?\s+(?:values?|valuing|valued)\s+(?P<n>[^.;!?]{1,40}?)\s+at\s+"
    r"(?:(?:US)?\$[\d.,]+\s+(?:a|per)\s+share,?\s+(?:or|and)\s+)?(?:[a-z]+\s+)?$")  # "at $95 a share or about"
#: "the deal to buy Southgate could be worth more than", "which valued a deal at": the deal's own value.
DEAL_WORTH = re.compile(
    r"(?i)(?:\b(?:deal|transaction|takeover|acquisition|purchase|merger|buyout|tie-up|combination)\b"
    r"(?:[^.;!?]|(?<=\b[A-Z])\.){0,80}?\b"  # "U.S." is no sentence end
    r"(?:is|was|were|be|been)\s+(?:(?:now|then|still|reportedly|once)\s+)?worth|\bvalu(?:ed|es|ing)\s+"
    r"(?:a|the|its|this)\s+(?:[\w-]+\s+)?(?:deal|transaction|takeover|acquisition|purchase|merger)\s+at)"
    r"\s+(?:(?:more|less)\s+than\s+|over\s+|under\s+|about\s+|around\s+|nearly\s+|almost\s+|"
    r"roughly\s+|some\s+|up\s+to\s+|as\s+much\s+as\s+)?(?:\S+\s+)?$")
#: "$21 billion of Westco shares": a block of some company's shares, named right after the figure.
OF_SHARES = re.compile(r"^\W{0,2}\s*(?:worth\s+)?of\s+(?P<n>(?-i:[A-Z][\w.&'’-]*(?:[\s-][A-Z][\w.&'’-]*)*))"
                       r"\s+(?:shares|stock|equity)\b")
#: "bringing Amazon's total investment in Anthropic to": a running total (the lexicon calls it other).
RUNNING_TOTAL = re.compile(
    r"(?i)\b(?:brings?|bringing|brought|lifts?|lifting|lifted|takes|taking)\b(?:\s+[\w'’-]+){1,8}?\s+to\s*$")
#: "investments from A and B into C, which were worth ... respectively": one figure per buyer, in order.
RESPECTIVE_DEALS = re.compile(
    r"(?i)\b(?:investments|deals|acquisitions|bids|offers|stakes)\s+(?:from|by)\s+"
    r"(?P<names>(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)(?:(?:,\s*|,?\s+and\s+)"
    r"(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*))+)[^.;!?]{0,80}?\b(?:worth|valued at|totall?ing|of)\b"
    r"[^.;!?]{0,80}?\brespectively\b")
#: "$21.5 billion in Northwind stock", "$21.5bn would be paid in common stock": what a figure is paid in.
PAID_IN = re.compile(
    r"^\W{0,2}\s*(?:(?:would|will|is|are|was|were|to)\s+be\s+)?(?:paid\s+)?in\s+"
    r"(?:(?-i:[A-Z][\w.&'’-]*)\s+)?(?:common\s+|ordinary\s+|newly[- ]issued\s+)?"
    r"(?P<form>cash|stock|shares|equity)\b(?!\s+(?:and|or|&)\s+(?:cash|stock|shares|equity))", re.I)
#: "including $2 billion payable at signing", "a $2bn upfront payment": a part paid first.
PAID_FIRST = re.compile(r"(?i)^\W{0,2}\s*(?:(?:payable|to\s+be\s+paid|paid)\s+(?:at|upon|on)\s+(?:the\s+)?"
                        r"signing|up-?front\s+payment)\b")
#: "compared with the original price of $61.00", "the earlier offer of $55": a price named right
#: before a small figure, which a price per share in the same sentence makes a share's price too.
PRICE_BEFORE = re.compile(r"(?i)\b(?:price|offer|bid|terms?)\s+(?:of|at|was|is|had been)\s+"
                          r"(?:(?:about|around|roughly|some|nearly|almost)\s+)?$")
#: Relative gap within which a running total is the agreed price itself ("$4 billion" and "$4bn").
SAME_FIGURE = 0.02
#: A figure given to the main deal only by default but this many times smaller or larger than the
#: figures its deal sentences give is about some other deal.
IMPLAUSIBLE_FACTOR = 3.0


def settle_deal_metrics(base: pd.DataFrame, decided: list[tuple[str, str]], cleaned: list[CleanSource],
                        groups: list[Transaction]) -> pd.DataFrame:
    """``base`` with the metric and transaction of deal figures settled by the rules above.

    ``decided`` is :func:`analysis.transactions.assign`'s answer for ``base`` (transaction, how)."""
    base = base.copy()
    if not groups:
        return base
    main = groups[0]
    how = pd.Series([h for _, h in decided], index=base.index)
    in_main_sentence = (base["transaction"] == main.id) & (how == "sentence")
    before = _text_before(base, cleaned)
    if KIND_GROUP.get(main.kind) == "investment":
        raised = (base["metric"] == "funding") & in_main_sentence & ~base["sentence"].str.contains(NOT_THE_DEAL)
        base.loc[raised, "metric"] = "deal_value"
    if KIND_GROUP.get(main.kind) == "acquisition":
        # the deal's own sentence, or one that names the main target as what the deal values
        valued = before.map(lambda t: _valued(t, main.target))
        deal_values = valued.map(lambda v: v is not None) & (in_main_sentence | valued.map(lambda v: v is True))
        base.loc[(base["metric"] == "valuation_at_deal") & (base["transaction"] == main.id) & deal_values,
                 "metric"] = "deal_value"
    # a figure the deal itself "is worth" is its value, whatever the sentence calls a valuation
    valuations = base["metric"].isin(["valuation_at_deal", "valuation_before"]) & (base["transaction"] == main.id)
    worth = before[valuations].map(lambda t: DEAL_WORTH.search(t) is not None)
    base.loc[worth[worth].index, "metric"] = "deal_value"
    # money the target raised, when it is not this deal's amount, is some other round, and a total
    # over rounds is no round's amount: which deal cannot be told, so it is compared with nothing
    other_round = (base["transaction"] == main.id) if main.kind != "funding_round" else False
    base.loc[(base["metric"] == "funding") & (other_round | base["sentence"].str.contains(OVER_ROUNDS)),
             "transaction"] = UNATTRIBUTED
    if KIND_GROUP.get(main.kind) == "acquisition":
        holding = _holding(main, groups)
        if holding is not None:  # a part of the target the buyer holds is its holding, not the purchase
            base.loc[(base["metric"] == "stake") & (base["transaction"] == main.id)
                     & (base["value"].astype(float) < 100) & (base["unit"] == "percent"), "transaction"] = holding
    _respectively(base, cleaned, groups)
    # "how long deals took to close if the deal value fell in the $5 billion to $30 billion range":
    # a figure inside a condition naming neither party is a hypothetical, no deal's value ("whether
    # Google's planned $32 billion acquisition of Wiz would ..." names the deal)
    parties = name_words(main.acquirer or "") | name_words(main.target or "")
    supposed = before.map(lambda t: _supposed(t, parties)) & (base["metric"] == "deal_value")
    base.loc[supposed, ["metric", "transaction"]] = ["other", ""]
    # "the biggest supermarket deal since the last time Y changed hands, when it was bought by Z
    # for about $9.8 billion": a figure after the yardstick's "since" or "than" is that deal's
    yardstick = before.map(lambda t: YARDSTICK.search(t) is not None)
    base.loc[yardstick & (base["transaction"] == main.id) & (how != "sentence"), "transaction"] = UNATTRIBUTED
    # shares of a company that is neither party are some other holding, not this deal's price
    others = _other_shares(base, cleaned, main)
    base.loc[others & (base["transaction"] == main.id), "transaction"] = UNATTRIBUTED
    _small_deal_values(base, before, cleaned, groups)
    parts = _consideration_parts(base, cleaned)
    base.loc[parts & base["metric"].isin(["deal_value", "tranche"]), "metric"] = "other"
    later = {t.id for t in groups if t.follow_on}
    for i, t in _in_deal_sentence(base, base["metric"] == "tranche", cleaned, groups):
        if t in later:  # "an additional $4 billion" of a later deal: that deal's amount, not a tranche
            base.loc[i, ["metric", "transaction"]] = ["deal_value", t]
    price = _attested_price(base, how, main.id)
    if price is not None:
        near = pd.Series([math.isclose(float(v), price, rel_tol=SAME_FIGURE) for v in base["value"]],
                         index=base.index)
        totals = (base["metric"] == "other") & before.map(lambda t: RUNNING_TOTAL.search(t) is not None) & near
        for i, t in _in_deal_sentence(base, totals, cleaned, groups):
            if t == main.id:
                base.loc[i, ["metric", "transaction"]] = ["deal_value", t]
        plausible = pd.Series([price / IMPLAUSIBLE_FACTOR <= float(v) <= price * IMPLAUSIBLE_FACTOR
                               for v in base["value"]], index=base.index)
        far = (base["transaction"] == main.id) & (how != "sentence") & (base["metric"] == "deal_value") & ~plausible
        base.loc[far, "transaction"] = UNATTRIBUTED
    return base


def _small_deal_values(base: pd.DataFrame, before: pd.Series, cleaned: list[CleanSource],
                       groups: list[Transaction]) -> None:
    """A "deal value" of a few dollars with no scale word ("sell for about $1,450", "plunged to
    $15.50") sizes no deal: a product's or a share's price (in place). After a price or offer in a
    sentence that gives a price per share ("will pay $51.75 for each share, compared with the
    original price of $61.00") it is a price per share too, given to its deal; else it is other."""
    small = (base["metric"] == "deal_value") & (base["unit"] != "percent") & pd.Series(
        [float(v) < PER_SHARE_SIZED and not _SCALE_WORD.search(str(q))
         for v, q in zip(base["value"], base["quote"], strict=True)], index=base.index, dtype=bool)
    if not small.any():
        return
    per_share = base[base["metric"] == "price_per_share"]
    shared = pd.Series([
        bool(small[i]) and PRICE_BEFORE.search(before[i]) is not None and (
            (per_share["source_id"] == sid) & (per_share["sentence"] == sent)).any()
        for i, sid, sent in zip(base.index, base["source_id"], base["sentence"], strict=True)],
        index=base.index, dtype=bool)
    base.loc[small & ~shared, ["metric", "transaction"]] = ["other", ""]
    if shared.any():
        base.loc[shared, "metric"] = "price_per_share"
        base.loc[shared, "transaction"] = [t for t, _ in assign(base[shared], cleaned, groups)]


def _respectively(base: pd.DataFrame, cleaned: list[CleanSource], groups: list[Transaction]) -> None:
    """"the investments from A and B into C, which were worth $4 billion and $2 billion respectively":
    the figures are those deals' amounts, the first A's and the second B's (in place)."""
    by_source = {cs.source.id: cs for cs in cleaned}
    rows_of = {sid: rows for sid, rows in base[base["unit"] != "percent"].groupby("source_id", sort=False)}
    for sid, cs in by_source.items():
        rows = rows_of.get(sid)
        if rows is None:
            continue
        for sent in cs.sentences:
            text = cs.source.raw[sent.start:sent.end]
            m = RESPECTIVE_DEALS.search(" ".join(text.split()))
            if m is None:
                continue
            figs = rows[[sent.start <= int(x) < sent.end for x in rows["start"]]].sort_values("start")
            names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("names"))]
            # a transaction goes by any of its buyer's names ("Google" and its parent "Alphabet")
            deals = [next((t.id for t in groups if any(
                m.acquirer and same_party(n, m.acquirer) for m in t.mentions)), None) for n in names]
            if len(figs) != len(deals) or None in deals:
                continue
            base.loc[figs.index, "metric"] = "deal_value"
            base.loc[figs.index, "transaction"] = deals


def _other_shares(base: pd.DataFrame, cleaned: list[CleanSource], main: Transaction) -> pd.Series:
    """Figures named as a block of shares of a company that is neither party to the main deal."""
    by_source = {cs.source.id: cs for cs in cleaned}
    out = []
    for sid, end in zip(base["source_id"], base["end"], strict=True):
        cs = by_source.get(sid)
        m = None if cs is None else OF_SHARES.match(cs.source.raw[int(end):int(end) + 80])
        out.append(m is not None and not any(
            party and same_party(m.group("n"), party) for party in (main.acquirer, main.target)))
    return pd.Series(out, index=base.index, dtype=bool)


def _consideration_parts(base: pd.DataFrame, cleaned: list[CleanSource]) -> pd.Series:
    """Figures that are parts of a price, not the price: "$21.5 billion in stock and $12 billion in
    cash" (one sentence paying in two forms), "including $2 billion payable at signing".

    One figure "in cash" is the whole price of a cash deal ("for $43 billion in cash"), so a
    form alone marks nothing; two forms in one sentence split the price between them. Only the
    few figures followed by a form of payment are placed in their sentences (linear in claims).
    """
    by_source = {cs.source.id: cs for cs in cleaned}
    out = pd.Series(False, index=base.index)
    forms: dict[tuple[str, int], dict[object, str]] = {}
    starts: dict[str, list[int]] = {}
    money = base[base["unit"] != "percent"]
    for i, sid, end in zip(money.index, money["source_id"], money["end"], strict=True):
        cs = by_source.get(sid)
        if cs is None or not cs.sentences:
            continue
        end = int(end)
        after = " ".join(cs.source.raw[end:end + 160].split())
        first, paid = PAID_FIRST.match(after), PAID_IN.match(after)
        if first is None and paid is None:
            continue
        if sid not in starts:
            starts[sid] = [x.start for x in cs.sentences]
        k = bisect_right(starts[sid], end - 1) - 1
        sent = cs.sentences[max(k, 0)]
        m = first or paid
        if end + len(m.group(0)) > sent.end + 2:  # the phrase runs into the next sentence
            continue
        if first is not None:
            out[i] = True
        else:
            forms.setdefault((sid, k), {})[i] = "cash" if paid.group("form").lower() == "cash" else "stock"
    for found in forms.values():
        if len(set(found.values())) > 1:
            out[list(found)] = True
    return out


def _holding(main: Transaction, groups: list[Transaction]) -> str | None:
    """The buyer's own stake in its target, found as a transaction of its own ("X has taken a 9.2%
    stake in Y" beside "X offers to buy Y"), if the corpus tells of one."""
    return next((t.id for t in groups if t is not main and KIND_GROUP.get(t.kind) == "investment"
                 and t.acquirer and main.acquirer and same_party(t.acquirer, main.acquirer)
                 and same_party(t.target, main.target)), None)


def _in_deal_sentence(base: pd.DataFrame, mask: pd.Series, cleaned: list[CleanSource],
                      groups: list[Transaction]) -> list[tuple[int, str]]:
    """(row, transaction) of the masked rows whose own sentence is a deal sentence, read as deal figures."""
    if not mask.any():
        return []
    again = assign(base[mask].assign(metric="deal_value"), cleaned, groups)
    return [(i, t) for i, (t, h) in zip(base.index[mask], again, strict=True) if h == "sentence"]


def _valued(before: str, target: str) -> bool | None:
    """None if no deal values anything right before the figure; else whether what it values is
    ``target`` ("values VMware at", not "values the company at")."""
    m = DEAL_VALUES_TARGET.search(before)
    return None if m is None else same_party(m.group("n"), target)


def _attested_price(base: pd.DataFrame, how: pd.Series, main_id: str) -> float | None:
    """The median deal value the main deal's own sentences give (None without one)."""
    rows = base[(base["transaction"] == main_id) & (how == "sentence") & (base["metric"] == "deal_value")
                & (base["unit"] != "percent")]
    if rows.empty:
        return None
    values = sorted(float(v) for v in rows["value"])
    return values[len(values) // 2]


def _supposed(before: str, parties: set[str]) -> bool:
    """Whether a figure stands in an open condition clause that names neither party."""
    m = CONDITION.search(before)
    return m is not None and not parties & name_words(m.group(0))


def _text_before(base: pd.DataFrame, cleaned: list[CleanSource]) -> pd.Series:
    """Each claim's sentence up to its figure, from the raw text (whitespace made single spaces)."""
    by_source = {cs.source.id: cs for cs in cleaned}
    finders = {sid: sentence_finder(cs) for sid, cs in by_source.items()}
    out = []
    for sid, start in zip(base["source_id"], base["start"], strict=True):
        cs = by_source.get(sid)
        start = int(start)
        sent = None if cs is None else finders[sid](start)
        out.append("" if sent is None else " ".join(cs.source.raw[sent.start:start].split()) + " ")
    return pd.Series(out, index=base.index, dtype=object)
