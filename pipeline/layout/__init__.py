"""The layout of a notice: its lines, headings, sections, lists, tables and sentences, worked out
once per text and read by every component.

The cleaner knows what each line of the clean text was (a heading and its level, a list item, a
table cell with its row, column and header); ``pipeline.extract`` hands that on with the text
(:func:`structure_of`). A text that comes without it (``nlp("...")``) has its layout inferred
from the text alone: a numbered or capitalised line, or one with markdown ``#``, is a heading, a
line opening with a bullet an item, and a run of short table-header lines (``Finalité``,
``Base légale``, ``Durée``) opens a table of one cell per line.

Offsets are those of the text the layout was made from (a ``Doc``'s text). Every query takes a
character offset and answers from indexes built once; nothing scans the text again.

Sentences tile the text: one ends after ``.``, ``!`` or ``?`` followed by white space, and at
every line break (a heading, a list item and a table cell are lines of their own).
``privacy_layout`` gives them to the parser as sentence starts and to ``doc.sents``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from pipeline.clean import CleanLine
from pipeline.clean.rules import BULLET, MD_HEADING, is_heading, numbered_level

__all__ = ["STRUCTURE_KEY", "Layout", "Line", "ListBlock", "Section", "Sentences", "Table", "Context", "structure_of"]

#: where a ``Doc`` carries the cleaner's lines of its text (plain values: :func:`structure_of`)
STRUCTURE_KEY = "privex.structure"
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
#: a table's header cell when the cleaner did not say where tables are: ``Finalité``, ``Base légale``,
#: ``Durée de conservation``, ``Catégories de données``, ``Destinataires`` (one cell per line)
HEADER_CELL = re.compile(
    r"(?i)^(?:\d+[.)]?\s*)?(?:les?\s+|la\s+)?(?:finalités?|objectifs?|buts?|traitements?|activités?|opérations?|pourquoi"
    r"|usages?|utilisations?|bases?|fondements?|durées?|conservation|catégories|données|informations|destinataires?"
    r"|personnes?|sources?|types?|origine|modalités|délais?|exemples?|détails?|description|nature|transferts?"
    r"|responsables?|cookies?|traceurs?|nom|émetteur)(?:\s+[\w’'()/-]+){0,5}\s*:?$"
)
HEADER_CELL_CHARS = 50  # a longer line is no header cell of an inferred table
HEADER_CELLS = 8  # an inferred header row has at most this many cells


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text, between two line breaks (``end`` is before the break).

    ``kind``: ``text``, ``heading``, ``item``, ``cell`` or ``blank`` (nothing but spaces).
    ``level``: a heading's level, 1 for the top. A cell has its ``table`` (index in
    ``Layout.tables``), ``row`` and ``column``, and ``header`` for the cells of the header row.
    """

    index: int
    start: int
    end: int
    text: str
    kind: str = "text"
    level: int = 0
    table: int = -1
    row: int = -1
    column: int = -1
    header: bool = False

    @property
    def blank(self) -> bool:
        return self.kind == "blank"

    @property
    def titled(self) -> bool:
        """Written as a title, whatever its kind: numbered (``3.1 RELATION CLIENT``, ``6 Sécurité``,
        short and without end punctuation) or in capitals (``DONNÉES PERSONNELLES``)."""
        return is_heading(self.text.strip())


@dataclass(frozen=True)
class Section:
    """What a heading opens, up to the next heading of the same level or above; ``parent`` is the
    index of the enclosing section (-1 at the top)."""

    index: int
    heading: Line
    start: int
    end: int
    parent: int = -1


@dataclass(frozen=True)
class ListBlock:
    """A list: its lead-in (the line ending with ``:`` that announces it), when there is one, and
    its items, one line each."""

    index: int
    lead_in: Line | None
    items: tuple[Line, ...]

    @property
    def start(self) -> int:
        return (self.lead_in or self.items[0]).start

    @property
    def end(self) -> int:
        return self.items[-1].end if self.items else self.lead_in.end  # type: ignore[union-attr]


@dataclass(frozen=True)
class Table:
    """A table: its header row (empty when it has none) and its rows, each a tuple of cells."""

    index: int
    header: tuple[Line, ...]
    rows: tuple[tuple[Line, ...], ...]

    def header_of(self, cell: Line) -> Line | None:
        """The header cell of ``cell``'s column."""
        return next((h for h in self.header if h.column == cell.column), None)

    def column(self, column: int) -> list[Line]:
        """The cells of a column, header left out, top to bottom."""
        return [cell for row in self.rows for cell in row if cell.column == column]


@dataclass(frozen=True)
class Context:
    """Where a character stands, as the practice links read it: its sentence, its line, the list it
    is an item of and that list's lead-in, its table row with the row's cells by column header,
    and the headings of the sections it is in, outermost first."""

    sentence: tuple[int, int]
    line: Line
    list: ListBlock | None = None
    row: tuple[Line, ...] = ()
    row_by_header: dict[str, Line] = field(default_factory=dict)
    headings: tuple[Line, ...] = ()


class Sentences:
    """Sentence bounds as a sorted list of the offsets where one ends; sentences tile the text."""

    def __init__(self, ends: Sequence[int], length: int) -> None:
        self.ends = list(ends)
        self.length = length

    def __len__(self) -> int:
        return len(self.spans())

    def spans(self) -> list[tuple[int, int]]:
        """Every sentence as (start, end), in order."""
        starts = [0, *self.ends]
        ends = [*self.ends, self.length]
        return [(s, e) for s, e in zip(starts, ends) if e > s]

    def range(self, start: int, end: int | None = None) -> tuple[int, int]:
        """(start, end) of the sentences holding ``[start, end)``: from the end of the last sentence
        that ends at or before ``start`` to the end of the first that ends after ``end``."""
        end = start if end is None else end
        k = bisect_right(self.ends, start)
        left = self.ends[k - 1] if k else 0
        k = bisect_right(self.ends, end)
        right = self.ends[k] if k < len(self.ends) else self.length
        return left, right

    def reading_through(self, offsets: Iterable[int]) -> "Sentences":
        """The same sentences, but those that end at a line break whose offset is in ``offsets`` go on
        into the next (a line the notice wrapped in the middle of a sentence)."""
        through = {offset + 1 for offset in offsets}
        return Sentences([end for end in self.ends if end not in through], self.length)


class Layout:
    """The layout of ``text``, from the cleaner's ``lines`` when given, else inferred."""

    def __init__(self, text: str, lines: Iterable[CleanLine] | None = None) -> None:
        self.text = text
        self.lines: list[Line] = _lines(text, {line.start: line for line in lines} if lines is not None else None)
        self.line_starts = [line.start for line in self.lines]
        self.sentences = Sentences([m.end() for m in SENTENCE_END.finditer(text)], len(text))
        self.tables: list[Table] = _tables(self.lines)
        self.headings: list[Line] = [line for line in self.lines if line.kind == "heading"]
        self.sections: list[Section] = _sections(self.headings, len(text))
        self.lists: list[ListBlock] = _lists(self.lines)
        self._list_of: dict[int, ListBlock] = {item.index: block for block in self.lists for item in block.items}
        self._where: dict[Callable[[Line], bool], list[int]] = {}

    # --- lines --------------------------------------------------------------------------------

    def line_at(self, char: int) -> Line:
        """The line holding ``char`` (a line break belongs to the line it ends)."""
        return self.lines[max(0, bisect_right(self.line_starts, char) - 1)]

    def lines_above(self, char: int, count: int, max_chars: int | None = None) -> list[Line]:
        """The ``count`` lines above the one holding ``char``, blank lines included, nearest last;
        with ``max_chars``, only those that start at most that many characters above it."""
        index = self.line_at(char).index
        above = self.lines[max(0, index - count) : index]
        if max_chars is not None:
            floor = self.lines[index].start - max_chars
            above = [line for line in above if line.start >= floor]
        return above

    def where(self, test: Callable[[Line], bool]) -> list[int]:
        """The indexes of the lines that pass ``test``, worked out once per test (a function or method
        that gives the same answer for the same line)."""
        found = self._where.get(test)
        if found is None:
            found = self._where[test] = [line.index for line in self.lines if test(line)]
        return found

    def above(self, char: int, test: Callable[[Line], bool], count: int, max_chars: int | None = None) -> Line | None:
        """The nearest line above the one holding ``char`` that passes ``test``, when it is at most
        ``count`` lines above (and, with ``max_chars``, starts at most that many characters above)."""
        found = self.where(test)
        here = self.line_at(char)
        k = bisect_left(found, here.index) - 1
        if k < 0:
            return None
        line = self.lines[found[k]]
        if here.index - line.index > count or (max_chars is not None and here.start - line.start > max_chars):
            return None
        return line

    def lines_between(self, start: int, end: int) -> list[Line]:
        """The lines that hold a character of ``[start, end)``."""
        first = self.line_at(start).index
        last = self.line_at(max(start, end - 1)).index
        return self.lines[first : last + 1]

    # --- sentences ----------------------------------------------------------------------------

    def sentence_at(self, char: int) -> tuple[int, int]:
        return self.sentences.range(char)

    def sentence_range(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentences that hold ``[start, end)``."""
        return self.sentences.range(start, end)

    # --- sections, lists, tables ----------------------------------------------------------------

    def sections_at(self, char: int) -> list[Section]:
        """The sections ``char`` is in, outermost first."""
        k = bisect_right([s.start for s in self.sections], char) - 1
        chain: list[Section] = []
        while k >= 0:
            section = self.sections[k]
            if section.start <= char < section.end:
                chain.append(section)
                k = section.parent
            else:
                k -= 1
        return chain[::-1]

    def heading_chain(self, char: int) -> list[Line]:
        """The headings of the sections ``char`` is in, outermost first."""
        return [section.heading for section in self.sections_at(char)]

    def list_at(self, char: int) -> ListBlock | None:
        """The list ``char``'s line is an item of."""
        return self._list_of.get(self.line_at(char).index)

    def cell_at(self, char: int) -> Line | None:
        """The table cell holding ``char``."""
        line = self.line_at(char)
        return line if line.table >= 0 else None

    def row_at(self, char: int) -> tuple[Line, ...]:
        """The cells of the table row holding ``char`` (header row included), left to right."""
        cell = self.cell_at(char)
        if cell is None:
            return ()
        table = self.tables[cell.table]
        if cell.header:
            return table.header
        return next((row for row in table.rows if cell in row), ())

    def row_by_header(self, char: int) -> dict[str, Line]:
        """The cells of ``char``'s table row, by the text of their column's header cell."""
        cell = self.cell_at(char)
        if cell is None or cell.header:
            return {}
        table = self.tables[cell.table]
        out = {}
        for other in self.row_at(char):
            header = table.header_of(other)
            if header is not None:
                out[header.text.strip()] = other
        return out

    def context(self, char: int) -> Context:
        """Everything :class:`Context` holds, for ``char``."""
        return Context(self.sentence_at(char), self.line_at(char), self.list_at(char), self.row_at(char),
                       self.row_by_header(char), tuple(self.heading_chain(char)))


# --- building -------------------------------------------------------------------------------------


def structure_of(lines: Iterable[CleanLine], start: int = 0, end: int | None = None) -> list[tuple]:
    """The cleaner's lines that fall in ``[start, end)``, as plain values with offsets from ``start``,
    clipped to it: what a piece of the clean text carries into ``Doc.user_data``."""
    out = []
    for line in lines:
        if line.end <= start or (end is not None and line.start >= end):
            continue
        values = list(line.astuple())
        values[0] = max(line.start, start) - start
        values[1] = (line.end if end is None else min(line.end, end)) - start
        out.append(tuple(values))
    return out


def _inferred(text: str) -> tuple[str, int]:
    """A line's kind and level from its words alone."""
    if not text.strip():
        return "blank", 0
    marks = MD_HEADING.match(text)
    if marks:
        return "heading", marks.group().count("#")
    if is_heading(text.strip()):
        return "heading", numbered_level(text.strip())
    if BULLET.match(text) and BULLET.match(text).end() < len(text.rstrip()):
        return "item", 0
    return "text", 0


def _lines(text: str, known: dict[int, CleanLine] | None) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for index, part in enumerate(text.split("\n")):
        end = start + len(part)
        made = known.get(start) if known is not None else None
        if not part.strip():
            lines.append(Line(index, start, end, part, "blank"))
        elif made is not None:
            lines.append(Line(index, start, end, part, made.kind, made.level, made.table, made.row, made.column,
                              made.header))
        else:
            kind, level = _inferred(part)
            lines.append(Line(index, start, end, part, kind, level))
        start = end + 1
    return _levels(lines)


def _levels(lines: list[Line]) -> list[Line]:
    """A heading whose level the markup does not say sits one below the nearest heading above whose
    level it says (1 when there is none)."""
    known = 0
    out = []
    for line in lines:
        if line.kind == "heading":
            if line.level:
                known = line.level
            else:
                line = _replace(line, level=known + 1)
        out.append(line)
    return out


def _replace(line: Line, **changes) -> Line:
    values = {name: getattr(line, name) for name in Line.__slots__}
    values.update(changes)
    return Line(**values)


def _tables(lines: list[Line]) -> list[Table]:
    """The cleaner's tables (numbered as it numbered them), then those inferred from header rows in
    the lines it did not mark as cells; the lines of every table are made its cells."""
    tables: list[Table] = []
    by_table: dict[int, list[Line]] = {}
    for line in lines:
        if line.table >= 0:
            by_table.setdefault(line.table, []).append(line)
    renumber = {old: new for new, old in enumerate(sorted(by_table))}
    for old, cells in sorted(by_table.items()):
        index = renumber[old]
        for cell in cells:
            lines[cell.index] = _replace(cell, kind="cell", table=index)
        tables.append(_table(index, [lines[c.index] for c in cells], lines))
    i = 0
    while i < len(lines):
        width = _header_width(lines, i)
        if not width:
            i += 1
            continue
        index = len(tables)
        k, cells = 0, []
        while i + k < len(lines) and not lines[i + k].blank and lines[i + k].table < 0:
            line = lines[i + k]
            row, column = divmod(k, width)
            lines[line.index] = _replace(line, kind="cell", table=index, row=row, column=column, header=row == 0)
            cells.append(lines[line.index])
            k += 1
        tables.append(_table(index, cells))
        i += k
    return tables


def _header_width(lines: list[Line], i: int) -> int:
    """The width of a header row of short header cells, one a line, from line ``i``; 0 for none."""
    width = 0
    for line in lines[i : i + HEADER_CELLS]:
        cell = line.text.strip()
        if line.table >= 0 or not cell or len(cell) > HEADER_CELL_CHARS or not HEADER_CELL.match(cell):
            break
        width += 1
    return width if width >= 2 else 0


def _table(index: int, cells: list[Line], lines: list[Line] | None = None) -> Table:
    """A table of ``cells``; when its header row is empty or missing (a page converted to markdown
    often leaves ``|  |  |`` above ``|---|`` and puts the titles in the first row), its first row is
    its header (and is marked so in ``lines``)."""
    if cells and not any(c.header for c in cells):
        first = min(c.row for c in cells)
        cells = [_replace(c, header=True) if c.row == first else c for c in cells]
        if lines is not None:
            for cell in cells:
                lines[cell.index] = cell
    header = tuple(c for c in cells if c.header)
    rows: dict[int, list[Line]] = {}
    for cell in cells:
        if not cell.header:
            rows.setdefault(cell.row, []).append(cell)
    return Table(index, header, tuple(tuple(row) for _, row in sorted(rows.items())))


def _sections(headings: list[Line], length: int) -> list[Section]:
    sections: list[Section] = []
    open_: list[int] = []  # indexes of the sections still open, outermost first
    for heading in headings:
        while open_ and sections[open_[-1]].heading.level >= heading.level:
            closed = open_.pop()
            sections[closed] = _close(sections[closed], heading.start)
        parent = open_[-1] if open_ else -1
        sections.append(Section(len(sections), heading, heading.start, length, parent))
        open_.append(len(sections) - 1)
    return sections


def _close(section: Section, end: int) -> Section:
    return Section(section.index, section.heading, section.start, end, section.parent)


def _lists(lines: list[Line]) -> list[ListBlock]:
    """Lists: the lines after a lead-in (a line ending with ``:``) up to a blank line after the first
    item (unless the markup made both the lines around it items), a heading, a table or the next
    lead-in; and runs of items the markup marked with no lead-in above them."""
    blocks: list[ListBlock] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        lead_in = line if line.kind in ("text", "item") and line.text.rstrip().endswith(":") else None
        items: list[Line] = []
        j = i + 1 if lead_in is not None else i
        while j < len(lines):
            item = lines[j]
            if item.blank:
                after = next((line for line in lines[j + 1 :] if not line.blank), None)
                if items and not (items[-1].kind == "item" and after is not None and after.kind == "item"):
                    break
                j += 1
                continue
            if item.kind in ("heading", "cell") or item.text.rstrip().endswith(":"):
                break
            if lead_in is None and item.kind != "item":
                break
            items.append(item)
            j += 1
        if items:
            blocks.append(ListBlock(len(blocks), lead_in, tuple(items)))
            i = j
        else:
            i += 1
    return blocks
