"""Claims: quality on labelled fixtures, provenance, repeats, derived figures."""

from __future__ import annotations

import pytest
from conftest import CORPORA, expected_claims

from analysis.claims import extract_claims
from analysis.evaluate import claim_scores

LABELLED = ["seeds", "harbor-lumen"]


@pytest.fixture(scope="module")
def claims(cleaned_corpora):
    return {name: extract_claims(cleaned_corpora[name][1]) for name in LABELLED}


@pytest.mark.parametrize("name", LABELLED)
def test_value_unit_and_metric_at_least_095(claims, name: str) -> None:
    scores = claim_scores(claims[name], expected_claims(CORPORA[name][1]))
    for field in ("value_unit", "metric"):
        assert scores[field].precision >= 0.95, (field, scores[field])
        assert scores[field].recall >= 0.95, (field, scores[field])


@pytest.mark.parametrize("name", LABELLED)
def test_every_claim_keeps_quote_and_exact_offsets(cleaned_corpora, claims, name: str) -> None:
    raw = {cs.source.id: cs.source.raw for cs in cleaned_corpora[name][1]}
    real = claims[name][claims[name]["source_id"] != "derived"]
    for _, c in real.iterrows():
        assert raw[c["source_id"]][c["start"] : c["end"]] == c["quote"]
        spans = [tuple(map(int, o.split("-"))) for o in c["offsets"].split(";")]
        assert len(spans) == c["mentions"]


def test_repeated_figure_is_one_claim_with_mentions(claims) -> None:
    s001 = claims["seeds"][claims["seeds"]["source_id"] == "s001"]
    ten = s001[(s001["value"] == 10e9) & (s001["bound"] == "exact")]
    assert len(ten) == 1 and ten["mentions"].iloc[0] >= 5


def test_no_claim_from_boilerplate(claims) -> None:
    s002 = claims["seeds"][claims["seeds"]["source_id"] == "s002"]
    assert 0.5 not in set(s002["value"])


def test_implied_valuation_is_derived_with_inputs(claims) -> None:
    d = claims["seeds"].set_index("claim_id").loc["derived-s000-implied_valuation"]
    assert d["source_id"] == "derived" and d["value"] == pytest.approx(14.3e9 / 0.49)
    assert d["inputs"] == "s000-c01;s000-c02"
    assert d["lower"] < d["value"] < d["upper"]


def test_outlet_attribution(claims) -> None:
    hl = claims["harbor-lumen"]
    a02 = hl[(hl["source_id"] == "a02") & (hl["metric"] == "deal_value") & (hl["value"] == 2.1e9)]
    assert a02["attributed_to"].iloc[0] == "Bloomberg"
