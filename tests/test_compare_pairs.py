"""Claim comparison pairs: grouped by transaction, the same rows as trying every pair."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.claims import Lexicons, extract_claims
from analysis.cleaning import clean_corpus, load_rules
from analysis.compare import (
    COMPARISON_COLUMNS,
    METRIC_FAMILIES,
    NOT_COMPARED,
    _figure_key,
    _source_of,
    compare_claims,
    count_later,
    later_by_keys,
    verdict,
)
from analysis.corpus import load_corpus
from analysis.paths import SEEDS_DIR, example_corpora
from analysis.transactions import UNATTRIBUTED

DIRS = [SEEDS_DIR, *example_corpora()]  # the corpus kept unseen is never read here


def _every_pair(claims: pd.DataFrame, later) -> pd.DataFrame:
    """The straightforward loop: every pair of claims of a metric family, filtered."""
    rows = []
    for metric in sorted(set(claims["metric"]) - NOT_COMPARED):
        family = METRIC_FAMILIES.get(metric, (metric,))
        sub = claims[claims["metric"].isin(family)].sort_values("claim_id", kind="stable")
        for (_, a), (_, b) in itertools.combinations(sub.iterrows(), 2):
            if a["metric"] != metric and b["metric"] != metric:
                continue
            if a["metric"] != b["metric"] and "derived" not in (a["source_id"], b["source_id"]):
                continue
            if _source_of(a) == _source_of(b):
                continue
            if str(a.get("transaction", "")) != str(b.get("transaction", "")):
                continue
            if a.get("transaction") == UNATTRIBUTED:
                continue
            v, why = verdict(a, b, later)
            rows.append({"metric": metric, "claim_a": a["claim_id"], "claim_b": b["claim_id"],
                         "source_a": _source_of(a), "source_b": _source_of(b), "verdict": v,
                         "explanation": why, "pairs": 1})
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


@pytest.mark.parametrize("corpus", DIRS, ids=[d.name for d in DIRS])
def test_grouped_pairs_equal_every_pair(corpus) -> None:
    claims = extract_claims(clean_corpus(load_corpus(corpus), load_rules()), Lexicons.load())

    def later(x: str, y: str) -> bool | None:  # a fixed, arbitrary order exercises "superseded"
        return True if x > y else None

    got = compare_claims(claims, later)
    assert len(got) > 0
    pd.testing.assert_frame_equal(got, _every_pair(claims, later))


def _per_figures(comparisons: pd.DataFrame, claims: pd.DataFrame) -> Counter:
    """Pairs per (metric, the two figures, verdict): what a row of either mode stands for."""
    key = {r["claim_id"]: _figure_key(r) for _, r in claims.iterrows()}
    out: Counter = Counter()
    for _, r in comparisons.iterrows():
        out[(r["metric"], *sorted([key[r["claim_a"]], key[r["claim_b"]]], key=str), r["verdict"])] += int(r["pairs"])
    return out


@pytest.mark.parametrize("corpus", DIRS, ids=[d.name for d in DIRS])
def test_figure_clusters_count_what_every_pair_gives(corpus) -> None:
    """Above PAIR_LIMIT claims a row stands for all pairs of two figures with one verdict; forced
    here on real corpora (limit 0), the counts equal those of comparing every pair, with the
    time order read from windows and stages (dates, overlaps, open ends, undated sources)."""
    claims = extract_claims(clean_corpus(load_corpus(corpus), load_rules()), Lexicons.load())
    sources = sorted({_source_of(r) for _, r in claims.iterrows()})
    days = [date(2024, 1, 1) + timedelta(days=3 * k) for k in range(len(sources))]
    times = {s: ((days[k] if k % 4 else None), (days[k] + timedelta(days=k % 5) if k % 3 else None), k % 4)
             for k, s in enumerate(sources)}
    pairwise = compare_claims(claims, times=times)
    clustered = compare_claims(claims, times=times, limit=0)
    assert len(clustered) < len(pairwise)
    assert _per_figures(pairwise, claims) == _per_figures(clustered, claims)
    assert clustered["pairs"].sum() == len(pairwise)


_day = st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2024, 1, 20)))


@given(st.lists(st.tuples(_day, _day, st.integers(0, 3)), max_size=12),
       st.lists(st.tuples(_day, _day, st.integers(0, 3)), max_size=12))
def test_count_later_equals_asking_every_pair(after, before) -> None:
    def window(k):  # earliest <= latest, as every timeline window is
        lo, hi, stage = k
        return (min(lo, hi), max(lo, hi), stage) if lo and hi else k

    after, before = [window(k) for k in after], [window(k) for k in before]
    assert count_later(after, before) == sum(later_by_keys(x, y) is True for x in after for y in before)
