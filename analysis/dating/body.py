"""Evidence from the story's sentences: dated mentions, reference events, weekdays, citations.

Only CLEANED sentences are read (never ``.removals``: sidebars and related-link lists carry
other articles' dates), and sentences read as the page's stamps are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..cleaning import CleanSource, Segment
from ..formatting import excerpt, money
from .address import address_evidence, manifest_evidence, url_evidence
from .citations import CitationIndex, citation_index
from .events import RefEvent
from .mentions import (
    AGO,
    CALENDAR,
    URL_RE,
    WEEKDAYS,
    DateHit,
    clause,
    find_dates,
    find_weekdays,
    locate,
    relative_window,
    tense,
)
from .model import (
    CITATION,
    EVENT,
    EXPLICIT,
    FUTURE,
    LEARNED,
    RELATIVE,
    STAGE_RANK,
    Evidence,
    add_months,
    days,
    month_end,
    words,
)
from .page import PageScan, Partial, page_scan, visible_sentences
from .stage import EPISODE_RULE, STAGE_AFTER_RULE, deal_stage, headings, later_round, stage_hits
from .ties import (
    AFTER_AGREEMENT,
    _closest,
    _dates_fit,
    _earliest_meant,
    _event_because,
    _event_when,
    _figures,
    _same_happening,
    _same_step,
    agreement_before,
    same_review_step,
)

_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor|without|yet to)\b|n't|n’t", re.IGNORECASE)
_CAPS = re.compile(r"\b(?:[A-Z][a-z]*[A-Z][\w]*|[A-Z]{2,}|[A-Z][a-z][\w'’-]*)\b")
_MONEY = re.compile(r"(?:US|A|C)?[$€£](?:US)?\s?(\d[\d,]*(?:\.\d+)?)[\s-]?(trillion|billion|million|bn|mn|mln|"
                    r"tn|m|b|k)?\b", re.IGNORECASE)
_SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6,
          "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3}
_STOP = {w.casefold() for w in (
    "The A An In On At It Its This That These Those But And Or As If He She They We I You Mr Ms "
    "Mrs Dr Inc Corp Co Ltd LLC Plc Group Company According However Meanwhile Also After Before "
    "When While Why What How Who Under Over For From With By To Of Now Then Today Yesterday "
    "Last Next Earlier Later Read More Update Updated Published Photo Image Source News Reuters "
    "Bloomberg").split()} | {w.casefold() for w in WEEKDAYS} | {
    m.casefold() for m in ("January February March April May June July August September October "
                           "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
                           ).split()}


def _money_token(m: re.Match[str]) -> str | None:
    """"$4 billion" and "$4bn" as one token ("$4e+09")."""
    try:
        value = float(m.group(1).replace(",", "")) * _SCALE.get((m.group(2) or "").lower(), 1)
    except ValueError:
        return None
    return f"${value:g}"


_COUNTERPARTY = re.compile(r"\b(?:talks|negotiations|discussions|deal|merger|bid|offer|acquired|bought|"
                           r"agreement)\s+(?:with|by|from)\s+(?:[a-z][\w-]*\s+){0,3}"
                           r"(?P<n>[A-Z][a-z][\w'’-]*)")


def _counterparties(text: str) -> frozenset[str]:
    """The other side a sentence names for a deal: "talks with Merck", "acquired by X"."""
    return frozenset(m.group("n").casefold() for m in _COUNTERPARTY.finditer(text)
                     if m.group("n").casefold() not in _STOP)


def sentence_tokens(text: str) -> frozenset[str]:
    """Names, acronyms and money figures of a sentence: what can tie two mentions of one event."""
    out = {m.group(0).casefold() for m in _CAPS.finditer(text)
           if m.group(0).casefold() not in _STOP and len(m.group(0)) > 1}
    out |= {t for m in _MONEY.finditer(text) if (t := _money_token(m))}
    return frozenset(out)


#: A later amount of the same parties: "another $4 billion", "an additional $2.75bn".
_FOLLOW_ON = re.compile(r"(?i)\b(?:another|additional|further|fresh)\s+(?=(?:US|A|C)?[$€£]\s?\d)")
#: A later amount named without its figure: "the new infusion", "the additional investment".
FOLLOW_ON_NOUN = re.compile(r"(?i)\b(?:the|this|its|a)\s+(?:new|latest|additional|further|fresh)\s+"
                            r"(?:infusion|investment|injection|round|tranche|funding|commitment)\b")


def follow_on_figures(text: str) -> frozenset[str]:
    """The figures a sentence names as a later amount of a deal ("put another $4 billion in").

    Two sentences naming the same later amount tell of the same later deal even when the
    parties and the amount are named everywhere in the corpus (a follow-on as large as the
    first deal shares its figure too, but only the later one is "another")."""
    return frozenset(t for m in _FOLLOW_ON.finditer(text)
                     if (mm := _MONEY.match(text, m.end())) and (t := _money_token(mm)))


@dataclass
class CorpusContext:
    """What every source's scan needs to know about the others."""

    citations: CitationIndex
    doc_freq: Counter
    n_sources: int
    years: tuple[int, ...] = ()  # years of the sources dated by their own page

    def distinctive(self, tokens: frozenset[str]) -> frozenset[str]:
        """Tokens found in at most half the sources (the parties' names are not distinctive)."""
        limit = max(2, self.n_sources // 2)
        return frozenset(t for t in tokens if self.doc_freq.get(t, 0) <= limit)

    def common(self, tokens: frozenset[str]) -> frozenset[str]:
        """Tokens found in more than half the sources: the names of the deal the corpus covers."""
        limit = max(2, self.n_sources // 2)
        return frozenset(t for t in tokens if self.doc_freq.get(t, 0) > limit)


def corpus_context(cleaned: Sequence[CleanSource]) -> CorpusContext:
    df: Counter = Counter()
    for cs in cleaned:
        df.update(set().union(*(sentence_tokens(s.text) for s in cs.sentences)) if cs.sentences
                  else set())
    return CorpusContext(citation_index(cleaned), df, len(cleaned))


@dataclass
class Scan:
    """Everything one source's text says about its date, before windows are solved."""

    source_id: str
    base: list[Evidence]
    partials: list[Partial]
    dateline: Partial | None
    anchors: list[int]  # years the text names as past or of matched events
    citations: list[tuple[str, str, Evidence]]  # (cited id, outlet, template)
    stage: str
    stage_evidence: list[Evidence]
    page: PageScan = field(default_factory=PageScan)
    sentences: list[Segment] = field(default_factory=list)  # with the page's stamps blanked
    future_years: list[int] = field(default_factory=list)  # years named as still to come


#: The rule of a year-less month of a dated event: an upper bound a year on, not an estimate.
MONTH_AGAIN_RULE = "month_again"
_LAST_BEFORE = re.compile(r"(?i)\blast\s+\Z")


def _weekdays_beside(text: str, h: DateHit) -> list[int]:
    """The weekdays named right beside a date mention ("On Wednesday, March 11", "March 11, Tuesday")."""
    return [w.weekday for w in find_weekdays(text)
            if -25 <= h.start - w.end <= 3 or -3 <= w.start - h.end <= 25]


def scan_source(cs: CleanSource, events: Sequence[RefEvent], ctx: CorpusContext) -> Scan:
    """Collect the dating evidence of one source (windows are solved in :mod:`.solver`)."""
    src, raw = cs.source, cs.source.raw
    page = page_scan(cs)
    base = manifest_evidence(src.published) + address_evidence(src.url, src.title) + list(page.evidence)
    partials: list[Partial] = []
    citations: list[tuple[str, str, Evidence]] = []
    ended_tied: list[tuple[str, int | None, int | None]] = []  # mentions of the dated end
    event_years: set[int] = set()
    past_years: set[int] = set()
    future_years: set[int] = set()
    dateline = page.dateline
    given = [e for e in events if not e.learned]
    learned = [e for e in events if e.learned]

    sentences = visible_sentences(cs, page.consumed)
    lead_ids: set[int] = set()
    page_names: set[str] = set()  # every sentence's names: what ties the page to the deal
    if dateline is not None:
        after = [s for s in sentences if page.dateline_end is not None
                 and s.end > page.dateline_end]
        lead_ids = {s.index for s in (after[:1] or sentences[:2])}

    captions = _captions(cs)
    for seg in sentences:
        text = seg.text
        caption = seg.paragraph in captions
        event_hits: list[tuple[RefEvent, re.Match[str] | None, bool]] = []  # (event, match, tied)
        names = sentence_tokens(text)
        page_names |= names

        # ---- reference events from events.csv (as happened / "not yet" phrases)
        for ev in given:
            om = next((m for rx in ev.opens if (m := rx.search(text))), None)
            if om is not None:
                s, e = locate(raw, seg, om.start(), om.end(), om.group(0))
                base.append(Evidence(
                    "event_open", om.group(0), s, e, None, ev.earliest - timedelta(days=1), EVENT,
                    f"not yet happened: event {ev.earliest} ({ev.name}) -> before it", ev.key,
                    because=f"it speaks of an event of {_event_when(ev)} as still to come: "
                            f"{ev.name}{f' ({ev.source})' if ev.source else ''}"))
                continue
            for rx in ev.patterns:
                m = rx.search(text)
                if m is None:
                    continue
                cs_, _ = clause(text, m.start())
                if _NEGATED.search(text[cs_:m.start()]):
                    continue
                s, e = locate(raw, seg, m.start(), m.end(), m.group(0))
                base.append(Evidence("event", m.group(0), s, e, ev.earliest, None, EVENT,
                                     f"mentions event {ev.earliest} ({ev.name}) as happened",
                                     ev.key, because=_event_because(ev)))
                event_hits.append((ev, m, True))
                event_years.add(ev.earliest.year)
                break

        # ---- events learned from other sources: same kind, a shared name or figure
        if learned:
            kinds: dict[str, re.Match[str]] = {}
            reviews: list[re.Match[str]] = []
            for kind, m in stage_hits(text):
                kinds.setdefault(kind, m)
                if kind == "regulatory_review":
                    reviews.append(m)
            tokens = ctx.distinctive(names)
            counterparts = _counterparties(text)  # "talks with X": once per sentence
            later = follow_on_figures(text)
            meant = _earliest_meant(learned, src.id, kinds, tokens, names, later)  # the tied ones
            figures = _figures(names)
            for ev in learned:
                if ev.learned_from == src.id or ev.kind not in kinds:
                    continue
                m = kinds[ev.kind]
                shared = tokens & ev.tokens
                tied = ev.key in meant or same_review_step(reviews, ev, shared)
                if tied:
                    bound = meant.get(ev.key, ev)
                    s, e = locate(raw, seg, m.start(), m.end(), m.group(0))
                    if bound.kind == "ended":
                        ended_tied.append((excerpt(seg.text, m.group(0), 110), s, e))
                    base.append(Evidence(
                        "learned_event", m.group(0), s, e, bound.earliest, None, LEARNED,
                        f"mentions the {bound.kind} event learned from {bound.learned_from} "
                        f"({bound.earliest}..{bound.latest}); "
                        + (f"the same later amount: {', '.join(sorted(later & ev.follow_on))}"
                           if later & ev.follow_on else f"shared words: {', '.join(sorted(shared)[:4])}"
                           + (f"; the earliest {bound.kind} event it may mean" if bound is not ev
                              else "")),
                        bound.key,
                        because=_event_because(bound)))
                    event_years.add(bound.earliest.year)
                if (ev.latest - ev.earliest).days > 2:
                    continue  # a month-long event cannot place a weekday or "last week"
                if not tied and (not names & ev.names or not _dates_fit(text, ev)
                                 or (figures and _figures(ev.names) and not figures & _figures(ev.names))):
                    continue  # no party named, other parties, another figure (another deal:
                    # "$24.6 billion" is not the "$1.9 billion" store sale), or dated otherwise
                if not tied and ev.kind == "regulatory_review" and not _same_step(m, ev):
                    continue  # review steps recur: "shareholders approved the sale last month"
                    # is not the month of a regulator's "second request"
                if not tied and (ctx.common(ev.names) - names) and (counterparts - ev.names
                                                                      - ctx.common(names)):
                    continue  # another party in place of one of the deal's: "Last year, Seagen was
                    # rumored to be in buyout talks with Merck" is not Pfizer's talks of this year
                event_hits.append((ev, m, tied))

        # ---- relative phrases tied to an event in the same clause (a photo caption's "a day
        # after" tells the photo's day, not the page's)
        phrases = [] if caption else list(AGO.finditer(text)) + list(CALENDAR.finditer(text))
        happenings = stage_hits(text) if phrases and event_hits else []
        # as with a weekday, the sentence's latest stage names the happening ("fell this week
        # after it announced its pending acquisition would be terminated" is the termination's
        # week, not the announcement's)
        latest = max((STAGE_RANK[k] for k, _ in happenings if k != "aftermath"), default=None)
        for rm in phrases:
            near: list[tuple[int, RefEvent]] = []
            for ev, em, _tied in _closest(event_hits, names):
                if em is None or latest is not None and STAGE_RANK.get(ev.kind, latest) < latest:
                    continue
                a, b = (em.end(), rm.start()) if em.end() <= rm.start() else (rm.end(), em.start())
                if b - a > 60 or b < a - 200 or re.search(r"[;:()\[\]—–]|\s-\s", text[a:max(a, b)]):
                    continue
                if not _same_happening(text, rm, em, happenings):
                    continue
                near.append((abs(b - a), ev))
            if not near:
                continue
            best = min(d for d, _ in near)
            tied = [ev for d, ev in near if d == best]
            windows = [w for ev in tied for w in (relative_window(rm, ev.earliest),
                                                  relative_window(rm, ev.latest))]
            lo, hi = min(w[0] for w in windows), max(w[1] for w in windows)
            ev = tied[0]
            s, e = locate(raw, seg, rm.start(), rm.end(), rm.group(0))
            phrase = rm.group(0).strip()
            base.append(Evidence("relative", phrase, s, e, lo, hi, RELATIVE,
                                 f"'{phrase}' of event {ev.earliest} ({ev.name})", ev.key,
                                 because=f"it says \u201c{phrase}\u201d of an event of "
                                         f"{_event_when(ev)}: {ev.name}"))

        # ---- a year-less month naming a dated event's month ("revealed back in January its
        # plans to acquire Y", of an announcement on 16 January 2024): news writes the bare month
        # only within the year after it, so the page came before that month came round again
        for h in find_dates(text):
            if h.kind != "month" or tense(text, h.start) != "past" or _LAST_BEFORE.search(text, 0, h.start):
                continue  # "last January" may be written more than a year on
            own = clause(text, h.start)  # the month of the event's own clause, not another's
            fits = [ev for ev, em, _t in _closest(event_hits, names)
                    if em is not None and clause(text, em.start()) == own
                    and ev.earliest.month == h.month and ev.latest.month == h.month
                    and ev.earliest.year == ev.latest.year]
            if not fits:
                continue
            ev = min(fits, key=lambda x: x.earliest)
            again = add_months(ev.earliest.replace(day=1), 12) - timedelta(days=1)
            s, e = locate(raw, seg, h.start, h.end, h.text)
            base.append(Evidence(
                MONTH_AGAIN_RULE, h.text, s, e, ev.earliest, again, RELATIVE,
                f"'{h.text}' without a year, of event {ev.earliest} ({ev.name}): before that month "
                "came round again", ev.key,
                because=f"it names the month of {ev.name} ({_event_when(ev)}) without a year, as "
                        f"news does only within the year after it"))

        # ---- explicit dates: past ones are lower bounds, future ones upper bounds
        sentence_weekdays = frozenset(w.weekday for w in find_weekdays(text))
        for h in find_dates(text):
            t = tense(text, h.start)
            s, e = locate(raw, seg, h.start, h.end, h.text)
            if h.year is not None and t in ("past", "future"):
                (past_years if t == "past" else future_years).add(h.year)
            if t == "future" and h.kind in ("full", "month_year") and not _opens_line(text, h.start):
                # (a date opening its line is an item's stamp, "March 4, 2024China's leaders
                # announce ..., but say it won't be easy": no tense of the story's)
                d = date(h.year, h.month, h.day or 1)
                hi = d if h.kind == "full" else month_end(d)
                base.append(Evidence("future_date", h.text, s, e, None, hi, FUTURE,
                                     f"names {h.text} as still to come: appeared before it",
                                     because=f"it names {h.text} as still to come"))
                continue
            if t != "past":
                continue
            if h.kind == "full":
                d = date(h.year, h.month, h.day)
            elif h.kind == "month_year":
                d = date(h.year, h.month, 1)
            elif h.kind == "year":
                d = date(h.year, 1, 1)
            else:
                beside = next(iter(_weekdays_beside(text, h)), None)
                partials.append(Partial(
                    "explicit_date", h.text, s, e, h.month, h.day, pubdate=False,
                    weekdays=sentence_weekdays, weekday_beside=beside,
                    event_dates=tuple(ev.earliest for ev, _, tied in event_hits
                                      if tied and ev.earliest == ev.latest)))
                continue
            base.append(Evidence("explicit_date", h.text, s, e, d, None, EXPLICIT,
                                 f"past-tense mention of {h.text}: appeared on/after {d}",
                                 because=f"it mentions {h.text} as past"))
            if h.kind == "full" and d.weekday() in _weekdays_beside(text, h) and not caption:
                # "On Wednesday, March 11, 2026, ...": as with a year-less date, news names the
                # weekday of a day only within the week after it
                base.append(Evidence("weekday", h.text, s, e, d, d + timedelta(days=6), RELATIVE,
                                     f"{h.text} is named with its weekday: appeared within 6 days "
                                     "after it",
                                     because=f"it names {h.text} with its weekday "
                                             f"({WEEKDAYS[d.weekday()]}), which news does only "
                                             "within the week after"))

        # ---- dated links (an article can only link to one that exists)
        for um in URL_RE.finditer(text):
            for ev in url_evidence(um.group(0)):
                s, e = locate(raw, seg, um.start(), um.end(), um.group(0))
                base.append(Evidence("link_date", um.group(0), s, e, ev.earliest, None, EXPLICIT,
                                     f"links to an article dated {ev.earliest}",
                                     because="it links to an article of that date"))

        # ---- weekdays: the sentence's event fell on it
        # the sentence's latest stage names the happening its weekday dates: "have received a
        # second request ... on their proposed acquisition, according to a statement released on
        # Tuesday" is the review step's Tuesday, not the announcement's
        top = max((STAGE_RANK[k] for k, _ in stage_hits(text) if k != "aftermath"), default=None)
        for wh in [] if caption else find_weekdays(text):
            s, e = locate(raw, seg, wh.start, wh.end, wh.text)
            name = WEEKDAYS[wh.weekday]
            fits = []
            for slack in (timedelta(0), timedelta(days=1)):
                # a completion another page dates a day off (an overnight closing, a time zone:
                # "closed ... on Tuesday" there, "on Wednesday" here) is the same happening; a
                # deal is completed once, where it may be agreed again a day off its first round
                # (only with a figure of that completion in the sentence: "completed the sale of a
                # unit" a day later is another completion)
                fitting = [h for h in event_hits
                           if (not slack or h[0].kind == "completed" and _figures(names) & _figures(h[0].tokens))
                           and any(d.weekday() == wh.weekday
                                  for d in days(h[0].earliest - slack, h[0].latest + slack))
                           and (top is None or STAGE_RANK.get(h[0].kind, top) >= top)]
                fits = [(ev, [d for d in days(ev.earliest - slack, ev.latest + slack) if d.weekday() == wh.weekday])
                        for ev, _, _ in _closest(fitting, names)]
                if fits:
                    break
            if fits:
                lo = min(ds[0] for _, ds in fits)
                hi = max(ds[-1] for _, ds in fits) + timedelta(days=6)
                ev = max(fits, key=lambda f: f[1][-1])[0]
                base.append(Evidence(
                    "weekday", wh.text, s, e, lo, hi, min(RELATIVE, LEARNED), (
                        f"event {ev.earliest} ({ev.name}) fell on that {name}; news names the "
                        f"weekday only within the past week: appeared within 6 days after it"),
                    ev.key, because=f"it dates {ev.name} to \u201c{wh.text}\u201d, which fell on "
                                    f"{words(lo)}; a weekday is named only within the week after"))
                continue
            # a weekday tied to no dated event bounds nothing: every day is within the week
            # after some day of that name
        if seg.index in lead_ids and dateline is not None:
            dateline = replace(dateline, weekdays=dateline.weekdays | sentence_weekdays)

        # ---- citations of another source in the corpus
        for sid, outlet, cm in ctx.citations.cited(text, src.id, src.outlet):
            s, e = locate(raw, seg, cm.start(), cm.end(), cm.group(0))
            citations.append((sid, outlet, Evidence("citation", cm.group(0), s, e, None, None,
                                                    CITATION, "", f"source:{sid}")))

    # a year named as still to come bounds nothing below: "accretive by 2027" may be written
    # years before, so it never anchors the year of a past month (only of the dateline)
    anchors = sorted(event_years | past_years)
    stage, stage_ev = deal_stage(headings(src.title, src.url) + list(cs.sentences))
    if ended_tied and not any(e.rule == EPISODE_RULE for e in stage_ev):
        # "Twitter took him to court" (the dated end) on a page of a new agreement: a later round
        stage_ev += later_round(stage, *ended_tied[0])
    stage_ev = [_raw_quote(raw, e) for e in stage_ev]
    # the cue of the stage chosen; an aftermath page's may be a completion it recounts ("the
    # giant X acquired this year"), whose evidence is used for it
    if learned and stage in AFTER_AGREEMENT and (cue := next(
            (e for e in stage_ev if e.used and e.rule.startswith("stage:") and e.rule != EPISODE_RULE),
            None)) is not None:
        # "set for March 13 EU antitrust decision" on the "$28 bln" deal: news of an agreement,
        # its review or its completion comes no earlier than the corpus's first announcement
        named = frozenset(page_names)
        if (found := agreement_before(learned, src.id, named, ctx.common(named))) is not None:
            ev, shared = found[0], ", ".join(money(float(f[1:]), digits=3) if f.startswith("$") else f
                                             for f in sorted(found[1])[:3])
            base.append(Evidence(
                STAGE_AFTER_RULE, cue.quote, cue.start, cue.end, ev.earliest, None, LEARNED,
                f"describes the deal as {stage.replace('_', ' ')}, after the agreed event learned "
                f"from {ev.learned_from} ({ev.earliest}..{ev.latest}); shared: {shared}",
                ev.key, because=f"it describes the deal as {stage.replace('_', ' ')}, which "
                                f"follows {ev.name} ({ev.source} dates it to {_event_when(ev)})"))
    base = [_raw_quote(raw, e) for e in base]
    return Scan(src.id, _dedupe(base), partials, dateline, anchors,
                _dedupe_citations(citations), stage, stage_ev, page, sentences,
                sorted(future_years))


def _raw_quote(raw: str, ev: Evidence) -> Evidence:
    """The evidence with its quote cut from the page itself, so ``raw[start:end] == quote``: a
    stage cue is quoted as an excerpt of its sentence ("…agreed to acquire Beta…"), a phrase
    without the space before it, a wrapped one with a space for its line break; each becomes
    the raw characters it shows, at their own offsets (the span itself when they are not there)."""
    if ev.start is None or ev.end is None or raw[ev.start:ev.end] == ev.quote:
        return ev
    core = ev.quote.strip("… ")
    window = raw[ev.start:ev.end]
    if core and (i := window.find(core)) >= 0:
        return replace(ev, quote=core, start=ev.start + i, end=ev.start + i + len(core))
    words = core.split()
    m = re.search(r"\s+".join(re.escape(w) for w in words), window) if words else None
    if m is None:
        return replace(ev, quote=window)
    return replace(ev, quote=m.group(0), start=ev.start + m.start(), end=ev.start + m.end())


def _dedupe(evs: list[Evidence]) -> list[Evidence]:
    """One item per (rule, ref, bounds); repeats are counted in the note."""
    out: dict[tuple, Evidence] = {}
    counts: dict[tuple, int] = {}
    for ev in evs:
        key = (ev.rule, ev.ref, ev.earliest, ev.latest)
        counts[key] = counts.get(key, 0) + 1
        out.setdefault(key, ev)
    for key, ev in out.items():
        if counts[key] > 1:
            ev.note += f" (+{counts[key] - 1} more mention(s))"
    return list(out.values())


def _dedupe_citations(cits: list[tuple[str, str, Evidence]]) -> list[tuple[str, str, Evidence]]:
    seen: dict[str, tuple[str, str, Evidence]] = {}
    for c in cits:
        seen.setdefault(c[0], c)
    return list(seen.values())



def _opens_line(text: str, at: int) -> bool:
    """Whether only spaces stand between the start of its line and ``at``."""
    return not text[text.rfind("\n", 0, at) + 1:at].strip()


#: A photo caption: "FILE - A plane approaches ...", "In this June 26, 2019, file photo ...", a
#: credit "(AP Photo/Name)" or "Photo: Name"
_CAPTION = re.compile(r"^\s*FILE(?: PHOTO)?\s*[-–—:]|\bfile photo\b|\((?:AP|AFP|Reuters|Getty Images)? ?Photo\b|"
                      r"\bPhoto(?:graph)?: [A-Z]", re.IGNORECASE)


def _captions(cs: CleanSource) -> frozenset[int]:
    """The paragraphs that are photo captions (each read once): their weekdays and "a day after"
    tell the photo's day (a file photo may be years old), not the page's; their past dates still
    bound the page from below."""
    return frozenset(i for i, p in enumerate(cs.paragraphs) if _CAPTION.search(p.text))


__all__ = ["FOLLOW_ON_NOUN", "CorpusContext", "Scan", "corpus_context", "follow_on_figures", "manifest_evidence",
           "scan_source", "sentence_tokens"]
