"""Score the dating and the deal stages against a labelled corpus (``sources.csv`` + ``truth.csv``).

Why run twice: a user's corpus rarely states ``published``, so the dating is scored with the
manifest's dates emptied (what the text alone supports) and again as given.
``python -m analysis.evaluate_dates <corpus folder>...`` prints the scores.
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from scipy.stats import kendalltau

from .cleaning import clean_corpus, load_rules
from .corpus import Corpus, load_corpus
from .errors import InputError
from .timeline import SourceDate, estimate_timeline, load_events

#: A window at most this wide counts as narrow (the issue's bar).
NARROW_DAYS = 7


@dataclass(frozen=True)
class DateScores:
    """How well the windows and the order fit the true dates of one corpus, in one mode."""

    corpus: str
    mode: str  # "published emptied" or "published given"
    sources: int
    inside: float  # share of true dates inside their window
    narrow: float  # share of windows at most NARROW_DAYS wide
    median_width: float  # days; inf when most windows are open
    tau: float  # Kendall tau-b between the timeline order and the true dates
    stage_agreement: float | None  # None when truth.csv has no stage column
    misses: tuple[str, ...]  # sources whose true date is outside the window
    stage_misses: tuple[str, ...]  # "id: got X, truth Y"


def read_truth(path: Path) -> dict[str, dict[str, str]]:
    """``truth.csv`` rows by source id; ``published`` (the true date) is required."""
    if not path.is_file():
        raise InputError(f"truth file {path}: not found")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or "published" not in rows[0] or "source_id" not in rows[0]:
        raise InputError(f"truth file {path}: needs source_id and published columns")
    out = {}
    for n, row in enumerate(rows, start=2):
        try:
            date.fromisoformat(row["published"])
        except ValueError as exc:
            raise InputError(f"truth file {path}: row {n}: published {row['published']!r} is not "
                             "an ISO date") from exc
        out[row["source_id"]] = row
    return out


def width_days(d: SourceDate) -> float:
    """Days between the window's ends (0 for a known day); inf for a window open at an end."""
    if d.earliest is None or d.latest is None:
        return math.inf
    return float((d.latest - d.earliest).days)


def _inside(d: SourceDate, day: date) -> bool:
    return (d.earliest is None or d.earliest <= day) and (d.latest is None or day <= d.latest)


def score_dates(dates: list[SourceDate], truth: dict[str, dict[str, str]], corpus: str,
                mode: str) -> DateScores:
    """Scores of windows already estimated (``dates`` in timeline order)."""
    missing = sorted(set(truth) - {d.source_id for d in dates})
    if missing:
        raise InputError(f"{corpus}: truth.csv names source(s) not in the corpus: {missing}")
    dates = [d for d in dates if d.source_id in truth]
    true = {sid: date.fromisoformat(row["published"]) for sid, row in truth.items()}
    widths = [width_days(d) for d in dates]
    misses = tuple(d.source_id for d in dates if not _inside(d, true[d.source_id]))
    order = list(range(len(dates)))
    tau = kendalltau(order, [true[d.source_id].toordinal() for d in dates]).statistic
    stage_agreement, stage_misses = None, ()
    if all(row.get("stage") for row in truth.values()):
        wrong = [f"{d.source_id}: got {d.stage}, truth {truth[d.source_id]['stage']}"
                 for d in dates if d.stage != truth[d.source_id]["stage"]]
        stage_agreement = 1 - len(wrong) / len(dates)
        stage_misses = tuple(wrong)
    return DateScores(
        corpus=corpus, mode=mode, sources=len(dates),
        inside=1 - len(misses) / len(dates),
        narrow=sum(w <= NARROW_DAYS for w in widths) / len(dates),
        median_width=statistics.median(widths),
        tau=float(tau) if not math.isnan(tau) else 0.0,
        stage_agreement=stage_agreement, misses=misses, stage_misses=stage_misses)


def evaluate_corpus(folder: str | Path, truth_path: str | Path | None = None,
                    events: bool = True) -> tuple[DateScores, DateScores]:
    """Date one labelled corpus with ``published`` emptied and as given; score both.

    ``events``: use the folder's ``events.csv`` when it has one (as a run would).
    """
    folder = Path(folder)
    truth = read_truth(Path(truth_path) if truth_path else folder / "truth.csv")
    corpus = load_corpus(folder)
    events_df = load_events(folder / "events.csv" if events and (folder / "events.csv").is_file()
                            else None)
    rules = load_rules()
    emptied = Corpus(corpus.directory, corpus.manifest,
                     [replace(s, published="") for s in corpus.sources])
    out = []
    for mode, c in (("published emptied", emptied), ("published given", corpus)):
        dates = estimate_timeline(clean_corpus(c, rules), events_df)
        out.append(score_dates(dates, truth, folder.name, mode))
    return out[0], out[1]


def format_scores(s: DateScores) -> str:
    width = "open" if math.isinf(s.median_width) else f"{s.median_width:g} d"
    stage = "" if s.stage_agreement is None else f"; stage agreement {s.stage_agreement:.2f}"
    line = (f"{s.corpus} ({s.mode}, {s.sources} sources): true date inside window "
            f"{s.inside:.0%}; windows <= {NARROW_DAYS} days {s.narrow:.0%}; median width {width}; "
            f"Kendall tau {s.tau:.2f}{stage}")
    if s.misses:
        line += f"\n  outside their window: {', '.join(s.misses)}"
    return line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m analysis.evaluate_dates", description=__doc__)
    ap.add_argument("corpora", nargs="+", help="labelled corpus folders (sources.csv + truth.csv)")
    ap.add_argument("--no-events", action="store_true", help="ignore each folder's events.csv")
    ap.add_argument("--stages", action="store_true", help="list the sources whose stage disagrees")
    args = ap.parse_args(argv)
    try:
        for folder in args.corpora:
            for s in evaluate_corpus(folder, events=not args.no_events):
                print(format_scores(s))
                if args.stages and s.mode == "published given":
                    for m in s.stage_misses:
                        print(f"  stage: {m}")
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
