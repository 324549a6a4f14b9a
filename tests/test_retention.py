"""``privacy_retention``: every form of point 2 and every exclusion of point 3 of its issue.

Sentences are written in the gold markup (``⟦DURATION P3Y exact|3 ans⟧``) and
parsed by the same helper as the gold set. Rule-only behaviour runs on
``spacy.blank("fr")``.
"""

from __future__ import annotations

import pytest
import spacy

from pipeline.components import SPAN_KEY
from pipeline.components.retention.normalise import iso
from pipeline.components.retention.models import RetentionPeriod
from pipeline.components.retention.patterns import NUMBER_WORDS, parse_number
from pipeline.config import Params
from pipeline.extract import extract
from pipeline.notices import Notice

from conftest import expected, found


@pytest.fixture(scope="module")
def rules():
    import pipeline.components.retention.factory  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("privacy_retention")
    return nlp


POSITIVE = [
    # digits and units
    "Vos données de facturation sont conservées pendant ⟦DURATION P5Y exact|5 ans⟧.",
    "Les enregistrements sont conservés ⟦DURATION P15D exact|15 jours⟧ puis effacés.",
    "Les journaux sont gardés ⟦DURATION P1W exact|une semaine⟧.",
    "Les candidatures sont conservées durant ⟦DURATION P2W exact after=recrutement|2 semaines après le recrutement⟧.",
    "Nous conservons ces fichiers pendant ⟦DURATION P3Y exact|3 années⟧.",
    "Les traces de connexion sont stockées ⟦DURATION P1Y exact|1 an⟧.",
    "Les données du badge sont archivées pendant ⟦DURATION P1M exact|un mois⟧.",
    # number words
    "Les données sont conservées pendant ⟦DURATION P2Y exact|deux ans⟧.",
    "Nous conservons vos réponses ⟦DURATION P12M exact|douze mois⟧.",
    "Les vidéos sont conservées ⟦DURATION P13M exact|treize mois⟧ au plus tard.",
    "Vos messages sont supprimés après ⟦DURATION P20D exact|vingt jours⟧.",
    "Les dossiers sont archivés pendant ⟦DURATION P30Y exact|trente ans⟧.",
    "Les pièces sont conservées ⟦DURATION P50Y exact|cinquante ans⟧ aux archives.",
    "Les cookies ont une durée de vie de ⟦DURATION P13M exact|treize (13) mois⟧.",
    "Le dossier médical est conservé ⟦DURATION P20Y exact|vingt ans⟧.",
    "Nous conservons les relevés ⟦DURATION P10Y exact|dix ans⟧.",
    # fractions and compounds
    "Les contrats sont conservés ⟦DURATION P18M exact|un an et demi⟧.",
    "Les pièces comptables sont conservées ⟦DURATION P3Y6M exact|3 ans et 6 mois⟧.",
    # qualifiers
    "Les images sont conservées pendant ⟦DURATION P30D max|30 jours maximum⟧.",
    "Ce type d'information est conservé pendant ⟦DURATION P1Y max|maximum un an⟧.",
    "Les appels sont conservés ⟦DURATION P6M max|au maximum 6 mois⟧.",
    "Les données de navigation sont gardées ⟦DURATION P2Y max|au plus 2 ans⟧.",
    "Les logs sont conservés pendant ⟦DURATION P6M max|une durée maximale de 6 mois⟧.",
    "Les données seront conservées pour une période ⟦DURATION P3Y max|ne dépassant pas 3 ans⟧.",
    "Les factures sont conservées ⟦DURATION P10Y min|au moins 10 ans⟧.",
    "Les preuves sont conservées ⟦DURATION P5Y min|5 ans minimum⟧.",
    "Les enregistrements sont conservés pendant ⟦DURATION P180D max|un maximum de 180 jours⟧.",
    "La durée de vie de ces traceurs n’excède pas ⟦DURATION P13M max|13 mois⟧.",
    "Les données sont supprimées ⟦DURATION P6M max after=fin du programme|entre 3 et 6 mois après la fin du programme⟧.",
    # starting events
    "Vos données sont conservées ⟦DURATION P10Y exact after=fin de notre relation contractuelle|10 ans après la fin de notre relation contractuelle⟧.",
    "Nous conservons votre dossier ⟦DURATION P3Y exact after=votre dernier achat|3 ans à compter de votre dernier achat⟧.",
    # event-bound periods
    "Vos données sont conservées ⟦DURATION null exact|tant que votre abonnement est actif⟧.",
    "Nous conservons ces informations ⟦DURATION null exact|aussi longtemps que nécessaire à la gestion de votre dossier⟧.",
    "Les données de contact sont conservées ⟦DURATION null exact|jusqu’à la clôture de votre compte⟧.",
    "Vos préférences sont conservées pendant toute la ⟦DURATION null exact|durée de votre contrat⟧.",
    "Les données sont supprimées ⟦DURATION null exact|lorsque vous fermez votre compte⟧.",
    # alternatives joined by « ou »: two spans
    "Les demandes sont conservées ⟦DURATION P2Y exact|2 ans⟧ ou ⟦DURATION null exact|jusqu’à ce que vous demandiez leur suppression⟧.",
    # a retention header above a table cell
    "Durée de conservation\nDonnées de prospection\n⟦DURATION P3Y exact after=dernier contact|3 ans à partir du dernier contact⟧",
]

NEGATIVE = [
    "Vous recevrez une réponse dans un délai de 4 semaines à compter de la réception de votre demande de suppression.",
    "Nous répondons à votre demande de suppression sous un mois.",
    "Nous limitons les envois à une communication par mois, et nous conservons vos choix.",
    "Chaque semaine, nous supprimons les comptes inactifs.",
    "Cette déclaration a été modifiée le 5 avril 2022 ; nous conservons les versions précédentes.",
    "Les utilisateurs doivent être âgés d’au moins 18 ans pour que nous conservions leurs données.",
    "Un entretien de 30 minutes peut être enregistré et conservé.",
    "Votre abonnement d'un an est renouvelé ; nous conservons vos données de paiement.",
    "Nos assistants répondent 24/7 et ne conservent rien.",
    "Le contrat est conclu pour une durée de 3 ans.",
    "Notre société existe depuis 10 ans.",
    "Le consentement et le refus sont conservés pendant une durée maximale de 6 mois.",
    "Nous conservons ces données en tant que responsable du traitement.",
    "Vous pouvez retirer votre consentement jusqu’à la fin du mois sans frais.",
]


@pytest.mark.parametrize("markup", POSITIVE)
def test_retention_marks_the_period_and_its_value(rules, markup):
    text, spans = expected(markup, "DURATION")
    assert found(rules, text, "DURATION") == spans


@pytest.mark.parametrize("text", NEGATIVE)
def test_retention_leaves_what_is_not_retention(rules, text):
    assert found(rules, text, "DURATION") == []


def test_retention_after_is_the_event_without_its_article(rules):
    doc = rules("Les données sont conservées 1 mois après la tenue de l’événement.")
    (span,) = doc.spans[SPAN_KEY]
    assert span._.retention == RetentionPeriod(iso="P1M", bound="exact", after="tenue de l’événement")
    assert span._.retention.record() == {"value": "P1M", "bound": "exact", "after": "tenue de l’événement"}


@pytest.mark.parametrize("word, value", sorted(NUMBER_WORDS.items()))
def test_retention_number_word_table_every_row(word, value):
    assert parse_number(word) == value


@pytest.mark.parametrize(
    "words, value",
    [
        ("dix-sept", 17), ("dix-huit", 18), ("dix-neuf", 19), ("vingt et un", 21), ("vingt-quatre", 24),
        ("trente-six", 36), ("soixante-dix", 70), ("soixante et onze", 71), ("quatre-vingts", 80),
        ("quatre-vingt-dix", 90), ("cent quatre-vingts", 180), ("deux cents", 200), ("mille", 1000),
        ("treize (13)", 13), ("365", 365), ("deux ou trois", None),
    ],
)
def test_retention_number_word_compounds(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "amount, value",
    [("3 ans", "P3Y"), ("un an et demi", "P18M"), ("3 ans et 6 mois", "P3Y6M"), ("4 semaines", "P4W"),
     ("180 jours", "P180D"), ("24 heures", "PT24H"), ("4h", "PT4H"), ("30 minutes", "PT30M"),
     ("2 min 30 s", "PT2M30S"), ("six mois et demi", "P6M15D")],
)
def test_retention_iso_values(amount, value):
    assert iso(amount) == value


def test_retention_value_model_refuses_a_bad_iso():
    with pytest.raises(ValueError):
        RetentionPeriod(iso="3 ans")


def test_retention_span_across_a_pdf_line_break(rules):
    raw = (
        "g. Les données collectées lorsque vous demandez des informations sur nos services seront conservées\n"
        "pendant 3 ans ou jusqu’à ce que vous nous demandiez de supprimer vos\n"
        "données.\n"
        "h. Les données de base des clients et les informations de facturation seront conservées pendant 10\n"
        "ans après la fin de notre relation contractuelle.\n"
        "i. Les journaux de connexion des utilisateurs et de leurs appareils seront conservés pendant une\n"
        "durée maximale de 6 mois.\n"
    )
    (record,) = extract(rules, [Notice("wrapped", raw, "wrapped.txt")], Params(), pytest.fail)
    spans = [(s["text"], s["value"], s["bound"]) for s in record["spans"]]
    assert spans == [
        ("3 ans", "P3Y", "exact"),
        ("jusqu’à ce que vous nous demandiez de supprimer vos\ndonnées", None, "exact"),
        ("10\nans après la fin de notre relation contractuelle", "P10Y", "exact"),
        ("une\ndurée maximale de 6 mois", "P6M", "max"),
    ]
    assert all(raw[s["start"] : s["end"]] == s["text"] for s in record["spans"])


def test_retention_save_and_load_round_trip(rules, tmp_path):
    rules.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "Vos données sont conservées pendant 5 ans."
    assert found(loaded, text, "DURATION") == found(rules, text, "DURATION") == [(36, 41, "P5Y", "exact")]


def test_retention_with_the_full_model(nlp):
    doc = nlp("Harmony conserve les conversations téléphoniques pendant un maximum de 180 jours.")
    spans = [s for s in doc.spans[SPAN_KEY] if s.label_ == "DURATION"]
    assert [(s.text, s._.retention.iso, s._.retention.bound) for s in spans] == [("un maximum de 180 jours", "P180D", "max")]
