"""Publish a run's outputs in one atomic step, under a lock on the output folder.

Layout of an output folder (``build/`` by default)::

    runs/<run>/{artifacts,notebooks,report}   one complete tree per published run
    runs/<run>/run.json                       the run log: its parameters with absolute paths
    current -> runs/<run>                     switched with a single rename
    artifacts -> current/artifacts            fixed links, made once
    notebooks -> current/notebooks
    report -> current/report
    .lock                                     held (flock) while a run writes here
    failed/NN_x.ipynb                         the executed copy of a notebook that failed
    cache/, scratch/                          the stage cache; notebooks run alone (build/)

Why: replacing ``artifacts/``, ``notebooks/`` and ``report/`` one after another leaves a
mixed or missing report when a run dies between the renames. Here a run builds a whole
new tree beside the old one and publishes it by renaming one symlink over ``current``
(``rename(2)`` is atomic), so at every instant readers see either the old tree or the new
one, whole. The lock refuses a second concurrent run instead of letting two runs share
a staging folder.

The output folder may be one the user already has: a run refuses, before anything runs, a
folder holding anything of other origin (:func:`check_output`), and removes only what it can
prove it wrote: run folders carry a marker file (``RUN_MARKER``) from their first instant.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError

PARTS = ("artifacts", "notebooks", "report")
RUNS = "runs"
CURRENT = "current"
LOCK = ".lock"
STAGING_PREFIX = ".staging-"
FAILED = "failed"
RUN_LOG = "run.json"  # not an artifact: the absolute paths params.json leaves out
RUN_MARKER = ".analysis-run"  # in every run and staging folder this tool made
#: What else an output folder may hold: the stage cache and scratch of notebooks run alone
#: (``build/``), and the temporary links of a publish that was killed.
_OTHER_ENTRIES = ("cache", "scratch", LOCK)
_TEMP_LINK = re.compile(r"\.(?:current|artifacts|notebooks|report)\.\d+")
_FAILED_COPY = re.compile(r"\d\d_[\w-]+\.ipynb")
#: A run folder published before runs carried a marker: its name and three parts prove it.
_UNMARKED_RUN = re.compile(r"run-\d{8}T\d{6}-\d+-\d{9}")


class OutputBusy(InputError):
    """Another run holds the output folder's lock."""


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` for the duration; refuse at once if another run has it.

    flock is released by the kernel when the process dies, so a killed run never leaves
    a stale lock behind.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
        fh = (out / LOCK).open("a+", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"output folder {out}: cannot be written ({exc.strerror or exc})") from exc
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise OutputBusy(f"output folder {out} is in use by another run ({holder}); wait for it "
                             "to finish or pass another --out") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}\n")
        fh.flush()
        yield
    finally:
        fh.close()


def ours(run: Path) -> bool:
    """True for a run or staging folder this tool made (its marker, or an unmarked published run
    of an older version: its name and exactly the folders artifacts, notebooks and report)."""
    if run.is_symlink() or not run.is_dir():
        return False
    if (run / RUN_MARKER).is_file():
        return True
    return bool(_UNMARKED_RUN.fullmatch(run.name)) and sorted(
        x.name for x in run.iterdir() if x.is_dir() and not x.is_symlink()) == sorted(
        x.name for x in run.iterdir()) == sorted(PARTS)


def check_output(out: Path) -> None:
    """Refuse ``out`` unless it is missing, empty or holds only this tool's output.

    Why: an existing folder may be the user's; a run writes runs/, current and links there and
    later removes older runs, so it must never adopt (and then delete) anything it did not write.
    Read-only, so it runs before any notebook.
    """
    if out.is_symlink() and not out.is_dir() or out.exists() and not out.is_dir():
        raise InputError(f"output folder {out}: exists and is not a folder; pass another --out")
    if not out.is_dir():
        return

    def refuse(entry: Path, why: str) -> InputError:
        return InputError(f"output folder {out}: {entry} {why}, not this tool's output; move it "
                          "away or pass another --out (an output folder holds only what a run wrote)")

    for entry in sorted(out.iterdir()):
        name = entry.name
        if name in (CURRENT, *PARTS):
            if not entry.is_symlink():
                raise refuse(entry, "is a real folder or file (a run makes it a link)")
        elif name == RUNS:
            if entry.is_symlink() or not entry.is_dir():
                raise refuse(entry, "is not a folder")
            for run in sorted(entry.iterdir()):
                if not ours(run) and not run.name.startswith(STAGING_PREFIX):
                    raise refuse(run, f"has no {RUN_MARKER} marker")
        elif name == FAILED:
            if entry.is_symlink() or not entry.is_dir():
                raise refuse(entry, "is not a folder")
            for kept in sorted(entry.iterdir()):
                if not (_FAILED_COPY.fullmatch(kept.name) and kept.is_file() and not kept.is_symlink()):
                    raise refuse(kept, "is not a copy of a failed notebook")
        elif name in _OTHER_ENTRIES or (_TEMP_LINK.fullmatch(name) and entry.is_symlink()):
            continue
        elif _is_output(entry):  # another run's output folder inside this one (build/harbor-lumen)
            continue
        else:
            raise refuse(entry, "is not a name a run writes")


def _is_output(folder: Path) -> bool:
    """True for an output folder of this tool (its lock file and runs folder): never touched here."""
    return (not folder.is_symlink() and folder.is_dir() and (folder / LOCK).is_file()
            and (folder / RUNS).is_dir())


def new_staging(out: Path) -> Path:
    """A fresh staging folder of this run's own, marked as such at once; stale ones of killed runs
    (marked) are removed first."""
    runs = out / RUNS
    runs.mkdir(parents=True, exist_ok=True)
    for stale in runs.glob(STAGING_PREFIX + "*"):
        if (stale / RUN_MARKER).is_file():
            shutil.rmtree(stale, ignore_errors=True)
    for link in out.iterdir():  # temporary links a killed publish left: links, never data
        if _TEMP_LINK.fullmatch(link.name) and link.is_symlink():
            link.unlink()
    stage = runs / f"{STAGING_PREFIX}{os.getpid()}-{time.time_ns()}"
    stage.mkdir()
    (stage / RUN_MARKER).write_text("a run of python -m analysis: removed when a newer run is published\n",
                                    encoding="utf-8")
    return stage


def current_tree(out: Path) -> Path | None:
    """The published run's folder, or None when nothing was published yet."""
    cur = out / CURRENT
    return cur.resolve() if cur.is_symlink() and cur.resolve().is_dir() else None


def publish(stage: Path, out: Path) -> Path:
    """Make the complete tree ``stage`` the published one; return its final folder.

    Steps, each leaving a whole report behind if the process dies right after it:
    1. rename the staging folder to its run name (not yet visible);
    2. point a new symlink at it and rename that over ``current`` (the switch);
    3. make the fixed ``artifacts``/``notebooks``/``report`` links if missing;
    4. remove older runs.
    """
    missing = [p for p in PARTS if not (stage / p).is_dir()]
    if missing:
        raise RuntimeError(f"refusing to publish an incomplete run (missing {', '.join(missing)})")
    runs = out / RUNS
    final = runs / f"run-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.time_ns() % 10**9:09d}"
    stage.rename(final)
    tmp = out / f".{CURRENT}.{os.getpid()}"
    try:
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(Path(RUNS) / final.name, target_is_directory=True)
        if (out / CURRENT).exists() and not (out / CURRENT).is_symlink():
            raise InputError(f"output folder {out}: {out / CURRENT} is a real folder, not this tool's link")
        os.replace(tmp, out / CURRENT)
    except BaseException:
        tmp.unlink(missing_ok=True)
        shutil.rmtree(final, ignore_errors=True)  # never published: no orphan run is left
        raise
    for part in PARTS:
        _fixed_link(out, part)
    for old in runs.iterdir():
        if old != final and ours(old):
            shutil.rmtree(old, ignore_errors=True)
    return final


def _fixed_link(out: Path, part: str) -> None:
    """``out/part -> current/part``; only a link is ever replaced, never a real folder or file."""
    link = out / part
    want = Path(CURRENT) / part
    if link.is_symlink() and Path(os.readlink(link)) == want:
        return
    if link.exists() and not link.is_symlink():
        raise InputError(f"output folder {out}: {link} is a real folder or file, not this tool's link; "
                         "move it away")
    tmp = out / f".{part}.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(want, target_is_directory=True)
    os.replace(tmp, link)


def clear_failed(out: Path, names: list[str]) -> None:
    """Remove the kept copies of failed notebooks (``names``) after a run that succeeded; anything
    else in ``failed/`` stays, and the folder goes only when empty."""
    failed = out / FAILED
    for name in names:
        kept = failed / name
        if kept.is_file() and not kept.is_symlink():
            kept.unlink()
    try:
        failed.rmdir()
    except OSError:  # missing, or not empty
        pass


def discard(stage: Path) -> None:
    """Remove a failed run's staging folder (only one this tool marked as its own)."""
    if (stage / RUN_MARKER).is_file():
        shutil.rmtree(stage, ignore_errors=True)


#: Written beside a run's artifacts when it is published: the SHA-256 of every artifact, in
#: ``sha256sum`` format (``sha256sum -c`` checks it from the run folder). ``render`` refuses
#: artifacts that no longer match it: a table rewritten after the run would otherwise be
#: rendered beside the others, and the report would mix two runs.
ARTIFACT_RECORD = "artifacts.sha256"


def _artifact_hashes(tree: Path) -> dict[str, str]:
    root = tree / "artifacts"
    return {str(f.relative_to(tree)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(root.rglob("*")) if f.is_file()}


def record_artifacts(tree: Path) -> None:
    """Write :data:`ARTIFACT_RECORD` for the artifacts of ``tree`` (a run about to be published)."""
    lines = [f"{digest}  {name}\n" for name, digest in _artifact_hashes(tree).items()]
    (tree / ARTIFACT_RECORD).write_text("".join(lines), encoding="utf-8", newline="\n")


def changed_artifacts(tree: Path) -> list[str] | None:
    """The artifacts of the published run ``tree`` that differ from its record, each as
    ``artifacts/x.csv (changed|added|missing)``; None when the run has no record (published by an
    older version, which never wrote one)."""
    record = tree / ARTIFACT_RECORD
    if not record.is_file():
        return None
    want = dict(reversed(line.split("  ", 1)) for line in record.read_text(encoding="utf-8").splitlines() if line)
    have = _artifact_hashes(tree)
    return ([f"{n} (changed)" for n in sorted(want) if n in have and have[n] != want[n]]
            + [f"{n} (added)" for n in sorted(have) if n not in want]
            + [f"{n} (missing)" for n in sorted(want) if n not in have])


def published_folder(out_dir: Path) -> Path | None:
    """``out_dir`` when it holds a published run (an output folder with its ``current`` and
    ``artifacts`` links, or a published run's own folder), else None.

    Why: ``out/artifacts`` is a link into the published run, so a table written there by hand
    (a stage called from Python, a notebook given ``out_dir=build``) would change the published
    artifacts under their report, with no lock and no atomic publish.
    """
    out = Path(out_dir)
    if (out / "artifacts").is_symlink() or (out / CURRENT).is_symlink():
        return out
    real = out.resolve()
    for folder in (real, *real.parents):  # a run's own folder, or a folder inside one
        if (folder / RUN_MARKER).is_file() and not folder.name.startswith(STAGING_PREFIX):
            return folder
    return None


def refuse_published(out_dir: Path) -> None:
    """Raise an input error when ``out_dir`` holds a published run (see :func:`published_folder`)."""
    where = published_folder(out_dir)
    if where is not None:
        raise InputError(
            f"out_dir {out_dir}: holds a published run (its report and artifacts); writing artifacts there "
            "would change them under the report. Give another out_dir (a notebook run alone writes to "
            f"build/scratch/<notebook>/), or publish a new run with `python -m analysis run --out {out_dir}`")
