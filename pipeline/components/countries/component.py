"""``privacy_countries``: the country a notice names for each ``RECIPIENT`` span (``span._.country``)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from pipeline.components import label_spans
from pipeline.components.lexicon import Lexicon, SavedLexicon, load_yaml
from pipeline.config import CountriesSettings

LEXICON = Path(__file__).with_name("lexicon.yaml")  # what ``initialize`` reads by default
# what stands right before a country named for a place (``situés en Inde``, ``vers les États-Unis``,
# ``Google LLC (États-Unis)``, ``Localisation : Irlande``), determiners skipped
PLACE_CUES = frozenset("en au aux à vers dans ( : – —".split())
DETERMINERS = frozenset("le la les l' l’".split())
# before a country, what makes it a place the data does not go (``hors des États-Unis``)
DENIALS = frozenset("hors dehors sauf excepté exception".split())


class Mention(NamedTuple):
    start: int  # characters
    end: int
    code: str  # ISO 3166-1 alpha-2
    placed: bool  # introduced as a place (``en``, ``aux``, ``(`` ...)


class Countries(SavedLexicon):
    """Give each ``RECIPIENT`` span the country the notice names for it.

    A country written in the span itself (``Google Ireland Ltd.``) comes first; else the first one
    named in another cell of its table row, else the first one named as a place (``situés en
    Inde``, ``hébergé en France``, ``(États-Unis)``) in its list item (or, when the item names
    none, in its list's lead-in: ``Nos sous-traitants situés en France :``), or, in running text,
    in its sentence. A region (``hors de l’Union européenne``, ``pays tiers``) is no country of the
    lexicon, and a country the data does not go to (``hors des États-Unis``) does not count.
    Runs after ``privacy_combine`` when there is one, so every final span is read, whatever its origin.
    """

    def __init__(self, nlp: Language, name: str, *, settings: CountriesSettings | None = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.s = settings or CountriesSettings()
        self._use(Lexicon())  # empty until ``initialize`` or ``from_disk``

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   lexicon: dict | None = None) -> None:
        """Take the lexicon (by default the package's ``lexicon.yaml``): country names by ISO code,
        their spellings cut by ``nlp``'s tokenizer."""
        if nlp is None:
            raise ValueError(f"{self.name}: initialize needs the pipeline (nlp=) to tokenize its lexicon")
        data = lexicon if lexicon is not None else load_yaml(str(LEXICON))
        self._use(Lexicon(data.get("countries", {})).tokenized(nlp.tokenizer))

    def _use(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.matcher = lexicon.matcher(self.vocab, "LOWER")

    def __call__(self, doc: Doc) -> Doc:
        recipients = label_spans(doc, "RECIPIENT")
        if not recipients:
            return doc
        mentions = self.mentions(doc)
        if not mentions:
            return doc
        layout = doc._.layout
        for span in recipients:
            code = self.country_of(span, mentions, layout)
            if code is not None:
                span._.country = code
        return doc

    def mentions(self, doc: Doc) -> list[Mention]:
        """The countries the doc names, in text order, each written with a capital."""
        found = []
        for match_id, start, end in self.matcher(doc):
            first = doc[start]
            if not first.text[:1].isupper():
                continue  # ``inde``, ``maurice`` in lower case name no country
            before = [t.lower_ for t in doc[max(0, start - self.s.cue_tokens) : start]]
            while before and before[-1] in DETERMINERS:
                before.pop()
            if any(word in DENIALS for word in before):
                continue
            placed = bool(before) and before[-1] in PLACE_CUES
            found.append(Mention(first.idx, doc[end - 1].idx + len(doc[end - 1]), self.vocab.strings[match_id], placed))
        return sorted(set(found))

    def country_of(self, span: Span, mentions: list[Mention], layout) -> str | None:
        inside = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char]
        if inside:
            return inside[0].code
        row = layout.row_at(span.start_char)
        if row:
            cells = [(cell.start, cell.end) for cell in row if cell.end - cell.start <= self.s.context_chars]
            named = [m for m in mentions if any(s <= m.start and m.end <= e for s, e in cells)]
            return named[0].code if named else None
        line = layout.line_at(span.start_char)
        if line.kind == "item":
            found = self._placed(mentions, line.start, line.end)
            block = layout.list_at(span.start_char)
            if found is None and block is not None and block.lead_in is not None:
                found = self._placed(mentions, *self._paragraph(layout, block.lead_in))
            return found
        return self._placed(mentions, *layout.sentence_range(span.start_char, span.end_char))

    def _placed(self, mentions: list[Mention], start: int, end: int) -> str | None:
        """The first country named as a place in ``[start, end)``, when that stretch is not too long
        to tie a country to one party."""
        if end - start > self.s.context_chars:
            return None
        named = [m for m in mentions if start <= m.start and m.end <= end and m.placed]
        return named[0].code if named else None

    @staticmethod
    def _paragraph(layout, lead_in) -> tuple[int, int]:
        """A list's lead-in with the lines it wraps from (``b. Les sous-traitants situés en
        France, qui ...\nappropriées :``): up to a blank line, a heading, a cell or the item it
        goes on from, included."""
        first = lead_in
        while first.kind not in ("item", "heading") and first.index > 0:
            above = layout.lines[first.index - 1]
            if above.blank or above.kind in ("heading", "cell"):
                break
            first = above
        return first.start, lead_in.end
