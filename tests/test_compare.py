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
    disagreement: the debt makes the difference. A smaller figure that says nothing is compared as
    any figure (a misprint or a cut price is smaller too), its explanation naming the debt as a
    possible reason only; the pairs are the same whether listed one by one or counted by figure."""
    debt = {**claim("a-c01", "a", 14.9e9, 14.85e9, 14.95e9), "basis": "including_debt"}
    bare = {**claim("b-c01", "b", 14.1e9, 14.05e9, 14.15e9), "basis": ""}
    equity = {**claim("c-c01", "c", 14.1e9, 14.05e9, 14.15e9), "basis": "equity"}
    larger = {**claim("d-c01", "d", 16e9, 15.5e9, 16.5e9), "basis": ""}
    comp = compare_claims(pd.DataFrame([debt, bare, equity, larger]))
    got = {(a, b): v for a, b, v in zip(comp["source_a"], comp["source_b"], comp["verdict"], strict=True)}
    why = dict(zip(zip(comp["source_a"], comp["source_b"], strict=True), comp["explanation"], strict=True))
    assert got[("a", "c")] == "different_basis" and got[("a", "b")] == "contradicts"
    assert got[("a", "d")] == "contradicts" and got[("b", "c")] == "same"
    assert "includes the target's debt" in why[("a", "c")] and "equity value" in why[("a", "c")]
    assert "the larger includes the target's debt, the smaller does not say whether it does" in why[("a", "b")]
    assert "debt" not in why[("a", "d")]
    clustered = compare_claims(pd.DataFrame([debt, bare, equity, larger]), limit=1)
    assert clustered.groupby("verdict")["pairs"].sum().to_dict() == comp.groupby("verdict")["pairs"].sum().to_dict()


def test_a_misprint_smaller_than_a_price_with_debt_is_a_disagreement_not_a_basis() -> None:
    """A lone "$4.5 billion" (a misprint of $5.4 billion) beside "$5.4 billion including debt": nothing
    says it leaves the debt out, so it is no 'different things' pair; it disagrees (later: a later
    report puts the figure differently)."""
    debt = {**claim("a-c01", "a", 5.4e9, 5.35e9, 5.45e9), "basis": "including_debt"}
    typo = {**claim("b-c01", "b", 4.5e9, 4.45e9, 4.55e9), "basis": ""}
    assert verdicts([debt, typo]) == ["contradicts"]
    comp = compare_claims(pd.DataFrame([debt, typo]), lambda x, y: x == "b" and y == "a")
    assert comp["verdict"].tolist() == ["superseded"]


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
    rounding or admitted by a bound; a figure that says nothing is compared as any figure."""
    for tolerance in (0.05, 0.10, 0.15, 0.25):
        rows = [_stated("a-c01", "a", "about $47 billion", tolerance, "including_debt"),
                _stated("b-c01", "b", "$47 billion", tolerance, "including_debt"),
                _stated("c-c01", "c", "$44 billion", tolerance, "equity"),
                _stated("d-c01", "d", "about $43.22 billion", tolerance, "equity"),
                _stated("e-c01", "e", "more than $40 billion", tolerance, "equity"),
                _stated("f-c01", "f", "about $46.8 billion", tolerance),  # $47 billion to its precision
                _stated("g-c01", "g", "$60 billion", tolerance)]
        comp = compare_claims(pd.DataFrame(rows))
        got = {(a, b): v for a, b, v in zip(comp["source_a"], comp["source_b"], comp["verdict"], strict=True)}
        for debt in ("a", "b"):
            for smaller in ("c", "d", "e"):
                assert got[(debt, smaller)] == "different_basis", (tolerance, debt, smaller, got)
            assert got[(debt, "f")] in ("compatible_rounding", "same"), (tolerance, got)
            assert got[(debt, "g")] == "contradicts", (tolerance, got)
        clustered = compare_claims(pd.DataFrame(rows), limit=1)
        assert clustered.groupby("verdict")["pairs"].sum().to_dict() == comp.groupby("verdict")["pairs"].sum().to_dict()
