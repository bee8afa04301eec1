"""Claim comparison pairs: grouped by transaction, the same rows as trying every pair."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from analysis.claims import Lexicons, extract_claims
from analysis.cleaning import clean_corpus, load_rules
from analysis.compare import COMPARISON_COLUMNS, METRIC_FAMILIES, NOT_COMPARED, _source_of, compare_claims, verdict
from analysis.corpus import load_corpus
from analysis.paths import EXAMPLES_DIR, SEEDS_DIR
from analysis.transactions import UNATTRIBUTED

DIRS = [SEEDS_DIR] + sorted(p for p in EXAMPLES_DIR.iterdir() if p.is_dir() and p.name != "broadcom-vmware")


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
                         "explanation": why})
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


@pytest.mark.parametrize("corpus", DIRS, ids=[d.name for d in DIRS])
def test_grouped_pairs_equal_every_pair(corpus) -> None:
    claims = extract_claims(clean_corpus(load_corpus(corpus), load_rules()), Lexicons.load())

    def later(x: str, y: str) -> bool | None:  # a fixed, arbitrary order exercises "superseded"
        return True if x > y else None

    got = compare_claims(claims, later)
    assert len(got) > 0
    pd.testing.assert_frame_equal(got, _every_pair(claims, later))
