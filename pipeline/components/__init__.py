"""This project's spaCy components, one folder each.

Every extractor writes its spans into ``doc.spans[SPAN_KEY]`` with their
label; normalised values go on span extensions registered here. The key is
spaCy's default span key, ``"sc"``, the one ``displacy.render(doc, style="span")``
reads when no ``spans_key`` option is given.
"""

from __future__ import annotations

from spacy.tokens import Span

SPAN_KEY = "sc"

for _name in ("category", "retention", "legal_basis"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _by_label(name: str):
    """A getter and setter keeping a span attribute by offsets *and label*: spaCy keeps an extension
    value by offsets only, and spans of two labels may share their offsets (``exécution du contrat``
    as a purpose and as a legal basis), each with its own origin and score."""

    def get(span: Span):
        return span.doc.user_data.get(("privex", name, span.start_char, span.end_char, span.label_))

    def set_(span: Span, value) -> None:
        span.doc.user_data[("privex", name, span.start_char, span.end_char, span.label_)] = value

    return get, set_


# origin (``rule``, ``model``, ``both``) and score: set by ``privacy_combine`` (pipeline/components/combine)
for _name in ("origin", "score"):
    if not Span.has_extension(_name):
        _get, _set = _by_label(_name)
        Span.set_extension(_name, getter=_get, setter=_set)
