"""Cleaning: raw notice text in, clean text out, with a map back to raw offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.clean import rules as R
from pipeline.clean.mapped import Mapped, Removal, join
from pipeline.config import CleanParams

__all__ = ["Cleaned", "CleanLine", "Removal", "clean"]

HTML_HINT = ("<html", "<body", "<p>", "<div", "<br", "<%", "</", "&nbsp;", "&eacute;", "<!doctype")


@dataclass(frozen=True)
class CleanLine:
    """One line of the clean text as the cleaner made it: what the markup said of it.

    ``start`` and ``end`` are clean offsets (``end`` before the line break). ``kind`` is ``text``,
    ``item`` (a bullet or an enumerator was removed), ``heading`` (markdown ``#``, a setext rule
    under it, or a numbered or capitalised title) or ``cell`` (a markdown table row became one line
    per cell). ``level`` is a heading's level (``##``: 2, ``3.1``: 2), 0 when unknown or no heading.
    A cell has its table (numbered from 0 in the notice), its row and column in that table (empty
    cells count as columns) and whether its row is the header (the row above ``|---|``).
    """

    start: int
    end: int
    kind: str
    level: int = 0
    table: int = -1
    row: int = -1
    column: int = -1
    header: bool = False

    def astuple(self) -> tuple:
        """The line as plain values (``CleanLine(*line.astuple())`` gives it back), for ``Doc.user_data``."""
        return (self.start, self.end, self.kind, self.level, self.table, self.row, self.column, self.header)


@dataclass
class Cleaned:
    """Clean text and, for each of its characters, the raw offset it comes from; ``lines`` says
    what kind of line each of its lines is."""

    raw: str
    text: str
    mapped: Mapped = field(repr=False)
    removed: list[Removal] = field(repr=False)
    lines: list[CleanLine] = field(repr=False, default_factory=list)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of the clean ``[start, end)`` (end exclusive, non-empty span)."""
        if not 0 <= start < end <= len(self.text):
            raise IndexError(f"span {start}:{end} is outside the clean text (length {len(self.text)})")
        return self.mapped.pos[start], self.mapped.stop[end - 1]


@dataclass
class _Line:
    text: Mapped
    kind: str  # text | item | heading | cell
    blank_before: bool
    sep: int  # raw offset of the line break before this line
    level: int = 0  # heading level, 0 when unknown
    table: int = -1  # a cell's table, row and column
    row: int = -1
    column: int = -1
    header: bool = False


def clean(raw: str, params: CleanParams | None = None) -> Cleaned:
    """Clean one raw notice with the rules that ``params`` leaves on."""
    params = params or CleanParams()
    on = params.rules
    removed: list[Removal] = []
    doc = Mapped.from_raw(raw)
    if on.html and any(hint in raw[:200_000].lower() for hint in HTML_HINT):
        doc = R.html_markup(doc, removed)
    if on.front_matter:
        doc = R.front_matter(doc, removed)
    lines = _lines(doc, params, removed)
    paragraphs = _paragraphs(lines, params)
    if on.duplicate_lines:
        paragraphs = _drop_twins(paragraphs, removed)
    pieces: list[Mapped] = []
    for i, (first, para) in enumerate(paragraphs):
        if i:
            pieces.append(Mapped.synthetic("\n\n" if first.blank_before else "\n", first.sep))
        pieces.append(para)
    mapped = R.long_tokens(join(pieces), params.max_token_chars)
    return Cleaned(raw, mapped.text, mapped, removed, _clean_lines(mapped.text, [first for first, _ in paragraphs]))


def _clean_lines(text: str, firsts: list[_Line]) -> list[CleanLine]:
    """Each paragraph is one line of the clean text (``long_tokens`` only adds spaces): its offsets
    there, with what its first line was."""
    out: list[CleanLine] = []
    start = 0
    lines = iter(firsts)
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            first = next(lines)
            out.append(CleanLine(start, end, first.kind, first.level, first.table, first.row, first.column,
                                 first.header))
        start = end + 1
    return out


def _lines(doc: Mapped, params: CleanParams, removed: list[Removal]) -> list[_Line]:
    on = params.rules
    widgets = frozenset(w.casefold() for w in params.widget_lines) if on.widgets else frozenset()
    out: list[_Line] = []
    blank = False
    start = 0
    sep = 0
    text = doc.text
    tables = rows = 0  # tables met so far; rows of the current table
    in_table = False
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = doc[start:end]
        this_sep = sep
        sep = doc.pos[end] if end < len(text) else (doc.pos[-1] + 1 if len(doc) else 0)
        start = end + 1
        if on.whitespace:
            line = R.whitespace(line, removed)
        content = line.text.strip()
        if not content:
            blank = True
            continue
        if on.page_markers and R.is_page_marker(content):
            removed.append(Removal("page_markers", *line.raw_range()))
            continue
        if widgets and R.is_widget(content, widgets):
            removed.append(Removal("widgets", *line.raw_range()))
            continue
        if on.markdown and R.is_markdown_rule(content):
            removed.append(Removal("markdown", *line.raw_range()))
            if out and not blank and out[-1].kind == "text":
                out[-1].kind = "heading"  # setext heading: ``Titre\n=====`` (1), ``Titre\n-----`` (2)
                out[-1].level = 1 if content.lstrip()[0] == "=" else 2
            blank, in_table = True, False
            continue
        if on.tables and R.is_table_separator(content):
            removed.append(Removal("tables", *line.raw_range()))
            for above in reversed(out):  # the row above the separator is the table's header
                if not in_table or above.table != tables - 1 or above.row != rows - 1:
                    break
                above.header = True
            continue
        cells = R.table_cells(line, removed) if on.tables else [(-1, line)]
        if not cells:
            continue
        kind = "cell" if len(cells) > 1 or cells[0][1] is not line else "text"
        if kind == "cell":
            if not in_table:
                tables, rows, in_table = tables + 1, 0, True
            rows += 1
        else:
            in_table = False
        for i, (column, cell) in enumerate(cells):
            # a cell after the first is parted from the one before by a pipe, not the line break
            cell_sep = this_sep if i == 0 else cell.pos[0] - 1
            for made in _inline(cell, kind, blank, cell_sep, params, removed):
                if kind == "cell":
                    made.table, made.row, made.column = tables - 1, rows - 1, column
                out.append(made)
            blank = False
    return out


def _inline(
    line: Mapped, kind: str, blank: bool, sep: int, params: CleanParams, removed: list[Removal]
) -> list[_Line]:
    on = params.rules
    if on.placeholders:
        line = R.placeholders(line, removed, params.placeholder_values)
    level = 0
    if on.markdown:
        line, level = R.markdown(line, removed)
        if level:
            kind = "heading"
    if on.bullets:
        line, item = R.bullet(line, removed)
        if item and kind == "text":
            kind = "item"
    if on.whitespace:
        line = R.whitespace(line, removed)
    if not line.text.strip():
        return []
    if kind == "text" and R.is_heading(line.text):
        kind, level = "heading", R.numbered_level(line.text)
    return [_Line(line, kind, blank, sep, level)]


def _paragraphs(lines: list[_Line], params: CleanParams) -> list[tuple[_Line, Mapped]]:
    """Join the lines a PDF hard-wrapped; headings, list items and cells stay apart."""
    wrapped = params.rules.line_wrap and _is_hard_wrapped(lines, params.wrap_min_share)
    out: list[tuple[_Line, list[Mapped]]] = []
    prev: _Line | None = None
    for line in lines:
        if wrapped and prev is not None and _continues(prev, line):
            out[-1][1].extend([Mapped.synthetic(" ", line.sep), line.text])
        else:
            out.append((line, [line.text]))
        prev = line
    return [(first, join(parts)) for first, parts in out]


def _continues(prev: _Line, line: _Line) -> bool:
    if line.blank_before or line.kind != "text" or prev.kind in {"heading", "cell"}:
        return False
    first = next((c for c in line.text.text if c.isalpha() or c.isdigit()), "")
    return not (R.SENTENCE_END.search(prev.text.text) and first.isupper())


def _is_hard_wrapped(lines: list[_Line], min_share: float) -> bool:
    """A notice copied from a PDF: many lines go on, in lower case, from the line before."""
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if not b.blank_before and b.kind == "text"]
    if not pairs:
        return False
    going_on = sum(R.starts_lower(b.text.text) for _, b in pairs)
    return going_on >= 3 and going_on / len(lines) >= min_share


def _drop_twins(paragraphs: list[tuple[_Line, Mapped]], removed: list[Removal]) -> list[tuple[_Line, Mapped]]:
    """Drop a paragraph that repeats, verbatim, one of the same section.

    A section ends at a heading or a blank line; table cells are never twins
    (two rows may keep different data for the same time). The KBC notice repeats the
    bullet ``Les conversations que vous avez avec les collaborateurs ...
    peuvent être enregistrées:`` a few lines after its twin.
    """
    out: list[tuple[_Line, Mapped]] = []
    seen: set[str] = set()
    for first, para in paragraphs:
        if first.blank_before or first.kind == "heading":
            seen = set()
        key = para.text
        if first.kind != "cell" and len(key) >= 30 and key in seen:
            removed.append(Removal("duplicate_lines", *para.raw_range()))
            continue
        seen.add(key)
        out.append((first, para))
    return out
