"""Training the span model on the gold set with spaCy's own training loop.

``train_model`` writes the gold notices named by ``train.gold`` in
``params.yaml`` as DocBins (the ``gold.dev`` notices apart, the extra
notices never), runs ``spacy train`` on ``train.config`` with a fixed
seed, and keeps only what the project needs: the trained component's
folder and its config, a few MB, in ``train.out_dir``. ``nlp.build`` sources
it into the saved pipeline.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Callable

from pipeline.config import Params, project_path
from pipeline.io import PrivexError


class TrainError(PrivexError):
    """Training cannot run; the message is one line for the user."""


def split(params: Params, warn: Callable[[str], None]):
    """(train notices, dev notices) from the gold files ``train.gold`` names."""
    from pipeline.train.corpus import read_notices

    notices = read_notices([project_path(g) for g in params.train.gold], warn)
    dev_ids = set(params.gold.dev)
    train = [n for n in notices if n.id not in dev_ids]
    dev = [n for n in notices if n.id in dev_ids]
    return train, dev


def train_model(params: Params, warn: Callable[[str], None] = lambda m: print(f"privex: {m}", file=sys.stderr)) -> dict:
    """Train the span model; return what was trained on and the dev scores spaCy measured."""
    import spacy
    from spacy.cli.train import train as spacy_train

    from pipeline.train.corpus import docbin

    settings = params.train
    train, dev = split(params, warn)
    if not train:
        raise TrainError("no gold notice to train on (train.gold in params.yaml)")
    if not dev:
        warn("no dev notice is annotated yet: spaCy scores the model on its training notices")
        dev = train
    work = project_path(settings.work_dir)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    nlp = spacy.blank("fr")
    for name, notices in (("train", train), ("dev", dev)):
        docbin(nlp, notices, params.clean, settings.piece_chars, settings.ent_labels).to_disk(work / f"{name}.spacy")
    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "system.seed": settings.seed,
        "training.max_epochs": settings.max_epochs,
        "training.max_steps": settings.max_steps,
    }
    load_before = os.getloadavg()
    started = time.monotonic()
    spacy_train(project_path(settings.config), work / "output", overrides=overrides)
    wall = time.monotonic() - started
    best = work / "output" / "model-best"
    out = project_path(settings.out_dir)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copytree(best / settings.component, out / settings.component)
    shutil.copy(best / "config.cfg", out / "config.cfg")
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    summary = {
        "component": settings.component,
        "labels": meta.get("labels", {}).get(settings.component, []),
        "train_notices": sorted(n.id for n in train),
        "dev_notices": sorted(n.id for n in dev) if dev is not train else [],
        "seed": settings.seed,
        "spacy_dev_scores": {k: v for k, v in meta.get("performance", {}).items() if k.startswith("ents")},
        "max_epochs": settings.max_epochs,
        "max_steps": settings.max_steps,
        # the machine is shared: the wall time means little without the load it ran under
        "wall_minutes": round(wall / 60, 2),
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "cpus": os.cpu_count(),
        "size_mb": round(sum(f.stat().st_size for f in (out / settings.component).rglob("*") if f.is_file()) / 1e6, 2),
    }
    (out / "training.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary

