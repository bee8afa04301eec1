"""When each source appeared: a publication window ``[earliest, latest]`` built from evidence.

Why windows: most scraped articles state no date, so a single guessed date would hide how
little is known. Each source gets the narrowest window its CLEANED text, its page and its
manifest row justify, and every bound is backed by a listed evidence item that says in plain
words why it holds. Evidence, strongest first (a weaker bound that would empty the window is
dropped and the conflict recorded):

1. ``published`` in the manifest;
2. the page's own stamps: a leading ``date`` line, "Published ... | Last updated ...", a byline
   or dateline with the date, an "Update as of ..." block (the page is dated by its latest
   version); a month-day dateline once its year is resolved;
3. a date in the page's address (``url``; htmldate's URL patterns);
4. dated past events in the text and dated links: on/after; dates named as still to come:
   before;
5. reference events: from ``events.csv`` (optional) and learned from the corpus itself (a
   dated source saying the deal "was announced on Monday");
6. citations of another source's outlet: on/after its earliest date;
7. relative phrases and weekdays tied to a dated event ("said on Monday", "last week");
8. deal stage (talks, agreed, regulatory review, completed, ended, aftermath): never a date,
   only the order of sources whose windows overlap.

The work is done in :mod:`analysis.dating`; this module keeps the public names.
"""

from __future__ import annotations

import pandas as pd

from .cleaning import CleanSource
from .dating import describe as _describe
from .dating.events import EVENT_COLUMNS, RefEvent, compile_events, load_events, split_patterns
from .dating.model import (
    STAGE_RANK,
    STAGES,
    Evidence,
    SourceDate,
    Version,
)
from .dating.order import time_point, timeline_order
from .dating.solver import date_corpus
from .dating.solver import solve as _solve
from .dating.stage import LEAD_SENTENCES, STAGE_CUES_PATH, StageCue, deal_stage, load_stage_cues

evidence_sentence = _describe.evidence_sentence
evidence_text = _describe.evidence_text
evidence_table = _describe.evidence_table
matched_event_count = _describe.matched_event_count
manifest_set_aside = _describe.manifest_set_aside
open_windows_note = _describe.open_windows_note
timeline_table = _describe.timeline_table


def estimate_timeline(cleaned: list[CleanSource], events: pd.DataFrame | None) -> list[SourceDate]:
    """A publication window and deal stage for every source, in timeline order."""
    dates, _ = date_corpus(cleaned, events)
    by_id = {d.source_id: d for d in dates}
    return [by_id[i] for i in timeline_order(dates)]


def events_used_table(dates: list[SourceDate], events: pd.DataFrame | list[RefEvent] | None
                      ) -> pd.DataFrame:
    """Each reference event (an events table, or given and learned events) and its sources."""
    if events is None or isinstance(events, pd.DataFrame):
        events = compile_events(events)
    return _describe.events_used_table(dates, events)


__all__ = [
    "EVENT_COLUMNS", "LEAD_SENTENCES", "STAGES", "STAGE_CUES_PATH", "STAGE_RANK", "Evidence",
    "RefEvent", "SourceDate", "StageCue", "Version", "_solve", "date_corpus", "deal_stage",
    "estimate_timeline", "evidence_sentence", "evidence_table", "evidence_text",
    "events_used_table", "load_events", "load_stage_cues", "manifest_set_aside", "matched_event_count",
    "open_windows_note", "split_patterns", "time_point", "timeline_order", "timeline_table",
]
