"""Registers ``privacy_combine`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components.combine.component import Combine


@Language.factory(
    "privacy_combine",
    assigns=["doc.spans", "span._.origin", "span._.score"],
    default_config={"model": "privacy_ner", "policies": {}, "precision": {}},
)
def make_combine(nlp: Language, name: str, model: str, policies: dict, precision: dict) -> Combine:
    return Combine(nlp, name, model=model, policies=policies, precision=precision)
