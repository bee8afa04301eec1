"""Charts as printed: no wider than the PDF's text width (so never scaled down), text at least
7 pt on paper, and no chart title repeating the report heading above it."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import figures
from analysis.formatting import MANY_SOURCES
from analysis.paths import REPORT_SRC_DIR

LABELS = {"s000": "Capital Focus Limited (s000)", "s001": "\u201cMeta Bids Big on\u2026\u201d (s001)",
          "s002": "unnamed site (s002)", "s003": "AInvest (s003)"}
ORDER = ["s003", "s001", "s002", "s000"]
# The width typst gives a figure: the A4 text block of report/_quarto.yml, in points.
PRINT_WIDTH_PT = (21.0 - 2 * 2.2) / 2.54 * 72
# ... and the tallest a chart may be so that it and its caption fit the A4 text block.
PRINT_HEIGHT_PT = 8.5 * 72


def svg_width_pt(svg: str) -> float:
    return float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg).group(1))


def svg_height_pt(svg: str) -> float:
    return float(re.search(r'<svg[^>]*\sheight="([\d.]+)pt"', svg).group(1))


def svg_text_sizes(svg: str) -> list[float]:
    """Font sizes (pt) of every text drawn as paths: matplotlib scales glyphs by size/100."""
    return [float(m) * 100 for m in re.findall(
        r'<g id="text_\d+">\s*(?:<!--.*?-->\s*)?<g transform="[^"]*scale\(([\d.]+) -[\d.]+\)"', svg, re.S)]


def printed_sizes(path: Path) -> tuple[float, float]:
    """(width on paper in pt, smallest text on paper in pt) of a saved chart."""
    svg = path.read_text(encoding="utf-8")
    width = svg_width_pt(svg)
    scale = min(1.0, PRINT_WIDTH_PT / width)
    sizes = svg_text_sizes(svg)
    assert sizes, f"{path.name}: no text found"
    return width * scale, min(sizes) * scale


def _claims() -> pd.DataFrame:
    rows = [("s000", "deal_value", 14.3e9, 14.25e9, 14.35e9, "exact"),
            ("s001", "deal_value", 10e9, 9.5e9, 10.5e9, "exact"),
            ("s001", "deal_value", 10e9, 10e9, float("inf"), "lower"),
            ("s002", "deal_value", 14e9, 13.5e9, 14.5e9, "exact"),
            ("s003", "deal_value", 10e9, 9.5e9, 10.5e9, "exact"),
            ("s002", "stake", 49, 48.5, 49.5, "exact"),
            ("s003", "valuation_before", 14e9, 13.5e9, 14.5e9, "exact"),
            ("s003", "valuation_projected", 20e9, 18e9, 20e9, "upper_approx")]
    return pd.DataFrame([{"claim_id": f"{s}-c{i:02d}", "source_id": s, "metric": m, "value": v,
                          "lower": lo, "upper": hi, "bound": b,
                          "unit": "percent" if m == "stake" else "USD", "quote": f"${v / 1e9:g} billion"}
                         for i, (s, m, v, lo, hi, b) in enumerate(rows)])


def _timeline() -> pd.DataFrame:
    return pd.DataFrame({"source_id": ORDER, "order": [1, 2, 3, 4], "published": ["", "", "", ""],
                         "earliest": ["2025-06-08", "2025-06-08", "2025-06-10", "2025-06-12"],
                         "latest": ["2025-06-11", "2025-06-11", "2025-06-11", ""],
                         "stage": ["rumour", "rumour", "finalising", "aftermath"]})


def _events() -> pd.DataFrame:
    return pd.DataFrame({"date": ["2025-06-08", "2025-06-10", "2025-06-12"], "event": [
        "Bloomberg reported Meta in talks to invest more than $10 billion in Scale AI",
        "Reports put the deal at about $14-15 billion for 49%, with Alexandr Wang to join a new Meta lab",
        "Meta and Scale AI announced the investment (Scale valued at over $29 billion; Wang to join Meta)"]})


def all_charts() -> dict[str, plt.Figure]:
    claims, timeline = _claims(), _timeline()
    rules = [f"rule_{i:02d}" for i in range(30)]  # as many rules as a messy corpus fires
    audit = pd.DataFrame({"rule": rules * 2, "source_id": (ORDER * 15)[:60],
                          "start": [0] * 60, "end": [20 + 7 * i for i in range(60)]})
    sources = pd.DataFrame({"source_id": ORDER, "label": [LABELS[s] for s in ORDER],
                            "raw_chars": [4746, 35870, 2199, 2781], "clean_chars": [4456, 33528, 2032, 1991]})
    lang = pd.DataFrame({"source_id": ORDER, "hedges_per_1000_words": [24.3, 32.0, 19.5, 3.5],
                         "raw_flesch_reading_ease": [46.0, 22.2, 22.4, 27.4],
                         "clean_flesch_reading_ease": [43.8, 19.9, 14.3, 27.8]})
    heads = claims[(claims["metric"] == "deal_value") & (claims["bound"] == "exact")]
    return {
        "discrepancy": figures.discrepancy(claims, ORDER, LABELS, figures.DEAL_PANELS),
        "valuations": figures.discrepancy(claims, ORDER, LABELS, figures.VALUATION_PANELS),
        "removed_by_rule": figures.removed_by_rule(audit, ORDER),
        "size_before_after": figures.size_before_after(sources),
        "language": figures.language_bars(lang, LABELS),
        "timeline": figures.timeline_windows(timeline, _events(), LABELS),
        "headline_over_time": figures.headline_over_time(timeline, heads, LABELS, "deal_value"),
    }


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("charts")
    paths = {name: figures.save(fig, out, name) for name, fig in all_charts().items()}
    plt.close("all")
    return paths


@pytest.mark.parametrize("name", ["discrepancy", "valuations", "removed_by_rule", "size_before_after",
                                  "language", "timeline", "headline_over_time"])
def test_chart_prints_at_natural_size_with_readable_text(saved: dict[str, Path], name: str) -> None:
    svg = saved[name].read_text(encoding="utf-8")
    assert svg_width_pt(svg) <= PRINT_WIDTH_PT + 1, f"{name} is wider than the page and would be shrunk"
    assert svg_height_pt(svg) <= PRINT_HEIGHT_PT + 1, f"{name} is taller than the page and would be shrunk"
    width, smallest = printed_sizes(saved[name])
    assert smallest >= figures.MIN_TEXT_PT - 0.01, f"{name}: {smallest:.1f} pt text on paper"


def test_print_width_matches_the_report_page() -> None:
    import yaml

    typst = yaml.safe_load((REPORT_SRC_DIR / "_quarto.yml").read_text())["format"]["typst"]
    assert typst["papersize"] == "a4" and typst["margin"]["x"] == "2.2cm"
    assert abs(figures.PRINT_WIDTH_IN * 72 - PRINT_WIDTH_PT) < 0.01


def test_no_chart_title_repeats_a_report_heading() -> None:
    qmd = (REPORT_SRC_DIR / "index.qmd").read_text(encoding="utf-8")
    headings = {re.sub(r"\s*\{#.*\}$", "", h).strip().casefold()
                for h in re.findall(r"^#{1,6}\s+(.+)$", qmd, re.M)}
    titles = set()
    for fig in all_charts().values():
        titles |= {t.casefold() for ax in fig.axes for t in (ax.get_title(loc="left"), ax.get_title())
                   if t}
    plt.close("all")
    assert not headings & titles, headings & titles


def _many(n: int) -> dict[str, pd.DataFrame]:
    """n synthetic sources: a few distinct deal values, windows over a few months, measures."""
    ids = [f"x{k:03d}" for k in range(n)]
    values = [10e9, 12e9, 14e9, 14.3e9]
    claims = pd.DataFrame({
        "claim_id": [f"{s}-c01" for s in ids], "source_id": ids, "metric": "deal_value",
        "value": [values[k % 4] for k in range(n)], "unit": "USD",
        "lower": [values[k % 4] * 0.95 for k in range(n)], "upper": [values[k % 4] * 1.05 for k in range(n)],
        "bound": "exact", "quote": "$10 billion"})
    days = [f"2024-0{k % 6 + 1}-{k % 27 + 1:02d}" for k in range(n)]
    timeline = pd.DataFrame({"source_id": ids, "published": days, "earliest": days, "latest": days,
                             "stage": ["talks", "agreed"] * (n // 2) + ["agreed"] * (n % 2),
                             "order": range(1, n + 1), "headline_figure": "$10 bn"})
    lang = pd.DataFrame({"source_id": ids, "hedges_per_1000_words": [k % 9 for k in range(n)],
                         "raw_flesch_reading_ease": [40 + k % 30 for k in range(n)],
                         "clean_flesch_reading_ease": [42 + k % 30 for k in range(n)]})
    audit = pd.DataFrame({"source_id": ids, "start": 0, "end": [10 + k for k in range(n)],
                          "rule": ["promo", "byline"] * (n // 2) + ["promo"] * (n % 2)})
    return {"ids": ids, "claims": claims, "timeline": timeline, "lang": lang, "audit": audit}


def _tick_labels(fig: plt.Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.get_yticklabels() if t.get_text()]


@pytest.mark.parametrize("n", [MANY_SOURCES, MANY_SOURCES + 1, 200])
def test_charts_list_sources_up_to_the_threshold_and_aggregate_above(n: int) -> None:
    """A chart of up to MANY_SOURCES sources names each one; above, it draws figure clusters,
    periods and distributions, so 200 sources never print 200 labels."""
    d = _many(n)
    labels = {s: f"Outlet {s}" for s in d["ids"]}
    disc = figures.discrepancy(d["claims"], d["ids"], labels)
    lang = figures.language_bars(d["lang"], labels)
    removed = figures.removed_by_rule(d["audit"], d["ids"])
    timeline = figures.timeline_windows(d["timeline"], pd.DataFrame(columns=["date", "event"]), labels)
    if n <= MANY_SOURCES:
        assert len(_tick_labels(disc)) == n and len(_tick_labels(lang)) == n
        assert len(_tick_labels(timeline)) == n
    else:
        ticks = _tick_labels(disc)
        assert len(ticks) == 4 and all("source" in t for t in ticks)  # one per distinct figure
        assert sum(int(t.split(": ")[-1].split()[0]) for t in ticks) == n
        assert not any("Outlet" in t for f in (lang, timeline) for t in _tick_labels(f))
    if n > len(figures.PALETTE):  # a colour per source no longer tells them apart
        assert removed.axes[0].get_legend() is None and len(_tick_labels(removed)) == 2
    plt.close("all")


@pytest.mark.parametrize("n", [len(figures.PALETTE), len(figures.PALETTE) + 1])
def test_the_cleaning_chart_colours_sources_only_while_each_has_its_own_colour(n: int) -> None:
    """18 sources stacked in 8 colours made three sources share a red, and their legend covered
    the longest bar: past the palette, one bar per rule says how many sources it touched."""
    d = _many(n)
    removed = figures.removed_by_rule(d["audit"], d["ids"])
    legend = removed.axes[0].get_legend()
    if n <= len(figures.PALETTE):
        assert len(legend.get_texts()) == n
    else:
        assert legend is None
    plt.close("all")
    # the report's caption says which chart it is
    from analysis.figures_style import colour_per_source
    from analysis.report_scale import report_text

    caption = report_text(False, removed_by_source=colour_per_source(n))["figs"]["removed"]["caption"]
    assert ("number of sources" in caption) == (n > len(figures.PALETTE))
