"""Issue 13, item 2: what holds for every ``DURATION`` span the pipeline finds in real notices.

- A span whose words hold a number of days, weeks, months, years, hours or
  minutes never has ``value: null``.
- ``after`` is words of the span: a run of its whole words, as the pipeline
  reads them (the markup a raw span may hold, ``<br>``, ``**``, a link's
  address, odd spaces, aside) or as the raw span writes them (white space
  aside: the annotators read the raw text).

Checked on the gold spans themselves, and on the predictions for every gold notice (the corpus, the extra
notices when their folder is there, the training notices when
``gold/train.jsonl`` exists) and every corpus notice. Only the retention
component makes ``DURATION`` spans, so it runs alone on ``spacy.blank("fr")``
after the cleaner, as in a run. A failure names the notice and the offsets,
never the text: the extra notices are evaluation-only.
"""

from __future__ import annotations

import json
import re

import pytest
import spacy

from pipeline.clean import clean
from pipeline.config import default_params, project_path
from pipeline.extract import extract
from pipeline.gold.io import GoldError, read_gold
from pipeline.notices import Notice

PARAMS = default_params()
GOLD_FILES = {"seeds": PARAMS.gold.seeds, "extra": PARAMS.gold.extra, "train": PARAMS.gold.train}

# Written here, apart from the component's patterns: a number in digits or words, then a unit of time.
NUMBER = (
    r"\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    r"|dix-sept|dix-huit|dix-neuf|vingt|trente|quarante|cinquante|soixante|cent"
)
UNIT = r"ans?|années?|mois|semaines?|jours?|heures?|h|minutes?|min"
AMOUNT = re.compile(rf"(?<![\w.,])(?:{NUMBER})(?:\s*\(\d+\))?\s*(?:{UNIT})(?![\w])", re.IGNORECASE)


@pytest.fixture(scope="module")
def retention():
    import pipeline.components.retention.factory  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("privacy_retention")
    return nlp


def words(text: str) -> str:
    """A raw span's words as the pipeline reads them: cleaned (markup, links, odd spaces, entities),
    runs of white space as one space."""
    return " ".join(clean(text, PARAMS.clean).text.split())


def broken(record: dict) -> list[tuple]:
    """(notice, start, end, what) for every DURATION span of a record that breaks an invariant."""
    out = []
    for span in record["spans"]:
        if span["label"] != "DURATION":
            continue
        text = words(span["text"])
        if span["value"] is None and AMOUNT.search(text):
            out.append((record["id"], span["start"], span["end"], "value null with a number of time units"))
        after = span.get("after")
        written = " ".join(span["text"].split())  # as an annotator reads the raw span (markup kept)
        if after is not None and not any(re.search(rf"(?<![\w]){re.escape(after)}(?![\w])", t) for t in (text, written)):
            out.append((record["id"], span["start"], span["end"], "after is not whole words of the span"))
    return out


def predictions(nlp, notices: list[Notice]) -> list[dict]:
    return list(extract(nlp, notices, PARAMS, lambda err: pytest.fail(str(err))))


@pytest.mark.parametrize("group", sorted(GOLD_FILES))
def test_retention_invariants_on_every_gold_notice(retention, group):
    path = project_path(GOLD_FILES[group])
    if not path.is_file():
        pytest.skip(f"{path.name} does not exist yet")
    try:
        gold = read_gold(path)
    except GoldError as err:  # a stand-off notice whose folder is not on this machine
        pytest.skip(str(err))
    records = predictions(retention, [Notice(n.id, n.text, n.id) for n in gold])
    assert [r["id"] for r in records] == [n.id for n in gold]
    assert [problem for record in records for problem in broken(record)] == []


def test_retention_invariants_on_every_corpus_notice(retention):
    paths = sorted(project_path(PARAMS.corpus.dir).glob("*.txt"))
    assert paths
    records = predictions(retention, [Notice(p.stem, p.read_text(encoding="utf-8"), str(p)) for p in paths])
    assert [problem for record in records for problem in broken(record)] == []


@pytest.mark.parametrize("group", sorted(GOLD_FILES))
def test_retention_invariants_hold_for_the_gold_spans_themselves(group):
    """The annotators follow the same decisions (gold/README.md, ``after``): the gold's own spans,
    read from the stand-off file alone (no notice text needed)."""
    path = project_path(GOLD_FILES[group])
    if not path.is_file():
        pytest.skip(f"{path.name} does not exist yet")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert records
    assert [problem for record in records for problem in broken(record)] == []


@pytest.mark.parametrize(
    "span, problem",
    [
        ({"text": "durée de 36 mois", "value": None, "after": None}, "value null with a number of time units"),
        ({"text": "trois (3) ans", "value": None, "after": None}, "value null with a number of time units"),
        ({"text": "3 ans à compter de leur collecte", "value": "P3Y", "after": "ur collecte"}, "after is not whole words of the span"),
        ({"text": "tant que le compte est actif", "value": None, "after": "compte actif"}, "after is not whole words of the span"),
    ],
)
def test_retention_invariants_catch_what_they_are_for(span, problem):
    record = {"id": "made-up", "spans": [{"label": "DURATION", "start": 0, "end": len(span["text"]), **span}]}
    assert broken(record) == [("made-up", 0, len(span["text"]), problem)]


@pytest.mark.parametrize(
    "text, after",
    [("Durée de l’adhésion à <br>l’offre", "adhésion à l’offre"), ("3 ans après la\u200bclôture", "clôture"),
     ("tant que les **Données de compte** existent", "Données de compte existent")],
)
def test_retention_invariants_allow_markup_in_a_raw_span(text, after):
    span = {"label": "DURATION", "start": 0, "end": len(text), "text": text, "value": "P3Y", "after": after}
    assert broken({"id": "made-up", "spans": [span]}) == []
