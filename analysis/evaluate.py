"""Score the cleaner and the claim extractor against hand-labelled fixtures.

``python -m analysis evaluate --corpus DIR --labels DIR`` prints the scores; the
tests hold them to the thresholds the issues set.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .cleaning import CleanSource
from .corpus import Corpus
from .errors import InputError


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    tp: int
    fp: int
    fn: int


def _score(tp: int, fp: int, fn: int) -> Score:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return Score(p, r, tp, fp, fn)


def label_mask(raw: str, rows: list[dict[str, str]]) -> list[bool]:
    """Characters of ``raw`` that the labels mark as not-story (boilerplate or metadata)."""
    mask = [False] * len(raw)
    for row in rows:
        text, occ = row["text"], row.get("occurrence", "all").strip() or "all"
        starts, pos = [], 0
        while (i := raw.find(text, pos)) >= 0:
            starts.append(i)
            pos = i + max(1, len(text))
        if not starts:
            raise InputError(f"label text not found in source {row['source_id']}: {text[:60]!r}")
        chosen = starts if occ == "all" else [starts[int(occ) - 1]]
        for s in chosen:
            for k in range(s, s + len(text)):
                mask[k] = True
    return mask


def read_labels(path: Path) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["source_id"], []).append(row)
    return out


def cleaning_scores(
    corpus: Corpus, cleaned: list[CleanSource], labels: dict[str, list[dict[str, str]]]
) -> dict[str, Score]:
    """Character-level precision/recall of removal per source and overall ("*").

    Whitespace is not scored. Also reports, per source, labelled-story sentences lost.
    """
    totals = [0, 0, 0]
    out: dict[str, Score] = {}
    for cs in cleaned:
        raw = cs.source.raw
        truth = label_mask(raw, labels.get(cs.source.id, []))
        pred = [False] * len(raw)
        for r in cs.removals:
            for k in range(r.start, r.end):
                pred[k] = True
        tp = fp = fn = 0
        for ch, t, p in zip(raw, truth, pred, strict=True):
            if ch.isspace():
                continue
            tp += t and p
            fp += p and not t
            fn += t and not p
        out[cs.source.id] = _score(tp, fp, fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    out["*"] = _score(*totals)
    return out


def lost_story(cleaned: list[CleanSource], labels: dict[str, list[dict[str, str]]]) -> list[str]:
    """Removed spans that contain labelled story text (not whitespace): should be none."""
    lost = []
    for cs in cleaned:
        truth = label_mask(cs.source.raw, labels.get(cs.source.id, []))
        for r in cs.removals:
            story = [c for k, c in enumerate(cs.source.raw[r.start : r.end], r.start)
                     if not truth[k] and not c.isspace()]
            if len(story) > 0:
                lost.append(f"{cs.source.id} [{r.rule}] {''.join(story)[:80]!r}")
    return lost


def _same_subject(a: str, b: str) -> bool:
    a, b = a.casefold().strip(), b.casefold().strip()
    if not a or not b:
        return a == b
    return a in b or b in a or a.split()[0] == b.split()[0]


def _same_place(expected: dict, extracted: dict) -> bool:
    """The labelled quote and the extracted claim's sentence overlap (same mention of a figure)."""
    q = " ".join(str(expected.get("quote", "")).split())
    sent = " ".join(str(extracted.get("sentence", "")).split())
    return bool(q and sent) and (q in sent or sent in q)


def _pair_claims(extracted, expected) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(matched pairs, unmatched expected, unmatched extracted), derived rows left out.

    An extracted claim matches an expected one in the same source with the same unit and
    value (0.01% tolerance); among candidates the one agreeing on metric and bound is preferred.
    """
    ext = extracted[extracted["source_id"] != "derived"].to_dict("records")
    used: set[int] = set()
    pairs, missing = [], []
    for e in expected.to_dict("records"):
        cands = [
            (i, x) for i, x in enumerate(ext)
            if i not in used and x["source_id"] == e["source_id"] and str(x["unit"]) == str(e["unit"])
            and abs(float(x["value"]) - float(e["value"])) <= 1e-4 * max(1.0, abs(float(e["value"])))
        ]
        if not cands:
            missing.append(e)
            continue
        cands.sort(key=lambda c: (not _same_place(e, c[1]), c[1]["metric"] != e["metric"],
                                  c[1]["bound"] != e["bound"]))
        used.add(cands[0][0])
        pairs.append((e, cands[0][1]))
    return pairs, missing, [x for i, x in enumerate(ext) if i not in used]


_CHECKS = {
    "value_unit": lambda e, x: True,
    "bound": lambda e, x: e["bound"] == x["bound"],
    "metric": lambda e, x: e["metric"] == x["metric"],
    "subject": lambda e, x: _same_subject(str(e["subject"]), str(x["subject"])),
    "stance": lambda e, x: e["stance"] == x["stance"],
}


def claim_scores(extracted, expected) -> dict[str, Score]:
    """Precision/recall per field: a field scores when the pair matches and the field agrees."""
    pairs, missing, extra = _pair_claims(extracted, expected)
    n_ext, n_exp = len(pairs) + len(extra), len(pairs) + len(missing)
    out = {}
    for name, ok in _CHECKS.items():
        tp = sum(1 for e, x in pairs if ok(e, x))
        out[name] = _score(tp, n_ext - tp, n_exp - tp)
    return out


def claim_mismatches(extracted, expected) -> list[str]:
    """Human-readable differences behind the scores, for tuning the lexicons."""
    pairs, missing, extra = _pair_claims(extracted, expected)
    lines = [f"missing {e['source_id']} {e['metric']} {e['value']} {e['unit']}: {e['quote']}"
             for e in missing]
    for e, x in pairs:
        for name in ("bound", "metric", "subject", "stance"):
            if not _CHECKS[name](e, x):
                lines.append(f"{name} {e['source_id']} {e['quote'][:50]!r}: got {x[name]!r}, "
                             f"expected {e[name]!r}")
    lines += [f"extra {x['source_id']} {x['metric']} {x['value']} {x['unit']}: {x['quote']}"
              for x in extra]
    return lines


def evaluate_command(corpus_dir: Path, labels_dir: Path) -> str:
    """The text ``python -m analysis evaluate`` prints."""
    import pandas as pd

    from .claims import extract_claims
    from .cleaning import clean_corpus, load_rules
    from .corpus import load_corpus

    corpus = load_corpus(corpus_dir)
    cleaned = clean_corpus(corpus, load_rules())
    out = [f"corpus {corpus_dir}"]
    bl = labels_dir / "boilerplate_labels.csv"
    if bl.is_file():
        out.append("cleaning (character-level, whitespace ignored): precision recall")
        labels = read_labels(bl)
        for sid, s in cleaning_scores(corpus, cleaned, labels).items():
            out.append(f"  {sid:>6}  {s.precision:.3f}  {s.recall:.3f}")
        lost = lost_story(cleaned, labels)
        out.append(f"  story spans removed: {len(lost)}")
        out += [f"    {x}" for x in lost]
    ec = labels_dir / "expected_claims.csv"
    if ec.is_file():
        exp = pd.read_csv(ec, dtype={"unit": str, "source_id": str}, keep_default_na=False)
        claims = extract_claims(cleaned)
        out.append("claims: precision recall per field")
        for name, s in claim_scores(claims, exp).items():
            out.append(f"  {name:>10}  {s.precision:.3f}  {s.recall:.3f}")
        mismatches = claim_mismatches(claims, exp)
        out.append(f"  differences from the labels: {len(mismatches)}")
        out += [f"    {x}" for x in mismatches]
    if len(out) == 1:
        raise InputError(f"--labels {labels_dir}: no boilerplate_labels.csv or expected_claims.csv")
    return "\n".join(out)
