"""Qualitative claims: deal stage, structure, people and roles, outlets cited, with quotes.

Driven by ``data/qualitative_cues.csv`` (kind, value, pattern), so another kind of event
brings its own cues. Each row keeps the sentence's raw offsets and, as its quote, exactly the raw
text between them.
"""

from __future__ import annotations

import re

import pandas as pd

from .claims import Lexicons, attributed_outlets
from .cleaning import CleanSource
from .dating.stage import deal_stage, headings
from .lexicons import load_cues
from .parallel import Workers, map_sources
from .subjects import corpus_parties

COLUMNS = ["source_id", "kind", "value", "detail", "quote", "start", "end"]
_PERSON = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_ROLE_WORDS = re.compile(
    r"(?i)\b(?:CEO|chief executive(?: officer)?|founder|co-founder|chair(?:man|woman)?|president|"
    r"chief [a-z]+ officer|head of [\w ]{2,30}|director|board)\b"
)
_NOT_PEOPLE = {"Press Release", "Chief Executive", "Executive Officer", "Group Chief"}
_NEGATION = re.compile(r"(?i)\b(?:not|neither|nor|no|never|yet to|n't|without)\b(?:\s+\w+){0,3}\s*$")


def _affirmed(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of a cue that is not negated ("neither company has confirmed")."""
    for m in regex.finditer(text):
        if not _NEGATION.search(text[max(0, m.start() - 40) : m.start()]):
            return m
    return None


def qualitative_claims(cleaned: list[CleanSource], cues_path: str | None = None,
                       lex: Lexicons | None = None, jobs: int | Workers = 1) -> pd.DataFrame:
    """One row per (source, kind, value) with the first sentence that states it (``jobs``: worker
    processes or Dask for the per-source reading; the same table either way)."""
    cues = load_cues(cues_path, "qualitative_cues.csv", ("kind", "value"))
    lex = lex or Lexicons.load()
    manifest_outlets = sorted({cs.source.outlet for cs in cleaned if cs.source.outlet})
    orgs = _org_words(cleaned)
    per_source = map_sources(_source_rows, cleaned, jobs, (cues, lex, manifest_outlets, orgs))
    rows = [r for found in per_source for r in found]
    own = {cs.source.id: cs.source.outlet.casefold() for cs in cleaned}
    rows = [r for r in rows if not (r["kind"] == "outlet_cited" and r["value"].casefold() == own.get(r["source_id"]))]
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.sort_values(["kind", "value", "source_id"], kind="stable").reset_index(drop=True)


def _source_rows(cs: CleanSource, cues: list[dict], lex: Lexicons, manifest_outlets: list[str],
                 orgs: set[str]) -> list[dict]:
    """The qualitative rows of one source, first statement of each (kind, value) only."""
    rows: list[dict] = []
    seen: set[tuple[str, str, str]] = set()

    def add(src: str, kind: str, value: str, detail: str, sent) -> None:
        key = (src, kind, value.casefold())
        if key in seen:
            return
        seen.add(key)
        # the quote is the page's own characters (``sent.text`` is normalised), so raw[start:end] == quote
        rows.append({"source_id": src, "kind": kind, "value": value, "detail": detail,
                     "quote": cs.source.raw[sent.start:sent.end], "start": sent.start, "end": sent.end})

    # The stage is the timeline's reading of the whole source, quoted at its strongest cue.
    stage, evidence = deal_stage(headings(cs.source.title, cs.source.url) + list(cs.sentences))
    chosen = [e for e in evidence if e.used and e.start is not None]
    if stage != "unknown" and chosen:
        at = next((x for x in cs.sentences if x.start <= chosen[0].start < x.end), None)
        if at is not None:
            add(cs.source.id, "deal_stage", stage, "", at)
    for sent in cs.sentences:
        for row in cues:
            hit = _affirmed(row["regex"], sent.text)
            if hit:
                detail = ""
                if row["kind"] == "role":
                    people = sorted(
                        (abs(m.start() - hit.start()), m.group(1))
                        for m in _PERSON.finditer(sent.text)
                        if m.group(1) not in _NOT_PEOPLE and not _org_like(m.group(1), orgs)
                    )
                    people = [p for _, p in people]
                    if not people:
                        continue
                    role = _ROLE_WORDS.search(sent.text)
                    detail = ", ".join(dict.fromkeys(people)) + (
                        f" ({role.group(0)})" if role else "")
                    add(cs.source.id, row["kind"], f"{row['value']}: {people[0]}", detail, sent)
                    continue
                add(cs.source.id, row["kind"], row["value"], detail, sent)
        for outlet in attributed_outlets(sent.text, lex, manifest_outlets):
            if outlet != cs.source.outlet:
                add(cs.source.id, "outlet_cited", outlet, "", sent)
    return rows


def _org_words(cleaned: list[CleanSource]) -> set[str]:
    """First words of the corpus parties (target, acquirer), so they are not taken for people."""
    return {p.split()[0] for p in corpus_parties(cleaned, set()) if p}


def _org_like(name: str, org_words: set[str]) -> bool:
    return name.split()[0] in org_words
