"""The Quarto subset the fallback renders faithfully, and the check that keeps the report in it.

Anything outside the subset would render differently under the fallback than under Quarto, so
it is refused with a message naming the feature. The check runs on the document exactly as it
will be rendered (:func:`final_source`), so nothing pasted in by an include or a variable can
slip past it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .engines import RenderError, _run_pandoc
from .project import MAIN_DOC, VARIABLES_FILE, _load_yaml, _read_text
from .shortcodes import _ANY_SHORTCODE_RE, expand_document, expand_includes

CALLOUT_KINDS = ("note", "important", "warning", "tip")
# `::: {.datatable}` around exactly one table: sortable and filterable in the HTML (see
# report/_datatables.html), the same static table in the PDF.
DATATABLE_CLASS = "datatable"
# `::: {.content-visible when-format="html"}` (or .content-hidden): HTML-only (PDF-only) content,
# as in Quarto; the report keeps full per-source tables for the HTML reader this way.
CONDITIONAL_CLASSES = ("content-visible", "content-hidden")

_CODE_CELL_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{[ \t]*([A-Za-z][\w-]*)", re.M)
_INLINE_CELL_RE = re.compile(r"`\{([A-Za-z]\w*)\}[ \t]")
_RAW_ATTR_RE = re.compile(r"\{=([A-Za-z][\w-]*)\}")
_COMMENT_RE = re.compile(r"\A\s*<!--.*-->\s*\Z", re.S)
_ALLOWED_IMAGE_KEYS = frozenset({"fig-alt", "width"})
#: A backslash-escaped "{" (after an even run of backslashes): a literal brace, as ``formatting.md``
#: writes every brace of user text, so never the start of an attribute block.
_ESCAPED_BRACE_RE = re.compile(r"(?<!\\)((?:\\\\)*)\\\{")


def _fmt_attr(attr: list[Any]) -> str:
    ident, classes, pairs = attr
    parts = [f"#{ident}"] if ident else []
    parts += [f".{c}" for c in classes]
    parts += [f'{k}="{v}"' for k, v in pairs]
    return "{" + " ".join(parts) + "}"


def _is_fig_id(ident: str) -> bool:
    return ident.startswith(("fig-", "Fig-"))


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every pandoc JSON element (dicts with a "t" key), in document order."""
    if isinstance(node, dict):
        if "t" in node:
            yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _ast_violations(blocks: list[Any]) -> Iterator[str]:
    for el in _walk(blocks):
        kind, c = el["t"], el.get("c")
        if kind == "Div":
            ident, classes, pairs = c[0]
            if classes == [DATATABLE_CLASS]:
                if ident or pairs:
                    yield f"datatable div {_fmt_attr(c[0])}: no id or attributes are supported"
                if [b["t"] for b in c[1]] != ["Table"]:
                    yield "datatable div: it must hold exactly one table and nothing else"
                continue
            if len(classes) == 1 and classes[0] in CONDITIONAL_CLASSES:
                if ident or pairs != [["when-format", "html"]]:
                    yield (f"div {_fmt_attr(c[0])}: conditional content supports only "
                           'when-format="html"')
                continue
            callouts = [k for k in classes if k.removeprefix("callout-") in CALLOUT_KINDS]
            if not (len(classes) == 1 and callouts):
                yield (
                    f"div {_fmt_attr(c[0])}: only .callout-note, .callout-important, "
                    ".callout-warning, .callout-tip and .datatable divs are supported"
                )
                continue
            extra = [k for k, _ in pairs if k != "title"]
            if ident or extra:
                yield f'callout {_fmt_attr(c[0])}: only a title="..." attribute is supported'
        elif kind == "Figure":
            ident, classes, pairs = c[0]
            if (ident and not _is_fig_id(ident)) or classes or pairs:
                yield f"figure {_fmt_attr(c[0])}: figure ids must start with #fig-"
        elif kind == "Image":
            ident, classes, pairs = c[0]
            if ident:
                yield (
                    f"image {_fmt_attr(c[0])} is not a figure: put it alone in its own "
                    "paragraph, with a caption, to make a numbered figure"
                )
            if re.match(r"[a-z][a-z0-9+.-]*://", c[2][0], re.I):
                yield f"remote image {c[2][0]}: use a local file (renders must not need network)"
            bad = [k for k, _ in pairs if k not in _ALLOWED_IMAGE_KEYS]
            if classes or bad:
                yield f"image attributes {_fmt_attr(c[0])}: only fig-alt and width are supported"
        elif kind == "Cite":
            for citation in c[0]:
                cid = citation["citationId"]
                if _is_fig_id(cid):
                    continue
                if re.match(r"[a-z]+-", cid):
                    yield (f"cross-reference @{cid}: only @fig- cross-references are supported")
                else:
                    yield (
                        f"citation @{cid}: citations are not supported (write \\@ for a literal @)"
                    )
        elif kind in ("Header", "CodeBlock", "Code", "Span", "Link", "Table"):
            attr = c[1] if kind == "Header" else c[0]
            ident, classes, pairs = attr
            if kind == "Header" and not classes and not pairs:
                continue  # {#sec-x}: an anchor id renders the same in both engines
            if kind == "CodeBlock" and not ident and not pairs and len(classes) <= 1:
                continue  # ```python: a language name for display code is fine
            if ident or classes or pairs:
                yield f"{kind.lower()} attributes {_fmt_attr(attr)} are not supported"
        elif kind in ("RawBlock", "RawInline"):
            fmt, raw = c
            if not (fmt == "html" and _COMMENT_RE.match(raw)):
                snippet = " ".join(raw.split())[:40]
                yield f"raw {fmt} `{snippet}` is not supported (it would be lost in one format)"
        elif kind == "Str" and c.startswith(("{#", "{.")):
            yield f"attribute block {c} was not understood (pandoc left it as text)"


def check_subset(qmd_text: str) -> list[str]:
    """Quarto features in ``qmd_text`` beyond what the fallback renders faithfully.

    Supported: ``{{< var >}}`` and ``{{< include >}}`` shortcodes; figures
    ``![caption](path){#fig-x fig-alt="..." width="..."}`` and ``@fig-x`` references;
    ``.callout-note|important|warning|tip`` divs with an optional ``title``; ``.content-visible``
    or ``.content-hidden`` divs with ``when-format="html"``; a ``.datatable``
    div holding exactly one table (interactive in HTML, static in the PDF); heading ids
    ``{#sec-x}`` (anchors only: ``@sec-x`` is not supported); plain markdown (pipe tables,
    lists, footnotes, math, display code blocks). Anything else is reported,
    because the fallback would silently render it differently from Quarto. [] means OK.
    """
    found: list[str] = []
    for match in _ANY_SHORTCODE_RE.finditer(qmd_text):
        if match.group(0).startswith("{{{"):
            continue  # escaped, printed literally
        name = match.group(2) or "?"
        if match.group(1) == "%" or name not in ("var", "include"):
            found.append(f"shortcode {{{{< {name} >}}}}: only var and include are supported")
    for match in _CODE_CELL_RE.finditer(qmd_text):
        found.append(
            f"executable code cell ```{{{match.group(2)}}}: code cells are not "
            "supported (compute in the notebooks, include the results)"
        )
    for match in _INLINE_CELL_RE.finditer(qmd_text):
        found.append(f"inline code expression `{{{match.group(1)}}} ...` is not supported")
    for match in _RAW_ATTR_RE.finditer(qmd_text):
        found.append(f"raw block/inline {{={match.group(1)}}} is not supported")
    # a literal "{" of escaped text is checked as a literal "[": text like "{.price}" in a quote
    # is then not mistaken for an attribute block pandoc failed to read (it stays "{" in the render)
    doc = _pandoc_json(_ESCAPED_BRACE_RE.sub(r"\1\\[", qmd_text))
    found.extend(_ast_violations(doc.get("blocks", [])))
    return list(dict.fromkeys(found))


def _pandoc_json(text: str) -> dict[str, Any]:
    """Parse markdown to pandoc's JSON AST (no auto ids, so only explicit ones show up)."""
    proc = _run_pandoc(["-f", "markdown-auto_identifiers", "-t", "json"], text, cwd=None)
    return json.loads(proc.stdout)


def final_source(project_dir: Path) -> str:
    """The document exactly as it will be rendered (includes and variables expanded), checked.

    The subset check runs on this final text, so nothing pasted in by a variable or an
    include can slip past it.
    """
    qmd = project_dir / MAIN_DOC
    source = expand_includes(_read_text(qmd, MAIN_DOC), qmd, project_dir)
    text = expand_document(source, _load_yaml(project_dir / VARIABLES_FILE))
    violations = check_subset(text)
    if violations:
        raise RenderError(
            f"{MAIN_DOC} (with its includes and variables) uses Quarto features the fallback does "
            "not support (install Quarto, or rewrite them):\n  - " + "\n  - ".join(violations)
        )
    return text
