"""Practice records: one extraction record (the JSON of one notice) turned into what an analyst asks
of it, per kind of data: for which purposes, on which legal bases, kept how long, given to whom, in
which country and under which safeguard; each item with the raw offsets of its evidence.

:func:`practice_records` is the one function that makes them; the ``practices``, ``csv`` and
``tilt`` formats and the HTML report read its models. A record is made for each ``DATA`` category
the notice names, from the links of its ``DATA`` spans (``links``: indices of the spans linked to
each); spans of the other labels linked to no data are the notice's own (``notice_wide``): the
notice says them of personal data in general.
"""

from __future__ import annotations

import re
from typing import Optional

from pydantic import BaseModel, ConfigDict

from pipeline.formats.dpv import concept
from pipeline.taxonomy import DATA_CATEGORIES

#: leading words left out when mentions are compared (``Votre adresse e-mail`` is ``adresse e-mail``)
DETERMINER = re.compile(r"(?i)^(?:(?:le|la|les|l['’]|un|une|des|du|de|d['’]|votre|vos|notre|nos|leur|leurs|ses|son|sa|ces|cette|ce|tous|toutes)\s*)+")


class Evidence(BaseModel):
    """Where the notice says it: raw offsets and text; ``span`` is the index of the span in the
    extraction record (None for the words naming a safeguard, which are no span)."""

    model_config = ConfigDict(frozen=True)

    span: Optional[int] = None
    start: int
    end: int
    text: str


class Item(BaseModel):
    """One purpose, legal basis, retention rule or recipient (mentions of the same one merged), or
    the kind of data of a record: its words, its values and the DPV concept of its category."""

    text: str
    category: Optional[str] = None
    value: Optional[str] = None  # a period's ISO 8601 length, a legal basis
    bound: Optional[str] = None
    after: Optional[str] = None
    country: Optional[str] = None
    safeguard: Optional[str] = None
    dpv: Optional[str] = None
    evidence: list[Evidence] = []


class Practices(BaseModel):
    """What applies to some data (or, in ``notice_wide``, to the notice's data in general)."""

    purposes: list[Item] = []
    legal_bases: list[Item] = []
    retention: list[Item] = []
    recipients: list[Item] = []
    countries: list[str] = []
    safeguards: list[str] = []


class PracticeRecord(BaseModel):
    """One kind of data (a ``DATA`` category) and what the notice links to it. ``data.text`` is the
    category's name; ``names`` the distinct words the notice uses for it."""

    data: Item
    names: list[str] = []
    purposes: list[Item] = []
    legal_bases: list[Item] = []
    retention: list[Item] = []
    recipients: list[Item] = []
    countries: list[str] = []
    safeguards: list[str] = []


class NoticePractices(BaseModel):
    id: str
    records: list[PracticeRecord] = []
    notice_wide: Practices = Practices()


COLUMNS = {"PURPOSE": "purposes", "LEGAL_BASIS": "legal_bases", "DURATION": "retention", "RECIPIENT": "recipients"}


def words(text: str) -> str:
    """A mention as it is compared: white space collapsed, lower case, leading determiners left out."""
    return DETERMINER.sub("", " ".join(text.split()).lower()) or " ".join(text.split()).lower()


def _key(span: dict) -> tuple:
    if span["label"] == "DURATION":
        return (span.get("value"), span.get("bound"), span.get("after") and words(span["after"]),
                None if span.get("value") else words(span["text"]))
    if span["label"] == "LEGAL_BASIS":
        return (span.get("value"),)
    return (span.get("category"), words(span["text"]), span.get("country"))


def _item(span: dict) -> Item:
    label = span["label"]
    dpv = concept("LEGAL_BASIS", span.get("value")) if label == "LEGAL_BASIS" else concept(label, span.get("category"))
    safeguard = span.get("safeguard") or {}
    return Item(text=" ".join(span["text"].split()), category=span.get("category"),
                value=span.get("value") if label in ("DURATION", "LEGAL_BASIS") else None,
                bound=span.get("bound"), after=span.get("after"), country=span.get("country"),
                safeguard=safeguard.get("value"), dpv=dpv)


def _evidence(index: int, span: dict) -> list[Evidence]:
    out = [Evidence(span=index, start=span["start"], end=span["end"], text=span["text"])]
    if span.get("safeguard"):
        s = span["safeguard"]
        out.append(Evidence(start=s["start"], end=s["end"], text=s["text"]))
    return out


def _fill(practices: Practices | PracticeRecord, spans: list[dict], indices) -> None:
    """Put the spans of ``indices`` into ``practices``, one item per distinct mention, in text order."""
    seen: dict[tuple, Item] = {}
    for i in sorted(indices):
        span = spans[i]
        key = (span["label"], *_key(span))
        item = seen.get(key)
        if item is None:
            item = seen[key] = _item(span)
            getattr(practices, COLUMNS[span["label"]]).append(item)
        item.evidence.extend(e for e in _evidence(i, span) if e not in item.evidence)
    practices.countries = sorted({i.country for i in practices.recipients if i.country})
    practices.safeguards = sorted({i.safeguard for i in practices.recipients if i.safeguard})


def practice_records(record: dict) -> NoticePractices:
    """The practice records of one extraction record: one per ``DATA`` category the notice names,
    in the order of the taxonomy, and the notice-wide items."""
    spans = record["spans"]
    linked_by_category: dict[str, set[int]] = {}
    data_by_category: dict[str, list[int]] = {}
    linked_anywhere: set[int] = set()
    for i, span in enumerate(spans):
        if span["label"] != "DATA":
            continue
        category = span.get("category") or "other"
        data_by_category.setdefault(category, []).append(i)
        links = [j for j in span.get("links", ()) if 0 <= j < len(spans) and spans[j]["label"] in COLUMNS]
        linked_by_category.setdefault(category, set()).update(links)
        linked_anywhere.update(links)
    records = []
    for category in [c for c in DATA_CATEGORIES if c in data_by_category]:
        names: list[str] = []
        evidence = []
        for i in data_by_category[category]:
            name = words(spans[i]["text"])
            if name not in names:
                names.append(name)
            evidence.append(Evidence(span=i, start=spans[i]["start"], end=spans[i]["end"], text=spans[i]["text"]))
        rec = PracticeRecord(data=Item(text=DATA_CATEGORIES[category], category=category, dpv=concept("DATA", category),
                                       evidence=evidence), names=names)
        _fill(rec, spans, linked_by_category[category])
        records.append(rec)
    wide = Practices()
    _fill(wide, spans, [i for i, s in enumerate(spans) if s["label"] in COLUMNS and i not in linked_anywhere])
    return NoticePractices(id=record["id"], records=records, notice_wide=wide)
