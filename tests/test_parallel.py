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


def test_dask_local_cluster_gives_what_one_process_gives() -> None:
    """``dask_scheduler=local``: the batches run on dask.distributed workers, same results in order."""
    pytest.importorskip("distributed")  # installed by requirements.lock; the [dask] extra for users
    from analysis.parallel import Workers

    items = list(range(17))
    assert map_sources(_square, items, Workers(2, "local"), (3,)) == [x * x + 3 for x in items]
    c, rules = load_corpus(EXAMPLES_DIR / "harbor-lumen"), load_rules()
    one, on_dask = clean_corpus(c, rules), clean_corpus(c, rules, Workers(2, "local"))
    assert [(x.source.id, x.clean_text, x.removals) for x in one] == [
        (x.source.id, x.clean_text, x.removals) for x in on_dask]
    pd.testing.assert_frame_equal(language_metrics(one), language_metrics(one, jobs=Workers(2, "local")))


def test_an_unreachable_scheduler_is_named() -> None:
    pytest.importorskip("distributed")
    from analysis.errors import InputError
    from analysis.parallel import Workers

    with pytest.raises(InputError, match="dask_scheduler.*tcp://127.0.0.1:9"):
        map_sources(_square, [1, 2, 3], Workers(1, "tcp://127.0.0.1:9"), (0,))


def test_stages_with_jobs_equal_one_process(tmp_path) -> None:
    """The ``jobs`` parameter reaches the per-source stages and changes no result."""
    from analysis import stages
    from analysis.params import Params

    def run(jobs: str) -> tuple:
        stages._CACHES.clear()  # no result of the other run from memory: both are computed
        p = Params.from_mapping({"corpus_dir": str(EXAMPLES_DIR / "harbor-lumen"), "jobs": jobs,
                                 "cache_dir": "none", "out_dir": str(tmp_path)})
        cs = stages.cleaned(p)
        claims = stages.claims(p, cs)
        tl = stages.build_timeline(p, cs, claims)
        return ([c.clean_text for c in cs], claims, stages.language(p, cs, claims), stages.qualitative(p, cs),
                tl.table, tl.evidence)

    a, b = run("1"), run("2")
    assert a[0] == b[0]
    for x, y in zip(a[1:], b[1:], strict=True):
        pd.testing.assert_frame_equal(x, y)
