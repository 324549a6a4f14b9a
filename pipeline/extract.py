"""Run the pipeline over notices and turn its spans into records with raw offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.clean import Cleaned, clean
from pipeline.components import SPAN_KEY
from pipeline.config import Params
from pipeline.notices import Notice, NoticeError, check_text

LABEL_ORDER = ("DATA", "PURPOSE", "DURATION", "RECIPIENT")


def chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Cut clean text into pieces of at most ``size`` characters, at line breaks where possible."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + 1, end)
            if cut < 0:
                cut = text.rfind(". ", start + 1, end)
                cut = cut + 1 if cut >= 0 else -1
            end = cut if cut > start else end
        yield start, text[start:end]
        start = end


EDGE_JUNK = set(" \t\r\n\xa0\\*_|#>`")


def trim(raw: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a raw span off white space and markup at its edges (``3 ans\\*`` -> ``3 ans``)."""
    while end > start + 1 and raw[end - 1] in EDGE_JUNK:
        end -= 1
    while start < end - 1 and raw[start] in EDGE_JUNK:
        start += 1
    return start, end


def span_record(span: Span, cleaned: Cleaned, offset: int) -> dict:
    """One span as the contract writes it: raw offsets, raw text, normalised values."""
    start, end = trim(cleaned.raw, *cleaned.to_raw(offset + span.start_char, offset + span.end_char))
    record = {"start": start, "end": end, "label": span.label_, "text": cleaned.raw[start:end]}
    if span._.category is not None:
        record["category"] = span._.category
    if span._.retention is not None:
        record.update(span._.retention.record())
    return record


@dataclass
class _State:
    notice: Notice
    cleaned: Cleaned
    left: int
    spans: list[dict] = field(default_factory=list)

    def record(self) -> dict:
        spans = sorted(self.spans, key=lambda s: (s["start"], s["end"], LABEL_ORDER.index(s["label"])))
        return {"id": self.notice.id, "text": self.notice.text, "spans": spans}


def extract(
    nlp: Language,
    notices: Iterable[Notice | NoticeError],
    params: Params,
    on_error: Callable[[NoticeError], None],
) -> Iterator[dict]:
    """One record per readable notice, in order, streamed; errors go to ``on_error``."""
    size = params.extract.chunk_chars

    def pieces() -> Iterator[tuple[str, tuple[_State, int]]]:
        for notice in notices:
            if isinstance(notice, NoticeError):
                on_error(notice)
                continue
            try:
                check_text(notice.text, notice.source, params.extract.min_french_share)
                cleaned = clean(notice.text, params.clean)
                if not cleaned.text.strip():
                    raise NoticeError(f"{notice.source}: nothing left to read once cleaned")
            except NoticeError as err:
                on_error(err)
                continue
            parts = list(chunks(cleaned.text, size))
            state = _State(notice, cleaned, len(parts))
            for offset, text in parts:
                yield text, (state, offset)

    for doc, (state, offset) in nlp.pipe(pieces(), as_tuples=True, batch_size=params.extract.batch_size):
        state.spans.extend(span_record(span, state.cleaned, offset) for span in doc_spans(doc))
        state.left -= 1
        if state.left == 0:
            yield state.record()


def doc_spans(doc: Doc) -> Iterable[Span]:
    return doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else ()
