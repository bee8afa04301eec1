"""What cleaning hands on: removed spans, kept paragraphs and sentences, the cleaned source.

Every later stage (claims, dating, language, ...) reads these, so they sit apart from
the code that makes them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..corpus import Source


@dataclass(frozen=True)
class Removal:
    source_id: str
    start: int
    end: int
    rule: str
    action: str
    text: str


@dataclass(frozen=True)
class Segment:
    """A kept paragraph or sentence: raw offsets plus normalised text."""

    source_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = -1


@dataclass
class CleanSource:
    source: Source
    removals: list[Removal]
    paragraphs: list[Segment]
    sentences: list[Segment]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def clean_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


def sentence_finder(cs: CleanSource) -> Callable[[int], Segment | None]:
    """The kept sentence holding a raw offset, found by bisection: a scan per figure made the
    claims of one long article grow with the square of its length."""
    starts = [s.start for s in cs.sentences]

    def at(pos: int) -> Segment | None:
        i = bisect_right(starts, pos) - 1
        return cs.sentences[i] if i >= 0 and pos < cs.sentences[i].end else None

    return at

