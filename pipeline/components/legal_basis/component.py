"""``privacy_legal_basis``: the legal grounds of processing as ``LEGAL_BASIS`` spans with a GDPR value."""

from __future__ import annotations

import re

from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from pipeline.components import SPAN_KEY
from pipeline.components.legal_basis import patterns as P
from pipeline.components.legal_basis.models import LegalBasis
from pipeline.config import LegalBasisSettings
from pipeline.layout import Layout, Line

FLAGS = re.IGNORECASE
GROUND = re.compile(P.ground(), FLAGS)
AGREEMENT = re.compile(r"(?<![\w])" + P.agreement(), FLAGS)
CUE = re.compile(P.cue(), FLAGS)
CONSENT_CUE = re.compile(P.consent_cue(), FLAGS)
LABEL_LINE = re.compile(P.label_line(), FLAGS)
SECTION = re.compile(P.section_heading(), FLAGS)
EXCLUDED = re.compile(P.excluded_context(), FLAGS)
SENSITIVE = re.compile(P.sensitive_context(), FLAGS)
ITEM_LEAD = re.compile(r"^[\s\W\d]*(?:[a-z]\)\s*)?(?:(?:la|le|l['’]|les|une?|votre|notre|nos|vos)\s+)?", FLAGS)


def value_of(text: str, sentence: str = "") -> str | None:
    """The GDPR value of a ``LEGAL_BASIS`` span found by another source (a trained model), read from
    its words as this component reads a ground (``sentence``: its sentence, for Art. 9 contexts);
    ``None`` when its words name no ground."""
    for rx in (GROUND, AGREEMENT):
        m = rx.search(text)
        if m:
            return P.value(m.groupdict(), bool(SENSITIVE.search(sentence or text)))
    return None


class LegalBases:
    """Mark the legal grounds a notice gives for a processing (``LEGAL_BASIS``) with their GDPR value.

    A ground (``consentement``, ``exécution du contrat``, ``obligation légale``, ``intérêt légitime``,
    ``mission d’intérêt public``, ``intérêts vitaux``, an Art. 6 or 9 citation) counts where the text
    states it as the ground of a processing: after a cue (``sur la base de``, ``fondé sur``,
    ``nécessaire à``...), on a label line (``Base légale : ...``), as a short item or cell under a
    heading or header of legal bases, or, for consent, as the condition of a processing (``avec
    votre accord``). Wordings of the rights section (``retirer votre consentement``) and negated
    grounds (``sans votre consentement``, ``exemptés de consentement``) are left out.
    """

    def __init__(
        self, nlp: Language, name: str, *, settings: LegalBasisSettings | None = None, scorer: Callable | None = None
    ) -> None:
        self.name = name
        self.s = settings or LegalBasisSettings()
        self.scorer = scorer

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return self.scorer(examples) if self.scorer is not None else {}

    def __call__(self, doc: Doc) -> Doc:
        layout: Layout = doc._.layout
        text = layout.text
        spans = []
        for match, groups in self._grounds(text, self.s.consent_cue_chars):
            start, end = match
            if not self._stated_as_ground(layout, start, end, groups):
                continue
            sentence = text[slice(*layout.sentence_range(start, end))]
            found = P.value(groups, bool(SENSITIVE.search(sentence)))
            span = doc.char_span(start, end, label="LEGAL_BASIS", alignment_mode="expand")
            if found is None or span is None:
                continue
            span._.legal_basis = LegalBasis(value=found)
            spans.append(span)
        if spans:
            doc.spans[SPAN_KEY] = list(doc.spans.get(SPAN_KEY, [])) + spans
        return doc

    @staticmethod
    def _grounds(text: str, cue_chars: int):
        """Every ground named in the text, with its groups; ``accord`` only after a consent cue."""
        for m in GROUND.finditer(text):
            yield (m.start(), m.end()), m.groupdict()
        for m in AGREEMENT.finditer(text):
            if CONSENT_CUE.search(text[max(0, m.start() - cue_chars) : m.start()]):
                yield (m.start(), m.end()), m.groupdict()

    def _section_heading(self, line: Line) -> bool:
        """A heading or header of legal bases: ``Base légale``, ``Sur quelle base ...``."""
        text = line.text
        return len(text.strip()) <= self.s.item_max_chars and bool(SECTION.search(text)) and not LABEL_LINE.search(text)

    def _under_section(self, layout: Layout, start: int) -> bool:
        """The line of ``start`` is no such heading and one stands within ``section_window`` lines above."""
        return not self._section_heading(layout.line_at(start)) and (
            layout.above(start, self._section_heading, self.s.section_window) is not None
        )

    def _stated_as_ground(self, layout: Layout, start: int, end: int, groups: dict) -> bool:
        text = layout.text
        line = layout.line_at(start)
        line_start, line_end = line.start, layout.line_at(end).end
        sent_start, sent_end = layout.sentence_range(start, end)
        around = text[max(sent_start, start - self.s.context_before) : min(sent_end, end + self.s.context_after)]
        if EXCLUDED.search(around):
            return False
        before = text[max(line_start, start - self.s.cue_chars) : start]
        if groups.get("agreement"):
            return True  # found after a consent cue
        if LABEL_LINE.search(text[line_start:start]) and not re.search(r"[.;]\s", text[line_start:start]):
            return True
        if CUE.search(before):
            return True
        if (groups.get("consent") or groups.get("article")) and CONSENT_CUE.search(before):
            return True
        line_text = text[line_start:line_end]
        lead = ITEM_LEAD.match(line_text)
        short_item = (len(line_text.strip()) <= self.s.item_max_chars
                      and start - line_start <= (lead.end() if lead else 0) + self.s.item_lead_slack)
        return short_item and self._under_section(layout, start)
