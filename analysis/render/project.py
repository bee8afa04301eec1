"""The report project's files: ``_quarto.yml``, its formats, and the document's front matter.

A bad call (unreadable YAML, an unsupported format) is an InputError; a missing or undecodable
file the document needs is a RenderError naming it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from .engines import RenderError

MAIN_DOC = "index.qmd"
OUTPUT_DIR = "_output"
VARIABLES_FILE = "_variables.yml"
SUPPORTED_FORMATS = ("html", "typst")


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
