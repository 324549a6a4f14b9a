"""``privacy_recipients``: fresh sentences in the gold markup, positives and every exclusion."""

from __future__ import annotations

import pytest

from pipeline.components.lexicon import load_yaml
from pipeline.components.recipients.component import LEXICON
from pipeline.config import Params
from pipeline.extract import extract
from pipeline.notices import Notice
from pipeline.taxonomy import RECIPIENT_CATEGORIES

from conftest import expected, found


POSITIVE = [
    # party kinds with their own qualifier, objects of sharing verbs
    "Vos données peuvent être transmises à nos ⟦RECIPIENT processor|sous-traitants techniques⟧.",
    "Nous partageons certaines informations avec les ⟦RECIPIENT group|autres sociétés du groupe⟧.",
    "Les données peuvent être communiquées aux ⟦RECIPIENT authority|autorités judiciaires⟧ et aux ⟦RECIPIENT authority|régulateurs⟧ sur demande.",
    "Nous transférons les données nécessaires à nos ⟦RECIPIENT insurer|réassureurs⟧.",
    "La mutuelle fait appel à des ⟦RECIPIENT processor|prestataires informatiques⟧ pour héberger le service.",
    # named organisations: NER in a sharing sentence, a gazetteer provider
    "Les paiements sont traités par ⟦RECIPIENT processor|Stripe⟧, qui reçoit votre numéro de carte.",
    "Nous utilisons ⟦RECIPIENT processor|Google Analytics⟧ pour mesurer l’audience du site.",
    # a list under a recipient heading: each named company its own span
    "⟦RECIPIENT processor|Sous-traitants⟧\nNous faisons appel aux ⟦RECIPIENT processor|sous-traitants⟧ suivants :\n"
    "⟦RECIPIENT processor|Mailjet⟧ et ⟦RECIPIENT processor|Brevo⟧, qui envoient nos lettres d’information.\n"
    "⟦RECIPIENT processor|Scaleway⟧, qui héberge nos serveurs en France.",
    # a bare ``tiers`` named by the relative clause that gives it data
    "Nous exigeons des ⟦RECIPIENT other|tiers⟧ auxquels nous transmettons des données qu’ils les protègent.",
    "Nous vérifions que les ⟦RECIPIENT other|tiers⟧ avec lesquels nous partageons vos informations sont fiables.",
    # list items without punctuation under a recipient heading are parties, not headings
    "Destinataires des données\nLes personnes suivantes reçoivent vos données :\n"
    "Les ⟦RECIPIENT other|experts-comptables⟧\nLes ⟦RECIPIENT processor|sociétés de recouvrement⟧\n⟦RECIPIENT other|Notaires⟧",
    # a well-known organisation as an item of a list introduced by a sharing verb
    "Vos informations peuvent être transmises :\n"
    "aux ⟦RECIPIENT authority|organismes de sécurité sociale⟧ ;\nà ⟦RECIPIENT authority|France Travail⟧, le cas échéant.",
    # a part of the notice after a list of recipients is not one
    "Vos données peuvent être transmises :\naux ⟦RECIPIENT other|huissiers⟧ ;\nArticle 4 - Durée de conservation",
    # a kind that qualifies a noun takes the noun: ``laboratoires partenaires``
    "Vos commandes sont transmises aux ⟦RECIPIENT partner|restaurants partenaires⟧ qui les préparent.",
    # a named provider after a kind in parentheses, or after a provider noun, is a party of its own
    "Nous transmettons vos données à nos ⟦RECIPIENT processor|hébergeurs⟧ (⟦RECIPIENT processor|Scaleway⟧, en France).",
    "Les factures sont envoyées par notre ⟦RECIPIENT processor|prestataire d’emailing⟧ ⟦RECIPIENT processor|Mailjet⟧.",
    "Vos paiements sont traités directement par notre ⟦RECIPIENT processor|prestataire de paiement⟧ ⟦RECIPIENT processor|Stripe⟧.",
    # ``destinées à``: a sharing cue; public bodies and legal professions
    "Les informations recueillies sont destinées au ⟦RECIPIENT authority|procureur de la République⟧ et aux ⟦RECIPIENT authority|services préfectoraux⟧.",
    "Ces données peuvent être communiquées aux ⟦RECIPIENT other|généalogistes⟧ et à l’⟦RECIPIENT other|office notarial⟧ chargé de la succession.",
    "Les dossiers sont accessibles au ⟦RECIPIENT processor|prestataire de paie⟧ et à l’⟦RECIPIENT authority|URSSAF⟧.",
    # a name introduced by a noun of party, unknown to the NER and the gazetteer
    "Les données sont hébergées par la société ⟦RECIPIENT processor|Nuagix⟧, située à Lille.",
    "Nous partageons votre adresse avec notre ⟦RECIPIENT partner|partenaire⟧ ⟦RECIPIENT partner|Vélorama⟧ pour la livraison.",
    # a party the lexicon does not know, as the ``à`` complement of a verb that gives data
    "Vos commandes sont transmises aux ⟦RECIPIENT processor|centrales d’achat régionales⟧.",
    "Nous partageons vos préférences avec les ⟦RECIPIENT processor|enseignes du réseau⟧.",
    # a negation lifted by an exception or held by a condition
    "Vos données ne sont pas vendues, à l’exception des transferts à nos ⟦RECIPIENT processor|sous-traitants⟧.",
    "Si vous ne souhaitez pas que vos données soient transmises à nos ⟦RECIPIENT partner|partenaires⟧, écrivez-nous.",
    # a table of sub-processors, one line per cell once cleaned: a well-known name alone in its cell
    "⟦RECIPIENT processor|Sous-traitants⟧\nNom\nPays\n⟦RECIPIENT processor|Mailchimp⟧\nÉtats-Unis\n⟦RECIPIENT processor|Scaleway⟧\nFrance",
    # a second qualifier sharing the party's head: one party
    "Les données peuvent être communiquées aux ⟦RECIPIENT authority|autorités administratives ou judiciaires⟧ sur réquisition.",
    "Nous faisons appel à des ⟦RECIPIENT processor|prestataires de paiement et de livraison⟧.",
    # two parties coordinated keep a span each
    "Vos données sont transmises à nos ⟦RECIPIENT processor|hébergeurs⟧ et à nos ⟦RECIPIENT insurer|assureurs⟧.",
    # supervisors, a kind of authority
    "Nous communiquons certaines opérations aux ⟦RECIPIENT authority|superviseurs du secteur bancaire⟧.",
]

NEGATIVE = [
    # the organisation itself and its staff
    "Seuls nos collaborateurs habilités ont accès à vos données.",
    "Les employés du service client peuvent consulter votre dossier.",
    # sources of data, not recipients
    "Nous obtenons des informations sur votre solvabilité auprès de prestataires spécialisés.",
    "Les réclamations peuvent émaner de tiers, comme une association de consommateurs.",
    # a back-reference, a rights clause, a heading
    "Nous veillons à ce que ces tiers protègent vos données.",
    "Les tiers avec lesquels vous échangez sur le forum voient votre pseudonyme.",
    "Vous avez le droit de demander que vos données soient transférées à un tiers.",
    "Transmission à des tiers",
    "Partage avec nos partenaires",
    "Sécurité chez nos prestataires",
    # ``destinataires`` names the role, not a party
    "Les destinataires des données sont précisés dans le registre.",
    # the organisation introducing itself
    "Le site est édité par la société Dalmor, qui traite vos données.",
    "La société Dalmor (ci-après « nous ») partage vos données. Dalmor les transmet à la demande de Dalmor.",
    # ``à`` complements that name a purpose, a time, a place or the person
    "Vos données sont transmises à des fins de gestion et à tout moment sur demande.",
    "Vos données peuvent être transférées à l’étranger.",
    "Les réponses que vous avez fournies au questionnaire sont analysées.",
    # a negated disclosure, and an authority that receives complaints
    "Nous ne vendons jamais vos données à des partenaires commerciaux.",
    "Vos informations ne sont en aucun cas communiquées à des annonceurs.",
    "Vous pouvez saisir l’autorité de contrôle compétente d’une réclamation.",
    # a social network as a contact channel only
    "Vous pouvez nous joindre par téléphone ou sur Facebook.",
]


@pytest.mark.parametrize("markup", POSITIVE)
def test_recipients_marks_parties_with_their_category(nlp, markup):
    text, spans = expected(markup, "RECIPIENT")
    assert found(nlp, text, "RECIPIENT") == spans


@pytest.mark.parametrize("text", NEGATIVE)
def test_recipients_leaves_exclusions(nlp, text):
    assert found(nlp, text, "RECIPIENT") == []


def test_recipients_own_organisation_is_not_a_recipient(nlp):
    text = (
        "Acmea Assurances traite vos données. Acmea conserve vos contrats. Acmea protège vos données. "
        "Acmea peut transmettre vos données à ses réassureurs. Acmea Mobile vous envoie des notifications."
    )
    assert [text[s:e] for s, e, _ in found(nlp, text, "RECIPIENT")] == ["réassureurs"]


def test_recipients_span_across_a_pdf_line_break(nlp):
    raw = (
        "5 PARTAGE DE VOS DONNÉES\n"
        "Afin de vous fournir nos services et aux fins mentionnées ci-dessus, nous partageons vos données\n"
        "personnelles avec les autres sociétés du\n"
        "groupe et avec des prestataires de services de recouvrement de créances qui agissent selon nos\n"
        "instructions et qui sont soumis à des clauses de confidentialité appropriées.\n"
    )
    (record,) = extract(nlp, [Notice("wrapped", raw, "wrapped.txt")], Params(), pytest.fail)
    texts = [s["text"] for s in record["spans"] if s["label"] == "RECIPIENT"]
    assert "autres sociétés du\ngroupe" in texts
    assert all(raw[s["start"] : s["end"]] == s["text"] for s in record["spans"])


def test_recipients_lexicon_is_broad_and_valid():
    data = load_yaml(str(LEXICON))
    assert set(data["kinds"]) == set(RECIPIENT_CATEGORIES)
    assert sum(len(v) for v in data["kinds"].values()) >= 200
    assert set(data["organisations"]) <= set(RECIPIENT_CATEGORIES)
    assert {"collaborateur", "employé"} <= set(data["never"])


def _head_category(text: str) -> str | None:
    from pipeline.components.recipients import patterns as P

    return next((cat for head, cat in P.HEAD_CATEGORIES if head.search(text)), None)


@pytest.mark.parametrize(
    "party, expected_category",
    [("filiales européennes", "group"), ("entités juridiques de notre groupe", "group"),
     ("réassureurs étrangers", "insurer"), ("compagnies d’assurance partenaires", "insurer"),
     ("juridictions compétentes", "authority"), ("services fiscaux", "authority"), ("organismes sociaux agréés", "authority"),
     ("annonceurs tiers", "partner"), ("régies publicitaires", "partner"),
     ("prestataires logistiques", "processor"), ("sociétés de recouvrement agréées", "processor"),
     # no kind noun at the head: nothing decided here
     ("clients de la boutique", None), ("Dupont Conseil", None), ("société de conseil en communication", None)],
)
def test_recipients_head_noun_gives_the_category(party, expected_category):
    assert _head_category(party) == expected_category


@pytest.mark.parametrize(
    "text, name, expected_category",
    [("Vos données sont transmises à nos partenaires publicitaires, comme Zorbix.", "Zorbix", "partner"),
     ("Nos sous-traitants :\nKarvo, qui héberge nos serveurs.", "Karvo", "processor"),
     ("Nous faisons appel à nos filiales, dont Velmar.", "Velmar", "group"),
     ("Vos données sont transmises à notre réassureur Ortalis.", "Ortalis", "insurer"),
     # a bare ``partenaires`` says nothing, nor a kind noun of an earlier sentence: a named party stays a processor
     ("Nous travaillons avec des partenaires tels que Quenta.", "Quenta", "processor"),
     ("Nos partenaires commerciaux reçoivent vos achats. Les paiements passent par Pelvo.", "Pelvo", "processor"),
     ("Les paiements passent par Pelvo.", "Pelvo", "processor")],
)
def test_recipients_unknown_name_takes_the_nearest_kind_before_it(nlp, text, name, expected_category):
    doc = nlp.make_doc(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert nlp.get_pipe("privacy_recipients")._context_category(span) == expected_category
