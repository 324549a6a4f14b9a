"""Patterns of French purpose statements, as small named regex builders."""

from __future__ import annotations

import re

D = r"(?:de|d['’])"
#: verbs whose subject (data, a cookie, a processing) is the means to a goal: ``ces cookies permettent de ...``
ENABLES = r"permettent|permet|permettront|permettra|servent|sert|serviront|servira|visent|vise|contribuent|contribue"
#: who a means lets do something: ``permettent à nos équipes de ...``
PARTY = (
    r"(?:à\s+(?:la|l['’]|nos|notre|ses|leurs?|ces|cette|chaque)\s*|aux?\s+(?:\w+\s+)?)[\w-]+"
    r"(?:\s+(?:de\s+santé|habilités?|concernés?|compétents?|commerciaux|techniques?))?"
)
#: a legal basis said as what processing is necessary to: ``nécessaire à l’exécution du contrat``
LEGAL_BASIS = (
    r"exécution\s+(?:du|d['’]un|de\s+(?:votre|notre|ce|ces|vos|nos)|des)\s+(?:contrats?|mesures)|respect\s+d['’]une\s+obligation"
    r"|sauvegarde\s+des\s+intérêts|exécution\s+d['’]une\s+mission|fins\s+des\s+intérêts|intérêts?\s+légitimes?"
)
#: an action noun after an article: ``la gestion``, ``l’exécution``, ``le suivi``
ACTION = r"(?:[a-zéèêàç’'-]+(?:tion|sion|ment|age|ance|ence|ure|ise)s?|envoi|suivi|lutte|gestion|prise\s+en\s+charge|tenue)(?![\w])"


def marker() -> str:
    """Purpose markers, the span starting after them (and after a bare ``pouvoir``).

    ``afin de pouvoir exécuter le contrat``, ``pour répondre à vos questions``,
    ``dans le but d’améliorer``, ``en vue de``, ``aux fins de``, ``à des fins de marketing direct``,
    ``dans le cadre de la gestion de votre compte``, ``ayant pour finalité de``, ``(ces cookies) nous aident à``.
    """
    return (
        rf"(?<![\w])(?P<lead>afin\s+{D}|dans\s+le\s+but\s+{D}|en\s+vue\s+{D}"
        rf"|pour\s+les\s+(?:seuls\s+)?besoins\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|dans\s+l['’]objectif\s+{D}|dans\s+un\s+(?:but|objectif)\s+{D}|avec\s+(?:pour|comme)\s+(?:but|objectif|finalité)\s+{D}|aux\s+fins\s+{D}|à\s+des\s+fins\s+{D}"
        rf"|dans\s+le\s+cadre\s+(?:de\s+la|de\s+l['’]|du|des)|(?:ayant|a|ont|aura|auront)\s+(?:notamment\s+|également\s+|aussi\s+)?pour\s+(?:(?:principale?s?|seule?s?)\s+)?(?:finalités?|objets?|buts?|objectifs?)\s*(?:{D}|:)?"
        rf"|nous\s+permettant\s+{D}|nous\s+(?:aident?|permettent|permet|servent|sert|serviront|servira)\s+(?:(?:également|aussi|notamment)\s+)?(?:à|{D})"
        rf"|(?<=[a-zéèêàç]\s)(?<!vous\s)(?<!nous\s)(?:{ENABLES})\s+(?:(?:également|aussi|notamment|principalement|uniquement|seulement|ainsi)\s+)?"
        rf"(?:{D}|{PARTY}\s+{D}|(?<!permet\s)(?<!permettent\s)(?<!permettra\s)(?<!permettront\s)à(?!\s+(?:la|l['’]|les|des?|du)\s*(?:personnes?|utilisateurs?|clients?|patients?|salariés?|candidats?|membres?|visiteurs?)\b))"
        rf"|(?<=[a-zéèêàç]\s)(?<!vous\s)(?<!nous\s)(?:permettent|permet|permettront|permettra)\s+(?:(?:également|aussi|notamment|ainsi)\s+)?(?=(?:la|le|les|l['’])\s*[a-zéèêàç])"
        rf"|(?<!que\s)(?<!durée\s)(?<!temps\s)(?<!période\s)nécessaires?\s+(?:à|aux|au)(?!\s+(?:la\s+|l['’]\s*)?(?:{LEGAL_BASIS}))(?=\s+(?:la\s+|l['’]\s*|des\s+|du\s+|nos\s+|notre\s+|vos\s+|votre\s+)?{ACTION})"
        rf"|pour(?![\w]))\s*"
        rf"(?:(?:pouvoir|nous\s+permettre\s+{D}|permettre\s+à\s+\w+\s+{D})\s*)?"
        rf"(?P<article>(?:la|le|les|des|nos|notre|vos|votre|ses|son|sa|leurs?|une?)\s+|l['’]\s*)?"
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
        r"|que\b|qu['’]|ces\b|ce\b|cette\b|des\s+raisons(?!\s+de)|des\s+questions|les\s+données|des\s+données|vos\s+données|l['’]instant"
        # what the organisation does to data (a security measure), and the person's rights
        r"|(?:protéger|sécuriser|préserver|garantir|assurer)\s+(?:(?:la|l['’])\s*(?:sécurité|confidentialité|intégrité|protection)\s+(?:de\s+|des\s+|d['’])?)?(?:vos|les|ces|des|toutes?\s+les|leurs)\s+(?:données|informations)"
        r"|exercer\s+(?:vos|ses|leurs|ces|les|l['’]un\s+de\s+vos)\s+droits?"
        # ``dans le cadre du RGPD``, ``dans le cadre de la présente politique``: a frame, not a goal
        r"|(?:rgpd|règlement|loi|législation|réglementation|directive|dispositions|présente?|article|politique|charte)(?![\w]))"
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
        r"|(?:et\s+)?sur\s+la\s+base\s+d|et\s+(?:avec|sous\s+réserve|dans\s+le\s+respect|uniquement\s+si|seulement\s+si)\s"
        # a channel after the goal is a means: ``vous envoyer des offres par SMS``
        r"|par\s+(?:e-?mails?|courriels?|courriers?(?:\s+électroniques?)?|sms|téléphone|messagerie|notifications?)(?![\w])"
        r"|(?:sont|est|seront|sera|peuvent|peut|doivent|restent|ont)\s)"
    )


def enumeration() -> str:
    """A comma list of short items closed by ``et``/``ou``, inside a goal:
    ``assurer la sécurité de nos applications, services, processus et bases de données``."""
    item = r"(?!(?:notamment|par|en|lorsqu|si|via|tels?|telles?|comme|y|dont|qui|que|qu|à|au|aux|afin|pour|sauf|de|d|du)\b)[\w’'-]+(?:\s+[\w’'-]+){0,2}"
    return rf",\s+{item}(?:,\s+{item})*\s+(?:et|ou)\s+"


def inner_aside() -> str:
    """A short parenthesis inside a goal, kept in it: ``un (bref) compte rendu``, ``Chat(bot)``, ``informé(e)``."""
    return r"(?<=\w)\([^()\n,;.]{1,20}\)|\([^()\n,;.]{1,20}\)(?=\s+\w)"


def aside_then_goal() -> str:
    """A comma aside after a goal, then the next goal: ``Pour vous contacter, à votre demande, et vous fournir ...``."""
    return r",\s*[^,.;:()\n]{1,50},\s+(?:et|ou)\s+"


def next_in_list() -> str:
    """A comma, then maybe ``et``/``ou``, before the next goal of a list: ``afin de vous identifier, de sécuriser ...``,
    ``pour la gestion de vos commandes, la livraison ...``, ``à des fins de gestion, de statistiques et ...``."""
    return r",\s+(?:(?:et|ou)\s+)?"


def trailing_conjunction() -> str:
    """A conjunction left at a goal's end once the next goal is cut off: ``exécution du contrat ou``."""
    return r"\s+(?:et|ou|et/ou)$"


def back_reference() -> str:
    """A goal that only points back at other purposes: ``la réalisation des objectifs énumérés ci-dessus``,
    ``dans le cadre des traitements décrits``, ``mener ces activités de traitement``."""
    return (
        r"(?:objectifs?|finalités?|fins|traitements?|buts?)\s+(?:\w+\s+)?(?:décrit|énuméré|mentionné|susmentionné|précité|visé"
        r"|indiqué|ci-dessus|ci-dessous|énoncé|défini|listé|exposé|présenté|précisé|détaillé|prévu|pour\s+lesquel|auxquel)"
        r"|(?<![\w])ces\s+(?:activités|opérations|traitements|finalités|fins)(?![\w])"
    )


def coordination() -> str:
    """Where one goal gives way to the next: ``améliorer nos services et développer ...``."""
    return r"\s+(?:et|ou|et/ou)\s+(?=(?:de\s+la|de\s+l['’]|du)\s*\w)|\s+(?:et|ou|et/ou)\s+"


def goal_clause() -> str:
    """A goal stated by a clause, the span starting after it: ``afin que le réparateur puisse vous contacter``,
    ``Le but est de ...``, ``un intérêt légitime à prévenir la fraude``, ``intérêt légitime qui consiste à ...``."""
    return (
        rf"(?<![\w])(?:(?:afin|pour)\s+qu(?:e\s+|['’]\s*)[^,.;:\n]{{1,60}}?\s+puisse(?:nt)?\s+"
        rf"|(?:le|la|notre|leur|son|sa|l['’])\s*(?:but|objectif|finalité)\s+(?:(?:principale?|premi\w+|unique)\s+)?"
        rf"(?:(?:du|de\s+ce|de\s+cette|de\s+la|de\s+l['’]|des)\s*(?:traitement|collecte|opération|application|service|site|fichier|dispositif)\s+)?"
        rf"(?:est|sera|consiste\s+à)\s+(?:{D}\s*|qu(?:e\s+|['’]\s*)[^,.;:\n]{{1,60}}?\s+puisse(?:nt)?\s+|(?=(?:la|le|l['’])\s*\w))"
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
    return (
        r"(?<![\w])vous\s+(?:pouvez|devez|pourrez|souhaitez|avez\s+la\s+possibilité)"
        r"|(?<![\w])(?:écrivez|contactez|adressez|envoyez|consultez|cliquez|connectez|appelez|remplissez|utilisez|accédez|allez"
        r"|modifiez|désactivez|paramétrez|supprimez|sélectionnez|suivez|reportez)(?:-nous|-vous)?(?![\w])"
        r"|(?<![\w])rendez-vous\s+(?:dans|sur|à\s+la|au|en)\s"
    )


def person_condition() -> str:
    """A condition on the person, whose own goal may follow: ``lorsque vous le demandez pour obtenir une assistance``."""
    return r"(?<![\w])(?:lorsque|lorsqu['’]|quand|si|dès\s+que)\s+vous\b[^,.;:\n]*$"


def ruled_out() -> str:
    """A negated verb of processing before the marker: the purpose is ruled out, ``Nous ne vendons jamais vos
    données à des fins publicitaires``, ``vos données ne sont pas utilisées pour ...``; not a negation of
    something else (``ne sont pas considérés comme des communications à des fins commerciales``), nor
    ``ne ... que``."""
    verb = (
        r"(?:utilis|trait|collect|vend|cèd|céd|partag|transm|exploit|communiqu|réalis|recueill|lou|divulg|pratiqu|effectu|procéd"
        r"|serv|fais|fait|stock|enregistr|destin|envoy|adress|sollicit|profil|analys|conserv|cré)\w*"
    )
    never = r"(?:pas|jamais|aucunement|nullement|plus|en\s+aucun\s+cas)"
    return (
        rf"(?<![\w])(?:ne|n['’])\s*(?:(?:les|vous|leur|y|en|l['’])\s*)?{verb}\s+{never}(?![\w])(?!\s+(?:seulement|uniquement|que|qu['’]))"
        rf"|(?<![\w])(?:ne|n['’])\s*(?:sont|seront|est|sera|font|fera|feront|fait|peuvent|pourront|peut|pourra)\s+{never}\s+(?:\w+\s+)?(?:être\s+)?(?:l['’]objet\s+d['’]\w+\s+)?{verb}"
    )


def policy_change() -> str:
    """A change of the notice before the marker, whose goal is no purpose of processing:
    ``nous pouvons modifier cette politique pour tenir compte de ...``. (A retention rule's goal,
    ``conservées 5 ans à des fins de preuve``, names why data is archived: a purpose.)"""
    return r"(?<![\w])(?:modifi|mett\w*\s+à\s+jour|actualis)\w*\s+(?:[\w’'-]+\s+){0,3}?(?:politique|charte|notice|déclaration|présente)"


def measure_or_advice() -> str:
    """A sentence on security measures or advice to the person, whose goals are no purposes of processing:
    ``nous prenons les mesures techniques appropriées pour protéger ...``, ``nous vous recommandons de ...``."""
    return (
        r"(?<![\w])(?:mesures\s+(?:[\w-]+\s+){0,3}?(?:techniques|organisationnelles|raisonnables|appropriées|de\s+sécurité|de\s+protection|de\s+chiffrement|physiques|logiques)"
        r"|(?:mettons|met|mettent)\s+en\s+(?:œuvre|oeuvre|place)\s+(?:[\w’'-]+\s+){0,3}?(?:mesures|dispositifs|moyens|procédures|garanties)"
        r"|nous\s+vous\s+(?:recommandons|conseillons|invitons)"
        r"|(?:ces|les|nos|de\s+telles|ces\s+différentes)\s+(?:mesures|dispositifs|précautions|garanties|procédures)\s+(?:\w+\s+)?(?:permettent|visent|servent|contribuent|ont\s+pour))"
    )


def processing_cue() -> str:
    """A sentence about processing data, or about what the organisation does: ``nous réalisons des enquêtes``,
    ``Nous le faisons pour ...`` after a sentence that records data."""
    return (
        r"(?<![\w])(?:donnée|information|traite|traitons|traité|trait[eé]|utilis|collect|recueil|conserv|enregistr|stock"
        r"|partag|transm|communiqu|cookie|analys|sauvegard|fins|finalité"
        r"|(?:nous|\w+)\s+le\s+(?:faisons|fait|ferons|fera)|nous\s+(?:[\w’']+\s+)?\w+ons(?![\w]))"
    )


def purpose_intro(inline: bool = False) -> str:
    """A line that opens a list of purposes: ``aux fins suivantes :``, ``afin de :``, ``processus suivants :``,
    ``Vos données sont utilisées :``,
    ``Nous utilisons vos données pour :``, ``dans le cadre :``; ``inline``: the list goes on in the same line,
    its items cut by semicolons (``... sont les suivantes : organiser ... ; analyser ...``)."""
    end = r"\s*:[ \t]+(?=\S)" if inline else r"\s*:\s*$"
    return (
        r"(?:(?:fins|finalités?|objectifs?|raisons|buts?|processus|cas|situations)(?:\s+suivant\w*)?|afin\s+d[e'’]?|pour|dans\s+le\s+cadre"
        r"|dans\s+le\s+but\s+d[e'’]?|en\s+vue\s+d[e'’]?|(?:permet\w*|serv\w+|sert|vis\w+)\s+(?:à|de|d['’])"
        r"|(?:fins|finalités?|objectifs?|raisons|buts?)\s+[^:\n]{0,40}\s+(?:les\s+)?suivant\w*"
        r"|servent|utilis\w*\s+\w+\s+données\s+pour"
        r"|sont\s+(?:utilisé|traité|exploité)e?s?(?:\s+(?:notamment|principalement|uniquement|exclusivement))?)" + end
    )


def purpose_section() -> str:
    """A heading that opens a section of purposes: ``À quoi servent vos données ?``, ``Finalités``."""
    return (
        r"(?i)(?:à\s+quoi\s+(?:servent|sert|servira|serviront)|finalités?|pourquoi\s+(?:nous\s+)?(?:traitons|collectons|utilisons|recueillons|avons)"
        r"|pour\s+quelles?\s+(?:raisons|finalités)|à\s+quelles?\s+fins|dans\s+quels?\s+buts?|objectifs?\s+du\s+traitement"
        r"|(?:comment|pourquoi)\s+(?:utilisons|traitons|exploitons)-nous|pour\s+quoi\s+faire|à\s+quoi\s+nous\s+servent"
        r"|(?:comment|pourquoi)\s+(?:vos|les|ces)\s+(?:données|informations)[^?\n]{0,40}(?:utilisées|traitées|collectées)"
        r"|traitements?\s+(?:mis\s+en\s+(?:œuvre|oeuvre)|réalisés|effectués)|^(?:\d+[.)]?\s*)?(?:nos|quels)\s+traitements|^(?:\d+[.)]?\s*)?(?:utilisation|usage)s?\s+(?:de\s+vos|des)\s+données)"
    )


def kind_heading() -> str:
    """A heading that names a kind of data, of person or of party, not a goal: ``Données d’identification``,
    ``Catégories de destinataires``, ``Personnes concernées``."""
    return r"(?i)^(?:\d+[.)]?\s*)?(?:les?\s+|la\s+|vos\s+)?(?:données|catégories|personnes\s+concernées|destinataires?|sources?|durées?|bases?\s+(?:légales?|juridiques?))(?![\w])"


def table_purpose_header() -> str:
    """The header cell of the column that states purposes: ``Finalités``, ``Traitement``, ``Objectif du traitement``."""
    return r"(?i)^(?:\d+[.)]?\s*)?(?:les?\s+|la\s+)?(?:finalités?|objectifs?|buts?|traitements?|activités?\s+de\s+traitement|opérations?\s+de\s+traitement|pourquoi|usages?|utilisations?)(?![\w])"


def label_line() -> str:
    """A line that opens with a short label and a colon: ``Gestion des commandes : nous traitons ...``,
    ``Finalité : gestion des sinistres``; the label is group ``label``, what follows the colon starts at ``rest``."""
    return r"^\s*(?P<label>[A-ZÀÂÉÈÊÎÔÛÇ][^:.;?!\n]{2,60}?)\s*:\s*(?P<rest>\S)"


def legal_basis_line() -> str:
    """A line that only names a legal basis, no purpose: ``Intérêt légitime``, ``Consentement``, ``Obligation légale``;
    ``Exécution du contrat`` too when ``contract`` (in a table, where it fills the legal-basis column)."""
    return (
        r"(?i)^(?:(?:votre|le|l['’]|un|une)\s*)?(?:consentement|intérêts?\s+légitimes?|obligations?\s+(?:légales?|réglementaires?)"
        r"|mission\s+d['’]intérêt\s+public|sauvegarde\s+des\s+intérêts\s+vitaux|base\s+légale|fondement\s+juridique"
        r"|exécution\s+(?:du|d['’]un|de\s+votre|des)\s+(?:contrats?|mesures\s+précontractuelles)|mesures\s+précontractuelles)"
        r"(?:\s*(?:\(|–|-|:|,|et|ou)[^.]*)?$"
    )


def other_section() -> str:
    """A short heading that opens a section other than purposes, closing a purpose section:
    ``Base légale``, ``Durée de conservation``, ``Vos droits``, ``Destinataires``, ``Sécurité``."""
    return (
        r"(?i)^(?:\d+(?:\.\d+)*[.)]?\s*)?(?:(?:les?|la|l['’]|vos|nos|des|quels?|quelles?|qui|combien|où|comment)\s*)*"
        r"(?:bases?\s+(?:légales?|juridiques?)|fondements?|durées?|temps|conservation\s+(?:de\s+vos|des)\s+données|destinataires?"
        r"|droits?|sécurité\s+(?:de\s+vos|des)\s+données|mesures\s+de\s+sécurité|cookies?|traceurs?|transferts?|contact|responsables?"
        r"|délégués?|dpo|catégories|données\s+(?:collectées|traitées|personnelles\s+collectées)|modifications?|mises?\s+à\s+jour"
        r"|réclamations?|sont\s+les\s+destinataires|a\s+accès|avons-nous\s+accès"
        r"|partage|transmission|communication\s+(?:de\s+vos|des)\s+données|hébergement|sous-traitants?|mineurs|enfants"
        r"|décisions?\s+automatisées|collecte\s+(?:de\s+vos|des)\s+données|données\s+(?:que\s+nous|recueillies)|sommes-nous"
        r"|mentions\s+légales|partageons|transmettons|conservons|protégeons|collectons|recueillons)(?![\w])"
    )


#: keywords that give a purpose its category, most specific first
CATEGORY_KEYWORDS: tuple[tuple[str, str], ...] = (
    # ``répondre aux questions des prospects``, ``vous fournir les informations demandées`` are support
    (
        r"^(?:vous\s+)?répondre\s+(?:à|aux)\s+(?:[\w’']+\s+)?(?:questions|demandes|messages|sollicitations|courriels|e-mails)"
        r"|^vous\s+(?:fournir|donner|apporter)\s+(?:[\w’']+\s+){0,3}?informations",
        "support",
    ),
    # keeping data safe is security whatever the data: ``garantir la confidentialité des échanges commerciaux``
    (
        r"^(?:garantir|assurer|préserver|protéger|renforcer|maintenir|veiller\s+à)\s+(?:la\s+|l['’]\s*)(?:sécurité|confidentialité|intégrité)",
        "security",
    ),
    # sending or showing advertising is marketing, however adapted: ``vous présenter des publicités adaptées à votre profil``
    (
        r"^(?:vous\s+)?(?:envoyer|adresser|présenter|proposer|afficher|diffuser|envoi|diffusion|affichage)\s+(?:[\w’']+\s+){0,3}?"
        r"(?:publicités?|offres|newsletters?|lettres?\s+d.information|sollicitations|messages\s+publicitaires|promotions|annonces\s+publicitaires)",
        "marketing",
    ),
    # offering or announcing products is marketing: ``vous proposer des produits adaptés``, ``vous informer de nos nouveaux
    # services``, ``envoyer aux clients des informations sur nos produits``; not a product the person already has
    # (``vous informer d’une modification de votre contrat``)
    (
        r"^(?:vous\s+|leur\s+|lui\s+)?(?:proposer|présenter|promouvoir|faire\s+connaître|informer|tenir\s+informée?s?|envoyer|adresser|communiquer)"
        r"\s+(?:[\w’']+\s+){0,8}?(?:des|nos|ses|leurs|d['’]autres|les|(?:d['’]\s*|de\s+)?(?:un|une))\s+"
        r"(?:(?:nouveaux?|nouvelles?)\s+(?:produits?|services?|offres?)|produits?|services?\s+(?:financiers|bancaires|d['’]assurance|complémentaires|similaires)|nouveautés|événements)",
        "marketing",
    ),
    (
        r"fraud|sécurité|sécuris|confidentialité|intégrité\s+(?:de\s+nos|des)\s+(?:systèmes|données|réseaux)|abus|usurpation|intrusion|protéger|\bvols?\b|prévention|(?<!vous\s)prévenir|blanchiment|terroris|piratage"
        r"|cyber|malveillan|suspect|robots?\b|protection\b|spams?\b|attaques?|incidents?\s+de\s+sécurité|authentifi|vérifi\w*\s+(?:de\s+)?(?:votre\s+|l['’]\s*)?identité"
        r"|contrôle\s+(?:d['’]accès|des\s+accès)|contrefaçon|impayés|risques?\s+de\s+crédit|solvabilité",
        "security",
    ),
    (
        r"obligation|légal|\bloi\b|réglementa|fiscal|conformer|conformité|autorités|déclarations?(?!\s+(?:de|d['’])\s*(?:sinistres?|accidents?|pertes?|vols?|dommages?|incidents?))|signalement|comptab|juridiques?\s+applicables"
        r"|exigences\s+(?:légales|réglementaires)|réquisitions?|administrations?\s+(?:fiscales?|publiques?)|sanctions|embargos?|archivage\s+légal|exercice\s+(?:de\s+vos|des|de\s+leurs|de\s+ses)\s+droits"
        r"|droits?\s+(?:d['’]accès|de\s+rectification|d['’]opposition|à\s+l['’]effacement)|demandes?\s+(?:d['’]exercice|de\s+droits?)",
        "legal",
    ),
    (
        r"preuve|probatoire|(?:conserver|garder|tenir)\s+(?:les|des)\s+traces?\s+des\s+(?:actions|opérations|interventions|transactions|accès)|litige|contentieux|défendre|défense\s+de|justice|réécouter|faire\s+valoir|recours|précontentieux|constatation"
        r"|réclamations?\s+juridiques|actions?\s+en\s+justice|procédures?\s+judiciaires",
        "evidence",
    ),
    # staff training and quality control; coaching the person (a health programme) is the service itself
    (
        r"\bformer\b|\bformation|\bcoach\w*\s+(?:et\s+\w+\s+)?(?:nos|notre|les|des|ses|leurs)\s+(?:collaborateurs|conseillers|agents|équipes|employés|personnel|salariés|commerciaux)"
        r"|entraîner|qualité|\bcontrôles?\s+(?:internes?|(?:de|des|du)\s+(?:processus|services?|prestations?|procédures?|appels|activités|travail))",
        "training",
    ),
    (
        r"statisti|audience|mesure(?!s?\s+(?:précontractuelles|techniques|organisationnelles|de\s+sécurité|nécessaires|appropriées))|\b(?:analyse|études?\b)(?!\w*\s+(?:(?:de|du|des)\s+)?(?:votre|vos|la|le|leur|sa|son|ses|l['’])\s*(?:demandes?|dossiers?|candidatures?|situation|besoins|capacité|éligibilité)\b)|analytique|\bbi\b|informations\s+non\s+nominatives|fréquentation|trafic"
        r"|reporting|tableaux?\s+de\s+bord|performances?|recherches?\s+(?:scientifiques?|médicales?|épidémiologiques?)|épidémiolog|comprendre\s+(?:comment|l['’]utilisation|vos\s+usages|le\s+comportement)|comptage",
        "analytics",
    ),
    (r"personnalis|profilage|centres?\s+d['’]intérêts?|(?<!votre\s)(?<!son\s)(?<!du\s)(?<!leur\s)profils?(?!\s+(?:utilisateur|public|en\s+ligne))|segment|adapt\w*\s+(?:[\w’']+\s+){0,4}?(?:à|aux)\s+(?:vos|votre|ses|son|sa|leurs?|chaque)\s|goûts|recommandations?|préférences|mémoriser\s+(?:votre|vos)\s+(?:langue|choix|paramètres)", "personalisation"),
    (
        r"amélior|développ|optimis|digitalis|numérisation|innov|nouveaux?\s+produits|nouvelles?\s+fonctionnalités|enquêtes?|sondages?"
        r"|feedback|avis\b|réactions|satisfaction|appréciation|organiser|évolution\s+de\s+nos|ergonomie|dysfonctionnements?|bugs?\b",
        "improvement",
    ),
    (
        r"marketing|publicit|prospect|(?<!relation\s)(?<!relations\s)commercia|promotion|promotionnel|offres|newsletter|infolettre|lettres?\s+d.information|bulletins?\s+d['’](?:information|actualités)|mailing|fidélis|fidélité"
        r"|jeux|concours|sollicit|démarchage|parrainage|ventes?\s+privées|bons?\s+plans|réductions|campagnes\s+(?:publicitaires|marketing|promotionnelles|d['’]e-?mailing|de\s+communication)|ciblage|ciblées?|reciblage|retargeting"
        r"|partenaires\s+commerciaux|animation|nouveautés|actualités|événements\s+promotionnels",
        "marketing",
    ),
    (
        r"répondre|questions|assistance|partage\s+d['’]écran|prise\s+(?:en\s+)?(?:de\s+)?main\s+à\s+distance|assister(?!\s+à)|support|soutien|contact|aider|\baide\b|réclamation|rendez-vous|informer|informé|rappeler"
        r"|correspondance|réunion|conseils|communications\s+importantes|service\s+(?:client|après-vente|consommateurs)|\bsav\b|demandes\s+d['’](?:information|assistance|aide|renseignements?)|plaintes"
        r"|notifications?|alertes?|relation\s+client|convoquer|convocations?|vous\s+prévenir|^information\s+(?:des|du|de\s+la|de\s+l['’]|de\s+nos|de\s+vos)\s",
        "support",
    ),
)

#: the category of a goal none of the keywords name: most purposes serve the service itself
DEFAULT_CATEGORY = "service"

#: a head that runs the service (``gérer``, ``exécuter``, ``livrer``, ``facturer``, ``gestion``, ``exécution``): its
#: complement names what is run, so a weak keyword there (``gérer vos préférences``, ``gestion de la qualité des
#: livraisons``, ``exécution et amélioration de nos offres``) does not change the category
SERVICE_HEAD = (
    r"^(?:(?:la|le|l['’])\s*)?(?:gérer|exécuter|livrer|facturer|gestion|exécution|livraison|facturation|fourniture"
    r"|administrer|administration|traiter\s+(?:votre|vos|la|les)\s+(?:commandes?|paiements?|souscriptions?|abonnements?|dossiers?)"
    r"|traitement\s+(?:de\s+votre|de\s+vos|des|de\s+la)\s+(?:commandes?|paiements?|souscriptions?|abonnements?|dossiers?))(?![\w])"
)
#: what a complement may still change after a service head: a category named by its strong keywords alone
WEAK_AFTER_SERVICE_HEAD = frozenset({"personalisation", "improvement", "training"})


def action_noun() -> str:
    """A noun that names an action, so that ``pour la gestion de ...`` states a goal and
    ``pour les données`` does not: ``gestion``, ``formation``, ``traitement``, ``envoi``, ``lutte``."""
    return (
        r"^(?:(?:seule|bonne|meilleure|simple|stricte|correcte)\s+)?"
        # informing people is an action; ``information``, ``utilisation`` alone name data or a use
        r"(?:information\s+(?:des|de\s+la|du|de\s+l['’]|de\s+nos|de\s+vos|de\s+nos)\s*(?:clients?|familles?|usagers?|utilisateurs?|patients?|personnes?"
        r"|salariés?|candidats?|membres?|adhérents?|abonnés?|participants?|parents?|élèves?|public|bénéficiaires?|assurés?|locataires?)"
        r"|(?!utilisation|usage|conversation|information)(?:[a-zéèêàç’'-]+(?:tion|sion|ment|age|ance|ence|ure|ise|isation|aison)s?|envoi|suivi|lutte|gestion|tenue|prise\s+en\s+charge|besoins?"
        r"|contrôle|réponse|recherche|analyse|preuve|raisons|soutien|aide|défense|respect|marketing|prospection|publicité|promotion"
        r"|octroi|paie|accueil|calcul|audit|reporting|conseil))(?![\w])"
    )
