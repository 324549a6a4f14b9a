"""Text that remembers, for every character, its offset in the raw notice."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Callable, Iterable


@dataclass(frozen=True)
class Removal:
    """A stretch of raw text that a cleaning rule took out."""

    rule: str
    start: int
    end: int


@dataclass
class Mapped:
    """A string and the raw offset of each of its characters.

    Every edit keeps the map: kept characters keep their offsets, inserted
    characters (a joining space, a placeholder value) point at the raw
    character they stand for.
    """

    text: str
    pos: array = field(repr=False)

    @classmethod
    def from_raw(cls, raw: str, start: int = 0) -> "Mapped":
        return cls(raw, array("q", range(start, start + len(raw))))

    @classmethod
    def synthetic(cls, text: str, raw_pos: int) -> "Mapped":
        return cls(text, array("q", [raw_pos]) * len(text))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> "Mapped":
        return Mapped(self.text[key], self.pos[key])

    def raw_range(self) -> tuple[int, int]:
        """The raw range this piece covers (empty pieces have none)."""
        return (self.pos[0], self.pos[-1] + 1)

    def edit(
        self,
        pattern: re.Pattern[str],
        rule: str,
        removed: list[Removal],
        keep: Callable[[re.Match[str]], Iterable["Mapped"]] | None = None,
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

    def group(self, match: re.Match[str], name: int | str) -> "Mapped":
        """The part of this text that a group of ``match`` covers."""
        return self[match.start(name) : match.end(name)]

    def translate(self, table: dict[int, str]) -> "Mapped":
        """Replace single characters one for one (offsets unchanged)."""
        return Mapped(self.text.translate(table), self.pos)


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
        removed.append(Removal(rule, start, whole.pos[-1] + 1))


def join(pieces: Iterable[Mapped]) -> Mapped:
    pieces = list(pieces)
    pos = array("q")
    for piece in pieces:
        pos.extend(piece.pos)
    return Mapped("".join(p.text for p in pieces), pos)
