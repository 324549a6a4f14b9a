"""What the practice links and the safeguards of transfers read in the words of a notice."""

from __future__ import annotations

import re

APOS = "['’]"


def back_reference() -> re.Pattern:
    """Words that point back to data named just before, in a sentence that says what is done with
    them: ``ces données sont conservées 3 ans``, ``les données mentionnées ci-dessus``, ``ces
    informations``, ``lesdites données``, ``Elles sont transmises à ...`` (at a sentence's start)."""
    nouns = r"(?:données(?:\s+personnelles)?|informations|renseignements|catégories\s+de\s+données)"
    return re.compile(
        rf"(?i)\b(?:ces|lesdites|ces\s+mêmes)\s+{nouns}\b"
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


BACK_REFERENCE = back_reference()
SAFEGUARDS = safeguards()
TRANSFER = transfer()
