"""Date mentions in prose: explicit dates, weekdays, relative phrases, and their tense.

Why tense: a past-tense date ("closed on March 3, 2024") is an event before the article; a
future one ("decision due by 4 October 2024") an event after it. Parsing is dateparser's.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from ..cleaning import Segment
from .model import add_months, month_end

_DP_LANG = ["en"]

MON_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?")
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR_RE = r"(?:19[5-9]\d|20\d\d)(?!\d)"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\.?,?"
_DATE_PATTERNS = [
    ("full", re.compile(r"(?<![\d/])(?:19|20)\d\d-\d\d-\d\d(?!\d)")),
    ("full", re.compile(rf"\b{MON_RE}\s?{DAY_RE},?\s+{YEAR_RE}")),
    ("full", re.compile(rf"\b{DAY_RE}\s+(?:of\s+)?{MON_RE},?\s+{YEAR_RE}")),
    ("month_year", re.compile(rf"\b(?:(?:early|mid|late)[- ])?{MON_RE},?\s+(?:of\s+)?{YEAR_RE}")),
    ("month_day", re.compile(rf"\b{MON_RE}\s?{DAY_RE}(?!\s*,?\s*\d)")),
    ("month_day", re.compile(rf"\b{DAY_RE}\s+(?:of\s+)?{MON_RE}")),
    # the preposition may open the sentence ("In November, ..."); the month keeps its capital
    ("month", re.compile(rf"\b(?i:in|since|late|early|mid|by|until|end of|from|back in|last|this)\s+"
                         rf"(?:(?i:early|mid|late)[- ])?(?P<mon>{MON_RE})(?!\s?\d)")),
    # a fiscal year is a period label, not a day ("growth in fiscal 2026", "FY2027"): fiscal
    # years start months before or after the calendar's (lists of them: ``_FISCAL``)
    ("year", re.compile(rf"(?<![\d$€£.,/-])(?<!(?i:fiscal) )(?<!(?i:fiscal year) )(?<!(?i:fiscal-year) )"
                        rf"(?<!(?i:fiscal years) )(?<!(?i:financial year) )(?<!FY)(?<!FY )(?P<y>{YEAR_RE})"
                        rf"(?!\s*(?:%|billion|million|bn\b|m\b)|[-/.,]\d|\s+(?i:fiscal|financial)\b)")),
]
URL_RE = re.compile(r"https?://[^\s)\]>\"']+")
#: A list of fiscal years ("each of fiscal years 2023 and 2024", "FY2023, 2024 and 2025"): no year
#: of it is a calendar year.
_FISCAL = re.compile(r"(?i)\b(?:fiscal(?:[- ]years?)?|financial[- ]years?|FY)\s?\d{4}"
                     r"(?:(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*[&–-]\s*)(?:FY\s?)?\d{4})+")
_WEEKDAY = re.compile(
    r"\b(?:(?:on|late|early|late on|early on|since|by|until|from|last|this|said|says|announced|"
    r"reported|filed|disclosed|confirmed|revealed|added|voted|told \w+(?: \w+)?)\s+)?"
    r"(?:(?:early|late)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?:\s+(?:morning|afternoon|evening|night))?")

# "--" is a typed dash; the comma of a date ("March 4, 2024") parts no clauses
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\s?(?:19|20)\d\d(?!\d))|[;:()\[\]—–]|\s--?\s")
_FUTURE = re.compile(
    r"\b(?:will|would|shall|won't|expects?|expected|expecting|scheduled|plans? to|planned to|"
    r"planning|intends?|intended to|aims? to|set to|on track|due to|could|should|might|upcoming|"
    r"forthcoming|next|forecasts?|projected|anticipated?|likely to|poised to|going to|hopes? to|"
    r"has until|have until|deadline|"
    # what an approval lets a party do is still to come ("allows Exxon to finalize the deal on
    # Friday")
    r"(?:allows|allowing|enables|enabling|permits|permitting)(?:\s+[\w'’.-]+){1,4}?\s+to(?=\s+[a-z]+\b)|"
    # what a deal requires or a party pledged is still to come ("required the plant to continue
    # until 2027", "pledged to keep ... through 2035")
    r"(?:pledg|promis|vow|oblig|obligat)(?:e|es|ed|ing)\s+to|"
    # a stance held ("was committed to leaving ... in July 2019"), not a commitment made ("committed
    # to its purchase in March 2019")
    r"(?:(?<=is )|(?<=are )|(?<=was )|(?<=were )|(?<=been )|(?<=remains )|(?<=remained )|(?<=stays )|"
    r"(?<=stayed ))committed\s+to(?=\s+\w+ing\b)|"
    r"(?:requir|oblig|obligat)(?:e|es|ed|ing)(?:\s+[\w'’.-]+){1,5}?\s+to(?=\s+[a-z]+\b))\b",
    re.IGNORECASE)
MODAL_MAY = re.compile(r"\bmay\b")
_PRESENT = re.compile(r"\b(?:is|are|am|remains?|expires|holds|continues|stands|runs|lasts|"
                      r"says|does)\b", re.IGNORECASE)
#: future cues that are adjectives of a noun ("an upcoming probe"), not a clause's tense
#: A counterfactual perfect tells what did not happen, at no time the page can be placed by:
#: "intended to conclude the deal within 12 months, which would have been by mid-February 2023"
#: was written after that date, "loans that would have matured in 2027" before it.
_COUNTERFACTUAL = re.compile(
    r"\b(?:would|could|should|might|must)(?: not)? have\b|\b(?:would|could|should|might)(?:'ve|’ve)",
    re.IGNORECASE)
_NOUN_FUTURE = re.compile(
    r"(?:upcoming|forthcoming|next)\b"
    # "plan" as a noun after a determiner or a figure ("announced a US$5.4 billion plan to acquire
    # Tower ... in mid-February 2022"): the announcing verb tells the tense
    r"|(?:(?<=\ba )|(?<=\ban )|(?<=\bthe )|(?<=\bits )|(?<=\btheir )|(?<=\bhis )|(?<=\bher )|(?<=\bnew )"
    r"|(?<=\bbillion )|(?<=\bmillion )|(?<=\bbn )|(?<=\d )|(?<=\d%)|(?<=-year ))plans? to\b",
    re.IGNORECASE)
#: A date a deadline was moved to ("the deadline was extended to mid-June and then delayed to
#: August 15th") was still to come when it was moved: the page may be before or after it.
_MOVED_TO = re.compile(r"\b(?:extend|delay|postpon|push(?:ed|es|ing)? back|mov|defer|reschedul)\w*"
                       r"(?: back)?(?: (?:the |its |their )?(?:deadline|date|closing|vote|decision))?"
                       r" (?:to|until|till)\s+(?:(?:early|mid|late)[- ])?$", re.IGNORECASE)
#: "by 2021", "by the end of 2021" right before a mention: a target or a deadline
_BY_TARGET = re.compile(r"\bby (?:the (?:end|close|middle) of )?$", re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|rose|fell|took|began|begun|made|got|went|came|paid|sold|"
    r"bought|led|won|gave|grew|saw|became|left|held|ago|earlier|previously|"
    # a participle after "be"/"being"/"is" is a passive whose tense its auxiliary gives ("will be
    # swapped over in 2026" is future, "once the deal is closed in 2024" not past)
    r"(?<!\bbe )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bam )"
    # a counterfactual perfect is no past ("loans that would have matured in 2027")
    r"(?<!\bwould have )(?<!\bcould have )(?<!\bshould have )(?<!\bmight have )(?<!\bwould've )"
    r"(?<!\bwould’ve )(?<!\bcould've )(?<!\bnot have )(?<!\botherwise have )"
    r"(?<!-)"  # nor is one in a compound adjective ("wholly-owned", "state-backed")
    r"(?!(?:need|speed|feed|seed|hundred|indeed|proceed|exceed|succeed|embed|breed|bleed|greed|"
    r"shed|red|bed|expected|scheduled|planned|intended|projected|anticipated|forecasted)\b)"
    r"[a-z]{2,}ed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateHit:
    kind: str  # full, month_year, month_day, month, year
    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None


@lru_cache(maxsize=8192)
def parse(text: str, parts: tuple[str, ...], partial: bool) -> datetime | None:
    """dateparser with the parts we require; partial dates get a fixed (leap) base year."""
    settings: dict = {"REQUIRE_PARTS": list(parts), "PREFER_DAY_OF_MONTH": "first"}
    if partial:
        settings["RELATIVE_BASE"] = datetime(2000, 1, 1)
    try:
        return dateparser.parse(text, languages=_DP_LANG, settings=settings)
    except (ValueError, OverflowError):
        return None


def weekday_index(name: str) -> int:
    return WEEKDAYS.index(name.capitalize())


@lru_cache(maxsize=16384)
def find_dates(text: str) -> tuple[DateHit, ...]:
    """Date mentions in ``text`` (outside links), parsed with dateparser; non-overlapping.

    Cached: each sentence is read by several readers in several passes."""
    blocked = [(m.start(), m.end()) for m in URL_RE.finditer(text)]
    blocked += [(m.start(), m.end()) for m in _FISCAL.finditer(text)]
    hits: list[DateHit] = []
    for kind, rx in _DATE_PATTERNS:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < e and s < b for s, e in blocked):
                continue
            hit = _to_hit(kind, m)
            if hit is not None:
                hits.append(hit)
                blocked.append((a, b))
    return tuple(sorted(hits, key=lambda h: h.start))


def _to_hit(kind: str, m: re.Match[str]) -> DateHit | None:
    span = m.group(0)
    if kind == "full":
        d = parse(re.sub(r"\bof\s+", "", span), ("day", "month", "year"), False)
        return d and DateHit(kind, m.start(), m.end(), span, d.year, d.month, d.day)
    if kind == "month_year":
        core = re.sub(r"^(?:early|mid|late)[- ]|\bof\s+", "", span)
        d = parse(core, ("month", "year"), False)
        return d and DateHit(kind, m.start(), m.end(), span, d.year, d.month, None)
    if kind == "month_day":
        d = parse(re.sub(r"\bof\s+", "", span), ("day", "month"), True)
        return d and DateHit(kind, m.start(), m.end(), span, None, d.month, d.day)
    if kind == "month":
        if m.group(0).lower().startswith("may") or m.group("mon").rstrip(".") == "May" and \
                m.group(0).split()[0].lower() in ("this", "last"):
            return None  # "may" is a modal verb far more often than a month
        d = parse(m.group("mon"), ("month",), True)
        mon = m.group("mon").rstrip(".")
        return d and DateHit(kind, m.start("mon"), m.start("mon") + len(mon), mon, None,
                             d.month, None)
    return DateHit(kind, m.start(), m.end(), span, int(m.group("y")), None, None)


# --------------------------------------------------------------------------- clauses, tense


def clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos`` (between commas, semicolons, brackets and dashes)."""
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def tense(text: str, pos: int) -> str | None:
    """``"past"``, ``"future"`` or None for the mention at ``pos``.

    The nearest tense cue before the mention in its clause decides (else the first after it);
    with no cue in the clause, the sentence decides the same way.
    """
    cs, ce = clause(text, pos)
    if _MOVED_TO.search(text, max(cs, pos - 60), pos):
        return None
    by = _BY_TARGET.search(text, max(cs, pos - 20), pos)
    if by and text[cs:by.start()].strip(" ,") and not _PAST_PERFECT.search(text, cs, ce) \
            and not _PAST.search(text, cs, pos) and not _COUNTERFACTUAL.search(text, cs, pos):
        # "cost synergies by 2021": a target ("closed by 2019" is past; "By March 2019, it had
        # moved ..." opens its sentence with the time the rest tells of)
        return "future"
    for lo, hi in ((cs, ce), (0, len(text))):
        # a word read both ways ("pledged to") is future: the longer cue is the surer one
        at = {m.start(): "past" for m in _PAST.finditer(text, lo, hi)}
        at.update({m.start(): "future" for m in _FUTURE.finditer(text, lo, hi)})
        at.update({m.start(): "future" for m in MODAL_MAY.finditer(text, lo, hi)})
        at.update({m.start(): "none" for m in _COUNTERFACTUAL.finditer(text, lo, hi)})
        cues = sorted(at.items())
        if cues:
            before = [c for c in cues if c[0] < pos]
            verbs = [c for c in before if not _NOUN_FUTURE.match(text, c[0])]
            if before and before[-1] not in verbs and verbs and verbs[-1][1] == "past":
                # "notified the companies of an upcoming probe on Aug. 1": the adjective makes the
                # probe future; the clause's verb, past, tells when the notice came ("said it will
                # present at its next investor day in 2025" stays future)
                return "past"
            found = (before[-1] if before else cues[0])[1]
            return None if found == "none" else found
        if (lo, hi) == (cs, ce) and _PRESENT.search(text, lo, hi):
            return None  # the clause's own verb is in the present: neither past nor future
    return None


def locate(raw: str, seg: Segment | None, a: int, b: int, fragment: str) -> tuple[int, int]:
    """Raw offsets of ``fragment`` (found at ``a:b`` of the segment's normalised text)."""
    if seg is None:
        i = raw.find(fragment)
        if i >= 0:
            return i, i + len(fragment)
        words = [re.escape(w) for w in fragment.split()]
        m = re.search(r"\s+".join(words), raw) if words else None
        return (m.start(), m.end()) if m else (-1, -1)
    window = raw[seg.start:seg.end]
    if window == seg.text:
        return seg.start + a, seg.start + b
    i = window.find(fragment)
    if i >= 0:
        return seg.start + i, seg.start + i + len(fragment)
    words = [re.escape(w) for w in fragment.split()]
    m = re.search(r"\s+".join(words), window) if words else None
    if m:
        return seg.start + m.start(), seg.start + m.end()
    return seg.start, seg.end


# --------------------------------------------------------------------------- weekdays


@dataclass(frozen=True)
class WeekdayHit:
    weekday: int
    start: int
    end: int
    text: str


def find_weekdays(text: str) -> list[WeekdayHit]:
    """Weekday references that are not in future tense ("said on Friday", "Monday afternoon")."""
    out = []
    for m in _WEEKDAY.finditer(text):
        if re.search(r"(?i)\b(?:next|coming|following)\s+$", text[max(0, m.start() - 20):m.start()]):
            continue
        reported = re.match(r"(?i)(?:said|says|announced|reported|filed|disclosed|confirmed|"
                            r"revealed|voted|told)\b", m.group(0))
        if not reported and tense(text, m.start(1)) == "future":
            continue
        out.append(WeekdayHit(weekday_index(m.group(1)), m.start(), m.end(), m.group(0)))
    return out


# --------------------------------------------------------------------------- relative phrases

_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT_DAYS = {"day": 1.0, "week": 7.0}
AGO = re.compile(
    r"\b(?P<q>about|around|roughly|nearly|almost|some|more than|over|just over|less than|under|"
    r"barely|only)?\s*(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a few|a couple of|\d+)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>ago|after)\b",
    re.IGNORECASE)
#: Words that name the page's own day (or the day before).
NOW_WORDS = r"yesterday|today|this morning|earlier today|tonight"
CALENDAR = re.compile(
    r"(?<!the )\b(?P<w>last|earlier this|this|later this)\s+(?P<u>week|month|year|spring|summer|"
    rf"autumn|fall|winter)\b|\b(?P<d>{NOW_WORDS})\b",
    re.IGNORECASE)


def relative_window(m: re.Match[str], event: date) -> tuple[date, date] | None:
    """Publication window implied by a relative phrase about an event on ``event``."""
    g = m.groupdict()
    if g.get("n"):
        n = g["n"].lower()
        lo_n, hi_n = (2, 5) if n == "a few" else (2, 3) if n == "a couple of" else (
            (int(n), int(n)) if n.isdigit() else (_NUM[n], _NUM[n]))
        u = g["u"].lower()
        months = u in ("month", "year")  # calendar months: "a year ago" -> +9..+15 months
        unit = 12.0 if u == "year" else 1.0 if u == "month" else _UNIT_DAYS[u]
        q = (g.get("q") or "").lower()
        if q in ("more than", "over", "just over"):
            lo, hi = lo_n * unit, 2 * hi_n * unit
        elif q in ("less than", "under", "barely", "only"):
            lo, hi = 0.0, hi_n * unit
        else:  # stated or approximate amounts: +-25 %
            lo, hi = 0.75 * lo_n * unit, 1.25 * hi_n * unit
        if months:
            return add_months(event, math.floor(lo)), add_months(event, math.ceil(hi))
        return event + timedelta(days=math.floor(lo)), event + timedelta(days=math.ceil(hi))
    if g.get("d"):
        d = g["d"].lower()
        # one day of slack: time zones, and copies reposted the day after
        return (event + timedelta(days=1), event + timedelta(days=2)) if d == "yesterday" \
            else (event, event + timedelta(days=1))
    w, u = g["w"].lower(), g["u"].lower()
    week0 = event - timedelta(days=event.weekday())
    if u in ("spring", "summer", "autumn", "fall", "winter"):
        return (event, add_months(event, 15)) if w == "last" else (event, event + timedelta(92))
    if w == "last":
        if u == "week":
            return week0 + timedelta(days=7), week0 + timedelta(days=13)
        if u == "month":
            nxt = add_months(event.replace(day=1), 1)
            return nxt, month_end(nxt)
        return date(event.year + 1, 1, 1), date(event.year + 1, 12, 31)
    if u == "week":
        return event, week0 + timedelta(days=6)
    if u == "month":
        return event, month_end(event)
    return event, date(event.year, 12, 31)
