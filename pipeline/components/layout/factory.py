"""``privacy_layout``: the clean text's line breaks are sentence starts."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components  # noqa: F401  (span extensions)


class Layout:
    """Mark the token after a line break as a sentence start.

    The cleaner puts each heading, list item and table cell on a line of its
    own; placed before the parser, this stops a sentence from running over
    ``Données d’identification :\\nvotre nom`` into the next item.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        after_break = True
        for token in doc:
            if token.is_space and "\n" in token.text:
                after_break = True
                continue
            if after_break and not token.is_space:
                token.is_sent_start = True
                after_break = False
        return doc


@Language.factory("privacy_layout", assigns=["token.is_sent_start"], default_config={})
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(nlp, name)
