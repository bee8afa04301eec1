"""The dating vocabulary: evidence items, source windows, strengths and date helpers.

A window ``[earliest, latest]`` is never narrower than its evidence: every bound is set by a
listed :class:`Evidence`, and each item says in plain words why it bounds the source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pandas as pd

#: Deal stages in their usual order (``ended`` and ``completed`` are alternative outcomes).
STAGES = ("talks", "agreed", "regulatory_review", "completed", "ended", "aftermath")
#: 1-based so that 0 can mean "no stage cue found"; the two outcomes share a rank.
STAGE_RANK = {"unknown": 0, "talks": 1, "agreed": 2, "regulatory_review": 3, "completed": 4,
              "ended": 4, "aftermath": 5}

# Strength of each kind of evidence (higher wins a conflict).
KNOWN = 9  # ``published`` in the manifest
STAMP = 8  # the page's own date: leading date line, published/updated stamp, full dateline
URL = 7  # a date in the page's address
#: Page stamps that a page may carry stale (a template's or an old version's date).
STALE_PRONE = ("date_line", "stamp")
EXPLICIT = 6  # a dated past event in the text, a dated link
EVENT = 5  # a reference event from events.csv
LEARNED = 4  # an event dated by another source of the corpus
CITATION = 3  # cites another source of the corpus
RELATIVE = 2  # "last week", "on Monday", "yesterday" tied to a dated event
FUTURE = 2  # a date the text names as still to come
HEADER = 1  # a date in the site header among navigation (the day the page was captured)
STAGE = 0  # deal stage: never a date, only the order of overlapping windows


#: ``ref`` of a page's stamps that give a publication and a later update: the window spans
#: both, and the page appeared on the first.
UPDATED_STAMP_REF = "stamp:updated"


@dataclass
class Evidence:
    """One piece of dating evidence: where it is, what it implies, how strong it is and why.

    ``because`` says in plain words why the bound holds ("it cites Bloomberg's report of that
    day"); ``ref`` names what it rests on (``event:<key>`` or ``source:<id>``); ``used`` is
    False when a conflict with stronger evidence dropped it.
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
    because: str = ""


@dataclass(frozen=True)
class Version:
    """One dated version of a page holding several ("Update as of May 3" above the original)."""

    start: int
    end: int
    day: date
    label: str


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
    versions: list[Version] = field(default_factory=list)

    @property
    def dated(self) -> bool:
        """True when any evidence bounds the window (an undated source is never 'the latest')."""
        return self.earliest is not None or self.latest is not None

    def version_date(self, offset: int) -> date | None:
        """The date of the page version holding raw ``offset`` (None: one version only)."""
        for v in self.versions:
            if v.start <= offset < v.end:
                return v.day
        return None


def as_date(value: object) -> date | None:
    """A date from an ISO string, date, datetime or empty value."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def month_end(d: date) -> date:
    return (pd.Timestamp(d.replace(day=1)) + pd.offsets.MonthEnd(0)).date()


def add_months(d: date, months: int) -> date:
    return (pd.Timestamp(d) + pd.DateOffset(months=months)).date()


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def days(lo: date, hi: date) -> list[date]:
    """Every day from ``lo`` to ``hi`` inclusive."""
    return [lo + timedelta(days=k) for k in range((hi - lo).days + 1)]


def words(d: date) -> str:
    """'8 June 2025': the form the report prints."""
    return f"{d.day} {d.strftime('%B')} {d.year}"


def span_words(lo: date | None, hi: date | None) -> str:
    """A window in words: 'on 8 June 2025', 'between 8 and 11 June 2025', 'on or after ...'."""
    if lo and hi:
        if lo == hi:
            return f"on {words(lo)}"
        if (lo.year, lo.month) == (hi.year, hi.month):
            return f"between {lo.day} and {words(hi)}"
        if lo.year == hi.year:
            return f"between {lo.day} {lo.strftime('%B')} and {words(hi)}"
        return f"between {words(lo)} and {words(hi)}"
    if lo:
        return f"on or after {words(lo)}"
    if hi:
        return f"on or before {words(hi)}"
    return "at an unknown date"
