"""Events learned from the corpus itself, so a corpus needs no hand-made events file.

When a source dated by its own page says the deal "was announced on Monday", or any source
says it "was abandoned on December 18, 2023", that is a dated deal event (its kind is the
stage the sentence names). Another source reporting the same kind of event with a shared name
or figure was written on or after it; one naming the weekday or "today" is bounded on both
sides. Only sources dated by their own page (manifest, stamp, dateline, address) teach
events, so a learned date never rests on another learned date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from ..cleaning import CleanSource
from ..formatting import money
from .body import FOLLOW_ON_NOUN, CorpusContext, Scan, follow_on_figures, sentence_tokens
from .events import RefEvent
from .mentions import clause, find_dates, find_weekdays, tense
from .model import STAGE_RANK, STALE_PRONE, STAMP, URL, SourceDate, days, month_end, span_words, words
from .stage import hedged, recap, stage_hits
from .ties import MILESTONES, _figures

#: A teaching source's own window may be at most this many days wide.
TEACHER_MAX_WIDTH = 1
#: A lone page's date of a milestone is outvoted when at least this many other pages date the
#: same happening (its kind and figure) more than this many days away.
OUTVOTING_TEACHERS = 2
OUTVOTED_GAP_DAYS = 366
_KIND_WORDS = {"talks": "the reported talks", "agreed": "the deal's announcement",
               "regulatory_review": "the regulatory step", "completed": "the deal's completion",
               "ended": "the deal's end"}
#: The same, for a happening of a later amount ("injected an additional $2.75bn in March").
_LATER_WORDS = {"agreed": "the announcement of a further amount", "completed": "the payment of a further amount"}
#: A closing attribution clause: "the companies announced on Sunday", "Acme said on Monday".
_ATTRIBUTION = re.compile(r"\s*(?:the |both )?(?:[\w’'.&-]+\s+){0,4}?(?:said|says|announced|confirmed|"
                          r"disclosed|reported|told\s+\w+)\b", re.IGNORECASE)
_TODAY = re.compile(r"(?i)\b(?:today|this morning|earlier today|tonight)\b")
_YESTERDAY = re.compile(r"(?i)\byesterday\b")


def _own_window(d: SourceDate) -> tuple[date, date] | None:
    """The window set by the source's own page, when it is narrow enough to date events."""
    own = [e for e in d.evidence if e.used and e.strength >= URL and e.earliest and e.latest]
    if not own or d.earliest is None or d.latest is None:
        return None
    if (d.latest - d.earliest).days > TEACHER_MAX_WIDTH:
        return None
    return d.earliest, d.latest


def _label(cs: CleanSource) -> str:
    return cs.source.label


def learn_events(cleaned: Sequence[CleanSource], scans: Sequence[Scan],
                 dates: Sequence[SourceDate], ctx: CorpusContext
                 ) -> tuple[list[RefEvent], dict[str, str]]:
    """Dated deal events named in the corpus, one per (kind, dates), with their sources; and
    the sources whose own date the others outvote (:func:`outvoted`), with why. An event only
    they taught is left out."""
    by_id = {d.source_id: d for d in dates}
    sentences = {s.source_id: s.sentences for s in scans}
    credits = {s.source_id: s.page.credits for s in scans}
    found: dict[tuple[str, date, date], RefEvent] = {}
    # who taught each event: the names of the happening's own clause, and whether a date in its
    # text (not the page's own date) dated it
    taught: dict[tuple[str, date, date], dict[str, tuple[frozenset[str], bool]]] = {}
    for cs in cleaned:
        d = by_id.get(cs.source.id)
        window = _own_window(d) if d else None
        segs = sentences.get(cs.source.id, cs.sentences)
        # the later amount a piece leads with ("investing an additional $4 billion"): what its
        # "the new infusion, announced on Friday" further down is
        lead_later = frozenset().union(*(follow_on_figures(x.text) for x in segs[:2]))
        for n, seg in enumerate(segs):
            hits = [(k, m) for k, m in stage_hits(seg.text) if k != "aftermath"]
            if not hits:
                continue
            fresh = [(k, m) for k, m in hits if not recap(seg.text, m.start())]
            # a piece the page quotes under a dated credit line has its own "Tuesday"
            credit = next((c for c in credits.get(cs.source.id, ())
                           if c.start <= seg.start and seg.end <= c.end), None)
            caption = None if credit else caption_day(segs, n)
            dated = _event_dates(seg.text, (credit.day, credit.day) if credit else
                                 (caption, caption) if caption else window)
            if credit is not None:
                dated = [(lo, hi, at, f"{why} (the piece it quotes, credited \u201c{_clip(credit.quote, 60)}\u201d)",
                          explicit) for lo, hi, at, why, explicit in dated]
            elif caption is not None:
                dated = [(lo, hi, at, f"{why} (after the date {caption} its paragraph gives)", explicit)
                         for lo, hi, at, why, explicit in dated]
            for lo, hi, at, why, explicit in dated:
                # a weekday or "today" dates a fresh happening, never a recapped one; the
                # sentence's latest stage names the happening ("announced Tuesday that it has
                # provisionally found" is a regulatory step, not an announcement of the deal)
                # a date names the happening of its own clause ("announced in May 2022 ...,
                # and on 22 November completed it"; "follows a deal completed earlier this year")
                own = clause(seg.text, at)
                # with no happening in its own clause, a date may name one of a clause that
                # has no date of its own ("announced in February 2024, ... and regulators
                # approving it in April": April is not the announcement's)
                others = {clause(seg.text, d[2]) for d in dated} - {own}
                # (and only a happening told as one: "disclosed a stake on Friday ... and said it
                # could engage in talks" dates the disclosure, not talks)
                pool = [h for h in hits if clause(seg.text, h[1].start()) == own] or [
                    h for h in (hits if explicit else fresh)
                    if clause(seg.text, h[1].start()) not in others and not hedged(seg.text, h[1].start())]
                if _ATTRIBUTION.match(seg.text, own[0]) and own[1] >= len(seg.text.rstrip(" .\n")):
                    # "X has completed its purchase of Y, the companies announced on Sunday":
                    # the closing attribution dates the happening it reports
                    pool = [h for h in fresh if clause(seg.text, h[1].start()) != own] or pool
                if not pool:
                    continue
                top = max(STAGE_RANK[k] for k, _ in pool)
                kind, m = min(((k, m) for k, m in pool if STAGE_RANK[k] == top),
                              key=lambda h: abs(h[1].start() - at))
                cs_, ce = clause(seg.text, m.start())
                quote = seg.text[min(cs_, at):max(ce, m.end())].strip(" ,;")
                names = sentence_tokens(seg.text)
                tokens = ctx.distinctive(names)
                key = (kind, lo, hi)
                had_names, had_explicit = taught.setdefault(key, {}).get(cs.source.id, (frozenset(), True))
                taught[key][cs.source.id] = (had_names | sentence_tokens(quote), had_explicit and explicit)
                later = follow_on_figures(seg.text[cs_:ce]) or (
                    lead_later if _names_the_later_deal(seg.text, m.start(), hits) else frozenset())
                what = _LATER_WORDS.get(kind) if later else None
                name = f"{what or _KIND_WORDS.get(kind, kind)} (\u201c{_clip(quote)}\u201d)"
                if key in found:
                    old = found[key]
                    found[key] = RefEvent(old.key, lo, hi, old.name, old.source, kind=kind,
                                          tokens=old.tokens | tokens, names=old.names | names,
                                          learned_from=old.learned_from, quote=old.quote,
                                          basis=old.basis, follow_on=old.follow_on | later)
                    continue
                found[key] = RefEvent(f"learned:{cs.source.id}:{seg.index}", lo, hi, name,
                                      _label(cs), kind=kind, tokens=tokens, names=names,
                                      learned_from=cs.source.id, quote=quote, basis=why,
                                      follow_on=later)
    figures_of: dict[str, frozenset[str]] = {}

    def page_figures(source_id: str) -> frozenset[str]:
        if source_id not in figures_of:
            figures_of[source_id] = frozenset().union(
                *(_figures(sentence_tokens(x.text)) for x in sentences.get(source_id, ())))
        return figures_of[source_id]

    stamped = {d.source_id for d in dates if any(
        e.used and e.rule in STALE_PRONE and e.strength == STAMP for e in d.evidence)}
    years_named = {s.source_id: set(s.anchors) for s in scans}

    def tells_of_an_earlier_round(source_id: str) -> bool:
        return any(_EARLIER_ROUND.search(x.text) for x in sentences.get(source_id, ()))

    votes = outvoted(found, taught, page_figures, stamped, years_named, tells_of_an_earlier_round)
    kept = [ev for key, ev in found.items() if taught[key].keys() - votes.keys()]  # some teacher stands
    return sorted(kept, key=lambda e: (e.earliest, e.latest, e.kind, e.key)), votes


#: Words telling of an earlier round of the deal: "four years after its first deal for Beta was
#: terminated", "agreed again".
_ROUND = r"(?:deal|agreement|bid|offer|attempt|merger|takeover|acquisition)s?\b"
_EARLIER_ROUND = re.compile(
    rf"(?i)\b(?:failed|abandoned|terminated|collapsed|scrapped|aborted)\s+(?:[\w$.,'’-]+\s+){{0,3}}?{_ROUND}"
    rf"|\b(?:first|earlier|previous|prior)\s+(?:[\w$.,'’-]+\s+){{0,3}}?{_ROUND}[^.]{{0,60}}?\b(?:terminated|"
    r"abandoned|collapsed|scrapped|called off|fell (?:apart|through)|failed|blocked)\b"
    r"|\b(?:agreed|agrees|bid|bids|offered|struck a deal)\s+(?:once\s+)?again\b|\bagain\s+(?:agreed|bid|offered)\b")


def outvoted(found: dict[tuple[str, date, date], RefEvent],
             taught: dict[tuple[str, date, date], dict[str, tuple[frozenset[str], bool]]],
             page_figures: Callable[[str], frozenset[str]], stamped: set[str],
             years_named: dict[str, set[int]], earlier_round: Callable[[str], bool]) -> dict[str, str]:
    """Sources whose page stamp alone dates a milestone more than a year from the date at least
    ``OUTVOTING_TEACHERS`` other pages give the same happening, with why.

    Why: a scraper's metadata line can be wrong by years ("date 2017-07-11" over a story of
    the deal's announcement in 2022). Such a page teaches a false date of the announcement,
    which would then bound every page that mentions it from years too early; and its own
    stamp is what the other pages contradict. Pages agreeing among themselves outvote it when:
    the lone page dates the happening through its stamp (a weekday, "today"; never a date its
    text names, nor an address or the manifest); each voter's clause of the happening shares two
    names with the lone one's (the parties) and its page a figure of the lone page; and no other
    page names the lone date's year or tells of an earlier round ("four years after its first
    deal was terminated", "agreed again"): a deal agreed in 2019 and again in 2023, or a first
    stake "in 2019", is an earlier happening, not a wrong stamp. A corpus of a deal agreed twice
    at one price whose later pages say neither would lose the first page's stamp: the evidence
    table says so, with the pages that outvoted it.
    """
    out: dict[str, str] = {}
    for key, ev in found.items():
        if ev.kind not in MILESTONES or len(taught[key]) != 1 or ev.follow_on:
            continue  # a later amount ("another $4 billion") is a happening of its own
        ((lone, (own, explicit)),) = taught[key].items()
        if explicit or lone not in stamped or any(
                ev.earliest.year in years for sid, years in years_named.items() if sid != lone):
            continue
        if any(earlier_round(sid) for sid in years_named if sid != lone):
            continue
        figures, parties = page_figures(lone), own - _figures(own)
        for other_key, other in found.items():
            if other.kind != ev.kind or other.follow_on or max(
                    (other.earliest - ev.latest).days, (ev.earliest - other.latest).days) <= OUTVOTED_GAP_DAYS:
                continue
            # a voter's clause names two of the lone clause's names (the parties: "Acme's purchase
            # of Gamma" is not Acme's of Beta), and its page a figure of the lone page
            voters = {sid: page_figures(sid) & figures for sid, (names, _) in taught[other_key].items()
                      if sid != lone and len(names & parties) >= 2 and page_figures(sid) & figures}
            if len(voters) >= OUTVOTING_TEACHERS:
                figure = money(float(min(frozenset().union(*voters.values()))[1:]), digits=3)
                out[lone] = (f"its page stamp dates {_KIND_WORDS.get(ev.kind, ev.kind)} ({figure}) "
                             f"{span_words(ev.earliest, ev.latest)}, but {len(voters)} other pages "
                             f"({', '.join(sorted(voters))}) date it {span_words(other.earliest, other.latest)}, "
                             f"and no page names {ev.earliest.year}")
                break
    return out


def _names_the_later_deal(text: str, at: int, hits: list[tuple[str, re.Match[str]]]) -> bool:
    """Whether the happening at ``at`` is a later deal named without its figure ("The new
    infusion, announced on Friday, ..."): the phrase comes before it with no other happening
    between (in "the new infusion, announced ..., follows a deal completed earlier", the
    completion is the earlier deal's)."""
    names = [n for n in FOLLOW_ON_NOUN.finditer(text) if n.end() <= at]
    if not names:
        return False
    last = names[-1].end()
    return not any(last <= h.start() < at for _, h in hits)


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n - 1)
    return text[: cut if cut > 0 else n - 1].rstrip(" ,;:") + "…"


def caption_day(segs: Sequence, n: int) -> date | None:
    """The day a sentence's weekday names when the sentence before it, in its paragraph, gives a
    full date on that weekday: a photo caption ("... Century City, 14 December 2017. The company
    announced plans on Thursday to ...") tells of its own day, not of the page's."""
    if n == 0 or segs[n - 1].paragraph != segs[n].paragraph or segs[n].paragraph < 0:
        return None
    before = segs[n - 1].text
    fulls = [h for h in find_dates(before) if h.kind == "full"]
    # a caption's shape: it ends with its date and tells of no deal step ("... was announced on
    # December 14, 2017." is a happening of its own)
    if not fulls or before[fulls[-1].end:].strip(" .") or stage_hits(before):
        return None
    h = fulls[-1]
    try:
        day = date(h.year, h.month, h.day)
    except (TypeError, ValueError):
        return None
    named = {wh.weekday for wh in find_weekdays(segs[n].text)}
    return day if named == {day.weekday()} else None


def _event_dates(text: str, window: tuple[date, date] | None
                 ) -> list[tuple[date, date, int, str, bool]]:
    """(earliest, latest, position, why, explicit) of each dated happening the sentence names."""
    out = []
    for h in find_dates(text):
        if h.kind not in ("full", "month_year") or tense(text, h.start) != "past":
            continue
        d = date(h.year, h.month, h.day or 1)
        e = d if h.kind == "full" else month_end(d)
        if window and e > window[1]:
            continue
        out.append((d, e, h.start, f"\u201c{h.text}\u201d", True))
    if window is None:
        return out
    lo, hi = window
    for h in find_dates(text):
        if h.kind != "month_day" or tense(text, h.start) == "future":
            continue
        cands = [date(y, h.month, h.day) for y in (hi.year, hi.year - 1)
                 if _valid(y, h.month, h.day)]
        cands = [c for c in cands if hi - timedelta(days=300) <= c <= hi]
        if len(cands) == 1:
            out.append((cands[0], cands[0], h.start, f"\u201c{h.text}\u201d in its piece of {hi.year}",
                        True))
    for wh in find_weekdays(text):
        ds = [x for x in days(lo - timedelta(days=6), hi) if x.weekday() == wh.weekday]
        if ds:
            out.append((ds[0], ds[-1], wh.start, f"\u201c{wh.text}\u201d in its piece of {words(hi)}",
                        False))
    for m in _TODAY.finditer(text):
        out.append((lo, hi, m.start(), f"\u201c{m.group(0)}\u201d in its piece of {words(hi)}", False))
    for m in _YESTERDAY.finditer(text):
        out.append((lo - timedelta(days=1), hi - timedelta(days=1), m.start(),
                    f"\u201c{m.group(0)}\u201d in its piece of {words(hi)}", False))
    piece = f"in its piece of {words(hi)}"
    for h in find_dates(text):  # "in March": the latest March up to the piece
        if h.kind == "month" and tense(text, h.start) == "past":
            if _OF_LAST_YEAR.match(text, h.end):  # "in February of last year"
                first, last = date(lo.year - 1, h.month, 1), month_end(date(hi.year - 1, h.month, 1))
                out.append((first, last, h.start, f"\u201c{h.text} of last year\u201d {piece}", True))
                continue
            year = hi.year if h.month <= hi.month else hi.year - 1
            first = date(year, h.month, 1)
            out.append((first, month_end(first), h.start, f"\u201c{h.text}\u201d {piece}", True))
    for m in _BACK.finditer(text):  # "last week", "last month", "earlier this year"
        span = _back_span(m.group(0).lower(), lo, hi)
        if span:
            out.append((*span, m.start(), f"\u201c{m.group(0)}\u201d {piece}", False))
    return out


_OF_LAST_YEAR = re.compile(r"\s+(?:of\s+)?last\s+year\b", re.IGNORECASE)
_BACK = re.compile(r"(?i)\b(?:last (?:week|month)|earlier this (?:week|month|year))\b")


def _back_span(phrase: str, lo: date, hi: date) -> tuple[date, date] | None:
    """The days a relative phrase in a piece dated ``[lo, hi]`` can mean."""
    if phrase == "last week":
        return lo - timedelta(days=lo.weekday() + 7), hi - timedelta(days=hi.weekday() + 1)
    if phrase == "last month":
        first = (lo.replace(day=1) - timedelta(days=1)).replace(day=1)
        return first, hi.replace(day=1) - timedelta(days=1)
    if phrase == "earlier this week":
        return lo - timedelta(days=lo.weekday()), hi
    if phrase == "earlier this month":
        return lo.replace(day=1), hi
    if phrase == "earlier this year":
        return date(lo.year, 1, 1), hi
    return None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True
