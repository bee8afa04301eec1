"""The report renderer: the pandoc + typst fallback must honour the Quarto subset we use.

Why these tests: the fallback is what CI and most contributors run, so it has to substitute
variables and includes, number figures and resolve references like Quarto, embed everything in
the HTML, produce a PDF, refuse what it cannot render, and be byte-for-byte reproducible.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from analysis.errors import InputError
from analysis.paths import REPORT_SRC_DIR
from analysis.render import RenderError, check_subset, engine_info, render

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
    '<rect width="200" height="100" fill="{color}"/></svg>\n'
)

QUARTO_YML = """\
project:
  type: default
  output-dir: _output
format:
  html:
    embed-resources: true
    toc: true
  typst:
    toc: true
    papersize: a4
    margin: {x: 2cm, y: 2.5cm}
    fontsize: 10.5pt
"""

VARIABLES_YML = """\
deal:
  name: Zephyr Holdings
  value: 4.2 billion
sources: 7
"""

INDEX_QMD = """\
---
title: "Coverage of the {{< var deal.name >}} deal"
---

## Summary

We compared {{< var sources >}} sources on the {{< var deal.name >}} deal
(USD {{< var deal.value >}}). @fig-a shows the share of coverage; see also [-@fig-b].

{{< include _sections/details.qmd >}}

::: {.callout-note title="Method"}
Counts are per article, deduplicated.
:::

| Outlet | Articles | Share |
|:-------|---------:|------:|
| Wire A |       12 | 40.0% |
| Paper B|        9 | 30.0% |
"""

DETAILS_QMD = """\
## Details

![Coverage share by outlet](figures/a.svg){#fig-a fig-alt="Bar chart of coverage share"}

![Timeline of articles](figures/b.svg){#fig-b fig-alt="Timeline chart" width="60%"}

As @fig-b shows, coverage peaked on day two.
"""


def make_project(root: Path, index: str = INDEX_QMD) -> Path:
    """A tiny staged project like the one the pipeline builds from report/."""
    project = root / "project"
    (project / "_sections").mkdir(parents=True)
    (project / "figures").mkdir()
    (project / "_quarto.yml").write_text(QUARTO_YML, encoding="utf-8")
    (project / "_variables.yml").write_text(VARIABLES_YML, encoding="utf-8")
    (project / "index.qmd").write_text(index, encoding="utf-8")
    (project / "_sections" / "details.qmd").write_text(DETAILS_QMD, encoding="utf-8")
    (project / "figures" / "a.svg").write_text(SVG.format(color="#4a7"), encoding="utf-8")
    (project / "figures" / "b.svg").write_text(SVG.format(color="#47a"), encoding="utf-8")
    return project


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = make_project(tmp_path_factory.mktemp("render"))
    return render(project, engine="fallback")


def test_engine_info_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_ENGINE", "fallback")
    info = engine_info()
    assert info["engine"] == "fallback"
    assert re.fullmatch(r"the fallback renderer \(pandoc \S+ and the typst \d+\.\d+\.\d+ compiler; "
                        r"Quarto was not installed\)", info["description"])


def test_engine_env_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_ENGINE", "latex")
    with pytest.raises(InputError, match="REPORT_ENGINE"):
        engine_info()


def test_html_output(rendered: dict) -> None:
    html = rendered["html"].read_text(encoding="utf-8")
    assert rendered["engine"] == "fallback"
    assert "Figure 1: Coverage share by outlet" in html
    assert "Figure 2: Timeline of articles" in html
    assert re.search(r'<a href="#fig-a" class="quarto-xref">Figure\xa01</a>', html)
    assert re.search(r'<a href="#fig-b" class="quarto-xref">2</a>', html)  # [-@fig-b]
    srcs = re.findall(r'<img[^>]*\ssrc="([^"]*)"', html)
    assert len(srcs) == 2 and all(s.startswith("data:image/svg+xml;base64,") for s in srcs)
    assert not re.search(r'<link[^>]+href="(?!data:)', html)  # CSS inlined too
    assert 'alt="Bar chart of coverage share"' in html
    assert 'alt="Timeline chart"' in html
    assert 'class="callout callout-note"' in html
    assert re.search(r'class="callout-title">\s*Method\s*<', html)
    assert "Zephyr Holdings" in html and "4.2 billion" in html and "compared 7 sources" in html
    assert "{{<" not in html and "@fig-" not in html
    assert 'id="TOC"' in html
    assert 'class="table-wrap"' in html


def test_pdf_output(rendered: dict) -> None:
    text = pdf_text(rendered["pdf"])
    assert "Zephyr Holdings" in text
    assert "Figure 1" in text and "Figure 2" in text
    assert "Contents" in text
    assert "??" not in text
    page = PdfReader(rendered["pdf"]).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_render_is_byte_identical(tmp_path: Path, rendered: dict) -> None:
    first_html = rendered["html"].read_bytes()
    first_pdf = rendered["pdf"].read_bytes()
    again = render(make_project(tmp_path), engine="fallback")  # a different folder, too
    assert again["html"].read_bytes() == first_html
    assert again["pdf"].read_bytes() == first_pdf
    assert b"CreationDate (D:1970" in first_pdf or b"1970-01-01" in first_pdf


def test_check_subset_accepts_fixture() -> None:
    assert check_subset(INDEX_QMD) == []
    assert check_subset(DETAILS_QMD) == []


def test_report_source_uses_only_the_subset() -> None:
    """The real report must render the same with the fallback as with Quarto."""
    assert check_subset((REPORT_SRC_DIR / "index.qmd").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("{{< video https://example.com/v.mp4 >}}", "shortcode {{< video >}}"),
        ("```{python}\n1 + 1\n```", "executable code cell ```{python}"),
        ("See @tbl-x.", "cross-reference @tbl-x"),
        ("As @smith2020 wrote.", "citation @smith2020"),
        ("::: {.panel-tabset}\nx\n:::", "div {.panel-tabset}"),
        ("## Intro {.unnumbered}", "header attributes {.unnumbered}"),
        ("See @sec-intro.", "cross-reference @sec-intro"),
        ('![c](a.svg){#fig-a fig-align="left"}', "only fig-alt and width"),
        ('::: {.callout-note collapse="true"}\nx\n:::', "only a title"),
        ("A figure {.price} stated.", "attribute block {.price}"),
    ],
)
def test_check_subset_flags(snippet: str, expected: str) -> None:
    violations = check_subset(INDEX_QMD + "\n" + snippet + "\n")
    assert any(expected in v for v in violations), violations


def test_unsupported_feature_refuses_to_render(tmp_path: Path) -> None:
    project = make_project(tmp_path, INDEX_QMD + "\n{{< video x >}}\n")
    with pytest.raises(RenderError, match="video"):
        render(project, engine="fallback")


def test_missing_variable_is_named(tmp_path: Path) -> None:
    project = make_project(tmp_path, INDEX_QMD + "\n{{< var deal.buyer >}}\n")
    with pytest.raises(RenderError, match=r"deal\.buyer"):
        render(project, engine="fallback")


def test_missing_include_is_named(tmp_path: Path) -> None:
    project = make_project(tmp_path, INDEX_QMD + "\n{{< include _sections/gone.qmd >}}\n")
    with pytest.raises(RenderError, match=r"_sections/gone\.qmd"):
        render(project, engine="fallback")


def test_unresolved_figure_reference_raises(tmp_path: Path) -> None:
    project = make_project(tmp_path, INDEX_QMD + "\nSee @fig-missing.\n")
    with pytest.raises(RenderError, match="fig-missing") as excinfo:
        render(project, engine="fallback")
    assert "traceback" not in str(excinfo.value)


def test_missing_project_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        render(tmp_path / "nope", engine="fallback")
    with pytest.raises(InputError, match="index.qmd"):
        render(tmp_path, engine="fallback")


FAKE_QUARTO = """\
#!/bin/sh
# Stands in for the Quarto CLI: logs its arguments, writes what `quarto render` would.
if [ "$1" = "--version" ]; then echo 1.5.57; exit 0; fi
echo "$@ SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH" >> "$QUARTO_LOG"
mkdir -p "$2/_output"
case "$4" in
  html) echo "<html></html>" > "$2/_output/index.html" ;;
  typst) printf '%%PDF-1.7' > "$2/_output/index.pdf" ;;
esac
"""


def test_quarto_engine_runs_quarto_per_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "quarto"
    fake.write_text(FAKE_QUARTO, encoding="utf-8")
    fake.chmod(0o755)
    log = tmp_path / "quarto.log"
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("QUARTO_LOG", str(log))
    monkeypatch.delenv("REPORT_ENGINE", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert engine_info() == {"engine": "quarto", "description": "Quarto 1.5.57"}
    project = make_project(tmp_path)
    result = render(project)
    assert result["engine"] == "quarto"
    assert result["html"] == project.resolve() / "_output" / "index.html"
    assert result["pdf"] == project.resolve() / "_output" / "index.pdf"
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls == [
        f"render {project.resolve()} --to html SOURCE_DATE_EPOCH=0",
        f"render {project.resolve()} --to typst SOURCE_DATE_EPOCH=0",
    ]
    monkeypatch.setenv("REPORT_ENGINE", "fallback")  # the env var overrides auto-detection
    assert engine_info()["engine"] == "fallback"


@pytest.mark.skipif(shutil.which("quarto") is not None, reason="quarto is installed")
def test_quarto_engine_needs_quarto(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="quarto"):
        render(make_project(tmp_path), engine="quarto")


# --------------------------------------------------------------------------------------------
# PDF layout: callouts whole, lead-ins and headings kept with what they introduce.

FILLER = ("Coverage of the deal grew over the week as more outlets picked up the first report and "
          "added their own figures. ")


def _page_of(pages: list[str], token: str) -> int:
    """The page of a token in the body (a heading also appears once in the contents)."""
    hits = [i for i, text in enumerate(pages) if token in text]
    assert hits, token
    return hits[-1]


def _layout_pages(tmp_path: Path, body: str) -> list[str]:
    project = make_project(tmp_path, "---\ntitle: Layout\n---\n\n" + body)
    pdf = render(project, engine="fallback")["pdf"]
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def test_callouts_never_split_across_pages(tmp_path: Path) -> None:
    """Boxes at every position down the page: each one lands whole on one page."""
    parts = []
    for k in range(1, 25):
        parts.append(FILLER * (k % 5 + 1))
        items = "\n".join(f"- item {j} of box {k}" for j in range(1, 7))
        parts.append(f'::: {{.callout-note title="Box {k}"}}\nBoxstart{k}\n\n{items}\n\nBoxend{k}\n:::')
    pages = _layout_pages(tmp_path, "\n\n".join(parts) + "\n")
    assert len(pages) >= 4
    for k in range(1, 25):
        assert _page_of(pages, f"Boxstart{k} ") == _page_of(pages, f"Boxend{k} "), k


def test_lead_in_and_heading_stay_with_their_table(tmp_path: Path) -> None:
    """'Software:' (a paragraph ending with a colon) and a heading with its one-line
    introduction are never left at the bottom of a page with their table on the next."""
    parts = []
    for k in range(1, 31):
        parts.append(FILLER * (k % 7 + 1))
        rows = "\n".join(f"| firstrow{k} | 1 |" if j == 0 else f"| row {j} | {j} |" for j in range(6))
        table = f"| Package | Version |\n|:--|--:|\n{rows}\n"
        if k % 2:
            parts.append(f"Leadin{k} software:\n\n{table}")
        else:
            parts.append(f"### Section{k}\n\nIntro{k} of the section.\n\n{table}")
    pages = _layout_pages(tmp_path, "\n\n".join(parts) + "\n")
    assert len(pages) >= 4
    for k in range(1, 31):
        lead = f"Leadin{k} " if k % 2 else f"Section{k} "
        assert _page_of(pages, lead) == _page_of(pages, f"firstrow{k} "), k


def test_datatable_div_is_supported_and_checked() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert check_subset(f"::: {{.datatable}}\n{table}:::\n") == []
    assert any("exactly one table" in v for v in check_subset("::: {.datatable}\nJust text.\n:::\n"))
    assert any("exactly one table" in v for v in check_subset(f"::: {{.datatable}}\n{table}\nMore.\n:::\n"))
    assert any("no id or attributes" in v for v in check_subset(f'::: {{.datatable page="5"}}\n{table}:::\n'))


def test_datatable_is_interactive_in_html_and_static_in_pdf(tmp_path: Path) -> None:
    body = ("::: {.datatable}\n| Outlet | Figure |\n|:--|--:|\n| Wire A | $14 bn |\n| Paper B | $10 bn |\n:::\n")
    project = make_project(tmp_path, "---\ntitle: Tables\n---\n\n" + body)
    (project / "after.html").write_text("<script>window.enhance = 1;</script>\n", encoding="utf-8")
    yml = (project / "_quarto.yml").read_text(encoding="utf-8")
    (project / "_quarto.yml").write_text(
        yml.replace("    embed-resources: true\n", "    embed-resources: true\n    include-after-body: after.html\n"),
        encoding="utf-8")
    result = render(project, engine="fallback")
    html = result["html"].read_text(encoding="utf-8")
    assert re.search(r'<div class="datatable">\s*<div class="table-wrap">\s*<table', html)
    assert html.index("window.enhance = 1") > html.index("Paper B")  # after the body's tables
    text = pdf_text(result["pdf"])
    assert "Wire A" in text and "Paper B" in text and "enhance" not in text


def test_missing_include_after_body_is_named(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    yml = (project / "_quarto.yml").read_text(encoding="utf-8")
    (project / "_quarto.yml").write_text(
        yml.replace("    embed-resources: true\n", "    embed-resources: true\n    include-after-body: gone.html\n"),
        encoding="utf-8")
    with pytest.raises(RenderError, match="include-after-body file not found: gone.html"):
        render(project, engine="fallback")


def test_table_cells_starting_with_list_markers_stay_text_in_the_pdf(tmp_path: Path) -> None:
    """A quote like "- Some of the shares..." is a cell's text, never a typst bullet list."""
    from analysis.formatting import md

    quotes = ["- Some of the shares are non-voting.", "+ plus sign first", "= an equals sign",
              "1. numbered first", "/ slash term: here"]
    rows = "\n".join(f"| {md(q)} | {i} |" for i, q in enumerate(quotes))
    project = make_project(tmp_path, "---\ntitle: Cells\n---\n\n| Quote | n |\n|:--|--:|\n" + rows + "\n")
    text = pdf_text(render(project, engine="fallback")["pdf"])
    for q in quotes:
        assert q in text, (q, text)
    assert "•" not in text


def test_html_only_content_is_dropped_from_the_pdf(tmp_path: Path) -> None:
    """Full per-source tables go to the HTML only (Quarto's content-visible when-format="html")."""
    table = "| Source | Figure |\n|:--|--:|\n| Wire A | $14 bn |\n"
    body = (f'Summary in both.\n\n:::: {{.content-visible when-format="html"}}\nOnlyhtml text.\n\n'
            f"::: {{.datatable}}\n{table}:::\n::::\n\n"
            f'::: {{.content-hidden when-format="html"}}\nOnlypdf text.\n:::\n')
    assert check_subset(body) == []
    assert any("when-format" in v for v in check_subset('::: {.content-visible when-format="pdf"}\nx\n:::\n'))
    result = render(make_project(tmp_path, "---\ntitle: Scale\n---\n\n" + body), engine="fallback")
    html = result["html"].read_text(encoding="utf-8")
    text = pdf_text(result["pdf"])
    assert "Onlyhtml" in html and "Wire A" in html and "Onlypdf" not in html
    assert "Onlyhtml" not in text and "Wire A" not in text and "Onlypdf" in text and "Summary" in text


def test_a_short_table_too_tall_for_a_page_continues_instead_of_overflowing(tmp_path: Path) -> None:
    """Few rows but long cells (a table at scale): it breaks across pages, nothing is drawn over."""
    cell = "word " * 120
    rows = "\n".join(f"| row{k}start | {cell} row{k}end |" for k in range(12))
    pages = _layout_pages(tmp_path, f"| Name | Text |\n|:--|:--|\n{rows}\n")
    assert len(pages) >= 2
    for k in range(12):
        assert f"row{k}start" in " ".join(pages) and f"row{k}end" in " ".join(pages)
    body = [p for p in pages if "row" in p]
    assert len(body) >= 2  # the rows continue on a second page


def test_html_only_divs_are_cut_before_the_pdf_conversion() -> None:
    """Cut by nesting, not by fence length: what follows the HTML-only div stays, code is untouched."""
    from analysis.render import without_html_only

    text = ('Before.\n\n::: {.content-visible when-format="html"}\nGone.\n\n::: {.datatable}\n| a |\n|---|\n| 1 |\n'
            ':::\n\nGone too.\n:::\n\nAfter.\n\n```\n::: {.content-visible when-format="html"}\n```\n\n'
            '::: {.callout-note title="Kept"}\nBox.\n:::\n')
    out = without_html_only(text)
    assert "Gone" not in out and "| a |" not in out
    assert "Before." in out and "After." in out and "Box." in out and out.count("```") == 2
    assert without_html_only(INDEX_QMD) == INDEX_QMD


def test_braces_in_user_text_are_text_not_a_feature_and_render_literally(tmp_path: Path) -> None:
    """A quote or a title holding "{.price}" or "{#x}" is escaped text: the subset check judges only
    the report's own markup, and both formats print the braces as written."""
    from analysis.formatting import md
    from analysis.report import _escaped

    quote = "is reportedly finalizing a {.price} $14 billion {#deal} stake \\{.x}"
    project = make_project(tmp_path, INDEX_QMD + "\n| Quote |\n|:--|\n| " + md(quote) + " |\n\n"
                           + md("{#sec-x} {.unnumbered}") + "\n")
    variables = _escaped({"deal": {"name": "Zephyr {.x} Holdings", "value": "4.2 billion"}, "sources": 7})
    (project / "_variables.yml").write_text(json.dumps(variables), encoding="utf-8")
    assert check_subset((project / "index.qmd").read_text(encoding="utf-8")) == []
    out = render(project, engine="fallback")
    html = " ".join(out["html"].read_text(encoding="utf-8").split())
    text = pdf_text(out["pdf"])
    for shown in (quote, "{#sec-x} {.unnumbered}", "Zephyr {.x} Holdings"):
        assert shown in html and shown in text, shown


def test_a_table_of_twenty_rows_with_wrapped_cells_continues_instead_of_overflowing(tmp_path: Path) -> None:
    """The timeline table of a 22-source corpus (short cells that wrap to three or four lines)
    was kept on one page and drawn past its bottom, its last rows over each other: each row must
    sit below the one before it, or on a later page."""
    cell = "wrapping " * 4
    rows = "\n".join(f"| src{k}start | {' | '.join([cell] * 5)} | {cell} src{k}end |" for k in range(23))
    head = "| Source | A | B | C | D | E | F |\n|:--|:--|:--|:--|:--|:--|:--|\n"
    project = make_project(tmp_path, "---\ntitle: Layout\n---\n\n" + head + rows + "\n")
    pdf = render(project, engine="fallback")["pdf"]
    at: dict[str, tuple[int, float]] = {}
    for number, page in enumerate(PdfReader(pdf).pages):
        def visit(text, cm, tm, font, size, _number=number):
            for token in text.split():
                if token.startswith("src") and token.endswith("end"):
                    at.setdefault(token, (_number, tm[5] * cm[3] + cm[5]))

        page.extract_text(visitor_text=visit)
    places = [at[f"src{k}end"] for k in range(23)]
    for (page_a, y_a), (page_b, y_b) in zip(places, places[1:], strict=False):
        assert page_b > page_a or (page_b == page_a and y_b < y_a - 5), places
