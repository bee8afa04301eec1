"""Language metrics per source: readability, hedging, self-repetition.

Readability comes from textstat (:mod:`analysis.readability`, pinned so it never
downloads), on the raw file and on the cleaned text, so the effect of boilerplate
removal shows. Hedging cues come from a configurable lexicon (``data/hedge_cues.csv``)
and are counted on the cleaned text. Repetition is the share of a source's sentences
that restate an earlier sentence of the same source or mention again a claim it
already made.
"""

from __future__ import annotations

import csv
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, utils

from .cleaning import CleanSource, Segment
from .errors import InputError
from .parallel import Workers, map_sources
from .paths import DATA_DIR
from .readability import READABILITY, forget_texts, readability
from .similar import earlier_matches
from .textnorm import word_count

__all__ = [
    "CUE_KINDS",
    "DEFAULT_CUES_FILE",
    "HedgeCue",
    "READABILITY",
    "columns",
    "hedge_spans",
    "language_metrics",
    "load_hedge_cues",
    "reading",
]

DEFAULT_CUES_FILE = DATA_DIR / "hedge_cues.csv"
CUE_KINDS = ("reporting", "rumour", "modal", "speculative", "vagueness")
CUE_COLUMNS = ("cue", "pattern", "kind")
MIN_REPEAT_WORDS = 6
def columns() -> list[str]:
    """The columns of :func:`language_metrics`, in their fixed order."""
    cols = ["source_id", "label"]
    for prefix in ("raw", "clean"):
        cols += [f"{prefix}_{name}" for name in READABILITY]
    cols += ["hedges", "hedges_per_1000_words"]
    cols += [f"{kind}_per_1000_words" for kind in CUE_KINDS]
    cols += ["repeated_sentences", "repetition_share", "top_hedges"]
    return cols


# --------------------------------------------------------------------------- cues


class HedgeCue(tuple):
    """A ``(cue, pattern)`` pair that also carries its ``kind``.

    It unpacks as the documented 2-tuple (``for cue, rx in cues``) and exposes
    ``.cue``, ``.pattern`` and ``.kind``.
    """

    kind: str

    def __new__(cls, cue: str, pattern: re.Pattern[str], kind: str) -> HedgeCue:
        self = super().__new__(cls, (cue, pattern))
        self.kind = kind
        return self

    def __getnewargs__(self) -> tuple[str, re.Pattern[str], str]:  # copy / pickle
        return (self[0], self[1], self.kind)

    @property
    def cue(self) -> str:
        return self[0]

    @property
    def pattern(self) -> re.Pattern[str]:
        return self[1]

    def __repr__(self) -> str:
        return f"HedgeCue({self[0]!r}, {self[1].pattern!r}, {self.kind!r})"


def _compile_cue(cue: str, pattern: str) -> re.Pattern[str]:
    """Case-insensitive, whole words only; an empty pattern means the cue text itself."""
    body = pattern or r"\s+".join(re.escape(w) for w in cue.split())
    if re.compile(f"(?:{body})", re.IGNORECASE).fullmatch(""):
        raise re.error("pattern matches the empty string")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def load_hedge_cues(path: str | Path | None = None) -> list[HedgeCue]:
    """Read a cue lexicon: CSV with columns ``cue,pattern,kind``.

    ``kind`` is one of :data:`CUE_KINDS`; ``pattern`` is a regular expression
    (empty: the cue words themselves), matched case-insensitively on whole words.
    Any problem raises :class:`InputError` naming the file and the row (the CSV
    line number, header = 1).
    """
    path = Path(path) if path is not None else DEFAULT_CUES_FILE
    where = f"hedge cue file {path}"
    if not path.is_file():
        raise InputError(f"{where}: not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from exc
    reader = csv.DictReader(text.splitlines())
    header = [(h or "").strip() for h in (reader.fieldnames or [])]
    missing = [c for c in CUE_COLUMNS if c not in header]
    if missing:
        raise InputError(f"{where}: row 1: missing column(s) {', '.join(missing)}")
    reader.fieldnames = header
    cues: list[HedgeCue] = []
    seen: set[str] = set()
    for row in reader:
        at = f"{where}: row {reader.line_num}"
        if None in row:
            raise InputError(f"{at}: more fields than the header has (quote patterns with commas)")
        cue = (row["cue"] or "").strip()
        pattern = (row["pattern"] or "").strip()
        kind = (row["kind"] or "").strip().lower()
        if not (cue or pattern or kind):
            continue
        if not cue:
            raise InputError(f"{at}: empty cue")
        if kind not in CUE_KINDS:
            known = ", ".join(CUE_KINDS)
            raise InputError(f"{at}: cue {cue!r}: kind {kind!r} is not one of {known}")
        if cue.casefold() in seen:
            raise InputError(f"{at}: cue {cue!r} is listed twice")
        try:
            rx = _compile_cue(cue, pattern)
        except re.error as exc:
            raise InputError(f"{at}: cue {cue!r}: bad regex {pattern!r}: {exc}") from exc
        seen.add(cue.casefold())
        cues.append(HedgeCue(cue, rx, kind))
    if not cues:
        raise InputError(f"{where}: no cues")
    return cues


@cache
def _default_cues() -> tuple[HedgeCue, ...]:
    return tuple(load_hedge_cues())


def _cue_kind(item: Sequence) -> tuple[str, re.Pattern[str], str]:
    kind = getattr(item, "kind", None) or (item[2] if len(item) > 2 else None)
    if kind is None:
        raise TypeError(f"hedge cue {item!r} has no kind; use load_hedge_cues()")
    return item[0], item[1], kind


def hedge_spans(
    text: str, cues: Iterable[Sequence] | None = None
) -> list[tuple[int, int, str, str]]:
    """Hedging cues in ``text``: ``(start, end, cue, kind)`` sorted by position.

    Offsets index ``text``. Overlapping matches are resolved so that every character
    counts once: the earliest match wins, then the longest, then the cue listed first.
    """
    table = [_cue_kind(c) for c in (_default_cues() if cues is None else cues)]
    hits = []
    for order, m in _cue_matches(text, [rx for _, rx, _ in table]):
        if m.end() > m.start():
            cue, _, kind = table[order]
            hits.append((m.start(), -(m.end() - m.start()), order, m.end(), cue, kind))
    hits.sort()
    out: list[tuple[int, int, str, str]] = []
    last_end = -1
    for start, _, _, end, cue, kind in hits:
        if start >= last_end:
            out.append((start, end, cue, kind))
            last_end = end
    return out


_CUE_START = "(?<!\\w)"  # how _compile_cue opens every cue pattern


def _cue_matches(text: str, patterns: list[re.Pattern[str]]) -> Iterator[tuple[int, re.Match[str]]]:
    """``(k, match)`` for every match of ``patterns[k].finditer(text)``, for all ``k``.

    Scanning a long text once per cue costs ~1 s per MB. One pass of a single lookahead
    over all cues, tried only where a word may start, finds the positions where some cue
    matches; each cue is then matched there, skipping positions inside its own previous
    match, exactly as ``finditer`` would. Cues this cannot mirror (capturing groups,
    other flags, empty matches) are scanned on their own.
    """
    alone = [k for k, rx in enumerate(patterns) if rx.groups or rx.flags != re.IGNORECASE | re.UNICODE
             or not rx.pattern.startswith(_CUE_START)]
    joint = [k for k in range(len(patterns)) if k not in alone]
    combined = None
    if joint:
        try:
            combined = re.compile(_CUE_START + "(?=" + "|".join(f"(?:{patterns[k].pattern})" for k in joint) + ")",
                                  re.IGNORECASE)
        except re.error:
            alone, joint = list(range(len(patterns))), []
    if combined is not None:
        free_from = dict.fromkeys(joint, 0)
        found: dict[int, list[re.Match[str]]] = {k: [] for k in joint}
        for q in (m.start() for m in combined.finditer(text)):
            for k in joint:
                if q < free_from[k] or k in alone:
                    continue
                m = patterns[k].match(text, q)
                if m is None:
                    continue
                if m.end() == q:  # an empty match: finditer's stepping rules apply; scan it alone
                    alone.append(k)
                    continue
                free_from[k] = m.end()
                found[k].append(m)
        for k in joint:
            if k not in alone:
                yield from ((k, m) for m in found[k])
    for k in alone:
        for m in patterns[k].finditer(text):
            yield k, m


# --------------------------------------------------------------------------- repetition


def _repeated_flags(
    sentences: Sequence[Segment],
    mention_spans: Iterable[tuple[int, int]] = (),
    threshold: float = 85.0,
) -> list[bool]:
    """Per sentence: does it restate an earlier sentence or repeat a claim mention?

    A restatement is a rapidfuzz ``token_set_ratio`` (lower-cased, punctuation
    stripped) of at least ``threshold`` against an earlier sentence, both sentences
    having at least ``MIN_REPEAT_WORDS`` words: token_set_ratio scores any subset as
    100, so a short sentence would otherwise "restate" every longer one holding its
    words. ``mention_spans`` are raw spans of 2nd+ claim mentions; each marks the
    sentence it overlaps most (the earliest on a tie).
    """
    flags = [False] * len(sentences)
    keys = [utils.default_process(s.text) for s in sentences]
    long_enough = [word_count(s.text) >= MIN_REPEAT_WORDS for s in sentences]
    for _, j, _ in earlier_matches(
        keys, threshold, limit=1, eligible=long_enough, nonzero=False,
        score=lambda i, j: fuzz.token_set_ratio(keys[j], keys[i], score_cutoff=threshold),
    ):
        flags[j] = True
    locate = _sentence_locator(sentences)
    for start, end in mention_spans:
        best = locate(start, end)
        if best is not None:
            flags[best] = True
    return flags


def _sentence_locator(sentences: Sequence[Segment]) -> Callable[[int, int], int | None]:
    """A function giving the sentence that overlaps raw ``[start, end)`` most (the earliest on a tie).

    Segmented sentences come in order and do not overlap, so the candidates are found by
    bisection; any other list is scanned whole.
    """
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    in_order = (all(s <= e for s, e in zip(starts, ends, strict=True))
                and all(e <= n for e, n in zip(ends, starts[1:], strict=False)))

    def locate(start: int, end: int) -> int | None:
        span = range(bisect_right(ends, start), bisect_left(starts, end)) if in_order else range(len(starts))
        best, best_overlap = None, 0
        for i in span:
            overlap = min(end, ends[i]) - max(start, starts[i])
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        return best

    return locate


def _check_mentions(
    claim_mentions: dict[str, list[tuple[int, int]]] | None, cleaned: Sequence[CleanSource]
) -> dict[str, list[tuple[int, int]]]:
    if not claim_mentions:
        return {}
    sizes = {c.source.id: len(c.source.raw) for c in cleaned}
    unknown = sorted(set(claim_mentions) - set(sizes))
    if unknown:
        raise InputError(f"parameter claim_mentions: unknown source id(s) {unknown}")
    out = {}
    for sid, spans in claim_mentions.items():
        checked = []
        for span in spans:
            try:
                start, end = (int(x) for x in span)
            except (TypeError, ValueError) as exc:
                raise InputError(
                    f"parameter claim_mentions: {sid}: span {span!r} is not (start, end)"
                ) from exc
            if not 0 <= start < end <= sizes[sid]:
                raise InputError(
                    f"parameter claim_mentions: {sid}: span {span!r} is outside the raw text "
                    f"(0..{sizes[sid]})"
                )
            checked.append((start, end))
        out[sid] = checked
    return out


# --------------------------------------------------------------------------- metrics


def _per_1000(count: int, words: int) -> float:
    return 1000 * count / words if words else math.nan


def _top_hedges(spans: list[tuple[int, int, str, str]], order: dict[str, int], n: int = 3) -> str:
    counts = Counter(cue for _, _, cue, _ in spans)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
    return ", ".join(f"{cue} ({k})" for cue, k in ranked[:n])


def language_metrics(
    cleaned: Sequence[CleanSource],
    claim_mentions: dict[str, list[tuple[int, int]]] | None = None,
    cues: Iterable[Sequence] | None = None,
    repeat_threshold: float = 85.0,
    jobs: int | Workers = 1,
) -> pd.DataFrame:
    """One row per source, columns as :func:`columns`, floats rounded to 2 decimals.

    - ``raw_*`` / ``clean_*``: textstat words, sentences and readability of the raw
      file and of the cleaned text (scores NaN for a text without words);
    - ``hedges``: cue matches in the cleaned text (:func:`hedge_spans`), also per
      1,000 cleaned words, overall and per cue kind; ``top_hedges``: the 3 most
      frequent cues as ``"cue (n)"``;
    - ``repeated_sentences`` / ``repetition_share``: how many of the source's
      segmented sentences (``CleanSource.sentences``) restate an earlier one
      (``token_set_ratio >= repeat_threshold``) or hold a repeated claim mention, and
      their share of all its sentences. ``claim_mentions`` maps source id to raw
      ``(start, end)`` spans of the 2nd and later mentions of a claim.

    ``jobs`` worker processes share the sources out; the table is the same either way.
    """
    if not 0 <= repeat_threshold <= 100:
        raise InputError(f"parameter repeat_threshold: {repeat_threshold} is not in 0..100")
    cue_list = list(_default_cues() if cues is None else cues)
    order = {c[0]: i for i, c in enumerate(cue_list)}
    mentions = _check_mentions(claim_mentions, cleaned)
    work = [(c, mentions.get(c.source.id, ())) for c in cleaned]
    rows = map_sources(_source_row, work, jobs, (cue_list, order, repeat_threshold))
    df = pd.DataFrame(rows, columns=columns())
    counts = [f"{p}_{k}" for p in ("raw", "clean") for k in ("words", "sentences")]
    counts += ["hedges", "repeated_sentences"]
    df[counts] = df[counts].astype("int64")
    floats = [col for col in df.columns if col not in counts + ["source_id", "label", "top_hedges"]]
    df[floats] = df[floats].astype("float64").round(2)
    return df


def _source_row(item: tuple[CleanSource, Sequence[tuple[int, int]]], cue_list: list, order: dict[str, int],
                repeat_threshold: float) -> dict[str, object]:
    """One source's row of :func:`language_metrics` (module level: worker processes run it)."""
    c, mention_spans = item
    row: dict[str, object] = {"source_id": c.source.id, "label": c.source.label}
    clean_text = c.clean_text
    for prefix, text in (("raw", c.source.raw), ("clean", clean_text)):
        row |= {f"{prefix}_{k}": v for k, v in readability(text).items()}
    forget_texts()  # textstat would otherwise keep both texts' word lists
    words = int(row["clean_words"])
    spans = hedge_spans(clean_text, cue_list)
    by_kind = Counter(kind for _, _, _, kind in spans)
    row["hedges"] = len(spans)
    row["hedges_per_1000_words"] = _per_1000(len(spans), words)
    for kind in CUE_KINDS:
        row[f"{kind}_per_1000_words"] = _per_1000(by_kind[kind], words)
    flags = _repeated_flags(c.sentences, mention_spans, repeat_threshold)
    row["repeated_sentences"] = sum(flags)
    row["repetition_share"] = sum(flags) / len(flags) if flags else math.nan
    row["top_hedges"] = _top_hedges(spans, order)
    return row


# --------------------------------------------------------------------------- reading

_READING_COLUMNS = (
    "raw_flesch_reading_ease", "clean_flesch_reading_ease", "hedges_per_1000_words",
    "repetition_share",
)


def _names(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _who(df: pd.DataFrame, col: str, value: float) -> tuple[str, int]:
    """The label(s) of the rows whose ``col`` equals ``value``, and how many."""
    hit = df.loc[df[col] == value, "_name"].tolist()
    return _names(hit), len(hit)


def _num(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def _verb(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def reading(df: pd.DataFrame) -> list[str]:
    """3-5 plain-English sentences that read the numbers of :func:`language_metrics`.

    Sources are named by ``label`` (else ``source_id``); ties name every tied source;
    a metric with no value for any source is said to be unavailable.
    """
    missing = [c for c in _READING_COLUMNS if c not in df.columns]
    if missing:
        raise InputError(f"reading(): the frame lacks column(s) {', '.join(missing)}")
    if df.empty:
        return ["There are no sources to describe."]
    df = df.copy()
    names = pd.Series(df.index.astype(str), index=df.index)
    for col in ("source_id", "label"):  # the label when there is one, else the id
        if col in df.columns:
            given = df[col].fillna("").astype(str).str.strip()
            names = given.where(given != "", names)
    df["_name"] = names
    return [
        _read_flesch(df), _read_hedging(df), _read_repetition(df), _read_cleaning(df)
    ]


def _read_flesch(df: pd.DataFrame) -> str:
    col = "clean_flesch_reading_ease"
    vals = df[col].dropna()
    if vals.empty:
        return "No source has enough text for a Flesch reading ease score."
    hi, lo = vals.max(), vals.min()
    hi_names, n_hi = _who(df, col, hi)
    if len(df) == 1:
        return (f"{hi_names} scores {_num(hi)} on Flesch reading ease after cleaning "
                "(higher is easier to read).")
    if hi == lo:
        return (f"All {len(vals)} sources score the same Flesch reading ease after cleaning "
                f"({_num(hi)}; higher is easier to read).")
    lo_names, _ = _who(df, col, lo)
    most = f"{hi_names} {_verb(n_hi, 'is', 'tie as')} the most readable"
    return (f"{most} (Flesch reading ease {_num(hi)} after cleaning; higher is easier) "
            f"and {lo_names} the least ({_num(lo)}).")


def _read_hedging(df: pd.DataFrame) -> str:
    col = "hedges_per_1000_words"
    vals = df[col].dropna()
    if vals.empty:
        return "No source has words enough to measure hedging."
    hi, lo = vals.max(), vals.min()
    hi_names, n_hi = _who(df, col, hi)
    if len(vals) == 1:
        return f"{hi_names} uses {_num(hi)} hedging cues per 1,000 words."
    if hi == lo:
        return (f"All {len(vals)} sources hedge at the same rate, "
                f"{_num(hi)} cues per 1,000 words.")
    lo_names, n_lo = _who(df, col, lo)
    head = (f"{hi_names} {_verb(n_hi, 'is', 'are')} the most hedged, with {_num(hi)} "
            "hedging cues per 1,000 words")
    if lo == 0:
        return f"{head}, while {lo_names} {_verb(n_lo, 'uses', 'use')} none."
    factor = hi / lo
    times = "slightly more than" if factor < 1.05 else f"{_num(factor)} times"
    few = df.loc[df[col] == lo, "hedges"].min() if "hedges" in df else 5
    caution = (f" (the lower rate rests on only {int(few)} cue{'s' if few != 1 else ''}, so the "
               "ratio is rough)") if few < 5 else ""
    return f"{head}, {times} the {_num(lo)} of {lo_names}{caution}."


def _read_repetition(df: pd.DataFrame) -> str:
    col = "repetition_share"
    vals = df[col].dropna()
    if vals.empty:
        return "No source has sentences to check for repetition."
    hi = vals.max()
    if hi == 0:
        return ("No source restates an earlier sentence of its own or repeats a claim "
                "it already made.")
    hi_names, n_hi = _who(df, col, hi)
    pct = f"{hi * 100:.0f}%"
    if len(vals) > 1 and hi == vals.min():
        return (f"All {len(vals)} sources repeat themselves equally: {pct} of their sentences "
                "restate an earlier sentence or claim.")
    whose = _verb(n_hi, "its", "their")
    verb = _verb(n_hi, "repeats itself", "repeat themselves")
    most = " most" if len(vals) > 1 else ""
    return (f"{hi_names} {verb}{most}: {pct} of {whose} sentences restate an earlier "
            "sentence or claim.")


def _read_cleaning(df: pd.DataFrame) -> str:
    both = df[["raw_flesch_reading_ease", "clean_flesch_reading_ease"]].dropna()
    if both.empty:
        return "Cleaning's effect on readability cannot be measured: no text has a score."
    raw = round(both["raw_flesch_reading_ease"].mean(), 1)
    clean = round(both["clean_flesch_reading_ease"].mean(), 1)
    diff = round(clean - raw, 1)  # from the rounded means, so the sentence adds up
    scope = "for the source" if len(both) == 1 else f"on average across the {len(both)} sources"
    if diff == 0:
        return f"Removing boilerplate left Flesch reading ease unchanged {scope} ({_num(raw)})."
    way = "raised" if diff > 0 else "lowered"
    return (f"Removing boilerplate {way} Flesch reading ease by {_num(abs(diff))} points {scope} "
            f"(raw {_num(raw)}, cleaned {_num(clean)}).")
