"""Engines that run ``pipeline.extract.extract_batch`` elsewhere than in local worker processes, and
the choice between them (``extract_with``): this package imports ``pipeline.extract``, never the
other way round."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from pipeline.cache import SpanCache
from pipeline.config import Params
from pipeline.extract import LOCAL, extract_parallel
from pipeline.notices import Notice, NoticeError


def extract_with(
    load_nlp: Callable[[], Language],
    notices: Iterable[Notice | NoticeError],
    params: Params,
    on_error: Callable[[NoticeError], None],
    *,
    processes: int,
    cache: SpanCache | None = None,
    scheduler: str | None = None,
    model: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[dict]:
    """The records of ``extract``, from the engine ``scheduler`` names (default ``extract.scheduler``):
    ``local`` or empty for ``processes`` local worker processes, else the address of a Dask scheduler
    (``pipeline/engines/dask.py``, which sends the files of ``model`` to its workers). Every engine
    gives the same records in the same order."""
    address = params.extract.scheduler if scheduler is None else scheduler
    if address.strip() in ("", LOCAL):
        return extract_parallel(load_nlp, notices, params, on_error, processes=processes, cache=cache)
    from pipeline.engines.dask import extract_dask

    return extract_dask(address.strip(), notices, params, on_error, model=model, cache=cache, warn=warn)
