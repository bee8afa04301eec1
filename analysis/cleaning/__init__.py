"""Boilerplate removal with an audit trail, and segmentation into paragraphs and sentences.

Rules come from ``data/boilerplate_rules.yml`` (plus a user file). Every removed span
is logged with its rule and raw offsets; bylines and datelines go to per-source
metadata instead of the body. Kept text is cut from the raw file, so every paragraph
and sentence keeps exact raw offsets.

Modules, in the order the work flows: :mod:`.lines` (the raw file's non-blank lines),
:mod:`.rules` (loading and checking the rules), :mod:`.heuristics` (the rules written as
code), :mod:`.removals` (where each rule matches), :mod:`.segments` (kept text into
paragraphs and sentences), :mod:`.clean` (one source and the whole corpus, cleaned) and
:mod:`.model` (what cleaning hands on). Every public name is importable from here.
"""

from __future__ import annotations

from .clean import clean_corpus, clean_source, corpus_line_counts
from .heuristics import HEURISTICS
from .lines import TERMINAL, Line, split_lines
from .model import CleanSource, Removal, Segment, sentence_finder
from .rules import ACTIONS, RULE_KINDS, Rule, load_rules
from .segments import split_sentences

__all__ = [
    "ACTIONS",
    "HEURISTICS",
    "RULE_KINDS",
    "TERMINAL",
    "CleanSource",
    "Line",
    "Removal",
    "Rule",
    "Segment",
    "clean_corpus",
    "clean_source",
    "corpus_line_counts",
    "load_rules",
    "sentence_finder",
    "split_lines",
    "split_sentences",
]
