"""Plain-text tables for people to read."""

from __future__ import annotations

from pipeline.extract import LABEL_ORDER


def _value(span: dict) -> str:
    if span["label"] == "DURATION":
        parts = [span.get("value") or "event", span.get("bound", "")]
        if span.get("after"):
            parts.append(f"after: {span['after']}")
        return "  ".join(p for p in parts if p)
    if span["label"] == "LEGAL_BASIS":
        return span.get("value") or ""
    return span.get("category") or ""


def notice_table(record: dict) -> str:
    """The spans of one notice grouped by label, with categories and values."""
    lines = [f"== {record['id']} ({len(record['spans'])} spans)"]
    for label in LABEL_ORDER:
        spans = [s for s in record["spans"] if s["label"] == label]
        if not spans:
            continue
        lines.append(f"{label} ({len(spans)})")
        width = min(60, max(len(" ".join(s["text"].split())) for s in spans))
        for s in spans:
            text = " ".join(s["text"].split())
            if len(text) > 60:
                text = text[:57] + "..."
            lines.append(f"  {s['start']:>6}-{s['end']:<6} {text:<{width}}  {_value(s)}".rstrip())
    return "\n".join(lines)
