"""Publish a run's outputs in one atomic step, under a lock on the output folder.

Layout of an output folder (``build/`` by default)::

    runs/<run>/{artifacts,notebooks,report}   one complete tree per published run
    current -> runs/<run>                     switched with a single rename
    artifacts -> current/artifacts            fixed links, made once
    notebooks -> current/notebooks
    report -> current/report
    .lock                                     held (flock) while a run writes here

Why: replacing ``artifacts/``, ``notebooks/`` and ``report/`` one after another leaves a
mixed or missing report when a run dies between the renames. Here a run builds a whole
new tree beside the old one and publishes it by renaming one symlink over ``current``
(``rename(2)`` is atomic), so at every instant readers see either the old tree or the new
one, whole. The lock refuses a second concurrent run instead of letting two runs share
a staging folder.
"""

from __future__ import annotations

import fcntl
import os
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


def new_staging(out: Path) -> Path:
    """A fresh staging folder of this run's own; stale ones of killed runs are removed first."""
    runs = out / RUNS
    runs.mkdir(parents=True, exist_ok=True)
    for stale in runs.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    stage = runs / f"{STAGING_PREFIX}{os.getpid()}-{time.time_ns()}"
    stage.mkdir()
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
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(Path(RUNS) / final.name, target_is_directory=True)
    os.replace(tmp, out / CURRENT)
    for part in PARTS:
        _fixed_link(out, part)
    for old in runs.iterdir():
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    return final


def _fixed_link(out: Path, part: str) -> None:
    """``out/part -> current/part``; a real folder of the old layout is replaced once."""
    link = out / part
    want = Path(CURRENT) / part
    if link.is_symlink() and Path(os.readlink(link)) == want:
        return
    tmp = out / f".{part}.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(want, target_is_directory=True)
    if link.is_dir() and not link.is_symlink():  # the layout before runs/: move it aside first
        aside = out / f".{part}.old-layout"
        shutil.rmtree(aside, ignore_errors=True)
        link.rename(aside)
        os.replace(tmp, link)
        shutil.rmtree(aside, ignore_errors=True)
    else:
        os.replace(tmp, link)


def discard(stage: Path) -> None:
    """Remove a failed run's staging folder."""
    shutil.rmtree(stage, ignore_errors=True)
