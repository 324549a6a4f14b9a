"""Gold notices as spaCy training documents.

The pipeline reads the *clean* text of a notice, so gold spans (raw offsets)
are carried over to clean offsets through the cleaner's map, and each notice
is cut at paragraph breaks into pieces short enough to batch. Each piece is
a ``Doc`` with the gold spans twice: in ``doc.spans[SPANS_KEY]`` (all of
them, overlapping across labels, as spancat reads them) and as ``doc.ents``
restricted to the labels an entity recognizer is trained on (overlaps
resolved in favour of the span met first, then the longer).

Spans in a part of a notice the annotators left out (``regions``), spans
that fall in text the cleaner removes, and pieces outside every region are
left out; a gold notice whose source text is missing is skipped with a
message, so that a clone without the training notices still trains on the
corpus gold.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from pipeline.clean import clean
from pipeline.config import CleanParams
from pipeline.gold.io import GoldError, GoldNotice, read_gold

SPANS_KEY = "sc"


@dataclass(frozen=True)
class Piece:
    """A stretch of a notice's clean text and its gold spans in piece offsets."""

    notice: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


def clean_spans(notice: GoldNotice, params: CleanParams) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The clean text of a gold notice, its spans in clean offsets, and its regions in clean offsets."""
    cleaned = clean(notice.text, params)
    pos = cleaned.mapped.pos

    def to_clean(start: int, end: int) -> tuple[int, int]:
        return bisect_left(pos, start), bisect_left(pos, end)

    spans = []
    for span in notice.spans:
        start, end = to_clean(span["start"], span["end"])
        if start < end:
            spans.append((start, end, span["label"]))
    regions = [to_clean(s, e) for s, e in (notice.regions or [(0, len(notice.text))])]
    return cleaned.text, spans, [(s, e) for s, e in regions if s < e]


def pieces(notice: GoldNotice, params: CleanParams, max_chars: int) -> Iterator[Piece]:
    """Cut a gold notice into pieces of at most ``max_chars`` at paragraph breaks (line breaks if need be)."""
    text, spans, regions = clean_spans(notice, params)
    for region_start, region_end in regions:
        start = region_start
        while start < region_end:
            end = _cut(text, start, min(region_end, start + max_chars), region_end)
            inside = tuple(
                (s - start, e - start, label) for s, e, label in spans if start <= s and e <= end
            )
            body = text[start:end]
            if body.strip():
                yield Piece(notice.id, body, inside)
            start = end


def _cut(text: str, start: int, limit: int, region_end: int) -> int:
    """The end of the piece starting at ``start``: the last paragraph break before ``limit``."""
    if limit >= region_end:
        return region_end
    for sep in ("\n\n", "\n", ". "):
        cut = text.rfind(sep, start + 1, limit)
        if cut > start:
            return cut + len(sep)
    return limit


def to_doc(nlp: Language, piece: Piece, ent_labels: Iterable[str]) -> Doc:
    """The piece as a ``Doc``: every span in ``doc.spans``, the ``ent_labels`` ones as entities."""
    doc = nlp.make_doc(piece.text)
    wanted = set(ent_labels)
    spans = []
    for start, end, label in piece.spans:
        span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None or not len(span):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            span = _trimmed(span)
        if span is not None and len(span):
            spans.append(span)
    doc.spans[SPANS_KEY] = spans
    doc.ents = _flat([s for s in spans if s.label_ in wanted])
    return doc


def _trimmed(span: Span) -> Span:
    """The span without white-space tokens at its edges (a span crossing a line break the cleaner left
    at its edge): spaCy's entity recognizer cannot learn an entity that starts or ends on one."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label)


def _flat(spans: list[Span]) -> list[Span]:
    """Non-overlapping entities: the first to start wins, and of two starting together the longer."""
    out: list[Span] = []
    taken = -1
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if span.start >= taken:
            out.append(span)
            taken = span.end
    return out


def read_notices(gold_files: Iterable[Path], warn: Callable[[str], None]) -> list[GoldNotice]:
    """Every notice of the gold files that can be read; one message for each file that cannot."""
    notices = []
    for path in gold_files:
        if not path.exists():
            warn(f"{path}: no such gold file, left out of training")
            continue
        try:
            notices += read_gold(path)
        except GoldError as err:
            warn(f"{err}; that gold file is left out of training")
    return notices


def docbin(nlp: Language, notices: Iterable[GoldNotice], params: CleanParams, max_chars: int, ent_labels: Iterable[str]) -> DocBin:
    labels = tuple(ent_labels)
    out = DocBin(attrs=["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for notice in notices:
        for piece in pieces(notice, params, max_chars):
            out.add(to_doc(nlp, piece, labels))
    return out
