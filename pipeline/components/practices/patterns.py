"""What the practice links and the safeguards of transfers read in the words of a notice."""

from __future__ import annotations

import re

APOS = "['’]"


def back_reference() -> re.Pattern:
    """Words that point back to data named just before, in a sentence that says what is done with
    them: ``ces données sont conservées 3 ans``, ``les données mentionnées ci-dessus``, ``ces
    informations``, ``ce type d’information``, ``lesdites données``, ``Elles sont transmises à ...`` (at a sentence's start)."""
    nouns = r"(?:données(?:\s+personnelles)?|informations?|renseignements|catégories\s+de\s+données)"
    return re.compile(
        rf"(?i)\b(?:ces|lesdites|ces\s+mêmes|ce\s+type\s+d(?:e\s+|{APOS}\s*))\s*{nouns}\b"
        rf"|\b{nouns}\s+(?:(?:mentionnées|citées|énumérées|listées|décrites|visées|indiquées|collectées)\s+ci-dessus"
        r"|précitées|susmentionnées|susvisées|ci-dessus)"
        r"|^\W*(?:elles|celles-ci)\b"
    )


def safeguards() -> list[tuple[str, re.Pattern]]:
    """The safeguards of a transfer, by value, as notices name them:

    - ``scc``: ``clauses contractuelles types``, ``clauses contractuelles standard``, ``clauses types
      de protection des données``, ``CCT``, ``SCC``, ``Standard Contractual Clauses``;
    - ``bcr``: ``règles d’entreprise contraignantes``, ``règles internes d’entreprise``, ``BCR``;
    - ``adequacy``: ``décision d’adéquation``, ``pays reconnus comme adéquats``, ``niveau de
      protection adéquat`` reconnu par la Commission;
    - ``consent``: ``consentement explicite`` (only where its sentence speaks of the transfer:
      :func:`transfer`);
    - ``other``: ``Data Privacy Framework``, ``Privacy Shield``, ``DPF``, ``code de conduite``,
      ``mécanisme de certification``.
    """
    return [
        ("scc", re.compile(
            r"(?i)\bclauses\s+(?:contractuelles\s+(?:types?|standards?|type)|types?\s+de\s+protection\s+des\s+données"
            r"|contractuelles\s+(?:adoptées|approuvées|établies)\s+par\s+la\s+Commission)"
            r"|\bmodèles?\s+de\s+clauses\s+contractuelles|\bstandard\s+contractual\s+clauses\b"
            r"|(?-i:\b(?:CCT|SCC|CCS)s?\b)")),
        ("bcr", re.compile(
            rf"(?i)\brègles\s+(?:internes\s+)?d{APOS}entreprises?\s+contraignantes|\bbinding\s+corporate\s+rules\b"
            r"|(?-i:\bBCRs?\b)")),
        ("adequacy", re.compile(
            rf"(?i)\bdécisions?\s+d{APOS}adéquation|\badequacy\s+decisions?\b"
            r"|\b(?:reconnus?|considérés?|jugés?)\s+(?:par\s+la\s+Commission\s+européenne\s+)?comme\s+(?:offrant\s+un\s+niveau\s+de\s+protection\s+)?adéquats?"
            r"|\bniveau\s+de\s+protection\s+(?:adéquat|suffisant|équivalent)\b[^.]{0,80}\bCommission")),
        ("consent", re.compile(r"(?i)\bconsentement\s+(?:exprès|explicite)")),
        ("other", re.compile(
            r"(?i)\b(?:EU[- ]U\.?S\.?\s+)?data\s+privacy\s+framework\b|\bprivacy\s+shield\b|(?-i:\bDPF\b)"
            r"|\bcodes?\s+de\s+conduite\b|\bmécanismes?\s+de\s+certification\b")),
    ]


def transfer() -> re.Pattern:
    """Words that make a sentence speak of a transfer outside the European Economic Area: ``hors de
    l’Union européenne``, ``en dehors de l’EEE``, ``pays tiers``, ``transfert ... vers les
    États-Unis``, ``transférées``."""
    return re.compile(
        rf"(?i)\b(?:hors|en\s+dehors)\s+(?:de\s+l{APOS}|du\s+|des\s+|de\s+)?(?:UE|EEE|Union|Espace|territoire)"
        r"|\bpays\s+tiers\b|\btransf[eéè]r\w*|\bextérieur\s+de\s+l"
    )


def chain() -> re.Pattern:
    """What joins a purpose to the next one of its chain (the text between the two): its goal
    (``afin de``, ``pour``, ``dans le but de``, ``en vue de``, ``ceci afin de``) or a colon that
    breaks it down (``exécution des commandes : livraison``)."""
    return re.compile(
        rf"(?i)^[\s,(]*(?:(?:et\s+)?(?:ceci\s+|cela\s+)?(?:afin\s+(?:de|d{APOS}|que)|pour(?:\s+pouvoir)?|dans\s+le\s+but\s+(?:de|d{APOS})"
        rf"|en\s+vue\s+(?:de|d{APOS}))|:)[\s\w{APOS}]{{0,12}}$"
    )


def list_gap() -> re.Pattern:
    """What separates two items of one enumeration: a comma, ``et``, ``ou``, a semicolon."""
    return re.compile(r"(?i)^[\s,;]*(?:(?:et|ou|ainsi\s+que)\b)?[\s\w'’]{0,6}$")


def recipient_reference() -> re.Pattern:
    """Words that point back to recipients named just before without naming them: ``certains des
    destinataires mentionnés ci-dessus``, ``ces prestataires``, ``lesdits partenaires``."""
    parties = r"(?:destinataires|prestataires|partenaires|sous-traitants|tiers|sociétés|organismes|entités)"
    return re.compile(
        rf"(?i)\b(?:ces|lesdits|lesdites)\s+{parties}\b"
        rf"|\b{parties}\s+(?:(?:mentionné|cité|énuméré|listé|décrit|visé|indiqué)e?s\s+ci-dessus|précité|susmentionné|susvisé)"
    )


def named_reference() -> re.Pattern:
    """Data named by their category and a reference to the passage that lists them: ``Données du
    client (voir article 4 ci-dessus)``, ``les données des prospects listées à l’article 3``; group
    ``category`` is the category's word."""
    return re.compile(
        rf"(?i)\b(?:données|informations)\s+(?:du|de\s+la|des|de\s+l{APOS}|de|d{APOS})\s*(?P<category>\w+)[^()\n]{{0,30}}?"
        r"\(?\s*(?:voir|cf\.?|(?:listée|mentionnée|définie|décrite|visée|énumérée|indiquée)s?\s+(?:à|dans|au))"
        r"\s+(?:l['’]\s*|la\s+)?(?:article|section|paragraphe|rubrique|point|partie|tableau)\s+\w+"
    )


NAMED_REFERENCE = named_reference()

#: personal data in general, which a back-reference later in the sentence may point to
#: (``des données vous concernant ... pour partager ces données``)
GENERAL_DATA = re.compile(r"(?i)\b(?:des|vos|les|leurs|certaines|toutes\s+les)\s+données\b")

#: a sentence that goes on about what the sentence before named (``Ils ont accès ...``)
PRONOUN = re.compile(r"(?i)^\W*(?:ils|elles|ceux-ci|celles-ci|ces\s+derni(?:ers|ères))\b")
RECIPIENT_REFERENCE = recipient_reference()

#: the number or letter a title opens with (``3.``, ``2.1``, ``b)``, ``IV -``)
TITLE_NUMBER = re.compile(r"^(?:[\dIVXivx]+(?:[.)]\d*)*|[a-zA-Z][.)])\s*[-–.)]?\s*")

BACK_REFERENCE = back_reference()
CHAIN = chain()
LIST_GAP = list_gap()
SAFEGUARDS = safeguards()
TRANSFER = transfer()
