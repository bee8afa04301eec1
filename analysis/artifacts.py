"""Write artifacts deterministically: fixed CSV formatting, LF line ends, sorted keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from .paths import artifacts_dir


def table_path(out_dir: str | Path, name: str) -> Path:
    return artifacts_dir(out_dir) / f"{name}.csv"


def writable(out_dir: str | Path) -> Path:
    """The artifacts folder of ``out_dir`` to write into; refused (an input error) when ``out_dir``
    holds a published run, whose artifacts only a run replaces, whole (``publish.py``)."""
    from .publish import refuse_published

    refuse_published(Path(out_dir))
    return artifacts_dir(out_dir)


def write_table(df: pd.DataFrame, out_dir: str | Path, name: str) -> Path:
    """CSV with LF endings and full float precision (repr), so reruns are byte-identical."""
    path = writable(out_dir) / f"{name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.10g")
    return path


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    """Read an artifact back with ids as strings and empty cells as ''."""
    path = table_path(out_dir, name)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: artifact missing; run the notebook that writes it")
    return pd.read_csv(path, dtype={"source_id": str, "claim_id": str, "claim_a": str,
                                    "claim_b": str, "id": str}, keep_default_na=False)


def write_text(out_dir: str | Path, relative: str, text: str) -> Path:
    path = writable(out_dir) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_json(out_dir: str | Path, relative: str, data: Any) -> Path:
    return write_text(out_dir, relative, json.dumps(data, indent=2, sort_keys=True, default=str) + "\n")
