"""The DVC stages, as plain functions over ``params.yaml``.

Each stage reads only the params sections that ``dvc.yaml`` lists for it.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from pipeline.config import Params, project_path
from pipeline.taxonomy import LABELS


def corpus_files(params: Params) -> list[tuple[str, Path]]:
    """(group, file) for every notice: the corpus, then each extra folder that exists."""
    files = [("corpus", p) for p in sorted(project_path(params.corpus.dir).glob("*.txt"))]
    for extra in params.corpus.extra_dirs:
        folder = project_path(extra)
        if folder.is_dir():
            files += [("extra", p) for p in sorted(folder.glob("*.txt"))]
    return files


def _fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` whole or not at all: to a temporary file, then renamed over ``path``."""
    tmp = path.with_name(path.name + ".tmp")
    if isinstance(content, bytes):
        tmp.write_bytes(content)
    else:
        tmp.write_text(content, encoding="utf-8")
    os.replace(tmp, path)


def stage_clean(params: Params) -> dict:
    """Write the clean text of every notice, for a person to read."""
    from pipeline.clean import clean

    out = _fresh_dir(project_path(params.corpus.clean_dir))
    counts = {"corpus": 0, "extra": 0}
    for group, path in corpus_files(params):
        folder = out if group == "corpus" else out / group
        folder.mkdir(exist_ok=True)
        raw = path.read_text(encoding="utf-8")
        write_atomic(folder / path.name, clean(raw, params.clean).text + "\n")
        counts[group] += 1
    return counts


def stage_build(params: Params) -> Path:
    from pipeline.nlp import build

    return build(params.build)


def stage_extract(params: Params) -> dict:
    """One JSON per notice, in the contract's format, offsets into the raw text.

    Notices whose raw text is in the per-notice cache (same model, code and
    params) are not extracted again. Each output is written whole as soon
    as its notice is done: a run that is stopped leaves only finished
    notices, and the next run takes them from the cache.
    """
    from functools import partial

    from pipeline.cache import SpanCache, fingerprint
    from pipeline.extract import extract_parallel
    from pipeline.nlp import load_or_fail
    from pipeline.notices import read_each

    out = _fresh_dir(project_path(params.extract.out_dir))
    files = corpus_files(params)
    groups = {p.stem: g for g, p in files}
    errors: list[str] = []

    notices = read_each(
        ((str(path), path) for _, path in files), params.extract.max_bytes, lambda w: print(f"privex: {w}", file=sys.stderr)
    )
    model_dir = project_path(params.build.model_dir)
    cache = SpanCache(project_path(params.extract.cache_dir), fingerprint(params, model_dir))
    load_nlp = partial(load_or_fail, None, params.build)
    counts: dict[str, dict[str, int]] = {}
    processes = min(params.extract.n_process, len(files))
    records = extract_parallel(load_nlp, notices, params, lambda e: errors.append(str(e)), processes=processes, cache=cache)
    for record in records:
        group = groups[record["id"]]
        folder = out if group == "corpus" else out / group
        folder.mkdir(exist_ok=True)
        write_atomic(folder / f"{record['id']}.json", json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        per_label = counts.setdefault(record["id"], {})
        for span in record["spans"]:
            per_label[span["label"]] = per_label.get(span["label"], 0) + 1
    for error in errors:
        print(f"privex: {error}", file=sys.stderr)
    print(f"privex: {cache.misses} notices extracted, {cache.hits} taken from the cache", file=sys.stderr)
    if errors:
        raise SystemExit(1)
    cache.prune()
    return counts


def _predictions(folder: Path) -> dict[str, list[dict]]:
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))["spans"] for p in sorted(folder.glob("*.json"))
    }


def stage_evaluate(params: Params) -> dict:
    """Score the extractions against the gold set: seeds always, extra notices when present.

    Writes the scores (``metrics:``), every error with its context, and the
    per-label figures for ``plots:``.
    """
    from pipeline.evaluate import score
    from pipeline.gold.io import read_gold

    extracted = project_path(params.extract.out_dir)
    groups = {"seeds": (params.gold.seeds, extracted)}
    if any(project_path(d).is_dir() for d in params.corpus.extra_dirs):
        groups["extra"] = (params.gold.extra, extracted / "extra")
    results, errors, plot = {}, [], []
    for group, (gold_file, folder) in groups.items():
        predictions = _predictions(folder)
        notices = read_gold(project_path(gold_file))
        missing = [n.id for n in notices if n.id not in predictions]
        if missing:
            raise SystemExit(f"privex: no extraction for gold notices {', '.join(missing)} in {folder}")
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
    for path, text in (
        (params.evaluate.scores, json.dumps(results, indent=1) + "\n"),
        (params.evaluate.errors, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)),
        (params.evaluate.plot, json.dumps(plot, indent=1) + "\n"),
    ):
        target = project_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
    return results
