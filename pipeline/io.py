"""Low-level input and output: reading notices, writing files whole, files kept with a checksum.

This module imports nothing of the project: every other module may use it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

STDIN = "-"
NOTICE_SUFFIXES = (".txt", ".md")  # plain text, and markdown as Open Terms Archive stores notices


# --- errors the user can act on -----------------------------------------------------------------


class PrivexError(Exception):
    """A failure told to the user in one line; ``exit_code`` is the command's exit code."""

    exit_code = 1


class UsageError(PrivexError):
    """Bad settings or arguments: a bad ``params.yaml``, a folder a stage may not clear, two notices
    with one id. Nothing was done."""

    exit_code = 2


class NoticeError(PrivexError):
    """A notice that cannot be read or processed; the message is one line for the user."""


def one_line(err: BaseException) -> str:
    """An exception's message on one line (libraries' messages may run over several)."""
    return " ".join(str(err).split()) or type(err).__name__


# --- names --------------------------------------------------------------------------------------


def display(name: str) -> str:
    """A file name as text that can be written anywhere: bytes that are not UTF-8 (kept by Python as
    lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def notice_id(path: Path) -> str:
    """A notice's id: its file name without ``.txt`` or ``.md``, as printable text."""
    name = path.name
    for suffix in NOTICE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return display(name)


def is_notice_file(path: Path) -> bool:
    """A folder's entry that is a notice: ``*.txt`` or ``*.md``, but not a markdown file named in
    capitals (``README.md``, ``SOURCES.md``), which documents the folder."""
    name = path.name
    if name.endswith(".md"):
        stem = name[: -len(".md")]
        return bool(stem) and not (stem.isupper() and stem.replace("_", "").replace("-", "").isalpha())
    return name.endswith(NOTICE_SUFFIXES) and len(name) > len(".txt")


# --- reading notices --------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    id: str
    text: str
    source: str


def decode(data: bytes, name: str, warn: Callable[[str], None]) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 with a warning; binary files are refused.

    Every stage reads notices through this function.
    """
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


def _why_not_a_file(path: Path) -> str | None:
    """Why ``path``, found in a folder, is not a notice to read; None for a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        if path.is_symlink():
            return "symbolic link loop" if err.errno == errno.ELOOP else "broken symbolic link"
        return err.strerror or str(err)
    if stat.S_ISREG(mode):
        return None
    return "a folder" if stat.S_ISDIR(mode) else "not a regular file"


def folder_notices(folder: Path) -> Iterator[tuple[str, Path | NoticeError]]:
    """The notice entries of ``folder`` (``*.txt``, ``*.md``: :func:`is_notice_file`), sorted: a
    regular file as its path, anything else (broken link, link loop, FIFO, device, folder) as the
    error to report."""
    entries = {path for suffix in NOTICE_SUFFIXES for path in folder.glob(f"*{suffix}") if is_notice_file(path)}
    for path in sorted(entries):
        name = display(str(path))
        why = _why_not_a_file(path)
        yield name, (path if why is None else NoticeError(f"{name}: {why}, not read"))


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | NoticeError | None]]:
    """Each argument as (name, path): folders give their notices (``*.txt``, ``*.md``); ``-`` is stdin (None).

    Arguments that cannot give a file are yielded with the error to report.
    """
    for arg in paths:
        if arg == STDIN:
            yield STDIN, None
            continue
        name, path = display(arg), Path(arg)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as err:  # a name too long, a component that is no folder ...
            yield name, NoticeError(f"{name}: {err.strerror or err}")
            continue
        if is_dir:
            entries = list(folder_notices(path))
            if not entries:
                yield name, NoticeError(f"{name}: folder has no .txt or .md file")
            yield from entries
        elif exists:
            yield name, path
        else:
            yield name, NoticeError(f"{name}: no such file or folder")


def read(name: str, path: Path | NoticeError | None, max_bytes: int, warn: Callable[[str], None]) -> Notice:
    """Read one notice (``path`` None for stdin), at most ``max_bytes``."""
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
            with open(path, "rb") as file:  # a pipe named on the command line is read too, to the limit
                data = file.read(max_bytes + 1)
        except OSError as err:
            raise NoticeError(f"{name}: cannot read ({err.strerror or err})") from None
        nid = notice_id(path)
    if len(data) > max_bytes:
        raise NoticeError(f"{name}: more than the {max_bytes / 1e6:.0f} MB allowed")
    return Notice(nid, decode(data, name, warn), name)


def read_each(
    items: Iterable[tuple[str, Path | NoticeError | None]], max_bytes: int, warn: Callable[[str], None]
) -> Iterator[Notice | NoticeError]:
    """``read`` over (name, path) pairs as ``expand`` gives them: each notice, or the error that stops it."""
    for name, path in items:
        try:
            yield read(name, path, max_bytes, warn)
        except NoticeError as err:
            yield err


# --- writing ------------------------------------------------------------------------------------


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` whole or not at all: to a temporary file of a name no other writer uses,
    then renamed over ``path``. On failure nothing is left behind and the error is raised."""
    path = Path(path)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask decides the mode, as for any file
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --- files kept with a checksum -------------------------------------------------------------------

CHECKSUM_SUFFIX = ".sha256"


class ChecksumError(ValueError):
    """A kept file whose bytes are not those that were written."""


def write_checked(path: Path, content: str | bytes) -> None:
    """Write ``content`` whole, and its SHA-256 beside it (``path.sha256``) for ``read_checked``."""
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    write_atomic(path, data)
    write_atomic(path.with_name(path.name + CHECKSUM_SUFFIX), hashlib.sha256(data).hexdigest())


def read_checked(path: Path) -> bytes:
    """The bytes ``write_checked`` wrote to ``path``; ``ChecksumError`` when they changed since (or
    the checksum is missing), ``OSError`` when the file cannot be read."""
    data = Path(path).read_bytes()
    try:
        expected = path.with_name(path.name + CHECKSUM_SUFFIX).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        raise ChecksumError(f"{path}: no checksum") from None
    if hashlib.sha256(data).hexdigest() != expected:
        raise ChecksumError(f"{path}: checksum differs")
    return data
