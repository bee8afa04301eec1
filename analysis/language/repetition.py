"""Which of a source's sentences repeat: restatements of an earlier sentence, repeated claim mentions.

Also the check of the ``claim_mentions`` parameter, the raw spans of 2nd and later
mentions of a claim.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz, utils

from ..cleaning import CleanSource, Segment
from ..errors import InputError
from ..similar import earlier_matches
from ..textnorm import word_count

MIN_REPEAT_WORDS = 6


def _repeated_flags(
    sentences: Sequence[Segment],
    mention_spans: Iterable[tuple[int, int]] = (),
    threshold: float = 85.0,
) -> list[bool]:
    """Per sentence: does it restate an earlier sentence or repeat a claim mention?

    A restatement is a rapidfuzz ``token_set_ratio`` (lower-cased, punctuation
    stripped) of at least ``threshold`` against an earlier sentence, both sentences
    having at least ``MIN_REPEAT_WORDS`` words: token_set_ratio scores any subset as
    100, so a short sentence would otherwise "restate" every longer one holding its
    words. ``mention_spans`` are raw spans of 2nd+ claim mentions; each marks the
    sentence it overlaps most (the earliest on a tie).
    """
    flags = [False] * len(sentences)
    keys = [utils.default_process(s.text) for s in sentences]
    long_enough = [word_count(s.text) >= MIN_REPEAT_WORDS for s in sentences]
    for _, j, _ in earlier_matches(
        keys, threshold, limit=1, eligible=long_enough, nonzero=False,
        score=lambda i, j: fuzz.token_set_ratio(keys[j], keys[i], score_cutoff=threshold),
    ):
        flags[j] = True
    locate = _sentence_locator(sentences)
    for start, end in mention_spans:
        best = locate(start, end)
        if best is not None:
            flags[best] = True
    return flags


def _sentence_locator(sentences: Sequence[Segment]) -> Callable[[int, int], int | None]:
    """A function giving the sentence that overlaps raw ``[start, end)`` most (the earliest on a tie).

    Segmented sentences come in order and do not overlap, so the candidates are found by
    bisection; any other list is scanned whole.
    """
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    in_order = (all(s <= e for s, e in zip(starts, ends, strict=True))
                and all(e <= n for e, n in zip(ends, starts[1:], strict=False)))

    def locate(start: int, end: int) -> int | None:
        span = range(bisect_right(ends, start), bisect_left(starts, end)) if in_order else range(len(starts))
        best, best_overlap = None, 0
        for i in span:
            overlap = min(end, ends[i]) - max(start, starts[i])
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        return best

    return locate


def _check_mentions(
    claim_mentions: dict[str, list[tuple[int, int]]] | None, cleaned: Sequence[CleanSource]
) -> dict[str, list[tuple[int, int]]]:
    if not claim_mentions:
        return {}
    sizes = {c.source.id: len(c.source.raw) for c in cleaned}
    unknown = sorted(set(claim_mentions) - set(sizes))
    if unknown:
        raise InputError(f"parameter claim_mentions: unknown source id(s) {unknown}")
    out = {}
    for sid, spans in claim_mentions.items():
        checked = []
        for span in spans:
            try:
                start, end = (int(x) for x in span)
            except (TypeError, ValueError) as exc:
                raise InputError(
                    f"parameter claim_mentions: {sid}: span {span!r} is not (start, end)"
                ) from exc
            if not 0 <= start < end <= sizes[sid]:
                raise InputError(
                    f"parameter claim_mentions: {sid}: span {span!r} is outside the raw text "
                    f"(0..{sizes[sid]})"
                )
            checked.append((start, end))
        out[sid] = checked
    return out
