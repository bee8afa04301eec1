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


def _claims_of(tmp_path, texts: dict[str, str]):
    from analysis import stages
    from analysis.params import Params

    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    p = Params.from_mapping({"corpus_dir": str(tmp_path), "out_dir": str(tmp_path / "out")})
    return stages.claims(p, stages.cleaned(p))


def test_the_value_an_acquisition_puts_on_its_target_is_its_price(tmp_path) -> None:
    """A hard-wrapped press release: 'a transaction that values X at $61 billion' is the price."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind and Southgate announced an agreement under which Northwind will acquire all of the\n"
             "outstanding shares of Southgate\nin a cash-and-stock transaction that values Southgate at "
             "approximately $61\nbillion, based on the closing price of Northwind stock.\n",
        "b": "Northwind agreed to buy Southgate for $61 billion.\n",
    })
    row = claims[(claims["source_id"] == "a") & (claims["value"] == 61e9)].iloc[0]
    assert (row["metric"], row["transaction"]) == ("deal_value", "t1")


def test_in_an_investment_the_value_a_deal_puts_on_the_target_stays_a_valuation(tmp_path) -> None:
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to invest $2 billion in Southgate for a 25% stake. The deal values Southgate "
             "at $8 billion.\n",
    })
    assert claims[claims["value"] == 8e9].iloc[0]["metric"] == "valuation_at_deal"


def test_a_running_total_is_the_deal_only_when_it_reaches_the_agreed_price(tmp_path) -> None:
    """Tranches adding up to the agreed $4 billion are the deal; a total over two deals ($8bn) is not."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to invest up to $4 billion in Southgate.\n",
        "b": "Northwind invested an additional $2.75 billion in Southgate. This follows an initial $1.25 billion, "
             "bringing Northwind's total investment in Southgate to $4 billion.\n",
        "c": "Northwind is investing up to $4 billion in Southgate. The new round later brought Northwind's "
             "investment in Southgate to $8 billion.\n",
    })
    by = {(s, v): (m, t) for s, v, m, t in zip(claims["source_id"], claims["value"], claims["metric"],
                                                 claims["transaction"], strict=True)}
    assert by[("b", 4e9)] == ("deal_value", "t1")
    assert by[("c", 8e9)][0] == "other"


def test_figures_listed_respectively_go_to_the_deals_listed(tmp_path) -> None:
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to invest up to $4 billion in Southgate.\n",
        "b": "Northwind is investing up to $4 billion in Southgate. Eastbay invested $2 billion in Southgate.\n",
        "c": "Regulators want details on the investments from Northwind and Eastbay into Southgate, which were "
             "worth $4 billion and $2 billion respectively, a report said.\n",
    })
    c = claims[claims["source_id"] == "c"].set_index("value")
    eastbay = claims[(claims["source_id"] == "b") & (claims["value"] == 2e9)].iloc[0]["transaction"]
    assert tuple(c.loc[4e9, ["metric", "transaction"]]) == ("deal_value", "t1")
    assert tuple(c.loc[2e9, ["metric", "transaction"]]) == ("deal_value", eastbay) and eastbay != "t1"


def test_parts_of_the_price_are_not_the_price(tmp_path) -> None:
    """"$21.5 billion in stock and $12 billion in cash" split one price between two forms, and a
    sum "payable at signing" is paid first: none is the deal's value (so none contradicts the
    $40 billion). One figure "in cash" is a cash deal's whole price."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $40 billion. The deal includes $21.5 billion in Northwind "
             "stock and $12 billion in cash. This includes $2 billion to be paid upon signing.\n",
        "b": "Northwind will buy Southgate for $40 billion, with $21.5bn to be paid in Northwind common stock "
             "and $12bn in cash, including a $2bn upfront payment.\n",
        "c": "Northwind offers to buy Southgate for $40 billion in cash.\n",
    })
    metric = {(r["source_id"], r["value"]): r["metric"] for _, r in claims.iterrows()}
    for sid in ("a", "b"):
        assert metric[(sid, 40e9)] == "deal_value"
        assert {metric[(sid, v)] for v in (21.5e9, 12e9, 2e9)} == {"other"}
    assert metric[("c", 40e9)] == "deal_value"


def test_what_the_deal_itself_is_worth_is_its_value(tmp_path) -> None:
    """"the deal ... was worth $66 billion on paper", "which valued a deal at more than $40 billion":
    the deal's value, not the target's valuation."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $40 billion.\n",
        "b": "Eastfield's deal to sell Southgate to U.S. group Northwind was worth $66 billion on paper "
             "when it collapsed this week.\n",
        "c": "The first report on Northwind's bid for Southgate, which valued a deal at more than $40 billion, "
             "came in July.\n",
    })
    got = {(r["source_id"], r["value"]): r["metric"] for _, r in claims.iterrows()}
    assert got[("b", 66e9)] == "deal_value"
    assert got[("c", 40e9)] == "deal_value"


def test_a_block_of_another_companys_shares_is_not_the_deal(tmp_path) -> None:
    """"It will sell up to $21 billion of Westco shares" (the seller raising cash elsewhere) is
    no figure of the Northwind-Southgate deal, whose price it would otherwise undercut."""
    from analysis.transactions import UNATTRIBUTED

    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to buy Southgate from Eastfield for $40 billion. Eastfield will sell up to "
             "$21 billion of Westco shares.\n",
        "b": "Northwind will pay $40 billion for Southgate, including $2 billion of Northwind shares.\n",
    })
    row = claims[(claims["source_id"] == "a") & (claims["value"] == 21e9)].iloc[0]
    assert row["transaction"] == UNATTRIBUTED
    assert claims[(claims["source_id"] == "a") & (claims["value"] == 40e9)].iloc[0]["transaction"] == "t1"
    # shares of a party stay with the deal
    assert claims[(claims["source_id"] == "b") & (claims["value"] == 2e9)].iloc[0]["transaction"] == "t1"


def test_phrasings_of_a_bank_merger_seen_first_in_an_unseen_corpus(tmp_path) -> None:
    """"Northwind is valued at $52 billion" is the buyer's own market value, not a valuation of
    Southgate; a "$35 billion megamerger" is the deal's size; "a per-share value of $139.86" is a
    price per share; "will own 60% of the combined company" is a stake."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $35 billion. Northwind is valued at $52 billion.\n",
        "b": "Northwind and Southgate jump after getting green light to close their $35 billion megamerger\n\n"
             "Regulators approved the deal on Friday.\n",
        "c": "Northwind will acquire Southgate in an all-stock deal, representing a per-share value of "
             "$139.86. Northwind shareholders will own 60% of the combined company.\n",
    })
    got = {(r["source_id"], r["value"]): (r["metric"], r["subject"]) for _, r in claims.iterrows()}
    assert got[("a", 52e9)] == ("other", "Northwind")
    assert got[("b", 35e9)][0] == "deal_value"
    assert got[("c", 139.86)][0] == "price_per_share"
    assert got[("c", 60.0)][0] == "stake"


def test_phrasings_of_a_grocery_merger_seen_first_in_an_unseen_corpus(tmp_path) -> None:
    """A special dividend and a share buyback are no price of the deal; "a total enterprise value
    of approximately $24.6 billion" is; "Northwind on Friday bid $20 billion for Southgate" is the
    buyer's own act (confirmed)."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to buy Southgate, implying a total enterprise value of approximately "
             "$24.6 billion. Southgate will pay a special cash dividend of up to $4 billion to its "
             "shareholders.\n",
        "b": "Northwind on Friday bid $20 billion for Southgate. Northwind is also starting an "
             "accelerated portion of its $7.5 billion share repurchase.\n",
    })
    got = {(r["source_id"], r["value"]): (r["metric"], r["stance"]) for _, r in claims.iterrows()}
    assert got[("a", 24.6e9)][0] == "deal_value"
    assert got[("a", 4e9)][0] == "other"
    assert got[("b", 20e9)] == ("deal_value", "confirmed")
    assert got[("b", 7.5e9)][0] == "other"


def test_a_difference_an_amount_each_and_a_year_end_position_are_no_price(tmp_path) -> None:
    """"$32 billion in cash, almost $10 billion more than the proposed price", "is thus $2.2 billion
    each", "closed 2024 with $96 billion": a difference, a per-holder amount and cash on hand."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind on Tuesday agreed to buy Southgate for $32 billion in cash, almost $10 billion "
             "more than the proposed price in mid-2024. The value of the founders' holdings is thus "
             "$2.2 billion each. Investors point out that Northwind closed 2024 with $96 billion.\n",
    })
    got = {r["value"]: r["metric"] for _, r in claims.iterrows()}
    assert got[32e9] == "deal_value"
    assert got[10e9] == got[2.2e9] == got[96e9] == "other"


def test_a_figure_restated_in_another_currency_is_the_same_figure(tmp_path) -> None:
    """"$3.6 billion or NIS 11 billion" and "23 billion US dollars (around 21 billion euros)": the
    second figure converts the first, so it takes its metric and its transaction; "$3.2 billion, or
    about 10% of the deal value" is no conversion (a share, not money)."""
    claims = _claims_of(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $32 billion in cash. The founders should pay about "
             "$900 million each in taxes, for a combined $3.6 billion or NIS 11 billion.\n",
        "b": "Northwind is in advanced talks to purchase Southgate for around 23 billion US dollars "
             "(around 21 billion euros), insiders said. Northwind would owe a fee of $3.2 billion, or "
             "about 10% of the deal value, if it does not close.\n",
    })
    row = {(s, v): (m, t) for s, v, m, t in zip(claims["source_id"], claims["value"], claims["metric"],
                                                 claims["transaction"], strict=True)}
    assert row[("a", 11e9)] == row[("a", 3.6e9)]
    assert row[("a", 11e9)][0] != "deal_value"
    assert row[("b", 21e9)] == row[("b", 23e9)]
    assert row[("b", 10.0)][0] != "fee"


def test_a_claims_certainty_is_its_first_mentions_a_headlines_included_a_links_not(tmp_path) -> None:
    """The labels' convention (examples/CERTAINTY.md) quotes a figure's first mention, a headline
    counts: "Acme scraps $3.8 billion deal" is the party's act even when the body later names the
    figure in passing; a link to another story ("Also Read: ...") is no mention of this page's own;
    a headline the body tells as a rumour takes the body's word."""
    from analysis import stages
    from analysis.params import Params

    (tmp_path / "a.txt").write_text(
        "Acme scraps $3.8 billion deal to buy Beta\n\nThe offer fell far short of Acme's $3.8 billion bid.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Also Read: Acme's $5 billion deal for Gamma\n\n"
        "Acme agreed to buy Gamma for $5 billion, the companies said on Monday.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "Acme Bids Big on AI: A $10 Billion Investment in Beta\n\n"
        "Acme is rumored to be negotiating a $10 billion investment in Beta.\n", encoding="utf-8")
    p = Params.from_mapping({"corpus_dir": str(tmp_path), "out_dir": str(tmp_path / "out")})
    claims = stages.claims(p, stages.cleaned(p))
    stance = {(r["source_id"], round(float(r["value"]))): r["stance"] for _, r in claims.iterrows()}
    assert stance[("a", 3_800_000_000)] == "confirmed"
    assert stance[("b", 5_000_000_000)] == "confirmed"
    assert stance[("c", 10_000_000_000)] == "rumoured"  # the body's rumour qualifies its headline


def test_a_figure_split_across_blank_lines_reads_whole(tmp_path) -> None:
    """A double-spaced scrape, "Acme sweetened its original offer for $23" / "billion in July to $32
    billion": the figure is $23 billion (it had read $23), its quote the raw slice."""
    claims = _claims_of(tmp_path, {
        "a": "Acme sweetened its original offer for $23\n\nbillion in July to $32 billion, making it one of\n\n"
             "the largest deals ever, people familiar with the agreement said.\n",
    })
    raw = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert sorted(claims["value"]) == [23e9, 32e9]
    for _, c in claims.iterrows():
        assert raw[c["start"]:c["end"]] == c["quote"]
