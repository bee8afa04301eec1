"""The boilerplate rules written as code: navigation strips, widgets, bylines, captions, ...

Each heuristic reads a source's lines and returns the spans it would remove
``(start, end, name or None[, action])``; a rule of kind ``heuristic`` names one of
:data:`HEURISTICS`.
"""

from __future__ import annotations

import re
from collections import Counter

from ..corpus import Source
from ..textnorm import fold, word_count
from .lines import TERMINAL, Line

_NAV_WORDS = {
    "home", "news", "menu", "search", "sections", "topics", "tag", "tags", "category",
    "categories", "location", "industry", "markets", "business", "tech", "technology",
    "opinion", "video", "videos", "deals", "world", "sports", "politics", "latest",
    "subscribe", "login", "sign", "newsletters", "podcasts", "more", "by", "country(s)",
}
# Every match starts where a whitespace run starts: ``(?<!\s)`` keeps the search from
# restarting inside a long run (quadratic) without changing what is found.
_NAV_SPLIT = re.compile(r"(?<!\s)(?:\s++[|>›»•·/]\s+|\s{2,}|\t)")
_DATED_ITEM_SPLIT = re.compile(r"(?<!\s)\s++[·•|—–-]\s+")
_WIDGET_LABEL = re.compile(
    r"(?i)^(?:overall |ticker |market |news |social )?(?:sentiment(?: score)?|rating|score|"
    r"ticker(?: sentiment)?|market cap|volume|52[- ]week (?:high|low)|p/?e ratio|price target|"
    r"analyst rating|buzz)$"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_ONLY = re.compile(
    rf"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?(?:{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s*\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})(?:,?\s*\d{{1,2}}:\d{{2}}\s*(?:am|pm)?(?:\s*[A-Z]{{2,4}})?)?$"
)
_JOB = re.compile(
    r"(?i)\b(?:editor|reporter|correspondent|writer|journalist|researcher|consultant|analyst|"
    r"contributor|columnist|producer|staff|senior|chief|head)\b"
)
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


def _story_sentence(text: str, words: int) -> bool:
    """A full sentence of the story (a repeated caption or pull quote): its first copy is kept."""
    return words >= 20 or (words >= 12 and text.rstrip().endswith((".", "!", "?", '"', "”", ",")))


def _h_repeated_line(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    keys = [fold(line.text) for line in lines]
    within = Counter(keys)
    out, seen = [], set()
    for line, key in zip(lines, keys, strict=True):
        if not key:
            continue
        words = word_count(line.text)
        across = corpus_counts.get(key, 0)
        if within[key] >= 2 and words < 40 and not _story_sentence(line.text, words):
            out.append((line.start, line.end, "repeated_line"))
        elif across >= 2 and words < 15:
            out.append((line.start, line.end, "repeated_line"))
        elif within[key] >= 2 and key in seen:
            out.append((line.start, line.end, "exact_repeat"))
        seen.add(key)
    return out


def _h_widget(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        if _WIDGET_LABEL.match(line.text):
            out.append((line.start, line.end, None))
            if i + 1 < len(lines):
                nxt = lines[i + 1]
                if word_count(nxt.text) <= 3 and not nxt.text.endswith(TERMINAL[:3]) and (
                    nxt.text[:1].islower() or nxt.text[:1].isdigit()
                ):
                    out.append((nxt.start, nxt.end, None))
    return out


#: a weather reading ("89.3 F", "72°F", "18 °C"), as site headers show beside today's date
_WEATHER = re.compile(r"^\s*-?\d{1,3}(?:\.\d)?\s?(?:°\s?[FC]?|[FC])\s*$")


def _h_date_only_line(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        head = _DATED_ITEM_SPLIT.split(line.text, maxsplit=1)
        dated_item = len(head) == 2 and _DATE_ONLY.match(head[0]) and _headline_shaped(head[1])
        if _DATE_ONLY.match(line.text) or dated_item:
            top = i < 6
            if top and any(_WEATHER.match(x.text) for x in lines[max(0, i - 3):i]):
                # "89.3 F / San Fernando / Monday, Nov 25, 2024": a site header's weather and
                # today's date, shown on the day of the crawl, not the page's date
                out.append((line.start, line.end, "today_widget", "remove"))
                continue
            out.append((line.start, line.end, "date_stamp" if top else "sidebar_date",
                        "metadata" if top else "remove"))
    return out


def _is_nav(text: str) -> bool:
    if text.endswith(TERMINAL[:3]) or re.search(r"\d", text):
        return False
    items = [x for x in _NAV_SPLIT.split(text) if x.strip()]
    if len(items) >= 2 and all(len(x.split()) <= 3 for x in items) and _NAV_SPLIT.search(text):
        return True
    words = text.split()
    if len(words) < 4:
        return False
    lowered = [w.lower() for w in words]
    nav_share = sum(w in _NAV_WORDS for w in lowered) / len(words)
    repeated = max(Counter(lowered).values()) >= 3
    return nav_share >= 0.4 or (repeated and nav_share >= 0.25)


def _h_nav_strip(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        if _is_nav(line.text):
            out.append((line.start, line.end, None))
            prev = lines[i - 1] if i else None
            if prev is not None and i <= 3 and len(prev.text.split()) <= 4 and not prev.text.endswith(
                TERMINAL[:3]
            ):
                out.append((prev.start, prev.end, "masthead"))
    return out


def _h_byline_block(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        if re.fullmatch(r"(?i)(?:(?:edited|written|reported|words|compiled)\s+)?by:?", line.text):
            out.append((line.start, line.end, None))
            for nxt in lines[i + 1 : i + 3]:
                if _NAME.match(nxt.text) or (
                    len(nxt.text.split()) <= 8 and _JOB.search(nxt.text)
                    and not nxt.text.endswith(TERMINAL[:3])
                ):
                    out.append((nxt.start, nxt.end, None))
                else:
                    break
    return out


def _h_kicker(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    if not source.title:
        return []
    title = fold(source.title)
    for i, line in enumerate(lines[:6]):
        if fold(line.text) == title and i > 0:
            prev = lines[i - 1]
            if len(prev.text.split()) <= 6 and not prev.text.endswith(TERMINAL[:3]):
                return [(prev.start, prev.end, None)]
    return []


_RELATED_HEAD = re.compile(
    r"(?i)^(?:read more|related(?: links| coverage| stories| articles| news| reading)?"
    r"(?: (?:and|&) (?:articles|stories|links|news))?|latest(?: news| stories)?|"
    r"more (?:stories|news|from [\w ]{1,30})|most (?:read|popular)|recommended(?: for you)?|"
    r"you may also like|also read|trending(?: now)?|top stories)\s*:?$"
)
_CREDIT_ONLY = re.compile(
    r"(?i)^(?:(?:photo|image|picture|illustration)(?:\s+credit)?s?\s*:.{0,60}|\(?(?:photo|image)s? by .{0,60})$"
)
_SENTENCE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|said|says|has|have|will|would|could|to)\b")


def _headline_shaped(text: str) -> bool:
    return word_count(text) <= 15 and not text.endswith((".", "!", "?", ":"))


def _teaser_shaped(text: str) -> bool:
    """A teaser under a related-links heading: a headline, a question ("Will the hype last?"),
    or a subhead of the list ("News articles:")."""
    return _headline_shaped(text) or (word_count(text) <= 15 and text.endswith(("?", "!"))) \
        or (word_count(text) <= 3 and text.endswith(":"))


def _h_related_list(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        if not _RELATED_HEAD.match(line.text):
            continue
        out.append((line.start, line.end, None))
        prev_index = line.index
        for nxt in lines[i + 1 :]:
            if nxt.index != prev_index + 1 or not _teaser_shaped(nxt.text):
                break
            out.append((nxt.start, nxt.end, None))
            prev_index = nxt.index
    return out


def _h_caption_pair(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        if not _CREDIT_ONLY.match(line.text):
            continue
        out.append((line.start, line.end, None))
        before = lines[i - 1] if i else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if before and before.index == line.index - 1 and word_count(before.text) <= 25:
            out.append((before.start, before.end, None))
        elif after and after.index == line.index + 1 and word_count(after.text) <= 25:
            out.append((after.start, after.end, None))
    return out


#: a subhead setting two figures side by side ("$12 billion versus $28 billion") is prose
_COMPARES = re.compile(r"\b(?:versus|compared (?:with|to))\b", re.IGNORECASE)


def _h_data_strip(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for line in lines:
        tokens = line.text.split()
        if len(tokens) > 20 or line.text.endswith((".", "!", "?")) or _SENTENCE_VERB.search(line.text) \
                or _COMPARES.search(line.text):
            continue
        numeric = sum(bool(re.search(r"\d", t)) for t in tokens)
        pipes = line.text.count(" | ")
        if (len(tokens) >= 2 and numeric / len(tokens) >= 0.4) or (pipes >= 2 and numeric >= 2):
            out.append((line.start, line.end, None))
    return out


HEURISTICS = {
    "repeated_line": _h_repeated_line,
    "widget": _h_widget,
    "date_only_line": _h_date_only_line,
    "nav_strip": _h_nav_strip,
    "byline_block": _h_byline_block,
    "kicker": _h_kicker,
    "related_list": _h_related_list,
    "caption_pair": _h_caption_pair,
    "data_strip": _h_data_strip,
}
