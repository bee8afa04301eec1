"""The report's dating section: the timeline table, the evidence behind each window, the events.

``dating_tables`` writes these generated inputs from the timeline artifacts; at scale it lists
only the reference events bounding the most sources and a few evidence sentences per source.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import findings
from .artifacts import read_table
from .formatting import listing, md, shorten
from .report_markdown import bullets, md_table

#: Above ``MANY_SOURCES`` the report lists at most this many reference events (those bounding
#: the most sources); a built month of coverage teaches dozens, each naming its sources.
EVENTS_AT_SCALE = 12
#: The dating appendix lists at most this many evidence sentences per source.
EVIDENCE_PER_SOURCE = 12


def dating_tables(out_dir: Path, timeline: pd.DataFrame, events_used: pd.DataFrame, label: dict[str, str],
                  many: bool) -> dict[str, str]:
    """{md file name: text}: timeline table, timeline evidence and the reference events used."""
    files: dict[str, str] = {}
    t = timeline.sort_values("order")
    files["timeline_table.md"] = md_table(pd.DataFrame({
        "#": t["order"], "Source": [label[x] for x in t["source_id"]],
        "Stated date": [x or "—" for x in t["published"]],
        "Earliest": [x or ("no date evidence" if not y else "open")
                     for x, y in zip(t["earliest"], t["latest"], strict=True)],
        "Latest": [y or ("—" if not x else "open")
                   for x, y in zip(t["earliest"], t["latest"], strict=True)],
        "Stage": [findings.STAGE_WORD.get(x, x) for x in t["stage"]],
        "Headline figure": [x or "—" for x in t["headline_figure"]],
    }))
    files["timeline_evidence.md"] = _timeline_evidence(out_dir, t, label)
    events_shown, events_left = _events_shown(events_used, many)
    files["events_used.md"] = md_table(pd.DataFrame({
        "Event": events_shown["event"],
        "When": [d if not last or last == d else f"{d} to {last}"
                 for d, last in zip(events_shown["date"], events_shown.get("latest", events_shown["date"]),
                                    strict=True)],
        "Dated by": events_shown["citation"],
        "Sources it bounds": [_bounded(x, label, many) for x in events_shown["matched_sources"]],
    })) + ("\n" + bullets([md(f"… and {events_left} more reference events, each bounding fewer sources, "
                        "in events_used.csv")]) if events_left else "")
    return files


def _events_shown(events: pd.DataFrame, many: bool) -> tuple[pd.DataFrame, int]:
    """The events the report lists (in date order) and how many it leaves to the artifact."""
    if not many or len(events) <= EVENTS_AT_SCALE:
        return events, 0
    bound = events["matched_sources"].map(lambda x: len(_matched_ids(x)))
    keep = bound.sort_values(ascending=False, kind="stable").index[:EVENTS_AT_SCALE]
    return events.loc[sorted(keep)], len(events) - len(keep)


def _matched_ids(matched: object) -> list[str]:
    """The source ids of an events table's ``matched_sources`` cell."""
    if matched is None or (isinstance(matched, float) and pd.isna(matched)):
        return []
    return [x.strip() for x in str(matched).split(",") if x.strip()]


def _bounded(matched: str, label: dict[str, str], many: bool) -> str:
    """The sources an event bounds: every id, or at scale the count and the first few."""
    ids = _matched_ids(matched)
    if not ids:
        return "—"
    return f"{len(ids)}: {listing(ids, 4)}" if many and len(ids) > 4 else matched


def _timeline_evidence(out_dir: Path, t: pd.DataFrame, label: dict[str, str]) -> str:
    """Per source, its window and the evidence behind it as plain sentences (one bullet each)."""
    try:
        items = read_table(out_dir, "timeline_evidence")
    except FileNotFoundError:
        items = None
    lines = []
    for _, r in t.iterrows():
        sid = r["source_id"]
        lines.append(f"- **{md(label[sid])}**: {md(findings.when(r))}.")
        sentences = ([str(x) for x in items.loc[items["source_id"] == sid, "sentence"]]
                     if items is not None else [r["evidence"]])
        for sentence in sentences[:EVIDENCE_PER_SOURCE]:
            lines.append(f"    - {md(shorten(sentence, 400))}")
        if len(sentences) > EVIDENCE_PER_SOURCE:
            lines.append(f"    - {md(f'… and {len(sentences) - EVIDENCE_PER_SOURCE} more in timeline_evidence.csv')}")
    return "\n".join(lines) + "\n"
