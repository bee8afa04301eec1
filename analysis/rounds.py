"""Rounds: a deal that ended once and came back at another price is two transactions.

"Wiz rejected a proposed $23 billion acquisition deal" in 2024, then "Alphabet agreed to buy Wiz
for $32 billion" in 2025: the same parties, two deals. Compared as one, the $23 billion reads as
an update of the $32 billion, and the coverage "settles" across both. The earlier round is found
from the figures the corpus gives where it tells of the deal's end: when most of those sentences
give one price that no sentence of the deal's agreement or completion gives, that price and its
mentions are the earlier round's. A deal that ended at the price it was agreed at (a blocked or
abandoned merger) stays one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pandas as pd

from .cleaning import CleanSource
from .deal_sentences import DealMention
from .numbers import parse_amounts
from .transactions import MAIN_ID, UNATTRIBUTED, Transaction, _names

#: Share two deal figures may differ by and still be one price (rounding, "about").
ROUND_SLACK = 0.05
#: Sources that must tell of the end at the earlier round's price.
MIN_SOURCES = 2


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= ROUND_SLACK * max(abs(a), abs(b))


def split_rounds(groups: list[Transaction], cleaned: list[CleanSource],
                 is_price: Callable[[str, object], bool]) -> list[Transaction]:
    """``groups`` with the main deal's earlier, ended round as a transaction of its own (after
    the main one), when the corpus shows one. ``is_price(sentence, amount)`` says whether a
    money figure is a deal's price (the claims' metric rules)."""
    from .dating.stage import stage_hits

    if not groups or groups[0].follow_on:
        return groups
    main = groups[0]
    ended: Counter[float] = Counter()
    ended_sources: dict[float, set[str]] = {}
    ended_mentions: dict[float, list[DealMention]] = {}
    later: list[float] = []
    for cs in cleaned:
        for sent in cs.sentences:
            text = sent.text
            if not (_names(text, main.target) or _names(text, main.acquirer)):
                continue
            kinds = {k for k, _ in stage_hits(text)}
            if not kinds & {"ended", "agreed", "completed"}:
                continue
            prices = [a.value for a in parse_amounts(text) if a.kind == "money" and a.unit == "USD"
                      and a.value >= 1e6 and is_price(text, a)]
            if "ended" in kinds:
                for v in prices:
                    key = next((k for k in ended if _same(k, v)), v)
                    ended[key] += 1
                    ended_sources.setdefault(key, set()).add(cs.source.id)
                    ended_mentions.setdefault(key, []).append(DealMention(
                        cs.source.id, main.acquirer, main.target, main.kind, sent.start, sent.end,
                        cs.source.raw[sent.start:sent.end], "ended_round", v, 0.0))
            else:
                later.extend(prices)
    if not ended or not later:
        return groups
    price, _ = max(ended.items(), key=lambda kv: (kv[1], len(ended_sources[kv[0]]), kv[0]))
    if len(ended_sources[price]) < MIN_SOURCES or any(_same(price, v) for v in later):
        return groups
    earlier = Transaction("", main.acquirer, main.target, main.kind, ended_mentions[price],
                          ended_round=True)
    out = [*groups, earlier]
    for i, t in enumerate(out, start=1):
        t.id = f"t{i}"
    return out


def reassign_rounds(base: pd.DataFrame, groups: list[Transaction]) -> pd.DataFrame:
    """Deal values given to the main deal that are the earlier round's price (and not a price of
    the deal's own) move to the earlier round."""
    rounds = [t for t in groups if t.ended_round]
    if not rounds or base.empty:
        return base
    base = base.copy()
    for t in rounds:
        price = t.mentions[0].amount
        main_prices = base[base["transaction"].isin([MAIN_ID, UNATTRIBUTED]) & (base["metric"] == "deal_value")]
        for i, r in main_prices.iterrows():
            if r["unit"] == "USD" and _same(float(r["value"]), price):
                base.at[i, "transaction"] = t.id
    return base
