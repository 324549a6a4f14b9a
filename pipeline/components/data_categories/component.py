"""``privacy_data_categories``: kinds of personal data as ``DATA`` spans with a category."""

from __future__ import annotations

from bisect import bisect_left
from types import SimpleNamespace
from pathlib import Path
from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import filter_spans

from pipeline.components import SPAN_KEY
from pipeline.components.data_categories import patterns as P
from pipeline.components.lexicon import Lexicon, SavedLexicon, load_yaml
from pipeline.config import DataSettings
from pipeline.components.syntax import conjuncts, negated, phrase, phrase_tokens
from pipeline.layout import Layout, Line

LEXICON = Path(__file__).with_name("lexicon.yaml")  # what ``initialize`` reads by default
CUE = P.processing_cue()
HEADING = P.data_heading()
RELATIVE = P.relative_data()
QUALIFIED = P.qualified_generic()
RIGHTS = P.rights_clause()
NEGATED = P.negated_processing()
OWN_CONTACT = P.own_contact_after()
FRAME = P.frame_before()
CATCH_ALL = P.catch_all()
RESTRICTIVE = P.restrictive()
DENIED = P.denied_before()
CASE_DE = frozenset({"de", "d'", "d’", "du", "des"})
LIST_INTRO = P.data_list_intro()
OTHER_INTRO = P.other_list_intro()
MARKER = P.enumeration_marker()


def _base(word: str) -> str:
    """``données`` -> ``donnée``, ``informations`` -> ``information``: generic words in any number."""
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


class _Match:
    """A lexicon match with its category, read like a span by ``DataCategories._category``."""

    def __init__(self, start: int, end: int, category: str) -> None:
        self.start, self.end = start, end
        self._ = SimpleNamespace(category=category)

    def __len__(self) -> int:
        return self.end - self.start


class DataCategories(SavedLexicon):
    """Mark the kinds of personal data a notice says are processed.

    Three sources, the longest span winning where they overlap: the lexicon
    of data kinds (``lexicon.yaml``), the noun phrases that processing verbs
    take as object or passive subject (``nous enregistrons les écrans que
    vous partagez``), and the items coordinated with a found one. Generic
    mentions, negated collection and data that belong to the organisation or
    its staff (``notre adresse``, ``leur adresse électronique``) are left out.
    """

    def __init__(
        self, nlp: Language, name: str, *, settings: DataSettings | None = None, scorer: Callable | None = None
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.s = settings or DataSettings()
        self.scorer = scorer
        self._use(Lexicon())  # empty until ``initialize`` or ``from_disk``

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   lexicon: dict[str, list[str]] | None = None) -> None:
        """Take the lexicon of data kinds (by default the package's ``lexicon.yaml``), its spellings cut
        by ``nlp``'s tokenizer."""
        if nlp is None:
            raise ValueError(f"{self.name}: initialize needs the pipeline (nlp=) to tokenize its lexicon")
        entries = lexicon if lexicon is not None else load_yaml(str(LEXICON))
        self._use(Lexicon(entries).tokenized(nlp.tokenizer))

    def _use(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.table = lexicon.table
        self.matcher = lexicon.matcher(self.vocab, "LOWER")

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return self.scorer(examples) if self.scorer is not None else {}

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label="DATA")
            span._.category = doc.vocab.strings[match_id]
            found.append(span)
        lexical = [s for s in found if (len(s) > 1 or s.root.pos_ in ("NOUN", "PROPN", "X") or _bare_item(s))
                   and not _proper_name(s)]
        found = list(lexical) + [s for rx in (HEADING, RELATIVE, QUALIFIED, CATCH_ALL) for s in self._by_pattern(doc, rx)]
        if doc.has_annotation("DEP"):
            found += self._objects(doc)
            found += self._coordinated(lexical)
            found += self._items(doc)
            found = [s if self._generic(s) else _extend(s, self.table, self.s) for s in found]
            found += _shared_heads(doc, self.table)
            found += _joined(lexical, found)
        kept = [s for s in filter_spans(found) if self._keep(s)]
        for span in kept:
            span._.category = self._category(span, lexical)
        _company_items(kept)
        _lead_categories(kept)
        if kept:
            doc.spans[SPAN_KEY] = list(doc.spans.get(SPAN_KEY, [])) + kept
        return doc

    def _by_pattern(self, doc: Doc, pattern) -> list[Span]:
        """Spans named by a regex group ``name``: data headings and relative clauses."""
        out = []
        for m in pattern.finditer(doc._.layout.text):
            span = doc.char_span(m.start("name"), m.end("name"), label="DATA", alignment_mode="contract")
            if span is not None and len(span):
                out.append(span)
        return out

    def _objects(self, doc: Doc) -> list[Span]:
        """Objects and passive subjects of processing verbs: ``nous pouvons enregistrer la conversation``."""
        out = []
        for token in doc:
            if token.pos_ != "VERB" or (token.lemma_ not in P.PROCESSING_VERBS and token.lemma_ not in P.GIVING_VERBS):
                continue
            if any(c.dep_ == "nsubj" and c.lower_ in P.PERSON_SUBJECTS for c in token.children):
                if not _given_to_us(token):
                    continue  # ``vous pouvez utiliser le Chat``: the person acting for themselves
            elif token.lemma_ not in P.PROCESSING_VERBS:
                continue
            for child in token.children:
                if child.dep_ in ("obj", "nsubj:pass") and child.pos_ in ("NOUN", "PROPN"):
                    for head in [child, *conjuncts(child)]:
                        out.append(phrase(head, "DATA"))
                    # ``le nom de votre société et votre fonction``: the parser may hang the second
                    # item on the complement
                    for nmod in (c for c in child.children if c.dep_ == "nmod"):
                        out.extend(phrase(head, "DATA") for head in conjuncts(nmod))
        return out

    def _items(self, doc: Doc) -> list[Span]:
        """Every item of an enumeration in a list of data, one span each: what follows the colon or
        ``telles que`` of an item of a list whose lead-in announces data (``les données suivantes :``),
        one of its first ``list_window`` items (``Identité : l’adresse, la ville, le pays``)."""
        layout: Layout = doc._.layout
        text, starts, out = layout.text, [t.idx for t in doc], []
        for block in layout.lists:
            lead = block.lead_in
            if lead is None or not LIST_INTRO.search(lead.text) or OTHER_INTRO.search(lead.text):
                continue
            for row in block.items[: self.s.list_window]:
                line, start = row.text, row.start
                if len(line) > self.s.item_line_chars or line.rstrip().endswith("?") or row.titled:
                    break
                marker = MARKER.search(line)
                if marker is None:
                    continue
                rest = start + marker.end()
                for m in P.ITEM_SEPARATOR.finditer(text, rest, start + len(line)):
                    out.append(_item(doc, starts, rest, m.start()))
                    rest = m.end()
                out.append(_item(doc, starts, rest, start + len(line)))
        return [s for s in out if s is not None]

    def _coordinated(self, lexical: list[Span]) -> list[Span]:
        """Items coordinated with a lexicon match: ``vos appréciations, vos évaluations``."""
        out = []
        for span in lexical:
            if span.start and span.doc[span.start - 1].lower_ in P.CHANNEL_BEFORE:
                continue  # ``par téléphone ou via notre site``: channels
            for head in conjuncts(span.root):
                out.append(phrase(head, "DATA"))
        return out

    def _keep(self, span: Span) -> bool:
        if not span.text.strip() or span.root.pos_ == "PRON":
            return False
        if self._generic(span):
            return False
        doc = span.doc
        before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
        if before and before[-1] in P.FOREIGN_POSSESSIVES:
            return False
        if any(w in P.CHANNEL_BEFORE for w in before):
            return False  # ``par téléphone``, ``via le chat``: a channel, not data
        if OWN_CONTACT.match(doc._.layout.text[span.end_char : span.end_char + self.s.own_contact_chars]):
            return False
        if span.text.lower() in P.DEVICE_WORDS and before and before[-1] in P.ARTICLES:
            return False  # ``le téléphone de l’utilisateur``: the device, not the number
        if span.text.lower() in P.SENT_WORDS and before and before[-1] in ("un", "une"):
            return False  # ``en envoyant un e-mail à``: a message sent
        if self._classifier(span):
            return False
        if _sent_to_person(span.root):
            return False  # ``vous envoyer des e-mails promotionnels``: messages sent, not data
        if len(span) == 1 and _goal_object(span.root):
            return False  # ``pour gérer vos commandes``: the object of a goal, not data collected
        if span.root.lower_ in P.TIME_UNITS:
            return False  # ``conservées 3 ans``: a period the parser took for an object
        if DENIED.search(doc._.layout.text[max(0, span.start_char - self.s.denied_chars) : max(span.start_char, span.root.idx)]):
            return False  # ``que le son, pas l’image``
        if before and before[-1] in P.DEMONSTRATIVES and span.root.dep_ == "nsubj":
            return False  # ``cette conversation utilise l’image``: one occurrence acting, not a kind collected
        if span.root.lemma_.lower() in P.PERSON_NOUNS and not any(t.dep_ in ("amod", "nmod") for t in span.root.children if t.i < span.end):
            return False  # ``les clients``: the person, not data about them
        if doc.has_annotation("DEP") and self._occasion_or_channel(span):
            return False
        layout: Layout = doc._.layout
        row = layout.line_at(span.start_char)
        line, end = row.text, row.end
        if row.titled and not layout.text[span.end_char : end].lstrip().startswith(":") and not _enumeration(line):
            return False  # ``8. INFORMATIONS DE CONTACT``: a section title
        sentence = layout.text[slice(*layout.sentence_range(span.start_char, span.end_char))]
        if doc.has_annotation("DEP") and negated(span.root) and not RESTRICTIVE.search(sentence):
            return False
        if RIGHTS.search(sentence) or NEGATED.search(sentence):
            return False
        return bool(CUE.search(sentence)) or self._in_data_list(layout, span.start_char) or self._in_data_block(span)

    def _occasion_or_channel(self, span: Span) -> bool:
        """``lors d’un entretien ou d’un chat``: the occasion; ``tous canaux confondus (courrier,
        téléphone, e-mail)``: items of a list of channels."""
        if FRAME.search(span.doc._.layout.text[max(0, span.start_char - self.s.frame_chars) : span.start_char]):
            return True
        item = span.root
        while item.dep_ in ("conj", "appos") and item.head.i < item.i:
            if item.head.lemma_.lower() in P.CHANNEL_HEADS:
                return True
            item = item.head
        return False

    def _classifier(self, span: Span) -> bool:
        """``enquête de satisfaction``, ``fonctions de chat``: a bare word after ``de`` that only
        classifies the noun before it."""
        doc = span.doc
        return (len(span) == 1 and span.start >= 2 and doc[span.start - 1].lower_ in ("de", "d'", "d’")
                and doc[span.start - 2].pos_ == "NOUN" and doc[span.start - 2].lower_ not in self.table)

    @staticmethod
    def _data_intro(line: Line) -> bool:
        """An introduction about data: ``Nous traitons différents types de données :``."""
        return line.text.rstrip().endswith(":") and CUE.search(line.text) is not None

    def _in_data_list(self, layout: Layout, char: int) -> bool:
        """A list item under an introduction about data, within ``list_window`` lines."""
        return layout.above(char, self._data_intro, self.s.list_window, self.s.intro_chars) is not None

    def _in_data_block(self, span: Span) -> bool:
        """An item of a table cell or of a list without colons, under a title naming data:
        ``Données de contact`` then ``adresse, téléphone, e-mail`` (a table row, one line per cell
        once cleaned), ``Quelles données collectons-nous ?`` then one kind per line. The span
        must open its line or follow a separator, the line open with a kind of the lexicon
        (``Gestion des commandes`` in a column of purposes names no item), and only such lines
        (and one blank line) stand between it and the title."""
        layout: Layout = span.doc._.layout
        text = layout.text
        row = layout.line_at(span.start_char)
        start, end = row.start, row.end
        if end - start > self.s.block_line_chars or not P.ITEM_LEAD.fullmatch(text[start : span.start_char]) and not P.ITEM_AFTER.search(text[start : span.start_char]):
            return False
        if not self._item_line(text[start:end]):
            return False  # ``Gestion des commandes et des factures``: a purpose, not a list of items
        blank = cells = 0
        between = [text[start:end].strip()]  # from the span's line up to the title
        for line in reversed(layout.lines_above(span.start_char, self.s.block_lines, self.s.block_chars)):
            above = line.text.strip()
            if not above:
                blank += 1
                if blank > 1:
                    return False
                continue
            if len(above) <= self.s.title_chars and not above.endswith((".", ",", ";")) and P.DATA_TITLE.search(above):
                if P.NOT_DATA_TITLE.search(above) or RIGHTS.search(above):
                    return False
                return not cells or self._same_column(between[::-1])
            between.append(above)
            if self._item_line(above):
                continue
            if cells < P.MAX_OTHER_CELLS and len(above) <= self.s.other_cell_chars and not above.endswith((".", ",", ";", ":", "?")):
                cells += 1  # ``Finalité``, ``Gestion de votre compte``: a cell of another column
                continue
            return False  # not an item above in the same list
        return False

    def _same_column(self, lines: list[str]) -> bool:
        """The lines under a table's data column title, the span's last: the header is as wide as
        the lines before the first row of items, and the span's line must fall in that column
        (``Type de données``, ``Finalité``, ``Nom, prénom``, ``Gestion du compte``, ``Adresse IP``;
        not ``Statistiques de visite`` in the column of purposes)."""
        width = next(i for i, line in enumerate(lines) if self._item_line(line)) + 1
        return len(lines) % width == 0


    def _item_line(self, line: str) -> bool:
        """A line of short items that opens with a kind of the lexicon: ``nom, prénom, civilité``,
        ``Votre adresse e-mail ;``."""
        if not P.BARE_ITEMS.fullmatch(line):
            return False
        lead = P.ITEM_LEAD.match(line).end()
        first = P.ITEM_SEPARATOR.split(line[lead:], 1)[0]
        return " ".join(first.lower().split()).rstrip(" .;") in self.table

    def _generic(self, span: Span) -> bool:
        """``données personnelles``, ``vos données``, ``informations complémentaires``."""
        if span.text.lower() in self.table or CATCH_ALL.fullmatch(span.text):
            return False
        root = span.root
        if not {_base(root.lemma_), _base(root.text)} & P.GENERIC_HEADS:
            return False
        words = list(span)
        cut = next((i for i, t in enumerate(words) if t.lower_ in ("que", "qu'", "qu’", "qui")), len(words))
        others = [t for t in words[:cut] if t.i != root.i and not t.is_punct and t.pos_ not in ("ADP", "DET")]
        vague = P.GENERIC_MODIFIERS | P.GENERIC_HEADS  # ``différents types de données``
        return all({_base(t.lemma_), _base(t.text), t.lower_} & vague for t in others)

    def category_of(self, span: Span) -> str:
        """The category this component gives a ``DATA`` span found by another source (a trained
        model): the same reading of the phrase, with the lexicon's matches inside it."""
        # the lexicon's matches inside it, as _category reads them; not as spans of the doc, whose
        # extensions are kept by offsets: a rule span with the same offsets would take their category
        lexical = [_Match(start, end, span.doc.vocab.strings[match_id]) for match_id, start, end in self.matcher(span)]
        return self._category(span, lexical)  # type: ignore[arg-type]

    def _category(self, span: Span, lexical: list[Span]) -> str:
        """The lexicon's category for the whole phrase, else the phrase's most specific keyword,
        else the category of the lexicon match inside it, else ``other``."""
        text = " ".join(span.text.lower().split())
        if text in self.table:
            return self.table[text]
        noun = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None and noun.i > span.start:  # ``dernier avis d’imposition``
            rest = " ".join(span.doc[noun.i : span.end].text.lower().split())
            if rest in self.table:
                return self.table[rest]
        name = P.RELATIVE_CLAUSE.split(text, 1)[0]  # ``produits que vous ou votre entreprise utilisez``
        for part in (name, text):
            for pattern, category in P.KEYWORD_CATEGORIES:
                if pattern.search(part):
                    return category
        inside = [s for s in lexical if s.start >= span.start and s.end <= span.end]
        if inside:
            return max(inside, key=len)._.category
        return self.table.get(span.root.lemma_.lower(), "other")


def _given_to_us(verb: Token) -> bool:
    """``vous nous fournissez votre nom``, ``vous renseignez votre adresse``: the person gives the
    organisation data (a giving verb with ``nous``, or a verb of filling in a form)."""
    if verb.lemma_ not in P.GIVING_VERBS:
        return False
    return verb.lemma_ in P.FORM_VERBS or any(c.lower_ == "nous" and c.dep_ != "nsubj" for c in verb.children)


def _sent_to_person(token: Token) -> bool:
    """``vous envoyer des e-mails``, ``vous adresser des SMS``: what the organisation sends to the
    person is a message, not data about them."""
    verb = token.head
    while token.dep_ == "conj" and verb.i != token.i and verb.pos_ != "VERB":
        token, verb = verb, verb.head  # ``des SMS et des e-mails``
    return (token.dep_ == "obj" and verb.lemma_ in P.SENDING_VERBS
            and any(c.lower_ in ("vous", "te", "lui", "leur") for c in verb.children))


def _goal_object(token: Token) -> bool:
    """``pour gérer vos commandes``, ``afin de vérifier votre identité``: the object of an
    infinitive of purpose whose verb does not process data names what the goal is about."""
    verb = token.head
    if token.dep_ != "obj" or verb.pos_ != "VERB" or verb.lemma_ in P.PROCESSING_VERBS:
        return False
    if "Inf" not in verb.morph.get("VerbForm"):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "case")}
    return bool(marks & {"pour", "afin", "de", "d'", "d’", "à"})


def _shared_heads(doc: Doc, table: dict[str, str]) -> list[Span]:
    """``date et lieu de naissance``, ``date et l’heure de la connexion``: a head noun coordinated
    before another shares its complement, one span for both (gold/README.md). Both heads are
    among ``SHARING_HEADS``, or the second with the complement is a kind of the lexicon."""
    out = []
    for m in P.SHARED_HEAD.finditer(doc._.layout.text):
        first = doc.char_span(m.start(), m.end("second"), alignment_mode="contract")
        if first is None or len(first) < 3 or first[0].pos_ != "NOUN":
            continue
        i = first.end
        if i + 1 >= len(doc) or doc[i].lower_ not in ("de", "d'", "d’", "du", "des"):
            continue
        i += 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        if i >= len(doc) or doc[i].pos_ != "NOUN":
            continue
        end = i + 1
        while end < len(doc) and doc[end].pos_ == "ADJ":
            end += 1
        second = doc[first.end - 1 : end].text.lower()
        if m.group("second").lower() in P.SHARING_HEADS or " ".join(second.split()) in table:
            out.append(Span(doc, first.start, end, label="DATA"))
    return out


def _bare_item(span: Span) -> bool:
    """``adresse IP, identifiant, mot de passe``: a one-word kind the tagger took for a verb
    (``identifiant``, a participle too) or an adjective (``Nom, prénom`` in a table cell) is a noun when it stands alone between the separators
    of an enumeration."""
    doc, token = span.doc, span[0]
    if token.pos_ not in ("VERB", "ADJ") or not token.i or token.i + 1 >= len(doc):
        return False
    if token.pos_ == "ADJ" and token.dep_ in ("amod", "conj"):
        return False  # ``téléphone fixe, mobile``: an adjective of the noun before
    before, after = doc[token.i - 1], doc[token.i + 1]
    return before.lower_ in P.LIST_SEPARATORS and (after.lower_ in P.LIST_SEPARATORS or after.is_space or after.text in ".)")


def _joined(lexical: list[Span], found: list[Span]) -> list[Span]:
    """``adresse e-mail de l’utilisateur``: where the parser split a kind of the lexicon (``adresse``
    and ``e-mail`` as two objects), a phrase that opens inside the kind and runs past it is one span
    with it."""
    out = []
    for kind in lexical:
        if len(kind) < 2:
            continue
        for span in found:
            if kind.start < span.start < kind.end < span.end and "\n" not in kind.doc._.layout.text[kind.start_char : span.end_char]:
                out.append(Span(kind.doc, kind.start, span.end, label="DATA"))
    return out


def _enumeration(line: str) -> bool:
    """``IBAN, RIB, BIC``: a line of items in capitals, not a title (``3. COLLECTE, UTILISATION``)."""
    return "," in line and not line.lstrip()[:1].isdigit()


def _proper_name(span: Span) -> bool:
    """``La Poste``, ``Orange``: a capitalised word inside a sentence is a name, not a data word
    (``poste``, ``orange``); acronyms (``IBAN``, ``CV``) and line starts are not."""
    token = span[0]
    if len(span) > 1 or not token.text[:1].isupper() or token.text.isupper() or token.is_sent_start or not token.i:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_punct or before.is_space or before.text[:1].isupper() and before.pos_ != "DET")


def _item(doc: Doc, starts: list[int], start: int, end: int) -> Span | None:
    """The noun phrase that opens ``text[start:end]``, cut at ``end``: one item of a list."""
    i = bisect_left(starts, start)
    while i < len(doc) and doc[i].idx < end and (doc[i].is_punct or doc[i].is_space or doc[i].pos_ in ("DET", "SYM")):
        i += 1
    if i >= len(doc) or doc[i].idx >= end or doc[i].pos_ != "NOUN":
        return None
    span = phrase(doc[i], "DATA")
    last = bisect_left(starts, end)
    return span if span.end <= last else Span(doc, span.start, max(span.start + 1, last), label="DATA")


def _company_items(spans: list[Span]) -> None:
    """Under a heading about the company (``Informations professionnelles : le nom``), a name is the
    company's: ``identity`` items of that line become ``professional``."""
    headings = {}
    for span in spans:
        layout = span.doc._.layout
        if span._.category == "professional" and layout.text[span.end_char : span.end_char + 3].lstrip().startswith(":"):
            headings[layout.line_at(span.start_char).index] = span.end_char
    for span in spans:
        after = headings.get(span.doc._.layout.line_at(span.start_char).index)
        if after is not None and span.start_char > after and span._.category == "identity":
            span._.category = "professional"


def _lead_categories(spans: list[Span]) -> None:
    """``données de santé, telles que vos antécédents médicaux et vos traitements en cours``,
    ``Données bancaires : IBAN, titulaire du compte``: an item the words alone leave ``other`` takes
    the category of the kind that introduces its list, in the same sentence."""
    text = spans[0].doc._.layout.text if spans else ""
    leads = [s for s in spans if s._.category != "other" and P.LEAD_AFTER.match(text, s.end_char)]
    for span in spans:
        if span._.category != "other":
            continue
        lead = next((s for s in reversed(leads) if s.end_char <= span.start_char), None)
        if lead is not None and not P.LEAD_BREAK.search(text, lead.end_char, span.start_char):
            span._.category = lead._.category


def _extend(span: Span, table: dict[str, str], s: DataSettings) -> Span:
    """Widen a span over what belongs to the name: a complement holding the person's possessive
    (``numéro IMEI de votre téléphone``) or naming data itself (``compte rendu de l’entretien``), a
    bare participle (``appels passés``), a coordinated complement (``journaux de connexion et
    d’activité``), a relative clause (``courriels que nous échangeons avec vous``) and a record
    of the data before it (``enregistrement d’un entretien``); cut a phrase of manner."""
    doc = span.doc
    if span.root.lemma_.lower() in P.PERSON_NOUNS:
        return span  # ``les clients dont les données ...``: the person
    end = span.end
    inside = range(span.start, span.end)
    shared = span.root.head.i if span.root.dep_ == "conj" else -1  # ``le nom et l’adresse de votre entreprise``
    for token in doc[span.end : min(len(doc), span.end + s.extend_tokens)]:
        if token.head.i in (*inside, shared) and token.left_edge.i == end and (
            (token.dep_ == "nmod" and _owned(token))
            or (token.dep_ in ("nmod", "obl:arg") and _case(token) in CASE_DE and token.lower_ in table)
            or _bare_complement(token, span)
        ):
            end = phrase_tokens(token, s.complement_tokens)[1]
            break
    if end < len(doc) and _adjective(doc[end], range(span.start, end)):
        end += 1  # ``données relatives à votre situation`` + ``familiale``: the kind is the whole noun phrase
    if end < len(doc) and _participle(doc[end], range(span.start, end)):
        end += 1
    for token in doc[end : min(len(doc), end + s.extend_tokens)]:
        if (token.dep_ == "conj" and token.head.i in range(span.start, end) and token.head.i != span.root.i
                and token.left_edge.i == end and doc[end].dep_ == "cc" and _case(token) in CASE_DE
                and not any(c.dep_ == "det" for c in token.children)):
            end = phrase_tokens(token)[1]
            break
    relative = _relative_end(span, end, s)
    if relative != end:
        end = relative
    elif not CATCH_ALL.fullmatch(span.text):
        end = _manner_cut(span, end)
    end = _shared_adjectives(doc, span.start, end)
    start = _record_start(span)
    text = doc._.layout.text
    if (start, end) == (span.start, span.end) or "\n" in text[doc[start].idx : span.start_char] + text[span.end_char : doc[end - 1].idx]:
        return span
    return Span(doc, start, end, label=span.label)


def _bare_complement(token: Token, span: Span) -> bool:
    """``préférences de livraison``, ``données de fidélité``: a ``de`` + bare noun complement
    narrows a one-word kind into a kind of its own; not after a complement already
    (``numéro de téléphone``) nor with a determiner (``préférences de nos clients``)."""
    return (token.dep_ == "nmod" and token.pos_ == "NOUN" and _case(token) in ("de", "d'", "d’")
            and not any(c.dep_ == "det" for c in token.children) and not any(t.pos_ == "ADP" for t in span)
            and token.lemma_.lower() not in P.PERSON_NOUNS and token.lower_ not in P.NOT_NARROWING)


def _shared_adjectives(doc: Doc, start: int, end: int) -> int:
    """Adjectives coordinated after the span's own share its head: ``situation familiale, économique
    ou financière``, ``numéro de téléphone fixe et mobile`` are one span (gold/README.md)."""
    while (end + 1 < len(doc) and doc[end - 1].pos_ == "ADJ" and doc[end].lower_ in (",", "et", "ou")
           and doc[end + 1].pos_ == "ADJ" and doc[end + 1].dep_ == "conj" and start <= doc[end + 1].head.i < end):
        end += 2
    return end


def _record_start(span: Span) -> int:
    """``enregistrement d’un entretien vidéo``, ``copie de votre passeport``: a record of the data
    is named with it."""
    head, doc = span.root.head, span.doc
    between = doc[head.i + 1 : span.start]
    if (span.start - 3 <= head.i < span.start - 1 and head.lemma_.lower() in P.RECORD_HEADS
            and _case(span.root) in CASE_DE and all(t.dep_ in ("case", "det") for t in between)):
        return head.i
    return span.start


def _adjective(token: Token, inside: range) -> bool:
    """``situation familiale``, ``activité professionnelle``: a plain adjective (not a participle)
    qualifying the span's last noun belongs to the name."""
    return (token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.i == inside[-1]
            and token.head.pos_ == "NOUN" and "Part" not in token.morph.get("VerbForm")
            and token.lemma_.lower() not in P.GENERIC_MODIFIERS and token.lower_ not in P.GENERIC_MODIFIERS)


def _participle(token: Token, inside: range) -> bool:
    """``appels passés``: a bare past participle that qualifies the name; not the processing itself
    (``conversations enregistrées``) nor the giving (``avis d’imposition fournis``)."""
    return (token.dep_ in ("acl", "amod") and token.head.i in inside and "Part" in token.morph.get("VerbForm")
            and "Past" in token.morph.get("Tense") and token.lemma_.lower() not in P.PROCESSING_VERBS | P.GIVING_VERBS
            and not list(token.children))


def _manner_cut(span: Span, end: int) -> int:
    """Stop before a prepositional phrase of manner or place: ``données de connexion`` | ``en toute sécurité``."""
    doc = span.doc
    for token in doc[span.root.i + 1 : end - 1]:
        if token.lower_ in P.MANNER_CASES and doc[token.i + 1].pos_ == "DET":
            return token.i
    return end


def _case(token: Token) -> str:
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def _owned(token: Token) -> bool:
    """``de votre téléphone``: a complement naming the person's thing."""
    if _case(token) not in CASE_DE:
        return False
    return any(c.dep_ == "det" and c.lower_ in P.PERSON_POSSESSIVES for c in token.children)


def _relative_end(span: Span, end: int, s: DataSettings) -> int:
    """The end of a relative clause that opens at ``end`` or inside the span, leaving out a final
    ``avec`` + party (``conversations que vous avez`` | ``avec nos conseillers``) and ``qui`` clauses."""
    doc = span.doc
    opener = next((t for t in doc[span.start : min(len(doc), end + 1)] if t.lower_ in P.RELATIVE_WORDS), None)
    if opener is None and end + 1 < len(doc) and doc[end].pos_ == "ADP" and doc[end + 1].lower_ in P.LEQUEL:
        opener = doc[end + 1]
    if opener is None or opener.i < span.start + 1 or opener.i > end + 1 or opener.i + 1 >= len(doc):
        return end
    if doc[opener.i + 1].pos_ in ("SCONJ", "ADP"):
        return end  # ``... que lorsque``: the ``que`` of ``ne ... que``
    verb = opener.head
    while verb.pos_ not in ("VERB", "AUX", "ADJ") and opener.i < verb.i < verb.head.i:
        verb = verb.head  # ``que vous ou votre société utilisez``: the parser may hang ``que`` on the subject
    if verb.i <= opener.i or verb.pos_ not in ("VERB", "AUX", "ADJ") or verb.i - opener.i > s.relative_verb_tokens:
        return end
    stop = verb.i + 1
    for child in verb.rights:
        if child.dep_ in ("punct", "conj", "cc", "parataxis", "advcl") or child.is_punct:
            break
        if _case(child) == "avec" and child.pos_ != "PRON":
            break
        stop = child.right_edge.i + 1
    limit = next((t.i for t in doc[verb.i : stop] if t.is_punct and t.text not in "-’'"), stop)
    return min(stop, limit, opener.i + s.relative_tokens)
