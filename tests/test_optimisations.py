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

    assert params.build.ner == "sharing_sentences" and "ner" in nlp.disabled
    whole = assemble(params.build.model_copy(update={"ner": "whole_doc"}), params.components)
    assert "ner" in whole.pipe_names
    for gold_file in _gold_files(params):
        assert _scores(nlp, params, gold_file) == _scores(whole, params, gold_file), gold_file.name


def test_the_saved_model_scores_as_the_one_assembled_in_memory(nlp, params, tmp_path):
    """The saved model, loaded by plain ``spacy.load`` and by ``pipeline.nlp.load`` with every
    start-up speed-up (kept pattern, packed lookups, kept tokens), analyses and scores as the one
    assembled in memory."""
    import spacy

    from pipeline.nlp import PACKED_DIR, TOKENS_DIR, build, load
    from pipeline.packed import PackedLookups

    assert params.build.prune_strings
    path = build(params.build, tmp_path / "model")
    assert list((path / PACKED_DIR).glob("*.pack")) and list((path / TOKENS_DIR).glob("*.json"))
    plain, fast = spacy.load(path), load(path, params.build)
    assert isinstance(fast.get_pipe("lemmatizer").lookups, PackedLookups)
    assert not isinstance(plain.get_pipe("lemmatizer").lookups, PackedLookups)
    assert len(plain.vocab.strings) < len(nlp.vocab.strings) / 10  # the base vocabulary's strings left out
    for gold_file in _gold_files(params):
        in_memory = _scores(nlp, params, gold_file)
        assert in_memory == _scores(plain, params, gold_file) == _scores(fast, params, gold_file), gold_file.name
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert _analysis(fast(text)) == _analysis(plain(text)) == _analysis(nlp(text)), seed.name


def _analysis(doc) -> list[tuple]:
    """Every token's analysis and every span the components found."""
    tokens = [(t.text, t.norm_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_stop) for t in doc]
    return tokens + [(s.start, s.end, s.label_, s._.category) for s in doc.spans.get(SPAN_KEY, [])]


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


def test_packed_tables_read_as_the_tables_they_were_packed_from(tmp_path):
    from spacy.lookups import Lookups, Table

    from pipeline.packed import PACK_MIN, IndexedList, PackedLookups, pack_lookups, read_packed

    words = [f"mot{i}" for i in range(PACK_MIN + 5)]
    saved = Lookups()
    saved.add_table("lemma_lookup", {w: [w.upper()] for w in words})  # large: packed whole
    saved.add_table("lemma_exc", {"noun": {w: [w + "s"] for w in words}, "verb": {"été": ["être"]}})
    saved.add_table("lemma_index", {"noun": words, "adj": ["grand"]})
    saved.add_table("lemma_rules", {"noun": [["s", ""]]})
    data = saved.to_bytes()
    standard = Lookups().from_bytes(data)
    assert not read_packed(Lookups(), data, tmp_path)  # nothing packed yet
    pack_lookups(data, tmp_path)
    packed = Lookups()
    assert read_packed(packed, data, tmp_path) and isinstance(packed, PackedLookups)
    assert packed.tables == standard.tables

    lookup, plain = packed.get_table("lemma_lookup"), standard.get_table("lemma_lookup")
    assert len(lookup) == len(plain) and sorted(lookup.items()) == sorted(plain.items())
    for key in ("mot0", "mot7", words[-1], "absent", "", 12345):
        assert lookup.get(key, "default") == plain.get(key, "default")
        assert (key in lookup) == (key in plain)
    with pytest.raises(KeyError):
        lookup["absent"]
    with pytest.raises(TypeError):
        lookup["nouveau"] = ["x"]

    exc, plain_exc = packed.get_table("lemma_exc"), standard.get_table("lemma_exc")
    for pos in ("noun", "verb", "adv"):
        a, b = exc.get(pos, {}), plain_exc.get(pos, {})
        for word in ("mot3", "été", "absent"):
            assert a.get(word, []) == b.get(word, []) and (word in a) == (word in b)
    index = packed.get_table("lemma_index").get("noun")
    assert isinstance(index, IndexedList) and index == words
    assert "mot9" in index and "absent" not in index and ["mot9"] not in index

    assert packed.to_bytes() == data  # saved as it was read
    assert sorted(Table().from_bytes(lookup.to_bytes()).items()) == sorted(plain.items())
    packed.remove_table("lemma_rules")
    packed.add_table("extra", {"a": 1})
    again = Lookups().from_bytes(packed.to_bytes())
    assert again.tables == ["lemma_lookup", "lemma_exc", "lemma_index", "extra"]
    for name in ("lemma_lookup", "lemma_exc", "lemma_index"):
        assert dict(again.get_table(name).items()) == dict(standard.get_table(name).items())

    other = Lookups()
    other.add_table("lemma_lookup", {"autre": ["autre"]})
    assert not read_packed(Lookups(), other.to_bytes(), tmp_path)  # packed from other bytes: not used
    for entry in tmp_path.glob("*.pack"):
        entry.write_bytes(b"\x00damaged")
    assert not read_packed(Lookups(), data, tmp_path)


def test_indexed_lists_pack_as_lists():
    import srsly

    from pipeline.packed import PACK_MIN, indexed_table

    words = [f"w{i}" for i in range(PACK_MIN)]
    table = indexed_table({"noun": words, "adj": ["petit"], "mixed": words + [["non", "hachable"]]})
    assert type(table["adj"]) is list and type(table["mixed"]) is list and table["noun"] == words
    assert type(table["noun"]) is not list and "w3" in table["noun"] and "w3" in table["mixed"]
    assert srsly.msgpack_loads(srsly.msgpack_dumps(table)) == {"noun": words, "adj": ["petit"], "mixed": table["mixed"]}


def test_registries_listed_once_until_a_function_is_registered():
    import catalogue

    from pipeline.speedups import listed_registries

    registry = catalogue.create("privex_test", "listed", entry_points=False)
    registry.register("first", func=len)
    with listed_registries():
        assert registry.get_all() == {"first": len}
        registry.register("second", func=min)
        assert registry.get_all() == {"first": len, "second": min}
        listed = registry.get_all()
        listed.clear()  # callers get their own copy
        assert registry.get_all() == {"first": len, "second": min}
    assert catalogue.Registry.get_all.__name__ == "get_all"
    assert registry.get_all() == {"first": len, "second": min}


def test_kept_tokens_give_the_tokenizer_words(nlp, tmp_path):
    from pipeline.speedups import keep_tokens, kept_tokens, recorded_tokens, tokenize

    texts = ["adresse e-mail", "numéro d’identification", "c'est-à-dire", "données (IP)", "l'hébergeur"]
    with recorded_tokens() as record:
        tokenize(nlp, texts)
    assert keep_tokens(record, tmp_path) == len(texts)
    standard = [[t.text for t in nlp.tokenizer(text)] for text in texts]
    with kept_tokens(tmp_path):
        kept = tokenize(nlp, texts + ["non gardé"])
    assert [[t.text for t in doc] for doc in kept] == standard + [["non", "gardé"]]
    assert [[t.lower_ for t in doc] for doc in kept[:-1]] == [[t.lower_ for t in nlp.tokenizer(x)] for x in texts]
    for entry in tmp_path.glob("*.json"):  # words kept for another tokenizer are never used
        entry.rename(tmp_path / "0000.json")
    with kept_tokens(tmp_path):
        assert [[t.text for t in doc] for doc in tokenize(nlp, texts)] == standard
