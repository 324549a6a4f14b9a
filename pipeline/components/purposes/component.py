"""``privacy_purposes``: why data is processed, as ``PURPOSE`` spans with a category."""

from __future__ import annotations

import re

from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from pipeline.components import SPAN_KEY
from pipeline.components.purposes import patterns as P
from pipeline.config import PurposesSettings
from pipeline.layout import HEADER_CELL, Layout, Line, Table

FLAGS = re.IGNORECASE
MARKER = re.compile(P.marker(), FLAGS)
ADJECTIVE = re.compile(P.adjective_purpose(), FLAGS)
NOT_A_GOAL = re.compile(P.not_a_goal(), FLAGS)
GOAL_END = re.compile(P.goal_end(), FLAGS)
COORDINATION = re.compile(P.coordination(), FLAGS)
PERSON_GOAL = re.compile(P.person_goal(), FLAGS)
SERVICE_TO_PERSON = re.compile(P.service_to_person(), FLAGS)
GOAL_CLAUSE = re.compile(P.goal_clause(), FLAGS)
CUE = re.compile(P.processing_cue(), FLAGS)
PERSON_CONDITION = re.compile(P.person_condition(), FLAGS)
MEASURE_OR_ADVICE = re.compile(P.measure_or_advice(), FLAGS)
RULED_OUT = re.compile(P.ruled_out(), FLAGS)
POLICY_CHANGE = re.compile(P.policy_change(), FLAGS)
OWN_COMPLEMENT = re.compile(r"\s(?:de|du|des|d['’])(?![\w])", FLAGS)
INTRO = re.compile(P.purpose_intro(), FLAGS)
INLINE_INTRO = re.compile(P.purpose_intro(inline=True), FLAGS | re.MULTILINE)
SINGLE_INTRO = re.compile(r"(?:finalité|fin|objectif|but|raison)\s+[^:\n]{0,40}?suivante?\s*:", FLAGS)
SECTION = re.compile(P.purpose_section())
PURPOSE_HEADER = re.compile(P.table_purpose_header())
LEGAL_BASIS_LINE = re.compile(P.legal_basis_line())
OTHER_SECTION = re.compile(P.other_section())
LABEL_LINE = re.compile(P.label_line())
KIND_HEADING = re.compile(P.kind_heading())
CATEGORIES = tuple((re.compile(rx, FLAGS), cat) for rx, cat in P.CATEGORY_KEYWORDS)
SERVICE_HEAD = re.compile(P.SERVICE_HEAD, FLAGS)
LEADING = re.compile(r"(?:de\s+)?(?:la|les|le|une?)\s+|(?:de\s+)?l['’]\s*|(?:du|des|de)\s+|d['’]\s*", FLAGS)
ACTION_NOUN = re.compile(P.action_noun(), FLAGS)
ACTIVITY = re.compile(r"(?:processus|procédures?|programmes?|campagnes?|dispositifs?|services?\s+de)(?![\w])", FLAGS)
INNER_ASIDE = re.compile(P.inner_aside())
ENUMERATION = re.compile(P.enumeration(), FLAGS)
TRAILING_CC = re.compile(P.trailing_conjunction(), FLAGS)
ASIDE_THEN_GOAL = re.compile(P.aside_then_goal(), FLAGS)
NEXT_IN_LIST = re.compile(P.next_in_list(), FLAGS)
LETS_US = re.compile(r"nous\s+permettre\s+(?:de\s+|d['’]\s*)", FLAGS)
DE_INFINITIVE = re.compile(r"(?:de\s+|d['’]\s*)(?!la\s|l['’]|les\s)", FLAGS)
BACK_REFERENCE = re.compile(P.back_reference(), FLAGS)
TIME_CASES = frozenset("avant après pendant durant dès jusqu' jusqu’".split())
DEMONSTRATIVES = frozenset("ceux celles celui celle cela ceci".split())
CLITIC = frozenset("vous nous les le la l' l’ leur lui se s' s’ en y me m' m’".split())


def category(text: str) -> str:
    """The purpose category from the goal's words, most specific first; ``service`` when none."""
    for pattern, name in CATEGORIES:
        if pattern.search(text):
            if name in P.WEAK_AFTER_SERVICE_HEAD and SERVICE_HEAD.match(text.strip()):
                return P.DEFAULT_CATEGORY
            return name
    return P.DEFAULT_CATEGORY


def without_article(text: str) -> str:
    """``de la lutte contre la fraude`` -> ``lutte contre la fraude``."""
    lead = LEADING.match(text)
    return text[lead.end() :] if lead else text


class Purposes:
    """Mark the purposes of processing.

    Goals after a purpose marker (``afin de``, ``pour``, ``à des fins de``,
    ``dans le cadre de``...), ``fins`` + adjective, the items of a list after
    a purpose introduction (``aux fins suivantes :``) and the short headings
    of a purpose section (``À quoi servent vos données ?``); goals stated by a
    clause (``afin que X puisse``, ``intérêt légitime à``) and what the
    organisation may do for the person (``Nous pouvons vous envoyer ...``).
    A goal ends at punctuation (reading over a short aside or a comma list),
    before a trailing condition or means (``lorsque``, ``si``, ``via``) or a
    time adjunct of its verb; goals coordinated with their own verb or noun
    are split.
    """

    def __init__(
        self, nlp: Language, name: str, *, settings: PurposesSettings | None = None, scorer: Callable | None = None
    ) -> None:
        self.name = name
        self.s = settings or PurposesSettings()
        self.scorer = scorer

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return self.scorer(examples) if self.scorer is not None else {}

    def __call__(self, doc: Doc) -> Doc:
        layout: Layout = doc._.layout
        text = layout.text
        pieces: list[tuple[int, int]] = []
        for m in MARKER.finditer(text):
            if NOT_A_GOAL.match(text[m.end("lead") :].lstrip()):
                continue
            begin = m.end()
            if m.group("article"):
                if self._clitic_infinitive(doc, m.start("article")):
                    begin = m.start("article")  # ``afin de pouvoir l’évaluer``: a pronoun, not an article
                elif not ACTION_NOUN.match(text[m.end() :]):
                    continue  # ``pour les données``: a noun phrase that names no action
            elif m.group("lead").lower().startswith("dans le cadre") and not (
                ACTION_NOUN.match(text[m.end() :]) or ACTIVITY.match(text, m.end())
            ):
                continue  # ``dans le cadre du contrat``: a frame, not a goal; ``dans le cadre du recrutement`` is one
            elif m.group("lead").lower() == "pour" and not (
                m.group(0).strip().lower() != "pour"  # ``pour pouvoir``, ``pour nous permettre de``
                or self._starts_goal(doc, begin, clitic=True) or ACTION_NOUN.match(text[begin:])
            ):
                continue  # ``pour motif légitime``, ``pour information``: a bare noun, no goal
            if not self._about_processing(layout, m.start(), person_too="fins" not in m.group("lead").lower()):
                continue
            pieces += self._goals(doc, begin)
        for m in (*SERVICE_TO_PERSON.finditer(text), *GOAL_CLAUSE.finditer(text)):
            if self._starts_goal(doc, m.end(), clitic=True):
                pieces += self._goals(doc, m.end())
        for m in ADJECTIVE.finditer(text):
            if not self._ruled_out(layout, m.start()):
                pieces.append((m.start("span"), m.end("span")))
        pieces += self._list_items(doc)
        pieces += self._inline_items(doc)
        pieces += self._section_headings(doc)
        spans = []
        for start, end in pieces:
            span = doc.char_span(start, end, label="PURPOSE", alignment_mode="contract")
            if span is not None and len(span) and any(t.is_alpha for t in span):
                spans.append(span)
        # a span's attributes are shared by every span with its offsets: a goal on the very characters of a DATA
        # or DURATION span would overwrite that span's category, and is no goal anyway (a data item, a period)
        taken = {(s.start_char, s.end_char) for s in doc.spans.get(SPAN_KEY, [])}
        spans = [s for s in filter_spans(spans) if (s.start_char, s.end_char) not in taken]
        for span in spans:
            span._.category = category(span.text)
        if spans:
            doc.spans[SPAN_KEY] = list(doc.spans.get(SPAN_KEY, [])) + spans
        return doc

    def _about_processing(self, layout: Layout, char: int, person_too: bool = True) -> bool:
        """The sentence is about processing, and (unless ``aux fins de``, which names a processing purpose)
        not about what the person may do."""
        text = layout.text
        first, last = layout.sentence_range(char, char + 1)
        sentence = text[first:last]
        if (
            PERSON_CONDITION.search(text, first, char) or MEASURE_OR_ADVICE.search(sentence) or self._ruled_out(layout, char)
            or POLICY_CHANGE.search(text, first, char)
        ):
            return False
        if person_too and PERSON_GOAL.search(sentence) and not re.search(r"(?<![\w])nous(?![\w])", sentence):
            return False
        line_start = layout.line_at(char).start
        opens_line = bool(MARKER.match(text, line_start))  # ``Pour vous contacter ...`` and goals nested in it
        if CUE.search(sentence) or opens_line or self._after_intro(layout, char):
            return True
        # ``Le traitement est destiné à ... Il permet également ...``: the sentence before, in the same paragraph
        before = layout.sentence_range(max(0, first - 2), max(0, first - 1))[0]
        return first > line_start and bool(CUE.search(text, max(before, line_start), first))

    @staticmethod
    def _ruled_out(layout: Layout, char: int) -> bool:
        """A purpose the sentence rules out: a negated verb between the clause's start and the marker."""
        text = layout.text
        first, _ = layout.sentence_range(char, char + 1)
        clause = max(first, text.rfind(",", first, char) + 1, text.rfind(";", first, char) + 1)
        return bool(RULED_OUT.search(text, clause, char))

    def _goals(self, doc: Doc, start: int) -> list[tuple[int, int]]:
        """The goal starting at ``start``, split where a coordinated goal of its own begins."""
        text = doc._.layout.text
        end = self._time_adjunct(doc, start, min(self._goal_end(text, start), start + self.s.max_chars))
        if BACK_REFERENCE.search(text, start, end):
            return []
        out, begin = [], start
        for m in COORDINATION.finditer(text, start, end):
            # ``former et coacher nos collaborateurs``, ``de l’optimisation et de la continuité du service``:
            # a lone verb or noun shares the next one's complement, unless the next one is a lone word too
            # (``fins de formation et/ou de preuve``)
            if (
                (
                    len(without_article(text[begin : m.start()]).split()) >= 2
                    or len(without_article(text[m.end() : end].strip()).split()) == 1
                )
                and self._starts_goal(doc, m.end())
                and not (text[m.end()].lower() == "d" and self._has_de_infinitive(doc, begin, m.start()))
                # ``la tenue du dossier et la facturation des actes``: a noun goal with its own complement or
                # adjective; not ``l’achat, l’utilisation et la résiliation des produits``, which share one
                and not (text[m.end()].lower() == "l" and len(without_article(text[begin : m.start()].split(",")[-1].strip()).split()) < 2)
            ):
                out.append((begin, m.start()))
                begin = m.end()
        out.append((begin, end))
        trimmed = []
        for s, e in out:
            lead = None if self._clitic_infinitive(doc, s) else LEADING.match(text, s)
            s = lead.end() if lead and lead.end() < e else s
            if text.startswith("à ", s) and self._starts_goal(doc, s):
                s += 2  # ``et à vous contacter``
            lets = LETS_US.match(text, s)
            if lets and lets.end() < e:
                s = lets.end()  # ``nous permettre de vous identifier``: dropped like a bare ``pouvoir``
            while e > s and not text[e - 1].isalnum() and text[e - 1] not in ")’'":
                e -= 1
            cc = TRAILING_CC.search(text, s, e)
            e = cc.start() if cc else e
            if e - s >= self.s.min_chars or (e - s == self.s.min_chars - 1 and text[s:e].isupper()):  # ``à des fins de BI``
                trimmed.append((s, e))
        after = ASIDE_THEN_GOAL.match(text, end) or NEXT_IN_LIST.match(text, end)
        if after and self._starts_goal(doc, after.end(), clitic=True) and not self._clause_follows(doc, after.end()):
            nxt = after.end()
            de = DE_INFINITIVE.match(text, nxt)
            if de and self._starts_goal(doc, de.end(), clitic=True):
                nxt = de.end()  # ``, de vous adresser ... et de réaliser ...``: the next goals, each with its ``de``
            trimmed += self._goals(doc, nxt)
        return trimmed

    def _clause_follows(self, doc: Doc, char: int) -> bool:
        """``..., le service client traite votre demande``: a noun that is the subject of a clause, not a goal."""
        span = doc.char_span(char, min(len(doc._.layout.text), char + self.s.clause_lookahead_chars), alignment_mode="expand")
        return span is not None and any(t.dep_.startswith("nsubj") for t in span[:4])

    @staticmethod
    def _has_de_infinitive(doc: Doc, start: int, end: int) -> bool:
        """``vous permettre de vous inscrire``: a ``de`` + infinitive that a next ``et de participer`` goes with."""
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(
            t.lower_ in ("de", "d'", "d’") and t.head.i > t.i and "Inf" in t.head.morph.get("VerbForm") for t in span
        )

    def _clitic_infinitive(self, doc: Doc, char: int) -> bool:
        """``l’évaluer``, ``les informer``: an object pronoun before an infinitive, kept in the goal."""
        span = doc.char_span(char, min(len(doc._.layout.text), char + self.s.clitic_lookahead_chars), alignment_mode="expand")
        tokens = [t for t in span if not t.is_space][:2] if span is not None else []
        return (
            len(tokens) == 2 and tokens[0].lower_ in CLITIC and tokens[0].pos_ == "PRON"
            and "Inf" in tokens[1].morph.get("VerbForm")
        )

    @staticmethod
    def _time_adjunct(doc: Doc, start: int, end: int) -> int:
        """The goal's end before a time adjunct of its verb, from the parse:
        ``vous rappeler d’apurer le solde avant la date butoir`` -> ``... le solde``."""
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return end
        for token in span[1:]:
            if token.dep_ in ("obl:mod", "obl", "advcl") and token.head.pos_ == "VERB":
                first = token.left_edge
                if first.i > span.start and first.lower_ in TIME_CASES:
                    return first.idx
        return end

    @staticmethod
    def _goal_end(text: str, start: int) -> int:
        """Where the goal starting at ``start`` stops (see :func:`patterns.goal_end`), reading over a short aside
        and a comma list of short items."""
        while True:
            stop = GOAL_END.search(text, start)
            if stop is None:
                return len(text)
            if stop.group() == "(":
                inside = INNER_ASIDE.match(text, stop.start())
            elif stop.group().startswith(","):
                inside = ENUMERATION.match(text, stop.start())
            else:
                inside = None
            if inside is None:
                return stop.start()
            start = inside.end()

    def _starts_goal(self, doc: Doc, char: int, clitic: bool = False) -> bool:
        """An infinitive (after a pronoun too when ``clitic``: ``vous fournir``), or ``de la``/``du`` + noun."""
        span = doc.char_span(char, min(len(doc._.layout.text), char + self.s.goal_lookahead_chars), alignment_mode="expand")
        if span is None or not len(span):
            return False
        tokens = [t for t in span if not t.is_space][:3]
        if not tokens:
            return False
        if tokens[0].lower_ in ("de", "du", "d'", "d’"):
            return len(tokens) < 2 or tokens[1].lower_ not in DEMONSTRATIVES  # not ``et de ceux du groupe``
        if tokens[0].lower_ in ("la", "le", "l'", "l’") and len(tokens) > 1:
            # ``la tenue du dossier et la facturation des actes``: an article and an action noun
            return bool(ACTION_NOUN.match(doc._.layout.text[tokens[1].idx : tokens[1].idx + self.s.action_noun_chars]))
        if tokens[0].lower_ == "à" and len(tokens) > 1:
            tokens, clitic = tokens[1:], True  # ``servent à évaluer votre dossier et à vous contacter``
        i = 1 if clitic and tokens[0].lower_ in CLITIC and len(tokens) > 1 else 0
        return tokens[i].pos_ in ("VERB", "AUX") and "Inf" in tokens[i].morph.get("VerbForm")

    def _opens_goal(self, doc: Doc, start: int, line: str) -> bool:
        """A list item states a goal when it opens with an infinitive (``exécuter votre contrat``)
        or an action noun (``la gestion des sinistres``), not a condition or a clause
        (``les conversations peuvent être enregistrées :``: the noun is a subject, the line opens a sublist)."""
        lead = len(line) - len(line.lstrip())
        rest = without_article(line.strip())
        if ACTION_NOUN.match(rest):
            if rest.endswith(":"):
                return False
            noun = doc.char_span(start + lead + len(line.strip()) - len(rest), start + len(line), alignment_mode="expand")
            return noun is None or not noun[0].dep_.startswith("nsubj")
        return self._starts_goal(doc, start + lead, clitic=True)

    @staticmethod
    def _intro(line: Line) -> bool:
        """A line that opens a list of purposes: ``aux fins suivantes :``."""
        return INTRO.search(line.text) is not None

    def _after_intro(self, layout: Layout, char: int) -> bool:
        return layout.above(char, self._intro, self.s.list_window, self.s.intro_chars) is not None

    def _list_items(self, doc: Doc) -> list[tuple[int, int]]:
        """Items of a list after a purpose introduction, when they do not start with a marker."""
        out, open_list, items = [], 0, 0
        for row in doc._.layout.lines:
            line, start = row.text, row.start
            if INTRO.search(line):
                open_list, items = self.s.list_window, 0
                continue
            if not line.strip():
                if items:
                    open_list = 0  # a blank line ends the list, not one just after its introduction
                continue
            if row.titled:
                open_list = 0
                continue
            if open_list <= 0:
                continue
            open_list, items = open_list - 1, items + 1
            if MARKER.match(line) or not self._opens_goal(doc, start, line):
                continue
            out += self._goals(doc, start)
        return out

    def _inline_items(self, doc: Doc) -> list[tuple[int, int]]:
        """Items of a purpose list that goes on in its introduction's line, cut by semicolons:
        ``Les finalités sont les suivantes : organiser ... ; analyser ... .``"""
        layout: Layout = doc._.layout
        text = layout.text
        out = []
        for m in INLINE_INTRO.finditer(text):
            stop = layout.line_at(m.end()).end
            if ";" not in text[m.end() : stop]:
                # one goal after a colon is read by the markers, unless the introduction announces it:
                # ``pour la finalité suivante : la gestion des badges``
                if SINGLE_INTRO.search(m.group()) and self._opens_goal(doc, m.end(), text[m.end() : stop]):
                    out += self._goals(doc, m.end())
                continue
            for item in re.finditer(r"[^;]+", text[m.end() : stop]):
                start = m.end() + item.start()
                piece = item.group()
                lead = len(piece) - len(piece.lstrip())
                if MARKER.match(piece.lstrip()) or not self._opens_goal(doc, start, piece):
                    continue
                out += self._goals(doc, start + lead)
        return out

    def _section_headings(self, doc: Doc) -> list[tuple[int, int]]:
        """Short headings inside a purpose section (``Évaluation et traitement de votre demande``), and the
        cells of a table's purpose column (``Gestion des commandes``), not its legal bases or periods."""
        layout: Layout = doc._.layout
        out: list[tuple[int, int]] = []
        read = set()  # the tables with a purpose column, read by that column
        for table in layout.tables:
            goals = self._table_goals(doc, table)
            if goals is not None:
                out += goals
                read.add(table.index)
        inside = False
        for row in layout.lines:
            if row.blank or row.table in read:
                continue
            line, start = row.text, row.start
            stripped = line.strip()
            indent = len(line) - len(line.lstrip())
            label = LABEL_LINE.match(stripped)
            if label:
                out += self._label_goals(doc, start + indent, label, inside)
                continue
            if SECTION.search(stripped) and len(stripped) < self.s.section_heading_chars:
                inside = True
                continue
            if stripped.endswith("?") or (row.titled and stripped.isupper()):
                inside = False
                continue
            if not inside:
                continue
            if len(stripped) > self.s.section_title_chars or re.search(r"[.;:!]$", stripped) or len(stripped.split()) < 2:
                # an item of the section's list: ``la gestion de vos commandes ;``, ``Gérer votre compte.``
                if len(stripped) <= self.s.section_item_chars and not stripped.endswith(":") and not MARKER.match(stripped):
                    if self._opens_goal(doc, start, line):
                        out += self._goals(doc, start + indent)
                continue
            if OTHER_SECTION.match(stripped):
                inside = False  # ``Base légale``, ``Vos droits``: the purpose section is over
                continue
            if not stripped[0].isupper() or (LEGAL_BASIS_LINE.match(stripped) and not stripped.lower().startswith("exécution")):
                continue
            if KIND_HEADING.match(stripped):
                continue  # ``Données d’identification``, ``Personnes concernées``: names a kind, not a goal
            lead = MARKER.match(stripped)
            if lead and not self._opens_goal(doc, start + indent + lead.end(), stripped[lead.end() :]):
                continue  # ``Pour nos clients et prospects``
            if not lead and not self._opens_goal(doc, start, line) and category(stripped) == P.DEFAULT_CATEGORY:
                continue  # ``Visiteurs du site``: names neither an action nor a kind of purpose
            out.append((start + (lead.end() if lead else 0) + indent, start + len(line.rstrip())))
        return out

    def _label_goals(self, doc: Doc, start: int, label: re.Match, inside: bool) -> list[tuple[int, int]]:
        """``Finalité : gestion des sinistres`` states its goal after the colon, anywhere; in a purpose section,
        ``Facturation : vos coordonnées sont ...`` states it in the label. ``Base légale : ...``,
        ``Données concernées : ...`` state none."""
        name = label.group("label").strip("*_ ")
        if PURPOSE_HEADER.match(name) and len(name.split()) <= self.s.label_words:
            rest = start + label.start("rest")
            line = doc._.layout.text[rest : doc._.layout.line_at(rest).end]
            return self._goals(doc, rest) if self._opens_goal(doc, rest, line) else []
        if not inside or HEADER_CELL.match(name) or LEGAL_BASIS_LINE.match(name) or OTHER_SECTION.match(name):
            return []
        if INTRO.search(label.group(0)) or name.lower().startswith(("pour", "afin", "nous", "vous", "vos", "les", "ces", "elles", "ils")):
            return []
        lead = MARKER.match(name)
        first = start + label.start("label") + (lead.end() if lead else 0)
        return [(first, start + label.start("label") + len(label.group("label").rstrip()))]

    def _table_goals(self, doc: Doc, table: Table) -> list[tuple[int, int]] | None:
        """The goals in the purpose column of a table (``Finalité``, ``Traitement``), but for a cell that
        names a legal basis or holds a retention period (a ``DURATION`` span)."""
        column = next((c.column for c in table.header if PURPOSE_HEADER.match(c.text.strip())), None)
        if column is None:
            return None
        periods = [span for span in doc.spans.get(SPAN_KEY, []) if span.label_ == "DURATION"]
        out: list[tuple[int, int]] = []
        for cell in table.column(column):
            text = cell.text.strip()
            if LEGAL_BASIS_LINE.match(text) or any(cell.start <= p.start_char < cell.end for p in periods):
                continue
            lead = MARKER.match(text)
            out += self._goals(doc, cell.start + len(cell.text) - len(cell.text.lstrip()) + (lead.end() if lead else 0))
        return out
