"""The number parser: formats, qualifiers as bounds, rounding intervals, robustness."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.numbers import parse_amounts


def one(text: str):
    found = parse_amounts(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("text", [
    "$14.3 billion", "$14.3B", "US$14.3bn", "14.3 billion dollars", "$14.3 Billion", "USD 14.3bn",
    "$14.3bn", "US$ 14.3 billion", "$14.3 bil.",  # a wire's abbreviation
    "$US14.3 billion",  # the Australian papers' order
])
def test_money_variants_parse_to_one_value(text: str) -> None:
    a = one(f"Meta agreed to pay {text} for the stake.")
    assert a.value == pytest.approx(14.3e9) and a.unit == "USD" and a.bound == "exact"
    assert (a.lower, a.upper) == (pytest.approx(14.25e9), pytest.approx(14.35e9))


@pytest.mark.parametrize(("text", "bound", "lower", "upper"), [
    ("over $10 billion", "lower", 10e9, math.inf),
    ("more than $10 billion", "lower", 10e9, math.inf),
    ("exceeding $10 billion", "lower", 10e9, math.inf),
    ("at least $10 billion", "lower", 10e9, math.inf),
    ("upwards of $10 billion", "lower", 10e9, math.inf),
    ("a $10bn-plus deal", "lower", 10e9, math.inf),
    ("up to $10 billion", "upper", 0, 10e9),
    ("as much as $10 billion", "upper", 0, 10e9),
    ("nearly $10 billion", "upper_approx", 9e9, 10e9),
    ("just under $10 billion", "upper_approx", 9e9, 10e9),
    ("about $10 billion", "approx", 9e9, 11e9),
    ("an estimated $10 billion", "approx", 9e9, 11e9),
    ("$14 billion", "exact", 13.5e9, 14.5e9),
    ("$10-15 billion", "range", 9.5e9, 15.5e9),
    ("between $10 billion and $15 billion", "range", 9.5e9, 15.5e9),
])
def test_qualifiers_become_bounds(text: str, bound: str, lower: float, upper: float) -> None:
    a = one(f"The deal is worth {text}, people said.")
    assert a.bound == bound
    assert a.lower == pytest.approx(lower) and a.upper == pytest.approx(upper)


def test_percentages_counts_and_other_currencies() -> None:
    assert one("a 49% stake").value == 49
    assert one("49 percent of the company").unit == "percent"
    assert (one("in over 9,000 cities").value, one("in over 9,000 cities").unit) == (9000, "cities")
    assert one("cut 200 employees").unit == "employees"
    assert one("about €180 million in sales").unit == "EUR"
    assert one("a £900m bid").value == 900e6


@pytest.mark.parametrize("text", [
    "In 2025 the firm grew.", "Llama 4 models", "https://example.com/deal-could-top-10-billion",
    "Sentiment 0.50", "Phone: +85258030554", "over 12 years", "1. First point",
])
def test_not_claims(text: str) -> None:
    assert parse_amounts(text) == []


amounts = st.decimals(min_value=1, max_value=999, places=1).map(lambda d: d.normalize())


@settings(max_examples=150, deadline=None)
@given(amounts, st.sampled_from([("billion", 1e9), ("bn", 1e9), ("B", 1e9), ("million", 1e6),
                                 ("m", 1e6)]),
       st.sampled_from(["${n} {s}", "${n}{s}", "US${n}{s}", "USD {n} {s}"]))
def test_property_formatting_variants_same_value(n, scale, template: str) -> None:
    word, factor = scale
    if word in ("B", "m", "bn") and " {s}" in template:
        template = template.replace(" {s}", "{s}")
    text = "They paid " + template.format(n=f"{n:f}", s=word) + " in cash."
    a = one(text)
    assert a.value == pytest.approx(float(n) * factor)
    assert a.lower <= a.value <= a.upper


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_property_never_crashes_and_offsets_hold(text: str) -> None:
    for a in parse_amounts(text):
        assert text[a.start : a.end] == a.text
        assert a.lower <= a.upper



def test_many_figures_in_one_text_parse_as_they_do_alone() -> None:
    """Figures far apart never affect each other, however many a text holds (the claimed-span
    check looks at neighbours only, so this stays linear)."""
    pieces = ["Over $1.5 billion was raised", "see https://example.com/a?x=$9bn",
              "nearly 40% of shares", "1,200 employees", "between $2 billion and $3 billion",
              "up to €300 million", "12-15% of revenue"]
    texts = [pieces[i % len(pieces)] + f" (item {i})." for i in range(2000)]
    joined = " ".join(texts)
    expected, offset = [], 0
    for t in texts:
        expected += [(a.start + offset, a.end + offset, a.kind, a.value, a.bound) for a in parse_amounts(t)]
        offset += len(t) + 1
    got = [(a.start, a.end, a.kind, a.value, a.bound) for a in parse_amounts(joined)]
    assert len(got) > 1500
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["$14 billion", " ", "https://x.io/$3bn", "5%", "-", "to", "20 people",
                                 "www.a.com/12%", "](u/$1m)", "over ", "3", ",", "000"]), max_size=40)
       .map("".join))
def test_figures_never_overlap_each_other_or_a_link(text: str) -> None:
    import re

    found = parse_amounts(text)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start, (a, b)
    for s, e in (m.span() for m in re.finditer(r"https?://\S+|www\.\S+|\]\([^)]*\)", text)):
        assert all(a.end <= s or a.start >= e for a in found), (text, found)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Wiz raised a cash injection of one billion dollars", 1e9, "USD"),
    ("at a total valuation of twelve billion dollars", 12e9, "USD"),
    ("an offer of twenty-three billion dollars", 23e9, "USD"),
    ("the tax came to NIS 800 million", 800e6, "ILS"),
    ("projected to inject 10 billion shekels", 10e9, "ILS"),
    ("a deal worth 2 trillion yen", 2e12, "JPY"),
    ("a deal worth ¥2 trillion", 2e12, "JPY"),
    # other dollars, named by their country's letters before the sign
    ("totalling (approx. NZ$60 billion)", 60e9, "NZD"),
    ("a deal worth A$79.6 billion", 79.6e9, "AUD"),
    ("a deal worth C$4 billion", 4e9, "CAD"),
    ("a deal worth HK$12 billion", 12e9, "HKD"),
    # Indian English: rupees, crores and lakhs, digits grouped the Indian way
    ("a takeover bid (roughly Rs. 5,65,480 crore)", 565480e7, "INR"),
    ("a deal worth ₹1,200 crore", 1200e7, "INR"),
    ("an order worth Rs 45 lakh", 45e5, "INR"),
    ("the outlay, Rs 1.5 lakh crore", 1.5e12, "INR"),
    ("a deal of 180 billion rupees", 180e9, "INR"),
    ("It paid Rs 5,65,480, up from a year before.", 565480.0, "INR"),
    # a move in cents is written in dollars
    ("Shares in Acme eked up five cents in late trading", 0.05, "USD"),
    ("those for Beta took on 69 cents in late trading", 0.69, "USD"),
])
def test_spelled_out_numbers_and_more_currencies(text: str, value: float, unit: str) -> None:
    """Figures a corpus of Israeli and Japanese coverage states: spelled-out billions,
    shekels (NIS) and yen."""
    (a,) = parse_amounts(text)
    assert (a.value, a.unit, a.kind) == (value, unit, "money")


@pytest.mark.parametrize(("text", "value", "bound"), [
    ("Acme cuts seven per cent of staff", 7.0, "exact"),
    ("Beta shares are trading down about five percent as of this writing", 5.0, "approx"),
    ("it bought a twenty-five percent stake", 25.0, "exact"),
])
def test_a_spelled_out_percentage(text: str, value: float, bound: str) -> None:
    (a,) = parse_amounts(text)
    assert (a.kind, a.value, a.unit, a.bound) == ("percent", value, "percent", bound)


def test_a_figure_ending_a_sentence_leaves_its_full_stop() -> None:
    """"for $30 billion." quotes "$30 billion"; only a cut scale word keeps its stop ("$14. bil.")."""
    assert [a.text for a in parse_amounts("Acme paid $30 billion. Beta agreed.")] == ["$30 billion"]
    assert [a.text for a in parse_amounts("Acme paid NIS 11 billion.")] == ["NIS 11 billion"]
    assert [a.text for a in parse_amounts("a deal worth $28bn.")] == ["$28bn"]
    assert [a.text for a in parse_amounts("Acme to buy Beta for $14. bil. in cash")] == ["$14. bil."]


def test_a_spelled_out_name_is_no_figure() -> None:
    assert parse_amounts("the One Billion Dollars fund") == []


def test_a_wire_abbreviation_after_a_bare_point_is_a_scale_and_mil_is_no_military() -> None:
    """"for $14. bil. in all-cash deal" (a flash headline) is $14 billion; "$5 military" is no $5 million."""
    a = one("Acme to buy Beta for $14. bil. in all-cash deal")
    assert a.value == pytest.approx(14e9) and a.unit == "USD"
    assert [a.value for a in parse_amounts("It spent $5 million on $5 military gear")] == [5e6, 5.0]


def test_every_currency_read_is_written_with_its_own_symbol() -> None:
    """A figure read in New Zealand dollars is written "NZ$60 bn" in the report, never a bare number."""
    from analysis.formatting import MONEY_UNITS, figure
    from analysis.numbers import CURRENCY_SYMBOLS

    assert set(CURRENCY_SYMBOLS.values()) <= MONEY_UNITS
    assert figure(60e9, "NZD") == "NZ$60 bn"


def test_a_bare_dollar_is_the_pages_own_where_it_marks_us_dollars() -> None:
    """"$US53 billion ($79.6b)" in an Australian paper: the bare "$" is Australian dollars; on
    a page that never writes "$US", that writes its own dollar with letters ("C$500 million"),
    or at an address of no dollar country, "$" is US dollars."""
    from analysis.numbers import in_local_dollars, local_dollar, us_marked

    text = "Acme's $US53 billion (about $79.6b) deal to buy Beta"
    au = local_dollar("https://news.example.com.au/business/acme", text)
    assert au == "AUD"
    us, conv = parse_amounts(text)
    assert us_marked(us) and not us_marked(conv)
    assert in_local_dollars(conv, au).unit == "AUD"
    assert local_dollar("https://news.example.com.au/business/acme", "Acme's $53 billion deal") is None
    assert local_dollar("https://news.example.com/business/acme", text) is None
    assert local_dollar("", text) is None
    assert local_dollar("https://news.example.ca/acme", "Acme paid $68.7 billion, C$500 million and US$82.31") is None


def test_only_the_conversion_after_a_us_marked_figure_is_in_local_dollars(tmp_path) -> None:
    """An Australian copy of a US story writes "US$40 billion" once and then "$12 billion in
    cash": only a bracketed figure right after the US-marked one is a conversion."""
    from analysis.claims import Lexicons, extract_mentions
    from analysis.cleaning import clean_corpus, load_rules
    from analysis.corpus import load_corpus

    (tmp_path / "a.txt").write_text(
        "Acme agreed to buy Beta for up to US$40 billion ($61 billion) in cash and stock. Acme will pay "
        "$12 billion in cash.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "id,file,outlet,title,url,published,notes\na,a.txt,,,https://news.example.com.au/acme,,\n",
        encoding="utf-8")
    found = extract_mentions(clean_corpus(load_corpus(tmp_path), load_rules()), Lexicons.load())
    assert [(m.amount.value, m.amount.unit) for m in found] == [(40e9, "USD"), (61e9, "AUD"), (12e9, "USD")]



@pytest.mark.parametrize(("text", "quote", "value"), [
    # a range of small sums: each end with its currency sign, or opened by "range of" / "between"
    ("Earnings of $0.91-$0.92 per share beat estimates.", "$0.91-$0.92", 0.915),
    ("It has a 52-week trading range of $115.29 to $284.50, and analysts like it.", "$115.29 to $284.50", 199.895),
    ("It forecast a profit between US$3.79 and US$3.81 per share.", "between US$3.79 and US$3.81", 3.8),
    ("It forecast revenues in the range of US$25.90 billion and US$26.00 billion.",
     "US$25.90 billion and US$26.00 billion", 25.95e9),
])
def test_ranges_of_small_sums_are_one_figure(text: str, quote: str, value: float) -> None:
    (a,) = parse_amounts(text)
    assert (a.text, a.bound) == (quote, "range") and a.value == pytest.approx(value)


def test_a_move_between_two_prices_is_two_figures() -> None:
    """"rose $2 to $45" is a move and a price, not a range (no "range of" or "between" opens it)."""
    assert [a.value for a in parse_amounts("Shares rose $2 to $45 on Monday, from $40 to $45.")] == [2, 45, 40, 45]


@pytest.mark.parametrize(("text", "quote", "value", "unit", "lower", "upper"), [
    ("a spread of 62 basis points above Treasuries", "62 basis points", 0.62, "percent", 0.615, 0.625),
    ("it priced at 19 bps over the benchmark", "19 bps", 0.19, "percent", 0.185, 0.195),
    ("sought bids around the mid-$300s per share", "mid-$300s", 350.0, "USD", 330.0, 370.0),
    ("shares traded in the low $50s", "low $50s", 52.0, "USD", 50.0, 54.0),
])
def test_basis_points_and_a_price_within_its_decade(text: str, quote: str, value: float, unit: str,
                                                     lower: float, upper: float) -> None:
    """A basis point is a hundredth of a percentage point; "the mid-$300s" is a price in the middle
    of that hundred, read as an approximate figure with the stretch it names as its bounds."""
    (a,) = parse_amounts(text)
    assert (a.text, a.unit) == (quote, unit)
    assert math.isclose(a.value, value) and math.isclose(a.lower, lower) and math.isclose(a.upper, upper)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The $14.3\r\nbillion price", 14.3e9, "USD"),
    ("The $14.3 \nbillion price", 14.3e9, "USD"),
    ("a 49\r\npercent stake", 49.0, "percent"),
    ("worth 14.3\r\nbillion dollars", 14.3e9, "USD"),
])
def test_a_figure_wrapped_at_a_line_end_is_one_figure(text: str, value: float, unit: str) -> None:
    """A page saved with CRLF line ends (or a space before the break) wraps "$14.3 billion" the
    same as one with LF: one figure, not "$14.3"; a blank line still parts two."""
    (a,) = parse_amounts(text)
    assert math.isclose(a.value, value) and a.unit == unit
    assert [x.value for x in parse_amounts("paid $5\n\nBillion-dollar deals")] == [5.0]


@pytest.mark.parametrize("text", [
    "the S&P 500 has gained 4.7%", "the S&P 500's gains", "Nasdaq 100 companies", "NASDAQ-100 members",
    "FTSE 100 companies", "the Russell 2000 stocks", "DAX 40 members", "the Stoxx 600 shares",
    "Euro Stoxx 50 firms", "the S&P/ASX 200 closes", "the Nikkei 225 constituents",
])
def test_an_index_name_is_no_count(text: str) -> None:
    """"S&P 500 has" (qualcomm-nxp p04) is an index's name, not 500 of anything."""
    assert [a for a in parse_amounts(text) if a.kind == "count"] == []


def test_a_count_beside_an_index_is_still_read() -> None:
    found = parse_amounts("The S&P 500 has gained 4.7%, and the company hired 500 engineers.")
    assert [(a.kind, a.value, a.unit) for a in found] == [("percent", 4.7, "percent"), ("count", 500, "engineers")]
