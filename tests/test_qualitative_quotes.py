"""Every qualitative claim keeps its quote exactly as the page has it: ``raw[start:end] == quote``."""

from __future__ import annotations

from pathlib import Path

from analysis import stages
from analysis.params import Params

PAGE = ("Acme Corp agreed to buy Beta Inc\u0301 for $5 billion in cash,\r\nthe companies said on Monday.\r\n\r\n"
        "Chief executive John Smith said the  deal\u00a0would close in\r\nthe third quarter, "
        "Reuters reported.\r\n\r\nThe deal is subject to regulatory approval.\r\n")


def test_qualitative_quotes_are_the_raw_slice(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(PAGE.encode("utf-8"))
    p = Params.from_mapping({"corpus_dir": str(corpus), "out_dir": str(tmp_path / "o"), "cache_dir": "none"})
    cs = stages.cleaned(p)
    raw = cs[0].source.raw
    table = stages.qualitative(p, cs)
    assert len(table) >= 2 and "\r\n" in "".join(table["quote"])
    for _, row in table.iterrows():
        assert raw[row["start"]:row["end"]] == row["quote"], row.to_dict()
