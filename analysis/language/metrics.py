"""The language table: one row per source of readability, hedging and repetition figures.

Its entry point :func:`language_metrics` shares the sources out to worker processes;
the table is the same however many there are.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd

from ..cleaning import CleanSource
from ..errors import InputError
from ..parallel import Workers, map_sources
from ..readability import READABILITY, forget_texts, readability
from .cues import CUE_KINDS, _default_cues
from .hedging import hedge_spans
from .repetition import _check_mentions, _repeated_flags


def columns() -> list[str]:
    """The columns of :func:`language_metrics`, in their fixed order."""
    cols = ["source_id", "label"]
    for prefix in ("raw", "clean"):
        cols += [f"{prefix}_{name}" for name in READABILITY]
    cols += ["hedges", "hedges_per_1000_words"]
    cols += [f"{kind}_per_1000_words" for kind in CUE_KINDS]
    cols += ["repeated_sentences", "repetition_share", "top_hedges"]
    return cols


def _per_1000(count: int, words: int) -> float:
    return 1000 * count / words if words else math.nan


def _top_hedges(spans: list[tuple[int, int, str, str]], order: dict[str, int], n: int = 3) -> str:
    counts = Counter(cue for _, _, cue, _ in spans)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
    return ", ".join(f"{cue} ({k})" for cue, k in ranked[:n])


def language_metrics(
    cleaned: Sequence[CleanSource],
    claim_mentions: dict[str, list[tuple[int, int]]] | None = None,
    cues: Iterable[Sequence] | None = None,
    repeat_threshold: float = 85.0,
    jobs: int | Workers = 1,
) -> pd.DataFrame:
    """One row per source, columns as :func:`columns`, floats rounded to 2 decimals.

    - ``raw_*`` / ``clean_*``: textstat words, sentences and readability of the raw
      file and of the cleaned text (scores NaN for a text without words);
    - ``hedges``: cue matches in the cleaned text (:func:`hedge_spans`), also per
      1,000 cleaned words, overall and per cue kind; ``top_hedges``: the 3 most
      frequent cues as ``"cue (n)"``;
    - ``repeated_sentences`` / ``repetition_share``: how many of the source's
      segmented sentences (``CleanSource.sentences``) restate an earlier one
      (``token_set_ratio >= repeat_threshold``) or hold a repeated claim mention, and
      their share of all its sentences. ``claim_mentions`` maps source id to raw
      ``(start, end)`` spans of the 2nd and later mentions of a claim.

    ``jobs`` worker processes share the sources out; the table is the same either way.
    """
    if not 0 <= repeat_threshold <= 100:
        raise InputError(f"parameter repeat_threshold: {repeat_threshold} is not in 0..100")
    cue_list = list(_default_cues() if cues is None else cues)
    order = {c[0]: i for i, c in enumerate(cue_list)}
    mentions = _check_mentions(claim_mentions, cleaned)
    work = [(c, mentions.get(c.source.id, ())) for c in cleaned]
    rows = map_sources(_source_row, work, jobs, (cue_list, order, repeat_threshold))
    df = pd.DataFrame(rows, columns=columns())
    counts = [f"{p}_{k}" for p in ("raw", "clean") for k in ("words", "sentences")]
    counts += ["hedges", "repeated_sentences"]
    df[counts] = df[counts].astype("int64")
    floats = [col for col in df.columns if col not in counts + ["source_id", "label", "top_hedges"]]
    df[floats] = df[floats].astype("float64").round(2)
    return df


def _source_row(item: tuple[CleanSource, Sequence[tuple[int, int]]], cue_list: list, order: dict[str, int],
                repeat_threshold: float) -> dict[str, object]:
    """One source's row of :func:`language_metrics` (module level: worker processes run it)."""
    c, mention_spans = item
    row: dict[str, object] = {"source_id": c.source.id, "label": c.source.label}
    clean_text = c.clean_text
    for prefix, text in (("raw", c.source.raw), ("clean", clean_text)):
        row |= {f"{prefix}_{k}": v for k, v in readability(text).items()}
    forget_texts()  # textstat would otherwise keep both texts' word lists
    words = int(row["clean_words"])
    spans = hedge_spans(clean_text, cue_list)
    by_kind = Counter(kind for _, _, _, kind in spans)
    row["hedges"] = len(spans)
    row["hedges_per_1000_words"] = _per_1000(len(spans), words)
    for kind in CUE_KINDS:
        row[f"{kind}_per_1000_words"] = _per_1000(by_kind[kind], words)
    flags = _repeated_flags(c.sentences, mention_spans, repeat_threshold)
    row["repeated_sentences"] = sum(flags)
    row["repetition_share"] = sum(flags) / len(flags) if flags else math.nan
    row["top_hedges"] = _top_hedges(spans, order)
    return row
