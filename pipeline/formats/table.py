"""``--format table``: the spans of a notice, grouped by label, for a person to read."""

from __future__ import annotations

from pipeline.taxonomy import LABELS

WIDTH = 60  # longest span text shown; a longer one is cut with "..."


def span_value(span: dict) -> str:
    """What a span carries besides its text: the ISO value, bound and event of a period, the
    ground of a legal basis, else the category (and the country of a recipient)."""
    if span["label"] == "DURATION":
        parts = [span.get("value") or "event", span.get("bound", "")]
        if span.get("after"):
            parts.append(f"after: {span['after']}")
        return "  ".join(p for p in parts if p)
    if span["label"] == "LEGAL_BASIS":
        return span.get("value") or ""
    return "  ".join(p for p in (span.get("category"), span.get("country")) if p)


def mentions(spans: list[dict]) -> list[tuple[dict, int]]:
    """The spans with their repeats folded: one (first span, count) per text, label and value,
    in the order of first mention. Texts are compared with their white space collapsed."""
    groups: dict[tuple, list] = {}
    for span in spans:
        key = (span["label"], " ".join(span["text"].split()), span_value(span))
        groups.setdefault(key, [span, 0])[1] += 1
    return [(span, count) for span, count in groups.values()]


def notice_table(record: dict) -> str:
    """The spans of one notice grouped by label; a mention repeated with the same text, label and
    category (or value) is one line, with its count and the offsets of its first occurrence."""
    lines = [f"== {record['id']} ({len(record['spans'])} spans)"]
    for label in LABELS:
        spans = [s for s in record["spans"] if s["label"] == label]
        if not spans:
            continue
        grouped = mentions(spans)
        distinct = f", {len(grouped)} distinct" if len(grouped) < len(spans) else ""
        lines.append(f"{label} ({len(spans)}{distinct})")
        texts = [" ".join(s["text"].split()) for s, _ in grouped]
        width = min(WIDTH, max(len(t) for t in texts))
        repeated = any(count > 1 for _, count in grouped)
        for (span, count), text in zip(grouped, texts):
            if len(text) > WIDTH:
                text = text[: WIDTH - 3] + "..."
            times = (f"{count}×" if count > 1 else "").rjust(4) + " " if repeated else ""
            lines.append(f"  {span['start']:>6}-{span['end']:<6} {times}{text:<{width}}  {span_value(span)}".rstrip())
    return "\n".join(lines)
