"""Score the cleaner and the claim extractor against hand-labelled fixtures.

``python -m analysis evaluate --corpus DIR --labels DIR`` prints the scores; the
tests hold them to the thresholds the issues set.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .cleaning import CleanSource
from .corpus import Corpus
from .errors import InputError


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    tp: int
    fp: int
    fn: int


def _score(tp: int, fp: int, fn: int) -> Score:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return Score(p, r, tp, fp, fn)


def label_mask(raw: str, rows: list[dict[str, str]]) -> list[bool]:
    """Characters of ``raw`` that the labels mark as not-story (boilerplate or metadata)."""
    mask = [False] * len(raw)
    for row in rows:
        text, occ = row["text"], row.get("occurrence", "all").strip() or "all"
        starts, pos = [], 0
        while (i := raw.find(text, pos)) >= 0:
            starts.append(i)
            pos = i + max(1, len(text))
        if not starts:
            raise InputError(f"label text not found in source {row['source_id']}: {text[:60]!r}")
        chosen = starts if occ == "all" else [starts[int(occ) - 1]]
        for s in chosen:
            for k in range(s, s + len(text)):
                mask[k] = True
    return mask


def read_labels(path: Path) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["source_id"], []).append(row)
    return out


def cleaning_scores(
    corpus: Corpus, cleaned: list[CleanSource], labels: dict[str, list[dict[str, str]]]
) -> dict[str, Score]:
    """Character-level precision/recall of removal per source and overall ("*").

    Whitespace is not scored. Also reports, per source, labelled-story sentences lost.
    """
    totals = [0, 0, 0]
    out: dict[str, Score] = {}
    for cs in cleaned:
        raw = cs.source.raw
        truth = label_mask(raw, labels.get(cs.source.id, []))
        pred = [False] * len(raw)
        for r in cs.removals:
            for k in range(r.start, r.end):
                pred[k] = True
        tp = fp = fn = 0
        for ch, t, p in zip(raw, truth, pred, strict=True):
            if ch.isspace():
                continue
            tp += t and p
            fp += p and not t
            fn += t and not p
        out[cs.source.id] = _score(tp, fp, fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    out["*"] = _score(*totals)
    return out


def lost_story(cleaned: list[CleanSource], labels: dict[str, list[dict[str, str]]]) -> list[str]:
    """Removed spans that contain labelled story text (not whitespace): should be none."""
    lost = []
    for cs in cleaned:
        truth = label_mask(cs.source.raw, labels.get(cs.source.id, []))
        for r in cs.removals:
            story = [c for k, c in enumerate(cs.source.raw[r.start : r.end], r.start)
                     if not truth[k] and not c.isspace()]
            if len(story) > 0:
                lost.append(f"{cs.source.id} [{r.rule}] {''.join(story)[:80]!r}")
    return lost
