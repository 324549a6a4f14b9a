"""Run the pipeline over notices and turn its spans into records with raw offsets."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from dataclasses import dataclass, field
from itertools import chain
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.cache import SpanCache
from pipeline.clean import Cleaned, clean
from pipeline.components import SPAN_KEY
from pipeline.config import Params
from pipeline.layout import STRUCTURE_KEY, structure_of
from pipeline.notices import Notice, NoticeError, check_french, check_text

LABEL_ORDER = ("DATA", "PURPOSE", "DURATION", "RECIPIENT", "LEGAL_BASIS")
LOCAL = "local"  # extract.scheduler for the local worker processes


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
    if span._.legal_basis is not None:
        record.update(span._.legal_basis.record())
    if span._.country is not None:  # set by privacy_countries on RECIPIENT spans
        record["country"] = span._.country
    if span._.safeguard is not None:  # set by privacy_practices on RECIPIENT spans of a transfer
        record["safeguard"] = span._.safeguard.record(
            lambda a, b: trim(cleaned.raw, *cleaned.to_raw(offset + a, offset + b)), cleaned.raw)
    if span._.origin is not None:  # set by privacy_combine: rule, model or both, and the span's score
        record["origin"] = span._.origin
        record["score"] = span._.score
    return record


_LINKED = "\0linked"  # while a notice's pieces come in: the records a DATA record is linked to


def doc_records(doc: Doc, cleaned: Cleaned, offset: int) -> list[dict]:
    """The span records of one piece, each ``DATA`` record holding the records it is linked to
    (``doc._.links``) until :func:`sorted_records` turns them into indices."""
    records = [span_record(span, cleaned, offset) for span in doc_spans(doc)]
    for data, other in doc._.links or ():
        records[data].setdefault(_LINKED, []).append(records[other])
    return records


def sorted_records(spans: list[dict]) -> list[dict]:
    """The span records of a notice in the contract's order (start, end, label), each ``DATA``
    span's links as ``links``: the indices, in that order, of the spans linked to it."""
    ordered = sorted(spans, key=lambda s: (s["start"], s["end"], LABEL_ORDER.index(s["label"])))
    index = {id(record): i for i, record in enumerate(ordered)}
    out = []
    for record in ordered:
        linked = record.get(_LINKED)
        if linked is not None:
            record = {k: v for k, v in record.items() if k != _LINKED}
            record["links"] = sorted({index[id(other)] for other in linked})
        out.append(record)
    return out


@dataclass
class _State:
    notice: Notice
    cleaned: Cleaned | None
    left: int
    spans: list[dict] = field(default_factory=list)
    _sorted: list[dict] | None = None

    @property
    def cached(self) -> bool:
        """Its spans came from the cache: the notice was never cleaned."""
        return self.cleaned is None

    def sorted_spans(self) -> list[dict]:
        if self.cached:  # sorted and linked when they were extracted
            return self.spans
        if self.left == 0 and self._sorted is None:
            self._sorted = sorted_records(self.spans)
        return self._sorted if self._sorted is not None else sorted_records(self.spans)

    def record(self) -> dict:
        return {"id": self.notice.id, "text": self.notice.text, "spans": self.sorted_spans()}


def extract(
    nlp: Language | Callable[[], Language],
    notices: Iterable[Notice | NoticeError],
    params: Params,
    on_error: Callable[[NoticeError], None],
    *,
    cache: SpanCache | None = None,
) -> Iterator[dict]:
    """One record per readable notice, in order, streamed; errors go to ``on_error``.

    ``nlp`` is the pipeline, or a function that loads it, called only when a
    notice is not in ``cache``. Pieces of several notices share the batches
    of ``nlp.pipe``.
    """
    size = params.extract.chunk_chars
    order: deque[_State] = deque()  # notices read and not yet given out, in their order

    def pieces() -> Iterator[tuple[tuple[str, list[tuple]], tuple[_State, int]]]:
        for notice, spans in _looked_up(notices, cache, on_error):
            if spans is not None:
                order.append(_State(notice, None, 0, spans))
                continue
            try:
                cleaned = prepare(notice, params)
            except NoticeError as err:
                on_error(err)
                continue
            parts = list(chunks(cleaned.text, size))
            state = _State(notice, cleaned, len(parts))
            order.append(state)
            for offset, text in parts:
                yield (text, structure_of(cleaned.lines, offset, offset + len(text))), (state, offset)

    def finished() -> Iterator[dict]:
        while order and order[0].left == 0:
            state = order.popleft()
            if cache is not None and not state.cached:
                cache.put(state.notice.text, state.sorted_spans())
            yield state.record()

    stream = pieces()
    first = next(stream, None)
    if first is not None:
        model = nlp if isinstance(nlp, Language) else nlp()
        docs = ((with_layout(model, *piece), context) for piece, context in chain([first], stream))
        batches = model.pipe(docs, as_tuples=True, batch_size=params.extract.batch_size)
        for doc, (state, offset) in batches:
            state.spans.extend(doc_records(doc, state.cleaned, offset))
            state.left -= 1
            yield from finished()
    yield from finished()


def extract_batch(nlp: Language | Callable[[], Language], notices: list[Notice], params: Params) -> list[dict | NoticeError]:
    """``extract`` over one batch of notices: for each notice, in order, its record or the error that
    stops it. What a worker of every engine runs (the local processes, Dask)."""
    failed: dict[int, NoticeError] = {}
    current = -1

    def numbered() -> Iterator[Notice]:
        nonlocal current
        for current, notice in enumerate(notices):  # an error is told while its notice is the last one read
            yield notice

    records = iter(list(extract(nlp, numbered(), params, lambda err: failed.setdefault(current, err))))
    return [failed[i] if i in failed else next(records) for i in range(len(notices))]


def _looked_up(
    notices: Iterable[Notice | NoticeError], cache: SpanCache | None, on_error: Callable[[NoticeError], None]
) -> Iterator[tuple[Notice, list[dict] | None]]:
    """Each readable notice with its spans from ``cache`` (None when not there); errors go to ``on_error``."""
    for notice in notices:
        if isinstance(notice, NoticeError):
            on_error(notice)
            continue
        yield notice, (cache.get(notice.text) if cache is not None else None)


def prepare(notice: Notice, params: Params) -> Cleaned:
    """The clean text of a notice the pipeline can read; a ``NoticeError`` for one it cannot."""
    check_text(notice.text, notice.source)
    cleaned = clean(notice.text, params.clean)
    if not cleaned.text.strip():
        raise NoticeError(f"{notice.source}: nothing left to read once cleaned")
    check_french(cleaned.text, notice.source, params.extract.min_french_share)
    return cleaned


def with_layout(nlp: Language, text: str, lines: list[tuple]) -> Doc:
    """A piece of clean text made a ``Doc`` that carries the cleaner's lines, for ``privacy_layout``."""
    doc = nlp.make_doc(text)
    doc.user_data[STRUCTURE_KEY] = lines
    return doc


def doc_spans(doc: Doc) -> Iterable[Span]:
    return doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else ()


# --- several processes -----------------------------------------------------------------------

_WORKER: dict = {}  # the pipeline and params of a worker process
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


def _end_with_parent(parent: int) -> None:
    """Have the system end this worker when its parent ends (Linux). A parent killed outright
    cannot end its pool; its workers would find the pipe to it broken and print tracebacks."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the call
        os._exit(0)


def _start_worker(load_nlp: Callable[[], Language], params: Params, parent: int) -> None:
    _end_with_parent(parent)
    if "nlp" not in _WORKER:  # forked from a parent that loaded it already
        _WORKER["nlp"] = load_nlp()
    _WORKER["params"] = params


def _extract_one(notice: Notice) -> dict | NoticeError:
    return extract_batch(_WORKER["nlp"], [notice], _WORKER["params"])[0]


def extract_parallel(
    load_nlp: Callable[[], Language],
    notices: Iterable[Notice | NoticeError],
    params: Params,
    on_error: Callable[[NoticeError], None],
    *,
    processes: int,
    cache: SpanCache | None = None,
) -> Iterator[dict]:
    """``extract`` with notices spread over ``processes`` worker processes; the same records, in
    order, streamed: at most a few notices per process wait in memory."""
    if processes <= 1:
        yield from extract(load_nlp, notices, params, on_error, cache=cache)
        return
    pool = None
    waiting: deque = deque()  # records, or the workers' promises of them, in the notices' order
    limit = 4 * processes

    def ready() -> Iterator[dict]:
        while waiting and (len(waiting) > limit or isinstance(waiting[0], dict) or waiting[0].ready()):
            item = waiting.popleft()
            if isinstance(item, dict):
                yield item
                continue
            record = item.get()
            if isinstance(record, NoticeError):
                on_error(record)
            else:
                if cache is not None:
                    cache.put(record["text"], record["spans"])
                yield record

    try:
        for notice, spans in _looked_up(notices, cache, on_error):
            if spans is not None:
                waiting.append({"id": notice.id, "text": notice.text, "spans": spans})
            else:
                if pool is None:
                    pool = _pool(load_nlp, params, processes)
                waiting.append(pool.apply_async(_extract_one, (notice,)))
            yield from ready()
        while waiting:
            if not isinstance(waiting[0], dict):
                waiting[0].wait()
            yield from ready()
    finally:
        if pool is not None:
            pool.terminate()


def _pool(load_nlp: Callable[[], Language], params: Params, processes: int):
    """Worker processes; forked where the system can, so that they share the model loaded once here."""
    try:
        context = multiprocessing.get_context("fork")
        _WORKER["nlp"] = load_nlp()
    except ValueError:  # no fork on this system: each worker loads the model
        context = multiprocessing.get_context("spawn")
    try:
        return context.Pool(processes, initializer=_start_worker, initargs=(load_nlp, params, os.getpid()))
    finally:
        _WORKER.pop("nlp", None)
