"""Patterns of the legal grounds French notices give for a processing.

Each builder returns a regex fragment with named groups; ``component.py``
compiles them once. The ground itself (``consentement``, ``exécution du
contrat``...) is found anywhere; it counts only in a context that states it
as the ground of a processing (a cue before it, a label line, a heading or
table column of legal bases) and never in the rights section's wording or
when it is negated.
"""

from __future__ import annotations

APOS = "['’]"
DET = rf"(?:(?:d{APOS}une?|la|le|les|l{APOS}|une?|des|du|de|d{APOS}|nos|vos|notre|votre|ses|sa|son|leurs?)\s*)"


def consent() -> str:
    """``consentement``, ``consentement préalable``, ``consentement explicite`` (Art. 9 when its sentence is
    about sensitive data), ``accord préalable`` (only after a consent cue, see :func:`consent_cue`)."""
    return r"(?P<consent>consentement(?:\s+(?:préalable|explicite|expr[eè]s|libre|spécifique|éclairé))*)"


def contract() -> str:
    """``exécution du contrat``, ``exécution d’un contrat``, ``exécution du contrat de transport``,
    ``exécution de mesures précontractuelles``, ``exécution des conditions générales d’utilisation``,
    ``relation contractuelle``, ``nécessité contractuelle``."""
    thing = (
        rf"(?:contrats?(?:\s+de\s+(?!nos\b|vos\b)[a-zéèêàù\-]+)?|mesures\s+précontractuelles|relation\s+contractuelle"
        rf"|conditions\s+générales(?:\s+d{APOS}utilisation|\s+de\s+vente)?|CGU|CGV)"
    )
    return (
        rf"(?P<contract>(?:exécution|execution)\s+{DET}?{thing}"
        rf"|mesures\s+précontractuelles|relation\s+contractuelle|nécessité\s+contractuelle)"
    )


def legal_obligation() -> str:
    """``obligation légale``, ``obligations légales et réglementaires``, ``respect d’une obligation légale``,
    ``respect de nos obligations légales``, ``obligations réglementaires``."""
    kind = r"(?:légales?|réglementaires?|fiscales?|comptables?)"
    return (
        rf"(?P<legal>(?:respect\s+{DET}?)?obligations?\s+(?:légales?|réglementaires?)"
        rf"(?:(?:\s*,\s*|\s+(?:et|ou)\s+){kind})*)"
    )


def legitimate_interest() -> str:
    """``intérêt légitime``, ``intérêts légitimes``."""
    return r"(?P<legitimate>intérêts?\s+légitimes?)"


def public_task() -> str:
    """``mission d’intérêt public``, ``exécution d’une mission d’intérêt public``."""
    return rf"(?P<public>(?:exécution\s+{DET}?)?mission\s+d{APOS}intérêt\s+public)"


def vital_interests() -> str:
    """``sauvegarde des intérêts vitaux``, ``intérêts vitaux``."""
    return r"(?P<vital>(?:sauvegarde\s+des\s+)?intérêts\s+vitaux)"


def article() -> str:
    """``article 6.1.a du RGPD``, ``article 6 (1) (f) du RGPD``, ``art. 6, paragraphe 1, point b``,
    ``article 9.2.h``."""
    sep = r"(?:\s*\.\s*|\s*\(\s*|\s*\)\s*\(?\s*|\s*,\s*(?:paragraphe|§|alinéa|point|lettre)?\s*|\s+)"
    return (
        rf"(?P<article>(?:article|art\.)\s*(?P<art>[69]){sep}(?P<para>[12]){sep}(?P<letter>[a-j])\)?"
        rf"(?:\s+du\s+(?:RGPD|règlement\s+général\s+sur\s+la\s+protection\s+des\s+données))?)"
    )


def ground() -> str:
    """Any of the grounds above, from its first content word."""
    parts = (contract(), public_task(), legal_obligation(), legitimate_interest(), vital_interests(), article(), consent())
    return r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])"


def agreement() -> str:
    """``accord``, ``accord préalable``, ``autorisation``: consent named otherwise, after a consent cue only."""
    return r"(?P<agreement>(?:accord|autorisation)(?:\s+(?:préalable|expr[eè]s|explicite))?)(?![\w])"


def cue() -> str:
    """What states a ground just before it: ``sur la base de``, ``fondé sur``, ``repose sur``,
    ``en vertu de``, ``justifié par``, ``au titre de``, ``nécessaire à``, ``base légale :``,
    ``sur le fondement de``, ``dans le cadre de``, ``conformément à``."""
    return (
        r"(?:sur\s+la\s+base\s+(?:légale\s+|juridique\s+)?(?:de|du|des|d['’])|sur\s+le\s+fondement\s+(?:de|du|des|d['’])"
        r"|fondée?s?\s+sur|basée?s?\s+sur|reposen?t?\s+sur|s['’]appuien?t?\s+sur|nous\s+appuyons\s+sur"
        r"|en\s+vertu\s+(?:de|du|des|d['’])|justifiée?s?\s+par|légitimée?s?\s+par|au\s+titre\s+(?:de|du|des|d['’])"
        r"|nécessaires?\s+(?:à|au|aux|pour|dans\s+le\s+cadre\s+(?:de|du|des|d['’]))|dans\s+le\s+cadre\s+(?:de|du|des|d['’])"
        r"|conformément\s+(?:à|au|aux)|(?:base|fondement)\s+(?:légale?|juridique)\s*(?::|est|sera)|licéité\s*:"
        r"|\(\s*)"
        r"\s*(?:(?:la|le|les|l['’]|une?|des|du|nos|vos|notre|votre|ses|leurs?|son|sa)\s*)?$"
    )


def consent_cue() -> str:
    """What makes consent the condition of a processing: ``avec votre consentement``, ``avec votre accord``,
    ``sous réserve de votre consentement``, ``soumis à votre consentement``, ``requiert votre consentement``,
    ``après avoir recueilli votre consentement``, ``(re)cueillir votre accord``, ``subordonné à``."""
    return (
        r"(?:avec|sous\s+réserve\s+(?:de|d['’])|soumise?s?\s+à|subordonnée?s?\s+à|moyennant|selon"
        r"|requi(?:ert|èrent)|nécessit(?:e|ent)|demand(?:e|ons|er)|recueill(?:ir|ons|i|ie|is)|obten(?:ir|ons|u|ue)"
        r"|(?:après|sans)\s+(?:avoir\s+(?:recueilli|obtenu)\s+)?|en\s+fonction\s+de|si\s+vous\s+(?:avez\s+)?donn[ée]\s+)"
        r"\s*(?:(?:préalablement|expressément)\s+)?(?:(?:votre|vos|ton|leur|le|l['’]|un|son)\s*)?$"
    )


def label_line() -> str:
    """A line that labels the ground: ``Base légale : Intérêt légitime``, ``Fondement juridique :``,
    ``Base juridique du traitement : ...``, ``Base de licéité -``."""
    return (
        r"^\W*(?:bases?|fondements?)\s+(?:légales?|juridiques?|de\s+licéité|du\s+traitement)"
        r"(?:\s+(?:du|des|de\s+ce|de\s+ces)\s+traitements?)?[^:\n]{0,40}?\s*[:\-–]\s*"
    )


def section_heading() -> str:
    """A heading or table header over a list or a column of grounds: ``Base légale``,
    ``Fondement juridique``, ``Quelle est la base légale du traitement ?``, ``Bases juridiques``."""
    return r"(?:bases?\s+(?:légales?|juridiques?|de\s+licéité)|fondements?\s+(?:juridiques?|légaux|légal|du\s+traitement)|licéité\s+du\s+traitement)"


def excluded_context() -> str:
    """Wordings of the rights section and negations around a ground: ``retirer votre consentement``,
    ``retrait du consentement``, ``sans votre consentement``, ``exemptés de consentement``,
    ``ne requièrent pas votre consentement``, ``vous opposer``, ``droit d’opposition``."""
    return (
        r"(?:retir|retrait|révoqu|révocation|vous\s+opposer|droit\s+d['’]opposition|opposer\s+au"
        r"|exempt|dispens|sans\s+(?:votre\s+|le\s+|leur\s+)?(?:consentement|accord)|ne\s+\w+\s+pas\s+(?:votre\s+|le\s+)?consentement"
        r"|ne\s+(?:nous\s+)?bas\w*\s+pas|n['’]est\s+pas\s+(?:fondé|basé)|aucun\s+consentement)"
    )


def sensitive_context() -> str:
    """What makes explicit consent the Art. 9 exception: ``données de santé``, ``données sensibles``,
    ``biométriques``, ``origine``, ``opinions``, ``orientation sexuelle``."""
    return r"(?:santé|sensibles?|biométrique|génétique|origine\s+(?:raciale|ethnique)|opinions?\s+politiques?|orientation\s+sexuelle|convictions\s+religieuses)"


def value(groups: dict, sensitive: bool) -> str | None:
    """The ``GDPR-...`` value of a matched ground."""
    if groups.get("article"):
        art, para = groups["art"], groups["para"]
        if (art, para) in (("6", "1"), ("9", "2")) and (art == "9" or groups["letter"] <= "f"):
            return f"GDPR-{art}-{para}-{groups['letter']}"
        return None
    if groups.get("consent") or groups.get("agreement"):
        return "GDPR-9-2-a" if sensitive else "GDPR-6-1-a"
    for group, code in (("contract", "b"), ("legal", "c"), ("vital", "d"), ("public", "e"), ("legitimate", "f")):
        if groups.get(group):
            return f"GDPR-6-1-{code}"
    return None
