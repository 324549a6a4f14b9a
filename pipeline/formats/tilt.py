"""``--format tilt``: one TILT document per notice (Transparency Information Language and Toolkit,
``tilt_schema/tilt-schema.json``, MIT licence in ``tilt_schema/LICENSE``), made from the notice's
practice records: one ``dataDisclosed`` item per kind of data with its purposes, legal bases,
recipients and retention (``ttl``: the ISO 8601 length), and a ``thirdCountryTransfers`` item per
country outside the EEA named for a recipient, with its safeguard.

What a notice's spans do not say is left empty where the schema allows it (empty strings and
lists); the controller's country, which the schema requires as two capitals, is ``ZZ`` (ISO
3166-1's user-assigned code, used for an unknown country); a boolean the schema requires is its
default in the schema (``nonDisclosure`` false, ``accessAndDataPortability.available`` true).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from pipeline.formats.records import Item, NoticePractices, Practices, practice_records
from pipeline.taxonomy import EEA, ISO_DURATION_PATTERN

SCHEMA = Path(__file__).with_name("tilt_schema") / "tilt-schema.json"
UNKNOWN_COUNTRY = "ZZ"
ISO_DURATION = re.compile(ISO_DURATION_PATTERN)


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _purposes(practices: Practices) -> list[dict]:
    return [{"purpose": item.dpv or item.category or "", "description": item.text} for item in practices.purposes]


def _legal_bases(practices: Practices) -> list[dict]:
    return [{"reference": item.value or "", "description": item.text} for item in practices.legal_bases]


def _recipient(item: Item) -> dict:
    out = {"name": item.text, "category": item.dpv or item.category or ""}
    if item.country:
        out["country"] = item.country
    return out


def _storage(retention: list[Item]) -> list[dict]:
    """One storage item: each period with a length as a ``temporal`` rule (its ``ttl`` the ISO 8601
    length, checked with the project's own pattern, as the schema's is too loose), each period
    bound to an event as a ``purposeConditional`` sentence; ``max`` of them, as TILT aggregates."""
    if not retention:
        return []
    temporal = [{"description": item.text, "ttl": item.value} for item in retention
                if item.value and ISO_DURATION.match(item.value)]
    conditional = [item.text for item in retention if not (item.value and ISO_DURATION.match(item.value))]
    return [{"temporal": temporal, "purposeConditional": conditional, "aggregationFunction": "max"}]


def _transfers(practices: NoticePractices) -> list[dict]:
    by_country: dict[str, set[str]] = {}
    for group in [*practices.records, practices.notice_wide]:
        for item in group.recipients:
            if item.country and item.country not in EEA:
                by_country.setdefault(item.country, set()).update([item.safeguard] if item.safeguard else [])
    out = []
    for country, safeguards in sorted(by_country.items()):
        named = ", ".join(sorted(safeguards))
        out.append({
            "country": country,
            "adequacyDecision": {"available": "adequacy" in safeguards, **({"description": named} if "adequacy" in safeguards else {})},
            "appropriateGuarantees": {"available": bool(safeguards & {"bcr", "other", "scc"}),
                                      **({"description": named} if safeguards & {"bcr", "other", "scc"} else {})},
            "standardDataProtectionClause": {"available": "scc" in safeguards,
                                             **({"description": named} if "scc" in safeguards else {})},
        })
    return out


def tilt_document(record: dict, created: str | None = None) -> dict:
    """The TILT document of one extraction record (``created``: an ISO 8601 time, now by default)."""
    practices = practice_records(record)
    created = created or datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
    disclosed = []
    for rec in practices.records:
        disclosed.append({
            "_id": f"{record['id']}-{rec.data.category}",
            "category": rec.data.dpv or rec.data.text,
            "description": "; ".join(rec.names),
            "purposes": _purposes(rec),
            "legalBases": _legal_bases(rec),
            "legitimateInterests": [{"exists": True, "reasoning": item.text} for item in rec.legal_bases
                                    if item.value == "GDPR-6-1-f"],
            "recipients": [_recipient(item) for item in rec.recipients],
            "storage": _storage(rec.retention),
            "nonDisclosure": {"legalRequirement": False, "contractualRegulation": False, "obligationToProvide": False,
                              "consequences": ""},
        })
    return {
        "meta": {"_id": record["id"], "name": "", "created": created, "modified": created, "version": 1,
                 "language": "fr", "status": "active", "url": "",
                 "_hash": hashlib.sha256(record["text"].encode("utf-8")).hexdigest()},
        "controller": {"name": "", "address": "", "country": UNKNOWN_COUNTRY, "representative": {"name": "", "email": ""}},
        "dataProtectionOfficer": {"name": "", "address": "", "country": UNKNOWN_COUNTRY, "email": ""},
        "dataDisclosed": disclosed,
        "thirdCountryTransfers": _transfers(practices),
        "accessAndDataPortability": {"available": True},
        "sources": [],
        "rightToInformation": {},
        "rightToRectificationOrDeletion": {},
        "rightToDataPortability": {},
        "rightToWithdrawConsent": {},
        "rightToComplain": {},
        "automatedDecisionMaking": {},
        "changesOfPurpose": [],
    }


def notice_tilt(record: dict) -> str:
    return json.dumps(tilt_document(record), ensure_ascii=False)
