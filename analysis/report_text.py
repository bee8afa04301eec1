"""Report prose that follows the data: what the cleaner found, what the certainty labels mean,
why a table can count more characters after cleaning than before, why a chart is empty.

Every sentence here is built from the artifacts or from a data file of the package, so the
report never states as a fact of every corpus what only some corpora show.
"""

from __future__ import annotations

import csv

import pandas as pd

from . import paths
from .formatting import count, listing, noun_for

#: One line per certainty label, the short form of examples/CERTAINTY.md.
CERTAINTY_FILE = paths.DATA_DIR / "certainty_labels.csv"


def certainty_labels() -> list[tuple[str, str]]:
    """(label, one-line definition) per certainty label, in the order the convention applies them."""
    with CERTAINTY_FILE.open(encoding="utf-8", newline="") as fh:
        return [(row["stance"], row["definition"]) for row in csv.DictReader(fh)]


def certainty_definitions() -> str:
    """The certainty labels as a markdown list, one definition each."""
    return "".join(f"- **{label}**: {definition}\n" for label, definition in certainty_labels())


def cleaning_lead(audit: pd.DataFrame, source_ids: list[str]) -> str:
    """What the cleaner did, page by page, from its audit: how many pages lost page furniture, how
    many only had lines moved to metadata, how many were kept as scraped, and the rules that took
    the most spans (never a fixed list of furniture every corpus is said to carry)."""
    n = len(source_ids)
    touched = set(audit["source_id"]) & set(source_ids)
    removed = set(audit.loc[audit["action"] == "remove", "source_id"]) & touched
    moved_only, untouched = len(touched - removed), n - len(touched)
    if not touched:
        kept = "the page was" if n == 1 else f"all {n} pages were"
        return f"The cleaner found no page furniture to remove or move: {kept} kept as scraped."
    pages = ("the page" if n == 1 else f"all {n} pages" if len(removed) == n
             else f"{len(removed)} of the {n} pages")
    parts = [f"The cleaner removed page furniture from {pages}" if removed else "The cleaner removed nothing"]
    if moved_only:
        parts.append(f"on {moved_only}{' more' if removed else ''} {noun_for(moved_only, 'page')} it only moved "
                     "lines such as bylines and datelines to metadata")
    if untouched:
        parts.append(f"{count(untouched, 'page')} {'was' if untouched == 1 else 'were'} kept as scraped")
    top = audit["rule"].value_counts().sort_index().sort_values(ascending=False, kind="stable").head(3)
    rules = listing([f"{rule.replace('_', ' ')} ({count(int(k), 'span')})" for rule, k in top.items()])
    return "; ".join(parts) + f". The most frequent {'rule' if len(top) == 1 else 'rules'}: {rules}."


def size_note(sources: pd.DataFrame) -> str:
    """Why a page can count more characters after cleaning than before: the cleaned text puts a
    blank line between paragraphs. Empty when no page grew."""
    grew = int((sources["clean_chars"].astype(int) > sources["raw_chars"].astype(int)).sum())
    if not grew:
        return ""
    return (f"Clean chars count the cleaned text as written (`clean/<id>.txt`), with a blank line between "
            f"paragraphs, so a page that lost less than the added line breaks counts a few characters more "
            f"than its raw text ({count(grew, 'source')} here); Share removed counts non-space characters "
            "only, so it never grows.\n")


def figures_lead(deal_figures: bool, valuations: bool, headline_gap: str) -> str:
    """The paragraph under the deal-value chart: what each of the three charts shows, or, for a
    chart with nothing to draw, plainly why it is empty."""
    deal = ("@fig-discrepancy shows where the figures truly disagree and where they differ only by rounding or "
            "because one is a bound" if deal_figures else
            "No source states a deal value or a stake, so @fig-discrepancy has nothing to compare")
    value = ("@fig-valuations does the same for the target's valuation, where a source states one or implies "
             "one by its deal value and stake, setting the two against each other" if valuations else
             "no source states or implies a valuation of the target, so @fig-valuations is empty")
    head = ("@fig-headline sets each source's headline figure against when it appeared." if not headline_gap
            else f"@fig-headline is empty: {headline_gap[0].lower()}{headline_gap[1:]}.")
    return f"{deal}; {value}.\n{head}\n"


def empty_figures(deal_figures: bool, headline_gap: str, timeline_gap: str) -> dict[str, dict[str, str]]:
    """Caption and alt text of each chart that has nothing to draw, saying why (the chart itself
    writes the same reason, never an axis of made-up values or dates)."""
    out = {}
    if not deal_figures:
        out["discrepancy"] = {"caption": "No source states a deal value or a stake, so this chart is empty.",
                              "alt": "Empty chart: no deal value or stake is stated"}
    if headline_gap:
        out["headline"] = {"caption": f"{headline_gap}, so this chart is empty.",
                           "alt": "Empty chart: no dated headline deal value"}
    if timeline_gap:
        out["timeline"] = {"caption": f"{timeline_gap}, so this chart is empty; the table below lists "
                                      "each source as undated.",
                           "alt": "Empty chart: no source has date evidence"}
    return out
