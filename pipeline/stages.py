"""The DVC stages, as plain functions over ``params.yaml``.

Each stage reads only the params sections that ``dvc.yaml`` lists for it. A stage raises a
``pipeline.io.PrivexError`` for what the user must fix (the CLI turns it into one line and an
exit code), and writes or clears only folders it owns (``owned_folder``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

import pipeline
from pipeline.config import Params, project_path, project_root
from pipeline.io import NoticeError, PrivexError, UsageError, display, folder_notices, notice_id, one_line, write_atomic  # noqa: F401

# what a project holds besides the paths params.yaml names: never a stage's to clear or write over
PROJECT_FILES = ("params.yaml", "dvc.yaml", "dvc.lock", ".git", ".dvc", ".dvcignore", ".gitignore", "pyproject.toml",
                 "README.md", "tests", ".ci", "configs")


class NoticesFailed(PrivexError):
    """Some notices could not be processed; each was reported on its own line."""


def _stderr(message: str) -> None:
    print(f"privex: {message}", file=sys.stderr)


# --- which folders a stage owns -------------------------------------------------------------------


def _protected(params: Params, root: Path) -> dict[str, Path]:
    """Every path a stage must not clear or write into, by the params key (or name) it comes from."""
    named = {
        "corpus.dir": params.corpus.dir,
        **{f"corpus.extra_dirs[{i}]": d for i, d in enumerate(params.corpus.extra_dirs)},
        **{f"corpus.train_dirs[{i}]": d for i, d in enumerate(params.corpus.train_dirs)},
        "corpus.clean_dir": params.corpus.clean_dir,
        "gold.seeds": params.gold.seeds,
        "gold.extra": params.gold.extra,
        "gold.markup_dir": params.gold.markup_dir,
        "gold.train": params.gold.train,
        "train.config": params.train.config,
        **{f"train.gold[{i}]": g for i, g in enumerate(params.train.gold)},
        "train.out_dir": params.train.out_dir,
        "train.work_dir": params.train.work_dir,
        "train.metrics": params.train.metrics,
        "train.dev_metrics": params.train.dev_metrics,
        "build.model_dir": params.build.model_dir,
        "extract.out_dir": params.extract.out_dir,
        "extract.cache_dir": params.extract.cache_dir,
        "evaluate.scores": params.evaluate.scores,
        "evaluate.errors": params.evaluate.errors,
        "evaluate.plot": params.evaluate.plot,
        "report.out_dir": params.report.out_dir,
        **{name: name for name in PROJECT_FILES},
    }
    paths = {key: project_path(value, root).resolve() for key, value in named.items()}
    paths["the package"] = Path(pipeline.__file__).resolve().parent
    return paths


def _overlap(a: Path, b: Path) -> bool:
    return a == b or a in b.parents or b in a.parents


def owned_path(params: Params, key: str, value: str, root: Path | None = None) -> Path:
    """The path ``params.yaml`` gives under ``key``, when a stage may write or clear it: inside the
    project, not the project itself, and neither holding, nor held by, nor equal to any other path
    of the project (an input, another stage's output, the package, ``.git``). Else ``UsageError``."""
    root = (root or project_root()).resolve()
    target = project_path(value, root).resolve()
    if target == root or root not in target.parents:
        raise UsageError(f"params.yaml: {key}: {value!r} is not a folder inside the project ({display(str(root))}); "
                         "a stage writes only inside its own folder")
    for other, path in _protected(params, root).items():
        if other != key and _overlap(target, path):
            where = "is" if target == path else "holds" if target in path.parents else "is inside"
            raise UsageError(f"params.yaml: {key}: {value!r} {where} {other} ({display(str(path))}); "
                             "a stage writes only inside its own folder")
    return target


def owned_folder(params: Params, key: str, value: str, suffix: str, root: Path | None = None) -> Path:
    """``owned_path``, made ready for a new run: the files of a former run (``*suffix`` in it and in
    its group folders) are removed; nothing else in it is touched."""
    folder = owned_path(params, key, value, root)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"params.yaml: {key}: {value!r} is a file, not a folder")
    for old in [*folder.glob(f"*{suffix}"), *folder.glob(f"*/*{suffix}"), *folder.glob("*/.*.tmp"), *folder.glob(".*.tmp")]:
        if old.is_file() or old.is_symlink():
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- notices --------------------------------------------------------------------------------------


def corpus_files(params: Params, on_error: Callable[[NoticeError], None] | None = None) -> list[tuple[str, Path]]:
    """(group, file) for every notice: the corpus, then each extra folder that exists.

    An entry that is no regular file (broken link, FIFO ...) goes to ``on_error``. Two notices with
    one id would overwrite each other's outputs: ``UsageError`` naming both.
    """
    files: list[tuple[str, Path]] = []
    folders = [("corpus", project_path(params.corpus.dir))]
    folders += [("extra", project_path(d)) for d in params.corpus.extra_dirs if project_path(d).is_dir()]
    for group, folder in folders:
        if not folder.is_dir():
            continue
        for _, entry in folder_notices(folder):
            if isinstance(entry, NoticeError):
                if on_error is not None:
                    on_error(entry)
                continue
            files.append((group, entry))
    seen: dict[str, Path] = {}
    for _, path in files:
        nid = notice_id(path)
        if nid in seen:
            raise UsageError(f"two notices are named {nid}: {display(str(seen[nid]))} and "
                             f"{display(str(path))}; their outputs would overwrite each other: rename one")
        seen[nid] = path
    return files


def _read_notices(files: list[tuple[str, Path]], params: Params, warn: Callable[[str], None]):
    from pipeline.io import read_each

    return read_each(((display(str(path)), path) for _, path in files), params.extract.max_bytes, warn)


def stage_clean(params: Params, warn: Callable[[str], None] = _stderr) -> dict:
    """Write the clean text of every notice, for a person to read. Notices are read as the extract
    stage reads them; one that cannot be read is reported and the others are written."""
    from pipeline.clean import clean

    out = owned_folder(params, "corpus.clean_dir", params.corpus.clean_dir, ".txt")
    failed: list[str] = []

    def fail(err: NoticeError) -> None:
        failed.append(str(err))
        warn(str(err))

    files = corpus_files(params, fail)
    groups = {notice_id(path): group for group, path in files}
    counts = {"corpus": 0, "extra": 0}
    for notice in _read_notices(files, params, warn):
        if isinstance(notice, NoticeError):
            fail(notice)
            continue
        group = groups[notice.id]
        folder = out if group == "corpus" else out / group
        folder.mkdir(exist_ok=True)
        write_atomic(folder / f"{notice.id}.txt", clean(notice.text, params.clean).text + "\n")
        counts[group] += 1
    if failed:
        raise NoticesFailed(f"{len(failed)} notices could not be cleaned")
    return counts


def stage_build(params: Params) -> Path:
    from pipeline.nlp import build

    owned_path(params, "build.model_dir", params.build.model_dir)
    return build(params.build, components=params.components, combine=params.combine,
                 trained=project_path(params.train.out_dir))


def stage_train(params: Params) -> dict:
    """The ``train`` stage: train the span model into ``train.out_dir``; its summary into ``train.metrics``."""
    from pipeline.train import train_model

    owned_path(params, "train.out_dir", params.train.out_dir)
    owned_path(params, "train.work_dir", params.train.work_dir)
    metrics = owned_path(params, "train.metrics", params.train.metrics)
    summary = train_model(params)
    shown = {k: v for k, v in summary.items() if k not in ("train_notices", "dev_notices")}
    shown["train_notice_count"] = len(summary["train_notices"])
    shown["dev_notice_count"] = len(summary["dev_notices"])
    metrics.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(metrics, json.dumps(shown, indent=1) + "\n")
    return summary


def stage_dev(params: Params, warn: Callable[[str], None] = _stderr) -> dict:
    """The ``dev`` stage: score the dev notices into ``train.dev_metrics``; skipped (said in the file)
    without their text."""
    from pipeline.nlp import load_or_fail
    from pipeline.train.corpus import read_notices
    from pipeline.train.dev import COMBINER, dev_scores

    out = owned_path(params, "train.dev_metrics", params.train.dev_metrics)
    dev_ids = set(params.gold.dev)
    notices = [n for n in read_notices([project_path(params.gold.train)], warn) if n.id in dev_ids]
    if len(notices) < len(dev_ids):
        result = {"skipped": f"{len(dev_ids) - len(notices)} of the {len(dev_ids)} dev notices cannot be read "
                             "(their text is in ../shared/corpus-train)"}
    else:
        nlp = load_or_fail(None, params.build)
        if COMBINER not in nlp.component_names:
            result = {"skipped": f"the built pipeline has no {COMBINER}"}
        else:
            result = dev_scores(nlp, notices, params)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, json.dumps(result, indent=1) + "\n")
    return result


def stage_extract(params: Params, warn: Callable[[str], None] = _stderr) -> dict:
    """One JSON per notice, in the contract's format, offsets into the raw text.

    Notices whose raw text is in the per-notice cache (same model, code and
    params) are not extracted again. Each output is written whole as soon
    as its notice is done: a run that is stopped leaves only finished
    notices, and the next run takes them from the cache.
    """
    from functools import partial

    from pipeline.cache import SpanCache, fingerprint
    from pipeline.engines import extract_with
    from pipeline.nlp import load_or_fail

    cache_dir = owned_path(params, "extract.cache_dir", params.extract.cache_dir)
    out = owned_folder(params, "extract.out_dir", params.extract.out_dir, ".json")
    errors: list[str] = []
    files = corpus_files(params, lambda e: errors.append(str(e)))
    groups = {notice_id(path): g for g, path in files}

    model_dir = project_path(params.build.model_dir)
    cache = SpanCache(cache_dir, fingerprint(params, model_dir), warn=warn)
    load_nlp = partial(load_or_fail, None, params.build, params.components)
    counts: dict[str, dict[str, int]] = {}
    processes = max(1, min(params.extract.n_process, len(files)))
    records = extract_with(load_nlp, _read_notices(files, params, warn), params, lambda e: errors.append(str(e)),
                           processes=processes, cache=cache, warn=warn)
    for record in records:
        group = groups[record["id"]]
        folder = out if group == "corpus" else out / group
        folder.mkdir(exist_ok=True)
        write_atomic(folder / f"{record['id']}.json", json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        per_label = counts.setdefault(record["id"], {})
        for span in record["spans"]:
            per_label[span["label"]] = per_label.get(span["label"], 0) + 1
    for error in errors:
        warn(error)
    warn(f"{cache.misses} notices extracted, {cache.hits} taken from the cache")
    if errors:
        raise NoticesFailed(f"{len(errors)} notices could not be extracted")
    cache.prune()
    return counts


def _predictions(folder: Path) -> dict[str, list[dict]]:
    predictions = {}
    for path in sorted(folder.glob("*.json")):
        try:
            predictions[path.stem] = json.loads(path.read_text(encoding="utf-8"))["spans"]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise PrivexError(f"{display(str(path))}: not an extraction ({err}); run the extract stage again") from None
    return predictions


def stage_evaluate(params: Params) -> dict:
    """Score the extractions against the gold set: seeds always, extra notices when present.

    Writes the scores (``metrics:``), every error with its context, and the
    per-label figures for ``plots:``.
    """
    from pipeline.evaluate import score
    from pipeline.gold.io import GoldError, read_gold
    from pipeline.taxonomy import LABELS

    targets = {key: owned_path(params, f"evaluate.{key}", value) for key, value in
               (("scores", params.evaluate.scores), ("errors", params.evaluate.errors), ("plot", params.evaluate.plot))}
    extracted = project_path(params.extract.out_dir)
    groups = {"seeds": (params.gold.seeds, extracted)}
    if any(project_path(d).is_dir() for d in params.corpus.extra_dirs):
        groups["extra"] = (params.gold.extra, extracted / "extra")
    results, errors, plot = {}, [], []
    for group, (gold_file, folder) in groups.items():
        predictions = _predictions(folder)
        try:
            notices = read_gold(project_path(gold_file))
        except GoldError as err:
            raise PrivexError(str(err)) from None
        missing = [n.id for n in notices if n.id not in predictions]
        if missing:
            raise PrivexError(f"no extraction for gold notices {', '.join(missing)} in {display(str(folder))}")
        scores, group_errors = score(
            [(n.id, n.text, n.spans, predictions[n.id], n.regions) for n in notices], params.evaluate.context_chars
        )
        scores["notices"] = len(notices)
        results[group] = scores
        errors += [{"group": group, **e} for e in group_errors]
        plot += [
            {"label": f"{group}/{label}", "exact_f1": scores[label]["exact_f1"],
             "overlap_f1": scores[label]["overlap_f1"]}
            for label in (*LABELS, "micro")
        ]
    for key, text in (
        ("scores", json.dumps(results, indent=1) + "\n"),
        ("errors", "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)),
        ("plot", json.dumps(plot, indent=1) + "\n"),
    ):
        targets[key].parent.mkdir(parents=True, exist_ok=True)
        write_atomic(targets[key], text)
    return results


def _records(folder: Path) -> list[dict]:
    """The extraction records of a folder (``*.json``), sorted by name."""
    records = []
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            ok = (isinstance(record, dict) and isinstance(record.get("id"), str) and isinstance(record.get("text"), str)
                  and isinstance(record.get("spans"), list))
        except (OSError, ValueError) as err:
            raise PrivexError(f"{display(str(path))}: not an extraction ({one_line(err)}); run the extract stage again") from None
        if not ok:
            raise PrivexError(f"{display(str(path))}: not an extraction (id, text, spans); run the extract stage again")
        records.append(record)
    return records


def stage_report(params: Params) -> dict[str, int]:
    """An HTML page per extracted notice and an index across them, in ``report.out_dir``: the corpus
    notices, and the extra notices under ``extra/`` when their folder exists (the report folder is
    a DVC output, never committed: its pages hold the notices' text)."""
    from pipeline.report.html import write_pages
    from pipeline.report.versions import finder

    out = owned_folder(params, "report.out_dir", params.report.out_dir, ".html")
    extracted = project_path(params.extract.out_dir)
    groups = [("", _records(extracted))]
    if any(project_path(d).is_dir() for d in params.corpus.extra_dirs):
        groups.append(("extra", _records(extracted / "extra")))
    write_pages(out, groups, versions_of=finder(params.report.versions_repeated, params.report.versions_share))
    return {"corpus" if not sub else sub: len(records) for sub, records in groups}
