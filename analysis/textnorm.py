"""Text normalisation for output text; raw offsets are kept by the caller.

Normalisation never runs before segmentation: segments are cut from the raw text
(so their offsets are exact), and only their displayed text is normalised.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE

_WS = re.compile(r"\s+")
_FOLD = re.compile(r"[^\w%$€£]+")
_WORD = re.compile(r"[\w$€£%][\w'’.,%-]*")

# Characters none of ftfy's fixers touches on their own: tab, newline, printable ASCII
# except "&" (HTML entities), Latin-1 letters and signs (not the C1 controls), general
# punctuation (quotes, dashes, bullets, ellipsis; not the line/paragraph separators
# U+2028/9 nor the invisible U+206A-F) and currency signs. Only mojibake detection can
# change such text, and ftfy asks ``is_bad`` first, segment by segment, exactly as here.
_FTFY_INERT = re.compile(r"[\t\n\x20-\x25\x27-\x7e\xa0-\xff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*")
_ASCII_INERT = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*")
_MAX_SEGMENT = ftfy.TextFixerConfig().max_decode_length
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_BAD_REACH = 6  # the longest match of ftfy's BADNESS_RE is 7 characters


def _looks_bad(segment: str) -> bool:
    """``ftfy.badness.is_bad(segment)`` for non-ASCII text, scanning only near non-ASCII characters.

    Every alternative of ftfy's badness pattern needs a non-ASCII character and matches at
    most 7 characters (tests check both), so a match lies within 6 characters of one;
    ``search(pos, endpos)`` keeps ``^`` meaning the start of the segment, as in ftfy.
    """
    n = len(segment)
    for m in _NON_ASCII.finditer(segment):
        if BADNESS_RE.search(segment, max(0, m.start() - _BAD_REACH), min(n, m.end() + _BAD_REACH)):
            return True
    return False


def _ftfy_leaves_alone(text: str) -> bool:
    """True when ``ftfy.fix_text`` would return ``text`` unchanged (checked the way ftfy checks)."""
    if text.isascii():
        return _ASCII_INERT.fullmatch(text) is not None
    if not _FTFY_INERT.fullmatch(text):
        return False
    pos = 0
    while pos < len(text):
        brk = text.find("\n", pos) + 1 or len(text)
        brk = min(brk, pos + _MAX_SEGMENT)
        segment = text[pos:brk]
        if not segment.isascii() and _looks_bad(segment):  # ftfy skips ASCII segments too
            return False
        pos = brk
    return True


def normalize(text: str) -> str:
    """Repair mojibake (ftfy), compose Unicode (NFC) and fold whitespace runs to one space.

    ftfy costs ~0.1 ms a call even on clean text; text it would leave alone skips it
    (same result, tested against ftfy), which keeps a 50 MB file to seconds.
    """
    fixed = text if _ftfy_leaves_alone(text) else ftfy.fix_text(
        text, uncurl_quotes=False, fix_line_breaks=True)
    return _WS.sub(" ", unicodedata.normalize("NFC", fixed)).strip()


def fold(text: str) -> str:
    """A comparison key: normalised, case-folded, punctuation-light."""
    return _FOLD.sub(" ", normalize(text).casefold()).strip()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
