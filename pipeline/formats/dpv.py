"""The W3C Data Privacy Vocabulary concept of each category, legal basis and safeguard, from one
mapping file (``dpv.yaml`` beside this module)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

MAPPING = Path(__file__).with_name("dpv.yaml")


@lru_cache(maxsize=1)
def mapping() -> dict[str, dict[str, str]]:
    """{kind (``DATA``, ``PURPOSE``, ``RECIPIENT``, ``LEGAL_BASIS``, ``SAFEGUARD``): {slug or value: concept}}."""
    return yaml.safe_load(MAPPING.read_text(encoding="utf-8"))


def concept(kind: str, key: str | None) -> str | None:
    """The DPV concept of a category (``DATA``/``contact`` -> ``pd:Contact``), a legal basis
    (``LEGAL_BASIS``/``GDPR-6-1-a`` -> ``dpv:Consent``) or a safeguard; None for none."""
    return mapping().get(kind, {}).get(key) if key else None
