"""What the reader meets in the report's text: quotes cut at word boundaries that never split a
figure, numbers and nouns that agree, one-day windows read as one day, honest bound labels,
and every agreeing pair of headline figures named."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import findings
from analysis.formatting import bound_word, count, date_span, excerpt, shorten

SENTENCE = ("Meta is reportedly finalizing a $14 billion investment in Scale AI and is in talks with "
            "Scale AI CEO Alexandr Wang to lead a new AI research lab at Meta.")
WORDS = set(re.findall(r"\S+", SENTENCE))


def _pieces(cut: str) -> list[str]:
    """The words of a cut text, ellipses removed."""
    return cut.replace("…", " ").split()


@pytest.mark.parametrize("limit", range(12, len(SENTENCE) + 5, 3))
def test_shorten_cuts_between_words_and_marks_the_cut(limit: int) -> None:
    out = shorten(SENTENCE, limit)
    assert len(out) <= max(limit, 1) + 1
    assert all(w in WORDS for w in _pieces(out)), out  # no word cut in two ("Me…")
    if len(SENTENCE) > limit:
        assert out.endswith("…")
    assert "$14" not in out or "$14 billion" in out  # a figure stays whole


@pytest.mark.parametrize("width", range(30, 160, 7))
@pytest.mark.parametrize("quote", ["$14 billion", "Alexandr Wang", "research lab"])
def test_excerpt_keeps_the_quote_whole_and_cuts_at_words(width: int, quote: str) -> None:
    out = excerpt(SENTENCE, quote, width)
    assert quote in out
    assert all(w in WORDS for w in _pieces(out)), out  # "…e task required…" cannot happen
    assert out.startswith("…") == (not SENTENCE.startswith(out.lstrip("…").rstrip("…")))
    assert len(out.strip("…")) <= max(width, len(quote))


def test_excerpt_never_starts_inside_a_figure() -> None:
    # the old cut took "4 billion investment" out of "$14 billion": wrong by $10 billion
    text = "x" * 30 + " Meta made a $14 billion investment in the startup, said people familiar with it."
    for width in range(20, 80):
        out = excerpt(text, "investment", width)
        assert "4 billion" not in out or "$14 billion" in out, out


def test_shorten_keeps_a_figure_with_its_scale_word() -> None:
    text = "The company agreed to invest $14 billion in the startup"
    for limit in range(25, len(text)):
        out = shorten(text, limit)
        assert not re.search(r"\$14…|\$14$", out), out


def test_plurals_agree_with_their_numbers() -> None:
    assert count(1, "pair") == "1 pair"
    assert count(2, "pair") == "2 pairs"
    assert count(0, "claim") == "0 claims"
    assert count(1, "source window") == "1 source window"
    assert count(3, "analysis", "analyses") == "3 analyses"


def test_a_one_day_window_reads_as_one_day() -> None:
    assert date_span("2024-03-11", "2024-03-11") == "on 2024-03-11"
    assert date_span("2024-03-11", "2024-03-12") == "between 2024-03-11 and 2024-03-12"
    row = pd.Series({"published": "", "earliest": "2024-03-11", "latest": "2024-03-11"})
    assert findings.when(row) == "on 2024-03-11"


def test_a_rounded_figure_is_not_called_exact() -> None:
    assert bound_word("exact", 9.5e9, 10.5e9) == "rounded"
    assert bound_word("exact", 10e9, 10e9) == "as stated"
    assert bound_word("lower", 10e9, float("inf")) == "at least"


def _frames(n_sources: int, verdicts: list[tuple[str, str, str]]):
    ids = [f"s{i:03d}" for i in range(n_sources)]
    sources = pd.DataFrame({"source_id": ids, "label": [f"Outlet {i}" for i in range(n_sources)],
                            "control_chars": [0] * n_sources})
    values = {"s000": 14.3e9, "s001": 10e9, "s002": 14e9, "s003": 10e9}
    claims = pd.DataFrame({
        "claim_id": [f"{s}-c01" for s in ids], "source_id": ids, "metric": "deal_value",
        "value": [values.get(s, 10e9) for s in ids], "unit": "USD",
        "lower": [values.get(s, 10e9) * 0.95 for s in ids],
        "upper": [values.get(s, 10e9) * 1.05 for s in ids], "bound": "exact",
        "stance": "reported", "quote": "$x", "mentions": 1, "start": 0,
    })
    comparisons = pd.DataFrame([
        {"metric": "deal_value", "claim_a": f"{a}-c01", "claim_b": f"{b}-c01", "source_a": a,
         "source_b": b, "verdict": v, "explanation": "x"} for a, b, v in verdicts])
    timeline = pd.DataFrame({"source_id": ids, "order": range(1, n_sources + 1),
                             "published": "", "earliest": "2025-06-08", "latest": "",
                             "stage": "rumour"})
    return sources, claims, comparisons, timeline


def test_key_findings_name_every_agreeing_pair() -> None:
    sources, claims, comparisons, timeline = _frames(4, [
        ("s000", "s001", "superseded"), ("s000", "s002", "compatible_rounding"),
        ("s000", "s003", "superseded"), ("s001", "s002", "superseded"),
        ("s001", "s003", "same"), ("s002", "s003", "superseded")])
    text = " ".join(findings.key_findings(sources, claims, comparisons, timeline, "the deal"))
    assert "Of 6 pairs of headline deal values, 2 agree" in text
    assert "the same figure: Outlet 1 and Outlet 3" in text
    assert "equal within rounding: Outlet 0 and Outlet 2" in text


def test_findings_and_caveats_with_one_of_everything_read_as_english() -> None:
    sources, claims, comparisons, timeline = _frames(2, [("s000", "s001", "superseded")])
    text = " ".join(findings.key_findings(sources, claims, comparisons, timeline, "the deal")
                    + findings.caveats(sources, timeline.iloc[:1], claims.iloc[:1]))
    for wrong in ("Of 1 pairs", "1 pairs", "(s)", "1 source window are", "1 sources", "1 claims"):
        assert wrong not in text, (wrong, text)
    assert "The one pair of headline deal values does not agree" in text
    # a later report that puts the figure differently is no "update" (a reader takes that for a correction)
    assert ("is not a contradiction: they appeared at different times, and the later report puts the "
            "figure differently.") in text and "update" not in text
    assert "1 pair of claims from different sources was compared" in text
    assert ("Open publication windows, left open rather than guessed: Outlet 0 (on or after 2025-06-08: "
            "nothing in it bounds it from above)") in text


def test_figures_with_and_without_debt_are_named_as_different_things_not_a_disagreement() -> None:
    sources, claims, comparisons, timeline = _frames(3, [
        ("s000", "s001", "different_basis"), ("s000", "s002", "compatible_rounding"),
        ("s001", "s002", "different_basis")])
    comparisons["pairs"] = 1
    claims["unit"] = ["GBP", "GBP", "GBP"]
    text = " ".join(findings.key_findings(sources, claims, comparisons, timeline, "the deal"))
    assert ("2 pairs of headline deal values measure different things and are not compared: one figure "
            "includes the target's debt (for example £14.3 bn from Outlet 0 against £10 bn from "
            "Outlet 1).") in text
    assert "largest disagreement" not in text
    # counted apart: never among the pairs that agree or not
    assert ("The one pair of headline deal values (2 more pairs set a price including the target's debt "
            "against one without: counted apart) agrees (equal within rounding: Outlet 0 and Outlet 2).") in text
    claims["basis"] = ["", "", "including_debt"]
    text = " ".join(findings.key_findings(sources, claims, comparisons, timeline, "the deal"))
    assert "gives £14 bn including the target's debt (reported): the figure the coverage settles on" in text


def test_when_every_pair_agrees_the_kinds_are_counted() -> None:
    sources, claims, comparisons, timeline = _frames(3, [
        ("s000", "s001", "compatible_bound"), ("s000", "s002", "compatible_rounding"),
        ("s001", "s002", "compatible_bound")])
    text = " ".join(findings.key_findings(sources, claims, comparisons, timeline, "the deal"))
    assert ("Of 3 pairs of headline deal values, all 3 agree: 1 equal within rounding, "
            "2 admitted by a bound.") in text


def _sources_and_timeline(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = [f"x{k:03d}" for k in range(n)]
    sources = pd.DataFrame({"source_id": ids, "label": [f"Wire {k % 7} ({s})" for k, s in enumerate(ids)],
                            "outlet": [f"Wire {k % 7}" for k in range(n)], "control_chars": 0})
    days = [f"2024-03-{k % 20 + 1:02d}" if k % 5 else "" for k in range(n)]
    timeline = pd.DataFrame({"source_id": ids, "published": days, "earliest": days,
                             "latest": ["" if not d else d for d in days], "order": range(1, n + 1),
                             "stage": ["talks", "agreed"] * (n // 2) + ["agreed"] * (n % 2),
                             "headline_figure": "$10 bn"})
    return sources, timeline


def test_findings_name_every_source_in_order_up_to_the_threshold_and_count_above() -> None:
    from analysis.formatting import MANY_SOURCES

    for n in (MANY_SOURCES, MANY_SOURCES + 1):
        sources, timeline = _sources_and_timeline(n)
        text = findings._timeline_finding(sources, timeline)
        named = len(re.findall(r"\(x\d{3}\)", text))
        if n <= MANY_SOURCES:
            assert text.startswith("Timeline order: ") and named == n
        else:
            assert named == 2 and f"of the {n} sources" in text and "agreed or announced" in text


def test_period_table_counts_every_source_once() -> None:
    from analysis import report_scale

    sources, timeline = _sources_and_timeline(200)
    table = report_scale.by_period(timeline, findings.STAGE_WORD)
    assert table["Sources"].sum() == 200
    assert table.columns[0] == "Day" and table.iloc[-1, 0] == "open window or no date evidence"
    assert table.iloc[-1]["Sources"] == 40  # every fifth source has no date evidence
    assert report_scale.period_of([pd.Timestamp("2023-01-01").date(), pd.Timestamp("2024-06-01").date()])[0] == "month"


def test_a_range_of_deal_values_is_read_in_one_currency() -> None:
    """£54 billion is not the low end of a range of dollar figures: it is named apart."""
    sources, claims, comparisons, timeline = _frames(4, [("s000", "s001", "superseded")])
    claims.loc[claims["source_id"] == "s003", ["value", "unit", "lower", "upper"]] = [5.4e9, "GBP", 5.1e9, 5.7e9]
    text = " ".join(findings.key_findings(sources, claims, comparisons, timeline, "the deal"))
    assert "The 3 sources that state a deal value put it between $10 bn" in text, text
    assert "1 other source gives it in another currency, not compared: £5.4 bn (Outlet 3)" in text, text


def test_pairs_that_do_not_agree_are_counted_by_kind_with_the_clashes_that_recur_named() -> None:
    """qualcomm-nxp (15 sources) and disney-fox (16): the finding listed every source as 'involved'
    in a pair that does not agree. It counts those pairs by kind instead and names the clashes of
    two figures that cover the most pairs, with the sources on each side; the pairs with and
    without debt stay counted apart."""
    import itertools

    values = [44e9] * 5 + [38e9] * 3 + [30e9] * 2 + [47e9]
    sources, claims, _, timeline = _frames(len(values), [])
    claims["value"], claims["lower"], claims["upper"] = values, [v - 5e8 for v in values], [v + 5e8 for v in values]
    claims["basis"] = [""] * 10 + ["including_debt"]
    rows = []
    for (i, a), (j, b) in itertools.combinations(enumerate(values), 2):
        v = ("different_basis" if 10 in (i, j) else "same" if a == b
             else "contradicts" if (a, b) == (44e9, 38e9) and i == 0 else "superseded")
        rows.append({"metric": "deal_value", "claim_a": f"s{i:03d}-c01", "claim_b": f"s{j:03d}-c01",
                     "source_a": f"s{i:03d}", "source_b": f"s{j:03d}", "verdict": v, "explanation": "x", "pairs": 1})
    text = " ".join(findings.key_findings(sources, claims, pd.DataFrame(rows), timeline, "the deal"))
    assert "involve" not in text
    assert ("Of 45 pairs of headline deal values (10 more pairs set a price including the target's debt against "
            "one without: counted apart), 14 agree: 14 the same figure; the 31 that do not are 3 contradictions "
            "and 28 later reports that put the figure differently. Most often: $38 bn from Outlet 5, Outlet 6 "
            "and 1 more against $44 bn from Outlet 0, Outlet 1 and 3 more (3 contradictions and 12 later "
            "reports); $30 bn from Outlet 8 and Outlet 9 against $44 bn from Outlet 0, Outlet 1 and 3 more "
            "(10 later reports); $30 bn from Outlet 8 and Outlet 9 against $38 bn from Outlet 5, Outlet 6 and "
            "1 more (6 later reports).") in text
