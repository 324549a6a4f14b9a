"""Registers ``privacy_countries`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components import settings_config, with_settings
from pipeline.components.countries.component import Countries
from pipeline.config import CountriesSettings


@Language.factory(
    "privacy_countries",
    assigns=["span._.country"],
    requires=["doc._.layout", "doc.spans"],
    default_config=settings_config(CountriesSettings),
)
@with_settings(CountriesSettings)
def make_countries(nlp: Language, name: str, **settings) -> Countries:
    return Countries(nlp, name, settings=CountriesSettings(**settings))
