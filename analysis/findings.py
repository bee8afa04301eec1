"""The report's findings, computed from the artifacts and written as plain sentences.

Nothing here names a company, outlet or figure: every sentence is filled from the
artifacts, so the same text reads right for another corpus.
"""

from __future__ import annotations

import pandas as pd

from .claims import headline_claims, late_outliers, settled_claim
from .compare import DEBT_UNSTATED, DEBT_UNSTATED_LABEL, with_pairs
from .formatting import VERDICT_LABELS, count, date_span, figure, interval, listing, many_sources, md, metric_label
from .report_scale import stated
from .timeline import manifest_set_aside, open_windows_note

KEY_METRICS = ["deal_value", "stake", "valuation_before", "valuation_at_deal", "valuation_projected"]
STAGE_WORD = {"talks": "talks or rumour", "agreed": "agreed or announced",
              "regulatory_review": "under regulatory review", "completed": "completed (closed)",
              "ended": "ended (rejected, abandoned or terminated)", "aftermath": "aftermath",
              "unknown": "stage unclear"}


#: Each verdict's name in the counts the report gives (``formatting.VERDICT_LABELS`` and the pairs
#: that may differ by the debt, ``compare.DEBT_UNSTATED``).
VERDICT_WORDS = {**VERDICT_LABELS, DEBT_UNSTATED: DEBT_UNSTATED_LABEL}

#: How the settled figure says what it counts, when a source says so.
_BASIS_WORDS = {"including_debt": " including the target's debt", "equity": " (the equity value)"}


def _label(sources: pd.DataFrame, sid: str) -> str:
    row = sources[sources["source_id"] == sid]
    return str(row["label"].iloc[0]) if len(row) else sid


def when(t: pd.Series) -> str:
    """A source's date in words: stated, a window, open at one end, or no evidence at all."""
    if t["published"]:
        return f"published {t['published']}"
    if t["earliest"] and t["latest"]:
        return date_span(t["earliest"], t["latest"])
    if t["earliest"]:
        return f"on or after {t['earliest']}"
    if t["latest"]:
        return f"on or before {t['latest']}"
    return "no date evidence"


def key_findings(sources: pd.DataFrame, claims: pd.DataFrame, comparisons: pd.DataFrame,
                 timeline: pd.DataFrame, event_name: str, others: list[dict] | tuple = ()) -> list[str]:
    """The bullet points that open the report."""
    comparisons = with_pairs(comparisons)
    out: list[str] = [transactions_finding(event_name, others)] if others else []
    heads = headline_claims(claims)
    order = list(timeline.sort_values("order")["source_id"])
    if heads.empty:
        return [*out, f"No source states a deal value for {event_name}; see the claims table."]
    # a range is read in one currency: the one most sources use; the others are named after it
    units = heads["unit"].value_counts()
    main_unit = sorted(units.index, key=lambda u: (-units[u], str(u)))[0]
    elsewhere = heads[heads["unit"] != main_unit]
    heads = heads[heads["unit"] == main_unit]
    lo, hi = heads.loc[heads["value"].idxmin()], heads.loc[heads["value"].idxmax()]
    if len(heads) == 1:
        out.append(f"One source states a deal value: {figure(lo['value'], lo['unit'])} "
                   f"(\"{lo['quote']}\", {_label(sources, lo['source_id'])}).")
    elif lo["value"] == hi["value"]:
        out.append(f"All {len(heads)} sources that state a deal value give "
                   f"{figure(lo['value'], lo['unit'])}.")
    else:
        out.append(
            f"The {len(heads)} sources that state a deal value put it between "
            f"{figure(lo['value'], lo['unit'])} (\"{lo['quote']}\", {_label(sources, lo['source_id'])}) "
            f"and {figure(hi['value'], hi['unit'])} (\"{hi['quote']}\", {_label(sources, hi['source_id'])})."
        )
    if len(elsewhere):
        out[-1] = out[-1][:-1] + (
            f"; {count(len(elsewhere), 'other source')} {_verb(len(elsewhere), 'gives', 'give')} it in another "
            "currency, not compared: " + listing([f"{figure(v, u)} ({_label(sources, x)})" for x, v, u in zip(
                elsewhere["source_id"], elsewhere["value"], elsewhere["unit"], strict=True)], 4) + ".")
    last = settled_claim(claims, timeline)
    t_last = timeline[timeline["source_id"] == last["source_id"]].iloc[0]
    firm = "" if last["stance"] == "rumoured" else " that states it as more than a rumour"
    gives = (f"{_label(sources, last['source_id'])} ({STAGE_WORD.get(t_last['stage'], t_last['stage'])}; "
             f"{when(t_last)}), gives {figure(last['value'], last['unit'])}"
             f"{_BASIS_WORDS.get(last.get('basis'), '')} ({last['stance']})")
    if last["source_id"] not in _dated(timeline):
        # a source without date evidence is never "the latest" (README, timeline.csv `dated`)
        out.append(f"The one source, {gives}; with no date evidence it is not called the latest." if len(sources) == 1
                   else f"No source that states a deal value has date evidence, so none is called the latest; "
                        f"by the deal stage each describes, the last, {gives}.")
    else:
        out.append(f"The latest source{firm}, {gives}: the figure the coverage settles on.")
    late_rows = late_outliers(claims, timeline)
    if many_sources(len(sources)) and len(late_rows) > MAX_NAMED_PAIRS:
        out.append(f"Flagged, not followed: {count(len(late_rows), 'later source')} give a figure the settled "
                   "figure does not admit (" + listing([f"{_label(sources, s)}: {figure(v, u)}" for s, v, u in zip(
                       late_rows["source_id"], late_rows["value"], late_rows["unit"], strict=True)], 4) + ").")
        late_rows = late_rows.iloc[:0]
    for _, late in late_rows.iterrows():
        out.append(f"Flagged, not followed: the later {_label(sources, late['source_id'])} gives "
                   f"{figure(late['value'], late['unit'])} ({late['stance']}, \"{late['quote']}\"), which the "
                   f"settled figure does not admit.")
    dv = comparisons[comparisons["metric"] == "deal_value"]
    head_ids = set(heads["claim_id"])
    dv_heads = dv[dv["claim_a"].isin(head_ids) & dv["claim_b"].isin(head_ids)]
    agree = dv_heads[dv_heads["verdict"].isin(["same", "compatible_rounding", "compatible_bound"])]
    if len(dv_heads):
        out.append(_agreement(sources, dv_heads, agree, claims))
    val = claims.set_index("claim_id")["value"]
    unit = claims.set_index("claim_id")["unit"]
    gaps = dv_heads[dv_heads["verdict"].isin(["superseded", "contradicts"])].copy()
    if len(gaps):
        gaps["gap"] = [abs(val[a] - val[b]) for a, b in zip(gaps["claim_a"], gaps["claim_b"],
                                                            strict=True)]
        g = gaps.sort_values(["gap", "claim_a"], ascending=[False, True]).iloc[0]
        # "an update" would read as a correction; the timeline only says which came later
        kind = ("not a contradiction: they appeared at different times, and the later report puts the "
                "figure differently"
                if g["verdict"] == "superseded"
                else "a contradiction: the intervals do not overlap and the timeline cannot order them")
        # a price with debt against a smaller one that does not say what it counts: the debt may be
        # the difference, but nothing says so (``compare._debt_note``)
        debt = ("; the larger figure includes the target's debt, the smaller does not say whether it does"
                if "the smaller does not say whether it does" in str(g["explanation"]) else "")
        out.append(f"The largest disagreement, {figure(val[g['claim_a']], unit[g['claim_a']])} "
                   f"({_label(sources, g['source_a'])}) against {figure(val[g['claim_b']], unit[g['claim_b']])} "
                   f"({_label(sources, g['source_b'])}), is {kind}{debt}.")
    based = dv_heads[dv_heads["verdict"] == "different_basis"]
    if len(based):
        b = based.iloc[0]
        n_based = int(based["pairs"].sum())
        out.append(f"{count(n_based, 'pair')} of headline deal values {_verb(n_based, 'measures', 'measure')} "
                   f"different things and {_verb(n_based, 'is', 'are')} not compared: one figure includes the "
                   f"target's debt (for example {figure(val[b['claim_a']], unit[b['claim_a']])} from "
                   f"{_label(sources, b['source_a'])} against {figure(val[b['claim_b']], unit[b['claim_b']])} from "
                   f"{_label(sources, b['source_b'])}).")
    unsaid = dv_heads[dv_heads["verdict"] == DEBT_UNSTATED].copy()
    if len(unsaid):
        # the largest gap first: a figure far below the price with debt is the one to check
        unsaid["gap"] = [abs(val[a] - val[b]) for a, b in zip(unsaid["claim_a"], unsaid["claim_b"], strict=True)]
        u = unsaid.sort_values(["gap", "claim_a"], ascending=[False, True]).iloc[0]
        n_unsaid = int(unsaid["pairs"].sum())
        big, small = sorted(((u["claim_a"], u["source_a"]), (u["claim_b"], u["source_b"])),
                            key=lambda cs: -val[cs[0]])
        out.append(f"{count(n_unsaid, 'pair')} of headline deal values may differ by the debt, counted apart: the "
                   "larger figure includes the target's debt and the smaller does not say whether it does, so "
                   f"whether {_verb(n_unsaid, 'it disagrees', 'they disagree')} is not known (for example "
                   f"{figure(val[big[0]], unit[big[0]])} from {_label(sources, big[1])} against "
                   f"{figure(val[small[0]], unit[small[0]])} from {_label(sources, small[1])}).")
    counts = comparisons.groupby("verdict")["pairs"].sum()  # a row may stand for many pairs
    parts = [f"{int(counts.get(v, 0))} {label.lower()}" for v, label in VERDICT_WORDS.items()
             if counts.get(v, 0)]
    n_cmp = int(comparisons["pairs"].sum())
    out.append(f"Across all metrics, {count(n_cmp, 'pair')} of claims from different sources "
               f"{_verb(n_cmp, 'was', 'were')} compared" + (": " + ", ".join(parts) if parts else "") + "."
               if n_cmp else "No pair of claims from different sources could be compared: no two sources give "
               "a figure of the same metric and deal.")
    out.append(_timeline_finding(sources, timeline))
    derived = claims[claims["source_id"] == "derived"].copy()
    if len(derived):
        derived["src"] = [str(c).split("-")[1] for c in derived["claim_id"]]
        derived["rank"] = [order.index(s) if s in order else -1 for s in derived["src"]]
        d = derived.sort_values("rank").iloc[-1]
        latest = ("the latest source" if d["src"] in _dated(timeline) else "the one source" if len(sources) == 1
                  else "the last source in timeline order (it has no date evidence)")
        out.append(f"Implied valuation of the target from {latest} that gives both a deal "
                   f"value and a stake, {_label(sources, d['src'])}: about "
                   f"{figure(d['value'], d['unit'], 1)} (derived: {d['quote']}).")
    return out


def _dated(timeline: pd.DataFrame) -> set[str]:
    """The sources with any date evidence: only those can be "the latest" (``timeline.csv`` dated)."""
    if "dated" not in timeline:
        return set(timeline["source_id"])
    return set(timeline.loc[timeline["dated"].astype(str).isin(["True", "true", "1"]), "source_id"])


def _timeline_finding(sources: pd.DataFrame, timeline: pd.DataFrame) -> str:
    """The timeline order, source by source; at scale the first and last and the stage counts."""
    t = timeline.sort_values("order")
    steps = [f"{_label(sources, s)} ({STAGE_WORD.get(st, st)})" for s, st in zip(t["source_id"], t["stage"],
                                                                                  strict=True)]
    if not many_sources(len(t)):
        return "Timeline order: " + " → ".join(steps) + "."
    stages = t["stage"].value_counts()
    mix = ", ".join(f"{n} {STAGE_WORD.get(st, st)}" for st, n in stages.items())
    return (f"Timeline order of the {len(t)} sources runs from {steps[0]} to {steps[-1]}; by the stage they "
            f"describe: {mix} (the timeline table has the order).")


#: At scale the opening finding names this many other transactions and counts the rest.
MAX_NAMED_TRANSACTIONS = 8


def transactions_finding(event_name: str, others: list[dict] | tuple) -> str:
    """Name the main transaction and list the others, whose figures are kept apart."""
    named = [f"{o['name']} ({count(int(o['sources']), 'source')})" for o in others]
    listed = "; ".join(named[:MAX_NAMED_TRANSACTIONS]) + (
        f"; and {len(named) - MAX_NAMED_TRANSACTIONS} more listed under Other transactions"
        if len(named) > MAX_NAMED_TRANSACTIONS else "")
    return (f"The coverage is about {event_name}. It also mentions {count(len(others), 'other transaction')}, "
            f"whose figures are kept apart and never compared with this deal's: {listed}.")


def _verb(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


#: Above this many agreeing pairs the finding counts them instead of naming each.
MAX_NAMED_PAIRS = 6
_AGREE_KINDS = [("same", "the same figure"), ("compatible_rounding", "equal within rounding"),
                ("compatible_bound", "admitted by a bound")]


def _agreement(sources: pd.DataFrame, pairs: pd.DataFrame, agree: pd.DataFrame, claims: pd.DataFrame) -> str:
    """How many headline pairs agree, naming every agreeing pair under the way it agrees; the pairs
    with and without debt, and those that may differ by the debt, are counted apart, and those that
    do not agree are counted by kind, with the figures that clash most often and the sources that
    give them."""
    apart = pairs[pairs["verdict"].isin(["different_basis", "different_units", DEBT_UNSTATED])]
    pairs = pairs.drop(apart.index)
    n, k = int(pairs["pairs"].sum()), int(agree["pairs"].sum())  # a row may stand for many pairs
    n_apart = int(apart.loc[apart["verdict"] == "different_basis", "pairs"].sum())
    n_unsaid = int(apart.loc[apart["verdict"] == DEBT_UNSTATED, "pairs"].sum())
    said = [f"{count(n_apart, 'more pair')} {_verb(n_apart, 'sets', 'set')} a price including the target's debt "
            "against one without"] if n_apart else []
    if n_unsaid:
        said.append(f"{count(n_unsaid, 'more pair')} {_verb(n_unsaid, 'sets', 'set')} it against a smaller figure "
                    "that does not say whether it counts the debt" if n_apart else
                    f"{count(n_unsaid, 'more pair')} {_verb(n_unsaid, 'sets', 'set')} a price including the "
                    "target's debt against a smaller figure that does not say whether it counts the debt")
    aside = f" ({' and '.join(said)}: counted apart)" if said else ""
    if n == 0:
        return f"No pair of headline deal values is {'known to be ' if n_unsaid else ''}on the same basis{aside}."
    lead = (f"The one pair of headline deal values{aside} {'agrees' if k else 'does not agree'}" if n == 1
            else f"Of {count(n, 'pair')} of headline deal values{aside}, "
                 + ("none agree" if k == 0 else f"all {k} agree" if k == n else f"{k} {_verb(k, 'agrees', 'agree')}"))
    odd = pairs.drop(agree.index)
    rest = _not_agreeing(sources, odd, claims, k == 0) if n > 1 else ""
    if n > 1 and (k == n or k > MAX_NAMED_PAIRS):
        # every pair agrees, or too many to read: count the kinds
        counts = [f"{int(agree.loc[agree['verdict'] == v, 'pairs'].sum())} {words}" for v, words in _AGREE_KINDS
                  if (agree["verdict"] == v).any()]
        return f"{lead}: " + ", ".join(counts) + rest + "."
    parts = []
    for verdict, words in _AGREE_KINDS:
        sub = agree[agree["verdict"] == verdict]
        if len(sub):
            names = "; ".join(f"{_label(sources, r['source_a'])} and {_label(sources, r['source_b'])}"
                              for _, r in sub.iterrows())
            parts.append(f"{words}: {names}")
    return lead + (" (" + "; ".join(parts) + ")" if parts else "") + rest + "."


#: The kinds of pairs that do not agree, as the finding counts them (one, many).
_ODD_KINDS = {"contradicts": ("contradiction", "contradictions"),
              "superseded": ("later report that puts the figure differently",
                             "later reports that put the figure differently")}
_ODD_SHORT = {"contradicts": ("contradiction", "contradictions"), "superseded": ("later report", "later reports")}
#: How many pairs of figures that clash the finding names (the most frequent).
MAX_NAMED_CLASHES = 3


def _kinds(rows: pd.DataFrame, words: dict[str, tuple[str, str]]) -> str:
    """'4 contradictions and 1 later report': the pairs of ``rows`` counted by verdict."""
    n = rows.groupby("verdict")["pairs"].sum()
    order = sorted(n.index, key=lambda v: (v not in words, list(words).index(v) if v in words else 0, v))
    return listing([f"{int(n[v])} {words.get(v, (v, v))[int(n[v]) != 1]}" for v in order], len(order))


def _not_agreeing(sources: pd.DataFrame, odd: pd.DataFrame, claims: pd.DataFrame, none_agree: bool) -> str:
    """'; the 28 that do not are 8 contradictions and 20 later reports that put the figure
    differently. Most often: $38 bn (about) from CNBC (p14) against $44 bn from ... (4
    contradictions and 1 later report); ...': counts by kind, then the clashes of two figures that
    cover the most pairs (the larger gap first among equals), naming the sources on each side."""
    m = int(odd["pairs"].sum())
    if m == 0:
        return ""
    by_id = claims.set_index("claim_id")
    groups: dict[tuple, list] = {}
    for _, r in odd.iterrows():
        sides = sorted(((by_id.loc[r[c]], r[s]) for c, s in (("claim_a", "source_a"), ("claim_b", "source_b"))),
                       key=lambda cs: (cs[0]["value"], stated(cs[0]["value"], cs[0]["unit"], cs[0]["bound"])))
        key = tuple(stated(c["value"], c["unit"], c["bound"]) for c, _ in sides)
        gap = abs(sides[1][0]["value"] - sides[0][0]["value"])
        groups.setdefault(key, [gap, [], {0: [], 1: []}])
        groups[key][1].append(r)
        for side, (_, src) in enumerate(sides):
            if src not in groups[key][2][side]:
                groups[key][2][side].append(src)
    ranked = sorted(groups.items(), key=lambda kv: (-sum(int(r["pairs"]) for r in kv[1][1]), -kv[1][0], kv[0]))
    clashes = []
    for (fa, fb), (_, rows, side) in ranked[:MAX_NAMED_CLASHES]:
        frame = pd.DataFrame(rows)
        names = [listing([_label(sources, x) for x in sorted(side[i])], 2) for i in (0, 1)]
        clashes.append(f"{fa} from {names[0]} against {fb} from {names[1]} ({_kinds(frame, _ODD_SHORT)})")
    more = (f"; and {count(len(ranked) - MAX_NAMED_CLASHES, 'other pair')} of figures (the disagreements "
            "below list them)" if len(ranked) > MAX_NAMED_CLASHES else "")
    lead = ": " if none_agree else f"; the {m} that do not {_verb(m, 'is', 'are')} "
    return (f"{lead}{_kinds(odd, _ODD_KINDS)}. "
            + ("Most often: " if len(ranked) > 1 else "They set ") + "; ".join(clashes) + more)


def caveats(sources: pd.DataFrame, timeline: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    out = []
    undated = int((timeline["published"] == "").sum())
    if undated:
        dates = "its date is an estimated window" if undated == 1 else "their dates are estimated windows"
        out.append(f"{undated} of {count(len(timeline), 'source')} {_verb(undated, 'states', 'state')} "
                   f"no publication date; {dates} built from the evidence listed in the timeline table.")
    labels = dict(zip(sources["source_id"], sources["label"], strict=True))
    if "published" in sources:
        aside = manifest_set_aside(timeline, dict(zip(sources["source_id"], sources["published"].fillna("").astype(str),
                                                      strict=True)), labels, brief=many_sources(len(timeline)))
        if aside:
            out.append(aside)
    note = open_windows_note(timeline, labels)
    if note and many_sources(len(timeline)):
        nodate = timeline[timeline["published"] == ""]
        none = int(((nodate["earliest"] == "") & (nodate["latest"] == "")).sum())
        half = int(((nodate["earliest"] == "") != (nodate["latest"] == "")).sum())
        note = (f"Publication windows left open rather than guessed: {count(half, 'source')} open at one end, "
                f"{count(none, 'source')} with no date evidence at all (the timeline table shows which).")
    if note:
        out.append(note)
    unattributed = claims[(claims["source_id"] != "derived") & (claims["stance"] != "confirmed")]
    if len(unattributed):
        n_real = int((claims["source_id"] != "derived").sum())
        out.append(f"{len(unattributed)} of {count(n_real, 'claim')} {_verb(len(unattributed), 'is', 'are')} "
                   "not stated as announced or confirmed by the parties (reported, "
                   "rumoured or plainly asserted).")
    if "control_chars" in sources:
        noisy = sources[sources["control_chars"].astype(int) > 0]
        if len(noisy):
            out.append("Control characters were found (and kept, so offsets stay true) in "
                       + (", " if not many_sources(len(sources)) else "; ").join(
                           [f"{r['label']} ({int(r['control_chars'])})" for _, r in noisy.iterrows()][
                               :len(noisy) if not many_sources(len(sources)) else 6])
                       + "; the scrape may be damaged there.")
    out.append(TRACE_CAVEAT_MANY if many_sources(len(sources)) else TRACE_CAVEAT)
    return out


#: How a reader checks a claim, as the report shows it (the claims table lists every claim with its
#: id and offsets; at scale that table is in the HTML only).
TRACE_CAVEAT = ("Figures are read by rules, not by hand: the claims table gives every claim's id and the "
                "character offsets (start–end) of its quote in the source's raw text, the same as in "
                "claims.csv, and the appendix (Appendix: sources) gives each source's address, so a reader "
                "can find, open and check it.")
TRACE_CAVEAT_MANY = ("Figures are read by rules, not by hand: the HTML report's table of every claim, and "
                     "claims.csv, give each claim's id and the character offsets (start–end) of its quote in "
                     "the source's raw text, and the same appendix and sources.csv each source's address, so a "
                     "reader can find, open and check it.")


def disagreement_rows(claims: pd.DataFrame, comparisons: pd.DataFrame) -> pd.DataFrame:
    """The comparisons the report lists as disagreements: contradictions first, then revisions,
    between headline claims of the key metrics and the derived valuations."""
    heads = set()
    for metric in KEY_METRICS:
        heads |= set(headline_claims(claims, metric)["claim_id"])
    heads |= set(claims[claims["source_id"] == "derived"]["claim_id"])
    rows = comparisons[comparisons["verdict"].isin(["contradicts", "superseded", "differs_from_projection"])
                       & comparisons["metric"].isin(KEY_METRICS)
                       & comparisons["claim_a"].isin(heads) & comparisons["claim_b"].isin(heads)]
    return rows.assign(_v=(rows["verdict"] != "contradicts")).sort_values(
        ["_v", "metric", "claim_a", "claim_b"], kind="stable").drop(columns="_v")


def disagreements(sources: pd.DataFrame, claims: pd.DataFrame, comparisons: pd.DataFrame
                  ) -> list[str]:
    """Plain-language list of the contradictions and revisions, each with both quotes."""
    by_id = claims.set_index("claim_id")
    out = []
    for _, r in disagreement_rows(claims, comparisons).iterrows():
        a, b = by_id.loc[r["claim_a"]], by_id.loc[r["claim_b"]]
        verb = "contradicts"
        qa = a["quote"] if a["source_id"] != "derived" else f"derived: {a['quote']}"
        qb = b["quote"] if b["source_id"] != "derived" else f"derived: {b['quote']}"
        body = (
            f"{_label(sources, r['source_a'])}: \"{qa}\" ({interval(a['lower'], a['upper'], a['unit'])}) "
            f"{verb} {_label(sources, r['source_b'])}: \"{qb}\" "
            f"({interval(b['lower'], b['upper'], b['unit'])})."
            if r["verdict"] == "contradicts" else
            f"{r['explanation']}. Quotes: {_label(sources, r['source_a'])}: \"{qa}\"; "
            f"{_label(sources, r['source_b'])}: \"{qb}\"."
        )
        title = ("Implied vs projected valuation" if r["verdict"] == "differs_from_projection"
                 else metric_label(r["metric"]))
        out.append(f"**{md(title)}** — {md(body)}")
    return out
