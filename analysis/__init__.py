"""Compare how several news sources report the same deal.

Stages, each in its own module: ``corpus`` (load and validate the articles),
``cleaning`` (boilerplate removal with an audit trail), ``claims`` (figures and
assertions with provenance), ``timeline`` (when each source appeared),
``compare`` (verdicts across sources), ``language`` (readability and hedging),
``findings`` (the report's generated prose) and ``render`` (Quarto or the
pandoc + typst fallback).
"""

__version__ = "0.1.0"
