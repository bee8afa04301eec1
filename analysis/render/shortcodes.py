"""Shortcodes: ``{{< include path >}}`` and ``{{< var key.path >}}``, expanded as Quarto does.

Includes are inlined first, then variables from ``_variables.yml`` are pasted in, in the body
and (YAML-aware) in the front matter. Other shortcodes are left for the subset check to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .engines import RenderError
from .project import _FRONT_MATTER_RE, VARIABLES_FILE, _front_matter, _read_text

# group 1: an escaped shortcode {{{< ... >}}} (Quarto prints it literally without the outer
# braces); groups 2-3: a shortcode's name and its arguments.
_SHORTCODE_RE = re.compile(r"\{(\{\{<.*?>\}\})\}|\{\{<\s*([^\s>]+)(.*?)>\}\}", re.S)
_ANY_SHORTCODE_RE = re.compile(r"\{\{\{?([<%])\s*([^\s>%]*)")


def _shortcode_arg(args: str, name: str) -> str:
    """The single argument of an include/var shortcode, quotes removed."""
    arg = args.strip()
    if len(arg) >= 2 and arg[0] == arg[-1] and arg[0] in "'\"":
        arg = arg[1:-1]
    if not arg:
        raise RenderError(f"`{{{{< {name} >}}}}` needs an argument")
    return arg


def expand_includes(
    text: str, source: Path, project_dir: Path, _stack: tuple[Path, ...] = ()
) -> str:
    """Inline ``{{< include path >}}`` recursively, as Quarto does before anything else.

    Paths are relative to the file holding the shortcode; a leading ``/`` means the project
    root. A missing file or an include cycle raises RenderError naming it.
    """
    stack = (*_stack, source.resolve())

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None or match.group(2) != "include":
            return match.group(0)
        target = _shortcode_arg(match.group(3), "include")
        base = project_dir if target.startswith("/") else source.parent
        path = (base / target.lstrip("/")).resolve()
        if path in stack:
            chain = " -> ".join(p.name for p in (*stack, path))
            raise RenderError(f"include cycle: {chain}")
        if not path.is_file():
            raise RenderError(f"included file not found: {target} (from {source.name}: {path})")
        body = _read_text(path, "included file")
        return expand_includes(body, path, project_dir, stack)

    return _SHORTCODE_RE.sub(replace, text)


def _lookup_var(variables: Mapping[str, Any], key: str) -> str:
    node: Any = variables
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise RenderError(
                f"unknown variable {key!r} in {{{{< var {key} >}}}} "
                f"(not defined in {VARIABLES_FILE})"
            )
        node = node[part]
    if isinstance(node, bool):
        return "true" if node else "false"
    if node is None or isinstance(node, (Mapping, list)):
        raise RenderError(f"variable {key!r} is not a single value, cannot substitute it")
    return str(node)


def expand_vars(text: str, variables: Mapping[str, Any]) -> str:
    """Replace ``{{< var a.b >}}`` with the value at ``a`` -> ``b`` in _variables.yml.

    The value is pasted as markdown text (Quarto also parses it as markdown). An unknown key is
    an error: Quarto only warns and prints ``?var:a.b`` into the report.
    """

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1)  # escaped shortcode: print it literally
        if match.group(2) != "var":
            return match.group(0)
        return _lookup_var(variables, _shortcode_arg(match.group(3), "var"))

    return _SHORTCODE_RE.sub(replace, text)


def expand_document(text: str, variables: Mapping[str, Any]) -> str:
    """Expand ``{{< var >}}`` in the body and, YAML-aware, in the front matter.

    A value pasted into ``title: "..."`` as text could end the YAML string early (a quote in
    an event name); so the front matter is parsed, its strings expanded, and dumped again.
    """
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return expand_vars(text, variables)
    front = _front_matter(text)

    def expand(node: Any) -> Any:
        if isinstance(node, str):
            return expand_vars(node, variables)
        if isinstance(node, list):
            return [expand(x) for x in node]
        if isinstance(node, dict):
            return {k: expand(v) for k, v in node.items()}
        return node

    dumped = yaml.safe_dump(expand(front), sort_keys=False, allow_unicode=True, width=10**6)
    return f"---\n{dumped}---\n" + expand_vars(text[match.end():], variables)
