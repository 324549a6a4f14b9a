"""``privacy_countries``: the country a notice names for each RECIPIENT span (sentences written for the test)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.components import SPAN_KEY
from pipeline.components.countries.component import Countries
from pipeline.config import CountriesSettings, Params
from pipeline.extract import extract
from pipeline.notices import Notice


@pytest.fixture(scope="module")
def countries(nlp):
    return nlp.get_pipe("privacy_countries")


def country_of(nlp, countries, text: str, party: str, others: tuple[str, ...] = ()) -> str | None:
    """The country given to the RECIPIENT span ``party`` (its first occurrence), the doc's RECIPIENT
    spans being ``party`` and ``others``: the component alone, on spans set here."""
    doc = nlp.make_doc(text)
    spans = []
    for words in (party, *others):
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label="RECIPIENT"))
    doc.spans[SPAN_KEY] = spans
    countries(doc)
    return doc.spans[SPAN_KEY][0]._.country


@pytest.mark.parametrize(
    "text, party, want",
    [
        # named for the party in its sentence
        ("Nous confions l’hébergement de votre compte à un prestataire situé au Canada.", "prestataire", "CA"),
        ("Certaines de vos données sont traitées par nos sous-traitants établis en Tunisie.", "sous-traitants", "TN"),
        ("Vos réservations sont hébergées aux États-Unis par notre partenaire technique.", "partenaire technique", "US"),
        # in the party's own name
        ("Nous utilisons les services de Microsoft Ireland Operations Limited pour la messagerie.",
         "Microsoft Ireland Operations Limited", "IE"),
        # a region names none
        ("Vos données peuvent être transférées à nos prestataires hors de l’Union européenne.", "prestataires", None),
        ("Vos données peuvent être transférées vers des pays tiers par nos sous-traitants.", "sous-traitants", None),
        # two countries: the first named
        ("Notre centre d’appels, situé au Maroc et à Madagascar, reçoit votre numéro.", "centre d’appels", "MA"),
        # a country the data does not go to, and one in lower case, name none
        ("Nos prestataires stockent vos données hors des États-Unis.", "prestataires", None),
        ("Nos prestataires reçoivent une copie de la fiche inde du produit.", "prestataires", None),
        # a country in another sentence is not this party's
        ("Notre siège est en Suisse. Vos données sont transmises à nos prestataires.", "prestataires", None),
    ],
)
def test_the_country_named_for_a_recipient(nlp, countries, text, party, want):
    assert country_of(nlp, countries, text, party) == want


def test_a_country_in_the_list_item_of_the_recipient(nlp, countries):
    text = ("Nous faisons appel aux prestataires suivants :\n"
            "- un éditeur de logiciel de paie, hébergé en Allemagne\n"
            "- un service de routage des courriels\n")
    assert country_of(nlp, countries, text, "éditeur de logiciel de paie") == "DE"
    # the next item names none: the country of the first does not reach it
    assert country_of(nlp, countries, text, "service de routage") is None


def test_a_country_in_the_lead_in_of_the_recipients_list(nlp, countries):
    text = ("Vos données sont confiées à des prestataires.\n"
            "a. Nos sous-traitants situés en Suède, qui agissent selon nos seules\n"
            "instructions écrites :\n"
            "i. un loueur de serveurs ;\n"
            "ii. un service d’envoi de SMS situé au Brésil.\n")
    assert country_of(nlp, countries, text, "loueur de serveurs") == "SE"
    # the item's own country comes first
    assert country_of(nlp, countries, text, "service d’envoi de SMS") == "BR"
    # a lead-in naming a region names none
    region = text.replace("situés en Suède", "situés hors de l’Union européenne")
    assert country_of(nlp, countries, region, "loueur de serveurs") is None


def test_a_country_in_the_table_row_of_the_recipient(nlp, countries):
    text = ("Destinataire\nFinalité\nTransfert vers\n"
            "Prestataire de messagerie\nEnvoi des lettres d’information\nSingapour\n"
            "Transporteur\nLivraison des colis\nFrance\n\nFin du tableau.")
    doc = nlp.make_doc(text)
    assert doc._.layout.tables, "the text reads as a table"
    assert country_of(nlp, countries, text, "Prestataire de messagerie") == "SG"
    assert country_of(nlp, countries, text, "Transporteur") == "FR"


def test_a_sentence_without_a_recipient_gets_nothing(nlp):
    doc = nlp("Notre société est immatriculée en France depuis dix ans.")
    assert not [s for s in doc.spans.get(SPAN_KEY, []) if s.label_ == "RECIPIENT"]
    assert all(s._.country is None for s in doc.spans.get(SPAN_KEY, []))


def test_the_full_pipeline_gives_the_country_and_keeps_it_by_label(nlp):
    assert nlp.pipe_names[-2:] == ["privacy_countries", "privacy_practices"]
    doc = nlp("Nous transmettons vos coordonnées à nos prestataires situés en Inde pour le service client.")
    [party] = [s for s in doc.spans[SPAN_KEY] if s.label_ == "RECIPIENT"]
    assert party._.country == "IN"
    # kept by offsets and label: a span of another label on the same words has none
    assert doc.char_span(party.start_char, party.end_char, label="DATA")._.country is None


def test_the_lexicon_survives_to_disk_and_from_disk(nlp, countries, tmp_path):
    countries.to_disk(tmp_path)
    loaded = Countries(nlp, "privacy_countries").from_disk(tmp_path)
    assert loaded.lexicon.to_dict() == countries.lexicon.to_dict()
    assert len(loaded.lexicon) > 40
    text = "Vos données sont envoyées à un prestataire établi en Israël."
    assert country_of(nlp, loaded, text, "prestataire") == "IL"
    empty = Countries(nlp, "privacy_countries")  # nothing before initialize or from_disk
    assert country_of(nlp, empty, text, "prestataire") is None
    assert Countries(nlp, "x").from_bytes(countries.to_bytes()).lexicon.to_dict() == countries.lexicon.to_dict()


def test_a_saved_model_carries_the_component_and_its_settings(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names[-2:] == ["privacy_countries", "privacy_practices"]
    assert loaded.get_pipe("privacy_countries").s == CountriesSettings()
    doc = loaded("Vos données sont communiquées à nos prestataires situés au Japon.")
    assert [s._.country for s in doc.spans[SPAN_KEY] if s.label_ == "RECIPIENT"] == ["JP"]


def test_the_json_output_has_the_country(nlp):
    text = "Vos données de paiement sont transmises à notre prestataire situé en Irlande.\n"
    [record] = list(extract(nlp, [Notice("n", text, "n.txt")], Params(), print))
    recipients = [s for s in record["spans"] if s["label"] == "RECIPIENT"]
    assert recipients and recipients[0]["country"] == "IE"
    assert all("country" not in s for s in record["spans"] if s["label"] != "RECIPIENT")


def test_country_settings_are_checked():
    with pytest.raises(ValueError):
        Params.model_validate({"components": {"countries": {"cue_tokens": 0}}})
