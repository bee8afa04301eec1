"""Run a per-source function over many sources, in order, optionally in worker processes.

One :class:`Workers` value decides (the ``jobs`` and ``dask_scheduler`` parameters): one
job (the default) runs in this process; more run batches of consecutive sources in a
process pool on this machine; a Dask scheduler address (or ``local`` for a LocalCluster)
sends the batches to ``dask.distributed`` workers, for corpora beyond one machine.
Batches keep their order, so the result is the same list whichever runs it (tests compare
them). ``shared`` arguments (rules, corpus counts) travel once per batch, not per source.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import InputError

T = TypeVar("T")
R = TypeVar("R")
BATCHES_PER_JOB = 4  # smaller batches even out uneven sources; larger ones pickle less


@dataclass(frozen=True)
class Workers:
    """Who runs per-source work: ``jobs`` processes (0: one per core), or a Dask scheduler."""

    jobs: int = 1
    dask_scheduler: str = ""  # "": no Dask; "local": a LocalCluster of ``jobs`` workers; else an address

    @property
    def processes(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


_CLIENTS: dict[tuple[str, int], Any] = {}


def _dask_client(workers: Workers) -> Any:
    """One client per scheduler (and LocalCluster) per process, closed at exit."""
    spec = (workers.dask_scheduler, workers.processes)
    if spec not in _CLIENTS:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise InputError("parameter dask_scheduler: dask.distributed is not installed "
                             "(pip install 'deal-coverage-analysis[dask]')") from exc
        if workers.dask_scheduler == "local":
            cluster = LocalCluster(n_workers=workers.processes, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            atexit.register(cluster.close)
        else:
            try:
                client = Client(workers.dask_scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(f"parameter dask_scheduler: cannot reach {workers.dask_scheduler!r} "
                                 f"({exc})") from exc
        atexit.register(client.close)
        _CLIENTS[spec] = client
    return _CLIENTS[spec]


def _run_batch(fn: Callable[..., R], batch: Sequence[T], shared: tuple[Any, ...]) -> list[R]:
    return [fn(item, *shared) for item in batch]


def map_sources(fn: Callable[..., R], items: Sequence[T], jobs: int | Workers = 1,
                shared: tuple[Any, ...] = ()) -> list[R]:
    """``[fn(item, *shared) for item in items]``, in worker processes or on Dask when asked.

    ``fn`` must be a module-level function (it is pickled by name); process-pool workers
    start fresh interpreters ("spawn"), so nothing depends on what this process has done.
    """
    workers = jobs if isinstance(jobs, Workers) else Workers(jobs)
    if workers.jobs < 0 or (not isinstance(jobs, Workers) and jobs < 1):
        raise ValueError(f"jobs must be at least 1, got {workers.jobs}")
    n = workers.processes
    if len(items) < 2 or (n == 1 and not workers.dask_scheduler):
        return _run_batch(fn, items, shared)
    size = max(1, -(-len(items) // (n * BATCHES_PER_JOB)))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    if workers.dask_scheduler:
        client = _dask_client(workers)
        futures = client.map(_run_batch, [fn] * len(batches), batches, [shared] * len(batches), pure=False)
        return [r for batch in client.gather(futures) for r in batch]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(n, len(batches)), mp_context=ctx) as pool:
        done = pool.map(_run_batch, [fn] * len(batches), batches, [shared] * len(batches))
        return [r for batch in done for r in batch]
