"""Flag near-duplicate paragraphs within and across sources (flagged, never deleted)."""

from __future__ import annotations

import pandas as pd

from .cleaning import CleanSource
from .similar import earlier_matches
from .textnorm import fold, word_count

COLUMNS = ["source_a", "paragraph_a", "source_b", "paragraph_b", "scope", "score", "text_a",
           "text_b"]
# A paragraph is listed against at most this many earlier paragraphs (the first ones): wire
# copy run by a hundred outlets gives a hundred rows per paragraph, not five thousand.
MAX_EARLIER = 5


def near_duplicates(cleaned: list[CleanSource], threshold: float = 75.0, min_words: int = 12,
                    max_earlier: int | None = MAX_EARLIER) -> pd.DataFrame:
    """Pairs of kept paragraphs whose token-set similarity reaches ``threshold``.

    A summary paragraph restating the body, or two outlets running the same wire copy,
    show up here so a reader can discount the repetition. Each paragraph is paired with
    the first ``max_earlier`` earlier paragraphs (corpus order) it nearly duplicates; the
    search is blocked on shared rare words (:mod:`analysis.similar`), not all pairs.
    """
    paras = [(cs.source.id, p.index, p.text, n)
             for cs in cleaned for p in cs.paragraphs if (n := word_count(p.text)) >= min_words]
    keys = [fold(text) for _, _, text, _ in paras]
    # a short paragraph trivially "matches" any long one by token set: sizes within 2.5x
    pairs = sorted(earlier_matches(keys, threshold, max_earlier, sizes=[n for *_, n in paras],
                                   size_ratio=0.4))
    rows = [(paras[i][0], paras[i][1], paras[j][0], paras[j][1],
             "within" if paras[i][0] == paras[j][0] else "across", round(score, 1),
             paras[i][2][:200], paras[j][2][:200]) for i, j, score in pairs]
    return pd.DataFrame(rows, columns=COLUMNS)
