"""The named cleaning rules, each with the raw lines it was written for.

Document rules run on the whole text; line rules on one line at a time.
Every rule records what it removes, so that nothing leaves the text without
a rule to answer for it.
"""

from __future__ import annotations

import bisect
import html
import re
from typing import Iterator

from pipeline.clean.mapped import Found, Mapped, Removal

# Every rule runs in time linear in its input. A pattern that scans ahead from each of many
# starting points (``<!--.*?-->`` over a text of unclosed ``<!--``, ``\s+$`` over a long run of
# spaces) takes quadratic time; such rules are written as finders (``Found``) instead.

# --- document rules ---------------------------------------------------------


class HtmlBlocks:
    """``<script>…</script>``, ``<style>…</style>``, ``<!--…-->``, ``<%…%>`` and ``<!DOCTYPE…>``, each
    from its opener to the first closer after it; an opener never closed is left as it is.

    A closer searched for once and not found is not searched for again, so a text of a hundred
    thousand unclosed ``<!--`` is read once.
    """

    OPENER = re.compile(r"<(?:(?P<tag>script|style)\b|(?P<comment>!--)|(?P<jsp>%)|(?P<doctype>!DOCTYPE))", re.IGNORECASE)
    CLOSER = {
        "script": re.compile(r"</script\s*>", re.IGNORECASE),
        "style": re.compile(r"</style\s*>", re.IGNORECASE),
        "comment": re.compile(r"-->"),
        "jsp": re.compile(r"%>"),
        "doctype": re.compile(r">"),
    }

    def finditer(self, text: str) -> Iterator[Found]:
        unclosed: set[str] = set()
        at = 0
        while (opener := self.OPENER.search(text, at)) is not None:
            kind = opener.group("tag").lower() if opener.group("tag") else opener.lastgroup
            closer = None if kind in unclosed else self.CLOSER[kind].search(text, opener.end())
            if closer is None:
                unclosed.add(kind)
                at = opener.start() + 1
                continue
            yield Found(text, opener.start(), closer.end())
            at = closer.end()


HTML_BLOCK = HtmlBlocks()
HTML_BREAK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|title)\b[^<>]*>",
    re.IGNORECASE,
)
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


class TableRowBreaks:
    """``<br>`` inside a markdown table row: on a line that ends with a pipe after it."""

    def finditer(self, text: str) -> Iterator[Found]:
        breaks: list[int] | None = None  # offsets of the line breaks, found at the first <br>
        last_pipe: dict[int, int] = {}  # line number -> offset of the pipe that ends it, or -1
        for match in LINE_BREAK_TAG.finditer(text):
            if breaks is None:
                breaks = [m.start() for m in LINE_END.finditer(text)]
            line = bisect.bisect_left(breaks, match.end())
            if line not in last_pipe:
                start = breaks[line - 1] + 1 if line else 0
                end = breaks[line] if line < len(breaks) else len(text)
                while end > start and text[end - 1] in " \t":
                    end -= 1
                last_pipe[line] = end - 1 if end > start and text[end - 1] == "|" else -1
            if last_pipe[line] >= match.end():
                yield Found(text, match.start(), match.end())


LINE_END = re.compile("\n")
TABLE_ROW_BREAK = TableRowBreaks()
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>")
HTML_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def html_markup(text: Mapped, removed: list[Removal]) -> Mapped:
    """HTML and JSP leftovers: tags go, block tags become line breaks, entities are decoded.

    ``<%@ page language="java" contentType="text/html; charset=UTF-8"%>`` -> removed
    ``<p>Nous collectons</p>`` -> ``\\nNous collectons\\n``
    ``| Nom<br>Prénom | 3 ans |`` -> ``| Nom Prénom | 3 ans |`` (a table row stays one line)
    ``Sant&eacute;`` -> ``Santé``
    """
    text = text.edit(HTML_BLOCK, "html", removed)
    text = text.edit(TABLE_ROW_BREAK, "html", removed, keep=lambda m: [Mapped.synthetic(" ", text.pos[m.start()])])
    text = text.edit(
        HTML_BREAK_TAG, "html", removed, keep=lambda m: [Mapped.synthetic("\n", text.pos[m.start()])]
    )
    text = text.edit(HTML_TAG, "html", removed)

    def entity(match: re.Match[str]) -> list[Mapped]:
        value = html.unescape(match.group()).replace("\xa0", " ")
        if value == match.group():
            return [text.group(match, 0)]
        return [Mapped.synthetic(value, text.pos[match.start()], text.stop[match.end() - 1])]

    return text.edit(HTML_ENTITY, "html", removed, keep=entity)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:[A-Za-z_][\w-]*:.*\n)+---[ \t]*(?:\n|\Z)")


def front_matter(text: Mapped, removed: list[Removal]) -> Mapped:
    """A YAML block of page settings at the top of a markdown notice.

    ``---\\ntitle: Politique de Confidentialité\\nslug: privacy\\n---`` -> removed
    """
    return text.edit(FRONT_MATTER, "front_matter", removed)


# --- line rules: whole lines --------------------------------------------------

PAGE_MARKER = re.compile(r"^\s*(?:pg\.?|p\.|page)\s*\d+\s*(?:/|sur|of)\s*\d+\s*$", re.IGNORECASE)


def is_page_marker(line: str) -> bool:
    """A PDF page marker alone on its line: ``pg. 2/8``, ``Page 3 sur 12``."""
    return bool(PAGE_MARKER.match(line))


def is_widget(line: str, widget_lines: frozenset[str]) -> bool:
    """A widget or cookie leftover alone on its line: ``cookie_list_text``, ``arrow up``."""
    return line.strip().casefold() in widget_lines


MARKDOWN_RULE = re.compile(r"^\s*(?:[-=*_]\s*){3,}$")


def is_markdown_rule(line: str) -> bool:
    """A horizontal rule or a setext heading underline: ``-----``, ``=====``, ``***``."""
    return bool(MARKDOWN_RULE.match(line))


# each run of spaces has one way to match (``\s*\|?\s*`` has as many as the run is long)
TABLE_SEPARATOR = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")


def is_table_separator(line: str) -> bool:
    """The line under a markdown table header: ``| --- | --- |``."""
    return bool(TABLE_SEPARATOR.match(line))


# --- line rules: inside a line ---------------------------------------------------

PLACEHOLDER = re.compile(r"%%(?P<name>[A-Za-z_][\w.-]*)%%?|%(?P<loose>[A-Za-z_][\w.-]*)%%")


def placeholders(line: Mapped, removed: list[Removal], values: dict[str, str]) -> Mapped:
    """Template placeholders, well-formed or not: ``%%bank%%``, ``%kbcgroep.merk%%``.

    Removed, or replaced by the value ``params.yaml`` gives for that name.
    Only forms with ``%%`` on at least one side count, so ``10 % des 20 %`` stays.
    """

    def keep(match: re.Match[str]) -> list[Mapped]:
        value = values.get(match.group("name") or match.group("loose"))
        return [Mapped.synthetic(value, line.pos[match.start()])] if value else []

    return line.edit(PLACEHOLDER, "placeholders", removed, keep=keep)


# neither the label nor the URL runs over a ``[``: the next link's start bounds each try. Images
# go first, so that a linked image ``[![texte](image)](url)`` leaves a link with no label.
MD_IMAGE = re.compile(r"!\[(?P<label>[^\[\]\n]*)\]\((?P<url>[^)\s\[]*)(?:\s+\"[^\"]*\")?\)")
MD_LINK = re.compile(r"\[(?P<label>[^\[\]\n]*)\]\((?P<url>[^)\s\[]*)(?:\s+\"[^\"]*\")?\)")
MD_EMPHASIS = re.compile(r"(?<!\\)\*\*|__|(?<![\w*\\])\*(?=\S)|(?<=[^\s\\])\*(?![\w*])")  # not an escaped ``\*``
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~])")


def markdown(line: Mapped, removed: list[Removal]) -> tuple[Mapped, int]:
    """Markdown markup: ``# Titre``, ``**gras**``, ``[texte](url)`` keeps ``texte``, ``\\-``.

    Returns the line and its heading level (``## Titre``: 2), 0 when it is no heading.
    """
    marks = MD_HEADING.match(line.text)
    heading = marks.group().count("#") if marks else 0
    line = line.edit(MD_HEADING, "markdown", removed)

    def link(match: re.Match[str]) -> list[Mapped]:
        """The label of a link (none for an image), kept apart from a word glued before it:
        ``personnelles[texte](url)`` -> ``personnelles texte``. After it, a letter may go on the
        label's word (``[Site d'assistanc](url)e``), so nothing is put there."""
        label = line.group(match, "label")
        kept = [label] if label.text and not match.group().startswith("!") else []
        left = line.text[match.start() - 1] if match.start() else ""
        right = line.text[match.end()] if match.end() < len(line.text) else ""
        if left.isalnum() and (kept[0].text[0] if kept else right).isalnum():
            kept.insert(0, Mapped.synthetic(" ", line.pos[match.start()]))
        return kept

    line = line.edit(MD_IMAGE, "markdown", removed, keep=link)
    line = line.edit(MD_LINK, "markdown", removed, keep=link)
    line = line.edit(MD_EMPHASIS, "markdown", removed)
    line = line.edit(MD_ESCAPE, "markdown", removed)
    return line, heading


class TablePipes:
    r"""A table row's pipes with the spaces around them: the first and last pipe of the row, and
    every pipe between not escaped (``\|``)."""

    def finditer(self, text: str) -> Iterator[Found]:
        last = 0
        at = text.find("|")
        while at >= 0:
            start = at
            while start > last and text[start - 1].isspace():
                start -= 1
            end = at + 1
            while end < len(text) and text[end].isspace():
                end += 1
            if start == 0 or end == len(text) or text[at - 1] != "\\":
                yield Found(text, start, end)
                last = end
            at = text.find("|", max(end, at + 1))


TABLE_PIPE = TablePipes()


def table_cells(line: Mapped, removed: list[Removal]) -> list[tuple[int, Mapped]]:
    """A markdown table row becomes one line per cell, each with its column (empty cells count).

    ``| Nom, prénom | Données administratives | 12 mois |`` -> three lines, columns 0, 1, 2;
    a line that is no table row is one cell, column -1.
    """
    if not (line.text.lstrip().startswith("|") and line.text.count("|") >= 2):
        return [(-1, line)]
    cells: list[Mapped] = []
    last = 0
    for match in TABLE_PIPE.finditer(line.text):
        cells.append(line[last : match.start()])
        removed.append(Removal("tables", *line[match.start() : match.end()].raw_range()))
        last = match.end()
    cells.append(line[last:])
    if cells and not cells[0].text.strip():
        cells = cells[1:]  # before the row's first pipe
    return [(column, cell) for column, cell in enumerate(cells) if cell.text.strip()]


BULLET = re.compile(
    r"^\s*(?:"
    r"(?:[-*+]\s+(?:>\s*)?|>\s+)"  # - > , * , - , + , >
    r"|[●•▪◦‣∙·○■□➢➤►–—](?:\s*>)?\s*"  # ● • ▪ ...
    r"|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)](?=\s)\s*"  # 1. a. iv. 1) a)
    r")",
    re.IGNORECASE,
)


def bullet(line: Mapped, removed: list[Removal]) -> tuple[Mapped, bool]:
    """A list bullet or enumerator at the start of a line: ``- >``, ``●``, ``•``, ``a.``, ``iv.``, ``1.``.

    Returns the line and whether it was a list item.
    """
    match = BULLET.match(line.text)
    if not match or match.end() == 0 or not line.text[match.end() :].strip():
        return line, False
    removed.append(Removal("bullets", *line[: match.end()].raw_range()))
    return line[match.end() :], True


WHITESPACE_CHARS = {0xA0: " ", 0x202F: " ", 0x2007: " ", 0x09: " ", 0x0D: " ", 0x200B: " ", 0xFEFF: " "}
ODD_SPACE = re.compile("[" + "".join(map(chr, WHITESPACE_CHARS)) + "]")


class EdgeSpaces:
    r"""The spaces at the start and at the end of a line (``\s+$`` would try every space of a long
    run inside the line, to its end)."""

    def finditer(self, text: str) -> Iterator[Found]:
        head = len(text) - len(text.lstrip())
        if head:
            yield Found(text, 0, head)
        tail = len(text.rstrip())
        if tail < len(text) and tail >= head:
            yield Found(text, max(tail, head), len(text))


EDGE_SPACE = EdgeSpaces()
INNER_SPACE = re.compile(r"(?<=\S)\s{2,}(?=\S)")


def whitespace(line: Mapped, removed: list[Removal]) -> Mapped:
    """Non-breaking and other odd spaces become plain ones; runs of spaces become one.

    ``Nous traitons\\xa0vos données`` -> ``Nous traitons vos données``
    """
    if ODD_SPACE.search(line.text):
        line = line.translate(WHITESPACE_CHARS)
    line = line.edit(EDGE_SPACE, "whitespace", removed)
    return line.edit(INNER_SPACE, "whitespace", removed, keep=lambda m: [line[m.start() : m.start() + 1]])


# --- what spaCy is given -----------------------------------------------------------

LONG_TOKEN = re.compile(r"(?<!\S)\S{%d,}")


def long_tokens(text: Mapped, max_chars: int) -> Mapped:
    """A run of more than ``max_chars`` characters without a space is cut by spaces every
    ``max_chars`` characters: spaCy's tokenizer takes time quadratic in a token's length (a run of
    4,000 apostrophes takes over a second). The inserted spaces stand for the character after
    them, so offsets are kept; nothing is removed.
    """
    pattern = re.compile(LONG_TOKEN.pattern % (max_chars + 1))

    def cut(match: re.Match[str]) -> list[Mapped]:
        pieces: list[Mapped] = []
        for at in range(match.start(), match.end(), max_chars):
            if pieces:
                pieces.append(Mapped.synthetic(" ", text.pos[at]))
            pieces.append(text[at : min(at + max_chars, match.end())])
        return pieces

    return text.edit(pattern, "long_tokens", [], keep=cut)


# --- joining hard-wrapped lines ------------------------------------------------

NUMBERED_HEADING = re.compile(r"^(?P<number>\d+(?:\.\d+)*\.?)\s+\S")
SENTENCE_END = re.compile(r"[.!?:;»)\]]\s*$")


def numbered_level(text: str) -> int:
    """The depth of a numbered heading: ``3 SÉCURITÉ`` 1, ``3.1 RELATION CLIENT`` 2; 0 without a number."""
    number = NUMBERED_HEADING.match(text)
    return number.group("number").rstrip(".").count(".") + 1 if number else 0


def is_heading(text: str) -> bool:
    """A section heading: ``3.1 RELATION CLIENT``, ``6 SÉCURITÉ ET CONSERVATION DES DONNÉES``."""
    if NUMBERED_HEADING.match(text) and (len(text) < 90 and not SENTENCE_END.search(text)):
        return True
    if len(text) >= 120 or any(c.islower() and c.isalpha() for c in text):
        return False
    return sum(c.isalpha() for c in text) >= 4


def starts_lower(text: str) -> bool:
    first = next((c for c in text if c.isalnum()), "")
    return first.islower()
