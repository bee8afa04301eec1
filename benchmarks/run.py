"""Speed and memory benchmarks (issues 9 and 13); writes benchmarks/results.md.

Targets are ratios or budgets measured in one run on this machine, never timed tests:

- one large article (default 50 MB, built by :mod:`corpora`) through every stage in under
  120 s and 1 GB, and time(50 MB) / time(5 MB) <= 12 (linear);
- N = 10, 100, 1000 and 10,000 articles: time(10N) / time(N) <= 11 for the two largest,
  per stage and in total; 10,000 articles in under 10 minutes and 2 GB; ``jobs=2`` beside
  one process at N = 1000;
- the seed report warm (every stage from the cache) in under 10 s, and the notebooks'
  orchestration at most 1.5x the same stages called directly;
- a 200-source report (notebooks and render) in under 2 minutes and under 30 PDF pages;
- near-duplicate paragraphs found by the blocked search against all pairs (recall 1.0);
- ``parse_amounts`` >= 50x quantulum3's throughput on the same text at >= its recall of the
  labelled figures (value and unit), and linear on one long figure-dense text.

Each corpus is measured in a fresh process (``stages.py``) so memory peaks are its own.
Exit status 1 when a target is missed. ``make bench`` runs this.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402

from analysis.cleaning import clean_corpus, load_rules  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from analysis.numbers import parse_amounts  # noqa: E402
from analysis.paths import SEEDS_DIR, example_corpora  # noqa: E402

TARGETS = {"big_seconds": 120.0, "big_mb": 1000.0, "big_ratio": 12.0, "n_ratio": 11.0, "quantulum_speedup": 50.0,
           "n_big_seconds": 600.0, "n_big_mb": 2000.0, "warm_seconds": 10.0, "orchestration": 1.5,
           "report_seconds": 120.0, "report_pages": 30}
PACKAGES = ["pandas", "numpy", "rapidfuzz", "ftfy", "textstat", "regex", "dateparser", "quantulum3"]
LABELLED = [SEEDS_DIR, *example_corpora()]  # never the corpus kept unseen
EXPECTED = {SEEDS_DIR: ROOT / "tests" / "fixtures" / "seeds" / "expected_claims.csv"}


def measure(corpus: Path, skip: tuple[str, ...] = (), jobs: int = 1) -> list[dict]:
    """Per-stage seconds and memory of one corpus, from a fresh interpreter."""
    done = subprocess.run([sys.executable, str(HERE / "stages.py"), str(corpus), ",".join(skip), str(jobs)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def timed(cmd: list[str]) -> tuple[float, str]:
    """Wall seconds of a command (a fresh interpreter: imports count) and its output."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - t0, done.stdout


def orchestration(work: Path) -> tuple[list[str], list[tuple[str, bool]]]:
    """The seed report through the notebooks (cold: empty cache; warm: again) against the same
    stages called directly from a fresh interpreter."""
    direct, _ = timed([sys.executable, str(HERE / "stages.py"), str(SEEDS_DIR)])
    out = work / "seeds-run"
    cold, _ = timed([sys.executable, "-m", "analysis", "run", "--out", str(out)])
    warm, log = timed([sys.executable, "-m", "analysis", "run", "--out", str(out)])
    warm_nr, _ = timed([sys.executable, "-m", "analysis", "run", "--no-render", "--out", str(out)])
    steps = [line.strip() for line in log.splitlines() if line.startswith(("[", "rendering"))]
    md = ["## Orchestration: the seed report through the notebooks", "",
          "Direct: every stage called from one fresh interpreter (imports included). Cold: `python -m analysis "
          "run` with an empty stage cache; warm: the same command again (every stage read from the cache).", "",
          "| run | seconds | / direct |", "|---|---|---|",
          f"| direct (stages only) | {direct:.1f} | 1.0 |",
          f"| run, cold cache | {cold:.1f} | {cold / direct:.1f} |",
          f"| run, warm cache | {warm:.1f} | {warm / direct:.1f} |",
          f"| run --no-render, warm cache | {warm_nr:.1f} | {warm_nr / direct:.1f} |", "",
          "Warm run, step by step: " + "; ".join(steps), ""]
    checks = [(f"seed report warm: {warm:.1f} s <= {TARGETS['warm_seconds']:.0f} s", warm <= TARGETS["warm_seconds"]),
              (f"orchestration (warm run --no-render / direct) = {warm_nr / direct:.1f} <= "
               f"{TARGETS['orchestration']}", warm_nr / direct <= TARGETS["orchestration"])]
    return md, checks


def report_at_scale(work: Path, n: int = 200) -> tuple[list[str], list[tuple[str, bool]]]:
    """A whole run with the report on ``n`` built sources: wall time and PDF pages."""
    from pypdf import PdfReader

    corpus = corpora.build_corpus(n, work / f"report{n}")
    out = work / f"report{n}-out"
    seconds, _ = timed([sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--out", str(out)])
    pages = len(PdfReader(out / "report" / "index.pdf").pages)
    md = [f"## The whole report on {n} sources", "",
          f"`python -m analysis run` (notebooks and render, empty cache) on {n} built articles: "
          f"{seconds:.0f} s; the PDF has {pages} pages.", ""]
    checks = [(f"{n}-source report: {seconds:.0f} s <= {TARGETS['report_seconds']:.0f} s",
               seconds <= TARGETS["report_seconds"]),
              (f"{n}-source report: {pages} PDF pages < {TARGETS['report_pages']}", pages < TARGETS["report_pages"])]
    return md, checks


def total(rows: list[dict], only: set[str] | None = None) -> float:
    return sum(r["seconds"] for r in rows if r["seconds"] is not None and (only is None or r["stage"] in only))


def peak(rows: list[dict]) -> float:
    return max(r["peak_mb"] for r in rows if r["peak_mb"] is not None)


def measured(rows: list[dict]) -> set[str]:
    return {r["stage"] for r in rows if r["seconds"] is not None}


def stage_table(runs: dict[str, list[dict]], ratio_of: tuple[str, str] | None) -> list[str]:
    """Markdown: one row per stage, seconds (and peak MB) per run, and the ratio of two runs."""
    names = list(runs)
    head = "| stage | " + " | ".join(f"{n} s | {n} MB" for n in names)
    head += f" | {ratio_of[1]}/{ratio_of[0]} |" if ratio_of else " |"
    lines = [head, "|" + "---|" * (1 + 2 * len(names) + (1 if ratio_of else 0))]
    stages = [r["stage"] for r in runs[names[0]]]
    both = set.intersection(*(measured(r) for r in runs.values()))
    for k, stage in enumerate(stages + ["total"]):
        cells = []
        for n in names:
            rows = runs[n]
            s = total(rows, both) if stage == "total" else rows[k]["seconds"]
            m = peak(rows) if stage == "total" else rows[k]["peak_mb"]
            cells += ["not run", "-"] if s is None else [f"{s:.2f}", f"{m:.0f}"]
        if ratio_of:
            a, b = runs[ratio_of[0]], runs[ratio_of[1]]
            sa = total(a, both) if stage == "total" else a[k]["seconds"]
            sb = total(b, both) if stage == "total" else b[k]["seconds"]
            cells.append(f"{sb / sa:.1f}" if sa is not None and sb is not None and sa > 0.05 else "-")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    if len(both) < len(stages):
        lines += ["", f"Totals count the stages measured at every N: {', '.join(s for s in stages if s in both)}."]
    return lines


# --------------------------------------------------------------------------- near-duplicate recall


def near_duplicate_recall(corpus: Path) -> tuple[int, int, int]:
    """(pairs all-pairs finds, pairs the blocked search finds, pairs in both) at the default threshold."""
    from rapidfuzz import fuzz, process

    from analysis.near_duplicates import near_duplicates
    from analysis.textnorm import fold, word_count

    cs = clean_corpus(load_corpus(corpus), load_rules())
    paras = [(c.source.id, p.index, p.text) for c in cs for p in c.paragraphs if word_count(p.text) >= 12]
    keys, sizes = [fold(t) for *_, t in paras], [word_count(t) for *_, t in paras]
    scores = process.cdist(keys, keys, scorer=fuzz.token_set_ratio, score_cutoff=75.0, workers=-1)
    every = {(paras[i][:2], paras[j][:2]) for i in range(len(keys)) for j in range(i + 1, len(keys))
             if scores[i, j] >= 75.0 and min(sizes[i], sizes[j]) >= 0.4 * max(sizes[i], sizes[j])}
    got = near_duplicates(cs, 75.0, max_earlier=None)
    blocked = {((r.source_a, r.paragraph_a), (r.source_b, r.paragraph_b)) for r in got.itertuples()}
    return len(every), len(blocked), len(every & blocked)


# --------------------------------------------------------------------------- figures


def _unit_class(unit: str) -> str:
    unit = unit.lower()
    if unit in ("usd", "eur", "gbp", "percent"):
        return unit
    return "count"


def _quantulum_class(q) -> str:
    code = getattr(q.unit, "currency_code", None)
    name = q.unit.name.lower()
    if code:
        return code.lower()
    for word, cls in (("dollar", "usd"), ("euro", "eur"), ("pound", "gbp"), ("percent", "percent")):
        if word in name:
            return cls
    return "count"


def figures_benchmark() -> dict:
    """Throughput of parse_amounts and quantulum3 on the labelled raw texts, and their recall."""
    from quantulum3 import parser as q3

    texts: dict[tuple[str, str], str] = {}
    expected: list[tuple[tuple[str, str], float, str]] = []
    for d in LABELLED:
        corpus = load_corpus(d)
        for s in corpus.sources:
            texts[(d.name, s.id)] = s.raw
        with (EXPECTED.get(d, d / "expected_claims.csv")).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                expected.append(((d.name, row["source_id"]), float(row["value"]), _unit_class(row["unit"])))
    size_mb = sum(len(t.encode("utf-8")) for t in texts.values()) / 1e6

    t0 = time.perf_counter()
    ours = {k: [(a.value, _unit_class(a.unit if a.kind != "count" else "count")) for a in parse_amounts(t)]
            for k, t in texts.items()}
    ours_s = time.perf_counter() - t0
    q3.parse("warm up 1 dollar")
    t0 = time.perf_counter()
    theirs = {k: [(q.value, _quantulum_class(q)) for q in q3.parse(t)] for k, t in texts.items()}
    theirs_s = time.perf_counter() - t0

    def recall(found: dict) -> float:
        hit = sum(any(abs(v - value) <= 1e-6 * max(1.0, abs(value)) and c == cls for v, c in found.get(key, []))
                  for key, value, cls in expected)
        return hit / len(expected)

    # linearity of parse_amounts on one long text full of figures (claimed spans checked by neighbours)
    piece = "Over $1.5 billion, nearly 40% and 1,200 employees; see https://x.example/$9bn, "
    small, large = piece * 2000, piece * 20000
    t0 = time.perf_counter()
    parse_amounts(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    parse_amounts(large)
    t_large = time.perf_counter() - t0
    return {"mb": size_mb, "expected": len(expected), "ours_s": ours_s, "theirs_s": theirs_s,
            "ours_recall": recall(ours), "theirs_recall": recall(theirs),
            "dense_small_mb": len(small) / 1e6, "dense_ratio": t_large / t_small}


# --------------------------------------------------------------------------- report


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines()
                   if x.startswith("MemTotal")) / 1e6
    except (OSError, StopIteration):
        mem = float("nan")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = "?"
    versions = ", ".join(f"{p} {_version(p)}" for p in PACKAGES)
    return [f"- machine: {cpu}, {os.cpu_count()} cores, {mem:.1f} GB RAM, {platform.system()} {platform.release()}",
            f"- Python {platform.python_version()}; {versions}",
            f"- commit {commit}; run {time.strftime('%Y-%m-%d %H:%M')}"]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big-mb", type=float, default=50.0, help="size of the large article (MB)")
    ap.add_argument("--sizes", default="10,100,1000", help="article counts, comma-separated")
    ap.add_argument("--quick", action="store_true",
                    help="skip timeline and comparisons at N = 10,000 and the 200-source report")
    ap.add_argument("--out", default=str(HERE / "results.md"))
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    checks: list[tuple[str, bool]] = []
    md = ["# Benchmark results", "", "Written by `make bench` (`benchmarks/run.py`); timings are one run each.", ""]
    md += machine() + [""]

    small_mb = args.big_mb / 10
    big = {}
    for mb in (small_mb, args.big_mb):
        print(f"one article of {mb:g} MB ...", flush=True)
        big[f"{mb:g} MB"] = measure(corpora.build_big_article(mb, work / f"big{mb:g}"))
    small_rows, big_rows = big[f"{small_mb:g} MB"], big[f"{args.big_mb:g} MB"]
    ratio = total(big_rows) / total(small_rows)
    checks += [(f"{args.big_mb:g} MB article: {total(big_rows):.0f} s <= {TARGETS['big_seconds']:.0f} s",
                total(big_rows) <= TARGETS["big_seconds"]),
               (f"{args.big_mb:g} MB article: peak {peak(big_rows):.0f} MB <= {TARGETS['big_mb']:.0f} MB",
                peak(big_rows) <= TARGETS["big_mb"]),
               (f"time({args.big_mb:g} MB) / time({small_mb:g} MB) = {ratio:.1f} <= {TARGETS['big_ratio']:.0f}",
                ratio <= TARGETS["big_ratio"])]
    md += [f"## One large article ({args.big_mb:g} MB and {small_mb:g} MB)", "",
           "Real articles one after another, figures changed per block, with long blank runs alone and "
           "inside lines, figure-dense sentences, pipe tables, image markup and very long lines "
           "(`benchmarks/corpora.py`). Seconds and peak resident memory (MB) per stage.", ""]
    md += stage_table(big, (f"{small_mb:g} MB", f"{args.big_mb:g} MB")) + [""]

    runs = {}
    for n in sizes:
        print(f"{n} articles ...", flush=True)
        runs[f"N={n}"] = measure(corpora.build_corpus(n, work / f"n{n}"))
    md += ["## N articles", "",
           f"Article k is real article k mod {len(corpora.real_articles())} (seeds and examples, never a "
           "corpus kept unseen); later copies "
           "have figures changed, a third of their paragraphs swapped for another story's and an edition "
           "line. Seconds and peak MB per stage; last column time(10N)/time(N) for the two largest N.", ""]
    if len(sizes) >= 2:
        a, b = f"N={sizes[-2]}", f"N={sizes[-1]}"
        md += stage_table(runs, (a, b)) + [""]
        growth = total(runs[b]) / total(runs[a])
        checks.append((f"time({b}) / time({a}) = {growth:.1f} <= {TARGETS['n_ratio']:.0f} (every stage)",
                       growth <= TARGETS["n_ratio"]))
    big_n = sizes[-1] * 10
    skip = ("timeline",) if args.quick else ()
    print(f"{big_n} articles{' without timeline and comparisons' if skip else ''} ...", flush=True)
    pair = {f"N={sizes[-1]}": runs[f"N={sizes[-1]}"], f"N={big_n}": measure(corpora.build_corpus(big_n, work / "nbig"),
                                                                             skip)}
    a, b = list(pair)
    common = measured(pair[a]) & measured(pair[b])
    growth = total(pair[b], common) / total(pair[a], common)
    md += [f"### {a} and {b}", "", ("Timeline and comparisons are not run at the larger N (`--quick`)."
                                    if skip else ""), ""]
    md += stage_table(pair, (a, b)) + [""]
    checks.append((f"time({b}) / time({a}) = {growth:.1f} <= {TARGETS['n_ratio']:.0f} "
                   f"({'stages measured at both' if skip else 'every stage'})", growth <= TARGETS["n_ratio"]))
    checks += [(f"{b}: {r['stage']} x{r['seconds'] / ra['seconds']:.1f} <= {TARGETS['n_ratio']:.0f}",
                r["seconds"] / ra["seconds"] <= TARGETS["n_ratio"])
               for ra, r in zip(pair[a], pair[b], strict=True)
               if r["seconds"] is not None and ra["seconds"] is not None and ra["seconds"] > 0.5]
    if not skip:
        checks += [(f"{b}: every stage in {total(pair[b]):.0f} s <= {TARGETS['n_big_seconds']:.0f} s",
                    total(pair[b]) <= TARGETS["n_big_seconds"]),
                   (f"{b}: peak {peak(pair[b]):.0f} MB <= {TARGETS['n_big_mb']:.0f} MB",
                    peak(pair[b]) <= TARGETS["n_big_mb"])]

    print(f"N={sizes[-1]} with jobs=2 ...", flush=True)
    two = measure(work / f"n{sizes[-1]}", (), 2)
    md += [f"### N={sizes[-1]}: one process and two worker processes (`jobs=2`)", "",
           "The per-source stages (cleaning, claims, dating, qualitative claims, language) share the sources "
           f"out over {os.cpu_count()} cores; the "
           "results are identical (tests compare them).", ""]
    md += stage_table({"jobs=1": runs[f"N={sizes[-1]}"], "jobs=2": two}, ("jobs=1", "jobs=2")) + [""]

    print("orchestration (seed report) ...", flush=True)
    more_md, more_checks = orchestration(work)
    md += more_md
    checks += more_checks
    if not args.quick:
        print("200-source report ...", flush=True)
        more_md, more_checks = report_at_scale(work)
        md += more_md
        checks += more_checks

    print("near-duplicate recall ...", flush=True)
    recall_n = 300
    every, blocked, both = near_duplicate_recall(corpora.build_corpus(recall_n, work / f"recall{recall_n}"))
    checks.append((f"near-duplicates at N={recall_n}: blocked search finds {both} of {every} all-pairs pairs "
                   f"and nothing else ({blocked})", both == every == blocked))
    md += ["## Near-duplicate paragraphs: blocked search against all pairs", "",
           f"N={recall_n} built articles, threshold 75, no cap: all pairs (rapidfuzz `process.cdist`) find "
           f"{every} pairs; the blocked search finds {blocked}, {both} of them in common.", ""]

    print("figures: parse_amounts and quantulum3 ...", flush=True)
    fig = figures_benchmark()
    speed_ours, speed_theirs = fig["mb"] / fig["ours_s"], fig["mb"] / fig["theirs_s"]
    checks += [(f"parse_amounts {speed_ours / speed_theirs:.0f}x quantulum3's throughput "
                f">= {TARGETS['quantulum_speedup']:.0f}x", speed_ours / speed_theirs >= TARGETS["quantulum_speedup"]),
               (f"parse_amounts recall {fig['ours_recall']:.3f} >= quantulum3's {fig['theirs_recall']:.3f}",
                fig["ours_recall"] >= fig["theirs_recall"]),
               (f"parse_amounts on a figure-dense text: time(10x) / time(1x) = {fig['dense_ratio']:.1f} <= 12",
                fig["dense_ratio"] <= 12)]
    md += ["## Figures: parse_amounts and quantulum3 on the same text", "",
           f"Raw text of the labelled corpora ({fig['mb']:.2f} MB); recall of the {fig['expected']} labelled "
           "figures (value and unit class: USD, EUR, GBP, percent, count) found in their source.", "",
           "| parser | MB/s | recall |", "|---|---|---|",
           f"| parse_amounts | {speed_ours:.2f} | {fig['ours_recall']:.3f} |",
           f"| quantulum3 | {speed_theirs:.3f} | {fig['theirs_recall']:.3f} |", "",
           "quantulum3 also drops qualifiers (over, nearly, up to): it has no bounds to compare.", ""]

    md += ["## Targets", ""] + [f"- {verdict(ok)}: {what}" for what, ok in checks] + [""]
    Path(args.out).write_text("\n".join(md), encoding="utf-8")
    for what, ok in checks:
        print(f"{verdict(ok):>6}  {what}")
    print(f"written: {args.out}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
