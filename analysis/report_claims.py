"""The report's claims tables: what each source states, the figures derived, and the verdicts.

``claims_tables`` writes the claims section's generated inputs (other transactions, the
figure matrix, every claim, derived valuations, disagreements, verdicts) from the artifacts
``generated_inputs`` has read; ``comparison_summary`` is the sentence the report's text uses.
"""

from __future__ import annotations

import pandas as pd

from . import findings, report_scale
from .compare import DEBT_UNSTATED
from .formatting import (
    BOUND_WORDS,
    basis_note,
    bound_word,
    count,
    excerpt,
    figure,
    listing,
    md,
    metric_label,
    shorten,
)
from .report_markdown import bullets, datatable, md_table
from .textnorm import normalize
from .transactions import MAIN_ID, UNATTRIBUTED


def _other_transactions(claims: pd.DataFrame, transactions: pd.DataFrame, label: dict[str, str],
                        many: bool = False) -> pd.DataFrame:
    """The transactions besides the main one, with the figures the sources give for each
    (``many``: the first source and each distinct figure once, so a row stays short)."""
    from .stages import deal_name

    rows = []
    for _, t in transactions[transactions["main"].astype(str) != "True"].iterrows():
        figs = claims[(claims["transaction"] == t["transaction_id"]) & (claims["source_id"] != "derived")]
        names = list(dict.fromkeys(label.get(s, s) for s in [t["first_source"], *figs["source_id"]]))
        given = [f"{figure(v, u)} ({metric_label(m).lower()})"
                 for v, u, m in zip(figs["value"], figs["unit"], figs["metric"], strict=True)]
        rows.append({
            "Transaction": f"{t['transaction_id']}: " + deal_name(
                t["acquirer"], t["target"], t["kind"], t.get("follow_on", False), t.get("ended_round", False)),
            # at scale a row names its first source and counts the rest (the CSV has them all)
            "Sources": (", ".join(names) if not many else
                        f"{len(names)}: {listing(names, 1)}" if len(names) > 1 else ", ".join(names)),
            "Figures given": ("; ".join(given) or "—") if not many else report_scale.counted(given, 5),
            "First mention": shorten(t["quote"], 90),
        })
    table = pd.DataFrame(rows, columns=["Transaction", "Sources", "Figures given", "First mention"])
    if many and len(table) > report_scale.TOP_ROWS:  # the most often told first; the rest are in the CSV
        told = [len(set(claims.loc[claims["transaction"] == t, "source_id"])) for t in
                transactions.loc[transactions["main"].astype(str) != "True", "transaction_id"]]
        keep = sorted(range(len(table)), key=lambda i: (-told[i], i))[:report_scale.TOP_ROWS]
        rest = len(table) - len(keep)
        table = table.iloc[sorted(keep)]
        table = pd.concat([table, pd.DataFrame([{"Transaction": f"… and {rest} more (transactions.csv)",
                                                  "Sources": "", "Figures given": "", "First mention": ""}])],
                          ignore_index=True)
    return table.rename(columns={"Figures given": "Figures given (times)"}) if many else table


#: Beyond this many pairs of sources, the disagreements are listed by pair of figures instead.
LONG_DISAGREEMENTS = 12
#: Up to this many sources the figure matrix has a column per source; beyond, a row per source.
MATRIX_SOURCE_COLUMNS = 8


def claims_tables(claims: pd.DataFrame, main_claims: pd.DataFrame, comparisons: pd.DataFrame,
                  transactions: pd.DataFrame, sources: pd.DataFrame, order: list[str],
                  label: dict[str, str], many: bool) -> dict[str, str]:
    """{md file name: text} of the claims section (``order``: source ids in timeline order)."""
    files: dict[str, str] = {}
    real = claims[claims["source_id"] != "derived"]
    files["transactions.md"] = md_table(_other_transactions(claims, transactions, label, many))
    main_real = main_claims[main_claims["source_id"] != "derived"]
    matrix = {}
    for metric in sorted(set(main_real["metric"])) if not many else ():  # at scale: figure clusters
        row = {}
        for sid in order:
            cl = main_real[(main_real["metric"] == metric) & (main_real["source_id"] == sid)]
            row[label[sid]] = "; ".join(
                _matrix_cell(v, u, b, d)
                for v, u, b, d in zip(cl["value"], cl["unit"], cl["bound"], _bases(cl), strict=True)) or "—"
        matrix[metric_label(metric)] = row
    table = pd.DataFrame.from_dict(matrix, orient="index")
    if len(order) > MATRIX_SOURCE_COLUMNS:
        # many sources: one row each (their names stay readable on a printed page), a column per metric
        table = table.T.reset_index().rename(columns={"index": "Source"})
    else:
        table = table.reset_index().rename(columns={"index": "Metric"})
    files["claims_matrix.md"] = md_table(table)
    ranked = real.assign(rank=[order.index(x) for x in real["source_id"]]).sort_values(
        ["rank", "start"], kind="stable")
    files["claims_table.md"] = datatable(md_table(pd.DataFrame({
        # the id and the quote's raw offsets, as claims.csv has them: a reader finds and checks it
        "Claim (offsets)": [f"{c} ({int(a)}-{int(b)})" for c, a, b in
                            zip(ranked["claim_id"], ranked["start"], ranked["end"], strict=True)],
        "Source": [label[x] for x in ranked["source_id"]],
        "Metric": [metric_label(m) + ("" if t in ("", MAIN_ID) else " (deal unclear)" if t == UNATTRIBUTED
                                      else f" ({t})")
                   for m, t in zip(ranked["metric"], ranked["transaction"], strict=True)],
        "Figure": [f"{figure(v, u)} ({', '.join(filter(None, (bound_word(b, lo, hi), basis_note(d))))})"
                   for v, u, b, lo, hi, d in
                   zip(ranked["value"], ranked["unit"], ranked["bound"], ranked["lower"],
                       ranked["upper"], _bases(ranked), strict=True)],
        "Stance": ranked["stance"], "Credited to": [a or "—" for a in ranked["attributed_to"]],
        "Mentions": ranked["mentions"],
        "Quote": [excerpt(t, normalize(str(q))) for t, q in zip(ranked["sentence"], ranked["quote"], strict=True)],
    })))
    derived = claims[claims["source_id"] == "derived"]
    files["derived.md"] = bullets([
        md(f"From {label.get(str(r['claim_id']).split('-')[1], r['claim_id'])}: {r['quote']} → "
           f"implied valuation of about {figure(r['value'], r['unit'], 1)} "
           f"({figure(r['lower'], r['unit'], 1)} to {figure(r['upper'], r['unit'], 1)} once the "
           f"rounding of both inputs is allowed for; claim {r['claim_id']})")
        for _, r in derived.iterrows()])
    rows = findings.disagreement_rows(claims, comparisons) if not many else comparisons.iloc[:0]
    if len(rows) > LONG_DISAGREEMENTS:
        # a revised price (a raised offer) sets every early source against every later one: one
        # line per pair of figures reads, where one per pair of sources filled pages
        grouped = report_scale.grouped_disagreements(rows, claims, lambda s: label.get(s, s))
        files["disagreements.md"] = report_scale.GROUPED_LEAD + bullets(grouped)
    else:
        files["disagreements.md"] = bullets(findings.disagreements(sources, claims, comparisons) if not many else [])
    derived_lines = files["derived.md"].splitlines()
    if many and len(derived_lines) > report_scale.TOP_ROWS:
        files["derived.md"] = "\n".join(derived_lines[:report_scale.TOP_ROWS]) + "\n" + bullets([md(
            f"… and {len(derived_lines) - report_scale.TOP_ROWS} more derived valuations in claims.csv")])
    verdicts = comparisons.groupby(["metric", "verdict"])["pairs"].sum().unstack(fill_value=0)
    verdicts.index = [metric_label(m) for m in verdicts.index]
    verdicts.columns = [findings.VERDICT_WORDS.get(c, c) for c in verdicts.columns]
    files["verdicts.md"] = md_table(verdicts.reset_index().rename(columns={"index": "Metric"}))
    if not int(comparisons["pairs"].sum()):  # the text says why: no "(none)" list, no empty table
        files["disagreements.md"] = files["verdicts.md"] = ""
    return files


def comparison_summary(comparisons: pd.DataFrame) -> str:
    """'Of all 14 pairs compared, none contradict and 4 are superseded; the list below shows ...',
    numbers agreeing; with no pair compared, says so (and nothing is listed below it)."""
    n = int(comparisons["pairs"].sum())  # a row may stand for many pairs (compare.PAIR_LIMIT)
    if n == 0:
        return ("No pair of figures could be compared: no two sources give a figure of the same metric and "
                "deal, so there is no disagreement to list and no pair to count.")
    unsaid = int(comparisons.loc[comparisons["verdict"] == DEBT_UNSTATED, "pairs"].sum())
    aside = (f"; {unsaid} may differ by the debt (the larger includes the target's debt, the smaller does not "
             f"say whether it does) and {'is' if unsaid == 1 else 'are'} not listed as disagreements"
             if unsaid else "")
    return _pairs_summary(comparisons, n) + aside + ("; the list below shows those between headline claims, and "
                                                     "the table after it counts every pair by metric.")


def _pairs_summary(comparisons: pd.DataFrame, n: int) -> str:
    contra = int(comparisons.loc[comparisons["verdict"] == "contradicts", "pairs"].sum())
    sup = int(comparisons.loc[comparisons["verdict"] == "superseded", "pairs"].sum())
    c_txt = "none contradict" if contra == 0 else f"{contra} {'contradicts' if contra == 1 else 'contradict'}"
    s_txt = "none is superseded" if sup == 0 else f"{sup} {'is' if sup == 1 else 'are'} superseded"
    if n == 1:
        return f"The one pair compared {'contradicts' if contra else 'does not contradict'}" + (
            " and is superseded" if sup else "")
    return f"Of all {count(n, 'pair')} compared, {c_txt} and {s_txt}"


def _bases(claims: pd.DataFrame) -> list[object]:
    """Each claim's basis (a table written before the column existed has none)."""
    return list(claims["basis"]) if "basis" in claims.columns else [""] * len(claims)


def _matrix_cell(value: float, unit: str, bound: str, basis: object) -> str:
    """"$14.9 bn (incl. debt)", "$10 bn (at least)": a figure with what qualifies it."""
    notes = [n for n in ("" if bound == "exact" else BOUND_WORDS.get(bound, bound), basis_note(basis)) if n]
    return figure(value, unit) + (f" ({', '.join(notes)})" if notes else "")
