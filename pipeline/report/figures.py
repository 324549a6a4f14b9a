"""The key figures of one notice's record: counts per label, the longest retention, the recipients
outside the European Economic Area; and the length of an ISO 8601 period, to compare periods."""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel, ConfigDict

from pipeline.taxonomy import EEA, ISO_DURATION_PATTERN, LABELS

ISO_DURATION = re.compile(ISO_DURATION_PATTERN)
DAYS_PER_MONTH = 365.2425 / 12  # the Gregorian calendar's mean month
UNITS = (("Y", "year"), ("M", "month"), ("W", "week"), ("D", "day"), ("H", "hour"), ("TM", "minute"), ("S", "second"))


def iso_parts(iso: str) -> dict[str, int]:
    """The amounts of an ISO 8601 period by unit: ``P1Y6M`` -> {Y: 1, M: 6}; ``TM`` is minutes."""
    match = ISO_DURATION.match(iso)
    if match is None:
        raise ValueError(f"not an ISO 8601 duration: {iso!r}")
    date, _, time = iso[1:].partition("T")
    parts = {unit: int(n) for n, unit in re.findall(r"(\d+)([YMWD])", date)}
    parts.update({("TM" if unit == "M" else unit): int(n) for n, unit in re.findall(r"(\d+)([HMS])", time)})
    return parts


def iso_days(iso: str) -> float:
    """The length of an ISO 8601 period in days, a month being the calendar's mean month: what
    orders two periods (``P12M`` is as long as ``P1Y``; ``P6M`` a little longer than ``P180D``)."""
    p = iso_parts(iso)
    months = 12 * p.get("Y", 0) + p.get("M", 0)
    return (months * DAYS_PER_MONTH + 7 * p.get("W", 0) + p.get("D", 0)
            + (p.get("H", 0) * 3600 + p.get("TM", 0) * 60 + p.get("S", 0)) / 86400)


def same_length(a: str, b: str) -> bool:
    """Two periods of the same length whatever their units: months and years, weeks and days,
    hours, minutes and seconds each add up exactly (``P1Y`` and ``P12M``, ``P2W`` and ``P14D``)."""
    def exact(iso: str) -> tuple[int, int, int]:
        p = iso_parts(iso)
        return (12 * p.get("Y", 0) + p.get("M", 0), 7 * p.get("W", 0) + p.get("D", 0),
                3600 * p.get("H", 0) + 60 * p.get("TM", 0) + p.get("S", 0))

    return exact(a) == exact(b)


def iso_words(iso: str) -> str:
    """An ISO 8601 period in words: ``P3Y6M`` -> ``3 years 6 months``."""
    parts = iso_parts(iso)
    return " ".join(f"{parts[u]} {name}{'s' if parts[u] != 1 else ''}" for u, name in UNITS if u in parts)


def period(span: dict) -> str:
    """A retention period in words, with its bound and event: ``at most 3 years after …``."""
    if not span.get("value"):
        return f"until {span['after']}" if span.get("after") else "bound to an event"
    bound = {"max": "at most ", "min": "at least "}.get(span.get("bound") or "exact", "")
    after = f" after {span['after']}" if span.get("after") else ""
    return f"{bound}{iso_words(span['value'])}{after}"


class SpanRef(BaseModel):
    """A span of the record, by its index in ``spans``, with what a reader is shown of it."""

    model_config = ConfigDict(frozen=True)

    index: int
    text: str
    value: str | None = None
    country: str | None = None


class Figures(BaseModel):
    """What the index shows of one notice."""

    id: str
    counts: dict[str, int]
    spans: int
    longest: list[SpanRef]  # the DURATION spans of the longest ISO length (several when repeated)
    longest_days: float | None
    event_periods: int  # periods bound to an event, with no length to compare
    outside_eea: list[SpanRef]  # RECIPIENT spans with a country outside the EEA, one per text and country


def figures(record: dict) -> Figures:
    spans = record["spans"]
    counts = Counter(s["label"] for s in spans)
    periods = [(i, s) for i, s in enumerate(spans) if s["label"] == "DURATION"]
    lengths = [(iso_days(s["value"]), i, s) for i, s in periods if s.get("value")]
    top = max((days for days, _, _ in lengths), default=None)
    longest = [SpanRef(index=i, text=" ".join(s["text"].split()), value=period(s)) for days, i, s in lengths
               if days == top]
    seen: set[tuple[str, str]] = set()
    outside = []
    for i, s in enumerate(spans):
        country = s.get("country")
        key = (" ".join(s["text"].lower().split()), country or "")
        if s["label"] == "RECIPIENT" and country and country not in EEA and key not in seen:
            seen.add(key)
            outside.append(SpanRef(index=i, text=" ".join(s["text"].split()), country=country))
    return Figures(
        id=record["id"],
        counts={label: counts.get(label, 0) for label in LABELS},
        spans=len(spans),
        longest=longest,
        longest_days=top,
        event_periods=sum(1 for _, s in periods if not s.get("value")),
        outside_eea=outside,
    )
