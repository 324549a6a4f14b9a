"""Every speed-up keeps the accuracy on the gold set, to the third decimal."""

from __future__ import annotations

import pytest

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

    assert params.build.ner == "sharing_sentences" and "ner" in nlp.disabled
    whole = assemble(params.build.model_copy(update={"ner": "whole_doc"}))
    assert "ner" in whole.pipe_names
    for gold_file in _gold_files(params):
        assert _scores(nlp, params, gold_file) == _scores(whole, params, gold_file), gold_file.name


def test_the_saved_model_scores_as_the_one_assembled_in_memory(nlp, params, tmp_path):
    import spacy

    from pipeline.nlp import build

    assert params.build.prune_strings
    saved = spacy.load(build(params.build, tmp_path / "model"))
    assert len(saved.vocab.strings) < len(nlp.vocab.strings) / 10  # the base vocabulary's strings left out
    for gold_file in _gold_files(params):
        assert _scores(nlp, params, gold_file) == _scores(saved, params, gold_file), gold_file.name
    text = seed_text("belfius-web-commercial")
    assert _analysis(saved(text)) == _analysis(nlp(text))


def _analysis(doc) -> list[tuple]:
    """Every token's analysis and every span the components found."""
    tokens = [(t.text, t.norm_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_stop) for t in doc]
    return tokens + [(s.start, s.end, s.label_, s._.category) for s in doc.spans.get("privacy", [])]


def test_the_tokenizer_pattern_kept_with_the_model_matches_as_compiled(nlp, tmp_path):
    import re

    from pipeline.nlp import REGEX_DIR, tokenizer_patterns
    from pipeline.speedups import BIG_PATTERN, keep_patterns, kept_patterns

    patterns = [p for p in tokenizer_patterns(nlp) if len(p) >= BIG_PATTERN]
    assert patterns, "the French tokenizer has a large hyphen pattern"
    folder = tmp_path / REGEX_DIR
    assert keep_patterns(patterns, folder) == len(patterns)
    words = {w for p in SEEDS for w in p.read_text(encoding="utf-8").split()}
    words |= {"peut-être", "c'est-à-dire", "arc-en-ciel", "entr'ouvert", "grand'mère", "vis-à-vis", "e-mail"}
    for pattern in patterns:
        standard = re._compiler.compile(pattern, 0)
        with kept_patterns(folder):
            kept = re._compiler.compile(pattern, 0)
        assert kept is not standard and kept.pattern == standard.pattern
        assert [w for w in words if kept.match(w)] == [w for w in words if standard.match(w)]
        assert any(standard.match(w) for w in words)
    for entry in folder.glob("*.code"):
        entry.write_bytes(b"\x00\x01")  # damaged: compiled as usual
    with kept_patterns(folder):
        again = re._compiler.compile(patterns[0], 0)
    assert [w for w in words if again.match(w)] == [w for w in words if re.compile(patterns[0]).match(w)]


def test_quick_lookups_load_the_same_tables(root):
    from spacy.lookups import Lookups

    from pipeline.speedups import quick_lookups

    saved = Lookups()
    saved.add_table("lemma_lookup", {"données": "donnée", "collectées": "collecter"})
    saved.add_table("lemma_rules", {"noun": [["s", ""]]})
    data = saved.to_bytes()
    standard = Lookups().from_bytes(data)
    with quick_lookups():
        quick = Lookups().from_bytes(data)
    assert Lookups.from_bytes is not None and quick.tables == standard.tables
    for name in standard.tables:
        a, b = standard.get_table(name), quick.get_table(name)
        assert list(a.items()) == list(b.items()) and a.name == b.name
        assert all(key in b for key in a) and "absent" not in b
    assert quick.get_table("lemma_lookup").get("collectées") == "collecter"
