"""``privacy_practices``: links each ``DATA`` span to the ``PURPOSE``, ``LEGAL_BASIS``, ``DURATION`` and
``RECIPIENT`` spans that apply to it (``doc._.links``), and gives the recipients of a transfer outside
the European Economic Area the safeguard the notice names for it (``span._.safeguard``).

A link is what ``gold/README.md`` (Practice links) calls a statement: the spans of one unit of the
layout, each ``DATA`` span with each span of the other labels. The units, read from ``doc._.layout``:

- a sentence (up to ``sentence_chars``; a heading, a list item and a table cell are lines, so
  sentences of their own);
- a table row (its cells, the header row left out); a cell in parts (sentences that each name
  data and what applies to them, or a cell of periods with exceptions for named data) links each
  part within itself (:meth:`Practices._row`); a row that names data by a reference to another
  passage (``Données du client (voir article 4 ci-dessus)``) takes the data of the row above that
  the category labels;
- a list whose lead-in holds a span (``Nous collectons, pour gérer votre commande, les données
  suivantes :`` and its items; ``Données d’identification :`` and the items under it), up to
  ``list_chars``; a list whose lead-in holds none links only within each item; items with
  purposes or periods of their own are one statement each, with the lead-in's spans; a list
  nested under such a lead-in (its own lead-in an item) takes the outer lead-in's spans; a
  sentence of a lead-in paragraph that is a statement of its own stays out;
- a section whose heading holds a ``PURPOSE`` span (``Gestion de votre compte client``), up to
  ``section_chars``, and a passage under a title the page did not mark as a heading (a short
  line without end punctuation that a paragraph follows) that a ``PURPOSE`` or ``RECIPIENT`` span
  fills, up to the next title and ``titled_chars``: the title's spans and every span inside; not
  when the section holds two lists under lead-ins of their own (several processings);
- a sentence that points back to data (``ces données``, ``ce type d’information``, ``Elles ...``:
  :data:`patterns.BACK_REFERENCE`) and has no data of its own: the data of the sentence just
  before (of its whole list when it is an item), in the same section, at most ``reference_chars``
  above; one that names data (``Ces informations, telles que votre nom``) takes the other spans
  of the sentence before when that one names no data;
- a sentence that points back to recipients (``certains des destinataires mentionnés ci-dessus``):
  every recipient of the sentence or list just before, with the data of that sentence and of the
  next one going on about them (``Ils ...``).

A data span inside one of several purposes of a line goes with that purpose, the purposes chained
to it (``afin de``, a colon's breakdown) and the rest of its unit, not the sibling purposes; one
inside a period names the event that ends it and takes part in no statement.

Statements about personal data in general (``vos données sont conservées 3 ans``) name no ``DATA``
span, so they make no link: the practice records list their spans as the notice's own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import product
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components import SPAN_KEY
from pipeline.components.practices.models import LINKED_LABELS, Safeguard
from pipeline.components.practices.patterns import (
    BACK_REFERENCE, CHAIN, GENERAL_DATA, LIST_GAP, NAMED_REFERENCE, PRONOUN, RECIPIENT_REFERENCE, SAFEGUARDS, TITLE_NUMBER, TRANSFER,
)
from pipeline.config import PracticesSettings
from pipeline.taxonomy import EEA

if not Doc.has_extension("links"):
    # (DATA index, other index) pairs over ``doc.spans[SPAN_KEY]`` in its order, sorted; set by privacy_practices
    Doc.set_extension("links", default=None)


def _label(words: str) -> str:
    """The first word of a category's name, lower case and singular: ``Clients`` -> ``client``."""
    first = words.strip().split(maxsplit=1)
    return first[0].lower().rstrip("sx") if first else ""


class Practices:
    """Link ``DATA`` spans to the spans that apply to them, by the doc's layout; safeguards of transfers.

    Runs last (after ``privacy_combine`` and ``privacy_countries``): it reads the final spans and
    the recipients' countries. Linear in the spans: each span is put in its units once (bisections
    into the layout's indexes), and a unit's links are its data times its other spans.
    """

    def __init__(self, nlp: Language, name: str, *, settings: PracticesSettings | None = None) -> None:
        self.name = name
        self.s = settings or PracticesSettings()

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
        doc._.links = self.links(doc, spans) if spans else []
        if any(span.label_ == "RECIPIENT" for span in spans):
            self.safeguards(doc, spans)
        return doc

    # --- links ----------------------------------------------------------------------------------

    def links(self, doc: Doc, spans: list[Span]) -> list[tuple[int, int]]:
        layout = doc._.layout
        text = layout.text
        lead_ins = {block.lead_in.index: block for block in layout.lists if block.lead_in is not None}
        titles, processing_titles = self._titles(layout, spans)
        lead_starts = sorted(block.start for block in layout.lists if block.lead_in is not None)
        sides: dict[tuple[int, int], set[bool]] = defaultdict(set)
        for span in spans:
            sides[layout.sentence_at(span.start_char)].add(span.label_ == "DATA")
        statements = {bounds for bounds, found in sides.items() if len(found) == 2}
        where = (titles, processing_titles, lead_starts, statements)
        units: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        lists_with_lead_spans: set[int] = set()
        sentence_of: dict[int, tuple[int, int]] = {}
        for i, span in enumerate(spans):
            if span.label_ != "DATA" and span.label_ not in LINKED_LABELS:
                continue
            side = 0 if span.label_ == "DATA" else 1
            for key in self._units(layout, span, lead_ins, where, lists_with_lead_spans, sentence_of, i):
                units[key][side].append(i)
        links: set[tuple[int, int]] = set()
        for key, (data, others) in list(units.items()):
            if key[0] == "list":
                if key[1] not in lists_with_lead_spans:
                    continue  # a list whose lead-in names nothing: its items are statements of their own
                if self._processings(layout, spans, key[1], data, others, links):
                    continue
            if key[0] == "row":
                links.update(self._row(layout, text, spans, data, others, sentence_of))
                continue
            links.update(product(data, others))
        links.update(self._nested(layout, spans, units))
        links.update(self._named(layout, text, units))
        links.update(self._references(layout, text, spans, units, sentence_of))
        holders = self._holders(layout, text, spans)
        return sorted(link for link in links if not self._apart(spans, holders, *link))

    @staticmethod
    def _named(layout, text: str, units) -> Iterable[tuple[int, int]]:
        """A table row that names data by a reference to another passage (``Données du client (voir
        article 4 ci-dessus)``) takes the data of the row above that the category labels
        (``Clients``: its first cell), with the row's other spans."""
        labels: dict[str, tuple[int, int]] = {}  # a row label's word -> (table, row) of the nearest row above so far
        rows = sorted((cells[0].start, table.index, cells[0].row, _label(cells[0].text))
                      for table in layout.tables for cells in table.rows if cells)
        k = 0
        for match in NAMED_REFERENCE.finditer(text):
            while k < len(rows) and rows[k][0] < match.start():
                labels[rows[k][3]] = (rows[k][1], rows[k][2])
                k += 1
            cell = layout.cell_at(match.start())
            source = labels.get(_label(match.group("category")))
            if cell is None or cell.header or source is None:
                continue
            data = units.get(("row", *source), ((), ()))[0]
            others = units.get(("row", cell.table, cell.row), ((), ()))[1]
            yield from product(data, others)

    @staticmethod
    def _nested(layout, spans: list[Span], units) -> Iterable[tuple[int, int]]:
        """Lists nested in a list whose lead-in names spans: a list right after it (or after another
        such list) whose lead-in is itself an item (``- Les conversations peuvent être enregistrées :``)
        is one of the processings the outer lead-in announces, and the outer lead-in's spans take
        part in it (the page lost the indentation; the bullets say the nesting)."""
        top, previous = None, None
        for block in layout.lists:
            lead = block.lead_in
            if lead is None:
                top, previous = None, block
                continue
            nested = (lead.kind == "item" and top is not None and previous is not None
                      and lead.index - previous.items[-1].index <= 2)
            if not nested:
                top = block if lead.kind == "text" else None
            elif ("list", block.index) in units and ("list", top.index) in units:
                outer_data, outer_others = units[("list", top.index)]
                lead_data = [i for i in outer_data if layout.line_at(spans[i].start_char).index == top.lead_in.index]
                lead_others = [i for i in outer_others if layout.line_at(spans[i].start_char).index == top.lead_in.index]
                data, others = units[("list", block.index)]
                yield from product(data, lead_others)
                yield from product(lead_data, others)
            previous = block

    @staticmethod
    def _row(layout, text: str, spans: list[Span], data: list[int], others: list[int], sentence_of) -> Iterable[tuple[int, int]]:
        """The links of one table row. A cell can be in parts, each part a sentence that states
        something (a purpose, a basis, a period, a recipient) with the sentences after it that point
        back to it (``Elles ...``): when two parts or more name data of their own (``SALTO traite vos
        Données de Compte afin de ... Vos Données d'Abonnement sont utilisées afin de ...``), or when
        a cell of periods names data in some part (``Les données personnelles sont conservées 10
        ans. Les données de transaction sont conservées 24 mois.``). A sentence that names data and
        states nothing joins the next part. Each part links within itself; the other cells' spans
        apply to every part, and the row's other data too, except in a cell of periods, where they
        go with its general part only (its parts that name no data, or else its first part)."""
        cell_of = {i: layout.line_at(spans[i].start_char).index for i in [*data, *others]}
        by_cell: dict[int, dict[tuple[int, int], list[int]]] = defaultdict(lambda: defaultdict(list))
        for i in [*data, *others]:
            by_cell[cell_of[i]][sentence_of[i]].append(i)
        part_of: dict[int, int] = {}  # span -> the start of its part, in the cells that are in parts
        general: dict[int, set[int]] = {}
        for cell, sentences in by_cell.items():
            parts: dict[int, list[int]] = {}
            waiting: list[int] = []  # data of sentences that state nothing: they go with the next part
            for bounds in sorted(sentences):
                members = sentences[bounds]
                if not any(spans[i].label_ != "DATA" for i in members):
                    waiting.extend(members)
                elif parts and BACK_REFERENCE.search(text[bounds[0]:bounds[1]].strip()):
                    parts[max(parts)].extend([*waiting, *members])  # a sentence pointing back goes on
                    waiting = []
                else:
                    parts[bounds[0]] = [*waiting, *members]
                    waiting = []
            if parts and waiting:
                parts[max(parts)].extend(waiting)
            named = [p for p, members in parts.items() if any(spans[i].label_ == "DATA" for i in members)]
            periods = all(spans[i].label_ in ("DATA", "DURATION") for members in parts.values() for i in members)
            if len(parts) >= 2 and (len(named) >= 2 or (named and periods)):
                # in a cell of periods, the row's other data keep to the general part; elsewhere they go with every part
                general[cell] = ({p for p in parts if p not in named} or {min(parts)}) if periods else set(parts)
                part_of.update({i: p for p, members in parts.items() for i in members})
        for d, o in product(data, others):
            cell = cell_of[o]
            if cell in general:
                if cell_of[d] == cell and part_of[d] != part_of[o]:
                    continue  # two parts of one cell
                if cell_of[d] != cell and part_of[o] not in general[cell]:
                    continue  # the row's other data go with the general part only
            yield d, o

    @staticmethod
    def _processings(layout, spans: list[Span], block_index: int, data, others, links) -> bool:
        """A list whose items state purposes or periods of their own (two items or more holding a
        ``PURPOSE``, or a ``DURATION``) is one processing per item: each item's spans with the
        lead-in's, but for the lead-in's period where the item states its own (``Nous conservons vos
        données au plus 10 ans, comme suit :`` then ``- les factures : 10 ans``). Adds those links and
        says whether it did."""
        block = layout.lists[block_index]
        lead = block.lead_in
        item_of = {item.index: item for item in block.items}
        by_item: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        lead_data, lead_others = [], []
        for i in [*data, *others]:
            line = layout.line_at(spans[i].start_char)
            side = 0 if spans[i].label_ == "DATA" else 1
            if lead is not None and line.index == lead.index:
                (lead_data, lead_others)[side].append(i)
            elif line.index in item_of:
                by_item[line.index][side].append(i)
        def stating(label: str) -> int:
            return sum(1 for _, o in by_item.values() if any(spans[i].label_ == label for i in o))

        if stating("PURPOSE") < 2 and stating("DURATION") < 2:
            return False
        for item_data, item_others in by_item.values():
            own_period = any(spans[i].label_ == "DURATION" for i in item_others)
            applying = [i for i in lead_others if not (own_period and spans[i].label_ == "DURATION")]
            links.update(product([*lead_data, *item_data], [*applying, *item_others]))
        return True

    @staticmethod
    def _holders(layout, text: str, spans: list[Span]) -> dict[int, dict[str, object]]:
        """For each DATA span inside a longer ``PURPOSE`` or ``DURATION`` span, that span by label
        (spans of one label never overlap: the nearest one starting before holds it, or none does);
        for a holding purpose, also the purposes of its line it is chained to (``gestion de nos
        communications afin de vous proposer ...``, ``exécution des commandes : livraison, retour``):
        :meth:`_chain`."""
        starts = {label: sorted((s.start_char, i) for i, s in enumerate(spans) if s.label_ == label)
                  for label in ("PURPOSE", "DURATION")}
        out: dict[int, dict[str, object]] = {}
        for d, data in enumerate(spans):
            if data.label_ != "DATA":
                continue
            for label, found in starts.items():
                k = bisect_right(found, (data.start_char, len(spans))) - 1
                if k >= 0:
                    holder = spans[found[k][1]]
                    if data.end_char <= holder.end_char and holder.end_char - holder.start_char > len(data.text):
                        out.setdefault(d, {})[label] = holder
                        if label == "PURPOSE":
                            out[d]["chain"] = Practices._chain(layout, text, spans, found, k)
        return out

    @staticmethod
    def _chain(layout, text: str, spans: list[Span], purposes: list[tuple[int, int]], k: int) -> set[int]:
        """The purposes of the line of ``purposes[k]`` chained to it: each neighbour joined by a goal
        (``afin de``, ``pour``, ``dans le but de``) or a colon that breaks it down, and after such a
        colon the items of the breakdown (``livraison, retour, remboursement``)."""
        line = layout.line_at(spans[purposes[k][1]].start_char)
        chain = {purposes[k][1]}
        for step in (1, -1):
            j, broken = k, False
            while 0 <= j + step < len(purposes):
                a, b = (j, j + step) if step == 1 else (j + step, j)
                left, right = spans[purposes[a][1]], spans[purposes[b][1]]
                if right.start_char >= line.end or left.start_char < line.start:
                    break
                gap = text[left.end_char:right.start_char]
                if CHAIN.match(gap):
                    broken = broken or ":" in gap
                elif not (broken and step == 1 and LIST_GAP.match(gap)):
                    break
                j += step
                chain.add(purposes[j][1])
        return chain

    @staticmethod
    def _apart(spans: list[Span], holders: dict[int, dict[str, object]], d: int, o: int) -> bool:
        """A data span inside one of several purposes of a line goes with that purpose and those
        chained to it, not its siblings; a data span inside a period names the event that ends it,
        not data kept: it takes part in no statement."""
        held = holders.get(d)
        if not held:
            return False
        other = spans[o]
        if "DURATION" in held:
            return True  # it names the event that ends a period (``jusqu’à la suppression du compte``)
        if other.label_ == "PURPOSE" and "PURPOSE" in held:
            holder = held["PURPOSE"]
            same_line = other.doc._.layout.line_at(other.start_char).index == other.doc._.layout.line_at(holder.start_char).index
            return same_line and o not in held["chain"]
        return False

    def _units(self, layout, span: Span, lead_ins, where, lists_with_lead_spans, sentence_of, i) -> Iterable[tuple]:
        start = span.start_char
        sentence = layout.sentence_at(start)
        sentence_of[i] = sentence
        if sentence[1] - sentence[0] <= self.s.sentence_chars:
            yield ("sentence", sentence)
        line = layout.line_at(start)
        if line.table >= 0 and not line.header:
            yield ("row", line.table, line.row)
        block = layout.list_at(start)
        if block is None and line.index in lead_ins and (sentence[1] >= line.end or sentence not in where[3]):
            # the lead-in's sentences, but for one before the last that is a statement of its own
            # (names data and what applies to them): the last one announces the list
            block = lead_ins[line.index]
            lists_with_lead_spans.add(block.index)
        if block is not None and block.lead_in is not None and block.end - block.start <= self.s.list_chars:
            yield ("list", block.index)
        titles, processing_titles, lead_starts, _ = where
        for section in reversed(layout.sections_at(start)):
            if section.heading.index in processing_titles:
                if section.end - section.start <= self.s.section_chars and self._one_processing(lead_starts, section.start, section.end):
                    yield ("section", section.index)
                break
        k = bisect_right(titles, line.index) - 1
        if k >= 0 and titles[k] in processing_titles and layout.lines[titles[k]].kind != "heading":
            first = layout.lines[titles[k]].start
            last = layout.lines[titles[k + 1]].start if k + 1 < len(titles) else len(layout.text)
            if last - first <= self.s.titled_chars and self._one_processing(lead_starts, first, last):
                yield ("titled", titles[k])

    @staticmethod
    def _one_processing(lead_starts: list[int], start: int, end: int) -> bool:
        """A section that holds two lists or more under lead-ins of their own (``Lorsque vous ...,
        nous collectons :`` twice) tells several processings apart: it is not one statement."""
        return bisect_left(lead_starts, end) - bisect_left(lead_starts, start) < 2

    def _titles(self, layout, spans: list[Span]) -> tuple[list[int], set[int]]:
        """The lines written as titles, by index: the headings, and the short lines without end
        punctuation that a paragraph follows (``Réparateurs``, ``1. Gestion des commandes`` as the
        page left them: :meth:`_titled`; not the notice's first line, whose title names the notice,
        not one processing). And those of them that name one processing: a heading that
        holds a ``PURPOSE`` span, or a title that a ``PURPOSE`` or ``RECIPIENT`` span (the
        disclosure to that party) fills at least half of."""
        lines = layout.lines
        first = next((line.index for line in lines if not line.blank), -1)
        titles = [line.index for k, line in enumerate(lines)
                  if line.kind == "heading" or (line.index != first and self._titled(layout, k))]
        filled: dict[int, int] = defaultdict(int)
        named: set[int] = set()
        for span in spans:
            if span.label_ in ("PURPOSE", "RECIPIENT"):
                line = layout.line_at(span.start_char)
                filled[line.index] += min(span.end_char, line.end) - span.start_char
                if span.label_ == "PURPOSE" and line.kind == "heading":
                    named.add(line.index)
        for index in titles:
            line = lines[index]
            if 2 * filled.get(index, 0) >= len(TITLE_NUMBER.sub("", line.text.strip())):
                named.add(index)
        return titles, named & set(titles)

    def _titled(self, layout, k: int) -> bool:
        lines = layout.lines
        line = lines[k]
        words = line.text.strip()
        if line.kind not in ("text", "item") or line.table >= 0 or not words or len(words) > self.s.title_chars:
            return False
        block = layout.list_at(line.start)
        if block is not None and (block.lead_in is not None or len(block.items) > 1):
            return False  # an item of a list is no title
        if words[-1] in ".;:,!":
            return False
        after = next((other for other in lines[k + 1 :] if not other.blank), None)
        return after is not None and after.kind == "text"

    def _references(self, layout, text: str, spans: list[Span], units, sentence_of) -> set[tuple[int, int]]:
        """Links of the sentences that point back (``ces données``, ``ce type d’information``): one
        that names no data takes the data of the nearest sentence above that names data (of the
        whole list when that sentence is an item of one); one that names data (``Ces informations, telles que votre nom,
        ...``) takes the other spans of the sentence just before when that one names no data."""
        found: set[tuple[int, int]] = set()
        members: dict[tuple[int, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for i, bounds in sentence_of.items():
            members[bounds][0 if spans[i].label_ == "DATA" else 1].append(i)
        data_starts = sorted((span.start_char, i) for i, span in enumerate(spans) if span.label_ == "DATA")
        for (start, end), (data, others) in list(members.items()):
            words = text[start:end]
            reference = BACK_REFERENCE.search(words.strip())
            if reference is None:
                continue
            at = start + len(words) - len(words.lstrip()) + reference.start()
            if not data and GENERAL_DATA.search(text, start, at):
                continue  # a reference to the data in general that its own sentence names first
            before = self._sentence_before(layout, text, start)
            if before is None:
                continue
            data_before, others_before = members.get(before, ((), ()))
            if not data and others:
                if not data_before and not GENERAL_DATA.search(text, *before):
                    # the sentence just before speaks of no data at all: the nearest one above that names data
                    k = bisect_left(data_starts, (start, -1)) - 1
                    if k >= 0:
                        before = sentence_of[data_starts[k][1]]
                        data_before = members[before][0]
                found.update(product(self._antecedent(layout, data_starts, before, data_before, start), others))
            elif data and others_before and not data_before and start - before[0] <= self.s.reference_chars:
                found.update(product(data, others_before))
        found.update(self._recipient_references(layout, text, spans, members))
        return found

    def _recipient_references(self, layout, text: str, spans: list[Span], members) -> Iterable[tuple[int, int]]:
        """A sentence that points back to recipients without naming them (``certains des destinataires
        mentionnés ci-dessus``, ``ces prestataires``) brings in every recipient of the sentence just
        before (of its whole list when it is an item), for the data it names and those of the next
        sentence when that one goes on about them (``Ils ont accès à votre nom ...``)."""
        starts = sorted((span.start_char, i) for i, span in enumerate(spans) if span.label_ == "RECIPIENT")
        done: set[tuple[int, int]] = set()
        for match in RECIPIENT_REFERENCE.finditer(text):
            here = layout.sentence_at(match.start())
            before = self._sentence_before(layout, text, here[0])
            if here in done or before is None or here[0] - before[0] > self.s.reference_chars:
                continue
            done.add(here)
            block = layout.list_at(before[0])
            first, last = (block.start, block.end) if block is not None else before
            parties = [i for _, i in starts[bisect_left(starts, (first, -1)) : bisect_left(starts, (last, -1))]]
            data = list(members.get(here, ((), ()))[0])
            after = layout.sentence_at(here[1])
            if after != here and PRONOUN.match(text[after[0] : after[1]].lstrip()):
                data += members.get(after, ((), ()))[0]
            yield from product(data, parties)

    @staticmethod
    def _sentence_before(layout, text: str, start: int) -> tuple[int, int] | None:
        """The sentence that ends last before ``start`` with words in it."""
        p = start - 1
        while p >= 0 and text[p].isspace():
            p -= 1
        return layout.sentence_at(p) if p >= 0 else None

    def _antecedent(self, layout, data_starts, before: tuple[int, int], data_before, start: int) -> list[int]:
        """The data a back-reference at ``start`` points to: those of the sentence ``before`` it (the
        nearest above that names data), or of the whole list that sentence is an item of; none when
        that sentence names none, stands in another section or starts more than ``reference_chars``
        above."""
        if not data_before or start - before[0] > self.s.reference_chars:
            return []
        here, there = layout.sections_at(start), layout.sections_at(before[0])
        if (here[-1].index if here else -1) != (there[-1].index if there else -1):
            return []
        block = layout.list_at(before[0])
        if block is not None and block.start >= start - self.s.reference_chars:
            first, last = bisect_left(data_starts, (block.start, -1)), bisect_left(data_starts, (block.end + 1, -1))
            return [j for _, j in data_starts[first:last]]
        return list(data_before)

    # --- safeguards -----------------------------------------------------------------------------

    def safeguards(self, doc: Doc, spans: list[Span]) -> None:
        """``span._.safeguard`` of each ``RECIPIENT`` of a transfer (a country outside the EEA, or a
        sentence that speaks of a transfer outside it): the first safeguard named in its sentence,
        else in its list or table row, else in its paragraph, else in its section (each up to
        ``safeguard_chars``)."""
        layout = doc._.layout
        text = layout.text
        mentions = sorted((m.start(), m.end(), value) for value, pattern in SAFEGUARDS for m in pattern.finditer(text))
        if not mentions:
            return
        for span in spans:
            if span.label_ != "RECIPIENT":
                continue
            sentence = layout.sentence_at(span.start_char)
            country = span._.country
            if not ((country is not None and country not in EEA) or TRANSFER.search(text[sentence[0]:sentence[1]])):
                continue
            found = self._safeguard_in(text, mentions, *sentence)
            if found is None:
                block, row = layout.list_at(span.start_char), layout.row_at(span.start_char)
                if row:
                    found = self._safeguard_in(text, mentions, row[0].start, row[-1].end)
                elif block is not None:
                    found = self._safeguard_in(text, mentions, block.start, block.end)
            line = layout.line_at(span.start_char)
            if found is None and line.end - line.start <= self.s.safeguard_chars:
                found = self._safeguard_in(text, mentions, line.start, line.end)  # its paragraph
            if found is None:
                chain = layout.sections_at(span.start_char)
                if chain and chain[-1].end - chain[-1].start <= self.s.safeguard_chars:
                    found = self._safeguard_in(text, mentions, chain[-1].start, chain[-1].end)
            if found is not None:
                span._.safeguard = found

    def _safeguard_in(self, text: str, mentions, start: int, end: int) -> Safeguard | None:
        for m_start, m_end, value in mentions:
            if m_start < start:
                continue
            if m_end > end:
                break
            if value == "consent" and not TRANSFER.search(text[max(start, m_start - 200) : min(end, m_end + 200)]):
                continue  # explicit consent to something else than the transfer
            return Safeguard(value=value, start=m_start, end=m_end)
        return None
