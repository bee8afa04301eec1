"""Finding hedging cues in a text: every match, each character counted once.

All cues are scanned in one pass (:func:`_cue_matches`) with the same result as one
``finditer`` per cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from .cues import _CUE_START, _default_cues


def _cue_kind(item: Sequence) -> tuple[str, re.Pattern[str], str]:
    kind = getattr(item, "kind", None) or (item[2] if len(item) > 2 else None)
    if kind is None:
        raise TypeError(f"hedge cue {item!r} has no kind; use load_hedge_cues()")
    return item[0], item[1], kind


def hedge_spans(
    text: str, cues: Iterable[Sequence] | None = None
) -> list[tuple[int, int, str, str]]:
    """Hedging cues in ``text``: ``(start, end, cue, kind)`` sorted by position.

    Offsets index ``text``. Overlapping matches are resolved so that every character
    counts once: the earliest match wins, then the longest, then the cue listed first.
    """
    table = [_cue_kind(c) for c in (_default_cues() if cues is None else cues)]
    hits = []
    for order, m in _cue_matches(text, [rx for _, rx, _ in table]):
        if m.end() > m.start():
            cue, _, kind = table[order]
            hits.append((m.start(), -(m.end() - m.start()), order, m.end(), cue, kind))
    hits.sort()
    out: list[tuple[int, int, str, str]] = []
    last_end = -1
    for start, _, _, end, cue, kind in hits:
        if start >= last_end:
            out.append((start, end, cue, kind))
            last_end = end
    return out


def _cue_matches(text: str, patterns: list[re.Pattern[str]]) -> Iterator[tuple[int, re.Match[str]]]:
    """``(k, match)`` for every match of ``patterns[k].finditer(text)``, for all ``k``.

    Scanning a long text once per cue costs ~1 s per MB. One pass of a single lookahead
    over all cues, tried only where a word may start, finds the positions where some cue
    matches; each cue is then matched there, skipping positions inside its own previous
    match, exactly as ``finditer`` would. Cues this cannot mirror (capturing groups,
    other flags, empty matches) are scanned on their own.
    """
    alone = [k for k, rx in enumerate(patterns) if rx.groups or rx.flags != re.IGNORECASE | re.UNICODE
             or not rx.pattern.startswith(_CUE_START)]
    joint = [k for k in range(len(patterns)) if k not in alone]
    combined = None
    if joint:
        try:
            combined = re.compile(_CUE_START + "(?=" + "|".join(f"(?:{patterns[k].pattern})" for k in joint) + ")",
                                  re.IGNORECASE)
        except re.error:
            alone, joint = list(range(len(patterns))), []
    if combined is not None:
        free_from = dict.fromkeys(joint, 0)
        found: dict[int, list[re.Match[str]]] = {k: [] for k in joint}
        for q in (m.start() for m in combined.finditer(text)):
            for k in joint:
                if q < free_from[k] or k in alone:
                    continue
                m = patterns[k].match(text, q)
                if m is None:
                    continue
                if m.end() == q:  # an empty match: finditer's stepping rules apply; scan it alone
                    alone.append(k)
                    continue
                free_from[k] = m.end()
                found[k].append(m)
        for k in joint:
            if k not in alone:
                yield from ((k, m) for m in found[k])
    for k in alone:
        for m in patterns[k].finditer(text):
            yield k, m
