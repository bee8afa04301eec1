"""What cleaning hands on: removed spans, kept paragraphs and sentences, the cleaned source.

Every later stage (claims, dating, language, ...) reads these, so they sit apart from
the code that makes them.
"""

from __future__ import annotations

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
