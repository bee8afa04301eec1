"""Deterministic benchmark inputs built from the real texts (never the unseen corpus).

- :func:`build_corpus`: N articles. Article k is real article ``k mod M``; later copies
  are edited the way syndicated coverage is (figures changed, a third of the paragraphs
  swapped for another story's, an edition line), so there is repetition to find but
  no two files are the same.
- :func:`build_big_article`: one file of a given size: real articles one after another
  with figures changed per block, plus the shapes that made the pipeline quadratic
  (issue 9): long whitespace runs alone and inside lines, figure-dense sentences, pipe
  tables, image markup and the occasional very long line.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = "UNSEEN"  # a corpus folder holding this file is kept for an unseen check: never read here
# a figure: after a currency sign, or before a scale word, a percent sign or a counted noun
# (dates stay as written, so every built article still dates like its original)
_FIGURE = re.compile(
    r"(?<=[$€£])\d+(?:[.,]\d+)*"
    r"|(?<![\d.,])\d+(?:[.,]\d+)*(?=\s?(?:%|percent|billion|million|bn\b|employees|people|staff|users))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Article:
    corpus: str
    id: str
    text: str
    outlet: str
    title: str
    url: str
    published: str


def real_articles() -> list[Article]:
    """Every article of seeds/ and examples/*/ except the unseen corpus, in a fixed order."""
    dirs = [ROOT / "seeds"] + sorted(p for p in (ROOT / "examples").iterdir()
                                     if p.is_dir() and not (p / UNSEEN).exists())
    out = []
    for d in dirs:
        with (d / "sources.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (d / row["file"]).read_text(encoding="utf-8")
                out.append(Article(d.name, row["id"], text, row.get("outlet", ""), row.get("title", ""),
                                   row.get("url", ""), row.get("published", "")))
    return out


def perturb_figures(text: str, generation: int) -> str:
    """Change every figure by ``generation`` in its last digit (0: unchanged); dates stay."""
    if generation == 0:
        return text

    def bump(m: re.Match[str]) -> str:
        s = m.group(0)
        return s[:-1] + str((int(s[-1]) + generation) % 10)

    return _FIGURE.sub(bump, text)


def _paragraphs(text: str) -> list[str]:
    return text.split("\n")


def edited_copy(articles: list[Article], k: int) -> tuple[Article, str]:
    """Article ``k`` of a built corpus: a real article, or an edited copy of one."""
    m = len(articles)
    base, generation = articles[k % m], k // m
    if generation == 0:
        return base, base.text
    rng = random.Random(k)
    other = articles[(k * 7 + 3) % m]
    lines, donor = _paragraphs(base.text), _paragraphs(other.text)
    for i, line in enumerate(lines):
        if len(line) > 80 and i < len(donor) and len(donor[i]) > 80 and rng.random() < 1 / 3:
            lines[i] = donor[i]
    text = perturb_figures("\n".join(lines), generation) + f"\n\nEdition {k}, desk {k % 17}.\n"
    return base, text


def build_corpus(n: int, out: Path) -> Path:
    """Write ``n`` articles and their sources.csv into ``out``; return ``out``."""
    articles = real_articles()
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for k in range(n):
        base, text = edited_copy(articles, k)
        name = f"n{k:05d}.txt"
        (out / name).write_text(text, encoding="utf-8")
        rows.append({"id": f"n{k:05d}", "file": name, "outlet": base.outlet, "title": base.title,
                     "url": base.url, "published": base.published, "notes": f"built from {base.corpus}/{base.id}"})
    with (out / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def _hostile_lines(block: int) -> list[str]:
    """The shapes that once made a stage quadratic, varied per block."""
    rng = random.Random(block)
    figures = ", ".join(
        rng.choice([f"${rng.randint(1, 99)}.{rng.randint(0, 9)} billion", f"{rng.randint(1, 99)}%",
                    f"over {rng.randint(10, 9000)} employees", f"€{rng.randint(1, 900)} million"])
        for _ in range(40))
    lines = [
        " " * 5000,
        "\t\t" + "\n" * 200,
        f"March {block % 28 + 1}, 2024" + " " * 3000 + "· Markets wrap",
        "Home | News | Deals" + " " * 2000 + "Search",
        f"Revenue || {block} || 2024 || 2025 ||",
        f"![chart {block}]( )",
    ]
    if block % 10 == 0:  # a figure-dense sentence: forty figures and no full stop
        lines.append(f"The filings list {figures} and nothing else")
    if block % 50 == 0:  # a scraped page flattened to one line
        lines.append(" ".join(f"Sentence {i} of a very long line says the deal is worth ${i % 90 + 1} billion."
                              for i in range(400)))
    return lines


def build_big_article(megabytes: float, out: Path) -> Path:
    """Write one article of about ``megabytes`` MB into ``out`` (with its sources.csv); return ``out``."""
    articles = real_articles()
    out.mkdir(parents=True, exist_ok=True)
    parts, size, block = [], 0, 0
    while size < megabytes * 1e6:
        art = articles[block % len(articles)]
        chunk = perturb_figures(art.text, block // len(articles) % 9) + "\n" + "\n".join(_hostile_lines(block))
        chunk += f"\nBlock {block} ends here.\n\n"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        block += 1
    (out / "big.txt").write_text("".join(parts), encoding="utf-8")
    (out / "sources.csv").write_text("id,file,outlet,title,url,published,notes\n"
                                     "big,big.txt,,One very large page,,,built by benchmarks/corpora.py\n",
                                     encoding="utf-8")
    return out
