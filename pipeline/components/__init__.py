"""This project's spaCy components, one folder each.

Every extractor writes its spans into ``doc.spans[SPAN_KEY]`` with their
label; normalised values go on span extensions registered here.
"""

from __future__ import annotations

from spacy.tokens import Span

SPAN_KEY = "privacy"

for _name in ("category", "retention", "legal_basis"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
