"""Registers ``privacy_legal_basis`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components.legal_basis.component import LegalBases


@Language.factory(
    "privacy_legal_basis",
    assigns=["doc.spans", "span._.legal_basis"],
    default_config={"section_window": 30, "item_max_chars": 90, "cue_chars": 60},
    default_score_weights={"legal_basis_f": 1.0},
)
def make_legal_basis(nlp: Language, name: str, section_window: int, item_max_chars: int, cue_chars: int) -> LegalBases:
    return LegalBases(nlp, name, section_window=section_window, item_max_chars=item_max_chars, cue_chars=cue_chars)
