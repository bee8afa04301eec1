"""The kept text cut into paragraphs and sentences, every one with exact raw offsets.

Hard-wrapped lines are joined into paragraphs; sentences end at terminal punctuation
before a capital, except after a known abbreviation.
"""

from __future__ import annotations

import re

from ..spans import strip_span as _strip_span
from .lines import TERMINAL, Line

_ABBREV = re.compile(
    r"(?i)(?:\b(?:mr|mrs|ms|dr|prof|inc|corp|co|ltd|plc|st|jr|sr|no|vs|etc|e\.g|i\.e|u\.s|u\.k|approx|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.$"
)
_SENT_END = re.compile(r"(?<![.!?…])[.!?…]+[\"”’')\]]*(?=\s++[\"“‘(\[]?[A-Z0-9$€£])")


def split_sentences(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside raw[start:end], cut at terminal punctuation before a capital."""
    text = raw[start:end]
    spans, last = [], 0
    for m in _SENT_END.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 8) : m.start() + 1]):
            continue
        spans.append((last, m.end()))
        last = m.end()
    spans.append((last, len(text)))
    out = []
    for s, e in spans:
        s, e = _strip_span(raw, start + s, start + e)
        if e > s:
            out.append((s, e))
    return out


def _kept_pieces(lines: list[Line], spans: list[tuple[int, int, str, str]], raw: str) -> list[tuple]:
    """Per line, the parts no rule removed: (line_index, start, end, indented, cut_before)."""
    pieces = []
    k = 0
    for line in lines:
        cursor = line.start
        cut_before = False
        while k < len(spans) and spans[k][1] <= line.start:
            k += 1
        j = k
        while j < len(spans) and spans[j][0] < line.end:
            s, e = spans[j][0], spans[j][1]
            if s > cursor:
                ps, pe = _strip_span(raw, cursor, s)
                if pe > ps:
                    pieces.append((line.index, ps, pe, line.indented, cut_before))
            cursor = max(cursor, e)
            cut_before = True
            j += 1
        if cursor < line.end:
            ps, pe = _strip_span(raw, cursor, line.end)
            if pe > ps:
                pieces.append((line.index, ps, pe, line.indented, cut_before))
    return pieces


def _hard_wrapped(lines: list[Line]) -> bool:
    """Whether the page is hard-wrapped at a fixed width (a wire story reposted as printed): many
    of its lines stop mid-sentence and the next line goes on in lower case."""
    wraps = sum(1 for a, b in zip(lines, lines[1:], strict=False)
                if b.index == a.index + 1 and not a.text.endswith(TERMINAL)
                and 40 <= len(a.text) <= 100 and b.text[:1].islower())
    return wraps >= 3 and wraps * 4 >= len(lines)


def _paragraphs(pieces: list[tuple], raw: str, lines: list[Line] | None = None) -> list[tuple[int, int]]:
    """Join hard-wrapped lines (tab-indented runs, or mid-sentence breaks) into paragraphs.

    On a page wrapped at a fixed width, a full-width line that stops mid-sentence goes on in the
    next line whatever its first letter ("The U.S. Federal Trade" / "Commission said on
    Wednesday"), and a line's width is the raw line's (a dateline cut from it leaves it short)."""
    width = {x.index: len(x.text) for x in lines or []}
    wrapped_page = bool(lines) and _hard_wrapped(lines or [])
    paras: list[list[tuple]] = []
    for piece in pieces:
        if paras:
            prev = paras[-1][-1]
            adjacent = piece[0] == prev[0] + 1 and not piece[4]
            prev_text = raw[prev[1] : prev[2]]
            text = raw[piece[1] : piece[2]]
            wrapped_indent = prev[3] and piece[3]
            prev_width = width.get(prev[0], len(prev_text)) if wrapped_page else len(prev_text)
            # a ticker's bracket ends a wrapped line mid-sentence ("Synopsys ( SNPS )")
            open_end = not prev_text.endswith(TERMINAL) or (
                wrapped_page and prev_text.endswith(")") and not prev_text[:-1].rstrip().endswith((".", "!", "?")))
            wrapped_plain = open_end and 40 <= prev_width <= 100 and (
                text[:1].islower() or text[:1].isdigit()
                or (wrapped_page and (text[:1].isalpha() or text[:1] in "$€£(\"“‘'.…")))
            # a line opening with a comma or semicolon goes on with the sentence above (a scraped
            # link's text ends the line before it: "... Albertsons Companies Inc\n, Bloomberg ...")
            continued = not prev_text.endswith(TERMINAL) and text[:1] in ",;"
            if adjacent and (wrapped_indent or wrapped_plain or continued):
                paras[-1].append(piece)
                continue
        paras.append([piece])
    return [(p[0][1], p[-1][2]) for p in paras]
