"""From the words of a retention period to its :class:`RetentionPeriod`.

One function, :func:`normalise`, reads a ``DURATION`` span's text (and, when
it has them, the words of its sentence just before and just after it) and
returns the ISO 8601 length, the bound and the event. Every source of
``DURATION`` spans calls it: the rule component, and a trained model's spans
later, which may come as a bare text (``normalise("une durée de 36 mois")``).

What it reads:

- amounts in digits and in words, together (``trois (3) ans``), halves and
  compounds (``un an et demi``, ``3 ans et 6 mois``), decimals (``1,5 an``),
  hours and minutes (``PT24H``, ``PT15M``);
- ranges (``entre 3 et 6 mois``: the upper end, ``max``) and a bare number
  that shares the unit of the alternative after it (``2`` in ``2 ou 10 ans``);
- upper bounds in the span (``maximum``, ``au plus``, ``n’excédant pas``,
  ``jusqu’à``, ``une durée maximale de``) or just before it (``n’excède
  pas``, ``au-delà de``, ``dans la limite de``, ``sous``, ``ne ... pas plus
  de``), lower bounds (``au minimum``, ``au moins``, ``une durée minimale de``);
- the starting event of a length (``après ...``, ``à compter de ...``,
  ``d’inactivité``) and the event of a period bound to one (``tant que ...``,
  ``jusqu’à ...``, ``le temps nécessaire à ...``, ``pendant toute la durée
  de ...``, ``dès ...``), whose value is ``None``.

``after`` is always whole words of the span, without a leading article; a
span that holds a number of days, weeks, months, years, hours or minutes
always has a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.components.retention import patterns as P
from pipeline.components.retention.models import RetentionPeriod

FLAGS = re.IGNORECASE
S = P.S

ONE_AMOUNT = re.compile(rf"(?P<number>{P.number()}){S}*{P.named_unit()}", FLAGS)
BARE_NUMBER = re.compile(rf"(?P<number>{P.number()})", FLAGS)
SHARED_UNIT = re.compile(rf"^{S}*(?:ou|,){S}*{P.number()}{S}*{P.named_unit()}", FLAGS)
COMPOUND_JOIN = re.compile(rf"^(?:{S}*,{S}*|{S}+et{S}+|{S}+)$", FLAGS)
HALF = re.compile(rf"^{S}+et{S}+demie?(?![\w])", FLAGS)
SECONDS_TAIL = re.compile(rf"^{S}+(?P<n>\d{{1,2}}){S}?s(?![\w])", FLAGS)
RANGE_JOIN = re.compile(rf"^(?:{S}*(?:à|-|–){S}*|{S}+et{S}+)$", FLAGS)
RANGE_OPEN = re.compile(rf"(?:^|{S})(?:entre|de)$", FLAGS)

MAX_IN_SPAN = re.compile(
    rf"(?:(?<![\w])|(?<=durée)|(?<=période))(?:maximum|maximale?|max\.?|au{S}+plus|n['’]excédant{S}+pas|ne{S}+(?:dépassant|excédant){S}+pas"
    rf"|jusqu['’]{S}*à|moins{S}+de|inférieure?s?{S}+à|dans{S}+la{S}+limite|au-delà|plafonnée?s?{S}+à|limitée?s?{S}+à)(?![\w])",
    FLAGS,
)
MAX_SIGN = re.compile(rf"[<≤]{S}*$")  # ``<1`` in a table cell
MIN_SIGN = re.compile(rf"[>≥]{S}*$")
MIN_IN_SPAN = re.compile(rf"(?<![\w])(?:minimum|minimale?|au{S}+moins|pas{S}+moins{S}+de|supérieure?s?{S}+à)(?![\w])", FLAGS)
MAX_BEFORE = re.compile(
    rf"(?:n['’](?:excède|excèdent|excédera|excéderont|excédant){S}+pas|ne{S}+(?:dépasse|dépassent|dépassera|dépasseront|dépassant|excède|excèdent){S}+pas"
    rf"|ne{S}+(?:peut|peuvent|pourra|pourront|pouvant|doit|doivent|devra|devront){S}+(?:pas{S}+)?(?:excéder|dépasser|être{S}+supérieure?s?{S}+à)"
    rf"|au-delà{S}+(?:de|d['’]|du|des)|dans{S}+la{S}+limite{S}+(?:de|d['’]|du|des)|(?:pas|jamais|aucun{S}+cas|plus){S}+(?:[\w’']+{S}+){{0,4}}?plus{S}+(?:de|d['’])"
    rf"|inférieure?s?{S}+à|limitée?s?{S}+à|plafonnée?s?{S}+à|sous|au{S}+plus{S}+tard(?:{S}+après)?"
    rf"|dans{S}+(?:un{S}+délai{S}+(?:maximum{S}+|maximal{S}+|max\.?{S}+)?(?:de|d['’])|les)"
    rf"|délai{S}+(?:maximum|maximal|max\.?){S}+(?:de|d['’])|(?:au{S}+)?maximum{S}+(?:pendant|durant|pour)"
    rf"|(?:durée|période)(?:{S}+de{S}+(?:vie|conservation|validité))?{S}+(?:maximale|maximum|max\.?){S}+(?:de|d['’])"
    rf"|(?<![\w])n(?:e|['’]){S}*[\w’'-]+(?:{S}+[\w’'-]+){{0,8}}?{S}+qu(?:e|['’])(?:{S}*(?:pour|pendant|durant))?"
    rf"|(?:uniquement|seulement|exclusivement|strictement)(?:{S}+(?:pour|pendant|durant))?"
    rf"|(?<![\w])(?:excéder|dépasser))"
    rf"(?:{S}*(?:une|la){S}+(?:durée|période){S}+(?:de|d['’]))?(?:{S}*(?:la|le|les|l['’]|une|un))?{S}*$",
    FLAGS,
)
EVENT_MAX_IN_SPAN = re.compile(
    rf"(?<![\w])(?:n['’]excédant{S}+pas|ne{S}+(?:dépassant|excédant){S}+pas|plus{S}+longtemps{S}+que|au-delà|dans{S}+la{S}+limite|limite{S}+(?:prévue|fixée|autorisée|permise|imposée)|maximale?)(?![\w])",
    FLAGS,
)
MIN_BEFORE = re.compile(rf"(?:au{S}+moins|au{S}+minimum|pas{S}+moins{S}+(?:de|d['’])|supérieure?s?{S}+à){S}*$", FLAGS)
EVENT_MIN_IN_SPAN = re.compile(rf"(?<![\w])minimale?s?(?![\w])(?!{S}+nécessaire)", FLAGS)
MAX_AFTER = re.compile(rf"^{S}*(?:\(?{S}*(?:au{S}+)?maximum|max\.?|au{S}+plus(?!{S}+tard))(?![\w])", FLAGS)
MIN_AFTER = re.compile(rf"^{S}*(?:(?:au{S}+)?minimum|au{S}+moins)(?![\w])", FLAGS)

ADDED_HEAD = re.compile(P.added_head(), FLAGS)
OTHER_START = re.compile(rf"{S}+ou{S}+(?={P.event_link()})", FLAGS)
EXTENSION = re.compile(rf"{S}+et{S}+jusqu['’]", FLAGS)
LINK = re.compile(rf"(?<![\w]){P.event_link()}(?![\w])", FLAGS)
IDLE = re.compile(rf"(?:(?<![\w])|(?<=[^\W\d])(?=d['’]))(?:d['’]{S}*|de{S}+)(?P<idle>inactivité|non[-‑]?{S}*(?:utilisation|activité|connexion)|non{S}+utilisation)", FLAGS)
EVENT_MARKERS = re.compile(
    rf"(?:(?:aussi|tant){S}+longtemps{S}+qu['’e]{S}*(?:(?:strictement|raisonnablement){S}+)?(?:nécessaires?(?:{S}+(?:pour|à|aux?)(?![\w]))?{S}*)?"
    rf"|tant{S}+qu['’e]|jusqu['’]{S}*(?:à|au|aux)(?:{S}+ce{S}+qu['’e])?"
    rf"|(?:(?:pendant|durant|pour)(?:{S}+toute)?{S}+(?:la|le|l['’])?{S}*|toute{S}+la{S}+)?(?:durées?|périodes?|temps){S}+(?:(?:strictement|raisonnablement){S}+)?(?:nécessaires?{S}+)?(?:(?:de|du|des|à|au|aux|pour)(?![\w])|d['’])"
    rf"|dès(?:{S}+(?:que|qu['’]|lors{S}+qu['’e]|l['’]instant{S}+où))?|lorsqu['’e]|une{S}+fois{S}+qu['’e]|quand"
    rf"|à{S}+(?:la{S}+fin|l['’]issue|l['’]expiration){S}+(?=de|du|des|d['’])"
    rf"|(?:durées?{S}+n['’]excédant{S}+pas{S}+celle|ce{S}+qui{S}+est|celle|celui|plus{S}+longtemps{S}+qu['’e]|dans{S}+la{S}+mesure){S}+(?:(?:strictement|raisonnablement){S}+)?nécessaires?{S}+(?:pour|à|aux?)(?![\w])"
    rf"|(?:durées?|périodes?|temps){S}+(?:nécessaires?|adaptée?s?|proportionnée?s?|proportionnelles?|appropriée?s?){S}+(?:pour|à|aux?)(?![\w])"
    rf"|(?:durées?|périodes?){S}+(?:pendant|durant|pour){S}+laquelle|(?:durées?|périodes?){S}+où|^qu['’e])",
    FLAGS,
)
WHOLE_SPAN_EVENT = re.compile(rf"^(?:session|(?:durée|fin){S}+de{S}+(?:la{S}+)?session|cookie{S}+de{S}+session|(?:suppression|effacement){S}+(?:à|sur){S}+\w+{S}+demande)$", FLAGS)
UNLIMITED = re.compile(rf"sans{S}+(?:limitation|limite)|illimitée|indéterminée|indéfiniment", FLAGS)
ARTICLE = re.compile(r"^(?:(?:la|le|les)\s+|l['’]\s*)", FLAGS)
EDGE = re.compile(r"^[\s,;:*_\\]+|[\s,;:.*_\\]+$")


@dataclass(frozen=True)
class Amount:
    """One length found in a span: where it stands, its ISO value, and whether it is a range's upper end."""

    start: int
    end: int
    iso: str
    upper: bool = False


def _code(match: re.Match[str]) -> str:
    name = next(k for k, v in match.groupdict().items() if k.startswith("unit_") and v is not None)
    return P.UNIT_CODES[name.removeprefix("unit_")]


ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")
BELOW = {"M": 12, "W": 53, "D": 31, "H": 24, "MIN": 60, "S": 60}  # a part of a compound is less than one of the unit before
SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _iso(parts: dict[str, float]) -> str | None:
    """``{"Y": 3, "M": 6}`` -> ``P3Y6M``; fractions go to the next smaller unit (``1,5 an`` -> ``P18M``)."""
    parts = dict(parts)
    for code in ORDER:
        value = parts.get(code)
        if value is None or float(value).is_integer():
            continue
        if code not in SMALLER:
            parts[code] = round(value)
            continue
        whole = int(value)
        smaller, factor = SMALLER[code]
        parts[code] = whole
        parts[smaller] = parts.get(smaller, 0) + (value - whole) * factor
        if code == "Y":  # months are the usual unit for a fraction of a year: 1,5 an -> P18M
            parts["M"] += 12 * parts.pop("Y")
    parts = {c: int(round(v)) for c, v in parts.items() if round(v) or c in ("Y", "M", "W", "D")}
    if not parts:
        return None
    date = "".join(f"{parts[c]}{c}" for c in ("Y", "M", "W", "D") if c in parts)
    time = "".join(f"{parts[c]}{c[0]}" for c in ("H", "MIN", "S") if c in parts)
    if not date and not time:
        return None
    return "P" + date + ("T" + time if time else "")


def iso(amount: str) -> str | None:
    """The ISO 8601 value of an amount's words, or ``None`` when they hold none.

    ``3 ans et 6 mois`` -> ``P3Y6M``; ``un an et demi`` -> ``P18M``; ``2 min 30 s`` -> ``PT2M30S``;
    ``24h`` -> ``PT24H``; ``treize (13) mois`` -> ``P13M``.
    """
    found = amounts(" ".join(amount.split()))
    return found[0].iso if found else None


def amounts(words: str, following: str = "", unit: str | None = None) -> list[Amount]:
    """Every length in ``words``, in order: compounds summed, a range's upper end marked.

    ``following`` (the words after the span) gives its unit to a bare number:
    ``2`` followed by ``ou 10 ans`` is ``P2Y``; ``unit`` (a table column's) gives one to a bare
    number: ``365`` with ``D`` is ``P365D``.
    """
    out: list[Amount] = []
    matches = list(ONE_AMOUNT.finditer(words))
    i = 0
    while i < len(matches):
        first = matches[i]
        parts: dict[str, float] = {}
        last_code, end, j = None, first.end(), i
        while j < len(matches):
            m = matches[j]
            code = _code(m)
            value = P.parse_number(m.group("number"))
            if value is None:
                break
            if j > i and (
                not COMPOUND_JOIN.match(words[end : m.start()])
                or ORDER.index(code) <= ORDER.index(last_code)
                or value >= BELOW.get(code, 0) > 0 and ORDER.index(code) == ORDER.index(last_code) + 1
            ):
                break  # ``3 ans et 6 mois`` adds up; ``3 mois et 6 mois`` and ``3 ans 13 mois`` do not
            parts[code] = parts.get(code, 0) + value
            last_code, end, j = code, m.end(), j + 1
        if not parts:
            i += 1
            continue
        half = HALF.match(words[end:])
        if half:
            parts[last_code] = parts[last_code] + 0.5
            end += half.end()
        seconds = SECONDS_TAIL.match(words[end:]) if last_code == "MIN" else None
        if seconds:
            parts["S"] = int(seconds.group("n"))
            end += seconds.end()
        value = _iso(parts)
        if value is not None:
            out.append(Amount(first.start(), end, value, _upper_end(words, first.start(), out)))
        i = j if j > i else i + 1
    if not out:
        bare = _bare_number(words, following, unit)
        if bare:
            out.append(bare)
    return out


def _upper_end(words: str, start: int, earlier: list[Amount]) -> bool:
    """The amount at ``start`` ends a range: ``entre 3 et 6 mois``, ``de 3 à 6 mois``, ``3 à 5 ans``,
    ``entre 3 mois et 6 mois``."""
    lead = words[:start]
    lower = None
    if earlier and RANGE_JOIN.match(words[earlier[-1].end : start]):
        lower = earlier[-1].start
    else:
        for m in BARE_NUMBER.finditer(lead):
            if RANGE_JOIN.match(lead[m.end() :]):
                lower = m.start()
    if lower is None:
        return False
    join = words[lower:start]
    opened = RANGE_OPEN.search(words[:lower].rstrip()) is not None
    return opened or not re.search(r"(?<![\w])et(?![\w])", join)


def _bare_number(words: str, following: str, unit: str | None = None) -> Amount | None:
    """A span that is a bare number takes the unit of the alternative after it (``2`` + ``ou 10
    ans``), or ``unit``, the code its table column's header gives (``365`` under ``Durée de vie
    (jours)``)."""
    m = BARE_NUMBER.search(words)
    shared = SHARED_UNIT.match(following) if m else None
    if not m or not (shared or unit):
        return None
    value = P.parse_number(m.group("number"))
    if value is None:
        return None
    value_iso = _iso({_code(shared) if shared else unit: value})
    return Amount(m.start(), m.end(), value_iso) if value_iso else None


def bound(words: str, amount: Amount | None, before: str = "", following: str = "") -> str:
    """``max``, ``min`` or ``exact``, from the span's qualifiers, then the words just around it."""
    before = " ".join(before.split()[-12:])
    if amount is None:  # a period bound to an event: a cap before it or in its words bounds it
        if MAX_BEFORE.search(before) or EVENT_MAX_IN_SPAN.search(words):
            return "max"
        return "min" if EVENT_MIN_IN_SPAN.search(words) else "exact"
    head, tail = words[: amount.start], words[amount.end :]
    if amount.upper or MAX_IN_SPAN.search(head) or MAX_SIGN.search(head) or MAX_AFTER.match(tail):
        return "max"
    if MIN_IN_SPAN.search(head) or MIN_SIGN.search(head) or MIN_AFTER.match(tail):
        return "min"
    if MAX_BEFORE.search(before) or (not tail.strip() and MAX_AFTER.match(following)):
        return "max"
    if MIN_BEFORE.search(before) or (not tail.strip() and MIN_AFTER.match(following)):
        return "min"
    return "exact"


def _tidy(words: str, start: int) -> str | None:
    """The event from ``start`` to the end of the span's words, without the punctuation around it
    and a leading article. It starts on a word: a marker glued to the next word by the notice
    (``àla gestion``) does not cut that word."""
    while 0 < start < len(words) and words[start - 1].isalnum() and words[start].isalnum():
        start -= 1
    event = EDGE.sub("", words[start:])
    event = ARTICLE.sub("", event)
    event = EDGE.sub("", event)
    return event or None


def event_after(words: str, amount: Amount | None) -> str | None:
    """The starting event of a length (``après la fin du contrat`` -> ``fin du contrat``,
    ``24 mois d’inactivité`` -> ``inactivité``), or the event of a period bound to one
    (``tant que votre compte est actif`` -> ``votre compte est actif``); a length added to a
    period takes that period's event (``durée de vie du compte + 2 ans`` -> ``vie du compte``), a period
    extended by a second ``jusqu’à`` the first one's (``jusqu’à la fin du litige et jusqu’à tout appel``)."""
    if amount is not None:
        tail_start = amount.end
        idle = IDLE.match(words, tail_start) or IDLE.search(words, tail_start)
        link = LINK.search(words, tail_start)
        if idle and (not link or idle.start() < link.start()):
            return _tidy(words, idle.start("idle"))
        if link:  # ``3 ans à compter de X ou après Y``: the first starting event
            other = OTHER_START.search(words, link.end())
            return _tidy(words[: other.start()] if other else words, link.end())
        added = ADDED_HEAD.search(words, 0, amount.start)
        if added:  # ``durée de vie du compte + 2 ans``: after the first period's event
            return event_after(words[: added.start()], None)
        return None
    if UNLIMITED.search(words):
        return None
    if WHOLE_SPAN_EVENT.match(words):  # ``Session`` in a cookie table: the event is the word itself
        return words
    marker = EVENT_MARKERS.search(words)
    if marker is None:
        return None
    extension = EXTENSION.search(words, marker.end())  # ``jusqu’à X et jusqu’à Y``: the first period's event
    return _tidy(words[: extension.start()] if extension else words, marker.end())


def normalise(text: str, *, before: str = "", following: str = "", unit: str | None = None) -> RetentionPeriod:
    """The value of a ``DURATION`` span from its words.

    ``before`` and ``following`` are the words of its sentence just before and
    just after it, when known: ``n’excède pas`` before ``13 mois`` makes it
    ``max``; ``ou 10 ans`` after ``2`` gives it its unit. ``unit`` is the unit
    code (``D``, ``M``...) a table column's header gives a bare number (``<1``
    under ``Durée de vie (jours)`` is ``P1D``, ``max``).

    >>> normalise("une durée de 36 mois").record()
    {'value': 'P36M', 'bound': 'exact', 'after': None}
    >>> normalise("jusqu’à 10 ans après la dernière transaction").record()
    {'value': 'P10Y', 'bound': 'max', 'after': 'dernière transaction'}
    >>> normalise("tant que votre compte est actif").record()
    {'value': None, 'bound': 'exact', 'after': 'votre compte est actif'}
    """
    words = " ".join(text.split())
    following = " ".join(following.split())
    found = amounts(words, following, unit)
    first = found[0] if found else None
    if len(found) > 1 and found[1].upper and RANGE_JOIN.match(words[found[0].end : found[1].start]):
        first = found[1]  # ``entre six mois et deux ans``: the upper end
    return RetentionPeriod(
        iso=first.iso if first else None,
        bound=bound(words, first, before, following),
        after=event_after(words, first),
    )
