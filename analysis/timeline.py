"""Date every source as a window [earliest, latest] from evidence in its kept text.

Evidence, strongest first: a date in the manifest; a dateline or update note; explicit
dates in past-tense sentences; references to dated reference events (a past mention
means after the event; treating a later event as still open means before it); relative
phrases against an event; citations of another source in the corpus. The deal stage is
ordering evidence only. Removed boilerplate (sidebars, widgets) is never evidence. A
source with too little evidence keeps an open window: nothing is guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import dateparser
import pandas as pd

from .cleaning import CleanSource, Segment
from .errors import InputError
from .lexicons import load_cues

STAGES = ("unknown", "rumour", "finalising", "announced", "aftermath")
EVENT_COLUMNS = ["date", "event", "patterns", "open_patterns", "citation"]
STRENGTH = {"manifest": 7, "dateline": 6, "explicit_date": 5, "event_after": 4, "event_before": 4,
            "citation": 3, "relative": 2, "weekday": 1}
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,\s*(?:19|20)\d\d\b|"
                        rf"\b\d{{1,2}}\s+{_MONTHS}\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b")
_DAY_MONTH = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_FUTURE = re.compile(r"(?i)\b(?:will|expected|scheduled|due|plans? to|set to|by the end of)\b")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"(?i)\b(?:on|late|early|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)\b")
_RELATIVE = [
    (re.compile(r"(?i)\b(?:about|around|roughly|nearly|almost|some)?\s*a year ago\b"), 9, 15),
    (re.compile(r"(?i)\b(?:two|2) years ago\b"), 20, 28),
    (re.compile(r"(?i)\blast year\b"), 1, 24),
    (re.compile(r"(?i)\b(?:a few|several|two|three|2|3) months ago\b"), 1, 7),
]
_CITE = re.compile(r"(?i)(?:as (?:noted|reported|discussed|highlighted) by|according to|reports? "
                   r"(?:from|by)|cited by)\s+((?:[A-Z][\w'&.-]*\s?){1,4})")


@dataclass
class Evidence:
    rule: str
    quote: str
    start: int | None
    end: int | None
    earliest: date | None
    latest: date | None
    strength: int
    note: str = ""

    def describe(self) -> str:
        bound = []
        if self.earliest:
            bound.append(f"≥ {self.earliest}")
        if self.latest:
            bound.append(f"≤ {self.latest}")
        where = f" [{self.start}-{self.end}]" if self.start is not None else ""
        text = f"{self.rule}: \"{_short(self.quote)}\"{where} -> {' and '.join(bound) or 'no bound'}"
        return text + (f" ({self.note})" if self.note else "")


@dataclass
class SourceDate:
    source_id: str
    published: date | None
    earliest: date | None
    latest: date | None
    stage: str
    stage_rank: int
    evidence: list[Evidence] = field(default_factory=list)
    conflict: str = ""

    @property
    def sort_key(self) -> tuple:
        if self.published:
            mid = self.published.toordinal()
        elif self.earliest and self.latest:
            mid = (self.earliest.toordinal() + self.latest.toordinal()) / 2
        elif self.earliest or self.latest:
            mid = (self.earliest or self.latest).toordinal()  # type: ignore[union-attr]
        else:
            mid = float("inf")
        return (mid, self.stage_rank, self.source_id)


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- events


def load_events(path: Path | None) -> pd.DataFrame:
    """Reference events (date, event, patterns, open_patterns, citation); empty when None."""
    if path is None:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"events file {path}: not found")
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except UnicodeDecodeError as exc:
        raise InputError(f"events file {path}: not UTF-8 text") from exc
    if rows and not {"date", "event", "patterns"} <= set(rows[0]):
        raise InputError(f"events file {path}: needs columns date, event, patterns")
    out = []
    for n, row in enumerate(rows, start=2):
        try:
            date.fromisoformat((row.get("date") or "").strip())
        except ValueError as exc:
            raise InputError(f"events file {path}: row {n}: date {row.get('date')!r} is not "
                             "YYYY-MM-DD") from exc
        for col in ("patterns", "open_patterns"):
            for pat in _split(row.get(col) or ""):
                try:
                    re.compile(pat)
                except re.error as exc:
                    raise InputError(f"events file {path}: row {n}: bad {col} regex {pat!r}: "
                                     f"{exc}") from exc
        out.append({c: (row.get(c) or "").strip() for c in EVENT_COLUMNS})
    return pd.DataFrame(out, columns=EVENT_COLUMNS).sort_values("date", kind="stable")


def _split(patterns: str) -> list[str]:
    """Split a |-separated pattern list at top-level bars only (alternations stay inside ())."""
    parts, depth, cur = [], 0, ""
    for ch in patterns:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def _event_regex(patterns: str) -> re.Pattern[str] | None:
    parts = _split(patterns)
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I) if parts else None


# --------------------------------------------------------------------------- stage

_NEGATED = re.compile(r"(?i)\b(?:not|neither|nor|no|never|yet to|n't|without)\b(?:\s+\w+){0,3}\s*$")


def deal_stage(sentences: list[Segment], cues_path: str | None = None) -> tuple[str, list[Evidence]]:
    """The stage a source describes: the latest stage cued at least half as often as the top one.

    One stray "finalising" word in a rumour piece does not make it a finalising piece,
    while a report of talks that mentions the announcement once is still read forward.
    """
    cues = load_cues(cues_path, "stage_cues.csv", ("stage",))
    hits: dict[str, list[Evidence]] = {}
    for sent in sentences:
        for row in cues:
            for m in row["regex"].finditer(sent.text):
                if _NEGATED.search(sent.text[max(0, m.start() - 40) : m.start()]):
                    continue
                hits.setdefault(row["stage"], []).append(
                    Evidence("stage", sent.text, sent.start, sent.end, None, None, 0,
                             f"{row['stage']} cue '{m.group(0)}'"))
                break
    if not hits:
        return "unknown", []
    top = max(len(v) for v in hits.values())
    stage = max((s for s, v in hits.items() if len(v) * 2 >= top), key=STAGES.index)
    return stage, hits[stage][:2]


# --------------------------------------------------------------------------- evidence


def _parse(text: str, base: date | None = None) -> date | None:
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = pd.Timestamp(base).to_pydatetime()
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _metadata_dates(cs: CleanSource, event_years: set[int]) -> list[Evidence]:
    """Datelines and update notes moved to metadata by the cleaner.

    A dateline without a year ("March 4") is placed in the years the text or the reference
    events mention: one year gives a date, several give a window spanning them.
    """
    out = []
    years = sorted({int(y) for s in cs.sentences for y in _YEAR.findall(s.text)} | event_years)
    for key in ("update_note", "updated", "dateline", "date_stamp"):
        value = cs.metadata.get(key, "")
        if not value:
            continue
        full = _FULL_DATE.search(value)
        if full and (d := _parse(full.group(0))):
            if key in ("update_note", "updated"):
                out.append(Evidence("dateline", value, None, None, d, None, STRENGTH["dateline"],
                                    f"{key.replace('_', ' ')}: the page as captured is from on or "
                                    "after this date"))
            else:
                out.append(Evidence("dateline", value, None, None, d, d, STRENGTH["dateline"],
                                    f"{key.replace('_', ' ')} with a full date"))
            continue
        dm = _DAY_MONTH.search(value)
        if dm and years:
            cands = [d for y in years if (d := _parse(f"{dm.group(1)} {dm.group(2)} {y}"))]
            if cands:
                out.append(Evidence("dateline", value, None, None, min(cands), max(cands),
                                    STRENGTH["dateline"] - 1,
                                    "dateline without a year; candidate years from the text "
                                    "and events: "
                                    + ", ".join(map(str, years))))
    return out


def _sentence_evidence(cs: CleanSource, events: pd.DataFrame,
                       outlets: dict[str, str]) -> list[Evidence]:
    out: list[Evidence] = []
    regexes = [(row, _event_regex(row["patterns"]), _event_regex(row.get("open_patterns", "")))
               for _, row in events.iterrows()]
    for sent in cs.sentences:
        text = sent.text
        for m in _FULL_DATE.finditer(text):
            d = _parse(m.group(0))
            if d and not _FUTURE.search(text):
                out.append(Evidence("explicit_date", text, sent.start, sent.end, d, None,
                                    STRENGTH["explicit_date"], f"mentions {d} as past"))
        for row, past, open_ in regexes:
            d = date.fromisoformat(row["date"])
            if past and past.search(text):
                out.append(Evidence("event_after", text, sent.start, sent.end, d, None,
                                    STRENGTH["event_after"], f"refers to: {row['event']}"))
                wd = _WEEKDAY.search(text)
                if wd and _WEEKDAYS.index(wd.group(1).lower()) == d.weekday():
                    out.append(Evidence("weekday", text, sent.start, sent.end, d, d + timedelta(6),
                                        STRENGTH["weekday"] + 2, f"'{wd.group(0)}' names the weekday "
                                        f"of {row['event']} ({d}) without a date: written within "
                                        "the following week"))
                for rx, lo, hi in _RELATIVE:
                    if rx.search(text):
                        out.append(Evidence(
                            "relative", text, sent.start, sent.end,
                            (pd.Timestamp(d) + pd.DateOffset(months=lo)).date(),
                            (pd.Timestamp(d) + pd.DateOffset(months=hi)).date(),
                            STRENGTH["relative"], f"'{rx.search(text).group(0).strip()}' after: "
                            f"{row['event']}"))
            if open_ and (m := open_.search(text)) and not _NEGATED.search(
                    text[max(0, m.start() - 40) : m.start()]):
                out.append(Evidence("event_before", text, sent.start, sent.end, None,
                                    d - timedelta(days=1), STRENGTH["event_before"],
                                    f"treats as still open: {row['event']}"))
        for m in _CITE.finditer(text):
            name = m.group(1).strip().rstrip(".,").casefold()
            for sid, outlet in outlets.items():
                if sid != cs.source.id and outlet and name.startswith(outlet.casefold()):
                    out.append(Evidence("citation", text, sent.start, sent.end, None, None,
                                        STRENGTH["citation"], f"cites {outlet} ({sid})"))
    return out


def _combine(evidence: list[Evidence]) -> tuple[date | None, date | None, str]:
    """Intersect constraints strongest first; a weaker one that would empty the window is dropped."""
    lo: date | None = None
    hi: date | None = None
    conflicts = []
    for ev in sorted(evidence, key=lambda e: -e.strength):
        new_lo = max(filter(None, [lo, ev.earliest]), default=None)
        new_hi = min(filter(None, [hi, ev.latest]), default=None)
        if new_lo and new_hi and new_lo > new_hi:
            conflicts.append(f"dropped {ev.rule} \"{_short(ev.quote, 60)}\" ({ev.note}): conflicts "
                             "with stronger evidence")
            continue
        lo, hi = new_lo, new_hi
    return lo, hi, "; ".join(conflicts)


def _weekday(cs: CleanSource, lo: date | None, hi: date | None) -> list[Evidence]:
    """'on Sunday': within a window of at most 10 days, the source appeared 0-6 days after one."""
    if not (lo and hi) or (hi - lo).days > 10:
        return []
    out = []
    for sent in cs.sentences:
        for m in _WEEKDAY.finditer(sent.text):
            wd = _WEEKDAYS.index(m.group(1).lower())
            days = [lo + timedelta(d) for d in range(-6, (hi - lo).days + 1)
                    if (lo + timedelta(d)).weekday() == wd]
            if days:
                out.append(Evidence("weekday", sent.text, sent.start, sent.end, max(lo, days[0]),
                                    min(hi, days[-1] + timedelta(6)), STRENGTH["weekday"],
                                    f"'{m.group(0)}' resolved within the window"))
    return out


def estimate_timeline(cleaned: list[CleanSource], events: pd.DataFrame) -> list[SourceDate]:
    """A window per source, in timeline order, each justified by its listed evidence."""
    outlets = {cs.source.id: cs.source.outlet for cs in cleaned}
    dates: dict[str, SourceDate] = {}
    pending_citations: dict[str, list[Evidence]] = {}
    for cs in cleaned:
        ev: list[Evidence] = []
        published = date.fromisoformat(cs.source.published) if cs.source.published else None
        if published:
            ev.append(Evidence("manifest", f"published {published}", None, None, published,
                               published, STRENGTH["manifest"], "date stated in the manifest"))
        ev += _metadata_dates(cs, {int(d[:4]) for d in events["date"]})
        ev += _sentence_evidence(cs, events, outlets)
        pending_citations[cs.source.id] = [e for e in ev if e.rule == "citation"]
        stage, stage_ev = deal_stage(cs.sentences)
        lo, hi, conflict = _combine(ev)
        ev += _weekday(cs, lo, hi)
        lo, hi, conflict = _combine(ev)
        dates[cs.source.id] = SourceDate(cs.source.id, published, lo, hi, stage,
                                         STAGES.index(stage), ev + stage_ev, conflict)
    for sid, cites in pending_citations.items():  # cited pieces bound the citing one
        d = dates[sid]
        for e in cites:
            cited = re.search(r"\((\S+)\)$", e.note)
            other = dates.get(cited.group(1)) if cited else None
            if other and (other.published or other.earliest):
                e.earliest = other.published or other.earliest
        d.earliest, d.latest, d.conflict = _combine([x for x in d.evidence if x.rule != "stage"])
    return sorted(dates.values(), key=lambda d: d.sort_key)


def timeline_order(dates: list[SourceDate]) -> list[str]:
    """By stated date or window midpoint, then deal stage, then id."""
    return [d.source_id for d in sorted(dates, key=lambda d: d.sort_key)]


def timeline_table(dates: list[SourceDate], headline: dict[str, str] | None = None) -> pd.DataFrame:
    order = {sid: i + 1 for i, sid in enumerate(timeline_order(dates))}
    rows = []
    for d in dates:
        evidence = [e for e in d.evidence if e.rule != "stage"] + [
            e for e in d.evidence if e.rule == "stage"]
        rows.append({
            "source_id": d.source_id, "published": str(d.published or ""),
            "earliest": str(d.earliest or ""), "latest": str(d.latest or ""), "stage": d.stage,
            "headline_figure": (headline or {}).get(d.source_id, ""),
            "evidence": "; ".join(e.describe() for e in evidence) or "no dating evidence",
            "conflict": d.conflict, "order": order[d.source_id],
        })
    return pd.DataFrame(rows).sort_values("order").reset_index(drop=True)


def events_used_table(dates: list[SourceDate], events: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, ev in events.iterrows():
        users = sorted({d.source_id for d in dates for e in d.evidence
                        if e.rule.startswith("event") and e.note.endswith(ev["event"])})
        rows.append({"date": ev["date"], "event": ev["event"], "citation": ev["citation"],
                     "matched_sources": ";".join(users)})
    return pd.DataFrame(rows, columns=["date", "event", "citation", "matched_sources"])
