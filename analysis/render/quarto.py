"""The real Quarto CLI: ``quarto render`` once per format, after the same subset check."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from ..errors import InputError
from .engines import DEFAULT_EPOCH, RenderError, _warnings, engine_info
from .project import OUTPUT_DIR, _formats, _load_yaml
from .subset import final_source


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
