"""The timeline charts: each source's publication window, and its headline figure over time.

Both draw windows from the same dates as ``timeline.csv``; the date helpers here (``_ts``,
``_axis_range``, ``_date_axis``) are also used by the many-source histogram (``figures_scale``).
"""

from __future__ import annotations

import math
import textwrap
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import pandas as pd

from .figures_style import PALETTE, PRINT_WIDTH_IN, STAGE_COLOURS, _money_scale, pyplot, setup, source_colour
from .formatting import BOUND_WORDS, MONEY_UNITS, figure, many_sources, metric_label, shorten

if TYPE_CHECKING:
    import matplotlib.pyplot as plt

def _d(x: object) -> date | None:
    if x is None or x == "" or (isinstance(x, float) and math.isnan(x)):
        return None
    return x if isinstance(x, date) else date.fromisoformat(str(x)[:10])


#: Room one rotated date label needs along the axis (inches), by label form.
_TICK_GAP_IN = {"%Y": 0.4, "%Y-%m": 0.45, "%Y-%m-%d": 0.65}


def _round_date_ticks(start: date, end: date, most: int) -> tuple[list[date], str]:
    """At most ``most`` ticks on round dates (years, months on a grid from January, or days)
    between ``start`` and ``end``, and their label format."""
    span = max((end - start).days, 1)
    most = max(most, 2)
    if span > 3 * 365:
        base = max(1, math.ceil(span / 365.25 / most))
        ticks = [date(y, 1, 1) for y in range(start.year, end.year + 1) if y % base == 0]
        return [d for d in ticks if start <= d <= end], "%Y"
    if span > 120:
        months = next((k for k in (1, 2, 3, 6, 12) if k >= span / 30.44 / most), 12)
        ticks = [date(y, m, 1) for y in range(start.year, end.year + 1)
                 for m in range(1, 13, months)]
        return [d for d in ticks if start <= d <= end], "%Y-%m"
    step = max(1, math.ceil(span / most))
    return [start + timedelta(days=k) for k in range(0, span + 1, step)], "%Y-%m-%d"


def _date_axis(ax: plt.Axes, start: date, end: date) -> None:
    """Ticks on round dates (years, quarters, months or days), as many as the axis's printed
    width has room for, never the same date twice: a reader sees 2022, 2023, 2024, not
    2017-08, 2018-07, 2019-06, and labels never run into each other on a narrow chart."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter, Locator

    class RoundDates(Locator):
        """Chosen at draw time, from the width the axis has then (a chart is narrowed to fit
        the page after it is drawn)."""

        fmt = "%Y-%m-%d"

        def __call__(self) -> list[float]:
            axes = self.axis.axes  # its drawn box: a tight save moves the figure's frame
            width_in = axes.bbox.width / axes.figure.dpi
            lo, hi = (mdates.num2date(v).date() for v in self.axis.get_view_interval())
            fmt = _round_date_ticks(lo, hi, 9)[1]
            ticks, self.fmt = _round_date_ticks(lo, hi, min(9, int(width_in / _TICK_GAP_IN[fmt])))
            return [mdates.date2num(d) for d in ticks]

    locator = RoundDates()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: mdates.num2date(v).strftime(locator.fmt)))
    ax.tick_params(axis="x", labelrotation=30)
    for label in ax.get_xticklabels():
        label.set_ha("right")


def _ts(x: object) -> datetime | None:
    """A table date as the datetime the chart draws (midnight of that day), or None."""
    d = _d(x)
    return None if d is None else datetime.combine(d, time())


def _window(r: pd.Series) -> tuple[datetime | None, datetime | None]:
    """(start, end) of a source's window as drawn: a stated date is a one-day window."""
    pub = _ts(r["published"])
    return (pub, pub) if pub else (_ts(r["earliest"]), _ts(r["latest"]))


def _drawn_ends(wins: list[tuple[datetime | None, datetime | None]], events: list[datetime]
                ) -> list[datetime | None]:
    """The window ends the date axis must show: every closed window's, and a half-open one's
    known end unless it lies more than half the dated span beyond it ("on or after 2002" in a
    story of 2020-2023 would squeeze every dated source into a sliver; it is written instead)."""
    base = [x for w in wins if w[0] and w[1] for x in w] + events
    loose = [x for w in wins if (w[0] is None) != (w[1] is None) for x in w if x]
    if not base:
        return [x for w in wins for x in w]
    lo, hi = min(base), max(base)
    reach = max(hi - lo, timedelta(days=60)) * 0.5
    return base + [x for x in loose if lo - reach <= x <= hi + reach]


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
    x0, x1 = _axis_range(_drawn_ends(wins, [d for d, _, _ in ev_rows]), [d for d, _, _ in ev_rows])
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
        (bar,) = ax.plot([max(start, x0) if start else x0, min(end, x1) if end else x1], [i, i],
                         color=colour, lw=8, alpha=0.6, solid_capstyle="butt")
        bar.set_gid(f"window:{sid}")
        if start is not None and start < x0:  # a bound far before the rest: written, not drawn
            ax.text(x0, i - 0.3, f"\u2190 from {start:%Y-%m-%d}", fontsize=6.5, color="#444444",
                    ha="left", va="bottom", gid=f"beyond:{sid}")
        if end is not None and end > x1:
            ax.text(x1, i - 0.3, f"until {end:%Y-%m-%d} \u2192", fontsize=6.5, color="#444444",
                    ha="right", va="bottom", gid=f"beyond:{sid}")
        if start and end and (end - start) < (x1 - x0) * 0.015:  # too short to see on this axis
            (mark,) = ax.plot([start + (end - start) / 2], [i], "o", color=colour, mfc="white",
                              mew=1.6, ms=6, zorder=3)
            mark.set_gid(f"short:{sid}")
        if start is None:
            _open_arrow(ax, min(end, x1), x0, i, colour, f"open-start:{sid}")
        if end is None:
            _open_arrow(ax, max(start, x0), x1, i, colour, f"open-end:{sid}")
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


#: Marker shapes: with the palette's colours, a distinct style for each of up to 64 sources.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "h")
#: Where an id label may sit beside its point (offset points), tried in this order.
_LABEL_SPOTS = ((0, 6, "center", "bottom"), (0, -6, "center", "top"), (6, 0, "left", "center"),
                (-6, 0, "right", "center"), (5, 5, "left", "bottom"), (-5, 5, "right", "bottom"),
                (5, -5, "left", "top"), (-5, -5, "right", "top"), (0, 16, "center", "bottom"),
                (0, -16, "center", "top"), (14, 10, "left", "bottom"), (-14, 10, "right", "bottom"),
                (14, -10, "left", "top"), (-14, -10, "right", "top"))
#: A window sharing its figure and days with one drawn before is drawn this many points apart.
_WINDOW_GAP_PT = 3.0


def source_style(source_id: str, order: list[str]) -> tuple[str, str]:
    """(colour, marker) of a source: its colour in every chart, and a marker that changes each
    time the palette repeats, so no two of up to 64 sources look alike."""
    k = order.index(source_id) if source_id in order else 0
    return source_colour(source_id, order), MARKERS[(k // len(PALETTE)) % len(MARKERS)]


def _bare(sid: str, name: str, width: int) -> str:
    """'p10 Fox Business (Dow Jones…)': the id its point is labelled with, then its name."""
    bare = name[:-len(f" ({sid})")] if name.endswith(f" ({sid})") else name
    short = shorten(bare, width)
    short += ")" * max(short.count("(") - short.count(")"), 0)  # a cut inside brackets still closes them
    return sid if bare == sid else f"{sid} {short}"


def _key_entry(r: pd.Series, name: str) -> str:
    """'p10 Fox Business (Dow Jones…): $39 bn (about)': a key entry short enough for half the page."""
    bound = "" if r["bound"] == "exact" else f" ({BOUND_WORDS.get(r['bound'], r['bound'])})"
    return f"{_bare(r['source_id'], name, 27)}: {figure(r['value'], r['unit'])}{bound}"


def headline_over_time(timeline: pd.DataFrame, headlines: pd.DataFrame, labels: dict[str, str],
                       metric: str) -> plt.Figure:
    """The headline figure of each source against its date window (zero-based value axis).

    Windows are drawn from the same dates as ``timeline.csv`` (a line from earliest to latest,
    an arrow for an open end); the point sits at the stated date or the window's midpoint.
    Points that would coincide are spread sideways, and windows that would coincide drawn a few
    points apart, so none is hidden; a source with no date evidence is named under the chart
    instead of being drawn at a guessed date. Up to ``MANY_SOURCES`` sources, each has its own
    colour and marker, its point is labelled with its id, and a key under the chart names it.
    """
    from matplotlib.transforms import offset_copy

    setup()
    order = list(timeline.sort_values("order")["source_id"])
    many = many_sources(len(order))
    merged = headlines.merge(timeline, on="source_id", how="left")
    keyed = 0 if many else len(merged)
    key_rows = math.ceil(keyed / 2) if keyed > 6 else keyed
    fig = pyplot().figure(figsize=(PRINT_WIDTH_IN - 0.15, 4.4 + 0.16 * key_rows), layout="constrained")
    if key_rows:
        ax, key_ax = fig.subplots(2, 1, height_ratios=[4.4, 0.16 * key_rows])
        key_ax.axis("off")
    else:
        ax, key_ax = fig.subplots(), None
    unit = merged["unit"].iloc[0] if len(merged) else "USD"
    scale, word = _money_scale(list(merged["value"])) if unit in MONEY_UNITS else (1, "")
    wins = [_window(r) for _, r in merged.iterrows()]
    x0, x1 = _axis_range(_drawn_ends(wins, []), [])
    dodge = (x1 - x0) * 0.012
    ymax, seen, undated = 1.0, {}, []
    drawn_windows: dict[float, list[tuple[datetime, datetime]]] = {}
    points, handles = [], []
    beyond: dict[tuple[str, float], list[tuple[datetime, str]]] = {}  # far bounds, one label per row
    for (_, r), (start, end) in zip(merged.iterrows(), wins, strict=True):
        sid = r["source_id"]
        name = labels.get(sid, sid)
        colour, marker = (PALETTE[0], "o") if many else source_style(sid, order)
        y = r["value"] / scale
        lo_v = r["lower"] / scale
        hi_v = r["upper"] / scale if math.isfinite(r["upper"]) else y * 1.3
        ymax = max(ymax, hi_v)
        if start is None and end is None:
            undated.append(name if many or key_ax is None else _bare(sid, name, 30))
            continue
        a, b = start or x0, end or x1
        same = [w for w in drawn_windows.setdefault(round(y, 9), []) if w[0] < b + dodge and a < w[1] + dodge]
        drawn_windows[round(y, 9)].append((a, b))
        k = len(same)  # windows of this figure already drawn over these days: draw beside them
        shifted = offset_copy(ax.transData, fig=fig, y=_WINDOW_GAP_PT * ((k + 1) // 2) * (1 if k % 2 else -1),
                              units="points") if k else ax.transData
        if start is not None and end is not None:
            x = start + (end - start) / 2
            (line,) = ax.plot([start, end], [y, y], color=colour, lw=2.2, alpha=0.7, transform=shifted)
            line.set_gid(f"window:{sid}")  # a one-day window is its point
        else:
            x = start or end
            if start is not None and start < x0:  # a bound far before the rest: written, not drawn
                x = x0
                beyond.setdefault(("from", round(y, 9)), []).append((start, sid))
            elif end is not None and end > x1:
                x = x1
                beyond.setdefault(("until", round(y, 9)), []).append((end, sid))
            (line,) = ax.plot([x if end is None else x0, x if start is None else x1], [y, y],
                              color=colour, lw=2.2, alpha=0.7, transform=shifted)
            line.set_gid(f"window:{sid}")
            _open_arrow(ax, x, x1 if end is None else x0, y, colour,
                        f"open-{'end' if end is None else 'start'}:{sid}")
        key = (x, round(y, 9))
        seen[key] = seen.get(key, -1) + 1
        shift = dodge * ((seen[key] + 1) // 2) * (1 if seen[key] % 2 else -1)
        (point,) = ax.plot([x + shift], [y], marker, color=colour, ms=7, mec="white", mew=0.8,
                           zorder=3 + seen[key], label=_key_entry(r, name))
        point.set_gid(f"point:{sid}")
        points.append((sid, point))
        handles.append(point)
        ax.plot([x + shift, x + shift], [lo_v, hi_v], color=colour, lw=1, alpha=0.8)
        if not math.isfinite(r["upper"]):
            ax.annotate("", xy=(x + shift, hi_v), xytext=(x + shift, y),
                        arrowprops={"arrowstyle": "-|>", "color": colour})
    for (side, y), bounds in sorted(beyond.items()):
        days = ", ".join(sorted({f"{d:%Y-%m-%d}" for d, _ in bounds}))
        ax.text(x0 if side == "from" else x1, y,
                f"\u2190 from {days}" if side == "from" else f"until {days} \u2192", fontsize=7,
                color="#444444", ha="left" if side == "from" else "right", va="bottom",
                gid="beyond:" + ",".join(sorted(sid for _, sid in bounds)))
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
    # wrapped here, not when fitted to the page: the layout is kept once the labels are placed
    ax.set_xlabel("\n".join(textwrap.fill(line, 80) for line in note.split("\n")))
    if many:  # a point per source, translucent so coinciding points read darker; no legend
        for line in ax.lines:
            line.set_alpha(min(line.get_alpha() or 1.0, 0.35))
    elif key_ax is not None:  # the key under the chart, each entry led by the id its point carries
        key_ax.legend(handles=handles, loc="upper left", fontsize=7, frameon=False, borderaxespad=0.0,
                      ncols=2 if len(handles) > 6 else 1, handletextpad=0.3, columnspacing=1.0)
    ax.set_title(f"{metric_label(metric)}: each source's headline figure over time", loc="left")
    if not many:
        _label_points(fig, ax, points)
    return fig


def _label_points(fig: plt.Figure, ax: plt.Axes, points: list) -> None:
    """Write each source's id beside its point, at the first spot (``_LABEL_SPOTS``) where it
    covers no other label or point and stays inside the axes (else the first spot)."""
    fig.canvas.draw()
    fig.set_layout_engine("none")  # the labels are placed for this layout: keep it (another draw would move it)
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [p.get_window_extent(renderer) for _, p in points]
    for sid, point in sorted(points, key=lambda sp: (sp[1].get_xdata()[0], sp[1].get_ydata()[0], sp[0])):
        xy = (point.get_xdata()[0], point.get_ydata()[0])
        chosen = None
        for dx, dy, ha, va in _LABEL_SPOTS:
            text = ax.annotate(sid, xy, xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                               fontsize=7, color="#222222", zorder=20)
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(t) for t in taken):
                chosen = text
                break
            text.remove()
        if chosen is None:
            dx, dy, ha, va = _LABEL_SPOTS[0]
            chosen = ax.annotate(sid, xy, xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                                 fontsize=7, color="#222222", zorder=20)
        chosen.set_gid(f"label:{sid}")
        taken.append(chosen.get_window_extent(renderer))
