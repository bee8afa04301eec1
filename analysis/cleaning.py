"""Boilerplate removal with an audit trail, and segmentation into paragraphs and sentences.

Rules come from ``data/boilerplate_rules.yml`` (plus a user file). Every removed span
is logged with its rule and raw offsets; bylines and datelines go to per-source
metadata instead of the body. Kept text is cut from the raw file, so every paragraph
and sentence keeps exact raw offsets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .corpus import Corpus, Source
from .errors import InputError
from .parallel import Workers, map_sources
from .paths import DATA_DIR
from .spans import resolve as _resolve
from .spans import strip_span as _strip_span
from .textnorm import fold, normalize, word_count

RULE_KINDS = {"line", "span", "tail", "heuristic"}
ACTIONS = {"remove", "metadata"}
TERMINAL = tuple('.!?…:"”’)]')


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    action: str
    pattern: str
    description: str

    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


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


# --------------------------------------------------------------------------- rules


def load_rules(extra: str | Path | None = None) -> list[Rule]:
    """The shipped rules, then any user rules (a YAML list with the same fields)."""
    rules = _read_rules(DATA_DIR / "boilerplate_rules.yml")
    if extra:
        user = _read_rules(Path(extra), allow_heuristic=False)
        ids = {r.id for r in rules}
        clash = [r.id for r in user if r.id in ids]
        if clash:
            raise InputError(f"parameter extra_rules ({extra}): rule id(s) already used: {clash}")
        rules += user
    return rules


def _read_rules(path: Path, allow_heuristic: bool = True) -> list[Rule]:
    if not path.is_file():
        raise InputError(f"rules file {path}: not found")
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"rules file {path}: not valid YAML: {exc}") from exc
    if not isinstance(items, list) or not items:
        raise InputError(f"rules file {path}: expected a non-empty list of rules")
    rules = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError(f"rules file {path}: rule {n} is not a mapping")
        try:
            rule = Rule(
                id=str(item["id"]), kind=str(item["kind"]), action=str(item.get("action", "remove")),
                pattern=str(item["pattern"]), description=str(item.get("description", "")),
            )
        except KeyError as exc:
            raise InputError(f"rules file {path}: rule {n} lacks field {exc}") from exc
        if rule.kind not in RULE_KINDS or (rule.kind == "heuristic" and not allow_heuristic):
            raise InputError(f"rules file {path}: rule {rule.id}: unknown kind {rule.kind!r}")
        if rule.action not in ACTIONS:
            raise InputError(f"rules file {path}: rule {rule.id}: action must be remove|metadata")
        if rule.kind == "heuristic":
            if rule.pattern not in HEURISTICS:
                raise InputError(f"rules file {path}: rule {rule.id}: no heuristic {rule.pattern}")
        else:
            try:
                rule.regex()
            except re.error as exc:
                raise InputError(f"rules file {path}: rule {rule.id}: bad regex: {exc}") from exc
        rules.append(rule)
    return rules


# --------------------------------------------------------------------------- lines


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


# --------------------------------------------------------------------------- heuristics

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


def _h_date_only_line(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        head = _DATED_ITEM_SPLIT.split(line.text, maxsplit=1)
        dated_item = len(head) == 2 and _DATE_ONLY.match(head[0]) and _headline_shaped(head[1])
        if _DATE_ONLY.match(line.text) or dated_item:
            top = i < 6
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
    r"(?i)^(?:read more|related(?: coverage| stories| articles| news)?|latest(?: news| stories)?|"
    r"more (?:stories|news|from [\w ]{1,30})|most (?:read|popular)|recommended(?: for you)?|"
    r"you may also like|also read|trending(?: now)?|top stories)\s*:?$"
)
_CREDIT_ONLY = re.compile(
    r"(?i)^(?:(?:photo|image|picture|illustration)(?:\s+credit)?s?\s*:.{0,60}|\(?(?:photo|image)s? by .{0,60})$"
)
_SENTENCE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|said|says|has|have|will|would|could|to)\b")


def _headline_shaped(text: str) -> bool:
    return word_count(text) <= 15 and not text.endswith((".", "!", "?", ":"))


def _h_related_list(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for i, line in enumerate(lines):
        if not _RELATED_HEAD.match(line.text):
            continue
        out.append((line.start, line.end, None))
        prev_index = line.index
        for nxt in lines[i + 1 :]:
            if nxt.index != prev_index + 1 or not _headline_shaped(nxt.text):
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


def _h_data_strip(source: Source, lines: list[Line], corpus_counts: dict) -> list[tuple]:
    out = []
    for line in lines:
        tokens = line.text.split()
        if len(tokens) > 20 or line.text.endswith((".", "!", "?")) or _SENTENCE_VERB.search(line.text):
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


# --------------------------------------------------------------------------- cleaning


def _find_removals(
    source: Source, lines: list[Line], rules: list[Rule], corpus_counts: dict
) -> list[tuple[int, int, str, str]]:
    """Candidate spans (start, end, rule, action) in rule order; earlier rules win overlaps."""
    raw = source.raw
    cands: list[tuple[int, int, str, str]] = []
    for rule in rules:
        if rule.kind == "line":
            rx = rule.regex()
            cands += [(ln.start, ln.end, rule.id, rule.action) for ln in lines if rx.fullmatch(ln.text)]
        elif rule.kind == "span":
            for m in rule.regex().finditer(raw):
                s, e = _strip_span(raw, m.start(), m.end())
                if e > s:
                    cands.append((s, e, rule.id, rule.action))
        elif rule.kind == "tail":
            floor = int(len(raw) * 0.6)
            m = next((m for m in rule.regex().finditer(raw) if m.start() >= floor), None)
            if m:
                s, e = _strip_span(raw, m.start(), len(raw))
                cands.append((s, e, rule.id, rule.action))
        else:
            for hit in HEURISTICS[rule.pattern](source, lines, corpus_counts):
                s, e, name = hit[0], hit[1], hit[2] or rule.id
                action = hit[3] if len(hit) > 3 else rule.action
                cands.append((s, e, name, action))
    return cands


_ABBREV = re.compile(
    r"(?i)(?:\b(?:mr|mrs|ms|dr|prof|inc|corp|co|ltd|plc|st|jr|sr|no|vs|etc|e\.g|i\.e|u\.s|u\.k|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.$"
)
_SENT_END = re.compile(r"(?<![.!?…])[.!?…]+[\"”’')\]]*(?=\s++[\"“‘(\[]?[A-Z0-9$€£])")


def split_sentences(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside raw[start:end], cut at terminal punctuation before a capital."""
    text = raw[start:end]
    spans, last = [], 0
    for m in _SENT_END.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 6) : m.start() + 1]):
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


def _paragraphs(pieces: list[tuple], raw: str) -> list[tuple[int, int]]:
    """Join hard-wrapped lines (tab-indented runs, or mid-sentence breaks) into paragraphs."""
    paras: list[list[tuple]] = []
    for piece in pieces:
        if paras:
            prev = paras[-1][-1]
            adjacent = piece[0] == prev[0] + 1 and not piece[4]
            prev_text = raw[prev[1] : prev[2]]
            text = raw[piece[1] : piece[2]]
            wrapped_indent = prev[3] and piece[3]
            wrapped_plain = (
                not prev_text.endswith(TERMINAL) and 40 <= len(prev_text) <= 100
                and (text[:1].islower() or text[:1].isdigit())
            )
            if adjacent and (wrapped_indent or wrapped_plain):
                paras[-1].append(piece)
                continue
        paras.append([piece])
    return [(p[0][1], p[-1][2]) for p in paras]


def _metadata(source: Source, spans: list[tuple[int, int, str, str]]) -> dict[str, str]:
    raw = source.raw
    meta: dict[str, list[str]] = {}
    for s, e, rule, action in spans:
        if action != "metadata":
            continue
        text = normalize(raw[s:e])
        key = {
            "byline": "author", "byline_block": "author", "credits_line": "credits",
            "dateline": "dateline", "update_note": "update_note", "updated_stamp": "updated",
            "date_stamp": "date_stamp", "kicker": "kicker",
            "outlet_relative_date": "relative_date",
        }.get(rule, rule)
        meta.setdefault(key, []).append(text)
    return {k: " | ".join(v) for k, v in sorted(meta.items())}


def clean_source(source: Source, rules: list[Rule], corpus_counts: dict | None = None) -> CleanSource:
    """Clean one article (``corpus_counts``: how many sources hold each folded line)."""
    raw = source.raw
    lines = split_lines(raw)
    spans = _resolve(raw, _find_removals(source, lines, rules, corpus_counts or {}))
    removals = [Removal(source.id, s, e, r, a, raw[s:e]) for s, e, r, a in spans]
    paragraphs, sentences = [], []
    for p_idx, (ps, pe) in enumerate(_paragraphs(_kept_pieces(lines, spans, raw), raw)):
        paragraphs.append(Segment(source.id, p_idx, ps, pe, normalize(raw[ps:pe]), p_idx))
        for ss, se in split_sentences(raw, ps, pe):
            sentences.append(Segment(source.id, len(sentences), ss, se, normalize(raw[ss:se]), p_idx))
    return CleanSource(source, removals, paragraphs, sentences, _metadata(source, spans))


def corpus_line_counts(corpus: Corpus) -> dict[str, int]:
    """In how many sources each folded line occurs (for cross-source repetition)."""
    counts: Counter[str] = Counter()
    for src in corpus.sources:
        counts.update({fold(line.text) for line in split_lines(src.raw)})
    return dict(counts)


def clean_corpus(corpus: Corpus, rules: list[Rule], jobs: int | Workers = 1) -> list[CleanSource]:
    """Every source cleaned, in corpus order (``jobs`` worker processes; same result)."""
    counts = corpus_line_counts(corpus)
    return map_sources(clean_source, corpus.sources, jobs, (rules, counts))
