"""Where each source can be found: the report's table of source addresses.

A reader must be able to open and cite every source, so the report lists each one with its title
and the address (``url``) its manifest gives. The address is the manifest's text, escaped like any
other corpus string (``formatting.md``); an ``http`` or ``https`` address also becomes a link (in
the HTML, and a clickable one in the PDF), written with every character that could end or alter
the link percent-encoded. Any other scheme (``javascript:``, ``file:``, ``data:``) or a malformed
address stays plain text, never a link.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pandas as pd

from .formatting import md, shorten
from .report_markdown import datatable, md_table

#: The schemes an address may have to become a link; anything else is shown as text only.
LINK_SCHEMES = ("http", "https")
#: Characters left as they are in a link's target (RFC 3986's unreserved and reserved characters,
#: less the brackets and parentheses that could end a markdown link): every other is %-encoded.
_SAFE = "-._~:/?#@!$&'*+,;=%"
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def link_target(url: object) -> str | None:
    """The address as a safe link target, or None when it must not become a link (not http or
    https, no host, or any whitespace or control character in it)."""
    if not isinstance(url, str) or not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return quote(_BARE_PERCENT.sub("%25", url), safe=_SAFE)


def address(url: object) -> str:
    """A source's address as report markdown: a link showing the address for http(s), the escaped
    text for anything else, "—" for none."""
    text = "" if url is None or (isinstance(url, float) and url != url) else str(url)
    if not text.strip():
        return "—"
    target = link_target(text)
    return f"[{md(text)}]({target})" if target else md(text)


def addresses_table(sources: pd.DataFrame, order: list[str]) -> str:
    """Every source in timeline order with its title and address (a markdown table whose address
    cells are already markdown)."""
    s = sources.set_index("source_id").loc[order].reset_index()
    urls = s["url"] if "url" in s.columns else pd.Series([""] * len(s))
    table = pd.DataFrame({
        "Source": s["label"],
        "Title (as given)": [shorten(t, 90) or "—" for t in s["title"]],
        "Address": [address(u) for u in urls],
    })
    return datatable(md_table(table, markdown_columns={"Address"}))
