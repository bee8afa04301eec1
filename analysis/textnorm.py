"""Text normalisation for output text; raw offsets are kept by the caller.

Normalisation never runs before segmentation: segments are cut from the raw text
(so their offsets are exact), and only their displayed text is normalised.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Repair mojibake (ftfy), compose Unicode (NFC) and fold whitespace runs to one space."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True)
    return _WS.sub(" ", unicodedata.normalize("NFC", fixed)).strip()


def fold(text: str) -> str:
    """A comparison key: normalised, case-folded, punctuation-light."""
    return re.sub(r"[^\w%$€£]+", " ", normalize(text).casefold()).strip()


def word_count(text: str) -> int:
    return len(re.findall(r"[\w$€£%][\w'’.,%-]*", text))
