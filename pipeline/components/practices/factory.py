"""Registers ``privacy_practices`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components import settings_config, with_settings
from pipeline.components.practices.component import Practices
from pipeline.config import PracticesSettings


@Language.factory(
    "privacy_practices",
    assigns=["doc._.links", "span._.safeguard"],
    requires=["doc._.layout", "doc.spans", "span._.country"],
    default_config=settings_config(PracticesSettings),
)
@with_settings(PracticesSettings)
def make_practices(nlp: Language, name: str, **settings) -> Practices:
    return Practices(nlp, name, settings=PracticesSettings(**settings))
