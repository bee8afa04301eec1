"""Extract claims: every figure in the cleaned text, with metric, subject, stance and source.

Claims are found in kept sentences only (never in removed boilerplate) and keep raw
offsets: ``raw[start:end] == quote``. The same figure for the same metric repeated in
one source is one claim with a mention count and every offset.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .basis import INCLUDING_DEBT, figure_basis, known_bases
from .cleaning import CleanSource
from .formatting import MONEY_UNITS
from .lexicons import load_cues
from .numbers import Amount, in_local_dollars, local_dollar, parse_amounts, us_marked
from .parallel import Workers, map_sources
from .stance import classify_stance
from .subjects import corpus_parties, find_subject, says_valued

CLAIM_COLUMNS = [
    "claim_id", "source_id", "metric", "subject", "value", "unit", "lower", "upper", "bound", "basis",
    "basis_from", "stance", "attributed_to", "quote", "start", "end", "mentions", "offsets", "sentence",
    "inputs", "transaction",
]
#: the digits a figure is written with ("27.7" of "$27.7 billion")
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d*)?")
#: A shareholder vote before a percentage of shares: the share that voted, not a stake bought.
_VOTED = re.compile(r"(?i)\b(?:(?:share|stock)?holders?|investors)\b[^.;]{0,60}\b(?:vote[sd]?|voting|ballots?|"
                    r"proxies|turnout)\b|\b(?:votes? cast|in the vote|the vote)\b")
#: A figure in brackets right after one in another currency, or after "or", is that figure converted:
#: "$23 billion (around 21 billion euros)", "$3.6 billion or NIS 11 billion".
_CONVERTED = re.compile(r"\s*\(\s*(?:(?:approx\.?|approximately|about|around|roughly|some|nearly|almost|or|c\.|~)\s*)?"
                        r"|,?\s+or\s+(?:(?:approximately|about|around|roughly|some|nearly|almost)\s+)?")
_COMPARED = re.compile(r"(?i)\b(?:up|down|rising|falling|increased?|decreased?|compared)\s+"
                       r"(?:from|with|to)\s+(?:an?\s+|the\s+)?$")
_DEAL_VALUED = re.compile(
    r"(?i)(?<!any )\b(?:deal|transaction|agreement|acquisition|merger|takeover|purchase|buyout|pact|offer|bid)\b"
    # no other name between, but the deal's own target ("acquisition of HashiCorp, valued at"): the
    # deal is what is valued
    r"(?:\s+(?:of|for)\s+(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z][\w&.'’-]*)){0,3})?"
    r"(?-i:[^.;A-Z]){0,40}?\b(?:valued|worth)\b[^.;]{0,25}$")
#: "commercial arrangements with X, valued at up to $250 million": what is valued is a contract,
#: not a company.
_THING_VALUED = re.compile(
    r"(?i)\b(?:arrangements?|contracts?|amendments?|licen[cs]es?|commitments?|orders?)\b"
    r"(?:[^.;]){0,60}?\b(?:valued|worth)\b[^.;]{0,25}$")


@dataclass
class Mention:
    source_id: str
    amount: Amount
    start: int
    end: int
    quote: str
    sentence: str
    metric: str
    subject: str
    stance: str
    attributed_to: str
    #: whether the figure counts the target's debt ("including_debt", "equity", "": not said)
    basis: str = ""


@dataclass
class Lexicons:
    metrics: list[dict] = field(default_factory=list)
    valuation_time: list[dict] = field(default_factory=list)
    stances: list[dict] = field(default_factory=list)
    outlets: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, metric_lexicon=None, stance_cues=None, outlets=None) -> Lexicons:
        return cls(
            metrics=load_cues(metric_lexicon, "metric_lexicon.csv", ("metric", "kind", "priority")),
            valuation_time=load_cues(None, "valuation_time.csv", ("time",)),
            stances=load_cues(stance_cues, "stance_cues.csv", ("stance",)),
            outlets=load_cues(outlets, "outlets.csv", ("outlet",)),
        )


# --------------------------------------------------------------------------- attribution


#: A money figure below this, with no scale word, is a share's size: "worth $110" values a share.
PER_SHARE_SIZED = 10_000
_SCALE_WORD = re.compile(r"(?i)(?:thousand|million|billion|trillion|crore|lakh|\d\s*(?:k|m|mn|mln|b|bn|bln|tn)\b)")


def classify_metric(sentence: str, amount: Amount, lex: Lexicons) -> str:
    """Metric from cue words near the figure; a specific metric beats the generic deal value.

    Each lexicon row says on which side of the figure its cue may stand and how far away;
    the nearest cue wins, with 12 characters of handicap per priority step.
    """
    best: tuple[int, str] | None = None
    for row in lex.metrics:
        if row["kind"] not in (amount.kind, "any"):
            continue
        gap, side = int(row["max_gap"]), row["side"]
        dists: list[int] = []
        if side in ("before", "both"):
            for m in row["regex"].finditer(sentence, max(0, amount.start - gap - 60), amount.start):
                if 0 <= amount.start - m.end() <= gap:
                    dists.append(amount.start - m.end())
        if side in ("after", "both"):
            tail = sentence[amount.end : amount.end + gap + 60]
            dists += [m.start() for m in row["regex"].finditer(tail) if m.start() <= gap]
        for dist in dists:
            key = (max(dist, 0) + 12 * (int(row["priority"]) - 1), row["metric"])
            if best is None or key < best:
                best = key
    if amount.kind == "count":
        nouns = [r for r in lex.metrics if r["kind"] == "count" and r["regex"].search(amount.unit)]
        return str(nouns[0]["metric"]) if nouns else "other"
    if best is None:
        return "other"
    metric = best[1]
    if metric == "stake" and _VOTED.search(sentence[max(0, amount.start - 90):amount.start]):
        return "other"  # "holders voting represented 77.5% of the outstanding shares": a turnout
    if metric == "valuation":
        if amount.kind == "money" and amount.value < PER_SHARE_SIZED and not _SCALE_WORD.search(amount.text):
            return "other"  # "NXP could be worth $110 or more": a share's worth, not the company's
        if _DEAL_VALUED.search(sentence[max(0, amount.start - 60):amount.start]):
            return "deal_value"  # "the deal, valued at $650 million": the price, not a company's worth
        if _THING_VALUED.search(sentence[max(0, amount.start - 100):amount.start]):
            return "other"
        return "valuation_" + valuation_time(sentence, amount, lex)
    return metric


def valuation_time(sentence: str, amount: Amount, lex: Lexicons) -> str:
    """before / projected / at_deal, from cues in the clause around a valuation figure."""
    text = sentence[max(0, amount.start - 120) : amount.end + 60]
    for row in lex.valuation_time:
        if row["regex"].search(text):
            return str(row["time"])
    return "at_deal"


def attributed_outlets(sentence: str, lex: Lexicons, extra_outlets: list[str]) -> list[str]:
    """Outlets the sentence cites as its source of information."""
    names: list[str] = []
    said: dict[str, str] = {}  # an outlet's name -> the words the sentence calls it by ("Dow Jones")
    for row in lex.outlets:
        if found := row["regex"].search(sentence):
            names.append(row["outlet"])
            said[row["outlet"]] = found.group(0)
    for name in extra_outlets:
        if name and re.search(rf"\b{re.escape(name)}\b", sentence, re.I) and name not in names:
            names.append(name)
    cite = re.compile(
        r"(?:according to|as (?:reported|noted|discussed) by|reports? (?:from|by)|cited by)\s+"
        r"((?:[A-Z][\w'&.-]*\s?){1,4})"
    )
    for m in cite.finditer(sentence):
        cand = m.group(1).strip().rstrip(".,")
        if cand and cand not in names and not any(cand in said.get(n, n) or said.get(n, n) in cand for n in names):
            names.append(cand)
    out = []
    for n in names:
        w = re.escape(said.get(n, n))
        ctx = re.compile(
            rf"(?i)(?:according to|reported by|as (?:reported|noted|discussed) by|reports? (?:from|by)"
            rf"|cited by|citing)\s+(?:\w+\s+){{0,3}}?{w}|{w}(?:'s)?\s+"
            rf"(?:\w+\s+){{0,2}}(?:reported|reports|said|says|coverage|report)\b"
        )
        if ctx.search(sentence):
            out.append(n)
    return out


# --------------------------------------------------------------------------- extraction


def party_words(groups) -> set[str]:
    """The words naming the parties of the corpus's transactions ("musk", "twitter", "inflection"),
    by every name their mentions use (a buyer and its parent, "Google" and "Alphabet")."""
    from .transactions import name_words

    return {w for t in groups for name in (t.acquirer, t.target, *(n for m in t.mentions
                                                                  for n in (m.acquirer, m.target)))
            for w in name_words(name)}


def extract_mentions(
    cleaned: list[CleanSource], lex: Lexicons, approx_tolerance: float = 0.1, parties_words: set[str] | None = None,
    jobs: int | Workers = 1,
) -> list[Mention]:
    """Every figure in every kept sentence, attributed (each source read alone: ``jobs`` worker
    processes or Dask give the same mentions in the same order)."""
    outlets = {r["outlet"] for r in lex.outlets}
    manifest_outlets = sorted({cs.source.outlet for cs in cleaned if cs.source.outlet})
    parties = corpus_parties(cleaned, outlets | set(manifest_outlets))
    shared = (lex, approx_tolerance, parties_words, outlets, manifest_outlets, parties)
    return [m for found in map_sources(_source_mentions, cleaned, jobs, shared) for m in found]


_BLANK_RUN = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")


def _source_mentions(cs: CleanSource, lex: Lexicons, approx_tolerance: float, parties_words: set[str] | None,
                     outlets: set[str], manifest_outlets: list[str], parties: tuple[str, str]) -> list[Mention]:
    """The mentions of one source."""
    mentions = []
    raw = cs.source.raw
    local = local_dollar(cs.source.url, raw)  # "$US53 billion ($79.6b)": "$" is the page's own dollar
    prev = ""
    paras: dict[int, str] = {}  # one string per paragraph: a slice per sentence was quadratic in a long one
    for sent in cs.sentences:
        # a sentence read across blank lines (a scrape with a line per span: "offer for $23" /
        # "billion in July") reads on: the same number of characters, so offsets stay raw
        text = _BLANK_RUN.sub(lambda m: " " * len(m.group(0)), raw[sent.start : sent.end])
        if (para := paras.get(sent.paragraph)) is None:
            para = paras[sent.paragraph] = raw[cs.paragraphs[sent.paragraph].start : cs.paragraphs[sent.paragraph].end]
        previous = ""
        before: Amount | None = None
        for amount in parse_amounts(text, approx_tolerance):
            if (local and before is not None and us_marked(before) and amount.value != before.value
                    and _CONVERTED.fullmatch(text, before.end, amount.start)):
                amount = in_local_dollars(amount, local)  # "$US53 billion ($79.6b)": converted
            metric = classify_metric(text, amount, lex)
            if previous and _COMPARED.search(text[max(0, amount.start - 30) : amount.start]):
                # "valuing it at $6 billion, up from $4 billion": the same quantity, earlier
                metric = "valuation_before" if previous.startswith("valuation") else previous
            elif (before is not None and before.kind == amount.kind == "money" and before.unit != amount.unit
                  and _CONVERTED.fullmatch(text, before.end, amount.start)):
                metric = previous  # "$35.9 billion (approx. NZ$60 billion)": the same figure, converted
            previous, before = metric, amount
            subject = find_subject(text, amount, metric, prev, parties, outlets)
            if metric.startswith("valuation") and parties[1] and subject == parties[1] != parties[0] \
                    and says_valued(text, amount, parties, outlets):
                metric = "other"  # the buyer's own market value is no valuation of what it buys
            start, end = sent.start + amount.start, sent.start + amount.end
            mentions.append(
                Mention(
                    cs.source.id, amount, start, end, raw[start:end], sent.text, metric,
                    subject, classify_stance(text, lex, para, (amount.start, amount.end),
                                             outlets | set(manifest_outlets), parties_words,
                                             market=metric == "share_price_move"),
                    ";".join(attributed_outlets(text, lex, manifest_outlets)),
                    figure_basis(text, amount.start, amount.end) if amount.kind == "money" else "",
                )
            )
        prev = text
    return mentions


def follow_conversions(claims: pd.DataFrame, cleaned: list[CleanSource]) -> pd.DataFrame:
    """A figure converted into another currency right after the one it converts ("$23 billion
    (around 21 billion euros)") is that figure: it takes its metric and its transaction, however
    the deal sentences around it were read."""
    raw = {cs.source.id: cs.source.raw for cs in cleaned}
    at: dict[tuple[str, int], int] = {}  # (source, end of a mention) -> claim row
    for i, (sid, offsets) in enumerate(zip(claims["source_id"], claims["offsets"], strict=True)):
        for span in str(offsets).split(";"):
            if "-" in span:
                at[(sid, int(span.split("-")[1]))] = i
    out = claims.copy()
    for i, (sid, start, unit) in enumerate(zip(claims["source_id"], claims["start"], claims["unit"], strict=True)):
        text = raw.get(sid, "")
        start = int(start)
        for end in range(max(0, start - 30), start):
            j = at.get((sid, end))
            if j is not None and j != i and claims["unit"].iat[j] != unit \
                    and {unit, claims["unit"].iat[j]} <= MONEY_UNITS and _CONVERTED.fullmatch(text, end, start):
                out.iloc[i, out.columns.get_loc("metric")] = claims["metric"].iat[j]
                out.iloc[i, out.columns.get_loc("transaction")] = claims["transaction"].iat[j]
                break
    return out


#: A link to another story in the page's furniture: its words are that story's headline
_LINKED = re.compile(r"(?i)\W*(?:also read|read more|read also|related(?: stories| articles?| news)?|see also|"
                     r"recommended|more on this)\b\s*[:|-]?")


def _is_heading(sentence: str) -> bool:
    """A headline or section title: short and without closing punctuation."""
    return len(sentence.split()) <= 40 and not sentence.rstrip().endswith((".", "!", "?", '"', "”"))


def claims_table(mentions: list[Mention]) -> pd.DataFrame:
    """One row per distinct (source, metric, value, unit, bound), first mention first."""
    groups: dict[tuple, list[Mention]] = {}
    for m in mentions:
        key = (m.source_id, m.metric, round(m.amount.value, 6), m.amount.unit, m.amount.bound)
        groups.setdefault(key, []).append(m)
    rows = []
    counters: Counter[str] = Counter()
    for (_sid, metric, _v, unit, bound), ms in groups.items():
        first = ms[0]
        # the certainty of its first mention, a headline's included (examples/CERTAINTY.md), but
        # not of a link to another story ("Also Read: X's $43 billion deal ..."); a headline the
        # body tells as a rumour or credits to others ("Meta Bids Big: A $10 Billion Investment"
        # over "Meta is rumored to be negotiating") takes the body's word
        told = [m for m in ms if not _LINKED.match(m.sentence)] or [first]
        body = [m for m in told if not _is_heading(m.sentence)]
        lead = told[0]
        stance = (body[0].stance if _is_heading(lead.sentence) and body
                  and body[0].stance in ("rumoured", "reported") else lead.stance)
        counters[first.source_id] += 1
        rows.append({
            "claim_id": f"{first.source_id}-c{counters[first.source_id]:02d}",
            "source_id": first.source_id, "metric": metric, "subject": first.subject,
            "value": first.amount.value, "unit": unit,
            "lower": first.amount.lower, "upper": first.amount.upper, "bound": bound,
            "basis": next((m.basis for m in ms if m.basis), ""), "basis_from": "", "stance": stance,
            "attributed_to": first.attributed_to, "quote": first.quote,
            "start": first.start, "end": first.end, "mentions": len(ms),
            "offsets": ";".join(f"{m.start}-{m.end}" for m in ms), "sentence": first.sentence,
            "inputs": "", "transaction": "",
        })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def main_transaction_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims of the main transaction (all claims when transactions are not known)."""
    from .transactions import MAIN_ID

    if "transaction" not in claims or not (claims["transaction"] == MAIN_ID).any():
        return claims
    return claims[claims["transaction"] == MAIN_ID]


def reported_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """What the report and its charts set side by side: the main transaction's figures and figures
    about no transaction (a valuation, revenue, a share move), never another deal's."""
    from .transactions import MAIN_ID

    if "transaction" not in claims:
        return claims
    return claims[claims["transaction"].fillna("").isin(["", MAIN_ID])]


def headline_claims(claims: pd.DataFrame, metric: str = "deal_value") -> pd.DataFrame:
    """Per source, the main transaction's claim for ``metric`` it repeats most (first mention
    breaks ties). Figures of other transactions never enter the headline comparison."""
    claims = main_transaction_claims(claims)
    sub = claims[(claims["metric"] == metric) & (claims["source_id"] != "derived")]
    if sub.empty:
        return sub
    ordered = sub.sort_values(["source_id", "mentions", "start"], ascending=[True, False, True])
    picked = []
    for _, mine in ordered.groupby("source_id", sort=True):  # one pass: a filter per source is quadratic
        first = mine.index[0]
        tied = mine[(mine["mentions"] == mine.at[first, "mentions"]) & (mine["unit"] == mine.at[first, "unit"])]
        picked.append(_finer_of(tied, first))
    return ordered.loc[picked].reset_index(drop=True)


def _step(value: float, quote: str) -> float:
    """The place a figure is written to: "$27bn" -> 1e9, "$27.7 billion" -> 1e8 (0 when unclear)."""
    number = _WRITTEN_NUMBER.search(quote)
    digits = int(re.sub(r"\D", "", number.group(0))) if number else 0
    return value / digits if digits and value > 0 else 0.0


def _finer_of(tied: pd.DataFrame, first: int) -> int:
    """The row of ``tied`` (one source's equally repeated figures) standing for the source: the
    first mention, unless that is a heading's rounding of a finer figure the body gives for the
    same thing ("picks up Slack in $27bn deal" over "for $27.7 billion"): the closest such figure,
    rounded before cut ("$14bn" is $14.1bn before $14.9bn), of the same basis (with or without debt)."""
    coarse = float(tied.at[first, "value"])
    step = _step(coarse, str(tied.at[first, "quote"]))
    if step <= 1 or "sentence" not in tied or not _is_heading(str(tied.at[first, "sentence"])):
        return first
    basis = str(tied.at[first, "basis"]) if "basis" in tied else ""
    best: tuple[int, float, int] | None = None  # (cut rather than rounded, distance, row)
    for i, value, quote in zip(tied.index, tied["value"], tied["quote"], strict=True):
        v = float(value)
        if i == first or v == coarse or _step(v, str(quote)) >= step or (
                "basis" in tied and str(tied.at[i, "basis"]) != basis):
            continue
        rounded, cut = math.isclose(coarse, round(v / step) * step), math.isclose(coarse, (v // step) * step)
        if rounded or cut:
            key = (0 if rounded else 1, abs(v - coarse), i)
            best = key if best is None or key < best else best
    return first if best is None else best[2]


def settled_claim(claims: pd.DataFrame, timeline: pd.DataFrame) -> pd.Series | None:
    """The figure the coverage settles on: the headline deal value of the latest dated source that
    states it as more than a rumour and that at least one other such source backs, each figure
    inside the other's interval (a late "could be worth", or a lone odd figure, does not overturn
    an agreed price; it is flagged by :func:`late_outliers`). None without a figure."""
    heads = headline_claims(claims)
    if heads.empty:
        return None
    # figures are not converted between currencies: settle within the unit most sources use
    heads = heads[heads["unit"] == heads["unit"].value_counts().sort_index().idxmax()]
    if "dated" in timeline:  # a source without date evidence is never "the latest"
        dated = set(timeline[timeline["dated"].astype(str).isin(["True", "true", "1"])]["source_id"])
        if heads["source_id"].isin(dated).any():
            heads = heads[heads["source_id"].isin(dated)]
    order = {s: i for i, s in enumerate(timeline.sort_values("order")["source_id"])}
    firm = heads[heads["stance"] != "rumoured"]
    pool = firm if len(firm) else heads
    ranked = pool.assign(_o=[order.get(s, -1) for s in pool["source_id"]]).sort_values(
        ["_o", "source_id"], kind="stable")
    for i in range(len(ranked) - 1, -1, -1):  # latest first; a lone figure no other source backs is skipped
        row = ranked.iloc[i]
        others = ranked.drop(ranked.index[i])
        # backed: another source's figure that each interval admits ("roughly $60 billion"
        # admits $64.5bn, but "$64.5bn" does not admit $60 billion: no backing)
        if len(others) == 0 or ((others["lower"] <= row["value"]) & (row["value"] <= others["upper"])
                                & (row["lower"] <= others["value"]) & (others["value"] <= row["upper"])).any():
            return row.drop(labels=["_o"])
    return ranked.iloc[-1].drop(labels=["_o"])


def late_outliers(claims: pd.DataFrame, timeline: pd.DataFrame) -> pd.DataFrame:
    """Headline figures of sources later than the settled one that its interval does not admit:
    flagged in the report, not followed. A figure that counts the target's debt where the settled
    one does not (or the reverse) measures something else: it is no outlier."""
    settled = settled_claim(claims, timeline)
    if settled is None:
        return claims.iloc[0:0]
    heads = headline_claims(claims)
    if "basis" in heads:
        with_debt = settled.get("basis", "") == INCLUDING_DEBT
        heads = heads[(heads["basis"].fillna("") == INCLUDING_DEBT) == with_debt]
    order = {s: i for i, s in enumerate(timeline.sort_values("order")["source_id"])}
    after = heads[[order.get(s, -1) > order.get(settled["source_id"], -1) for s in heads["source_id"]]]
    return after[(after["upper"] < settled["lower"]) | (after["lower"] > settled["upper"])]


def derived_valuations(claims: pd.DataFrame, kind: str = "investment") -> pd.DataFrame:
    """Implied valuation = deal value / stake, per source that gives both for the same transaction
    (marked derived). Only for a minority investment: an acquisition buys the whole company, and a
    stake mentioned beside it is another holding."""
    if kind not in ("investment", "funding_round"):
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    deals = headline_claims(claims, "deal_value")
    stakes = headline_claims(claims, "stake")
    rows = []
    for _, deal in deals.iterrows():
        st = stakes[(stakes["source_id"] == deal["source_id"])
                    & (stakes["transaction"] == deal["transaction"])]
        if st.empty or deal["unit"] == "percent":
            continue
        stake = st.iloc[0]
        if not 0 < stake["value"] <= 100:
            continue
        value = deal["value"] / (stake["value"] / 100)
        lo_st = max(stake["lower"], 1e-9)
        hi_st = min(stake["upper"], 100.0)
        lower = deal["lower"] / (hi_st / 100)
        upper = deal["upper"] / (lo_st / 100) if math.isfinite(deal["upper"]) else math.inf
        rows.append({
            "claim_id": f"derived-{deal['source_id']}-implied_valuation", "source_id": "derived",
            "metric": "valuation_at_deal", "subject": deal["subject"], "value": value,
            "unit": deal["unit"], "lower": lower, "upper": upper, "bound": "derived", "basis": "", "basis_from": "",
            "stance": "derived", "attributed_to": "",
            "quote": f"{deal['quote']} / {stake['quote']}", "start": -1, "end": -1,
            "mentions": 0, "offsets": "", "sentence": "",
            "inputs": f"{deal['claim_id']};{stake['claim_id']}", "transaction": deal["transaction"],
        })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def party_stop_words(cleaned: list[CleanSource], lex: Lexicons) -> set[str]:
    """Names that are never a deal's party: the outlets (lexicon and manifest)."""
    return {r["outlet"] for r in lex.outlets} | {cs.source.outlet for cs in cleaned if cs.source.outlet}


def find_transactions(cleaned: list[CleanSource], lex: Lexicons | None = None):
    """The corpus's transactions, main first (see :mod:`analysis.transactions`)."""
    from .deal_sentences import deal_mentions
    from .parties import parent_aliases
    from .rounds import split_rounds
    from .transactions import group_transactions

    lex = lex or Lexicons.load()
    stop = party_stop_words(cleaned, lex)
    groups = group_transactions(deal_mentions(cleaned, stop), [cs.source.id for cs in cleaned],
                                parent_aliases(cleaned))
    return split_rounds(groups, cleaned, lambda text, a: classify_metric(text, a, lex) == "deal_value")


def extract_claims(
    cleaned: list[CleanSource], lex: Lexicons | None = None, approx_tolerance: float = 0.1, jobs: int | Workers = 1,
) -> pd.DataFrame:
    """Claims of every source, each with its transaction, plus derived implied valuations (``jobs``:
    the figures of each source found in worker processes or on Dask; the same table)."""
    from .deal_metrics import settle_deal_metrics
    from .rounds import reassign_rounds
    from .transactions import assign

    lex = lex or Lexicons.load()
    groups = find_transactions(cleaned, lex)
    base = claims_table(extract_mentions(cleaned, lex, approx_tolerance, party_words(groups) or None, jobs))
    decided = assign(base, cleaned, groups)
    base["transaction"] = [t for t, _ in decided]
    base = known_bases(reassign_rounds(settle_deal_metrics(base, decided, cleaned, groups), groups))
    base = follow_conversions(base, cleaned)
    derived = derived_valuations(base, groups[0].kind if groups else "investment")
    return pd.concat([base, derived], ignore_index=True) if not derived.empty else base

