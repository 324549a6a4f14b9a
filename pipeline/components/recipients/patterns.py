"""Cues of the RECIPIENT component: sharing words, sections about recipients, sources of data."""

from __future__ import annotations

import re


def sharing_cue() -> re.Pattern[str]:
    """A sentence that gives data to someone: ``transmettre``, ``partager``, ``faire appel à``,
    ``destinataires``, ``sous-traitants``, ``hébergé par``, ``fournir ... à``."""
    return re.compile(
        r"(?<![\w])(?:transm\w*|communiqu\w*|partag\w*|transf[eé]r\w*|divulg\w*|destinataire\w*|accès|accéd\w*"
        r"|fourni\w*|faire\s+appel|fai\w+\s+appel|recours|sous-trait\w*|prestataire\w*|héberg\w*|confi\w*"
        r"|céd\w*|cession|vend\w*|disposition|envoy\w*|reçoi\w*|recev\w*|traitée?s?\s+par|gérée?s?\s+par"
        r"|réalisée?s?\s+par|fournisseur\w*|destiné\w*|accessibles?|adressée?s?\s+(?:à|aux?)\s)",
        re.IGNORECASE,
    )


def sharing_verb() -> re.Pattern[str]:
    """A verb that hands data over, for telling a source from a recipient in one sentence."""
    return re.compile(
        r"(?<![\w])(?:transm\w*|communiqu\w*|partag\w*|transf[eé]r\w*|divulg\w*|fourni\w*|envoy\w*|confi\w*|céd\w*)",
        re.IGNORECASE,
    )


def shared_with_relative() -> re.Pattern[str]:
    """A party's relative clause that gives it data: ``(tiers) avec lesquels nous partageons``,
    ``auxquels nous transmettons``, ``à qui elles sont communiquées``."""
    return re.compile(
        r"\s*(?:avec\s+(?:lesquel(?:le)?s|qui)|auxquel(?:le)?s|à\s+qui|à\s+(?:laquelle|lequel))\s+"
        r"(?:\w+\s+){0,4}?(?:transm\w*|communiqu\w*|partag\w*|transf[eé]r\w*|divulg\w*|fourni\w*|envoy\w*|confi\w*|céd\w*)",
        re.IGNORECASE,
    )


def provider_cue() -> re.Pattern[str]:
    """A sentence where a named provider is used: sharing, or ``via``, ``utilise``, ``hébergé``, ``stocké``."""
    return re.compile(r"(?<![\w])(?:via|utilis\w*|recour\w*|stock\w*|héberg\w*|trait\w*|outil\w*|solution\w*|service\w*)", re.IGNORECASE)


#: legal forms, places, laws and technical words that the statistical NER takes for organisations
NOT_A_PARTY = frozenset(
    "sa sas sasu sarl srl nv bv gmbh ltd inc llc plc asbl vzw eee ue europe belgique france "
    "rgpd gdpr dpd dpo rcs siret siren tva http https acme api id ip url web internet bluetooth wifi wi-fi "
    "covid-19 covid sms gps ios android pdf html cookie cookies".split()
) | {"espace économique européen", "union européenne", "règlement général sur la protection des données"}

#: words just before a name that make it a party data goes to: ``à Stripe``, ``avec Mailchimp``,
#: ``par Focus Feedback``, ``chez OVH``, ``via Microsoft Teams``, ``comme Google``
RECIPIENT_PREPOSITIONS = frozenset("à au aux avec par chez via vers comme notamment que".split())

#: verbs after which a named provider is one the organisation uses or feeds: ``nous utilisons Matomo``
USING_VERBS = frozenset("utiliser recourir faire confier héberger transmettre partager communiquer envoyer transférer".split())


def recipient_heading() -> re.Pattern[str]:
    """A heading that opens a list of recipients: ``Destinataires``, ``Sous-traitants``,
    ``Transmission à des tiers``, ``Partage et transfert de vos données``."""
    return re.compile(
        r"(?:destinataire|sous-traitan|partage|transmission|transfert|tiers|qui\s+a\s+accès|communication\s+de"
        r"|prestataires|partenaires|à\s+qui)",
        re.IGNORECASE,
    )


def source_before() -> re.Pattern[str]:
    """What makes a party a source of data, not a recipient: ``auprès de``, ``provenant de``,
    ``émaner de``, ``de la part de``, ``obtient d’un``, ``reçues de``."""
    return re.compile(
        r"(?:auprès\s+(?:de|du|des|d['’])|provenant\s+(?:de|du|des|d['’])|émaner\s+(?:de|du|des|d['’])"
        r"|émanant\s+(?:de|du|des|d['’])|de\s+la\s+part\s+(?:de|du|des|d['’])|obtien\w*\s+(?:de|du|des|d['’])"
        r"|reçue?s?\s+(?:de|du|des|d['’])|issue?s?\s+(?:de|du|des|d['’])|fournie?s?\s+par)",
        re.IGNORECASE,
    )


#: lead words of a list item that name no party (``Les sous-traitants`` is found by the lexicon)
LIST_ITEM_STOP = re.compile(r",|\(|:|;|\s+qui\s|\s+-\s|\s+–\s|\s+pour\s|\s+dont\s|\s+afin\s")


#: words that make a short line the title of a section rather than the name of a party:
#: ``Transmission à des tiers``, ``Partage avec nos partenaires``, ``Qui a accès à vos données ?``
SECTION_WORDS = re.compile(
    r"(?<![\w])(?:donn[ée]es|informations|partage\w*|transmission|transfert\w*|communication|destinataires?|accès"
    r"|divulgation|sécurité|conservation|cookies?|traceurs?|droits?|finalités?|qui|quels?|quelles?)(?![\w])|\?",
    re.IGNORECASE,
)

#: what may stand around a party in a line that names parties only: numbers, determiners, ``et``
ONLY_LINKS = re.compile(
    r"[\s\d.)\-–•:,;]*(?:(?:les|des|la|le|l['’]|aux?|à|nos|notre|et|ou|autres?)(?![\w])[\s,;.]*)*", re.IGNORECASE
)

#: a list introduction whose items are not parties: data, purposes, rights
OTHER_LIST = re.compile(r"(?<![\w])(?:fins?|finalités?|afin|droits?|suivantes?\s+données|catégories)(?![\w])", re.IGNORECASE)

#: a part of the notice, not a party: ``Article 3``, ``Section 2``, ``Annexe``
DOCUMENT_PART = re.compile(r"(?:article|section|chapitre|annexe|partie|titre|point)(?![\w])", re.IGNORECASE)

#: nouns after which a capitalised word names the provider: ``notre outil d’analyse Mixpanel``,
#: ``le prestataire Stripe``, ``la solution Didomi``, ``notre hébergeur OVH``
PROVIDER_NOUNS = frozenset(
    """prestataire prestataires outil outils solution solutions plateforme plateformes logiciel logiciels
    hébergeur hébergeurs sous-traitant sous-traitants fournisseur fournisseurs partenaire partenaires service services
    société sociétés transporteur transporteurs analyse paiement hébergement messagerie""".split()
)

#: a noun of party and the capitalised name it introduces: ``la société Payline``, ``notre
#: prestataire Dématik``, ``l’entreprise Martin & Fils``
INTRODUCED_NAME = re.compile(
    r"(?<![\w])(?:la|le|l['’]|notre|nos|un|une|des|du|de\s+la)\s*(?P<noun>société|entreprise|cabinet|agence|prestataire|"
    r"sous-traitant|partenaire|hébergeur|transporteur|plateforme|solution|start-up|banque|assureur)\s+"
    r"(?P<name>[A-Z][\w&’'.\-]*(?:\s+(?:&\s+)?[A-Z][\w&’'.\-]*){0,3})",
)

#: the category a noun of party gives the name it introduces
INTRODUCER_CATEGORY = {"partenaire": "partner", "assureur": "insurer", "banque": "other"}

#: where a notice names its own organisation: publisher, controller, ``(ci-après ...)``
OWN_INTRO = re.compile(
    r"(?:(?:édité|exploité|publié|géré)e?\s+par|responsable\s+d[ue]s?\s+traitements?\s+(?:est|sont)|éditeur\s+du\s+site\s+est)"
    r"\s+(?:(?:la|le|l['’])\s*)?(?:(?:société|entreprise|association|groupe)\s+)?(?P<name>[A-Z][\w&’'.\-]*)"
    r"|(?P<name2>[A-Z][\w&’'.\-]*)(?:\s+[A-Z][\w&’'.\-]*){0,3}\s*[(,]\s*(?:ci-après|ci-dessous)\s*(?:dénommée?s?\s*)?[«\"“]?\s*"
    r"(?:nous|on|la\s+société|l['’]entreprise|le\s+responsable|l['’]éditeur|la\s+banque|le\s+groupe|l['’]organisme)(?![\w])",
)

#: lemmas of verbs whose ``à`` complement is a party that receives data
GIVING_LEMMAS = frozenset("transmettre communiquer transférer divulguer céder partager confier envoyer vendre louer fournir destiner".split())

#: prepositions of that complement: ``à``, ``aux``, ``avec`` (``partager avec``), ``auprès de`` is a source
TO_PARTY = frozenset({"à", "au", "aux", "avec"})

#: heads of an ``à`` complement that name no party: purposes, times, places, manners, the data
NOT_PARTY_HEADS = frozenset(
    """fin fins titre moment demande adresse étranger extérieur sein cas condition conditions exception occasion égard
    effet fois hauteur destination mesure lieu pays état états union espace territoire zone région ville france europe
    disposition charge fur besoin raison cadre terme suite vue défaut lumière vertu regard aide usage utilisation
    donnée données information informations personne personnes vous utilisateur client tiers service services site
    finalité finalités traitement objet but objectif respect manière façon limite règle règles loi réglementation
    obligation obligations contrat réquisition injonction jour date délai durée période seul seule seuls seules
    enquête questionnaire formulaire sondage concours jeu newsletter lettre programme opération compte espace""".split()
)

#: a negated disclosure before a party: ``ne sont jamais transmises``, ``ne vendons pas``, ``en aucun cas``
NEGATED = re.compile(
    r"(?<![\w])(?:ne|n['’])\s*(?:[\w’'-]+\s+){0,5}?(?:pas|jamais|aucunement|nullement)(?![\w])|(?<![\w])en\s+aucun\s+cas(?![\w])",
    re.IGNORECASE,
)

#: what lifts a negation for the parties after it: ``à l’exception de``, ``sauf``, ``hormis``, ``autres que``
EXCEPTION = re.compile(r"(?<![\w])(?:mais|cependant|toutefois|néanmoins|revanche|contre|exception|sauf|hormis|excepté|autres?\s+que|si\s+ce\s+n['’]est|uniquement|seulement|seuls?|seules?)(?![\w])", re.IGNORECASE)

#: a sentence about complaints: the authority there receives a complaint, not data
COMPLAINT = re.compile(r"(?<![\w])(?:réclamation|plainte|saisir|saisine)(?![\w])", re.IGNORECASE)

#: a condition that holds a negation: ``si vous ne souhaitez pas que vos données soient transmises``
CONDITION_BEFORE = re.compile(r"(?<![\w])(?:si|s['’]il|lorsque|quand)\s*(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


#: the kind noun at the head of a party the lexicon does not list, and its category, most specific first:
#: ``sociétés sœurs de notre groupe`` -> group, ``organismes d’assurance maladie`` -> insurer,
#: ``juridictions compétentes`` -> authority, ``prestataires logistiques`` -> processor,
#: ``annonceurs tiers`` -> partner
HEAD_CATEGORIES: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), cat)
    for rx, cat in (
        (r"^(?:(?:autres?|nos|ses|leurs)\s+)?(?:filiales?|(?:sociétés?|entités?|entreprises?|membres?|marques?)\s+(?:\w+\s+)?(?:du|de\s+notre|de\s+son|de\s+leur)\s+(?:même\s+)?groupe)", "group"),
        (r"^(?:(?:nos|ses|leurs|les|des)\s+)?(?:ré)?assureurs?(?![\w])|^(?:compagnies?|sociétés?|organismes?|entreprises?)\s+d['’]\s*(?:ré)?assurances?", "insurer"),
        (r"^(?:(?:nos|ses|leurs|les|des)\s+)?(?:autorités?|administrations?|tribunaux|tribunal|juridictions?|cours?\s+(?:d['’]appel|de\s+justice)|police|gendarmerie|services?\s+(?:de\s+police|fiscaux|des\s+impôts|publics)"
         r"|organismes?\s+(?:sociaux|publics?|de\s+sécurité\s+sociale|de\s+contrôle|officiels?)|régulateurs?|ministères?|douanes?|parquet|officiers?\s+ministériels?)(?![\w])", "authority"),
        (r"^(?:(?:nos|ses|leurs|les|des)\s+)?(?:partenaires?|annonceurs?|régies?\s+publicitaires?|réseaux?\s+sociaux|distributeurs?|revendeurs?|apporteurs?\s+d['’]affaires)(?![\w])", "partner"),
        (r"^(?:(?:nos|ses|leurs|les|des)\s+)?(?:prestataires?|sous-traitants?|hébergeurs?|fournisseurs?|transporteurs?|sociétés?\s+de\s+(?:services|livraison|recouvrement|transport|routage)|intermédiaires?\s+techniques?)(?![\w])", "processor"),
    )
)

#: a kind noun before a name, in its sentence or the list intro above it: ``nos partenaires publicitaires, comme Criteo``,
#: ``Nos sous-traitants :`` over a list of names; the nearest one gives an unknown name its category. A bare
#: ``partenaires`` says nothing (notices call their providers partners too): only an advertising or commercial one is
KIND_BEFORE_NAME = re.compile(
    r"(?<![\w])(?P<group>filiales?|sociétés?\s+du\s+groupe|entités?\s+du\s+groupe)"
    r"|(?<![\w])(?P<processor>prestataires?|sous-traitants?|hébergeurs?|fournisseurs?|transporteurs?"
    r"|partenaires?\s+(?:techniques?|technologiques?|informatiques?|logistiques?|de\s+paiement|d['’]hébergement))"
    r"|(?<![\w])(?P<partner>partenaires?\s+(?:commerciaux|commercial|publicitaires?|marketing|médias?)|annonceurs?|régies?\s+publicitaires?)"
    r"|(?<![\w])(?P<insurer>(?:ré)?assureurs?)(?![\w])",
    re.IGNORECASE,
)
