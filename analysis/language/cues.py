"""The hedge-cue lexicon: reading ``data/hedge_cues.csv`` (or a user's file) into patterns.

Every cue is a case-insensitive, whole-word pattern with a kind (:data:`CUE_KINDS`); a
bad file raises :class:`InputError` naming the row.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from ..errors import InputError
from ..paths import DATA_DIR

DEFAULT_CUES_FILE = DATA_DIR / "hedge_cues.csv"
CUE_KINDS = ("reporting", "rumour", "modal", "speculative", "vagueness")
CUE_COLUMNS = ("cue", "pattern", "kind")


class HedgeCue(tuple):
    """A ``(cue, pattern)`` pair that also carries its ``kind``.

    It unpacks as the documented 2-tuple (``for cue, rx in cues``) and exposes
    ``.cue``, ``.pattern`` and ``.kind``.
    """

    kind: str

    def __new__(cls, cue: str, pattern: re.Pattern[str], kind: str) -> HedgeCue:
        self = super().__new__(cls, (cue, pattern))
        self.kind = kind
        return self

    def __getnewargs__(self) -> tuple[str, re.Pattern[str], str]:  # copy / pickle
        return (self[0], self[1], self.kind)

    @property
    def cue(self) -> str:
        return self[0]

    @property
    def pattern(self) -> re.Pattern[str]:
        return self[1]

    def __repr__(self) -> str:
        return f"HedgeCue({self[0]!r}, {self[1].pattern!r}, {self.kind!r})"


def _compile_cue(cue: str, pattern: str) -> re.Pattern[str]:
    """Case-insensitive, whole words only; an empty pattern means the cue text itself."""
    body = pattern or r"\s+".join(re.escape(w) for w in cue.split())
    if re.compile(f"(?:{body})", re.IGNORECASE).fullmatch(""):
        raise re.error("pattern matches the empty string")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


_CUE_START = "(?<!\\w)"  # how _compile_cue opens every cue pattern


def load_hedge_cues(path: str | Path | None = None) -> list[HedgeCue]:
    """Read a cue lexicon: CSV with columns ``cue,pattern,kind``.

    ``kind`` is one of :data:`CUE_KINDS`; ``pattern`` is a regular expression
    (empty: the cue words themselves), matched case-insensitively on whole words.
    Any problem raises :class:`InputError` naming the file and the row (the CSV
    line number, header = 1).
    """
    path = Path(path) if path is not None else DEFAULT_CUES_FILE
    where = f"hedge cue file {path}"
    if not path.is_file():
        raise InputError(f"{where}: not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from exc
    reader = csv.DictReader(text.splitlines())
    header = [(h or "").strip() for h in (reader.fieldnames or [])]
    missing = [c for c in CUE_COLUMNS if c not in header]
    if missing:
        raise InputError(f"{where}: row 1: missing column(s) {', '.join(missing)}")
    reader.fieldnames = header
    cues: list[HedgeCue] = []
    seen: set[str] = set()
    for row in reader:
        at = f"{where}: row {reader.line_num}"
        if None in row:
            raise InputError(f"{at}: more fields than the header has (quote patterns with commas)")
        cue = (row["cue"] or "").strip()
        pattern = (row["pattern"] or "").strip()
        kind = (row["kind"] or "").strip().lower()
        if not (cue or pattern or kind):
            continue
        if not cue:
            raise InputError(f"{at}: empty cue")
        if kind not in CUE_KINDS:
            known = ", ".join(CUE_KINDS)
            raise InputError(f"{at}: cue {cue!r}: kind {kind!r} is not one of {known}")
        if cue.casefold() in seen:
            raise InputError(f"{at}: cue {cue!r} is listed twice")
        try:
            rx = _compile_cue(cue, pattern)
        except re.error as exc:
            raise InputError(f"{at}: cue {cue!r}: bad regex {pattern!r}: {exc}") from exc
        seen.add(cue.casefold())
        cues.append(HedgeCue(cue, rx, kind))
    if not cues:
        raise InputError(f"{where}: no cues")
    return cues


@cache
def _default_cues() -> tuple[HedgeCue, ...]:
    return tuple(load_hedge_cues())
