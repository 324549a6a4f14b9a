"""Cues of the DATA component: which verbs collect, which heads say nothing, which words mark exclusions."""

from __future__ import annotations

import re

#: lemmas of verbs whose object (or passive subject) is data being processed:
#: ``nous collectons votre adresse IP``, ``les conversations peuvent être enregistrées``
PROCESSING_VERBS = frozenset(
    """collecter recueillir récolter traiter enregistrer conserver sauvegarder stocker archiver
    exploiter analyser partager transmettre communiquer transférer divulguer demander""".split()
)

#: verbs by which the person gives data to the organisation: ``vous nous fournissez votre nom``
GIVING_VERBS = frozenset(
    "fournir communiquer transmettre renseigner saisir indiquer déclarer envoyer partager donner préciser".split()
)
#: verbs of filling in a form, which give data without ``nous``: ``vous renseignez votre adresse``
FORM_VERBS = frozenset("renseigner saisir indiquer déclarer préciser".split())

#: subjects that make the person, not the organisation, the one acting: ``vous pouvez utiliser le Chat``
PERSON_SUBJECTS = frozenset({"vous", "tu", "je", "utilisateur", "client"})

#: words before a data word that make it a channel or the organisation's own: ``par téléphone``, ``via le chat``
CHANNEL_BEFORE = frozenset({"par", "via"})

#: data words that, after an article rather than a possessive, name a thing: ``le téléphone de l’utilisateur``
DEVICE_WORDS = frozenset({"téléphone", "téléphones", "mobile", "mobiles"})
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux", "un", "une", "ce", "ces", "chaque"})

#: heads that name no kind of data by themselves: ``données personnelles``, ``vos données``, ``ces informations``
GENERIC_HEADS = frozenset(
    """donnée information renseignement élément chose ceci cela celle celui ceux tout type catégorie
    ensemble partie aucun autre fichier sauvegarde demande requête cookie traceur balise pixel""".split()
)

#: modifiers that leave a generic head generic: ``données personnelles``, ``informations nécessaires``
GENERIC_MODIFIERS = frozenset(
    """personnel personnelle caractère suivant suivante nécessaire collecté collectée traité traitée
    complémentaire supplémentaire pertinent pertinente autre même certain certaine concerné concernée
    vous concernant relatif relative vôtre votre vos différent différente divers diverse
    issu issue issus issues provenant obtenu obtenue obtenus obtenues adéquat adéquate""".split()
)

#: possessives that make the data the organisation's or a third party's, not the person's
FOREIGN_POSSESSIVES = frozenset({"notre", "nos", "leur", "leurs"})

#: possessives of the person: a ``de`` complement holding one names the thing (``numéro IMEI de votre téléphone``)
PERSON_POSSESSIVES = frozenset({"votre", "vos", "son", "sa", "ses", "ton", "ta", "tes", "mon", "ma", "mes"})

#: nouns naming the person, not data about them: ``les clients``, ``en tant que client``; as a ``de``
#: complement they name whose the data is (``centres d’intérêt du client``)
PERSON_NOUNS = frozenset(
    """client cliente utilisateur utilisatrice usager visiteur visiteuse personne prospect abonné abonnée
    membre candidat candidate assuré assurée souscripteur patient patiente consommateur internaute""".split()
)

#: relative pronouns whose clause is part of a data name: ``écrans que vous partagez``,
#: ``société pour laquelle vous travaillez``; not ``qui`` (``zones ... qui sont pertinentes``)
RELATIVE_WORDS = frozenset({"que", "qu'", "qu’", "dont"})
LEQUEL = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "auquel", "auxquels", "auxquelles", "duquel"})
#: where a relative clause starts in a span's text: its category comes from the name before it
RELATIVE_CLAUSE = re.compile(r"\s(?:qu['’]|que\s|dont\s|\w+\s+(?:lequel|laquelle|lesquels|lesquelles)\s)")

#: prepositions that open a phrase of manner or place after a data name: ``en toute sécurité``, ``avec soin``
MANNER_CASES = frozenset({"en", "avec", "par", "via", "sans", "pour", "dans", "chez"})

#: nouns for a record of data, named with the data: ``enregistrement d’un entretien``, ``copie de votre passeport``
RECORD_HEADS = frozenset({"enregistrement", "copie", "historique", "transcription", "relevé", "contenu", "trace"})

#: demonstratives: ``cette conversation utilise ...`` speaks of one occurrence, not of a kind of data
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})

#: words that, after ``un``/``une``, name a message sent, not data: ``en envoyant un e-mail à ...``
SENT_WORDS = frozenset({"e-mail", "email", "mail", "courriel", "sms", "message", "courrier", "appel"})

#: heads of a list of channels, not of data: ``tous canaux confondus (courrier, téléphone, e-mail)``
CHANNEL_HEADS = frozenset({"canal", "canaux", "courrier"})


def rights_clause() -> re.Pattern[str]:
    """A sentence about the person's rights, where data kinds are named but not collected:
    ``vous pouvez consulter votre police et modifier vos données``; not a relative clause
    (``les questions que vous pouvez envoyer``)."""
    return re.compile(
        r"(?<![\w])(?:droits?\s+(?:d['’]|de|à)|(?<!que\s)vous\s+pouvez|vous\s+avez\s+(?:la\s+possibilité|le\s+droit)"
        r"|exercer|retirer\s+votre\s+consentement)",
        re.IGNORECASE,
    )


def own_contact_after() -> re.Pattern[str]:
    """A contact word followed by the organisation's own value: ``téléphone : +32 2 545``,
    ``l’adresse ci-dessous``, ``adresse suivante``."""
    return re.compile(r"^\s*(?::\s*[+\d(]|ci-dessous|ci-après|suivante|indiquée?\s+ci)", re.IGNORECASE)


def processing_cue() -> re.Pattern[str]:
    """A sentence about processing data: ``collectons``, ``traitées``, ``données``, ``informations``."""
    return re.compile(
        r"(?<![\w])(?:collect\w*|recueil\w*|trait\w*|conserv\w*|enregistr\w*|stock\w*|sauvegard\w*|utilis\w*"
        r"|partag\w*|transm\w*|communiqu\w*|fourni\w*|demand\w*|obten\w*|reç\w*|recev\w*|données|informations"
        r"|catégories|accès|accéd\w*|analys\w*|exploit\w*|archiv\w*|garde\w*|déduire|déduit\w*|renseign\w*|saisi(?:e?s?|ssez|r)\b)",
        re.IGNORECASE,
    )


def data_heading() -> re.Pattern[str]:
    """A line that opens with a category of data and a colon: ``Données d’identification :``,
    ``Informations relatives à la sécurité :``, ``Informations concernant votre entreprise :``; not a
    sentence (``Vos données sont traitées aux fins suivantes :``)."""
    return re.compile(
        r"^(?:(?:les|des|la|le|l['’]|vos|votre)\s+)?(?P<name>(?:données|informations|renseignements|coordonnées|"
        r"identifiants|caractéristiques)\b(?:(?!\s(?:sont|est|seront|sera|peuvent|peut)\b)[^:;.\n]){0,70}?)\s*:",
        re.IGNORECASE | re.MULTILINE,
    )


def relative_data() -> re.Pattern[str]:
    """Data named by what the person does with them: ``écrans que vous partagez``,
    ``pages que vous avez consultées``, ``documents que vous téléchargez``."""
    return re.compile(
        r"(?<![\w])(?:les|des|vos|la|le|l['’])\s+(?P<name>(?!(?:et|ou)\b)[a-zéèêàâîôûç][\w’'\-]+"
        r"(?:\s+(?!(?:et|ou|les|des|la|le|vos|votre|pour|afin|sans|avant|après|parce|ainsi|alors|bien|dès|tant)\b|l['’])[\w’'\-]+){0,3}?\s+qu['’e]\s*(?:vous|le\s+client|l['’]utilisateur)"
        r"(?:\s+(?:nous|ou\s+votre\s+entreprise))?(?:\s+(?:avez|pouvez|avez\s+pu))?\s+[a-zéèêàâîôûç]+)(?![\w])",
        re.IGNORECASE,
    )


#: words that give the category of a phrase the lexicon does not hold whole, most specific first:
#: ``Informations relatives à la sécurité`` -> security, ``nom de votre société`` -> professional
KEYWORD_CATEGORIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), category)
    for rx, category in (
        (r"santé|médical|biométri|génétique|religi|politique|syndica|sexuel|ethnique|pénal|infraction|handicap|condamnation"
         r"|casier\s+judiciaire|empreintes?\s+digitales?|origine\s+raciale", "sensitive"),
        (r"sécurité|connexion|journa[lu]x?|\blogs?\b|mot de passe|authentif"
         r"|\bcode\s+(?:pin|secret|d.accès)|\bpin\b", "security"),
        (r"entreprise|société|organisation|professionnel|employeur|\bposte\b|\bfonction\b|chiffre d.affaires"
         r"|\bcv\b|curriculum|diplôme|emploi\b|métier|profession|carrière", "professional"),
        (r"\bavis\b|appréciation|évaluation|réponse|réaction|préférence|intérêt|satisfaction|souhait|opinion", "preferences"),
        (r"appel|conversation|message|courriel|écran|enregistrement|réclamation|échange|correspondance|entretien|question", "communications"),
        (r"navigation|consult|visit|utilisation|\bclics?\b|comportement|historique|pages?\b|interaction", "usage"),
        (r"géolocalisation|localisation|(?<![\w])position|\bgps\b", "location"),
        (r"bancaire|paiement|factur|\biban\b|\brib\b|\bbic\b|financi|revenu|crédit|solde|patrimoine|fiscal|impôt|imposition|salaire", "financial"),
        (r"appareil|\bip\b|navigateur|technique|terminal|cookie|système d.exploitation", "technical"),
        (r"produit|contrat|police|commande|abonnement|sinistre|dossier|\bimei\b|numéro de série|achat|souscription", "contract"),
        (r"adresse|téléphone|e-?mail|coordonnées|\bpays\b|code postal|\bville\b|domicile", "contact"),
        (r"\bnom\b|prénom|naissance|identité|identification|\bsexe\b|civilité|\btitre\b|\bâge\b|nationalité|photo|signature"
         r"|état civil|situation familiale|passeport", "identity"),
    )
)


def negated_processing() -> re.Pattern[str]:
    """A sentence that denies processing: ``Nous ne collectons pas``, ``ne vous sera jamais demandé``."""
    return re.compile(
        r"(?<![\w])(?:ne|n['’])\s*[^.;:]{0,40}?(?<![\w])(?:pas|jamais|aucune?|plus)(?![\w])[^.;:]{0,30}?"
        r"(?:collect|recueil|demand|trait|conserv|enregistr|stock|utilis|partag|transm|vend|cèd|céd|communiqu)\w*"
        r"|(?<![\w])(?:ne|n['’])\s*(?:\w+\s+){0,2}?(?:collect|recueil|demand|trait|conserv|enregistr|stock|utilis|partag|transm|vend|communiqu)\w*\s+(?:pas|jamais|aucune?)",
        re.IGNORECASE,
    )


def frame_before() -> re.Pattern[str]:
    """Words that make what follows the occasion, not the data: ``lors de votre déclaration de
    sinistre``, ``pendant la session``, ``dans le cadre de votre demande``, and the next items of
    such a list (``lors d’un appel ou d’une conversation``)."""
    return re.compile(
        r"(?<![\w])(?:lors|pendant|durant|au\s+cours|dans\s+le\s+cadre)"
        r"(?:[^.;:()\n]{0,60}?(?:,|\s(?:ou|et))\s*(?=d['’]|de\s|du\s|des\s))?(?:\s*(?:d['’]|de|du|des))?"
        r"(?:\s*(?:la|le|les|l['’]|un|une|votre|vos|son|sa|ses))?\s*$",
        re.IGNORECASE,
    )


def catch_all() -> re.Pattern[str]:
    """A free-text catch-all that says what it holds, to the end of its clause: ``Toute information
    partagée pendant l’appel``, ``Toute autre information relative à la réunion``."""
    return re.compile(
        r"(?<![\w])(?P<name>toute?s?\s+(?:autres?\s+)?(?:informations?|données|donnée|renseignements?)"
        r"(?:\s+(?:supplémentaires?|complémentaires?))?\s+(?:que\s|qu['’]|(?:partag|fourn|transm|communiqu|échang|envoy)\w*\s"
        r"|relatives?\s+(?:à|aux?)\s|liée?s?\s+(?:à|aux?)\s|concernant\s)[^.;:()\n]{3,120}?)(?=\s*(?:[.;:()\n]|,?\s+et/ou|$))",
        re.IGNORECASE,
    )


def restrictive() -> re.Pattern[str]:
    """``ne ... que`` without ``pas``: a restriction, not a negation (``nous n’enregistrons le
    comportement que si ...``, ``ne contient que le son``)."""
    return re.compile(
        r"(?<![\w])(?:ne|n['’])(?:(?!(?<![\w])(?:pas|jamais|aucune?|plus|rien|ni)(?![\w]))[^.;])*?(?<![\w])qu(?:e(?![\w])|['’])",
        re.IGNORECASE,
    )


def denied_before() -> re.Pattern[str]:
    """A word before a span that denies or excludes it: ``que le son, pas l’image``, ``sans votre nom``."""
    return re.compile(
        r"(?<![\w])(?:pas|jamais|sans|ni)\s+(?:(?:de|d['’]|le|la|les|l['’]|votre|vos|son|sa|ses)\s*)?$", re.IGNORECASE
    )


def qualified_generic() -> re.Pattern[str]:
    """A generic head whose complement names the kind: ``informations relatives à la facturation``,
    ``données relatives aux produits``, ``informations concernant votre entreprise``; not
    ``informations sur nos services`` (the organisation's own) nor ``données sur les sites`` (a place)."""
    return re.compile(
        r"(?<![\w])(?P<name>(?:données|informations|renseignements|infos)\s+(?:relatives?|concernant|liées?|portant\s+sur|sur)"
        r"\s+(?:à\s+|aux\s+|au\s+)?(?:(?:la|le|les|l['’]|votre|vos|son|sa|ses|leur|leurs|du|des)\s*)?"
        r"(?!nos\b|notre\b|(?:sites?|applications?|plateformes?|pages?)\b)[a-zéèêàâîôûç][\w’'-]+"
        r"(?:\s+(?:d['’]|de\s+|du\s+)[a-zéèêàâîôûç][\w’'-]+)?)",
        re.IGNORECASE,
    )


def data_list_intro() -> re.Pattern[str]:
    """A line that introduces a list of data: ``nous collectons les données suivantes :``."""
    return re.compile(r"(?<![\w])(?:données|informations|renseignements|catégories)(?![\w])[^\n]*:\s*$", re.IGNORECASE)


def other_list_intro() -> re.Pattern[str]:
    """An introduction about data whose list is not data: purposes (``afin de :``, ``aux fins
    suivantes :``) or parties (``avec :``, ``les sous-traitants suivants :``)."""
    return re.compile(
        r"(?<![\w])(?:pour|afin|fins?|finalités?|objectifs?|buts?|raisons?|destinataires?|avec|auprès|à|tiers"
        r"|sous-traitants?|prestataires?|partenaires?|fournisseurs?|sociétés?|entreprises?|clauses?)(?![\w])[^\n]{0,40}:\s*$",
        re.IGNORECASE,
    )


def enumeration_marker() -> re.Pattern[str]:
    """Where the items of a data line start: after its heading's colon or ``telles que``, ``comme``,
    ``notamment``, ``y compris``."""
    return re.compile(r"(?::|\btel(?:le)?s?\s+que\b|\bcomme\b|\bnotamment\b|\by\s+compris\b)\s*", re.IGNORECASE)


#: what separates the items of an enumeration
ITEM_SEPARATOR = re.compile(r"\s*(?:[,;]|\bet/ou\b|\bainsi\s+que\b|\bet\b|\bou\b)\s*", re.IGNORECASE)


#: a title (a table's header cell, a short line) that names data: ``Données de contact``,
#: ``Catégories de données``, ``Informations collectées``, ``Identité``
DATA_TITLE = re.compile(
    r"(?<![\w])(?:données|donnée|informations|renseignements|catégories|coordonnées|identité|identification)(?![\w])",
    re.IGNORECASE,
)

#: what opens the list of items after a kind that leads it: ``données de santé, telles que``, ``Données bancaires :``
LEAD_AFTER = re.compile(r"\s*(?::|\(|,?\s*(?:tel(?:le)?s\s+que|comme|notamment|à\s+savoir|y\s+compris)(?![\w]))", re.IGNORECASE)
#: what ends that list: a sentence or a line
LEAD_BREAK = re.compile(r"[.!?\n]")

#: tokens around an item of an enumeration: ``adresse IP, identifiant, mot de passe``
LIST_SEPARATORS = frozenset({",", ";", ":", "/", "et", "ou", "(", "-", "–", "•"})

#: cells of other columns (``Finalité``, ``Gestion de votre compte``) that may stand between a table's
#: data column title and an item under it, once cleaned to one cell per line
MAX_OTHER_CELLS = 3

#: a title about something else than which data: recipients, rights, purposes, security, cookies
NOT_DATA_TITLE = re.compile(
    r"(?<![\w])(?:destinataires?|droits?|finalités?|fins|sécurité|cookies?|traceurs?|responsable|transferts?|contact(?:er|ez))(?![\w])",
    re.IGNORECASE,
)

#: what may stand before the first item of a line: bullets, determiners and possessives
ITEM_LEAD = re.compile(
    r"[\s\-–•*>\d.)]*(?:(?:les|des|la|le|l['’]|vos|votre|un|une|du|de|d['’])(?:\s+|(?<=['’])))*\s*", re.IGNORECASE
)

#: a separator of items just before a span, with its determiner: ``, votre``, ``et l’``
ITEM_AFTER = re.compile(
    r"(?:[,;/]|\bet\b|\bou\b|\(|\bainsi\s+que\b)\s*(?:(?:les|des|la|le|l['’]|vos|votre|un|une|du|de|d['’])(?:\s+|(?<=['’])))*$",
    re.IGNORECASE,
)

#: heads of a period, which the parser may take for an object: ``conservées 3 ans``
TIME_UNITS = frozenset(
    "an ans année années mois jour jours semaine semaines heure heures minute minutes durée durées période périodes délai délais".split()
)

#: bare complements that say how or when, not which kind: ``données de manière``, ``nom de famille`` is in the lexicon
NOT_NARROWING = frozenset("manière façon sorte type types nature moment cas fois part".split())

#: a line of short items and nothing else: ``nom, prénom, civilité``, ``IBAN / RIB``, ``adresse e-mail``
BARE_ITEMS = re.compile(
    r"[\s\-–•*>]*[\w’'\-]+(?:\s+[\w’'\-]+){0,4}(?:\s*(?:[,;/]|\bet\b|\bou\b)\s*[\w’'\-]+(?:\s+[\w’'\-]+){0,4})*\s*[.;]?\s*",
    re.IGNORECASE,
)

#: head nouns that share the complement of the kind coordinated after them:
#: ``date et lieu de naissance``, ``date et heure de connexion``, ``marque et modèle du véhicule``
SHARING_HEADS = frozenset(
    "date heure lieu jour ville pays département type modèle marque version durée fréquence montant nature".split()
)
SHARED_HEAD = re.compile(
    r"(?<![\w’'])(?:" + "|".join(sorted(SHARING_HEADS)) + r")\s+(?:et|ou)\s+(?:(?:la|le|l['’]|les|son|sa|ses|votre|vos)\s*)?"
    r"(?P<second>[a-zéèêàâîôûç]+)(?=\s+(?:de|du|des|d['’]))",
    re.IGNORECASE,
)

#: verbs by which the organisation sends something to the person: ``vous envoyer des e-mails``
SENDING_VERBS = frozenset("envoyer adresser expédier transmettre proposer soumettre".split())
