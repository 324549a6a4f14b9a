"""Labels and the category taxonomies of the annotation scheme.

The definitions and examples live in ``gold/README.md``; this module is the
one list the code, the gold checks and the scorer read.
"""

from __future__ import annotations

LABELS: tuple[str, ...] = ("DATA", "PURPOSE", "DURATION", "RECIPIENT")

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
