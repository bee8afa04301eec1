"""Where each rule matches a source: the candidate spans to remove, in rule order.

Overlaps are left to :func:`analysis.spans.resolve` (earlier rules win).
"""

from __future__ import annotations

from ..corpus import Source
from ..spans import strip_span as _strip_span
from .heuristics import HEURISTICS
from .lines import Line
from .rules import Rule


def _find_removals(
    source: Source, lines: list[Line], rules: list[Rule], corpus_counts: dict
) -> list[tuple[int, int, str, str]]:
    """Candidate spans (start, end, rule, action) in rule order; earlier rules win overlaps."""
    raw = source.raw
    cands: list[tuple[int, int, str, str]] = []
    for rule in rules:
        if rule.kind == "line":
            rx = rule.regex()
            cands += [(ln.start, ln.end, rule.id, rule.action) for ln in lines if rx.fullmatch(ln.text)]
        elif rule.kind == "span":
            for m in rule.regex().finditer(raw):
                s, e = _strip_span(raw, m.start(), m.end())
                if e > s:
                    cands.append((s, e, rule.id, rule.action))
        elif rule.kind == "tail":
            floor = int(len(raw) * 0.6)
            m = next((m for m in rule.regex().finditer(raw) if m.start() >= floor), None)
            if m:
                s, e = _strip_span(raw, m.start(), len(raw))
                cands.append((s, e, rule.id, rule.action))
        else:
            for hit in HEURISTICS[rule.pattern](source, lines, corpus_counts):
                s, e, name = hit[0], hit[1], hit[2] or rule.id
                action = hit[3] if len(hit) > 3 else rule.action
                cands.append((s, e, name, action))
    return cands
