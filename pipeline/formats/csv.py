"""``--format csv``: one row per kind of data and purpose, the columns an analyst filters in a
spreadsheet; a kind of data linked to no purpose has one row with the purpose empty, and the
notice-wide items come as rows of kind ``(notice)``."""

from __future__ import annotations

import csv
import io
from typing import Iterable

from pipeline.formats.records import Item, PracticeRecord, Practices, practice_records

COLUMNS = ("notice", "data_category", "data_dpv", "data_names", "purpose", "purpose_category", "purpose_dpv",
           "legal_bases", "retention", "recipients", "countries", "safeguards", "evidence")
NOTICE_WIDE = "(notice)"  # the data_category of the notice-wide rows


def _joined(items: Iterable[str]) -> str:
    return "; ".join(items)


def _retention(item: Item) -> str:
    parts = [item.value or item.text, item.bound or ""]
    if item.after:
        parts.append(f"after {item.after}")
    return " ".join(p for p in parts if p)


def _rows(notice: str, category: str, dpv: str, names: str, practices: Practices | PracticeRecord, evidence: list) -> list[list[str]]:
    shared = [_joined(f"{i.value}" for i in practices.legal_bases), _joined(_retention(i) for i in practices.retention),
              _joined(i.text + (f" ({i.category})" if i.category else "") for i in practices.recipients),
              _joined(practices.countries), _joined(practices.safeguards)]
    purposes = practices.purposes or [None]
    rows = []
    for purpose in purposes:
        spans = [*evidence, *(purpose.evidence if purpose else [])]
        where = _joined(f"{e.start}-{e.end}" for e in spans)
        rows.append([notice, category, dpv, names, purpose.text if purpose else "", (purpose.category or "") if purpose else "",
                     (purpose.dpv or "") if purpose else "", *shared, where])
    return rows


def notice_rows(record: dict) -> list[list[str]]:
    """The rows of one extraction record, without the header."""
    practices = practice_records(record)
    rows = []
    for rec in practices.records:
        rows += _rows(record["id"], rec.data.category or "", rec.data.dpv or "", _joined(rec.names), rec, rec.data.evidence)
    wide = practices.notice_wide
    if wide.purposes or wide.legal_bases or wide.retention or wide.recipients:
        rows += _rows(record["id"], NOTICE_WIDE, "", "", wide, [])
    return rows


def header() -> str:
    out = io.StringIO()
    csv.writer(out).writerow(COLUMNS)
    return out.getvalue()


def notice_csv(record: dict) -> str:
    """The rows of one notice as CSV text (RFC 4180, the standard library's default dialect)."""
    out = io.StringIO()
    csv.writer(out).writerows(notice_rows(record))
    return out.getvalue()
