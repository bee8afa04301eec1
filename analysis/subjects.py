"""Who a figure is about: the organisations a sentence names, the corpus's two parties, and the
subject of each figure (the valued party, the target of a deal figure, the company whose shares
moved). Split from :mod:`.claims`, which reads the figures.
"""

from __future__ import annotations

import re
from collections import Counter

from .cleaning import CleanSource
from .numbers import Amount
from .parties import CAMEL_NAME

_ORG = re.compile(
    # (a name in camel case from a small letter or a digit too: "iRobot", "eBay", "1Life")
    rf"\b(?:[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9&]|AI|{CAMEL_NAME}[A-Za-z0-9&.-]*[A-Za-z0-9&])"
    r"(?:\s+(?:[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9&]|AI|&))*"
)
_STOP = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "In", "On", "For", "With",
    "By", "As", "If", "But", "And", "While", "When", "Such", "Should", "Under", "Unlike", "Yet",
    "However", "Moreover", "Furthermore", "Meanwhile", "Investors", "From", "Some", "Many",
    "Our", "We", "They", "He", "She", "Their", "After", "Before", "Given", "Despite",
    "Although", "Still", "Also", "Why", "How", "What", "Details", "More", "Another", "Within",
    "Regulators", "Customers", "Concerns", "Market", "Experts", "Industry", "Final", "Analysis",
    "CEO", "Chief", "Executive", "Officer", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Update", "AI",
}
_TARGET_CTX = re.compile(
    r"(?i)\b(?:invest\w*|stake|injection|bet|acquir\w*|acquisition|buy\w*|purchase|valuation|"
    r"valued|valuing)\b[^.;]{0,80}?\b(?:in|into|of|for)\s+$"
)


def organisations(text: str, outlets: set[str]) -> list[tuple[int, int, str]]:
    """Capitalised name runs that look like organisations (not outlets, not stop words)."""
    out = []
    for m in _ORG.finditer(text):
        words = m.group(0).split()
        while words and words[0] in _STOP:
            words = words[1:]
        while words and words[-1] in {"&"}:
            words = words[:-1]
        name = " ".join(words)
        name = re.sub(r"['’]s$", "", name)
        if not name or name in _STOP or name in outlets or len(name) < 2:
            continue
        start = m.start() + m.group(0).find(words[0])
        out.append((start, start + len(name), name))
    return out


def corpus_parties(cleaned: list[CleanSource], outlets: set[str]) -> tuple[str, str]:
    """The most-cited target ("invest ... in X") and acquirer (the most frequent other name)."""
    targets: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for cs in cleaned:
        for sent in cs.sentences:
            orgs = organisations(sent.text, outlets)
            names.update(n for _, _, n in orgs)
            for s, _, n in orgs:
                if _TARGET_CTX.search(sent.text[max(0, s - 100) : s]):
                    targets[n] += 1
    target = _pick(targets)
    others = Counter({n: c for n, c in names.items() if not _same_org(n, target)})
    return target, _pick(others)


def _canonical(name: str, known: list[str]) -> str:
    """Map a short or glued form ("Scale", "Meta Platforms") to a corpus party name; a leading
    qualifier ("NYSE-listed X", "UK-based X") describes the name after it."""
    name = re.sub(r"^[\w.&]+-(?:listed|based|owned|backed|headquartered)\s+", "", name)
    for k in known:
        if _same_org(name, k):
            return k
    return name


def _pick(counter: Counter[str]) -> str:
    if not counter:
        return ""
    return sorted(counter.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


def _same_org(a: str, b: str) -> bool:
    if not a or not b:
        return False
    fa, fb = a.split()[0].lower(), b.split()[0].lower()
    return fa == fb


def _mask_asides(text: str) -> str:
    """Blank out parenthetical asides (—...—, (...)) so they cannot supply a subject."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))
    text = re.sub(r"—[^—]{1,160}—", blank, text)
    return re.sub(r"\([^()]{1,160}\)", blank, text)


#: "Capital One (COF) is valued at $52 billion": the company the sentence says is valued
_VALUED_SUBJECT = re.compile(r"(?i)\s*(?:\([^)]{1,12}\)\s*)?(?:(?:is|was|are|were|has been|had been)\s+(?:now\s+)?"
                             r"valued\b[^.;]{0,30}"
                             # "X, whose market value as of Wednesday's close was about"
                             r"|,\s+whose\s+market\s+(?:cap|capitali[sz]ation|value)\b[^.;$]{0,40}?"
                             r"\b(?:was|is|stood at)"
                             r"(?:\s+(?:about|around|roughly|nearly|some|almost|more than|over))?\s*"
                             # "Microsoft, with a market value of more than $1.93 trillion,"
                             r"|,\s+with\s+a\s+(?:stock\s+)?market\s+(?:cap|capitali[sz]ation|value)\s+of"
                             r"(?:\s+(?:about|around|roughly|nearly|some|almost|more than|over))?\s*)$")


def valued_party(sentence: str, amount: Amount, orgs: list[tuple[int, int, str]]) -> str | None:
    """The party named right before "is valued at" the figure, if the sentence says so."""
    for _, e, name in reversed([o for o in orgs if o[1] <= amount.start]):
        if _VALUED_SUBJECT.match(sentence[e : amount.start]):
            return name
    return None


def says_valued(sentence: str, amount: Amount, parties: tuple[str, str], outlets: set[str]) -> bool:
    """Whether the sentence names one of the parties right before "is valued at" the figure."""
    known = [p for p in parties if p]
    masked = _mask_asides(sentence)
    orgs = [(s, e, _canonical(n, known)) for s, e, n in organisations(masked, outlets)]
    return valued_party(masked, amount, [o for o in orgs if o[2] in known]) is not None


def find_subject(
    sentence: str, amount: Amount, metric: str, prev_sentence: str, parties: tuple[str, str],
    outlets: set[str],
) -> str:
    """The organisation a figure is about; falls back to the corpus target or acquirer."""
    target, acquirer = parties
    known = [p for p in parties if p]
    sentence = _mask_asides(sentence)
    orgs = [(s, e, _canonical(n, known)) for s, e, n in organisations(sentence, outlets)]
    orgs = [o for o in orgs if o[2] in known]
    if metric in {"deal_value", "stake", "funding"} or metric.startswith("valuation"):
        after = [o for o in orgs if amount.end <= o[0] <= amount.end + 60]
        for s, _, name in after:
            if re.search(r"(?i)\b(?:in|into|of|for)\s+(?:the\s+)?$", sentence[max(0, s - 12) : s]):
                return name
        before = [o for o in orgs if o[1] <= amount.start]
        if metric.startswith("valuation"):
            named = valued_party(sentence, amount, orgs)
            if named:
                return named
        for _, e, name in reversed(before):
            if metric.startswith("valuation") and (re.match(r"['’]s\b", sentence[e : e + 3])
                                                   or re.match(r",\s+whose\b", sentence[e : e + 9])):
                return name  # "X's market value", "X, whose market value ... was"
        return target or (orgs[0][2] if orgs else "")
    if metric == "share_price_move":
        for _, e, name in orgs:
            tail = sentence[e : e + 30]
            if re.match(r"(?i)(?:['’]s)?\s*(?:\([A-Z.]+\)\s*)?(?:stock|shares|share price)", tail):
                return name
        m = re.search(r"(?i)shares (?:of|in) ((?:[A-Z][\w&.-]*\s?){1,4})", sentence)
        if m:
            return m.group(1).strip()
        return acquirer
    before = [o for o in orgs if o[1] <= amount.start]
    if before:
        return before[-1][2]
    prev = [o for o in organisations(prev_sentence, outlets) if _canonical(o[2], known) in known]
    if prev:
        return _canonical(prev[-1][2], known)
    if orgs:
        return orgs[0][2]
    return acquirer if metric in {"capex", "share_price_move"} else target
