"""``privacy_recipients``: parties that receive data, as ``RECIPIENT`` spans with a category."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from pipeline.components import SPAN_KEY
from pipeline.components.lexicon import Lexicon, load_yaml, terms
from pipeline.config import RecipientsSettings
from pipeline.components.recipients import patterns as P
from pipeline.components.syntax import DETERMINER_WORDS, phrase_tokens
from pipeline.layout import Layout, Line

LEXICON = Path(__file__).with_name("lexicon.yaml")  # what ``initialize`` reads by default
LEXICON_FILE = "lexicon.json"  # in the component's folder of a saved model
SHARING = P.sharing_cue()
HEADING = P.recipient_heading()
SOURCE = P.source_before()
SHARING_VERB = P.sharing_verb()
VAGUE_AFTER = frozenset({"suivant", "suivants", "suivante", "suivantes", "mentionné", "mentionnés", "ci-dessous", "ci-après", "précités"})
GIVING_VERBS = frozenset("transmettre communiquer partager transférer fournir divulguer vendre céder envoyer confier utiliser recourir faire".split())
PROVIDER = P.provider_cue()
SHARED_WITH = P.shared_with_relative()
COMPANY_APPOSITION = re.compile(r"^\s*,\s*(?:une?|le|la)\s+(?:société|entreprise|prestataire|agence|cabinet|organisme|start-up)", re.IGNORECASE)
NAMED = re.compile(r"^[A-Z0-9][\w&.\-’' ]{1,40}$")


def _capitalised(span: Span) -> bool:
    """A name, not a phrase: every word starts with a capital or a digit (``Google Analytics``, ``MyForce``)."""
    words = [t for t in span if not t.is_punct and t.lower_ not in ("de", "du", "des", "&", "et")]
    return bool(words) and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words)


def _shared_qualifier(doc: Doc, start: int, end: int) -> int:
    """A second qualifier sharing the party's head: ``autorités administratives ou judiciaires``,
    ``prestataires de paiement et de livraison`` are one party each."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("et", "ou"):
        return end
    nxt = doc[end + 1]
    if nxt.pos_ == "ADJ" and nxt.dep_ == "conj" and start <= nxt.head.i < end and doc[end - 1].pos_ == "ADJ":
        return end + 2
    if (nxt.lower_ in ("de", "d'", "d’") and end + 2 < len(doc) and doc[end + 2].pos_ == "NOUN"
            and doc[end + 2].dep_ == "conj" and start <= doc[end + 2].head.i < end and doc[end - 2].lower_ in ("de", "d'", "d’")):
        return end + 3
    return end


class Recipients:
    """Mark the parties to which a notice says data is disclosed.

    Party kinds come from the lexicon (``sous-traitants``, ``autorités``,
    ``sociétés du groupe``...), named organisations from ``doc.ents`` (the NER's
    ``ORG``, and ``MISC``/``PER`` inside a list of providers), from a
    gazetteer of well-known providers, and from the leading names of list
    items under a recipient heading (``Tobania et MyForce, qui ...``). A
    candidate counts in a sentence that shares data or under a recipient
    heading; sources of data (``auprès de``, ``provenant de``), the
    organisation itself and its staff never count.
    """

    def __init__(
        self, nlp: Language, name: str, *, settings: RecipientsSettings | None = None, scorer: Callable | None = None
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.s = settings or RecipientsSettings()
        self.scorer = scorer
        self._use(Lexicon(), Lexicon(lower=False), [])  # empty until ``initialize`` or ``from_disk``

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   lexicon: dict | None = None) -> None:
        """Take the lexicon (by default the package's ``lexicon.yaml``): party ``kinds`` and
        ``organisations`` by category, and the words that ``never`` name a party; its spellings
        are cut by ``nlp``'s tokenizer."""
        if nlp is None:
            raise ValueError(f"{self.name}: initialize needs the pipeline (nlp=) to tokenize its lexicon")
        data = lexicon if lexicon is not None else load_yaml(str(LEXICON))
        self._use(Lexicon(data.get("kinds", {})).tokenized(nlp.tokenizer),
                  Lexicon(data.get("organisations", {}), lower=False).tokenized(nlp.tokenizer), terms(data.get("never")))

    def _use(self, kinds: Lexicon, organisations: Lexicon, never: list[str]) -> None:
        self.lexicon = {"kinds": kinds, "organisations": organisations, "never": never}
        self.kinds, self.orgs = kinds.table, organisations.table
        self.never = {t.lower() for t in never}
        self.kind_matcher = kinds.matcher(self.vocab, "LOWER")
        self.org_matcher = organisations.matcher(self.vocab, "ORTH")

    def _data(self) -> dict:
        return {"kinds": self.lexicon["kinds"].to_dict(), "organisations": self.lexicon["organisations"].to_dict(),
                "never": self.lexicon["never"]}

    def _load(self, data: dict) -> "Recipients":
        self._use(Lexicon.from_dict(data["kinds"]), Lexicon.from_dict(data["organisations"]), data["never"])
        return self

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return self.scorer(examples) if self.scorer is not None else {}

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._data())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "Recipients":
        return self._load(srsly.msgpack_loads(data))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / LEXICON_FILE, self._data())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "Recipients":
        return self._load(srsly.read_json(Path(path) / LEXICON_FILE))

    def __call__(self, doc: Doc) -> Doc:
        own = self._own_names(doc)
        candidates: list[tuple[Span, str, str]] = []  # span, category, source
        for match_id, start, end in self.kind_matcher(doc):
            span = self._extend(Span(doc, start, end, label="RECIPIENT"))
            category = self.kinds.get(" ".join(span.text.lower().split()), doc.vocab.strings[match_id])
            candidates.append((span, category, "kind"))
        for match_id, start, end in self.org_matcher(doc):
            candidates.append((Span(doc, start, end, label="RECIPIENT"), doc.vocab.strings[match_id], "name"))
        for ent in doc.ents:
            if ent.label_ in ("ORG", "MISC", "PER"):
                candidates.append((Span(doc, ent.start, ent.end, label="RECIPIENT"), "", ent.label_))
        candidates += self._list_items(doc)
        candidates += self._introduced_names(doc)
        candidates += self._indirect_objects(doc)
        kept = []
        for span, category, source in candidates:
            if self._keep(doc, span, source, own):
                span._.category = category or self._category(span)
                kept.append(span)
        kept = filter_spans(kept)
        if kept:
            doc.spans[SPAN_KEY] = list(doc.spans.get(SPAN_KEY, [])) + kept
        return doc

    def _extend(self, span: Span) -> Span:
        """A party kind with its own qualifier: ``sous-traitants tiers``, ``autorités gouvernementales``."""
        if not span.doc.has_annotation("DEP"):
            return span
        doc = span.doc
        root, qualifier = span.root, False
        if root.dep_ == "amod" and root.head.i == span.start - 1 and root.head.pos_ == "NOUN" and root.head.lower_ not in self.never:
            root, qualifier = root.head, True  # ``restaurants partenaires``, ``banques tierces``: the kind qualifies a noun
        start, end = phrase_tokens(root, max_right=self.s.qualifier_tokens)
        if qualifier:
            end = span.end
        start, end = min(start, span.start), max(end, span.end)
        while start < span.start and (doc[start].pos_ in ("ADP", "ADV", "DET", "PUNCT") or doc[start].lower_ in DETERMINER_WORDS):
            start += 1  # ``directement par notre prestataire``: the parse may hang the clause's words on the party
        name = next((t.i for t in doc[span.end : end] if t.text[:1].isupper() and not t.is_sent_start
                     and doc[t.i - 1].pos_ not in ("ADP", "DET") and t.lower_ not in ("groupe", "group")), end)
        end = max(span.end, name)  # ``prestataire de paiement Stripe``: the name is a party of its own
        while end > span.end and (doc[end - 1].lower_ in VAGUE_AFTER or doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1  # ``sous-traitants suivants``
        end = _shared_qualifier(doc, start, end)
        if start > 0 and span.doc[start - 1].lower_ in ("autre", "autres") and span.doc[start].lower_ not in ("autre", "autres"):
            start -= 1
        return Span(span.doc, start, end, label="RECIPIENT")

    def _indirect_objects(self, doc: Doc) -> list[tuple[Span, str, str]]:
        """Parties the lexicon does not know, as the ``à`` complement of a verb that gives data:
        ``transmises aux caisses de congés payés``, ``partagées avec les enseignes du réseau``."""
        if not doc.has_annotation("DEP"):
            return []
        out = []
        for m in SHARING_VERB.finditer(doc._.layout.text):
            verb = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if verb is None or not len(verb):
                continue
            verb = verb[0]
            if verb.pos_ != "VERB" or verb.lemma_ not in P.GIVING_LEMMAS:
                continue
            if any(c.dep_ == "nsubj" and c.lower_ in ("vous", "tu", "je", "utilisateur", "client") for c in verb.children):
                continue  # ``les réponses que vous avez fournies à l’enquête``: the person gives
            for child in verb.children:
                if child.dep_ not in ("obl:arg", "obl", "iobj", "obl:mod") or child.pos_ not in ("NOUN", "ADJ"):
                    continue  # ADJ: a noun the tagger took for one (``aux centrales d’achat``)
                cases = [c.lower_ for c in child.children if c.dep_ == "case"]
                if not cases or cases[0] not in P.TO_PARTY:
                    continue
                for head in [child, *(t for t in child.conjuncts if t.pos_ == "NOUN")]:
                    if head.lemma_.lower() in P.NOT_PARTY_HEADS or head.lower_ in P.NOT_PARTY_HEADS or head.lemma_.lower() in self.never:
                        continue
                    span = self._extend(Span(doc, head.i, head.i + 1, label="RECIPIENT"))
                    out.append((span, self.kinds.get(span.text.lower(), ""), "kind"))
        return out

    def _introduced_names(self, doc: Doc) -> list[tuple[Span, str, str]]:
        """Names a noun of party introduces, which the NER may not know: ``la société Payline``,
        ``notre prestataire Dématik``, ``le cabinet Martin & Associés``."""
        out = []
        for m in P.INTRODUCED_NAME.finditer(doc._.layout.text):
            span = doc.char_span(m.start("name"), m.end("name"), label="RECIPIENT", alignment_mode="contract")
            if span is not None and len(span) and not any(t.pos_ in ("VERB", "AUX") for t in span):
                out.append((span, P.INTRODUCER_CATEGORY.get(m.group("noun").lower(), ""), "name"))
        return out

    def _list_items(self, doc: Doc) -> list[tuple[Span, str, str]]:
        """Leading names of list items under a recipient heading: ``Tobania et MyForce, qui ...``."""
        out = []
        for row in doc._.layout.lines:
            line, start = row.text, row.start
            lead = P.LIST_ITEM_STOP.split(line, maxsplit=1)[0].strip()
            if not lead or not lead[0].isupper() or len(lead.split()) > self.s.item_words or lead == line.strip():
                continue
            for part in re.split(r"\s+et\s+|\s*,\s*", lead):
                part = part.strip()
                if not NAMED.match(part) or not any(c.isupper() for c in part[1:] + part[0]):
                    continue
                char = start + line.index(part)
                span = doc.char_span(char, char + len(part), label="RECIPIENT", alignment_mode="contract")
                if span is not None and len(span) <= self.s.item_tokens and not any(t.pos_ in ("VERB", "AUX", "DET") for t in span):
                    out.append((span, "", "item"))
        return out

    def _own_names(self, doc: Doc) -> set[str]:
        """The organisation's own names: the two capitalised words that recur most inside sentences
        (``Harmony``, ``KBC``, ``Belfius``, ``Isabel``, ``Commission``), when they recur at all, and
        the name a notice gives itself (``édité par la société Dalmor``, ``Dalmor (ci-après « nous »)``)."""
        counts = Counter(
            t.text for t in doc
            if t.text[:1].isupper() and len(t.text) > 2 and not t.is_sent_start and not t.is_stop and t.is_alpha
        )
        own = {name for name, n in counts.most_common(self.s.own_names) if n >= self.s.own_name_count}
        for m in P.OWN_INTRO.finditer(doc._.layout.text):
            own.add((m.group("name") or m.group("name2")).split()[0])  # ``édité par la société Dalmor``, ``Dalmor (ci-après « nous »)``
        return own

    def _keep(self, doc: Doc, span: Span, source: str, own: set[str]) -> bool:
        text = span.text.strip()
        if not text or text.lower() in self.never or (len(span) == 1 and span.root.lemma_.lower() in self.never):
            return False
        if text.lower() in P.NOT_A_PARTY or P.DOCUMENT_PART.match(text):
            return False
        layout: Layout = doc._.layout
        whole = layout.text
        first, last = layout.sentence_range(span.start_char, span.end_char)
        sentence, left = whole[first:last], whole[first : span.start_char]
        sources = list(SOURCE.finditer(left))
        if sources and not SHARING_VERB.search(left[sources[-1].end() :]):
            return False  # ``demander les données auprès de prestataires comme Worldline``
        if self._in_heading(doc, span):
            return False
        negation = None
        for negation in P.NEGATED.finditer(left):
            pass
        if (negation is not None and not P.EXCEPTION.search(left[negation.end() :])
                and not P.CONDITION_BEFORE.search(left[: negation.start()])):
            return False  # ``nous ne vendons jamais vos données à des annonceurs``
        if P.COMPLAINT.search(sentence) and (self.kinds.get(text.lower()) == "authority" or self.orgs.get(text) == "authority"):
            return False  # ``vous pouvez saisir l’autorité de contrôle``: receives complaints, not data
        previous = doc[span.start - 1] if span.start else None
        if previous is not None and previous.text in own:
            return False  # ``Belfius Banque``: part of the organisation's name
        root = span.root
        if root.dep_ == "nsubj" and root.head.lemma_ in GIVING_VERBS:
            return False  # ``La mutuelle fait appel à ...``: the one who gives the data
        if source == "kind":
            if span.root.lower_ in ("tiers",) and len(span) == 1 and not self._bare_third_party(span):
                return False
            return bool(SHARING.search(sentence)) or self._under_heading(layout, span.start_char) or self._in_sharing_list(layout, span.start_char)
        if span[0].text in own and not text.lower().startswith("groupe"):
            return False
        listed = self._in_sharing_list(layout, span.start_char)
        if source == "name":  # a well-known provider, where the notice uses or feeds it
            cell = whole[first:last].strip(" \n;,.") == text and self._under_heading(layout, span.start_char)
            return self._named_as_party(span) and bool(SHARING.search(sentence) or PROVIDER.search(sentence) or listed or cell)
        if source in ("ORG", "MISC") and _capitalised(span) and (SHARING.search(sentence) or listed):
            return span.root.pos_ in ("PROPN", "X") and self._named_as_party(span)
        if source == "PER" and SHARING.search(sentence) and COMPANY_APPOSITION.match(whole[span.end_char :]):
            return True  # ``réalisées par Focus Feedback, une société de recherche``
        # MISC, PER and list items: only as the lead names of items under a recipient heading
        return source == "item" and self._under_heading(layout, span.start_char) and _capitalised(span)

    def _named_as_party(self, span: Span) -> bool:
        """A name where recipients stand: after ``à``, ``avec``, ``par``, ``chez``, ``via``, ``comme``...,
        at the head of a line, in a list of names, or after a verb of use or sharing."""
        doc = span.doc
        before = [t for t in doc[max(0, span.start - self.s.before_tokens) : span.start] if not t.is_punct and t.lower_ not in ("l'", "l’", "la", "le", "les")]
        layout: Layout = doc._.layout
        if not before or layout.text[layout.line_at(span.start_char).start : span.start_char].strip() == "":
            return True
        if before[-1].lower_ in P.RECIPIENT_PREPOSITIONS or before[-1].lower_ in ("et", "ou") or doc[span.start - 1].text in (",", "("):
            return True  # ``à Stripe``, ``hébergeurs (OVH, Scaleway)``
        if before[-1].lemma_.lower() in P.PROVIDER_NOUNS or before[-1].lower_ in P.PROVIDER_NOUNS:
            return True  # ``notre outil d’analyse Mixpanel``, ``le prestataire Stripe``
        return any(t.lemma_ in P.USING_VERBS for t in doc[max(0, span.start - self.s.using_tokens) : span.start])

    def _bare_third_party(self, span: Span) -> bool:
        """``à des tiers``, ``avec des tiers``: data go to them; not ``ces tiers`` (a back-reference),
        ``produits de tiers`` (theirs) or a rights clause (``transférer vos données à un tiers``)."""
        before = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
        layout: Layout = span.doc._.layout
        sentence = layout.text[slice(*layout.sentence_range(span.start_char, span.end_char))].lower()
        if before and before[-1] in ("ces", "ce", "de", "d'", "d’") or "droit" in sentence:
            return False
        if SHARED_WITH.match(layout.text, span.end_char):
            return True  # ``les tiers avec lesquels nous partageons vos données``
        return any(w in ("à", "aux", "avec", "par", "entre") for w in before) or span.start == 0

    def _in_heading(self, doc: Doc, span: Span) -> bool:
        """``5 PARTAGE ET TRANSFERT DE VOS DONNÉES``, ``Transmission à des tiers``: a heading names a
        section. A short line that only names parties is a heading naming the party (``Réparateurs``)
        or a list item without punctuation (``Les experts-comptables et les notaires``): kept."""
        row = doc._.layout.line_at(span.start_char)
        start, line = row.start, row.text
        short = (len(line) < self.s.short_line_chars and not line.rstrip().endswith((".", ";", ":"))
                 and len(line.split()) <= self.s.short_line_words)
        if not (row.titled or short):
            return False
        rest = line[: span.start_char - start] + " " + line[span.end_char - start :]
        return bool(P.SECTION_WORDS.search(rest))

    def _in_sharing_list(self, layout: Layout, char: int) -> bool:
        """An item of a list whose introduction gives data: ``Vos données peuvent être transmises :``
        then ``à France Travail ;`` on a line of its own."""
        line_start = layout.line_at(char).start
        if layout.text[line_start:char].count(" ") > self.s.lead_spaces:
            return False  # inside a sentence of the item, not its lead
        for row in reversed(layout.lines_above(char, self.s.list_lines, self.s.list_chars)):
            line = row.text.strip()
            if line.endswith(":"):
                return bool(SHARING.search(line)) and not P.OTHER_LIST.search(line)
            if not line or line.endswith((".", "?")) or len(line) > self.s.list_line_chars:
                return False
        return False

    def _heading(self, line: Line) -> bool:
        """A recipient heading: ``Destinataires``, ``Partage de vos données``, ``À qui ...``."""
        return not line.blank and len(line.text) <= self.s.heading_max_chars and HEADING.search(line.text) is not None

    def _under_heading(self, layout: Layout, char: int) -> bool:
        return layout.above(char, self._heading, self.s.heading_window, self.s.heading_chars) is not None

    def category_of(self, span: Span) -> str:
        """The category this component gives a ``RECIPIENT`` span found by another source (a trained model)."""
        return self._category(span)

    def _category(self, span: Span) -> str:
        """The gazetteer's or lexicon's category, ``group`` for ``Groupe ...``, else ``processor``."""
        key = span.text
        if key in self.orgs:
            return self.orgs[key]
        for k in (span.text.lower(), span.root.lower_):
            if k in self.kinds:
                return self.kinds[k]
        if span.text.lower().startswith("groupe"):
            return "group"
        for head, category in P.HEAD_CATEGORIES:
            if head.search(span.text):
                return category
        return self._context_category(span)

    def _context_category(self, span: Span) -> str:
        """A name without a kind noun takes the nearest kind noun before it, in its sentence or the list intro
        just above (``nos partenaires publicitaires, comme Criteo``; ``Nos sous-traitants :`` over a list of
        names); ``processor``, the usual role of a named provider, when there is none."""
        text = span.doc._.layout.text
        start = span.start_char
        window = text[max(0, start - self.s.context_chars):start]
        cut = max(window.rfind(". "), window.rfind(".\n"), window.rfind("\n\n"))
        if cut >= 0:
            window = window[cut + 1:]
        found = list(P.KIND_BEFORE_NAME.finditer(window))
        if found:
            return found[-1].lastgroup or "processor"
        return "processor"
