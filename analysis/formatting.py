"""Human formatting of figures for tables, charts and the report's prose."""

from __future__ import annotations

import math

_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}


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
    if unit in _SYMBOL or unit in {"USD", "EUR", "GBP"}:
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
VERDICT_LABELS = {
    "same": "Same figure", "compatible_rounding": "Equal within rounding",
    "compatible_bound": "Admitted by a bound", "superseded": "Later report differs",
    "contradicts": "Contradicts", "differs_from_projection": "Outside the projection",
    "different_units": "Different units",
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
