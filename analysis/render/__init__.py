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

The stages, one module each (imports go one way, top to bottom):

- ``engines``: RenderError, engine choice and versions (``engine_info``), running pandoc;
- ``project``: ``_quarto.yml``, its formats, the document's front matter;
- ``shortcodes``: ``{{< include >}}`` and ``{{< var >}}`` expansion;
- ``subset``: the Quarto subset check and the final, checked source (``final_source``);
- ``fallback``: pandoc HTML and typst PDF;
- ``quarto``: the real Quarto CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from .engines import (
    DEFAULT_EPOCH,
    ENGINE_ENV,
    ENGINES,
    RenderError,
    _chosen_engine,
    _pandoc_path,
    engine_info,
    typst_compiler_version,
)
from .fallback import _render_fallback, without_html_only
from .project import MAIN_DOC, OUTPUT_DIR, VARIABLES_FILE
from .quarto import _render_quarto
from .shortcodes import expand_document, expand_includes, expand_vars
from .subset import check_subset, final_source

__all__ = [
    "DEFAULT_EPOCH",
    "ENGINES",
    "ENGINE_ENV",
    "MAIN_DOC",
    "OUTPUT_DIR",
    "VARIABLES_FILE",
    "RenderError",
    "_pandoc_path",
    "check_subset",
    "engine_info",
    "expand_document",
    "expand_includes",
    "expand_vars",
    "final_source",
    "render",
    "typst_compiler_version",
    "without_html_only",
]


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
