"""Registers ``privacy_sharing_entities`` (entry point in ``pyproject.toml``): the arguments of
spaCy's own ``ner`` factory, so that the build can give it the base model's NER with its weights."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language
from spacy.pipeline.ner import DEFAULT_NER_MODEL
from thinc.api import Model

from pipeline.components.sharing_entities.component import SharingEntities


@Language.factory(
    "privacy_sharing_entities",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["doc._.layout", "token.is_sent_start"],
    default_config={
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "model": DEFAULT_NER_MODEL,
        "incorrect_spans_key": None,
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_sharing_entities(
    nlp: Language,
    name: str,
    model: Model,
    moves: Optional[object],
    update_with_oracle_cut_size: int,
    incorrect_spans_key: Optional[str],
    scorer: Optional[Callable],
) -> SharingEntities:
    return SharingEntities(
        nlp.vocab,
        model,
        name,
        moves,
        update_with_oracle_cut_size=update_with_oracle_cut_size,
        incorrect_spans_key=incorrect_spans_key,
        scorer=scorer,
    )
