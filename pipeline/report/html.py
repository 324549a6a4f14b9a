"""HTML pages of extraction records, from the Jinja2 templates beside this module.

Every page is self-contained: its styles and script are inlined from ``templates/``, it loads
nothing from the network. This module prepares plain data (the text cut into nested pieces, each
span's values, the key figures); all markup is in the templates.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from pipeline.io import write_atomic
from pipeline.report.figures import Figures, figures, iso_words, period
from pipeline.taxonomy import CATEGORIES, LABELS, LEGAL_BASES

LABEL_NAMES = {"DATA": "personal data", "PURPOSE": "purpose", "DURATION": "retention period",
               "RECIPIENT": "recipient", "LEGAL_BASIS": "legal basis"}


@dataclass
class Text:
    text: str
    kind: str = "text"


@dataclass
class Mark:
    """One span's piece of text. A span that crosses the end of a span around it is cut there and
    goes on in a further piece (``first`` false), so that the pieces nest as HTML elements must."""

    index: int
    label: str
    first: bool
    end: int
    children: list = field(default_factory=list)
    kind: str = "mark"


def nest(text: str, spans: list[dict]) -> list:
    """``text`` as a tree of ``Text`` and ``Mark`` pieces, one or more marks per non-empty span."""
    queue = [(s["start"], -s["end"], i, True) for i, s in enumerate(spans) if s["end"] > s["start"]]
    heapq.heapify(queue)
    root = Mark(-1, "", True, len(text))
    stack, pos = [root], 0

    def emit(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            stack[-1].children.append(Text(text[pos:upto]))
            pos = upto

    def close(upto: int) -> None:
        while len(stack) > 1 and stack[-1].end <= upto:
            emit(stack[-1].end)
            stack.pop()

    while queue:
        start, neg_end, i, first = heapq.heappop(queue)
        end = -neg_end
        close(start)
        emit(start)
        parent = stack[-1]
        if end > parent.end:  # crosses the end of the span around it: the rest comes after
            heapq.heappush(queue, (parent.end, -end, i, False))
            end = parent.end
        mark = Mark(i, spans[i]["label"], first, end)
        parent.children.append(mark)
        stack.append(mark)
    close(len(text))
    emit(len(text))
    return root.children


def describe(span: dict) -> list[tuple[str, str]]:
    """What a reader is shown of a span on hover and focus, as (name, value) rows."""
    rows = []
    label = span["label"]
    if span.get("category"):
        name = CATEGORIES.get(label, {}).get(span["category"])
        rows.append(("category", f"{span['category']} ({name})" if name else span["category"]))
    if label == "DURATION":
        rows.append(("value", f"{span['value']} ({iso_words(span['value'])})" if span.get("value") else "none: an event"))
        rows.append(("bound", span.get("bound") or "exact"))
        if span.get("after"):
            rows.append(("after", span["after"]))
        rows.append(("reads", period(span)))
    if label == "LEGAL_BASIS" and span.get("value"):
        rows.append(("legal basis", f"{span['value']} ({LEGAL_BASES.get(span['value'], '?')})"))
    if span.get("country"):
        rows.append(("country", span["country"]))
    if span.get("origin"):  # who found it (rule, model or both) and how far it is trusted
        found = {"rule": "the rules", "model": "the trained model", "both": "the rules and the trained model"}
        rows.append(("found by", found.get(span["origin"], span["origin"])))
    if span.get("score") is not None:
        rows.append(("score", f"{span['score']:.2f}"))
    rows.append(("characters", f"{span['start']}–{span['end']}"))
    return rows


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("pipeline.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _common() -> dict:
    return {"labels": LABELS, "label_names": LABEL_NAMES}


def practice_rows(record: dict) -> list[dict]:
    """The practice records of ``record`` (:func:`pipeline.formats.records.practice_records`) as the
    template's rows: each item its text and the indices of the spans that are its evidence."""
    from pipeline.formats.records import practice_records

    def item(i) -> dict:
        return {"text": i.text, "evidence": [e.span for e in i.evidence if e.span is not None]}

    rows = []
    for rec in practice_records(record).records:
        countries: dict[str, list[int]] = {}
        for r in rec.recipients:
            if r.country:
                countries.setdefault(r.country, []).extend(e.span for e in r.evidence if e.span is not None)
        rows.append({"data": {"text": ", ".join(rec.names), "evidence": item(rec.data)["evidence"]},
                     **{column: [item(i) for i in getattr(rec, column)]
                        for column in ("purposes", "legal_bases", "retention", "recipients")},
                     "countries": [{"text": code, "evidence": spans} for code, spans in countries.items()]})
    return rows


def notice_context(record: dict, practices: list | None = None, index_href: str = "index.html") -> dict:
    """What ``notice.html.j2`` is fed with."""
    return {
        **_common(),
        "id": record["id"],
        "index_href": index_href,
        "nodes": nest(record["text"], record["spans"]),
        "spans": [{**s, "rows": describe(s)} for s in record["spans"]],
        "figures": figures(record),
        # the practice records (data kind -> purposes, legal bases, retention, recipients, countries)
        "practices": practice_rows(record) if practices is None else practices,
    }


def notice_page(record: dict, practices: list | None = None, index_href: str = "index.html") -> str:
    """One notice: its raw text with every span highlighted, its key figures, its practices."""
    return environment().get_template("notice.html.j2").render(notice_context(record, practices, index_href))


def index_page(rows: list[tuple[str, Figures]], title: str = "privex report") -> str:
    """One row per notice: (link to its page, its figures)."""
    return environment().get_template("index.html.j2").render(**_common(), title=title, rows=rows)


def _side(record: dict, prefix: str, title: str, changes: dict[int, str]) -> dict:
    return {"prefix": prefix, "title": title, "nodes": nest(record["text"], record["spans"]),
            "spans": [{**s, "rows": describe(s)} for s in record["spans"]], "changes": changes}


def diff_page(d, old: dict | None, new: dict | None, index_href: str | None = None) -> str:
    """Two versions of a notice side by side, each span that changed marked with its change.
    ``d`` is the ``NoticeDiff`` of the two; ``old`` and ``new`` their records (None when missing)."""
    marks: dict[str, dict[int, str]] = {"old": {}, "new": {}}
    for change in d.changes:
        for side, evidence in (("old", change.old), ("new", change.new)):
            for e in evidence:
                marks[side][e.index] = change.change
    sides = [_side(r, f"{name}-", f"{name.capitalize()} version", marks[name])
             for name, r in (("old", old), ("new", new)) if r is not None]
    return environment().get_template("diff.html.j2").render(**_common(), d=d, sides=sides, index_href=index_href)


def write_pages(out: Path, groups: list[tuple[str, list[dict]]], title: str = "privex report") -> int:
    """One page per record, and ``index.html`` across them, into ``out``.

    ``groups`` are (subfolder, records): the records of a subfolder (``""`` for ``out`` itself)
    have their pages there and link back to the index. Each file is written whole. Returns the
    number of notice pages."""
    rows = []
    for sub, records in groups:
        folder = out / sub if sub else out
        folder.mkdir(parents=True, exist_ok=True)
        back = "../" * len(Path(sub).parts) + "index.html"
        for record in records:
            name = f"{record['id']}.html"
            write_atomic(folder / name, notice_page(record, index_href=back))
            rows.append((f"{sub}/{name}" if sub else name, figures(record)))
    write_atomic(out / "index.html", index_page(rows, title))
    return len(rows)


def diff_index_page(diffs: list) -> str:
    """One row per pair of versions compared: its changes counted, a link to its page."""
    return environment().get_template("diff_index.html.j2").render(**_common(), diffs=diffs)
