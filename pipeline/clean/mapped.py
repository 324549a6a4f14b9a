"""Text that remembers, for every character, the raw range it comes from."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Protocol


class Match(Protocol):
    """What ``Mapped.edit`` reads of a match: a ``re.Match``, or a ``Found``."""

    def start(self, group: int | str = 0) -> int: ...

    def end(self, group: int | str = 0) -> int: ...

    def group(self, group: int | str = 0) -> str: ...


class Finder(Protocol):
    """A compiled pattern, or a function object that finds the same kind of matches in linear time
    where a regular expression would take quadratic time."""

    def finditer(self, text: str) -> Iterator[Match]: ...


@dataclass(frozen=True)
class Found:
    """A match found without a regular expression: ``text[begin:stop]``."""

    text: str
    begin: int
    stop: int

    def start(self, group: int | str = 0) -> int:
        return self.begin

    def end(self, group: int | str = 0) -> int:
        return self.stop

    def group(self, group: int | str = 0) -> str:
        return self.text[self.begin : self.stop]


@dataclass(frozen=True)
class Removal:
    """A stretch of raw text that a cleaning rule took out."""

    rule: str
    start: int
    end: int


@dataclass
class Mapped:
    """A string and, for each of its characters, the raw range ``[pos, stop)`` it comes from.

    Every edit keeps the map: kept characters keep their offsets, inserted
    characters (a joining space, a placeholder value) point at the raw
    character they stand for; a decoded entity (``&eacute;`` -> ``é``)
    covers the whole entity, so a span ending on it takes all of it.
    """

    text: str
    pos: array = field(repr=False)
    stop: array = field(repr=False, default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.stop is None:
            self.stop = array("q", (p + 1 for p in self.pos))

    @classmethod
    def from_raw(cls, raw: str, start: int = 0) -> "Mapped":
        return cls(raw, array("q", range(start, start + len(raw))), array("q", range(start + 1, start + len(raw) + 1)))

    @classmethod
    def synthetic(cls, text: str, raw_pos: int, raw_stop: int | None = None) -> "Mapped":
        """``text`` standing for the raw ``[raw_pos, raw_stop)`` (one character by default)."""
        stop = raw_pos + 1 if raw_stop is None else raw_stop
        return cls(text, array("q", [raw_pos]) * len(text), array("q", [stop]) * len(text))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> "Mapped":
        return Mapped(self.text[key], self.pos[key], self.stop[key])

    def raw_range(self) -> tuple[int, int]:
        """The raw range this piece covers (empty pieces have none)."""
        return (self.pos[0], self.stop[-1])

    def edit(
        self,
        pattern: re.Pattern[str] | Finder,
        rule: str,
        removed: list[Removal],
        keep: Callable[[Match], Iterable["Mapped"]] | None = None,
    ) -> "Mapped":
        """Replace each match of ``pattern`` by what ``keep`` returns (nothing by default).

        What is dropped is recorded in ``removed`` under ``rule``.
        """
        pieces: list[Mapped] = []
        last = 0
        for match in pattern.finditer(self.text):
            if match.start() == match.end():
                continue
            pieces.append(self[last : match.start()])
            kept = list(keep(match)) if keep else []
            pieces.extend(kept)
            whole = self[match.start() : match.end()]
            kept_raw = {p for piece in kept for p in piece.pos}
            _record_gaps(whole, kept_raw, rule, removed)
            last = match.end()
        if last == 0 and not pieces:
            return self
        pieces.append(self[last:])
        return join(pieces)

    def group(self, match: Match, name: int | str) -> "Mapped":
        """The part of this text that a group of ``match`` covers."""
        return self[match.start(name) : match.end(name)]

    def translate(self, table: dict[int, str]) -> "Mapped":
        """Replace single characters one for one (offsets unchanged)."""
        return Mapped(self.text.translate(table), self.pos, self.stop)


def _record_gaps(whole: Mapped, kept: set[int], rule: str, removed: list[Removal]) -> None:
    start = None
    for p in whole.pos:
        if p in kept:
            if start is not None:
                removed.append(Removal(rule, start, p))
                start = None
        elif start is None:
            start = p
    if start is not None:
        removed.append(Removal(rule, start, max(whole.stop[-1], start + 1)))


def join(pieces: Iterable[Mapped]) -> Mapped:
    pieces = list(pieces)
    pos, stop = array("q"), array("q")
    for piece in pieces:
        pos.extend(piece.pos)
        stop.extend(piece.stop)
    return Mapped("".join(p.text for p in pieces), pos, stop)
