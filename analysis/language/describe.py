"""Plain-English sentences that read the language table (:func:`reading`), for the report.

Nothing here computes a metric; ties name every tied source and a missing metric is
said to be unavailable.
"""

from __future__ import annotations

import pandas as pd

from ..errors import InputError

_READING_COLUMNS = (
    "raw_flesch_reading_ease", "clean_flesch_reading_ease", "hedges_per_1000_words",
    "repetition_share",
)


def _names(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _who(df: pd.DataFrame, col: str, value: float) -> tuple[str, int]:
    """The label(s) of the rows whose ``col`` equals ``value``, and how many."""
    hit = df.loc[df[col] == value, "_name"].tolist()
    return _names(hit), len(hit)


def _num(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def _verb(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def reading(df: pd.DataFrame) -> list[str]:
    """3-5 plain-English sentences that read the numbers of :func:`language_metrics`.

    Sources are named by ``label`` (else ``source_id``); ties name every tied source;
    a metric with no value for any source is said to be unavailable.
    """
    missing = [c for c in _READING_COLUMNS if c not in df.columns]
    if missing:
        raise InputError(f"reading(): the frame lacks column(s) {', '.join(missing)}")
    if df.empty:
        return ["There are no sources to describe."]
    df = df.copy()
    names = pd.Series(df.index.astype(str), index=df.index)
    for col in ("source_id", "label"):  # the label when there is one, else the id
        if col in df.columns:
            given = df[col].fillna("").astype(str).str.strip()
            names = given.where(given != "", names)
    df["_name"] = names
    return [
        _read_flesch(df), _read_hedging(df), _read_repetition(df), _read_cleaning(df)
    ]


def _read_flesch(df: pd.DataFrame) -> str:
    col = "clean_flesch_reading_ease"
    vals = df[col].dropna()
    if vals.empty:
        return "No source has enough text for a Flesch reading ease score."
    hi, lo = vals.max(), vals.min()
    hi_names, n_hi = _who(df, col, hi)
    if len(df) == 1:
        return (f"{hi_names} scores {_num(hi)} on Flesch reading ease after cleaning "
                "(higher is easier to read).")
    if hi == lo:
        return (f"All {len(vals)} sources score the same Flesch reading ease after cleaning "
                f"({_num(hi)}; higher is easier to read).")
    lo_names, _ = _who(df, col, lo)
    most = f"{hi_names} {_verb(n_hi, 'is', 'tie as')} the most readable"
    return (f"{most} (Flesch reading ease {_num(hi)} after cleaning; higher is easier) "
            f"and {lo_names} the least ({_num(lo)}).")


def _read_hedging(df: pd.DataFrame) -> str:
    col = "hedges_per_1000_words"
    vals = df[col].dropna()
    if vals.empty:
        return "No source has words enough to measure hedging."
    hi, lo = vals.max(), vals.min()
    hi_names, n_hi = _who(df, col, hi)
    if len(vals) == 1:
        return f"{hi_names} uses {_num(hi)} hedging cues per 1,000 words."
    if hi == lo:
        return (f"All {len(vals)} sources hedge at the same rate, "
                f"{_num(hi)} cues per 1,000 words.")
    lo_names, n_lo = _who(df, col, lo)
    head = (f"{hi_names} {_verb(n_hi, 'is', 'are')} the most hedged, with {_num(hi)} "
            "hedging cues per 1,000 words")
    if lo == 0:
        return f"{head}, while {lo_names} {_verb(n_lo, 'uses', 'use')} none."
    factor = hi / lo
    times = "slightly more than" if factor < 1.05 else f"{_num(factor)} times"
    few = df.loc[df[col] == lo, "hedges"].min() if "hedges" in df else 5
    caution = (f" (the lower rate rests on only {int(few)} cue{'s' if few != 1 else ''}, so the "
               "ratio is rough)") if few < 5 else ""
    return f"{head}, {times} the {_num(lo)} of {lo_names}{caution}."


def _read_repetition(df: pd.DataFrame) -> str:
    col = "repetition_share"
    vals = df[col].dropna()
    if vals.empty:
        return "No source has sentences to check for repetition."
    hi = vals.max()
    if hi == 0:
        return ("No source restates an earlier sentence of its own or repeats a claim "
                "it already made.")
    hi_names, n_hi = _who(df, col, hi)
    pct = f"{hi * 100:.0f}%"
    if len(vals) > 1 and hi == vals.min():
        return (f"All {len(vals)} sources repeat themselves equally: {pct} of their sentences "
                "restate an earlier sentence or claim.")
    whose = _verb(n_hi, "its", "their")
    verb = _verb(n_hi, "repeats itself", "repeat themselves")
    most = " most" if len(vals) > 1 else ""
    return (f"{hi_names} {verb}{most}: {pct} of {whose} sentences restate an earlier "
            "sentence or claim.")


def _read_cleaning(df: pd.DataFrame) -> str:
    both = df[["raw_flesch_reading_ease", "clean_flesch_reading_ease"]].dropna()
    if both.empty:
        return "Cleaning's effect on readability cannot be measured: no text has a score."
    raw = round(both["raw_flesch_reading_ease"].mean(), 1)
    clean = round(both["clean_flesch_reading_ease"].mean(), 1)
    diff = round(clean - raw, 1)  # from the rounded means, so the sentence adds up
    scope = "for the source" if len(both) == 1 else f"on average across the {len(both)} sources"
    if diff == 0:
        return f"Removing boilerplate left Flesch reading ease unchanged {scope} ({_num(raw)})."
    way = "raised" if diff > 0 else "lowered"
    return (f"Removing boilerplate {way} Flesch reading ease by {_num(abs(diff))} points {scope} "
            f"(raw {_num(raw)}, cleaned {_num(clean)}).")
