"""Report prose that follows the data: the cleaning lead follows the audit, the certainty labels
are defined from the package's data, and a page that grows in cleaning is explained."""

from __future__ import annotations

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
