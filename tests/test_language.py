"""Language metrics: hedge lexicon, hedging density, repetition, readability, reading()."""

from __future__ import annotations

import copy
import math
import pickle
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cleaning import CleanSource, Segment, clean_corpus, load_rules
from analysis.corpus import Source, load_corpus
from analysis.errors import InputError
from analysis.language import (
    CUE_KINDS,
    DEFAULT_CUES_FILE,
    columns,
    hedge_spans,
    language_metrics,
    load_hedge_cues,
    reading,
)
from analysis.paths import SEEDS_DIR


def _source(sid: str, sentences: list[str], prefix: str = "") -> CleanSource:
    """A hand-made cleaned source: one paragraph of the given sentences after ``prefix``."""
    raw = prefix + " ".join(sentences)
    segs, pos = [], len(prefix)
    for i, text in enumerate(sentences):
        segs.append(Segment(sid, i, pos, pos + len(text), text, 0))
        pos += len(text) + 1
    para = Segment(sid, 0, len(prefix), len(raw), raw[len(prefix):], 0)
    src = Source(id=sid, file=f"{sid}.txt", path=Path(f"{sid}.txt"), raw=raw, sha256="0")
    return CleanSource(src, [], [para], segs)


@pytest.fixture(scope="module")
def seeds() -> list[CleanSource]:
    return clean_corpus(load_corpus(SEEDS_DIR), load_rules())


# --------------------------------------------------------------------------- lexicon


def test_default_lexicon_covers_every_kind():
    cues = load_hedge_cues()
    assert {c.kind for c in cues} == set(CUE_KINDS)
    cue, rx = cues[0]  # unpacks as the documented (cue, pattern) pair
    assert isinstance(cue, str) and isinstance(rx, re.Pattern)
    assert rx.flags & re.IGNORECASE
    assert copy.deepcopy(cues[0]).kind == cues[0].kind
    assert pickle.loads(pickle.dumps(cues[0])).kind == cues[0].kind


@pytest.mark.parametrize(
    "body, needle",
    [
        ("cue,pattern,kind\nreportedly,reportedly,reporting\ncould,(could,modal\n", "row 3"),
        ("cue,pattern,kind\ncould,could,modal\nmaybe,maybe,guesswork\n", "row 3"),
        ("cue,pattern,kind\ncould,could,modal\nCould,could,modal\n", "row 3"),
        ("cue,pattern,kind\nblank,x?,modal\n", "row 2"),
        ("cue,pattern,kind\n,could,modal\n", "row 2"),
        ("cue,pattern,kind\nsome,some,vagueness,extra\n", "row 2"),
        ("cue,regex,kind\ncould,could,modal\n", "row 1"),
        ("cue,pattern,kind\n", "no cues"),
    ],
)
def test_bad_cue_file_names_file_and_row(tmp_path, body, needle):
    path = tmp_path / "cues.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_hedge_cues(path)
    assert str(path) in str(err.value) and needle in str(err.value)


def test_missing_or_binary_cue_file(tmp_path):
    with pytest.raises(InputError, match="nope.csv"):
        load_hedge_cues(tmp_path / "nope.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("cue,pattern,kind\nvielleicht,peut-\xeatre,modal\n".encode("latin-1"))
    with pytest.raises(InputError, match="latin1.csv"):
        load_hedge_cues(bad)


def test_empty_pattern_means_the_cue_words(tmp_path):
    path = tmp_path / "cues.csv"
    path.write_text('cue,pattern,kind\nin the works,,rumour\n"U.S.",,vagueness\n', encoding="utf-8")
    cues = load_hedge_cues(path)
    text = "A deal is IN THE   WORKS in the U.S. but not in the workshop."
    assert [(text[s:e], cue) for s, e, cue, _ in hedge_spans(text, cues)] == [
        ("IN THE   WORKS", "in the works"), ("U.S.", "U.S."),
    ]


# --------------------------------------------------------------------------- hedging

HEDGED = (
    "Meta is REPORTEDLY in talks to buy a stake in Scale. "  # reportedly, in talks
    "The deal could value it at roughly $8 billion, according to people familiar with it. "
    "It may close in May 2025 and is expected to lift revenue by about 30% in the U.S. "
    "Someone wrote about the deal at Mayfair. "  # none: someone, about + noun, Mayfair
)
HEDGED_KINDS = {"reporting": 3, "rumour": 1, "modal": 2, "speculative": 1, "vagueness": 2}


def test_hedge_spans_known_cues():
    spans = hedge_spans(HEDGED)
    found = [(HEDGED[s:e].lower(), kind) for s, e, _, kind in spans]
    assert found == [
        ("reportedly", "reporting"), ("in talks", "rumour"), ("could", "modal"),
        ("roughly", "vagueness"), ("according to", "reporting"),
        ("people familiar with", "reporting"), ("may", "modal"), ("expected to", "speculative"),
        ("about", "vagueness"),
    ]
    assert sum(HEDGED_KINDS.values()) == len(spans)


def test_hedging_density_per_1000_words():
    filler = "Plain words fill this sentence."  # 5 words, no cue
    text = HEDGED + " ".join([filler] * 100)
    src = _source("h1", [text])
    df = language_metrics([src])
    row = df.iloc[0]
    words = len(text.split())
    assert row["clean_words"] == words
    assert row["hedges"] == 9
    assert row["hedges_per_1000_words"] == round(9000 / words, 2)
    for kind, n in HEDGED_KINDS.items():
        assert row[f"{kind}_per_1000_words"] == round(1000 * n / words, 2)
    # ties keep the lexicon's order
    assert row["top_hedges"] == "reportedly (1), according to (1), people familiar with (1)"


def test_top_hedges_most_frequent_first():
    text = "It could rise. It could fall. It might stall. It could go. It might. Maybe roughly."
    row = language_metrics([_source("t", [text])]).iloc[0]
    assert row["top_hedges"] == "could (3), might (2), roughly (1)"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdeilmorstuwy $0123456789.,'-\n")), max_size=300))
def test_hedge_spans_are_ordered_disjoint_matches(text):
    cues = {c.cue: c for c in load_hedge_cues()}
    last = 0
    for s, e, cue, kind in hedge_spans(text):
        assert last <= s < e <= len(text)
        assert cues[cue].kind == kind and cues[cue].pattern.match(text, s).end() == e
        last = e


# --------------------------------------------------------------------------- repetition

SENTENCES = [
    "Harborline is in advanced talks to invest in Lumen Cells.",  # 0
    "Lumen Cells makes batteries for trucks and ferries in Sweden.",  # 1
    "Harborline is in advanced talks to invest in Lumen Cells.",  # 2 exact repeat
    "Harborline is in advanced talk to invest in Lumen Cell.",  # 3 near repeat
    "Lumen Cells makes batteries.",  # 4 short: a subset of 1, but under 6 words
    "The weather in Gothenburg was cold and wet all week.",  # 5
    "Analysts expect regulators to review the deal closely this year.",  # 6 claim again
    "Koh will join the board of the start-up next year.",  # 7
    "Shares of Harborline rose three percent in Singapore trading.",  # 8
    "Harborline was in early talks about Lumen Cells last year.",  # 9 related, not a repeat
]


def test_repetition_share_exact_and_near_repeats():
    df = language_metrics([_source("r1", SENTENCES)])
    assert df.loc[0, "repeated_sentences"] == 2
    assert df.loc[0, "repetition_share"] == 0.2


def test_repetition_counts_repeated_claim_mentions():
    prefix = "MENU | HOME | NEWS\n"
    src = _source("r1", SENTENCES, prefix=prefix)
    at = src.source.raw.index("review the deal")
    mentions = {"r1": [(at, at + len("review the deal")), (0, 4)]}  # 2nd span: removed text
    df = language_metrics([src], claim_mentions=mentions)
    assert df.loc[0, "repeated_sentences"] == 3
    assert df.loc[0, "repetition_share"] == 0.3
    # a mention inside an already repeated sentence does not count twice
    at2 = src.source.raw.index("Lumen Cell.")
    df = language_metrics([src], claim_mentions={"r1": mentions["r1"] + [(at2, at2 + 10)]})
    assert df.loc[0, "repeated_sentences"] == 3


def test_repeat_threshold_is_a_parameter():
    strict = language_metrics([_source("r1", SENTENCES)], repeat_threshold=99.0)
    assert strict.loc[0, "repeated_sentences"] == 1  # only the exact repeat
    with pytest.raises(InputError, match="repeat_threshold"):
        language_metrics([_source("r1", SENTENCES)], repeat_threshold=150)


def test_bad_claim_mentions_raise():
    src = _source("r1", SENTENCES)
    with pytest.raises(InputError, match="unknown source"):
        language_metrics([src], claim_mentions={"zz": [(0, 3)]})
    with pytest.raises(InputError, match="outside"):
        language_metrics([src], claim_mentions={"r1": [(5, 10_000)]})


# --------------------------------------------------------------------------- seeds


def test_seed_metrics_shape_and_determinism(seeds):
    df = language_metrics(seeds)
    assert list(df.columns) == columns()
    assert df["source_id"].tolist() == ["s000", "s001", "s002", "s003"]
    floats = df.select_dtypes("float64")
    assert (floats.round(2).fillna(-1) == floats.fillna(-1)).all().all()
    pd.testing.assert_frame_equal(df, language_metrics(seeds))


def test_raw_differs_from_clean_when_boilerplate_removed(seeds):
    s001 = next(c for c in seeds if c.source.id == "s001")
    assert "Learn to use AI like a Pro" in s001.source.raw
    assert "Learn to use AI like a Pro" not in s001.clean_text
    row = language_metrics([s001]).iloc[0]
    assert row["raw_words"] > row["clean_words"] > 0
    assert row["raw_sentences"] > row["clean_sentences"]
    for metric in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index"):
        assert row[f"raw_{metric}"] != row[f"clean_{metric}"], metric
    assert row["hedges"] > 0 and row["repetition_share"] > 0


def test_readability_needs_no_download(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("textstat tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", refuse)
    text = "Unprecedented negotiations continued yesterday. Nobody commented afterwards."
    row = language_metrics([_source("d", [text])]).iloc[0]
    assert row["clean_words"] == 7 and row["clean_sentences"] == 2
    assert math.isfinite(row["clean_flesch_reading_ease"])


def test_empty_clean_text_gives_nan_scores():
    src = _source("e", [])
    row = language_metrics([src]).iloc[0]
    assert row["clean_words"] == 0 and row["hedges"] == 0
    assert math.isnan(row["clean_flesch_reading_ease"])
    assert math.isnan(row["hedges_per_1000_words"]) and math.isnan(row["repetition_share"])


# --------------------------------------------------------------------------- reading()


def _frame(**cols) -> pd.DataFrame:
    return pd.DataFrame(cols)


def test_reading_names_the_right_sources():
    df = _frame(
        source_id=["a", "b", "c"],
        label=["Alpha (a)", "Beta (b)", "Gamma (c)"],
        raw_flesch_reading_ease=[40.0, 55.0, 20.0],
        clean_flesch_reading_ease=[45.0, 60.0, 30.0],
        hedges_per_1000_words=[20.0, 10.0, 5.0],
        repetition_share=[0.1, 0.0, 0.25],
    )
    text = reading(df)
    assert 3 <= len(text) <= 5
    flesch, hedging, repetition, cleaning = text
    assert flesch.startswith("Beta (b) is the most readable") and "Gamma (c) the least" in flesch
    assert hedging.startswith("Alpha (a) is the most hedged") and "4.0 times" in hedging
    assert hedging.endswith("the 5.0 of Gamma (c).")
    assert repetition.startswith("Gamma (c) repeats itself most: 25%")
    assert "raised" in cleaning and "6.7 points" in cleaning
    assert all(s.endswith(".") for s in text)


def test_reading_ties_and_zeroes():
    df = _frame(
        source_id=["a", "b", "c"],
        raw_flesch_reading_ease=[50.0, 50.0, 40.0],
        clean_flesch_reading_ease=[50.0, 50.0, 40.0],
        hedges_per_1000_words=[8.0, 8.0, 0.0],
        repetition_share=[0.0, 0.0, 0.0],
    )
    flesch, hedging, repetition, cleaning = reading(df)
    assert flesch.startswith("a and b tie as the most readable") and "c the least" in flesch
    assert hedging.startswith("a and b are the most hedged") and "while c uses none" in hedging
    assert repetition.startswith("No source")
    assert "unchanged" in cleaning


def test_reading_one_source():
    df = _frame(
        source_id=["solo"], raw_flesch_reading_ease=[42.0], clean_flesch_reading_ease=[40.0],
        hedges_per_1000_words=[12.5], repetition_share=[0.1],
    )
    text = reading(df)
    assert 3 <= len(text) <= 5
    assert all("solo" in s for s in text[:3])
    joined = " ".join(text)
    assert "least" not in joined and "times" not in joined and "most" not in joined
    assert "lowered" in text[3] and "2.0 points" in text[3] and "the source" in text[3]


def test_reading_on_seeds_mentions_only_real_sources(seeds):
    df = language_metrics(seeds)
    text = reading(df)
    assert 3 <= len(text) <= 5
    best = df.loc[df["clean_flesch_reading_ease"].idxmax(), "label"]
    assert text[0].startswith(best)
    hedged = df.loc[df["hedges_per_1000_words"].idxmax(), "label"]
    assert text[1].startswith(hedged)


def test_reading_rejects_a_frame_without_the_metrics():
    with pytest.raises(InputError, match="repetition_share"):
        reading(pd.DataFrame({"source_id": ["a"]}))


def test_default_cue_file_is_shipped():
    assert DEFAULT_CUES_FILE.is_file()


def test_reading_falls_back_to_source_id_without_label():
    df = _frame(
        source_id=["a", "b"], label=["Alpha (a)", None],
        raw_flesch_reading_ease=[40.0, 50.0], clean_flesch_reading_ease=[41.0, 52.0],
        hedges_per_1000_words=[3.0, 6.0], repetition_share=[0.5, 0.0],
    )
    flesch, hedging, repetition, _ = reading(df)
    assert flesch.startswith("b is the most readable") and "Alpha (a) the least" in flesch
    assert hedging.startswith("b is the most hedged")
    assert "2.0 times the 3.0 of Alpha (a)" in hedging
    assert repetition.startswith("Alpha (a) repeats itself most: 50%")


# --------------------------------------------------------------------------- long texts
# Linear-time forms (issue 9: one 50 MB file); each must give what the plain form gives.


def _repeated_flags_reference(sentences, mention_spans=(), threshold=85.0):
    """Every sentence scored against every earlier one; every mention against every sentence."""
    from rapidfuzz import fuzz, utils

    from analysis.textnorm import word_count

    flags = [False] * len(sentences)
    earlier: list[str] = []
    for i, s in enumerate(sentences):
        if word_count(s.text) >= 6:
            key = utils.default_process(s.text)
            flags[i] = any(fuzz.token_set_ratio(key, prev, score_cutoff=threshold) >= threshold
                           for prev in earlier)
            earlier.append(key)
    for start, end in mention_spans:
        best, best_overlap = None, 0
        for i, s in enumerate(sentences):
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            flags[best] = True
    return flags


def _labelled_cleaned():
    from analysis.paths import example_corpora

    dirs = [SEEDS_DIR, *example_corpora()]
    return [c for d in dirs for c in clean_corpus(load_corpus(d), load_rules())]


def test_repeats_and_mentions_equal_the_all_pairs_reference():
    from analysis.language.repetition import _repeated_flags

    for c in _labelled_cleaned():
        spans = [(s.start + 3, s.end + 20) for s in c.sentences[::3]] + [(0, len(c.source.raw))]
        for threshold in (85.0, 70.0, 50.0):
            assert (_repeated_flags(c.sentences, spans, threshold)
                    == _repeated_flags_reference(c.sentences, spans, threshold)), (c.source.id, threshold)


def _hedges_reference(text, cues):
    hits = []
    for order, c in enumerate(cues):
        for m in c.pattern.finditer(text):
            if m.end() > m.start():
                hits.append((m.start(), -(m.end() - m.start()), order, m.end(), c.cue, c.kind))
    out, last_end = [], -1
    for start, _, _, end, cue, kind in sorted(hits):
        if start >= last_end:
            out.append((start, end, cue, kind))
            last_end = end
    return out


def test_hedges_in_one_pass_equal_one_scan_per_cue():
    cues = load_hedge_cues()
    for c in _labelled_cleaned():
        for text in (c.source.raw, c.clean_text):
            assert hedge_spans(text, cues) == _hedges_reference(text, cues), c.source.id


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(
    "may might could reportedly according to sources said people familiar with in talks was reported "
    "xmay mayx May MAY - ~ . , \n".split(" ") + ["  ", "in may", "of may"]), max_size=30).map(" ".join))
def test_hedges_in_one_pass_equal_one_scan_per_cue_on_any_mix(text):
    cues = load_hedge_cues()
    assert hedge_spans(text, cues) == _hedges_reference(text, cues)


def test_a_cue_with_capturing_groups_still_matches(tmp_path):
    cues_file = tmp_path / "cues.csv"
    cues_file.write_text("cue,pattern,kind\nsaid to,(said) to,reporting\nmay,,modal\n", encoding="utf-8")
    cues = load_hedge_cues(cues_file)
    text = "It is said to be close. It may close. Said to be near."
    assert hedge_spans(text, cues) == _hedges_reference(text, cues)
    assert [cue for *_, cue, _ in hedge_spans(text, cues)] == ["said to", "may", "said to"]


def test_long_texts_counted_in_chunks_score_exactly_as_textstat():
    from analysis.readability import _readability_chunked, readability

    texts = [c.source.raw for c in _labelled_cleaned()]
    for text in texts:
        assert _readability_chunked(text, 300) == readability(text)
    joined = "\n\n".join(texts)
    assert _readability_chunked(joined, 5000) == readability(joined)
