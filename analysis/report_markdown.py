"""Markdown blocks the report's generated inputs are made of: pipe tables and bullet lists.

Every table and list under ``report/_generated/`` is written by these, so all escape their
cells the same way (``formatting.md``) and size their columns alike.
"""

from __future__ import annotations

import re

import pandas as pd

from .formatting import md


def md_table(df: pd.DataFrame, markdown_columns: frozenset[str] | set[str] = frozenset()) -> str:
    """A pipe table, every cell escaped (but those of ``markdown_columns``, already markdown
    built from escaped text, such as a link); dash counts set the relative column widths.

    pandoc (and Quarto) size columns by the dashes under the header when a table is wider
    than the page, so each column gets at least its header's length and at most 60.
    """
    if df.empty:
        return "_(none)_\n"
    raw = df.astype(str)
    cells = raw.apply(lambda col: col if col.name in markdown_columns else col.map(md))
    header = [md(c) for c in df.columns]
    widths, aligns = [], []
    for i, h in enumerate(header):
        col = list(cells.iloc[:, i])
        longest = max([len(h), *(len(v) for v in col)])
        widths.append(min(max(len(h) + 4, min(longest, 50), 6), 50))
        plain = list(raw.iloc[:, i])
        numeric = all(re.fullmatch(r"[-+]?[\d,.]+%?|—", v) for v in plain) and any(
            re.search(r"\d", v) for v in plain)
        aligns.append("-:" if numeric else ":-")
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(a[0] + "-" * w + a[1] for a, w in zip(aligns, widths, strict=True))
             + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def datatable(table_md: str) -> str:
    """A table the HTML report makes sortable and filterable (static in the PDF)."""
    return table_md if table_md.startswith("_(none)_") else f"::: {{.datatable}}\n{table_md}:::\n"


def bullets(lines: list[str]) -> str:
    """A bullet list of markdown lines, or ``_(none)_`` for none."""
    return "\n".join(f"- {line}" for line in lines) + "\n" if lines else "_(none)_\n"
