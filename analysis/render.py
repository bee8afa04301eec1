"""Render the staged report (a Quarto project folder) to self-contained HTML and a PDF.

Users who have the Quarto CLI get a real ``quarto render``. Everyone else (CI, this container)
gets a fallback built from the Python dependencies only: pandoc (``pypandoc-binary``) writes
HTML and typst markup, the ``typst`` wheel typesets the PDF. The fallback supports a small,
checked subset of Quarto (see :func:`check_subset`), so a report that renders here renders the
same way under Quarto.

Errors: :class:`~analysis.errors.InputError` for a bad call (missing folder, ``index.qmd``,
unreadable YAML, unknown engine); :class:`RenderError` for problems in the report's content or
in the tools (unknown variable, missing include, unsupported feature, pandoc/typst failure).
Both carry a message naming the file, key or tool at fault.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pypandoc
import typst
import yaml

from .errors import InputError
from .paths import DATA_DIR

LUA_FILTER = DATA_DIR / "quarto_subset.lua"
HTML_CSS = DATA_DIR / "report.css"
TYPST_PREAMBLE = DATA_DIR / "report.typ"

ENGINE_ENV = "REPORT_ENGINE"
ENGINES = ("quarto", "fallback")
MAIN_DOC = "index.qmd"
OUTPUT_DIR = "_output"
VARIABLES_FILE = "_variables.yml"
SUPPORTED_FORMATS = ("html", "typst")
CALLOUT_KINDS = ("note", "important", "warning", "tip")
# `::: {.datatable}` around exactly one table: sortable and filterable in the HTML (see
# report/_datatables.html), the same static table in the PDF.
DATATABLE_CLASS = "datatable"
# `::: {.content-visible when-format="html"}` (or .content-hidden): HTML-only (PDF-only) content,
# as in Quarto; the report keeps full per-source tables for the HTML reader this way.
CONDITIONAL_CLASSES = ("content-visible", "content-hidden")

# Fixed PDF creation date (the Unix epoch unless SOURCE_DATE_EPOCH says otherwise), so the PDF
# bytes depend only on the inputs.
DEFAULT_EPOCH = 0
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


class RenderError(RuntimeError):
    """The report could not be rendered; the message names the cause (tool output included)."""


# --------------------------------------------------------------------------------------------
# Engine selection


@lru_cache(maxsize=1)
def _pandoc_path() -> str:
    """pandoc from the pypandoc-binary wheel: the version the fallback was tested with."""
    return str(pypandoc.get_pandoc_path())


@lru_cache(maxsize=1)
def _pandoc_version() -> str:
    out = subprocess.run(
        [_pandoc_path(), "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.match(r"pandoc(?:\.exe)?\s+(\S+)", out)
    return match.group(1) if match else "unknown"


@lru_cache(maxsize=1)
def typst_compiler_version() -> str:
    """The typst compiler's own version (``sys.version``), which the wheel's version is not.

    The ``typst`` wheel (e.g. 0.15.2) versions the Python binding; the compiler it embeds
    reports its version to documents as ``sys.version``, so ask it.
    """
    try:
        value = json.loads(typst.eval(b"", "str(sys.version)"))
    except Exception:  # any failure means we cannot tell: say so honestly
        return f"unknown (python wheel {getattr(typst, '__version__', '?')})"
    return str(value)


def _quarto_version(quarto: str) -> str:
    proc = subprocess.run([quarto, "--version"], capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "unknown"


def _chosen_engine(engine: str = "auto") -> str:
    """Resolve "auto" (REPORT_ENGINE, else quarto when on PATH) and validate the name."""
    if engine == "auto":
        forced = os.environ.get(ENGINE_ENV, "").strip().lower()
        if forced and forced != "auto":
            if forced not in ENGINES:
                raise InputError(
                    f"{ENGINE_ENV}={forced!r} is not one of: auto, {', '.join(ENGINES)}"
                )
            engine = forced
        else:
            engine = "quarto" if shutil.which("quarto") else "fallback"
    if engine not in ENGINES:
        raise InputError(f"engine {engine!r} is not one of: auto, {', '.join(ENGINES)}")
    if engine == "quarto" and not shutil.which("quarto"):
        raise InputError("the quarto engine was requested but `quarto` is not on PATH")
    return engine


def engine_info(engine: str = "auto") -> dict[str, str]:
    """Which engine ``render`` will use and its versions, for the report's provenance note."""
    chosen = _chosen_engine(engine)
    if chosen == "quarto":
        quarto = shutil.which("quarto") or "quarto"
        return {"engine": "quarto", "description": f"Quarto {_quarto_version(quarto)}"}
    return {
        "engine": "fallback",
        "description": (f"the fallback renderer (pandoc {_pandoc_version()} and the typst "
                        f"{typst_compiler_version()} compiler; Quarto was not installed)"),
    }


# --------------------------------------------------------------------------------------------
# Project files


def _load_yaml(path: Path) -> dict[str, Any]:
    """A YAML mapping from ``path`` ({} when absent); InputError when it is not one."""
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid UTF-8 YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping at the top level")
    return data


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RenderError(f"{what} not found: {path}") from exc
    except UnicodeDecodeError as exc:
        raise RenderError(f"{what} is not valid UTF-8: {path}") from exc


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _front_matter(text: str) -> dict[str, Any]:
    """The document's YAML front matter (only used to see which keys it sets)."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as exc:
        raise RenderError(f"{MAIN_DOC}: invalid YAML front matter: {exc}") from exc
    return data if isinstance(data, dict) else {}


def _formats(config: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The formats _quarto.yml asks for, with their options (both when it names none)."""
    raw = config.get("format")
    if raw is None:
        return {name: {} for name in SUPPORTED_FORMATS}
    if isinstance(raw, str):
        raw = {raw: {}}
    if not isinstance(raw, dict):
        raise InputError(f"_quarto.yml: `format` must be a mapping, not {type(raw).__name__}")
    formats: dict[str, dict[str, Any]] = {}
    for name, options in raw.items():
        if name not in SUPPORTED_FORMATS:
            raise InputError(
                f"_quarto.yml: format {name!r} is not supported by the fallback renderer "
                f"(supported: {', '.join(SUPPORTED_FORMATS)})"
            )
        if options in (None, "default"):
            options = {}
        if not isinstance(options, dict):
            raise InputError(f"_quarto.yml: options of format {name!r} must be a mapping")
        formats[name] = options
    return formats


# --------------------------------------------------------------------------------------------
# Shortcodes: {{< include path >}} and {{< var key.path >}}

# group 1: an escaped shortcode {{{< ... >}}} (Quarto prints it literally without the outer
# braces); groups 2-3: a shortcode's name and its arguments.
_SHORTCODE_RE = re.compile(r"\{(\{\{<.*?>\}\})\}|\{\{<\s*([^\s>]+)(.*?)>\}\}", re.S)
_ANY_SHORTCODE_RE = re.compile(r"\{\{\{?([<%])\s*([^\s>%]*)")


def _shortcode_arg(args: str, name: str) -> str:
    """The single argument of an include/var shortcode, quotes removed."""
    arg = args.strip()
    if len(arg) >= 2 and arg[0] == arg[-1] and arg[0] in "'\"":
        arg = arg[1:-1]
    if not arg:
        raise RenderError(f"`{{{{< {name} >}}}}` needs an argument")
    return arg


def expand_includes(
    text: str, source: Path, project_dir: Path, _stack: tuple[Path, ...] = ()
) -> str:
    """Inline ``{{< include path >}}`` recursively, as Quarto does before anything else.

    Paths are relative to the file holding the shortcode; a leading ``/`` means the project
    root. A missing file or an include cycle raises RenderError naming it.
    """
    stack = (*_stack, source.resolve())

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None or match.group(2) != "include":
            return match.group(0)
        target = _shortcode_arg(match.group(3), "include")
        base = project_dir if target.startswith("/") else source.parent
        path = (base / target.lstrip("/")).resolve()
        if path in stack:
            chain = " -> ".join(p.name for p in (*stack, path))
            raise RenderError(f"include cycle: {chain}")
        if not path.is_file():
            raise RenderError(f"included file not found: {target} (from {source.name}: {path})")
        body = _read_text(path, "included file")
        return expand_includes(body, path, project_dir, stack)

    return _SHORTCODE_RE.sub(replace, text)


def _lookup_var(variables: Mapping[str, Any], key: str) -> str:
    node: Any = variables
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise RenderError(
                f"unknown variable {key!r} in {{{{< var {key} >}}}} "
                f"(not defined in {VARIABLES_FILE})"
            )
        node = node[part]
    if isinstance(node, bool):
        return "true" if node else "false"
    if node is None or isinstance(node, (Mapping, list)):
        raise RenderError(f"variable {key!r} is not a single value, cannot substitute it")
    return str(node)


def expand_vars(text: str, variables: Mapping[str, Any]) -> str:
    """Replace ``{{< var a.b >}}`` with the value at ``a`` -> ``b`` in _variables.yml.

    The value is pasted as markdown text (Quarto also parses it as markdown). An unknown key is
    an error: Quarto only warns and prints ``?var:a.b`` into the report.
    """

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1)  # escaped shortcode: print it literally
        if match.group(2) != "var":
            return match.group(0)
        return _lookup_var(variables, _shortcode_arg(match.group(3), "var"))

    return _SHORTCODE_RE.sub(replace, text)


# --------------------------------------------------------------------------------------------
# The supported subset

_CODE_CELL_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{[ \t]*([A-Za-z][\w-]*)", re.M)
_INLINE_CELL_RE = re.compile(r"`\{([A-Za-z]\w*)\}[ \t]")
_RAW_ATTR_RE = re.compile(r"\{=([A-Za-z][\w-]*)\}")
_COMMENT_RE = re.compile(r"\A\s*<!--.*-->\s*\Z", re.S)
_ALLOWED_IMAGE_KEYS = frozenset({"fig-alt", "width"})


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
    doc = _pandoc_json(qmd_text)
    found.extend(_ast_violations(doc.get("blocks", [])))
    return list(dict.fromkeys(found))


def _pandoc_json(text: str) -> dict[str, Any]:
    """Parse markdown to pandoc's JSON AST (no auto ids, so only explicit ones show up)."""
    proc = _run_pandoc(["-f", "markdown-auto_identifiers", "-t", "json"], text, cwd=None)
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------------------------
# pandoc + typst fallback


def _run_pandoc(args: list[str], text: str, cwd: Path | None) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="pandoc-data-") as data_dir:
        # An empty data dir: a user's ~/.local/share/pandoc templates must not change output.
        cmd = [_pandoc_path(), f"--data-dir={data_dir}", *args]
        proc = subprocess.run(
            cmd,
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            check=False,
        )
    if proc.returncode != 0:
        # Our Lua filter's errors are for authors: show just its message, not the traceback.
        ours = [line for line in proc.stderr.splitlines() if line.startswith("quarto_subset:")]
        if ours:
            raise RenderError("\n".join(line.removeprefix("quarto_subset: ") for line in ours))
        raise RenderError(f"pandoc failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return proc


def _warnings(stderr: str) -> list[str]:
    return [line.strip() for line in stderr.splitlines() if line.strip()]


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


def _render_html(
    text: str,
    project_dir: Path,
    config: Mapping[str, Any],
    options: Mapping[str, Any],
    front: Mapping[str, Any],
    out: Path,
    tmp: Path,
) -> list[str]:
    meta = tmp / "meta-html.json"
    meta.write_text(json.dumps(_metadata(config, options, front, "html")), encoding="utf-8")
    args = [
        *_common_args(options, meta),
        "-t",
        "html5",
        "--embed-resources",
        "--section-divs",
        f"--css={HTML_CSS}",
        *_include_args(options, project_dir, tmp, "html"),
        "-o",
        str(out),
    ]
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
    meta = tmp / "meta-typst.json"
    meta.write_text(json.dumps(_metadata(config, options, front, "typst")), encoding="utf-8")
    args = [
        *_common_args(options, meta),
        "-t",
        "typst",
        f"--include-in-header={TYPST_PREAMBLE}",
        *_include_args(options, project_dir, tmp, "typst"),
    ]
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


def expand_document(text: str, variables: Mapping[str, Any]) -> str:
    """Expand ``{{< var >}}`` in the body and, YAML-aware, in the front matter.

    A value pasted into ``title: "..."`` as text could end the YAML string early (a quote in
    an event name); so the front matter is parsed, its strings expanded, and dumped again.
    """
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return expand_vars(text, variables)
    front = _front_matter(text)

    def expand(node: Any) -> Any:
        if isinstance(node, str):
            return expand_vars(node, variables)
        if isinstance(node, list):
            return [expand(x) for x in node]
        if isinstance(node, dict):
            return {k: expand(v) for k, v in node.items()}
        return node

    dumped = yaml.safe_dump(expand(front), sort_keys=False, allow_unicode=True, width=10**6)
    return f"---\n{dumped}---\n" + expand_vars(text[match.end():], variables)


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


# --------------------------------------------------------------------------------------------
# Quarto


def _render_quarto(project_dir: Path) -> dict[str, Any]:
    quarto = shutil.which("quarto")
    if not quarto:
        raise InputError("the quarto engine was requested but `quarto` is not on PATH")
    final_source(project_dir)  # the same subset and markup check as the fallback
    env = dict(os.environ)
    # typst (inside Quarto) reads SOURCE_DATE_EPOCH for the PDF's creation date.
    env.setdefault("SOURCE_DATE_EPOCH", str(DEFAULT_EPOCH))
    formats = _formats(_load_yaml(project_dir / "_quarto.yml"))
    outputs = {"html": "index.html", "typst": "index.pdf"}
    result: dict[str, Any] = {**engine_info("quarto"), "warnings": []}
    for fmt in formats:  # a stale output must not pass for a fresh one below
        (project_dir / OUTPUT_DIR / outputs[fmt]).unlink(missing_ok=True)
    for fmt in formats:
        cmd = [quarto, "render", str(project_dir), "--to", fmt]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if proc.returncode != 0:
            tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-40:])
            raise RenderError(
                f"`quarto render --to {fmt}` failed (exit {proc.returncode}):\n{tail}"
            )
        result["warnings"] += [w for w in _warnings(proc.stderr) if "WARN" in w]
    for fmt in formats:
        path = project_dir / OUTPUT_DIR / outputs[fmt]
        if not path.is_file():
            raise RenderError(f"quarto finished but did not write {path}")
        result["pdf" if fmt == "typst" else fmt] = path
    return result


def render(project_dir: Path, engine: str = "auto") -> dict[str, Any]:
    """Render the staged project to ``project_dir/_output/index.html`` and ``index.pdf``.

    ``engine``: "auto" (``REPORT_ENGINE``, else Quarto when installed), "quarto" or "fallback".
    Returns engine info plus the output paths ("html", "pdf") and tool warnings ("warnings").
    """
    project_dir = Path(project_dir)
    if not project_dir.is_dir():
        raise InputError(f"report project folder not found: {project_dir}")
    if not (project_dir / MAIN_DOC).is_file():
        raise InputError(f"{MAIN_DOC} not found in the report project folder {project_dir}")
    project_dir = project_dir.resolve()
    if _chosen_engine(engine) == "quarto":
        return _render_quarto(project_dir)
    return _render_fallback(project_dir)
