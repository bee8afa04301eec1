"""The fallback renderer: pandoc writes the HTML and typst markup, the typst wheel the PDF.

Used when Quarto is not installed (CI, this container). It gives the report's Quarto subset
the same look as Quarto would, through the Lua filter, the CSS and the typst preamble in
``analysis/data``, and its output is byte-for-byte reproducible: no user pandoc templates, only
embedded or project-local fonts, a fixed PDF creation date.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import typst

from ..errors import InputError
from ..paths import DATA_DIR
from .engines import DEFAULT_EPOCH, RenderError, _run_pandoc, _warnings, engine_info
from .project import OUTPUT_DIR, _formats, _front_matter, _load_yaml
from .subset import final_source

LUA_FILTER = DATA_DIR / "quarto_subset.lua"
HTML_CSS = DATA_DIR / "report.css"
TYPST_PREAMBLE = DATA_DIR / "report.typ"

# Only typst's embedded fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono) plus a
# project-local fonts/ folder: the PDF must not change with the fonts installed on a machine.
FONTS_SUBDIR = "fonts"

# Defaults for options _quarto.yml does not set (Quarto's own defaults differ slightly; these
# give the fallback a sensible page even without a config).
TYPST_DEFAULTS: dict[str, Any] = {
    "papersize": "a4",
    "margin": {"x": "2.2cm", "y": "2.4cm"},
    "fontsize": "10.5pt",
}
TOC_TITLE = "Contents"
# LaTeX-style paper names Quarto users write, mapped to typst's names.
PAPER_ALIASES = {"letter": "us-letter", "legal": "us-legal", "executive": "us-executive"}


INCLUDE_KEYS = ("include-in-header", "include-before-body", "include-after-body")


def _include_args(options: Mapping[str, Any], project_dir: Path, tmp: Path, fmt: str) -> list[str]:
    """``include-in-header``, ``include-before-body`` and ``include-after-body`` from
    _quarto.yml (file paths relative to the project, or ``text:`` blocks), as Quarto."""
    args: list[str] = []
    for key in INCLUDE_KEYS:
        raw = options.get(key)
        if raw is None:
            continue
        items = raw if isinstance(raw, list) else [raw]
        for i, item in enumerate(items):
            if isinstance(item, dict) and "text" in item:
                path = tmp / f"{key}-{fmt}-{i}.txt"
                path.write_text(str(item["text"]), encoding="utf-8")
            elif isinstance(item, str):
                path = project_dir / item
                if not path.is_file():
                    raise RenderError(f"{key} file not found: {item}")
            else:
                raise InputError(f"_quarto.yml: format {fmt}: bad {key} entry {item!r}")
            args.append(f"--{key}={path}")
    return args


def _common_args(options: Mapping[str, Any], metadata: Path) -> list[str]:
    args = [
        "-f",
        "markdown",
        "--standalone",
        f"--metadata-file={metadata}",
        f"--lua-filter={LUA_FILTER}",
        "--resource-path=.",
    ]
    if options.get("toc", False):
        args += ["--toc", f"--toc-depth={int(options.get('toc-depth', 3))}"]
    return args


def _metadata(
    config: Mapping[str, Any], options: Mapping[str, Any], front: Mapping[str, Any], fmt: str
) -> dict[str, Any]:
    """Metadata defaults for pandoc; the document's own front matter still wins, as in Quarto."""
    meta: dict[str, Any] = {"lang": "en", "toc-title": TOC_TITLE}
    for key in ("title", "subtitle", "author", "date", "lang"):
        if key in config:
            meta[key] = config[key]
    if fmt == "typst":
        meta.update(TYPST_DEFAULTS)
        for key in ("papersize", "margin", "fontsize", "mainfont", "lang", "toc-title"):
            if key in options:
                meta[key] = options[key]
        paper = str(meta["papersize"]).lower()
        meta["papersize"] = PAPER_ALIASES.get(paper, paper)
        meta["page-numbering"] = "1"
        if options.get("number-sections"):
            meta["section-numbering"] = "1.1"
    else:
        for key in ("lang", "toc-title"):
            if key in options:
                meta[key] = options[key]
        if "title" not in front and "title" not in meta:
            meta["pagetitle"] = "Report"
    return meta


def _writer_args(config: Mapping[str, Any], options: Mapping[str, Any], front: Mapping[str, Any],
                 project_dir: Path, tmp: Path, fmt: str, writer: str, *extra: str) -> list[str]:
    """pandoc's arguments for one format: its metadata file, writer, extra options and includes."""
    meta = tmp / f"meta-{fmt}.json"
    meta.write_text(json.dumps(_metadata(config, options, front, fmt)), encoding="utf-8")
    return [*_common_args(options, meta), "-t", writer, *extra, *_include_args(options, project_dir, tmp, fmt)]


def _render_html(
    text: str,
    project_dir: Path,
    config: Mapping[str, Any],
    options: Mapping[str, Any],
    front: Mapping[str, Any],
    out: Path,
    tmp: Path,
) -> list[str]:
    args = [*_writer_args(config, options, front, project_dir, tmp, "html", "html5", "--embed-resources",
                          "--section-divs", f"--css={HTML_CSS}"), "-o", str(out)]
    if options.get("number-sections"):
        args.append("--number-sections")
    proc = _run_pandoc(args, text, cwd=project_dir)
    warnings = _warnings(proc.stderr)
    missing = [f"{w} {warnings[i + 1] if i + 1 < len(warnings) else ''}".strip()
               for i, w in enumerate(warnings) if "Could not fetch resource" in w]
    if missing:
        raise RenderError("HTML: could not embed resources:\n" + "\n".join(missing))
    return warnings


_FENCE_OPEN = re.compile(r"^:{3,}\s*(\{[^}]*\}|[\w-]+)\s*$")
_FENCE_CLOSE = re.compile(r"^:{3,}\s*$")
_HTML_ONLY_OPEN = re.compile(r'^:{3,}\s*\{\.content-visible when-format="html"\}\s*$')


def without_html_only(text: str) -> str:
    """The document without its HTML-only divs, for the PDF.

    The Lua filter drops them from the typst output anyway; cutting them before pandoc
    parses the text saves most of the PDF's conversion time at scale, where the full
    per-source tables are nearly all of the text. Div fences are followed by nesting (a
    fence with attributes opens, a bare fence closes), and code blocks are left alone.
    """
    out: list[str] = []
    depth = skip_from = 0
    in_code = False
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\n")
        if bare.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        elif not in_code and _FENCE_OPEN.match(bare):
            depth += 1
            if not skip_from and _HTML_ONLY_OPEN.match(bare):
                skip_from = depth
        elif not in_code and _FENCE_CLOSE.match(bare) and depth:
            depth -= 1
            if skip_from and depth < skip_from:
                skip_from = 0
                continue
        if not skip_from:
            out.append(line)
    return "".join(out)


def _source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", str(DEFAULT_EPOCH))
    try:
        return int(value)
    except ValueError as exc:
        raise InputError(f"SOURCE_DATE_EPOCH={value!r} is not an integer") from exc


def _render_pdf(
    text: str,
    project_dir: Path,
    config: Mapping[str, Any],
    options: Mapping[str, Any],
    front: Mapping[str, Any],
    out: Path,
    tmp: Path,
) -> list[str]:
    args = _writer_args(config, options, front, project_dir, tmp, "typst", "typst",
                        f"--include-in-header={TYPST_PREAMBLE}")
    proc = _run_pandoc(args, without_html_only(text), cwd=project_dir)
    warnings = _warnings(proc.stderr)
    fonts_dir = project_dir / FONTS_SUBDIR
    try:
        pdf, typst_warnings = typst.compile_with_warnings(
            proc.stdout.encode("utf-8"),
            root=str(project_dir),
            font_paths=[str(fonts_dir)] if fonts_dir.is_dir() else [],
            ignore_system_fonts=True,
            format="pdf",
            timestamp=_source_date_epoch(),
        )
    except typst.TypstError as exc:
        detail = "\n".join(
            part
            for part in (exc.message, getattr(exc, "diagnostic", ""), *getattr(exc, "hints", []))
            if part
        )
        raise RenderError(f"typst failed: {detail or exc}") from exc
    if not isinstance(pdf, bytes):
        raise RenderError("typst returned no PDF")
    out.write_bytes(pdf)
    warnings += [f"typst: {getattr(w, 'message', w)}" for w in typst_warnings]
    return warnings


def _render_fallback(project_dir: Path) -> dict[str, Any]:
    config = _load_yaml(project_dir / "_quarto.yml")
    formats = _formats(config)
    text = final_source(project_dir)
    front = _front_matter(text)
    out_dir = project_dir / OUTPUT_DIR
    out_dir.mkdir(exist_ok=True)
    result: dict[str, Any] = {**engine_info("fallback"), "warnings": []}
    with tempfile.TemporaryDirectory(prefix="render-") as tmp_name:
        tmp = Path(tmp_name)
        if "html" in formats:
            html = out_dir / "index.html"
            result["warnings"] += _render_html(
                text, project_dir, config, formats["html"], front, html, tmp
            )
            result["html"] = html
        if "typst" in formats:
            pdf = out_dir / "index.pdf"
            result["warnings"] += _render_pdf(
                text, project_dir, config, formats["typst"], front, pdf, tmp
            )
            result["pdf"] = pdf
    return result
