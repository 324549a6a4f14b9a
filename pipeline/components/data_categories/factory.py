"""Registers ``privacy_data_categories`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from pipeline.components import scorer_config, settings_config, with_settings
from pipeline.components.data_categories.component import DataCategories
from pipeline.config import DataSettings


@Language.factory(
    "privacy_data_categories",
    assigns=["doc.spans", "span._.category"],
    requires=["doc._.layout", "token.dep", "token.pos", "token.lemma"],
    default_config=settings_config(DataSettings, scorer=scorer_config("DATA")),
    default_score_weights={"data_f": 1.0},
)
@with_settings(DataSettings)
def make_data_categories(nlp: Language, name: str, scorer: Optional[Callable], **settings) -> DataCategories:
    return DataCategories(nlp, name, settings=DataSettings(**settings), scorer=scorer)
