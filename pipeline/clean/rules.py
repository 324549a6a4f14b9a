"""The named cleaning rules, each with the raw lines it was written for.

Document rules run on the whole text; line rules on one line at a time.
Every rule records what it removes, so that nothing leaves the text without
a rule to answer for it.
"""

from __future__ import annotations

import html
import re

from pipeline.clean.mapped import Mapped, Removal

# --- document rules ---------------------------------------------------------

HTML_BLOCK = re.compile(
    r"<(?P<drop>script|style)\b.*?</(?P=drop)\s*>"
    r"|<!--.*?-->"
    r"|<%.*?%>"
    r"|<!DOCTYPE[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
HTML_BREAK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|title)\b[^<>]*>",
    re.IGNORECASE,
)
TABLE_ROW_BREAK = re.compile(r"<br\s*/?>(?=[^\n]*\|[ \t]*$)", re.IGNORECASE | re.MULTILINE)
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
        return [Mapped.synthetic(value, text.pos[match.start()])]

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


TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


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


MD_LINK = re.compile(r"!?\[(?P<label>[^\]\n]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~])")


def markdown(line: Mapped, removed: list[Removal]) -> tuple[Mapped, bool]:
    """Markdown markup: ``# Titre``, ``**gras**``, ``[texte](url)`` keeps ``texte``, ``\\-``.

    Returns the line and whether it was a heading.
    """
    heading = bool(MD_HEADING.match(line.text))
    line = line.edit(MD_HEADING, "markdown", removed)
    line = line.edit(
        MD_LINK,
        "markdown",
        removed,
        keep=lambda m: [] if m.group().startswith("!") else [line.group(m, "label")],
    )
    line = line.edit(MD_EMPHASIS, "markdown", removed)
    line = line.edit(MD_ESCAPE, "markdown", removed)
    return line, heading


TABLE_PIPE = re.compile(r"^\s*\|\s*|\s*\|\s*$|\s*(?<!\\)\|\s*")


def table_cells(line: Mapped, removed: list[Removal]) -> list[Mapped]:
    """A markdown table row becomes one line per cell.

    ``| Nom, prénom | Données administratives | 12 mois |`` -> three lines.
    """
    if not (line.text.lstrip().startswith("|") and line.text.count("|") >= 2):
        return [line]
    cells: list[Mapped] = []
    last = 0
    for match in TABLE_PIPE.finditer(line.text):
        cells.append(line[last : match.start()])
        removed.append(Removal("tables", *line[match.start() : match.end()].raw_range()))
        last = match.end()
    cells.append(line[last:])
    return [c for c in cells if c.text.strip()]


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
EDGE_SPACE = re.compile(r"^\s+|\s+$")
INNER_SPACE = re.compile(r"(?<=\S)\s{2,}(?=\S)")


def whitespace(line: Mapped, removed: list[Removal]) -> Mapped:
    """Non-breaking and other odd spaces become plain ones; runs of spaces become one.

    ``Nous traitons\\xa0vos données`` -> ``Nous traitons vos données``
    """
    if ODD_SPACE.search(line.text):
        line = line.translate(WHITESPACE_CHARS)
    line = line.edit(EDGE_SPACE, "whitespace", removed)
    return line.edit(INNER_SPACE, "whitespace", removed, keep=lambda m: [line[m.start() : m.start() + 1]])


# --- joining hard-wrapped lines ------------------------------------------------

NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.?\s+\S")
SENTENCE_END = re.compile(r"[.!?:;»)\]]\s*$")


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
