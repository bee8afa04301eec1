"""Bases of prices known from the figures as stated: carried only to the same figure, and read
from a source that sets a smaller figure beside its own price including debt."""

from __future__ import annotations

import pandas as pd

from analysis.basis import known_bases, rounds_to


def _claim(cid: str, value: float, basis: str = "", bound: str = "exact", tx: str = "t1") -> dict:
    return {"claim_id": cid, "source_id": cid.split("-")[0], "metric": "deal_value", "transaction": tx,
            "value": value, "unit": "USD", "bound": bound, "basis": basis}


def _bases(rows: list[dict]) -> dict[str, tuple[str, str]]:
    out = known_bases(pd.DataFrame(rows))
    return {c: (b, f) for c, b, f in zip(out["claim_id"], out["basis"], out["basis_from"], strict=True)}


def test_a_basis_goes_only_to_the_same_figure_as_stated() -> None:
    """"$1.7bn including debt" is not "$1.66bn" (finer: it may be the price without the debt), but it
    is another source's "$1.7 billion"; "$36bn" is "$35.9bn ... inclusive of net leverage" rounded."""
    got = _bases([_claim("a-c01", 1.7e9, "including_debt"), _claim("b-c01", 1.66e9),
                  _claim("c-c01", 1.65e9), _claim("d-c01", 1.7e9),
                  _claim("e-c01", 35.9e9, "including_debt", tx="t2"), _claim("f-c01", 36e9, tx="t2")])
    assert got["b-c01"] == got["c-c01"] == ("", "")
    assert got["d-c01"] == ("including_debt", "a-c01")
    assert got["f-c01"] == ("including_debt", "e-c01")
    assert rounds_to(35.9e9, 36e9) and rounds_to(1.7e9, 1.7e9)
    assert not rounds_to(1.7e9, 1.66e9) and not rounds_to(24.6e9, 24e9)


def test_a_smaller_figure_beside_the_same_sources_price_with_debt_is_the_equity_value() -> None:
    """A source giving "$53 billion" and "$60 billion including debt" sets the two apart: the smaller
    is the equity value, carried to another source's "$53 billion"; a figure of a source that states
    no basis stays unknown, and the larger price rounded ("$59.9 billion") is no equity value."""
    got = _bases([_claim("a-c01", 53e9), _claim("a-c02", 60e9, "including_debt"),
                  _claim("b-c01", 53e9), _claim("c-c01", 48e9),
                  _claim("d-c01", 59.9e9), _claim("d-c02", 60e9, "including_debt")])
    assert got["a-c01"] == ("equity", "a-c02")
    assert got["b-c01"] == ("equity", "a-c01")
    assert got["c-c01"] == ("", "")
    assert got["d-c01"] == ("", "")


def test_a_far_smaller_figure_beside_a_price_with_debt_is_no_equity_value() -> None:
    got = _bases([_claim("a-c01", 3.8e9), _claim("a-c02", 7.6e9, "including_debt")])
    assert got["a-c01"] == ("", "")


def test_the_same_figure_at_another_precision_beside_a_price_with_debt_is_no_equity_value() -> None:
    """"$14 billion" beside the same source's "$14.1 billion including debt" is that price rounded, not
    the equity value (nor is "$59.9 billion" beside "$60 billion including debt"); "$13 billion" may be."""
    got = _bases([_claim("a-c01", 14e9), _claim("a-c02", 14.1e9, "including_debt"),
                  _claim("b-c01", 59.9e9, tx="t2"), _claim("b-c02", 60e9, "including_debt", tx="t2"),
                  _claim("c-c01", 13e9, tx="t3"), _claim("c-c02", 14.1e9, "including_debt", tx="t3")])
    assert got["a-c01"] == got["b-c01"] == ("", "")
    assert got["c-c01"] == ("equity", "c-c02")
