"""Loading and checking the boilerplate rules: the shipped YAML file, then a user's file.

A rule is a regular expression matched per line, across the text or on its tail, or the
name of a heuristic (:mod:`.heuristics`); loading fails with :class:`InputError` naming
the file and the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import InputError
from ..paths import DATA_DIR
from .heuristics import HEURISTICS

RULE_KINDS = {"line", "span", "tail", "heuristic"}
ACTIONS = {"remove", "metadata"}


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    action: str
    pattern: str
    description: str

    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)



def load_rules(extra: str | Path | None = None) -> list[Rule]:
    """The shipped rules, then any user rules (a YAML list with the same fields)."""
    rules = _read_rules(DATA_DIR / "boilerplate_rules.yml")
    if extra:
        user = _read_rules(Path(extra), allow_heuristic=False)
        ids = {r.id for r in rules}
        clash = [r.id for r in user if r.id in ids]
        if clash:
            raise InputError(f"parameter extra_rules ({extra}): rule id(s) already used: {clash}")
        rules += user
    return rules


def _read_rules(path: Path, allow_heuristic: bool = True) -> list[Rule]:
    if not path.is_file():
        raise InputError(f"rules file {path}: not found")
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"rules file {path}: not valid YAML: {exc}") from exc
    if not isinstance(items, list) or not items:
        raise InputError(f"rules file {path}: expected a non-empty list of rules")
    rules = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError(f"rules file {path}: rule {n} is not a mapping")
        try:
            rule = Rule(
                id=str(item["id"]), kind=str(item["kind"]), action=str(item.get("action", "remove")),
                pattern=str(item["pattern"]), description=str(item.get("description", "")),
            )
        except KeyError as exc:
            raise InputError(f"rules file {path}: rule {n} lacks field {exc}") from exc
        if rule.kind not in RULE_KINDS or (rule.kind == "heuristic" and not allow_heuristic):
            raise InputError(f"rules file {path}: rule {rule.id}: unknown kind {rule.kind!r}")
        if rule.action not in ACTIONS:
            raise InputError(f"rules file {path}: rule {rule.id}: action must be remove|metadata")
        if rule.kind == "heuristic":
            if rule.pattern not in HEURISTICS:
                raise InputError(f"rules file {path}: rule {rule.id}: no heuristic {rule.pattern}")
        else:
            try:
                rule.regex()
            except re.error as exc:
                raise InputError(f"rules file {path}: rule {rule.id}: bad regex: {exc}") from exc
        rules.append(rule)
    return rules
