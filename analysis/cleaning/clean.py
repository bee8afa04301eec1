"""Cleaning one source and the whole corpus: removals, metadata, paragraphs and sentences.

The entry points of the stage (:func:`clean_source`, :func:`clean_corpus`); they put
together the lines, the rule matches and the segmentation of the other modules.
"""

from __future__ import annotations

from collections import Counter

from ..corpus import Corpus, Source
from ..parallel import Workers, map_sources
from ..spans import resolve as _resolve
from ..textnorm import fold, normalize
from .lines import split_lines
from .model import CleanSource, Removal, Segment
from .removals import _find_removals
from .rules import Rule
from .segments import _kept_pieces, _paragraphs, split_sentences


def _metadata(source: Source, spans: list[tuple[int, int, str, str]]) -> dict[str, str]:
    raw = source.raw
    meta: dict[str, list[str]] = {}
    for s, e, rule, action in spans:
        if action != "metadata":
            continue
        text = normalize(raw[s:e])
        key = {
            "byline": "author", "byline_block": "author", "credits_line": "credits",
            "dateline": "dateline", "update_note": "update_note", "updated_stamp": "updated",
            "date_stamp": "date_stamp", "kicker": "kicker",
            "outlet_relative_date": "relative_date",
        }.get(rule, rule)
        meta.setdefault(key, []).append(text)
    return {k: " | ".join(v) for k, v in sorted(meta.items())}


def clean_source(source: Source, rules: list[Rule], corpus_counts: dict | None = None) -> CleanSource:
    """Clean one article (``corpus_counts``: how many sources hold each folded line)."""
    raw = source.raw
    lines = split_lines(raw)
    spans = _resolve(raw, _find_removals(source, lines, rules, corpus_counts or {}))
    removals = [Removal(source.id, s, e, r, a, raw[s:e]) for s, e, r, a in spans]
    paragraphs, sentences = [], []
    for p_idx, (ps, pe) in enumerate(_paragraphs(_kept_pieces(lines, spans, raw), raw, lines)):
        paragraphs.append(Segment(source.id, p_idx, ps, pe, normalize(raw[ps:pe]), p_idx))
        for ss, se in split_sentences(raw, ps, pe):
            sentences.append(Segment(source.id, len(sentences), ss, se, normalize(raw[ss:se]), p_idx))
    return CleanSource(source, removals, paragraphs, sentences, _metadata(source, spans))


def corpus_line_counts(corpus: Corpus) -> dict[str, int]:
    """In how many sources each folded line occurs (for cross-source repetition)."""
    counts: Counter[str] = Counter()
    for src in corpus.sources:
        counts.update({fold(line.text) for line in split_lines(src.raw)})
    return dict(counts)


def clean_corpus(corpus: Corpus, rules: list[Rule], jobs: int | Workers = 1) -> list[CleanSource]:
    """Every source cleaned, in corpus order (``jobs`` worker processes; same result)."""
    counts = corpus_line_counts(corpus)
    return map_sources(clean_source, corpus.sources, jobs, (rules, counts))
