"""Registers ``privacy_purposes`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from pipeline.components import scorer_config, settings_config, with_settings
from pipeline.components.purposes.component import Purposes
from pipeline.config import PurposesSettings


@Language.factory(
    "privacy_purposes",
    assigns=["doc.spans", "span._.category"],
    requires=["doc._.layout", "token.dep", "token.pos", "token.morph"],
    default_config=settings_config(PurposesSettings, scorer=scorer_config("PURPOSE")),
    default_score_weights={"purpose_f": 1.0},
)
@with_settings(PurposesSettings)
def make_purposes(nlp: Language, name: str, scorer: Optional[Callable], **settings) -> Purposes:
    return Purposes(nlp, name, settings=PurposesSettings(**settings), scorer=scorer)
