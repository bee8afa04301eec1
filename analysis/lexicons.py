"""Load the cue lexicons (CSV data files) that drive attribution, so users can swap them."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .errors import InputError
from .paths import DATA_DIR


def load_cues(path: str | Path | None, default: str, required: tuple[str, ...]) -> list[dict]:
    """Rows of a cue CSV with a compiled ``regex`` (from its ``pattern`` column).

    ``path`` None means the shipped ``data/<default>``. Errors name the file and row.
    """
    file = Path(path) if path else DATA_DIR / default
    if not file.is_file():
        raise InputError(f"lexicon {file}: not found")
    try:
        with file.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except UnicodeDecodeError as exc:
        raise InputError(f"lexicon {file}: not UTF-8 text") from exc
    if not rows:
        raise InputError(f"lexicon {file}: no rows")
    missing = [c for c in (*required, "pattern") if c not in rows[0]]
    if missing:
        raise InputError(f"lexicon {file}: missing column(s) {', '.join(missing)}")
    out = []
    for n, row in enumerate(rows, start=2):
        if None in row:  # csv puts the fields beyond the header under None: they were silently lost
            raise InputError(f"lexicon {file}: row {n}: more fields than the header has columns "
                             "(a comma in an unquoted field?)")
        try:
            regex = re.compile(row["pattern"])
        except re.error as exc:
            raise InputError(f"lexicon {file}: row {n}: bad regex: {exc}") from exc
        out.append({**row, "regex": regex})
    return out
