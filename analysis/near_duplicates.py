"""Flag near-duplicate paragraphs within and across sources (flagged, never deleted)."""

from __future__ import annotations

import pandas as pd
from rapidfuzz import fuzz

from .cleaning import CleanSource
from .textnorm import fold, word_count

COLUMNS = ["source_a", "paragraph_a", "source_b", "paragraph_b", "scope", "score", "text_a",
           "text_b"]


def near_duplicates(cleaned: list[CleanSource], threshold: float = 75.0, min_words: int = 12
                    ) -> pd.DataFrame:
    """Pairs of kept paragraphs whose token-set similarity reaches ``threshold``.

    A summary paragraph restating the body, or two outlets running the same wire copy,
    show up here so a reader can discount the repetition.
    """
    paras = [(cs.source.id, p.index, p.text, fold(p.text), word_count(p.text))
             for cs in cleaned for p in cs.paragraphs if word_count(p.text) >= min_words]
    rows = []
    for i, (sa, pa, ta, fa, na) in enumerate(paras):
        for sb, pb, tb, fb, nb in paras[i + 1 :]:
            if min(na, nb) < 0.4 * max(na, nb):
                continue  # a short paragraph trivially "matches" any long one by token set
            score = fuzz.token_set_ratio(fa, fb, score_cutoff=threshold)
            if score:
                rows.append({
                    "source_a": sa, "paragraph_a": pa, "source_b": sb, "paragraph_b": pb,
                    "scope": "within" if sa == sb else "across", "score": round(score, 1),
                    "text_a": ta[:200], "text_b": tb[:200],
                })
    return pd.DataFrame(rows, columns=COLUMNS)
