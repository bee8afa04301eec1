"""Report prose that follows the data: the cleaning lead follows the audit, the certainty labels
are defined from the package's data, and a page that grows in cleaning is explained."""

from __future__ import annotations

import csv

import pandas as pd

from analysis import paths, report_text


def _audit(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["source_id", "rule", "action"])


def test_the_cleaning_lead_says_how_many_pages_lost_anything() -> None:
    audit = _audit([("a", "promo", "remove"), ("a", "promo", "remove"), ("b", "byline", "metadata")])
    text = report_text.cleaning_lead(audit, ["a", "b", "c", "d"])
    assert "ads, widgets" not in text
    assert "from 1 of the 4 pages" in text and "on 1 more page it only moved" in text
    assert "2 pages were kept as scraped" in text and "promo (2 spans)" in text
    nothing = report_text.cleaning_lead(_audit([]), ["a", "b"])
    assert nothing == "The cleaner found no page furniture to remove or move: all 2 pages were kept as scraped."


def test_the_report_no_longer_says_every_page_carried_ads() -> None:
    qmd = (paths.REPORT_SRC_DIR / "index.qmd").read_text(encoding="utf-8")
    assert "carried ads, widgets, sidebars and bylines" not in qmd
    assert "{{< var corpus.cleaning_lead >}}" in qmd


def test_every_certainty_label_is_defined_in_the_report() -> None:
    with (paths.DATA_DIR / "stance_cues.csv").open(encoding="utf-8", newline="") as fh:
        produced = {row["stance"] for row in csv.DictReader(fh)} | {"asserted"}
    defined = dict(report_text.certainty_labels())
    assert set(defined) == produced == {"confirmed", "reported", "asserted", "rumoured"}
    listed = report_text.certainty_definitions()
    assert all(f"- **{label}**: " in listed for label in produced) and len(listed.splitlines()) == 4
    assert not any(ch.isdigit() for ch in listed)  # definitions, never numbers typed by hand
    qmd = (paths.REPORT_SRC_DIR / "index.qmd").read_text(encoding="utf-8")
    assert "{{< include _generated/certainty.md >}}" in qmd


def test_a_page_that_grows_in_cleaning_is_explained_under_the_table() -> None:
    sources = pd.DataFrame({"raw_chars": [1968, 500, 300], "clean_chars": [1972, 400, 300]})
    note = report_text.size_note(sources)
    assert "blank line between paragraphs" in note and "(1 source here)" in note
    assert report_text.size_note(sources.iloc[1:]) == ""
