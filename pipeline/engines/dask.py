"""The Dask engine: extraction on a ``dask.distributed`` cluster, with the records of a local run.

Where the notices are listed (the client), each notice is read and, unless the workers share the
cache folder, looked up in the per-notice cache. The others travel in batches of
``extract.batch_size`` notices to the workers, which run ``pipeline.extract.extract_batch`` (the
function the local worker processes run: cleaning, the pipeline, the records) and send back each
notice's spans or its one-line error. The client gives the records back in the notices' order, as
they come: at most two batches per worker thread are in flight, and a slow batch holds back at most
a bounded number of finished ones.

Notices are cleaned on the workers, inside ``extract_batch``: cleaning runs at about 25 times the
speed of the pipeline, so a client cleaning for the whole cluster would cap it at some 25 worker
processes, and a cleaned notice (its offset map) pickles to about 18 times its raw text.

The model travels once per worker, never as a pickled ``Language``: the files of the built model
ride in a ``WorkerPlugin`` named by the fingerprint of everything that decides the spans
(``pipeline.cache.fingerprint``: model files, package code and lexicons, params, library versions).
A worker unpacks and loads them on the first batch that needs them and keeps the model loaded for
the next runs with the same fingerprint; registering a new fingerprint drops the former one. A
worker whose own code, libraries or params give another fingerprint refuses to extract, so that
every worker gives the output this machine would.

When every worker sees the cache folder at the same path (a shared file system; a probe file tells
when the run starts), the workers read and write the entries themselves; otherwise the client does,
as in a local run.
"""

from __future__ import annotations

import asyncio
import io
import logging
import secrets
import tarfile
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from distributed import CancelledError, Client, KilledWorker, WorkerPlugin, get_worker
from distributed.comm import connect

from pipeline.cache import SpanCache, fingerprint
from pipeline.config import Params, project_path
from pipeline.extract import extract_batch
from pipeline.io import Notice, NoticeError, PrivexError, UsageError, display, one_line, write_atomic

if TYPE_CHECKING:
    from distributed import Future
    from spacy.language import Language

PLUGIN_PREFIX = "privex-model-"
MODEL_KEY = "privex-model"  # the scheduler's metadata: the name of the model plugin its workers hold
BATCHES_PER_THREAD = 2  # batches in flight per worker thread: one running, one waiting to start


class EngineError(PrivexError):
    """The cluster cannot give this machine's output: a worker with other code, a lost scheduler."""


# --- on the workers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one notice: its spans, or the one-line error that stops it."""

    spans: list[dict] | None = None
    error: str | None = None
    hit: bool = False  # taken from the shared cache
    stored: bool = False  # written to the shared cache


def model_archive(folder: Path) -> bytes:
    """The files of a built model folder, as one tar (uncompressed: the vectors hardly compress)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        tar.add(folder, arcname=".")
    return buffer.getvalue()


class ModelPlugin(WorkerPlugin):
    """The model of a run, on every worker of the cluster (and on the workers that join later).

    It carries the model's files (``archive``; None: the workers assemble the pipeline from
    ``build`` as this machine did) and the fingerprint they must give with the worker's code.
    """

    idempotent = True  # the same model registered twice (two runs at once): the workers keep the one they have

    def __init__(self, fingerprint: str, params: Params, archive: bytes | None) -> None:
        self.name = PLUGIN_PREFIX + fingerprint
        self.fingerprint = fingerprint
        self.params = params
        self.archive = archive

    def setup(self, worker) -> None:
        self.address = worker.address
        self.folder = Path(worker.local_directory) / self.name
        self.lock = threading.Lock()
        self.model: Language | None = None

    def teardown(self, worker) -> None:
        self.model = None  # the plugin was replaced by another model's: this one's memory goes

    def extract(self, notices: list[Notice]) -> list[dict | NoticeError]:
        """``extract_batch`` on this worker's model, loaded when a notice first needs it."""
        with self.lock:  # one batch at a time per worker process, however many threads it runs
            return extract_batch(self._model, notices, self.params)

    def _model(self) -> Language:
        from pipeline.nlp import ModelError, assemble, load

        if self.model is not None:
            return self.model
        folder = None
        if self.archive is not None:
            with tarfile.open(fileobj=io.BytesIO(self.archive)) as tar:
                tar.extractall(self.folder, filter="data")
            folder = self.folder
        here = fingerprint(self.params, folder)
        if here != self.fingerprint:
            raise EngineError(
                f"Dask worker {self.address}: its privex code, libraries or model differ from those of the "
                f"machine that started the run (fingerprint {here}, not {self.fingerprint}); install the same "
                "privex on every worker")
        try:
            self.model = (load(folder, self.params.build, self.params.components) if folder is not None
                          else assemble(self.params.build, self.params.components))
        except (OSError, ValueError, ImportError) as err:
            raise ModelError(f"cannot load the model on Dask worker {self.address}: {one_line(err)}") from None
        self.archive = None  # unpacked and loaded: the bytes are not needed any more
        return self.model


def run_batch(plugin_name: str, notices: list[Notice], cache_root: str | None, fingerprint: str) -> list[Outcome]:
    """One batch on a worker: each notice's spans (from the shared cache at ``cache_root`` when it is
    there) or its error, in order."""
    worker = get_worker()
    plugin = worker.plugins.get(plugin_name)
    if plugin is None:
        raise EngineError(f"Dask worker {worker.address} has no privex model ({plugin_name}); "
                          "another run with another model may have replaced it")
    cache = SpanCache(Path(cache_root), fingerprint) if cache_root is not None else None
    outcomes: dict[int, Outcome] = {}
    misses = []
    for i, notice in enumerate(notices):
        spans = cache.get(notice.text) if cache is not None else None
        if spans is not None:
            outcomes[i] = Outcome(spans=spans, hit=True, stored=True)
        else:
            misses.append(i)
    if misses:
        for i, result in zip(misses, plugin.extract([notices[i] for i in misses])):
            if isinstance(result, NoticeError):
                outcomes[i] = Outcome(error=str(result))
                continue
            if cache is not None:
                cache.put(notices[i].text, result["spans"])
            outcomes[i] = Outcome(spans=result["spans"], stored=cache is not None and cache.usable)
    return [outcomes[i] for i in range(len(notices))]


def sees(path: str, token: str) -> bool:
    """Whether this machine reads ``token`` in the file ``path``: the client's probe of a shared folder."""
    try:
        return Path(path).read_text(encoding="utf-8") == token
    except (OSError, UnicodeDecodeError):
        return False


# --- on the client --------------------------------------------------------------------------------


@contextmanager
def quiet() -> Iterator[None]:
    """Dask's log lines off in this process: what the user must know is told in one line."""
    loggers = [logging.getLogger(name) for name in ("distributed", "distributed.client")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


async def _reach(address: str, timeout: float) -> None:
    comm = await connect(address, timeout=timeout)
    await comm.close()


def connected(address: str, timeout: float) -> Client:
    """A client of the scheduler at ``address``; a ``UsageError`` of one line when it cannot be reached.

    The address is tried first with a bare connection: a ``Client`` that fails to start prints
    tracebacks when it is collected."""
    try:
        asyncio.run(_reach(address, timeout))
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, ValueError, TypeError) as err:
        raise UsageError(f"cannot reach the Dask scheduler at {display(address)}: {one_line(err)}; start one "
                         "(`privex cluster`) or set extract.scheduler to local") from None


@dataclass
class _Batch:
    notices: list[Notice]
    future: Future | None = None
    outcomes: list[Outcome] | None = None


def outcomes_of(batch: _Batch) -> list[Outcome]:
    """The outcomes of a submitted batch, waited for. A batch whose workers died too often (a notice
    that kills its worker) fails alone: each of its notices gets an error."""
    try:
        return batch.future.result()
    except KilledWorker:
        return [Outcome(error=f"{n.source}: not extracted: the Dask workers died while extracting it "
                              "(distributed.scheduler.allowed-failures reached)") for n in batch.notices]
    except (CancelledError, OSError) as err:
        raise EngineError(f"lost the Dask scheduler during the run: {one_line(err) or type(err).__name__}") from None


def extract_dask(
    address: str,
    notices: Iterable[Notice | NoticeError],
    params: Params,
    on_error: Callable[[NoticeError], None],
    *,
    model: Path | None = None,
    cache: SpanCache | None = None,
    warn: Callable[[str], None] | None = None,
    shared_cache: bool | None = None,
) -> Iterator[dict]:
    """``extract``'s records, in order, streamed, with the notices extracted on the Dask cluster at
    ``address``. The scheduler is reached now (a ``UsageError`` when it cannot be); the model is sent
    when a first notice needs it. ``shared_cache`` None: probe whether the workers share the cache."""
    client = connected(address, params.extract.connect_timeout)
    return _Run(client, params, on_error, model, cache, warn, shared_cache).records(notices)


class _Run:
    def __init__(self, client: Client, params: Params, on_error, model: Path | None, cache: SpanCache | None,
                 warn, shared_cache: bool | None) -> None:
        self.client = client
        self.params = params
        self.on_error = on_error
        self.model_dir = Path(model) if model is not None else project_path(params.build.model_dir)
        if model is not None and not (self.model_dir / "config.cfg").is_file():
            from pipeline.nlp import ModelError

            client.close()
            raise ModelError(f"cannot load the model: no spaCy model at {model}")
        self.cache = cache
        self.warn = warn or (lambda message: None)
        self.shared_cache = shared_cache
        self.fingerprint = fingerprint(params, self.model_dir)
        self.plugin: str | None = None
        self.token = secrets.token_hex(4)
        self.submitted = 0
        self.in_flight = 0
        self.limit = BATCHES_PER_THREAD  # batches in flight, from the cluster's threads when a batch goes
        self.filling = _Batch([])

    # --- the model and the cache on the workers ---

    def _register(self) -> str:
        """Send the model to the workers (unless they have it from an earlier run); drop other models."""
        name = PLUGIN_PREFIX + self.fingerprint
        current = self.client.get_metadata(MODEL_KEY, None)
        if current != name:
            if current is not None:  # one model per cluster: the former one leaves the workers' memory
                try:
                    self.client.unregister_worker_plugin(current)
                except ValueError:  # removed meanwhile
                    pass
            built = (self.model_dir / "config.cfg").is_file()
            archive = model_archive(self.model_dir) if built else None
            self.client.register_plugin(ModelPlugin(self.fingerprint, self.params, archive))
            self.client.set_metadata(MODEL_KEY, name)
        return name

    def _cache_is_shared(self) -> bool:
        """Whether every worker reads the probe file this machine writes in the cache folder."""
        cache = self.cache
        if cache is None or not cache.usable:
            return False
        token = secrets.token_hex(8)
        probe = cache.folder.absolute() / f".probe-{token}.tmp"
        try:
            probe.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(probe, token)
        except OSError:  # the client's own puts will tell the user
            return False
        try:
            seen = self.client.run(sees, str(probe), token)
        finally:
            probe.unlink(missing_ok=True)
        return bool(seen) and all(seen.values())

    # --- batches ---

    def _submit(self) -> None:
        batch, self.filling = self.filling, _Batch([])
        if not batch.notices:
            return
        if self.plugin is None:
            self.plugin = self._register()
        cache_root = str(self.cache.root.absolute()) if self.shared else None
        batch.future = self.client.submit(run_batch, self.plugin, batch.notices, cache_root, self.fingerprint,
                                          key=f"privex-extract-{self.token}-{self.submitted}")
        self.submitted += 1
        self.in_flight += 1
        self.limit = BATCHES_PER_THREAD * max(1, sum(self.client.nthreads().values()))  # workers come and go

    def _fetch(self, batch: _Batch) -> None:
        if batch.future is None:  # the head of the line is the batch being filled: send it now
            self._submit()
        batch.outcomes = outcomes_of(batch)
        batch.future = None  # its result leaves the cluster's memory
        self.in_flight -= 1

    def _ready(self, waiting: deque, drain: bool) -> Iterator[dict]:
        most = self.limit * self.params.extract.batch_size
        while waiting:
            notice, source, index = waiting[0]
            if isinstance(source, _Batch) and source.outcomes is None:
                full = drain or len(waiting) > most or self.in_flight > self.limit
                if not full and (source.future is None or not source.future.done()):
                    return
                self._fetch(source)
            waiting.popleft()
            if not isinstance(source, _Batch):  # from the client's cache
                yield {"id": notice.id, "text": notice.text, "spans": source}
                continue
            outcome = source.outcomes[index]
            if self.shared:
                self.cache.note(notice.text, hit=outcome.hit)
            if outcome.error is not None:
                self.on_error(NoticeError(outcome.error))
                continue
            if self.cache is not None and not outcome.stored:
                self.cache.put(notice.text, outcome.spans)
            yield {"id": notice.id, "text": notice.text, "spans": outcome.spans}

    def records(self, notices: Iterable[Notice | NoticeError]) -> Iterator[dict]:
        # the client's own log lines (a lost scheduler, retries) would come beside the one line that
        # tells the user what happened: quiet while the run lasts
        with quiet():
            try:
                yield from self._records(notices)
            finally:
                self.client.close()

    def _records(self, notices: Iterable[Notice | NoticeError]) -> Iterator[dict]:
        if not self.client.nthreads():
            self.warn(f"the Dask scheduler at {self.client.scheduler.address} has no worker yet; "
                      "the notices wait for one")
        self.shared = self._cache_is_shared() if self.shared_cache is None else (
            self.shared_cache and self.cache is not None)
        waiting: deque = deque()  # (notice, its spans from the cache or its batch, its place in it)
        for notice in notices:
            if isinstance(notice, NoticeError):
                self.on_error(notice)
                continue
            spans = self.cache.get(notice.text) if self.cache is not None and not self.shared else None
            if spans is not None:
                waiting.append((notice, spans, 0))
            else:
                waiting.append((notice, self.filling, len(self.filling.notices)))
                self.filling.notices.append(notice)
                if len(self.filling.notices) >= self.params.extract.batch_size:
                    self._submit()
            yield from self._ready(waiting, drain=False)
        self._submit()
        yield from self._ready(waiting, drain=True)


# --- a cluster on this machine --------------------------------------------------------------------


#: Dask's nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536, which fixes glibc's trim
#: threshold: memory the pipeline frees goes back to the system and is faulted in again. Measured
#: here (one worker, 15 notices, 3 rounds): 205,000 minor page faults and 0.6-1.1 s of system time
#: per run, against 24,000 and 0.1-0.2 s without it (user time the same, about 5 s); unset for the
#: workers privex starts.
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def serve(host: str, port: int, workers: int, *, say: Callable[[str], None], tell: Callable[[str], None]) -> None:
    """A Dask scheduler on ``host:port`` with ``workers`` worker processes of one thread each (the
    pipeline is mostly Python code, whose threads take turns), until SIGINT or SIGTERM. ``say`` gets
    the scheduler's address, ``tell`` how to use it."""
    import signal
    import time

    import dask
    from distributed import LocalCluster

    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        with quiet(), dask.config.set(WORKER_CONFIG):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host=host,
                                   scheduler_port=port, dashboard_address=f"{host}:0",  # its HTTP routes: any free port
                                   silence_logs=logging.CRITICAL)
    except (OSError, ValueError, RuntimeError) as err:  # RuntimeError: "Cluster failed to start: ..."
        while err.__cause__ is not None:  # the first cause: the port in use, the unknown host
            err = err.__cause__
        raise UsageError(f"cannot start a Dask scheduler on {host}:{port}: {one_line(err)}") from None
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        address = cluster.scheduler_address
        tell(f"Dask scheduler at {address} with {workers} local workers; extract on it with "
             f"`privex extract --scheduler {address}`; other machines join with "
             f"`privex cluster --join {address}`; Ctrl-C stops it")
        say(address)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        cluster.close()


def join(address: str, workers: int, timeout: float, *, tell: Callable[[str], None]) -> None:
    """``workers`` worker processes of one thread each on this machine, for the scheduler at
    ``address`` (``dask worker ADDRESS --nthreads 1`` with privex's settings), until SIGINT or SIGTERM."""
    import signal

    import dask
    from distributed import Nanny

    try:
        asyncio.run(_reach(address, timeout))
    except (OSError, ValueError, TypeError) as err:
        raise UsageError(f"cannot reach the Dask scheduler at {display(address)}: {one_line(err)}") from None

    async def run() -> None:
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(signum, stop.set)
        # the workers' own log lines off too: a scheduler that stops makes each heartbeat log a traceback
        nannies = [Nanny(address, nthreads=1, silence_logs=logging.CRITICAL) for _ in range(workers)]
        await asyncio.gather(*nannies)  # awaiting a nanny starts it and its worker
        tell(f"{workers} Dask workers on this machine for the scheduler at {address}; Ctrl-C stops them")
        await stop.wait()
        await asyncio.gather(*(nanny.close() for nanny in nannies))

    with quiet(), dask.config.set(WORKER_CONFIG):
        asyncio.run(run())
