"""Every stage a user calls from Python (``from analysis import stages``) says what it returns."""

from __future__ import annotations

import inspect

from analysis import stages


def test_every_public_stage_function_has_a_docstring() -> None:
    public = [name for name, f in inspect.getmembers(stages, inspect.isfunction)
              if f.__module__ == stages.__name__ and not name.startswith("_")]
    assert {"cleaned", "claims", "qualitative", "comparisons", "language", "corpus", "lexicons",
            "write_cleaning", "build_timeline", "transactions"} <= set(public)
    assert [name for name in public if not (inspect.getdoc(getattr(stages, name)) or "").strip()] == []
