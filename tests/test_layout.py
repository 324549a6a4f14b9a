"""The layout layer: the cleaner's lines, the layout built from them or from the text alone, and
``privacy_layout`` putting it on the doc with its sentences."""

from __future__ import annotations

import pytest
import spacy

from pipeline.clean import CleanLine, clean
from pipeline.layout import STRUCTURE_KEY, Layout, structure_of

MARKDOWN = """# Politique de confidentialité

## 1. Données collectées

Nous collectons les données suivantes :
- votre nom
- votre adresse e-mail

| Données | Finalité | Durée |
|---|---|---|
| Nom | Gestion du compte | 3 ans |
|  | Facturation | 10 ans |

### 1.1 Cookies

2.3 CONSERVATION
Les données sont conservées 3 ans. Elles sont ensuite supprimées.
"""


def _by_text(cleaned) -> dict[str, CleanLine]:
    return {cleaned.text[line.start : line.end]: line for line in cleaned.lines}


def test_the_cleaner_says_what_each_line_was():
    cleaned = clean(MARKDOWN)
    lines = _by_text(cleaned)
    assert [cleaned.text[line.start : line.end] for line in cleaned.lines] == [
        line for line in cleaned.text.split("\n") if line.strip()]
    assert (lines["Politique de confidentialité"].kind, lines["Politique de confidentialité"].level) == ("heading", 1)
    assert (lines["Données collectées"].kind, lines["Données collectées"].level) == ("heading", 2)
    assert (lines["1.1 Cookies"].kind, lines["1.1 Cookies"].level) == ("heading", 3)
    assert (lines["2.3 CONSERVATION"].kind, lines["2.3 CONSERVATION"].level) == ("heading", 2)
    assert lines["votre nom"].kind == lines["votre adresse e-mail"].kind == "item"
    assert lines["Nous collectons les données suivantes :"].kind == "text"
    header = [lines[t] for t in ("Données", "Finalité", "Durée")]
    assert all(c.kind == "cell" and c.header and c.table == 0 and c.row == 0 for c in header)
    assert [c.column for c in header] == [0, 1, 2]
    # an empty cell counts as a column: ``Facturation`` is in the purpose column
    assert (lines["Facturation"].row, lines["Facturation"].column, lines["Facturation"].header) == (2, 1, False)
    assert (lines["10 ans"].row, lines["10 ans"].column) == (2, 2)


def test_setext_headings_have_their_level():
    cleaned = clean("Titre\n=====\n\nSous-titre\n----------\n\nTexte.\n")
    lines = _by_text(cleaned)
    assert (lines["Titre"].kind, lines["Titre"].level) == ("heading", 1)
    assert (lines["Sous-titre"].kind, lines["Sous-titre"].level) == ("heading", 2)


def test_the_layout_reads_the_cleaners_lines():
    cleaned = clean(MARKDOWN)
    layout = Layout(cleaned.text, cleaned.lines)
    text = cleaned.text
    assert [h.text for h in layout.headings] == ["Politique de confidentialité", "Données collectées", "1.1 Cookies",
                                                 "2.3 CONSERVATION"]
    # sections nest by level; ``2.3`` (level 2) closes ``1.1`` (level 3) and ``Données collectées`` (level 2)
    assert [h.text for h in layout.heading_chain(text.index("Facturation"))] == [
        "Politique de confidentialité", "Données collectées"]
    assert [h.text for h in layout.heading_chain(text.index("supprimées"))] == [
        "Politique de confidentialité", "2.3 CONSERVATION"]
    block = layout.list_at(text.index("votre adresse"))
    assert block.lead_in.text == "Nous collectons les données suivantes :"
    assert [item.text for item in block.items] == ["votre nom", "votre adresse e-mail"]
    assert layout.list_at(text.index("Nous collectons")) is None
    [table] = layout.tables
    assert [c.text for c in table.header] == ["Données", "Finalité", "Durée"]
    assert [[c.text for c in row] for row in table.rows] == [["Nom", "Gestion du compte", "3 ans"], ["Facturation", "10 ans"]]
    by_header = layout.row_by_header(text.index("Facturation"))
    assert {k: v.text for k, v in by_header.items()} == {"Finalité": "Facturation", "Durée": "10 ans"}
    assert [c.text for c in table.column(1)] == ["Gestion du compte", "Facturation"]


def test_a_layout_from_the_text_alone_infers_headings_items_and_tables():
    text = ("3 CONSERVATION\n\nNous collectons :\n- votre nom\n- votre adresse\n\n"
            "Finalité\nBase légale\nDurée\nGestion du compte\nContrat\n3 ans\n\nFin du texte.")
    layout = Layout(text)
    assert [(h.text, h.level) for h in layout.headings] == [("3 CONSERVATION", 1)]
    assert [line.kind for line in layout.lines if line.text.startswith("- ")] == ["item", "item"]
    [table] = layout.tables
    assert [c.text for c in table.header] == ["Finalité", "Base légale", "Durée"]
    assert [[c.text for c in row] for row in table.rows] == [["Gestion du compte", "Contrat", "3 ans"]]
    assert {k: v.text for k, v in layout.row_by_header(text.index("3 ans")).items()} == {
        "Finalité": "Gestion du compte", "Base légale": "Contrat", "Durée": "3 ans"}
    assert layout.list_at(text.index("votre adresse")).lead_in.text == "Nous collectons :"


def test_sentences_tile_the_text_and_end_at_lines_and_end_punctuation():
    text = "Titre\nNous gardons vos données. Puis nous les effaçons ! Fin\n\nAutre ligne"
    layout = Layout(text)
    spans = layout.sentences.spans()
    assert "".join(text[a:b] for a, b in spans) == text
    assert [text[a:b].strip() for a, b in spans if text[a:b].strip()] == [
        "Titre", "Nous gardons vos données.", "Puis nous les effaçons !", "Fin", "Autre ligne"]
    start = text.index("effaçons")
    assert text[slice(*layout.sentence_at(start))].strip() == "Puis nous les effaçons !"
    gap = text.index("\n", text.index("Fin"))
    wrapped = layout.sentences.reading_through([gap, gap + 1])  # a sentence wrapped over a blank line
    assert text[slice(*wrapped.range(text.index("Fin")))].split() == ["Fin", "Autre", "ligne"]


def test_lines_above_and_the_nearest_line_that_passes_a_test():
    text = "A\nB\n\nC\nD"
    layout = Layout(text)
    assert [line.text for line in layout.lines_above(text.index("D"), 3)] == ["B", "", "C"]
    assert [line.text for line in layout.lines_above(text.index("D"), 3, max_chars=3)] == ["", "C"]
    is_b = lambda line: line.text == "B"  # noqa: E731
    assert layout.above(text.index("D"), is_b, 3).text == "B"
    assert layout.above(text.index("D"), is_b, 2) is None
    assert layout.above(text.index("B"), is_b, 5) is None  # a line is not above itself


def test_the_context_of_a_character_for_practice_links():
    cleaned = clean(MARKDOWN)
    layout = Layout(cleaned.text, cleaned.lines)
    text = cleaned.text
    context = layout.context(text.index("10 ans"))
    assert context.line.text == "10 ans" and [c.text for c in context.row] == ["Facturation", "10 ans"]
    assert context.row_by_header["Finalité"].text == "Facturation"
    assert [h.text for h in context.headings][-1] == "Données collectées"
    item = layout.context(text.index("votre nom"))
    assert item.list.lead_in.text.startswith("Nous collectons")
    assert text[slice(*item.sentence)].strip() == "votre nom"


def test_a_piece_of_the_text_carries_its_lines_shifted():
    cleaned = clean(MARKDOWN)
    start = cleaned.text.index("| Nom") if "| Nom" in cleaned.text else cleaned.text.index("Nom\n")
    piece = structure_of(cleaned.lines, start, len(cleaned.text))
    assert piece[0][:3] == (0, 3, "cell")
    assert all(values[0] >= 0 for values in piece)
    layout = Layout(cleaned.text[start:], [CleanLine(*values) for values in piece])
    assert layout.line_at(0).table == 0 and layout.lines[0].row == 1


@pytest.fixture(scope="module")
def layout_nlp():
    nlp = spacy.blank("fr")
    nlp.add_pipe("privacy_layout")
    return nlp


def test_privacy_layout_puts_the_layout_on_the_doc_and_its_sentences_in_doc_sents(layout_nlp):
    text = "Données d’identification :\nvotre nom\nvotre adresse.\n\nNous gardons vos données 3 ans. Ensuite nous les effaçons."
    doc = layout_nlp(text)
    layout = doc._.layout
    assert doc._.layout is layout  # worked out once
    assert [s.text.strip() for s in doc.sents] == [
        "Données d’identification :", "votre nom", "votre adresse.", "Nous gardons vos données 3 ans.",
        "Ensuite nous les effaçons."]
    assert [text[a:b].strip() for a, b in layout.sentences.spans() if text[a:b].strip()] == [
        s.text.strip() for s in doc.sents]
    assert layout.list_at(text.index("votre nom")).lead_in.text == "Données d’identification :"


def test_the_parser_keeps_the_layouts_sentences(nlp):
    text = "Isabel NV/SA, dont les bureaux sont à Bruxelles (tél : +32 2 545 17 11) ;\nCodaBox NV/SA, à Gand. Nous traitons vos données."
    doc = nlp(text)
    sentences = [text[a:b].strip() for a, b in doc._.layout.sentences.spans() if text[a:b].strip()]
    assert [s.text.strip() for s in doc.sents] == sentences
    for sentence in doc.sents:  # no dependency crosses a sentence of the layout
        assert all(sentence.start <= token.head.i < sentence.end for token in sentence)


def test_a_doc_made_by_extract_carries_the_cleaners_tables(nlp, params):
    from pipeline.extract import with_layout

    cleaned = clean(MARKDOWN, params.clean)
    doc = nlp(with_layout(nlp, cleaned.text, structure_of(cleaned.lines)))
    assert doc.user_data[STRUCTURE_KEY]
    [table] = doc._.layout.tables
    assert [c.text for c in table.header] == ["Données", "Finalité", "Durée"]
    # the same text alone: ``Nom``, the first cell under the header, reads as one more header cell
    plain = nlp(cleaned.text)._.layout
    assert [c.text for c in plain.tables[0].header] == ["Données", "Finalité", "Durée", "Nom"]


def test_a_list_goes_on_over_blank_lines_between_items_the_markup_made():
    cleaned = clean("Nous collectons :\n\n- votre nom\n\n- votre adresse\n\nNous les gardons.\n\n- un autre point\n")
    layout = Layout(cleaned.text, cleaned.lines)
    block = layout.list_at(cleaned.text.index("votre adresse"))
    assert block.lead_in.text == "Nous collectons :" and [i.text for i in block.items] == ["votre nom", "votre adresse"]
    assert layout.list_at(cleaned.text.index("Nous les gardons")) is None
    # without the markup, a blank line after the first item ends the list
    plain = Layout("Nous collectons :\nvotre nom\n\nvotre adresse")
    assert [i.text for i in plain.list_at(0 + len("Nous collectons :\n")).items] == ["votre nom"]
