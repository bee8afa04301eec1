"""Page-level dates: the stamps a page carries (the manifest and the address: :mod:`.address`).

Stamps are read from the raw text's head (the lines above the story) and the opening of the
story: a leading ``date 2024-03-21`` line, "Published ... | Last updated ...", a byline with a
date, a dateline ("NEW YORK, Feb 24 (Reuters) -"), and "Update as of ..." blocks that make a
page hold several versions. Traps: a date in the site header among navigation is the day the
page was captured (an upper bound only); sidebar dates of other items and copyright years are
never read (they sit outside the head or are removed by the cleaner).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..cleaning import CleanSource, Line, Segment, split_lines
from ..textnorm import normalize
from .address import iso_or_none
from .mentions import DAY_RE, MON_RE, YEAR_RE, find_dates
from .model import HEADER, STAMP, UPDATED_STAMP_REF, Evidence, Version, month_end, words

#: The head of a page: at most this many lines above the first story paragraph.
HEAD_LINES = 30
#: Stamps are also looked for among the short lines of the first lines of a page.
HEAD_TOP = 8

#: a leading metadata line: "date 2024-03-21", or only its month, "date 2023-06" (the whole month)
#: The first lines of a page, where its byline gives the day its date line may give in another zone.
HEAD_ZONE_LINES = 3
_LEADING_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?![\w-])")
#: a newswire's closing stamp on a line of its own at the foot: "01-17-25 1837ET" (the US
#: month-day-year and a 24-hour clock with its zone, as Dow Jones Newswires closes each item)
_WIRE_FOOT = re.compile(r"^\s*(\d\d)-(\d\d)-(\d\d)\s+(?:[01]\d|2[0-3])[0-5]\d\s*(?:ET|EST|EDT|GMT|UTC)\s*$")
#: how many lines from the page's foot its closing stamp may sit
FOOT_LINES = 3
_NUMERIC_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")
#: "4/21/25 2:52PM": month/day/year as US bylines write it (read only when the order is sure)
_NUMERIC_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
_AM_PM = re.compile(r"(?i)\d\s*[ap]\.?m\b")
#: a clock time with its zone: "3:05 PM EST", "03:53 PM (GMT+8)", "10:00 UTC+08:00"
_ZONE = r"(?:\s+\(?[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d\d)?)?\b\)?)?"
_TIME = re.compile(rf"(?i)\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?{_ZONE}|"
                   rf"\b\d{{1,2}}\s*[ap]\.?m\.?\b{_ZONE}")
_UPDATED = re.compile(r"(?i)\b(?:(?:last\s+)?updated|(?:last\s+)?modified|revised)\b")
_LABEL_WORDS = re.compile(
    r"(?i)\b(?:first|last|published|posted|author|authors|written|updated|modified|revised|date[ds]?|press|release[sd]?|"
    r"issued|on|at|by|originally|original|article|from|time|mon|tue|tues|wed|thu|thur|thurs|fri|"
    r"sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|news)\b")
_VERB = re.compile(r"(?i)\b(?:is|are|was|were|be|been|has|have|had|said|says|will|would|could|"
                   r"announced|agreed|reported|told|which|that|the)\b")
_DATELINE = re.compile(
    rf"\[?(?:(?P<place>[A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){{0,3}}),?\s+)?"
    rf"(?P<date>{MON_RE}\s?{DAY_RE}(?:,?\s*{YEAR_RE})?|{DAY_RE}\s+{MON_RE}(?:,?\s*{YEAR_RE})?)\]?\s*"
    rf"(?:\((?P<agency>[^)\n]{{2,40}})\)|/(?P<wire>[^/\n]{{2,40}})/)?\s*[-–—]{{1,2}}\s")
_UPDATE_MARK = re.compile(
    r"(?im)^[ \t]*(?:update[ds]?|editor'?s note|correction)(?:\s+as of|\s+on)?\s+(?P<when>[^:\n]{3,40}):")
_ORIGINAL_MARK = re.compile(
    r"(?im)^[ \t]*original(?:ly)?(?:\s+(?:article|story|post|version))?(?:\s+published)?"
    r"(?:\s+(?:from|on))?\s*:?\s+(?P<when>[^:\n]{3,40}?)\s*(?::|$)")
#: a print edition's credit line: the date beside it is the printed issue's, which the web
#: piece precedes or matches ("This article appeared in the Business section of the print
#: edition under the headline ..." above "Business January 20th 2024")
_PRINT = re.compile(r"(?i)\bprint(?:ed)?\s+(?:edition|issue)\b|\bappeared\s+in\s+print\b")
#: a quoted piece's credit line with its date, under the piece a newsletter quotes: "- from
#: Reuters (01/16/24) - Synopsys to buy ...", "— via Reuters (Jan. 16, 2024)": a dash opens it and
#: the date is in brackets (a chart's "Source: X, as of Jan. 12" or "From Monday, January 8, ..."
#: is no credit)
_CREDIT = re.compile(
    r"^[ \t]*[-–—]+[ \t]*(?i:from|source:?|via)[ \t]+(?P<outlet>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,4})"
    r"[ \t]*\((?P<paren>[^)\n]{4,30})\)")
#: a quoted piece opens a line with a quotation mark
_QUOTE_OPEN = re.compile(r"^[\"“‘']")
#: a line of dashes or rules between quoted pieces
_RULE_LINE = re.compile(r"^[\s\-–—=_*#~]+$")
_NAV_RULES = {"nav_strip", "nav_strip_inline", "masthead", "skip_link", "breadcrumb", "logo_line",
              "section_label", "share_line", "promo"}


@dataclass
class Partial:
    """A date without a year, waiting for the year to be resolved from other evidence."""

    rule: str
    quote: str
    start: int | None
    end: int | None
    month: int
    day: int | None
    pubdate: bool  # True: the date IS the publication date (dateline); False: a past mention
    weekdays: frozenset[int] = frozenset()
    event_dates: tuple[date, ...] = ()
    weekday_beside: int | None = None  # a weekday named right beside it ("Friday (Sept. 27)")


@dataclass(frozen=True)
class Credit:
    """A piece the page quotes, dated by its credit line: its own "Tuesday" is that piece's."""

    start: int  # raw span of the quoted piece, above its credit line
    end: int
    day: date
    quote: str  # the credit line


@dataclass
class PageScan:
    """What the page itself says about its date, before the story text is read."""

    evidence: list[Evidence] = field(default_factory=list)
    dateline: Partial | None = None
    dateline_end: int | None = None
    versions: list[Version] = field(default_factory=list)
    consumed: list[tuple[int, int]] = field(default_factory=list)  # raw spans read as stamps
    credits: list[Credit] = field(default_factory=list)  # quoted pieces with their own dates


# --------------------------------------------------------------------------- head of the page


def _is_body(line: Line) -> bool:
    return len(line.text.split()) >= 15 and bool(re.search(r"[.!?]", line.text))


def head_and_body(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Lines above the first story paragraph (at most :data:`HEAD_LINES`), and the rest."""
    for i, line in enumerate(lines[:HEAD_LINES + 1]):
        if _is_body(line):
            return lines[:i], lines[i:]
    return lines[:HEAD_LINES], lines[HEAD_LINES:]


def _stamp_dates(text: str) -> list[tuple[str, date | None, int | None, int | None, int, int]]:
    """(role, full date, month, day, start, end) for each date in a stamp-shaped line, else []."""
    if len(text.split()) > 18 or len(text) > 160:
        return []
    found = []
    for m in _NUMERIC_DMY.finditer(text):
        try:
            found.append((date(int(m.group(3)), int(m.group(2)), int(m.group(1))), None, None,
                          m.start(), m.end()))
        except ValueError:
            continue
    for m in _NUMERIC_SLASH.finditer(text):
        d = _slash_date(m, us=bool(_AM_PM.search(text)))
        if d is not None:
            found.append((d, None, None, m.start(), m.end()))
    for h in find_dates(text):
        if any(s <= h.start < e for *_, s, e in found):
            continue
        if h.kind == "full":
            found.append((date(h.year, h.month, h.day), None, None, h.start, h.end))
        elif h.kind == "month_day":
            found.append((None, h.month, h.day, h.start, h.end))
    if not found:
        return []
    rest = text
    for *_, s, e in sorted(found, key=lambda f: -f[3]):
        rest = rest[:s] + " " + rest[e:]
    rest = _TIME.sub(" ", rest)
    if _VERB.search(rest):
        return []
    rest = _LABEL_WORDS.sub(" ", rest)
    leftover = re.findall(r"[A-Za-z][\w'’.-]*", rest)
    if len(leftover) > 5:
        return []
    out = []
    for d, mon, day, s, e in sorted(found, key=lambda f: f[3]):
        seg_start = max(text.rfind("|", 0, s), text.rfind("·", 0, s), 0)
        role = "updated" if _UPDATED.search(text[seg_start:s]) else "published"
        out.append((role, d, mon, day, s, e))
    return out


def _foot_date(m: re.Match[str]) -> date | None:
    """The day of a closing stamp "01-17-25 1837ET": month first, as the US wires write it,
    unless the first number cannot be a month."""
    a, b, y = int(m.group(1)), int(m.group(2)), 2000 + int(m.group(3))
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return date(y, month, day)
    except ValueError:
        return None


def _slash_date(m: re.Match[str], us: bool) -> date | None:
    """The date of "4/21/25" (a day above 12 tells the order; else a US 12-hour clock beside it
    makes it month/day; else it is not knowable)."""
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    year = y + 2000 if y < 100 else y
    if a > 12 >= b:
        month, day = b, a
    elif b > 12 >= a or (us and a <= 12 and b <= 12):
        month, day = a, b
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _line_index(lines: list[Line], line: Line) -> int:
    """Where ``line`` sits in the page's lines (they are in raw order)."""
    return bisect_left([x.start for x in lines], line.start)


def _in_dated_run(lines: list[Line], line: Line, run: int = 3) -> bool:
    """Whether ``line`` is one of ``run`` or more stamp-shaped lines in a row of the page."""
    i = _line_index(lines, line)
    lo = hi = i
    while lo > 0 and _stamp_dates(lines[lo - 1].text):
        lo -= 1
    while hi + 1 < len(lines) and _stamp_dates(lines[hi + 1].text):
        hi += 1
    return hi - lo + 1 >= run


def _credit_date(m: re.Match[str]) -> date | None:
    """The full date in a credit line's brackets ("(01/16/24)", "(Jan. 16, 2024)"), when it is sure."""
    text = m.group("paren")
    if (sm := _NUMERIC_SLASH.search(text)) is not None:
        return _slash_date(sm, us=False)
    full = [h for h in find_dates(text) if h.kind == "full"]
    return date(full[0].year, full[0].month, full[0].day) if full else None


def quoted_credits(lines: list[Line]) -> list[Credit]:
    """The quoted pieces of a page, each from the line after the last rule or credit line above
    it down to its dated credit line."""
    out: list[Credit] = []
    start, quoted = 0, False
    for line in lines:
        if _RULE_LINE.match(line.text):
            start, quoted = line.end, False
            continue
        m = _CREDIT.match(line.text)
        if m is None:
            quoted = quoted or bool(_QUOTE_OPEN.match(line.text))
            continue
        d = _credit_date(m)
        if d is not None and quoted and line.start > start:
            out.append(Credit(start, line.start, d, line.text))
        start, quoted = line.end, False
    return out


def _print_issue(lines: list[Line], line: Line) -> int | None:
    """Where in ``line`` its print edition's dates begin: after the words naming a print edition
    in it ("By X, January 18, 2024 | Print edition: January 20, 2024": the second date), or at 0
    under a line that names one; None when it dates no print edition."""
    if (own := _PRINT.search(line.text)) is not None:
        return own.end()
    at = _line_index(lines, line)
    return 0 if any(_PRINT.search(x.text) for x in lines[max(0, at - 2):at]) else None


def _removed_rules(cs: CleanSource, line: Line) -> set[str]:
    return {r.rule for r in cs.removals if r.action == "remove" and r.start < line.end
            and line.start < r.end}


def _title_index(cs: CleanSource, head: list[Line]) -> int | None:
    title = " ".join(cs.source.title.split()).casefold()
    if not title:
        return None
    for i, line in enumerate(head):
        if " ".join(line.text.split()).casefold().startswith(title[:60]):
            return i
    return None


def _leading_span(text: str) -> tuple[date, date] | None:
    """The days a leading date line names: one day, or a whole month ("2023-06").

    A month alone bounds the page from above only: a copy dated by the month may be a portal's
    repost, later than the story (a Monday's story under "date 2023-03" of the month after)."""
    if len(text) > 7:
        d = iso_or_none(text)
        return None if d is None else (d, d)
    first = iso_or_none(text + "-01")
    return None if first is None else (first, month_end(first))


def page_scan(cs: CleanSource) -> PageScan:
    """The page's own date evidence: stamps and datelines in its head, update blocks."""
    raw = cs.source.raw
    scan = PageScan()
    lines = split_lines(raw)
    head, body = head_and_body(lines)

    m = _LEADING_DATE.match(raw)
    span = _leading_span(m.group(1)) if m else None  # "date 2024-00-10" is no date at all
    if m and span is not None:
        lo, hi = span
        if lo == hi and any(h.kind == "full" and date(h.year, h.month, h.day) == lo - timedelta(days=1)
                            for x in lines[:HEAD_ZONE_LINES] for h in find_dates(x.text)):
            # "date 2022-11-19" over the byline "Nov. 18, 2022 9:34 PM ET": a scraper's date line
            # is a day of another time zone (the next day in UTC for an evening story)
            scan.evidence.append(Evidence(
                "date_line", m.group(0).strip(), m.start(1) - 5, m.end(1), lo - timedelta(days=1), hi, STAMP,
                f"the page opens with the date {lo}, and its head gives the day before: one of them "
                "is another time zone's day", because="the page opens with that date, a day after "
                "the date its byline gives (another time zone's day)"))
        elif lo == hi:
            scan.evidence.append(Evidence("date_line", m.group(0).strip(), m.start(1) - 5, m.end(1),
                                          lo, hi, STAMP, f"the page opens with its date {lo}",
                                          because="the page opens with that date"))
        else:  # a month alone: the page existed by its end; a portal's copy may postdate the story
            scan.evidence.append(Evidence("date_line", m.group(0).strip(), m.start(1) - 5, m.end(1),
                                          None, hi, STAMP, f"the page opens with the month {m.group(1)}: "
                                          f"appeared on or before {hi}",
                                          because=f"the page opens with the month {m.group(1)}, "
                                                  "the date of this copy at a month's precision"))
        scan.consumed.append((m.start(), m.end()))

    for line in lines[-FOOT_LINES:]:
        fm = _WIRE_FOOT.match(line.text)
        d = _foot_date(fm) if fm else None
        if d is not None:
            scan.evidence.append(Evidence(
                "stamp", line.text, line.start, line.end, d, d, STAMP,
                f"the newswire's closing stamp {d}",
                because="the item closes with the newswire's stamp of that day"))
            scan.consumed.append((line.start, line.end))
            break

    opening = lines[:len(head) + 4]  # where a dateline can open the story
    if len(head) < HEAD_TOP:  # a standfirst above the stamp: look a little further down
        head = head + [x for x in body[:HEAD_TOP - len(head)] if len(x.text.split()) <= 18]
    title_at = _title_index(cs, head)
    published: list[tuple[date, Evidence]] = []
    updated: list[tuple[date, Evidence]] = []
    stamped = [bool(_stamp_dates(line.text)) for line in head]
    for i, line in enumerate(head):
        removed = _removed_rules(cs, line)
        if removed & {"related_list", "related_links", "copyright", "today_widget"}:
            continue  # another item's date, or the day of the crawl beside the weather
        stamps = _stamp_dates(line.text) if stamped[i] else []
        if not stamps:
            continue
        listed = (i > 0 and stamped[i - 1]) or (i + 1 < len(head) and stamped[i + 1])
        if "sidebar_date" in removed and listed:
            continue  # a run of dated lines is a list of other items, not the page's stamp
        if _in_dated_run(lines, line):
            continue  # three dated lines in a row ("2024-12-25 12:15 1131 view" ...): a widget's list
        near = head[max(0, i - 2):i + 3]
        nav_near = any(_removed_rules(cs, x) & _NAV_RULES for x in near if x is not line)
        only_date = len(stamps) == 1 and not _LABEL_WORDS.sub("", _TIME.sub("", line.text.replace(
            line.text[stamps[0][4]:stamps[0][5]], ""))).strip(" ,|·•/-–—")
        if nav_near and only_date and (title_at is None or i < title_at):
            role, d, *_ = stamps[0]
            if d is not None:
                scan.evidence.append(Evidence(
                    "header_date", line.text, line.start, line.end, None, d, HEADER,
                    "a bare date in the site header among navigation: the day the page was "
                    "captured, so an upper bound only",
                    because="the site header shows that day's date, the day the page was "
                            "captured"))
                scan.consumed.append((line.start, line.end))
            continue
        if (printed := _print_issue(lines, line)) is not None:
            for _role, d, *_, ds, _de in stamps:
                if d is not None and ds >= printed:
                    scan.evidence.append(Evidence(
                        "print_date", line.text, line.start, line.end, None, d, STAMP,
                        f"the print edition's date {d}: the web piece appeared on or before it",
                        because="the page's print-edition line dates the printed issue, which "
                                "the web piece precedes or matches"))
            stamps = [x for x in stamps if x[4] < printed]
            if not stamps:
                scan.consumed.append((line.start, line.end))
                continue
        for role, d, mon, day, _s, _e in stamps:
            if d is None:
                if scan.dateline is None:
                    scan.dateline = Partial("stamp", line.text, line.start, line.end, mon, day,
                                            pubdate=True)
                    scan.dateline_end = line.end
                continue
            ev = Evidence("stamp", line.text, line.start, line.end, d, d, STAMP,
                          f"{role} stamp {d}", because=f"the page says it was {role} then")
            (updated if role == "updated" else published).append((d, ev))
        scan.consumed.append((line.start, line.end))
    if published or updated:
        lo = min(d for d, _ in published) if published else max(d for d, _ in updated)
        hi = max(d for d, _ in updated) if updated else max(d for d, _ in published)
        if hi < lo:
            hi = lo
        first = (published or updated)[0][1]
        because = (f"the page says it was published on {words(lo)} and last updated on "
                   f"{words(hi)}" if lo != hi else first.because)
        # one item for all the stamps, quoted from the first to the last: raw[start:end] == quote
        s0 = min(e.start for _, e in published + updated)
        e0 = max(e.end for _, e in published + updated)
        scan.evidence.append(Evidence("stamp", raw[s0:e0], s0, e0, lo, hi, STAMP,
            f"stamps: published {lo}, updated {hi}" if lo != hi else first.note,
            ref=UPDATED_STAMP_REF if lo != hi and published else "", because=because))

    for line in opening:
        dm = _DATELINE.match(raw, line.start)
        if dm is not None and _print_issue(lines, line) is not None:
            continue  # "Business January 20th 2024" under a print-edition credit is no dateline
        if dm is None or not (dm.group("place") or dm.group("agency") or dm.group("wire")
                              or line.text.startswith("[")):
            continue
        text = dm.group(0).strip()
        hits = [h for h in find_dates(dm.group("date")) if h.kind in ("full", "month_day")]
        if not hits:
            continue
        h = hits[0]
        place = dm.group("place") or ""
        if place and not place.split()[0].strip(",").isupper() and not (
                h.kind == "full" or dm.group("agency") or dm.group("wire")):
            continue  # "Brussels, February 11, 2024 -" is a dateline; "Shares, Feb 8 -" is not
        scan.consumed.append((dm.start(), dm.end()))
        start, end = line.start, line.start + len(dm.group(0).rstrip())
        if h.kind == "full":
            d = date(h.year, h.month, h.day)
            scan.evidence.append(Evidence("dateline", text, start, end, d, d, STAMP,
                                          f"the dateline states the full date {d}",
                                          because="its dateline gives that date"))
        elif scan.dateline is None or scan.dateline.rule == "stamp":
            scan.dateline = Partial("dateline", text, start, end, h.month, h.day, pubdate=True)
        scan.dateline_end = end
        break

    scan.credits = quoted_credits(lines)
    scan.versions = _versions(raw)
    if scan.versions:
        latest = max(scan.versions, key=lambda v: v.day)
        if latest.label == "update":
            note = raw[latest.start:latest.start + 60].split("\n")[0].rstrip()  # its line, as written
            scan.evidence.append(Evidence(
                "update_note", note, latest.start, latest.start + len(note),
                latest.day, latest.day, STAMP,
                f"the page's latest version is dated {latest.day}",
                because="its latest version (an update note) carries that date"))
    return scan


def _versions(raw: str) -> list[Version]:
    """Dated versions of a page: update blocks (to the end of their paragraph) and the original."""
    marks = []
    for rx, label in ((_UPDATE_MARK, "update"), (_ORIGINAL_MARK, "original")):
        for m in rx.finditer(raw):
            hits = [h for h in find_dates(m.group("when")) if h.kind == "full"]
            if hits:
                h = hits[0]
                marks.append((m.start(), date(h.year, h.month, h.day), label))
    if not marks:
        return []
    marks.sort()
    out = []
    for k, (start, day, label) in enumerate(marks):
        nxt = marks[k + 1][0] if k + 1 < len(marks) else len(raw)
        if label == "update":
            para = raw.find("\n\n", start)
            nxt = min(nxt, para if para >= 0 else len(raw))
        out.append(Version(start, nxt, day, label))
    return out


def visible_sentences(cs: CleanSource, consumed: list[tuple[int, int]]) -> list[Segment]:
    """The story's sentences with the page's stamps blanked out (same length, same offsets).

    A leading "date 2024-03-21" glued to the first sentence is the page's date, not an event
    the sentence reports.
    """
    out = []
    raw = cs.source.raw
    for seg in cs.sentences:
        if any(s <= seg.start and seg.end <= e + 1 for s, e in consumed):
            continue
        text = seg.text
        for s, e in consumed:
            if s < seg.end and seg.start < e:
                piece = normalize(raw[max(s, seg.start):min(e, seg.end)]).strip()
                i = text.find(piece) if piece else -1
                if i >= 0:
                    text = text[:i] + " " * len(piece) + text[i + len(piece):]
        out.append(seg if text == seg.text else replace(seg, text=text))
    return out
