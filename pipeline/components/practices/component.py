"""``privacy_practices``: links each ``DATA`` span to the ``PURPOSE``, ``LEGAL_BASIS``, ``DURATION`` and
``RECIPIENT`` spans that apply to it (``doc._.links``), and gives the recipients of a transfer outside
the European Economic Area the safeguard the notice names for it (``span._.safeguard``).

A link is what ``gold/README.md`` (Practice links) calls a statement: the spans of one unit of the
layout, each ``DATA`` span with each span of the other labels. The units, read from ``doc._.layout``:

- a sentence (up to ``sentence_chars``; a heading, a list item and a table cell are lines, so
  sentences of their own);
- a table row (its cells, the header row left out);
- a list whose lead-in holds a span (``Nous collectons, pour gérer votre commande, les données
  suivantes :`` and its items; ``Données d’identification :`` and the items under it), up to
  ``list_chars``; a list whose lead-in holds none links only within each item;
- a section whose heading holds a ``PURPOSE`` span (a heading naming one processing: ``Gestion de
  votre compte client``), up to ``section_chars``: the heading's purpose and every span inside;
- a sentence that points back to data (``ces données``, ``les données mentionnées ci-dessus``,
  ``Elles ...``: :data:`patterns.BACK_REFERENCE`) and has no data of its own: the data of the
  nearest sentence or list above that names some, in the same section, at most
  ``reference_chars`` above.

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
from pipeline.components.practices.patterns import BACK_REFERENCE, SAFEGUARDS, TRANSFER
from pipeline.config import PracticesSettings
from pipeline.taxonomy import EEA

if not Doc.has_extension("links"):
    # (DATA index, other index) pairs over ``doc.spans[SPAN_KEY]`` in its order, sorted; set by privacy_practices
    Doc.set_extension("links", default=None)


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
        purpose_headings = {layout.line_at(s.start_char).index for s in spans
                            if s.label_ == "PURPOSE" and layout.line_at(s.start_char).kind == "heading"}
        units: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        lists_with_lead_spans: set[int] = set()
        sentence_of: dict[int, tuple[int, int]] = {}
        for i, span in enumerate(spans):
            if span.label_ != "DATA" and span.label_ not in LINKED_LABELS:
                continue
            side = 0 if span.label_ == "DATA" else 1
            for key in self._units(layout, span, lead_ins, purpose_headings, lists_with_lead_spans, sentence_of, i):
                units[key][side].append(i)
        links: set[tuple[int, int]] = set()
        for key, (data, others) in list(units.items()):
            if key[0] == "list":
                if key[1] not in lists_with_lead_spans:
                    continue  # a list whose lead-in names nothing: its items are statements of their own
                if self._processings(layout, spans, key[1], data, others, links):
                    continue
            links.update(product(data, others))
        links.update(self._references(layout, text, spans, units, sentence_of))
        holders = self._holders(spans)
        return sorted(link for link in links if not self._apart(spans, holders, *link))

    @staticmethod
    def _processings(layout, spans: list[Span], block_index: int, data, others, links) -> bool:
        """A list whose items state purposes of their own (two or more items holding a ``PURPOSE``)
        is one processing per item: each item's spans with the lead-in's. Adds those links and says
        whether it did."""
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
        with_purpose = [k for k, (_, o) in by_item.items() if any(spans[i].label_ == "PURPOSE" for i in o)]
        if len(with_purpose) < 2:
            return False
        for item_data, item_others in by_item.values():
            links.update(product([*lead_data, *item_data], [*lead_others, *item_others]))
        return True

    @staticmethod
    def _holders(spans: list[Span]) -> dict[int, dict[str, Span]]:
        """For each DATA span inside a longer ``PURPOSE`` or ``DURATION`` span, that span by label
        (spans of one label never overlap: the nearest one starting before holds it, or none does)."""
        starts = {label: sorted((s.start_char, i) for i, s in enumerate(spans) if s.label_ == label)
                  for label in ("PURPOSE", "DURATION")}
        out: dict[int, dict[str, Span]] = {}
        for d, data in enumerate(spans):
            if data.label_ != "DATA":
                continue
            for label, found in starts.items():
                k = bisect_right(found, (data.start_char, len(spans))) - 1
                if k >= 0:
                    holder = spans[found[k][1]]
                    if data.end_char <= holder.end_char and holder.end_char - holder.start_char > len(data.text):
                        out.setdefault(d, {})[label] = holder
        return out

    @staticmethod
    def _apart(spans: list[Span], holders: dict[int, dict[str, Span]], d: int, o: int) -> bool:
        """A data span inside one of several purposes goes with that purpose, not its siblings; a
        data span inside a period names the event that ends it, not data kept."""
        held = holders.get(d)
        if not held:
            return False
        other = spans[o]
        if other.label_ == "DURATION":
            return "DURATION" in held and held["DURATION"].start_char == other.start_char
        if other.label_ == "PURPOSE" and "PURPOSE" in held:
            return (held["PURPOSE"].start_char, held["PURPOSE"].end_char) != (other.start_char, other.end_char)
        return False

    def _units(self, layout, span: Span, lead_ins, purpose_headings, lists_with_lead_spans, sentence_of, i) -> Iterable[tuple]:
        start = span.start_char
        sentence = layout.sentence_at(start)
        sentence_of[i] = sentence
        if sentence[1] - sentence[0] <= self.s.sentence_chars:
            yield ("sentence", sentence)
        line = layout.line_at(start)
        if line.table >= 0 and not line.header:
            yield ("row", line.table, line.row)
        block = layout.list_at(start)
        if block is None and line.index in lead_ins:
            block = lead_ins[line.index]
            lists_with_lead_spans.add(block.index)
        if block is not None and block.lead_in is not None and block.end - block.start <= self.s.list_chars:
            yield ("list", block.index)
        for section in reversed(layout.sections_at(start)):
            if section.heading.index in purpose_headings:
                if section.end - section.start <= self.s.section_chars:
                    yield ("section", section.index)
                break

    def _references(self, layout, text: str, spans: list[Span], units, sentence_of) -> set[tuple[int, int]]:
        """Links of the sentences that point back to data (``ces données``) and name none."""
        found: set[tuple[int, int]] = set()
        data_starts = sorted((span.start_char, i) for i, span in enumerate(spans) if span.label_ == "DATA")
        if not data_starts:
            return found
        data_in: dict[tuple[int, int], list[int]] = defaultdict(list)  # the data of each sentence, long ones included
        for _, i in data_starts:
            data_in[sentence_of[i]].append(i)
        for key, (data, others) in list(units.items()):
            if key[0] != "sentence" or data or not others:
                continue
            start, end = key[1]
            if not BACK_REFERENCE.search(text[start:end].strip()):
                continue
            antecedent = self._antecedent(layout, data_starts, start, data_in, sentence_of)
            found.update(product(antecedent, others))
        return found

    def _antecedent(self, layout, data_starts, start: int, data_in, sentence_of) -> list[int]:
        """The data a back-reference at ``start`` points to: those of the nearest list or sentence
        above that names data, in the same section, at most ``reference_chars`` above."""
        k = bisect_left(data_starts, (start, -1)) - 1
        if k < 0:
            return []
        char, i = data_starts[k]
        if start - char > self.s.reference_chars:
            return []
        here, there = layout.sections_at(start), layout.sections_at(char)
        if (here[-1].index if here else -1) != (there[-1].index if there else -1):
            return []
        block = layout.list_at(char)
        if block is not None:
            first, last = bisect_left(data_starts, (block.start, -1)), bisect_left(data_starts, (block.end + 1, -1))
            return [j for _, j in data_starts[first:last]]
        return data_in[sentence_of[i]]

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
