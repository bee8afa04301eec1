"""A page with no readable words (a paywall, page furniture only) is kept and shown as such: the
report renders, its language row says "—", and a caveat names it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis import artifacts, stages
from analysis.params import Params
from analysis.paths import PROJECT_ROOT
from analysis.report import _measures, language_tables, unreadable_caveat

BOILERPLATE = "Subscribe to our newsletter\nSign up for free\nAdvertisement\n"
ARTICLE = ("Acme agreed to buy Beta for $5 billion, the companies said on Monday. The deal needs "
           "approval from regulators, people familiar with the matter said.\n")


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(BOILERPLATE, encoding="utf-8")
    return folder


def test_a_page_without_words_is_shown_as_such(tmp_path: Path) -> None:
    p = Params.from_mapping({"corpus_dir": str(_corpus(tmp_path / "c")), "out_dir": str(tmp_path / "o"),
                             "cache_dir": "none"})
    cs = stages.cleaned(p)
    artifacts.write_table(stages.language(p, cs, stages.claims(p, cs)), p.out_dir, "language")
    lang = _measures(artifacts.read_table(p.out_dir, "language"))  # empty cells, as the report reads them
    label = {"a": "Wire (a)", "b": "Paywall (b)"}
    table, notes = language_tables(lang, ["a", "b"], label)
    row = [cell.strip() for cell in next(x for x in table.splitlines() if "Paywall" in x).split("|")[1:-1]]
    assert row[1] == "0" and row[2].endswith("→ —") and row[3:7] == ["—"] * 4, row
    assert "nan" not in table.lower() and notes.strip()
    assert unreadable_caveat(lang, label) == [
        "1 source kept no readable text after cleaning (only page furniture, or no words at all), so it "
        "gives no figures, dates or language measures: Paywall (b)."]
    assert unreadable_caveat(lang[lang["source_id"] == "a"], label) == []


@pytest.mark.slow
def test_a_boilerplate_page_does_not_take_the_report_down(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(PROJECT_ROOT / "seeds", corpus)
    (corpus / "002_c01113bfb8c00a92.txt").write_text(BOILERPLATE, encoding="utf-8")
    out = tmp_path / "o"
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--out", str(out)],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    page = " ".join((out / "report" / "index.html").read_text(encoding="utf-8").split())
    assert "1 source kept no readable text after cleaning" in page
