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


def test_a_price_including_debt_and_an_equity_value_measure_different_things() -> None:
    """"$14.9 billion including debt" and "$14.1 billion" stated as the equity value are no
    disagreement: the debt makes the difference. A smaller figure that says nothing may differ by
    the debt and is counted apart from both (neither a disagreement nor a difference of basis is
    known); a larger one disagrees as any figure; the pairs are the same whether listed one by one
    or counted by figure."""
    debt = {**claim("a-c01", "a", 14.9e9, 14.85e9, 14.95e9), "basis": "including_debt"}
    bare = {**claim("b-c01", "b", 14.1e9, 14.05e9, 14.15e9), "basis": ""}
    equity = {**claim("c-c01", "c", 14.1e9, 14.05e9, 14.15e9), "basis": "equity"}
    larger = {**claim("d-c01", "d", 16e9, 15.5e9, 16.5e9), "basis": ""}
    comp = compare_claims(pd.DataFrame([debt, bare, equity, larger]))
    got = {(a, b): v for a, b, v in zip(comp["source_a"], comp["source_b"], comp["verdict"], strict=True)}
    why = dict(zip(zip(comp["source_a"], comp["source_b"], strict=True), comp["explanation"], strict=True))
    assert got[("a", "c")] == "different_basis" and got[("a", "b")] == "debt_unstated"
    assert got[("a", "d")] == "contradicts" and got[("b", "c")] == "same"
    assert "includes the target's debt" in why[("a", "c")] and "equity value" in why[("a", "c")]
    assert why[("a", "b")].endswith("may differ by the debt: the larger includes the target's debt, the smaller "
                                    "does not say whether it does; not compared")
    assert "debt" not in why[("a", "d")]
    clustered = compare_claims(pd.DataFrame([debt, bare, equity, larger]), limit=1)
    assert clustered.groupby("verdict")["pairs"].sum().to_dict() == comp.groupby("verdict")["pairs"].sum().to_dict()


def test_a_misprint_smaller_than_a_price_with_debt_may_differ_by_the_debt() -> None:
    """intel-tower: a lone "$4.5 billion" (a misprint of $5.4 billion) beside "$5.4 billion including
    debt": nothing says it leaves the debt out, nor that it disagrees, so the pair may differ by the
    debt, whichever source is later (the explanation says which is)."""
    debt = {**claim("a-c01", "a", 5.4e9, 5.35e9, 5.45e9), "basis": "including_debt"}
    typo = {**claim("b-c01", "b", 4.5e9, 4.45e9, 4.55e9), "basis": ""}
    assert verdicts([debt, typo]) == ["debt_unstated"]
    comp = compare_claims(pd.DataFrame([debt, typo]), lambda x, y: x == "b" and y == "a")
    assert comp["verdict"].tolist() == ["debt_unstated"]
    assert comp["explanation"].iloc[0].endswith("not compared (b appeared later than a)")


def test_only_a_smaller_figure_the_debt_could_explain_may_differ_by_it() -> None:
    """A figure below ``basis.DEBT_SHARE`` of the price with debt is not plausibly its equity value: it
    disagrees, the debt named as a possible reason only; the same figure at another precision
    ("$14 billion" for "$14.1 billion including debt") agrees within rounding; a floor below the
    price ("more than $10 billion") admits it; "almost $12 billion" may be the equity value."""
    from analysis.basis import DEBT_SHARE

    debt = {**claim("a-c01", "a", 14.1e9, 14.05e9, 14.15e9), "basis": "including_debt"}
    rounded = {**claim("b-c01", "b", 14e9, 13.5e9, 14.5e9), "basis": ""}
    floor = {**claim("c-c01", "c", 10e9, 10e9, math.inf, "lower"), "basis": ""}
    almost = {**claim("d-c01", "d", 12e9, 10.8e9, 12e9, "upper_approx"), "basis": ""}
    edge = {**claim("e-c01", "e", DEBT_SHARE * 14.1e9, DEBT_SHARE * 14.1e9, DEBT_SHARE * 14.1e9), "basis": ""}
    far = {**claim("f-c01", "f", 8e9, 7.95e9, 8.05e9), "basis": ""}
    comp = compare_claims(pd.DataFrame([debt, rounded, floor, almost, edge, far]))
    got = {b: (v, w) for a, b, v, w in zip(comp["source_a"], comp["source_b"], comp["verdict"], comp["explanation"],
                                            strict=True) if a == "a"}
    assert got["b"][0] == "compatible_rounding" and got["c"][0] == "compatible_bound"
    assert got["d"][0] == got["e"][0] == "debt_unstated"
    assert got["f"][0] == "contradicts"
    assert got["f"][1].endswith("; the larger includes the target's debt, the smaller does not say whether it does")


def test_two_exact_prices_a_unit_apart_do_not_agree_within_rounding() -> None:
    """"$53 per share" ($52.50 to $53.50) and "$54 per share" ($53.50 to $54.50) only touch: $53.50
    is written "$54", never "$53", so they are two prices, not one rounded; "$54" against "$54.2"
    (to its precision, $54.15 to $54.25) still agrees, and "about $53" admits $54."""
    a = claim("a-c01", "a", 53.0, 52.5, 53.5, metric="price_per_share")
    b = claim("b-c01", "b", 54.0, 53.5, 54.5, metric="price_per_share")
    c = claim("c-c01", "c", 54.2, 54.15, 54.25, metric="price_per_share")
    d = claim("d-c01", "d", 53.0, 47.7, 58.3, "approx", metric="price_per_share")
    assert verdicts([a, b]) == ["contradicts"]
    assert verdicts([b, c]) == ["compatible_rounding"]
    assert verdicts([b, d]) == ["compatible_rounding"]
    # the same in billions, where the half-units are not exact in binary
    e = claim("e-c01", "e", 5.4e9, 5.35e9, 5.45e9)
    f = claim("f-c01", "f", 5.5e9, 5.45e9, 5.55e9)
    assert verdicts([e, f]) == ["contradicts"]


def test_the_basis_of_a_figure_is_read_from_the_words_beside_it() -> None:
    from analysis.basis import figure_basis

    def basis(text: str, fig: str) -> str:
        i = text.index(fig)
        return figure_basis(text, i, i + len(fig))

    assert basis("Acme said it would buy Beta in a deal valued at $14.9 billion including debt.",
                 "$14.9 billion") == "including_debt"
    assert basis("for $83.50 per share in cash, a total of $35.9 billion, inclusive of assumed net leverage.",
                 "$35.9 billion") == "including_debt"
    assert basis("Acme agreed to buy Beta in a deal with an enterprise value of $24.6 billion.",
                 "$24.6 billion") == "including_debt"
    assert basis("The total enterprise value, including debt, of the deal is $60 billion.", "$60 billion") \
        == "including_debt"
    assert basis("The deal gives Beta an equity value of about $29 billion.", "$29 billion") == "equity"
    assert basis("Acme will pay $29 billion, excluding debt.", "$29 billion") == "equity"
    # financing with debt is no basis; a figure that says nothing has none
    assert basis("Acme will pay $29 billion in cash, financed with debt.", "$29 billion") == ""
    assert basis("Acme agreed to buy Beta for $8 billion.", "$8 billion") == ""


def test_a_far_smaller_figure_beside_one_including_debt_still_disagrees() -> None:
    debt = {**claim("a-c01", "a", 24.6e9, 24.5e9, 24.7e9), "basis": "including_debt"}
    far = {**claim("b-c01", "b", 9.8e9, 9.75e9, 9.85e9), "basis": ""}
    assert verdicts([debt, far]) == ["contradicts"]


def _stated(cid: str, src: str, text: str, tolerance: float, basis: str = "") -> dict:
    """A deal-value claim as the claims stage reads ``text`` at ``approx_tolerance``."""
    from analysis.numbers import parse_amounts

    (a,) = parse_amounts(text, tolerance)
    return {**claim(cid, src, a.value, a.lower, a.upper, a.bound), "basis": basis}


def test_a_price_with_debt_against_an_equity_value_is_apart_whatever_the_tolerance() -> None:
    """qualcomm-nxp: "about $47 billion" including debt against an equity value stated as such is
    counted apart (with and without debt) at every ``approx_tolerance``, never as equal within
    rounding or admitted by a bound; so is a smaller figure that says nothing ("about $44 billion"
    may differ by the debt, though "about" at 10% admits $47 billion), unless it is the same figure
    at another precision."""
    for tolerance in (0.05, 0.10, 0.15, 0.25):
        rows = [_stated("a-c01", "a", "about $47 billion", tolerance, "including_debt"),
                _stated("b-c01", "b", "$47 billion", tolerance, "including_debt"),
                _stated("c-c01", "c", "$44 billion", tolerance, "equity"),
                _stated("d-c01", "d", "about $43.22 billion", tolerance, "equity"),
                _stated("e-c01", "e", "more than $40 billion", tolerance, "equity"),
                _stated("f-c01", "f", "about $46.8 billion", tolerance),  # $47 billion to its precision
                _stated("g-c01", "g", "$60 billion", tolerance),
                _stated("h-c01", "h", "about $44 billion", tolerance)]
        comp = compare_claims(pd.DataFrame(rows))
        got = {(a, b): v for a, b, v in zip(comp["source_a"], comp["source_b"], comp["verdict"], strict=True)}
        for debt in ("a", "b"):
            for smaller in ("c", "d", "e"):
                assert got[(debt, smaller)] == "different_basis", (tolerance, debt, smaller, got)
            assert got[(debt, "f")] in ("compatible_rounding", "same"), (tolerance, got)
            assert got[(debt, "g")] == "contradicts", (tolerance, got)
            assert got[(debt, "h")] == "debt_unstated", (tolerance, got)
        clustered = compare_claims(pd.DataFrame(rows), limit=1)
        assert clustered.groupby("verdict")["pairs"].sum().to_dict() == comp.groupby("verdict")["pairs"].sum().to_dict()


def test_pairs_that_may_differ_by_the_debt_are_counted_apart_in_the_findings() -> None:
    """mars-kellanova: "$36 billion" including debt (two sources) against "nearly $30 billion" that
    says nothing (the label's equity value): the key findings counted those pairs as contradictions
    and called the largest one a contradiction. They are counted apart, neither contradictions nor
    'with and without debt', and the finding says whether they disagree is not known."""
    from analysis import findings
    from analysis.report_claims import comparison_summary

    rows = [{**claim("s000-c01", "s000", 36e9, 35.5e9, 36.5e9), "basis": "including_debt"},
            {**claim("s001-c01", "s001", 36e9, 35.5e9, 36.5e9), "basis": "including_debt"},
            {**claim("s002-c01", "s002", 30e9, 27e9, 30e9, "upper_approx"), "basis": ""}]
    claims = pd.DataFrame(rows).assign(stance="reported", quote="$x", mentions=1, start=0)
    comp = compare_claims(claims)
    assert comp["verdict"].tolist() == ["same", "debt_unstated", "debt_unstated"]
    sources = pd.DataFrame({"source_id": ["s000", "s001", "s002"], "label": ["Outlet 0", "Outlet 1", "Outlet 2"],
                            "control_chars": [0, 0, 0]})
    timeline = pd.DataFrame({"source_id": ["s000", "s001", "s002"], "order": [1, 2, 3], "published": "",
                             "earliest": "2025-06-08", "latest": "", "stage": "agreed"})
    text = " ".join(findings.key_findings(sources, claims, comp, timeline, "the deal"))
    assert "contradiction" not in text and "largest disagreement" not in text
    assert ("The one pair of headline deal values (2 more pairs set a price including the target's debt against "
            "a smaller figure that does not say whether it counts the debt: counted apart) agrees") in text
    assert ("2 pairs of headline deal values may differ by the debt, counted apart: the larger figure includes "
            "the target's debt and the smaller does not say whether it does, so whether they disagree is not known "
            "(for example $36 bn from Outlet 0 against $30 bn from Outlet 2).") in text
    assert "3 pairs of claims from different sources were compared: 1 same figure, 2 may differ by the debt." in text
    assert "may differ by the debt (the larger includes the target's debt" in comparison_summary(comp)
    assert findings.VERDICT_WORDS["debt_unstated"] == "May differ by the debt"
    assert findings.disagreement_rows(claims, comp).empty
