"""Build the gold JSONL files from the inline markup, and back.

``python -m pipeline.gold.build`` writes ``gold/seeds.jsonl`` (text inline)
from ``gold/markup/*.ann.txt`` and, when ``gold/markup/extra/`` holds
markup, ``gold/extra.jsonl`` (stand-off: ``source`` + ``sha256``, the text
is never committed). ``python -m pipeline.gold.build render-extra``
rebuilds ``gold/markup/extra/`` from ``gold/extra.jsonl`` and the sources.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from pipeline.config import PROJECT_ROOT, Params, default_params, project_path
from pipeline.gold.io import GoldError, read_gold, sha256
from pipeline.gold.markup import MarkupError, check, render
from pipeline.io import write_atomic

SUFFIX = ".ann.txt"


def _relative(path: Path) -> str:
    return os.path.relpath(path.resolve(), PROJECT_ROOT)


def _write_jsonl(path: Path, records: list[dict]) -> None:
    write_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def _raw_for(name: str, folders: list[Path]) -> Path:
    for folder in folders:
        candidate = folder / f"{name}.txt"
        if candidate.is_file():
            return candidate
    raise MarkupError(f"no raw notice {name}.txt in {', '.join(map(str, folders))}")


def build(params: Params) -> dict[str, int]:
    markup_dir = project_path(params.gold.markup_dir)
    counts = {}
    seeds = []
    for markup in sorted(markup_dir.glob(f"*{SUFFIX}")):
        name = markup.name[: -len(SUFFIX)]
        raw = _raw_for(name, [project_path(params.corpus.dir)])
        spans = check(markup, raw)
        seeds.append({"id": name, "text": raw.read_text(encoding="utf-8"), "spans": spans})
    _write_jsonl(project_path(params.gold.seeds), seeds)
    counts["seeds"] = len(seeds)
    extra_markup = sorted((markup_dir / "extra").glob(f"*{SUFFIX}"))
    if extra_markup:
        folders = [project_path(d) for d in params.corpus.extra_dirs]
        extra = []
        for markup in extra_markup:
            name = markup.name[: -len(SUFFIX)]
            raw = _raw_for(name, folders)
            spans = check(markup, raw)
            extra.append({"id": name, "source": _relative(raw), "sha256": sha256(raw.read_bytes()), "spans": spans})
        _write_jsonl(project_path(params.gold.extra), extra)
        counts["extra"] = len(extra)
    return counts


def render_extra(params: Params) -> int:
    out = project_path(params.gold.markup_dir) / "extra"
    out.mkdir(parents=True, exist_ok=True)
    notices = read_gold(project_path(params.gold.extra))
    for notice in notices:
        (out / f"{notice.id}{SUFFIX}").write_text(render(notice.text, notice.spans), encoding="utf-8")
    return len(notices)


def main(argv: list[str]) -> int:
    params = default_params()
    try:
        if argv == ["render-extra"]:
            print(f"rendered {render_extra(params)} extra notices into {params.gold.markup_dir}/extra/")
        elif not argv:
            counts = build(params)
            print("built gold: " + ", ".join(f"{k}={v} notices" for k, v in counts.items()))
        else:
            print("usage: python -m pipeline.gold.build [render-extra]", file=sys.stderr)
            return 2
    except (MarkupError, GoldError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
