"""Registers ``privacy_legal_basis`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from pipeline.components import scorer_config, settings_config, with_settings
from pipeline.components.legal_basis.component import LegalBases
from pipeline.config import LegalBasisSettings


@Language.factory(
    "privacy_legal_basis",
    assigns=["doc.spans", "span._.legal_basis"],
    requires=["doc._.layout"],
    default_config=settings_config(LegalBasisSettings, scorer=scorer_config("LEGAL_BASIS")),
    default_score_weights={"legal_basis_f": 1.0},
)
@with_settings(LegalBasisSettings)
def make_legal_basis(nlp: Language, name: str, scorer: Optional[Callable], **settings) -> LegalBases:
    return LegalBases(nlp, name, settings=LegalBasisSettings(**settings), scorer=scorer)
