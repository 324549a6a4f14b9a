"""Registers ``privacy_data_categories`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components.data_categories.component import DataCategories


@Language.factory(
    "privacy_data_categories",
    assigns=["doc.spans", "span._.category"],
    default_config={"lexicon": "", "list_window": 8},
    default_score_weights={"data_f": 1.0},
)
def make_data_categories(nlp: Language, name: str, lexicon: str, list_window: int) -> DataCategories:
    return DataCategories(nlp, name, lexicon=lexicon, list_window=list_window)
