"""Blocked similarity search: the same pairs as comparing every pair, at a fraction of the work."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, utils

from analysis.cleaning import CleanSource, Segment, clean_corpus, load_rules
from analysis.corpus import Source, load_corpus
from analysis.near_duplicates import MAX_EARLIER, near_duplicates
from analysis.paths import SEEDS_DIR, example_corpora
from analysis.similar import BLOCKED_FROM, _ascending_union, earlier_matches, overlap_needed
from analysis.textnorm import fold, word_count

# every labelled corpus except the one kept unseen (never opened while tuning)
LABELLED = [SEEDS_DIR, Path(__file__).parent / "fixtures" / "unseen_shapes", *example_corpora()]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, list[CleanSource]]:
    rules = load_rules()
    return {d.name: clean_corpus(load_corpus(d), rules) for d in LABELLED}


def _all_pairs(keys, threshold, sizes=None, ratio=0.0, eligible=None):
    """The reference: every earlier text scored against every later one."""
    out = []
    for i, j in itertools.combinations(range(len(keys)), 2):
        if eligible is not None and not (eligible[i] and eligible[j]):
            continue
        if sizes is not None and min(sizes[i], sizes[j]) < ratio * max(sizes[i], sizes[j]):
            continue
        s = fuzz.token_set_ratio(keys[i], keys[j], score_cutoff=threshold)
        if s and s >= threshold:
            out.append((i, j, s))
    return sorted(out, key=lambda p: (p[1], p[0]))


def _shared_weight(a: str, b: str) -> int:
    shared = set(a.split()) & set(b.split())
    return sum(map(len, shared)) + len(shared)


@pytest.mark.parametrize("threshold", [70.0, 75.0, 85.0, 95.0])
def test_paragraph_pairs_are_all_pairs_finds_on_every_labelled_corpus(cleaned, threshold: float) -> None:
    """Exactly the pairs all-pairs finds whose shared words weigh what the blocking promises,
    nothing all-pairs does not find, and at least 99% of all-pairs' pairs overall (at 70, one of
    133 pairs on the labelled corpora scores by letters shared by different words: a copy's
    "closed its $35.5 billion acquisition" against the announcement's "$35 billion deal")."""
    found = wanted = 0
    for name, cs in cleaned.items():
        paras = [p.text for c in cs for p in c.paragraphs if word_count(p.text) >= 12]
        keys, sizes = [fold(t) for t in paras], [word_count(t) for t in paras]
        got = list(earlier_matches(keys, threshold, sizes=sizes, size_ratio=0.4))
        want = _all_pairs(keys, threshold, sizes, 0.4)
        alpha = overlap_needed(threshold)
        weight = [_shared_weight(k, k) for k in keys]
        promised = [p for p in want
                    if _shared_weight(keys[p[0]], keys[p[1]]) >= alpha * min(weight[p[0]], weight[p[1]])]
        assert set(got) <= set(want), name
        assert [p for p in got if p in promised] == promised, name
        found, wanted = found + len(got), wanted + len(want)
    assert found >= 0.99 * wanted


def test_sentence_repeats_equal_all_pairs_on_every_labelled_corpus(cleaned) -> None:
    for name, cs in cleaned.items():
        for c in cs:
            keys = [utils.default_process(s.text) for s in c.sentences]
            ok = [word_count(s.text) >= 6 for s in c.sentences]
            got = [(i, j) for i, j, _ in earlier_matches(keys, 85.0, eligible=ok)]
            want = [(i, j) for i, j, _ in _all_pairs(keys, 85.0, eligible=ok)]
            assert got == want, (name, c.source.id)


def _wire_copies() -> list[CleanSource]:
    """Twelve outlets running one wire story, each lightly edited, plus unrelated stories."""
    story = [
        "The acquirer agreed to buy a 49 percent stake in the start-up for about fourteen billion "
        "dollars, according to people familiar with the negotiations on Tuesday.",
        "Regulators in two jurisdictions are expected to review the transaction, which would value "
        "the company at roughly twenty nine billion dollars including debt.",
        "Shares of the buyer rose three percent in early trading after the report, while analysts "
        "said the price looked steep for a business with modest revenue.",
    ]
    out = []
    for k in range(12):
        paras = [p.replace("Tuesday", ["Monday", "Tuesday", "Wednesday"][k % 3]) + f" Outlet {k} reported."
                 for p in story]
        words = random.Random(k).sample([f"word{n}" for n in range(400)], 16)
        paras.append("Unrelated " + " ".join(words) + ".")  # shares next to nothing with the others
        src = Source(id=f"w{k:02d}", file=f"w{k:02d}.txt", path=Path(f"w{k:02d}.txt"),
                     raw="\n\n".join(paras), sha256="")
        segs, pos = [], 0
        for n, p in enumerate(paras):
            segs.append(Segment(src.id, n, pos, pos + len(p), p, n))
            pos += len(p) + 2
        out.append(CleanSource(src, [], segs, segs))
    return out


def test_each_paragraph_is_paired_with_its_first_few_copies_only() -> None:
    cs = _wire_copies()
    full = near_duplicates(cs, max_earlier=None)
    capped = near_duplicates(cs)
    assert len(full) == 3 * 66  # every pair of the twelve copies of each story paragraph
    per_later = capped.groupby(["source_b", "paragraph_b"]).size()
    assert per_later.max() == MAX_EARLIER
    # the pairs kept are the earliest ones of the full list, in its order
    keys = ["source_a", "paragraph_a", "source_b", "paragraph_b"]
    earliest = full.assign(rank=full.groupby(["source_b", "paragraph_b"]).cumcount())
    earliest = earliest[earliest["rank"] < MAX_EARLIER].drop(columns="rank").reset_index(drop=True)
    assert capped[keys].equals(earliest[keys])
    assert set(capped["scope"]) == {"across"}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from("ab abc abd deal stake billion the of x y z".split()),
                         min_size=1, max_size=12).map(" ".join), max_size=25),
       st.sampled_from([40.0, 60.0, BLOCKED_FROM, 80.0, 100.0]))
def test_random_texts_give_exactly_the_promised_pairs(texts: list[str], threshold: float) -> None:
    """Below BLOCKED_FROM: all pairs. From it on: exactly the pairs all-pairs finds whose shared
    words weigh at least ``overlap_needed`` of the smaller text (what the blocking promises)."""
    got = list(earlier_matches(texts, threshold))
    want = _all_pairs(texts, threshold)
    if threshold >= BLOCKED_FROM:
        def weight(words: set[str]) -> int:
            return sum(len(w) + 1 for w in words)

        sets = [set(t.split()) for t in texts]
        need = overlap_needed(threshold)
        want = [(i, j, s) for i, j, s in want
                if weight(sets[i] & sets[j]) >= need * min(weight(sets[i]), weight(sets[j]))]
    assert got == want


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 60), max_size=30).map(sorted), max_size=8))
def test_ascending_union_is_the_sorted_set(lists: list[list[int]]) -> None:
    lists = [sorted(set(x)) for x in lists]
    assert list(_ascending_union(lists)) == sorted(set().union(*lists))
