"""The pipeline's stages as functions of the parameters, shared by notebooks and tests.

Each notebook asks for the stages it builds on instead of reading another notebook's
output, so every notebook also runs alone from its defaults. Each stage is computed once
per input: its result is kept in the stage cache (:mod:`analysis.cache`, under
``cache_dir``) under a key of the corpus, the parameters it reads and the key of the
stage it builds on, and later notebooks (or a notebook run alone) read it from there.

A result handed out here remembers its key, so passing it on (``claims(p, cs)``) keys
the next stage. An object a caller built or changed itself carries no key and is
computed afresh, never mistaken for a cached one (DataFrames are handed out as copies,
so changing one in place cannot alter what the cache returns next).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from . import artifacts, paths
from .cache import StageCache, file_digest, key
from .claims import Lexicons, extract_claims, headline_claims
from .cleaning import CleanSource, clean_corpus, load_rules
from .compare import TimeKey, compare_claims, later_by_keys
from .corpus import Corpus, check_csv_columns, control_characters, load_corpus
from .formatting import BOUND_WORDS, count, figure
from .language import language_metrics, load_hedge_cues
from .near_duplicates import near_duplicates
from .params import Params
from .qualitative import qualitative_claims

T = TypeVar("T")
_CACHES: dict[str, StageCache] = {}
_ISSUED: dict[int, tuple[weakref.ref, str, StageCache]] = {}  # id -> (object, its key, its cache)


class Sources(list):
    """The cleaned sources as handed out (a list that can be weakly referenced)."""


def stage_cache(p: Params) -> StageCache:
    """The cache of ``p.cache_dir`` (one per folder per process; ``none``: memory only)."""
    root = p.cache_dir or "none"
    if root not in _CACHES:
        _CACHES[root] = StageCache(None if root == "none" else Path(root))
    return _CACHES[root]


def _issue(obj: T, k: str, cache: StageCache) -> T:
    try:
        ref = weakref.ref(obj)
    except TypeError:  # a dict of tables: nothing builds on it, so it needs no key
        return obj
    _ISSUED[id(obj)] = (ref, k, cache)
    weakref.finalize(obj, _ISSUED.pop, id(obj), None)
    return obj


def key_of(obj: Any) -> str | None:
    """The stage key of a result handed out by this module (None for anything else)."""
    got = _ISSUED.get(id(obj))
    return got[1] if got is not None and got[0]() is obj else None


def _cached(p: Params | None, stage: str, inputs: tuple[Any, ...], parts: tuple[Any, ...],
            compute: Callable[[], T], copy: Callable[[T], T]) -> T:
    """``compute()`` through the cache when every input was handed out here, else directly."""
    keys = [key_of(x) for x in inputs]
    if any(k is None for k in keys):
        return compute()
    cache = stage_cache(p) if p is not None else _ISSUED[id(inputs[0])][2]
    k = key(stage, *keys, *parts)
    return _issue(copy(cache.get(stage, k, compute)), k, cache)


def _frame_copy(df: pd.DataFrame) -> pd.DataFrame:
    return df.copy()


def corpus(p: Params) -> Corpus:
    """The articles of ``p.corpus_dir`` as the manifest lists them (raw text, hashes, metadata),
    checked and decoded: what every other stage reads."""
    return load_corpus(p.corpus_dir, p.manifest or None, p.encoding)


#: The lexicons a user may replace: parameter, shipped file, and how its loader names it.
LEXICON_FILES = (("metric_lexicon", "metric_lexicon.csv", "lexicon"), ("stance_cues", "stance_cues.csv", "lexicon"),
                 ("hedge_cues", "hedge_cues.csv", "hedge cue file"))


def check_inputs(p: Params) -> Corpus:
    """Read every input file the stages will read (corpus, manifest, events, rules, lexicons) and
    refuse a bad one now, with the file named: before any notebook runs, not in the middle of one.

    A replacement lexicon must have every column of the shipped one (the stages read them all).
    """
    c = corpus(p)
    events(p)
    load_rules(p.extra_rules or None)
    for name, shipped, what in LEXICON_FILES:
        value = getattr(p, name)
        if value:
            columns = next(csv.reader((paths.DATA_DIR / shipped).read_text(encoding="utf-8").splitlines()[:1]))
            check_csv_columns(Path(value), f"{what} {value}", None, columns)
    lexicons(p)
    load_hedge_cues(p.hedge_cues or None)
    return c


def events(p: Params) -> pd.DataFrame:
    """The reference events (``p.events``), their header checked first: a repeated or misspelt
    column would otherwise be read from the wrong column or ignored."""
    from .dating.events import EVENT_COLUMNS
    from .timeline import load_events

    if p.events_path is not None:
        check_csv_columns(p.events_path, f"events file {p.events_path}", EVENT_COLUMNS, ("date", "event", "patterns"))
    return load_events(p.events_path)


def corpus_key(c: Corpus) -> str:
    """Every source's manifest fields, path and the SHA-256 of its bytes, and the codec that decoded
    them (the same bytes read as latin-1 are another text, with other offsets)."""
    return key("corpus", c.encoding, [[s.id, s.file, str(s.path), s.sha256, s.outlet, s.title, s.url, s.published,
                                       s.notes] for s in c.sources])


def cleaned(p: Params, c: Corpus | None = None) -> list[CleanSource]:
    """Every source with its page furniture removed (each removal logged with raw offsets), split
    into paragraphs and sentences that keep raw offsets: the text every later stage reads, so a
    quote in any table can be found in the raw page."""
    c = c or corpus(p)
    cache = stage_cache(p)
    k = key("cleaned", corpus_key(c), file_digest(p.extra_rules))
    found = cache.get("cleaned", k, lambda: clean_corpus(c, load_rules(p.extra_rules or None), p.workers))
    return _issue(Sources(found), k, cache)


def _nonspace(text: str) -> int:
    """Characters that are not whitespace: the unit of ``removed_share``, on both sides."""
    return len("".join(text.split()))  # str.split() cuts at exactly the str.isspace characters


def labels(cs: list[CleanSource]) -> dict[str, str]:
    """Display names per source id (outlet and id, or the id)."""
    return {c.source.id: c.source.label for c in cs}


# --------------------------------------------------------------------------- cleaning


def cleaning_tables(cs: list[CleanSource], p: Params) -> dict[str, pd.DataFrame]:
    """The audit, per-source summary, paragraphs, sentences and near-duplicates."""
    return _cached(p, "cleaning_tables", (cs,), (p.near_duplicate_threshold,),
                   lambda: _cleaning_tables(cs, p), lambda d: {k: v.copy() for k, v in d.items()})


def _cleaning_tables(cs: list[CleanSource], p: Params) -> dict[str, pd.DataFrame]:
    audit = pd.DataFrame(
        [{"source_id": r.source_id, "start": r.start, "end": r.end, "rule": r.rule,
          "action": r.action, "text": r.text} for c in cs for r in c.removals],
        columns=["source_id", "start", "end", "rule", "action", "text"],
    )
    paragraphs = pd.DataFrame(
        [{"source_id": s.source_id, "paragraph": s.index, "start": s.start, "end": s.end,
          "text": s.text} for c in cs for s in c.paragraphs],
        columns=["source_id", "paragraph", "start", "end", "text"],
    )
    sentences = pd.DataFrame(
        [{"source_id": s.source_id, "sentence": s.index, "paragraph": s.paragraph,
          "start": s.start, "end": s.end, "text": s.text} for c in cs for s in c.sentences],
        columns=["source_id", "sentence", "paragraph", "start", "end", "text"],
    )
    dups = near_duplicates(cs, p.near_duplicate_threshold)
    # rows naming each source (a row within one source counts once), without a scan per source
    dup_rows = Counter(dups["source_a"]) + Counter(dups["source_b"])
    dup_rows.subtract(dups.loc[dups["source_a"] == dups["source_b"], "source_a"])
    rows = []
    for c in cs:
        src = c.source
        removed = sum(r.end - r.start for r in c.removals if r.action == "remove")
        moved = sum(r.end - r.start for r in c.removals if r.action == "metadata")
        raw_chars = len(src.raw)
        nonspace = _nonspace(src.raw)
        taken = sum(_nonspace(src.raw[r.start:r.end]) for r in c.removals)
        rules = sorted(Counter(r.rule for r in c.removals).items())
        rows.append({
            "source_id": src.id, "file": src.file, "label": src.label, "outlet": src.outlet,
            "title": src.title, "url": src.url, "published": src.published, "notes": src.notes,
            "sha256": src.sha256,
            "raw_chars": raw_chars, "clean_chars": len(c.clean_text),
            "removed_chars": removed, "metadata_chars": moved,
            "nonspace_chars": nonspace,
            "removed_share": round(taken / nonspace, 4) if nonspace else 0.0,
            "control_chars": control_characters(src.raw),
            "paragraphs": len(c.paragraphs), "sentences": len(c.sentences),
            "near_duplicate_paragraphs": dup_rows[src.id],
            "rules": "; ".join(f"{k} ({v})" for k, v in rules),
            **{f"meta_{k}": v for k, v in c.metadata.items()},
        })
    sources = pd.DataFrame(rows)
    return {"cleaning_audit": audit, "sources": sources, "paragraphs": paragraphs,
            "sentences": sentences, "near_duplicates": dups}


def write_cleaning(cs: list[CleanSource], tables: dict[str, pd.DataFrame], p: Params) -> None:
    """Write the cleaning tables, each cleaned text, ``params.json`` and ``inputs.json`` to the
    artifacts of ``p.out_dir`` (never a published run's): what the report and a reader check
    the cleaning against."""
    for name, df in tables.items():
        artifacts.write_table(df, p.out_dir, name)
    for c in cs:
        artifacts.write_text(p.out_dir, f"clean/{c.source.id}.txt", c.clean_text + "\n")
    artifacts.write_text(p.out_dir, "params.json", p.portable_json())
    artifacts.write_json(p.out_dir, "inputs.json", input_files(p))


def input_files(p: Params) -> list[dict[str, str]]:
    """The run's input files beside the articles (manifest, events, rule and lexicon files) with
    their hashes, recorded at run time so a later ``render`` reports what the run really read."""
    out = []
    for role in ("manifest", "events", "extra_rules", "metric_lexicon", "stance_cues", "hedge_cues"):
        value = getattr(p, role)
        if value and value != "none" and Path(value).is_file():
            out.append({"role": role, "file": Path(value).name,
                        "sha256": hashlib.sha256(Path(value).read_bytes()).hexdigest()})
    return out


# --------------------------------------------------------------------------- claims


def lexicons(p: Params) -> Lexicons:
    """The metric lexicon and stance cues (shipped, or the files the parameters name) that
    claim extraction, transactions and qualitative claims read."""
    return Lexicons.load(p.metric_lexicon or None, p.stance_cues or None)


def _lexicon_parts(p: Params) -> tuple[str, str]:
    return file_digest(p.metric_lexicon), file_digest(p.stance_cues)


def claims(p: Params, cs: list[CleanSource]) -> pd.DataFrame:
    """One row per figure each source states (``claims.csv``): metric, value, the interval its
    wording admits, stance, quote with raw offsets, and the derived valuations: what the
    comparisons, the timeline's headline figures and the report's claim tables are built on."""
    return _cached(p, "claims", (cs,), (*_lexicon_parts(p), p.approx_tolerance),
                   lambda: extract_claims(cs, lexicons(p), p.approx_tolerance, p.workers), _frame_copy)


def qualitative(p: Params, cs: list[CleanSource]) -> pd.DataFrame:
    """The claims that are not figures (``qualitative.csv``): deal stage, structure, people and
    roles, outlets cited, each with its quote, for the report's qualitative table."""
    return _cached(p, "qualitative", (cs,), _lexicon_parts(p),
                   lambda: qualitative_claims(cs, lex=lexicons(p), jobs=p.workers), _frame_copy)


# --------------------------------------------------------------------------- timeline


@dataclass
class Timeline:
    """The dated corpus: windows in timeline order, the table, and the reference events.

    ``events`` holds the events that bound at least one source (from events.csv and learned
    from the corpus: what the chart marks); ``events_used`` every event with the sources it
    bounds; ``evidence`` one row per evidence item with its raw offsets.
    """

    dates: list  # list[timeline.SourceDate], in timeline order
    table: pd.DataFrame
    events: pd.DataFrame
    events_used: pd.DataFrame
    evidence: pd.DataFrame | None = None

    @property
    def order(self) -> list[str]:
        return list(self.table.sort_values("order")["source_id"])

    @functools.cached_property
    def times(self) -> dict[str, TimeKey]:
        """Each source's earliest and latest date (the published date when known) and stage rank."""
        return {d.source_id: (d.published or d.earliest, d.published or d.latest, d.stage_rank) for d in self.dates}

    def later(self, a: str, b: str) -> bool | None:
        """True when source ``a`` certainly appeared after source ``b``.

        Certain means the windows do not overlap (a's earliest after b's latest), or the
        windows overlap and a is at a strictly later deal stage (weaker, but the stage
        order is evidence the issue accepts for marking a revision).
        """
        if a not in self.times or b not in self.times:
            return None
        return later_by_keys(self.times[a], self.times[b])


def build_timeline(p: Params, cs: list[CleanSource], claims_df: pd.DataFrame) -> Timeline:
    """Date every source (events.csv is optional: events are also learned from the corpus)."""
    return _cached(p, "timeline", (cs, claims_df), (file_digest(p.events_path),),
                   lambda: _build_timeline(p, cs, claims_df), _timeline_copy)


def _timeline_copy(tl: Timeline) -> Timeline:
    return dataclasses.replace(
        tl, dates=list(tl.dates), table=tl.table.copy(), events=tl.events.copy(),
        events_used=tl.events_used.copy(), evidence=None if tl.evidence is None else tl.evidence.copy())


def _build_timeline(p: Params, cs: list[CleanSource], claims_df: pd.DataFrame) -> Timeline:
    from . import timeline

    dates, learned = timeline.date_corpus(cs, events(p), p.workers)
    by_id = {d.source_id: d for d in dates}
    dates = [by_id[i] for i in timeline.timeline_order(dates)]
    heads = headline_claims(claims_df)
    headline = {r["source_id"]: f"{figure(r['value'], r['unit'])} ({BOUND_WORDS.get(r['bound'], r['bound'])})"
                for _, r in heads.iterrows()}
    table = timeline.timeline_table(dates, headline)
    used = timeline.events_used_table(dates, learned)
    matched = used[used["matched_sources"].astype(str).str.strip() != ""].reset_index(drop=True)
    return Timeline(dates, table, matched, used, timeline.evidence_table(dates))


def comparisons(claims_df: pd.DataFrame, tl: Timeline) -> pd.DataFrame:
    """A verdict for every pair of claims of one metric and transaction (``comparisons.csv``):
    same, compatible, superseded (the timeline orders them), contradicts, ...; it needs the
    timeline because a later figure revises an earlier one rather than contradicting it."""
    return _cached(None, "comparisons", (claims_df, tl), (),
                   lambda: compare_claims(claims_df, times=tl.times), _frame_copy)


# --------------------------------------------------------------------------- language


def claim_repeats(claims_df: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Raw spans of the 2nd and later mentions of every claim, per source."""
    out: dict[str, list[tuple[int, int]]] = {}
    for _, r in claims_df[claims_df["source_id"] != "derived"].iterrows():
        spans = [tuple(int(x) for x in o.split("-")) for o in str(r["offsets"]).split(";") if o]
        out.setdefault(r["source_id"], []).extend(spans[1:])
    return out


def language(p: Params, cs: list[CleanSource], claims_df: pd.DataFrame) -> pd.DataFrame:
    """Per source (``language.csv``): readability of the raw and cleaned text, hedges per 1,000
    words and the share of repeated sentences; the claims mark repeated figures as repeats."""

    def compute() -> pd.DataFrame:
        cues = load_hedge_cues(p.hedge_cues or None)
        return language_metrics(cs, claim_repeats(claims_df), cues, p.repeat_threshold, p.workers)

    return _cached(p, "language", (cs, claims_df), (file_digest(p.hedge_cues), p.repeat_threshold),
                   compute, _frame_copy)


#: How the report names a transaction of each kind.
DEAL_NOUNS = {"acquisition": "acquisition of", "merger": "merger with", "investment": "investment in",
              "funding_round": "funding of", "licensing": "licensing deal with", "hiring": "hiring of staff from",
              "ipo": "initial public offering of", "other": "deal with"}


def deal_name(acquirer: str, target: str, kind: str, follow_on: bool | str = False,
              ended_round: bool | str = False) -> str:
    """"Adobe's acquisition of Figma", "Amazon's investment in Anthropic"; a later deal of the same
    parties (``follow_on``) is "Amazon's later investment in Anthropic", an earlier round that
    ended (``ended_round``) "Google's earlier, ended acquisition of Wiz"."""
    noun = DEAL_NOUNS.get(kind, DEAL_NOUNS["other"])
    if str(follow_on) == "True":
        noun = f"later {noun}"
    if str(ended_round) == "True":
        noun = f"earlier, ended {noun}"
    if kind == "ipo" and target:
        return f"{target}'s initial public offering"
    if acquirer and target:
        return f"{acquirer}'s {noun} {target}"
    if target:
        return f"the {noun} {target}"
    return "the deal"


def event_info(p: Params, cs: list[CleanSource], table: pd.DataFrame | None = None) -> dict:
    """The event's name and description: from the parameters, else from the main transaction (the
    one the most sources describe); the other transactions are listed with it. ``table``: the
    transactions already found (see :func:`transactions`), so they are not found twice."""
    table = transactions(p, cs) if table is None else table
    main = table[table["main"]].iloc[0] if table["main"].any() else None
    kind = str(main["kind"]) if main is not None else ""
    acquirer = str(main["acquirer"]) if main is not None else ""
    target = str(main["target"]) if main is not None else ""
    name = p.event_name or deal_name(acquirer, target, kind)
    description = p.event_description or (
        f"How {count(len(cs), 'source')} reported {name}: the figures {'it gives' if len(cs) == 1 else 'they give'}, "
        f"when {'it' if len(cs) == 1 else 'they'} appeared, and where {'its figures' if len(cs) == 1 else 'they'} "
        "disagree."
    )
    others = [{"id": r["transaction_id"],
               "name": deal_name(r["acquirer"], r["target"], r["kind"], r.get("follow_on", False),
                                 r.get("ended_round", False)),
               "kind": r["kind"], "sources": int(r["sources"])} for _, r in table[~table["main"]].iterrows()]
    return {"name": name, "description": description, "target": target, "acquirer": acquirer,
            "kind": kind, "others": others}


def transactions(p: Params, cs: list[CleanSource]) -> pd.DataFrame:
    """The transactions the corpus describes (main first), with the deal sentence of each."""
    from .claims import find_transactions
    from .transactions import transactions_table

    return _cached(p, "transactions", (cs,), _lexicon_parts(p),
                   lambda: transactions_table(find_transactions(cs, lexicons(p))), _frame_copy)


# --------------------------------------------------------------------------- charts


class Chart:
    """A chart saved as SVG; shows itself in Jupyter (the same bytes the report embeds)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _repr_svg_(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def __repr__(self) -> str:
        return f"Chart({self.path})"


def chart(p: Params, name: str, draw: Callable[[], Any], *inputs: Any) -> Chart:
    """Draw a chart and save it as ``figures/<name>.svg`` in the run's artifacts, once per input.

    ``draw`` must build the chart only from ``inputs`` (stage results handed out here) and the
    parameters: the SVG is cached under their keys, so a rerun writes the stored bytes instead
    of drawing again. With an input a caller made itself, the chart is simply drawn.
    """
    from . import figures

    def render() -> bytes:
        fig = draw()
        path = figures.save(fig, p.out_dir, name)
        figures.pyplot().close(fig)
        return path.read_bytes()

    keys = [key_of(x) for x in inputs]
    if any(k is None for k in keys):
        svg = render()
    else:
        k = key("chart", name, p.to_json(include_out_dir=False), *keys)
        svg = stage_cache(p).get("chart", k, render)
    path = artifacts.writable(p.out_dir) / "figures" / f"{name}.svg"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != svg:
        path.write_bytes(svg)
    return Chart(path)
