"""``--format practices``: one JSON line per notice, its practice records (:mod:`pipeline.formats.records`)."""

from __future__ import annotations

from pipeline.formats.records import practice_records


def notice_practices(record: dict) -> str:
    """The practice records of one extraction record as one line of JSON (fields without a value left out)."""
    return practice_records(record).model_dump_json(exclude_none=True)
