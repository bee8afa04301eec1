"""A reader can trace the report back to its sources: each source's address (a link only for http
and https, escaped always), each claim's id and offsets, and a caveat saying just that."""

from __future__ import annotations

import csv
import html as html_lib
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import render
from analysis.paths import PROJECT_ROOT
from analysis.render.subset import _walk  # every pandoc element, as the subset check walks them
from analysis.report_sources import address, addresses_table, link_target

HOSTILE_URLS = [
    'https://example.com/a"b#frag$x(1)<script>alert(1)</script>|`x`{=typst}',
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "http:///no-host",
    "https://ex ample.com/space",
    "ftp://example.com/x",
    "https://example.com/100%_off?q=$10&r=#top",
    "https://example.com/[x](javascript:alert(2))",
]


def _ast(text: str) -> dict:
    proc = subprocess.run([render._pandoc_path(), "-f", "markdown", "-t", "json"], input=text,
                          capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(proc.stdout)


def _text(node) -> str:
    return "".join(n["c"] if n["t"] == "Str" else " " for n in _walk(node) if n["t"] in ("Str", "Space"))


def test_only_http_and_https_addresses_become_links() -> None:
    assert link_target("https://www.example.com/a/b-c_1.html") == "https://www.example.com/a/b-c_1.html"
    assert link_target("http://www.investing.com/analysis/qualcomm-(qcom)-x") == (
        "http://www.investing.com/analysis/qualcomm-%28qcom%29-x")
    for url in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "ftp://example.com/x", "mailto:a@b.c", "http:///no-host", "//example.com/x", "example.com",
                " https://example.com", "https://ex ample.com", "https://example.com/\x00", "", None, float("nan")]:
        assert link_target(url) is None, url


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_an_address_is_one_link_or_plain_text_never_markup(url: str) -> None:
    """The address reads back exactly as given; at most one link, to an http(s) target that holds no
    character able to end or alter it; nothing else (no raw HTML or typst, no image, no maths)."""
    doc = _ast(address(url))
    kinds = {n["t"] for n in _walk(doc["blocks"])}
    assert kinds <= {"Para", "Plain", "Str", "Link", "Space"}, kinds
    assert _text(doc["blocks"]) == url
    links = [n for n in _walk(doc["blocks"]) if n["t"] == "Link"]
    if link_target(url) is None:
        assert links == []
    else:
        assert len(links) == 1
        target = links[0]["c"][2][0]
        assert re.match(r"https?://", target) and not set(target) & set(' "<>()[]`{}|\\^'), target


def test_no_address_is_a_dash() -> None:
    assert address("") == address(None) == address(float("nan")) == "—"


def test_addresses_table_lists_every_source_in_order_with_title_and_address() -> None:
    sources = pd.DataFrame({"source_id": ["a", "b"], "label": ["Acme News (a)", "Beta | Wire (b)"],
                            "title": ["A *title*", ""], "url": ["https://a.example/x", "javascript:alert(1)"]})
    text = addresses_table(sources, ["b", "a"])
    assert text.index("Beta") < text.index("Acme")
    assert "[https\\:\\/\\/a\\.example\\/x](https://a.example/x)" in text
    assert "javascript\\:alert\\(1\\)" in text and "](javascript" not in text
    assert "A \\*title\\*" in text


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Acme agreed to buy Beta for $5 billion, the companies said on Monday.\n\n"
                                  "Beta holders get $20 a share, Acme said.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Acme's $5 billion deal for Beta closed on Friday, Acme said.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Acme is said to weigh a $6 billion bid for Beta, people familiar said.\n",
                                  encoding="utf-8")
    long = "https://news.example.com/" + "/".join(f"section-{i}-with-a-rather-long-slug" for i in range(8))
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "file", "outlet", "title", "url", "published", "notes"])
        w.writerow(["a", "a.txt", "Acme Wire", 'Deal "done" #1 $5', 'https://a.example/x?q="1"&r=$2#top', "", ""])
        w.writerow(["b", "b.txt", "Beta Daily", "", "javascript:alert(1)", "", ""])
        w.writerow(["c", "c.txt", "Gamma Post", "Long", long, "", ""])
    return folder


@pytest.mark.slow
def test_report_shows_addresses_and_claim_ids(tmp_path: Path) -> None:
    """sources.csv keeps the url; the HTML links the http(s) address (escaped) and shows the other as
    text; the PDF prints every address, the long one wrapped inside the page; every claim's id and
    offsets are in both; the caveat says what is shown."""
    from pypdf import PdfReader

    c = _corpus(tmp_path / "c")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(c), "--out", str(out)],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    sources = pd.read_csv(out / "artifacts" / "sources.csv", keep_default_na=False)
    assert list(sources["url"])[:2] == ['https://a.example/x?q="1"&r=$2#top', "javascript:alert(1)"]
    page = (out / "report" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]*)"', page)
    assert "https://a.example/x?q=%221%22&amp;r=$2#top" in hrefs
    assert not [h for h in hrefs if h.lower().startswith(("javascript", "data", "file"))]
    shown = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert ('<a href="https://a.example/x?q=%221%22&amp;r=$2#top">'
            "https://a.example/x?q=&quot;1&quot;&amp;r=$2#top</a>") in page
    assert 'https://a.example/x?q="1"&r=$2#top' in html_lib.unescape(shown)
    assert "javascript:alert(1)" in shown
    claims = pd.read_csv(out / "artifacts" / "claims.csv", keep_default_na=False)
    real = claims[claims["source_id"] != "derived"]
    assert len(real)
    for cid, start, end in zip(real["claim_id"], real["start"], real["end"], strict=True):
        assert f"{cid} ({start}-{end})" in shown
    assert "links to its quote" not in page and "the claims table gives every claim" in shown
    reader = PdfReader(out / "report" / "index.pdf")
    pdf = "".join((pg.extract_text() or "") for pg in reader.pages)
    flat = re.sub(r"\s+", "", pdf)
    assert "javascript:alert(1)" in flat and "https://a.example/x?q=" in flat
    assert re.sub(r"\s+", "", sources["url"].iloc[2]) in flat  # the long one, whole (wrapped)
    for cid in real["claim_id"]:
        assert cid in flat
    width = float(reader.pages[0].mediabox.width)
    xs: list[float] = []
    for pg in reader.pages:  # no text starts past the right edge
        pg.extract_text(visitor_text=lambda t, cm, tm, fd, fs: xs.append(tm[4] * cm[0] + cm[4]) if t.strip() else None)
    assert xs and max(xs) < width
