"""Assemble the report's generated inputs from the artifacts, render, and publish atomically.

The report source (``report/``) holds only prose and layout; every number, table and
figure comes from here: ``_variables.yml`` for ``{{< var >}}``, ``_generated/*.md`` for
``{{< include >}}``, and ``_generated/figures/*.svg``.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
from collections import Counter
from importlib import metadata
from pathlib import Path

import pandas as pd
import yaml

from . import findings, html_tables, paths, render, report_scale
from .artifacts import read_table
from .claims import reported_claims
from .compare import with_pairs
from .errors import InputError
from .formatting import (
    BOUND_WORDS,
    VERDICT_LABELS,
    bound_word,
    count,
    excerpt,
    figure,
    listing,
    many_sources,
    md,
    metric_label,
    shorten,
)
from .params import Params
from .textnorm import normalize
from .timeline import matched_event_count
from .transactions import MAIN_ID, UNATTRIBUTED

PACKAGES = ["pandas", "matplotlib", "papermill", "nbval", "textstat", "dateparser", "ftfy",
            "rapidfuzz", "pypandoc-binary", "typst", "pyyaml", "ipykernel", "itables", "htmldate"]


def _md_table(df: pd.DataFrame) -> str:
    """A pipe table, every cell escaped; dash counts set the relative column widths.

    pandoc (and Quarto) size columns by the dashes under the header when a table is wider
    than the page, so each column gets at least its header's length and at most 60.
    """
    if df.empty:
        return "_(none)_\n"
    raw = df.astype(str)
    cells = raw.apply(lambda col: col.map(md))
    header = [md(c) for c in df.columns]
    widths, aligns = [], []
    for i, h in enumerate(header):
        col = list(cells.iloc[:, i])
        longest = max([len(h), *(len(v) for v in col)])
        widths.append(min(max(len(h) + 4, min(longest, 50), 6), 50))
        plain = list(raw.iloc[:, i])
        numeric = all(re.fullmatch(r"[-+]?[\d,.]+%?|—", v) for v in plain) and any(
            re.search(r"\d", v) for v in plain)
        aligns.append("-:" if numeric else ":-")
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(a[0] + "-" * w + a[1] for a, w in zip(aligns, widths, strict=True))
             + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def _project_relative(value: object) -> str:
    """Paths inside the project shown relative to it, so the report does not depend on the clone."""
    text = str(value)
    root = str(paths.PROJECT_ROOT)
    return text[len(root) + 1 :] if text.startswith(root + "/") else text


def _datatable(table_md: str) -> str:
    """A table the HTML report makes sortable and filterable (static in the PDF)."""
    return table_md if table_md.startswith("_(none)_") else f"::: {{.datatable}}\n{table_md}:::\n"


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines) + "\n" if lines else "_(none)_\n"


def recorded_params(out_dir: Path) -> Params:
    """The parameters the run recorded in its artifacts (``params.json``), not the command line's."""
    path = paths.artifacts_dir(out_dir) / "params.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: artifact missing; run `python -m analysis run` first")
    values = json.loads(path.read_text(encoding="utf-8"))
    return Params(**{**values, "out_dir": str(out_dir)})


def _other_transactions(claims: pd.DataFrame, transactions: pd.DataFrame, label: dict[str, str],
                        many: bool = False) -> pd.DataFrame:
    """The transactions besides the main one, with the figures the sources give for each
    (``many``: the first few sources and each distinct figure once, so a row stays short)."""
    from .stages import deal_name

    rows = []
    for _, t in transactions[transactions["main"].astype(str) != "True"].iterrows():
        figs = claims[(claims["transaction"] == t["transaction_id"]) & (claims["source_id"] != "derived")]
        names = list(dict.fromkeys(label.get(s, s) for s in [t["first_source"], *figs["source_id"]]))
        given = [f"{figure(v, u)} ({metric_label(m).lower()})"
                 for v, u, m in zip(figs["value"], figs["unit"], figs["metric"], strict=True)]
        rows.append({
            "Transaction": f"{t['transaction_id']}: "
                           f"{deal_name(t['acquirer'], t['target'], t['kind'], t.get('follow_on', False))}",
            "Sources": (", ".join(names) if not many else
                        f"{len(names)}: {listing(names, 3)}" if len(names) > 3 else ", ".join(names)),
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


def generated_inputs(out_dir: Path) -> tuple[dict, dict[str, str]]:
    """(variables, {relative md path: text}) for the report, from the artifacts only."""
    p = recorded_params(out_dir)
    sources = read_table(out_dir, "sources")
    claims = read_table(out_dir, "claims")
    comparisons = with_pairs(read_table(out_dir, "comparisons"))
    timeline = read_table(out_dir, "timeline")
    qual = read_table(out_dir, "qualitative")
    lang = read_table(out_dir, "language")
    audit = read_table(out_dir, "cleaning_audit")
    events_used = read_table(out_dir, "events_used")
    event = json.loads((paths.artifacts_dir(out_dir) / "event.json").read_text(encoding="utf-8"))
    # figures of the main transaction and figures about no transaction (revenue, share moves)
    main_claims = reported_claims(claims)
    label = dict(zip(sources["source_id"], sources["label"], strict=True))
    order = list(timeline.sort_values("order")["source_id"])
    many = many_sources(len(sources))
    files: dict[str, str] = {}

    files["findings.md"] = _bullets([md(x) for x in findings.key_findings(
        sources, claims, comparisons, timeline, event["name"], event.get("others", ()))])
    files["caveats.md"] = _bullets([md(x) for x in findings.caveats(sources, timeline, claims)])

    s = sources.set_index("source_id").loc[order].reset_index()
    tl = timeline.set_index("source_id")
    # per source, in one pass (a filter per source is quadratic at hundreds of sources)
    deal_texts: dict[str, list[str]] = {}
    dv = main_claims[main_claims["metric"] == "deal_value"]
    for x, v, u, b in zip(dv["source_id"], dv["value"], dv["unit"], dv["bound"], strict=True):
        deal_texts.setdefault(x, []).append(report_scale.stated(v, u, b))
    stances: dict[str, Counter] = {}
    for x, st in zip(claims["source_id"], claims["stance"], strict=True):
        stances.setdefault(x, Counter())[st] += 1
    files["sources_overview.md"] = _datatable(_md_table(pd.DataFrame({
        "Source": s["label"],
        "Title (as given in the text)": [shorten(t, 70) or "—" for t in s["title"]],
        "When": [findings.when(tl.loc[x]) for x in s["source_id"]],
        "Stage described": [findings.STAGE_WORD.get(tl.loc[x, "stage"], tl.loc[x, "stage"])
                            for x in s["source_id"]],
        "Deal value(s) stated": ["; ".join(deal_texts.get(x, [])) or "—" for x in s["source_id"]],
        "How its figures are stated": [
            ", ".join(f"{n} {st}" for st, n in sorted(stances.get(x, Counter()).items())) or "—"
            for x in s["source_id"]],
    })))
    files["sources_table.md"] = _md_table(pd.DataFrame({
        "Source": s["label"], "Title": [shorten(t, 60) or "—" for t in s["title"]],
        "Raw chars": s["raw_chars"], "Clean chars": s["clean_chars"],
        "Share removed": [f"{x:.0%}" for x in s["removed_share"].astype(float)],
        "Paras": s["paragraphs"], "Sents": s["sentences"],
    }))
    by_rule = audit.assign(chars=audit["end"] - audit["start"]).pivot_table(
        index="rule", columns="source_id", values="chars", aggfunc="sum", fill_value=0)
    by_rule = by_rule.reindex(columns=order, fill_value=0)
    by_rule.columns = [label[c] for c in by_rule.columns]
    files["removed_by_rule.md"] = _md_table(by_rule.reset_index().rename(columns={"rule": "Rule"}))
    examples = audit.groupby("rule", sort=True).head(1 if many else 2)
    files["removed_examples.md"] = _md_table(pd.DataFrame({
        "Rule": examples["rule"], "Source": [label[x] for x in examples["source_id"]],
        "Action": examples["action"], "Removed text": [shorten(t, 90) for t in examples["text"]],
    }))

    real = claims[claims["source_id"] != "derived"]
    files["transactions.md"] = _md_table(_other_transactions(claims, read_table(out_dir, "transactions"), label, many))
    main_real = main_claims[main_claims["source_id"] != "derived"]
    matrix = {}
    for metric in sorted(set(main_real["metric"])) if not many else ():  # at scale: figure clusters
        row = {}
        for sid in order:
            cl = main_real[(main_real["metric"] == metric) & (main_real["source_id"] == sid)]
            row[label[sid]] = "; ".join(
                f"{figure(v, u)}{'' if b == 'exact' else ' (' + BOUND_WORDS.get(b, b) + ')'}"
                for v, u, b in zip(cl["value"], cl["unit"], cl["bound"], strict=True)) or "—"
        matrix[metric_label(metric)] = row
    files["claims_matrix.md"] = _md_table(
        pd.DataFrame.from_dict(matrix, orient="index").reset_index().rename(
            columns={"index": "Metric"}))
    ranked = real.assign(rank=[order.index(x) for x in real["source_id"]]).sort_values(
        ["rank", "start"], kind="stable")
    files["claims_table.md"] = _datatable(_md_table(pd.DataFrame({
        "Source": [label[x] for x in ranked["source_id"]],
        "Metric": [metric_label(m) + ("" if t in ("", MAIN_ID) else " (deal unclear)" if t == UNATTRIBUTED
                                      else f" ({t})")
                   for m, t in zip(ranked["metric"], ranked["transaction"], strict=True)],
        "Figure": [f"{figure(v, u)} ({bound_word(b, lo, hi)})" for v, u, b, lo, hi in
                   zip(ranked["value"], ranked["unit"], ranked["bound"], ranked["lower"],
                       ranked["upper"], strict=True)],
        "Stance": ranked["stance"], "Credited to": [a or "—" for a in ranked["attributed_to"]],
        "Mentions": ranked["mentions"],
        "Quote": [excerpt(t, normalize(str(q))) for t, q in zip(ranked["sentence"], ranked["quote"], strict=True)],
    })))
    derived = claims[claims["source_id"] == "derived"]
    files["derived.md"] = _bullets([
        md(f"From {label.get(str(r['claim_id']).split('-')[1], r['claim_id'])}: {r['quote']} → "
           f"implied valuation of about {figure(r['value'], r['unit'], 1)} "
           f"({figure(r['lower'], r['unit'], 1)} to {figure(r['upper'], r['unit'], 1)} once the "
           "rounding of both inputs is allowed for)")
        for _, r in derived.iterrows()])
    files["disagreements.md"] = _bullets(findings.disagreements(sources, claims, comparisons) if not many else [])
    derived_lines = files["derived.md"].splitlines()
    if many and len(derived_lines) > report_scale.TOP_ROWS:
        files["derived.md"] = "\n".join(derived_lines[:report_scale.TOP_ROWS]) + "\n" + _bullets([md(
            f"… and {len(derived_lines) - report_scale.TOP_ROWS} more derived valuations in claims.csv")])
    verdicts = comparisons.groupby(["metric", "verdict"])["pairs"].sum().unstack(fill_value=0)
    verdicts.index = [metric_label(m) for m in verdicts.index]
    verdicts.columns = [VERDICT_LABELS.get(c, c) for c in verdicts.columns]
    files["verdicts.md"] = _md_table(verdicts.reset_index().rename(columns={"index": "Metric"}))

    t = timeline.sort_values("order")
    files["timeline_table.md"] = _md_table(pd.DataFrame({
        "#": t["order"], "Source": [label[x] for x in t["source_id"]],
        "Stated date": [x or "—" for x in t["published"]],
        "Earliest": [x or ("no date evidence" if not y else "open")
                     for x, y in zip(t["earliest"], t["latest"], strict=True)],
        "Latest": [y or ("—" if not x else "open")
                   for x, y in zip(t["earliest"], t["latest"], strict=True)],
        "Stage": [findings.STAGE_WORD.get(x, x) for x in t["stage"]],
        "Headline figure": [x or "—" for x in t["headline_figure"]],
    }))
    files["timeline_evidence.md"] = _timeline_evidence(out_dir, t, label)
    events_shown, events_left = _events_shown(events_used, many)
    files["events_used.md"] = _md_table(pd.DataFrame({
        "Event": events_shown["event"],
        "When": [d if not last or last == d else f"{d} to {last}"
                 for d, last in zip(events_shown["date"], events_shown.get("latest", events_shown["date"]),
                                    strict=True)],
        "Dated by": events_shown["citation"],
        "Sources it bounds": [_bounded(x, label, many) for x in events_shown["matched_sources"]],
    })) + ("\n" + _bullets([md(f"… and {events_left} more reference events, each bounding fewer sources, "
                        "in events_used.csv")]) if events_left else "")

    q = qual.assign(rank=[order.index(x) for x in qual["source_id"]]).sort_values(
        ["kind", "value", "rank"], kind="stable")
    files["qualitative_table.md"] = _datatable(_md_table(pd.DataFrame({
        "Kind": q["kind"].str.replace("_", " "), "Claim": q["value"],
        "Source": [label[x] for x in q["source_id"]], "Quote": [shorten(x, 130) for x in q["quote"]],
    })))

    l_ = lang.set_index("source_id").loc[order].reset_index()
    files["language_table.md"] = _md_table(pd.DataFrame({
        "Source": [label[x] for x in l_["source_id"]],
        "Words": l_["clean_words"],
        "Reading ease (raw → clean)": [
            f"{a:.1f} → {b:.1f}" for a, b in zip(l_["raw_flesch_reading_ease"],
                                                  l_["clean_flesch_reading_ease"], strict=True)],
        "Grade level": l_["clean_flesch_kincaid_grade"], "Fog index": l_["clean_gunning_fog"],
        "Hedges per 1,000 words": l_["hedges_per_1000_words"],
        "Repeats": [f"{x:.0%}" for x in l_["repetition_share"].astype(float)],
        "Most frequent hedges": l_["top_hedges"],
    }))
    from .language import reading

    files["language_reading.md"] = _bullets([md(x) for x in reading(lang)])

    files["repro_params.md"] = _md_table(pd.DataFrame(
        [(k, _project_relative(v) if v != "" else "(default)")
         for k, v in sorted(json.loads(p.to_json()).items()) if k != "out_dir"],
        columns=["Parameter", "Value"]))
    inputs = [(r["file"], r["sha256"]) for _, r in sources.iterrows()]
    recorded = json.loads((paths.artifacts_dir(out_dir) / "inputs.json").read_text(encoding="utf-8"))
    inputs += [(f"{x['file']} ({x['role'].replace('_', ' ')})", x["sha256"]) for x in recorded]
    files["repro_inputs.md"] = _md_table(pd.DataFrame(inputs, columns=["Input file", "SHA-256"]))
    files["full_tables.md"] = ""
    if many:
        every_input = files["repro_inputs.md"]
        files["repro_inputs.md"] = (_md_table(pd.DataFrame(inputs[len(sources):], columns=["Input file", "SHA-256"]))
                                    + "\n" + report_scale.full_table_note(
                                        f"the SHA-256 of each of the {len(sources)} articles", "sources.csv"))
        try:
            evidence = read_table(out_dir, "timeline_evidence")
        except FileNotFoundError:
            evidence = None
        files.update(report_scale.aggregated(
            files, _md_table, sources=sources, timeline=timeline, main_claims=main_claims,
            disagreement_rows=findings.disagreement_rows(claims, comparisons), claims=claims, qual=qual,
            lang=lang, audit=audit, evidence=evidence, label=label, when=findings.when,
            stage_word=findings.STAGE_WORD, inputs_table=every_input))
    versions = [("python", platform.python_version())]
    for name in PACKAGES:
        try:
            versions.append((f"{name} (Python wheel)" if name in ("typst", "pypandoc-binary") else name,
                             metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "not installed"))
    files["repro_packages.md"] = _md_table(pd.DataFrame(versions, columns=["Package", "Version"]))

    heads = findings.headline_claims(claims)
    engine = render.engine_info()
    removed_nonspace = (sources["removed_share"].astype(float) * sources["nonspace_chars"]).sum()
    variables = {
        "event": {"name": event["name"], "description": event["description"],
                  "target": event["target"] or "the target", "acquirer": event["acquirer"] or "the buyer"},
        "corpus": {
            "n_sources": len(sources), "n_claims": len(real), "n_derived": len(derived),
            "n_removed_spans": len(audit),
            "removed_share": f"{removed_nonspace / max(sources['nonspace_chars'].sum(), 1):.0%}",
            "n_rules": int(audit["rule"].nunique()),
            "n_comparisons": int(comparisons["pairs"].sum()),
            "n_contradictions": int(comparisons.loc[comparisons["verdict"] == "contradicts", "pairs"].sum()),
            "n_superseded": int(comparisons.loc[comparisons["verdict"] == "superseded", "pairs"].sum()),
            "n_events": matched_event_count(events_used),
            "sources": count(len(sources), "source"),
            "rules": count(int(audit["rule"].nunique()), "general rule"),
            "removed_spans": count(len(audit), "span"),
            "comparison_summary": _comparison_summary(comparisons),
        },
        "headline": {
            "metric": metric_label("deal_value").lower(),
            "min": figure(heads["value"].min(), heads["unit"].iloc[0]) if len(heads) else "n/a",
            "max": figure(heads["value"].max(), heads["unit"].iloc[0]) if len(heads) else "n/a",
        },
        "bounds": dict(BOUND_WORDS),
        "params": {"approx_tolerance": f"{p.approx_tolerance:.0%}",
                   "near_duplicate_threshold": f"{p.near_duplicate_threshold:g}",
                   "repeat_threshold": f"{p.repeat_threshold:g}"},
        "engine": engine,
    }
    return {**_escaped(variables), **report_scale.report_text(many)}, files


#: Above ``MANY_SOURCES`` the report lists at most this many reference events (those bounding
#: the most sources); a built month of coverage teaches dozens, each naming its sources.
EVENTS_AT_SCALE = 12


def _events_shown(events: pd.DataFrame, many: bool) -> tuple[pd.DataFrame, int]:
    """The events the report lists (in date order) and how many it leaves to the artifact."""
    if not many or len(events) <= EVENTS_AT_SCALE:
        return events, 0
    bound = events["matched_sources"].map(lambda x: len(_matched_ids(x)))
    keep = bound.sort_values(ascending=False, kind="stable").index[:EVENTS_AT_SCALE]
    return events.loc[sorted(keep)], len(events) - len(keep)


def _matched_ids(matched: object) -> list[str]:
    """The source ids of an events table's ``matched_sources`` cell."""
    if matched is None or (isinstance(matched, float) and pd.isna(matched)):
        return []
    return [x.strip() for x in str(matched).split(",") if x.strip()]


def _bounded(matched: str, label: dict[str, str], many: bool) -> str:
    """The sources an event bounds: every id, or at scale the count and the first few."""
    ids = _matched_ids(matched)
    if not ids:
        return "—"
    return f"{len(ids)}: {listing(ids, 4)}" if many and len(ids) > 4 else matched


#: The dating appendix lists at most this many evidence sentences per source.
EVIDENCE_PER_SOURCE = 12


def _timeline_evidence(out_dir: Path, t: pd.DataFrame, label: dict[str, str]) -> str:
    """Per source, its window and the evidence behind it as plain sentences (one bullet each)."""
    try:
        items = read_table(out_dir, "timeline_evidence")
    except FileNotFoundError:
        items = None
    lines = []
    for _, r in t.iterrows():
        sid = r["source_id"]
        lines.append(f"- **{md(label[sid])}**: {md(findings.when(r))}.")
        sentences = ([str(x) for x in items.loc[items["source_id"] == sid, "sentence"]]
                     if items is not None else [r["evidence"]])
        for sentence in sentences[:EVIDENCE_PER_SOURCE]:
            lines.append(f"    - {md(shorten(sentence, 400))}")
        if len(sentences) > EVIDENCE_PER_SOURCE:
            lines.append(f"    - {md(f'… and {len(sentences) - EVIDENCE_PER_SOURCE} more in timeline_evidence.csv')}")
    return "\n".join(lines) + "\n"


def _comparison_summary(comparisons: pd.DataFrame) -> str:
    """'Of all 14 pairs compared, none contradict and 4 are superseded', numbers agreeing."""
    n = int(comparisons["pairs"].sum())  # a row may stand for many pairs (compare.PAIR_LIMIT)
    contra = int(comparisons.loc[comparisons["verdict"] == "contradicts", "pairs"].sum())
    sup = int(comparisons.loc[comparisons["verdict"] == "superseded", "pairs"].sum())
    c_txt = "none contradict" if contra == 0 else f"{contra} {'contradicts' if contra == 1 else 'contradict'}"
    s_txt = "none is superseded" if sup == 0 else f"{sup} {'is' if sup == 1 else 'are'} superseded"
    if n == 1:
        return f"The one pair compared {'contradicts' if contra else 'does not contradict'}" + (
            " and is superseded" if sup else "")
    return f"Of all {count(n, 'pair')} compared, {c_txt} and {s_txt}"


def _escaped(node):
    """Every string leaf of the report variables as literal markdown text (see ``md``)."""
    if isinstance(node, dict):
        return {k: _escaped(v) for k, v in node.items()}
    return md(node) if isinstance(node, str) else node


def stage_project(out_dir: Path, project: Path) -> None:
    """Copy report/ and write the generated inputs and figures next to index.qmd."""
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(paths.REPORT_SRC_DIR, project,
                    ignore=shutil.ignore_patterns("_output", ".quarto", "_generated",
                                                  "_variables.yml"))
    variables, files = generated_inputs(out_dir)
    gen = project / "_generated"
    (gen / "figures").mkdir(parents=True)
    for name, text in files.items():
        (gen / name).write_text(text, encoding="utf-8", newline="\n")
    (gen / html_tables.INCLUDE_NAME).write_text(html_tables.include_html(), encoding="utf-8", newline="\n")
    for svg in sorted(paths.figures_dir(out_dir).glob("*.svg")):
        shutil.copy2(svg, gen / "figures" / svg.name)
    (project / "_variables.yml").write_text(
        yaml.safe_dump(variables, sort_keys=True, allow_unicode=True), encoding="utf-8")


def build_report(out_dir: Path, cache_dir: Path | None = None) -> str:
    """Render the report for the artifacts in ``out_dir`` into ``out_dir/report``.

    With a ``cache_dir`` (the run's stage cache) the rendered files are kept under a key of the
    staged project (every source, generated table, figure and variable), the engine and its
    versions and the code: the same project is rendered once, and a rerun copies its files.
    """
    project = out_dir / "_render"
    stage_project(out_dir, project)
    target = out_dir / "report"
    if target.exists():
        shutil.rmtree(target)

    def rendered() -> dict:
        result = render.render(project)
        files = {str(f.relative_to(project / "_output")): f.read_bytes()
                 for f in sorted((project / "_output").rglob("*")) if f.is_file()}
        return {"engine": str(result.get("engine", "fallback")), "files": files}

    if cache_dir is None:
        output = rendered()
    else:
        from .cache import StageCache, key

        digest = hashlib.sha256()
        for f in sorted(project.rglob("*")):
            if f.is_file():
                digest.update(str(f.relative_to(project)).encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
        k = key("report", digest.hexdigest(), render.engine_info(),
                os.environ.get("SOURCE_DATE_EPOCH", ""), os.environ.get(render.ENGINE_ENV, ""))
        output = StageCache(cache_dir).get("report", k, rendered)
    for name, data in output["files"].items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    shutil.rmtree(project)
    return output["engine"]


def publish_report(out: Path, overrides: dict[str, object]) -> Path:
    """Re-render from the published artifacts with the parameters their run recorded.

    A flag that disagrees with the recorded run is refused: the report would otherwise
    describe numbers computed with other settings. Artifacts, notebooks and the new report
    are published together, so the report always matches the artifacts beside it.
    """
    from . import publish

    with publish.locked(out):
        tree = publish.current_tree(out)
        if tree is None or not (tree / "artifacts").is_dir():
            raise FileNotFoundError(f"no published run in {out}; run `python -m analysis run` first")
        _check_overrides(recorded_params(tree), overrides)
        stage = publish.new_staging(out)
        try:
            for part in ("artifacts", "notebooks"):
                if (tree / part).is_dir():
                    shutil.copytree(tree / part, stage / part, copy_function=os.link)
                else:
                    (stage / part).mkdir()
            build_report(stage)
            publish.publish(stage, out)
        except BaseException:
            publish.discard(stage)
            raise
    return out / "report" / "index.html"


def _check_overrides(recorded: Params, overrides: dict[str, object]) -> None:
    """Refuse ``render`` flags that differ from the run's own parameters, naming each."""
    from dataclasses import fields

    types = {f.name: f.type for f in fields(Params)}
    for name, value in sorted(overrides.items()):
        if name in Params.RUNTIME:  # where and how a run computes: nothing the report shows
            continue
        if name not in types:
            raise InputError(f"unknown parameter(s): {name}")
        was = getattr(recorded, name)
        if types[name] in ("float", float):
            try:
                same = float(value) == was
            except (TypeError, ValueError):
                same = False
        elif name in ("corpus_dir", "manifest", "events", "extra_rules", "metric_lexicon", "stance_cues",
                      "hedge_cues") and value not in ("", "none"):
            same = str(paths.absolute(str(value))) == was
        else:
            same = str(value) == was
        if not same:
            raise InputError(f"render: parameter {name}={value!r} differs from the run's {name}={was!r}; "
                             "rerun with `python -m analysis run` to change it")
