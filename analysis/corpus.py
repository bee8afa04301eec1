"""Load a corpus: a folder of plain-text articles and its ``sources.csv`` manifest.

Raw text is kept exactly as decoded: every offset in every artifact indexes it.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import InputError

MANIFEST_COLUMNS = ["id", "file", "outlet", "title", "url", "published", "notes"]
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
#: Ids the tables give a meaning of their own: claims derived from others have ``source_id``
#: ``derived``, so a source of that id would lose its claims among them.
RESERVED_IDS = frozenset({"derived"})
#: Byte-order marks, longest first (UTF-32-LE's BOM begins with UTF-16-LE's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Control characters a text file should not hold (tab, newlines and form feed are text).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
#: Above this share (and count) of control characters a file is not text at all; fewer are
#: reported per source (``control_chars``) and kept, so raw offsets stay true.
MAX_CONTROL_SHARE, MAX_CONTROL_COUNT = 0.01, 10


@dataclass(frozen=True)
class Source:
    """One article: its manifest row and its raw text."""

    id: str
    file: str
    path: Path
    raw: str
    sha256: str
    outlet: str = ""
    title: str = ""
    url: str = ""
    published: str = ""
    notes: str = ""

    @property
    def label(self) -> str:
        """Short name for charts and tables: the outlet, else the headline's first words, and the id."""
        if self.outlet:
            return f"{self.outlet} ({self.id})"
        if self.title:
            words = self.title.split()
            short = " ".join(words[:4]) + ("…" if len(words) > 4 else "")
            return f"“{short}” ({self.id})"
        return f"unnamed site ({self.id})"


@dataclass(frozen=True)
class Corpus:
    directory: Path
    manifest: Path | None
    sources: list[Source] = field(default_factory=list)
    encoding: str = "utf-8"  # the codec the texts without a byte-order mark were decoded by

    def by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}


def read_text_file(path: Path, encoding: str = "utf-8") -> tuple[str, str]:
    """Read an article strictly; return (text, sha256 of the bytes).

    Decodes first (a UTF-8/16/32 byte-order mark decides the codec), then checks the text:
    missing, unreadable, empty, binary, mis-encoded and control-character-ridden files are
    refused with a message naming the file.
    """
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), encoding)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise InputError(f"{path}: looks binary (contains NUL bytes and is not valid {codec}); "
                             "expected plain text") from exc
        raise InputError(
            f"{path}: not valid {codec} (byte {exc.start}: {data[exc.start:exc.start + 4]!r}); "
            f"re-save it as UTF-8 or pass -p encoding=<codec>"
        ) from exc
    except LookupError as exc:
        raise InputError(f"parameter encoding: unknown codec {encoding!r}") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    if "\x00" in text:
        raise InputError(f"{path}: looks binary (contains NUL characters); expected plain text")
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(MAX_CONTROL_COUNT, MAX_CONTROL_SHARE * len(text)):
        raise InputError(f"{path}: {controls} control characters in {len(text)} "
                         f"({controls / len(text):.0%}); expected plain text")
    return text, hashlib.sha256(data).hexdigest()


def control_characters(text: str) -> int:
    """How many control characters a text holds (reported per source, not removed)."""
    return len(_CONTROL_RE.findall(text))


def confined(directory: Path, name: str, where: str) -> Path:
    """``directory/name`` resolved (symlinks followed); refused unless it stays inside ``directory``."""
    if not name or Path(name).is_absolute() or name.startswith("~"):
        raise InputError(f"{where}: file {name!r} must be a path relative to the corpus folder")
    root = directory.resolve()
    path = (directory / name).resolve()
    if not path.is_relative_to(root):
        raise InputError(f"{where}: file {name!r} resolves outside the corpus folder {root}; refused")
    return path


def _check_published(value: str, manifest: Path, row: int) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(
            f"{manifest}: row {row}: published {value!r} is not an ISO date (YYYY-MM-DD)"
        ) from exc
    return value


def _csv_records(manifest: Path, text: str) -> list[tuple[int, list[str]]]:
    """Every record of a CSV text with its row number (the header is row 1, as a spreadsheet shows).

    Parsed as one stream (``newline=""``), so a quoted field keeps its line breaks and a U+2028,
    U+0085 or form feed inside a field stays in it instead of starting a row.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    out: list[tuple[int, list[str]]] = []
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return out
        except csv.Error as exc:
            raise InputError(f"{manifest}: row {len(out) + 1} (line {reader.line_num}): not readable as "
                             f"CSV ({exc}; an unclosed quote?)") from exc
        out.append((len(out) + 1, record))


def check_header(where: str, header: list[str], known: Sequence[str] | None, required: Sequence[str]) -> list[str]:
    """A CSV's column names (stripped); an unnamed or repeated column, a missing required one and
    (``known`` given) an unknown, misspelt one are refused, since their values would be silently
    ignored or overwrite another column's."""
    names = [h.strip() for h in header]
    listed = f" (known: {', '.join(known)})" if known else ""
    unnamed = [str(i) for i, h in enumerate(names, start=1) if not h]
    if unnamed:
        raise InputError(f"{where}: column(s) {', '.join(unnamed)} of the header have no name{listed}")
    unknown = [h for h in names if known and h not in known]
    if unknown:
        raise InputError(f"{where}: unknown column(s) {', '.join(map(repr, unknown))}{listed}")
    repeated = sorted({h for h in names if names.count(h) > 1}, key=names.index)
    if repeated:
        raise InputError(f"{where}: column(s) {', '.join(map(repr, repeated))} appear more than once "
                         "in the header")
    missing = [c for c in required if c not in names]
    if missing:
        raise InputError(f"{where}: missing column(s) {', '.join(missing)}")
    return names


def check_csv_columns(path: Path, where: str, known: Sequence[str] | None, required: Sequence[str]) -> None:
    """:func:`check_header` on the first row of the CSV file ``path``; a file that cannot be read as
    UTF-8 text is left to its own loader, which names that problem."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return
    try:
        header = next(csv.reader(io.StringIO(text, newline="")), None)
    except csv.Error:
        return
    if header:
        check_header(where, header, known, required)


def load_manifest(manifest: Path) -> list[tuple[int, dict[str, str]]]:
    """Read and validate ``sources.csv``: (row number, fields) per source; ids must be unique and
    files named once."""
    if not manifest.is_file():
        raise InputError(f"{manifest}: manifest not found")
    text, _ = read_text_file(manifest)
    records = _csv_records(manifest, text)
    if not records:
        raise InputError(f"{manifest}: manifest has no rows")
    header = check_header(str(manifest), records[0][1], MANIFEST_COLUMNS, ("id", "file"))
    seen: set[str] = set()
    out = []
    for i, record in records[1:]:
        if not record:  # a blank line
            continue
        if len(record) > len(header):
            raise InputError(f"{manifest}: row {i}: {len(record) - len(header)} field(s) more than the header "
                             f"has columns (quote values that contain commas)")
        row = dict(zip(header, record, strict=False))
        clean = {c: (row.get(c) or "").strip() for c in MANIFEST_COLUMNS}
        if not _ID_RE.match(clean["id"]):
            raise InputError(f"{manifest}: row {i}: id {clean['id']!r} must be a plain token")
        if clean["id"].casefold() in RESERVED_IDS:
            raise InputError(f"{manifest}: row {i}: id {clean['id']!r} is reserved (it marks figures "
                             "derived from other claims); choose another id")
        if clean["id"] in seen:
            raise InputError(f"{manifest}: row {i}: duplicate id {clean['id']!r}")
        if not clean["file"]:
            raise InputError(f"{manifest}: row {i}: empty file")
        if any(ch in clean["file"] for ch in "\r\n"):
            raise InputError(f"{manifest}: row {i}: file {clean['file']!r} spans lines (an unclosed quote?)")
        seen.add(clean["id"])
        clean["published"] = _check_published(clean["published"], manifest, i)
        out.append((i, clean))
    return out


def load_corpus(
    directory: str | Path, manifest: str | Path | None = None, encoding: str = "utf-8"
) -> Corpus:
    """Load every article the manifest names (default ``DIR/sources.csv``).

    Without a manifest, every ``*.txt`` in the folder is a source, id = file stem.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"corpus folder {directory}: not found")
    manifest_path = Path(manifest) if manifest else directory / "sources.csv"
    if manifest or manifest_path.is_file():
        rows = load_manifest(manifest_path)
    else:
        manifest_path = None
        files = sorted(directory.glob("*.txt"))
        if not files:
            raise InputError(f"corpus folder {directory}: no sources.csv and no .txt files")
        rows = [(0, dict.fromkeys(MANIFEST_COLUMNS, "") | {"id": f.stem, "file": f.name}) for f in files]
    sources = []
    seen: dict[Path, str] = {}
    for n, row in rows:
        where = (f"{manifest_path}: row {n} (id {row['id']})" if manifest_path
                 else f"{directory / row['file']}")
        if not manifest_path and (not _ID_RE.match(row["id"]) or row["id"].casefold() in RESERVED_IDS):
            raise InputError(f"{where}: file name {row['file']!r} cannot be a source id"
                             f"{' (it is reserved for derived figures)' if _ID_RE.match(row['id']) else ''}; "
                             "rename it or list it in sources.csv with a plain id")
        path = confined(directory, row["file"], where)
        if path in seen:
            raise InputError(f"{where}: file {row['file']!r} is already source {seen[path]!r}; "
                             "one article cannot be two sources")
        seen[path] = row["id"]
        raw, digest = read_text_file(path, encoding)
        sources.append(
            Source(
                id=row["id"], file=row["file"], path=path, raw=raw, sha256=digest,
                outlet=row["outlet"], title=row["title"], url=row["url"],
                published=row["published"], notes=row["notes"],
            )
        )
    return Corpus(directory=directory.resolve(), manifest=manifest_path, sources=sources, encoding=encoding)
