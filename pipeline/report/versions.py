"""A page that holds two versions of a notice: the current one and, below a marker, a previous one
(``Version précédente``, ``Ancienne version``, ``Politique en vigueur jusqu’au 1er mars 2023``), as
some services publish them. Compared as one notice, the two would be merged; ``privex diff`` says so
instead.

A page holds two versions when, after a line that marks a version, a large part of the page
repeats, line for line, what stands before that line. A marker alone (a link to the previous
version, a last-update date) is no second version, and neither is a repeated paragraph alone; a
marker line that repeats one above it word for word (the same update date) starts a copy of the
same version, not another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

DATE = r"(?:\d{1,2}(?:er)?\s+[^\W\d_]+\.?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[^\W\d_]+\s+\d{4})"
VERSION_MARKER = re.compile(
    rf"""(?ix)
    \b(?:version|politique|charte|notice|déclaration|conditions?)s?\s+(?:précédente|antérieure|archivée|ancienne)s?\b
    | \b(?:ancienne|précédente|nouvelle)s?\s+versions?\b
    | \bversions?\s+(?:du|en\s+vigueur|applicable|valable)\b[^\n]{{0,40}}?{DATE}
    | \ben\s+vigueur\s+(?:jusqu[’']?(?:au|à)|du|depuis\s+le|à\s+compter\s+du|avant\s+le)\s+{DATE}
    | \b(?:dernière\s+)?mise\s+à\s+jour\b[^\n]{{0,20}}?{DATE}
    """
)
WORD = re.compile(r"\w+")
MIN_WORDS = 4  # a shorter line (a bare heading, a date) counts for no repetition
# a copy with no marker (:func:`repeated_copy`): the share of it that repeats, its share of the page,
# and how many of the notice's first lines its first line may repeat
COPY_REPEATED, COPY_SHARE, OPENING_LINES = 0.8, 0.25, 3


@dataclass(frozen=True)
class TwoVersions:
    line: int  # the 1-based line of the marker the second version starts at
    marker: str  # that line, as written
    repeated: float  # the share of the text after the marker that repeats the text before it
    share: float  # the share of the page's text after the marker
    copy: bool = False  # no marker: the page repeats its own notice from that line on (a second copy)

    @property
    def short_marker(self) -> str:
        """The marker line as messages quote it: at most 60 characters."""
        return self.marker if len(self.marker) <= 60 else self.marker[:57] + "..."

    def message(self, name: str) -> str:
        return (f"{name} holds two versions of the notice: after line {self.line} ({self.short_marker!r}), "
                f"{self.repeated:.0%} of the text repeats what stands before it; not compared as one notice: "
                f"split the file at that line and compare the parts")

    def warning(self, name: str) -> str:
        """What ``privex extract`` says of such a page: its spans cover both versions (or copies)."""
        if self.copy:
            return (f"{name}: warning: the page seems to hold its notice twice (from line {self.line} on, "
                    f"{self.repeated:.0%} of the text repeats what stands before it); its spans count both copies: "
                    f"cut the file at that line to read one")
        return (f"{name}: warning: the page seems to hold two versions of the notice (after line {self.line}, "
                f"{self.short_marker!r}, {self.repeated:.0%} of the text repeats what stands before it); its spans cover "
                f"both: split the file at that line to read one version")


def _split(text: str) -> tuple[list[str], list[tuple[str, int]]]:
    """The page's lines as written, and each line as compared (lowercase words, markup left out)
    with its length in words."""
    raw_lines = text.splitlines()
    return raw_lines, [(" ".join(words), len(words)) for words in (WORD.findall(line.lower()) for line in raw_lines)]


def two_versions(text: str, *, min_repeated: float = 0.5, min_share: float = 0.25) -> TwoVersions | None:
    """The split of a page holding two versions of a notice, or None.

    For each line that marks a version, the text after it (in words, lines of at least
    ``MIN_WORDS`` words) must be at least ``min_share`` of the page's, and at least ``min_repeated``
    of it must be lines that also stand before the marker.
    """
    return _two_versions(*_split(text), min_repeated=min_repeated, min_share=min_share)


def _two_versions(raw_lines: list[str], lines: list[tuple[str, int]], *, min_repeated: float,
                  min_share: float) -> TwoVersions | None:
    total = sum(n for _, n in lines if n >= MIN_WORDS)
    if not total:
        return None
    # one pass, linear in the page whatever it repeats: a line after a candidate marker p repeats the
    # text before p when its first occurrence stands before p, so each repeat j adds its words to
    # every p between its first occurrence and j (a difference array)
    first_any: dict[str, int] = {}
    first: dict[str, int] = {}
    added = [0] * (len(lines) + 1)
    for j, (line, n) in enumerate(lines):
        first_any.setdefault(line, j)
        if n < MIN_WORDS:
            continue
        f = first.setdefault(line, j)
        if f < j:
            added[f + 1] += n
            added[j] -= n
    best = None
    repeated_words, after_words = 0, total
    seen_long = False
    for number, raw in enumerate(raw_lines):
        repeated_words += added[number]
        line, n = lines[number]
        if n >= MIN_WORDS:
            after_words -= n  # the words after this line
        if (VERSION_MARKER.search(raw) and first_any[line] == number and seen_long and after_words
                and after_words >= min_share * total):
            # (a marker line seen before, the same date or heading again, starts a copy of the same version)
            repeated = repeated_words / after_words
            if repeated >= min_repeated and (best is None or repeated > best.repeated):
                best = TwoVersions(number + 1, raw.strip(), repeated, after_words / total)
        seen_long = seen_long or n >= MIN_WORDS
    return best


def repeated_copy(text: str, *, min_repeated: float = COPY_REPEATED, min_share: float = COPY_SHARE,
                  opening_lines: int = OPENING_LINES) -> TwoVersions | None:
    """Where a page holds its notice a second time with no marker between (a page archived with the
    notice repeated below itself), or None: a line repeating one of the notice's ``opening_lines``
    first lines (of at least ``MIN_WORDS`` words) after which at least ``min_repeated`` of the text
    repeats what stands before it, that text being at least ``min_share`` of the page's."""
    return _repeated_copy(*_split(text), min_repeated=min_repeated, min_share=min_share, opening_lines=opening_lines)


def _repeated_copy(raw_lines: list[str], lines: list[tuple[str, int]], *, min_repeated: float, min_share: float,
                   opening_lines: int) -> TwoVersions | None:
    numbered = [(number, line, n) for number, (line, n) in enumerate(lines) if n >= MIN_WORDS]
    total = sum(n for _, _, n in numbered)
    opening = {line for _, line, _ in numbered[:opening_lines]}
    seen: set[str] = set()
    for k, (number, line, _) in enumerate(numbered):
        if line in seen and line in opening:
            opening.discard(line)  # each opening line tried once: linear in the page, whatever it repeats
            after = numbered[k:]
            words = sum(n for _, _, n in after)
            repeated = sum(n for _, line, n in after if line in seen) / words
            if words >= min_share * total and repeated >= min_repeated:
                return TwoVersions(number + 1, raw_lines[number].strip(), repeated, words / total, copy=True)
        seen.add(line)
    return None


def finder(min_repeated: float = 0.5, min_share: float = 0.25) -> Callable[[str], TwoVersions | None]:
    """What ``privex extract`` and the report ask of each page: two versions of its notice (the
    thresholds of :func:`two_versions`, ``report.versions_*`` in ``params.yaml``), else its notice
    twice."""

    def found(text: str) -> TwoVersions | None:
        raw_lines, lines = _split(text)  # once for both questions
        return (_two_versions(raw_lines, lines, min_repeated=min_repeated, min_share=min_share)
                or _repeated_copy(raw_lines, lines, min_repeated=COPY_REPEATED, min_share=COPY_SHARE,
                                  opening_lines=OPENING_LINES))

    return found
