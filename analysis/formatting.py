"""Human formatting of figures for tables, charts and the report's prose."""

from __future__ import annotations

import math
import re

_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "ILS": "NIS ", "JPY": "¥", "NZD": "NZ$", "AUD": "A$", "CAD": "C$",
           "HKD": "HK$", "SGD": "S$", "INR": "₹"}
#: The currencies figures are read in (``numbers.CURRENCY_SYMBOLS``).
MONEY_UNITS = frozenset(_SYMBOL)


def money(value: float, unit: str = "USD", digits: int = 2) -> str:
    """$14.3 bn, $900 m, €180 m: trailing zeros dropped."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if math.isinf(value):
        return "∞"
    sym = _SYMBOL.get(unit, unit + " ")
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{sym}{_trim(value / scale, digits)} {suffix}"
    return f"{sym}{_trim(value, digits)}"


def _trim(x: float, digits: int) -> str:
    return f"{x:.{digits}f}".rstrip("0").rstrip(".")


def figure(value: float, unit: str, digits: int = 2) -> str:
    """Any claim value with its unit."""
    if unit in MONEY_UNITS:
        return money(value, unit, digits)
    if unit == "percent":
        return f"{_trim(value, digits)}%"
    if math.isinf(value):
        return "∞"
    return f"{value:,.0f} {unit}" if float(value).is_integer() else f"{_trim(value, digits)} {unit}"


def interval(lower: float, upper: float, unit: str) -> str:
    """[lower, upper] as prose: 'at least $10 bn', 'up to $65 bn', '$13.5 bn to $14.5 bn'."""
    if math.isinf(upper):
        return f"at least {figure(lower, unit)}"
    if lower <= 0:
        return f"up to {figure(upper, unit)}"
    return f"{figure(lower, unit)} to {figure(upper, unit)}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 pair', '2 pairs', '1 source window', '0 claims': a number with its noun agreeing."""
    return f"{n} {noun_for(n, noun, plural)}"


def noun_for(n: int, noun: str, plural: str | None = None) -> str:
    """The noun alone, singular only for exactly one ('1 source' but '0 sources')."""
    return noun if n == 1 else (plural or noun + "s")


def date_span(earliest: str, latest: str) -> str:
    """A closed date window in words: 'on X' when both ends are the same day."""
    return f"on {earliest}" if earliest == latest else f"between {earliest} and {latest}"


def bound_word(bound: str, lower: float, upper: float) -> str:
    """What the wording admits, said honestly: a stated figure with a rounding interval is
    'rounded' (the true value may be a little either side), not 'exact'."""
    if bound == "exact":
        return "rounded" if lower < upper else "as stated"
    return BOUND_WORDS.get(bound, bound.replace("_", " "))


# A figure as a reader sees it: currency, digits, and a scale word or unit after a space
# ("$14 billion", "US$2.14 bn", "49 per cent"). Text is never cut inside one.
_FIGURE_RE = re.compile(
    r"(?:[A-Z]{0,3}[$€£])?\d[\d,.]*(?:\s?(?:trillion|billion|million|thousand|tn|bn|mn|mln|m|b|k|"
    r"per\s+cent|percent|%)\b|%)?",
    re.I,
)
_CUT_TRAILING = ",;:–—-(["


def _breaks(text: str) -> list[int]:
    """Positions of the spaces text may be cut at: between words, never inside a figure."""
    inside = set()
    for m in _FIGURE_RE.finditer(text):
        inside.update(range(m.start(), m.end()))
    return [i for i, ch in enumerate(text) if ch == " " and i not in inside]


def _tidy_end(text: str) -> str:
    return text.rstrip().rstrip(_CUT_TRAILING).rstrip()


def shorten(text: object, limit: int) -> str:
    """At most about ``limit`` characters, cut at a word boundary with an ellipsis.

    Never cuts a word or a figure ("$14 billion" stays whole): a reader must not see
    "research lab at Me…" or "4 billion" cut from "$14 billion". A single token longer than
    the limit (a URL, a run of symbols) is not prose and is cut where the limit falls.
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cuts = [i for i in _breaks(text) if i <= limit - 1]
    if not cuts:
        return text[: max(limit - 1, 1)] + "…"
    return _tidy_end(text[: cuts[-1]]) + "…"


def excerpt(sentence: object, quote: object, width: int = 150) -> str:
    """The words of ``sentence`` around ``quote`` (kept whole), about ``width`` characters,
    cut at word boundaries with an ellipsis at each cut end."""
    sentence = " ".join(str(sentence).split())
    quote = " ".join(str(quote).split())
    i = sentence.find(quote) if quote else -1
    if i < 0 or len(sentence) <= width:
        return shorten(sentence, width)
    j = i + len(quote)
    breaks = _breaks(sentence)
    starts = [0] + [b + 1 for b in breaks]
    ends = breaks + [len(sentence)]
    ideal = max(0, i - (width - len(quote)) // 2)
    start = min((s for s in starts if ideal <= s <= i), default=max(s for s in starts if s <= i))
    end = max((e for e in ends if j <= e <= start + width), default=None)
    if end is None:
        end = min(e for e in ends if e >= j)
    elif end == len(sentence):  # room to spare at the end: give it to the left side
        start = min(s for s in starts if s >= end - width and s <= start) if start else 0
    head = "…" if start > 0 else ""
    body = sentence[start:end]
    return head + (_tidy_end(body) + "…" if end < len(sentence) else body)


METRIC_LABELS = {
    "deal_value": "Deal value",
    "stake": "Stake acquired",
    "valuation_before": "Valuation before the deal",
    "valuation_at_deal": "Valuation at the deal",
    "valuation_projected": "Projected valuation",
    "revenue": "Revenue",
    "funding": "Funding",
    "capex": "Capital expenditure",
    "share_price_move": "Share-price move",
    "market_share": "Market share",
    "headcount": "Headcount",
    "other": "Other figures",
}

BOUND_WORDS = {"exact": "as stated", "lower": "at least", "upper": "up to",
               "upper_approx": "nearly / toward", "approx": "about", "range": "range",
               "derived": "derived"}
#: What a figure's basis adds beside it in a table ("$14.9 bn (incl. debt)").
BASIS_NOTES = {"including_debt": "incl. debt", "equity": "equity value"}


def basis_note(basis: object) -> str:
    """The note for a claim's basis ("" when unknown, or a table read back gave NaN)."""
    return BASIS_NOTES.get(basis, "") if isinstance(basis, str) else ""


VERDICT_LABELS = {
    "same": "Same figure", "compatible_rounding": "Equal within rounding",
    "compatible_bound": "Admitted by a bound", "superseded": "Later report differs",
    "contradicts": "Contradicts", "differs_from_projection": "Outside the projection",
    "different_units": "Different units", "different_basis": "With and without debt",
}


def metric_label(metric: str) -> str:
    return METRIC_LABELS.get(metric, metric.replace("_", " ").capitalize())


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def md(text: object) -> str:
    """Any user or corpus string as literal pandoc/Quarto markdown text: never markup.

    Every ASCII punctuation character is backslash-escaped (pandoc's rule for a literal
    character), so a scraped "![]()" cannot become an image, "<script>" raw HTML,
    "`x`{=typst}" raw typst, "$10 and $14" maths, "@fig-x" a reference, or "--" an en dash.
    Whitespace runs become one space; pandoc then escapes the text for HTML and typst.
    """
    text = " ".join(str(text).split())
    return "".join("\\" + ch if ch in _ASCII_PUNCTUATION else ch for ch in text)


#: Above this many sources the report and its charts aggregate (by outlet, by period, by figure
#: cluster) instead of giving every source its own row, bar or column: 40 rows of a table or bars
#: of a chart still read on a page; hundreds do not. Full per-source tables stay in the
#: artifacts and in the HTML report's interactive tables.
MANY_SOURCES = 40


def many_sources(n: int) -> bool:
    """True when a table or chart of ``n`` sources should aggregate rather than list each."""
    return n > MANY_SOURCES


def listing(names: list[str], limit: int = 6, noun: str = "more") -> str:
    """'A, B and C', or 'A, B, C … and 12 more' past ``limit``, so a sentence stays readable."""
    names = list(names)
    if len(names) <= limit:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""
    return ", ".join(names[:limit]) + f" and {len(names) - limit} {noun}"
