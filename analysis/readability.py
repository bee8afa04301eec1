"""textstat readability scores, pinned (no download) and fast on long texts.

Determinism: textstat 0.7.13 counts syllables with NLTK's CMU dictionary when it is
installed and otherwise *downloads it at run time*; which of the two happens would
change the numbers from one machine to the next (and the download fails offline).
This module therefore makes textstat count syllables with its bundled Pyphen
hyphenation dictionary only (``_pin_textstat``), and uses its own textstat instance
set to ``en_US``, so the same text always gets the same scores.

Speed and memory: textstat works word by word behind 128-entry caches and keeps every
word list of a text; a 50 MB text took minutes and gigabytes. Words are remembered in a
larger cache (same functions, same results), and a text longer than ``CHUNK``
characters is counted a chunk at a time, cut only where no count can straddle the cut,
with textstat's own formulas applied to the summed counts (tests compare the two).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # textstat pulls in nltk and scipy (1.5 s): imported on first use, not with the package
    from textstat.textstat import textstatistics

LANG = "en_US"
# column suffix -> textstat method; ``words`` and ``sentences`` first (they explain the rest)
READABILITY = {
    "words": "lexicon_count",
    "sentences": "sentence_count",
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "dale_chall": "dale_chall_readability_score",
}
CHUNK = 1 << 20  # characters; longer texts are counted a chunk at a time
WORD_CACHE = 1 << 17  # distinct words remembered; textstat itself remembers 128 calls
_WORD_FUNCTIONS = ("count_syllables", "is_difficult_word")
# textstat functions whose cache holds whole texts or their word lists (cleared after use)
_TEXT_FUNCTIONS = {
    "list_words", "remove_punctuation", "count_words", "count_sentences", "count_syllables",
    "count_polysyllable_words", "count_difficult_words", "list_difficult_words",
    "set_difficult_words", "words_per_sentence", "syllables_per_word", "flesch_reading_ease",
    "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall_readability_score",
}
_SPACE = re.compile(r"\s")
# textstat's sentence pattern (counts.count_sentences); a cut right after ``[.!?]\s`` splits
# no sentence, no word and no apostrophe test, so every count adds up over the chunks
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_CUT = re.compile(r"[.!?]\s")


def _no_cmudict(lang: str) -> None:
    return None


def _textstat_modules() -> list:
    return [m for n, m in list(sys.modules.items()) if n.startswith("textstat") and m is not None]


@lru_cache(maxsize=1)
def _pin_textstat() -> textstatistics:
    """A private textstat instance: en_US, unrounded, Pyphen syllables only (no download).

    Made on first use, so importing :mod:`analysis` (every notebook does) does not load textstat.
    """
    from textstat.textstat import textstatistics

    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:  # older textstat: Pyphen only, nothing to pin
        pass
    else:
        if getattr(_count_syllables, "get_cmudict", None) is not _no_cmudict:
            _count_syllables.get_cmudict = _no_cmudict
            _count_syllables.count_syllables.cache_clear()
    _cache_words()
    ts = textstatistics()
    ts.set_lang(LANG)
    ts.set_rounding_points(None)
    ts.set_rm_apostrophe(True)
    return ts


def _cache_words() -> None:
    """Give textstat's per-word functions a large cache of their own results.

    textstat calls ``count_syllables`` / ``is_difficult_word`` word by word behind a
    128-entry cache, so on a long text every word is hyphenated again for each score.
    Each name bound to one of these functions in a textstat module is pointed at a
    wrapper that remembers single words and calls the very same function, so the scores
    cannot change; whole texts still go straight through. Pyphen's ``positions``, which
    textstat asks for every word of a text, is remembered the same way.
    """
    from textstat.backend.utils._get_pyphen import get_pyphen

    hyphenator = get_pyphen(LANG)  # one cached instance, asked once per word of a text
    if not getattr(hyphenator.positions, "_words_cached", False):
        hyphenator.positions = _word_cached(hyphenator.positions)
    mods = _textstat_modules()
    for name in _WORD_FUNCTIONS:
        originals = {getattr(m, name) for m in mods if callable(getattr(m, name, None))}
        for fn in originals:
            if getattr(fn, "_words_cached", False):
                continue
            wrapper = _word_cached(fn)
            for m in mods:
                if getattr(m, name, None) is fn:
                    setattr(m, name, wrapper)


def _word_cached(fn: Callable) -> Callable:
    remembered = lru_cache(maxsize=WORD_CACHE)(fn)

    def call(*args: object, **kwargs: object) -> object:
        word = args[0] if args else None
        if not kwargs and isinstance(word, str) and len(word) <= 64 and not _SPACE.search(word):
            return remembered(*args)
        return fn(*args, **kwargs)

    call._words_cached = True  # type: ignore[attr-defined]
    call.cache_clear = getattr(fn, "cache_clear", lambda: None)  # type: ignore[attr-defined]
    call.__wrapped__ = fn  # type: ignore[attr-defined]
    return call


def forget_texts() -> None:
    """Drop textstat's cached results for whole texts (their word lists can be large)."""
    for m in _textstat_modules():
        for name in _TEXT_FUNCTIONS:
            fn = getattr(m, name, None)
            if callable(getattr(fn, "cache_clear", None)):
                fn.cache_clear()


def readability(text: str, chunk: int = CHUNK) -> dict[str, float]:
    """textstat scores for one text; scores are NaN when it has no words (not 0)."""
    ts = _pin_textstat()
    if len(text) > chunk:
        return _readability_chunked(text, chunk)
    words = ts.lexicon_count(text)
    out: dict[str, float] = {"words": words, "sentences": ts.sentence_count(text) if words else 0}
    for name, method in READABILITY.items():
        if name not in out:
            out[name] = float(getattr(ts, method)(text)) if words else math.nan
    return out


def _chunks(text: str, size: int) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each cut right after ``[.!?]`` and a space."""
    start = 0
    while len(text) - start > size:
        m = _CUT.search(text, start + size)
        if m is None:
            break
        yield text[start : m.end()]
        start = m.end()
    yield text[start:]


def _readability_chunked(text: str, size: int) -> dict[str, float]:
    """:func:`readability` from counts summed over chunks: textstat 0.7.13's formulas, same floats."""
    _pin_textstat()  # syllables from Pyphen only, words cached
    from textstat.backend import counts as ts_counts
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg
    from textstat.backend.utils._get_lang_root import get_lang_root

    threshold = int(get_lang_cfg(LANG, "syllable_threshold"))
    words = sentences = syllables = poly = hard = harder = 0
    for piece in _chunks(text, size):
        words += ts_counts.count_words(piece)
        found = _TS_SENTENCE.findall(piece)
        sentences += len(found) - sum(1 for s in found if ts_counts.count_words(s) <= 2)
        syllables += ts_counts.count_syllables(piece, LANG)
        poly += ts_counts.count_polysyllable_words(piece, LANG)
        hard += ts_counts.count_difficult_words(piece, LANG, threshold)
        harder += ts_counts.count_difficult_words(piece, LANG, 0)
        forget_texts()
    if not words:
        return {"words": 0, "sentences": 0, **{k: math.nan for k in list(READABILITY)[2:]}}
    sentences = max(1, sentences)
    per_sentence = words / sentences
    per_word = syllables / words
    root = get_lang_root(LANG)
    if per_sentence == 0 or per_word == 0:
        fre = fkg = 0.0
    else:
        fre = (get_lang_cfg(root, "fre_base") - get_lang_cfg(root, "fre_sentence_length") * per_sentence
               - get_lang_cfg(root, "fre_syll_per_word") * per_word)
        fkg = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
    fog = 0.4 * (per_sentence + 100 * hard / words)
    smog = (1.043 * (30 * (poly / sentences)) ** 0.5) + 3.1291
    share = 100 * harder / words
    dale = (0.1579 * share) + (0.0496 * per_sentence)
    if share > 5:
        dale += 3.6365
    return {"words": words, "sentences": sentences, "flesch_reading_ease": float(fre),
            "flesch_kincaid_grade": float(fkg), "gunning_fog": float(fog), "smog_index": float(smog),
            "dale_chall": float(dale)}
