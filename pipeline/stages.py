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


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
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
        _write_atomic(folder / path.name, clean(raw, params.clean).text + "\n")
        counts[group] += 1
    return counts


def stage_build(params: Params) -> Path:
    from pipeline.nlp import build

    return build(params.build)


def stage_extract(params: Params) -> dict:
    """One JSON per notice, in the contract's format, offsets into the raw text."""
    from pipeline.extract import extract
    from pipeline.nlp import load
    from pipeline.notices import Notice

    out = _fresh_dir(project_path(params.extract.out_dir))
    files = corpus_files(params)
    notices = [Notice(p.stem, p.read_text(encoding="utf-8"), str(p)) for _, p in files]
    groups = {p.stem: g for g, p in files}
    nlp = load(None, params.build)
    errors: list[str] = []
    counts: dict[str, dict[str, int]] = {}
    for record in extract(nlp, notices, params, lambda e: errors.append(str(e))):
        group = groups[record["id"]]
        folder = out if group == "corpus" else out / group
        folder.mkdir(exist_ok=True)
        _write_atomic(folder / f"{record['id']}.json", json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        per_label = counts.setdefault(record["id"], {})
        for span in record["spans"]:
            per_label[span["label"]] = per_label.get(span["label"], 0) + 1
    for error in errors:
        print(f"privex: {error}", file=sys.stderr)
    if errors:
        raise SystemExit(1)
    return counts
