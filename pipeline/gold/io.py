"""Reading gold files in the contract's JSON Lines format, inline or stand-off."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import PROJECT_ROOT


class GoldError(ValueError):
    """A gold file that cannot be read; the message is one line for the user."""


@dataclass
class GoldNotice:
    id: str
    text: str
    spans: list[dict]
    source: str | None = None
    sha256: str | None = None
    regions: list[tuple[int, int]] | None = None  # annotated sections of a long notice; None: all of it


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def resolve_source(source: str, gold_path: Path) -> Path:
    """A stand-off ``source``: relative to the project root, else to the gold file's folder."""
    for base in (PROJECT_ROOT, gold_path.parent, Path.cwd()):
        candidate = base / source
        if candidate.is_file():
            return candidate
    raise GoldError(f"{gold_path}: source {source} not found (it is read relative to the project root)")


def read_gold(path: Path | str) -> list[GoldNotice]:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read ({err})") from None
    notices = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            nid, spans = record["id"], record["spans"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise GoldError(f"{path}:{number}: not a gold record ({err})") from None
        if "text" in record:
            notices.append(GoldNotice(nid, record["text"], spans, regions=_regions(record, record["text"], path, number)))
            continue
        if "source" not in record or "sha256" not in record:
            raise GoldError(f"{path}:{number}: a record needs 'text', or 'source' and 'sha256'")
        source = resolve_source(record["source"], path)
        data = source.read_bytes()
        if sha256(data) != record["sha256"]:
            raise GoldError(f"{path}:{number}: {record['source']} has changed since it was annotated (sha256 differs)")
        text = data.decode("utf-8")
        notices.append(
            GoldNotice(nid, text, spans, record["source"], record["sha256"], _regions(record, text, path, number))
        )
    return notices


def _regions(record: dict, text: str, path: Path, number: int) -> list[tuple[int, int]] | None:
    """The ``regions`` of a record annotated in sections: sorted, disjoint, inside the text."""
    if record.get("regions") is None:
        return None
    try:
        regions = [(int(start), int(end)) for start, end in record["regions"]]
    except (TypeError, ValueError):
        raise GoldError(f"{path}:{number}: regions must be a list of [start, end] pairs") from None
    last = 0
    for start, end in regions:
        if not last <= start < end <= len(text):
            raise GoldError(f"{path}:{number}: regions must be sorted, disjoint and inside the text")
        last = end
    return regions
