"""What a figure is, read from generic sentences: the metric lexicon's cues and the decisions
:mod:`analysis.deal_metrics` takes once the deal is known."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import stages
from analysis.claims import Lexicons, classify_metric
from analysis.numbers import parse_amounts
from analysis.params import Params

LEX = Lexicons.load()


def metric_of(sentence: str, figure: str) -> str:
    """The metric of the figure written ``figure`` in ``sentence``."""
    amount = next(a for a in parse_amounts(sentence) if figure in a.text)
    return classify_metric(sentence, amount, LEX)


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Revenue fell sharply, and the company announced it was laying off 10% of its workforce.", "10%"),
    ("Northwind also announced it was cutting 31 percent of its workforce, or 350 people.", "31 percent"),
    ("The company has laid off 51% of its workforce since the end of last year.", "51%"),
    ("It prepared to lay off 350 people, or about 31% of its global workforce.", "31%"),
])
def test_a_share_of_a_workforce_is_no_market_share(sentence: str, figure: str) -> None:
    """Like the labelled corpora, a share of a workforce laid off is 'other': 'of its' is no plural
    quantity of a market."""
    assert metric_of(sentence, figure) == "other"


def test_a_share_of_a_market_stays_a_market_share() -> None:
    """(and a named company's staff or a 'staff cut' stay 'other', as before)"""
    assert metric_of("Westco will cut about 10% of Westco's staff by the end of the year.", "10%") == "other"
    assert metric_of("Southgate now faces a 31% staff cut after the deal collapsed.", "31%") == "other"
    assert metric_of("Southgate holds 75% of the smart vacuum market.", "75%") == "market_share"
    assert metric_of("The chips power 40% of all smartphones sold.", "40%") == "market_share"


def test_earnings_per_share_after_the_total_are_no_price() -> None:
    sentence = "Southgate posted a net loss of $77.1 million, or $2.52 per share."
    assert metric_of(sentence, "$2.52") == "other"
    assert metric_of("Northwind will pay $61 per share for Southgate.", "$61") == "price_per_share"


def test_an_expansion_push_is_a_motive_not_capital_spending() -> None:
    assert metric_of("Northwind to buy vacuum maker Southgate for $1.65bn in expansion push",
                     "$1.65bn") == "deal_value"
    assert metric_of("Northwind plans a $5 billion expansion of its plant.", "$5 billion") == "capex"


def test_money_to_build_factories_is_spending_not_a_tranche() -> None:
    sentence = ("Northwind announced plans for an initial investment of more than $20 billion to construct "
                "two new chip factories in Ohio.")
    assert metric_of(sentence, "$20 billion") == "capex"
    assert metric_of("Northwind made an initial investment of $1.25 billion in Southgate.",
                     "$1.25 billion") == "tranche"
    assert metric_of("Northwind is investing $43 billion to expand its oncology portfolio.",
                     "$43 billion") == "deal_value"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Northwind is paying $53 per Southgate SGT.O share, well above its closing price.", "$53"),
    ("Shares of Southgate soared after the $157-per-share deal was announced.", "$157"),
    ("The per-share offer of $55 represents a premium of about 40%.", "$55"),
])
def test_a_price_per_share_written_around_a_name_or_in_one_word(sentence: str, figure: str) -> None:
    assert metric_of(sentence, figure) == "price_per_share"


def test_per_share_earnings_written_in_one_word_are_no_price() -> None:
    assert metric_of("The deal will cut its $2-per-share earnings next year.", "$2") != "price_per_share"


def test_a_per_share_price_restated_as_a_total_is_the_deal_value() -> None:
    sentence = ("Northwind will pay 51.75 dollars per share, revised down from 61.00 dollars per share, "
                "or 1.7 billion dollars, that was agreed on last year.")
    assert metric_of(sentence, "1.7 billion dollars") == "deal_value"


def test_money_owed_is_a_debt_not_a_price() -> None:
    sentence = "Additionally, Southgate owed Westco $161.5 million in trade payables, including $90.9 million past due."
    assert metric_of(sentence, "$161.5 million") == "other"
    assert metric_of(sentence, "$90.9 million") == "other"


def test_sales_per_year_are_revenue() -> None:
    assert metric_of("Its sales are about $1.3 billion annually.", "$1.3 billion") == "revenue"
    assert metric_of("It gave a guidance range of $20 billion per year.", "$20 billion") == "other"


def corpus(tmp_path: Path, texts: dict[str, str]) -> Params:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return Params.from_mapping({"corpus_dir": str(tmp_path), "out_dir": str(tmp_path / "out")})


def test_a_few_dollars_size_no_deal(tmp_path: Path) -> None:
    """A 'deal value' of a few dollars is a product's or a share's price; after a price in a
    sentence that gives a price per share, it is that deal's earlier price per share."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $1.7 billion, the companies said.\n\n"
             "Called the Astro, the three-wheeled device would eventually sell for about $1,450.\n",
        "b": "Northwind's $1.7 billion acquisition of Southgate was amended. Under the amended deal, "
             "Northwind will pay $51.75 in cash for each share of Southgate, compared with the original "
             "price of $61.00.\n\nThe stock, worth $59.54 in August, plunged to $15.50 in January.\n",
    })
    claims = stages.claims(p, stages.cleaned(p)).set_index("value")
    assert claims.loc[1450.0, "metric"] == "other" and claims.loc[1450.0, "transaction"] == ""
    assert claims.loc[15.5, "metric"] == "other" and claims.loc[15.5, "transaction"] == ""
    assert claims.loc[61.0, "metric"] == "price_per_share"
    assert claims.loc[61.0, "transaction"] == claims.loc[51.75, "transaction"] != ""
    assert claims.loc[1.7e9, "metric"].tolist() == ["deal_value", "deal_value"]
