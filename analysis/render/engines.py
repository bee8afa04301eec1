"""The render engines: which one runs (Quarto or the fallback), their versions, and pandoc.

``render`` uses the Quarto CLI when it is on PATH (or ``REPORT_ENGINE`` says so), else the
fallback built from the Python dependencies: pandoc from ``pypandoc-binary`` and the ``typst``
wheel. The versions go into the report's provenance note and the render cache key.
:class:`RenderError` is defined here, at the bottom of the package, so every stage can raise it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pypandoc
import typst

from ..errors import InputError

ENGINE_ENV = "REPORT_ENGINE"
ENGINES = ("quarto", "fallback")

# Fixed PDF creation date (the Unix epoch unless SOURCE_DATE_EPOCH says otherwise), so the PDF
# bytes depend only on the inputs.
DEFAULT_EPOCH = 0


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
# Running pandoc


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
