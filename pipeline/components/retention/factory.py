"""Registers ``privacy_retention`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from pipeline.components import scorer_config, settings_config, with_settings
from pipeline.components.retention.component import Retention
from pipeline.config import RetentionSettings


@Language.factory(
    "privacy_retention",
    assigns=["doc.spans", "span._.retention"],
    requires=["doc._.layout"],
    default_config=settings_config(RetentionSettings, scorer=scorer_config("DURATION")),
    default_score_weights={"duration_f": 1.0},
)
@with_settings(RetentionSettings)
def make_retention(nlp: Language, name: str, scorer: Optional[Callable], **settings) -> Retention:
    return Retention(nlp, name, settings=RetentionSettings(**settings), scorer=scorer)
