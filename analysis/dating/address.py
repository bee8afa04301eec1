"""Dates from outside the page's text: the manifest's ``published`` and the page's address.

A date in the address is read with htmldate's URL patterns (path only), then a few shapes it
does not know: "...-202505200725" (date and time), and year folders with a month by name
("/2023/sep/26/") or a month-and-day folder ("/2023/1025/", read so only when day-then-month
names no day). Month/day/year and day/month/year in an address are never guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from urllib.parse import urlsplit

from htmldate.extractors import YM_PATTERN, YMD_NO_SEP_PATTERN, extract_url_date
from htmldate.utils import Extractor

from .mentions import MON_RE
from .model import KNOWN, URL, Evidence, month_end

#: Fixed plausibility range for URL dates (htmldate's default ends "today": not reproducible).
_URL_OPTIONS = Extractor(False, datetime(2099, 12, 31), datetime(1995, 1, 1), False, "%Y-%m-%d")
_URL_STAMP = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d(?!\d)")


def iso_or_none(text: str) -> date | None:
    """An ISO date from text the corpus holds, or None when it names no real day."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def manifest_evidence(published: str) -> list[Evidence]:
    if not published:
        return []
    d = date.fromisoformat(published)
    return [Evidence("published", f"published={published}", None, None, d, d, KNOWN,
                     "date given in the manifest", because="the manifest gives its date")]


def _url_day(url: str, d: date, how: str = "") -> Evidence:
    return Evidence("url_date", url, None, None, d, d, URL, f"the address holds the date {d}{how}",
                    because="its web address carries that date")


def _url_month(url: str, first: date) -> Evidence:
    return Evidence("url_month", url, None, None, first, month_end(first), URL,
                    f"the address holds the month {first:%Y-%m}",
                    because=f"its web address carries the month {first:%B %Y}")


#: An address sharing fewer than this share of its headline words with the page's headline was
#: made for another headline: the story was re-headlined (updated) since.
SLUG_TITLE_MIN_SHARE = 0.5


def slug_words(url: str) -> str:
    """The headline words of a page address ("adobe-inc-cancelled-the-acquisition-of-figma")."""
    path = urlsplit(url or "").path.rstrip("/")
    last = re.sub(r"\.(?:html?|php|aspx?)$", "", path.rsplit("/", 1)[-1])
    words = [w for w in re.split(r"[-_+]+", last) if w and not re.fullmatch(r"[\da-f]{6,}|\d+", w)]
    return " ".join(words) if len(words) >= 4 else ""


def renamed(url: str, title: str) -> bool:
    """True when the address's headline words are mostly not the page's headline
    ("/2018/07/25/x-is-preparing-to-give-up-on-y" over "X terminates Y deal")."""
    slug = set(re.findall(r"[a-z0-9]+", slug_words(url).lower()))
    head = set(re.findall(r"[a-z0-9]+", (title or "").lower()))
    return bool(slug and head) and len(slug & head) < SLUG_TITLE_MIN_SHARE * len(slug)


def address_evidence(url: str, title: str = "") -> list[Evidence]:
    """The page's own address date (:func:`url_evidence`). Why the headline: an address keeps
    the date and words of a story's first version; when the page's headline is another one,
    the page is a later version, written on or after that date, not on it."""
    found = url_evidence(url)
    if not found or not renamed(url, title):
        return found
    return [replace(e, latest=None,
                    note=f"{e.note}; its words are not the page's headline, so the story was "
                         "updated since: on or after it",
                    because=f"{e.because}, under another headline: a later version of that story")
            for e in found]


def url_evidence(url: str) -> list[Evidence]:
    """A date in the page's address (htmldate's URL patterns), read from the path only."""
    if not url:
        return []
    path = urlsplit(url).path
    full = extract_url_date(path, _URL_OPTIONS)
    d = iso_or_none(full) if full else None
    if d is not None:
        return [_url_day(url, d)]
    m = YMD_NO_SEP_PATTERN.search(path)
    if m:
        s = m.group(1)
        try:
            d = date(int(s[:4]), int(s[4:6]), int(s[6:]))
        except ValueError:
            d = None
        if d and _URL_OPTIONS.min.date() <= d <= _URL_OPTIONS.max.date():
            return [_url_day(url, d)]
    m = _URL_STAMP.search(path)  # "...-202505200725": year, month, day, hour and minute
    if m:
        d = iso_or_none(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        if d and _URL_OPTIONS.min.date() <= d <= _URL_OPTIONS.max.date():
            return [_url_day(url, d, " (with its time)")]
    if re.search(r"(?<!\d)\d{1,2}[/_-]\d{1,2}[/_-]\d{4}(?!\d)", path):
        return []  # month/day/year or day/month/year: the order is not knowable
    m = YM_PATTERN.search(path)
    if m:
        year, month = m.group("year") or m.group("year2"), m.group("month") or m.group("month2")
        try:
            first = date(int(year), int(month), 1)
        except ValueError:
            return []
        return [_url_month(url, first)]
    return _url_folders(url, path)


_MONTH_FOLDER = re.compile(MON_RE.removesuffix(r"\.?"), re.IGNORECASE)
_MONTH_NUMBER = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                             "sep", "oct", "nov", "dec"), start=1)}


def _url_folders(url: str, path: str) -> list[Evidence]:
    """A year folder of the address, with a month by name and a day when they follow
    ("/news/2023/sep/26/...", "/news/2024/september/...", "/networking/2024/..."), or with month
    and day in one folder ("/news/business/2023/1025/..."): htmldate reads neither. The page's
    own name (the last part) is never read as a folder."""
    parts = [x for x in path.split("/") if x]
    for i, part in enumerate(parts[:-1]):
        if not re.fullmatch(r"(?:19|20)\d\d", part):
            continue
        year = int(part)
        nxt = parts[i + 1] if i + 1 < len(parts) - 1 else ""
        if (re.fullmatch(r"\d{4}", nxt) and _URL_OPTIONS.min.year <= year <= _URL_OPTIONS.max.year
                and (d := iso_or_none(f"{year}-{nxt[:2]}-{nxt[2:]}"))
                and iso_or_none(f"{year}-{nxt[2:]}-{nxt[:2]}") is None):
            # month then day: only when day then month names no day ("1025", not "0512")
            return [_url_day(url, d, f" (a year folder, then month and day: /{part}/{nxt}/)")]
        month = _MONTH_FOLDER.fullmatch(nxt) if nxt else None
        if month is None:
            if not _URL_OPTIONS.min.year <= year <= _URL_OPTIONS.max.year:
                return []
            first, last = date(year, 1, 1), date(year, 12, 31)
            return [Evidence("url_year", url, None, None, first, last, URL,
                             f"the address holds the year {year} as a folder",
                             because=f"its web address files it under the year {year}")]
        first = date(year, _MONTH_NUMBER[month.group(0)[:3].lower()], 1)
        day = parts[i + 2] if i + 2 < len(parts) - 1 else ""
        if re.fullmatch(r"\d{1,2}", day) and (d := iso_or_none(f"{first:%Y-%m}-{int(day):02d}")):
            return [_url_day(url, d)]
        return [_url_month(url, first)]
    return []
