"""Removal spans: which rule owns each character, and spans trimmed of whitespace.

Rules propose overlapping candidate spans; each character belongs to the first rule that
claimed it. Both steps work on span ends (a sweep with a heap, regex searches for the
next visible character), so their time grows with the number of spans, not with the
length of the text (a per-character loop took minutes on a 50 MB file).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from heapq import heappop, heappush

_NONSPACE = re.compile(r"\S")  # ``\s`` in a str pattern is exactly ``str.isspace``


def strip_span(raw: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without leading and trailing whitespace; ``(end, end)`` when all blank."""
    m = _NONSPACE.search(raw, start, end)
    if m is None:
        return end, end
    start = m.start()
    return start, start + len(raw[start:end].rstrip())


def paint(cands: list[tuple[int, int, str, str]]) -> list[tuple[int, int, int]]:
    """Who owns each character: ``(start, end, k)`` runs, ``k`` the first candidate covering them.

    A sweep over span ends (a heap of the candidates open at each point), so time grows
    with the number of spans, not with the length of the text.
    """
    bounds: dict[int, list[tuple[int, int]]] = {}
    for k, (s, e, _, _) in enumerate(cands):
        if e > s:
            bounds.setdefault(s, []).append((1, k))
            bounds.setdefault(e, []).append((0, k))
    runs: list[tuple[int, int, int]] = []
    open_: list[int] = []
    closed: set[int] = set()
    points = sorted(bounds)
    for p, nxt in zip(points, points[1:], strict=False):
        for opening, k in bounds[p]:
            if opening:
                heappush(open_, k)
            else:
                closed.add(k)
        while open_ and open_[0] in closed:
            heappop(open_)
        if not open_:
            continue
        k = open_[0]
        if runs and runs[-1][1] == p and runs[-1][2] == k:
            runs[-1] = (runs[-1][0], nxt, k)
        else:
            runs.append((p, nxt, k))
    return runs


def resolve(raw: str, cands: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping spans: each character belongs to the first rule that claimed it.

    A span runs on through whitespace (owned by anyone or no one) when the next visible
    character belongs to the same rule, so one rule's lines merge into one span.
    """
    runs = paint(cands)
    run_starts = [r[0] for r in runs]

    def owner(p: int) -> int | None:
        i = bisect_right(run_starts, p) - 1
        return runs[i][2] if i >= 0 and p < runs[i][1] else None

    spans = []
    n = len(raw)
    r = 0  # index of the first run that may still hold an unvisited character
    i = 0
    while r < len(runs):
        a, b, k = runs[r]
        if b <= i:
            r += 1
            continue
        i = max(i, a)
        j = i
        while j < n:
            at = bisect_right(run_starts, j) - 1
            if at >= 0 and j < runs[at][1] and runs[at][2] == k:
                j = runs[at][1]
                continue
            if not raw[j].isspace():
                break
            m = _NONSPACE.search(raw, j)
            if m is None or owner(m.start()) != k:
                break
            j = m.start()
        s, e = strip_span(raw, i, j)
        if e > s:
            spans.append((s, e, cands[k][2], cands[k][3]))
        i = j
    return spans
