"""Time every pipeline stage on one corpus, with the peak memory of each; prints JSON.

Run alone (``python benchmarks/stages.py CORPUS_DIR [SKIP,STAGES] [JOBS]``) so the memory figures belong
to this corpus only (the stage cache is off: every stage is computed): ``peak_mb`` is the largest
resident set seen during the stage (sampled every 5 ms), ``rss_mb`` the resident set when it ended.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import stages  # noqa: E402
from analysis.params import Params  # noqa: E402


class PeakMemory:
    """The largest resident set size seen while the ``with`` block runs."""

    def __init__(self, every: float = 0.005) -> None:
        self.proc, self.every, self.peak = psutil.Process(), every, 0
        self._stop = threading.Event()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.proc.memory_info().rss)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self.peak = self.proc.memory_info().rss
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)


def run(corpus_dir: str, skip: tuple[str, ...] = (), jobs: int = 1) -> list[dict[str, Any]]:
    """Each stage in pipeline order: name, seconds, peak and final resident memory (MB).

    Stages named in ``skip`` (and those needing them) are listed with ``seconds`` None.
    """
    out_dir = tempfile.mkdtemp(prefix="bench-out-")
    p = Params.from_mapping({"corpus_dir": corpus_dir, "out_dir": out_dir, "events": "none", "cache_dir": "none",
                             "jobs": jobs})
    results: list[dict[str, Any]] = []
    state: dict[str, Any] = {}
    needs = {"comparisons": "timeline"}

    def stage(name: str, fn: Callable[[], Any]) -> None:
        if name in skip or needs.get(name) in skip:
            results.append({"stage": name, "seconds": None, "peak_mb": None, "rss_mb": None})
            return
        with PeakMemory() as mem:
            t0 = time.perf_counter()
            state[name] = fn()
            seconds = time.perf_counter() - t0
        results.append({"stage": name, "seconds": round(seconds, 3), "peak_mb": round(mem.peak / 1e6, 1),
                        "rss_mb": round(psutil.Process().memory_info().rss / 1e6, 1)})

    stage("load", lambda: stages.corpus(p))
    stage("clean", lambda: stages.cleaned(p, state["load"]))
    stage("cleaning_tables", lambda: stages.cleaning_tables(state["clean"], p))
    stage("claims", lambda: stages.claims(p, state["clean"]))
    stage("timeline", lambda: stages.build_timeline(p, state["clean"], state["claims"]))
    stage("comparisons", lambda: stages.comparisons(state["claims"], state["timeline"]))
    stage("qualitative", lambda: stages.qualitative(p, state["clean"]))
    stage("language", lambda: stages.language(p, state["clean"], state["claims"]))
    return results


if __name__ == "__main__":
    json.dump(run(sys.argv[1], tuple(x for x in (sys.argv[2] if len(sys.argv) > 2 else "").split(",") if x),
                  int(sys.argv[3]) if len(sys.argv) > 3 else 1), sys.stdout)
