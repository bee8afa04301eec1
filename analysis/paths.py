"""Every project path, resolved from this package so the cwd never matters.

papermill, nbval and Jupyter start kernels in different folders; anything that
reads or writes a file goes through here and gets an absolute path.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORT_SRC_DIR = PROJECT_ROOT / "report"
DEFAULT_OUT_DIR = PROJECT_ROOT / "build"
#: Where a notebook run alone writes; ANALYSIS_SCRATCH_DIR moves it (make test points it at a
#: temporary folder, so nbval leaves build/ as it was).
SCRATCH_DIR = Path(os.environ.get("ANALYSIS_SCRATCH_DIR") or DEFAULT_OUT_DIR / "scratch").resolve()
EXAMPLES_DIR = PROJECT_ROOT / "examples"
#: A corpus folder holding a file of this name is kept for the final unseen check: no score,
#: test or benchmark reads it while rules are being changed.
UNSEEN_MARKER = "UNSEEN"


def example_corpora(include_unseen: bool = False) -> list[Path]:
    """The labelled corpora under ``examples/``, sorted; the one kept unseen only when asked."""
    return sorted(p for p in EXAMPLES_DIR.iterdir()
                  if p.is_dir() and (include_unseen or not (p / UNSEEN_MARKER).exists()))


def cache_dir() -> Path:
    """The stage cache when no ``cache_dir`` is given: ``build/cache``, shared by the CLI's default
    output and notebooks run alone; ANALYSIS_CACHE_DIR moves it (``make test`` does)."""
    return Path(os.environ.get("ANALYSIS_CACHE_DIR") or DEFAULT_OUT_DIR / "cache").resolve()


def absolute(path: str | Path, base: Path | None = None) -> Path:
    """Return ``path`` made absolute (relative paths are taken from ``base`` or the cwd)."""
    p = Path(path).expanduser()
    if not p.is_absolute():
        p = (base or Path.cwd()) / p
    return p.resolve()


def artifacts_dir(out_dir: str | Path) -> Path:
    """Where the notebooks write tables, texts and figures."""
    return Path(out_dir) / "artifacts"


def figures_dir(out_dir: str | Path) -> Path:
    return artifacts_dir(out_dir) / "figures"
