"""Reference events: the optional ``events.csv`` and the events learned from the corpus.

Both kinds become :class:`RefEvent`: a dated happening that bounds the sources mentioning it.
A given event is matched by its regex patterns; a learned one by its kind (a deal-stage
event) and the distinctive words of the sentence that dated it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ..errors import InputError
from .model import as_date

EVENT_COLUMNS = ["date", "event", "patterns", "open_patterns", "citation"]


@dataclass(frozen=True)
class RefEvent:
    """A dated event. ``earliest == latest`` for a known day; a month is ``[1st, last]``.

    ``source`` names where the date comes from (the events file's citation, or the corpus
    source that dated it); ``tokens`` are the distinctive words of a learned event's sentence.
    """

    key: str
    earliest: date
    latest: date
    name: str
    source: str
    patterns: tuple[re.Pattern[str], ...] = ()
    opens: tuple[re.Pattern[str], ...] = ()
    kind: str = ""
    tokens: frozenset[str] = frozenset()  # distinctive names and figures of its sentence
    names: frozenset[str] = frozenset()  # every name and figure of its sentence
    learned_from: str = ""  # source id of a learned event
    quote: str = ""
    basis: str = ""  # how the teaching source dates it ("“on Friday” in its piece of ...")
    follow_on: frozenset[str] = frozenset()  # figures it dates as a later amount ("another $4 billion")

    @property
    def learned(self) -> bool:
        return bool(self.learned_from)


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


def compile_events(events: pd.DataFrame | None) -> list[RefEvent]:
    """The events table as :class:`RefEvent` items (keys ``event:0``, ``event:1``, ...)."""
    if events is None or not len(events):
        return []
    out = []
    for i, row in enumerate(events.to_dict("records")):
        where = f"events table row {i + 2}"
        try:
            when = as_date(row.get("date"))
        except ValueError as exc:
            raise InputError(f"{where}: date {row.get('date')!r} is not an ISO date") from exc
        if when is None:
            raise InputError(f"{where}: date is empty")
        pats = _compile_list(str(row.get("patterns") or ""), where, "patterns", required=True)
        opens = _compile_list(str(row.get("open_patterns") or ""), where, "open_patterns",
                              required=False)
        out.append(RefEvent(f"event:{i}", when, when, str(row.get("event", "")),
                            str(row.get("citation", "") or ""), tuple(pats), tuple(opens)))
    return out
