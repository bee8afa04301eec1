"""Compare claims across sources: same, compatible, superseded or contradictory.

Two claims contradict only when their intervals do not overlap and the timeline cannot
explain the difference; when one source appeared strictly later, its figure supersedes.

Every pair of claims of one metric and transaction is compared, so the pairs grow with
the square of the sources. Up to ``PAIR_LIMIT`` claims in such a group each pair is its
own row (``pairs`` = 1). Above it, claims stating the same figure form a cluster, and a
row stands for all pairs of two clusters with one verdict (``pairs`` counts them, the
claims named are the clusters' first): the verdicts are counted from the sources' time
windows by sorting (:func:`count_later`), so the work grows with the sources, not their
pairs, and the counts equal those of comparing every pair (a test checks).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date

import pandas as pd

from .basis import EQUITY, INCLUDING_DEBT, may_leave_out_debt
from .formatting import figure, interval
from .transactions import UNATTRIBUTED

COMPARISON_COLUMNS = [
    "metric", "claim_a", "claim_b", "source_a", "source_b", "verdict", "explanation", "pairs",
]
PAIR_LIMIT = 300  # claims of one metric and transaction compared pair by pair; above, by figure clusters
#: A source's place in time: earliest and latest possible date (None: open) and deal stage rank.
TimeKey = tuple[date | None, date | None, int]
VERDICTS = ("same", "compatible_rounding", "compatible_bound", "superseded", "contradicts",
            "differs_from_projection", "different_units", "different_basis", "debt_unstated")
#: A price including the target's debt against a smaller figure that does not say whether it counts
#: the debt but may be the equity value (``basis.may_leave_out_debt``): neither a disagreement nor a
#: difference of basis is known, so the pair is counted apart from both.
DEBT_UNSTATED = "debt_unstated"
#: How reports name the verdict (beside ``formatting.VERDICT_LABELS``).
DEBT_UNSTATED_LABEL = "May differ by the debt"
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
    basis = _different_basis(a, b)
    if basis:
        return "different_basis", f"{da} and {db} measure different things: {basis}; not compared"
    unsaid = _debt_unstated(a, b)
    if unsaid:
        order = f" ({sb} appeared later than {sa})" if later(sb, sa) is True else (
            f" ({sa} appeared later than {sb})" if later(sa, sb) is True else "")
        return DEBT_UNSTATED, f"{da} and {db} may differ by the debt: {unsaid}; not compared{order}"
    if a["value"] == b["value"] and a["bound"] == b["bound"]:
        return "same", f"{da} and {db} state the same figure"
    overlap = _overlap(a, b)
    if a["metric"] != b["metric"]:  # a valuation at the deal set against a projection
        if overlap:
            return "compatible_bound", f"{da} falls within what {db} projected"
        return "differs_from_projection", (f"{da} lies outside {db}: the implied valuation at the deal "
                                           "differs from the earlier projection")
    if overlap:
        if a["bound"] in POINT_BOUNDS and b["bound"] in POINT_BOUNDS:
            return "compatible_rounding", f"{da} and {db} overlap once rounding is allowed for"
        return "compatible_bound", f"{da} and {db} are compatible: a bound admits the other figure"
    note = _debt_note(a, b)
    order = later(sb, sa)
    if order is True:
        return "superseded", f"{db} appeared later than {da}: a later report puts the figure differently{note}"
    if later(sa, sb) is True:
        return "superseded", f"{da} appeared later than {db}: a later report puts the figure differently{note}"
    return "contradicts", f"{da} and {db} do not overlap and neither source is known to be later{note}"


# Which pairs are with and without debt is read from the bases the claims state (or that the claims
# stage reads from the figures as stated, ``basis.known_bases``), never from the intervals "about"
# widens: it must not move with ``approx_tolerance``.


def _basis(row: Mapping) -> str:
    value = row.get("basis")
    return value if isinstance(value, str) else ""  # a table read back writes "" as NaN


def _via(row: Mapping) -> str:
    source = row.get("basis_from")
    return f" (as {source} says of the same figure)" if isinstance(source, str) and source else ""


def _different_basis(a: Mapping, b: Mapping) -> str:
    """Why two prices are on different bases ("" when they are not known to be): one counts the
    target's debt and the other is the equity value, each as its words say or as the figures as
    stated support (``basis.known_bases``). A figure that says nothing is not taken for the equity
    value because it is smaller: a misprint or a cut price is smaller too (see :func:`_debt_note`)."""
    ba, bb = _basis(a), _basis(b)
    if {ba, bb} != {INCLUDING_DEBT, EQUITY}:
        return ""
    with_debt, other = (a, b) if ba == INCLUDING_DEBT else (b, a)
    return f"one includes the target's debt{_via(with_debt)}, the other is the equity value{_via(other)}"


#: Bounds whose figure may be set against a price including debt as a possible equity value: a floor
#: ("more than $40 billion") below the price admits it whatever its basis.
_UNSTATED_BOUNDS = {"exact", "approx", "upper", "upper_approx"}


def _debt_unstated(a: Mapping, b: Mapping) -> str:
    """Why two prices may differ by the debt ("" when not): one states that it includes the
    target's debt, the other says nothing of it and may be the equity value, read from the figures
    as stated (``basis.may_leave_out_debt``: smaller, at least ``basis.DEBT_SHARE`` of it, not the
    same figure at another precision), never from the intervals "about" widens. Nothing says it is
    the equity value, nor that the two disagree ("$4.5 billion" beside "$5.4 billion including
    debt" may be a misprint, "$14.1 billion" the equity value): the verdict says what is known."""
    ba, bb = _basis(a), _basis(b)
    if INCLUDING_DEBT not in (ba, bb) or "" not in (ba, bb):
        return ""
    with_debt, other = (a, b) if ba == INCLUDING_DEBT else (b, a)
    if other["bound"] not in _UNSTATED_BOUNDS or not may_leave_out_debt(other["value"], with_debt["value"]):
        return ""
    return f"the larger includes the target's debt{_via(with_debt)}, the smaller does not say whether it does"


def _debt_note(a: Mapping, b: Mapping) -> str:
    """For a disagreement of a price including debt and a smaller one that does not say what it
    counts, too small to be its equity value (below ``basis.DEBT_SHARE`` of it; see
    :func:`_debt_unstated`): '; the larger includes the target's debt, the smaller does not say
    whether it does' (a possible reason, not a known one; "" otherwise)."""
    ba, bb = _basis(a), _basis(b)
    if INCLUDING_DEBT not in (ba, bb) or "" not in (ba, bb):
        return ""
    with_debt, other = (a, b) if ba == INCLUDING_DEBT else (b, a)
    if other["value"] >= with_debt["value"]:
        return ""
    return f"; the larger includes the target's debt{_via(with_debt)}, the smaller does not say whether it does"


def _overlap(a: Mapping, b: Mapping) -> bool:
    """Whether two intervals share more than a point when both figures are exact: "$53" covers
    $52.50 to $53.50 and "$54" $53.50 to $54.50, and a price of $53.50 is written "$54", never
    "$53" (the rounding ranges only touch: two prices, not one). Other bounds overlap when they meet."""
    lo, hi = max(a["lower"], b["lower"]), min(a["upper"], b["upper"])
    if a["bound"] == "exact" and b["bound"] == "exact":
        return hi - lo > 1e-9 * max(abs(a["value"]), abs(b["value"]), 1.0)
    return lo <= hi


def with_pairs(comparisons: pd.DataFrame) -> pd.DataFrame:
    """The table with its ``pairs`` column (a table written before it existed counts one pair a row)."""
    return comparisons if "pairs" in comparisons.columns else comparisons.assign(pairs=1)


def later_by_keys(a: TimeKey, b: TimeKey) -> bool | None:
    """True when a source at ``a`` certainly appeared after one at ``b``: its earliest date is after
    b's latest, or the windows overlap and a is at a strictly later deal stage (0: unknown);
    False when b is certainly later by dates; None when unknown."""
    a_lo, a_hi, a_stage = a
    b_lo, b_hi, b_stage = b
    if a_lo and b_hi and a_lo > b_hi:
        return True
    if b_lo and a_hi and b_lo > a_hi:
        return False
    if a_stage > b_stage and a_stage > 0 and b_stage > 0:
        return True
    return None


def compare_claims(
    claims: pd.DataFrame, later: Callable[[str, str], bool | None] | None = None,
    times: Mapping[str, TimeKey] | None = None, limit: int = PAIR_LIMIT,
) -> pd.DataFrame:
    """Every cross-source pair of claims on the same metric (or metric family) and the same
    transaction, with a verdict.

    ``later(x, y)`` is True when source x certainly appeared after source y (timeline);
    ``times`` gives each source's :data:`TimeKey` instead (and lets large groups be counted
    by sorting). The work per pair is kept to comparing plain values: each claim is read,
    described and given its source once, and each pair of sources is put to ``later`` once.
    """
    if times is not None:
        known = dict(times)
        unknown: TimeKey = (None, None, 0)
        later = lambda x, y: later_by_keys(known.get(x, unknown), known.get(y, unknown))  # noqa: E731
    later = functools.lru_cache(maxsize=None)(later or (lambda x, y: None))
    rows: list[tuple] = []
    metrics = sorted(set(claims["metric"]) - NOT_COMPARED)
    for metric in metrics:
        family = METRIC_FAMILIES.get(metric, (metric,))
        sub = claims[claims["metric"].isin(family)].sort_values("claim_id", kind="stable")
        records = sub.to_dict("records")
        sources = [_source_of(r) for r in records]
        described = [_describe(r, s) for r, s in zip(records, sources, strict=True)]
        for members in _groups(records, sources):
            if len(members) > limit:
                rows += _cluster_rows(metric, records, sources, described, members, later, times)
                continue
            for x, y in _pairs(records, sources, metric, members):
                a, b = records[x], records[y]
                v, why = _verdict(a, b, described[x], described[y], sources[x], sources[y], later)
                rows.append((metric, a["claim_id"], b["claim_id"], sources[x], sources[y], v, why, 1))
    df = pd.DataFrame(rows, columns=COMPARISON_COLUMNS)
    return df.sort_values(["metric", "claim_a", "claim_b", "verdict"], kind="stable").reset_index(drop=True)


def _groups(records: list[dict], sources: list[str]) -> list[list[int]]:
    """Indices of ``records`` per transaction (a figure of no known transaction is compared with nothing)."""
    groups: dict[str, list[int]] = {}
    for k, row in enumerate(records):
        groups.setdefault(str(row.get("transaction", "")), []).append(k)
    return [m for tx, m in groups.items() if tx != UNATTRIBUTED]


def _key(row: Mapping, src: str) -> tuple[str, bool, str]:
    return row["metric"], row["source_id"] == "derived", src


def _paired(ka: tuple[str, bool, str], kb: tuple[str, bool, str], metric: str) -> bool:
    """Whether two claims of a metric family are compared while doing ``metric``: one of them is
    of it, a stated figure meets only its own metric (an implied one meets the family), and the
    two come from different sources."""
    (ma, da, sa), (mb, db, sb) = ka, kb
    if ma != metric and mb != metric:
        return False
    if ma != mb and not (da or db):
        return False
    return sa != sb


def _pairs(records: list[dict], sources: list[str], metric: str,
           members: Sequence[int]) -> list[tuple[int, int]]:
    """The index pairs of ``members`` to compare, in ``itertools.combinations`` order."""
    keys = {k: _key(records[k], sources[k]) for k in members}
    return sorted((x, y) for x, y in itertools.combinations(members, 2) if _paired(keys[x], keys[y], metric))


# --------------------------------------------------------------------------- large groups


def _figure_key(row: Mapping) -> tuple:
    return (row["metric"], row["source_id"] == "derived", row["unit"], row["value"], row["bound"],
            row["lower"], row["upper"], _basis(row))


def count_later(after: Sequence[TimeKey], before: Sequence[TimeKey]) -> int:
    """How many pairs (x from ``after``, y from ``before``) have ``later_by_keys(x, y)`` True,
    counted by sorting: dates first (x's earliest after y's latest), then, where the windows
    overlap, a strictly later deal stage. An open end never decides."""
    his = sorted(y[1] for y in before if y[1])
    by_stage: dict[int, tuple[list[date], list[date], int]] = {}
    for stage in {y[2] for y in before if y[2] > 0}:
        ys = [y for y in before if y[2] == stage]
        by_stage[stage] = (sorted(y[1] for y in ys if y[1]), sorted(y[0] for y in ys if y[0]), len(ys))
    total = 0
    for lo, hi, stage in after:
        total += bisect.bisect_left(his, lo) if lo else 0  # before's latest < x's earliest
        for s, (s_his, s_los, n) in by_stage.items():
            if not (stage > s > 0):
                continue
            earlier = bisect.bisect_left(s_his, lo) if lo else 0  # decided by dates: x later
            later_ones = len(s_los) - bisect.bisect_right(s_los, hi) if hi else 0  # y certainly later
            total += n - earlier - later_ones
    return total


def _cluster_rows(metric: str, records: list[dict], sources: list[str], described: list[str],
                  members: list[int], later: Callable[[str, str], bool | None],
                  times: Mapping[str, TimeKey] | None) -> list[tuple]:
    """Rows for a group too large to list pair by pair: one per two figure clusters and verdict."""
    clusters: dict[tuple, list[int]] = defaultdict(list)
    for k in members:
        clusters[_figure_key(records[k])].append(k)
    groups = sorted(clusters.values(), key=lambda ks: ks[0])
    unknown: TimeKey = (None, None, 0)
    rows = []
    for i, p in enumerate(groups):
        for q in groups[i:]:
            a, b = records[p[0]], records[q[0]]
            if not _paired(_key(a, ""), _key(b, "-"), metric):
                continue
            same_source = Counter(sources[k] for k in p)
            if p is q:
                n = len(p) * (len(p) - 1) // 2 - sum(c * (c - 1) // 2 for c in same_source.values())
            else:
                n = len(p) * len(q) - sum(same_source[sources[k]] for k in q)
            if n <= 0:
                continue
            v, why = _verdict(a, b, described[p[0]], described[q[0]], "a", "b", lambda x, y: None)
            counts: Counter[str] = Counter()
            if v != "contradicts":
                counts[v] = n
            elif times is not None:
                tp = [times.get(sources[k], unknown) for k in p]
                tq = [times.get(sources[k], unknown) for k in q]
                counts["superseded"] = count_later(tq, tp) + count_later(tp, tq)
                counts["contradicts"] = n - counts["superseded"]
            else:
                for x in p:
                    for y in q:
                        if sources[x] != sources[y]:
                            decided = later(sources[y], sources[x]) is True or later(sources[x], sources[y]) is True
                            counts["superseded" if decided else "contradicts"] += 1
            fa = f"{figure(a['value'], a['unit'])} ({len(p)} claims)"
            fb = f"{figure(b['value'], b['unit'])} ({len(q)} claims)"
            for verdict_name in sorted(counts):
                if counts[verdict_name]:
                    rows.append((metric, a["claim_id"], b["claim_id"], sources[p[0]], sources[q[0]], verdict_name,
                                 f"{counts[verdict_name]} pairs of {fa} and {fb}: {verdict_name.replace('_', ' ')} "
                                 f"(the claims named are each figure's first)", counts[verdict_name]))
    return rows
