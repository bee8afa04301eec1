"""Compare claims across sources: same, compatible, superseded or contradictory.

Two claims contradict only when their intervals do not overlap and the timeline cannot
explain the difference; when one source appeared strictly later, its figure supersedes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

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


def _source_of(row: pd.Series) -> str:
    if row["source_id"] == "derived":
        return str(row["claim_id"]).split("-")[1]
    return str(row["source_id"])


def _describe(c: pd.Series, source: str) -> str:
    """'$14 bn (s002: $13.5 bn to $14.5 bn)': the figure, its source and what it admits."""
    digits = 1 if c["source_id"] == "derived" else 2
    kind = "implied, " if c["source_id"] == "derived" else ""
    return (f"{figure(c['value'], c['unit'], digits)} ({source}: {kind}"
            f"{interval(c['lower'], c['upper'], c['unit'])})")


def verdict(a: pd.Series, b: pd.Series, later: Callable[[str, str], bool | None]) -> tuple[str, str]:
    """The verdict for one pair and a one-line explanation naming both intervals."""
    sa, sb = _source_of(a), _source_of(b)
    da = _describe(a, sa)
    db = _describe(b, sb)
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
    """
    later = later or (lambda x, y: None)
    rows = []
    metrics = sorted(set(claims["metric"]) - NOT_COMPARED)
    for metric in metrics:
        family = METRIC_FAMILIES.get(metric, (metric,))
        sub = claims[claims["metric"].isin(family)].sort_values("claim_id", kind="stable")
        for a, b in _pairs(sub, metric):
            v, why = verdict(a, b, later)
            rows.append({
                "metric": metric, "claim_a": a["claim_id"], "claim_b": b["claim_id"],
                "source_a": _source_of(a), "source_b": _source_of(b), "verdict": v,
                "explanation": why,
            })
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def _pairs(sub: pd.DataFrame, metric: str) -> list[tuple[pd.Series, pd.Series]]:
    """The pairs of rows of ``sub`` to compare, in ``itertools.combinations`` order.

    Only claims of one transaction are paired, so rows are grouped by transaction first
    and the per-pair tests read plain tuples: the work grows with the pairs compared,
    not with every pair of the metric.
    """
    records = [row for _, row in sub.iterrows()]
    keys = [(row["metric"], row["source_id"] == "derived", _source_of(row), str(row.get("transaction", "")))
            for row in records]
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
    return [(records[x], records[y]) for x, y in chosen]
