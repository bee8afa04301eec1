"""Who a deal sentence names, and which deal a figure sizes: nationality words, wares, relative
clauses and a buyer raising its own bid (from qualcomm-nxp's unseen check)."""

from __future__ import annotations

from pathlib import Path

from analysis import stages
from analysis.claims import Lexicons, classify_metric
from analysis.numbers import parse_amounts
from analysis.params import Params


def _corpus(tmp_path: Path, texts: dict[str, str]) -> Params:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return Params.from_mapping({"corpus_dir": str(tmp_path), "out_dir": str(tmp_path / "out")})


def _deals(tmp_path: Path, text: str) -> set[tuple[str, str, str]]:
    p = _corpus(tmp_path, {"a": text + "\n"})
    table = stages.transactions(p, stages.cleaned(p))
    return {(r["acquirer"], r["target"], r["kind"]) for _, r in table.iterrows()}


def test_nationality_words_and_wares_name_no_party(tmp_path: Path) -> None:
    """"barred the Chinese maker from buying American technology" and "Zeta buys from the U.S."
    had made deals of "Chinese" for "American" and of Zeta for the country."""
    assert _deals(tmp_path, "This week, the U.S. imposed a ban on Zeta Corp. that prevents the Chinese "
                            "communications-equipment maker from buying American technology. Among the "
                            "products that Zeta buys from the U.S. are Acme chips.") == set()


def test_a_buyer_described_by_its_nationality_is_not_named_by_it(tmp_path: Path) -> None:
    deals = _deals(tmp_path, "The American tech giant has extended its cash tender to buy all its Beta shares.")
    assert all(a != "American" for a, _, _ in deals)


def test_a_relative_clause_names_the_deal_its_figure_sizes(tmp_path: Path) -> None:
    """"a stake in Beta, which is being bought by Acme for $38 billion": the $38 billion is Acme's
    price, not the stake's."""
    p = _corpus(tmp_path, {
        "a": "Acme agreed to buy Beta Systems for $38 billion.\n",
        "b": "Zeta Management on Friday disclosed a 6 percent stake in chipmaker Beta Systems, which is being "
             "bought by Acme for $38 billion.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    b = claims[(claims["source_id"] == "b") & (claims["value"] == 38e9)]
    assert list(b["transaction"]) == ["t1"] and list(b["metric"]) == ["deal_value"]


def test_a_buyer_raising_its_own_bid_sizes_its_deal(tmp_path: Path) -> None:
    """"Acme raised its bid to $44 billion ..., to shield itself from a hostile bid from Brisk":
    the sentence names another deal's company (Avalon's purchase of Brisk), but the figure is the
    bid Acme raised."""
    p = _corpus(tmp_path, {
        "a": "Acme agreed to buy Beta Systems for $38 billion.\n",
        "b": "Acme agreed to buy Beta Systems in 2016. Last year, Avalon bought Brisk for $37 billion.\n\n"
             "Acme raised its bid to $44 billion this February, as a step to shield itself from a hostile "
             "takeover bid from Brisk Ltd.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    b = claims[(claims["source_id"] == "b") & (claims["value"] == 44e9)]
    assert list(b["transaction"]) == ["t1"]


def test_a_shares_worth_and_the_buyers_market_value_are_no_valuation_of_the_target() -> None:
    lex = Lexicons.load()
    worth = "While we believe Beta could be worth $110 or more on a stand-alone basis, we see upside."
    assert classify_metric(worth, parse_amounts(worth)[0], lex) == "other"
    big = "Beta could be worth $110 billion on a stand-alone basis."
    assert classify_metric(big, parse_amounts(big)[0], lex).startswith("valuation")
    cap = ("Acme, whose market value as of Wednesday's close was about $93 billion, has the firepower "
           "to put toward an acquisition.")
    assert classify_metric(cap, parse_amounts(cap)[0], lex) == "other"


def test_a_company_and_its_unit_are_one_buyer(tmp_path: Path) -> None:
    """"Acme Group's Optimo business segment" states that Optimo is Acme's: "Optimo's $13.8 billion
    merger with Beta" is the main deal, not a deal of its own."""
    p = _corpus(tmp_path, {
        "a": "Acme Group agreed to buy Beta Systems for $13 billion. Beta will become part of Acme Group's "
             "Optimo business segment.\n",
        "b": "Acme Group agreed to buy Beta Systems in January.\n",
        "c": "Regulators sued to block Optimo's $13.8 billion merger with Beta Systems.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    c = claims[(claims["source_id"] == "c") & (claims["value"] == 13.8e9)]
    assert list(c["transaction"]) == ["t1"]


def test_a_price_written_per_share_with_a_slash_is_a_price_per_share() -> None:
    text = "Acme agreed to originally purchase Beta for $25.75/share in January 2021."
    assert classify_metric(text, parse_amounts(text)[0], Lexicons.load()) == "price_per_share"


def test_a_stake_that_names_its_company_belongs_to_that_company_s_deal(tmp_path: Path) -> None:
    """"Acme's deal to buy the remaining 61 per cent stake of Sigma" is Acme's bid for Sigma, not the
    main deal's stake (it was set against the buyer's holders' 19% as a contradiction), and "will sell
    its 50 percent stake in Omega Networks" is a stake of no deal the corpus has."""
    p = _corpus(tmp_path, {
        "a": "Northwind agreed to buy Acme Corp for $52 billion. Acme Corp agreed to buy Sigma for $15 billion.\n",
        "b": "Northwind agreed to buy Acme Corp in December. Rival Zeta made a bid for Sigma.\n",
        "c": "Acme Corp anticipates that its deal to buy the remaining 61 per cent stake of Sigma, which has "
             "been held up by regulators, will be approved. Northwind will also sell its 50 percent stake in "
             "Omega Networks in Europe to satisfy regulators.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    table = stages.transactions(p, stages.cleaned(p))
    sigma = table[(table["acquirer"] == "Acme Corp") & (table["target"] == "Sigma")]["transaction_id"].tolist()
    c = claims[claims["source_id"] == "c"].set_index("value")
    assert sigma and c.loc[61, "transaction"] == sigma[0]
    assert c.loc[50, "transaction"] not in ("t1", "")


def test_a_city_before_a_state_based_qualifier_is_no_target(tmp_path: Path) -> None:
    """"announced its intent to purchase Nashville, Tenn.-based data firm Be" (a page cut mid-name):
    the city is where the target is, never the target."""
    assert _deals(tmp_path, "In January, Acme subsidiary Optimo announced its intent to purchase Nashville, "
                            "Tenn.-based data analytics firm Be") == set()


def test_divestitures_a_buyer_offers_are_no_price_of_the_deal() -> None:
    text = ("The hospitals told regulators that even envisioned divestitures of as much as $650 million "
            "can't fix the $13 billion merger.")
    amounts = parse_amounts(text)
    lex = Lexicons.load()
    assert [classify_metric(text, a, lex) for a in amounts] == ["other", "deal_value"]


def test_a_listed_or_based_qualifier_leaves_the_company_it_describes(tmp_path: Path) -> None:
    """"NYSE-listed Beta's share price slipped ..., down 1.5%": Beta's move, not the buyer's."""
    p = _corpus(tmp_path, {
        "a": "Acme agreed to buy Beta Corp for $36 billion. Beta Corp makes snacks.\n",
        "c": "Beta Corp shareholders will vote on the sale of Beta Corp to Acme. Beta Corp is based in Ohio.\n",
        "b": "Acme agreed to buy Beta Corp in August.\n\nNYSE-listed Beta Corp’s share price slipped to $78.94 "
             "at market close on Wednesday, down 1.5%.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    move = claims[(claims["source_id"] == "b") & (claims["metric"] == "share_price_move")]
    assert list(move["subject"]) == ["Beta Corp"]


def test_figures_of_the_intel_tower_check() -> None:
    """From the intel-tower unseen check: "~$5.4B" is approximate and an enterprise value after
    "of ~" still the deal's; "Intel close to $6 billion deal" is a party nearing a deal of that size
    (its figure exact); "committed to spend $3.5 billion in its New Mexico facility" is money put
    into a site, not the deal's price (a loan "facility" and a "mill facility for $700 million"
    are not)."""
    lex = Lexicons.load()
    ev = "agreed to acquire Beta for $53 per share, representing a total enterprise value of ~$5.4B."
    amount = parse_amounts(ev)[-1]
    assert (amount.text, amount.bound) == ("~$5.4B", "approx")
    assert classify_metric(ev, amount, lex) == "deal_value"
    assert [(a.text, a.bound) for a in parse_amounts("Acme close to $6 billion deal to buy Beta")] == \
        [("$6 billion", "exact")]
    assert [a.bound for a in parse_amounts("in a close to $6 billion deal")] == ["upper_approx"]
    assert [a.bound for a in parse_amounts("it paid close to $6 billion for Beta")] == ["upper_approx"]
    site = "In 2021, Acme committed to spend $3.5 billion in its New Mexico facility."
    assert classify_metric(site, parse_amounts(site)[0], lex) == "capex"
    loan = "Acme also entered into a $500 million unsecured revolving facility."
    assert classify_metric(loan, parse_amounts(loan)[0], lex) != "capex"
    mill = "Acme bought 49.9% of the Beta mill facility for $700 million."
    assert classify_metric(mill, parse_amounts(mill)[-1], lex) != "capex"


def test_a_camel_case_name_is_a_party_and_a_product_is_not(tmp_path: Path) -> None:
    """From the amazon-irobot unseen check: "iRobot" (a name from a small letter) was no name,
    so the main deal was "Amazon -> Roomba", the maker's product ("Amazon buys maker of Roomba",
    "purchase of the Roomba vacuum cleaner maker"); "bought his iRobot" is a person's device."""
    found = _deals(tmp_path, (
        "Acme to buy Roomba vacuum maker iRobot for $1.65bn.\n\n"
        "Acme buys maker of Roomba in a deal worth $1.7bn.\n\n"
        "Acme's $1.7 billion purchase of the Roomba vacuum cleaner maker was approved.\n\n"
        "Acme's purchase of the Roomba-maker is set to be approved.\n\n"
        "The New Jersey resident bought his iRobot in 2019.\n\n"
        "Zeta agreed to buy eBay for $30 billion.\n\n"
        "Acme's $3.49 billion deal last month to buy 1Life Healthcare drew a review.\n"))
    targets = {t for _a, t, _k in found}
    assert {"iRobot", "eBay", "1Life Healthcare"} <= targets
    assert not {"Roomba", "Roomba-maker"} & targets
    assert ("New Jersey", "iRobot", "acquisition") not in found


def test_a_speaker_and_a_contraction_are_no_buyer(tmp_path: Path) -> None:
    """From the intel-tower check: "Acme CEO Jane Roe said Tuesday that acquiring Beta will help"
    made a deal "Jane Roe -> Beta", and "We're disappointed ... being able to acquire a company
    like Beta" a deal "We're -> Beta"."""
    found = _deals(tmp_path, (
        "Acme agreed to buy Beta Systems for $5.4 billion.\n\n"
        "Acme CEO Jane Roe said Tuesday that acquiring Beta Systems will help expand its business.\n\n"
        "We're disappointed by that because being able to acquire a foundry company like Beta Systems "
        "mattered.\n"))
    assert {a for a, _t, _k in found} == {"Acme"}


def test_the_microsoft_nuance_checks_deal_shapes(tmp_path: Path) -> None:
    """From the microsoft-nuance check: "Zeta acquired QWERTY swiping app Swype" buys Swype;
    "had considered buying the U.S." buys no country; "Omega News reported that the software giant
    was in talks to acquire Delta Inc." keeps Delta's deal without making the outlet its buyer."""
    found = _deals(tmp_path, (
        "Acme agreed to buy Beta Systems for $16 billion.\n\n"
        "Later that year Zeta acquired QWERTY swiping app Swype for $102 million.\n\n"
        "Acme had considered buying the U.S.\n\n"
        "Last month, Omega News reported that the software giant was in talks to acquire Delta Inc. for "
        "more than $10 billion.\n"))
    assert ("Zeta", "Swype", "acquisition") in found
    assert not any(t in ("U.S", "QWERTY") for _a, t, _k in found)
    assert not any(a == "Omega News" for a, _t, _k in found)
    assert any(t == "Delta Inc" for _a, t, _k in found)


def test_a_possessor_before_the_figure_bids_for_the_name_after_it(tmp_path: Path) -> None:
    """"Acme's $16bn Beta bid secures approval": Acme bids for Beta (the figure had gone to a deal of
    Beta's own, read as Beta's bid, as in "the $3.8 billion JetBlue deal")."""
    p = _corpus(tmp_path, {
        "a": "Acme agreed to buy Beta Systems for $16 billion.\n\n"
             "Beta Systems acquired QWERTY swiping app Swype for $102 million.\n",
        "b": "Acme's $16bn Beta Systems bid secures EU antitrust approval.\n"})
    claims = stages.claims(p, stages.cleaned(p))
    tx = stages.transactions(p, stages.cleaned(p)).set_index("transaction_id")
    sixteen = claims[(claims["value"] == 16e9) & (claims["source_id"] == "b")]
    assert len(sixteen) == 1
    assert set(tx.loc[sixteen["transaction"], "target"]) == {"Beta Systems"}


def test_the_buyers_market_value_told_with_with_is_no_valuation_of_the_target(tmp_path: Path) -> None:
    """"Acme, with a market value of more than $1.93 trillion, remains active on the deals front"
    drew the target's valuation chart at $1.93 trillion (microsoft-nuance); the target's own
    market value told so stays a valuation."""
    p = _corpus(tmp_path, {"a": (
        "Acme agreed to buy Beta Systems for $16 billion.\n\n"
        "Acme, with a market value of more than $1.93 trillion, remains active on the deals front.\n\n"
        "Beta Systems, with a market value of about $13 billion, makes speech software.\n")})
    claims = stages.claims(p, stages.cleaned(p)).set_index("value")
    assert claims.loc[1.93e12, "metric"] == "other" and claims.loc[1.93e12, "subject"] == "Acme"
    assert str(claims.loc[13e9, "metric"]).startswith("valuation")
