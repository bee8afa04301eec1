"""Bad events, rules and lexicon files are input errors (exit 2, the file named) found before any
notebook runs, like a bad corpus: never a notebook failing halfway."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import pipeline
from analysis.__main__ import main
from analysis.paths import DATA_DIR, SEEDS_DIR

ARTICLE = "Acme agreed to buy Beta for $5 billion, the companies said on Monday.\n"
EVENTS = (SEEDS_DIR / "events.csv").read_text(encoding="utf-8")


def _lexicon(name: str, drop: str) -> str:
    """The shipped lexicon ``name`` without its column ``drop``."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO((DATA_DIR / name).read_text(encoding="utf-8"), newline="")))
    at = rows[0].index(drop)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:at] + r[at + 1:] for r in rows])
    return out.getvalue()


CASES = [
    ("events", "events.csv", EVENTS.replace("date,event,patterns,open_patterns,citation",
                                            "date,event,patterns,open_patterns,date", 1),
     "events file .*events.csv: column\\(s\\) 'date' appear more than once"),
    ("events", "events.csv", EVENTS.replace("open_patterns", "open_paterns", 1),
     "events file .*: unknown column\\(s\\) 'open_paterns' \\(known: date, event, patterns, open_patterns"),
    ("events", "events.csv", "date,event,patterns\n2024-13-01,x,foo\n", "events file .*row 2: date '2024-13-01'"),
    ("events", "events.csv", "date,event,patterns\n2024-01-01,x,(unclosed\n", "events file .*row 2"),
    ("events", "events.csv", "\x00\x01\x02\xff", "events file .*not valid UTF-8"),
    ("extra_rules", "rules.yml", "- id: x\n  kind: line\n  pattern: '(unclosed'\n", "rules file .*bad regex"),
    ("extra_rules", "rules.yml", "just: a mapping\n", "rules file .*expected a non-empty list"),
    ("metric_lexicon", "m.csv", _lexicon("metric_lexicon.csv", "max_gap"),
     "lexicon .*m.csv: missing column\\(s\\) max_gap"),
    ("metric_lexicon", "m.csv", "metric,kind,priority,side,max_gap,pattern,description\nx,money,1,before,5,(bad,\n",
     "lexicon .*m.csv: row 2: bad regex"),
    # an unquoted comma in a description: the words after it were silently dropped
    ("metric_lexicon", "m.csv", "metric,kind,priority,side,max_gap,pattern,description\n"
     "other,money,1,before,5,market value,told across a clause, as near\n",
     "lexicon .*m.csv: row 2: more fields than the header"),
    ("stance_cues", "s.csv", _lexicon("stance_cues.csv", "scope"), "lexicon .*s.csv: missing column\\(s\\) scope"),
    ("hedge_cues", "h.csv", "cue,pattern,kind,kind\nmay,,modal,modal\n",
     "hedge cue file .*'kind' appear more than once"),
    ("hedge_cues", "h.csv", "cue,pattern,kind\nmay,,nonsense\n", "hedge cue file .*row 2"),
]


@pytest.mark.parametrize(("param", "name", "content", "message"), CASES)
def test_bad_input_files_are_refused_before_any_notebook(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch,
                                                         param: str, name: str, content: str, message: str) -> None:
    import re

    monkeypatch.setattr(pipeline, "_execute", lambda *a, **k: pytest.fail("a notebook ran"))
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / name).write_bytes(content.encode("utf-8", "surrogateescape") if "\x00" not in content
                                else b"\x00\x01\x02\xff")
    argv = ["run", "--corpus", str(corpus), "--out", str(tmp_path / "o")]
    if param != "events":
        argv += ["-p", f"{param}={corpus / name}"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert re.search(message, err), err
    assert not (tmp_path / "o").exists()
