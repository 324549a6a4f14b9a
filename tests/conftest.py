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

    return assemble(params.build, params.components)


def seed_text(name: str) -> str:
    return project_path(default_params().corpus.dir).joinpath(f"{name}.txt").read_text(encoding="utf-8")


def found(nlp, text: str, label: str) -> list[tuple]:
    """The ``label`` spans the pipeline finds in ``text``: (start, end, value, bound) for DURATION,
    (start, end, category) for the other labels."""
    from pipeline.components import SPAN_KEY

    doc = nlp(text)  # a span group needs its Doc alive
    rows = []
    for span in doc.spans.get(SPAN_KEY, []):
        if span.label_ == label:
            if label == "DURATION":
                value = (span._.retention.iso, span._.retention.bound)
            elif label == "LEGAL_BASIS":
                value = (span._.legal_basis.value,)
            else:
                value = (span._.category,)
            rows.append((span.start_char, span.end_char, *value))
    return rows


def expected(markup: str, label: str) -> tuple[str, list[tuple]]:
    """A sentence written in the gold markup: its plain text and its ``label`` spans, shaped as :func:`found`."""
    from pipeline.gold.markup import parse

    text, spans = parse(markup)
    def value(s: dict) -> tuple:
        if label == "DURATION":
            return s["value"], s["bound"]
        return (s["value"],) if label == "LEGAL_BASIS" else (s["category"],)

    rows = [(s["start"], s["end"], *value(s)) for s in spans if s["label"] == label]
    return text, rows
