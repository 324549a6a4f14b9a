"""``privacy_layout``: the doc's layout (``doc._.layout``), its sentences given to the parser."""

from __future__ import annotations

from bisect import bisect_left
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.components  # noqa: F401  (span extensions)
from pipeline.clean import CleanLine
from pipeline.layout import STRUCTURE_KEY, Layout

_LAYOUTS: "WeakKeyDictionary[Doc, Layout]" = WeakKeyDictionary()


def layout_of(doc: Doc) -> Layout:
    """``doc._.layout``: the one ``privacy_layout`` made, else one made now from the doc's text (and
    the cleaner's lines when the doc carries them), kept for the doc's life."""
    layout = _LAYOUTS.get(doc)
    if layout is None:
        layout = _LAYOUTS[doc] = make(doc)
    return layout


def make(doc: Doc) -> Layout:
    lines = doc.user_data.get(STRUCTURE_KEY)
    return Layout(doc.text, [CleanLine(*values) for values in lines] if lines is not None else None)


if not Doc.has_extension("layout"):
    Doc.set_extension("layout", getter=layout_of)


class PrivacyLayout:
    """Work out each doc's layout once and tell the parser where its sentences start.

    Placed before the parser: a heading, a list item and a table cell are lines of their own, and
    ``Données d’identification :\\nvotre nom`` is two sentences, not one. ``doc.sents`` gives the
    layout's sentences (``doc.user_hooks["sents"]``): the parser may cut one further (it splits
    inside names such as ``Isabel NV/SA``), never across two.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        layout = _LAYOUTS[doc] = make(doc)
        starts = sentence_starts(doc, layout)
        for i in starts:
            doc[i].is_sent_start = True
        bounds = [*starts, len(doc)]
        doc.user_hooks["sents"] = lambda d: (Span(d, a, b) for a, b in zip(bounds, bounds[1:]) if b > a)
        return doc


def sentence_starts(doc: Doc, layout: Layout) -> list[int]:
    """The first token of each sentence of the layout that holds one (white space left out)."""
    idx = [token.idx for token in doc]
    starts: list[int] = [0] if len(doc) else []
    for start, _ in layout.sentences.spans():
        i = bisect_left(idx, start)
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i < len(doc) and (not starts or i > starts[-1]):
            starts.append(i)
    return starts


@Language.factory("privacy_layout", assigns=["token.is_sent_start", "doc._.layout"], default_config={})
def make_layout(nlp: Language, name: str) -> PrivacyLayout:
    return PrivacyLayout(nlp, name)
