"""Speed and memory targets as ratios measured in one run (no absolute timings).

Scaling: cleaning + claim extraction on the seed corpus replicated k times should grow
roughly linearly. Targets: time(8x) / time(1x) <= 12 and peak memory(8x) / peak(1x) <= 10.
Run: ``make bench`` (exit status 1 when a target is missed).
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from analysis.claims import Lexicons, extract_claims
from analysis.cleaning import clean_corpus, load_rules
from analysis.corpus import Corpus, load_corpus
from analysis.paths import SEEDS_DIR

TARGETS = {"time": 12.0, "memory": 10.0}


def replicated(corpus: Corpus, k: int) -> Corpus:
    """k copies of every source, each copy's text made unique so no rule sees repeats."""
    sources = [replace(s, id=f"{s.id}_{i}", raw=s.raw + f"\n\nCopy number {i} ends here.")
               for i in range(k) for s in corpus.sources]
    return Corpus(corpus.directory, corpus.manifest, sources)


def measure(corpus: Corpus) -> tuple[float, int]:
    rules, lex = load_rules(), Lexicons.load()
    tracemalloc.start()
    t0 = time.perf_counter()
    extract_claims(clean_corpus(corpus, rules), lex)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main() -> int:
    base = load_corpus(SEEDS_DIR)
    measure(base)  # warm caches (regex compilation, imports)
    t1, m1 = measure(replicated(base, 1))
    t8, m8 = measure(replicated(base, 8))
    ratios = {"time": t8 / t1, "memory": m8 / m1}
    ok = True
    for key, value in ratios.items():
        status = "ok" if value <= TARGETS[key] else "MISSED"
        ok &= status == "ok"
        print(f"{key:>6} ratio 8x/1x = {value:5.2f}  (target <= {TARGETS[key]:.0f})  {status}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
