"""``privacy_legal_basis``: grounds stated in sentences, label lines, lists and tables; rights and negations left out.

Sentences are written for these tests in the gold markup and parsed by the gold helper.
"""

from __future__ import annotations

import pytest
import spacy

from pipeline.components.legal_basis.models import LegalBasis
from pipeline.components.legal_basis.patterns import value

from conftest import expected, found


@pytest.fixture(scope="module")
def rules():
    import pipeline.components.legal_basis.factory  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("privacy_legal_basis")
    return nlp


POSITIVE = [
    "Nous traitons vos coordonnées sur la base de votre ⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧.",
    "Le traitement est nécessaire à l’⟦LEGAL_BASIS GDPR-6-1-b|exécution du contrat de transport⟧ que vous avez conclu.",
    "Base légale : ⟦LEGAL_BASIS GDPR-6-1-f|Intérêt légitime⟧",
    "Base juridique du traitement : ⟦LEGAL_BASIS GDPR-6-1-c|obligation légale⟧",
    "Ces traitements reposent sur nos ⟦LEGAL_BASIS GDPR-6-1-c|obligations légales et réglementaires⟧.",
    "Ce traitement est fondé sur notre ⟦LEGAL_BASIS GDPR-6-1-f|intérêt légitime⟧ à prévenir la fraude.",
    "Nous ne vous adresserons de lettre d’information qu’avec votre ⟦LEGAL_BASIS GDPR-6-1-a|accord préalable⟧.",
    "Ce traitement est fondé sur l’⟦LEGAL_BASIS GDPR-6-1-f|article 6.1.f du RGPD⟧.",
    "Vos mesures de santé sont traitées avec votre ⟦LEGAL_BASIS GDPR-9-2-a|consentement explicite⟧.",
    "Transmettre les réservations aux douanes (⟦LEGAL_BASIS GDPR-6-1-c|obligation légale⟧)",
    "Les traceurs publicitaires ne sont déposés qu’après avoir recueilli votre ⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧.",
    "Ce traitement repose sur l’⟦LEGAL_BASIS GDPR-6-1-e|exécution d’une mission d’intérêt public⟧.",
    "Le traitement est nécessaire à la ⟦LEGAL_BASIS GDPR-6-1-d|sauvegarde des intérêts vitaux⟧ de la personne.",
    "Nous traitons ces informations au titre de nos ⟦LEGAL_BASIS GDPR-6-1-f|intérêts légitimes⟧.",
    "Le dépôt de ces traceurs est soumis à votre ⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧.",
    # a list of grounds under a heading of legal bases
    "Fondement juridique\n⟦LEGAL_BASIS GDPR-6-1-f|Intérêt légitime⟧\n\nGestion des litiges",
    "Quelle est la base légale du traitement ?\n- ⟦LEGAL_BASIS GDPR-6-1-b|Exécution du contrat⟧\n- ⟦LEGAL_BASIS GDPR-6-1-a|Consentement⟧",
]

NEGATIVE = [
    "Vous pouvez retirer votre consentement à tout moment.",
    "Le retrait du consentement ne compromet pas la licéité du traitement antérieur.",
    "Ces cookies sont exemptés de consentement.",
    "Nous ne déposons aucun traceur sans votre consentement.",
    "Pour respecter nos obligations légales, nous conservons vos factures dix ans.",
    "Vous disposez d’un droit d’opposition au traitement fondé sur notre intérêt légitime.",
    "Le contrat de vente est conclu à la validation de la commande.",
    "Nous avons un intérêt légitime à vous écrire.",  # no cue: an interest, not the ground of a named processing
    "Vous pouvez nous donner votre accord par courrier.",
    "Intérêt légitime",  # a short line, but under no heading of legal bases
]


@pytest.mark.parametrize("markup", POSITIVE)
def test_legal_basis_finds_the_stated_ground(rules, markup):
    text, gold = expected(markup, "LEGAL_BASIS")
    assert found(rules, text, "LEGAL_BASIS") == gold


@pytest.mark.parametrize("text", NEGATIVE)
def test_legal_basis_leaves_out_rights_negations_and_goals(rules, text):
    assert found(rules, text, "LEGAL_BASIS") == []


@pytest.mark.parametrize(
    "groups, sensitive, want",
    [
        ({"consent": "consentement"}, False, "GDPR-6-1-a"),
        ({"consent": "consentement explicite"}, True, "GDPR-9-2-a"),
        ({"consent": "consentement explicite"}, False, "GDPR-6-1-a"),
        ({"consent": "consentement"}, True, "GDPR-9-2-a"),
        ({"contract": "exécution du contrat"}, False, "GDPR-6-1-b"),
        ({"legal": "obligation légale"}, False, "GDPR-6-1-c"),
        ({"vital": "intérêts vitaux"}, False, "GDPR-6-1-d"),
        ({"public": "mission d’intérêt public"}, False, "GDPR-6-1-e"),
        ({"legitimate": "intérêt légitime"}, False, "GDPR-6-1-f"),
        ({"article": "article 9.2.h", "art": "9", "para": "2", "letter": "h"}, False, "GDPR-9-2-h"),
        ({"article": "article 6.1.g", "art": "6", "para": "1", "letter": "g"}, False, None),
    ],
)
def test_legal_basis_value_of_each_ground(groups, sensitive, want):
    assert value(groups, sensitive) == want


def test_legal_basis_value_model_refuses_an_unknown_value():
    assert LegalBasis(value="GDPR-6-1-b").record() == {"value": "GDPR-6-1-b"}
    with pytest.raises(ValueError):
        LegalBasis(value="GDPR-6-1-z")


def test_legal_basis_survives_a_save_and_load(rules, tmp_path):
    rules.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    text, gold = expected(POSITIVE[0], "LEGAL_BASIS")
    assert found(again, text, "LEGAL_BASIS") == gold
