"""Patterns of French retention periods, as small named regex builders.

Every builder returns a regex fragment; ``component.py`` compiles them once.
The number-word table is data too, tested row by row.
"""

from __future__ import annotations

import re

# --- numbers -------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}


def parse_number(text: str) -> int | None:
    """A number written in digits or in French words: ``13``, ``treize``, ``dix-huit``,
    ``vingt et un``, ``soixante-dix``, ``quatre-vingt-dix``, ``deux cents``, ``treize (13)``."""
    text = text.strip().lower()
    digits = re.search(r"\((\d+)\)\s*$", text)
    if digits:  # ``treize (13)``: the digits decide
        return int(digits.group(1))
    if re.fullmatch(r"\d+", text):
        return int(text)
    words = [w for w in re.split(r"[\s\-‑]+", text) if w and w != "et"]
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    total, current = 0, 0
    for word in words:
        value = NUMBER_WORDS[word]
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        elif value == 20 and word.startswith("vingt") and current % 100 == 4:
            current = current - 4 + 80  # quatre-vingt(s)
        else:
            current += value
    return total + current


def number() -> str:
    """``3``, ``10``, ``un``, ``une``, ``treize (13)``, ``dix-huit``, ``vingt et un``, ``quatre-vingt-dix``."""
    word = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    words = rf"(?:{word})(?:(?:[\-‑]|\s+et\s+|\s+)(?:{word}))*"
    return rf"(?:(?<!\d)\d{{1,4}}(?!\d)|(?<![\w])(?:{words})(?![\w]))(?:\s*\(\d{{1,4}}\))?"


# --- units ---------------------------------------------------------------------

UNITS: dict[str, str] = {
    "an": "Y", "ans": "Y", "année": "Y", "années": "Y",
    "mois": "M",
    "semaine": "W", "semaines": "W",
    "jour": "D", "jours": "D",
    "heure": "H", "heures": "H", "h": "H",
    "minute": "MIN", "minutes": "MIN", "min": "MIN", "mn": "MIN",
    "seconde": "S", "secondes": "S", "s": "S", "sec": "S",
}


def unit() -> str:
    """``an(s)``, ``année(s)``, ``mois``, ``semaine(s)``, ``jour(s) ouvrés``, ``heure(s)``, ``minute(s)``, ``seconde(s)``."""
    return (
        r"(?:ans?|années?|mois|semaines?|jours?(?:\s+(?:ouvrés|ouvrables|calendaires|francs))?"
        r"|heures?|minutes?|secondes?|(?<=\d)\s?(?:h|min|mn|sec|s))(?![\w])"
    )


def amount() -> str:
    """A number and its unit, compounds and halves included.

    ``3 ans``, ``un an et demi``, ``3 ans et 6 mois``, ``2 min 30 s``, ``treize (13) mois``.
    """
    one = rf"{number()}\s*{unit()}"
    return rf"{one}(?:(?:\s*,\s*|\s+et\s+|\s+){one})*(?:\s+et\s+demie?)?"


# --- qualifiers ------------------------------------------------------------------

def max_before() -> str:
    """Qualifiers before the amount that make it an upper bound, kept in the span.

    ``maximum un an``, ``un maximum de 180 jours``, ``une durée maximale de 6 mois``,
    ``au plus 3 ans``, ``ne dépassant pas 2 ans``, ``jusqu’à 5 ans``, ``moins de sept jours``.
    """
    return (
        r"(?:(?:une|la)\s+(?:durée|période)\s+(?:maximale|maximum|max\.?)\s+(?:de\s+|d['’])"
        r"|un\s+maximum\s+(?:de\s+|d['’])|au\s+maximum\s+|au\s+plus\s+|maximum\s+|max\.?\s+"
        r"|ne\s+(?:dépassant|excédant)\s+pas\s+|n['’]excédant\s+pas\s+|jusqu['’]à\s+|moins\s+de\s+)"
    )


def max_verb_before() -> str:
    """A finite verb that caps the amount: it sets ``max`` but stays out of the span.

    ``n’excède pas 13 mois``, ``ne dépasse pas 2 ans``, ``ne pouvant être supérieure à treize (13) mois``,
    ``ne peut excéder 3 ans``, ``au-delà de 5 ans`` (after a negation).
    """
    return (
        r"(?:n['’](?:excède|excèdent|excédera)\s+pas\s+|ne\s+(?:dépasse|dépassent|dépassera)\s+pas\s+"
        r"|ne\s+(?:peut|peuvent|pourra|pouvant)\s+(?:pas\s+)?(?:excéder|dépasser|être\s+supérieure?s?\s+à)\s+"
        r"|inférieure?s?\s+à\s+)"
    )


def min_before() -> str:
    """Qualifiers before the amount that make it a lower bound: ``au moins 5 ans``, ``une durée minimale de 3 ans``."""
    return (
        r"(?:(?:une|la)\s+(?:durée|période)\s+(?:minimale|minimum)\s+(?:de\s+|d['’])"
        r"|un\s+minimum\s+(?:de\s+|d['’])|au\s+moins\s+|au\s+minimum\s+|minimum\s+)"
    )


def exact_before() -> str:
    """``une durée de 3 ans``, ``une période de 10 ans``, ``durée 1 an``: no bound, the words stay out of the span."""
    return r"(?:(?:(?:une|la)\s+)?(?:durée|période)\s+(?:(?:de|d['’])\s*)?)"


def max_after() -> str:
    """``6 mois maximum``, ``3 ans au plus``, ``13 mois au maximum``; not ``au plus tard`` (a deadline)."""
    return r"(?:\s+(?:au\s+)?maximum|\s+au\s+plus(?!\s+tard)|\s+max\.?)(?![\w])"


def min_after() -> str:
    """``5 ans minimum``, ``3 ans au moins``."""
    return r"(?:\s+(?:au\s+)?minimum|\s+au\s+moins)(?![\w])"


def range_() -> str:
    """``entre 3 et 6 mois``, ``de 3 à 6 mois``: the upper end is the bound."""
    return rf"(?:entre\s+{number()}(?:\s*{unit()})?\s+et\s+|de\s+{number()}(?:\s*{unit()})?\s+à\s+)(?P<upper>{amount()})"


# --- events -----------------------------------------------------------------------

END = r"(?=\s*(?:[.;:!?()\[\]\n]|,\s|\s\+\s|$)|\s+(?:ou|sauf|afin|puis|sous\s+réserve|à\s+l['’]exception|notamment|conformément|selon|comme|et\s+ce|en\s+tenant|pour\s+(?:les|des|la|le|répondre|permettre))(?![\w]))"


def event() -> str:
    """The words of an event, up to the end of its phrase: ``la fin de notre relation contractuelle``."""
    return rf"(?P<event>[^.;:!?()\[\]\n]{{3,160}}?){END}"


def after_event() -> str:
    """A starting event after an amount, kept in the span.

    ``10 ans après la fin de notre relation contractuelle``, ``3 ans à compter de la clôture du compte``,
    ``1 mois après la tenue de ces derniers``, ``5 ans à partir de votre dernier achat``.
    """
    link = r"(?:après|post|à\s+compter\s+(?:de|du|des|d['’])|à\s+partir\s+(?:de|du|des|d['’])|suivant|à\s+l['’]issue\s+(?:de|du|des|d['’])|à\s+dater\s+(?:de|du|des|d['’]))"
    return rf"\s+{link}\s*{event()}"


def event_bound() -> list[tuple[str, str]]:
    """Periods bound to an event, with their value ``null``: (name, regex).

    ``aussi longtemps que nécessaire pour la réalisation des objectifs``,
    ``tant que votre compte ne sera pas supprimé``, ``jusqu’à la fin de notre relation contractuelle``,
    ``jusqu’à ce que vous nous demandiez de supprimer vos données``,
    ``pendant toute la durée de votre contrat`` (span from ``durée``),
    ``le temps nécessaire à la gestion de votre demande`` (span from ``temps``).
    """
    return [
        ("as_long_as", rf"(?:aussi|tant)\s+longtemps\s+qu['’e]\s*{_needed_for()}{event()}"),
        ("while", rf"(?<![\w])(?<!en\s)tant\s+qu['’e]\s*(?!à\s){event()}"),
        ("until", rf"(?<![\w])jusqu['’]\s*(?:à|au|aux)\s+(?!\d|{_number_word()}\s)(?:ce\s+qu['’e]\s*)?{event()}"),
        ("for_the_time_of", rf"(?<![\w])(?:durées?|période|temps)\s+(?:nécessaire\s+|strictement\s+nécessaire\s+)?(?:de|du|des|d['’]|à|au|aux|pour)\s*{event()}"),
        ("when", rf"(?<![\w])(?:lorsqu['’e]|dès\s+qu['’e]|une\s+fois\s+qu['’e])\s*{event()}"),
    ]


def _needed_for() -> str:
    """``nécessaire pour``, ``strictement nécessaire à``: the goal after it is the event."""
    return r"(?:(?:strictement\s+|raisonnablement\s+)?nécessaires?\s+(?:pour|à|aux?)\s+)?"


def _number_word() -> str:
    return "(?:" + "|".join(NUMBER_WORDS) + ")"


def for_the_time_of_lead() -> str:
    """What must stand before ``durée``/``temps`` for it to open a period: ``pendant (toute) la``,
    ``pour une``, ``le``, ``dans la limite des``, ``ou``, or the start of a line (a table cell);
    ``la durée de conservation est ...`` alone names the rule, not the period."""
    return (
        r"(?:(?:pendant|durant|pour|sur)\s+(?:toute\s+)?(?:la|le|l['’]|une)\s*|(?:^|\s)(?:le|la)\s+"
        r"|dans\s+la\s+limite\s+(?:des|de\s+la|du)\s+|(?:^|\s)(?:ou|\+)\s+(?:la\s+|le\s+)?|^\s*)$"
    )


def opens_field() -> str:
    """What may stand between the start of a line and a period that is a value of its own:
    nothing (a table cell), a label and a colon (``Durée de conservation : jusqu’à la clôture``),
    an alternative (``3 ans ou``, ``... +``), and ``pendant la`` before ``durée``."""
    return (
        r"(?:^|:|\s(?:ou|\+))\s*(?:(?:pendant|durant|pour)\s+(?:toute\s+)?(?:la|le|l['’]|une)\s*"
        r"|(?:le|la)\s+)?$"
    )


def capped_lead() -> str:
    """``dans la limite des durées de prescription``: the period is an upper bound."""
    return r"dans\s+la\s+limite\s+(?:des|de\s+la|du)\s+$"


def deletion_before() -> str:
    """A ``lorsque``/``dès que`` period needs a deletion just before it: ``supprimé lorsque ...``,
    ``nous supprimerons tous les journaux stockés lorsque ...``."""
    return r"(?:supprim|effac|détrui|anonymis|purg)\w*(?:\s+[\w’']+){0,5}\s*$"


def not_an_event_of_time() -> str:
    """``durée de conservation``, ``durée de vie``, ``durée de validité`` name a rule, not an event."""
    return r"^(?:conservation|vie|validité|rétention|prescription|stockage|archivage)"


# --- context ----------------------------------------------------------------------

def retention_cue() -> str:
    """Words that make a sentence about keeping data.

    ``conserver``, ``garder``, ``archiver``, ``stocker``, ``supprimer après``,
    ``durée de conservation``, ``durée de vie`` (of a cookie), ``effacées``, ``anonymisées``.
    """
    return (
        r"(?<![\w])(?:conserv\w*|gard(?:e|é|ée|és|ées|ons|ez|ent|er|era|eront|erons)\b|archiv\w*|stock\w*"
        r"|supprim\w*|suppression|effac\w*|détrui\w*|destruction|anonymis\w*|purg\w*|rétention"
        r"|durée\s+de\s+vie|expir\w*|conservation|détenu\w*|détenons|retenu\w*"
        r"|rest(?:e|ent|era|eront)\s+(?:sur|dans|enregistr|stock)\w*|demeur\w*)"
    )


def retention_heading() -> str:
    """A heading or table header about retention: ``Durée de conservation``, ``Combien de temps ...``."""
    return r"(?i)(?:conservation|durée|combien\s+de\s+temps|rétention|archivage)"


def false_positive_before() -> str:
    """What, just before an amount, makes it something else than retention.

    Deadlines (``dans un délai de 4 semaines``, ``sous un mois``), frequencies (``chaque semaine``,
    ``tous les 6 mois``), ages (``âgés d’au moins 18 ans``, ``moins de 16 ans``), the past
    (``depuis 3 ans``, ``il y a 2 ans``), other things' lengths (``un entretien de 30 minutes``,
    ``abonnement d’un an``).
    """
    return (
        r"(?:délai\s+(?:maximum\s+|maximal\s+|légal\s+)?(?:de\s+|d['’])|dans\s+(?:les|un\s+délai\s+de)\s+"
        r"|sous\s+(?:un\s+délai\s+de\s+)?|chaque\s+|tous\s+les\s+|toutes\s+les\s+|une\s+fois\s+par\s+|par\s+"
        r"|âgée?s?\s+(?:de\s+|d['’])(?:au\s+moins\s+|plus\s+de\s+|moins\s+de\s+)?|plus\s+de\s+"
        r"|(?:mineurs?|enfants?|jeunes|personnes?|utilisateurs?)\s+(?:de\s+|d['’])(?:moins\s+de\s+|plus\s+de\s+)?"
        r"|à\s+partir\s+(?:de\s+|d['’])|dès\s+"
        r"|depuis\s+|il\s+y\s+a\s+|(?:entretien|abonnement|essai|garantie|appel|réunion|session|séance|formation|offre|engagement|contrat)\s+(?:de\s+|d['’])"
        r"|dans\s+|d['’]ici\s+|avant\s+)$"
    )


def choice_kept() -> str:
    """A consent or cookie-banner choice kept for a time is validity, not retention of data:
    ``Le consentement et le refus sont conservés pendant une durée maximale de 6 mois``."""
    return r"(?:consentement|refus|choix)\b[^.]{0,40}\b(?:sont|est|seront|sera)\s+(?:conservée?s?|valables?|gardée?s?)"


def false_positive_after() -> str:
    """What, just after an amount, makes it something else: ``18 ans et plus``, ``ans révolus``, ``par mois``."""
    return r"^(?:\s+et\s+plus|\s+révolus|\s+d['’]âge|\s+par\s+|\s+d['’]expérience|\s+de\s+prison|\s+d['’]emprisonnement)"
