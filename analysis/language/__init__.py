"""Language metrics per source: readability, hedging, self-repetition.

Readability comes from textstat (:mod:`analysis.readability`, pinned so it never
downloads), on the raw file and on the cleaned text, so the effect of boilerplate
removal shows. Hedging cues come from a configurable lexicon (``data/hedge_cues.csv``)
and are counted on the cleaned text. Repetition is the share of a source's sentences
that restate an earlier sentence of the same source or mention again a claim it
already made.

Modules: :mod:`.cues` (reading the hedge-cue lexicon), :mod:`.hedging` (finding the cues
in a text), :mod:`.repetition` (which sentences repeat), :mod:`.metrics` (the table, one
row per source) and :mod:`.describe` (plain sentences that read the table). Every public
name is importable from here.
"""

from __future__ import annotations

from ..readability import READABILITY
from .cues import CUE_COLUMNS as CUE_COLUMNS
from .cues import CUE_KINDS, DEFAULT_CUES_FILE, HedgeCue, load_hedge_cues
from .describe import reading
from .hedging import hedge_spans
from .metrics import columns, language_metrics
from .repetition import MIN_REPEAT_WORDS as MIN_REPEAT_WORDS

__all__ = [
    "CUE_KINDS",
    "DEFAULT_CUES_FILE",
    "HedgeCue",
    "READABILITY",
    "columns",
    "hedge_spans",
    "language_metrics",
    "load_hedge_cues",
    "reading",
]
