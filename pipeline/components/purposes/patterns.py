"""Patterns of French purpose statements, as small named regex builders."""

from __future__ import annotations

import re

D = r"(?:de|d['’])"


def marker() -> str:
    """Purpose markers, the span starting after them (and after a bare ``pouvoir``).

    ``afin de pouvoir exécuter le contrat``, ``pour répondre à vos questions``,
    ``dans le but d’améliorer``, ``en vue de``, ``aux fins de``, ``à des fins de marketing direct``,
    ``dans le cadre de la gestion de votre compte``, ``ayant pour finalité de``, ``(ces cookies) nous aident à``.
    """
    return (
        rf"(?<![\w])(?P<lead>afin\s+{D}|dans\s+le\s+but\s+{D}|en\s+vue\s+{D}|aux\s+fins\s+{D}|à\s+des\s+fins\s+{D}"
        rf"|dans\s+le\s+cadre\s+(?:de\s+la|de\s+l['’]|du|des)|ayant\s+pour\s+(?:finalité|objet|but)\s+{D}?|nous\s+permettant\s+{D}|nous\s+(?:aident?|permettent|permet)\s+(?:(?:également|aussi|notamment)\s+)?(?:à|{D})"
        rf"|pour(?![\w]))\s*"
        rf"(?:(?:pouvoir|nous\s+permettre\s+{D}|permettre\s+à\s+\w+\s+{D})\s*)?"
        rf"(?P<article>(?:la|le|les|des|nos|notre|vos|votre|ses|son|sa|leurs?)\s+|l['’]\s*)?"
    )


def adjective_purpose() -> str:
    """``à des fins statistiques``, ``fins commerciales``: the span keeps ``fins``."""
    return r"(?<![\w])(?:à\s+des|aux|à\s+ces)\s+(?P<span>fins\s+(?!de\b|d['’])[a-zéèêàç]+(?:ques|les|ires|ives|elles|ales|aux|ers|ères))(?![\w])"


def not_a_goal() -> str:
    """What after ``pour`` introduces no goal: ``pour vous et pour nous``, ``pour une durée de 3 ans``,
    ``pour le compte de``, ``pour autant que``, ``pour toute question``, ``pour lesquelles``."""
    return (
        r"^(?:vous\s+et\s+pour\s+nous|une\s+(?:durée|période)|(?:une|la)\s+durée|le\s+compte|autant|toutes?\s+questions?"
        r"|plus\s+d|ce\s+faire|cela|ceci|lesquel|laquelle|lequel|quelles?|quoi|en\s+savoir|chaque|tous\b|toutes?\b|\d"
        r"|vous\b(?!\s+[a-zéèêîôç]+(?:er|ir|re|oir)\b)|nous\b(?!\s+[a-zéèêîôç]+(?:er|ir|re|oir)\b)|un\s+maximum|au\s+moins|partie|certain|rappel|mémoire|info"
        r"|que\b|qu['’]|ces\b|ce\b|cette\b|des\s+raisons(?!\s+de)|des\s+questions|les\s+données|des\s+données|vos\s+données|l['’]instant)"
    )


def goal_end() -> str:
    """Where a goal stops: punctuation, a trailing condition or means, another marker.

    ``répondre à vos questions lorsque vous nous contactez`` -> ``répondre à vos questions``.
    """
    return (
        r"[.;:!?()\[\]\n]|,\s|\s+(?:lorsqu|lors\s+d|si\s|s['’]il|sauf|via|grâce\s+à|par\s+le\s+biais|en\s+utilisant|en\s+identifiant"
        r"|conformément|dans\s+la\s+mesure|à\s+condition|tels?\s+que|telles?\s+que|notamment|y\s+compris|basée?s?\s+sur"
        r"|afin\s+d|pour\s(?!(?:nos|vos|notre|votre|ses|leurs?)\s)|(?:et\s+)?(?:aux|à\s+des)\s+fins|ainsi\s+que|auprès\s"
        r"|à\s+votre\s+demande|à\s+tout\s+moment|en\s+tant\s+que|dont\s|qui\s+(?:sont|est)"
        r"|(?:sont|est|seront|sera|peuvent|peut|doivent|restent|ont)\s)"
    )


def enumeration() -> str:
    """A comma list of short items closed by ``et``/``ou``, inside a goal:
    ``assurer la sécurité de nos applications, services, processus et bases de données``."""
    item = r"(?!(?:notamment|par|en|lorsqu|si|via|tels?|telles?|comme|y|dont|qui|que|qu|à|au|aux|afin|pour|sauf)\b)[\w’'-]+(?:\s+[\w’'-]+){0,2}"
    return rf",\s+{item}(?:,\s+{item})*\s+(?:et|ou)\s+"


def inner_aside() -> str:
    """A short parenthesis inside a goal, kept in it: ``un (bref) compte rendu``, ``Chat(bot)``, ``informé(e)``."""
    return r"(?<=\w)\([^()\n,;.]{1,20}\)|\([^()\n,;.]{1,20}\)(?=\s+\w)"


def aside_then_goal() -> str:
    """A comma aside after a goal, then the next goal: ``Pour vous contacter, à votre demande, et vous fournir ...``."""
    return r",\s*[^,.;:()\n]{1,50},\s+(?:et|ou)\s+"


def trailing_conjunction() -> str:
    """A conjunction left at a goal's end once the next goal is cut off: ``exécution du contrat ou``."""
    return r"\s+(?:et|ou|et/ou)$"


def back_reference() -> str:
    """A goal that only points back at other purposes: ``la réalisation des objectifs énumérés ci-dessus``,
    ``dans le cadre des traitements décrits``, ``mener ces activités de traitement``."""
    return (
        r"(?:objectifs?|finalités?|fins|traitements?|buts?)\s+(?:\w+\s+)?(?:décrit|énuméré|mentionné|susmentionné|précité|visé"
        r"|indiqué|ci-dessus|ci-dessous|énoncé)|(?<![\w])ces\s+(?:activités|opérations|traitements|finalités|fins)(?![\w])"
    )


def coordination() -> str:
    """Where one goal gives way to the next: ``améliorer nos services et développer ...``."""
    return r"\s+(?:et|ou|et/ou)\s+(?=(?:de\s+la|de\s+l['’]|du)\s*\w)|\s+(?:et|ou|et/ou)\s+"


def goal_clause() -> str:
    """A goal stated by a clause, the span starting after it: ``afin que le réparateur puisse vous contacter``,
    ``Le but est de ...``, ``un intérêt légitime à prévenir la fraude``, ``intérêt légitime qui consiste à ...``."""
    return (
        rf"(?<![\w])(?:(?:afin|pour)\s+qu(?:e\s+|['’]\s*)[^,.;:\n]{{1,60}}?\s+puisse(?:nt)?\s+"
        rf"|(?:le|notre|leur|son|l['’])\s*(?:but|objectif)\s+est\s+(?:{D}\s*|qu(?:e\s+|['’]\s*)[^,.;:\n]{{1,60}}?\s+puisse(?:nt)?\s+)"
        rf"|intérêts?\s+légitimes?\s+(?:à|qui\s+consiste\s+à|{D})\s*(?!traiter|utiliser|collecter|conserver|mener))"
    )


def service_to_person() -> str:
    """What the organisation may do for the person, a purpose without a marker:
    ``Nous pouvons (également) vous envoyer des lettres d’information``; the goal starts at ``vous``.
    Asking the person for something is no goal: ``nous pouvons vous demander une pièce d’identité``."""
    return (
        r"(?<![\w])nous\s+(?:pouvons|pourrons|pourrions)\s+(?:(?:également|aussi|ensuite|notamment)\s+)?"
        r"(?=vous\s+(?!demander|refuser|réclamer))"
    )


def person_goal() -> str:
    """A goal of the person, not of the processing: ``Pour obtenir des conseils, vous pouvez ...``."""
    return r"(?<![\w])vous\s+(?:pouvez|devez|pourrez|souhaitez|avez\s+la\s+possibilité)"


def person_condition() -> str:
    """A condition on the person, whose own goal may follow: ``lorsque vous le demandez pour obtenir une assistance``."""
    return r"(?<![\w])(?:lorsque|lorsqu['’]|quand|si|dès\s+que)\s+vous\b[^,.;:\n]*$"


def measure_or_advice() -> str:
    """A sentence on security measures or advice to the person, whose goals are no purposes of processing:
    ``nous prenons les mesures techniques appropriées pour protéger ...``, ``nous vous recommandons de ...``."""
    return (
        r"(?<![\w])(?:mesures\s+(?:[\w-]+\s+){0,3}?(?:techniques|organisationnelles|raisonnables|appropriées|de\s+sécurité)"
        r"|nous\s+vous\s+(?:recommandons|conseillons|invitons))"
    )


def processing_cue() -> str:
    """A sentence about processing data, or about what the organisation does: ``nous réalisons des enquêtes``,
    ``Nous le faisons pour ...`` after a sentence that records data."""
    return (
        r"(?<![\w])(?:donnée|information|traite|traitons|traité|trait[eé]|utilis|collect|recueil|conserv|enregistr|stock"
        r"|partag|transm|communiqu|cookie|analys|sauvegard|fins|finalité"
        r"|(?:nous|\w+)\s+le\s+(?:faisons|fait|ferons|fera)|nous\s+(?:[\w’']+\s+)?\w+ons(?![\w]))"
    )


def purpose_intro() -> str:
    """A line that opens a list of purposes: ``aux fins suivantes :``, ``afin de :``, ``processus suivants :``,
    ``Nous utilisons vos données pour :``, ``dans le cadre :``."""
    return (
        r"(?:(?:fins|finalités?|objectifs?|raisons|buts?|processus)(?:\s+suivant\w*)?|afin\s+d[e'’]?|pour|dans\s+le\s+cadre"
        r"|servent|utilis\w*\s+\w+\s+données\s+pour)\s*:\s*$"
    )


def purpose_section() -> str:
    """A heading that opens a section of purposes: ``À quoi servent vos données ?``, ``Finalités``."""
    return r"(?i)(?:à\s+quoi\s+servent|finalités?|pourquoi\s+(?:traitons|collectons|utilisons)|pour\s+quelles?\s+(?:raisons|finalités)|objectifs?\s+du\s+traitement)"


#: keywords that give a purpose its category, most specific first
CATEGORY_KEYWORDS: tuple[tuple[str, str], ...] = (
    # ``répondre aux questions des prospects``, ``vous fournir les informations demandées`` are support
    (
        r"^(?:vous\s+)?répondre\s+(?:à|aux)\s+(?:[\w’']+\s+)?(?:questions|demandes|messages)"
        r"|^vous\s+(?:fournir|donner|apporter)\s+(?:[\w’']+\s+){0,3}?informations",
        "support",
    ),
    (r"fraude|sécurité|sécuris|abus|usurpation|intrusion|protéger|\bvols?\b|prévention", "security"),
    (r"obligation|légal|\bloi\b|réglementa|fiscal|conformer|autorités|déclaration|signalement|comptab", "legal"),
    (r"preuve|probatoire|litige|contentieux|défendre|justice|réécouter", "evidence"),
    (r"\bformer\b|\bformation|\bcoach|entraîner|qualité|\bcontrôle", "training"),
    (r"statisti|audience|mesure|\banalyse|analytique|\bétudes?\b|\bbi\b|informations\s+non\s+nominatives", "analytics"),
    (r"personnalis|profil|adapter|recommand|centres?\s+d.intérêt", "personalisation"),
    (r"amélior|développ|optimis|digitalis|numérisation|innov|nouveaux?\s+produits|enquêtes?|feedback|réactions|satisfaction|appréciation|organiser", "improvement"),
    (r"marketing|publicit|prospect|commercia|promotion|offres|newsletter|lettres?\s+d.information|mailing|fidélis|jeux|concours|sollicit", "marketing"),
    (r"répondre|questions|assistance|assister(?!\s+à)|support|soutien|contact|aider|\baide\b|réclamation|rendez-vous|informer|informé|rappeler|correspondance|réunion|conseils|communications\s+importantes", "support"),
)

#: the category of a goal none of the keywords name: most purposes serve the service itself
DEFAULT_CATEGORY = "service"


def action_noun() -> str:
    """A noun that names an action, so that ``pour la gestion de ...`` states a goal and
    ``pour les données`` does not: ``gestion``, ``formation``, ``traitement``, ``envoi``, ``lutte``."""
    return (
        r"^(?!utilisation|usage|conversation|information)(?:[a-zéèêàç’'-]+(?:tion|sion|ment|age|ance|ence|ure|ise|isation)s?|envoi|suivi|lutte|gestion|besoins?"
        r"|contrôle|réponse|recherche|analyse|preuve|raisons|soutien|aide|défense|respect|marketing|prospection|publicité|promotion)(?![\w])"
    )
