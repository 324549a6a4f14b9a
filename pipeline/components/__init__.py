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
