"""Registers ``privacy_recipients`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components.recipients.component import Recipients


@Language.factory(
    "privacy_recipients",
    assigns=["doc.spans", "span._.category"],
    default_config={"lexicon": "", "heading_window": 25, "entities": "ner"},
    default_score_weights={"recipient_f": 1.0},
)
def make_recipients(nlp: Language, name: str, lexicon: str, heading_window: int, entities: str) -> Recipients:
    """``entities``: the NER pipe; when it is disabled, it runs on the sentences that share data only."""
    return Recipients(nlp, name, lexicon=lexicon, heading_window=heading_window, entities=entities)
