"""Reading notices from files, folders or stdin, refusing bad input with one clear line."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

STDIN = "-"


class NoticeError(Exception):
    """A notice that cannot be read or processed; the message is one line for the user."""


@dataclass(frozen=True)
class Notice:
    id: str
    text: str
    source: str


# French function words: the share of them among a text's words tells French from other languages
FRENCH_WORDS = frozenset(
    """le la les l de des du d un une et ou à au aux en dans par pour sur avec sans sous ne pas
    que qui quoi dont où ce cet cette ces se sa son ses leur leurs vous votre vos nous notre nos
    il ils elle elles est sont être avez avons peut peuvent sera seront été ont afin lorsque
    si mais donc ainsi également tout tous toute toutes autres autre données""".split()
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def french_share(text: str, sample: int = 20_000) -> float:
    """Share of French function words among the first words of ``text``."""
    words = [w.lower() for w in WORD.findall(text[:sample])]
    if not words:
        return 0.0
    return sum(w in FRENCH_WORDS for w in words) / len(words)


def decode(data: bytes, name: str, warn) -> str:
    """UTF-8 (with or without BOM), else cp1252 with a warning; binary files are refused."""
    if not data.strip():
        raise NoticeError(f"{name}: empty file")
    if b"\x00" in data[:8192]:
        raise NoticeError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    warn(f"{name}: not valid UTF-8, read as Windows-1252")
    return text


def check_text(text: str, name: str, min_french_share: float) -> None:
    """Refuse a text with nothing to read or in another language."""
    if not text.strip():
        raise NoticeError(f"{name}: empty file")
    control = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if control > 0.01 * min(len(text), 8192):
        raise NoticeError(f"{name}: binary file, not text")
    share = french_share(text)
    if share < min_french_share:
        raise NoticeError(
            f"{name}: does not look like French ({share:.0%} French function words, "
            f"{min_french_share:.0%} needed); only French notices are supported"
        )


def notice_id(path: Path) -> str:
    return path.name[:-4] if path.name.endswith(".txt") else path.name


def expand(paths: list[str]) -> Iterator[tuple[str, Path | None]]:
    """Each argument as (name, path): folders give their ``*.txt`` files; ``-`` is stdin.

    Arguments that cannot give a file are yielded with the error to report.
    """
    for arg in paths:
        if arg == STDIN:
            yield STDIN, None
            continue
        path = Path(arg)
        if path.is_dir():
            files = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not files:
                yield arg, NoticeError(f"{arg}: folder has no .txt file")
            for file in files:
                yield str(file), file
        elif path.exists():
            yield arg, path
        else:
            yield arg, NoticeError(f"{arg}: no such file or folder")


def read_each(items: Iterable[tuple[str, Path | NoticeError | None]], max_bytes: int, warn) -> Iterator[Notice | NoticeError]:
    """``read`` over (name, path) pairs as ``expand`` gives them: each notice, or the error that stops it."""
    for name, path in items:
        try:
            yield read(name, path, max_bytes, warn)
        except NoticeError as err:
            yield err


def read(name: str, path, max_bytes: int, warn) -> Notice:
    """Read one notice (``path`` None for stdin)."""
    if isinstance(path, NoticeError):
        raise path
    if path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
        nid = "stdin"
    else:
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise NoticeError(f"{name}: file is {size / 1e6:.1f} MB, more than the {max_bytes / 1e6:.0f} MB allowed")
            data = path.read_bytes()
        except OSError as err:
            raise NoticeError(f"{name}: cannot read ({err.strerror or err})") from None
        nid = notice_id(path)
    if len(data) > max_bytes:
        raise NoticeError(f"{name}: more than the {max_bytes / 1e6:.0f} MB allowed")
    return Notice(nid, decode(data, name, warn), name)
