"""Assemble the report's generated inputs from the artifacts, render, and publish atomically.

The report source (``report/``) holds only prose and layout; every number, table and
figure comes from here: ``_variables.yml`` for ``{{< var >}}``, ``_generated/*.md`` for
``{{< include >}}``, and ``_generated/figures/*.svg``. The sections' tables come from
``report_claims`` (claims, derived figures, verdicts) and ``report_dating`` (timeline, dating
evidence, reference events), condensed by ``report_scale`` for many sources; all are written as
markdown by ``report_markdown``. This module assembles them and the report's variables.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
from collections import Counter
from importlib import metadata
from pathlib import Path

import pandas as pd
import yaml

from . import figures, findings, html_tables, paths, render, report_scale, report_sources, report_text
from .artifacts import read_table
from .claims import reported_claims
from .compare import with_pairs
from .errors import InputError
from .figures_disagreement import DEAL_PANELS, VALUATION_PANELS
from .figures_style import colour_per_source
from .formatting import BOUND_WORDS, count, figure, listing, many_sources, md, metric_label, shorten
from .params import Params
from .report_claims import MATRIX_SOURCE_COLUMNS, claims_tables, comparison_summary
from .report_dating import dating_tables
from .report_markdown import bullets, datatable, md_table
from .timeline import matched_event_count

PACKAGES = ["pandas", "matplotlib", "papermill", "nbval", "textstat", "dateparser", "ftfy",
            "rapidfuzz", "pypandoc-binary", "typst", "pyyaml", "ipykernel", "itables", "htmldate"]


def _project_relative(value: object) -> str:
    """Paths inside the project shown relative to it, so the report does not depend on the clone."""
    text = str(value)
    root = str(paths.PROJECT_ROOT)
    return text[len(root) + 1 :] if text.startswith(root + "/") else text


def recorded_params(out_dir: Path) -> Params:
    """The parameters the run recorded in its artifacts (``params.json``), not the command line's."""
    path = paths.artifacts_dir(out_dir) / "params.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: artifact missing; run `python -m analysis run` first")
    values = json.loads(path.read_text(encoding="utf-8"))
    return Params.as_recorded({**values, "out_dir": str(out_dir)})


def logged_params(tree: Path) -> Params | None:
    """The parameters with absolute paths from a run's log (None for a run of an older version,
    whose params.json has them)."""
    from .publish import RUN_LOG

    path = tree / RUN_LOG
    if not path.is_file():
        return None
    values = json.loads(path.read_text(encoding="utf-8"))["parameters"]
    return Params.as_recorded({k: v for k, v in values.items() if k in Params.names()})


def generated_inputs(out_dir: Path) -> tuple[dict, dict[str, str]]:
    """(variables, {relative md path: text}) for the report, from the artifacts only."""
    p = recorded_params(out_dir)
    sources = read_table(out_dir, "sources")
    claims = read_table(out_dir, "claims")
    comparisons = with_pairs(read_table(out_dir, "comparisons"))
    timeline = read_table(out_dir, "timeline")
    qual = read_table(out_dir, "qualitative")
    lang = _measures(read_table(out_dir, "language"))
    audit = read_table(out_dir, "cleaning_audit")
    events_used = read_table(out_dir, "events_used")
    event = json.loads((paths.artifacts_dir(out_dir) / "event.json").read_text(encoding="utf-8"))
    # figures of the main transaction and figures about no transaction (revenue, share moves)
    main_claims = reported_claims(claims)
    label = dict(zip(sources["source_id"], sources["label"], strict=True))
    order = list(timeline.sort_values("order")["source_id"])
    many = many_sources(len(sources))
    files: dict[str, str] = {}

    files["findings.md"] = bullets([md(x) for x in findings.key_findings(
        sources, claims, comparisons, timeline, event["name"], event.get("others", ()))])
    files["caveats.md"] = bullets([md(x) for x in [*findings.caveats(sources, timeline, claims),
                                                   *unreadable_caveat(lang, label)]])

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
    files["sources_overview.md"] = datatable(md_table(pd.DataFrame({
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
    files["sources_table.md"] = md_table(pd.DataFrame({
        "Source": s["label"], "Title": [shorten(t, 60) or "—" for t in s["title"]],
        "Raw chars": s["raw_chars"], "Clean chars": s["clean_chars"],
        "Share removed": [f"{x:.0%}" for x in s["removed_share"].astype(float)],
        "Paras": s["paragraphs"], "Sents": s["sentences"],
    }))
    files["certainty.md"] = report_text.certainty_definitions()
    by_rule = audit.assign(chars=audit["end"] - audit["start"]).pivot_table(
        index="rule", columns="source_id", values="chars", aggfunc="sum", fill_value=0)
    by_rule = by_rule.reindex(columns=order, fill_value=0)
    if len(order) > MATRIX_SOURCE_COLUMNS:
        # a column per source crams eighteen outlets' names into one row of heads: a row per
        # source names the rules that took text from it instead
        files["removed_by_rule.md"] = md_table(pd.DataFrame({
            "Source": [label[c] for c in by_rule.columns],
            "Characters": [int(by_rule[c].sum()) for c in by_rule.columns],
            "By rule": ["; ".join(f"{rule} {int(n)}" for rule, n in by_rule[c].sort_values(
                ascending=False, kind="stable").items() if n) or "—" for c in by_rule.columns]}))
    else:
        by_rule.columns = [label[c] for c in by_rule.columns]
        files["removed_by_rule.md"] = md_table(by_rule.reset_index().rename(columns={"rule": "Rule"}))
    examples = audit.groupby("rule", sort=True).head(1 if many else 2)
    files["removed_examples.md"] = md_table(pd.DataFrame({
        "Rule": examples["rule"], "Source": [label[x] for x in examples["source_id"]],
        "Action": examples["action"], "Removed text": [shorten(t, 90) for t in examples["text"]],
    }))

    files["sources_addresses.md"] = report_sources.addresses_table(sources, order)
    files.update(claims_tables(claims, main_claims, comparisons, read_table(out_dir, "transactions"), sources,
                               order, label, many))
    files.update(dating_tables(out_dir, timeline, events_used, label, many))

    q = qual.assign(rank=[order.index(x) for x in qual["source_id"]]).sort_values(
        ["kind", "value", "rank"], kind="stable")
    files["qualitative_table.md"] = datatable(md_table(pd.DataFrame({
        "Kind": q["kind"].str.replace("_", " "), "Claim": q["value"],
        "Source": [label[x] for x in q["source_id"]], "Quote": [shorten(x, 130) for x in q["quote"]],
    })))

    files["language_table.md"], files["language_reading.md"] = language_tables(lang, order, label)

    files["repro_params.md"] = md_table(pd.DataFrame(
        [(k, _project_relative(v) if v != "" else "(default)")
         for k, v in sorted(json.loads(p.to_json()).items()) if k != "out_dir"],
        columns=["Parameter", "Value"]))
    inputs = [(r["file"], r["sha256"]) for _, r in sources.iterrows()]
    recorded = json.loads((paths.artifacts_dir(out_dir) / "inputs.json").read_text(encoding="utf-8"))
    inputs += [(f"{x['file']} ({x['role'].replace('_', ' ')})", x["sha256"]) for x in recorded]
    files["repro_inputs.md"] = md_table(pd.DataFrame(inputs, columns=["Input file", "SHA-256"]))
    files["full_tables.md"] = ""
    if many:
        every_input = files["repro_inputs.md"]
        files["repro_inputs.md"] = (md_table(pd.DataFrame(inputs[len(sources):], columns=["Input file", "SHA-256"]))
                                    + "\n" + report_scale.full_table_note(
                                        f"the SHA-256 of each of the {len(sources)} articles", "sources.csv"))
        try:
            evidence = read_table(out_dir, "timeline_evidence")
        except FileNotFoundError:
            evidence = None
        files.update(report_scale.aggregated(
            files, md_table, sources=sources, timeline=timeline, main_claims=main_claims,
            disagreement_rows=findings.disagreement_rows(claims, comparisons), claims=claims, qual=qual,
            lang=lang, audit=audit, evidence=evidence, label=label, when=findings.when,
            stage_word=findings.STAGE_WORD, inputs_table=every_input))
    files["sources_table.md"] += report_text.size_note(sources)
    versions = [("python", platform.python_version())]
    for name in PACKAGES:
        try:
            versions.append((f"{name} (Python wheel)" if name in ("typst", "pypandoc-binary") else name,
                             metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "not installed"))
    files["repro_packages.md"] = md_table(pd.DataFrame(versions, columns=["Package", "Version"]))

    real = claims[claims["source_id"] != "derived"]
    derived = claims[claims["source_id"] == "derived"]
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
            "comparison_summary": comparison_summary(comparisons),
            "cleaning_lead": report_text.cleaning_lead(audit, order),
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
    shown = reported_claims(claims)["metric"]
    valued = bool(shown.isin([m for _, metrics in VALUATION_PANELS for m in metrics]).any())
    dealt = bool(shown.isin([m for _, metrics in DEAL_PANELS for m in metrics]).any())
    head_gap = figures.headline_gap(timeline, heads, "deal_value")
    time_gap = "" if figures.dated_sources(timeline) or matched_event_count(events_used) else figures.NO_DATED_SOURCE
    files["figures_lead.md"] = report_text.figures_lead(dealt, valued, head_gap)
    text = report_scale.report_text(many, valued, removed_by_source=not many and colour_per_source(len(sources)))
    text["figs"].update(report_text.empty_figures(dealt, head_gap, time_gap))
    return {**_escaped(variables), **text}, files


def language_tables(lang: pd.DataFrame, order: list[str], label: dict[str, str]) -> tuple[str, str]:
    """The language table (a row per source, in timeline order) and its reading notes; a page
    without readable words shows "—" for what cannot be measured."""
    from .language import reading

    l_ = lang.set_index("source_id").loc[order].reset_index()
    table = md_table(pd.DataFrame({
        "Source": [label[x] for x in l_["source_id"]],
        "Words": l_["clean_words"],
        "Reading ease (raw → clean)": [
            f"{_measure(a, '.1f')} → {_measure(b, '.1f')}" for a, b in zip(
                l_["raw_flesch_reading_ease"], l_["clean_flesch_reading_ease"], strict=True)],
        "Grade level": [_measure(x) for x in l_["clean_flesch_kincaid_grade"]],
        "Fog index": [_measure(x) for x in l_["clean_gunning_fog"]],
        "Hedges per 1,000 words": [_measure(x) for x in l_["hedges_per_1000_words"]],
        "Repeats": [_measure(x, ".0%") for x in l_["repetition_share"]],
        "Most frequent hedges": l_["top_hedges"],
    }))
    return table, bullets([md(x) for x in reading(lang)])


def unreadable_caveat(lang: pd.DataFrame, label: dict[str, str]) -> list[str]:
    """A caveat naming the pages left with no readable words after cleaning (a paywall, a page of
    page furniture only): they stay in every table, but can give no figure, date or measure."""
    empty = [label[x] for x, n in zip(lang["source_id"], lang["clean_words"], strict=True) if not n > 0]
    if not empty:
        return []
    return [f"{count(len(empty), 'source')} kept no readable text after cleaning (only page furniture, "
            f"or no words at all), so {'it gives' if len(empty) == 1 else 'they give'} no figures, dates or "
            f"language measures: {listing(empty)}."]


def _measures(lang: pd.DataFrame) -> pd.DataFrame:
    """The language table with its measures as numbers, empty cells (no readable words) as NaN,
    which the reading notes and charts treat as unavailable."""
    text = {"source_id", "label", "top_hedges"}
    return lang.assign(**{c: pd.to_numeric(lang[c], errors="coerce") for c in lang.columns if c not in text})


def _measure(value: object, fmt: str = "") -> str:
    """A language measure as shown, or "—" where a page has no readable words to measure (a page
    of boilerplate only: its measures are empty, not zero)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
    return "—" if number != number else format(number, fmt) if fmt else str(value)


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

    publish.check_output(out)
    with publish.locked(out):
        tree = publish.current_tree(out)
        if tree is None or not (tree / "artifacts").is_dir():
            raise FileNotFoundError(f"no published run in {out}; run `python -m analysis run` first")
        _check_overrides(logged_params(tree) or recorded_params(tree), overrides)
        _check_unchanged(out, tree)
        stage = publish.new_staging(out)
        try:
            for part in ("artifacts", "notebooks"):
                if (tree / part).is_dir():
                    shutil.copytree(tree / part, stage / part, copy_function=os.link)
                else:
                    (stage / part).mkdir()
            for name in (publish.RUN_LOG, publish.ARTIFACT_RECORD):
                if (tree / name).is_file():
                    shutil.copy2(tree / name, stage / name)
            build_report(stage)
            publish.publish(stage, out)
        except BaseException:
            publish.discard(stage)
            raise
    return out / "report" / "index.html"


def _check_unchanged(out: Path, tree: Path) -> None:
    """Refuse to render artifacts that are not the ones their run published (a table rewritten by
    hand or by a stage called from Python): the report would mix two runs. A run published by an
    older version has no record of its artifacts, so it cannot be trusted either."""
    from . import publish

    changed = publish.changed_artifacts(tree)
    if changed == []:
        return
    named = ", ".join(str(out / x) for x in changed or ())
    why = (f"{named} no longer match{'es' if len(changed) == 1 else ''} what the run published "
           f"(recorded in {tree / publish.ARTIFACT_RECORD})" if changed else
           f"the published run has no record of its artifacts ({publish.ARTIFACT_RECORD}: an older version made it)")
    raise InputError(f"render: {out}: {why}; a report of them could mix two runs. Rerun to rebuild "
                     f"artifacts and report together: {rerun_command(out, tree)}")


def rerun_command(out: Path, tree: Path) -> str:
    """The command that repeats the run published in ``tree``: its corpus, output folder and every
    parameter that is not the corpus's default."""
    import shlex

    p = logged_params(tree) or recorded_params(tree)
    parts = ["python -m analysis run", f"--corpus {shlex.quote(_project_relative(p.corpus_dir))}",
             f"--out {shlex.quote(str(out))}"]
    if Path(p.corpus_dir).is_dir():  # the corpus's own defaults need no flag
        default = Params.from_mapping({"corpus_dir": p.corpus_dir, "out_dir": str(out)})
        parts += ["-p " + shlex.quote(f"{name}={_project_relative(getattr(p, name))}")
                  for name in Params.names() if name not in Params.RUNTIME and name != "corpus_dir"
                  and getattr(p, name) != getattr(default, name)]
    return " ".join(parts)


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
