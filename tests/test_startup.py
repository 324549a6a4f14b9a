"""The start-up work (``pipeline.startup``): the same results, and a plain ``spacy.load`` gets it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from spacy.lookups import Lookups, Table

from pipeline.startup import (
    BIG_PATTERN,
    KEEPS_CODE,
    LANG,
    PACK_MIN,
    PACKED_DIR,
    IndexedList,
    PackedTable,
    PrivexLemmatizer,
    indexed,
    kept_patterns,
    pack_lookups,
    read_packed,
)

from conftest import SEEDS

WORDS = ("peut-être", "c'est-à-dire", "arc-en-ciel", "entr'ouvert", "grand'mère", "vis-à-vis", "e-mail",
         "a-sexualisée", "anti-spam", "abc", "https://exemple.fr/confidentialite")


def _tables(n: int = PACK_MIN + 5) -> Lookups:
    words = [f"mot{i}" for i in range(n)]
    saved = Lookups()
    saved.add_table("lemma_lookup", {w: [w.upper()] for w in words})  # large: packed whole
    saved.add_table("lemma_exc", {"noun": {w: [w + "s"] for w in words}, "verb": {"été": ["être"]}})
    saved.add_table("lemma_index", {"noun": words, "adj": ["grand"]})
    saved.add_table("lemma_rules", {"noun": [["s", ""]]})
    return saved


def test_startup_indexed_lists_answer_as_lists():
    words = [f"w{i}" for i in range(PACK_MIN)]
    index = indexed(words)
    assert isinstance(index, IndexedList) and index == words
    assert "w3" in index and "absent" not in index and ["w3"] not in index  # unhashable: as a list
    assert type(indexed(["petit"])) is list  # short: left as it is
    mixed = words + [["non", "hachable"]]
    assert indexed(mixed) is mixed


def test_startup_packed_tables_read_as_the_tables_they_were_packed_from():
    saved = _tables()
    data = saved.to_bytes()
    standard = Lookups().from_bytes(data)
    packed = read_packed(pack_lookups(data))
    assert packed.tables == standard.tables
    lookup, plain = packed.get_table("lemma_lookup"), standard.get_table("lemma_lookup")
    assert isinstance(lookup, PackedTable) and len(lookup) == len(plain)
    assert sorted(lookup.items()) == sorted(plain.items())
    for key in ("mot0", "mot7", f"mot{PACK_MIN + 4}", "absent", "", 12345):
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
    assert isinstance(index, IndexedList) and index == standard.get_table("lemma_index")["noun"]
    assert sorted(Table().from_bytes(lookup.to_bytes()).items()) == sorted(plain.items())
    with pytest.raises(ValueError):
        read_packed(data)  # spaCy's own tables are no packed file


def _lemmatizer(nlp, lookups: Lookups | None = None) -> PrivexLemmatizer:
    lemmatizer = PrivexLemmatizer(nlp.vocab, None, "lemmatizer", mode="rule")
    if lookups is not None:
        lemmatizer.lookups = lookups
    return lemmatizer


def test_startup_the_lemmatizer_saves_spacys_tables_and_packed_ones_and_reads_them_back(tmp_path):
    import spacy

    nlp = spacy.blank(LANG)
    saved = _tables()
    _lemmatizer(nlp, saved).to_disk(tmp_path)
    assert Lookups().from_disk(tmp_path / "lookups").tables == saved.tables  # spaCy's own, as ever
    [pack] = (tmp_path / PACKED_DIR).glob("*.pack")
    loaded = _lemmatizer(nlp).from_disk(tmp_path)
    assert isinstance(loaded.lookups.get_table("lemma_lookup"), PackedTable)
    assert loaded.lookups.get_table("lemma_lookup")["mot3"] == ["MOT3"]
    assert loaded.to_bytes(exclude=["vocab"]) == _lemmatizer(nlp, saved).to_bytes(exclude=["vocab"])

    at = pack.read_bytes().rindex(b"MOT")
    damaged = bytearray(pack.read_bytes())
    damaged[at] = ord("N")  # still valid msgpack: one value changed
    pack.write_bytes(bytes(damaged))
    again = _lemmatizer(nlp).from_disk(tmp_path)  # the checksum differs: spaCy's tables are read
    table = again.lookups.get_table("lemma_lookup")
    assert not isinstance(table, PackedTable) and table["mot3"] == ["MOT3"]
    assert isinstance(again.lookups.get_table("lemma_index")["noun"], IndexedList)
    few = Lookups()
    few.add_table("lemma_lookup", {"a": ["a"]})
    _lemmatizer(nlp, few).to_disk(tmp_path / "other")
    with pytest.raises(ValueError):  # the rule mode's tables missing: spaCy's own check still runs
        _lemmatizer(nlp).from_disk(tmp_path / "other")


def _hyphen_pattern() -> str:
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    return TOKEN_MATCH.__self__.pattern


@pytest.mark.skipif(not KEEPS_CODE, reason="compiled code is kept on Python 3.11 only")
def test_startup_a_kept_pattern_matches_as_compiled_and_a_changed_one_is_not_used(tmp_path):
    from re import _compiler

    pattern = _hyphen_pattern()
    assert len(pattern) == 1_450_369 >= BIG_PATTERN
    words = list(WORDS) + [w for p in SEEDS for w in p.read_text(encoding="utf-8").split()]
    standard = re.compile(pattern)
    with kept_patterns(tmp_path):
        first = _compiler.compile(pattern, 0)  # compiled, its code kept
    [code_file] = tmp_path.glob("*.code")
    with kept_patterns(tmp_path):
        kept = _compiler.compile(pattern, 0)  # built from the kept code
    assert kept is not standard and kept.pattern == standard.pattern
    assert [w for w in words if kept.match(w)] == [w for w in words if first.match(w)] == \
        [w for w in words if standard.match(w)]
    assert any(standard.match(w) for w in words) and not all(standard.match(w) for w in words)

    from array import array

    code = array("I")
    code.frombytes(code_file.read_bytes())
    code[code.index(ord("a"))] ^= 0b10  # the literal ``a`` of the first alternative becomes ``c``
    code_file.write_bytes(code.tobytes())
    with kept_patterns(tmp_path):
        again = _compiler.compile(pattern, 0)  # the checksum differs: compiled again
    assert again.match("a-sexualisée")
    with kept_patterns(tmp_path / "a-file"):
        (tmp_path / "a-file").write_text("")  # a cache folder that cannot be made: compiled as usual
        assert _compiler.compile(pattern, 0).match("a-sexualisée")


def test_startup_a_plain_spacy_load_in_a_fresh_process_gets_the_start_up_work(nlp, tmp_path):
    """``spacy.load`` of the saved model in a process that never imported the package: the model's
    config names the language ``fr_privex``, found by entry point, whose loading keeps the large
    patterns' code and whose lemmatizer reads the packed tables."""
    path = tmp_path / "model"
    nlp.to_disk(path)
    config = (path / "config.cfg").read_text(encoding="utf-8")
    assert f'lang = "{LANG}"' in config and '"lemmatizer"' in config
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "lemmatizer = nlp.get_pipe('lemmatizer')\n"
        "doc = nlp('Vos données sont conservées pendant trois ans.')\n"
        "print(json.dumps([nlp.lang, type(nlp).__name__, type(lemmatizer).__name__,\n"
        "    type(lemmatizer.lookups.get_table('lemma_lookup')).__name__, [t.lemma_ for t in doc],\n"
        "    sorted('pipeline.startup' in m for m in sys.modules)[-1]]))\n"
    )
    cache = tmp_path / "patterns"
    env = {**os.environ, "PRIVEX_PATTERN_CACHE": str(cache)}
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    lang, language, lemmatizer, table, lemmas, imported = json.loads(out.stdout)
    assert (lang, language, lemmatizer, table, imported) == (LANG, "PrivexFrench", "PrivexLemmatizer", "PackedTable", True)
    assert lemmas == [t.lemma_ for t in nlp("Vos données sont conservées pendant trois ans.")]
    if KEEPS_CODE:
        assert len(list(cache.glob("*.code"))) >= 2  # the hyphen pattern and the components' largest
