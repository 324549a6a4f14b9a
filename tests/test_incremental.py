"""The extract stage: a stopped run leaves only whole outputs, and the next run redoes only the rest."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from pipeline.bench import vary
from conftest import SEEDS

pytestmark = pytest.mark.slow

REPORT = re.compile(r"(\d+) notices extracted, (\d+) taken from the cache")


def _project(tmp_path: Path, root: Path, notices: int) -> Path:
    """A project folder whose corpus is ``notices`` varied copies of the corpus notices."""
    project = tmp_path / "project"
    corpus = project / "corpus"
    corpus.mkdir(parents=True)
    rng = random.Random(7)
    for i in range(notices):
        source = SEEDS[i % len(SEEDS)]
        (corpus / f"{source.stem}-{i}.txt").write_text(vary(source.read_text(encoding="utf-8"), rng), encoding="utf-8")
    settings = yaml.safe_load((root / "params.yaml").read_text(encoding="utf-8"))
    settings["corpus"]["extra_dirs"] = []
    settings["build"]["model_dir"] = str(root / settings["build"]["model_dir"])  # built there, or assembled
    settings["extract"].update(batch_size=1, n_process=1)
    (project / "params.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    (project / "dvc.yaml").write_text("stages: {}\n", encoding="utf-8")
    return project


def _stage(project: Path) -> tuple[int, int]:
    run = subprocess.run([sys.executable, "-m", "pipeline", "stage", "extract"], cwd=project,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    extracted, cached = REPORT.search(run.stderr).groups()
    return int(extracted), int(cached)


def _outputs(project: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (project / "data" / "extract").glob("*.json")}


def test_a_killed_run_leaves_whole_outputs_and_the_next_redoes_the_rest(root, tmp_path):
    project = _project(tmp_path, root, notices=6)
    out = project / "data" / "extract"
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "stage", "extract"], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while not list(out.glob("*.json")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = _outputs(project)  # every file there parses: none is half-written
    assert finished, "the run was killed before any notice was done"
    corpus = project / "corpus"
    for name, record in finished.items():
        assert record["text"] == (corpus / f"{name}.txt").read_text(encoding="utf-8")

    extracted, cached = _stage(project)
    assert cached == len(finished) and extracted == 6 - len(finished)
    complete = _outputs(project)
    assert sorted(complete) == sorted(p.stem for p in corpus.glob("*.txt"))
    for name, record in finished.items():
        assert complete[name] == record

    # one notice changed: only it is extracted again
    changed = sorted(corpus.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nVos données sont conservées 4 ans.\n", encoding="utf-8")
    assert _stage(project) == (1, 5)
    assert any(s["label"] == "DURATION" and s["text"] == "4 ans" for s in _outputs(project)[changed.stem]["spans"])

    # a param that reaches extraction changed: everything is extracted again
    settings = yaml.safe_load((project / "params.yaml").read_text(encoding="utf-8"))
    settings["extract"]["chunk_chars"] = 40000
    (project / "params.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    assert _stage(project) == (6, 0)
    cache = project / "data" / "cache" / "extract"
    assert len(list(cache.iterdir())) == 1 and len(list(cache.glob("*/*.json"))) == 6  # old entries pruned
