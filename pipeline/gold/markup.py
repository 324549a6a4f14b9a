"""Inline annotation markup, converted to and from raw-offset spans.

A notice is annotated in a copy of its raw text where each span is wrapped as::

    ⟦DATA identity|nom⟧
    ⟦PURPOSE training|former et coacher nos collaborateurs⟧
    ⟦RECIPIENT processor|Focus Feedback⟧
    ⟦DURATION P10Y exact after=fin de notre relation contractuelle|10 ans après la fin de notre relation contractuelle⟧
    ⟦DURATION null exact|tant que votre compte ne sera pas supprimé⟧
    ⟦RECIPIENT processor country=US|Google⟧
    ⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧
    ⟦DATA contact @1|adresse e-mail⟧ ... ⟦PURPOSE marketing @1,2|vous envoyer nos offres⟧

A header may end with `` @N`` or ``@N,M``: the practice statements (numbered
within the notice) the span takes part in; every ``DATA`` span of a statement
is linked to every other span of it (see "Practice links" in gold/README.md).
They are stored as ``"practices": [1, 2]`` on the span.

The header (before the first ``|``) holds the label and its attributes, the
rest up to the matching ``⟧`` is the annotated text, which may cross line
breaks and may hold spans of other labels (nesting). Removing the markup must
give back the raw file character for character, or the conversion is refused.

Run ``python -m pipeline.gold.markup check MARKUP RAW`` to validate a file,
``to-json`` to print its spans, ``render RAW SPANS.json`` to go back.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.taxonomy import BOUNDS, CATEGORIES, COUNTRIES, ISO_DURATION_PATTERN, LABELS, LEGAL_BASES

OPEN, SEP, CLOSE = "⟦", "|", "⟧"
ISO_DURATION = re.compile(ISO_DURATION_PATTERN)
PRACTICES = re.compile(r"\s@(\d+(?:,\d+)*)\s*$")  # the header's practice statements: " @1" or " @1,3"


class MarkupError(ValueError):
    """A markup file that cannot be turned into valid spans."""


@dataclass
class _Open:
    header: str
    start: int
    line: int


def parse_header(header: str, line: int) -> dict:
    """Turn ``DURATION P1Y max after=...`` or ``DATA identity @1`` into span attributes."""
    practices = PRACTICES.search(header)
    if practices:
        header = header[: practices.start()]
    elif "@" in header.partition("after=")[0]:
        raise MarkupError(f"line {line}: practice statements are written ' @N' or ' @N,M' at the header's end")
    label, _, rest = header.strip().partition(" ")
    if label not in LABELS:
        raise MarkupError(f"line {line}: unknown label {label!r}")
    attrs: dict = {"label": label}
    if label == "DURATION":
        rest, _, after = rest.partition("after=")
        parts = rest.split()
        if len(parts) != 2:
            raise MarkupError(f"line {line}: DURATION needs 'VALUE BOUND', got {header!r}")
        value, bound = parts
        if value != "null" and not ISO_DURATION.match(value):
            raise MarkupError(f"line {line}: bad ISO 8601 duration {value!r}")
        if bound not in BOUNDS:
            raise MarkupError(f"line {line}: bound must be one of {BOUNDS}, got {bound!r}")
        attrs["value"] = None if value == "null" else value
        attrs["bound"] = bound
        attrs["after"] = after.strip() or None
    elif label == "LEGAL_BASIS":
        value = rest.strip()
        if value not in LEGAL_BASES:
            raise MarkupError(f"line {line}: LEGAL_BASIS value {value!r} is not one of GDPR-6-1-a..f, GDPR-9-2-a..j")
        attrs["value"] = value
    else:
        category, _, country = rest.strip().partition(" ")
        if category not in CATEGORIES[label]:
            raise MarkupError(
                f"line {line}: {label} category {category!r} is not one of {sorted(CATEGORIES[label])}"
            )
        attrs["category"] = category
        if country:
            code = country.strip().removeprefix("country=")
            if label != "RECIPIENT" or not country.startswith("country=") or code not in COUNTRIES:
                raise MarkupError(
                    f"line {line}: after the category only a RECIPIENT takes country=XX (ISO 3166 alpha-2), "
                    f"got {country!r}"
                )
            attrs["country"] = code
    if practices:
        numbers = [int(n) for n in practices.group(1).split(",")]
        if 0 in numbers or len(set(numbers)) != len(numbers):
            raise MarkupError(f"line {line}: practice statements are numbered from 1, each once per span")
        attrs["practices"] = sorted(numbers)
    return attrs


def parse(markup: str) -> tuple[str, list[dict]]:
    """Return the plain text and its spans (sorted by start, then end)."""
    out: list[str] = []
    pos = 0  # length of the plain text written so far
    stack: list[_Open] = []
    spans: list[dict] = []
    i, line = 0, 1
    while i < len(markup):
        ch = markup[i]
        if ch == OPEN:
            sep = markup.find(SEP, i)
            nl = markup.find("\n", i)
            if sep < 0 or (0 <= nl < sep):
                raise MarkupError(f"line {line}: '{OPEN}' without a '{SEP}' on the same line")
            stack.append(_Open(markup[i + 1 : sep], pos, line))
            i = sep + 1
            continue
        if ch == CLOSE:
            if not stack:
                raise MarkupError(f"line {line}: '{CLOSE}' with no open span")
            opened = stack.pop()
            span = {"start": opened.start, "end": pos, **parse_header(opened.header, opened.line)}
            if span["start"] == span["end"]:
                raise MarkupError(f"line {opened.line}: empty span")
            spans.append(span)
            i += 1
            continue
        if ch == "\n":
            line += 1
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise MarkupError(f"line {stack[-1].line}: span opened and never closed")
    text = "".join(out)
    for span in spans:
        span["text"] = text[span["start"] : span["end"]]
        if span["text"] != span["text"].strip():
            raise MarkupError(f"span {span['text']!r} starts or ends with white space")
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    return text, [_ordered(s) for s in spans]


def _ordered(span: dict) -> dict:
    keys = ("start", "end", "label", "text", "category", "country", "value", "bound", "after", "practices")
    return {k: span[k] for k in keys if k in span}


def _header(span: dict) -> str:
    practices = span.get("practices")
    return _attributes(span) + (f" @{','.join(map(str, practices))}" if practices else "")


def _attributes(span: dict) -> str:
    if span["label"] == "DURATION":
        value = span.get("value") or "null"
        head = f"DURATION {value} {span['bound']}"
        if span.get("after"):
            head += f" after={span['after']}"
        return head
    if span["label"] == "LEGAL_BASIS":
        return f"LEGAL_BASIS {span['value']}"
    head = f"{span['label']} {span['category']}"
    if span.get("country"):
        head += f" country={span['country']}"
    return head


def render(text: str, spans: list[dict]) -> str:
    """Write spans back into the text as markup (inverse of :func:`parse`)."""
    inserts: list[tuple[int, int, str]] = []  # (offset, order, string)
    for span in spans:
        width = span["end"] - span["start"]
        # opening tags: wider spans first; closing tags: narrower spans first
        inserts.append((span["start"], 1, -width, OPEN + _header(span) + SEP))
        inserts.append((span["end"], 0, width, CLOSE))
    inserts.sort(key=lambda t: (t[0], t[1], t[2]))
    out, last = [], 0
    for offset, _, _, string in inserts:
        out.append(text[last:offset])
        out.append(string)
        last = offset
    out.append(text[last:])
    return "".join(out)


def check(markup_path: Path, raw_path: Path) -> list[dict]:
    """Parse a markup file and refuse it unless it strips back to the raw file."""
    raw = raw_path.read_text(encoding="utf-8")
    if OPEN in raw or CLOSE in raw:
        raise MarkupError(f"{raw_path}: the raw text itself holds '{OPEN}' or '{CLOSE}'")
    text, spans = parse(markup_path.read_text(encoding="utf-8"))
    if text != raw:
        at = next((k for k, (a, b) in enumerate(zip(text, raw)) if a != b), min(len(text), len(raw)))
        line = raw.count("\n", 0, at) + 1
        raise MarkupError(
            f"{markup_path}: stripped text differs from {raw_path} at offset {at} (raw line {line}): "
            f"markup has {text[at:at + 40]!r}, raw has {raw[at:at + 40]!r}"
        )
    return spans


def main(argv: list[str]) -> int:
    usage = "usage: python -m pipeline.gold.markup check|to-json MARKUP RAW | render RAW SPANS.json"
    if len(argv) != 3 or argv[0] not in {"check", "to-json", "render"}:
        print(usage, file=sys.stderr)
        return 2
    try:
        if argv[0] == "render":
            raw = Path(argv[1]).read_text(encoding="utf-8")
            spans = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
            sys.stdout.write(render(raw, spans))
            return 0
        spans = check(Path(argv[1]), Path(argv[2]))
    except (MarkupError, OSError, json.JSONDecodeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if argv[0] == "to-json":
        print(json.dumps(spans, ensure_ascii=False, indent=1))
    else:
        counts: dict[str, int] = {}
        for span in spans:
            counts[span["label"]] = counts.get(span["label"], 0) + 1
        print(f"ok: {len(spans)} spans " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
