"""The disagreement charts: each source's figure and interval, panel by panel, on one axis.

Drawn by the claims-comparison notebook (deal value and stake; the valuations of the target).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from .figures_style import pyplot, setup, source_colour, unit_scale
from .formatting import bound_word, many_sources

if TYPE_CHECKING:
    import matplotlib.pyplot as plt

DEAL_PANELS = [("Deal value", ["deal_value"]), ("Stake acquired", ["stake"])]
VALUATION_PANELS = [
    ("Valuation of the target", ["valuation_before", "valuation_at_deal", "valuation_projected"]),
]
_VAL_TAG = {"valuation_before": "before", "valuation_at_deal": "at deal",
            "valuation_projected": "projected"}


def nothing_to_compare(message: str = "No figures to compare") -> plt.Figure:
    """A small chart saying why there is nothing to draw (a chart is always written), with no axes:
    never an empty frame with made-up dates or values."""
    setup()
    fig, ax = pyplot().subplots(figsize=(8, 1.5))
    ax.text(0.5, 0.5, message, ha="center", va="center")
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
        scale, unit_word = unit_scale(unit, list(sub["value"]) + list(sub["lower"]))
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
