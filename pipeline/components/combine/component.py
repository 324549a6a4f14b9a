"""``privacy_combine``: the last component; merges the rules' spans and a trained model's spans.

The rule components have written their spans into ``doc.spans[SPAN_KEY]``. The trained entity
recognizer (``privacy_ner``, sourced by the build from ``models/privex-ner``) sits in the pipeline
disabled, like the base NER: this component runs it on a bare copy of the doc's tokens, so that
``doc.ents`` stays the base model's and a label whose policy is ``rules`` costs nothing (with every
label on ``rules`` the model never runs). Each label's spans are merged by its policy
(:mod:`.policy`), and every kept span gets:

- ``span._.origin``: ``rule``, ``model`` or ``both``;
- ``span._.score``: the precision measured on the dev notices for that label and origin
  (``combine.precision`` in ``params.yaml``): the greedy recognizer gives no probability;
- for a span the model found, the value the rules give such a span: ``DURATION`` through the
  retention normaliser, ``LEGAL_BASIS`` through the legal-basis component's reading of a ground
  (a model span naming no ground is dropped: it has no value), the ``category`` of ``DATA``,
  ``PURPOSE`` and ``RECIPIENT`` through their components.
"""

from __future__ import annotations

from typing import Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components import SPAN_KEY
from pipeline.components.combine.policy import ORIGINS, POLICIES, merge
from pipeline.components.legal_basis.component import value_of
from pipeline.components.legal_basis.models import LegalBasis
from pipeline.components.purposes.component import category as purpose_category
from pipeline.components.retention.normalise import normalise
from pipeline.layout import Layout
from pipeline.taxonomy import LABELS


class Combine:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        model: str,
        policies: Mapping[str, str],
        precision: Mapping[str, Mapping[str, float]],
        data_component: str = "privacy_data_categories",
        recipient_component: str = "privacy_recipients",
    ) -> None:
        unknown = {label: p for label, p in policies.items() if p not in POLICIES}
        if unknown:
            raise ValueError(f"{name}: unknown policy {unknown}; one of {', '.join(POLICIES)}")
        check_precision(precision)
        self.nlp = nlp
        self.name = name
        self.model = model
        self.policies = {label: policies.get(label, "rules") for label in LABELS}  # a label not named: rules
        self.precision = {label: dict(precision.get(label, {})) for label in LABELS}
        self.data_component = data_component
        self.recipient_component = recipient_component

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = self.combined(doc, self.policies)
        return doc

    def combined(self, doc: Doc, policies: Mapping[str, str], model: list[Span] | None = None) -> list[Span]:
        """The doc's rule spans (``doc.spans[SPAN_KEY]``) merged with the model's by ``policies``, each
        kept span with its origin, score and value; ``model``: the model spans when already found."""
        rules = list(doc.spans.get(SPAN_KEY, []))
        if model is None:
            model = self.model_spans(doc, {label for label, p in policies.items() if p != "rules"})
        by_bounds = {(s.start_char, s.end_char, s.label_): s for s in rules}
        from_rules = {id(s) for s in rules}
        layout = doc._.layout
        kept = [s for s in rules if s.label_ not in policies]  # a label not merged here stays as it is
        seen: set[tuple[int, int, str]] = set()
        for label, policy in policies.items():
            for span, origin in merge(
                [s for s in rules if s.label_ == label], [s for s in model if s.label_ == label], policy,
                lambda s: (s.start_char, s.end_char),
            ):
                key = (span.start_char, span.end_char, label)
                if id(span) not in from_rules:
                    if key in seen:  # a model span kept already, or a rule span with its bounds
                        continue
                    if key in by_bounds:
                        # the rules found the same bounds: the rule span, with its value (a span's
                        # extensions live by offsets and label: giving the model span a value would
                        # overwrite the rule span's)
                        span = by_bounds[key]
                    elif not self.assign_value(span, layout):
                        continue
                seen.add(key)
                span._.origin = origin
                span._.score = self.precision.get(label, {}).get(origin)
                kept.append(span)
        return kept

    def model_spans(self, doc: Doc, labels: set[str] | frozenset[str] = frozenset(LABELS)) -> list[Span]:
        """The trained model's spans of ``labels`` over the doc (no value yet); none when no label needs them."""
        if not labels or self.model not in self.nlp.component_names:
            return []
        bare = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        return [
            Span(doc, ent.start, ent.end, label=ent.label_)
            for ent in self.nlp.get_pipe(self.model)(bare).ents
            if ent.label_ in labels and ent.text.strip()
        ]

    def assign_value(self, span: Span, layout: Layout) -> bool:
        """Give a model span the value the rules would (its sentence from the doc's layout); False
        when it can have none."""
        label = span.label_
        text = layout.text
        left, right = layout.sentence_range(span.start_char, span.end_char)
        if label == "DURATION":
            span._.retention = normalise(
                span.text,
                before=text[max(left, span.start_char - 120) : span.start_char],
                following=text[span.end_char : min(right, span.end_char + 60)],
            )
        elif label == "LEGAL_BASIS":
            value = value_of(span.text, text[left:right])
            if value is None:
                return False
            span._.legal_basis = LegalBasis(value=value)
        elif label == "PURPOSE":
            span._.category = purpose_category(span.text)
        elif label == "DATA":
            span._.category = self._component(self.data_component).category_of(span)
        elif label == "RECIPIENT":
            span._.category = self._component(self.recipient_component).category_of(span)
        return True

    def _component(self, name: str):
        return self.nlp.get_pipe(name)


def check_precision(precision: Mapping[str, Mapping[str, float]]) -> None:
    for label, by_origin in precision.items():
        for origin in by_origin:
            if origin not in ORIGINS:
                raise ValueError(f"combine.precision.{label}: unknown origin {origin!r}; one of {', '.join(ORIGINS)}")
