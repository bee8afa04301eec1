"""Charts for the report: matplotlib, saved as deterministic SVG.

Every chart names its sources and units; value axes start at zero where size matters.
This module is the one name the notebooks draw from (``figures.<chart>``): the cleaning and
language charts live here; the disagreement charts (``figures_disagreement``), the timeline
charts (``figures_timeline``), the look and saving of every chart (``figures_style``) and the
many-source variants (``figures_scale``) have modules of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .figures_disagreement import DEAL_PANELS, VALUATION_PANELS, discrepancy, nothing_to_compare
from .figures_style import (
    MIN_TEXT_PT,
    PALETTE,
    PRINT_WIDTH_IN,
    colour_per_source,
    pyplot,
    save,
    setup,
    smallest_text_pt,
    source_colour,
)
from .figures_timeline import headline_over_time as _headline_over_time
from .figures_timeline import timeline_windows as _timeline_windows
from .formatting import many_sources

if TYPE_CHECKING:
    import matplotlib.pyplot as plt

__all__ = [
    "DEAL_PANELS", "MIN_TEXT_PT", "NO_DATED_HEADLINE", "NO_DATED_SOURCE", "NO_HEADLINE", "PALETTE",
    "PRINT_WIDTH_IN", "VALUATION_PANELS", "dated_sources", "discrepancy", "headline_gap",
    "headline_over_time", "language_bars", "nothing_to_compare", "pyplot", "removed_by_rule", "save", "setup",
    "size_before_after", "smallest_text_pt", "source_colour", "timeline_windows",
]


#: What the timeline charts say instead of drawing axes of made-up dates and values.
NO_DATED_SOURCE = "No source has date evidence: there is no window to draw"
NO_HEADLINE = "No source states a deal value: there is no figure to place in time"
NO_DATED_HEADLINE = "No source that states a deal value has date evidence: there is nothing to place in time"


def dated_sources(timeline: pd.DataFrame) -> set[str]:
    """The sources with any date evidence (``timeline.csv`` ``dated``; a table written before that
    column: a stated date or a window end)."""
    if "dated" in timeline:
        return set(timeline.loc[timeline["dated"].astype(str).isin(["True", "true", "1"]), "source_id"])
    ends = timeline[["published", "earliest", "latest"]].astype(str).replace("nan", "")
    return set(timeline.loc[(ends != "").any(axis=1), "source_id"])


def headline_gap(timeline: pd.DataFrame, headlines: pd.DataFrame, metric: str) -> str:
    """Why the headline-over-time chart has nothing to draw ("" when it has something)."""
    heads = headlines[headlines["metric"] == metric] if "metric" in headlines else headlines
    if heads.empty:
        return NO_HEADLINE
    return "" if heads["source_id"].isin(dated_sources(timeline)).any() else NO_DATED_HEADLINE


def timeline_windows(timeline: pd.DataFrame, events: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Each source's publication window (:func:`figures_timeline.timeline_windows`); a short note
    instead when no source has date evidence and no event is marked (no axis of made-up dates)."""
    if not dated_sources(timeline) and not len(events):
        return nothing_to_compare(NO_DATED_SOURCE)
    return _timeline_windows(timeline, events, labels)


def headline_over_time(timeline: pd.DataFrame, headlines: pd.DataFrame, labels: dict[str, str],
                       metric: str) -> plt.Figure:
    """Each source's headline figure against its window (:func:`figures_timeline.headline_over_time`);
    a short note instead when no dated source states one (no made-up date or value axis)."""
    gap = headline_gap(timeline, headlines, metric)
    return nothing_to_compare(gap) if gap else _headline_over_time(timeline, headlines, labels, metric)


def removed_by_rule(audit: pd.DataFrame, sources: list[str]) -> plt.Figure:
    """Characters removed per rule, stacked by source (``sources`` in timeline order); with more
    sources than the palette has colours (a colour would stand for two sources) or many sources,
    one bar per rule naming how many sources it touched."""
    if many_sources(len(sources)) or not colour_per_source(len(sources)):
        from .figures_scale import removed_totals

        return removed_totals(audit)
    setup()
    audit = audit.assign(chars=audit["end"] - audit["start"])
    pivot = audit.pivot_table(index="rule", columns="source_id", values="chars", aggfunc="sum",
                              fill_value=0).reindex(columns=sources, fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values(ascending=True).index]
    fig, ax = pyplot().subplots(figsize=(7.5, min(0.3 * len(pivot), 6.5) + 1.6))
    left = [0] * len(pivot)
    for src in pivot.columns:
        vals = pivot[src].tolist()
        ax.barh(pivot.index, vals, left=left, color=source_colour(src, sources), label=src)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_xlabel("Characters removed or moved to metadata (raw text)")
    ax.set_xlim(left=0)
    ax.legend(title="Source", fontsize=8, loc="lower right", frameon=False)
    ax.set_title("What the cleaner removed, by rule")
    return fig


def size_before_after(sources: pd.DataFrame) -> plt.Figure:
    """Raw versus cleaned length per source (with many sources, a scatter of the two)."""
    if many_sources(len(sources)):
        from .figures_scale import size_scatter

        return size_scatter(sources)
    setup()
    fig, ax = pyplot().subplots(figsize=(7.5, 0.45 * len(sources) + 1.4))
    y = range(len(sources))
    ax.barh([i + 0.2 for i in y], sources["raw_chars"], height=0.4, color="#bbbbbb", label="raw")
    ax.barh([i - 0.2 for i in y], sources["clean_chars"], height=0.4, color=PALETTE[0],
            label="cleaned")
    ax.set_yticks(list(y), sources["label"])
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.set_xlabel("Characters")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title("Article length before and after cleaning")
    return fig


def language_bars(lang: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Hedging density and readability (raw vs cleaned) per source; their distributions
    across sources when there are many."""
    if many_sources(len(lang)):
        from .figures_scale import language_histograms

        return language_histograms(lang)
    setup()
    fig, (a1, a2) = pyplot().subplots(1, 2, figsize=(9, 0.5 * len(lang) + 2), sharey=True, layout="tight")
    names = [labels.get(s, s) for s in lang["source_id"]]
    y = range(len(lang))
    a1.barh(list(y), lang["hedges_per_1000_words"], color=PALETTE[1])
    a1.set_yticks(list(y), names)
    a1.set_xlim(left=0)
    a1.invert_yaxis()
    a1.set_xlabel("Hedging cues per 1,000 words\n(cleaned text)")
    a1.set_title("How hedged", loc="left")
    a2.barh([i - 0.2 for i in y], lang["raw_flesch_reading_ease"], height=0.4, color="#bbbbbb",
            label="raw")
    a2.barh([i + 0.2 for i in y], lang["clean_flesch_reading_ease"], height=0.4, color=PALETTE[0],
            label="cleaned")
    a2.tick_params(axis="y", left=False)
    a2.set_xlim(0, 100)
    a2.set_xlabel("Flesch reading ease\n(0-100, higher = easier)")
    a2.set_title("How readable", loc="left")
    # below the axis label: inside the plot it would cover the longest bars
    a2.legend(frameon=False, fontsize=8, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -0.27),
              handlelength=1.2, columnspacing=0.8)
    return fig
