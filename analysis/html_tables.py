"""Sortable, filterable tables in the HTML report, working offline inside the one file.

The report's tables stay pandoc/Quarto tables built from escaped markdown (so corpus text is
never markup); the HTML gains a script at the end of the body that enhances those wrapped in
``::: {.datatable}``. The table library is DataTables, taken from the offline bundle that the
pinned ``itables`` package ships (JavaScript and CSS), so nothing is fetched at view time.
The PDF keeps the static tables.
"""

from __future__ import annotations

import base64
from importlib import resources

from .paths import DATA_DIR

INIT_JS = DATA_DIR / "datatables.js"
INCLUDE_NAME = "datatables.html"


def _bundle(name: str) -> str:
    path = resources.files("itables") / "html" / name
    return path.read_text(encoding="utf-8")


def include_html() -> str:
    """The include-after-body HTML: DataTables' CSS and the script that applies it."""
    css = _bundle("dt_bundle.css")
    if "</style" in css.lower():  # never true for the pinned bundle; would end the element early
        raise ValueError("itables' dt_bundle.css contains '</style'")
    source = base64.b64encode(_bundle("dt_bundle.js").encode("utf-8")).decode("ascii")
    init = INIT_JS.read_text(encoding="utf-8")
    return (
        "<!-- Sortable, filterable tables: DataTables from the itables offline bundle "
        "(MIT licence; see analysis/html_tables.py). -->\n"
        f"<style>\n{css}\n</style>\n"
        f'<script type="module">\nconst DT_SOURCE_B64 = "{source}";\n{init}</script>\n'
    )
