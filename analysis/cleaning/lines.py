"""The raw file's non-blank lines, each with stripped raw offsets, and the marks that end a line.

Line rules, heuristics, segmentation and the dating readers all work on these lines.
"""

from __future__ import annotations

from dataclasses import dataclass

TERMINAL = tuple('.!?…:"”’)]')


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str  # raw[start:end]
    indented: bool


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with stripped raw offsets."""
    out = []
    pos = 0
    for n, chunk in enumerate(raw.splitlines(keepends=True)):
        body = chunk.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            start = pos + lead
            out.append(Line(n, start, start + len(stripped), stripped, lead > 0))
        pos += len(chunk)
    return out
