"""Registers ``privacy_recipients`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from pipeline.components import scorer_config, settings_config, with_settings
from pipeline.components.recipients.component import Recipients
from pipeline.config import RecipientsSettings


@Language.factory(
    "privacy_recipients",
    assigns=["doc.spans", "span._.category"],
    requires=["doc._.layout", "doc.ents", "token.dep", "token.pos", "token.lemma"],
    default_config=settings_config(RecipientsSettings, scorer=scorer_config("RECIPIENT")),
    default_score_weights={"recipient_f": 1.0},
)
@with_settings(RecipientsSettings)
def make_recipients(nlp: Language, name: str, scorer: Optional[Callable], **settings) -> Recipients:
    return Recipients(nlp, name, settings=RecipientsSettings(**settings), scorer=scorer)
