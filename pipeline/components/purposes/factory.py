"""Registers ``privacy_purposes`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components.purposes.component import Purposes


@Language.factory(
    "privacy_purposes",
    assigns=["doc.spans", "span._.category"],
    default_config={"list_window": 24, "max_chars": 160},
    default_score_weights={"purpose_f": 1.0},
)
def make_purposes(nlp: Language, name: str, list_window: int, max_chars: int) -> Purposes:
    return Purposes(nlp, name, list_window=list_window, max_chars=max_chars)
