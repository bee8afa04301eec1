"""Charts for corpora with many sources: clusters, periods and distributions, not a bar each.

The chart modules (``figures``, ``figures_disagreement``, ``figures_timeline``) call these above
``formatting.MANY_SOURCES`` sources, where a row per source would print hundreds of unreadable
labels. Same determinism as every chart (``figures_style.setup``).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

import pandas as pd

from .figures_disagreement import _VAL_TAG, nothing_to_compare
from .figures_style import PALETTE, STAGE_COLOURS, pyplot, setup, unit_scale
from .figures_timeline import _axis_range, _date_axis, _ts
from .formatting import bound_word, figure, shorten
from .report_scale import period_of, source_day

if TYPE_CHECKING:
    import matplotlib.pyplot as plt

#: A cluster chart shows at most this many distinct figures per panel (the most often given).
MAX_CLUSTERS = 24
#: Above this many reference events the histogram draws their lines without naming each.
MAX_EVENTS_NAMED = 10


def _clusters(sub: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct figure (metric, value, interval, bound, derived) with its sources."""
    keyed = sub.assign(derived=sub["source_id"] == "derived")
    keys = ["metric", "value", "lower", "upper", "bound", "derived"]
    g = keyed.groupby(keys, sort=False, dropna=False)["src"].nunique().reset_index(name="n")
    return g.sort_values(["n", "metric", "value"], ascending=[False, True, True], kind="stable")


def discrepancy_clusters(claims: pd.DataFrame, panels: list[tuple[str, list[str]]]) -> plt.Figure:
    """Per panel, each distinct figure once (interval bar and point), labelled with how many
    sources give it: the MAX_CLUSTERS most often given, drawn in order of value."""
    setup()
    groups = []
    for title, metrics in panels:
        sub = claims[claims["metric"].isin(metrics)].copy()
        if sub.empty:
            continue
        sub["src"] = [str(c).split("-")[1] if s == "derived" else s
                      for s, c in zip(sub["source_id"], sub["claim_id"], strict=True)]
        unit = sub["unit"].value_counts().index[0]
        cl = _clusters(sub[sub["unit"] == unit])
        shown = cl.iloc[:MAX_CLUSTERS].sort_values(["metric", "value", "lower"], kind="stable")
        groups.append((title, unit, shown, len(cl)))
    if not groups:
        return nothing_to_compare()
    sizes = [len(g[2]) for g in groups]
    fig, axes = pyplot().subplots(len(groups), 1, figsize=(8, 0.27 * sum(sizes) + 1.2 * len(groups) + 0.5),
                             squeeze=False, gridspec_kw={"height_ratios": [n + 1.8 for n in sizes]},
                             layout="tight")
    for ax, (title, unit, cl, total) in zip(axes[:, 0], groups, strict=True):
        scale, unit_word = unit_scale(unit, list(cl["value"]) + list(cl["lower"]))
        finite_hi = [v for v in list(cl["upper"]) + list(cl["value"]) if math.isfinite(v)]
        xmax = max(finite_hi) / scale * 1.2 if finite_hi else 1
        ticks = []
        for i, r in enumerate(cl.itertuples(index=False)):
            colour = "#777777" if r.derived else PALETTE[0]
            hi = r.upper / scale if math.isfinite(r.upper) else xmax
            ax.plot([r.lower / scale, hi], [i, i], color=colour, lw=6, alpha=0.35, solid_capstyle="butt")
            if not math.isfinite(r.upper):
                ax.annotate("", xy=(xmax, i), xytext=(xmax * 0.96, i), arrowprops={"arrowstyle": "->", "color": colour})
            ax.plot(r.value / scale, i, "o", color=colour, mfc="white" if r.derived else colour, ms=7, mew=1.5)
            tag = f"{_VAL_TAG[r.metric]}, " if r.metric in _VAL_TAG else ""
            kind = "implied" if r.derived else bound_word(r.bound, r.lower, r.upper)
            ticks.append(f"{figure(r.value, unit)} [{tag}{kind}]: {r.n} source{'s' if r.n != 1 else ''}")
        ax.set_yticks(range(len(cl)), ticks, fontsize=8)
        ax.set_ylim(len(cl) - 0.5, -0.6)
        ax.set_xlim(0, xmax)
        more = f"; {total - len(cl)} rarer figures not drawn" if total > len(cl) else ""
        ax.set_xlabel(f"{title} ({unit_word}){more}", fontsize=9)
        ax.set_title(title, loc="left", fontsize=10)
        ax.grid(axis="x", color="#eeeeee")
    return fig


def timeline_histogram(timeline: pd.DataFrame, events: pd.DataFrame) -> plt.Figure:
    """Sources per period (stated date or window middle), stacked by the deal stage described;
    reference events as dotted lines; open or undated sources counted in the axis label."""
    setup()
    days = [source_day(p, e, la) for p, e, la in
            zip(timeline["published"], timeline["earliest"], timeline["latest"], strict=True)]
    known = [d for d in days if d]
    unit, start, _ = period_of(known)
    keyed = pd.DataFrame({"period": [start(d) if d else None for d in days], "stage": list(timeline["stage"])})
    dated = keyed[keyed["period"].notna()]
    fig, ax = pyplot().subplots(figsize=(8, 4.2))
    periods = sorted(set(dated["period"]))
    width = {"day": 0.8, "week": 5.6, "month": 24}[unit]
    bottom = Counter()
    used = []
    for stage, colour in STAGE_COLOURS.items():
        counts = Counter(dated.loc[dated["stage"] == stage, "period"])
        if not counts:
            continue
        used.append(stage)
        xs = [_ts(p) for p in periods]
        ys = [counts.get(p, 0) for p in periods]
        ax.bar(xs, ys, width=width, bottom=[bottom[p] for p in periods], color=colour, alpha=0.8,
               align="edge", label=stage.replace("_", " "))
        for p in periods:
            bottom[p] += counts.get(p, 0)
    top = max(bottom.values(), default=1)
    ev_rows = [(d, str(r["event"])) for _, r in (events.sort_values("date").iterrows() if len(events) else [])
               if (d := _ts(r["date"]))]
    x0, x1 = _axis_range([_ts(p) for p in periods], [d for d, _ in ev_rows])
    named = len(ev_rows) <= MAX_EVENTS_NAMED
    for k, (d, _) in enumerate(ev_rows, start=1):
        if x0 <= d <= x1:
            ax.axvline(d, color="#888888", lw=0.8, ls=":")
            if named:
                ax.text(d, top * (1.08 + 0.07 * (k % 2)), f"E{k}", fontsize=7, ha="center", color="#333333")
    ax.set_xlim(x0, x1)
    ax.set_ylim(0, top * 1.25 + 0.5)
    _date_axis(ax, x0.date(), x1.date())
    undated = len(keyed) - len(dated)
    note = (f"Sources per {unit} (stated date, else the middle of the estimated window)"
            + (f"; not drawn: {undated} with an open window or no date evidence" if undated else ""))
    ax.set_xlabel(note)
    ax.set_ylabel("Sources")
    ax.legend(title="Deal stage described", fontsize=7, title_fontsize=7, frameon=False,
              loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title(f"Sources per {unit}, by the deal stage they describe", loc="left")
    if ev_rows:
        lines = [f"E{k}  {d:%Y-%m-%d}  {shorten(name, 80)}" for k, (d, name) in enumerate(ev_rows, start=1)]
        text = ("Reference events:\n" + "\n".join(lines) if named else
                f"Dotted lines: the {len(ev_rows)} reference events (listed under Reference events used)")
        ax.annotate(text, xy=(0, 0), xycoords="axes fraction",
                    xytext=(-40, -70), textcoords="offset points", fontsize=7, va="top", ha="left",
                    color="#333333")
    return fig


def language_histograms(lang: pd.DataFrame) -> plt.Figure:
    """How hedged and how readable the sources are, as distributions across sources."""
    setup()
    fig, (a1, a2) = pyplot().subplots(1, 2, figsize=(9, 3.4), layout="tight")
    hedges = pd.to_numeric(lang["hedges_per_1000_words"], errors="coerce").dropna()
    a1.hist(hedges, bins=20, color=PALETTE[1])
    a1.set_xlim(left=0)
    a1.set_xlabel("Hedging cues per 1,000 words\n(cleaned text)")
    a1.set_ylabel("Sources")
    a1.set_title("How hedged", loc="left")
    bins = list(range(-20, 121, 5))
    raw = pd.to_numeric(lang["raw_flesch_reading_ease"], errors="coerce").dropna().clip(-20, 120)
    clean = pd.to_numeric(lang["clean_flesch_reading_ease"], errors="coerce").dropna().clip(-20, 120)
    a2.hist(raw, bins=bins, color="#bbbbbb", label="raw", histtype="stepfilled", alpha=0.8)
    a2.hist(clean, bins=bins, color=PALETTE[0], label="cleaned", histtype="step", lw=1.8)
    a2.set_xlabel("Flesch reading ease\n(higher = easier)")
    a2.set_title("How readable", loc="left")
    a2.legend(frameon=False, fontsize=8)
    return fig


def removed_totals(audit: pd.DataFrame) -> plt.Figure:
    """Characters removed per rule (all sources together), each bar naming how many sources."""
    setup()
    a = audit.assign(chars=audit["end"] - audit["start"])
    g = a.groupby("rule").agg(chars=("chars", "sum"), sources=("source_id", "nunique"))
    g = g.sort_values(["chars"], ascending=True, kind="stable")
    fig, ax = pyplot().subplots(figsize=(7.5, min(0.3 * len(g), 6.5) + 1.6))
    ax.barh(list(g.index), g["chars"], color=PALETTE[0])
    for i, (chars, n) in enumerate(zip(g["chars"], g["sources"], strict=True)):
        ax.text(chars, i, f" {n}", va="center", fontsize=7, color="#333333")
    ax.set_xlabel("Characters removed or moved to metadata (raw text); number = sources touched")
    ax.set_xlim(0, max(g["chars"].max(), 1) * 1.12)
    ax.set_title("What the cleaner removed, by rule", loc="left")
    return fig


def size_scatter(sources: pd.DataFrame) -> plt.Figure:
    """Raw against cleaned length, a point per source (no labels: there are too many)."""
    setup()
    fig, ax = pyplot().subplots(figsize=(6, 5))
    ax.scatter(sources["raw_chars"], sources["clean_chars"], s=12, alpha=0.6, color=PALETTE[0])
    top = max(float(sources["raw_chars"].max()), 1.0)
    ax.plot([0, top], [0, top], color="#999999", lw=0.8, ls="--", label="nothing removed")
    ax.set_xlim(0, top * 1.05)
    ax.set_ylim(0, top * 1.05)
    ax.set_xlabel("Raw characters")
    ax.set_ylabel("Cleaned characters")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(f"Article length before and after cleaning ({len(sources)} sources)", loc="left")
    return fig
