"""The timeline charts draw exactly the windows of ``timeline.csv``: same ends (no hours lost to
date arithmetic), open ends as arrows, every point visible, undated sources named not guessed."""

from __future__ import annotations

import re
from datetime import date, datetime

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import figures, stages
from analysis.claims import headline_claims
from analysis.params import Params
from analysis.paths import EXAMPLES_DIR, SEEDS_DIR

TABLE = pd.DataFrame({
    "source_id": ["a", "b", "c", "d", "e", "f"], "order": [1, 2, 3, 4, 5, 6],
    "published": ["", "", "", "2025-06-12", "", ""],
    "earliest": ["2025-06-08", "2025-06-08", "2025-06-10", "2025-06-12", "2025-06-13", ""],
    "latest": ["2025-06-11", "2025-06-11", "2025-06-11", "2025-06-12", "", ""],
    "stage": ["talks", "talks", "talks", "agreed", "completed", "unknown"],
})
HEADS = pd.DataFrame({"claim_id": [f"{s}-c01" for s in "abcdef"], "source_id": list("abcdef"),
                      "metric": "deal_value", "value": [10e9, 10e9, 14e9, 14.3e9, 14.3e9, 9e9],
                      "lower": [9.5e9, 9.5e9, 13.5e9, 14.25e9, 14.25e9, 8.5e9],
                      "upper": [10.5e9, 10.5e9, 14.5e9, 14.35e9, float("inf"), 9.5e9],
                      "bound": "exact", "unit": "USD", "quote": "$10 billion"})


def _drawn(fig: plt.Figure) -> dict[str, list]:
    """Artists by gid (window:<id>, open-end:<id>, point:<id>, undated:<id>)."""
    out: dict[str, list] = {}
    for artist in fig.findobj():
        gid = artist.get_gid()
        if gid:
            out.setdefault(gid, []).append(artist)
    return out


def _x_days(line) -> list[datetime]:
    return [mdates.num2date(x).replace(tzinfo=None) for x in mdates.date2num(line.get_xdata())]


def _check_windows(fig: plt.Figure, table: pd.DataFrame) -> None:
    drawn = _drawn(fig)
    x0, x1 = (mdates.num2date(x).replace(tzinfo=None) for x in fig.axes[0].get_xlim())
    for _, r in table.iterrows():
        sid, lo, hi = r["source_id"], r["published"] or r["earliest"], r["published"] or r["latest"]
        if not lo and not hi:
            assert f"window:{sid}" not in drawn and f"point:{sid}" not in drawn
            continue
        (line,) = drawn[f"window:{sid}"]
        xs = _x_days(line)
        want_lo = datetime.fromisoformat(lo) if lo else x0
        want_hi = datetime.fromisoformat(hi) if hi else x1
        assert (min(xs), max(xs)) == (want_lo, want_hi), (sid, xs)
        assert (f"open-end:{sid}" in drawn) == (not hi) and (f"open-start:{sid}" in drawn) == (not lo)


def test_timeline_chart_draws_the_table_windows() -> None:
    fig = figures.timeline_windows(TABLE, pd.DataFrame(columns=["date", "event"]), {})
    _check_windows(fig, TABLE)
    assert "undated:f" in _drawn(fig)
    plt.close(fig)


def test_headline_chart_draws_the_table_windows_and_every_point() -> None:
    fig = figures.headline_over_time(TABLE, HEADS, {}, "deal_value")
    _check_windows(fig, TABLE[TABLE["source_id"].isin(["c", "e", "f"])])  # single windows
    drawn = _drawn(fig)
    points = {sid: drawn[f"point:{sid}"][0] for sid in "abcde"}
    # s002's midpoint is the middle of its window (noon on 06-10), not its start
    assert _x_days(points["c"]) == [datetime(2025, 6, 10, 12)]
    # a and b share window and value: both points stay visible, side by side
    xa, xb = _x_days(points["a"])[0], _x_days(points["b"])[0]
    assert xa != xb and abs((xa - xb).total_seconds()) < 86400 * 1.5
    assert {xa, xb} != {datetime(2025, 6, 9, 12)} and datetime(2025, 6, 9, 12) in {xa, xb}
    assert "Not drawn, no date evidence: f" in fig.axes[0].get_xlabel()
    plt.close(fig)


@pytest.mark.parametrize("folder", [SEEDS_DIR, EXAMPLES_DIR / "adobe-figma"])
def test_charts_of_a_real_run_match_its_timeline_table(folder, tmp_path) -> None:
    p = Params.from_mapping({"corpus_dir": str(folder), "out_dir": str(tmp_path)})
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    tl = stages.build_timeline(p, cs, claims)
    _check_windows(figures.timeline_windows(tl.table, tl.events, stages.labels(cs)), tl.table)
    heads = headline_claims(claims)
    fig = figures.headline_over_time(tl.table, heads, stages.labels(cs), "deal_value")
    one_each = tl.table[tl.table["source_id"].isin(
        heads["source_id"].value_counts()[lambda c: c == 1].index)]
    _check_windows(fig, one_each)
    plt.close("all")
    assert date.fromisoformat(tl.table["earliest"].iloc[0])  # the table is the chart's source


@pytest.mark.parametrize(("start", "end", "expected"), [
    (date(2017, 11, 1), date(2024, 3, 1), ["2018", "2019", "2020", "2021", "2022", "2023", "2024"]),
    (date(2023, 9, 1), date(2024, 12, 15), ["2023-09", "2023-11", "2024-01", "2024-03", "2024-05", "2024-07",
                                            "2024-09", "2024-11"]),
    (date(2023, 6, 10), date(2025, 9, 1), ["2023-07", "2023-10", "2024-01", "2024-04", "2024-07", "2024-10",
                                           "2025-01", "2025-04", "2025-07"]),
])
def test_date_ticks_fall_on_round_dates(start, end, expected) -> None:
    """Years, or months on a regular grid from January: never 2017-08, 2018-07, 2019-06."""
    from analysis.figures_style import pyplot
    from analysis.figures_timeline import _date_axis

    fig, ax = pyplot().subplots()
    ax.plot([start, end], [0, 1])
    ax.set_xlim(start, end)
    _date_axis(ax, start, end)
    fig.canvas.draw()
    lo, hi = ax.get_xlim()
    shown = [t.get_text() for t, x in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True) if lo <= x <= hi]
    assert shown == expected
    plt.close(fig)


@pytest.mark.parametrize("width", [2.2, 4.0, 8.0])
def test_date_tick_labels_never_overlap_however_narrow_the_axis(width: float) -> None:
    """A timeline narrowed to fit the page (long source names take the width) once printed
    2024-01 to 2025-07 every quarter on a 1.9-inch axis, each label running into the next."""
    from analysis.figures_style import pyplot
    from analysis.figures_timeline import _date_axis

    start, end = date(2023, 12, 20), date(2025, 7, 10)
    fig, ax = pyplot().subplots(figsize=(width + 6.0, 2))  # blank margins a tight save crops
    fig.subplots_adjust(left=3.0 / (width + 6.0), right=1 - 3.0 / (width + 6.0))
    ax.plot([start, end], [0, 1])
    ax.set_xlim(start, end)
    _date_axis(ax, start, end)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    lo, hi = ax.get_xlim()
    boxes = sorted((t.get_window_extent(r) for t, x in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True)
                    if lo <= x <= hi and t.get_text()), key=lambda b: b.x0)
    assert len(boxes) >= 2
    assert all(a.x1 <= b.x0 for a, b in zip(boxes, boxes[1:], strict=False))
    # the saved chart has the same ticks (a tight save re-frames the figure while it draws)
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    assert buf.getvalue().decode().count("<!-- 20") == len(boxes)
    plt.close(fig)


def test_a_bound_far_before_the_story_is_written_not_drawn() -> None:
    """"On or after 2002" (a year a page names in passing) in coverage of 2020-2023 would squeeze
    every dated source into a sliver of the axis: the axis spans the dated sources and events, and
    the far bound is written at its edge."""
    from analysis.figures_timeline import timeline_windows

    rows = [("a", "2020-09-13", "", ""), ("b", "2022-02-08", "", ""), ("c", "", "2002-01-01", "")]
    t = pd.DataFrame([{"source_id": s, "published": p, "earliest": e, "latest": la, "stage": "agreed",
                       "order": k} for k, (s, p, e, la) in enumerate(rows)])
    events = pd.DataFrame(columns=["date", "latest", "event"])
    fig = timeline_windows(t, events, {})
    ax = fig.axes[0]
    lo, _ = ax.get_xlim()
    assert mdates.num2date(lo).year >= 2019
    texts = [x.get_text() for x in ax.texts]
    assert any("from 2002-01-01" in x for x in texts)
    plt.close(fig)


def test_the_headline_chart_writes_a_far_bound_too() -> None:
    """The headline figure over time: a page "on or after 2011" (a year named in passing) in
    coverage of 2024-2026 sits at the axis edge with its bound written, so the dated pages are not
    squeezed into a sliver of the axis."""
    rows = [("a", "2024-07-14", "", ""), ("b", "2026-03-11", "", ""), ("c", "", "2011-01-01", "")]
    t = pd.DataFrame([{"source_id": s, "published": p, "earliest": e, "latest": la, "stage": "agreed",
                       "order": k} for k, (s, p, e, la) in enumerate(rows)])
    heads = HEADS.iloc[:3].assign(source_id=["a", "b", "c"])
    fig = figures.headline_over_time(t, heads, {}, "deal_value")
    ax = fig.axes[0]
    lo, _ = ax.get_xlim()
    assert mdates.num2date(lo).year >= 2024
    assert any("from 2011-01-01" in x.get_text() for x in ax.texts)
    _check_windows(fig, t[t["source_id"] != "c"])
    plt.close(fig)


def _many_heads(n: int) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """n sources as qualcomm-nxp has them: a few figures, many sharing one, windows over two years."""
    ids = [f"p{k:02d}" for k in range(1, n + 1)]
    days = [f"{2016 + k // 8}-{k % 12 + 1:02d}-{k % 27 + 1:02d}" for k in range(n)]
    t = pd.DataFrame({"source_id": ids, "order": range(1, n + 1), "published": days, "earliest": days,
                      "latest": days, "stage": "agreed"})
    values = [(30e9, 38e9, 44e9, 44e9, 47e9)[k % 5] for k in range(n)]
    heads = pd.DataFrame({"claim_id": [f"{s}-c01" for s in ids], "source_id": ids, "metric": "deal_value",
                          "value": values, "lower": [v - 5e8 for v in values], "upper": [v + 5e8 for v in values],
                          "bound": "exact", "unit": "USD", "quote": [f"${v / 1e9:.0f} billion" for v in values]})
    labels = {s: f"Outlet number {k} with a long name (wire text, reporter) ({s})" for k, s in enumerate(ids)}
    return t, heads, labels


def test_the_headline_chart_reads_with_twenty_sources(tmp_path) -> None:
    """qualcomm-nxp: 17 sources in 8 colours (p09, p13 and p17 all blue), a tiny legend under the
    chart. Each source now has its own colour and marker, its point carries its id, the key under
    the chart names it in print-size text, and the SVG is the same bytes each time."""
    from analysis.figures_style import PRINT_WIDTH_IN

    t, heads, labels = _many_heads(20)
    fig = figures.headline_over_time(t, heads, labels, "deal_value")
    drawn = _drawn(fig)
    styles = {(drawn[f"point:{s}"][0].get_color(), drawn[f"point:{s}"][0].get_marker()) for s in t["source_id"]}
    assert len(styles) == 20
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = []
    for sid in t["source_id"]:
        (label,) = drawn[f"label:{sid}"]
        assert label.get_text() == sid and label.get_fontsize() >= figures.MIN_TEXT_PT
        boxes.append(label.get_window_extent(renderer))
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    legend = fig.axes[1].get_legend()
    texts = [x.get_text() for x in legend.get_texts()]
    assert len(texts) == 20 and all(x.startswith(s + " ") for x, s in zip(texts, t["source_id"], strict=True))
    assert min(x.get_fontsize() for x in legend.get_texts()) >= figures.MIN_TEXT_PT
    a, b = figures.save(fig, tmp_path / "a", "h"), None
    plt.close(fig)
    b = figures.save(figures.headline_over_time(t, heads, labels, "deal_value"), tmp_path / "b", "h")
    plt.close("all")
    assert a.read_bytes() == b.read_bytes()
    width_pt = float(re.search(r'width="([\d.]+)pt"', a.read_text(encoding="utf-8")).group(1))
    assert width_pt <= PRINT_WIDTH_IN * 72 + 1  # prints at its natural size: the 7 pt text stays 7 pt


def test_windows_of_one_figure_over_the_same_days_are_all_visible() -> None:
    """Seeds: s001 and s003 both say $10 billion in the same window; s003's line hid s001's."""
    t = TABLE.iloc[:2]
    fig = figures.headline_over_time(t, HEADS.iloc[:2], {}, "deal_value")
    fig.canvas.draw()
    drawn = _drawn(fig)
    ys = [line.get_transform().transform(line.get_xydata())[:, 1].tolist()
          for line in (drawn["window:a"][0], drawn["window:b"][0])]
    assert abs(ys[0][0] - ys[1][0]) >= 2.0  # display pixels apart: both lines show
    assert drawn["window:a"][0].get_ydata().tolist() == drawn["window:b"][0].get_ydata().tolist() == [10.0, 10.0]
    plt.close(fig)
