"""Comparison verdicts: a contradiction only when intervals miss and time cannot order."""

from __future__ import annotations

import math

import pandas as pd

from analysis.compare import compare_claims


def claim(cid: str, src: str, value: float, lower: float, upper: float, bound: str = "exact",
          metric: str = "deal_value") -> dict:
    return {"claim_id": cid, "source_id": src, "metric": metric, "value": value, "unit": "USD",
            "lower": lower, "upper": upper, "bound": bound}


def verdicts(rows: list[dict], later=None) -> list[str]:
    return list(compare_claims(pd.DataFrame(rows), later)["verdict"])


def test_rounding_bound_same_and_contradiction() -> None:
    a = claim("a-c01", "a", 14e9, 13.5e9, 14.5e9)
    b = claim("b-c01", "b", 14.3e9, 14.25e9, 14.35e9)
    c = claim("c-c01", "c", 10e9, 10e9, math.inf, "lower")
    d = claim("d-c01", "d", 10e9, 9.5e9, 10.5e9)
    e = claim("e-c01", "e", 14e9, 13.5e9, 14.5e9)
    assert verdicts([a, b]) == ["compatible_rounding"]
    assert verdicts([b, c]) == ["compatible_bound"]
    assert verdicts([a, d]) == ["contradicts"]
    assert verdicts([a, e]) == ["same"]


def test_later_source_supersedes() -> None:
    early = claim("a-c01", "a", 10e9, 9.5e9, 10.5e9)
    late = claim("b-c01", "b", 14.3e9, 14.25e9, 14.35e9)
    comp = compare_claims(pd.DataFrame([early, late]), lambda x, y: x == "b" and y == "a")
    assert comp["verdict"].tolist() == ["superseded"]
    assert "b" in comp["explanation"].iloc[0]


def test_same_source_pairs_are_not_compared_and_derived_meets_projection() -> None:
    rows = [claim("a-c01", "a", 10e9, 9.5e9, 10.5e9), claim("a-c02", "a", 10e9, 10e9, math.inf,
                                                            "lower"),
            claim("derived-b-implied_valuation", "derived", 29e9, 28e9, 30e9, "derived",
                  "valuation_at_deal"),
            claim("c-c01", "c", 20e9, 18e9, 20e9, "upper_approx", "valuation_projected")]
    comp = compare_claims(pd.DataFrame(rows))
    assert ("a-c01", "a-c02") not in set(zip(comp["claim_a"], comp["claim_b"], strict=True))
    pair = comp[comp["metric"] == "valuation_at_deal"]
    assert pair["verdict"].tolist() == ["differs_from_projection"]
    assert "projection" in pair["explanation"].iloc[0]


def test_timeline_is_asked_once_per_pair_of_sources() -> None:
    """Many claims from the same two sources put one question to the timeline, not one per pair."""
    rows = [claim(f"a-c{i:02d}", "a", 10e9 + i, 10e9 + i, 10e9 + i) for i in range(5)]
    rows += [claim(f"b-c{i:02d}", "b", 20e9 + i, 20e9 + i, 20e9 + i) for i in range(5)]
    asked: list[tuple[str, str]] = []

    def later(x: str, y: str) -> bool | None:
        asked.append((x, y))
        return x == "b" and y == "a"

    comp = compare_claims(pd.DataFrame(rows), later)
    assert len(comp) == 25 and set(comp["verdict"]) == {"superseded"}
    assert sorted(asked) == [("b", "a")]
