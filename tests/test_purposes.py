"""``privacy_purposes``: fresh sentences in the gold markup, positives and the markers that state no goal."""

from __future__ import annotations

import pytest

from pipeline.components.purposes.component import category

from conftest import expected, found


POSITIVE = [
    # markers followed by an infinitive clause, the marker and a bare « pouvoir » left out
    "Nous utilisons votre adresse afin de ⟦PURPOSE service|livrer vos commandes⟧.",
    "Vos données sont traitées afin de pouvoir ⟦PURPOSE service|gérer votre abonnement⟧.",
    "Nous conservons ces données dans le but de ⟦PURPOSE evidence|défendre nos droits en justice⟧.",
    "Les journaux sont analysés en vue de ⟦PURPOSE security|détecter les tentatives de fraude⟧.",
    "Les données collectées aux fins de ⟦PURPOSE marketing|prospection commerciale⟧ sont conservées trois ans.",
    # two lone nouns after « à des fins de » are two goals; an acronym is a goal
    "Les appels peuvent être enregistrés à des fins de ⟦PURPOSE training|formation⟧ ou de ⟦PURPOSE evidence|preuve⟧.",
    "Vos achats sont analysés à des fins de ⟦PURPOSE analytics|BI⟧.",
    # what a means lets the organisation do: « nous aident à », « nous permet de »
    "Ces cookies nous aident à ⟦PURPOSE analytics|mesurer l’audience de notre site⟧.",
    "Ce fichier nous permet de ⟦PURPOSE support|traiter vos réclamations⟧.",
    # « à des fins » + adjective keeps « fins »
    "Vos données peuvent être traitées de manière anonyme à des ⟦PURPOSE analytics|fins statistiques⟧.",
    "Nous utilisons vos données à des fins de ⟦PURPOSE marketing|marketing direct⟧.",
    # a trailing condition is left out
    "Nous traitons vos données pour ⟦PURPOSE support|répondre à vos questions⟧ lorsque vous nous écrivez.",
    # a goal stops before « lors de », a finite verb, another « aux fins »; a short aside stays in it
    "Nous utilisons votre numéro pour ⟦PURPOSE support|vous rappeler⟧ lors d’une panne de réseau.",
    "Les agents qui travaillent pour la ⟦PURPOSE service|gestion de votre dossier⟧ ont accès à vos données.",
    "Vos données sont partagées afin de ⟦PURPOSE service|traiter votre commande⟧ et aux fins décrites plus haut.",
    "Nous enregistrons l’appel pour ⟦PURPOSE service|garder un (court) résumé de l’échange⟧.",
    "Le robot utilise vos données pour ⟦PURPOSE support|répondre à vos messages sur le Web(chat)⟧.",
    # a comma list of short items stays in the goal, an example after « notamment » does not; nor does
    # « et de ceux de ... » start a goal
    "Nous utilisons ces journaux pour ⟦PURPOSE security|protéger nos serveurs, réseaux, applications et bases de données⟧.",
    "Nous utilisons votre adresse pour ⟦PURPOSE service|livrer vos colis⟧, notamment en point relais ou à domicile.",
    "Nous traitons vos données pour ⟦PURPOSE security|assurer la sécurité de nos sites et de ceux de nos partenaires⟧.",
    # « pour » + a possessive goes on with the goal; a conjunction left at its end is dropped
    "Vos données servent pour ⟦PURPOSE marketing|réaliser des campagnes publicitaires pour nos partenaires⟧.",
    "Nous traitons vos données pour l’⟦PURPOSE service|exécution du contrat⟧ et, si vous l’acceptez, pour ⟦PURPOSE marketing|vous envoyer des offres⟧.",
    # coordinated goals with their own verb and complement are split; a shared complement is not
    "Nous utilisons ces informations pour ⟦PURPOSE improvement|améliorer nos services⟧ et ⟦PURPOSE improvement|développer de nouvelles offres⟧.",
    "Les appels sont enregistrés pour ⟦PURPOSE training|former et coacher nos conseillers⟧.",
    # a time adjunct of the goal's verb is left out (from the parse)
    "Nous utilisons votre numéro pour ⟦PURPOSE support|vous rappeler de renouveler votre abonnement⟧ avant son échéance.",
    "Nous utilisons votre adresse pour ⟦PURPOSE service|expédier votre commande⟧ après la validation du paiement.",
    # a goal after a comma aside
    "Nous utilisons votre numéro pour ⟦PURPOSE support|vous contacter⟧, le cas échéant, et ⟦PURPOSE support|vous proposer un rendez-vous⟧.",
    # « de » + infinitive coordinated under one verb stays in its goal
    "Nous utilisons votre adresse pour ⟦PURPOSE service|vous permettre de réserver une table et de commander en ligne⟧.",
    # a list item that opens with a marker, a pronoun before the infinitive, a goal nested in it
    "Pour ⟦PURPOSE service|vous fournir votre facture⟧.\nPour ⟦PURPOSE service|permettre l’examen des appels⟧ pour la ⟦PURPOSE training|formation des agents⟧.",
    # an infinitive that begins like an article (« lancer », « lever ») is not read as « la » + noun
    "Nous utilisons votre adresse pour ⟦PURPOSE service|lancer la livraison de votre colis⟧.",
    "Vos coordonnées sont enregistrées pour ⟦PURPOSE service|lever le doute sur votre identité⟧.",
    # « à des fins de » names a processing purpose, even in a sentence about what the person may do
    "Vous pouvez refuser l’utilisation de vos données à des fins de ⟦PURPOSE marketing|prospection commerciale⟧.",
    # a sentence on what the organisation does, or that refers back to it
    "Nous filmons les caisses. Nous le faisons pour ⟦PURPOSE security|prévenir les vols⟧.",
    "Chaque mois, nous organisons des sondages pour ⟦PURPOSE improvement|recueillir votre appréciation de nos produits⟧.",
    # what the organisation may do for the person, without a marker
    "Nous pourrons également ⟦PURPOSE marketing|vous adresser nos offres promotionnelles⟧ si vous l’avez accepté.",
    # a goal stated by a clause: « afin que X puisse », « le but est de », « intérêt légitime à », « nous permettant de »
    "Nous transmettons votre adresse au livreur afin qu’il puisse ⟦PURPOSE service|vous remettre le colis⟧.",
    "Nous enregistrons vos préférences. Le but est de ⟦PURPOSE personalisation|personnaliser votre page d’accueil⟧.",
    "Nous avons un intérêt légitime à ⟦PURPOSE security|prévenir les fraudes à la carte⟧.",
    "Nous utilisons vos réponses, nous permettant de ⟦PURPOSE improvement|améliorer nos formulaires⟧.",
    # « pour des raisons de » + a goal keeps « raisons »
    "Les journaux de connexion sont conservés pour des ⟦PURPOSE security|raisons de sécurité⟧.",
    # an object pronoun before the infinitive is no article and stays in the goal
    "Nous enregistrons votre dossier afin de pouvoir ⟦PURPOSE service|l’examiner et le compléter⟧.",
    "Nous utilisons les adresses des clients pour ⟦PURPOSE support|les informer de l’état de leur dossier⟧.",
    # a nominal purpose after « pour la », « pour nos », « pour des »
    "Nous utilisons ces journaux pour nos ⟦PURPOSE analytics|mesures d’audience⟧.",
    "Les données sont transmises pour des ⟦PURPOSE service|opérations de maintenance⟧.",
    "Les données sont traitées pour la ⟦PURPOSE service|gestion de votre contrat⟧.",
    # nominalised purposes in a list, without their « de la »; a lone noun shares the next one's complement
    "Vos courriels peuvent être examinés dans le cadre :\n"
    "de la ⟦PURPOSE security|prévention des abus⟧ ;\n"
    "de l’⟦PURPOSE improvement|optimisation et de la continuité du service⟧.",
    # list items that open with « un », « une » + an action noun
    "Nous utilisons vos données aux fins suivantes :\nUn ⟦PURPOSE support|soutien à nos utilisateurs⟧ ;\nUne ⟦PURPOSE support|aide à la navigation⟧.",
    # a list under a purpose introduction
    "Nous traitons vos données aux fins suivantes :\n"
    "⟦PURPOSE service|exécuter votre contrat⟧ ;\n"
    "⟦PURPOSE legal|respecter nos obligations légales⟧ ;\n"
    "⟦PURPOSE security|prévenir la fraude⟧.",
]

# a means whose subject is data, a cookie or the processing: « permettent de », « servent à », « a pour finalité »
POSITIVE += [
    "Les cookies de session permettent de ⟦PURPOSE service|conserver le contenu de votre panier⟧.",
    "Les informations de votre dossier servent à ⟦PURPOSE service|calculer le montant de votre prime⟧.",
    "Ces données permettent à nos équipes de ⟦PURPOSE service|traiter vos demandes de remboursement⟧.",
    "Le fichier des adhérents a pour finalité la ⟦PURPOSE service|gestion des cotisations⟧.",
    "Le traitement a pour objet de ⟦PURPOSE service|suivre les inscriptions à la cantine⟧.",
    # the sentence before, in the same paragraph, says what « il » is
    "Le registre enregistre les visiteurs du musée. Il permet aussi la ⟦PURPOSE analytics|réalisation de statistiques de fréquentation⟧.",
    # « nécessaires à » + an action noun; a noun goal with its own complement is split from the next one
    "Les informations demandées sont nécessaires à l’⟦PURPOSE service|instruction de votre dossier de bourse⟧.",
    "Les données des élèves servent à la ⟦PURPOSE service|tenue du registre de classe⟧ et la ⟦PURPOSE service|facturation des repas⟧.",
    # a second goal after « et à » + infinitive
    "Les informations de votre candidature nous servent à ⟦PURPOSE service|étudier votre candidature⟧ et à ⟦PURPOSE support|vous convoquer à un entretien⟧.",
    # a table whose header row has a purpose column (the cleaner puts each cell on a line of its own):
    # its cells are goals, the legal bases and periods are not
    "Pourquoi utilisons-nous vos données ?\n\nFinalité\nBase juridique\nDurée\n"
    "⟦PURPOSE service|Gestion des réservations⟧\nExécution du contrat\n3 ans\n"
    "⟦PURPOSE marketing|Envoi d’offres promotionnelles⟧ par SMS\nConsentement\nJusqu’au retrait du consentement\n"
    "⟦PURPOSE analytics|Mesure de la fréquentation du site⟧\nIntérêt légitime\n13 mois",
    # the purpose column need not be the first one
    "Données\nFinalités\nConservation\nAdresse de livraison\n⟦PURPOSE service|Expédition des colis⟧\n2 ans",
    # headings of a purpose section, up to a heading that opens another section
    "Finalités du traitement\n\n⟦PURPOSE service|Gestion des abonnements⟧\n\nNous gérons votre abonnement.\n\n"
    "⟦PURPOSE marketing|Envoi de la lettre d’information⟧\n\nNous envoyons une lettre par mois.\n\n"
    "Durée de conservation\n\nTrois ans à compter du dernier contact",
    # a label and a colon: « Finalité : X » states X anywhere; in a purpose section the label is the goal
    "Finalité : ⟦PURPOSE service|gestion des inscriptions au club⟧\nBase légale : exécution du contrat",
    "À quelles fins utilisons-nous vos données ?\n\n"
    "⟦PURPOSE service|Suivi des livraisons⟧ : votre adresse est transmise au transporteur.\n"
    "⟦PURPOSE security|Protection du site⟧ : nous analysons les connexions afin de ⟦PURPOSE security|bloquer les robots⟧.\n"
    "Données concernées : nom, adresse.",
    # a goal stops before « sur la base de » and « et avec » (a legal basis, a condition)
    "Vos données sont utilisées pour la ⟦PURPOSE service|gestion de votre adhésion⟧ sur la base de votre contrat.",
    "Vos données sont traitées pour l’⟦PURPOSE service|instruction de votre dossier de bourse⟧ et avec votre accord.",
    # a noun goal with an adjective of its own is split from the next one
    "Nous utilisons vos données pour la ⟦PURPOSE marketing|prospection commerciale⟧ et la ⟦PURPOSE analytics|réalisation d’études de marché⟧.",
    # the goal stated as what the purpose « est »
    "La finalité du traitement est la ⟦PURPOSE service|gestion des prêts de la médiathèque⟧.",
    "Le but de ce fichier est de ⟦PURPOSE service|recenser les bénévoles disponibles⟧.",
    # lists introduced by « finalités ... suivantes : », « nous permettent de : »; a list that goes on in its line
    "Les finalités poursuivies sont les suivantes :\n⟦PURPOSE service|attribuer les logements sociaux⟧ ;\n⟦PURPOSE support|informer les demandeurs⟧.",
    "Vos données nous permettent de :\n⟦PURPOSE service|préparer vos repas⟧ ;\n⟦PURPOSE personalisation|adapter les menus à vos goûts⟧.",
    # a comma list of goals after one marker: infinitives with « de », action nouns with their article,
    # bare nouns after « à des fins de »
    "Nous utilisons vos données dans le but de ⟦PURPOSE service|traiter votre inscription⟧, de "
    "⟦PURPOSE marketing|vous adresser nos offres⟧ et de ⟦PURPOSE analytics|réaliser des statistiques⟧.",
    "Vos données sont traitées pour la ⟦PURPOSE service|gestion de vos réservations⟧, la ⟦PURPOSE service|livraison de vos billets⟧ "
    "et le ⟦PURPOSE service|suivi de votre voyage⟧.",
    "Vos données sont utilisées à des fins de ⟦PURPOSE service|gestion⟧, de ⟦PURPOSE analytics|statistiques⟧ et de ⟦PURPOSE marketing|prospection⟧.",
    # after a goal and a comma, a clause with its subject is no next goal
    "Nous traitons vos données pour ⟦PURPOSE support|répondre à vos questions⟧, la réponse vous parvient sous deux jours.",
    # « Vos données sont utilisées : » opens a list
    "Vos données sont utilisées :\nla ⟦PURPOSE evidence|gestion des litiges⟧ ;\nl’⟦PURPOSE marketing|envoi de la newsletter⟧.",
    # informing people is an action noun, and so are « octroi », « paie »; a light adjective before the noun stays
    "Vos coordonnées sont utilisées pour l’⟦PURPOSE support|information des usagers en cas de travaux⟧.",
    "Vos revenus sont collectés pour l’⟦PURPOSE service|octroi de la bourse⟧.",
    "Vos données sont transmises au transporteur pour la ⟦PURPOSE service|seule organisation des tournées⟧.",
    # more markers: « dans l’objectif de », « dans un but de », « avec pour but de »
    "Nous collectons votre adresse dans l’objectif de ⟦PURPOSE service|vous livrer rapidement⟧.",
    "Nous conservons l’historique de vos achats dans un but d’⟦PURPOSE improvement|amélioration de nos services⟧.",
    "Vos réponses sont enregistrées avec pour but de ⟦PURPOSE service|préparer votre dossier⟧.",
    # a heading on sharing closes the purpose section
    "Finalités\n\n⟦PURPOSE service|Gestion des commandes⟧\n\nPartage de vos données\n\nTransmission au transporteur\n\nNous partageons votre adresse.",
    # « nous permettre de » at the head of a list item is dropped, « vous permettre de » stays
    "Nous utilisons vos données aux fins suivantes :\nNous permettre de ⟦PURPOSE service|vérifier votre éligibilité⟧ ;\n"
    "⟦PURPOSE service|Vous permettre de suivre votre dossier en ligne⟧.",
    # a channel after the goal is a means, left out
    "Nous utilisons votre numéro pour ⟦PURPOSE marketing|vous envoyer nos offres⟧ par SMS.",
    # « pour les besoins de » is a marker; one goal announced by « la finalité suivante : »
    "Vos données sont transmises au notaire pour les besoins de la ⟦PURPOSE service|vente de votre bien⟧.",
    "Les badges sont utilisés pour la finalité suivante : le ⟦PURPOSE security|contrôle des accès au bâtiment⟧.",
    # more headings that open a purpose section
    "Comment vos données sont-elles utilisées ?\n\n⟦PURPOSE service|Gestion des prêts⟧\n\nNous enregistrons chaque prêt.",
    "Traitements mis en œuvre\n\n⟦PURPOSE service|Inscription aux activités⟧\n\nNous gérons les inscriptions.",
    # the items of a purpose section's list, ending in « ; » or « . », without an introduction
    "Pourquoi traitons-nous vos données ?\n\nLa ⟦PURPOSE service|gestion des inscriptions aux ateliers⟧ ;\n"
    "L’⟦PURPOSE marketing|envoi de notre bulletin d’information⟧ ;\n⟦PURPOSE service|Souscrire une assurance pour nos bénévoles⟧.\n\n"
    "Nous traitons vos données avec soin.",
    # « dans le cadre du » + an action or a process; a heading that names a kind of purpose
    "Vos réponses sont traitées dans le cadre du ⟦PURPOSE service|processus d’admission⟧.",
    "Pourquoi traitons-nous vos données ?\n\n⟦PURPOSE analytics|Statistiques de fréquentation⟧\n\nNous comptons les visites.",
    "Les finalités du traitement sont les suivantes : ⟦PURPOSE service|gérer les inscriptions⟧ ; "
    "⟦PURPOSE analytics|établir des statistiques de participation⟧ ; ⟦PURPOSE support|répondre aux familles⟧.",
]

# a long list of purposes stays open past a dozen items
LONG_LIST = "Nous traitons vos données aux fins suivantes :\n" + "\n".join(
    f"⟦PURPOSE service|gérer la commande numéro {number}⟧ ;" for number in range(1, 21)
)
POSITIVE.append(LONG_LIST)

NEGATIVE = [
    # markers that introduce no goal
    "La protection de votre vie privée est importante, pour vous et pour nous.",
    "Vos données sont conservées pour une durée de 3 ans.",
    "Nos prestataires agissent pour le compte de la société.",
    "Nous ne pourrons pas toujours donner suite à votre demande.",
    # a list item that opens a sublist is no goal, though it opens with an action noun
    "Vos données sont traitées aux fins suivantes :\nLes réclamations que vous adressez à nos agences peuvent être conservées :",
    # a goal that only points back at the purposes named elsewhere
    "Vos données sont conservées aussi longtemps que nécessaire pour la réalisation des finalités décrites ci-dessus.",
    "Aucune décision automatisée n’est prise dans le cadre des traitements mentionnés dans cette politique.",
    # what the organisation may do with data or ask of the person states no goal
    "Nous pouvons transmettre vos données aux autorités.",
    "Nous pouvons vous demander une copie de votre pièce d’identité.",
    # no processing, no organisation acting
    "Le magasin reste ouvert le dimanche pour faciliter les achats de fin d’année.",
    # « pour » + a possessive or « des » + a noun that names no action; conversations are data, not goals
    "Nous conservons des données pour nos clients professionnels.",
    "Nous traitons vos données pour nos intérêts légitimes.",
    "Les appels sont enregistrés pour des conversations liées aux placements.",
    # a legitimate interest in the processing itself, a back-reference to it
    "Notre intérêt légitime à mener ces activités de traitement est documenté.",
    "Nous traitons vos données pour des raisons diverses.",
    # the person's goal inside a condition, security measures, advice to the person
    "Nous enregistrons votre écran lorsque vous le demandez pour obtenir de l’aide.",
    "Nous prenons des mesures techniques appropriées pour protéger vos données.",
    "Afin de sécuriser votre compte, nous vous recommandons de changer souvent votre mot de passe.",
    # the person's own goal
    "Pour obtenir un devis, vous pouvez remplir le formulaire en ligne.",
    "Pour exercer vos droits, écrivez à notre délégué à la protection des données.",
    # purposes ruled out by a negated processing verb
    "Nous ne vendons jamais vos données à des fins publicitaires.",
    "Vos données de santé ne sont en aucun cas utilisées pour établir un profil commercial.",
    # the goals of a security measure, a period of retention, a back-reference
    "Des mesures de chiffrement sont mises en œuvre afin de protéger vos données.",
    "Ces mesures permettent de limiter les accès non autorisés.",
    "Nous conservons vos données le temps nécessaire à la réalisation des finalités pour lesquelles elles ont été collectées.",
    # what is necessary to a contract is a legal basis; a means that lets the person do something is not stated as a goal
    "Ces données sont nécessaires à l’exécution du contrat.",
    # a table without a purpose column, and the header and legal-basis cells of one
    "Données\nDurée\nNom et prénom\n3 ans",
    "Finalités et bases légales\n\nIntérêt légitime\n\nBase légale\n\nVos droits",
    # a change of the notice, a legal frame, a kind of data under a purpose heading, a label that is no goal
    "Nous pouvons modifier la présente politique afin de tenir compte des évolutions du service.",
    "Vos données sont traitées dans le cadre du règlement général sur la protection des données.",
    "Finalités\n\nDonnées de facturation\n\nPour nos clients professionnels",
    "Finalités\n\nBase légale : intérêt légitime\nDestinataires : nos prestataires",
    # what the person does, told in the imperative
    "Pour supprimer votre compte, rendez-vous dans les paramètres de vos données.",
    "Pour modifier vos données, accédez à votre espace personnel.",
    # a colon list of data, not of purposes
    "Nous collectons les données suivantes : nom ; prénom ; adresse.",
    # what the organisation must be able to do in answer to the person's request (rights, complaints)
    "Signalez-nous toute erreur afin que nous puissions corriger vos données.",
    # « dans un souci de » names a manner, not a goal
    "Nous publions ces informations dans un souci de transparence.",
    # « information » alone names data
    "Vos données sont traitées pour l’information transmise au service.",
    # « pour » + a bare noun, « dans le cadre du » + a thing: no goal
    "Vos données sont traitées pour motif légitime.",
    "Ces données sont conservées dans le cadre du contrat.",
    # a sentence of a purpose section whose action noun is its subject; a list item that opens a sublist
    "Pourquoi traitons-nous vos données ?\n\nLa gestion des accès est confiée à notre équipe informatique.\nL’inscription comprend :",
    # a heading of a purpose section that names neither an action nor a kind of purpose
    "Pourquoi traitons-nous vos données ?\n\nVisiteurs du site\n\nNous traitons vos données.",
]


@pytest.mark.parametrize("markup", POSITIVE)
def test_purposes_marks_goals_with_their_category(nlp, markup):
    text, spans = expected(markup, "PURPOSE")
    assert found(nlp, text, "PURPOSE") == spans


@pytest.mark.parametrize("text", NEGATIVE)
def test_purposes_leaves_markers_without_a_goal(nlp, text):
    assert found(nlp, text, "PURPOSE") == []


@pytest.mark.parametrize(
    "goal, expected_category",
    [("vous envoyer notre lettre d’information", "marketing"), ("lutter contre la fraude", "security"),
     ("réaliser des statistiques de fréquentation", "analytics"), ("respecter nos obligations légales", "legal"),
     ("personnaliser votre expérience", "personalisation"), ("former nos conseillers", "training"),
     ("conserver la preuve de votre consentement", "evidence"), ("améliorer notre application", "improvement"),
     ("répondre à vos demandes d’assistance", "support"), ("répondre aux questions des prospects", "support"),
     ("vous fournir de plus amples informations sur nos tarifs", "support"),
     ("répondre à nos obligations légales", "legal"), ("digitalisation de nos services", "improvement"),
     ("vous permettre d’assister à nos conférences", "service"), ("vous envoyer des informations sur votre commande", "service"),
     # the broader lexicon: analytics, marketing, security, legal, evidence, support, improvement, personalisation
     ("mesure de la fréquentation du site", "analytics"), ("mesure de la performance de nos campagnes", "analytics"),
     ("envoi de l’infolettre mensuelle", "marketing"), ("organisation de jeux-concours", "marketing"),
     ("prospection commerciale par téléphone", "marketing"), ("détection des paiements frauduleux", "security"),
     ("lutte contre le blanchiment de capitaux", "security"), ("vérification de votre identité", "security"),
     ("gestion des demandes d’exercice des droits", "legal"), ("tenue de la comptabilité", "legal"),
     ("faire valoir nos droits en cas de litige", "evidence"), ("gestion du service après-vente", "support"),
     ("traitement des plaintes des usagers", "support"), ("correction des bugs de l’application", "improvement"),
     ("recommandations de produits", "personalisation"), ("gestion des commandes", "service"),
     # sending advertising is marketing however adapted; an account profile, administration, a means are not
     ("vous présenter des publicités adaptées à votre profil", "marketing"), ("création de votre profil utilisateur", "service"),
     ("administration de votre compte", "service"), ("prendre des mesures précontractuelles", "service"),
     ("vous prévenir en cas de retard de livraison", "support"),
     ("vous coacher dans votre programme de marche", "service"), ("contrôle d’accès aux locaux", "security"),
     ("recherche épidémiologique sur la grippe", "analytics"), ("proposer des contenus adaptés à vos goûts", "personalisation"),
     # keeping data safe is security whatever the data; offering products is marketing, a product one has is not
     ("assurer la confidentialité des échanges avec nos commerciaux", "security"),
     ("préserver l’intégrité des données de nos abonnés", "security"),
     ("vous proposer des produits d’épargne adaptés", "marketing"),
     ("vous informer de nos nouveaux services de livraison", "marketing"),
     ("adresser aux adhérents des informations sur les produits de la mutuelle", "marketing"),
     ("vous informer d’une modification de votre contrat", "support"),
     ("vous envoyer la facture de votre commande", "service"),
     ("déclaration de sinistre auprès de l’assureur", "service"), ("déclarations sociales obligatoires", "legal"),
     ("identifier vos centres d’intérêt", "personalisation"),
     ("vous aider par une prise en main à distance de votre poste", "support"),
     ("ouvrir une session de partage d’écran avec un technicien", "support"),
     ("conserver les traces des opérations effectuées sur votre compte", "evidence"),
     # a head that runs the service keeps it whatever weak keyword its complement holds; strong ones still count
     ("gérer vos préférences de livraison", "service"), ("exécution et amélioration de nos prestations", "service"),
     ("gestion de la qualité des prestations", "service"), ("gestion des réclamations", "support"),
     ("gestion de la prospection", "marketing"), ("adapter nos offres à vos préférences", "personalisation"),
     # the commercial relationship is the service itself; commercial proposals are marketing
     ("suivi de la relation commerciale", "service"), ("envoi de propositions commerciales", "marketing"),
     # quality control of processes and services is training; checking the person's file is the service
     ("contrôle des prestations de nos agents", "training"), ("contrôles internes de l’établissement", "training"),
     ("contrôle de votre éligibilité au prêt", "service"),
     # handling a request for a product is the service; answering or a request for help is support
     ("traitement de vos demandes de souscription", "service"), ("suivi de vos demandes de remboursement", "service"),
     ("traitement des demandes d’information", "support"), ("répondre à vos demandes de devis", "support"),
     # studying the person's own request or file is the service; studies of many are analytics
     ("analyse de votre demande de prêt", "service"), ("étude de votre dossier de candidature", "service"),
     ("analyse des ventes par région", "analytics"), ("études de marché", "analytics")],
)
def test_purposes_category_keywords(goal, expected_category):
    assert category(goal) == expected_category


def test_purposes_save_and_load_round_trip(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "Nous utilisons votre adresse afin de livrer vos commandes."
    assert found(loaded, text, "PURPOSE") == found(nlp, text, "PURPOSE") != []
