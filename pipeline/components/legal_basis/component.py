"""``privacy_legal_basis``: the legal grounds of processing as ``LEGAL_BASIS`` spans with a GDPR value."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components import SPAN_KEY
from pipeline.components.legal_basis import patterns as P
from pipeline.components.legal_basis.models import LegalBasis
from pipeline.components.syntax import sentence_bounds, text_of

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
        self, nlp: Language, name: str, *, section_window: int = 30, item_max_chars: int = 90, cue_chars: int = 60
    ) -> None:
        self.name = name
        self.section_window = section_window
        self.item_max_chars = item_max_chars
        self.cue_chars = cue_chars

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        sections = self._section_lines(text)
        spans = []
        for match, groups in self._grounds(text):
            start, end = match
            if not self._stated_as_ground(text, start, end, groups, sections):
                continue
            sentence = text[slice(*sentence_bounds(text, start, end))]
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
    def _grounds(text: str):
        """Every ground named in the text, with its groups; ``accord`` only after a consent cue."""
        for m in GROUND.finditer(text):
            yield (m.start(), m.end()), m.groupdict()
        for m in AGREEMENT.finditer(text):
            if CONSENT_CUE.search(text[max(0, m.start() - 60) : m.start()]):
                yield (m.start(), m.end()), m.groupdict()

    def _section_lines(self, text: str) -> set[int]:
        """Start offsets of the lines that follow a heading or header of legal bases, within the window."""
        starts: set[int] = set()
        left = 0
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        for k, start in enumerate(line_starts):
            end = line_starts[k + 1] - 1 if k + 1 < len(line_starts) else len(text)
            line = text[start:end]
            if len(line.strip()) <= self.item_max_chars and SECTION.search(line) and not LABEL_LINE.search(line):
                left = self.section_window
                continue
            if left:
                starts.add(start)
                left -= 1
        return starts

    def _stated_as_ground(self, text: str, start: int, end: int, groups: dict, sections: set[int]) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        sent_start, sent_end = sentence_bounds(text, start, end)
        around = text[max(sent_start, start - 80) : min(sent_end, end + 40)]
        if EXCLUDED.search(around):
            return False
        before = text[max(line_start, start - self.cue_chars) : start]
        if groups.get("agreement"):
            return True  # found after a consent cue
        if LABEL_LINE.search(text[line_start:start]) and not re.search(r"[.;]\s", text[line_start:start]):
            return True
        if CUE.search(before):
            return True
        if (groups.get("consent") or groups.get("article")) and CONSENT_CUE.search(before):
            return True
        line = text[line_start:line_end]
        lead = ITEM_LEAD.match(line)
        short_item = len(line.strip()) <= self.item_max_chars and start - line_start <= (lead.end() if lead else 0) + 2
        return short_item and line_start in sections
