"""The report's tables when a corpus has many sources: aggregated by outlet, period or figure.

With hundreds of sources a row (or column) per source makes tables hundreds of pages long.
Above ``formatting.MANY_SOURCES`` the report prints these summaries instead; the full
per-source tables stay in the artifacts and, for the HTML reader, in interactive tables
shown only in the HTML (``html_only``). Nothing here names a corpus: every row is counted
from the artifacts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta

import pandas as pd

from .formatting import BOUND_WORDS, count, figure, md, metric_label, shorten

#: The PDF lists at most this many groups in one aggregated table (the most frequent first).
TOP_ROWS = 25
#: At most this many figures are named per metric (the most often given first).
TOP_FIGURES = 8


def html_only(text: str) -> str:
    """Markdown shown in the HTML report only (Quarto's content-visible; the fallback too)."""
    return f':::: {{.content-visible when-format="html"}}\n{text}::::\n'


def full_table_note(what: str, artifact: str) -> str:
    """One sentence telling a PDF reader where the per-source table went."""
    return (f"_The full table ({md(what)}) is in the HTML report's {md(FULL_TABLES_TITLE.lower())} "
            f"(sortable, filterable) and in {md(artifact)}._\n")


def _day(x: object) -> date | None:
    text = str(x or "")[:10]
    return date.fromisoformat(text) if len(text) == 10 else None


def source_day(published: object, earliest: object, latest: object) -> date | None:
    """The day a source is counted on: its stated date, else the middle of a closed window."""
    pub = _day(published)
    if pub:
        return pub
    lo, hi = _day(earliest), _day(latest)
    return lo + (hi - lo) / 2 if lo and hi else None


def period_of(days: Iterable[date]) -> tuple[str, Callable[[date], date], Callable[[date], str]]:
    """(unit word, the start of a day's period, its label): days over 2 months, weeks over
    a year, months beyond, so a table or chart of periods stays a few dozen rows long."""
    known = sorted(days)
    span = (known[-1] - known[0]).days if known else 0
    if span <= 62:
        return "day", lambda d: d, lambda d: d.isoformat()
    if span <= 400:
        return "week", lambda d: d - timedelta(days=d.weekday()), lambda d: f"week of {d.isoformat()}"
    return "month", lambda d: d.replace(day=1), lambda d: f"{d:%Y-%m}"


def counted(values: Iterable[str], limit: int = TOP_FIGURES) -> str:
    """'$14 bn (12), $10 bn (3) and 4 others': the most frequent first, ties in first-seen order."""
    counts = Counter(v for v in values if v)
    top = counts.most_common()
    shown = ", ".join(f"{v} ({n})" for v, n in top[:limit])
    rest = len(top) - limit
    return (shown + (f" and {rest} other{'s' if rest > 1 else ''}" if rest > 0 else "")) or "—"


def stated(value: float, unit: str, bound: str) -> str:
    """'$14 bn' or '$10 bn (at least)': a figure with its bound, as the report's tables write it."""
    return f"{figure(value, unit)}{'' if bound == 'exact' else ' (' + BOUND_WORDS.get(bound, bound) + ')'}"


def _outlet(sources: pd.DataFrame) -> pd.Series:
    outlet = sources["outlet"].fillna("").astype(str) if "outlet" in sources else pd.Series("", sources.index)
    return outlet.where(outlet.str.strip() != "", "(no outlet named)")


def by_outlet(sources: pd.DataFrame, timeline: pd.DataFrame, main_claims: pd.DataFrame,
              when: Callable[[pd.Series], str], stage_word: dict[str, str]) -> str:
    """One row per outlet: how many sources, when, stages described, deal values stated."""
    tl = timeline.set_index("source_id")
    s = sources.assign(_outlet=_outlet(sources).values)
    deal = main_claims[main_claims["metric"] == "deal_value"]
    rows = []
    for outlet, grp in s.groupby("_outlet", sort=False):
        ids = list(grp["source_id"])
        days = sorted(d for x in ids if (d := source_day(*tl.loc[x, ["published", "earliest", "latest"]])))
        dv = deal[deal["source_id"].isin(ids)]
        undated = len(ids) - len(days)
        when = ("" if not days else days[0].isoformat() if days[0] == days[-1]
                else f"{days[0].isoformat()} to {days[-1].isoformat()}")
        if undated:
            when += f" (+{undated} open or undated)" if days else "open or undated"
        rows.append({
            "Outlet": outlet, "Sources": len(ids), "When": when,
            "Stages described": counted(stage_word.get(tl.loc[x, "stage"], tl.loc[x, "stage"]) for x in ids),
            "Deal values stated": counted(stated(v, u, b) for v, u, b in
                                           zip(dv["value"], dv["unit"], dv["bound"], strict=True)),
        })
    table = pd.DataFrame(rows).sort_values(["Sources", "Outlet"], ascending=[False, True], kind="stable")
    return _capped(table, "outlet", "Sources")


def _capped(table: pd.DataFrame, noun: str, counted: str | None = None) -> pd.DataFrame:
    """The first TOP_ROWS rows, and one closing row counting the rest."""
    if len(table) <= TOP_ROWS:
        return table
    rest = table.iloc[TOP_ROWS:]
    last = {c: "" for c in table.columns}
    last[table.columns[0]] = f"… {count(len(rest), 'other ' + noun)}"
    if counted:
        last[counted] = int(rest[counted].sum())
    return pd.concat([table.iloc[:TOP_ROWS], pd.DataFrame([last])], ignore_index=True)


def figure_clusters(main_real: pd.DataFrame) -> pd.DataFrame:
    """Per metric, the figures the sources give and how many sources give each."""
    rows = []
    for metric in sorted(set(main_real["metric"])):
        sub = main_real[main_real["metric"] == metric]
        per_source = [(sid, stated(v, u, b)) for sid, v, u, b in
                      zip(sub["source_id"], sub["value"], sub["unit"], sub["bound"], strict=True)]
        texts = [t for _, t in dict.fromkeys(per_source)]  # one vote per source and figure
        rows.append({"Metric": metric_label(metric), "Sources": sub["source_id"].nunique(),
                     "Figures given (sources giving each)": counted(texts)})
    return pd.DataFrame(rows, columns=["Metric", "Sources", "Figures given (sources giving each)"])


def by_period(timeline: pd.DataFrame, stage_word: dict[str, str]) -> pd.DataFrame:
    """Sources per period (day, week or month, from the span): stated dates, stages, figures."""
    t = timeline.assign(_day=[source_day(p, e, la) for p, e, la in
                              zip(timeline["published"], timeline["earliest"], timeline["latest"], strict=True)])
    dated = t[t["_day"].notna()]
    unit, start, label = period_of(dated["_day"])
    t["_period"] = [start(d) if d else None for d in t["_day"]]
    rows = []
    for key, grp in sorted(t[t["_period"].notna()].groupby("_period"), key=lambda kv: kv[0]):
        rows.append({
            unit.capitalize(): label(key), "Sources": len(grp),
            "Stated date": int((grp["published"] != "").sum()),
            "Stages described": counted(stage_word.get(x, x) for x in grp["stage"]),
            "Headline figures": counted(x for x in grp["headline_figure"] if x),
        })
    rest = t[t["_period"].isna()]
    if len(rest):
        rows.append({unit.capitalize(): "open window or no date evidence", "Sources": len(rest),
                     "Stated date": 0, "Stages described": counted(stage_word.get(x, x) for x in rest["stage"]),
                     "Headline figures": counted(x for x in rest["headline_figure"] if x)})
    return pd.DataFrame(rows)


GROUPED_LEAD = ("Grouped by the two figures set against each other, the most frequent first; each line counts "
                "the pairs of sources and names one.\n\n")


def grouped_disagreements(comparisons: pd.DataFrame, claims: pd.DataFrame, label: Callable[[str], str],
                          limit: int = 15) -> list[str]:
    """The headline disagreements grouped by the two figures: one line per pair of figures,
    with how many source pairs it covers and one example, most frequent first."""
    by_id = claims.set_index("claim_id")
    groups: dict[tuple, list] = {}
    for _, r in comparisons.iterrows():
        a, b = by_id.loc[r["claim_a"]], by_id.loc[r["claim_b"]]
        fa, fb = sorted(stated(c["value"], c["unit"], c["bound"]) for c in (a, b))
        groups.setdefault((r["metric"], fa, fb), []).append(r)
    def pairs(rows: list) -> int:
        return sum(int(r["pairs"]) for r in rows)  # a row may stand for many pairs (compare.PAIR_LIMIT)

    ranked = sorted(groups.items(), key=lambda kv: (-pairs(kv[1]), kv[0]))
    out = []
    for (metric, fa, fb), rows in ranked[:limit]:
        kinds: Counter[str] = Counter()
        for r in rows:
            kinds[r["verdict"]] += int(r["pairs"])
        said = ", ".join(f"{n} {_KINDS[v][n != 1] if v in _KINDS else v}" for v, n in sorted(kinds.items()))
        ex = rows[0]
        out.append(f"**{md(metric_label(metric))}** — {md(fa)} against {md(fb)}: "
                   f"{md(count(pairs(rows), 'source pair'))} ({md(said)}); for example "
                   f"{md(label(ex['source_a']))} and {md(label(ex['source_b']))}.")
    if len(ranked) > limit:
        out.append(md(f"… and {count(len(ranked) - limit, 'other pair')} of figures "
                      "(comparisons.csv lists them; a row's pairs column says how many source pairs it stands for)."))
    return out


_KINDS = {"contradicts": ("contradiction", "contradictions"),
          "superseded": ("later report differs", "later reports differ"),
          "differs_from_projection": ("implied value against a projection", "implied values against projections")}


def stats_table(frame: pd.DataFrame, columns: dict[str, str], digits: int = 1) -> pd.DataFrame:
    """Min, median and max across sources of each named column (a distribution, not a list)."""
    rows = []
    for col, name in columns.items():
        x = pd.to_numeric(frame[col], errors="coerce").dropna()
        fmt = (lambda v: f"{v:.0%}") if name.startswith("Share") or name.startswith("Repeats") else (
            lambda v: f"{v:,.{digits}f}")
        rows.append({"Measure": name, "Lowest": fmt(x.min()) if len(x) else "—",
                     "Median": fmt(x.median()) if len(x) else "—", "Highest": fmt(x.max()) if len(x) else "—"})
    return pd.DataFrame(rows)


def qualitative_groups(qual: pd.DataFrame) -> pd.DataFrame:
    """Each qualitative claim once, with how many sources make it and one short quote."""
    rows = []
    for (kind, value), grp in qual.groupby(["kind", "value"], sort=True):
        rows.append({"Kind": str(kind).replace("_", " "), "Claim": value, "Sources": grp["source_id"].nunique(),
                     "Example quote": shorten(grp["quote"].iloc[0], 110)})
    table = pd.DataFrame(rows, columns=["Kind", "Claim", "Sources", "Example quote"])
    return _capped(table.sort_values(["Sources", "Kind", "Claim"], ascending=[False, True, True], kind="stable"),
                   "claim", "Sources")


def rules_summary(audit: pd.DataFrame) -> pd.DataFrame:
    """Per cleaning rule: characters removed, spans and sources touched (not a column per source)."""
    a = audit.assign(chars=audit["end"] - audit["start"])
    g = a.groupby("rule", sort=True).agg(chars=("chars", "sum"), spans=("chars", "size"),
                                         sources=("source_id", "nunique")).reset_index()
    g = g.sort_values(["chars", "rule"], ascending=[False, True], kind="stable")
    return pd.DataFrame({"Rule": g["rule"], "Characters": g["chars"], "Spans": g["spans"], "Sources": g["sources"]})


def evidence_summary(items: pd.DataFrame) -> pd.DataFrame:
    """Per dating rule: how many sources it bounds, how many items were used, one example."""
    rows = []
    for rule, grp in items.groupby("rule", sort=True):
        used = grp[grp["used"].astype(str) == "True"]
        ex = (used if len(used) else grp)["sentence"].iloc[0]
        rows.append({"Evidence": str(rule).replace("_", " "), "Sources": grp["source_id"].nunique(),
                     "Items": len(grp), "Used": len(used), "Example": shorten(ex, 160)})
    return pd.DataFrame(rows, columns=["Evidence", "Sources", "Items", "Used", "Example"]).sort_values(
        ["Sources", "Evidence"], ascending=[False, True], kind="stable")


# Figure captions and alt texts, and the lead-ins that depend on whether the report lists each
# source or aggregates. Written here (never from corpus text), so they go into the report
# unescaped: the small-corpus wording is exactly the report's original text.
_CAPTIONS = {
    "discrepancy": (
        ('The deal value and stake each source gives, on a shared zero-based axis, sources in timeline order. '
         'A dot is the stated value; the bar is what the wording admits (rounding, "over", "nearly", a range); '
         'an arrow is an open upper bound.',
         "Interval chart of the deal value and stake reported by each source, in timeline order"),
        ('The deal values and stakes the sources give, each distinct figure once with the number of sources '
         'giving it, on a shared zero-based axis (the most often given first). A dot is the stated value; the '
         'bar is what the wording admits (rounding, "over", "nearly", a range); an arrow is an open upper bound.',
         "Interval chart of each distinct deal value and stake with the number of sources giving it")),
    "valuations": (
        ("The target's valuation as stated (before the deal, at the deal, projected) and as implied by each "
         "source's deal value divided by its stake (hollow grey), on a zero-based axis.",
         "Interval chart of stated and implied valuations of the target, per source"),
        ("The target's valuation as stated (before the deal, at the deal, projected) and as implied by a "
         "source's deal value divided by its stake (hollow grey), each distinct figure once with the number of "
         "sources giving it, on a zero-based axis.",
         "Interval chart of each distinct stated and implied valuation with the number of sources giving it")),
    "headline": (
        ("The headline deal value of each source against its estimated publication window (whiskers); the "
         "value axis starts at zero.",
         "Each source's headline deal value plotted against its estimated publication date window"),
        ("The headline deal value of each source against its estimated publication window (a point per source, "
         "darker where several coincide; lines show windows); the value axis starts at zero.",
         "Headline deal values of all sources plotted against their estimated publication dates")),
    "timeline": (
        ("Estimated publication window of each source (bar; a diamond where a date is stated; an arrow where "
         "the window stays open), coloured by deal stage, with the reference events used as evidence (dotted "
         "lines).",
         "Timeline of source publication windows with reference events marked"),
        ("Number of sources per period (by stated date or the middle of the estimated window), coloured by the "
         "deal stage they describe, with the reference events used as evidence (dotted lines); sources with an "
         "open window or no date evidence are counted under the chart.",
         "Histogram of sources per period, stacked by deal stage, with reference events marked")),
    "language": (
        ("Hedging cues per 1,000 words and Flesch reading ease of the raw and cleaned text, per source.",
         "Bar charts of hedging density and readability per source"),
        ("How the sources spread in hedging cues per 1,000 words and in Flesch reading ease of the raw and "
         "cleaned text (number of sources per band).",
         "Histograms of hedging density and readability across sources")),
    "removed": (
        ("Characters removed or moved to metadata, by rule and source.",
         "Stacked bar chart of characters removed per cleaning rule"),
        ("Characters removed or moved to metadata, by rule, with the number of sources each rule touched.",
         "Bar chart of characters removed per cleaning rule")),
}


#: The valuation chart's caption when no source states or implies a valuation of the target.
NO_VALUATIONS = ("No source states a valuation of the target, and none gives both a deal value and a stake "
                 "that would imply one, so this chart is empty.",
                 "Empty chart: no valuation of the target is stated or implied")


def report_text(many: bool, valuations: bool = True, removed_by_source: bool | None = None) -> dict:
    """``figs`` (caption and alt per figure) and ``text`` (lead-ins) for the report variables;
    ``valuations``: whether the valuation chart has a figure to show (else its caption says so);
    ``removed_by_source``: whether the cleaning chart stacks each source in its own colour
    (by default, unless ``many``)."""
    figs = {k: {"caption": pair[many][0], "alt": pair[many][1]} for k, pair in _CAPTIONS.items()}
    by_source = not many if removed_by_source is None else removed_by_source
    figs["removed"] = {"caption": _CAPTIONS["removed"][not by_source][0], "alt": _CAPTIONS["removed"][not by_source][1]}
    if not valuations:
        figs["valuations"] = {"caption": NO_VALUATIONS[0], "alt": NO_VALUATIONS[1]}
    text = {
        "sources_lead": ("The sources by outlet, the most represented first (dates are stated or the middle of "
                         "an estimated window):" if many else
                         "The sources, in timeline order (dates are estimated windows where the text states none):"),
        "removed_lead": ("Characters removed or moved to metadata, per rule:" if many
                         else "Characters removed or moved to metadata, per rule and source:"),
    }
    return {"figs": figs, "text": text}


def _interactive(table_md: str) -> str:
    """A full table made sortable and filterable in the HTML (see ``html_tables``)."""
    return table_md if table_md.startswith(("::: {.datatable}", "_(none)_")) else f"::: {{.datatable}}\n{table_md}:::\n"


#: The HTML-only appendix that holds every per-source table at scale.
FULL_TABLES_TITLE = "Appendix: every source, claim and measure"


def aggregated(files: dict[str, str], table: Callable[[pd.DataFrame], str], *, sources: pd.DataFrame,
               timeline: pd.DataFrame, main_claims: pd.DataFrame, disagreement_rows: pd.DataFrame,
               claims: pd.DataFrame, qual: pd.DataFrame, lang: pd.DataFrame, audit: pd.DataFrame,
               evidence: pd.DataFrame | None, label: dict[str, str], when: Callable[[pd.Series], str],
               stage_word: dict[str, str], inputs_table: str = "") -> dict[str, str]:
    """The generated includes that aggregate at scale, replacing the per-source ones.

    ``files`` holds the per-source versions: they move, as interactive tables, into one
    appendix at the end of the HTML (``full_tables.md``), so the report reads the same in
    both formats and a reader looks a source up there.
    """
    out: dict[str, str] = {}
    full: list[tuple[str, str]] = []
    main_real = main_claims[main_claims["source_id"] != "derived"]
    out["sources_overview.md"] = table(by_outlet(sources, timeline, main_claims, when, stage_word))
    full.append(("Sources, in timeline order", _interactive(files["sources_overview.md"])))
    out["claims_matrix.md"] = table(figure_clusters(main_real))
    out["claims_table.md"] = full_table_note(f"all {len(claims[claims['source_id'] != 'derived'])} claims",
                                             "claims.csv")
    full.append(("Claims", _interactive(files["claims_table.md"])))
    lines = grouped_disagreements(disagreement_rows, claims, lambda s: label.get(s, s))
    out["disagreements.md"] = (GROUPED_LEAD + "\n".join(f"- {x}" for x in lines) + "\n") if lines else "_(none)_\n"
    out["qualitative_table.md"] = (table(qualitative_groups(qual)) + "\n"
                                   + full_table_note("every qualitative claim with its source and quote",
                                                     "qualitative.csv"))
    full.append(("Qualitative claims", _interactive(files["qualitative_table.md"])))
    periods = by_period(timeline, stage_word)
    out["timeline_table.md"] = (f"Sources per {str(periods.columns[0]).lower()}:\n\n" + table(periods) + "\n"
                                + full_table_note("every source's window", "timeline.csv"))
    full.append(("Publication windows", _interactive(files["timeline_table.md"])))
    if evidence is not None and len(evidence):
        out["timeline_evidence.md"] = (table(evidence_summary(evidence)) + "\n"
                                       + full_table_note("each source's evidence", "timeline_evidence.csv"))
        full.append(("Dating evidence", files["timeline_evidence.md"]))
    out["language_table.md"] = (table(stats_table(lang, {
        "clean_words": "Words", "raw_flesch_reading_ease": "Reading ease (raw)",
        "clean_flesch_reading_ease": "Reading ease (clean)", "clean_flesch_kincaid_grade": "Grade level",
        "clean_gunning_fog": "Fog index", "hedges_per_1000_words": "Hedges per 1,000 words",
        "repetition_share": "Repeats (share of sentences)"})) + "\n"
        + full_table_note("every source's measures", "language.csv"))
    full.append(("How each source writes", _interactive(files["language_table.md"])))
    out["sources_table.md"] = (table(stats_table(sources, {
        "raw_chars": "Raw characters", "clean_chars": "Clean characters", "removed_share": "Share removed",
        "paragraphs": "Paragraphs", "sentences": "Sentences"}, digits=0)) + "\n"
        + full_table_note("every source's sizes", "sources.csv"))
    full.append(("Article sizes before and after cleaning", _interactive(files["sources_table.md"])))
    out["removed_by_rule.md"] = table(rules_summary(audit))
    if "sources_addresses.md" in files:
        out["sources_addresses.md"] = full_table_note("every source's title and address", "sources.csv")
        full.append(("Where each source was found", _interactive(files["sources_addresses.md"])))
    if inputs_table:
        full.append(("Inputs (SHA-256 of the bytes read)", _interactive(inputs_table)))
    out["full_tables.md"] = full_tables(full)
    return out


def full_tables(sections: list[tuple[str, str]]) -> str:
    """The HTML-only appendix: one subsection per full table."""
    body = "".join(f"### {md(title)}\n\n{text}\n" for title, text in sections)
    return html_only(f"## {md(FULL_TABLES_TITLE)}\n\nEvery row the printed report summarises, sortable and "
                     f"filterable (type in a table's filter box to find a source).\n\n{body}")
