"""Command line: ``python -m analysis run|render|evaluate``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError


def _parse_kv(items: list[str]) -> dict[str, Any]:
    """``-p KEY=VALUE``: the value stays the string typed; Params converts typed parameters."""
    out: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise InputError(f"-p {item!r}: expected KEY=VALUE")
        k, v = item.split("=", 1)
        out[k.strip()] = v
    return out


def _read_params_file(f: Path) -> dict[str, Any]:
    """A YAML mapping of parameter: value, every scalar read as the string written.

    YAML's own typing would turn ``yes`` into True and ``1e3`` into a string; Params
    converts each value by the parameter's declared type instead.
    """
    if not f.is_file():
        raise InputError(f"-f {f}: parameters file not found")
    try:
        text = f.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"-f {f}: not valid UTF-8 (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise InputError(f"-f {f}: cannot be read ({exc.strerror or exc})") from exc
    try:
        loaded = yaml.load(text, Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"-f {f}: not valid YAML{where}: {problem}") from exc
    if not isinstance(loaded, dict):
        raise InputError(f"-f {f}: expected a mapping of parameter: value")
    for key, value in loaded.items():
        if not isinstance(value, str):
            raise InputError(f"-f {f}: parameter {key}: expected a single value, got a "
                             f"{'list' if isinstance(value, list) else 'mapping'}")
    return loaded


def _params(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if args.params_file:
        values.update(_read_params_file(Path(args.params_file)))
    values.update(_parse_kv(args.param or []))
    for key, attr in (("corpus_dir", "corpus"), ("manifest", "manifest"), ("out_dir", "out")):
        if getattr(args, attr, None):
            values[key] = getattr(args, attr)
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run every notebook, then render the report")
    render = sub.add_parser("render", help="re-render the report from existing artifacts")
    for sp in (run, render):
        sp.add_argument("--corpus", help="folder of .txt articles (default: seeds/)")
        sp.add_argument("--manifest", help="sources.csv (default: <corpus>/sources.csv)")
        sp.add_argument("--out", help="output folder (default: build/)")
        sp.add_argument("-p", "--param", action="append", metavar="KEY=VALUE",
                        help="set a notebook parameter (repeatable)")
        sp.add_argument("-f", "--params-file", help="YAML file of parameters")
    run.add_argument("--no-render", action="store_true", help="stop after the notebooks")
    ev = sub.add_parser("evaluate", help="score cleaning and claims against labelled fixtures")
    ev.add_argument("--corpus", help="one corpus folder (with --labels)")
    ev.add_argument("--labels", help="folder with boilerplate_labels.csv and/or expected_claims.csv")
    ev.add_argument("--all", action="store_true", help="score every labelled corpus at once")
    ev.add_argument("--include-unseen", action="store_true",
                    help="with --all, also the corpus kept unseen (a folder holding a file UNSEEN)")
    ev.add_argument("-v", "--verbose", action="store_true", help="list every difference from the labels")
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            from .pipeline import run as run_pipeline

            out = run_pipeline(_params(args), render_report=not args.no_render)
            print(f"artifacts: {out / 'artifacts'}")
            if not args.no_render:
                print(f"report:    {out / 'report' / 'index.html'} and index.pdf")
        elif args.command == "render":
            from . import paths
            from .report import publish_report

            values = _params(args)
            out = paths.absolute(values.pop("out_dir")) if values.get("out_dir") else paths.DEFAULT_OUT_DIR
            html = publish_report(out, values)
            print(f"report: {html} and {html.with_suffix('.pdf')}")
        else:
            if args.all:
                from .scorecard import evaluate_all

                print(evaluate_all(args.include_unseen, args.verbose))
            elif args.corpus and args.labels:
                from .evaluate import evaluate_command

                print(evaluate_command(Path(args.corpus), Path(args.labels)))
            else:
                raise InputError("evaluate: give --all, or --corpus DIR and --labels DIR")
    except (InputError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; the published report was not touched", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback, for any failure
        if exc.__class__.__name__ in {"NotebookFailed", "RenderError"}:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if os.environ.get("ANALYSIS_DEBUG"):
            raise
        print(f"error: {exc.__class__.__name__}: {exc} (an internal error: please report it; "
              "ANALYSIS_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
