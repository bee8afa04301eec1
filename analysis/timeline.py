"""When each source appeared: a publication window ``[earliest, latest]`` built from evidence.

Why windows: most scraped articles state no date, so a single guessed date would hide how
little is known. Each source gets the narrowest window its CLEANED text and metadata justify
(never ``.removals``: sidebars and related-link lists carry other articles' dates), and every
bound is backed by a listed :class:`Evidence`.

Evidence, strongest first; when two bounds cross (earliest > latest) the stronger is kept, the
weaker dropped and the conflict recorded:

1. ``published`` in the manifest (known date);
2. a dateline, update note or updated/date stamp with a full date; a month-day dateline once
   its year is resolved from explicit years in the text, matched events and the lead's weekday
   (unresolved, it only snaps the ends of a window built from other evidence);
3. explicit dates in past-tense clauses (dateparser), and dated article links: on/after;
4. reference events (``events.csv``): mentioned as happened -> on/after the event; an
   ``open_patterns`` phrase ("in talks", "finalizing") -> before it;
5. citations of another source's outlet ("according to <outlet>") -> on/after its earliest;
6. relative phrases tied to an event in the same clause ("valued at $14 billion about a year
   ago"), and weekday references: within six days after the named day, when the sentence's
   event fell on it or the window is at most ten days wide (news names the weekday only for
   the past week);
7. deal stage (rumour < finalising < announced < aftermath, from ``data/stage_cues.csv``):
   never a date, only the order of sources whose windows overlap.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import dateparser
import pandas as pd

from .cleaning import CleanSource, Segment
from .errors import InputError
from .paths import DATA_DIR

STAGES = ("rumour", "finalising", "announced", "aftermath")
#: 1-based so that 0 can mean "no stage cue found" (``stages.Timeline.later`` relies on it).
STAGE_RANK = {"unknown": 0, "rumour": 1, "finalising": 2, "announced": 3, "aftermath": 4}

# Strength of each kind of evidence (higher wins a conflict).
KNOWN, DATELINE, EXPLICIT, EVENT, CITATION, RELATIVE, WEEKDAY, STAGE = 7, 6, 5, 4, 3, 2, 2, 1

EVENT_COLUMNS = ["date", "event", "patterns", "open_patterns", "citation"]
STAGE_CUES_PATH = DATA_DIR / "stage_cues.csv"
#: Stage cues count as "in the lead" in the first sentences (title + opening).
LEAD_SENTENCES = 3
#: A later stage is accepted when it has a cue in the lead or at least this share of the cue
#: count of the best-supported earlier stage (a lone stray word deep in a long rumour story
#: does not promote it).
STAGE_MIN_SHARE = 0.25
#: Weekday references narrow a window only when it is at most this many days wide.
WEEKDAY_MAX_WIDTH = 10
_DP_LANG = ["en"]


# --------------------------------------------------------------------------- data types


@dataclass
class Evidence:
    """One piece of dating evidence: where it is, what it implies, and how strong it is.

    ``ref`` names what the evidence rests on (``event:<row>`` or ``source:<id>``) so tables can
    trace it; ``used`` is False when a conflict with stronger evidence dropped it.
    """

    rule: str
    quote: str
    start: int | None
    end: int | None
    earliest: date | None
    latest: date | None
    strength: int
    note: str = ""
    ref: str = ""
    used: bool = True


@dataclass
class SourceDate:
    """A source's publication window, its deal stage and the evidence behind both."""

    source_id: str
    published: date | None
    earliest: date | None
    latest: date | None
    stage: str
    stage_rank: int
    evidence: list[Evidence] = field(default_factory=list)
    conflict: str = ""


# --------------------------------------------------------------------------- events file


def split_patterns(value: str) -> list[str]:
    """Split a ``|``-separated pattern list at top level only (``(?:a|b)`` stays whole)."""
    out, buf, depth, in_class, escaped = [], [], 0, False, False
    for ch in value:
        if escaped:
            buf.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    out.append("".join(buf))
    return [p.strip() for p in out if p.strip()]


def _compile_list(value: str, where: str, column: str, required: bool) -> list[re.Pattern[str]]:
    parts = split_patterns(value or "")
    if required and not parts:
        raise InputError(f"{where}: {column} is empty")
    out = []
    for p in parts:
        try:
            rx = re.compile(p, re.IGNORECASE)
        except re.error as exc:
            raise InputError(f"{where}: bad {column} regex {p!r}: {exc}") from exc
        if rx.search(""):
            raise InputError(f"{where}: {column} pattern {p!r} matches empty text")
        out.append(rx)
    return out


def _empty_events() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in EVENT_COLUMNS})


def load_events(path: Path | str | None) -> pd.DataFrame:
    """Read and validate a reference-events CSV (``date,event,patterns[,open_patterns,citation]``).

    Why validate here: a typo in a date or regex would silently change every window, so a bad
    file stops the run with an :class:`InputError` naming the file and the row. ``None`` (no
    events for this corpus) gives an empty frame with the same columns.
    """
    if path is None:
        return _empty_events()
    path = Path(path)
    if not path.is_file():
        raise InputError(f"events file {path}: not found")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"events file {path}: not valid UTF-8 (byte {exc.start})") from exc
    if not text.strip():
        raise InputError(f"events file {path}: file is empty")
    try:
        reader = csv.DictReader(io.StringIO(text))
        fields = [f.strip() for f in (reader.fieldnames or [])]
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"events file {path}: not valid CSV: {exc}") from exc
    missing = [c for c in ("date", "event", "patterns") if c not in fields]
    if missing:
        raise InputError(f"events file {path}: missing column(s) {', '.join(missing)}")
    records = []
    for n, row in enumerate(rows, start=2):
        row = {(k or "").strip(): (v or "").strip() if isinstance(v, str) else "" for k, v in
               row.items()}
        where = f"events file {path}: row {n}"
        try:
            when = date.fromisoformat(row["date"])
        except ValueError as exc:
            raise InputError(f"{where}: date {row['date']!r} is not an ISO date (YYYY-MM-DD)"
                             ) from exc
        if not row["event"]:
            raise InputError(f"{where}: event is empty")
        _compile_list(row["patterns"], where, "patterns", required=True)
        _compile_list(row.get("open_patterns", ""), where, "open_patterns", required=False)
        records.append({"date": when, "event": row["event"], "patterns": row["patterns"],
                        "open_patterns": row.get("open_patterns", ""),
                        "citation": row.get("citation", "")})
    return pd.DataFrame(records, columns=EVENT_COLUMNS) if records else _empty_events()


@dataclass(frozen=True)
class _Event:
    key: str
    date: date
    name: str
    patterns: tuple[re.Pattern[str], ...]
    opens: tuple[re.Pattern[str], ...]


def _as_date(value: object) -> date | None:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _compile_events(events: pd.DataFrame | None) -> list[_Event]:
    if events is None or not len(events):
        return []
    out = []
    for i, row in enumerate(events.to_dict("records")):
        where = f"events table row {i + 2}"
        try:
            when = _as_date(row.get("date"))
        except ValueError as exc:
            raise InputError(f"{where}: date {row.get('date')!r} is not an ISO date") from exc
        if when is None:
            raise InputError(f"{where}: date is empty")
        pats = _compile_list(str(row.get("patterns") or ""), where, "patterns", required=True)
        opens = _compile_list(str(row.get("open_patterns") or ""), where, "open_patterns",
                              required=False)
        out.append(_Event(f"event:{i}", when, str(row.get("event", "")), tuple(pats),
                          tuple(opens)))
    return out


# --------------------------------------------------------------------------- stage cues


@dataclass(frozen=True)
class StageCue:
    stage: str
    pattern: re.Pattern[str]
    description: str


@lru_cache(maxsize=8)
def load_stage_cues(path: Path | str = STAGE_CUES_PATH) -> tuple[StageCue, ...]:
    """The deal-stage cue lexicon (``stage,pattern,description``), validated."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"stage cue file {path}: not found")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    out = []
    for n, row in enumerate(rows, start=2):
        stage = (row.get("stage") or "").strip()
        if stage not in STAGES:
            raise InputError(f"stage cue file {path}: row {n}: stage {stage!r} not in {STAGES}")
        try:
            rx = re.compile(row.get("pattern") or "", re.IGNORECASE)
        except re.error as exc:
            raise InputError(f"stage cue file {path}: row {n}: bad regex: {exc}") from exc
        if not rx.pattern or rx.search(""):
            raise InputError(f"stage cue file {path}: row {n}: pattern matches empty text")
        out.append(StageCue(stage, rx, (row.get("description") or "").strip()))
    if not out:
        raise InputError(f"stage cue file {path}: no cues")
    return tuple(out)


# A cue in a hedged or negated context ("neither company has confirmed", "if finalized",
# "could be announced") does not describe the deal's actual stage.
_HEDGE = re.compile(
    r"\b(?:not|no|never|neither|nor|without|yet to|lack of|if|whether|should|unless|until|any|"
    r"will|would|could|might|can|expected to)\b|n't|n’t", re.IGNORECASE)
_MODAL_MAY = re.compile(r"\bmay\b")
_INNER_HEDGE = re.compile(r"\b(?:if|whether|unless|not|never|yet to)\b|n't|n’t", re.IGNORECASE)


def _hedged(text: str, pos: int, reach: int = 80) -> bool:
    """True when the words before ``pos`` in its clause (at most ``reach`` chars) hedge it."""
    start = max(_clause(text, pos)[0], pos - reach)
    prefix = text[start:pos]
    return bool(_HEDGE.search(prefix) or _MODAL_MAY.search(prefix))


def deal_stage(sentences: Sequence[Segment],
               cues: Sequence[StageCue] | None = None) -> tuple[str, list[Evidence]]:
    """The deal stage a source describes, with one evidence item per stage that has cues.

    Why the latest stage: coverage recaps earlier stages (an announcement story mentions the
    talks) but cannot report later ones. A later stage must however be credible: it needs a
    cue in the lead (first :data:`LEAD_SENTENCES` sentences) or at least
    :data:`STAGE_MIN_SHARE` of the cue count of the best-supported earlier stage; cues in
    hedged or negated context are ignored. No cue at all gives ``"unknown"``.
    """
    cues = load_stage_cues() if cues is None else cues
    hits: dict[str, list[tuple[Segment, re.Match[str]]]] = {s: [] for s in STAGES}
    for seg in sentences:
        for cue in cues:
            for m in cue.pattern.finditer(seg.text):
                if not _hedged(seg.text, m.start()) and not _INNER_HEDGE.search(m.group(0)):
                    hits[cue.stage].append((seg, m))
    chosen, why = "unknown", {}
    for rank in range(len(STAGES) - 1, -1, -1):
        stage = STAGES[rank]
        found = hits[stage]
        if not found:
            continue
        lead = sum(seg.index < LEAD_SENTENCES for seg, _ in found)
        best_earlier = max((len(hits[s]) for s in STAGES[:rank]), default=0)
        if lead or len(found) >= STAGE_MIN_SHARE * best_earlier:
            chosen = stage
            why[stage] = (f"chosen: latest stage with credible cues ({len(found)} cue(s), "
                          f"{lead} in the lead)")
            break
        why[stage] = (f"not chosen: {len(found)} cue(s), none in the lead, outweighed by "
                      f"{best_earlier} cues of an earlier stage")
    evidence = []
    for stage in STAGES:
        found = hits[stage]
        if not found:
            continue
        seg, m = found[0]
        words = sorted({m2.group(0).lower() for _, m2 in found})
        a, b = max(0, m.start() - 40), min(len(seg.text), m.end() + 40)
        note = why.get(stage, "earlier stage (recapped)")
        evidence.append(Evidence(
            rule=f"stage:{stage}", quote=seg.text[a:b], start=seg.start, end=seg.end,
            earliest=None, latest=None, strength=STAGE,
            note=f"{note}; cues: {', '.join(repr(w) for w in words[:6])}",
            used=stage == chosen))
    return chosen, evidence


# --------------------------------------------------------------------------- text helpers

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
_FUTURE = re.compile(
    r"\b(?:will|would|shall|won't|expects?|expected|expecting|scheduled|plans?|planned to|"
    r"planning|intends?|intended to|aims? to|set to|on track|due to|could|should|might|upcoming|"
    r"forthcoming|next|forecasts?|projected|anticipated?|likely to|poised to|going to|hopes? to)\b",
    re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|rose|fell|took|began|begun|made|got|went|came|paid|sold|"
    r"bought|led|won|gave|grew|saw|became|left|held|ago|earlier|previously|"
    r"(?!(?:need|speed|feed|seed|hundred|indeed|proceed|exceed|succeed|embed|breed|bleed|greed|"
    r"shed|red|bed|expected|scheduled|planned|intended|projected|anticipated|forecasted)\b)"
    r"[a-z]{2,}ed)\b", re.IGNORECASE)


def _clause(text: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _tense(text: str, pos: int) -> str | None:
    """``"past"``, ``"future"`` or None for the mention at ``pos``.

    The nearest tense cue before the mention in its clause decides (else the first after it);
    with no cue in the clause, the sentence decides the same way.
    """
    cs, ce = _clause(text, pos)
    for lo, hi in ((cs, ce), (0, len(text))):
        cues = sorted(
            [(m.start(), "future") for m in _FUTURE.finditer(text, lo, hi)]
            + [(m.start(), "future") for m in _MODAL_MAY.finditer(text, lo, hi)]
            + [(m.start(), "past") for m in _PAST.finditer(text, lo, hi)])
        if cues:
            before = [c for c in cues if c[0] < pos]
            return (before[-1] if before else cues[0])[1]
    return None


def _locate(raw: str, seg: Segment | None, a: int, b: int, fragment: str) -> tuple[int, int]:
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
    return seg.start, seg.end


# --------------------------------------------------------------------------- date mentions

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YR = r"(?:19[5-9]\d|20\d\d)(?!\d)"
_DATE_PATTERNS = [
    ("full", re.compile(r"(?<![\d/])(?:19|20)\d\d-\d\d-\d\d(?!\d)")),
    ("full", re.compile(rf"\b{_MON}\s?{_DAY},?\s+{_YR}")),
    ("full", re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YR}")),
    ("month_year", re.compile(rf"\b(?:(?:early|mid|late)[- ])?{_MON},?\s+{_YR}")),
    ("month_day", re.compile(rf"\b{_MON}\s?{_DAY}(?!\s*,?\s*\d)")),
    ("month_day", re.compile(rf"\b{_DAY}\s+{_MON}")),
    ("month", re.compile(rf"\b(?:in|since|late|early|mid|by|until|end of|from)\s+"
                         rf"(?:(?:early|mid|late)[- ])?(?P<mon>{_MON})(?!\s?\d)")),
    ("year", re.compile(rf"(?<![\d$€£.,/-])(?P<y>{_YR})"
                        rf"(?!\s*(?:%|billion|million|bn\b|m\b)|[-/.,]\d)")),
]
_URL = re.compile(r"https?://[^\s)\]>\"']+")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?!\d)")
_WEEKDAY = re.compile(r"\b(?:on|late|early|late on|early on|since|by)\s+"
                      r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


@dataclass(frozen=True)
class _DateHit:
    kind: str  # full, month_year, month_day, month, year
    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None


@lru_cache(maxsize=4096)
def _parse(text: str, parts: tuple[str, ...], partial: bool) -> datetime | None:
    """dateparser with the parts we require; partial dates get a fixed (leap) base year."""
    settings: dict = {"REQUIRE_PARTS": list(parts), "PREFER_DAY_OF_MONTH": "first"}
    if partial:
        settings["RELATIVE_BASE"] = datetime(2000, 1, 1)
    try:
        return dateparser.parse(text, languages=_DP_LANG, settings=settings)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=16)
def _weekday_index(name: str) -> int:
    parsed = dateparser.parse(name, languages=_DP_LANG)
    if parsed is None:  # pragma: no cover - dateparser always knows English weekdays
        raise ValueError(name)
    return parsed.weekday()


def find_dates(text: str) -> list[_DateHit]:
    """Date mentions in ``text`` (outside links), parsed with dateparser; non-overlapping."""
    blocked = [(m.start(), m.end()) for m in _URL.finditer(text)]
    hits: list[_DateHit] = []
    for kind, rx in _DATE_PATTERNS:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < e and s < b for s, e in blocked):
                continue
            hit = _to_hit(kind, m)
            if hit is not None:
                hits.append(hit)
                blocked.append((a, b))
    return sorted(hits, key=lambda h: h.start)


def _to_hit(kind: str, m: re.Match[str]) -> _DateHit | None:
    span = m.group(0)
    if kind == "full":
        d = _parse(span, ("day", "month", "year"), False)
        return d and _DateHit(kind, m.start(), m.end(), span, d.year, d.month, d.day)
    if kind == "month_year":
        core = re.sub(r"^(?:early|mid|late)[- ]", "", span)
        d = _parse(core, ("month", "year"), False)
        return d and _DateHit(kind, m.start(), m.end(), span, d.year, d.month, None)
    if kind == "month_day":
        d = _parse(span, ("day", "month"), True)
        return d and _DateHit(kind, m.start(), m.end(), span, None, d.month, d.day)
    if kind == "month":
        d = _parse(m.group("mon"), ("month",), True)
        mon = m.group("mon").rstrip(".")
        return d and _DateHit(kind, m.start("mon"), m.start("mon") + len(mon), mon, None,
                              d.month, None)
    return _DateHit(kind, m.start(), m.end(), span, int(m.group("y")), None, None)


def _month_end(d: date) -> date:
    return (pd.Timestamp(d.replace(day=1)) + pd.offsets.MonthEnd(0)).date()


def _add_months(d: date, months: int) -> date:
    return (pd.Timestamp(d) + pd.DateOffset(months=months)).date()


# --------------------------------------------------------------------------- relative phrases

_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT_DAYS = {"day": 1.0, "week": 7.0}
_AGO = re.compile(
    r"\b(?P<q>about|around|roughly|nearly|almost|some|more than|over|just over|less than|under|"
    r"barely|only)?\s*(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a few|a couple of|\d+)\s+(?P<u>day|week|month|year)s?\s+ago\b", re.IGNORECASE)
_CALENDAR = re.compile(
    r"(?<!the )\b(?P<w>last|earlier this|this)\s+(?P<u>week|month|year|spring|summer|autumn|fall|"
    r"winter)\b|\b(?P<d>yesterday|today|this morning|earlier today)\b", re.IGNORECASE)


def _relative_window(m: re.Match[str], event: date) -> tuple[date, date] | None:
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
            return _add_months(event, math.floor(lo)), _add_months(event, math.ceil(hi))
        return event + timedelta(days=math.floor(lo)), event + timedelta(days=math.ceil(hi))
    if g.get("d"):
        d = g["d"].lower()
        return (event + timedelta(days=1),) * 2 if d == "yesterday" else (event, event)
    w, u = g["w"].lower(), g["u"].lower()
    week0 = event - timedelta(days=event.weekday())
    if u in ("spring", "summer", "autumn", "fall", "winter"):
        return (event, _add_months(event, 15)) if w == "last" else (event, event + timedelta(92))
    if w == "last":
        if u == "week":
            return week0 + timedelta(days=7), week0 + timedelta(days=13)
        if u == "month":
            nxt = _add_months(event.replace(day=1), 1)
            return nxt, _month_end(nxt)
        return date(event.year + 1, 1, 1), date(event.year + 1, 12, 31)
    if u == "week":
        return event, week0 + timedelta(days=6)
    if u == "month":
        return event, _month_end(event)
    return event, date(event.year, 12, 31)


# --------------------------------------------------------------------------- per-source scan


@dataclass
class _Partial:
    """A date without a year, waiting for the year to be resolved from other evidence."""

    rule: str
    quote: str
    start: int | None
    end: int | None
    month: int
    day: int | None
    pubdate: bool  # True: the date IS the publication date (dateline); False: a past mention
    weekdays: frozenset[int] = frozenset()
    event_dates: tuple[date, ...] = ()


@dataclass
class _Scan:
    source_id: str
    base: list[Evidence]
    partials: list[_Partial]
    dateline: _Partial | None
    weekdays: list[tuple[int, Evidence]]
    anchors: list[int]
    citations: list[tuple[str, str, Evidence]]  # (cited id, outlet, template)
    stage: str
    stage_evidence: list[Evidence]


_META_KEYS = (("dateline", "dateline"), ("update_note", "update_note"), ("updated", "updated"),
              ("date_stamp", "date_stamp"))


def _citation_patterns(cleaned: Sequence[CleanSource]) -> dict[str, tuple[str, re.Pattern]]:
    out = {}
    for cs in cleaned:
        outlet = cs.source.outlet.strip()
        if len(outlet) < 3:
            continue
        name = re.escape(outlet).replace(r"\ ", r"\s+")
        out[cs.source.id] = (outlet, re.compile(
            rf"\b(?:according to|as (?:noted|reported|discussed|highlighted|cited|first reported) "
            rf"by|(?:reported|noted) by)\s+(?:the\s+)?{name}\b|\b{name}(?:'s|’s)?\s+"
            rf"(?:first |had |has |earlier )?reported\b", re.IGNORECASE))
    return out


def _scan(cs: CleanSource, events: list[_Event],
          cite_rx: dict[str, tuple[str, re.Pattern]]) -> _Scan:
    src, raw = cs.source, cs.source.raw
    base: list[Evidence] = []
    partials: list[_Partial] = []
    weekdays: list[tuple[int, Evidence]] = []
    citations: list[tuple[str, str, Evidence]] = []
    event_years: set[int] = set()
    past_years: set[int] = set()
    future_years: set[int] = set()
    dateline: _Partial | None = None

    if src.published:
        d = date.fromisoformat(src.published)
        base.append(Evidence("published", f"published={src.published}", None, None, d, d, KNOWN,
                             "date given in the manifest"))

    # ---- metadata: datelines, update notes, stamps (never the removals)
    dateline_end = None
    for key, rule in _META_KEYS:
        for text in (cs.metadata.get(key) or "").split(" | "):
            hits = [h for h in find_dates(text) if h.kind in ("full", "month_day")]
            if not hits:
                continue
            h = hits[0]
            s, e = _locate(raw, None, 0, len(text), text)
            s_, e_ = (s, e) if s >= 0 else (None, None)
            if key == "dateline" and e_ is not None:
                dateline_end = e_
            if h.kind == "full":
                d = date(h.year, h.month, h.day)
                base.append(Evidence(rule, text, s_, e_, d, d, DATELINE,
                                     f"{key} states the full date {d}"))
            elif dateline is None:
                dateline = _Partial(rule, text, s_, e_, h.month, h.day, pubdate=True)
            break

    sentences = cs.sentences
    lead_ids = set()
    if dateline is not None:
        after = [s for s in sentences if dateline_end is not None and s.start >= dateline_end]
        lead_ids = {s.index for s in (after[:1] or sentences[:2])}

    for seg in sentences:
        text = seg.text

        # ---- reference events (mentions as happened / "not yet" phrases)
        event_hits: list[tuple[_Event, re.Match[str]]] = []
        for ev in events:
            om = next((m for rx in ev.opens if (m := rx.search(text))), None)
            if om is not None:
                s, e = _locate(raw, seg, om.start(), om.end(), om.group(0))
                base.append(Evidence(
                    "event_open", om.group(0), s, e, None, ev.date - timedelta(days=1), EVENT,
                    f"not yet happened: event {ev.date} ({ev.name}) -> before it", ev.key))
                continue
            for rx in ev.patterns:
                m = rx.search(text)
                if m is None:
                    continue
                cs_, _ = _clause(text, m.start())
                if re.search(r"\b(?:not|no|never|neither|nor|without|yet to)\b|n't|n’t",
                             text[cs_:m.start()], re.IGNORECASE):
                    continue
                s, e = _locate(raw, seg, m.start(), m.end(), m.group(0))
                base.append(Evidence("event", m.group(0), s, e, ev.date, None, EVENT,
                                     f"mentions event {ev.date} ({ev.name}) as happened", ev.key))
                event_hits.append((ev, m))
                event_years.add(ev.date.year)
                break

        # ---- relative phrases tied to an event in the same clause
        for rm in list(_AGO.finditer(text)) + list(_CALENDAR.finditer(text)):
            best = None
            for ev, em in event_hits:
                a, b = (em.end(), rm.start()) if em.end() <= rm.start() else (rm.end(), em.start())
                if b - a > 60 or b < a - 200 or _CLAUSE_BREAK.search(text, a, max(a, b)):
                    continue
                if best is None or abs(b - a) < best[0]:
                    best = (abs(b - a), ev)
            if best is None:
                continue
            ev = best[1]
            lo, hi = _relative_window(rm, ev.date)
            s, e = _locate(raw, seg, rm.start(), rm.end(), rm.group(0))
            base.append(Evidence("relative", rm.group(0).strip(), s, e, lo, hi, RELATIVE,
                                 f"'{rm.group(0).strip()}' of event {ev.date} ({ev.name})",
                                 ev.key))

        # ---- explicit dates
        sentence_weekdays = frozenset(
            _weekday_index(m.group(1)) for m in _WEEKDAY.finditer(text)
            if _tense(text, m.start()) != "future")
        for h in find_dates(text):
            tense = _tense(text, h.start)
            s, e = _locate(raw, seg, h.start, h.end, h.text)
            if h.year is not None:
                (past_years if tense == "past" else future_years if tense == "future" else
                 set()).add(h.year)
            if tense != "past":  # future-tense years only help resolve a dateline's year
                continue
            if h.kind == "full":
                d = date(h.year, h.month, h.day)
            elif h.kind == "month_year":
                d = date(h.year, h.month, 1)
            elif h.kind == "year":
                d = date(h.year, 1, 1)
            else:
                partials.append(_Partial(
                    "explicit_date", h.text, s, e, h.month, h.day, pubdate=False,
                    weekdays=sentence_weekdays,
                    event_dates=tuple(ev.date for ev, _ in event_hits)))
                continue
            base.append(Evidence("explicit_date", h.text, s, e, d, None, EXPLICIT,
                                 f"past-tense mention of {h.text}: appeared on/after {d}"))

        # ---- dated links (an article can only link to one that exists)
        for um in _URL.finditer(text):
            for dm in _URL_DATE.finditer(um.group(0)):
                p = _parse("-".join(dm.groups()), ("day", "month", "year"), False)
                if p is None:
                    continue
                s, e = _locate(raw, seg, um.start(), um.end(), um.group(0))
                base.append(Evidence("link_date", um.group(0), s, e, p.date(), None, EXPLICIT,
                                     f"links to an article dated {p.date()}"))

        # ---- weekday references (resolved later against the window)
        for wm in _WEEKDAY.finditer(text):
            if _tense(text, wm.start()) == "future":
                continue
            s, e = _locate(raw, seg, wm.start(), wm.end(), wm.group(0))
            wd = _weekday_index(wm.group(1))
            on_day = [ev for ev, _ in event_hits if ev.date.weekday() == wd]
            if on_day:  # the sentence's event fell on the named day: within the week after it
                ev = max(on_day, key=lambda x: x.date)
                base.append(Evidence(
                    "weekday", wm.group(0), s, e, ev.date, ev.date + timedelta(days=6), WEEKDAY,
                    f"event {ev.date} ({ev.name}) fell on that {wm.group(1)}; news names the "
                    f"weekday only within the past week: appeared within 6 days after it",
                    ev.key))
                continue
            weekdays.append((wd, Evidence("weekday", wm.group(0), s, e, None, None, WEEKDAY, "")))
        if seg.index in lead_ids and dateline is not None:
            dateline = replace(dateline, weekdays=dateline.weekdays | sentence_weekdays)

        # ---- citations of another source in the corpus
        for sid, (outlet, rx) in cite_rx.items():
            if sid == src.id or outlet.casefold() == src.outlet.strip().casefold():
                continue
            cm = rx.search(text)
            if cm is not None:
                s, e = _locate(raw, seg, cm.start(), cm.end(), cm.group(0))
                citations.append((sid, outlet, Evidence("citation", cm.group(0), s, e, None, None,
                                                        CITATION, "", f"source:{sid}")))

    anchors = sorted(event_years | past_years) or sorted(future_years)
    stage, stage_ev = deal_stage(sentences)
    return _Scan(src.id, _dedupe(base), partials, dateline, weekdays, anchors,
                 _dedupe_citations(citations), stage, stage_ev)


def _dedupe(evs: list[Evidence]) -> list[Evidence]:
    """One item per (rule, ref, bounds); repeats are counted in the note."""
    out: dict[tuple, Evidence] = {}
    counts: dict[tuple, int] = {}
    for ev in evs:
        key = (ev.rule, ev.ref, ev.earliest, ev.latest)
        counts[key] = counts.get(key, 0) + 1
        out.setdefault(key, ev)
    for key, ev in out.items():
        if counts[key] > 1:
            ev.note += f" (+{counts[key] - 1} more mention(s))"
    return list(out.values())


def _dedupe_citations(cits: list[tuple[str, str, Evidence]]) -> list[tuple[str, str, Evidence]]:
    seen: dict[str, tuple[str, str, Evidence]] = {}
    for c in cits:
        seen.setdefault(c[0], c)
    return list(seen.values())


# --------------------------------------------------------------------------- solving


def _bounds_text(ev: Evidence) -> str:
    if ev.earliest and ev.latest:
        return f"= {ev.earliest}" if ev.earliest == ev.latest else \
            f"in [{ev.earliest}, {ev.latest}]"
    if ev.earliest:
        return f">= {ev.earliest}"
    if ev.latest:
        return f"<= {ev.latest}"
    return "no bound"


def _solve(evs: Sequence[Evidence]) -> tuple[date | None, date | None, dict[int, str]]:
    """Intersect the bounds, strongest first; a bound that would empty the window is dropped.

    Within one strength, lower bounds go first: a mention of an event as happened outranks a
    "not yet" phrase (stories recap earlier states; they cannot report later ones).
    """
    lo = hi = None
    lo_by = hi_by = None
    dropped: dict[int, str] = {}

    def kind(ev: Evidence) -> int:
        return 0 if ev.earliest and ev.latest else 1 if ev.earliest else 2

    order = sorted((i for i, ev in enumerate(evs) if ev.earliest or ev.latest),
                   key=lambda i: (-evs[i].strength, kind(evs[i]), i))
    for i in order:
        ev = evs[i]
        nlo = max(d for d in (lo, ev.earliest) if d) if (lo or ev.earliest) else None
        nhi = min(d for d in (hi, ev.latest) if d) if (hi or ev.latest) else None
        if nlo and nhi and nlo > nhi:
            by = hi_by if ev.earliest and hi and ev.earliest > hi else lo_by
            dropped[i] = (f"{ev.rule} '{_short(ev.quote, 50)}' ({_bounds_text(ev)}) dropped: "
                          f"conflicts with {by.rule} '{_short(by.quote, 50)}' "
                          f"({_bounds_text(by)}, strength {by.strength} >= {ev.strength})")
            continue
        if nlo != lo:
            lo_by = ev
        if nhi != hi:
            hi_by = ev
        lo, hi = nlo, nhi
    return lo, hi, dropped


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _resolve_year(p: _Partial, lo: date | None, hi: date | None,
                  anchors: Iterable[int]) -> tuple[date | None, str]:
    """The full date of a year-less mention, or None with the reason.

    Candidates are the anchor years (explicit years in the text / matched events) +-1 that fit
    the window from other evidence; the weekday named in the same sentence (for a dateline: in
    the lead) must fall on the date when several fit.
    """
    for ev_date in p.event_dates:
        if ev_date.month == p.month and (p.day is None or ev_date.day == p.day):
            return ev_date if p.day else ev_date.replace(day=1), \
                f"year {ev_date.year} from the event matched in the same sentence"
    years = sorted({y + k for y in anchors for k in (-1, 0, 1)})
    if not years:
        return None, "no explicit year or event in the text to resolve the year"
    cands = []
    for y in years:
        try:
            d = date(y, p.month, p.day or 1)
        except ValueError:
            continue
        if p.pubdate:
            ok = (lo is None or d >= lo) and (hi is None or d <= hi)
        else:  # a past mention: before the source, within the year before its earliest date
            ok = (hi is None or d <= hi) and (lo is None or d >= lo - timedelta(days=366))
        if ok:
            cands.append(d)
    why = f"anchor years {sorted(set(anchors))}"
    if len(cands) > 1 and p.day and p.weekdays:
        named = [d for d in cands if d.weekday() in p.weekdays]
        if named:
            cands = named
            why += " and the weekday named in the lead"
    if len(cands) == 1:
        return cands[0], f"year {cands[0].year} from {why}"
    if not cands:
        return None, f"no year near {why} fits the other evidence"
    return None, f"year ambiguous ({', '.join(str(d.year) for d in cands)}) from {why}"


def _finish(scan: _Scan, cited: dict[str, date | None]) -> SourceDate:
    evs: list[Evidence] = [replace(ev) for ev in scan.base]
    for sid, outlet, tmpl in scan.citations:
        e = cited.get(sid)
        evs.append(replace(tmpl, earliest=e,
                           note=(f"cites {outlet} ({sid}), which appeared on/after {e}" if e else
                                 f"cites {outlet} ({sid}), whose date is open: no bound")))
    lo, hi, _ = _solve(evs)
    for p in scan.partials:
        d, why = _resolve_year(p, lo, hi, scan.anchors)
        if d is not None:
            strength = EXPLICIT if "event matched" in why else EVENT
            evs.append(Evidence(p.rule, p.quote, p.start, p.end, d, None, strength,
                                f"past-tense mention of {p.quote}: {why}; appeared on/after {d}"))
    notes: list[str] = []
    snap: _Partial | None = None
    if scan.dateline is not None:
        lo, hi, _ = _solve(evs)
        d, why = _resolve_year(scan.dateline, lo, hi, scan.anchors)
        if d is not None:
            evs.append(Evidence(scan.dateline.rule, scan.dateline.quote, scan.dateline.start,
                                scan.dateline.end, d, d, DATELINE,
                                f"month-day dateline, {why}"))
        else:
            snap = scan.dateline
            notes.append(why)
    lo, hi, dropped = _solve(evs)
    for i, msg in dropped.items():
        evs[i].used = False
        evs[i].note += f"; {msg}"
    conflicts = list(dropped.values())

    # weekday references: narrow a short window to the days after the named weekday in it
    if lo and hi and 0 < (hi - lo).days <= WEEKDAY_MAX_WIDTH:
        for wd, tmpl in scan.weekdays:
            days = [lo + timedelta(days=k) for k in range((hi - lo).days + 1)]
            named = [d for d in days if d.weekday() == wd]
            if not named:
                continue
            nlo, nhi = max(lo, named[0]), min(hi, named[-1] + timedelta(days=6))
            if nlo > nhi:
                continue
            changed = (nlo, nhi) != (lo, hi)
            evs.append(replace(tmpl, earliest=nlo, latest=nhi, note=(
                f"the {tmpl.quote.split()[-1]} inside the window is {named[0]}: appeared within "
                f"6 days after it" + ("" if changed else " (consistent, no narrowing)"))))
            lo, hi = nlo, nhi

    # an unresolved month-day dateline still snaps the ends of a window from other evidence
    if snap is not None and (lo or hi):
        nlo, nhi = lo, hi
        if lo:
            nlo = next((d for y in (lo.year, lo.year + 1) if (d := _safe_date(y, snap))
                        and d >= lo), lo)
        if hi:
            nhi = next((d for y in (hi.year, hi.year - 1) if (d := _safe_date(y, snap))
                        and d <= hi), hi)
        if not (nlo and nhi and nlo > nhi) and (nlo, nhi) != (lo, hi):
            evs.append(Evidence(snap.rule, snap.quote, snap.start, snap.end, nlo if lo else None,
                                nhi if hi else None, DATELINE,
                                f"month-day dateline, {notes[-1]}: window ends moved to that "
                                f"day"))
            lo, hi = nlo, nhi
        elif snap is not None:
            evs.append(Evidence(snap.rule, snap.quote, snap.start, snap.end, None, None,
                                DATELINE, f"month-day dateline not used: {notes[-1]}"))
    elif snap is not None:
        evs.append(Evidence(snap.rule, snap.quote, snap.start, snap.end, None, None, DATELINE,
                            f"month-day dateline not usable alone: {notes[-1]}"))

    published = None
    for ev in evs:
        if ev.used and ev.strength >= DATELINE and ev.earliest and ev.earliest == ev.latest \
                and lo == hi == ev.earliest:
            published = ev.earliest
            break
    evs.sort(key=lambda ev: (-ev.strength, not ev.used, ev.start if ev.start is not None else -1))
    return SourceDate(scan.source_id, published, lo, hi, scan.stage, STAGE_RANK[scan.stage],
                      evs + scan.stage_evidence, "; ".join(conflicts))


def _safe_date(year: int, p: _Partial) -> date | None:
    try:
        return date(year, p.month, p.day or 1)
    except ValueError:
        return None


# --------------------------------------------------------------------------- public API


def estimate_timeline(cleaned: list[CleanSource], events: pd.DataFrame | None) -> list[SourceDate]:
    """A publication window and deal stage for every source, in timeline order.

    Why iterate: a citation ("according to Wirewatch") bounds a source by the cited source's
    own window, which may itself rest on citations; windows are recomputed until they settle.
    """
    compiled = _compile_events(events)
    cite_rx = _citation_patterns(cleaned)
    scans = [_scan(cs, compiled, cite_rx) for cs in cleaned]
    cited: dict[str, date | None] = {}
    dates: list[SourceDate] = []
    for _ in range(len(scans) + 2):
        dates = [_finish(s, cited) for s in scans]
        new = {d.source_id: d.earliest for d in dates}
        if new == cited:
            break
        cited = new
    by_id = {d.source_id: d for d in dates}
    return [by_id[i] for i in timeline_order(dates)]


def _midpoint(d: SourceDate) -> tuple[int, date]:
    """Sort position of a window: a half-open window's midpoint is infinitely far out.

    (group, date): 0 = open start (by latest), 1 = known date or closed window (by
    midpoint), 2 = open end (by earliest), 3 = fully open.
    """
    if d.published:
        return 1, d.published
    if d.earliest and d.latest:
        return 1, d.earliest + (d.latest - d.earliest) / 2
    if d.latest:
        return 0, d.latest
    if d.earliest:
        return 2, d.earliest
    return 3, date.max


def timeline_order(dates: list[SourceDate]) -> list[str]:
    """Source ids in timeline order.

    Dates decide first: a source whose window ends before another's begins comes first.
    Among sources whose windows overlap (none certainly earlier), the deal stage decides
    (rumour < finalising < announced < aftermath; unknown stage last), then the known date or
    window midpoint (a window open at the start sorts first, open at the end after closed
    windows, fully open last), then the id. Stage is weaker evidence than dates, so it never
    reorders two sources whose windows are disjoint.
    """
    remaining = list(dates)
    out: list[str] = []

    cites = {(d.source_id, e.ref[7:]) for d in dates for e in d.evidence
             if e.rule == "citation" and e.ref.startswith("source:") and e.used}

    def before(a: SourceDate, b: SourceDate) -> bool:
        if (b.source_id, a.source_id) in cites and (a.source_id, b.source_id) not in cites:
            return True  # b cites a, so a's piece existed first
        return a.latest is not None and b.earliest is not None and a.latest < b.earliest

    def key(d: SourceDate) -> tuple:
        return (d.stage_rank or len(STAGE_RANK), _midpoint(d), d.source_id)

    while remaining:
        free = [d for d in remaining if not any(before(o, d) for o in remaining if o is not d)]
        pick = min(free or remaining, key=key)
        out.append(pick.source_id)
        remaining.remove(pick)
    return out


def evidence_text(ev: Evidence) -> str:
    """``rule: "quote" -> constraint`` for one evidence item."""
    if ev.rule.startswith("stage:"):
        effect = f"order only ({ev.rule[6:]}{', chosen' if ev.used else ''})"
    elif not ev.used:
        effect = f"dropped ({_bounds_text(ev)}, conflict)"
    else:
        effect = _bounds_text(ev)
    return f'{ev.rule}: "{_short(ev.quote, 80)}" -> {effect}'


def _evidence_string(d: SourceDate) -> str:
    dated = any(ev.earliest or ev.latest for ev in d.evidence if ev.used)
    parts = [evidence_text(ev) for ev in d.evidence]
    if not dated:
        parts.insert(0, "no dating evidence: window left open")
    if d.conflict:
        parts.append(f"CONFLICT: {d.conflict}")
    return "; ".join(parts)


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def timeline_table(dates: list[SourceDate], headline: dict[str, str] | None = None
                   ) -> pd.DataFrame:
    """One row per source in timeline order, with its evidence as one readable string."""
    headline = headline or {}
    by_id = {d.source_id: d for d in dates}
    rows = []
    for n, sid in enumerate(timeline_order(dates), start=1):
        d = by_id[sid]
        rows.append({
            "source_id": sid, "published": _iso(d.published), "earliest": _iso(d.earliest),
            "latest": _iso(d.latest), "stage": d.stage,
            "headline_figure": headline.get(sid, ""),
            "evidence": _evidence_string(d),
            "order": n,
        })
    return pd.DataFrame(rows, columns=["source_id", "published", "earliest", "latest", "stage",
                                       "headline_figure", "evidence", "order"])


def events_used_table(dates: list[SourceDate], events: pd.DataFrame | None) -> pd.DataFrame:
    """Each reference event and the sources that mention it (as happened / as not yet)."""
    cols = ["date", "event", "citation", "matched_sources"]
    if events is None or not len(events):
        return pd.DataFrame(columns=cols)
    rows = []
    for i, row in enumerate(events.to_dict("records")):
        key = f"event:{i}"
        happened = sorted({d.source_id for d in dates for ev in d.evidence
                           if ev.ref == key and ev.rule in ("event", "relative")})
        not_yet = sorted({d.source_id for d in dates for ev in d.evidence
                          if ev.ref == key and ev.rule == "event_open"})
        parts = [", ".join(happened)] if happened else []
        if not_yet:
            parts.append(f"not yet: {', '.join(not_yet)}")
        rows.append({"date": _iso(_as_date(row.get("date"))), "event": row.get("event", ""),
                     "citation": row.get("citation", ""), "matched_sources": "; ".join(parts)})
    return pd.DataFrame(rows, columns=cols)
