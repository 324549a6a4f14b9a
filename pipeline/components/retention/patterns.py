"""Patterns of French retention periods, as small named regex builders.

Every builder returns a regex fragment with a docstring of the wordings it
was written for; ``component.py`` (where periods are) and ``normalise.py``
(what they say) compile them once. The number-word table is data too, tested
row by row.

A period never runs over a line break: the cleaner puts each table cell and
list item on a line of its own, and the component joins the lines of a
sentence that a notice wrapped before it searches (``S`` below is a space
that is not a line break).
"""

from __future__ import annotations

import re

S = r"[^\S\n]"  # a space, never a line break
DE = r"(?:de|du|des|d['’])"  # ``de`` and its contracted forms

# --- numbers -------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}


def _digits_value(text: str) -> float | None:
    """``13`` -> 13, ``1,5`` -> 1.5."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def parse_number(text: str) -> float | None:
    """A number written in digits or in French words: ``13``, ``treize``, ``dix-huit``,
    ``vingt et un``, ``soixante-dix``, ``quatre-vingt-dix``, ``deux cents``, ``1,5``,
    ``treize (13)``, ``(13) treize``. Where words and digits both stand, the digits decide."""
    text = text.strip().lower()
    digits = re.search(r"\((\d{1,4})\)", text) or re.fullmatch(r"(\d{1,4}(?:[,.]\d{1,2})?)(?:\s*\(.*\))?", text)
    if digits:
        return _digits_value(digits.group(1))
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
        elif value == 20 and current % 100 == 4:
            current = current - 4 + 80  # quatre-vingt(s)
        else:
            current += value
    return total + current


def _number_words() -> str:
    """``dix-huit``, ``vingt et un``, ``quatre-vingt-dix``: number words joined by hyphens, ``et`` or spaces."""
    word = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    et_un = rf"(?<=vingt|rente|rante|uante|xante){S}+et{S}+(?=un|onze)"  # vingt et un, soixante et onze; not ``un et cinq``
    return rf"(?:{word})(?:(?:[\-‑]|{et_un}|{S}+)(?:{word}))*"


def number() -> str:
    """``3``, ``10``, ``1,5``, ``un``, ``une``, ``treize (13)``, ``(13) treize``, ``trois (3)``,
    ``dix-huit``, ``vingt et un``, ``quatre-vingt-dix``."""
    words = _number_words()
    digits = r"(?<![\w.,/])\d{1,4}(?:,\d{1,2}|\.\d)?(?![\d/])"
    in_words = rf"(?<![\w])(?:{words})(?![\w])"
    return rf"(?:\(\d{{1,4}}\){S}*{in_words}|(?:{digits}|{in_words})(?:{S}*\((?:\d{{1,4}}|{words})\))?)"


# --- units ---------------------------------------------------------------------

UNIT_FORMS: dict[str, str] = {
    "year": r"ans?|années?",
    "month": r"mois",
    "week": r"semaines?",
    "day": rf"jours?(?:{S}+(?:ouvrés|ouvrables|calendaires|francs))?",
    "hour": r"heures?|(?<=\d)h|(?<=\d\s)h",
    "minute": r"minutes?|(?<=\d)(?:min|mn)\.?|(?<=\d\s)(?:min|mn)\.?",
    "second": r"secondes?|(?<=\d)sec\.?|(?<=\d\s)sec\.?",
}
# a unit glued to the ``d’`` of the next word by a PDF that lost its spaces (``3 ansd’inactivité``)
GLUED_DE = r"|(?=d['’][^\W\d])"
UNIT_CODES: dict[str, str] = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "MIN", "second": "S"}


def unit() -> str:
    """``an(s)``, ``année(s)``, ``mois``, ``semaine(s)``, ``jour(s) ouvrés``, ``heure(s)``, ``24h``,
    ``minute(s)``, ``15 min``, ``seconde(s)``; not a bare ``s`` (``1601 S. California Ave``)."""
    return "(?:" + "|".join(UNIT_FORMS.values()) + rf")(?:(?![\w]){GLUED_DE})"


def unit_anchor() -> str:
    """A unit of time as a word of its own or right after a digit (``ans``, ``10ans``, ``24h``),
    where the search for an amount starts: never inside a word (``dans``, ``moisson``)."""
    words = "|".join(form for name, form in UNIT_FORMS.items())
    return rf"(?<![^\W\d])(?:{words})(?:(?![\w]){GLUED_DE})"


def named_unit() -> str:
    """:func:`unit` with one named group per unit (``(?P<unit_month>mois)``), for the normaliser."""
    return "(?:" + "|".join(f"(?P<unit_{name}>{form})" for name, form in UNIT_FORMS.items()) + rf")(?:(?![\w]){GLUED_DE})"


def amount() -> str:
    """A number and its unit, compounds and halves included.

    ``3 ans``, ``un an et demi``, ``3 ans et 6 mois``, ``2 min 30 s``, ``treize (13) mois``, ``24h``;
    not ``3 ans 13 mois`` (two cells of a table whose ``<br>`` became a space).
    """
    one = rf"{number()}{S}*{unit()}"
    return rf"{one}(?:(?:{S}*,{S}*|{S}+et{S}+){one})*(?:{S}+et{S}+demie?)?(?:{S}+\d{{1,2}}{S}?s(?![\w]))?"


def unit_in_header() -> str:
    """A table header that gives the unit of its column's bare numbers: ``Durée de vie (jours)``,
    ``Expiration (en mois)``, ``Durée de conservation en jours``."""
    return rf"(?:\({S}*(?:en{S}+)?|(?<![\w])en{S}+){named_unit()}"


def bare_number_cell() -> str:
    """A table cell that is a number alone, maybe after a comparison (``365``, ``<1``, ``< 1``,
    ``moins de 1``), matched on the cell's whole text; ``number`` is the span."""
    return (
        rf"^(?:{S}|[*_])*(?P<number>(?:[<>≤≥]{S}*|moins{S}+d['’e]{S}*|plus{S}+d['’e]{S}*)?"
        rf"\d{{1,5}}(?:[,.]\d{{1,2}})?)(?![\d/:.-])(?:{S}|[*_])*$"
    )


def amount_ahead() -> str:
    """What starts an amount of time, as a lookahead: ``3 ans``, ``treize (13) mois``."""
    return rf"(?={number()}{S}*{unit()})"


# --- qualifiers inside the span --------------------------------------------------

def max_before() -> str:
    """Qualifiers before the amount that make it an upper bound, kept in the span.

    ``maximum un an``, ``un maximum de 180 jours``, ``une durée maximale de 6 mois``,
    ``au plus 3 ans``, ``au plus tard deux ans après``, ``ne dépassant pas 2 ans``,
    ``n’excédant pas cinq (5) ans``, ``jusqu’à 5 ans``, ``jusqu’à maximum de 2 ans``,
    ``moins de sept jours``. (``délai`` stays out of the span: ``Délai maximum de 3 ans`` gives
    ``3 ans``, ``max``.)
    """
    return (
        rf"(?:(?:(?:une|la){S}+)?(?:durée|période)(?:{S}+de{S}+(?:vie|conservation|validité))?{S}*(?:maximale|maximum|max\.?){S}+(?:de{S}+|d['’]{S}*)"
        rf"|jusqu['’]{S}*à{S}+(?:un{S}+)?(?:maximum|max\.?){S}+(?:de{S}+|d['’]{S}*)"
        rf"|un{S}+maximum{S}+(?:de{S}+|d['’]{S}*)|au{S}+maximum{S}+|au{S}+plus(?:{S}+tard)?{S}+|maximum{S}+|max\.?{S}+"
        rf"|ne{S}+(?:dépassant|excédant){S}+pas{S}+|n['’]excédant{S}+pas{S}+|jusqu['’]{S}*à{S}+|moins{S}+de{S}+)"
    )


def min_before() -> str:
    """Qualifiers before the amount that make it a lower bound: ``au moins 5 ans``,
    ``une durée minimale de 3 ans``, ``un minimum de 2 ans``, ``durée supérieure à 3 ans``."""
    return (
        rf"(?:(?:(?:une|la){S}+)?(?:durée|période)(?:{S}+de{S}+(?:vie|conservation|validité))?{S}+(?:minimale|minimum){S}+(?:de{S}+|d['’]{S}*)"
        rf"|un{S}+minimum{S}+(?:de{S}+|d['’]{S}*)|au{S}+moins{S}+|au{S}+minimum{S}+|minimum{S}+"
        rf"|(?:(?:une|la){S}+)?(?:durée|période){S}+supérieure{S}+à{S}+)"
    )


def length_before() -> str:
    """``une durée de 3 ans``, ``une période de 90 jours``, ``durée d’un (1) mois``: no bound, the words
    stay out of the span (``délai`` too, but a deadline is checked on it, see :func:`kept_until_deadline`)."""
    return rf"(?:(?:(?:une|la){S}+)?(?:durée|période){S}+(?:initiale{S}+|supplémentaire{S}+|consécutive{S}+)?(?:de{S}+|d['’]{S}*)?)"


def max_after() -> str:
    """``6 mois maximum``, ``3 ans au plus``, ``13 mois au maximum``, ``3 ans max``;
    not ``au plus tard`` after the amount."""
    return rf"(?:{S}+(?:au{S}+)?maximum|{S}+au{S}+plus(?!{S}+tard)|{S}+max\.?)(?![\w])"


def min_after() -> str:
    """``5 ans minimum``, ``3 ans au moins``."""
    return rf"(?:{S}+(?:au{S}+)?minimum|{S}+au{S}+moins)(?![\w])"


def range_start() -> str:
    """The lower end of a range, kept in the span: ``entre 3 et 6 mois``, ``de 3 à 6 mois``,
    ``3 à 5 ans``, ``entre 24 et 48 heures``, ``de 5 à 7 ans``; the upper end is the value."""
    lower = rf"{number()}(?:{S}*{unit()})?"
    return rf"(?:entre{S}+{lower}{S}+et{S}+|(?:de{S}+)?{lower}{S}*(?:à|-|–){S}*)"


def alternative_number() -> str:
    """A bare number that shares the unit of the next: ``2`` in ``2 ou 10 ans``, ``6`` in ``6 ou 12 mois``."""
    return rf"{number()}(?={S}+ou{S}+{number()}{S}*{unit()})"


# --- events ------------------------------------------------------------------------

def _capital_start() -> str:
    """A capitalised function word in mid-sentence: a new cell or sentence whose break was lost
    (``<br>`` in a table cell): ``Les``, ``Pour``, ``Si``, ``Durée``, ``Jusqu’à``."""
    return (
        r"(?-i:Les?|La|L['’]|Une?|Des|Du|Ce|Ces|Cet|Cette|Si|En|Pour|Dans|Au|Aux|Vos|Votre|Nos|Notre|Ses?|Sa|Leurs?"
        r"|Ils?|Elles?|Nous|Vous|On|Après|Avant|Sauf|Jusqu|Tant|Pendant|Durant|Toute?s?|Tous|Et|Ou|Mais|Puis"
        r"|Lorsque|Quand|Dès|Durée|Délai|Période)(?![\w])"
    )


def event_end() -> str:
    """Where the words of an event stop: punctuation, a table or list separator, a linking word
    that starts something else (``sauf``, ``afin``, ``puis``, ``ou``), a new period (``et au
    maximum 5 ans``, ``Factures 10 ans``), a second period joined by ``et`` (``durée du contrat et
    période de prescription``) or a capitalised word that starts a new cell."""
    words = (
        r"ou|et/ou(?={S}+à{S})|sauf|afin|puis|sous{S}+réserve|à{S}+l['’]exception|notamment|conformément|selon|comme|et{S}+ce"
        r"|en{S}+tenant|pour{S}+(?:les|des|la|le|répondre|permettre|respecter|satisfaire|faciliter|nous|vous)"
        r"|à{S}+des{S}+fins|aux{S}+fins|dans{S}+le{S}+cadre|à{S}+titre|en{S}+vue|en{S}+application|en{S}+vertu"
        r"|si(?:{S}+|['’])(?!nécessaire|besoin)|à{S}+moins|sans{S}+préjudice"
        r"|et{S}+(?:sont|seront|est|sera|ne|n['’]|peuvent|pourront|nous|vous|elles?|ils?|on|au{S}+(?:maximum|plus|moins)|jusqu|pendant|durant|dans{S}+la{S}+limite)"
        r"|et{S}+(?:(?:la|le|les){S}+|l['’]{S}*)?(?:durées?|périodes?|délais?)(?![\w])"
    ).replace("{S}", S)
    return (
        rf"(?=[^\S\n]*(?:[.;:!?()\[\]\n|•<>\"«»]|,{S}|{S}[+–—-]{S}|[+]|$)"
        rf"|{S}+(?:{words})(?![\w])"
        rf"|{S}+{amount_ahead()}"
        rf"|{S}+{_capital_start()}"
        rf"|{S}+(?-i:[A-ZÀ-Ý])[\w’']*(?:{S}*:|{S}+(?!(?:ou|et|pendant|durant|puis|pour|soit)(?![\w]))[\w’']+){{0,6}}?{S}+\d{{1,4}}{S}*{unit()})"
    )


def event() -> str:
    """The words of an event, up to the end of its phrase: ``la fin de notre relation contractuelle``."""
    return rf"[^.;:!?()\[\]\n|<>]{{3,160}}?{event_end()}"


def event_link() -> str:
    """What links an amount to its starting event: ``après``, ``à compter de``, ``à partir du``,
    ``suivant``, ``à l’issue de``, ``à dater de``, ``courant dès``, ``post``."""
    return (
        rf"(?:après(?!{S}+(?:quoi|cela|lesquel\w*)(?![\w]))|post|suivant|à{S}+compter{S}+{DE}|à{S}+partir{S}+{DE}|à{S}+l['’]issue{S}+{DE}"
        rf"|à{S}+dater{S}+{DE}|courant{S}+(?:dès|à{S}+compter{S}+{DE})|de{S}+la{S}+date{S}+{DE})"
    )


def idle_event() -> str:
    """Inactivity as the starting event, kept in the span: ``24 mois d’inactivité``,
    ``3 ans de non-utilisation``, ``deux (2) ans d’inactivité sur votre compte``."""
    return rf"(?:d['’]{S}*|de{S}+)(?:inactivité|non[-‑]?{S}*(?:utilisation|activité|connexion)|non{S}+utilisation)"


def after_event() -> str:
    """A starting event after an amount, kept in the span.

    ``10 ans après la fin de notre relation contractuelle``, ``3 ans à compter de la clôture du compte``,
    ``1 mois après la tenue de ces derniers``, ``5 ans à partir de votre dernier achat``,
    ``24 mois d’inactivité``.
    """
    return rf"(?:{S}*,?{S}+{event_link()}{S}*{event()}|(?:{S}+|(?<=[^\W\d])(?=d['’])){idle_event()}(?:{S}+(?:sur|de){S}+{event()})?)"


def event_bound() -> list[tuple[str, str]]:
    """Periods bound to an event, with their value ``null``: (name, regex).

    ``aussi longtemps que nécessaire pour la réalisation des objectifs``,
    ``tant que votre compte ne sera pas supprimé``, ``jusqu’à la fin de notre relation contractuelle``,
    ``jusqu’à ce que vous nous demandiez de supprimer vos données``, ``jusqu’au retrait du consentement``,
    ``pendant toute la durée de votre contrat`` (span from ``durée``),
    ``le temps nécessaire à la gestion de votre demande`` (span from ``temps``; in a cell, ``Temps de
    conservation nécessaire pour ...``),
    ``supprimées dès la fin de la transaction``, ``supprimées lorsque vous fermez votre compte``,
    ``conservées sans limitation de durée``, ``plus longtemps que nécessaire à la finalité``,
    ``dans la mesure nécessaire pour se conformer à la loi``, ``au-delà de ce qui est nécessaire
    pour ...``, ``une durée n’excédant pas celle nécessaire à ...``, ``dans la limite prévue par la
    loi``; vague periods (``durée limitée``, ``durées plus longues``, ``période déterminée``,
    ``période spécifiée``, ``temps limité``, ``délai limité``, ``périodes plus ou moins longues``,
    ``certain temps``; not ``une certaine période`` (said of cookies in general or among the criteria
    of a period: never a span in the gold), ``période définie : 30 jours``, nor a
    reference like ``périodes de conservation spécifiées ci-dessous``); in a
    table cell, ``Session`` and ``suppression à votre demande``; ``ou que sa session se termine``,
    ``ou à la suppression du compte``, ``ou de la désactivation ...`` after another period.
    """
    return [
        ("as_long_as", rf"(?:aussi|tant){S}+longtemps{S}+qu['’e]{S}*{_needed_for()}{event()}"),
        ("while", rf"(?<![\w])(?<!en\s)tant{S}+qu['’e]{S}*(?!à\s){event()}"),
        ("until", rf"(?<![\w])jusqu['’]{S}*(?:à|au|aux)(?![\w])(?!{S}*{number()}{S}*{unit()}|{S}*(?:un{S}+)?max|{S}*$|{S}*{_until_now()}){S}*(?:ce{S}+qu['’e]{S}*)?{event()}"),
        ("for_the_time_of", rf"(?<![\w])(?:durées?|périodes?|temps){S}+(?:de{S}+conservation{S}+(?={_fitting()}))?(?:(?:strictement|raisonnablement){S}+)?(?:minimale?s?{S}+)?(?:{_fitting()}(?:{S}+et{S}+{_fitting()})?{S}+)?(?:duquel|(?:pendant|durant){S}+lequel|(?:de|du|des|à|au|aux|pour|où)(?![\w])|à(?=[^\W\d])|d['’]|pendant{S}+laquelle|durant{S}+laquelle|afin{S}+(?:de|d['’]))(?!{S}*(?:{number()}{S}*{unit()}|{alternative_number()})){S}*{event()}"),
        ("capped_by_need", rf"(?<![\w])(?:durées?{S}+n['’]excédant{S}+pas{S}+celles?|ce{S}+qui{S}+est|celle|celui){S}+(?:(?:strictement|raisonnablement){S}+)?nécessaires?{S}+(?:pour|à|aux?)(?![\w]){S}*{event()}"),
        ("longer_than_needed", rf"(?<![\w])plus{S}+longtemps{S}+qu['’e]{S}*(?:(?:strictement|raisonnablement){S}+)?nécessaire(?:{S}+(?:pour|à|aux?)(?![\w]){S}*{event()})?"),
        ("as_far_as_needed", rf"(?<![\w])dans{S}+la{S}+mesure{S}+(?:(?:strictement|raisonnablement){S}+)?nécessaire{S}+(?:pour|à|aux?)(?![\w]){S}*{event()}"),
        ("legal_limit", rf"(?<=dans{S}la{S})limite{S}+(?:prévue|fixée|autorisée|permise|imposée){S}+par{S}+(?:la{S}+loi|la{S}+réglementation|les{S}+textes)"),
        ("added_delay", rf"(?<![\w])délais?{S}+raisonnables?(?:{S}+par{S}+la{S}+suite)?(?![\w])"),
        ("vague", rf"(?<![\w])(?:(?:durées?|périodes?)(?:{S}+de{S}+conservation)?{S}+(?:plus{S}+(?:longues?|courtes?)|limitée?s?|déterminée?s?|raisonnables?|variables?)"
                  rf"|(?:durées?|périodes?|temps){S}+(?:plus{S}+ou{S}+moins{S}+(?:longues?|longs?)|limitée?s?|spécifiée?s?|donnée?s?|définie?s?|adéquate?s?|prolongée?s?)"
                  rf"|délais?{S}+limités?|certaine?s?{S}+(?:durées?|périodes?|temps)(?:{S}+de{S}+temps)?)(?![\w])(?!{S}*:?{S}*{number()}{S}*{unit()})"),
        ("or_that", rf"(?<=\sou\s)qu['’e]{S}*(?!nécessaire){event()}"),
        ("or_event", rf"(?:{OR_JOINED})(?:résiliation|suppression|clôture|fermeture|fin|retrait|expiration|désactivation|désinscription|opposition|annulation)(?![\w]){event()}"),
        ("rule_period", rf"(?<![\w]){_rule_period()}"),
        ("longer", rf"(?<=[^\W\d]{S})plus{S}+longtemps(?!{S}+qu)(?![\w])"),
        ("throughout", rf"(?:(?<=toute{S}l’)|(?<=toute{S}l')|(?<=toute{S}la{S})|(?<=tout{S}le{S}))(?!durée|période|temps)[^\W\d]{event()}"),
        ("session_cell", rf"(?<![^\n])(?-i:(?:[Ss]ession(?:{S}+de{S}+navigation)?|Durée{S}+de{S}+(?:la{S}+)?session|Fin{S}+de{S}+(?:la{S}+)?session|Cookie{S}+de{S}+session))(?=[ \t]*(?:\n|$))"),
        ("on_request", rf"(?<![\w])(?:suppression|effacement){S}+(?:à|sur){S}+(?:(?:votre|simple|la){S}+)?demande(?![\w])"),
        ("when", rf"(?<![\w])(?:lorsqu['’e]|dès{S}+(?:que|qu['’]|lors{S}+qu['’e]|l['’]instant{S}+où)|une{S}+fois{S}+(?:qu['’e]|(?=(?:votre|vos|la|le|les|l['’]|sa|son|ses|leur|leurs)(?![\w])))|après{S}+qu['’e]|quand(?![\w])){S}*(?!{S}*possible(?![\w])){event()}"
                 rf"|(?<![\w])si{S}+(?:[\w’'-]+{S}+){{0,2}}?n['’e]{S}*(?:sont|est|seront|sera|soient|sont{S}+pas){S}+plus{S}+(?:nécessaires?|utiles?|requise?s?)(?![\w])(?:{event()}|(?={event_end()}))"),
        ("or_if", rf"(?<![\w])si{S}+(?=vous|l['’]{S}*utilisateur|le{S}+client|la{S}+personne){event()}"),
        ("from_on", rf"(?<![\w])(?:dès|après|à{S}+compter{S}+{DE}|à{S}+partir{S}+{DE}){S}*(?!qu|lors|l['’]instant|\d|{_number_word()}(?![\w]))(?:la|le|les|l['’]|ladite|ledit|sa|son|leur|votre|réception|expiration|clôture|fin|suppression|résiliation){event()}"),
        ("unlimited", rf"(?<![\w])(?:sans{S}+(?:limitation|limite){S}+(?:de{S}+durée|dans{S}+le{S}+temps)|pour{S}+une{S}+durée{S}+(?:illimitée|indéterminée))(?![\w])|(?<![\w])indéfiniment(?![\w])"),
    ]


def _until_now() -> str:
    """What ``jusqu’à`` reaches when it dates a past processing, not a period: ``le traitement effectué
    jusqu’à ce moment-là``, ``jusqu’à ce retrait``, ``jusqu’à présent``, ``jusqu’à cette date``."""
    return rf"(?:ce{S}+moment|cette{S}+date|ce{S}+retrait|présent|maintenant|aujourd['’]hui|alors)(?![\w])"


# ``ou``, ``ou à``, ``ou de``, ``ou bien``, ``et/ou à``, ``, à`` (in a list of alternatives), then maybe an
# article, before an alternative (the article stays out of the span, as in every label)
OR_JOINED = "|".join(
    rf"(?<={join}{prep}{article})"
    for join, preps in ((r"\sou\s", ("", r"à\s", r"de\s", r"bien\s")), (r"\set/ou\s", ("", r"à\s")), (r",\s", (r"à\s",)))
    for prep in preps
    for article in ("", r"la\s", r"le\s", "l’", "l'")
)


def event_start() -> str:
    """The first words of the patterns of :func:`event_bound`, where each of them may start
    (a lookahead: ``pour une durée`` and ``durée`` are both starts)."""
    return (
        r"(?<![\w])(?=jusqu|lorsqu|(?:aussi|tant|durées?|périodes?|temps|ce\s+qui|celle|celui|plus\s+longtemps"
        r"|dans\s+la\s+mesure|limite|dès|une\s+fois|quand|si|sans|pour\s+une\s+durée|indéfiniment|session|fin|cookie|certain"
        r"|suppression|effacement|délais?|même|plus|après|à)(?![^\W\d]))|(?:" + OR_JOINED + r")\w"
        r"|(?<=toute\sl’)|(?<=toute\sl')|(?<=toute\sla\s)|(?<=tout\sle\s)"
    )


def _rule_period() -> str:
    """A period a notice names by its rule, with no length: ``délais légaux de conservation``,
    ``délai de prescription applicable``, ``durée légale``, ``délai supplémentaire``, ``durées
    réduites``, ``période minimale`` (not ``période différente de celle ...``), ``période d’archivage intermédiaire``, ``période de limitation
    obligatoire`` (a limitation period), ``durée définie par
    les Acteurs de santé``, ``même durée que les données du compte``; not ``durée de
    conservation`` alone (it names the rule in ``la durée de conservation est de 3 ans``), nor a
    period whose length follows (``période supplémentaire de 5 ans`` is ``5 ans``)."""
    adjective = (
        r"(?:légale?s?|légaux|réglementaires?|minimale?s?|réduites?|différentes?(?!{S}+d['’e])|supplémentaires?|définie?s?|applicables?"
        r"|imposée?s?|prévue?s?|fixée?s?|établie?s?|appliquée?s?|identiques?|en{S}+vigueur|requise?s?|obligatoires?)"
    ).replace("{S}", S)
    kind = rf"(?:de{S}+(?:prescription|limitation)|d['’]{S}*archivage(?:{S}+intermédiaire)?|de{S}+conservation)"
    head = rf"(?:même{S}+)?(?:durées?|délais?|périodes?)"
    tail = rf"(?![\w])(?:{S}+(?:par|que){S}+{event()})?(?!{S}*(?:de|d['’]){S}*{number()})(?!{S}+pour{S}+(?:la|leur){S}+conservation)"
    return (
        rf"(?:{head}(?:{S}+{adjective})+(?:{S}+{kind})?(?:{S}+{adjective})*"
        rf"|{head}{S}+(?:de{S}+(?:prescription|limitation)|d['’]{S}*archivage(?:{S}+intermédiaire)?)(?:{S}+{adjective})*"
        rf"|{head}{S}+de{S}+conservation(?:{S}+{adjective})+"
        rf"|même{S}+(?:durées?|périodes?)(?={S}+que)){tail}"
    )


def fitting() -> str:
    """:func:`_fitting`, for the component: a period that names its fit may open a table cell."""
    return rf"(?<![\w]){_fitting()}(?![\w])"


def _fitting() -> str:
    """What a necessity rule says of its period: ``nécessaire``, ``adaptée``, ``proportionnelle``,
    ``appropriée``: ``durée proportionnelle à la finalité``."""
    return r"(?:nécessaires?|adaptée?s?|proportionnée?s?|proportionnelles?|appropriée?s?)"


def _needed_for() -> str:
    """``nécessaire pour``, ``strictement nécessaire à``, ``raisonnablement nécessaire aux``: the goal after it is the event."""
    return rf"(?:(?:(?:strictement|raisonnablement){S}+)?nécessaires?{S}+(?:pour|à|aux?){S}+)?"


def _number_word() -> str:
    return "(?:" + "|".join(NUMBER_WORDS) + ")"


def for_the_time_of_lead() -> str:
    """What must stand before ``durée``/``période`` for it to open a period: ``pendant (toute) la``,
    ``pour une``, ``dans la limite des``, ``au-delà de la``, ``n’excède pas la``, ``limitée à la``,
    ``toute la``, ``tout au long de la``,
    ``ou``, or the start of a line or a label (a table cell). ``la durée de conservation est ...``
    alone names the rule, and ``la date et la durée de votre visite`` is a kind of data."""
    return (
        rf"(?:(?:pendant|durant|pour|sur)(?:{S}+toute)?{S}+(?:la|l['’]|une){S}*"
        rf"|(?:^|:){S}*(?:toute{S}+)?(?:la|l['’])?{S}*|(?:^|{S})(?:ou|\+){S}+(?:de{S}+)?(?:pendant{S}+)?(?:toute{S}+)?(?:la{S}+)?"
        rf"|dans{S}+la{S}+limite{S}+(?:des|de{S}+la|du){S}+|au-delà{S}+(?:de{S}+la|du|des){S}+"
        rf"|(?:pas|limitée?s?{S}+à|réduite?s?{S}+à|excéder|dépasser){S}+la{S}+|à{S}+l['’]issue{S}+de{S}+la{S}+|toute{S}+la{S}+|tout{S}+au{S}+long{S}+de{S}+la{S}+)$"
    )


def time_lead() -> str:
    """What must stand before ``temps`` for it to open a period: ``conservées le temps nécessaire``,
    ``que le temps de``, ``pendant (tout) le``, ``, le temps nécessaire à la transaction``; not
    ``et le temps passé``."""
    not_a_verb = r"(?:et|ou|de|du|des|à|au|aux|avec|par|sur|dont|en|entre|heure|date|sa|son|ses|leur|leurs|la|le|les)"
    return rf"(?:^|[:,]|(?<![\w])(?!{not_a_verb}(?![\w]))[\w’']+){S}*(?:tout{S}+)?le{S}*$"


def opens_field() -> str:
    """What may stand between the start of a line and a period that is a value of its own:
    nothing (a table cell), a label and a colon (``Durée de conservation : jusqu’à la clôture``),
    an alternative (``3 ans ou``, ``... +``), and ``pendant la`` or ``toute la`` before ``durée``."""
    return (
        rf"(?:^|:|{S}(?:ou|\+))[^\S\n]*(?:(?:pendant|durant|pour)(?:{S}+toute)?{S}+(?:la|le|l['’]|une){S}*"
        rf"|(?:toute{S}+)?(?:le|la){S}+)?$"
    )


def rule_lead() -> str:
    """What must stand before a period named by its rule (:func:`_rule_period`): a time preposition
    (``pendant la``, ``pour des``; not ``informations sur les``, a reference), a cap (``dans la limite des``, ``au-delà de ces``), a verb that
    applies it (``respecter les``, ``soumises à des``, ``suivie d’une``), a reference to it
    (``conformément aux``, ``au regard des``, ``selon les``, ``en tenant compte des``), ``et`` after another period
    (``durée du contrat et période de limitation obligatoire``) or the start of a line or a sentence (``Les délais de prescription légaux sont alors déterminants``)."""
    return (
        rf"(?:(?:pendant|durant|pour|(?<!informations{S})(?<!information{S})(?<!précisions{S})(?<!détails{S})sur)(?:{S}+toute)?{S}+(?:la|le|les|l['’]|une|un|des|ces)"
        rf"|dans{S}+la{S}+limite{S}+(?:des|de{S}+la|du)|au-delà{S}+(?:de{S}+ces|de{S}+la|des|du)"
        rf"|respect\w*{S}+(?:les|des|la|le)|soumise?s?{S}+à{S}+(?:des|la|une)|suivie?s?{S}+d['’]{S}*une"
        rf"|(?:tenant{S}+compte|conformément|au{S}+regard|selon|suivant){S}+(?:des|aux|les|la|le|du|de{S}+la)"
        rf"|(?:^|[:.]){S}*(?:les|la|le|l['’])?|(?:^|{S})et(?:/ou)?{S}+(?:les|la|le|l['’]|des)?){S}*$"
    )


def processing_cue() -> str:
    """A necessity rule may be said of processing rather than keeping: ``Nous traitons vos données
    aussi longtemps que nécessaire pour exécuter le contrat``."""
    return r"(?<![\w])(?:trait(?:ons|ées?|és?|er|era|eront|erons)|utilis(?:ons|ées?|és?|er))(?![\w])"


def and_lead() -> str:
    """``et la``, ``et le`` just before ``durée``/``temps``: a second period after another (``la durée du
    contrat et la durée nécessaire à ...``); alone, ``la date et la durée de votre visite`` is data."""
    return r"(?:^|\s)et\s+(?:la|le|l['’])\s*$"


def or_lead() -> str:
    """``ou``, ``ou bien`` just before a period: an alternative to the period before it."""
    return r"(?:^|\s)ou(?:\s+bien)?\s*$"


def data_processed() -> str:
    """A sentence that says data are processed, the data named: then a period bound to an event is
    how long they are processed, hence kept (``Nous traiterons vos données jusqu’à votre
    désabonnement``, ``vos données sont traitées pendant le temps nécessaire à ...``, ``nous avons
    besoin de vos données tant que ...``)."""
    processed = r"trait(?:ons|ées?|és?|er|era|eront|erons|erez)|utilis(?:ons|ées?|és?|er|erons)"
    return (
        rf"(?<![\w])(?:{processed}|(?:avons|aurons|avez){S}+besoin{S}+d['’e]){S}*(?:[\w’']+{S}+){{0,2}}?données(?![\w])"
        rf"|(?<![\w])données(?:{S}+[\w’']+){{0,4}}?{S}+(?:sont|seront|soient){S}+(?:{processed})(?![\w])"
    )


def cap_lead() -> str:
    """What must stand before ``ce qui est nécessaire`` / ``celle nécessaire`` for it to be a period:
    a cap (``au-delà de``, ``n’excédant pas``, ``plus longtemps que``)."""
    return rf"(?:au-delà{S}+de|n['’]excéd\w*{S}+pas|ne{S}+dépass\w*{S}+pas|excéder|dépasser|plus{S}+longtemps{S}+que){S}*$"


def preposition_lead() -> str:
    """A time preposition before ``la durée de ...``: then a copula after it does not make it the rule's
    name (``pendant la durée de vie du compte, qui est ...``)."""
    return rf"(?:pendant|durant|pour|sur|au-delà|limit|jusqu)\w*(?:{S}+\w+)?{S}+(?:la|le|l['’]|une){S}*$"


def keeping_verb_before() -> str:
    """A verb of keeping shortly before ``plus longtemps`` or ``indéfiniment``, its object between:
    ``sont stockés plus longtemps``, ``conservées indéfiniment``, ``conserver vos données pendant
    plus longtemps``, ``stocker certaines informations plus longtemps``."""
    return rf"(?<![\w])(?:conserv|stock|gard|archiv|sauvegard|mémoris)\w*(?:{S}+[\w’']+){{0,3}}?{S}+(?:pendant{S}+)?$"


def longer_extends() -> str:
    """``et encore`` or ``voire`` before ``plus longtemps``: a longer period added to one just stated
    (``jusqu’à trois ans et, dans certains cas, encore plus longtemps``); not ``peut prendre encore plus longtemps``."""
    return rf"(?:(?<![\w])(?:et|ou)(?:{S}*,[^,.;\n]{{0,40}},)?{S}+encore|(?<![\w])voire){S}+$"


def throughout_lead() -> str:
    """``pendant toute la``, ``durant toute l’`` before a noun that is the period:
    ``conservées durant toute l’utilisation des Services``."""
    return rf"(?:pendant|durant){S}+toute?{S}+(?:l['’]|la|le){S}*$"


def label_before() -> str:
    """A short label and a colon before a length on its line, the value of a field:
    ``Pour les logs de connexion : 6 mois``."""
    return r"^[^.:;\n]{1,60}:[ \t]*$"


def added_join() -> str:
    """What adds a second period to a first in words, one span for both (``tant que votre compte est
    actif, plus un délai raisonnable``, ``durée de l’exercice, augmentée de 10 ans``): the value is
    the added length. A ``+`` keeps two spans (``durée du contrat + 2 ans``): the gold files do not
    agree on it, and the extra notices' scores drop when it joins."""
    return r"\s*,?\s*(?:plus(?:\s+une?)?|augmentée?s?\s+(?:de|du|des|d['’]))\s*(?:la\s+|le\s+|l['’]\s*)?"


def added_head() -> str:
    """The end of the first period's words in a span that adds a second (``... +``, ``..., plus``)."""
    return r"\s*,?\s*(?:\+|plus(?:\s+une?)?|augmentée?s?\s+(?:de|du|des|d['’]))\s*$"


def extension_join() -> str:
    """What joins a second ``jusqu’à`` that extends the first period, one span for both (``jusqu’à la
    conclusion du litige ou réglementaire et jusqu’à tout appel``): the first event's last words, then ``et``."""
    return r"(?:[ \t]+[^\W\d][\w’'-]*){0,3}[ \t]*,?[ \t]+et[ \t]+"


def criteria_lead_in() -> str:
    """The lead-in of a list of the criteria that set a period (``Pour déterminer ces durées, nous tenons
    compte de facteurs tels que :``): a period named in its items is a criterion, not a period kept."""
    return r"(?<![\w])(?:critères?|facteurs?|tenons\s+compte|tient\s+compte|prenons\s+en\s+compte|compte\s+tenu)(?![\w])[^.]*:\s*$"


def criteria_before() -> str:
    """A period named among what a length varies with, in its sentence (``une durée limitée qui peut
    varier en fonction des besoins ... et des durées de prescription applicables``): a criterion; not a
    period after a time preposition later in the sentence (``varie ; nous gardons ... pendant toute la durée de ...``)."""
    criteria = rf"(?<![\w])(?:vari\w*|dépend\w*){S}+(?:en{S}+fonction{S}+|selon{S}+)?"
    article = rf"(?:des|de{S}+la|du|de{S}+l['’]|aux|à{S}+la|au)"
    return rf"{criteria}(?:{article}|(?:de|des|du|d['’])(?![\w])[^.;:]*(?:,|(?<![\w])et|(?<![\w])ou){S}*{article}){S}*$"


def alternative_join() -> str:
    """What joins two alternative periods, both or neither counting: ``3 ans ou jusqu’à ...``,
    ``durée du contrat ou de la durée de ...``, ``durée de vie du compte + 2 ans``, ``aussi longtemps
    que requis pour ... ainsi que dans la mesure nécessaire pour ...``."""
    return r"\s*(?:ou(?:\s+bien)?|\+|,\s*ou|et(?:/ou)?|ainsi\s+que|,(?=\s*à\s))\s*(?:(?:de|à|pendant|durant|pour)\s+)?(?:toute\s+)?(?:la\s+|le\s+|l['’]\s*|une\s+)?"


def open_line_end() -> str:
    """A word that cannot end a sentence, at the end of a line the notice wrapped:
    ``pendant une durée de`` / ``3 ans``, ``conservées`` / ``6 mois``."""
    return (
        r"(?:^|[\s'’])(?:de|d|du|des|pendant|durant|à|au|aux|les|la|le|l|une|un|plus|moins|maximum|minimum|soit|sur|pour"
        r"|après|dans|sous|entre|et|ou|jusqu['’]à|période|durée|délai|conservées?|conservés?|supprimée?s?|gardée?s?)$"
    )


def for_the_time_head() -> str:
    """The head of a ``durée de ...`` period, cut off to read its event: ``durée nécessaire à``."""
    return rf"^(?:durées?|périodes?|temps){S}+(?:de{S}+conservation{S}+(?=nécessaire))?(?:(?:strictement|raisonnablement){S}+)?(?:nécessaires?{S}+)?(?:(?:de|du|des|à|au|aux|pour)(?![\w])|d['’]){S}*"


def deletion_before() -> str:
    """A ``lorsque``/``quand``/``dès que`` period needs a deletion just before it, said of the data
    (a participle or a finite verb, not ``le droit de demander la suppression ... lorsque``):
    ``supprimées lorsque ...``, ``nous supprimerons tous les journaux stockés lorsque ...``,
    ``les cookies de session expirent dès que ...``, ``détruites quand il se déconnecte``."""
    deleted = (
        r"(?:supprim|effac|anonymis|purg)(?:ée?s?|é|és|ons|erons|eront|era|ent|ait|aient)"
        r"|détrui(?:t|te|ts|tes|sons|ra|ront|rons|sent)|effaçons|expir(?:e|ent|era|eront|ée?s?)"
    )
    return rf"(?<![\w])(?:{deleted})(?![\w])(?:{S}+[\w’'/-]+){{0,12}}{S}*$"


def deletion_after() -> str:
    """A ``lorsque``/``dès que`` period that opens its sentence takes the deletion that follows it:
    ``Dès que nous n’en aurons plus besoin, nous les supprimerons``, ``..., elles sont effacées``,
    ``Après la fermeture de votre compte, vos données seront automatiquement supprimées``."""
    deleted = (
        r"(?:supprim|effac|anonymis|purg)(?:ée?s?|é|és|ons|erons|eront|era|ent)"
        r"|détrui(?:t|te|ts|tes|sons|ra|ront|rons|sent)|effaçons"
    )
    return rf"[^.;:!?\n]{{0,50}}?(?<![\w])(?:{deleted})(?![\w])"  # matched where the period ends


def deletion_noun_before() -> str:
    """A ``dès`` + noun period may also follow a deletion noun: ``(suppression dès la transaction réalisée)``."""
    return rf"{deletion_before()}|(?:suppression|destruction|effacement|anonymisation){S}*$"


def not_an_event_of_time() -> str:
    """``durée de conservation``, ``durée de vie`` or ``durée de validité`` alone name a rule, not an
    event, and ``période d’essai`` is a subscription's; ``durée de vie du compte``, ``durée de
    validité de la carte`` are events."""
    return rf"^(?:(?:la|le|les|l['’]){S}*)?(?:conservation|rétention|stockage|archivage|essai|(?:vie|validité)(?!{S}+(?:de|du|des|d['’])))"


def relative_clause() -> str:
    """A relative clause that a ``durée de ...`` period holds (``durée pendant laquelle votre compte est
    ouvert``, ``temps duquel ...``): a copula in it is the clause's, it does not name the rule."""
    return rf"(?<![\w])(?:laquelle|lequel|duquel|desquel\w*|où)(?![\w])"


def kept_in_the_clause() -> str:
    """A relative clause that says data are kept (``Durée pendant laquelle vos données seront
    conservées``, ``Durée au terme duquel les données sont supprimées``) names the rule: it is a
    heading or a reference, not a period."""
    return rf"{relative_clause()}[^.\n]{{0,80}}?(?<![\w])(?:conserv|stock|supprim|anonymis|archiv|effac|détrui|gard[ée])\w*"


def names_the_rule() -> str:
    """An event of time followed by a copula names how long, it is not a period itself:
    ``la durée de vie des cookies est de 13 mois``, ``la durée du stockage varie``."""
    return (
        rf"{S}(?:est|sont|sera|seront|varie\w*|dépend\w*|correspond\w*|peut|peuvent|diffère\w*|s['’]élève\w*"
        rf"|n['’]excède\w*|ne{S}+dépasse\w*|excède\w*|dépasse\w*|ne{S}+peut){S}"
    )


# --- context ----------------------------------------------------------------------

def retention_cue() -> str:
    """Words that make a sentence about keeping data.

    ``conserver``, ``garder``, ``archiver``, ``stocker``, ``supprimer après``,
    ``durée de conservation``, ``durée de vie`` (of a cookie), ``effacées``, ``anonymisées``,
    ``les cookies ont une validité de 5 ans``, ``écrasées`` (overwritten); glued to the word before by
    a PDF that lost its spaces (``sontconservées``).
    """
    return (
        r"(?<=[^\W\d])(?:conserv|supprim|archiv)\w*"
        r"|(?<![\w])(?:conserv\w*|gard(?:e|é|ée|és|ées|ons|ez|ent|er|era|eront|erons)\b|archiv\w*|stock\w*"
        r"|écras(?:e|ent|é|ée|és|ées|era|eront|ons|erons)\b"
        r"|supprim\w*|suppression|effac\w*|détrui\w*|destruction|anonymis\w*|purg\w*|rétention"
        r"|durée\s+de\s+vie|expir\w*|conservation|détenu\w*|détenons|retenu\w*|sauvegard\w*|mémoris\w*"
        r"|rest(?:e|ent|era|eront)\s+(?:sur|dans|enregistr|stock|visibles?|accessibles?|disponibles?|consultables?)\w*"
        r"|demeur\w*|inactivité|inactif\w*|bloqu(?:é|ée|és|ées|ons|erons)\b|blocage|rest(?:e|ent|era|eront)\s+actifs?"
        r"|(?:cookies?|traceurs?|témoins?)\b[^.\n]{0,150}(?:validité|durée)|(?:validité|durée)[^.\n]{0,80}\b(?:cookies?|traceurs?))"
    )


def rights_heading() -> str:
    """A heading of the person's rights: ``Vos droits``, ``Droit d’opposition``, ``Droit à la limitation du
    traitement``: a period bound to an event there is how long a right applies, not retention."""
    return r"(?i)(?<![\w])droits?(?![\w])"


def retention_heading() -> str:
    """A heading or table header about retention: ``Durée de conservation``, ``Combien de temps ...``,
    ``Expiration`` (a cookie table), ``Gestion de la péremption``."""
    return r"(?i)(?:conservation|durée|combien\s+de\s+temps|rétention|archivage|expiration|validité|péremption)"


def header_row_end() -> str:
    """A table's header row flattened into one line, its last column the retention period:
    ``Finalité Données Base légale Durée de conservation``."""
    return r"(?i)(?<![\w])(?:durées?|périodes?)\s+(?:de|d['’])\s*(?:conservation|rétention)\s*:?\s*$"


def legal_basis_cell_before() -> str:
    """A legal basis named just before a period on its line, the cell before it in a flattened row
    (``... Consentement 3 mois après l’envoi``, ``Intérêt légitime 3 ans``)."""
    return r"(?<![\w])(?-i:Contrat|Consentement|Intérêt\s*légitime|Obligation\s*légale)[ \t]*(?:(?-i:Le|La|Les|L['’])[ \t]*)?$"


def retention_header_in_line() -> str:
    """A retention header inside a long line (a table flattened into text):
    ``Durées de conservation``, ``période de conservation``, ``combien de temps``, ``durée de vie``."""
    return r"(?i)(?:durées?|périodes?)\s+(?:de|d['’])\s*(?:conservation|vie|rétention|stockage|archivage)|combien\s+de\s+temps"


def false_positive_before() -> str:
    """What, just before an amount, makes it something else than retention.

    Deadlines (``dans un délai de 4 semaines``, ``sous un mois``, ``peut prendre jusqu’à 30 jours``,
    ``prolongé de deux mois``), frequencies (``chaque semaine``, ``tous les 6 mois``), ages
    (``âgés d’au moins 18 ans``, ``moins de 16 ans``, ``si vous avez au moins treize (13) ans``,
    ``l’âge de seize ans``), the past (``depuis 3 ans``, ``il y a 2 ans``), other things' lengths
    (``un entretien de 30 minutes``, ``abonnement d’un an``, ``période d’essai de 14 jours``,
    ``un trajet de 2 heures``, ``souscrit pour une durée de 12 mois``, ``renouvelé pour 1 an``).
    """
    things = (
        r"entretien|abonnement|essai|garantie|appel|réunion|session|séance|formation|offre|engagement|contrat"
        r"|trajet|vol|retard|voyage|séjour|location|stage|vidéo|enregistrement\s+audio|prêt|crédit|bail|mandat"
    )
    return (
        rf"(?:délai{S}+(?:maximum{S}+|maximal{S}+|légal{S}+|supplémentaire{S}+)?(?:de{S}+|d['’]{S}*)|dans{S}+(?:les|un{S}+délai{S}+de){S}+"
        rf"|sous{S}+(?:un{S}+délai{S}+de{S}+)?|chaque{S}+|tous{S}+les{S}+|toutes{S}+les{S}+|une{S}+fois{S}+par{S}+|par{S}+"
        rf"|âgée?s?{S}*(?:(?:de{S}+|d['’]{S}*)(?:au{S}+moins{S}+|plus{S}+de{S}+|moins{S}+de{S}+)?|entre{S}+)?|plus{S}+de{S}+"
        rf"|(?:mineurs?|enfants?|jeunes|personnes?|utilisateurs?|individus|adolescents?)(?:{S}+âgée?s?)?{S}+(?:de{S}+|d['’]{S}*)(?:moins{S}+de{S}+|plus{S}+de{S}+)?"
        rf"|(?:avez|avoir|ayant|a|ont|aurez|auront){S}+(?:au{S}+moins{S}+|moins{S}+de{S}+|plus{S}+de{S}+)|(?:avez|avoir|ayant|aurez){S}+"
        rf"|\bâge\b[^.\n]{{0,40}}|prendre{S}+|prolongée?s?{S}+(?:de{S}+|d['’]{S}*)(?:maximum{S}+)?"
        rf"|à{S}+partir{S}+(?:de{S}+|d['’]{S}*)|dès{S}+"
        rf"|depuis{S}+|il{S}+y{S}+a{S}+|(?:{things})(?:{S}+\w+)?{S}+(?:de{S}+|d['’]{S}*)|période{S}+d['’]{S}*essai{S}+(?:de{S}+|d['’]{S}*)"
        rf"|(?:souscrite?s?|conclue?s?|renouvelée?s?|reconduite?s?|prolongée?s?){S}+(?:pour{S}+)?(?:(?:une|la){S}+(?:durée|période){S}+(?:de{S}+|d['’]{S}*))?"
        rf"|dans{S}+|d['’]ici{S}+|avant{S}+)$"
    )


def limitation_cited() -> str:
    """A limitation period stated as the law's, just before its length (``le délai de prescription
    réglementaire est certes de trois ans``, ``des délais de prescription pouvant aller jusqu’à trente
    ans``): not retention unless its sentence says data are kept (``conservées pendant le délai de la
    prescription légale qui est de 5 ans``)."""
    return (
        rf"prescription(?:{S}+[\w’']+){{0,3}}?{S}+(?:est|sont|sera|seront)(?:{S}+[\w’']+)?{S}+(?:de{S}+|d['’]{S}*)$"
        rf"|prescription{S}+pouvant{S}+aller{S}+$"
    )


def kept_until_deadline() -> str:
    """A deletion or keeping verb just before a deadline makes it a retention period after all:
    ``supprimées sous 24h``, ``détruite dans un délai maximum de 24h``, ``supprimées dans les
    90 jours``, ``conservées pendant un délai de 3 ans``, ``effacées au plus tard après un délai de
    sept jours``, ``anonymisées dans un délai maximum de 6 ans``, ``inactifs depuis 24 mois``,
    ``ne sont pas conservées plus de 13 mois``, ``en aucun cas plus de treize (13) mois``,
    ``si l’application n’a pas été utilisée depuis trois ans``, ``la suppression aura lieu dans un délai de 5 jours``;
    not ``nous répondons à votre demande de suppression sous un mois``."""
    verb = (
        r"(?:supprim|effac|anonymis|purg|conserv|archiv|stock|gard)(?:ée?s?|é|és|ons|ez|ent|era|eront|erons|ait|aient)"
        r"|détrui(?:t|te|ts|tes|sons|ra|ront|rons|sent)"
        r"|inacti(?:f|fs|ve|ves|vité)"
    )
    return (
        rf"(?<![\w])(?:{verb})(?:{S}+[\w’']+){{0,3}}?{S}+(?:automatiquement{S}+)?(?:au{S}+plus{S}+tard{S}+)?"
        rf"(?:(?:pendant{S}+)?(?:un{S}+)?délai{S}+(?:maximum{S}+|maximal{S}+|max\.?{S}+)?(?:de{S}+|d['’]{S}*)"
        rf"|dans{S}+(?:un{S}+délai{S}+(?:maximum{S}+|maximal{S}+|max\.?{S}+)?(?:de{S}+|d['’]{S}*)|les{S}+)|sous{S}+|après{S}+un{S}+délai{S}+(?:de{S}+|d['’]{S}*)|depuis{S}+|avant{S}+)$"
        rf"|(?:^|[(:]){S}*(?:le{S}+|un{S}+)?délai{S}+(?:maximum{S}+|maximal{S}+|max\.?{S}+)?(?:de{S}+|d['’]{S}*)$"
        rf"|(?<![\w])(?:pas|jamais|aucun{S}+cas)(?:{S}+[\w’']+){{0,3}}?{S}+plus{S}+de{S}+$"
        rf"|(?<![\w])(?:pas|plus)(?:{S}+[\w’']+){{0,4}}?{S}+depuis{S}+$"
        rf"|(?<![\w])(?:suppression|effacement|destruction|anonymisation)(?:{S}+[\w’']+){{0,4}}?{S}+(?:aura{S}+lieu|a{S}+lieu|interviendra|intervient"
        rf"|(?:sera|est){S}+(?:effectuée?|réalisée?|faite?|opérée?)){S}+{deadline_head()}$"
    )


def deadline_head() -> str:
    """The words of a deadline before its length: ``dans les``, ``dans un délai (maximum) de``, ``sous``."""
    return rf"(?:dans{S}+(?:les{S}+|un{S}+délai{S}+(?:maximum{S}+|maximal{S}+|max\.?{S}+)?(?:de{S}+|d['’]{S}*))|sous{S}+(?:un{S}+délai{S}+de{S}+)?)"


def deleted_after() -> str:
    """A deadline followed, in its sentence, by the deletion it sets: ``si vous ne confirmez pas dans les
    72 heures, vos informations seront automatiquement effacées`` (matched where the length ends)."""
    deleted = (
        r"(?:supprim|effac|anonymis|purg|écras)(?:ée?s?|é|és|ons|erons|eront|era)"
        r"|détrui(?:t|te|ts|tes|sons|ra|ront|rons)|effaçons"
    )
    return rf"[^.;:!?\n,]{{0,30}},[^.;:!?\n]{{0,60}}?(?<![\w])(?:{deleted})(?![\w])"


def restated_before() -> str:
    """A period restated with a demonstrative (``avant le terme de ce délai de 3 ans``,
    ``à l’expiration de ce délai de 5 ans``): retention when it repeats a retention period found
    before it in the notice (the component checks the value), a deadline otherwise."""
    return rf"(?<![\w])(?:ce{S}+délai|cette{S}+(?:durée|période)){S}+(?:de{S}+|d['’]{S}*)$"


def choice_kept() -> str:
    """A consent or cookie-banner choice kept for a time is validity, not retention of data:
    ``Le consentement et le refus sont conservés pendant une durée maximale de 6 mois``,
    ``Votre choix concernant les cookies est conservé 6 mois``, ``L’accord que vous donnez est
    valable 13 mois``, ``Vos préférences en matière de cookies sont conservées 6 mois``; not ``les données collectées après consentement, sont conservées 24 mois``."""
    return (
        r"(?<![\w])(?:le|la|les|votre|vos|ce|cet|cette|ces|son|sa|ses|leur|leurs|l['’])\s*(?:consentements?|refus|choix|accords?|acceptations?|oppositions?"
        r"|préférences\s+(?:en\s+matière\s+)?(?:de|des|concernant\s+les|relatives\s+aux)\s+(?:cookies|traceurs))\b"
        r"[^.,;:]{0,60}\b(?:sont|est|seront|sera|restent|reste|demeure|demeurent)\s+"
        r"(?:conservée?s?|valables?|gardée?s?|valides?|enregistrée?s?|mémorisée?s?|stockée?s?|renouvelée?s?)"
    )


def choice_just_before() -> str:
    """A period that follows the name of the consent choice it keeps, in a list or a cell:
    ``Choix de l’utilisateur (acceptation ou refus des cookies) : 6 mois``, an opt-out cookie (``un
    « cookie d’opt-out » est enregistré. Ce cookie a une validité de 5 ans``)."""
    return (
        r"(?:choix|consentement)\s+de\s+l['’]utilisateur\s*\((?:acceptation|refus)"
        r"|acceptation\s+ou\s+(?:le\s+)?refus\s+des\s+(?:cookies|traceurs)"
        r"|(?:cookies?|traceurs?)\s+d['’]\s*(?:opt-?out|opposition|refus)(?![\w])"
    )


def consent_memory() -> str:
    """A cookie-table row whose cookie keeps the consent choice or the banner's memory: its lifetime is
    how long a choice lasts, not retention (``Ce cookie stocke le consentement de l’utilisateur``,
    ``Conservez votre consentement``, ``savoir que vous avez pris connaissance de la pop-in``, a
    finalité ``Gestion des cookies``); not a
    legal-basis cell (``Consentement (Art. 6.1.a RGPD)``)."""
    keep = r"(?:stock|conserv|mémoris|enregistr|gard|suiv|sauvegard|retien|reten|gè|gér|gestion)\w*"
    return (
        rf"(?i)(?<![\w]){keep}(?:\s+[\w’']+){{0,3}}?\s+(?:le|du|des|votre|vos|les|leur|son|ses)\s+consentements?"
        r"|(?<![\w])(?:pop-?in|bandeau|bannière)(?![\w])|(?<![\w])gestion\s+des\s+(?:cookies|traceurs)(?![\w])"
        r"|consentements?\s+(?:aux|des|aux\s+différents)\s+(?:cookies|traceurs)"
        r"|(?:choix|préférences)\s+(?:en\s+matière\s+)?(?:de|des|concernant\s+les|relatives\s+aux)\s+(?:cookies|traceurs)"
    )


def cookie_kind_definition() -> str:
    """A general definition of kinds of cookies, not a period of this notice's: a sentence on kinds of
    cookies (``les cookies de session sont des cookies qui expirent dès que vous fermez votre
    navigateur``, ``des cookies permanents (qui existent jusqu’à ce que vous les supprimiez)``,
    ``effacés à la fermeture (cookies de session) ou conservés plus longtemps (cookies persistants)``)."""
    return r"(?i)(?:(?<![\w])(?:les|des|ces)\s+[«\"“]?\s*|[«\"“(]\s*)cookies\s+(?:de\s+session|persistants|permanents|temporaires|de\s+longue\s+durée)(?![\w])"


def false_positive_after() -> str:
    """What, just after an amount, makes it something else: ``18 ans et plus``, ``18 ans ou plus``,
    ``ans révolus``, ``par mois``, ``7 jours sur 7``, ``24h/24``, ``30 jours avant la date d’entrée
    en vigueur``, ``72 heures au plus tard après en avoir pris connaissance`` (a deadline)."""
    return (
        rf"^(?:{S}+(?:et|ou){S}+plus|{S}+révolus|{S}*d['’]âge|{S}+par{S}+(?:an|année|mois|semaine|jour|heure|personne|utilisateur|client|compte|foyer)s?(?![\w])"
        rf"|{S}+d['’]expérience|{S}+de{S}+prison"
        rf"|{S}+d['’]emprisonnement|{S}*/{S}*\d|{S}+sur{S}+(?:7|24|sept|vingt-quatre)(?![\w])"
        rf"|{S}+avant{S}+qu['’e]|{S}+avant{S}+(?:la|le|l['’]|votre|chaque|tout|toute|chacun|son|sa)(?!{S}*(?:suppression|destruction|effacement|anonymisation|archivage))"
        rf"|{S}+au{S}+plus{S}+tard{S}+après)"
    )


def clock_time() -> str:
    """Opening hours and times of day: ``de 9h à 18h``, ``9h-18h``, ``entre 9h et 17h30``, ``18h30``."""
    hour = rf"\d{{1,2}}{S}?h(?:\d{{2}})?"
    return rf"(?<![\w]){hour}{S}*(?:à|-|–|et){S}*{hour}(?![\w])|(?<![\w])\d{{1,2}}h\d{{2}}(?![\w])"
