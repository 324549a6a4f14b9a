"""The learning curve: training notices -> dev F1 of the model alone.

``python -m pipeline.train.curve --sizes 12 24 36 --seeds 0 --work DIR`` trains the span model
(``train.config``, ``train.max_epochs``) on ``N`` training notices drawn with each seed from those
of ``train.gold`` (the ``gold.dev`` notices apart, the extra notices never), scores the model alone
on the dev notices, and adds a row per point to ``metrics/learning-curve.json`` (a DVC plot of
``dvc.yaml``). Each point is a training of minutes: it is a script run by hand, not a stage.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from pipeline.config import default_params, project_path

Row = dict


def point(params, size: int, seed: int, work: Path, say=lambda m: print(m, file=sys.stderr)) -> Row:
    import spacy

    from pipeline.train import split, train_model
    from pipeline.train.explore import explore

    train, dev = split(params, say)
    ids = sorted(n.id for n in train)
    random.Random(seed).shuffle(ids)
    keep = set(ids[:size])
    folder = work / f"n{size}-s{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    # a gold file of the drawn notices and the dev notices, in the project's format (text inline)
    gold = folder / "gold.jsonl"
    with gold.open("w", encoding="utf-8") as out:
        for n in [*(n for n in train if n.id in keep), *dev]:
            record = {"id": n.id, "text": n.text, "spans": n.spans}
            if n.regions:
                record["regions"] = [list(r) for r in n.regions]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    settings = params.train.model_copy(update={
        "gold": (str(gold),), "seed": seed, "out_dir": str(folder / "model"), "work_dir": str(folder / "work"),
    })
    summary = train_model(params.model_copy(update={"train": settings}), say)
    nlp = spacy.load(folder / "work" / "output" / "model-best")
    scores = explore(nlp, {}, dev, params, policies=("model",))["policies"]["model"]
    gold.unlink()  # it holds the notices' text
    return {
        "train_notices": len(summary["train_notices"]), "seed": seed,
        "dev_overlap_f1": scores["micro"]["overlap_f1"], "dev_exact_f1": scores["micro"]["exact_f1"],
        **{f"dev_{label}_overlap_f1": scores[label]["overlap_f1"] for label in scores if label != "micro"},
        "wall_minutes": summary["wall_minutes"],
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.train.curve", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", required=True)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--work", type=Path, required=True, help="where the trainings go (outside the project)")
    parser.add_argument("--out", type=Path, default=Path("metrics/learning-curve.json"))
    args = parser.parse_args(argv)
    params = default_params()
    out = project_path(str(args.out))
    rows = json.loads(out.read_text(encoding="utf-8")) if out.exists() else []
    for size in args.sizes:
        for seed in args.seeds:
            row = point(params, size, seed, args.work)
            rows = [r for r in rows if (r["train_notices"], r["seed"]) != (row["train_notices"], seed)] + [row]
            rows.sort(key=lambda r: (r["train_notices"], r["seed"]))
            out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
            print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
