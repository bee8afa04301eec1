"""A content-addressed cache of stage results, so each stage runs once per input.

Every notebook builds on the stages before it (cleaning, claims, timeline, ...) and each
also runs alone, so without a cache a run cleaned the corpus five times. Here a stage's
result is stored under a key that hashes everything it depends on:

- the code: this package's source and data files and the versions of the libraries
  whose results reach the artifacts (:func:`code_fingerprint`);
- its inputs: the corpus (every source's manifest fields and the SHA-256 of its bytes)
  or the key of the stage it builds on;
- the parameters it reads, with files (rules, lexicons, events) by their content.

Change any of them and the key changes, so a stale result is never read; nothing is
ever invalidated by hand. Results live under ``<cache_dir>/<code>/<stage>/<key>.pkl``;
a run removes the folders of other code versions (:func:`prune_stale`), only those holding the
marker file this module writes (``MARKER``): ``cache_dir`` may be a folder of the user's.
Results are pickles written atomically (a temporary file renamed into place), so a
killed run or two kernels writing the same key leave either no file or a whole one.
Pickles run code when read: the cache folder belongs to the user's own output folder
and this package is the only writer.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from . import paths
from .errors import InputError

T = TypeVar("T")

#: Libraries whose behaviour reaches the artifacts: a new version may change a result.
LIBRARIES = ("pandas", "numpy", "rapidfuzz", "textstat", "pyphen", "dateparser", "htmldate", "ftfy",
             "regex", "python-dateutil", "pyyaml")
FORMAT = 1  # bump when the layout of cached values changes
MEMORY = 12  # results kept in memory per process (one run's stages, with room)
MARKER = ".analysis-cache"  # in every code-version folder this module made: proof it may go


def _hash(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _code_files() -> tuple[tuple[str, int, int], ...]:
    return tuple((str(f), st.st_mtime_ns, st.st_size) for f in sorted(paths.PACKAGE_DIR.rglob("*"))
                 if "__pycache__" not in f.parts and f.suffix != ".pyc" and f.is_file()
                 for st in [f.stat()])


#: The package's files as this process found them when it loaded this module. A process that
#: loaded older code than the files now say runs that older code: its results go under the new
#: code's key if stored, so while they differ it neither reads nor writes the disk cache.
_LOADED_FILES = _code_files()


def runs_current_code() -> bool:
    """Whether the package's files are still those this process loaded (see ``_LOADED_FILES``)."""
    return _code_files() == _LOADED_FILES


def code_fingerprint() -> str:
    """One hash of the package's Python and data files and the libraries' versions.

    Re-read whenever a file's size or time changes, so a user editing the package in a
    live Jupyter session never gets a result of the code before the edit.
    """
    return _fingerprint(_code_files())


@lru_cache(maxsize=4)
def _fingerprint(files: tuple[tuple[str, int, int], ...]) -> str:
    h = hashlib.sha256(f"format {FORMAT}".encode())
    for name, _, _ in files:
        f = Path(name)
        h.update(str(f.relative_to(paths.PACKAGE_DIR)).encode("utf-8") + b"\0")
        h.update(f.read_bytes())
    for lib in LIBRARIES:
        try:
            version = metadata.version(lib)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{lib}={version};".encode())
    return h.hexdigest()


def file_digest(path: str | Path | None) -> str:
    """The content hash of a parameter's file ("" for none: the default is part of the code)."""
    if not path or str(path) == "none" or not Path(path).is_file():
        return ""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def key(stage: str, *parts: Any) -> str:
    """The key of ``stage`` given what it depends on (strings, numbers, other keys)."""
    return _hash(stage, code_fingerprint(), *parts)


class StageCache:
    """Stage results on disk (``root``), and in memory for this process.

    ``root=None`` turns the disk cache off (the ``cache_dir=none`` parameter); the
    in-memory layer still spares recomputing a stage twice within one notebook.
    """

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._memory: OrderedDict[str, Any] = OrderedDict()  # the last MEMORY results, newest last
        self.hits: list[str] = []
        self.misses: list[str] = []

    def _path(self, stage: str, k: str) -> Path:
        assert self.root is not None
        return self.root / code_fingerprint()[:16] / stage / f"{k}.pkl"

    def get(self, stage: str, k: str, compute: Callable[[], T]) -> T:
        """The cached value of ``stage`` under key ``k``, computing and storing it when missing."""
        if k in self._memory:
            self.hits.append(stage)
            self._memory.move_to_end(k)
            return self._memory[k]
        value: Any = None
        found = False
        disk = self.root is not None and runs_current_code()
        if disk:
            path = self._path(stage, k)
            try:
                with path.open("rb") as fh:
                    value = pickle.load(fh)
                found = True
            except FileNotFoundError:
                pass
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
                path.unlink(missing_ok=True)  # unreadable (an older layout, a damaged file): recompute
        if found:
            self.hits.append(stage)
        else:
            self.misses.append(stage)
            value = compute()
            if disk:
                self._store(self._path(stage, k), value)
        self._memory[k] = value
        while len(self._memory) > MEMORY:
            self._memory.popitem(last=False)
        return value

    @staticmethod
    def _store(path: Path, value: Any) -> None:
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            marker = path.parent.parent / MARKER
            if not marker.is_file():
                marker.write_text("stage results of python -m analysis, removed when the code changes\n",
                                  encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pkl")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            # a cache that cannot be written (read-only folder, full disk) costs time, not results;
            # only the temporary file goes, never a whole result another process stored
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)


def check_root(root: Path) -> None:
    """Make the cache folder, or refuse it (a file, a folder that cannot be written) as a bad
    ``cache_dir``, before anything runs: a cache that fails later would fail the run late."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=root, prefix=".tmp-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(f"parameter cache_dir: {root} cannot be used as the stage cache "
                         f"({exc.strerror or exc}); pass a writable folder or cache_dir=none") from exc


def prune_stale(root: Path) -> int:
    """Remove the results of other code versions (they can never be read again); returns how many
    folders went. Only folders holding this module's marker go; results of other corpora and
    parameters under this code stay, and so does anything else in ``root``."""
    current = code_fingerprint()[:16]
    removed = 0
    try:
        entries = sorted(root.iterdir()) if root.is_dir() else []
    except OSError:
        return 0
    for d in entries:
        try:
            stale = d.name != current and not d.is_symlink() and (d / MARKER).is_file()
        except OSError:
            continue
        if stale:
            shutil.rmtree(d, ignore_errors=True)
            removed += 1
    return removed
