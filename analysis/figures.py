"""Charts for the report: matplotlib, saved as deterministic SVG.

Same inputs give byte-identical SVG: fixed hash salt, no date metadata, text as paths.
Every chart names its sources and units; value axes start at zero where size matters.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pandas as pd

from .formatting import bound_word, many_sources, metric_label, shorten
from .paths import figures_dir

if TYPE_CHECKING:
    import matplotlib.pyplot as plt

PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#c8553d"]
STAGE_COLOURS = {"talks": "#edae49", "agreed": "#1b6ca8", "regulatory_review": "#00798c",
                 "completed": "#66a182", "ended": "#d1495b", "aftermath": "#8d6a9f",
                 "unknown": "#999999"}
_SCALE_UNITS = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
# The printed text width of the PDF (A4, 2.2 cm side margins in report/_quarto.yml): a chart
# no wider than this prints at its natural size, so its text keeps the sizes set here.
PRINT_WIDTH_IN = (21.0 - 2 * 2.2) / 2.54
# The tallest a chart may be (inches): the A4 text block (29.7 cm less 2 x 2.4 cm margins) less
# room for the caption, so typst never shrinks a chart to fit a page.
PRINT_HEIGHT_IN = 8.5
# The smallest text a chart may carry, in points at print size.
MIN_TEXT_PT = 7.0
# The narrowest plot area fitting may leave (inches): below it the data would be unreadable.
MIN_AXES_IN = 1.8
# White margin savefig adds around the tight bounding box (inches, each side).
PAD_IN = 0.05


def pyplot() -> ModuleType:
    """matplotlib's pyplot on the Agg backend, imported with the first chart drawn.

    A notebook whose charts all come from the stage cache never draws, and a kernel that does
    not import matplotlib starts 0.3 s sooner.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot

    return matplotlib.pyplot


def setup() -> None:
    """Deterministic, legible defaults (call before drawing)."""
    plt = pyplot()
    plt.rcdefaults()
    plt.rcParams.update({
        "svg.hashsalt": "deal-coverage-report",
        "text.parse_math": False,  # corpus text ("$10 bn and $14 bn") is plain text, never mathtext
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
    })


def _wrap_wide_text(fig: plt.Figure, width_in: float) -> None:
    """Wrap any label or note wider than the printed width onto more lines (text keeps its size)."""
    import textwrap

    from matplotlib.text import Text

    renderer = fig.canvas.get_renderer()
    for t in fig.findobj(Text):
        text = t.get_text()
        if not t.get_visible() or not text.strip() or t.get_rotation() not in (0.0, 360.0):
            continue
        wide = t.get_window_extent(renderer).width / fig.dpi
        if wide <= width_in * 0.9:
            continue
        longest = max(len(line) for line in text.split("\n"))
        chars = max(int(longest * width_in * 0.8 / wide), 20)
        t.set_text("\n".join(textwrap.fill(line, chars) for line in text.split("\n")))


def fit_print_width(fig: plt.Figure, width_in: float = PRINT_WIDTH_IN,
                    height_in: float = PRINT_HEIGHT_IN) -> float:
    """Narrow (and if need be shorten) the figure until its saved (tight) box fits the page.

    A wider or taller chart would be scaled down on the page and its 7-8 pt labels printed at
    5 pt. Text keeps its size (over-wide labels wrap); the axes give up the room, but never
    below MIN_AXES_IN. Returns the final tight width in inches.
    """
    fig.canvas.draw()
    _wrap_wide_text(fig, width_in)
    fig.canvas.draw()
    width = fig.get_tightbbox(fig.canvas.get_renderer()).width
    for _ in range(12):
        over = width - width_in
        if over <= 0.01:
            break
        w, h = fig.get_size_inches()
        fig.set_size_inches(max(w - over, 1.0), h)
        fig.canvas.draw()  # re-runs the figure's layout engine, if it has one
        if min(ax.get_position().width for ax in fig.axes) * fig.get_size_inches()[0] < MIN_AXES_IN:
            fig.set_size_inches(w, h)
            fig.canvas.draw()
            width = fig.get_tightbbox(fig.canvas.get_renderer()).width
            break
        width = fig.get_tightbbox(fig.canvas.get_renderer()).width
    for _ in range(12):
        over = fig.get_tightbbox(fig.canvas.get_renderer()).height - height_in
        if over <= 0.01:
            break
        w, h = fig.get_size_inches()
        fig.set_size_inches(w, max(h - over, 1.0))
        fig.canvas.draw()
    return width


def smallest_text_pt(fig: plt.Figure) -> float:
    """The smallest font size of any visible, non-empty text in the figure (points)."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return min(sizes, default=MIN_TEXT_PT)


def save(fig: plt.Figure, out_dir: str | Path, name: str) -> Path:
    """Write the figure as deterministic SVG, narrowed to print at its natural size."""
    path = figures_dir(out_dir) / f"{name}.svg"
    path.parent.mkdir(parents=True, exist_ok=True)
    fit_print_width(fig, PRINT_WIDTH_IN - 2 * PAD_IN)
    fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=PAD_IN)
    return path


def _money_scale(values: list[float]) -> tuple[float, str]:
    finite = [abs(v) for v in values if v is not None and math.isfinite(v) and v != 0]
    top = max(finite) if finite else 1
    for scale, word in _SCALE_UNITS:
        if top >= scale:
            return scale, word
    return 1.0, ""


def source_colour(source_id: str, order: list[str]) -> str:
    """One colour per source, the same in every chart (by timeline position)."""
    return PALETTE[order.index(source_id) % len(PALETTE)] if source_id in order else "#555555"


def removed_by_rule(audit: pd.DataFrame, sources: list[str]) -> plt.Figure:
    """Characters removed per rule, stacked by source (``sources`` in timeline order); with many
    sources, one bar per rule naming how many sources it touched."""
    if many_sources(len(sources)):
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


DEAL_PANELS = [("Deal value", ["deal_value"]), ("Stake acquired", ["stake"])]
VALUATION_PANELS = [
    ("Valuation of the target", ["valuation_before", "valuation_at_deal", "valuation_projected"]),
]
_VAL_TAG = {"valuation_before": "before", "valuation_at_deal": "at deal",
            "valuation_projected": "projected"}


def nothing_to_compare() -> plt.Figure:
    """A small chart saying no source gives a figure of the panels (a chart is always written)."""
    setup()
    fig, ax = pyplot().subplots(figsize=(8, 1.5))
    ax.text(0.5, 0.5, "No figures to compare", ha="center", va="center")
    ax.axis("off")
    return fig


def discrepancy(claims: pd.DataFrame, order: list[str], labels: dict[str, str],
                panels: list[tuple[str, list[str]]] | None = None) -> plt.Figure:
    """Per panel, each source's interval (bar) and point (dot) on a shared, zero-based axis.

    Sources run top to bottom in timeline order; derived figures are drawn hollow and grey.
    With many sources, each distinct figure is drawn once with how many sources give it.
    """
    if many_sources(len(order)):
        from .figures_scale import discrepancy_clusters

        return discrepancy_clusters(claims, panels or DEAL_PANELS)
    setup()
    groups = []
    for title, metrics in panels or DEAL_PANELS:
        sub = claims[claims["metric"].isin(metrics)].copy()
        if sub.empty:
            continue
        sub["src"] = [str(c).split("-")[1] if s == "derived" else s
                      for s, c in zip(sub["source_id"], sub["claim_id"], strict=True)]
        sub["rank"] = [order.index(s) if s in order else len(order) for s in sub["src"]]
        sub["mrank"] = [metrics.index(m) for m in sub["metric"]]
        groups.append((title, sub.sort_values(["mrank", "rank", "source_id", "value"], kind="stable")))
    if not groups:
        return nothing_to_compare()
    sizes = [len(g[1]) for g in groups]
    fig, axes = pyplot().subplots(len(groups), 1, figsize=(8, 0.27 * sum(sizes) + 1.05 * len(groups) + 0.5),
                             squeeze=False, gridspec_kw={"height_ratios": [n + 1.6 for n in sizes]},
                             layout="tight")
    for ax, (title, sub) in zip(axes[:, 0], groups, strict=True):
        unit = sub["unit"].iloc[0]
        sub = sub[sub["unit"] == unit]
        if unit == "percent":
            scale, unit_word = 1.0, "%"
        elif unit in ("USD", "EUR", "GBP"):
            scale, word = _money_scale(list(sub["value"]) + list(sub["lower"]))
            unit_word = f"{unit}, {word}" if word else unit
        else:
            scale, unit_word = 1.0, unit
        finite_hi = [v for v in list(sub["upper"]) + list(sub["value"]) if math.isfinite(v)]
        xmax = max(finite_hi) / scale * 1.2 if finite_hi else 1
        for i, (_, r) in enumerate(sub.iterrows()):
            derived = r["source_id"] == "derived"
            colour = "#777777" if derived else source_colour(r["src"], order)
            lo = r["lower"] / scale
            hi = r["upper"] / scale if math.isfinite(r["upper"]) else xmax
            ax.plot([lo, hi], [i, i], color=colour, lw=6, alpha=0.35, solid_capstyle="butt")
            if not math.isfinite(r["upper"]):
                ax.annotate("", xy=(xmax, i), xytext=(xmax * 0.96, i),
                            arrowprops={"arrowstyle": "->", "color": colour})
            ax.plot(r["value"] / scale, i, "o", color=colour, mfc="white" if derived else colour,
                    ms=7, mew=1.5)
        ticks = []
        for _, r in sub.iterrows():
            name = labels.get(r["src"], r["src"])
            tag = f"{_VAL_TAG[r['metric']]}, " if r["metric"] in _VAL_TAG else ""
            ticks.append(f"{name} [{tag}implied]" if r["source_id"] == "derived"
                         else f"{name} [{tag}{bound_word(r['bound'], r['lower'], r['upper'])}]")
        ax.set_yticks(range(len(sub)), ticks, fontsize=8)
        ax.set_ylim(len(sub) - 0.5, -0.6)
        ax.set_xlim(0, xmax)
        ax.set_xlabel(f"{title} ({unit_word})", fontsize=9)
        ax.set_title(title, loc="left", fontsize=10)
        ax.grid(axis="x", color="#eeeeee")
    return fig


def _d(x: object) -> date | None:
    if x is None or x == "" or (isinstance(x, float) and math.isnan(x)):
        return None
    return x if isinstance(x, date) else date.fromisoformat(str(x)[:10])


def _date_axis(ax: plt.Axes, start: date, end: date) -> None:
    """About eight ticks (nine at most) on round dates (years, quarters, months or days), never the
    same date twice: a reader sees 2022, 2023, 2024, not 2017-08, 2018-07, 2019-06."""
    import matplotlib.dates as mdates

    span = max((end - start).days, 1)
    step = max(1, math.ceil(span / 8))
    if span > 3 * 365:
        ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, math.ceil(span / 365.25 / 8))))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    elif span > 120:
        months = next(k for k in (1, 2, 3, 6, 12) if k >= span / 30.44 / 9)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, months)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    else:
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=step))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_ha("right")


def _ts(x: object) -> datetime | None:
    """A table date as the datetime the chart draws (midnight of that day), or None."""
    d = _d(x)
    return None if d is None else datetime.combine(d, time())


def _window(r: pd.Series) -> tuple[datetime | None, datetime | None]:
    """(start, end) of a source's window as drawn: a stated date is a one-day window."""
    pub = _ts(r["published"])
    return (pub, pub) if pub else (_ts(r["earliest"]), _ts(r["latest"]))


def _axis_range(starts_ends: list[datetime | None], extra: list[datetime]) -> tuple[datetime, datetime]:
    known = [x for x in starts_ends if x] or extra or [datetime(2000, 1, 1)]
    lo, hi = min(known), max(known)
    pad = timedelta(days=max((hi - lo).days * 0.08, 3))
    return lo - pad, hi + pad


def _open_arrow(ax: plt.Axes, tail: datetime, head: datetime, y: float, colour: str, gid: str) -> None:
    """An open window end: a line running to the axis edge with an arrow head there."""
    ann = ax.annotate("", xy=(head, y), xytext=(tail, y),
                      arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.6,
                                  "shrinkA": 0, "shrinkB": 0, "mutation_scale": 12})
    ann.set_gid(gid)


def timeline_windows(timeline: pd.DataFrame, events: pd.DataFrame, labels: dict[str, str]
                     ) -> plt.Figure:
    """Each source's window from the same dates as ``timeline.csv``: a bar from earliest to
    latest, a diamond for a stated date, a dot for a one-day window, an arrow for an open end;
    a source with no date evidence is written as such. Reference events are dotted lines.
    With many sources, a histogram of sources per period stacked by stage instead."""
    if many_sources(len(timeline)):
        from .figures_scale import timeline_histogram

        return timeline_histogram(timeline, events)
    setup()
    t = timeline.sort_values("order").reset_index(drop=True)
    wins = [_window(r) for _, r in t.iterrows()]
    ev_rows = [(d, _ts(r.get("latest")) or d, str(r["event"]))
               for _, r in (events.sort_values("date").iterrows() if len(events) else [])
               if (d := _ts(r["date"]))]
    x0, x1 = _axis_range([x for w in wins for x in w], [d for d, _, _ in ev_rows])
    fig, ax = pyplot().subplots(figsize=(8, 0.55 * len(t) + 2.2))
    for i, ((_, r), (start, end)) in enumerate(zip(t.iterrows(), wins, strict=True)):
        sid = r["source_id"]
        colour = STAGE_COLOURS.get(r["stage"], "#999999")
        if start is None and end is None:
            ax.text(x0 + (x1 - x0) / 2, i, "no date evidence", ha="center", va="center",
                    fontsize=7.5, color="#555555", style="italic", gid=f"undated:{sid}")
            continue
        if start is not None and start == end:
            (mark,) = ax.plot([start], [i], "D" if _ts(r["published"]) else "o", color=colour,
                              ms=7, zorder=3)
            mark.set_gid(f"window:{sid}")
            continue
        (bar,) = ax.plot([start or x0, end or x1], [i, i], color=colour, lw=8, alpha=0.6,
                         solid_capstyle="butt")
        bar.set_gid(f"window:{sid}")
        if start and end and (end - start) < (x1 - x0) * 0.015:  # too short to see on this axis
            (mark,) = ax.plot([start + (end - start) / 2], [i], "o", color=colour, mfc="white",
                              mew=1.6, ms=6, zorder=3)
            mark.set_gid(f"short:{sid}")
        if start is None:
            _open_arrow(ax, end, x0, i, colour, f"open-start:{sid}")
        if end is None:
            _open_arrow(ax, start, x1, i, colour, f"open-end:{sid}")
    shown = []
    for d, last, name in ev_rows:
        if not x0 <= d <= x1:
            continue
        shown.append((f"{d:%Y-%m-%d}" + (f" to {last:%Y-%m-%d}" if last != d else ""), name))
        if last != d:  # an event known to the month: a shaded span, not a false exact day
            ax.axvspan(d, last, color="#888888", alpha=0.12, lw=0)
        else:
            ax.axvline(d, color="#888888", lw=0.8, ls=":")
        ax.text(d, -0.9 - (len(shown) % 2) * 0.55, f"E{len(shown)}", fontsize=7.5, color="#333333",
                ha="center", va="center",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#888888", "lw": 0.6})
    if shown:
        lines = [f"E{k}  {d}  {shorten(name, 95)}" for k, (d, name) in enumerate(shown, start=1)]
        ax.annotate("Reference events:\n" + "\n".join(lines), xy=(0, 0), xycoords="axes fraction",
                    xytext=(-150, -82), textcoords="offset points", fontsize=7, va="top",
                    ha="left", color="#333333")
    from matplotlib.lines import Line2D

    used = [st for st in STAGE_COLOURS if st in set(t["stage"])]
    ax.legend([Line2D([], [], color=STAGE_COLOURS[st], lw=6, alpha=0.6) for st in used],
              [st.replace("_", " ") for st in used],
              title="Deal stage described", fontsize=7, title_fontsize=7, frameon=False,
              loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_yticks(range(len(t)), [f"{labels.get(s, s)} ({st.replace('_', ' ')})" for s, st in
                                  zip(t["source_id"], t["stage"], strict=True)], fontsize=8)
    ax.set_ylim(len(t) - 0.5, -1.9)
    ax.set_xlim(x0, x1)
    _date_axis(ax, x0.date(), x1.date())
    ax.set_xlabel("Date (bar = earliest to latest possible publication; arrow = open end; "
                  "diamond = stated date; dot = one-day window; ring = a window of a few days)")
    ax.set_title("Publication window of each source", loc="left")
    return fig


def headline_over_time(timeline: pd.DataFrame, headlines: pd.DataFrame, labels: dict[str, str],
                       metric: str) -> plt.Figure:
    """The headline figure of each source against its date window (zero-based value axis).

    Windows are drawn from the same dates as ``timeline.csv`` (a line from earliest to latest,
    an arrow for an open end); the point sits at the stated date or the window's midpoint.
    Points that would coincide are spread sideways so none is hidden; a source with no date
    evidence is named under the chart instead of being drawn at a guessed date.
    """
    setup()
    order = list(timeline.sort_values("order")["source_id"])
    many = many_sources(len(order))
    fig, ax = pyplot().subplots(figsize=(8, 3.8))
    merged = headlines.merge(timeline, on="source_id", how="left")
    unit = merged["unit"].iloc[0] if len(merged) else "USD"
    scale, word = _money_scale(list(merged["value"])) if unit in ("USD", "EUR", "GBP") else (1, "")
    wins = [_window(r) for _, r in merged.iterrows()]
    x0, x1 = _axis_range([x for w in wins for x in w], [])
    dodge = (x1 - x0) * 0.012
    ymax, seen, undated = 1.0, {}, []
    for (_, r), (start, end) in zip(merged.iterrows(), wins, strict=True):
        sid = r["source_id"]
        name = labels.get(sid, sid)
        colour = PALETTE[0] if many else source_colour(sid, order)
        y = r["value"] / scale
        lo_v = r["lower"] / scale
        hi_v = r["upper"] / scale if math.isfinite(r["upper"]) else y * 1.3
        ymax = max(ymax, hi_v)
        if start is None and end is None:
            undated.append(name)
            continue
        if start is not None and end is not None:
            x = start + (end - start) / 2
            (line,) = ax.plot([start, end], [y, y], color=colour, lw=2.2, alpha=0.7)
            line.set_gid(f"window:{sid}")  # a one-day window is its point
        else:
            x = start or end
            (line,) = ax.plot([start or x0, end or x1], [y, y], color=colour, lw=2.2, alpha=0.7)
            line.set_gid(f"window:{sid}")
            _open_arrow(ax, x, x1 if end is None else x0, y, colour,
                        f"open-{'end' if end is None else 'start'}:{sid}")
        key = (x, round(y, 9))
        seen[key] = seen.get(key, -1) + 1
        shift = dodge * ((seen[key] + 1) // 2) * (1 if seen[key] % 2 else -1)
        (point,) = ax.plot([x + shift], [y], "o", color=colour, ms=7, mec="white", mew=0.8,
                           zorder=3 + seen[key], label=f"{name}: {shorten(r['quote'], 40)}")
        point.set_gid(f"point:{sid}")
        ax.plot([x + shift, x + shift], [lo_v, hi_v], color=colour, lw=1, alpha=0.8)
        if not math.isfinite(r["upper"]):
            ax.annotate("", xy=(x + shift, hi_v), xytext=(x + shift, y),
                        arrowprops={"arrowstyle": "-|>", "color": colour})
    ax.set_ylim(0, ymax * 1.15)
    ax.set_xlim(x0, x1)
    _date_axis(ax, x0.date(), x1.date())
    ylabel = f"{metric_label(metric)} ({unit}{', ' + word if word else ''})"
    ax.set_ylabel(ylabel)
    note = ("Publication date (point = stated date or window midpoint, line = window, "
            "arrow = open end)")
    if undated:
        note += ("\nNot drawn, no date evidence: " + ", ".join(undated) if not many
                 else f"\nNot drawn: {len(undated)} sources with no date evidence")
    ax.set_xlabel(note)
    handles = ax.get_legend_handles_labels()[0]
    if many:  # a point per source, translucent so coinciding points read darker; no legend
        for line in ax.lines:
            line.set_alpha(min(line.get_alpha() or 1.0, 0.35))
    elif len(handles) > 6:  # many sources: below the axis, where no point can hide under it
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(0.0, -0.38 if undated
                                                                                else -0.3),
                  ncols=2, handletextpad=0.3, columnspacing=1.0)
    elif handles:
        ax.legend(fontsize=7, frameon=False, loc="lower right")
    ax.set_title(f"{metric_label(metric)}: each source's headline figure over time", loc="left")
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
