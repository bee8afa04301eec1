"""Parse figures in prose: money, percentages and counts, with qualifiers as bounds.

Every figure becomes an interval [lower, upper] plus a point value: stated precision
gives a rounding interval ("$14 billion" -> 13.5-14.5 bn), qualifiers give bounds
("over" -> lower bound), ranges give both ends.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

SCALES = {
    "trillion": 1e12, "tn": 1e12, "t": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "bil": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mil": 1e6,
    "thousand": 1e3, "k": 1e3,
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,  # Indian English: "Rs. 5,65,480 crore"
    "lakh crore": 1e12, "lakh crores": 1e12,
}
CURRENCY_SYMBOLS = {
    "us$": "USD", "u.s.$": "USD", "$us": "USD", "$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP", "sterling": "GBP",
    "nis": "ILS", "ils": "ILS", "₪": "ILS", "shekels": "ILS", "shekel": "ILS",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY",
    "nz$": "NZD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "s$": "SGD",
    "rs.": "INR", "rs": "INR", "₹": "INR", "inr": "INR", "rupees": "INR", "rupee": "INR",
    "indianrupees": "INR", "indianrupee": "INR",
}
#: Spelled-out numbers news uses before a scale word ("one billion dollars", "twelve billion").
WORD_NUMBERS = {w: float(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())} | {
    "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "seventy": 70.0, "eighty": 80.0,
    "ninety": 90.0, "a hundred": 100.0, "one hundred": 100.0, "half a": 0.5}
BOUNDS = ("exact", "lower", "upper", "upper_approx", "approx", "range")

#: Thousands grouped by threes, or the Indian way (lakhs and crores: "5,65,480").
_NUM = r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d)(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CUR = (r"(?<![A-Za-z])(?:NZ|AU?|CA?|HK|S)\$|"  # other dollars: "NZ$60 billion", "A$79.6 billion"
        r"US\$|U\.S\.\s?\$|\$US(?=\s?\d)|\$|USD\s?|€|EUR\s?|£|GBP\s?|NIS\s?|ILS\s?|₪\s?|¥|JPY\s?|"
        r"(?<![A-Za-z])Rs\.?\s?(?=\d)|₹\s?|INR\s?")
#: A scale word; only a cut one keeps its full stop ("$14. bil."): "$30 billion." ends a sentence.
_SCALE = (r"(?i:trillion|billion|million|thousand|lakh crores?|crores?|lakhs?|bn|bln|mln|mn|tn|"
          r"(?:bil|mil)(?![a-z])\.?)|[BbMmKkTt](?![a-zA-Z])")
#: The space between a number and its word: spaces, and at most one line break (a figure wrapped
#: at the end of a line, "$14.3\r\nbillion", is one figure; a blank line parts two)
_WS = r"[^\S\r\n]{0,3}(?:\r?\n[^\S\r\n]{0,3})?"
_SUFFIX_CUR = (r"(?:US |U\.S\. )?dollars?|euros?|pounds(?: sterling)?|USD|EUR|GBP|(?:new )?shekels?|NIS|ILS|"
               r"(?:Japanese )?yen|JPY|(?:Indian )?rupees?|INR")

_MONEY_RANGE = re.compile(
    rf"(?P<cur>{_CUR})\s?(?P<n1>{_NUM})\s?(?P<s1>{_SCALE})?\s?(?:-|–|—|to)\s?(?:{_CUR})?\s?"
    rf"(?P<n2>{_NUM})\s?(?P<s2>{_SCALE})\b"
)
#: "between $2 and $3 billion", "in the range of $15.10 to $43.67" (no scale only when the second
#: end has its own currency sign: "rose $2 to $45" is a move, and has no such opening)
_MONEY_BETWEEN = re.compile(
    rf"\b(?:between|range of|ranging from)\s(?P<cur>{_CUR})\s?(?P<n1>{_NUM})\s?(?P<s1>{_SCALE})?\s(?:and|to)\s"
    rf"(?:(?:{_CUR})?\s?(?P<n2>{_NUM})\s?(?P<s2>{_SCALE})\b|(?:{_CUR})\s?(?P<n3>{_NUM})(?!\d|,\d|\.\d|\s?(?:{_SCALE})))"
)
#: "$0.91-$0.92 per share": a range of small sums, each end with its currency sign
_MONEY_DASHED = re.compile(
    rf"(?P<cur>{_CUR})(?P<n1>{_NUM})\s?[-–—]\s?(?:{_CUR})(?P<n3>{_NUM})(?!\d|,\d|\.\d|\s?(?:{_SCALE}))"
)
_MONEY = re.compile(
    rf"(?P<cur>{_CUR})\s?(?P<n1>{_NUM})(?:\.(?=\s(?i:bil|mil)\.?(?![a-z])))?"  # "$14. bil." (a wire's flash)
    rf"(?:(?:{_WS}|-(?=(?i:trillion|billion|million|thousand|bn)\b))"
    rf"(?P<s1>{_SCALE}))?(?P<plus>-?plus\b|\+)?(?!\d)"
)
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w$€£.,])(?P<n1>{_NUM}){_WS}(?P<s1>{_SCALE})?(?=\s){_WS}(?P<cur>{_SUFFIX_CUR})\b"
)
#: "the mid-$300s per share", "in the low $50s": a price somewhere in that stretch of its decade
_MONEY_DECADE = re.compile(
    rf"(?i)(?<![\w-])(?P<q>low|mid|high|upper)[- ](?P<cur>{_CUR})(?P<n1>[1-9]\d{{0,2}}0)(?-i:s)\b"
)
#: where in its decade each word puts a figure: (from, to) as shares of the decade
_DECADE_PART = {"low": (0.0, 0.4), "mid": (0.3, 0.7), "high": (0.6, 1.0), "upper": (0.6, 1.0)}
#: "62 basis points", "19 bps": a hundredth of a percentage point each
_BASIS_POINTS = re.compile(rf"(?<![\w.,])(?P<n1>{_NUM})\s?(?:basis[ -]points?|bps|bp)\b")
_WORD_NUM = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_MONEY_WORDS = re.compile(
    rf"(?i)(?<![\w$€£.,-])(?P<w>{_WORD_NUM})(?:[ -](?P<w2>one|two|three|four|five|six|seven|eight|nine))?"
    rf"\s(?P<s1>trillion|billion|million)\s(?P<cur>(?-i:{_SUFFIX_CUR}))\b"
)
#: An amount in cents ("69 cents", "five cents"), written in dollars.
_CENTS = re.compile(rf"(?i)(?<![\w$€£.,-])(?P<n1>\d{{1,3}}(?:\.\d+)?|{_WORD_NUM})\s(?:US\s)?cents?\b")
_PCT_RANGE = re.compile(
    rf"(?<![\w.,])(?P<n1>{_NUM})\s?(?:%|percent|per cent)?\s?(?:-|–|to)\s?(?P<n2>{_NUM})\s?"
    rf"(?:%|percent\b|per cent\b|pct\b)"
)
_PCT = re.compile(rf"(?<![\w.,])(?P<n1>{_NUM}){_WS}(?:%|percent\b|per cent\b|pct\b)(?P<plus>-?plus\b)?")
#: A spelled-out percentage ("seven per cent of staff", "about five percent").
_PCT_WORDS = re.compile(
    rf"(?i)(?<![\w$€£.,-])(?P<w>{_WORD_NUM})(?:[ -](?P<w2>one|two|three|four|five|six|seven|eight|nine))?"
    rf"\s(?:percent|per cent|pct)\b"
)
_COUNT = re.compile(
    rf"(?<![\w.,$€£])(?P<n1>{_NUM})(?P<plus>\+)?\s(?P<noun>[a-z][a-z-]*s|people|staff|personnel)\b"
)
_NOT_COUNT_NOUNS = {
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "times", "percent",
    "dollars", "euros", "pounds", "points", "basis", "decades", "quarters", "cents", "pence",
    "business", "news", "series", "analysis", "status", "bonus", "plus", "ways", "steps",
}
#: A stock index named by its number ("S&P 500", "Nasdaq 100", "FTSE 100", "Russell 2000", "DAX 40",
#: "Stoxx 600", "S&P/ASX 200", "Nikkei 225"): the number is part of a name, never a count of anything.
_INDEX_NAME = re.compile(
    r"(?i)(?:\bS\s?&\s?P(?:/(?:ASX|TSX))?|\bNasdaq(?:[- ]Composite)?|\bFTSE(?:\s(?:All-Share|AIM))?|\bRussell"
    r"|\b(?:Tec|M|S)?DAX|\b(?:Euro\s)?Stoxx(?:\sEurope)?|\bNikkei|\bCAC|\bASX|\bHang\sSeng|\bKOSPI|\bNifty"
    r"|\bSensex|\bTOPIX|\bIBEX|\bAEX|\bOMXS?|\bMSCI\s(?:World|EAFE|ACWI))[\s\xa0-]?$"
)
_QUALIFIERS = [
    ("lower", r"over|more than|exceeding|in excess of|at least|upwards of|north of|above|beyond|"
              r"no less than|a minimum of"),
    ("upper_approx", r"nearly|almost|close to|just under|just shy of|just below|toward|towards|"
                     r"approaching"),
    ("upper", r"up to|as much as|as many as|under|less than|below|no more than|at most|a maximum of"),
    ("approx", r"about|around|roughly|approximately|approx\.|some|an estimated|estimated|circa|"
               r"c\.|~|some|nearly about"),
]
_QUAL_RE = [(b, re.compile(rf"(?i)(?:^|[\s(])(?:{p})\s+(?:an?\s+)?$")) for b, p in _QUALIFIERS]
_QUAL_RE.append(("approx", re.compile(r"(?:^|[\s(])~\s*$")))  # "~$5.4B" (no space after the tilde)
#: "Intel close to $6 billion deal": a headline's party close to (nearing) a deal of that size, not
#: a figure close to it ("a close to $6 billion deal" with its article is)
_NEARING_DEAL = re.compile(r"(?i)[-\s]*(?:deal|agreement|pact|takeover|acquisition|merger|buyout)\b")
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:an?|the)\s+$")
_URL = re.compile(r"https?://\S+|www\.\S+|\]\([^)]*\)")


@dataclass(frozen=True)
class Amount:
    """One figure found in a text, with offsets relative to that text."""

    start: int
    end: int
    text: str
    kind: str  # money | percent | count
    value: float
    unit: str
    bound: str
    lower: float
    upper: float


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _half_unit(number: str) -> float:
    """Half of the last stated digit: "14" -> 0.5, "14.3" -> 0.05."""
    decimals = len(number.split(".")[1]) if "." in number else 0
    return 0.5 * 10 ** (-decimals)


def _scale(s: str | None) -> float:
    if not s:
        return 1.0
    return SCALES.get(" ".join(s.lower().rstrip(".").split()), 1.0)


def _currency(s: str) -> str:
    return CURRENCY_SYMBOLS.get(re.sub(r"\s+", "", s).lower().replace("u.s.", "us"), "USD") if s else "USD"


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The bound a qualifier right before ``start`` implies, and where it begins."""
    window = text[max(0, start - 40) : start]
    for bound, rx in _QUAL_RE:
        m = rx.search(window)
        if m:
            qual_start = start - len(window) + m.start() + (1 if m.group(0)[:1] in " (" else 0)
            return bound, qual_start
    return "exact", start


def interval(value: float, bound: str, half_unit: float, approx_tolerance: float,
             low: float | None = None, high: float | None = None) -> tuple[float, float]:
    """[lower, upper] for a stated figure; ``half_unit`` is the rounding half-width."""
    if bound == "range" and low is not None and high is not None:
        return low - half_unit, high + half_unit
    if bound == "lower":
        return value, math.inf
    if bound == "upper":
        return 0.0, value
    if bound == "upper_approx":
        return value * (1 - approx_tolerance), value
    if bound == "approx":
        spread = max(value * approx_tolerance, half_unit)
        return value - spread, value + spread
    return value - half_unit, value + half_unit


class _Taken:
    """Spans already claimed (links, earlier figures), disjoint and sorted by start.

    A new match is checked against its neighbour only, not against every earlier figure.
    Matches of one ``finditer`` pass never overlap each other, so they join the sorted
    lists when the pass ends (``settle``), a merge instead of one insertion each.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pending = list(spans)
        self.settle()

    def free(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, e) - 1  # the last claimed span starting before e
        return i < 0 or self.ends[i] <= s

    def claim(self, s: int, e: int) -> None:
        self.pending.append((s, e))

    def settle(self) -> None:
        if self.pending:
            merged = sorted([*zip(self.starts, self.ends, strict=True), *self.pending])
            self.starts = [a for a, _ in merged]
            self.ends = [b for _, b in merged]
            self.pending = []


def parse_amounts(text: str, approx_tolerance: float = 0.1) -> list[Amount]:
    """Every money, percentage and count figure in ``text``, left to right, no overlaps."""
    if not 0 <= approx_tolerance < 1:
        raise ValueError("approx_tolerance must be in [0, 1)")
    taken = _Taken(m.span() for m in _URL.finditer(text))
    free = taken.free
    found: list[Amount] = []

    def add(m: re.Match[str], kind: str, value: float, unit: str, bound: str, lo: float, hi: float,
            start: int | None = None) -> None:
        s = m.start() if start is None else start
        taken.claim(m.start(), m.end())
        found.append(Amount(s, m.end(), text[s : m.end()], kind, value, unit, bound, lo, hi))

    for rx in (_MONEY_BETWEEN, _MONEY_DASHED, _MONEY_RANGE):
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            s2 = _scale(g.get("s2"))
            s1 = _scale(g.get("s1")) if g.get("s1") else s2
            lo, hi = _num(m.group("n1")) * s1, _num(g.get("n2") or g["n3"]) * s2
            if hi <= lo:
                continue
            hu = min(_half_unit(m.group("n1")) * s1, _half_unit(g.get("n2") or g["n3"]) * s2)
            a, b = interval((lo + hi) / 2, "range", hu, approx_tolerance, lo, hi)
            opener = m.group(0)[:7].lower() != "between"  # "range of": the figure starts at its sign
            add(m, "money", (lo + hi) / 2, _currency(m.group("cur")), "range", a, b,
                start=m.start("cur") if opener else None)
        taken.settle()
    for m in _MONEY_DECADE.finditer(text):
        if free(m.start(), m.end()):
            base = _num(m.group("n1"))
            width = 10 ** (len(m.group("n1")) - len(m.group("n1").rstrip("0")))
            a, b = (base + width * part for part in _DECADE_PART[m.group("q").lower()])
            add(m, "money", (a + b) / 2, _currency(m.group("cur")), "approx", a, b)
    taken.settle()
    for rx in (_MONEY, _MONEY_SUFFIX):
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            scale = _scale(m.group("s1"))
            value = _num(m.group("n1")) * scale
            bound, qstart = qualifier_before(text, m.start())
            if m.groupdict().get("plus"):
                bound, qstart = "lower", m.start()
            elif (bound == "upper_approx" and text[qstart:m.start()].lower().startswith("close to")
                  and _NEARING_DEAL.match(text, m.end()) and not _ARTICLE_BEFORE.search(text, 0, qstart)):
                bound, qstart = "exact", m.start()
            lo, hi = interval(value, bound, _half_unit(m.group("n1")) * scale, approx_tolerance)
            add(m, "money", value, _currency(m.group("cur")), bound, lo, hi, qstart)
        taken.settle()
    for m in _MONEY_WORDS.finditer(text):  # "one billion dollars", "twenty-three billion dollars"
        if not free(m.start(), m.end()):
            continue
        number = WORD_NUMBERS[m.group("w").lower()] + (WORD_NUMBERS[m.group("w2").lower()] if m.group("w2") else 0)
        scale = _scale(m.group("s1"))
        bound, qstart = qualifier_before(text, m.start())
        lo, hi = interval(number * scale, bound, 0.5 * scale, approx_tolerance)
        add(m, "money", number * scale, _currency(m.group("cur")), bound, lo, hi, qstart)
    taken.settle()
    for m in _CENTS.finditer(text):  # "eked up five cents", "took on 69 cents": a share price's move
        if not free(m.start(), m.end()):
            continue
        n = m.group("n1")
        number = _num(n) if n[0].isdigit() else WORD_NUMBERS[n.lower()]
        bound, qstart = qualifier_before(text, m.start())
        lo, hi = interval(number / 100, bound, 0.005, approx_tolerance)
        add(m, "money", number / 100, "USD", bound, lo, hi, qstart)
    taken.settle()
    for m in _PCT_RANGE.finditer(text):
        if free(m.start(), m.end()):
            lo, hi = _num(m.group("n1")), _num(m.group("n2"))
            if hi > lo:
                a, b = interval((lo + hi) / 2, "range", 0.5, approx_tolerance, lo, hi)
                add(m, "percent", (lo + hi) / 2, "percent", "range", a, b)
    taken.settle()
    for m in _PCT.finditer(text):
        if free(m.start(), m.end()):
            value = _num(m.group("n1"))
            bound, qstart = qualifier_before(text, m.start())
            if m.group("plus"):
                bound, qstart = "lower", m.start()
            lo, hi = interval(value, bound, _half_unit(m.group("n1")), approx_tolerance)
            add(m, "percent", value, "percent", bound, lo, hi, qstart)
    taken.settle()
    for m in _PCT_WORDS.finditer(text):
        if free(m.start(), m.end()):
            value = WORD_NUMBERS[m.group("w").lower()] + (
                WORD_NUMBERS[m.group("w2").lower()] if m.group("w2") else 0)
            bound, qstart = qualifier_before(text, m.start())
            lo, hi = interval(value, bound, 0.5, approx_tolerance)
            add(m, "percent", value, "percent", bound, lo, hi, qstart)
    taken.settle()
    for m in _BASIS_POINTS.finditer(text):
        if free(m.start(), m.end()):
            value = _num(m.group("n1")) / 100
            bound, qstart = qualifier_before(text, m.start())
            lo, hi = interval(value, bound, _half_unit(m.group("n1")) / 100, approx_tolerance)
            add(m, "percent", value, "percent", bound, lo, hi, qstart)
    taken.settle()
    for m in _COUNT.finditer(text):
        noun = m.group("noun")
        raw_n = m.group("n1")
        if noun in _NOT_COUNT_NOUNS or not free(m.start(), m.end()):
            continue
        if _INDEX_NAME.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the S&P 500 has gained", "FTSE 100 companies": an index's name
        if re.fullmatch(r"(?:19|20)\d\d", raw_n) or _num(raw_n) < 10:
            continue  # years; and news style spells out counts under ten, so "Llama 4" is a name
        value = _num(raw_n)
        bound, qstart = qualifier_before(text, m.start())
        if m.group("plus"):
            bound = "lower"
        lo, hi = interval(value, bound, _half_unit(raw_n), approx_tolerance)
        add(m, "count", value, noun, bound, lo, hi, qstart)
    found.sort(key=lambda a: (a.start, a.end))
    return found


#: A country's own dollar, by the top-level domain of a page's address.
LOCAL_DOLLARS = {"au": "AUD", "nz": "NZD", "ca": "CAD", "sg": "SGD", "hk": "HKD"}
_US_MARKED = re.compile(r"\$US\s?\d|(?<![A-Za-z])US\$\s?\d")
#: The page's own dollar written with its letters: then a bare "$" is US dollars after all.
_OWN_MARKED = re.compile(r"(?<![A-Za-z])(?:NZ|AU?|CA?|HK|S)\$\s?\d|\$(?:A|AU|NZ|C|CA|S|HK)\s?\d")
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$\s?\d")


def local_dollar(url: str, text: str) -> str | None:
    """The currency a bare "$" means on a page that marks US dollars as such.

    Why: a page that writes "$US53 billion ($79.6b)" tells its US dollars from its own, and an
    address in Australia (".com.au") says which its own are. Without both, or when the page
    writes its own dollar with its letters too ("C$500 million"), "$" stays US dollars.
    """
    host = (urlsplit(url).hostname or "") if url else ""
    local = LOCAL_DOLLARS.get(host.rsplit(".", 1)[-1])
    if local and _US_MARKED.search(text) and not _OWN_MARKED.search(text):
        return local
    return None


def us_marked(amount: Amount) -> bool:
    """Whether a figure is written as US dollars by their letters ("$US53 billion", "US$82.31")."""
    return amount.unit == "USD" and _US_MARKED.search(amount.text) is not None


def in_local_dollars(amount: Amount, local: str | None) -> Amount:
    """``amount`` in the page's own dollar (see :func:`local_dollar`) when it is written with a
    bare "$". The caller asks this only of the conversion right after a US-marked figure
    ("$US68.7 billion ($95 billion)"): elsewhere an Australian copy of a US story may well mean
    US dollars by "$" (one "US$40 billion" in its lead, "$12 billion in cash" after it)."""
    if local and amount.unit == "USD" and _BARE_DOLLAR.search(amount.text):
        return replace(amount, unit=local)
    return amount

