"""Compare claims across sources: same, compatible, superseded or contradictory.

Two claims contradict only when their intervals do not overlap and the timeline cannot
explain the difference; when one source appeared strictly later, its figure supersedes.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Mapping

import pandas as pd

from .formatting import figure, interval
from .transactions import UNATTRIBUTED

COMPARISON_COLUMNS = [
    "metric", "claim_a", "claim_b", "source_a", "source_b", "verdict", "explanation",
]
VERDICTS = ("same", "compatible_rounding", "compatible_bound", "superseded", "contradicts",
            "differs_from_projection", "different_units")
POINT_BOUNDS = {"exact", "approx", "derived"}
# Not compared: a share-price move describes one trading day, and "other" mixes unrelated
# figures; two sources giving different values there are not disagreeing about one quantity.
NOT_COMPARED = {"share_price_move", "other", "tranche"}
# Metrics compared with each other: an implied valuation is set against stated ones.
METRIC_FAMILIES = {"valuation_at_deal": ("valuation_at_deal", "valuation_projected")}


def _source_of(row: Mapping) -> str:
    if row["source_id"] == "derived":
        return str(row["claim_id"]).split("-")[1]
    return str(row["source_id"])


def _describe(c: Mapping, source: str) -> str:
    """'$14 bn (s002: $13.5 bn to $14.5 bn)': the figure, its source and what it admits."""
    digits = 1 if c["source_id"] == "derived" else 2
    kind = "implied, " if c["source_id"] == "derived" else ""
    return (f"{figure(c['value'], c['unit'], digits)} ({source}: {kind}"
            f"{interval(c['lower'], c['upper'], c['unit'])})")


def verdict(a: Mapping, b: Mapping, later: Callable[[str, str], bool | None]) -> tuple[str, str]:
    """The verdict for one pair and a one-line explanation naming both intervals."""
    sa, sb = _source_of(a), _source_of(b)
    return _verdict(a, b, _describe(a, sa), _describe(b, sb), sa, sb, later)


def _verdict(a: Mapping, b: Mapping, da: str, db: str, sa: str, sb: str,
             later: Callable[[str, str], bool | None]) -> tuple[str, str]:
    """``verdict`` with each claim's source and description computed once, not once per pair."""
    if a["unit"] != b["unit"]:
        return "different_units", f"{da} and {db} are in different units; not compared"
    if a["value"] == b["value"] and a["bound"] == b["bound"]:
        return "same", f"{da} and {db} state the same figure"
    overlap = a["lower"] <= b["upper"] and b["lower"] <= a["upper"]
    if a["metric"] != b["metric"]:  # a valuation at the deal set against a projection
        if overlap:
            return "compatible_bound", f"{da} falls within what {db} projected"
        return "differs_from_projection", (f"{da} lies outside {db}: the implied valuation at the deal "
                                           "differs from the earlier projection")
    if overlap:
        if a["bound"] in POINT_BOUNDS and b["bound"] in POINT_BOUNDS:
            return "compatible_rounding", f"{da} and {db} overlap once rounding is allowed for"
        return "compatible_bound", f"{da} and {db} are compatible: a bound admits the other figure"
    order = later(sb, sa)
    if order is True:
        return "superseded", f"{db} appeared later than {da}: a later report puts the figure differently"
    if later(sa, sb) is True:
        return "superseded", f"{da} appeared later than {db}: a later report puts the figure differently"
    return "contradicts", f"{da} and {db} do not overlap and neither source is known to be later"


def compare_claims(
    claims: pd.DataFrame, later: Callable[[str, str], bool | None] | None = None
) -> pd.DataFrame:
    """Every cross-source pair of claims on the same metric (or metric family) and the same
    transaction, with a verdict.

    ``later(x, y)`` is True when source x certainly appeared after source y (timeline).
    The pairs are many (every two sources giving one metric), so the work per pair is kept
    to comparing plain values: each claim is read, described and given its source once, and
    each pair of sources is put to ``later`` once.
    """
    later = functools.lru_cache(maxsize=None)(later or (lambda x, y: None))
    rows: list[tuple] = []
    metrics = sorted(set(claims["metric"]) - NOT_COMPARED)
    for metric in metrics:
        family = METRIC_FAMILIES.get(metric, (metric,))
        sub = claims[claims["metric"].isin(family)].sort_values("claim_id", kind="stable")
        records = sub.to_dict("records")
        sources = [_source_of(r) for r in records]
        described = [_describe(r, s) for r, s in zip(records, sources, strict=True)]
        for x, y in _pairs(records, sources, metric):
            a, b = records[x], records[y]
            v, why = _verdict(a, b, described[x], described[y], sources[x], sources[y], later)
            rows.append((metric, a["claim_id"], b["claim_id"], sources[x], sources[y], v, why))
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def _pairs(records: list[dict], sources: list[str], metric: str) -> list[tuple[int, int]]:
    """The index pairs of ``records`` to compare, in ``itertools.combinations`` order.

    Only claims of one transaction are paired, so rows are grouped by transaction first
    and the per-pair tests read plain tuples: the work grows with the pairs compared,
    not with every pair of the metric.
    """
    keys = [(row["metric"], row["source_id"] == "derived", src, str(row.get("transaction", "")))
            for row, src in zip(records, sources, strict=True)]
    groups: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        groups.setdefault(key[3], []).append(k)
    chosen = []
    for tx, members in groups.items():
        if tx == UNATTRIBUTED:
            continue  # a deal figure whose transaction is unknown is compared with nothing
        for x, y in itertools.combinations(members, 2):
            (ma, da, sa, _), (mb, db, sb, _) = keys[x], keys[y]
            if ma != metric and mb != metric:
                continue
            if ma != mb and not (da or db):
                continue
            if sa == sb:
                continue
            chosen.append((x, y))
    chosen.sort()
    return chosen
