"""Transactions, deal-value precision, certainty and the settled figure, on small texts and on
every labelled corpus at once (the real-coverage quality bar)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import stages
from analysis.claims import Lexicons, classify_metric, headline_claims, late_outliers, settled_claim
from analysis.compare import compare_claims
from analysis.deal_sentences import deal_mentions
from analysis.numbers import parse_amounts
from analysis.params import Params
from analysis.scorecard import labelled_corpora, score_corpus
from analysis.stance import classify_stance


def corpus(tmp_path: Path, texts: dict[str, str]) -> Params:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return Params.from_mapping({"corpus_dir": str(tmp_path), "out_dir": str(tmp_path / "out")})


THREE_DEALS = {
    "a": "Northwind agreed to buy Southgate for $8 billion, the companies said on Monday. "
         "Northwind will pay Southgate a $400 million termination fee if regulators block the deal.\n",
    "b": "Northwind's $8 billion acquisition of Southgate is the largest in its history. "
         "Earlier, Southgate rejected Eastbay's offer of $6.5 billion.\n",
    "c": "Southgate will be bought by Northwind for about $8 billion. In 2021 Westfield paid Southgate "
         "a $300 million licensing fee to use its software under a licensing agreement.\n",
}


def test_each_transaction_is_found_and_the_main_one_named(tmp_path: Path) -> None:
    p = corpus(tmp_path, THREE_DEALS)
    table = stages.transactions(p, stages.cleaned(p))
    main = table[table["main"]].iloc[0]
    assert (main["acquirer"], main["target"], main["kind"]) == ("Northwind", "Southgate", "acquisition")
    assert main["sources"] == 3
    others = {(r["acquirer"], r["target"], r["kind"]) for _, r in table[~table["main"]].iterrows()}
    assert ("Eastbay", "Southgate", "acquisition") in others
    assert ("Westfield", "Southgate", "licensing") in others
    assert stages.event_info(p, stages.cleaned(p))["name"] == "Northwind's acquisition of Southgate"


def test_figures_of_other_transactions_are_kept_apart(tmp_path: Path) -> None:
    p = corpus(tmp_path, THREE_DEALS)
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    by_value = {v: (m, t) for v, m, t in zip(claims["value"], claims["metric"], claims["transaction"],
                                              strict=True)}
    assert by_value[8e9] == ("deal_value", "t1")
    assert by_value[4e8][0] == "fee"  # a termination fee is not the price
    assert by_value[6.5e9][1] != "t1" and by_value[3e8][1] != "t1"
    comparisons = compare_claims(claims)
    values = claims.set_index("claim_id")["value"]
    for _, r in comparisons.iterrows():  # $6.5bn (another bidder) is never compared with $8bn
        assert {values[r["claim_a"]], values[r["claim_b"]]} != {6.5e9, 8e9}


@pytest.mark.parametrize(("sentence", "metric"), [
    ("Adobe will pay Figma a termination fee of $1 billion.", "fee"),
    ("Musk offered $54.20 a share for the company.", "price_per_share"),
    ("Amazon is investing an additional $2.75 billion in the startup.", "tranche"),
    ("The new round brings Amazon's investment in the startup to $8 billion.", "other"),
    ("The deal, valued at about $650 million, was signed on Tuesday.", "deal_value"),
    ("Microsoft paid Inflection AI $650 million to license its models.", "deal_value"),
    ("The company lost about $29bn in market cap.", "other"),
    ("Adobe agreed to snap up tiny rival Figma for $20 billion last week.", "deal_value"),
    # a loss borne since the deal is not its price
    ("Northwind's Failed Acquisition of Southgate Has Cost the Company Over $38 Billion", "other"),
    # money earlier investors put in is funding, even beside the word 'investors'
    ("Investors like Bluefin and Greyrock, who put $414 million into the company, will recoup it.", "funding"),
    ("Northwind had bought the storage specialist Southgate for the crazy sum of $61 billion.", "deal_value"),
    ("Musk is offering a 38% premium to where the shares traded before his ownership stake was known.", "other"),
    ("He said that a $20bn price tag smacks of a sense of desperation.", "deal_value"),
    # what a holder marks its stake at is not a price paid
    ("Bluefin has reduced the market value of its equity stake in Southgate for a third time, now putting "
     "it at $6.55 billion.", "other"),
    ("That's down from the nearly $20 billion Bluefin valued its stake at in October.", "other"),
    # a fourth unseen corpus: a total stated as the deal's value is its value; investments the
    # buyer commits to make after it are not its price
    ("Acme paid for the shares in cash, bringing the total value of the deal to around 2 trillion yen.",
     "deal_value"),
    ("The two said that approximately $11 billion in new investments will be made by 2028.", "other"),
    ("The acquisition includes $11B in investments by 2028.", "other"),
    # a fifth unseen corpus: the deal noun between "shares" and "valued at" is what is valued; a
    # parenthesis inside "the total enterprise value ... of the deal"; a yearly budget
    ("Acme agreed to acquire all of the outstanding shares of Beta in an all-stock deal valued at "
     "$53 billion, or $171 per share.", "deal_value"),
    ("The total enterprise value, including debt, of the deal is $60 billion.", "deal_value"),
    ("Acme can lift spending to the top end of its guidance range of $20 billion per year if oil "
     "prices stay high.", "other"),
    ("In 2018 it took over the software provider Gamma for almost $19 billion, a year later it paid "
     "more for a division of Delta.", "deal_value"),
    # the deal a figure is compared against is another deal
    ("If Acme does indeed buy Beta, it would surpass the $12.5 billion deal that it made in 2012.",
     "other"),
    # the sixth unseen corpus: the agreement's total value with debt is the deal's; a profit is not
    ("Acme would also take on Beta's outstanding debt, bringing the agreement's total value to about "
     "$35.9 billion.", "deal_value"),
    ("Acme revised its forecast to a loss from ¥200 billion profit previously, partly due to costs "
     "related to its acquisition of Beta.", "other"),
    ("Acme in talks to buy $22bn Crunchos maker Beta", "valuation_before"),
    ("Under the terms of the deal, Acme has offered $83.50 for shares in Beta.", "price_per_share"),
    ("Acme on Wednesday priced a $26 billion eight-part investment-grade bond offering to help finance "
     "its takeover of Crunchos maker Beta.", "other"),
    # a vote's turnout and a share of an industry are no stake
    ("Shareholders participating in the vote represented approximately 77.5% of Beta's outstanding shares "
     "of common stock, according to the filing.", "other"),
    ("Acme and Beta combined would account for approximately 12% of the American snack and candy industry.",
     "market_share"),
    ("Acme agreed to buy a 49% stake in Beta.", "stake"),
    # the seventh unseen corpus: a quoted share price is the market's, not the deal's
    ("Acme will pay $157 per share in cash, a 31.3 percent premium over Beta's closing price of "
     "$119.59 at the end of business on Wednesday.", "price_per_share"),
    # a share of a company's workforce or revenue is no stake; of its shares it is
    ("The job cuts, carried out this fall, impacted about 7 percent of Acme's global workforce.",
     "other"),
    ("Revenue from software is expected to reach 50 percent of Acme’s total by fiscal 2025.",
     "other"),
    ("Acme bought 20% of Beta's outstanding shares.", "stake"),
    ("Acme owns 10% of Beta Systems.", "stake"),
    # the eighth unseen corpus: an analyst's price target is a forecast; cash and stock for each
    # share is a price per share; a magazine's "splurged $35bn on" is the price
    ("Analysts say the average ACM price target of $639.44 implies an upside potential of 12.3% from "
     "current levels.", "other"),
    ("Beta shareholders will receive $197 in cash and 0.3450 shares of Acme common stock for each "
     "Beta share.", "price_per_share"),
    ("Less than a week later Acme, an American maker of programs for chip designers, splurged $35bn "
     "on Beta, a computer-simulation company.", "deal_value"),
    ("Acme will pay about $35 billion in cash and stock, or $390.19 for each Beta share.", "deal_value"),
    # the ninth unseen corpus: a price "in cash per share", "U.S. a share"; a company's takings, a
    # sum over years, a plant's expansion, a cost-cutting plan and a loss are no price of the deal
    ("Acme plans to acquire Beta for $229 in cash per share.", "price_per_share"),
    ("Acme is buying Beta (BET) for $157 U.S. a share in an all-cash deal.", "price_per_share"),
    ("Acme agreed to pay a large sum for acquiring Beta, which recorded $2 billion in 2022.", "revenue"),
    ("Bourla has also heavily invested in acquisitions, spending around 70 billion dollars since 2020.",
     "other"),
    ("Acme's site has seen numerous investments over the years, including a $500 million expansion.",
     "capex"),
    ("Months after the Beta buy, Acme launched a $3.5-billion cost-cutting initiative.", "other"),
    ("On Friday, Acme posted ¥195.83 billion in losses for the three months to June 30.", "other"),
    # the eleventh unseen corpus: a price per share past its conversion, a "splash" on a company,
    # a market's size
    ("Acme announced on Tuesday plans to buy the videogame giant Beta Blizzard for $95 (€84) per share.",
     "price_per_share"),
    ("The Commission is set to launch an investigation into Acme's record $69 billion splash on games "
     "developer Beta.", "deal_value"),
    ("Rivals contested the deal, concerned it may give Acme a tight grip on the $200 billion games market.",
     "other"),
    ("Acme's $53 billion industry-reshaping deal for Beta is the largest this year.", "deal_value"),
    ("The $53 billion energy sector deal drew praise.", "deal_value"),
    ("The offer values Beta at $26.4 billion (£21.9bn), a share price premium of 48%.", "valuation_at_deal"),
    # the twelfth unseen corpus: a contract's worth; a price past a semicolon's "the market"
    ("Beta freezes recruitment after $10 billion contract put on hold", "other"),
    ("Acme has been planning to acquire records company Beta for a massive sum of 30 billion dollars; the "
     "market shares of Beta leaped.", "deal_value"),
    # a sum owed if the deal fails is a fee; a contract "valued at" is no company's value
    ("Under the original agreement, Acme would need to pay Beta $3 billion if the deal didn't happen.", "fee"),
    ("But now that fee has risen to $3.5 billion if the deal doesn't close by August 29.", "fee"),
    ("The agreement also includes amendments to Beta's commercial arrangements with Acme, valued at up to "
     "$250 million for each of fiscal years 2023 and 2024.", "other"),
    # the tenth unseen corpus: a price after a target described between commas
    ("Acme will acquire Beta Therapeutics, a biopharmaceutical company that focuses on treatments for rare, "
     "autoimmune diseases, for about $26.4 billion.", "deal_value"),
    # the thirteenth: the cash part of a price paid partly in shares; a bond sale's order book
    ("Acme will pay US$26.79 billion in cash and offer the rest in shares.", "other"),
    ("The deal had amassed more than $32 billion of orders, the person said.", "other"),
    ("Orders of $32 billion came in for the bond deal.", "other"),
    ("Acme will buy Beta for $20 billion in cash.", "deal_value"),
    # earnings per share and their guidance, a share's trading range, a price target after its figure
    ("Acme forecast an adjusted profit between US$3.79 and US$3.81 per share.", "other"),
    ("Acme raised its full-year earnings forecast to $4.36-$4.38 per share.", "other"),
    ("Consensus estimates are calling for $0.75 per share in earnings.", "other"),
    ("It has a 52-week trading range of $115.29 to $284.50.", "other"),
    ("The analyst carries a buy rating with a US$295 price target for Acme.", "other"),
    ("Its revenue forecast was raised to $26.2-$26.3 billion.", "revenue"),
    ("Acme will pay $54.20 per share in cash for Beta.", "price_per_share"),
    # the fourteenth: a target described by what it includes, a raised offer, cash beside new shares
    ("Acme and Beta announced a definitive agreement for Acme to acquire 21st Century Beta, including the "
     "Beta Film studios, along with cable and international TV businesses, for approximately $52.4 billion "
     "in stock.", "deal_value"),
    ("Acme had raised its offer for Beta assets to 71 billion US dollars.", "deal_value"),
    ("Acme expects to pay $35.7 billion in cash and issue about 343 million new shares to Beta investors.",
     "other"),
    # the review's cases: a payment after "profits", raised offers in every tense
    ("Acme used its profits to pay $5 billion for Beta.", "deal_value"),
    ("With record earnings Acme agreed to pay $5 billion for Beta.", "deal_value"),
    ("Acme raises its offer for Beta to $71.3 billion.", "deal_value"),
    ("It forced Acme to raise its offer for Beta to $71.3 billion.", "deal_value"),
    # the sixteenth: what a bond sale funds is the deal, the bonds themselves are financing
    ("Acme scores lowest spread of year on bonds to help fund $13 billion bid for Beta", "deal_value"),
    ("Acme sold $4 billion of bonds to help fund its planned acquisition of Beta.", "other"),
    # the seventeenth: a part of the price paid early
    ("The price includes a prepayment of USD2.50 payable upon Beta stockholders approving the transaction.",
     "other"),
])
def test_only_the_price_of_the_deal_is_its_value(sentence: str, metric: str) -> None:
    lex = Lexicons.load()
    amount = parse_amounts(sentence)[0]
    assert classify_metric(sentence, amount, lex) == metric


def test_the_market_price_a_premium_is_measured_against_is_no_price_of_the_deal() -> None:
    sentence = ("Acme will pay $157 per share in cash, a 31.3 percent premium over Beta's closing "
                "price of $119.59 at the end of business on Wednesday.")
    lex = Lexicons.load()
    quoted = next(a for a in parse_amounts(sentence) if a.value == 119.59)
    assert classify_metric(sentence, quoted, lex) == "other"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Meta is in talks to invest $10 billion in Scale AI, people familiar with the matter said.", "reported"),
    ("The deal could be worth $10 billion.", "rumoured"),
    ("A $2 billion deal has not been announced.", "rumoured"),
    ("Adobe announced on Thursday that it will buy Figma for $20 billion.", "confirmed"),
    ("Amazon is investing up to $4 billion in Anthropic, the two companies said Monday.", "confirmed"),
    ("Adobe's $20 billion deal for Figma collapsed last year.", "asserted"),
    ("Adobe's proposed $20 billion takeover may be in trouble, analysts warn; regulators object.", "asserted"),
    ("Bloomberg reported that Adobe would pay $20 billion.", "reported"),
])
def test_certainty_follows_the_written_convention(sentence: str, stance: str) -> None:
    lex = Lexicons.load()
    amount = parse_amounts(sentence)[0]
    assert classify_stance(sentence, lex, "", (amount.start, amount.end), {"Bloomberg"}) == stance


def test_a_late_rumour_does_not_overturn_the_agreed_figure() -> None:
    claims = pd.DataFrame({
        "claim_id": ["a-c01", "b-c01", "c-c01"], "source_id": ["a", "b", "c"],
        "metric": ["deal_value"] * 3, "value": [8e9, 8e9, 12e9], "unit": ["USD"] * 3,
        "lower": [7.5e9, 7.5e9, 11.5e9], "upper": [8.5e9, 8.5e9, 12.5e9], "bound": ["exact"] * 3,
        "stance": ["reported", "confirmed", "rumoured"], "mentions": [1, 1, 1], "start": [0, 0, 0],
        "transaction": ["t1"] * 3, "quote": ["$8 billion", "$8 billion", "$12 billion"]})
    timeline = pd.DataFrame({"source_id": ["a", "b", "c"], "order": [1, 2, 3]})
    assert settled_claim(claims, timeline)["source_id"] == "b"


REAL = [c for c in labelled_corpora() if (c.labels / "transactions.csv").is_file()]


@pytest.fixture(scope="module")
def scores():
    return {c.name: score_corpus(c) for c in REAL}


# nipponsteel-ussteel: the latest sources quote the price including debt ($14.9bn, which two early
# pages call so), the labels' final value is the equity value ($14.1bn); the tool does not tell an
# equity value from one including debt. Strict: settling on $14.1bn fails this mark.
# unitedhealth-changehealthcare (scored once unseen): the labels' final value is the announced $13bn
# including debt; the coverage after the closing gives the equity price ("its $8 billion takeover"),
# which the tool settles on (nipponsteel-ussteel's labels take the other convention).
# amazon-irobot (scored once unseen): the labels' final value is the cut price ($1.42bn, without
# debt); the latest page, an aftermath of December 2025, recalls "its $1.7 billion acquisition".
SETTLED_GAPS = {"amazon-irobot", "nipponsteel-ussteel", "unitedhealth-changehealthcare"}


@pytest.mark.parametrize("name", [c.name for c in REAL])
def test_real_coverage_main_transaction_and_settled_figure(scores, name: str, request) -> None:
    s = scores[name]
    assert s.main_right, (s.main_found, s.main_expected)
    if name in SETTLED_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="known gap, see SETTLED_GAPS"))
    assert s.settled_right, (s.settled, s.settled_expected)


# nvidia-arm (scored once unseen, then its general causes fixed): deal-value recall 0.67 (the paper
# value "rose to $87 billion", a previous owner's purchase price, a garbled announcement).
# hpe-juniper (scored once unseen, then its general causes fixed): figure recall 0.94: the labels
# count a ticker widget's "-8.92%" and "+21.81%", which cleaning removes as page furniture, and
# headcounts the other corpora leave out.
# exxon-pioneer (scored once unseen, then its general causes fixed): figure recall 0.94: the labels
# count three "2%" of one page (each party's share moves) as three figures, where a claim is one
# per figure and metric; and figures with no currency word beside a converted one ("more than 80
# billion (£65bn)") are not read as money.
# pfizer-seagen (scored once unseen, then its general causes fixed): deal-value precision 0.94: an
# activist's page lists the buyer's earlier purchases as "The acquisitions include X for 43 billion
# dollars, Y for 13 billion dollars, ..." (no deal sentence names Y's buyer), and its "acquires one
# billion dollars in X" is a stake, read as a purchase of X.
# salesforce-slack (scored once unseen, then its general causes fixed): deal-value recall 0.88: a
# page's typo "$227 billion" (for $27.7bn) in "was integral to selling the business to X in 2020"
# (no deal sentence names the target, and the figure is eight times the price), and a subhead
# "$12 billion versus $28 billion" with no word saying which figure is the price.
# illumina-grail (scored once unseen, then its general causes fixed): stage 0.61: a deal closed
# before its approval; the review pages after the closing recount it ("closed the deal without
# approval of regulators") and read as completed, and its divestment, spin-off and 2024 court pages
# name no stage cue or read as the review (see tests/test_evaluate_dates.py).
# amazon-irobot (scored once unseen, its main deal's name then fixed): deal-value precision 0.85 and
# recall 0.88: the buyer's other deals in one sentence ("Booking Holdings Inc.'s EUR1.6 billion deal
# for X" on a page about the regulator; One Medical's $3.49 billion) are filed under the main deal,
# "for $1.65bn in expansion of its smart home" reads as capital spending, and "1.7 billion dollars"
# in words after a pound figure is missed.
# microsoft-nuance (scored once unseen, then its general causes fixed): deal-value precision and
# recall 0.89: the buyer's earlier deals told beside this one ("behind only the $24 billion LinkedIn
# Corp. transaction", "the software giant's $27 billion acquisition of networking ...") are filed under
# it, and its value told as a valuation ("valuing the company at $19.7 billion, including net debt",
# "That would value the equity of Nuance ... at about $16 billion") is read as one.
FLOOR_GAPS = {"amazon-irobot", "exxon-pioneer", "hpe-juniper", "illumina-grail", "microsoft-nuance", "nvidia-arm",
              "pfizer-seagen", "salesforce-slack"}


@pytest.mark.parametrize("name", [c.name for c in REAL])
def test_real_coverage_scores_stay_above_their_floors(scores, name: str, request) -> None:
    """Regression floors: deal-value precision at the issue's bar of 0.95 (certainty and stage not yet
    at 0.85 everywhere; README has the table)."""
    if name in FLOOR_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="known gap, see FLOOR_GAPS"))
    s = scores[name]
    assert s.figure_recall.recall >= 0.97, s.figure_recall
    assert s.deal_value.precision >= 0.95, s.deal_value
    assert s.deal_value.recall >= 0.90, s.deal_value
    assert s.certainty >= 0.65, s.certainty
    assert s.stage is None or s.stage >= 0.65, s.stage


def test_the_settled_figure_stays_in_the_currency_most_sources_use() -> None:
    claims = pd.DataFrame({
        "claim_id": ["a-c01", "b-c01", "c-c01"], "source_id": ["a", "b", "c"],
        "metric": ["deal_value"] * 3, "value": [61e9, 61e9, 54e9], "unit": ["USD", "USD", "GBP"],
        "lower": [60.5e9, 60.5e9, 53.5e9], "upper": [61.5e9, 61.5e9, 54.5e9], "bound": ["exact"] * 3,
        "stance": ["confirmed"] * 3, "mentions": [1, 1, 1], "start": [0, 0, 0],
        "transaction": ["t1"] * 3, "quote": ["$61 billion", "$61 billion", "£54billion"]})
    timeline = pd.DataFrame({"source_id": ["a", "b", "c"], "order": [1, 2, 3]})
    assert settled_claim(claims, timeline)["unit"] == "USD"


def test_a_default_figure_far_from_the_attested_price_is_not_the_deal(tmp_path: Path) -> None:
    """'$884 million' in a paragraph about someone else's share sale is not the deal's price."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $8 billion, the companies said.\n",
        "b": "Northwind's $8 billion acquisition of Southgate closed.\n\nEarlier, a fund sold shares in an "
             "$884 million deal.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    row = claims[claims["value"] == 884e6].iloc[0]
    assert row["transaction"] == "?"
    assert 884e6 not in set(compare_claims(claims).merge(
        claims[["claim_id", "value"]], left_on="claim_a", right_on="claim_id")["value"])


def test_the_latest_undated_or_unbacked_figure_is_not_settled_on() -> None:
    claims = pd.DataFrame({
        "claim_id": ["a-c01", "b-c01", "c-c01", "d-c01"], "source_id": ["a", "b", "c", "d"],
        "metric": ["deal_value"] * 4, "value": [650e6, 650e6, 414e6, 700e6], "unit": ["USD"] * 4,
        "lower": [640e6, 640e6, 410e6, 690e6], "upper": [660e6, 660e6, 418e6, 710e6], "bound": ["exact"] * 4,
        "stance": ["confirmed", "reported", "asserted", "confirmed"], "mentions": [1] * 4, "start": [0] * 4,
        "transaction": ["t1"] * 4, "quote": ["$650 million"] * 2 + ["$414 million", "$700 million"]})
    timeline = pd.DataFrame({"source_id": ["a", "b", "c", "d"], "order": [1, 2, 3, 4],
                             "dated": [True, True, True, False]})
    assert settled_claim(claims, timeline)["source_id"] == "b"  # c is unbacked, d undated


def test_name_variants_are_one_party_and_a_place_is_not_a_target(tmp_path: Path) -> None:
    from analysis.transactions import same_party

    assert same_party("VM Ware", "VMware") and same_party("Elon Musk", "Musk")
    assert not same_party("Amazon", "Anthropic")
    p = corpus(tmp_path, {"a": "Northwind disclosed a 9% stake in the San Francisco company on Monday. "
                               "Northwind agreed to buy Southgate for $8 billion.\n"})
    table = stages.transactions(p, stages.cleaned(p))
    assert "San Francisco" not in set(table["target"])


def test_a_plan_to_take_another_company_private_is_its_own_transaction(tmp_path: Path) -> None:
    """'$72 billion' for the buyer's old plan to take another company private is not this deal's value."""
    p = corpus(tmp_path, {
        "a": "Rook agreed to buy Southgate for $44 billion, the companies said.\n",
        "b": "Rook's $44 billion acquisition of Southgate was approved.\n\nIn 2018, Rook had declared that he "
             "would take Westfield private. He even said he had funding secured for a $72 billion deal.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs)
    others = {(r["acquirer"], r["target"], r["kind"]) for _, r in table[~table["main"]].iterrows()}
    assert ("Rook", "Westfield", "acquisition") in others
    claims = stages.claims(p, cs)
    assert claims[claims["value"] == 72e9].iloc[0]["transaction"] not in ("t1", "")


@pytest.mark.parametrize(("sentence", "expected"), [
    # the object of 'acquire' is 'decision': the deal hires the team, it buys no company
    ("Just to follow up on Northwind's deal to acquire decision to hire Southgate's AI team, here are the "
     "details.", {("Northwind", "Southgate", "hiring")}),
    # a company suffix with its full stop is part of the name
    ("Northwind.com Inc. is investing an additional $4 billion in the startup Southgate.",
     {("Northwind.com Inc", "Southgate", "investment")}),
    # a hard-wrapped line reads on
    ("Northwind and Southgate announced an agreement under which Northwind will acquire all of the\n"
     "outstanding shares of Southgate\nin a cash-and-stock transaction that values Southgate at $61\nbillion.",
     {("Northwind", "Southgate", "acquisition")}),
    # an acqui-hire is a deal of its own between the hirer and the company left standing
    ("Southgate, an AI startup whose top employees were hired away by Northwind in June, will receive "
     "around $25 million.", {("Northwind", "Southgate", "hiring")}),
    # financing a buyer secured for its purchase is no funding round of the buyer; a round is
    ("Rook revealed he secured $46.5 billion in financing for the deal.", set()),
    ("Southgate secured $10 million in a funding round led by Bluefin.", {("Bluefin", "Southgate", "funding_round")}),
    # money a company raised from a named investor is that investor's investment
    ("On Monday, Southgate announced that it had raised as much as $4 billion from Northwind.",
     {("Northwind", "Southgate", "investment")}),
    # a brand before a descriptor ('Crunchos seller Southgate') describes the target, which is named after it
    ("Northwind's bid to take over Crunchos seller Southgate drew a formal investigation.",
     {("Northwind", "Southgate", "acquisition")}),
    # a place-based or lower-case description before the target's name describes it
    ("Northwind acquired UK-based premium chocolatier Bright Cocoa for £534 million.",
     {("Northwind", "Bright Cocoa", "acquisition")}),
    # a company suffix after a comma is part of the buyer's name, not a buyer of its own
    ("Northwind, Incorporated has officially completed its acquisition of Southgate.",
     {("Northwind", "Southgate", "acquisition")}),
    # a pronoun's earlier takeover, with its year between noun and 'of'
    ("It could be the firm's biggest deal since its $9.1 billion takeover of veterinary hospital chain PetCo "
     "in 2017.", {("", "PetCo", "acquisition")}),
    ("Growth came from deals, including the $9.1 billion purchase in 2017 of PetCo, a group of hospitals.",
     {("", "PetCo", "acquisition")}),
    # funds that sell one company's shares and buy another's: no company buys the other
    ("These funds are now compelled to divest their holdings in Southgate and purchase shares of Eastbay "
     "Partners, the firm joining the index.", set()),
    # investment advice names no buyer: 'is it worth buying X?'
    ("Should investors sell immediately? Or is it worth buying Southgate?", set()),
    # 'purchase' as a noun: who orders a review of a purchase or opposes it buys nothing
    ("President Smith on Monday ordered a review of a proposed purchase of Southgate.", set()),
    ("Smith opposed the purchase while campaigning for the White House.", set()),
    # but a purchase that was negotiated is a deal, its buyer the page's subject
    ("Last year it also negotiated a purchase of the software manufacturer Westfield Labs, which then did "
     "not materialize.", {("", "Westfield Labs", "acquisition")}),
    # a ticker after the possessive, and an abbreviation before the deal noun
    ("The takeover would be bigger than Rook Petroleum’s (ROK) $38 billion U.S. purchase of Southgate in 2019.",
     {("Rook Petroleum", "Southgate", "acquisition")}),
    # a ticker with its exchange between the buyer and its verb
    ("The gain came after the company announced that Rook (NASDAQ: ROK) plans to acquire Southgate in a deal.",
     {("Rook", "Southgate", "acquisition")}),
    ("Rook (Nasdaq: ROK) agreed to acquire Southgate for $28 billion.", {("Rook", "Southgate", "acquisition")}),
    # a merger between two named companies: the first named leads
    ("It is the largest deal since the $84.4 billion merger between Northwind Corp. and Westfield Corp. in 1999.",
     {("Northwind Corp", "Westfield Corp", "merger")}),
    # 'the Permian Basin operator' describes the company bought; it names no target
    ("Rook plans to lay off 397 employees after purchasing the Permian Basin operator for $63 billion.", set()),
    # a place after a preposition is no buyer; a typed dash ends a name
    ("Rook got deeper in the core of the New Mexico Delaware Basin through a $6.6 billion acquisition of Southgate.",
     {("", "Southgate", "acquisition")}),
    ("Southgate makes pumps. The complaint came the month that Rook completed its purchase of Southgate--a mega "
     "deal.", {("Rook", "Southgate", "acquisition")}),
])
def test_deal_sentences_name_the_right_parties(tmp_path: Path, sentence: str, expected: set) -> None:
    p = corpus(tmp_path, {"a": sentence + "\n"})
    table = stages.transactions(p, stages.cleaned(p))
    assert {(r["acquirer"], r["target"], r["kind"]) for _, r in table.iterrows()} == expected


def test_a_later_deal_of_the_same_parties_is_its_own_transaction_but_a_tranche_is_not(tmp_path: Path) -> None:
    """An 'additional $4 billion' as large as the agreed deal is a new deal; an 'additional $2.75
    billion' of a $4 billion deal is one of its tranches and is never compared with it."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to invest up to $4 billion in Southgate.\n",
        "b": "Northwind is investing up to $4 billion in Southgate, the companies said.\n",
        "c": "Northwind invested an additional $2.75 billion in Southgate, completing the deal.\n",
        "d": "Northwind is investing an additional $4 billion in Southgate, its second deal with the startup.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs)
    assert list(zip(table["acquirer"], table["target"], table["kind"], table["sources"], strict=True)) == [
        ("Northwind", "Southgate", "investment", 3), ("Northwind", "Southgate", "investment", 1)]
    claims = stages.claims(p, cs).set_index(["source_id", "value"])
    assert claims.loc[("c", 2.75e9), "metric"] == "tranche"
    assert tuple(claims.loc[("d", 4e9), ["metric", "transaction"]]) == ("deal_value", "t2")
    assert tuple(claims.loc[("a", 4e9), ["metric", "transaction"]]) == ("deal_value", "t1")


def test_hires_beside_a_licence_are_one_licensing_deal(tmp_path: Path) -> None:
    """People hired are not what is paid for: the deal is the licence, and one transaction."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to pay Southgate $650 million to license its models.\n",
        "b": "Northwind hired Southgate's co-founders and most of its staff.\n",
        "c": "Northwind paid Southgate $650 million under a licensing deal. Northwind hired Southgate's team.\n",
    })
    table = stages.transactions(p, stages.cleaned(p))
    assert list(zip(table["acquirer"], table["target"], table["kind"], table["sources"], strict=True)) == [
        ("Northwind", "Southgate", "licensing", 3)]


def test_a_figure_converted_in_brackets_keeps_the_metric_of_the_figure_it_converts(tmp_path: Path) -> None:
    """"$35.9 billion (approx. NZ$60 billion)": the same price in another currency, not another figure."""
    p = corpus(tmp_path, {"a": "Acme agreed to acquire Beta for a total consideration totalling USD $35.9 billion "
                                "(approx. NZ$60 billion), the companies said.\n"})
    claims = stages.claims(p, stages.cleaned(p))
    metric = dict(zip(claims["unit"], claims["metric"], strict=True))
    assert metric == {"USD": "deal_value", "NZD": "deal_value"}


def test_a_figure_right_after_the_main_target_is_the_main_deals_beside_an_earlier_one(tmp_path: Path) -> None:
    """'the Southgate $32 billion deal ranks as Northwind's largest, dwarfing its 2012 purchase of
    Westfield for $12.5 billion': the first figure is the main deal's, the second the earlier deal's;
    and a bought company's description before its name ('UK-based premium chocolatier X') is quoted."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $32 billion, the companies said.\n",
        "b": "Northwind's $32 billion acquisition of Southgate closed on Monday.\n",
        "c": "At a staggering price tag, the Southgate $32 billion deal easily ranks as Northwind's largest "
             "acquisition ever, dwarfing its 2012 purchase of Westfield Mobile for $12.5 billion. "
             "Earlier, Northwind acquired UK-based premium chocolatier Bright Cocoa for £534 million.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs)
    ids = {r["target"]: r["transaction_id"] for _, r in table.iterrows()}
    claims = stages.claims(p, cs)
    c = claims[claims["source_id"] == "c"]
    tx = dict(zip(c["value"], c["transaction"], strict=True))
    assert tx[32e9] == ids["Southgate"] == "t1"
    assert tx[12.5e9] == ids["Westfield Mobile"]
    assert tx[534e6] == ids["Bright Cocoa"]
    bought = [m for m in deal_mentions(cs, set()) if m.target == "Bright Cocoa"]
    assert [m.quote for m in bought] == ["Northwind acquired UK-based premium chocolatier Bright Cocoa"]


def test_earlier_deals_told_with_a_pronoun_are_kept_apart(tmp_path: Path) -> None:
    """'it took over X for $19bn, a year later it paid $11bn for a division of Y': two earlier deals,
    each figure its own, never compared with each other or with the main deal."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $61 billion, the companies said.\n",
        "b": "Northwind's $61 billion acquisition of Southgate closed. In 2018 it took over the software "
             "provider Westfield for almost $19 billion, a year later it paid almost $11 billion for a "
             "division of the security specialist Eastbay.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs)
    assert {(r["target"], r["kind"]) for _, r in table[~table["main"]].iterrows()} == {
        ("Westfield", "acquisition"), ("Eastbay", "acquisition")}
    claims = stages.claims(p, cs)
    tx = dict(zip(claims["value"], claims["transaction"], strict=True))
    assert len({tx[61e9], tx[19e9], tx[11e9]}) == 3


def test_the_targets_other_funding_rounds_are_never_compared_with_each_other(tmp_path: Path) -> None:
    """$1.3bn (one round) and $1.5bn (raised in all) are not one deal's figures disagreeing."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $8 billion, the companies said.\n",
        "b": "Northwind's $8 billion acquisition of Southgate was announced. Southgate raised $1.3 billion in "
             "a funding round last year. All told, it raised more than $1.5 billion.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    tx = dict(zip(claims["value"], claims["transaction"], strict=True))
    assert tx[1.3e9] not in ("t1", "?") and tx[1.5e9] == "?"  # its round; no round's amount
    assert compare_claims(claims).query("metric == 'funding'").empty


def test_the_buyers_earlier_stake_is_its_holding_not_the_purchase(tmp_path: Path) -> None:
    """'offered $43bn for Y soon after disclosing a 9.2% stake': the 9.2% is the holding X took
    before, never compared with the 100% it offers to buy."""
    p = corpus(tmp_path, {
        "a": "Rook has taken a 9.2% stake in Southgate, a filing showed.\n",
        "b": "Rook offered to buy Southgate for $43 billion soon after disclosing a 9.2% stake in the company.\n",
        "c": "Rook agreed to buy Southgate for $44 billion, taking 100% of the company.\n",
        "d": "Rook will buy Southgate for $44 billion.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs).set_index("transaction_id")
    claims = stages.claims(p, cs)
    stakes = claims[(claims["metric"] == "stake") & (claims["value"] == 9.2)]
    assert table.loc["t1", "kind"] == "acquisition" and len(stakes) == 2
    assert {table.loc[t, "kind"] for t in stakes["transaction"]} == {"investment"}


def test_an_ipo_is_its_own_transaction_and_a_figure_keeps_the_deal_it_names(tmp_path: Path) -> None:
    """'X's IPO values it at $18.8bn, below Y's failed $20bn acquisition bid': the IPO's figures are
    the IPO's; the $20bn names the acquisition, so it stays with it."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $20 billion, the companies said.\n",
        "b": "Northwind's $20 billion acquisition of Southgate was abandoned.\n",
        "c": "Southgate’s IPO values the company at about $18.8 billion, below Northwind’s failed $20 billion "
             "acquisition bid. Southgate priced its initial public offering at $33 per share.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs)
    ipo = table[table["kind"] == "ipo"]
    assert list(ipo["target"]) == ["Southgate"]
    claims = stages.claims(p, cs)
    c = claims[claims["source_id"] == "c"].set_index("value")
    assert c.loc[18.8e9, "transaction"] == c.loc[33.0, "transaction"] == ipo.iloc[0]["transaction_id"]
    assert tuple(c.loc[20e9, ["metric", "transaction"]]) == ("deal_value", "t1")


def test_several_earlier_deals_in_one_sentence_are_kept_apart(tmp_path: Path) -> None:
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $61 billion.\n",
        "b": "Northwind will buy Southgate for $61 billion. It bought the software company Westfield for $18.9 "
             "billion in 2018 and a security division of Eastbay for $10.7 billion in 2019.\n",
        "c": "Northwind's $61 billion acquisition of Southgate closed. It follows a $10.7 billion acquisition of "
             "Eastbay in 2019.\n",
    })
    cs = stages.cleaned(p)
    ids = dict(zip(stages.transactions(p, cs)["target"], stages.transactions(p, cs)["transaction_id"], strict=True))
    claims = stages.claims(p, cs).set_index(["source_id", "value"])["transaction"]
    assert claims[("b", 18.9e9)] == ids["Westfield"]
    assert claims[("c", 10.7e9)] == ids["Eastbay"]  # 'a $10.7 billion acquisition of Eastbay': its own deal


def test_deal_names_say_which_deal() -> None:
    """A later deal of the same parties, an IPO and a hiring read as what they are."""
    from analysis.stages import deal_name

    assert deal_name("Amazon", "Anthropic", "investment", True) == "Amazon's later investment in Anthropic"
    assert deal_name("Amazon", "Anthropic", "investment", "False") == "Amazon's investment in Anthropic"
    assert deal_name("", "Figma", "ipo") == "Figma's initial public offering"
    assert deal_name("Microsoft", "Inflection", "hiring") == "Microsoft's hiring of staff from Inflection"


def test_the_report_sets_side_by_side_only_the_main_deal_and_figures_of_no_deal() -> None:
    """Another deal's figure (an earlier acquisition the text recalls) never enters the charts."""
    from analysis.claims import reported_claims

    claims = pd.DataFrame({"claim_id": ["a", "b", "c", "d"], "transaction": ["t1", "", "t2", "?"]})
    assert list(reported_claims(claims)["claim_id"]) == ["a", "b"]


def test_a_name_cut_off_at_the_end_of_a_page_and_a_new_chief_are_no_transactions(tmp_path) -> None:
    """A stored page that stops mid-word ("... the digital concierge service Veloc") names no
    party, and "took over as Beta's new CEO" is a role, not a takeover."""
    from analysis.cleaning import clean_corpus, load_rules
    from analysis.corpus import load_corpus
    from analysis.deal_sentences import deal_mentions

    (tmp_path / "a.txt").write_text(
        "Northwind agreed to buy Southgate for $35 billion on Monday.\n\n"
        "The deal comes weeks after veteran banker Jo Lee took over as Southgate's new CEO in August.\n\n"
        "In recent years Northwind has tried to attract premium customers who spend more, and it agreed "
        "to buy the digital concierge service Veloc", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Shareholders approved the merger on Tuesday.\n\nNorthwind proposed the acquisition of Southg",
        encoding="utf-8")
    (tmp_path / "c.txt").write_text("Eastco picks up Westgate to be $24.6B grocery giant\n\n"
                                    "The deal was announced on Friday.\n", encoding="utf-8")
    cs = clean_corpus(load_corpus(tmp_path), load_rules())
    found = {(d.acquirer, d.target) for d in deal_mentions(cs, set())}
    assert ("Northwind", "Southgate") in found and ("Eastco", "Westgate") in found
    assert not any("Veloc" in t or t == "Southg" or a == "Jo Lee" for a, t in found)


def test_an_abbreviated_name_is_the_party_it_abbreviates(tmp_path: Path) -> None:
    """"U.S. Steel" is "United States Steel Corp." (and "IBM" "International Business
    Machines"): an abbreviation stands for the words whose initials it spells; a leading "U.S."
    is kept when it is part of a one-word name, so the target is not cut to "U.S" or "Steel"."""
    from analysis.transactions import clean_name, same_party

    assert same_party("U.S. Steel", "United States Steel Corp")
    assert same_party("US Steel", "United States Steel") and same_party("IBM", "International Business Machines")
    assert not same_party("U.S. Steel", "United Steel Works") and not same_party("U.K. Steel", "United States Steel")
    assert clean_name("U.S. Steel", set()) == "U.S. Steel"
    assert clean_name("U.S. Commerce Department", set()) == "Commerce Department"
    p = corpus(tmp_path, {
        "a": "Northwind Corp. will buy United States Mills Corp. for about $4.1 billion, the companies said.\n",
        "b": "Northwind agreed to buy U.S. Mills for $4.1 billion in cash.\n",
        "c": "Northwind's $4.1 billion takeover of U.S. Mills was approved by shareholders.\n",
    })
    table = stages.transactions(p, stages.cleaned(p))
    main = table[table["main"]].iloc[0]
    assert main["target"] == "U.S. Mills" and int(main["sources"]) == 3


def test_an_ampersand_abbreviation_an_unnamed_payer_and_an_acquisition_for_its_buyer(tmp_path: Path) -> None:
    """"J&J" is "Johnson & Johnson" (the ampersand is no initial); "the company shelled out $16.6
    billion for heart device maker Y" is a purchase of Y; "X represents a big acquisition for Y"
    has Y as the buyer, not the target."""
    from analysis.transactions import same_party

    assert same_party("J&J", "Johnson & Johnson") and same_party("AT&T", "American Telephone & Telegraph")
    assert not same_party("J&J", "Johnson Controls") and not same_party("J&J", "Jersey")
    p = corpus(tmp_path, {
        "a": "Northwind & Northwind agreed to buy Southgate Medical for $13 billion, the companies said.\n",
        "b": "N&N to buy Southgate Medical in $13 billion deal.\n\nN&N will pay $335 a share, it said.\n",
        "c": "A Southgate deal would be a second big acquisition for N&N, after the company shelled out "
             "$16.6 billion for heart device maker Eastpump in 2022.\n\n"
             "Southgate represents a significant acquisition for Northwind & Northwind.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs)
    main = table[table["main"]].iloc[0]
    assert int(main["sources"]) == 3
    pairs = {(r["acquirer"], r["target"]) for _, r in table.iterrows()}
    assert not any(t.startswith("Northwind") for _, t in pairs)  # the buyer is never the target
    claims = stages.claims(p, cs)
    other = claims[claims["value"].round(-6) == 16.6e9].iloc[0]
    assert other["transaction"] != main["transaction_id"]
    assert table.set_index("transaction_id").loc[other["transaction"], "target"] == "Eastpump"


def test_a_rival_merger_a_bid_for_and_the_buyer_named_at_the_figure(tmp_path: Path) -> None:
    """"Beta's $6.6 billion merger with Gamma Group" is the rival merger, "its $3.6 billion bid for
    Beta" the buyer's bid, and "the $3.8 billion Acme deal" (or "Acme's original offer of $33") is
    Acme's deal even when the paragraph last told of another."""
    p = corpus(tmp_path, {
        "a": "Acme agreed to buy Beta Airlines for $3.8 billion, the companies said.\n",
        "b": "Acme launched a hostile takeover for Beta in an attempt to swing investors away from Beta's "
             "$6.6 billion merger with Gamma Group, two weeks after its $3.6 billion bid for Beta was "
             "rejected.\n",
        "c": "Gamma agreed to merge with Beta in 2022. Gamma tried to merge with Beta again. However, the "
             "Justice Department sued to block the $3.8 billion Acme deal.\n",
        "d": "Acme will buy Beta Airlines for $33.50 a share, including a prepayment of $2.50 per share.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs).set_index("transaction_id")
    claims = stages.claims(p, cs)
    tx = {(r["source_id"], round(float(r["value"]), 2)): r["transaction"] for _, r in claims.iterrows()}
    main = table[table["main"]].index[0]
    assert table.loc[main, "acquirer"] == "Acme"
    assert tx[("b", 3.6e9)] == main and tx[("c", 3.8e9)] == main
    rival = tx[("b", 6.6e9)]
    assert rival != main and table.loc[rival, "kind"] == "merger"
    assert "Gamma" in table.loc[rival, "acquirer"] + table.loc[rival, "target"]
    prepaid = claims[(claims["source_id"] == "d") & (claims["value"].round(2) == 2.5)].iloc[0]
    assert prepaid["metric"] == "other"


def test_a_possessive_place_a_hyphenated_name_and_a_nationality_are_no_new_parties(tmp_path: Path) -> None:
    """"Japan’s Northwind" (either apostrophe) is Northwind, "Cleveland-Mills" is "Mills", and "the
    Japanese company" that bought the target is the buyer unnamed, not a party called "Japanese"."""
    from analysis.transactions import same_party

    assert same_party("Japan’s Northwind", "Japan's Northwind") and same_party("Cleveland-Mills", "Mills")
    p = corpus(tmp_path, {
        "a": "Japan's Northwind agreed to buy Southgate for $4.1 billion.\n",
        "b": "Japan’s Northwind said on Monday it would buy Southgate.\n",
        "c": "The Japanese company bought Southgate for $4.1 billion.\n",
    })
    table = stages.transactions(p, stages.cleaned(p))
    assert len(table) == 1 and int(table.iloc[0]["sources"]) == 3
    assert "Japanese" not in set(table["acquirer"])


def test_a_buyer_left_unnamed_joins_the_deal_most_sources_describe(tmp_path: Path) -> None:
    """"The Japanese company bought Southgate" belongs with the deal for Southgate its page or the
    corpus is about, not with a rival's rejected bid that happens to come first."""
    p = corpus(tmp_path, {
        "a": "Southgate rejected Westmill's offer. The acquisition of Southgate by Westmill was not to be.\n",
        "b": "Northwind agreed to buy Southgate for $4.1 billion.\n",
        "c": "Northwind said on Monday it would buy Southgate.\n",
        "d": "The Japanese company bought Southgate for 2 trillion yen.\n",
    })
    table = stages.transactions(p, stages.cleaned(p))
    main = table[table["main"]].iloc[0]
    assert main["acquirer"] == "Northwind" and int(main["sources"]) == 3


def test_the_main_targets_own_holding_is_not_the_deal_a_figure_is_about(tmp_path: Path) -> None:
    """"The oil producer agreed to buy Southgate in a deal valued at $53 billion to gain a stake in
    the Delta field": the buyer is unnamed, and Southgate's own stake in Delta (another transaction
    some page names) is not what the $53 billion pays for."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $53 billion.\n",
        "b": "Northwind said on Monday it will buy Southgate.\n",
        "c": "Southgate's 30% stake in the Delta field is its prize asset.\n",
        "d": "Northwind bought shares this year. The oil producer agreed in October to buy Southgate in an "
             "all-stock deal valued at $53 billion to gain a crucial stake in the Delta field.\n",
    })
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    row = claims[(claims["source_id"] == "d") & (claims["value"] == 53e9)].iloc[0]
    assert row["transaction"] == "t1"


def test_a_parent_named_beside_its_company_is_the_same_buyer_and_a_nationality_no_target(
        tmp_path: Path) -> None:
    """"Northwind parent Holdco" and "Holdco, the parent company of Northwind": the deal for
    Southgate that pages credit to either is one transaction; "Northwind's acquisition of Israeli
    cybersecurity company Southgate" names Southgate, not "Israeli"."""
    from analysis.parties import aliased

    assert aliased("Holdco", "Northwind", frozenset({("Northwind", "Holdco"), ("Holdco", "Northwind")}))
    assert not aliased("Holdco", "Northwind", frozenset())
    p = corpus(tmp_path, {
        "a": "Southgate rejected a $23 billion offer from Northwind parent Holdco.\n",
        "b": "Holdco, the parent company of Northwind, agreed to buy Southgate for $32 billion.\n",
        "c": "Northwind agreed to buy Southgate for $32 billion.\n",
        "d": "Northwind's acquisition of Israeli cybersecurity company Southgate was approved.\n",
    })
    table = stages.transactions(p, stages.cleaned(p))
    assert "Israeli" not in set(table["target"])
    acquisitions = table[table["kind"] == "acquisition"]
    assert len(acquisitions) == 1, acquisitions[["acquirer", "target"]]


def test_an_offer_that_ended_at_another_price_is_an_earlier_round_of_its_own(tmp_path: Path) -> None:
    """Talks at $23 billion that ended, then a deal at $32 billion: the $23 billion figures are an
    earlier, ended round (a transaction of their own, never compared with the deal's price); a deal
    that ended at the price it was agreed at stays one transaction."""
    p = corpus(tmp_path, {
        "a": "Northwind is in talks to buy Southgate for $23 billion, people familiar with the matter said.\n",
        "b": "Southgate rejected a $23 billion acquisition offer from Northwind.\n",
        "c": "Southgate has turned down a $23 billion offer from Northwind, and the deal collapsed.\n",
        "d": "Northwind agreed to buy Southgate for $32 billion.\n",
        "e": "Northwind agreed to buy Southgate for $32 billion, the companies said.\n",
        "f": "Northwind completed its $32 billion acquisition of Southgate on Friday.\n",
    })
    cs = stages.cleaned(p)
    table = stages.transactions(p, cs)
    (earlier,) = table[table["ended_round"].astype(str) == "True"]["transaction_id"]
    claims = stages.claims(p, cs)
    deal = claims[claims["metric"] == "deal_value"]
    assert set(deal.loc[deal["value"] == 23e9, "transaction"]) == {earlier}
    assert set(deal.loc[deal["value"] == 32e9, "transaction"]) == {"t1"}
    from analysis.stages import deal_name
    assert deal_name("Northwind", "Southgate", "acquisition", False, True) == \
        "Northwind's earlier, ended acquisition of Southgate"

    (tmp_path / "q").mkdir()
    q = corpus(tmp_path / "q", {
        "a": "Acme agreed to buy Beta for $20 billion.\n",
        "b": "Acme agreed to buy Beta for $20 billion, the companies said.\n",
        "c": "Acme and Beta terminated the $20 billion deal.\n",
        "d": "Acme and Beta called off their $20 billion merger after regulators objected.\n",
    })
    assert not (stages.transactions(q, stages.cleaned(q))["ended_round"].astype(str) == "True").any()


def test_a_possessive_before_acquisition_and_a_kind_of_business_name_no_target(tmp_path: Path) -> None:
    """"the regulator closed its investigation into Northwind's acquisition" names Northwind as
    the buyer, not a company bought; "bought a high-margin SaaS business" buys a kind of business."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $32 billion.\n",
        "b": "The regulator closed its investigation into Northwind’s acquisition of Southgate.\n",
        "c": "Northwind just bought a high-margin SaaS business growing 40% annually.\n",
    })
    table = stages.transactions(p, stages.cleaned(p))
    assert not {"Northwind", "SaaS"} & set(table["target"])


def test_a_price_including_debt_is_marked_and_not_set_against_the_equity_price(tmp_path: Path) -> None:
    """The claims say which price counts the target's debt; the report's matrix says so. Against a
    price stated as the equity value the pair is 'with and without debt', not a disagreement; against
    a smaller one that says nothing it may differ by the debt (counted apart: nothing says it is the
    equity value, nor that the two disagree)."""
    from analysis.report_claims import _matrix_cell

    p = corpus(tmp_path, {
        "a": "Acme said on Monday it would buy Beta in a deal valued at $14.9 billion including debt.\n",
        "b": "Acme agreed to buy Beta for $14.1 billion, the companies said.\n",
        "c": "Acme agreed to buy Beta for $14 billion, excluding debt, the companies said.\n",
    })
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    deal = claims[claims["metric"] == "deal_value"].set_index("source_id")
    assert (deal.loc["a", "basis"], deal.loc["b", "basis"], deal.loc["c", "basis"]) == ("including_debt", "", "equity")
    comparisons = stages.comparisons(claims, stages.build_timeline(p, cs, claims))
    dv = comparisons[comparisons["metric"] == "deal_value"].set_index(["source_a", "source_b"])
    assert dv.loc[("a", "b"), "verdict"] == "debt_unstated"
    assert dv.loc[("a", "c"), "verdict"] == "different_basis"
    assert _matrix_cell(14.9e9, "USD", "exact", "including_debt") == "$14.9 bn (incl. debt)"
    assert _matrix_cell(10e9, "USD", "lower", "") == "$10 bn (at least)"


def test_the_same_figure_at_another_precision_takes_the_basis_another_source_states(tmp_path: Path) -> None:
    """"$36 billion" is "$35.9 billion, inclusive of assumed net leverage" rounded: it counts the
    debt too (basis_from names the claim that says so), so it is set apart from the "$30 billion,
    excluding debt" equity value, and against "almost $29 billion", which says nothing, it may
    differ by the debt; "$24 billion" is not "$24.6 billion" rounded and takes nothing."""
    from analysis.basis import same_figure

    p = corpus(tmp_path, {
        "a": "Acme agreed to buy Beta for $83.50 per share in cash, amounting to a total of $35.9 billion, "
             "inclusive of assumed net leverage.\n",
        "b": "Acme has agreed to buy Beta in a $36 billion deal, the companies said.\n",
        "c": "Acme would pay almost $29 billion for Beta, the companies said.\n",
        "d": "Acme agreed to buy Beta for $30 billion, excluding debt, the companies said.\n",
    })
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    deal = claims[claims["metric"] == "deal_value"].set_index("source_id")
    assert deal.loc["a", "basis"] == deal.loc["b", "basis"] == "including_debt"
    assert (deal.loc["a", "basis_from"], deal.loc["b", "basis_from"]) == ("", deal.loc["a", "claim_id"])
    assert (deal.loc["c", "basis"], deal.loc["d", "basis"]) == ("", "equity")
    comparisons = stages.comparisons(claims, stages.build_timeline(p, cs, claims))
    dv = comparisons[comparisons["metric"] == "deal_value"].set_index(["source_a", "source_b"])
    assert dv.loc[("b", "d"), "verdict"] == "different_basis"
    assert dv.loc[("b", "c"), "verdict"] == "debt_unstated"
    assert "as a-c02 says of the same figure" in dv.loc[("b", "d"), "explanation"]
    assert "as a-c02 says of the same figure" in dv.loc[("b", "c"), "explanation"]
    assert same_figure(36e9, 35.9e9) and same_figure(25e9, 24.6e9)
    assert not same_figure(24e9, 24.6e9) and not same_figure(14.1e9, 14.9e9)


def test_and_before_a_possessor_starts_another_deal_not_a_longer_name(tmp_path) -> None:
    """"Eastco's acquisition of Westgate Blizzard and Northco's acquisition of Giphy": two deals;
    "and" joins a name ("Procter and Gamble") only when no possessive follows."""
    from analysis.cleaning import clean_corpus, load_rules
    from analysis.corpus import load_corpus
    from analysis.deal_sentences import deal_mentions

    (tmp_path / "a.txt").write_text(
        "Several large tech mergers faced regulatory hurdles in Europe, including Eastco's acquisition "
        "of Westgate Blizzard and Northco's acquisition of Giphy.\n\n"
        "Southco agreed to buy Procter and Gamble Brands for $2 billion.\n", encoding="utf-8")
    cs = clean_corpus(load_corpus(tmp_path), load_rules())
    found = {(d.acquirer, d.target) for d in deal_mentions(cs, set())}
    assert ("Eastco", "Westgate Blizzard") in found and ("Northco", "Giphy") in found
    assert ("Southco", "Procter and Gamble Brands") in found


def test_a_precise_late_figure_a_rounder_one_admits_is_not_backed_by_it() -> None:
    """"$64.5bn" (the value with debt) in the latest source, beside "roughly $60 billion": the round
    figure's interval admits it, but it does not admit the round figure, so it backs nothing; the
    figure several sources agree on is settled on."""
    claims = pd.DataFrame({
        "claim_id": ["a-c01", "b-c01", "c-c01", "d-c01"], "source_id": ["a", "b", "c", "d"],
        "metric": ["deal_value"] * 4, "value": [60e9, 60e9, 60e9, 64.5e9], "unit": ["USD"] * 4,
        "lower": [59.5e9, 59.5e9, 54e9, 64.45e9], "upper": [60.5e9, 60.5e9, 66e9, 64.55e9],
        "bound": ["exact", "exact", "approx", "exact"], "stance": ["confirmed"] * 4, "mentions": [1] * 4,
        "start": [0] * 4, "transaction": ["t1"] * 4,
        "quote": ["$60 billion", "$60 billion", "roughly $60 billion", "$64.5bn"]})
    timeline = pd.DataFrame({"source_id": ["a", "b", "c", "d"], "order": [1, 2, 3, 4]})
    assert settled_claim(claims, timeline)["source_id"] == "c"


@pytest.mark.parametrize("sentence", [
    "The transaction’s value, including debt, is about 64.5 billion dollars, making it the largest buyout.",
    "The implied total enterprise value of the transaction, including net debt, is approximately $64.5 billion.",
    "Including debt, Acme is committing about $64.5 billion to the acquisition.",
])
def test_a_price_including_debt_is_the_deals_value(sentence: str) -> None:
    (amount,) = parse_amounts(sentence)
    assert classify_metric(sentence, amount, Lexicons.load()) == "deal_value"


@pytest.mark.parametrize(("page", "value", "main"), [
    # a deal after "since" or "than" is the figure's yardstick: the figure is the main deal's
    ("Northwind is buying Southgate for $59.5 billion. The transaction’s value, including debt, is about "
     "$64.5 billion, making it Northwind’s largest buyout since acquiring Westfield two decades ago.",
     64.5e9, True),
    # a figure after the yardstick's "since" is the earlier deal's, not this one's
    ("Northwind is in talks to buy Southgate. The deal would be the biggest U.S. supermarket deal since the "
     "last time Southgate changed hands in 2006, when it was bought by Rook Corp. and a group of investment "
     "firms for about $9.8 billion.", 9.8e9, False),
])
def test_a_deal_measured_since_or_than_another(tmp_path: Path, page: str, value: float, main: bool) -> None:
    p = corpus(tmp_path, {"a": "Northwind agreed to buy Southgate for $59.5 billion, the companies said.\n",
                          "b": page + "\n"})
    claims = stages.claims(p, stages.cleaned(p))
    assert (claims[claims["value"] == value].iloc[0]["transaction"] == "t1") is main


def test_a_figure_inside_a_condition_naming_no_party_is_a_hypothetical(tmp_path: Path) -> None:
    """"how long tech deals took to close if the deal value fell in the $5 billion to $30 billion
    range" is no deal's price; "whether Northwind's planned $28 billion purchase of Southgate would
    ..." names the deal and keeps its value."""
    p = corpus(tmp_path, {
        "a": "Northwind agreed to buy Southgate for $28 billion, the companies said.\n",
        "b": "The graph shows how long tech deals took to close if the deal value fell in the $5 billion to "
             "$30 billion range. Regulators are reviewing whether Northwind's planned $28 billion purchase of "
             "Southgate would limit competition.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    b = claims[claims["source_id"] == "b"].set_index("quote")
    assert b.loc["$5 billion to $30 billion", "metric"] == "other"
    assert (b.loc["$28 billion", "metric"], b.loc["$28 billion", "transaction"]) == ("deal_value", "t1")


def test_a_late_figure_that_counts_the_debt_is_no_outlier_of_an_equity_price() -> None:
    """"$64.5bn" including debt after a settled $59.5 billion measures something else (the report
    says so among the figures that measure different things); a late "$40 billion" is flagged."""
    claims = pd.DataFrame({
        "claim_id": ["a-c01", "b-c01", "c-c01", "d-c01"], "source_id": ["a", "b", "c", "d"],
        "metric": ["deal_value"] * 4, "value": [59.5e9, 59.5e9, 64.5e9, 40e9], "unit": ["USD"] * 4,
        "lower": [59.45e9, 59.45e9, 64.45e9, 39.5e9], "upper": [59.55e9, 59.55e9, 64.55e9, 40.5e9],
        "bound": ["exact"] * 4, "stance": ["confirmed"] * 4, "mentions": [1] * 4, "start": [0] * 4,
        "basis": ["", "", "including_debt", ""], "transaction": ["t1"] * 4,
        "quote": ["$59.5 billion", "$59.5 billion", "$64.5bn", "$40 billion"]})
    timeline = pd.DataFrame({"source_id": ["a", "b", "c", "d"], "order": [1, 2, 3, 4]})
    assert settled_claim(claims, timeline)["source_id"] == "b"
    assert list(late_outliers(claims, timeline)["source_id"]) == ["d"]


def test_a_described_buyer_and_a_regulators_approval(tmp_path: Path) -> None:
    """"X, a business-software giant, snapped up Y" names X the buyer past its description (the
    figure went to the corpus's main deal), "X, an American maker of programs, splurged $35bn on Y"
    is a purchase, while "secured China's approval to buy out Y" makes no buyer of China; a list
    of brands between commas ("X, whose brands include A, B and C, is buying Y") is no description."""
    from analysis.cleaning import clean_corpus, load_rules
    from analysis.corpus import load_corpus

    (tmp_path / "a.txt").write_text(
        "On January 10th Northwind Packard Enterprise, a business-software giant, snapped up Juno "
        "Networks, a maker of telecoms gear, for $14bn. Less than a week later Eastco, an American "
        "maker of programs for chip designers, splurged $35bn on Westgate, a simulation company.\n\n"
        "Eastco has secured Cathay's approval to buy out Westgate for US$35 billion.\n\n"
        "Zeta, whose brands include Alpha, Bravo and Charlie, is buying food company Omega.\n",
        encoding="utf-8")
    cs = clean_corpus(load_corpus(tmp_path), load_rules())
    found = {(d.acquirer, d.target) for d in deal_mentions(cs, set())}
    assert ("Northwind Packard Enterprise", "Juno Networks") in found
    assert ("Eastco", "Westgate") in found
    assert not any(a.startswith("Cathay") for a, _ in found)
    assert not any(a.startswith(("Alpha", "Bravo", "Charlie")) for a, _ in found), found
    # a buyer's own decision is no regulator's; wares, a street and a described non-buyer are none
    (tmp_path / "a.txt").write_text(
        "Northwind's decision to buy Southgate Blizzard was a bet on gaming.\n\n"
        "Eastco splurged $10bn on Nvidian chips last year.\n\n"
        "Westco splurged $2bn on advertising near Main Street.\n\n"
        "Shares of Zeta, the target, rose after investors bought Omega.\n", encoding="utf-8")
    found = {(d.acquirer, d.target) for d in deal_mentions(clean_corpus(load_corpus(tmp_path), load_rules()),
                                                           set())}
    assert found == {("Northwind", "Southgate Blizzard")}, found
    # the buyer after its description in a passive, past a few words of talks; a ticker after a
    # possessive buyer
    (tmp_path / "a.txt").write_text(
        "Southgate was in advanced talks last year to be acquired by Westco WST.N, in a deal that "
        "would have been worth $40 billion or more.\n\n"
        "Southgate was in advanced talks to be bought by German pharmaceutical giant Eastco in a deal.\n\n"
        "Zeta's (ZET.O) $27.8 billion deal to buy Omega Therapeutics (OMG.O) was cleared.\n",
        encoding="utf-8")
    found = {(d.acquirer, d.target) for d in deal_mentions(clean_corpus(load_corpus(tmp_path), load_rules()),
                                                           set())}
    assert found == {("Westco", "Southgate"), ("Eastco", "Southgate"), ("Zeta", "Omega Therapeutics")}, found


@pytest.mark.parametrize("before", [
    "The all-cash deal, which was announced on Dec. 20, values Beta at $95 a share or about ",
    "The deal values Beta at ",
])
def test_a_deal_that_values_the_target_past_a_clause_or_a_price_per_share(before: str) -> None:
    """"The all-cash deal, which was announced on Dec. 20, values Beta at $95 a share or about
    $28.5 billion": the deal's own value, past a relative clause and the price per share."""
    from analysis.deal_metrics import _valued

    assert _valued(before, "Beta") is True
    assert _valued("The report values Beta at ", "Beta") is None


def test_a_headline_rounding_of_the_body_figure_stands_for_its_finer_figure(tmp_path: Path) -> None:
    """"Northwind picks up Southgate in $27bn deal" over "for $27.7 billion": the source's figure is
    $27.7bn, so a later recollection of "$27 billion" is not backed by it and is not settled on; a
    caption's different figure ($20 billion beside $24.6 billion) is no rounding and stays first."""
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    p = corpus(tmp_path / "one", {
        "a": "Northwind picks up Southgate in $27bn deal\n\nNorthwind said it was buying Southgate for "
             "$27.7 billion, the companies said on Tuesday.\n",
        "b": "Northwind completed its $27.7 billion acquisition of Southgate, the company said.\n",
        "c": "Southgate's founder is leaving, two years after Northwind acquired the company for "
             "$27 billion.\n",
    })
    claims = stages.claims(p, stages.cleaned(p))
    heads = headline_claims(claims).set_index("source_id")["value"]
    assert heads["a"] == 27.7e9 and heads["c"] == 27e9
    timeline = pd.DataFrame({"source_id": ["a", "b", "c"], "order": [1, 2, 3], "dated": [True] * 3})
    assert settled_claim(claims, timeline)["value"] == 27.7e9
    p = corpus(tmp_path / "two", {
        "d": "Eastfield bid $20 billion for Westbrook on Friday.\n\nEastfield plans to buy Westbrook for "
             "$24.6 billion, the companies said.\n"})
    assert headline_claims(stages.claims(p, stages.cleaned(p)))["value"].tolist() == [20e9]


def test_a_rival_bidders_offer_is_its_own_and_names_can_open_with_an_ordinal(tmp_path: Path) -> None:
    """Two bidders for one target: "Gamma made an all-cash offer of $65 billion", "outbidding
    Gamma's $65 billion bid", "Gamma outbids Acme with $65bln offer for Beta" are Gamma's bid, not
    Acme's deal; "21st Century Beta" is one name; "Any deal for Beta" and "Through Beta's stake" name
    no buyer; a seller ("acquiring Beta from Gamma for $40B") is no bidder."""
    p = corpus(tmp_path, {
        "a": "Acme agreed to buy 21st Century Beta for $52.4 billion, the companies said.\n",
        "b": "Gamma outbids Acme with $65bln offer for Beta assets\n\nGamma is pursuing a bid to buy Beta.\n",
        "c": "Acme's new bid comes after cable company Gamma made an all-cash offer of $65 billion earlier "
             "this month.\n\nAcme raised its offer for Beta to $71.3 billion, outbidding Gamma's $65 billion "
             "bid.\n\nAny deal for Beta would need approval. Through Beta's stake in Delta, Acme gains control.\n",
        "d": "Acme is close to acquiring Beta from Gamma for more than $71B, a person said.\n",
    })
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    table = stages.transactions(p, cs)
    main = table[table["main"]].iloc[0]
    assert main["acquirer"] == "Acme" and main["target"] in ("Beta", "21st Century Beta")
    assert not table["acquirer"].isin(["Any", "Through", "Through Beta"]).any()
    assert "Century Beta" not in set(table["target"]) | set(table["acquirer"])  # never cut after the ordinal
    rival = table[table["acquirer"] == "Gamma"]["transaction_id"].tolist()
    assert len(rival) == 1
    of = {(r.source_id, r.value): r.transaction for r in claims.itertuples()}
    assert of[("b", 65e9)] == of[("c", 65e9)] == rival[0]
    assert of[("c", 71.3e9)] == of[("a", 52.4e9)] == of[("d", 71e9)] == main["transaction_id"]


def test_a_bid_lost_or_unmatched_is_not_the_rivals_and_names_keep_their_words(tmp_path: Path) -> None:
    """The review's cases: "Gamma was outbid by the $71.3 billion offer" is not Gamma's figure;
    "Given Imaging" is a name (a sentence opener only at a sentence's start); "On the 10th" and
    "its 5th plant" open no name."""
    p = corpus(tmp_path, {
        "a": "Acme agreed to buy Beta for $71.3 billion, the companies said.\n",
        "b": "Gamma is pursuing a bid to buy Beta.\n\nGamma made an offer of $65 billion for Beta.\n\n"
             "Gamma, the cable company, was outbid by the "
             "$71.3 billion offer.\n",
        "c": "Covidien agreed to buy Given Imaging for $860 million.\n\nOn the 10th Northwind agreed to buy "
             "Southgate for $8 billion.\n",
    })
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    table = stages.transactions(p, cs)
    main = table[table["main"]].iloc[0]["transaction_id"]
    of = {(r.source_id, r.value): r.transaction for r in claims.itertuples()}
    assert of[("b", 71.3e9)] == main and of[("b", 65e9)] != main
    names = set(table["acquirer"]) | set(table["target"])
    assert "Given Imaging" in names and "Imaging" not in names
    assert "Northwind" in names and not any(n.startswith("10th") for n in names)


def test_a_headline_rounding_takes_the_closest_finer_figure_of_its_basis() -> None:
    """"$14 billion" in a headline over "$14.9 billion" (with debt) and "$14.1 billion": the
    rounding's figure is $14.1bn; a figure of another basis, or a body sentence's, is not taken."""
    from analysis.claims import _finer_of

    tied = pd.DataFrame({
        "value": [14e9, 14.9e9, 14.1e9], "quote": ["$14 billion", "$14.9 billion", "$14.1 billion"],
        "sentence": ["Acme to buy Beta in $14 billion deal", "Acme will pay $14.9 billion.", "It is $14.1 billion."],
        "basis": ["", "", ""]}, index=[10, 11, 12])
    assert _finer_of(tied, 10) == 12
    assert _finer_of(tied.assign(basis=["", "", "including debt"]), 10) == 11
    assert _finer_of(tied.assign(sentence=["Acme paid $14 billion.", "x.", "y."]), 10) == 10


def test_an_outlet_named_by_its_pattern_is_credited_by_its_name() -> None:
    """"according to Dow Jones" credits the newswire (its row's pattern), and "according to Dow
    Jones Market Data" does not."""
    from analysis.claims import attributed_outlets

    lex = Lexicons.load()
    assert attributed_outlets("The deal was agreed, according to Dow Jones.", lex, []) == ["Dow Jones Newswires"]
    assert "Dow Jones Newswires" not in attributed_outlets(
        "Shares fell 3%, according to Dow Jones Market Data.", lex, [])


def test_a_ticker_in_brackets_a_place_before_a_name_and_a_deal_of_its_named_target(tmp_path: Path) -> None:
    """The fifteenth unseen corpus: "Beta, Inc.'s (NASDAQ:BTA)" makes "BTA" Beta ("Acme acquiring
    BTA for $35" is the main deal), "New York-based Acme" is Acme, and "Acme's proposed acquisition
    of Beta, valued at $6.4 billion" gives the deal's value."""
    p = corpus(tmp_path, {
        "a": "Acme agreed to buy Beta for $6.4 billion, the companies said.\n",
        "b": "Beta, Inc.'s (NASDAQ:BTA) buyer was confirmed, in the form of Acme acquiring BTA for $35 per "
             "share.\n\nNew York-based Acme agreed to acquire Beta in a deal valued at $6.4 billion.\n",
        "c": "The regulator opened an investigation into Acme's proposed acquisition of Beta, valued at "
             "$6.4 billion.\n",
    })
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    table = stages.transactions(p, cs)
    assert len(table[table["target"].isin(["Beta", "BTA"])]) == 1
    assert "New York-based" not in set(table["acquirer"])
    row = claims[(claims["source_id"] == "c") & (claims["value"] == 6.4e9)].iloc[0]
    assert (row["metric"], row["transaction"]) == ("deal_value", table[table["main"]].iloc[0]["transaction_id"])


def test_a_clipped_name_is_the_same_party() -> None:
    """"Tower Semi" is "Tower Semiconductor" (it had made a second Intel -> Tower deal holding the
    main deal's $6 billion and $53); a word must be shared, so "Meta" is not "Metaverse Co"."""
    from analysis.transactions import same_party

    assert same_party("Beta Semi", "Beta Semiconductor") and same_party("Bank of Amer", "Bank of America")
    assert not same_party("Meta", "Metaverse Co")
    assert not same_party("General Motors", "General Mills")
    assert not same_party("Beta Semi", "Beta Health")
