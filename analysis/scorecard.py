"""Score the whole reading of a corpus against its hand labels, for every labelled corpus at once.

``python -m analysis evaluate --all`` (``make evaluate``) prints, per corpus: figure recall,
deal-value precision and recall for the main transaction, certainty agreement with a
confusion table, stage agreement, whether the main transaction and the settled figure are
right, and the dating scores. A corpus folder holding a file named ``UNSEEN`` is left out
unless ``--include-unseen`` is given: it is the check kept back while rules are tuned.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .evaluate import Score, _pair_claims, _score
from .paths import PROJECT_ROOT, SEEDS_DIR, example_corpora
from .transactions import same_party

STANCES = ("confirmed", "reported", "asserted", "rumoured")


@dataclass(frozen=True)
class Labelled:
    name: str
    corpus: Path
    labels: Path


def labelled_corpora(include_unseen: bool = False) -> list[Labelled]:
    """Every corpus with hand labels: the seeds, each examples/<deal>/ and the unseen-shapes fixture."""
    out = [Labelled("seeds", SEEDS_DIR, PROJECT_ROOT / "tests" / "fixtures" / "seeds")]
    for folder in example_corpora(include_unseen):
        if (folder / "expected_claims.csv").is_file() or (folder / "boilerplate_labels.csv").is_file():
            out.append(Labelled(folder.name, folder, folder))
    shapes = PROJECT_ROOT / "tests" / "fixtures" / "unseen_shapes"
    out.append(Labelled("unseen_shapes", shapes, shapes))
    return out


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def main_transaction(labels: Path) -> dict[str, str] | None:
    path = labels / "transactions.csv"
    if not path.is_file():
        return None
    rows = _read(path)
    main = rows[rows["main"].str.lower() == "yes"]
    return main.iloc[0].to_dict() if len(main) else None


@dataclass
class CorpusScores:
    name: str
    figure_recall: Score | None = None
    deal_value: Score | None = None
    certainty: float | None = None
    certainty_n: int = 0
    confusion: Counter = field(default_factory=Counter)
    stage: float | None = None
    stage_n: int = 0
    main_right: bool | None = None
    main_found: str = ""
    main_expected: str = ""
    settled_right: bool | None = None
    settled: str = ""
    settled_expected: str = ""
    notes: list[str] = field(default_factory=list)


def _is_main(row: dict, main_id: str | None) -> bool:
    tx = str(row.get("transaction", "") or "")
    return main_id is None or tx == main_id or ("transaction" not in row)


def score_corpus(item: Labelled) -> CorpusScores:
    """Run every stage on the corpus (no notebooks, no report) and compare with the labels."""
    from . import stages
    from .params import Params

    out = CorpusScores(item.name)
    claims_path = item.labels / "expected_claims.csv"
    if not claims_path.is_file():
        return out
    p = Params.from_mapping({"corpus_dir": str(item.corpus), "out_dir": str(PROJECT_ROOT / "build" / "scratch")})
    cs = stages.cleaned(p)
    claims = stages.claims(p, cs)
    expected = _read(claims_path)
    main = main_transaction(item.labels)
    main_id = main["transaction_id"] if main else None

    pairs, missing, extra = _pair_claims(claims, expected)
    # The labels hold one row per figure and source; the extractor keeps "$20 billion" and
    # "about $20 billion" apart (different bounds). A second claim of an already matched figure
    # is a restatement, not a false figure.
    matched = {(x["source_id"], round(float(x["value"]), 4), x["unit"]) for _, x in pairs}
    extra = [x for x in extra if (x["source_id"], round(float(x["value"]), 4), x["unit"]) not in matched]
    out.figure_recall = _score(len(pairs), len(extra), len(missing))

    def label_main_dv(e: dict) -> bool:
        return e["metric"] == "deal_value" and (not main_id or "transaction" not in e
                                                 or e["transaction"] == main_id)

    found_main = claims_main_ids(claims)

    def got_main_dv(x: dict) -> bool:
        return x["metric"] == "deal_value" and (found_main is None or x.get("transaction") in found_main)

    tp = sum(1 for e, x in pairs if label_main_dv(e) and got_main_dv(x))
    fp = sum(1 for e, x in pairs if got_main_dv(x) and not label_main_dv(e)) + sum(
        1 for x in extra if got_main_dv(x))
    fn = sum(1 for e, x in pairs if label_main_dv(e) and not got_main_dv(x)) + sum(
        1 for e in missing if label_main_dv(e))
    out.deal_value = _score(tp, fp, fn)
    for e, x in pairs:
        if label_main_dv(e) and not got_main_dv(x):
            out.notes.append(f"deal value missed {e['source_id']} {e['quote'][:60]!r}: got {x['metric']} "
                             f"{x.get('transaction', '')}")
        elif got_main_dv(x) and not label_main_dv(e):
            out.notes.append(f"deal value wrong {e['source_id']} {e['quote'][:60]!r}: label {e['metric']} "
                             f"{e.get('transaction', '')}")
    for x in extra:
        if got_main_dv(x):
            out.notes.append(f"deal value unlabelled {x['source_id']} {x['quote'][:60]!r}")

    stance_pairs = [(e["stance"], x["stance"]) for e, x in pairs if e["stance"] in STANCES]
    out.confusion = Counter(stance_pairs)
    out.certainty_n = len(stance_pairs)
    out.certainty = (sum(1 for a, b in stance_pairs if a == b) / len(stance_pairs)) if stance_pairs else None
    for e, x in pairs:
        if e["stance"] in STANCES and e["stance"] != x["stance"]:
            out.notes.append(f"certainty {e['source_id']} {e['quote'][:60]!r}: got {x['stance']}, "
                             f"expected {e['stance']}")

    tl = stages.build_timeline(p, cs, claims)
    truth_path = truth_file(item)
    if truth_path is not None:
        truth = _read(truth_path)
        if "stage" in truth:
            got = dict(zip(tl.table["source_id"], tl.table["stage"], strict=True))
            rows = [(r["source_id"], r["stage"]) for _, r in truth.iterrows() if r["stage"]]
            agree = [got.get(s) == st for s, st in rows]
            out.stage_n = len(rows)
            out.stage = sum(agree) / len(rows) if rows else None
            out.notes += [f"stage {s}: got {got.get(s)}, expected {st}" for s, st in rows if got.get(s) != st]

    if main:
        out.main_expected = f"{main['acquirer']} -> {main['target']} ({main['kind']})"
        found = main_found(p, cs, claims)
        if found is not None:
            out.main_found = f"{found['acquirer']} -> {found['target']} ({found['kind']})"
            out.main_right = (same_party(found["acquirer"], main["acquirer"])
                              and same_party(found["target"], main["target"])
                              and found["kind"] == main["kind"])
        settled = settled_figure(p, cs, claims, tl)
        if main.get("final_value"):
            final = float(main["final_value"])
            out.settled_expected = f"{final:,.0f}"
            if settled is None:
                out.settled, out.settled_right = "none", False
            else:
                lo, hi = float(settled["lower"]), float(settled["upper"])
                out.settled = f"{float(settled['value']):,.0f} ({settled['source_id']})"
                out.settled_right = lo <= final <= hi or math.isclose(final, float(settled["value"]),
                                                                       rel_tol=0.02)
    return out


def claims_main_ids(claims: pd.DataFrame) -> set[str] | None:
    """The transaction ids the extractor calls main (None before transactions exist)."""
    if "transaction" not in claims:
        return None
    from .transactions import MAIN_ID

    return {MAIN_ID}


def main_found(p, cs, claims) -> dict[str, str] | None:
    try:
        from . import stages

        table = stages.transactions(p, cs)
    except (ImportError, AttributeError):
        return None
    main = table[table["main"]]
    return main.iloc[0].to_dict() if len(main) else None


def settled_figure(p, cs, claims, tl) -> dict | None:
    from .claims import settled_claim

    row = settled_claim(claims, tl.table)
    return None if row is None else row.to_dict()


def format_scores(results: list[CorpusScores], verbose: bool = False) -> str:
    lines = ["corpus                figure  deal value   certainty  stage   main transaction  settled",
             "                      recall  prec  recall agreement  agree   right             right"]
    for r in results:
        if r.figure_recall is None:
            continue
        dv = r.deal_value
        lines.append(
            f"{r.name:<21} {r.figure_recall.recall:6.2f}  {dv.precision:4.2f}  {dv.recall:5.2f}  "
            f"{_fmt(r.certainty):>9}  {_fmt(r.stage):>5}   {_yn(r.main_right):<17} {_yn(r.settled_right)}")
    lines.append("")
    for r in results:
        if r.figure_recall is None:
            continue
        lines.append(f"{r.name}: main transaction found {r.main_found or '-'}; labelled {r.main_expected or '-'}; "
                     f"settled figure {r.settled or '-'} vs final {r.settled_expected or '-'}")
        labels = [s for s in STANCES if any(k[0] == s for k in r.confusion)]
        if labels:
            lines.append("  certainty confusion (rows: label, columns: extracted) "
                         + " ".join(f"{s[:9]:>9}" for s in STANCES))
            for s in labels:
                lines.append(f"  {s:>52} " + " ".join(f"{r.confusion.get((s, g), 0):>9}" for g in STANCES))
        if verbose:
            lines += [f"    {n}" for n in r.notes]
    return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _yn(x: bool | None) -> str:
    return "-" if x is None else ("yes" if x else "NO")


def truth_file(item: Labelled) -> Path | None:
    """A corpus's true dates and stages: beside its labels, else beside its texts."""
    for folder in (item.labels, item.corpus):
        if (folder / "truth.csv").is_file():
            return folder / "truth.csv"
    return None


def dating_lines(items: list[Labelled]) -> list[str]:
    from .evaluate_dates import evaluate_corpus
    from .evaluate_dates import format_scores as format_dates

    lines = ["", "dating (every labelled corpus, with published emptied and as given):"]
    for item in items:
        truth = truth_file(item)
        if truth is not None and (item.corpus / "sources.csv").is_file():
            lines += [format_dates(s) for s in evaluate_corpus(item.corpus, truth)]
    return lines


def evaluate_all(include_unseen: bool = False, verbose: bool = False) -> str:
    items = labelled_corpora(include_unseen)
    return "\n".join([format_scores([score_corpus(c) for c in items], verbose), *dating_lines(items)])
