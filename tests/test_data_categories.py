"""``privacy_data_categories``: fresh sentences in the gold markup, positives and every exclusion."""

from __future__ import annotations

import pytest

from pipeline.components.lexicon import by_category, load_yaml, plural, variants
from pipeline.config import Params
from pipeline.extract import extract
from pipeline.notices import Notice
from pipeline.taxonomy import DATA_CATEGORIES

from conftest import expected, found


POSITIVE = [
    # a list split into items, possessives and determiners left out
    "Nous collectons votre ⟦DATA identity|nom⟧, votre ⟦DATA identity|prénom⟧ et votre ⟦DATA contact|adresse e-mail⟧.",
    "Nous traitons différents types de données :\nLes ⟦DATA contact|coordonnées⟧, telles que l’⟦DATA contact|adresse postale⟧ et le ⟦DATA contact|numéro de téléphone⟧ ;",
    # a data heading and the items under it
    "Lorsque vous ouvrez un compte, nous recueillons les informations suivantes :\n"
    "⟦DATA identity|Données d’identification⟧ : votre ⟦DATA identity|nom⟧ et votre ⟦DATA identity|date de naissance⟧ ;\n"
    "⟦DATA security|Informations relatives à la sécurité⟧ : votre ⟦DATA technical|adresse IP⟧ ;",
    # objects of processing verbs, lexicon or not
    "Nous enregistrons les ⟦DATA communications|conversations téléphoniques⟧ avec notre service client.",
    "Le magasin conserve les ⟦DATA financial|numéros de carte bancaire⟧ de manière chiffrée.",
    "Nous pouvons stocker les ⟦DATA communications|écrans que vous partagez⟧ avec nos conseillers.",
    "Nous analysons votre ⟦DATA usage|historique de navigation⟧ pour adapter nos offres.",
    "Les ⟦DATA sensitive|données de santé⟧ sont hébergées chez un hébergeur agréé.",
    "L’application collecte votre ⟦DATA location|position GPS⟧ lorsque vous l’utilisez.",
    "Nous traitons le ⟦DATA professional|nom de votre société⟧ et votre ⟦DATA professional|fonction⟧.",
    "Nous analysons votre ⟦DATA usage|comportement⟧ afin de personnaliser nos offres.",
    "Les ⟦DATA communications|entretiens vidéo⟧ avec un conseiller sont enregistrés.",
    # how to reach the person at work is contact, what they do is professional
    "Nous collectons votre ⟦DATA contact|adresse e-mail professionnelle⟧ et votre ⟦DATA professional|intitulé de poste⟧.",
    # a generic head whose complement names the kind
    "Nous conservons les ⟦DATA financial|informations relatives à la facturation⟧ pendant dix ans.",
    # a complement holding the person's possessive is part of the name, and takes its category
    "Nous enregistrons le ⟦DATA contract|numéro IMEI de votre tablette⟧ lors de l’activation.",
    "Nous collectons :\n⟦DATA professional|Informations professionnelles⟧ : le ⟦DATA professional|nom⟧ et l’⟦DATA professional|adresse de votre société⟧ ;",
    "Nous collectons :\n⟦DATA identity|Données d’identification⟧ : votre ⟦DATA identity|nom⟧ et votre ⟦DATA identity|prénom⟧ ;",
    # a complement coordinated inside the name
    "Nous conservons les ⟦DATA security|journaux d’accès et d’erreurs⟧ pendant six mois.",
    # a relative clause is part of the name, up to ``avec`` + a party
    "Nous archivons les ⟦DATA communications|courriels que nous échangeons avec vous⟧.",
    "Nous collectons le ⟦DATA professional|nom de l’entreprise pour laquelle vous travaillez⟧ ;",
    "Nous conservons les ⟦DATA communications|conversations que vous avez⟧ avec nos conseillers.",
    "Nous enregistrons les ⟦DATA contract|produits que vous ou votre société utilisez⟧.",
    "Nous conservons les ⟦DATA other|documents que vous déposez sur votre espace⟧.",
    # after an occasion, a new clause names data again
    "Lors de votre inscription, vos ⟦DATA preferences|centres d’intérêt⟧ et votre ⟦DATA identity|date de naissance⟧ sont enregistrés.",
    # channels around a contact form are not data, what is collected is
    "Si vous nous joignez par téléphone ou par le biais de notre site web, nous recueillons vos ⟦DATA contact|coordonnées⟧.",
    # every item of an enumeration in a list of data, in or out of the lexicon; one out of it
    # takes the category of the kind leading the list (``coordonnées``)
    "Nous traitons les catégories de données suivantes :\nLes ⟦DATA contact|coordonnées⟧, comme l’⟦DATA contact|adresse⟧, le ⟦DATA contact|pays⟧ et le ⟦DATA contact|quartier⟧ ;",
    # a complement that names data itself is part of the name
    "Nous conservons un ⟦DATA communications|compte rendu de la conversation⟧ avec le conseiller.",
    # ``que vous pouvez`` opens a relative clause, not a right of the person
    "Nous recueillons :\nLes ⟦DATA communications|questions que vous pouvez poser pendant la démonstration⟧ ;",
    "Nous archivons vos ⟦DATA financial|factures⟧ pendant dix ans.",
    # a bare past participle qualifies the name, unless it is the processing
    "Nous analysons les ⟦DATA communications|appels passés⟧.",
    "Nous analysons les ⟦DATA preferences|avis⟧ collectés.",
    "Nous conservons les ⟦DATA financial|avis d’imposition⟧ fournis lors de la demande de prêt.",
    # ``ne ... que`` restricts, it does not deny
    "Nous n’enregistrons votre ⟦DATA location|position GPS⟧ que lorsque l’application est ouverte.",
    # an item excluded by ``pas`` is not collected
    "L’enregistrement conservé ne contient que votre ⟦DATA communications|voix⟧, pas votre image.",
    # a record of the data is named with it
    "L’⟦DATA communications|enregistrement d’une visioconférence⟧ ne contient que la ⟦DATA communications|voix⟧.",
    # a prepositional phrase of manner is not
    "Nous stockerons vos ⟦DATA security|identifiants de connexion⟧ en toute confidentialité.",
    # a table row, one line per cell once cleaned: the items under a title naming data
    "Catégorie de données\nExemples\n⟦DATA identity|Données d’identité⟧\n⟦DATA identity|nom⟧, ⟦DATA identity|prénom⟧, ⟦DATA identity|civilité⟧\n"
    "⟦DATA financial|Données bancaires⟧\n⟦DATA financial|IBAN⟧, ⟦DATA financial|BIC⟧",
    # a ``de`` + bare noun complement narrows a one-word kind
    "Nous enregistrons vos ⟦DATA preferences|préférences de livraison⟧ lors de la commande.",
    # a capitalised word at a line start is an item, not a name
    "Nous collectons les informations suivantes :\n⟦DATA identity|Nom⟧ et ⟦DATA contact|adresse⟧ ;",
    # a head coordinated before a kind shares its complement: one span
    "Nous collectons votre ⟦DATA identity|date et lieu de naissance⟧ pour ouvrir le dossier.",
    "Le serveur enregistre l’⟦DATA technical|adresse IP⟧, la ⟦DATA security|date et l’heure de la connexion⟧.",
    # adjectives coordinated after the span's own share its head
    "Nous recueillons votre ⟦DATA contact|numéro de téléphone fixe et mobile⟧ lors de l’adhésion.",
    "Nous analysons votre ⟦DATA financial|situation économique et financière⟧ avant de vous répondre.",
    # list items on lines of their own under a question naming data
    "Quelles données traitons-nous ?\n\n⟦DATA identity|Nom⟧\n⟦DATA contact|Adresse e-mail⟧\n⟦DATA usage|Historique d’achats⟧",
    # a kind collected for a goal stays, only the goal's object is left out
    "Nous collectons votre ⟦DATA contact|adresse postale⟧ afin de livrer vos commandes.",
    # the person gives data to the organisation: a giving verb with ``nous``, a verb of filling in a form
    "À l’inscription, vous nous fournissez votre ⟦DATA preferences|pointure de chaussures⟧ et votre ⟦DATA contact|adresse⟧.",
    "Dans le formulaire, vous renseignez votre ⟦DATA other|statut de locataire⟧.",
    # ``demander`` collects
    "Nous vous demanderons votre ⟦DATA other|numéro de locataire⟧ lors de l’appel.",
    # kinds common in notices of employers, retailers and transport services
    "Nous conservons votre ⟦DATA professional|lettre de motivation⟧ et vos ⟦DATA professional|références professionnelles⟧.",
    "L’application enregistre l’⟦DATA location|adresse de prise en charge⟧ et le ⟦DATA contract|numéro de colis⟧.",
    "Nous traitons vos ⟦DATA financial|coordonnées de paiement⟧ et le ⟦DATA financial|numéro de transaction⟧.",
    # a catch-all that says what it holds
    "Lors d’un rendez-vous, nous recueillons :\n⟦DATA communications|Toute information échangée pendant la visioconférence⟧ ;",
    # a table cleaned to one cell per line: the data column's items, past the cells of other columns
    "Type de données\nFinalité\n⟦DATA identity|Nom⟧, ⟦DATA identity|prénom⟧\nGestion des inscriptions\n⟦DATA technical|Adresse IP⟧\nStatistiques de visite",
    "Catégories de données\nBase légale\n⟦DATA contact|Adresse postale⟧\nContrat\n⟦DATA financial|Coordonnées bancaires⟧\nObligation légale",
    # a one-word kind the tagger took for a verb or an adjective, between the separators of a list
    "⟦DATA security|Données de connexion⟧ : ⟦DATA technical|adresse IP⟧, ⟦DATA security|identifiant⟧, ⟦DATA security|mot de passe⟧.",
    # two heads with no shared complement are two kinds
    "Nous recueillons vos ⟦DATA identity|nom⟧ et ⟦DATA identity|prénom⟧ lors de l’adhésion.",
    # a plain adjective after the complement of a generic head belongs to the kind
    "Nous utilisons les ⟦DATA identity|données relatives à votre situation familiale⟧ pour calculer la prime.",
    "Nous conservons les ⟦DATA contract|informations relatives à votre commande⟧ nécessaires à la livraison.",
    # the category of a phrase out of the lexicon from its keyword
    "Nous recueillons les ⟦DATA financial|informations relatives à votre imposition⟧ pour établir le devis.",
    "Nous conservons les ⟦DATA sensitive|renseignements concernant votre casier judiciaire⟧ pendant le recrutement.",
    "Nous traitons les ⟦DATA professional|informations relatives à votre emploi⟧ pour étudier votre demande.",
    # an identifier of a thing takes the thing's category; the language of the relationship is identity
    "Le site collecte l’⟦DATA technical|identifiant de votre terminal⟧ et la ⟦DATA technical|version de l’application⟧.",
    "Nous conservons votre ⟦DATA identity|langue préférée⟧ pour vous écrire.",
    # an item the words alone leave ``other`` takes the category of the kind that leads its list
    "Nous traitons vos ⟦DATA sensitive|données de santé⟧, telles que vos ⟦DATA sensitive|antécédents médicaux⟧ et vos ⟦DATA sensitive|traitements⟧.",
    "⟦DATA financial|Données bancaires⟧ : ⟦DATA financial|IBAN⟧, ⟦DATA financial|titulaire du compte⟧.",
    # not across a sentence
    "Nous traitons vos ⟦DATA sensitive|données de santé⟧. Nous conservons aussi les ⟦DATA other|documents que vous déposez sur votre espace⟧.",
    # ``avec`` + the organisation's staff is the other party of the exchange, left out
    "Nous conservons l’⟦DATA communications|historique de vos échanges⟧ avec le service client.",
    # a kind of the lexicon the parser split in two objects stays one span with its complement
    "Nous collectons l’⟦DATA contact|adresse e-mail de l’utilisateur⟧ et le ⟦DATA identity|nom du client⟧.",
]

NEGATIVE = [
    # a list item with no introduction about data: nothing says it is collected
    "Les coordonnées, telles que l’adresse postale et le numéro de téléphone ;",
    # generic mentions with no kind
    "Nous traitons vos données personnelles avec soin.",
    "Ces informations sont conservées de manière sécurisée.",
    "Nous collectons des données à caractère personnel vous concernant.",
    # negated collection
    "Nous ne collectons pas votre numéro de téléphone.",
    "Votre code PIN ne vous sera jamais demandé.",
    # the organisation's own data and a channel
    "Vous pouvez nous écrire à l’adresse ci-dessous.",
    "Contactez-nous par téléphone ou par e-mail pour toute question sur nos traitements.",
    "Notre adresse électronique est indiquée sur le site.",
    # a generic head whose complement is the organisation's own
    "Vous pouvez recevoir des informations sur nos services par courrier.",
    # data of staff
    "Les collaborateurs utilisent leur adresse électronique professionnelle pour traiter les demandes.",
    # the rights section names data without collecting them
    "Vous pouvez à tout moment consulter et modifier votre adresse e-mail dans votre espace.",
    # a catch-all that names nothing
    "Nous traitons toute information vous concernant avec soin.",
    # the occasion, not the data
    "Lors d’un appel vidéo ou d’une conversation avec un conseiller, nous utilisons un outil sécurisé.",
    "Nous traitons ces données dans le cadre de votre déclaration de sinistre.",
    # a list of channels
    "Nous limitons nos envois à un message par semaine, tous canaux confondus (courrier, téléphone, SMS et e-mail).",
    # a place, a sentence ending in a colon, a clause of purpose, a copy, a message sent
    "Les données sur la plateforme sont hébergées en Europe.",
    "Vos données personnelles sont conservées aux fins suivantes :",
    "Nous avons pris des mesures pour que vous puissiez utiliser notre site en sécurité.",
    "Les sauvegardes de données sont conservées trois mois.",
    "Les demandes sont traitées dès réception d’un courriel à dpo@exemple.fr.",
    # an enumeration under an introduction of parties, not of data
    "Nous communiquons vos données aux destinataires suivants :\nNos prestataires, comme les hébergeurs, les imprimeurs et les transporteurs ;",
    # a bare word after ``de`` that classifies the noun before it
    "Nous traitons vos données pour mener une enquête de satisfaction.",
    # one occurrence acting, not a kind of data collected
    "Cette conversation passe par un serveur sécurisé et utilise le chiffrement.",
    # the object of an infinitive of purpose names what the goal is about
    "Nous utilisons ces informations pour gérer vos commandes.",
    "Ces données servent à vérifier votre identité.",
    # the person acting for themselves, not giving data to the organisation
    "Vous pouvez partager vos playlists avec vos amis.",
    # messages the organisation sends to the person
    "Nous utilisons ces informations pour vous envoyer des SMS et des e-mails promotionnels.",
    # a period the parser may take for an object
    "Vos données sont conservées 3 ans à compter de votre dernier achat.",
    # a name that spells a data word (``La Poste``, ``Orange``) is a party, not data
    "Nous confions l’acheminement à La Poste et la téléphonie à Orange.",
    # a line of items under a title about something else than data
    "Destinataires\nprestataires, hébergeurs",
    # a list of items under a title about something else than data
    "Vos droits\n\nAdresse e-mail\nNuméro de téléphone",
    # a column of purposes in a processing table names no item
    "Finalité\nDonnées traitées\nGestion des commandes et des factures",
    # a participle of the verb ``identifier``, not an item of a list
    "En vous identifiant, vous acceptez les conditions d’utilisation.",
    # the person, not data about them
    "En aucun cas les clients dont les données sont traitées ne reçoivent de publicité.",
]


@pytest.mark.parametrize("markup", POSITIVE)
def test_data_categories_marks_kinds_with_their_category(nlp, markup):
    text, spans = expected(markup, "DATA")
    assert found(nlp, text, "DATA") == spans


@pytest.mark.parametrize("text", NEGATIVE)
def test_data_categories_leaves_exclusions(nlp, text):
    assert found(nlp, text, "DATA") == []


def test_data_categories_span_across_a_pdf_line_break(nlp):
    raw = (
        "a. Données d’identification : votre nom, votre adresse e-mail, votre préférence linguistique et votre\n"
        "numéro de téléphone, nous vous attribuerons également, à vous ou à votre entreprise, un numéro de\n"
        "client ;\n"
        "b. Les informations que vous nous fournissez concernant la façon dont vous avez connu notre\n"
        "service et les journaux de connexion de votre appareil.\n"
    )
    (record,) = extract(nlp, [Notice("wrapped", raw, "wrapped.txt")], Params(), pytest.fail)
    texts = [s["text"] for s in record["spans"] if s["label"] == "DATA"]
    assert "numéro de téléphone" in texts
    assert "numéro de\nclient" in texts
    assert all(raw[s["start"] : s["end"]] == s["text"] for s in record["spans"])


def test_data_categories_lexicon_is_broad_and_valid():
    from pipeline.components.data_categories.component import LEXICON

    entries = load_yaml(str(LEXICON))
    assert set(entries) == set(DATA_CATEGORIES)
    assert sum(len(v) for v in entries.values()) >= 400
    assert all(len(v) >= 20 for v in entries.values())
    generic = {"données", "données personnelles", "informations", "cookies"}
    assert not generic & set(by_category(entries))


@pytest.mark.parametrize(
    "term, form",
    [("adresse électronique", "adresses électroniques"), ("numéro de téléphone", "numéros de téléphone"),
     ("journal de connexion", "journaux de connexion"), ("prix", "prix"), ("réseau social", "réseaux sociaux"),
     ("partenaire commercial", "partenaires commerciaux"), ("IBAN", "IBAN")],
)
def test_data_categories_lexicon_plurals(term, form):
    assert plural(term) == form


def test_data_categories_lexicon_apostrophes():
    assert {"numéro d'identification", "numéro d’identification"} <= variants("numéro d'identification")


def test_data_categories_save_and_load_round_trip(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "Nous collectons votre adresse IP et votre date de naissance."
    assert found(loaded, text, "DATA") == found(nlp, text, "DATA") != []
