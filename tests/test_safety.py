"""Hostile and careless input: nothing outside the corpus is read, no user string becomes
markup, no bad input gives a traceback, and the published report survives every failure."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import publish, render
from analysis.__main__ import main
from analysis.corpus import load_corpus, read_text_file
from analysis.errors import InputError
from analysis.formatting import md
from analysis.params import Params
from analysis.paths import PROJECT_ROOT

ARTICLE = "Acme agreed to buy Beta for $5 billion, the companies said on Monday.\n"


def corpus(folder: Path, manifest: str | None = None, files: dict[str, bytes] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (files or {"a.txt": ARTICLE.encode()}).items():
        (folder / name).write_bytes(data)
    if manifest is not None:
        (folder / "sources.csv").write_text(manifest, encoding="utf-8")
    return folder


def published(out: Path, marker: str = "old") -> Path:
    """A published output folder whose every part carries ``marker``."""
    stage = publish.new_staging(out)
    for part in publish.PARTS:
        (stage / part).mkdir()
        (stage / part / "index.html").write_text(f"{marker} {part}\n", encoding="utf-8")
    publish.publish(stage, out)
    return out


def digest(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for part in publish.PARTS for p in sorted((out / part).rglob("*")) if p.is_file()}


# ----------------------------------------------------------------------------- corpus paths


@pytest.mark.parametrize(("file", "message"), [
    ("/etc/passwd", "must be a path relative to the corpus folder"),
    ("../../../etc/passwd", "resolves outside the corpus folder"),
    ("~/x.txt", "must be a path relative to the corpus folder"),
    ("link.txt", "resolves outside the corpus folder"),
])
def test_manifest_rows_cannot_read_outside_the_corpus(tmp_path: Path, file: str, message: str) -> None:
    (tmp_path / "secret.txt").write_text("a secret outside the corpus\n", encoding="utf-8")
    c = corpus(tmp_path / "c", f"id,file\na,a.txt\nb,{file}\n")
    (c / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(InputError, match=message) as exc:
        load_corpus(c)
    assert "row 3 (id b)" in str(exc.value)


def test_a_symlink_outside_is_refused_without_a_manifest(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret\n", encoding="utf-8")
    c = corpus(tmp_path / "c")
    (c / "zz.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(InputError, match="zz.txt.*outside the corpus folder"):
        load_corpus(c)


def test_a_symlink_inside_the_corpus_is_read(tmp_path: Path) -> None:
    c = corpus(tmp_path / "c", "id,file\na,sub/b.txt\n", {})
    (c / "sub").mkdir()
    (c / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (c / "sub" / "b.txt").symlink_to(c / "real.txt")
    assert load_corpus(c).sources[0].raw == ARTICLE


@pytest.mark.parametrize(("manifest", "message"), [
    ("id,file\na,a.txt\nb,./a.txt\n", "row 3 .*already source 'a'"),
    ("id,file\na,a.txt,extra\n", "row 2: 1 field\\(s\\) more than the header"),
    ("id,file\na,a.txt\na,b.txt\n", "row 3: duplicate id 'a'"),
    ("id,file,published\na,a.txt,March 3\n", "row 2: published 'March 3' is not an ISO date"),
])
def test_bad_manifest_rows_are_named(tmp_path: Path, manifest: str, message: str) -> None:
    c = corpus(tmp_path / "c", manifest, {"a.txt": ARTICLE.encode(), "b.txt": ARTICLE.encode()})
    with pytest.raises(InputError, match=message):
        load_corpus(c)


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_texts_with_a_byte_order_mark_are_decoded_first(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(codec))
    assert read_text_file(path)[0] == ARTICLE  # whatever -p encoding says, the BOM decides
    assert read_text_file(path, "utf-16")[0] == ARTICLE


@pytest.mark.parametrize(("data", "message"), [
    (b"", "file is empty"),
    (b" \n\t\n", "file is empty"),
    (b"\x00\x01\x02binary\xff", "looks binary"),
    (b"caf\xe9 au lait\n", "not valid utf-8 \\(byte 3"),
    (b"text\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 more", "12 control characters"),
])
def test_bad_files_are_refused_naming_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as exc:
        read_text_file(path)
    assert str(path) in str(exc.value)


def test_a_few_control_characters_are_kept_and_counted(tmp_path: Path) -> None:
    from analysis import stages

    c = corpus(tmp_path / "c", None, {"a.txt": (ARTICLE + "\x01 stray\n").encode()})
    p = Params.from_mapping({"corpus_dir": str(c), "out_dir": str(tmp_path / "o")})
    tables = stages.cleaning_tables(stages.cleaned(p), p)
    assert tables["sources"]["control_chars"].tolist() == [1]


def test_removed_share_counts_the_same_characters_on_both_sides(tmp_path: Path) -> None:
    from analysis import stages

    page = "Advertisement\n" + " " * 5000 + "\n" + ARTICLE
    c = corpus(tmp_path / "c", None, {"a.txt": page.encode()})
    p = Params.from_mapping({"corpus_dir": str(c), "out_dir": str(tmp_path / "o")})
    share = stages.cleaning_tables(stages.cleaned(p), p)["sources"]["removed_share"].iloc[0]
    assert 0 < share <= 1


# ----------------------------------------------------------------------------- parameters


def parsed(*argv: str) -> Params:
    import argparse

    from analysis.__main__ import _params

    ns = argparse.Namespace(params_file=None, param=list(argv), corpus=None, manifest=None, out=None)
    return Params.from_mapping(_params(ns))


@pytest.mark.parametrize("value", ["Deal: Meta", "Meta #1 deal", "yes", "1e3", "null", "[a, b]", "  padded "])
def test_p_strings_stay_exactly_as_typed(value: str) -> None:
    assert parsed(f"event_name={value}").event_name == value


def test_p_numbers_are_converted_by_the_parameter_type() -> None:
    assert parsed("approx_tolerance=0.05").approx_tolerance == 0.05
    with pytest.raises(InputError, match="parameter approx_tolerance: expected a number, got 'yes'"):
        parsed("approx_tolerance=yes")
    with pytest.raises(InputError, match="approx_tolerance"):
        parsed("approx_tolerance=nan")


def test_params_file_values_stay_strings(tmp_path: Path) -> None:
    import argparse

    from analysis.__main__ import _params

    f = tmp_path / "p.yml"
    f.write_text("event_name: yes\nevent_description: 'Deal: #1'\napprox_tolerance: 0.2\n", encoding="utf-8")
    ns = argparse.Namespace(params_file=str(f), param=[], corpus=None, manifest=None, out=None)
    p = Params.from_mapping(_params(ns))
    assert (p.event_name, p.event_description, p.approx_tolerance) == ("yes", "Deal: #1", 0.2)


@pytest.mark.parametrize(("content", "message"), [
    (b"event_name: [unclosed\n", "-f .*p.yml: not valid YAML at line 2"),
    (b"\xff\xfe bad", "-f .*p.yml: not valid UTF-8"),
    (b"- a\n- b\n", "-f .*p.yml: expected a mapping"),
    (b"event_name:\n  nested: 1\n", "parameter event_name: expected a single value"),
    (b"tolerance: 1\n", "unknown parameter\\(s\\): tolerance"),
])
def test_bad_params_files_give_one_line_and_exit_2(tmp_path: Path, capsys, content: bytes,
                                                   message: str) -> None:
    f = tmp_path / "p.yml"
    f.write_bytes(content)
    assert main(["run", "-f", str(f), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    import re

    assert re.search(message, err), err
    assert not (tmp_path / "o").exists()


# ----------------------------------------------------------------------------- escaping

_MARKUP = ("Link", "Image", "RawInline", "RawBlock", "Math", "Cite", "Code", "CodeBlock", "Emph",
           "Strong", "Strikeout", "Superscript", "Subscript", "Span", "Quoted", "Note", "BulletList",
           "OrderedList", "Header", "BlockQuote", "Div", "Table", "DefinitionList", "HorizontalRule")


def _ast(text: str) -> dict:
    proc = subprocess.run([render._pandoc_path(), "-f", "markdown", "-t", "json"], input=text,
                          capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(proc.stdout)


def _kinds_and_text(node, kinds: set[str], text: list[str]) -> None:
    if isinstance(node, dict):
        if "t" in node:
            kinds.add(node["t"])
            if node["t"] == "Str":
                text.append(node["c"])
            elif node["t"] in ("Space", "SoftBreak"):
                text.append(" ")
        for v in node.values():
            _kinds_and_text(v, kinds, text)
    elif isinstance(node, list):
        for v in node:
            _kinds_and_text(v, kinds, text)


HOSTILE = [
    "<script>alert(1)</script>", "[click](javascript:alert(1))", "`#read(\"/etc/passwd\")`{=typst}",
    "```{=typst}\n#read(\"/etc/passwd\")\n```", "$\\frac{a}{b}$ and $10 and $14", "@fig-x and [@cite]",
    "![](http://evil/x.png)", "# heading", "1. item", "- item", "> quote", "| a | b |", "**bold** _it_",
    "<!-- comment -->", "{{< include /etc/passwd >}}", "\\", "&lt;b&gt;", "--- three", "x^2^ H~2~O",
    "<http://evil.example>", "[^1]", "::: {.callout-note}", "Deal: \"Acme\" #1 'yes'",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=40)), min_size=1,
                max_size=8))
def test_md_turns_any_string_into_plain_text(values: list[str]) -> None:
    """Any string, once through md(), parses to text nodes only and reads back unchanged."""
    values = [v for v in values if " ".join(v.split())]
    if not values:
        return
    doc = _ast("\n\n".join(md(v) for v in values))
    assert len(doc["blocks"]) == len(values)
    for block, value in zip(doc["blocks"], values, strict=True):
        kinds: set[str] = set()
        text: list[str] = []
        _kinds_and_text(block, kinds, text)
        assert not kinds & set(_MARKUP), (value, kinds)
        assert "".join(text) == " ".join(value.split()), value


def test_hostile_variables_reach_html_and_typst_as_text(tmp_path: Path) -> None:
    """event_name and friends go through the same escape into the YAML title and the body."""
    project = tmp_path / "p"
    project.mkdir()
    (project / "index.qmd").write_text('---\ntitle: "Report on {{< var event.name >}}"\n---\n\n'
                                       "{{< var event.description >}}\n", encoding="utf-8")
    from analysis.report import _escaped

    name = 'Deal: "Acme" <script>alert(1)</script>'
    desc = '```{=typst}\n#read("/etc/passwd")\n```'
    (project / "_variables.yml").write_text(
        json.dumps(_escaped({"event": {"name": name, "description": desc}})), encoding="utf-8")
    text = render.final_source(project)
    doc = _ast(text)
    kinds: set[str] = set()
    body: list[str] = []
    _kinds_and_text(doc["blocks"], kinds, body)
    assert not kinds & set(_MARKUP)
    assert "".join(body) == " ".join(desc.split())
    title: list[str] = []
    _kinds_and_text(doc["meta"]["title"], set(), title)
    assert "".join(title) == f"Report on {name}"


def test_chart_labels_with_dollar_signs_are_plain_text(tmp_path: Path) -> None:
    import pandas as pd

    from analysis import figures

    figures.setup()
    sources = pd.DataFrame({"source_id": ["a", "b"], "label": ["Deals $ {x_ $ (a)", "$10 and $14 (b)"],
                            "raw_chars": [100, 200], "clean_chars": [50, 150]})
    path = figures.save(figures.size_before_after(sources), tmp_path, "size")
    assert path.stat().st_size > 1000


# ----------------------------------------------------------------------------- publish


def test_publish_switches_every_part_at_once(tmp_path: Path) -> None:
    out = published(tmp_path / "out", "old")
    assert {(out / p / "index.html").read_text() for p in publish.PARTS} == {
        f"old {p}\n" for p in publish.PARTS}
    published(out, "new")
    assert all((out / p / "index.html").read_text() == f"new {p}\n" for p in publish.PARTS)
    assert len(list((out / publish.RUNS).iterdir())) == 1  # the older run is gone


_KILLER = """
import os, shutil, signal, sys
from pathlib import Path
from analysis import publish
out, point = Path(sys.argv[1]), sys.argv[2]
def kill(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
real_replace, real_rename, real_rmtree = os.replace, Path.rename, shutil.rmtree
if point == "before-switch":
    publish.os.replace = lambda src, dst: kill() if Path(dst).name == "current" else real_replace(src, dst)
elif point == "after-switch":
    def replace(src, dst):
        real_replace(src, dst)
        if Path(dst).name == "current":
            kill()
    publish.os.replace = replace
elif point == "during-cleanup":
    publish.shutil.rmtree = lambda *a, **k: kill()
elif point == "after-rename":
    def rename(self, target):
        r = real_rename(self, target)
        kill()
    Path.rename = rename
stage = publish.new_staging(out)
for part in publish.PARTS:
    (stage / part).mkdir()
    (stage / part / "index.html").write_text(f"new {part}\\n", encoding="utf-8")
publish.publish(stage, out)
"""


@pytest.mark.parametrize("point", ["after-rename", "before-switch", "after-switch", "during-cleanup"])
def test_a_kill_during_publish_leaves_one_whole_report(tmp_path: Path, point: str) -> None:
    out = published(tmp_path / "out", "old")
    proc = subprocess.run([sys.executable, "-c", _KILLER, str(out), point], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    seen = {(out / p / "index.html").read_text() for p in publish.PARTS}
    marker = {s.split()[0] for s in seen}
    assert len(marker) == 1, seen  # never old artifacts beside a new report
    expected = "old" if point in ("after-rename", "before-switch") else "new"
    assert marker == {expected}
    published(out, "next")  # the next run cleans up whatever the killed one left
    assert [p.name for p in (out / publish.RUNS).iterdir() if p.name.startswith(".")] == []


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path, capsys) -> None:
    out = published(tmp_path / "out")
    before = digest(out)
    with publish.locked(out):
        assert main(["run", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"output folder {out} is in use by another run (pid {os.getpid()})" in err
    assert digest(out) == before


@pytest.mark.parametrize(("args", "message"), [
    (["--corpus", "{c}", "--manifest", "{c}/passwd.csv"], "must be a path relative to the corpus folder"),
    (["--corpus", "{c}", "--manifest", "{c}/dup.csv"], "one article cannot be two sources"),
    (["--corpus", "{c}/missing"], "parameter corpus_dir: folder .* not found"),
    (["--corpus", "{c}", "--manifest", "{c}/nofile.csv"], "nofile.txt: file not found"),
    (["--corpus", "{c}", "--manifest", "{c}/baddate.csv"], "not an ISO date"),
    (["--corpus", "{c}", "--manifest", "{c}/empty.csv"], "empty.txt: file is empty"),
    (["--corpus", "{c}", "--manifest", "{c}/binary.csv"], "binary.txt: looks binary"),
    (["--corpus", "{c}", "--manifest", "{c}/latin.csv"], "latin.txt: not valid utf-8"),
    (["--corpus", "{c}", "-p", "encoding=klingon"], "parameter encoding: unknown codec 'klingon'"),
    (["-p", "approx_tolerance=2"], "parameter approx_tolerance: must be in"),
    (["-p", "tolerance=2"], "unknown parameter"),
    (["-p", "novalue"], "expected KEY=VALUE"),
])
def test_bad_input_gives_one_line_exit_2_and_keeps_the_report(tmp_path: Path, capsys, args: list[str],
                                                              message: str) -> None:
    import re

    c = corpus(tmp_path / "c", None, {"a.txt": ARTICLE.encode(), "empty.txt": b"",
                                      "binary.txt": b"\x00\x01\x02", "latin.txt": b"caf\xe9\n"})
    for name, row in {"passwd": "/etc/passwd", "dup": "a.txt\nb,./a.txt", "nofile": "nofile.txt",
                      "empty": "empty.txt", "binary": "binary.txt", "latin": "latin.txt"}.items():
        (c / f"{name}.csv").write_text(f"id,file\na,{row}\n", encoding="utf-8")
    (c / "baddate.csv").write_text("id,file,published\na,a.txt,2024-13-45\n", encoding="utf-8")
    out = published(tmp_path / "out")
    before = digest(out)
    argv = ["run", *[a.replace("{c}", str(c)) for a in args], "--out", str(out)]
    if "--corpus" not in args:
        argv += ["--corpus", str(c)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert re.search(message, err), err
    assert digest(out) == before


# ----------------------------------------------------------------------------- end to end


def _active_markup(page: str) -> list[str]:
    """Elements or attributes that would run or load something the corpus or parameters put there."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Scan(HTMLParser):
        in_script = False

        def handle_starttag(self, tag, attrs):
            self.in_script = tag == "script"
            for k, v in attrs:
                if k.startswith("on") or (v or "").strip().lower().startswith("javascript:"):
                    found.append(f"<{tag} {k}={v}>")
                if k == "src" and (v or "").startswith("http"):
                    found.append(f"<{tag} src={v}>")

        def handle_data(self, data):
            if self.in_script and "alert(" in data:
                found.append("script with alert(")

    Scan().feed(page)
    return found


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "analysis", *args], cwd=PROJECT_ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


@pytest.mark.slow
def test_hostile_fields_arrive_as_text_in_html_and_pdf(tmp_path: Path) -> None:
    """Every field a user controls, hostile at once: corpus text, outlet, title, file name, parameters."""
    import html as html_lib
    import re

    from pypdf import PdfReader

    text = ("Acme <script>alert(1)</script> agreed to buy Beta for $5 billion, the companies said. "
            "`x`{=typst} and [click](javascript:alert(2)) and $\\frac{a}{b}$ and @fig-x.\n\n"
            "Beta holders get $20 a share, people familiar said. ![](http://evil.example/x.png)\n")
    c = corpus(tmp_path / "c", 'id,file,outlet,title\n'
               'a,a $x.txt,"<img src=x onerror=alert(3)>",Title $ {x_ $\n'
               'b,b.txt,"Evil ""outlet"" `#read(""/etc/passwd"")`{=typst}",\n',
               {"a $x.txt": text.encode("utf-16"),
                "b.txt": b"Acme's $5 billion deal for Beta closed on Friday, Acme said.\n"})
    name = 'Deal: "Acme" <script>alert(4)</script> #1 yes'
    desc = '```{=typst}\n#read("/etc/passwd")\n```'
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(c), "--out", str(out),
                           "-p", f"event_name={name}", "-p", f"event_description={desc}"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    page = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert _active_markup(page) == []
    shown = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert html_lib.escape(name) in shown  # text, escaped exactly once
    assert "&lt;img src=x onerror=alert(3)&gt;" in shown
    pdf = " ".join((pg.extract_text() or "") for pg in PdfReader(out / "report" / "index.pdf").pages)
    assert "root:" not in pdf and "root:" not in page
    assert "#read(\"/etc/passwd\")" in " ".join(pdf.split())
    assert "<script>alert(4)</script>" in " ".join(pdf.split())


@pytest.mark.slow
def test_a_run_killed_midway_leaves_the_report_and_the_next_run_succeeds(tmp_path: Path) -> None:
    import signal

    out = tmp_path / "out"
    first = subprocess.run([sys.executable, "-m", "analysis", "run", "--out", str(out)], cwd=PROJECT_ROOT,
                           capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr
    before = digest(out)
    proc = _cli("run", "--out", str(out), "-p", "approx_tolerance=0.05")
    seen = ""
    while "[3/5]" not in seen:
        line = proc.stdout.readline()
        assert line or proc.poll() is None, seen
        seen += line
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert digest(out) == before
    again = subprocess.run([sys.executable, "-m", "analysis", "run", "--out", str(out), "--no-render"],
                           cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    assert [p.name for p in (out / publish.RUNS).iterdir()] == [publish.current_tree(out).name]
    assert (out / "report" / "NOT_RENDERED.txt").is_file()


def test_impossible_dates_in_the_text_or_url_are_not_a_crash(tmp_path: Path) -> None:
    """'date 2024-00-10' at the top or '/2024-13-45/' in the address names no day: ignored, no traceback."""
    from analysis import stages

    c = corpus(tmp_path / "c", "id,file,url\na,a.txt,https://x.example/2024-13-45/story\n",
               {"a.txt": (" date 2024-00-10 " + ARTICLE).encode()})
    p = Params.from_mapping({"corpus_dir": str(c), "out_dir": str(tmp_path / "o")})
    cs = stages.cleaned(p)
    table = stages.build_timeline(p, cs, stages.claims(p, cs)).table
    assert table.loc[0, "published"] == ""
