"""Per-source stages in worker processes give exactly what one process gives.

Marked slow: each test starts fresh worker interpreters (seconds each).
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cleaning import clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.language import language_metrics
from analysis.parallel import map_sources
from analysis.paths import EXAMPLES_DIR, SEEDS_DIR

pytestmark = pytest.mark.slow


def _square(x: int, offset: int) -> int:
    return x * x + offset


def test_map_sources_keeps_order_and_shared_arguments() -> None:
    items = list(range(23))
    assert map_sources(_square, items, 3, (1,)) == [x * x + 1 for x in items]
    with pytest.raises(ValueError, match="jobs"):
        map_sources(_square, items, 0, (1,))


@pytest.mark.parametrize("corpus", [SEEDS_DIR, EXAMPLES_DIR / "harbor-lumen"], ids=["seeds", "harbor-lumen"])
def test_cleaning_and_language_with_two_jobs_equal_one(corpus) -> None:
    c, rules = load_corpus(corpus), load_rules()
    one, two = clean_corpus(c, rules), clean_corpus(c, rules, jobs=2)
    assert [(x.source.id, x.removals, x.paragraphs, x.sentences, x.metadata) for x in one] == [
        (x.source.id, x.removals, x.paragraphs, x.sentences, x.metadata) for x in two]
    pd.testing.assert_frame_equal(language_metrics(one), language_metrics(one, jobs=2))
