"""How every chart looks and is written: palette, matplotlib defaults, print fitting, SVG.

Shared by all chart modules (``figures``, ``figures_disagreement``, ``figures_timeline``,
``figures_scale``). Same inputs give byte-identical SVG: fixed hash salt, no date metadata,
text as paths. matplotlib is imported only when the first chart is drawn (``pyplot``).
"""

from __future__ import annotations

import math
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .formatting import MONEY_UNITS

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
    from .artifacts import writable

    path = writable(out_dir) / "figures" / f"{name}.svg"
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


def unit_scale(unit: str, values: list[float]) -> tuple[float, str]:
    """(divisor, unit words for the axis) of figures in ``unit``: money in its largest round
    scale ("USD, billion"), percent as "%", anything else as it is."""
    if unit == "percent":
        return 1.0, "%"
    if unit in MONEY_UNITS:
        scale, word = _money_scale(values)
        return scale, f"{unit}, {word}" if word else unit
    return 1.0, unit


def colour_per_source(n: int) -> bool:
    """Whether ``n`` sources each get a colour of their own (else a colour would stand for two)."""
    return n <= len(PALETTE)


def source_colour(source_id: str, order: list[str]) -> str:
    """One colour per source, the same in every chart (by timeline position)."""
    return PALETTE[order.index(source_id) % len(PALETTE)] if source_id in order else "#555555"

