"""The kept text cut into paragraphs and sentences, every one with exact raw offsets.

Hard-wrapped lines are joined into paragraphs; sentences end at terminal punctuation
before a capital, except after a known abbreviation.
"""

from __future__ import annotations

import re

from ..spans import strip_span as _strip_span
from .lines import TERMINAL, Line

_ABBREV = re.compile(
    r"(?i)(?:\b(?:mr|mrs|ms|dr|prof|inc|corp|co|ltd|plc|st|jr|sr|no|vs|etc|e\.g|i\.e|u\.s|u\.k|approx|rs|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.$"
)
_SENT_END = re.compile(r"(?<![.!?…])[.!?…]+[\"”’')\]]*(?=\s++[\"“‘(\[]?[A-Z0-9$€£])"
                       # two sentences a scrape fused ("their intentions.In September 2005, X ...")
                       r"|(?<=[a-z]{2}[.!?])(?=(?:In|On|At|The|This|That|It|He|She|They|We|But|And|As|After|"
                       r"Before|Since|When|While|Its|His|Her|Their|A|An)\s)")


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


def _wrapped_lines(lines: list[Line]) -> set[int]:
    """The lines of a page hard-wrapped at a fixed width (a wire story reposted as printed) that
    may go on in a line opening with a capital: a page is wrapped when three or more of its lines,
    most of one width, stop mid-sentence and go on in lower case, and then a line as wide as those,
    in a run of lines holding such a break, goes on too ("The U.S. Federal Trade" / "Commission
    said ..."). A headline or byline apart from the wrapped runs, or narrower, stays apart."""
    breaks = [a for a, b in zip(lines, lines[1:], strict=False)
              if b.index == a.index + 1 and not a.text.endswith(TERMINAL)
              and 40 <= len(a.text) <= 100 and b.text[:1].islower()]
    if len(breaks) < 3:
        return set()
    widths = sorted(len(a.text) for a in breaks)
    wrap = widths[len(widths) // 2]
    if sum(abs(w - wrap) <= 0.2 * wrap for w in widths) < 0.8 * len(widths):
        return set()  # breaks of many widths: links splitting lines, not a fixed wrap
    broken = {a.index for a in breaks}
    out: set[int] = set()
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and run and line.index == run[-1].index + 1:
            run.append(line)
            continue
        if any(x.index in broken for x in run):
            out |= {x.index for x in run if len(x.text) >= 0.8 * wrap}
        run = [line] if line is not None else []
    return out


def _paragraphs(pieces: list[tuple], raw: str, lines: list[Line]) -> list[tuple[int, int]]:
    """Join hard-wrapped lines (tab-indented runs, or mid-sentence breaks) into paragraphs.

    On a page wrapped at a fixed width, a full-width line that stops mid-sentence goes on in the
    next line whatever its first letter ("The U.S. Federal Trade" / "Commission said on
    Wednesday"), and a line's width is the raw line's (a dateline cut from it leaves it short)."""
    width = {x.index: len(x.text) for x in lines}
    wrapped = _wrapped_lines(lines)
    bridged = _bridged(pieces, raw, lines)
    paras: list[list[tuple]] = []
    for piece in pieces:
        if paras and piece[0] in bridged:
            paras[-1].append(piece)
            continue
        if paras:
            prev = paras[-1][-1]
            adjacent = piece[0] == prev[0] + 1 and not piece[4]
            prev_text = raw[prev[1] : prev[2]]
            text = raw[piece[1] : piece[2]]
            wrapped_indent = prev[3] and piece[3]
            wrapped_line = prev[0] in wrapped
            prev_width = width.get(prev[0], len(prev_text)) if wrapped else len(prev_text)
            # a ticker's bracket ends a wrapped line mid-sentence ("Synopsys ( SNPS )")
            open_end = not prev_text.endswith(TERMINAL) or (
                wrapped_line and prev_text.endswith(")") and not prev_text[:-1].rstrip().endswith((".", "!", "?")))
            wrapped_plain = open_end and 40 <= prev_width <= 100 and (
                text[:1].islower() or text[:1].isdigit()
                or (wrapped_line and (text[:1].isalpha() or text[:1] in "$€£(\"“‘'.…")))
            # a line opening with a comma or semicolon goes on with the sentence above (a scraped
            # link's text ends the line before it: "... Albertsons Companies Inc\n, Bloomberg ...")
            continued = not prev_text.endswith(TERMINAL) and text[:1] in ",;"
            if adjacent and (wrapped_indent or wrapped_plain or continued):
                paras[-1].append(piece)
                continue
        paras.append([piece])
    return [(p[0][1], p[-1][2]) for p in paras]


#: How a piece opens when it goes on with the sentence above: a lower-case word (not a name such
#: as "eBay" or "iPhone") or a stop or comma left on its own line.
_GOES_ON = re.compile(r"[a-z][a-z'’-]*(?![\w'’-]*[A-Z])\b|[.,;](?:\s|$)")
_BLANK_GAP = 6


def _bridged(pieces: list[tuple], raw: str, lines: list[Line]) -> set[int]:
    """Lines that go on with the sentence above across blank lines.

    Some scrapes put each link or span of a sentence on its own line between blank lines
    ("Intel Corp" / "." / "agreed to buy Israeli company" / "Tower Semiconductor" / "for $5.4
    billion as it looks ..."), others double-space a hard-wrapped story: a piece that opens in
    lower case (or with a lone stop or comma) after an unfinished line, with only blank lines
    between, goes on with it; so does a short name between two such pieces."""
    present = {x.index for x in lines}

    def only_blank_between(a: int, b: int) -> bool:
        return 1 < b - a <= _BLANK_GAP and not any(i in present for i in range(a + 1, b))

    def unfinished(text: str) -> bool:
        return not text.endswith(TERMINAL) or bool(_ABBREV.search(text[-9:]))

    out: set[int] = set()
    for i in range(1, len(pieces)):
        prev, piece = pieces[i - 1], pieces[i]
        if piece[4] or not only_blank_between(prev[0], piece[0]):
            continue
        prev_text, text = raw[prev[1]:prev[2]], raw[piece[1]:piece[2]]
        if prev[0] in out:  # "Intel Corp" / "." reads as "Intel Corp."
            prev_text = " ".join(raw[pieces[i - 2][1]:prev[2]].split()).replace(" .", ".")
        if not unfinished(prev_text):
            continue
        if _GOES_ON.match(text):
            out.add(piece[0])
            continue
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if (nxt is not None and len(text.split()) <= 4 and not text.endswith(TERMINAL)
                and prev_text[-1:].islower() and not nxt[4] and only_blank_between(piece[0], nxt[0])
                and _GOES_ON.match(raw[nxt[1]:nxt[2]])):
            out.add(piece[0])  # "agreed to buy Israeli company" / "Tower Semiconductor" / "for $5.4 billion"
    return out
