"""Labels and the category taxonomies of the annotation scheme.

The definitions and examples live in ``gold/README.md``; this module is the
one list the code, the gold checks and the scorer read.
"""

from __future__ import annotations

LABELS: tuple[str, ...] = ("DATA", "PURPOSE", "DURATION", "RECIPIENT", "LEGAL_BASIS")

DATA_CATEGORIES: dict[str, str] = {
    "identity": "identity",
    "contact": "contact",
    "financial": "financial",
    "contract": "contract and product",
    "technical": "technical and device",
    "usage": "online usage and behaviour",
    "communications": "communications and recordings",
    "security": "login and security",
    "professional": "professional",
    "location": "location",
    "preferences": "preferences and interests",
    "sensitive": "health and other sensitive",
    "other": "other",
}

RECIPIENT_CATEGORIES: dict[str, str] = {
    "group": "group company",
    "processor": "processor or service provider",
    "authority": "public authority or regulator",
    "insurer": "insurer or reinsurer",
    "partner": "business partner",
    "other": "other",
}

PURPOSE_CATEGORIES: dict[str, str] = {
    "service": "service and contract",
    "legal": "legal obligation",
    "security": "security and fraud prevention",
    "marketing": "marketing and advertising",
    "analytics": "analytics and statistics",
    "improvement": "service improvement and product development",
    "personalisation": "personalisation and profiling",
    "support": "customer support and communication",
    "training": "staff training and quality",
    "evidence": "evidence and disputes",
    "other": "other",
}

CATEGORIES: dict[str, dict[str, str]] = {
    "DATA": DATA_CATEGORIES,
    "PURPOSE": PURPOSE_CATEGORIES,
    "RECIPIENT": RECIPIENT_CATEGORIES,
}

BOUNDS: tuple[str, ...] = ("max", "min", "exact")

# ISO 8601 durations as the gold set and the extractor write them: P1Y, P3Y6M, P4W, P180D, PT4H, PT2M30S
ISO_DURATION_PATTERN = r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$"

# LEGAL_BASIS values: the GDPR article the notice gives as the ground of a processing
LEGAL_BASES: dict[str, str] = {
    "GDPR-6-1-a": "consent",
    "GDPR-6-1-b": "contract or steps before one",
    "GDPR-6-1-c": "legal obligation",
    "GDPR-6-1-d": "vital interests",
    "GDPR-6-1-e": "public task",
    "GDPR-6-1-f": "legitimate interests",
    **{f"GDPR-9-2-{letter}": f"Art. 9(2)({letter}) exception for sensitive data" for letter in "abcdefghij"},
}

# ISO 3166-1 alpha-2 codes (RECIPIENT.country), officially assigned ones
COUNTRIES: frozenset[str] = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG
    EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR
    HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR
    LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG
    NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE
    SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA
    UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()
)

# The European Economic Area: the EU's 27 members, Iceland, Liechtenstein and Norway. A transfer to a
# country outside it needs a safeguard (GDPR Chapter V); the report lists those recipients.
EEA: frozenset[str] = frozenset(
    """AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO""".split()
)
