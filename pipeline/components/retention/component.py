"""``privacy_retention``: retention periods as ``DURATION`` spans with a normalised value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components import SPAN_KEY
from pipeline.components.retention import patterns as P
from pipeline.components.retention.models import RetentionPeriod
from pipeline.components.syntax import text_of, lines_above, sentence_around

FLAGS = re.IGNORECASE

NUMERIC = re.compile(
    rf"(?:(?P<maxq>{P.max_before()})|(?P<minq>{P.min_before()})|(?P<exq>{P.exact_before()})|(?P<maxv>{P.max_verb_before()}))?"
    rf"(?:{P.range_()}|(?P<amount>{P.amount()}))"
    rf"(?:(?P<maxp>{P.max_after()})|(?P<minp>{P.min_after()}))?"
    rf"(?:{P.after_event()})?",
    FLAGS,
)
EVENT_BOUND = [(name, re.compile(rx, FLAGS)) for name, rx in P.event_bound()]
ONE_AMOUNT = re.compile(rf"(?P<n>{P.number()})\s*(?P<u>{P.unit()})", FLAGS)
HALF = re.compile(r"et\s+demie?\s*$", FLAGS)
CUE = re.compile(P.retention_cue(), FLAGS)
HEADING = re.compile(P.retention_heading())
FALSE_BEFORE = re.compile(P.false_positive_before(), FLAGS)
FALSE_AFTER = re.compile(P.false_positive_after(), FLAGS)
TIME_LEAD = re.compile(P.for_the_time_of_lead(), FLAGS)
NOT_EVENT = re.compile(P.not_an_event_of_time(), FLAGS)
CAPPED = re.compile(P.capped_lead(), FLAGS)
DELETION = re.compile(P.deletion_before(), FLAGS)
CHOICE = re.compile(P.choice_kept(), FLAGS)
OPENS_FIELD = re.compile(P.opens_field(), FLAGS)
ALTERNATIVE = re.compile(r"\s*(?:ou|\+|,\s*ou)\s*", FLAGS)  # ``3 ans ou jusqu’à ...``: both or neither
DETERMINER = re.compile(r"^(?:la|le|les|l['’]|du|des|de\s+la|de\s+l['’])\s*", FLAGS)


@dataclass
class Candidate:
    start: int
    end: int
    period: RetentionPeriod
    numeric: bool
    starts_line: bool = False  # a table cell or list item of its own


def iso(amount: str) -> str | None:
    """``3 ans et 6 mois`` -> ``P3Y6M``; ``un an et demi`` -> ``P18M``; ``2 min 30 s`` -> ``PT2M30S``."""
    parts: dict[str, int] = {}
    last = None
    for match in ONE_AMOUNT.finditer(amount):
        value = P.parse_number(match.group("n"))
        unit_word = re.sub(r"\s+.*", "", match.group("u").strip().lower())
        code = P.UNITS.get(unit_word)
        if value is None or code is None:
            return None
        parts[code] = parts.get(code, 0) + value
        last = code
    if not parts:
        return None
    if HALF.search(amount):
        if last == "Y":
            parts["M"] = parts.get("M", 0) + 12 * parts.pop("Y") + 6
        elif last == "M":
            parts["D"] = parts.get("D", 0) + 15
        elif last == "D":
            parts["H"] = parts.get("H", 0) + 12
        elif last == "H":
            parts["MIN"] = parts.get("MIN", 0) + 30
    date = "".join(f"{parts[c]}{c}" for c in ("Y", "M", "W", "D") if c in parts)
    time = "".join(f"{parts[c]}{c[0]}" for c in ("H", "MIN", "S") if c in parts)
    return "P" + date + ("T" + time if time else "")


def _after(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(DETERMINER.sub("", text.strip()).split())
    return text or None


def numeric_candidates(text: str) -> list[Candidate]:
    """Every amount of time in the text, with its qualifiers and starting event."""
    out = []
    for m in NUMERIC.finditer(text):
        first = "amount" if m.group("amount") else "upper"
        # ``une durée de`` and capping verbs (``n’excède pas``) stay out of the span
        start = m.start(first) if (m.group("exq") or m.group("maxv")) else m.start()
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end("amount") if m.group("amount") else m.end("upper") :][:30]
        if FALSE_BEFORE.search(before) or FALSE_AFTER.search(after):
            continue
        amount = m.group("amount") or m.group("upper")
        value = iso(amount)
        if value is None:
            continue
        if m.group("maxq") or m.group("maxv") or m.group("maxp") or m.group("upper"):
            bound = "max"
        elif m.group("minq") or m.group("minp"):
            bound = "min"
        else:
            bound = "exact"
        out.append(Candidate(start, m.end(), RetentionPeriod(iso=value, bound=bound, after=_after(m.group("event"))), True))
    return out


def event_candidates(text: str) -> list[Candidate]:
    """Every period bound to an event: ``tant que ...``, ``jusqu’à ...``, ``pendant la durée de ...``."""
    out = []
    for name, rx in EVENT_BOUND:
        for m in rx.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            lead = text[max(line_start, m.start() - 30) : m.start()]
            bound = "exact"
            if name == "for_the_time_of":
                if not TIME_LEAD.search(lead) or NOT_EVENT.search(m.group("event")):
                    continue
                if CAPPED.search(lead):
                    bound = "max"
            if name == "when" and not DELETION.search(text[max(line_start, m.start() - 60) : m.start()]):
                continue
            period = RetentionPeriod(iso=None, bound=bound, after=_after(m.group("event")))
            out.append(Candidate(m.start(), m.end(), period, False, bool(OPENS_FIELD.search(text[line_start : m.start()]))))
    return out


class Retention:
    """Mark retention periods (``DURATION``) and attach a :class:`RetentionPeriod` to each.

    A period counts when its sentence speaks of keeping data (``conserver``,
    ``supprimer``, ``durée de conservation``...) or, for a length or a
    period that opens its own line (a table cell), when a retention heading
    or table header stands a few lines above it. A consent choice kept for a
    time is not retention.
    """

    def __init__(self, nlp: Language, name: str, *, heading_window: int = 40, heading_max_chars: int = 80) -> None:
        self.name = name
        self.heading_window = heading_window
        self.heading_max_chars = heading_max_chars

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        candidates = sorted(
            numeric_candidates(text) + event_candidates(text), key=lambda c: (c.start, -(c.end - c.start), not c.numeric)
        )
        spans: list[Span] = []
        taken_end = -1
        for cand in candidates:
            if cand.start < taken_end:
                continue
            span = doc.char_span(cand.start, cand.end, label="DURATION", alignment_mode="expand")
            if span is None:
                continue
            alternative = spans and ALTERNATIVE.fullmatch(text[spans[-1].end_char : span.start_char])
            if not alternative and not self._about_retention(doc, span, cand):
                continue
            span._.retention = cand.period
            spans.append(span)
            taken_end = cand.end
        if spans:
            doc.spans[SPAN_KEY] = list(doc.spans.get(SPAN_KEY, [])) + spans
        return doc

    def _about_retention(self, doc: Doc, span: Span, cand: Candidate) -> bool:
        sentence = sentence_around(text_of(doc), span.start_char, span.end_char)
        if CHOICE.search(sentence):
            return False
        if CUE.search(sentence):
            return True
        return (cand.numeric or cand.starts_line) and self._under_retention_heading(text_of(doc), span.start_char)

    def _under_retention_heading(self, text: str, offset: int) -> bool:
        lines = lines_above(text, offset, self.heading_window, 4000)
        return any(len(line) <= self.heading_max_chars and HEADING.search(line) for line in lines if line.strip())
