"""Pipeline parameters: one typed set shared by every notebook and the CLI.

Every path a user gives is made absolute here, before it reaches a notebook, and every
bad value is rejected with a message naming the parameter.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from . import paths
from .errors import InputError
from .parallel import Workers

#: Where Params used from Python (``Params.from_mapping`` without ``out_dir``) write, under
#: ``build/scratch/``: the CLI publishes to ``build/`` itself, and nothing else writes there.
INTERACTIVE = "interactive"


@dataclass(frozen=True)
class Params:
    """Defaults reproduce the seed report; each field is a notebook parameter."""

    corpus_dir: str = ""  # folder of .txt articles; empty means the seeds folder
    manifest: str = ""  # sources.csv; empty means sources.csv in corpus_dir if present
    events: str = ""  # reference events CSV; empty means events.csv in corpus_dir; none for none
    out_dir: str = ""  # output folder; empty: build/ (CLI), build/scratch/<notebook> (notebook run alone),
    # build/scratch/interactive (Params from Python): never the published report's folder
    encoding: str = "utf-8"  # text encoding of the articles
    extra_rules: str = ""  # YAML file of extra boilerplate rules
    metric_lexicon: str = ""  # CSV replacing analysis/data/metric_lexicon.csv
    stance_cues: str = ""  # CSV replacing analysis/data/stance_cues.csv
    hedge_cues: str = ""  # CSV replacing analysis/data/hedge_cues.csv
    approx_tolerance: float = 0.10  # +/- share around "about X" figures
    near_duplicate_threshold: float = 75.0  # rapidfuzz score (0-100) flagging near-duplicates
    repeat_threshold: float = 85.0  # rapidfuzz score (0-100) for a restated sentence
    event_name: str = ""  # name of the event in the report; empty means derived from the claims
    event_description: str = ""  # one sentence describing the event; empty means generic
    cache_dir: str = ""  # stage cache; empty: <out_dir>/cache (CLI) or build/cache; none: no cache
    jobs: int = 1  # worker processes for per-source stages; 0: one per core (same results)
    dask_scheduler: str = ""  # dask.distributed scheduler address, or local; empty: no Dask

    #: Where and how a run computes, not what: never in params.json, so the artifacts are
    #: byte-identical whichever cache, jobs or scheduler made them.
    RUNTIME = ("out_dir", "cache_dir", "jobs", "dask_scheduler")
    #: Parameters naming a file or folder: params.json records them without where they lie.
    PATHS = ("corpus_dir", "manifest", "events", "extra_rules", "metric_lexicon", "stance_cues", "hedge_cues")

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def __post_init__(self) -> None:
        """Direct construction (``Params(corpus_dir=...)``) is checked and resolved like
        :meth:`from_mapping`: each value converted by its type or refused naming the parameter,
        ranges checked, paths made absolute and defaults filled from the corpus folder (an empty
        ``corpus_dir`` is the seeds, as everywhere else)."""
        for f in fields(self):
            object.__setattr__(self, f.name, _convert(f.name, f.type, getattr(self, f.name)))
        self._check_ranges()
        for name, value in self._resolution().items():
            object.__setattr__(self, name, value)

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Params:
        """Validate raw values (from papermill, -p, a YAML file) and resolve paths."""
        unknown = sorted(set(values) - set(cls.names()))
        if unknown:
            raise InputError(f"unknown parameter(s): {', '.join(unknown)} "
                             f"(known: {', '.join(cls.names())})")
        return cls(**values)

    @classmethod
    def as_recorded(cls, values: dict[str, Any]) -> Params:
        """The parameters exactly as a run recorded them (``params.json`` keeps each path without where
        it lies, so it is not resolved again), for reports of that run; never checked, never run."""
        p = object.__new__(cls)
        for f in fields(cls):
            object.__setattr__(p, f.name, values.get(f.name, f.default))
        return p

    def _check_ranges(self) -> None:
        if not 0 <= self.approx_tolerance < 1:
            raise InputError(f"parameter approx_tolerance: must be in [0, 1), got {self.approx_tolerance}")
        for name in ("near_duplicate_threshold", "repeat_threshold"):
            v = getattr(self, name)
            if not 0 < v <= 100:
                raise InputError(f"parameter {name}: must be in (0, 100], got {v}")
        if not 0 <= self.jobs <= 512:
            raise InputError(f"parameter jobs: must be 0 (one per core) or 1 to 512, got {self.jobs}")

    def resolved(self) -> Params:
        """Absolute paths everywhere, defaults filled from the corpus folder: as constructed."""
        return self

    def _resolution(self) -> dict[str, Any]:
        """The resolved value of each path parameter (see :meth:`__post_init__`)."""
        corpus = paths.absolute(self.corpus_dir) if self.corpus_dir else paths.SEEDS_DIR
        if not corpus.is_dir():
            raise InputError(f"parameter corpus_dir: folder {corpus} not found")
        manifest = self.manifest
        if manifest:
            manifest = str(paths.absolute(manifest))
        elif (corpus / "sources.csv").is_file():
            manifest = str(corpus / "sources.csv")
        events = self.events
        if events.lower() == "none":
            events = "none"
        elif events:
            events = str(paths.absolute(events))
        elif (corpus / "events.csv").is_file():
            events = str(corpus / "events.csv")
        out = paths.absolute(self.out_dir) if self.out_dir else paths.SCRATCH_DIR / INTERACTIVE
        cache = self.cache_dir
        if cache.lower() == "none":
            cache = "none"
        else:
            cache = str(paths.absolute(cache) if cache else paths.cache_dir())
        changes: dict[str, Any] = {"corpus_dir": str(corpus), "manifest": manifest,
                                   "events": events, "out_dir": str(out), "cache_dir": cache}
        for name in ("extra_rules", "metric_lexicon", "stance_cues", "hedge_cues"):
            v = getattr(self, name)
            if v:
                pth = paths.absolute(v)
                if not pth.is_file():
                    raise InputError(f"parameter {name}: file {pth} not found")
                changes[name] = str(pth)
        if events not in ("", "none") and not Path(events).is_file():
            raise InputError(f"parameter events: file {events} not found")
        return changes

    @property
    def events_path(self) -> Path | None:
        return None if self.events in ("", "none") else Path(self.events)

    @property
    def workers(self) -> Workers:
        """Who runs the per-source stages (jobs, Dask)."""
        return Workers(self.jobs, self.dask_scheduler)

    def to_json(self, include_out_dir: bool = True) -> str:
        """The parameters that decide the results (and out_dir unless told not to): the cache,
        jobs and scheduler never change a result, so they are left out."""
        values = dataclasses.asdict(self)
        for name in self.RUNTIME:
            if name != "out_dir" or not include_out_dir:
                values.pop(name)
        return json.dumps(values, indent=2, sort_keys=True) + "\n"

    def portable_json(self) -> str:
        """What params.json records: :meth:`to_json` without out_dir, each path without where it lies
        (the corpus folder by its name, a file inside it as ``<name>/<path in it>``, any other file
        by its name; inputs.json holds every file's hash), so the same corpus copied elsewhere gives
        byte-identical artifacts. The absolute paths go to the run log (``run.json``), not an artifact."""
        values = json.loads(self.to_json(include_out_dir=False))
        corpus = Path(self.corpus_dir) if self.corpus_dir else None
        for name in self.PATHS:
            values[name] = _portable(values[name], corpus)
        return json.dumps(values, indent=2, sort_keys=True) + "\n"


def _portable(value: str, corpus: Path | None) -> str:
    """``value`` (a path parameter) as params.json records it: see :meth:`Params.portable_json`."""
    if value in ("", "none") or corpus is None:
        return value
    path = Path(value)
    if path == corpus:
        return corpus.name
    if path.is_relative_to(corpus):
        return str(Path(corpus.name) / path.relative_to(corpus))
    return path.name


def _convert(name: str, kind: Any, value: Any) -> Any:
    """``value`` of parameter ``name`` as its declared type (a string "0.05" as the number), or an
    input error naming the parameter."""
    if kind in ("float", float):
        try:
            if isinstance(value, bool):
                raise TypeError
            return float(value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"parameter {name}: expected a number, got {value!r}") from exc
    if kind in ("int", int):
        try:
            v = int(str(value).strip()) if not isinstance(value, float) or value.is_integer() else None
        except (TypeError, ValueError):
            v = None
        if v is None or isinstance(value, bool):
            raise InputError(f"parameter {name}: expected a whole number, got {value!r}")
        return v
    return _text(name, "" if value is None else str(value))


#: Characters no parameter may hold: control characters other than tab and line breaks (a NUL or
#: an escape would reach the report and the PDF), and lone surrogates (no encoding can write them).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _text(name: str, value: str) -> str:
    """``value`` when it is plain text; else an input error naming the parameter and the character."""
    bad = _NOT_TEXT.search(value)
    if bad:
        ch = bad.group(0)
        kind = ("a lone surrogate (not valid Unicode: no encoding can write it)" if "\ud800" <= ch <= "\udfff"
                else "a control character")
        raise InputError(f"parameter {name}: {kind} U+{ord(ch):04X} at position {bad.start() + 1}; "
                         "a parameter must be plain text (tabs and line breaks allowed)")
    return value


def from_notebook(namespace: dict[str, Any], notebook: str) -> Params:
    """Build Params from a notebook's parameter cell (its globals).

    A notebook run alone (Jupyter, nbconvert, nbval) has an empty ``out_dir`` and writes to
    ``build/scratch/<notebook>/``, never into the published artifacts; the pipeline always
    passes its own staging folder.
    """
    values = {k: namespace[k] for k in Params.names() if k in namespace}
    if not values.get("out_dir"):
        values["out_dir"] = str(paths.SCRATCH_DIR / notebook)
    p = Params.from_mapping(values)
    from .publish import refuse_published

    refuse_published(Path(p.out_dir))  # a notebook writes artifacts: never into a published run
    return p
