"""This project's spaCy components, one folder each.

Every extractor writes its spans into ``doc.spans[SPAN_KEY]`` with their
label (the key is spaCy's default span key, ``"sc"``, the one
``displacy.render(doc, style="span")`` reads when no ``spans_key`` option is
given); normalised values go on span extensions registered here. Each
factory takes its windows and thresholds as typed keyword arguments (the
fields of its settings model in ``pipeline.config``, set from the
``components:`` section of ``params.yaml`` at build time), and each
component scores its label with spaCy's scorer (``nlp.evaluate``).
"""

from __future__ import annotations

import inspect
from functools import partial
from typing import Any, Callable, Iterable

from pydantic import BaseModel
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

SPAN_KEY = "sc"

for _name in ("category", "retention", "legal_basis"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def with_settings(settings: type[BaseModel]) -> Callable[[Callable], Callable]:
    """Give a factory ``make(nlp, name, ..., **values)`` one typed keyword argument per field of
    ``settings`` (what spaCy's config reads and checks), and the defaults to put in its
    ``default_config``: ``settings_config(settings)``."""

    def decorate(make: Callable) -> Callable:
        own = [p for p in inspect.signature(make).parameters.values() if p.kind is not p.VAR_KEYWORD]
        fields = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=field.default, annotation=field.annotation)
            for name, field in settings.model_fields.items()
        ]
        make.__signature__ = inspect.Signature([*own, *fields])
        make.__annotations__ = {**make.__annotations__, **{p.name: p.annotation for p in fields}}
        return make

    return decorate


def settings_config(settings: type[BaseModel], **more: Any) -> dict:
    """A factory's ``default_config``: the defaults of ``settings``, and ``more``."""
    return {**settings().model_dump(), **more}


def label_spans(doc: Doc, label: str) -> list[Span]:
    return [span for span in doc.spans.get(SPAN_KEY, []) if span.label_ == label]


def score_label(examples: Iterable[Example], label: str, **kwargs: Any) -> dict[str, Any]:
    """Precision, recall and F-score of the ``label`` spans of ``doc.spans[SPAN_KEY]`` against the
    reference docs' (``label.lower()`` + ``_p``, ``_r``, ``_f``, as ``Scorer.score_spans`` names them)."""
    return Scorer.score_spans(
        examples,
        label.lower(),
        getter=lambda doc, attr: label_spans(doc, label),
        has_annotation=lambda doc: SPAN_KEY in doc.spans,
    )


@registry.scorers("privacy.label_scorer.v1")
def make_label_scorer(label: str) -> Callable[..., dict[str, Any]]:
    """The scorer of one label's spans (``privacy_retention`` scores ``DURATION``: ``duration_f``)."""
    return partial(score_label, label=label)


def scorer_config(label: str) -> dict:
    return {"@scorers": "privacy.label_scorer.v1", "label": label}


def _by_label(name: str):
    """A getter and setter keeping a span attribute by offsets *and label*: spaCy keeps an extension
    value by offsets only, and spans of two labels may share their offsets (``exécution du contrat``
    as a purpose and as a legal basis), each with its own origin and score."""

    def get(span: Span):
        return span.doc.user_data.get(("privex", name, span.start_char, span.end_char, span.label_))

    def set_(span: Span, value) -> None:
        span.doc.user_data[("privex", name, span.start_char, span.end_char, span.label_)] = value

    return get, set_


# origin (``rule``, ``model``, ``both``) and score: set by ``privacy_combine`` (pipeline/components/combine);
# country (ISO 3166-1 alpha-2, of a ``RECIPIENT``): set by ``privacy_countries`` (pipeline/components/countries);
# safeguard (a ``Safeguard`` of a ``RECIPIENT`` of a transfer): set by ``privacy_practices`` (pipeline/components/practices)
for _name in ("origin", "score", "country", "safeguard"):
    if not Span.has_extension(_name):
        _get, _set = _by_label(_name)
        Span.set_extension(_name, getter=_get, setter=_set)
