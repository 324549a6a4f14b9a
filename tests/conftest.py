from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import PROJECT_ROOT, default_params, project_path

SEEDS = sorted(project_path(default_params().corpus.dir).glob("*.txt"))


@pytest.fixture(scope="session")
def root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def params():
    return default_params()


@pytest.fixture(scope="session")
def nlp(params):
    """The full pipeline, assembled in memory once for the whole session."""
    from pipeline.nlp import assemble

    return assemble(params.build)


def seed_text(name: str) -> str:
    return project_path(default_params().corpus.dir).joinpath(f"{name}.txt").read_text(encoding="utf-8")
