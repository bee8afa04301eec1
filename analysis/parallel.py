"""Run a per-source function over many sources, in order, optionally in worker processes.

One ``jobs`` number decides: 1 (the default) runs in this process; more runs batches of
consecutive sources in a process pool. Batches keep their order, so the result is the
same list whichever runs it (tests compare them). ``shared`` arguments (rules, corpus
counts) travel once per batch, not once per source.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
BATCHES_PER_JOB = 4  # smaller batches even out uneven sources; larger ones pickle less


def _run_batch(fn: Callable[..., R], batch: Sequence[T], shared: tuple[Any, ...]) -> list[R]:
    return [fn(item, *shared) for item in batch]


def map_sources(fn: Callable[..., R], items: Sequence[T], jobs: int = 1, shared: tuple[Any, ...] = ()) -> list[R]:
    """``[fn(item, *shared) for item in items]``, with ``jobs`` worker processes when above 1.

    ``fn`` must be a module-level function (it is pickled by name); the workers start
    fresh interpreters ("spawn"), so nothing depends on what this process has done.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if jobs == 1 or len(items) < 2:
        return _run_batch(fn, items, shared)
    size = max(1, -(-len(items) // (jobs * BATCHES_PER_JOB)))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=ctx) as pool:
        done = pool.map(_run_batch, [fn] * len(batches), batches, [shared] * len(batches))
        return [r for batch in done for r in batch]
