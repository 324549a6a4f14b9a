"""``privacy_retention``: retention periods as ``DURATION`` spans with a normalised value.

Where a period is, this module decides (patterns and context); what it says,
:func:`pipeline.components.retention.normalise.normalise` reads from the
span's words, as it will for a trained model's spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from pipeline.components import SPAN_KEY
from pipeline.components.retention import patterns as P
from pipeline.components.retention.normalise import normalise
from pipeline.config import RetentionSettings
from pipeline.layout import Layout, Line, Sentences

FLAGS = re.IGNORECASE
S = P.S

NUMERIC = re.compile(
    rf"(?:(?P<maxq>{P.max_before()})|(?P<minq>{P.min_before()})|(?P<lenq>{P.length_before()}))?"
    rf"(?:(?P<range>{P.range_start()})?(?P<amount>{P.amount()})|(?P<alt>{P.alternative_number()}))"
    rf"(?:{P.max_after()}|{P.min_after()})?"
    rf"(?:{P.after_event()})?",
    FLAGS,
)
UNIT_ANCHOR = re.compile(P.unit_anchor(), FLAGS)
WORD_START = re.compile(r"(?<![\w])[\w(]")
EVENT_BOUND = [(name, re.compile(rx, FLAGS)) for name, rx in P.event_bound()]
EVENT_START = re.compile(P.event_start(), FLAGS)
FOR_THE_TIME_HEAD = re.compile(P.for_the_time_head(), FLAGS)
CUE = re.compile(P.retention_cue(), FLAGS)
HEADING = re.compile(P.retention_heading())
HEADER_IN_LINE = re.compile(P.retention_header_in_line())
HEADER_ROW_END = re.compile(P.header_row_end())
BASIS_BEFORE = re.compile(P.legal_basis_cell_before())
FALSE_BEFORE = re.compile(P.false_positive_before(), FLAGS)
KEPT_UNTIL = re.compile(P.kept_until_deadline(), FLAGS)
RESTATED = re.compile(P.restated_before(), FLAGS)
FALSE_AFTER = re.compile(P.false_positive_after(), FLAGS)
CLOCK = re.compile(P.clock_time(), FLAGS)
DURATION_LEAD = re.compile(P.for_the_time_of_lead(), FLAGS)
FITTING = re.compile(P.fitting(), FLAGS)
TIME_LEAD = re.compile(P.time_lead(), FLAGS)
NOT_EVENT = re.compile(P.not_an_event_of_time(), FLAGS)
NAMES_THE_RULE = re.compile(P.names_the_rule(), FLAGS)
RELATIVE = re.compile(P.relative_clause(), FLAGS)
KEPT_IN_CLAUSE = re.compile(P.kept_in_the_clause(), FLAGS)
CITED = re.compile(P.limitation_cited(), FLAGS)
RIGHTS_HEADING = re.compile(P.rights_heading())
DEADLINE = re.compile(P.deadline_head() + "$", FLAGS)
DELETED_AFTER = re.compile(P.deleted_after(), FLAGS)
CAP_LEAD = re.compile(P.cap_lead(), FLAGS)
CONSENT_MEMORY = re.compile(P.consent_memory())
COOKIE_KINDS = re.compile(P.cookie_kind_definition())
UNIT_IN_HEADER = re.compile(P.unit_in_header(), FLAGS)
BARE_NUMBER_CELL = re.compile(P.bare_number_cell(), FLAGS)
CELL_ONLY = frozenset({"session_cell", "on_request"})  # periods that count only in a table under a retention header
# ``ou que ...``, ``ou résiliation ...``, ``ou bien lorsque ...``, ``et la durée ...``: only after another period
ALTERNATIVE_ONLY = frozenset({"or_that", "or_event", "or_when", "or_if", "added_delay", "and_period"})
AND_LEAD = re.compile(P.and_lead(), FLAGS)
ADDED = re.compile(P.added_join(), FLAGS)
EXTENDED = re.compile(P.extension_join(), FLAGS)
SHARED_LENGTH = re.compile(r"\s+ou\s+", FLAGS)
EVENT_LINK_HEAD = re.compile(P.event_link(), FLAGS)
UNTIL_HEAD = re.compile(r"jusqu['’]", FLAGS)
CRITERIA_LEAD_IN = re.compile(P.criteria_lead_in(), FLAGS)
CRITERIA_BEFORE = re.compile(P.criteria_before(), FLAGS)
NAMED_PERIOD = frozenset({"rule_period", "for_the_time_of", "and_period"})
OR_LEAD = re.compile(P.or_lead(), FLAGS)
RULE_LEAD = re.compile(P.rule_lead(), FLAGS)
KEEP_BEFORE = re.compile(P.keeping_verb_before(), FLAGS)
LONGER_EXTENDS = re.compile(P.longer_extends(), FLAGS)
PROCESSING_CUE = re.compile(P.processing_cue(), FLAGS)
NECESSITY = frozenset({"as_long_as", "capped_by_need", "longer_than_needed", "rule_period"})
# ``dans la mesure nécessaire pour ...`` said of processing is how far, not how long (a legal basis)
NOT_HOW_LONG = frozenset({"as_far_as_needed"})
DATA_PROCESSED = re.compile(P.data_processed(), FLAGS)
LABEL_BEFORE = re.compile(P.label_before())
THROUGHOUT_LEAD = re.compile(P.throughout_lead(), FLAGS)
PREPOSITION_LEAD = re.compile(P.preposition_lead(), FLAGS)
DELETION = re.compile(P.deletion_before(), FLAGS)
DELETION_NOUN = re.compile(P.deletion_noun_before(), FLAGS)
DELETION_AFTER = re.compile(P.deletion_after(), FLAGS)
CHOICE = re.compile(P.choice_kept(), FLAGS)
CHOICE_JUST_BEFORE = re.compile(P.choice_just_before(), FLAGS)
OPENS_FIELD = re.compile(P.opens_field(), FLAGS)
ALTERNATIVE = re.compile(P.alternative_join(), FLAGS)
OPEN_WORD = re.compile(P.open_line_end(), FLAGS)
WHOLE_LINE_TAIL = re.compile(r"[ \t.;:*]*(?:\n|$)")  # matched at a span's end: nothing else on its line


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # ``numeric`` or the name of an event pattern
    starts_line: bool = False  # a table cell or list item of its own
    restated: bool = False  # ``ce délai de 3 ans``: kept only if it repeats a period found before
    unit: str | None = None  # a bare number's unit, from its column's header (``Durée de vie (jours)``)

    @property
    def numeric(self) -> bool:
        return self.kind == "numeric"


class View:
    """What the component reads of a doc's layout: the text with the line breaks inside a sentence
    read as spaces (:func:`joined`, offsets unchanged), the lines of that view (a hard-wrapped
    sentence is one), and the sentences, read through those breaks."""

    def __init__(self, layout: Layout, settings: RetentionSettings) -> None:
        self.layout = layout
        self.s = settings
        self.lines = layout.text  # with every line break: headings, cells and lines
        self.text, soft = joined(layout, settings.open_word_chars)  # for sentences and patterns
        self.hard_breaks = [m.start() for m in re.finditer("\n", self.text)]
        self.sentences: Sentences = layout.sentences.reading_through(soft)
        self.headers_in_line = [m.start() for m in HEADER_IN_LINE.finditer(self.text)]

    def line_start(self, offset: int) -> int:
        """Where ``offset``'s line starts in the joined view."""
        k = bisect_right(self.hard_breaks, offset - 1)
        return self.hard_breaks[k - 1] + 1 if k else 0

    def own_line_start(self, offset: int) -> int:
        """Where ``offset``'s line starts in the text."""
        return self.layout.line_at(offset).start


def joined(layout: Layout, open_word_chars: int) -> tuple[str, list[int]]:
    """The text with the line breaks inside a sentence turned into spaces, offsets unchanged, and the
    offsets of those line breaks.

    A line that ends on a lowercase letter or a comma and a next line that starts lowercase are
    one sentence (``nous conserverons vos\\n\\ndonnées pendant 6 mois``), and so are a line that
    ends on a word that cannot end one (``pendant une durée de``) and a number after it. A line
    that ends a sentence, a heading or a table cell (the next starts with a capital) stays, and so
    does the last cell of a table before the text below it.
    """
    text = layout.text
    out = list(text)
    soft: list[int] = []
    lines = [line for line in layout.lines if not line.blank]
    for before, after in zip(lines, lines[1:]):
        if before.table != after.table:  # a table's cell and a line outside it (a note below): never one sentence
            continue
        start = before.start + len(before.text.rstrip(" \t"))
        end = after.start + len(after.text) - len(after.text.lstrip())
        prev, nxt = text[start - 1], text[end]
        lower_next = nxt.islower() or nxt == "("
        if (lower_next and (prev.islower() or prev in ",’'" or prev.isdigit())) or (
            nxt.isalnum() and OPEN_WORD.search(text, max(0, start - open_word_chars), start)
        ):
            out[start:end] = " " * (end - start)
            soft += [i for i in range(start, end) if text[i] == "\n"]
    return "".join(out), soft


def _before(view: View, offset: int, width: int) -> str:
    """Up to ``width`` characters before ``offset`` on its line (joined view); cut short, it starts
    with ``…``, so that a pattern anchored at ``^`` means the start of the line only."""
    text = view.text
    line_start = view.line_start(offset)
    if offset - width > line_start:
        return "…" + text[offset - width : offset]
    return text[line_start:offset]


def numeric_matches(view: View) -> list[re.Match[str]]:
    """What ``NUMERIC.finditer(text)`` finds, tried only at the words shortly before each unit of time.

    Every amount ends on a unit (``an``, ``mois``, ``24h``...), a plain word that a simple pattern
    finds fast; the full pattern, whose numbers in words make it slow to try at every position, is
    tried only at the starts of the words up to ``anchor_before`` characters before each unit, on
    its line, leftmost first, as ``finditer`` would.
    """
    text, anchor_before = view.text, view.s.anchor_before
    out: list[re.Match[str]] = []
    last_end = 0
    for unit in UNIT_ANCHOR.finditer(text):
        if unit.end() <= last_end:
            continue
        lo = max(last_end, view.line_start(unit.start()), unit.start() - anchor_before)
        for word in WORD_START.finditer(text, lo, unit.start()):
            if word.start() < last_end:
                continue
            m = NUMERIC.match(text, word.start())
            if m:
                out.append(m)
                last_end = m.end()
    return out


def numeric_candidates(view: View) -> list[Candidate]:
    """Every amount of time in the text, with its qualifiers and starting event,
    that is not a deadline, a frequency, an age, a time of day or another thing's length.

    Patterns read the :func:`joined` view; the text's own lines say whether a period opens its
    own line (a table cell)."""
    text, lines, s = view.text, view.lines, view.s
    out = []
    for m in numeric_matches(view):
        core = "alt" if m.group("alt") else "amount"
        if m.group("lenq") and not (m.group("maxq") or m.group("minq")):
            start = m.start("range") if m.group("range") else m.start(core)
        else:
            start = m.start()
        line_start = view.line_start(m.start())
        before = _before(view, m.start(), s.false_before_chars)
        restated = False
        if FALSE_BEFORE.search(before) and not KEPT_UNTIL.search(before):
            # ``dans les 72 heures, vos informations seront effacées``: the deadline of a deletion
            deleted_then = DEADLINE.search(before) and DELETED_AFTER.match(text, m.end(core))  # bounded by its pattern
            if not (deleted_then or RESTATED.search(before)):
                continue
            restated = not deleted_then
        if CITED.search(before) and not CUE.search(text, view.sentences.range(m.start(), m.end())[0], m.start()):
            continue  # ``le délai de prescription est de trois ans``: the law's period, not a keeping
        if FALSE_AFTER.match(text[m.end(core) : m.end(core) + s.false_after_chars]):
            continue
        if CLOCK.search(text, max(line_start, start - s.clock_chars), min(len(text), m.end(core) + s.clock_chars)):
            continue
        own_line = lines[view.own_line_start(start) : start]
        line_before = text[view.line_start(start) : start]
        starts_line = not own_line.strip(" \t*-•·>") or LABEL_BEFORE.match(line_before) is not None
        starts_line = starts_line or BASIS_BEFORE.search(line_before) is not None  # a flattened row
        out.append(Candidate(start, m.end(), "numeric", starts_line, restated))
    return out


def column_unit_candidates(view: View) -> list[Candidate]:
    """Bare numbers in a table column whose header is a retention header that names the unit:
    ``365`` and ``<1`` under ``Durée de vie (jours)``, ``13`` under ``Expiration (en mois)``."""
    layout = view.layout
    out = []
    for table in layout.tables:
        for header in table.header:
            unit = UNIT_IN_HEADER.search(header.text)
            if unit is None or HEADING.search(header.text) is None:
                continue
            code = P.UNIT_CODES[next(k for k, v in unit.groupdict().items() if v).removeprefix("unit_")]
            for cell in table.column(header.column):
                m = BARE_NUMBER_CELL.match(cell.text)
                if m:
                    start = cell.start + m.start("number")
                    out.append(Candidate(start, cell.start + m.end("number"), "column_unit", True, unit=code))
    return out


def event_matches(view: View) -> list[tuple[str, re.Match[str]]]:
    """What each ``EVENT_BOUND`` pattern's ``finditer`` finds, tried only where one of their first
    words stands (``tant``, ``jusqu``, ``durée``, ``dès``...): one fast pass over the text instead
    of one per pattern. ``Session`` cells are looked for in the text's own lines, where a cell is a line."""
    text, lines = view.text, view.lines
    out: list[tuple[str, re.Match[str]]] = []
    last_end = {name: 0 for name, _ in EVENT_BOUND}
    for key in EVENT_START.finditer(text):
        for name, rx in EVENT_BOUND:
            if key.start() < last_end[name]:
                continue
            m = rx.match(lines if name == "session_cell" else text, key.start())
            if m:
                out.append((name, m))
                last_end[name] = m.end()
    return out


def event_candidates(view: View) -> list[Candidate]:
    """Every period bound to an event: ``tant que ...``, ``jusqu’à ...``, ``pendant la durée de ...``,
    ``supprimées dès ...``, ``sans limitation de durée`` (read as :func:`numeric_candidates` reads)."""
    text, lines, s = view.text, view.lines, view.s
    out = []
    for name, m in event_matches(view):
        lead = _before(view, m.start(), s.lead_chars)
        if name == "for_the_time_of":
            event = FOR_THE_TIME_HEAD.sub("", m.group())
            lead_rx = TIME_LEAD if m.group()[:5].lower() == "temps" else DURATION_LEAD
            cell = not lead.strip(" \t*-•") and FITTING.search(m.group()) is not None  # ``Temps nécessaire à ...`` opening a cell
            if NOT_EVENT.search(event) or KEPT_IN_CLAUSE.search(m.group()):
                continue
            if not (lead_rx.search(lead) or cell):
                if not AND_LEAD.search(lead):
                    continue
                name = "and_period"  # ``la durée du contrat et la durée nécessaire à ...``: only after another period
            named = m.group() if RELATIVE.search(m.group()) is None else ""  # ``durée pendant laquelle ... est ouvert``
            if not PREPOSITION_LEAD.search(lead) and NAMES_THE_RULE.search(named + text[m.end() : m.end() + s.rule_name_chars]):
                continue  # ``la durée de vie des cookies est de ...`` names the rule
        elif name in ("when", "from_on"):
            deleted = DELETION if name == "when" else DELETION_NOUN
            opens_sentence = not _before(view, m.start(), s.opening_chars).strip(" \t*-•")
            if not deleted.search(_before(view, m.start(), s.deletion_chars)) and not (
                opens_sentence and DELETION_AFTER.match(text, m.end(), m.end() + s.deletion_after_chars)
            ):
                if not OR_LEAD.search(lead):
                    continue
                name = "or_when"  # ``conservées tant que ... ou bien lorsque ...``: an alternative only
        elif name == "capped_by_need" and not m.group()[:5].lower().startswith("durée") and not CAP_LEAD.search(lead):
            continue  # ``ce qui est nécessaire`` is a period after a cap only: ``au-delà de ce qui est nécessaire``
        elif name == "rule_period" and not RULE_LEAD.search(lead):
            continue
        elif name == "unlimited" and m.group().lower() == "indéfiniment" and not KEEP_BEFORE.search(lead):
            continue  # ``conservées indéfiniment``; not ``utiliser ces statistiques indéfiniment``
        elif name == "as_far_as_needed" and not KEEP_BEFORE.search(lead):
            continue  # ``conservées dans la mesure nécessaire``; alone, how far data are used (a legal basis)
        elif name == "longer" and not (KEEP_BEFORE.search(lead) or LONGER_EXTENDS.search(lead)):
            continue  # ``sont stockés plus longtemps``
        elif name == "throughout" and not THROUGHOUT_LEAD.search(lead):
            continue  # ``conservées durant toute l’utilisation des Services``
        own_line = lines[view.own_line_start(m.start()) : m.start()]
        starts_line = OPENS_FIELD.search(own_line) is not None or BASIS_BEFORE.search(own_line) is not None
        out.append(Candidate(m.start(), m.end(), name, starts_line))
    return out


class Retention:
    """Mark retention periods (``DURATION``) and attach a :class:`RetentionPeriod` to each,
    made by :func:`~pipeline.components.retention.normalise.normalise` from the span's words.

    A period counts when its sentence speaks of keeping data (``conserver``,
    ``supprimer``, ``durée de conservation``, a cookie's lifetime ...; a
    necessity rule may also be said of processing), when a retention header
    stands earlier on its line (a table flattened into text), or, for a
    period that opens its own line or field (a table cell, ``Label : 6
    mois``) or follows a legal basis on its line (a flattened row), when a
    retention heading or table header stands above it (within ``cell_window``
    lines; ``heading_window`` for a length in running text), or a header row
    flattened into a line that ends on ``Durée de conservation``.
    A consent or banner choice kept for a time, a cookie that keeps it and a
    general definition of kinds of cookies are not retention.
    """

    def __init__(
        self, nlp: Language, name: str, *, settings: RetentionSettings | None = None, scorer: Callable | None = None
    ) -> None:
        self.name = name
        self.s = settings or RetentionSettings()
        self.scorer = scorer

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return self.scorer(examples) if self.scorer is not None else {}

    def __call__(self, doc: Doc) -> Doc:
        s = self.s
        view = View(doc._.layout, s)
        text = view.text
        candidates = sorted(
            numeric_candidates(view) + event_candidates(view) + column_unit_candidates(view),
            key=lambda c: (c.start, -(c.end - c.start), not c.numeric),
        )
        spans: list[Span] = []
        taken_end = -1
        for cand in candidates:
            if cand.start < taken_end:
                continue
            span = doc.char_span(cand.start, cand.end, label="DURATION", alignment_mode="expand")
            if span is None:
                continue
            join = text[spans[-1].end_char : span.start_char] if spans else ""
            added = bool(spans) and ADDED.fullmatch(join) is not None
            if cand.kind == "until" and spans and UNTIL_HEAD.match(spans[-1].text) and EXTENDED.fullmatch(join):
                added = True  # ``jusqu’à la conclusion du litige et jusqu’à tout appel``: the second extends the first
            if spans and SHARED_LENGTH.fullmatch(join) and EVENT_LINK_HEAD.match(span.text) and spans[-1]._.retention.after:
                added = spans[-1]._.retention.iso is not None  # ``3 ans à compter de X ou après Y``: one length, two starting events
            alternative = spans and (added or ALTERNATIVE.fullmatch(join))
            if not alternative and not self._about_retention(view, span, cand):
                continue
            if added:  # ``durée du contrat + 2 ans``: one period, the added length its value
                first = spans.pop()
                span = doc.char_span(first.start_char, span.end_char, label="DURATION", alignment_mode="expand")
                alternative = None
            left, right = view.sentences.range(span.start_char, span.end_char)
            period = normalise(
                text[span.start_char : span.end_char],
                before=text[max(left, span.start_char - s.normalise_before) : span.start_char],
                following=text[span.end_char : min(right, span.end_char + s.normalise_after)],
                unit=cand.unit,
            )
            if cand.restated and not added and period.iso not in {s._.retention.iso for s in spans}:
                continue  # ``ce délai de 1 mois`` after a deadline of one month
            previous = spans[-1]._.retention if alternative else None
            if previous and period.bound == "exact" and (previous.iso is None) == (period.iso is None):
                # ``au maximum 10 ans après X, ou 10 ans après Y``, ``uniquement pendant la durée
                # nécessaire ..., ou tant que ...``: the qualifier holds for both alternatives
                period = period.model_copy(update={"bound": previous.bound})
            span._.retention = period
            spans.append(span)
            taken_end = span.end_char
        if spans:
            doc.spans[SPAN_KEY] = list(doc.spans.get(SPAN_KEY, [])) + spans
        return doc

    def _about_retention(self, view: View, span: Span, cand: Candidate) -> bool:
        text, s = view.text, self.s
        left, right = view.sentences.range(span.start_char, span.end_char)
        sentence = text[left : min(right, span.end_char + s.sentence_reach)]  # a table flattened into one line is long
        if cand.kind in ALTERNATIVE_ONLY:  # ``ou que sa session se termine``: only as the alternative of a period
            return False
        if CHOICE.search(sentence) or CHOICE_JUST_BEFORE.search(_before(view, span.start_char, s.choice_chars)):
            return False
        if not cand.numeric and COOKIE_KINDS.search(text, view.line_start(span.start_char), span.start_char):
            return False  # ``les cookies de session ... sont effacés lorsque ...``: a definition
        if cand.kind in NAMED_PERIOD and self._criterion(view, span.start_char):
            return False  # ``nous tenons compte de facteurs tels que : - délai de prescription ...``
        if cand.kind == "until" and self._in_rights_section(view.layout, span.start_char):
            return False  # ``vous pouvez nous demander d’arrêter de traiter ces données jusqu’à ce que ...``: a right
        whole_cell = cand.starts_line and WHOLE_LINE_TAIL.match(view.lines, span.end_char) is not None
        if whole_cell and CONSENT_MEMORY.search(self._row_before(view.layout, span.start_char)):
            return False  # a cookie that keeps the consent choice: how long a choice lasts
        if cand.kind == "column_unit":
            return True  # its column's header is a retention header
        if cand.kind in CELL_ONLY:
            return self._heading_above(view.layout, span.start_char, s.cell_window, s.heading_chars_per_line * s.cell_window)
        if CUE.search(sentence) or (cand.kind in NECESSITY and PROCESSING_CUE.search(sentence)):
            return True
        if not cand.numeric and cand.kind not in NOT_HOW_LONG and DATA_PROCESSED.search(sentence):
            return True  # ``nous traiterons vos données jusqu’à votre désabonnement``
        if cand.numeric and self._header_on_line(view, span.start_char):
            return True
        if cand.starts_line:
            return self._heading_above(view.layout, span.start_char, s.cell_window, s.heading_chars_per_line * s.cell_window) or (
                view.layout.above(span.start_char, self._header_row, s.cell_window, s.heading_chars_per_line * s.cell_window) is not None
            )
        if not (cand.numeric or cand.kind == "rule_period"):
            return False
        return self._heading_above(view.layout, span.start_char, s.heading_window, s.running_heading_chars)

    def _criterion(self, view: View, offset: int) -> bool:
        """The period at ``offset`` is named as a criterion of a length: in a list whose lead-in speaks of
        criteria, or after what a length varies with in its sentence."""
        block = view.layout.list_at(offset)
        if block is not None and block.lead_in is not None and offset >= block.items[0].start:
            if CRITERIA_LEAD_IN.search(block.lead_in.text) is not None:
                return True
        left, _ = view.sentences.range(offset, offset)
        return CRITERIA_BEFORE.search(view.text, left, offset) is not None

    def _in_rights_section(self, layout: Layout, offset: int) -> bool:
        """``offset`` stands under a heading of the person's rights (``Vos droits``, ``Droit à la
        limitation``) that does not speak of retention."""
        chain = layout.heading_chain(offset)
        return bool(chain) and RIGHTS_HEADING.search(chain[-1].text) is not None and HEADING.search(chain[-1].text) is None

    def _heading(self, line: Line) -> bool:
        """A retention heading or table header: ``Durée de conservation``, ``Expiration``."""
        return len(line.text) <= self.s.heading_max_chars and HEADING.search(line.text) is not None

    def _header_row(self, line: Line) -> bool:
        """A table's header row flattened into one line, ending on its retention column."""
        return HEADER_ROW_END.search(line.text) is not None

    def _heading_above(self, layout: Layout, offset: int, max_lines: int, max_chars: int) -> bool:
        """A retention heading on one of the ``max_lines`` lines above ``offset``'s line, within ``max_chars``."""
        return layout.above(offset, self._heading, max_lines, max_chars) is not None

    def _row_before(self, layout: Layout, offset: int) -> str:
        """The ``row_cells`` non-blank lines before ``offset``'s line: the other cells of a table row."""
        above = [line.text for line in layout.lines_above(offset, self.s.row_chars, self.s.row_chars) if not line.blank]
        return "\n".join(above[-self.s.row_cells:]) if self.s.row_cells else ""

    def _header_on_line(self, view: View, offset: int) -> bool:
        """A retention header earlier on the same line (``Durées de conservation : ... 3 ans``)."""
        headers = view.headers_in_line
        k = bisect_right(headers, offset - 1) - 1
        if k < 0:
            return False
        header = headers[k]
        return offset - header <= self.s.header_in_line_chars and "\n" not in view.text[header:offset]
