"""The per-notice cache: what its key covers, and that extraction reuses it without the model."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.cache import SpanCache, fingerprint
from pipeline.config import Params
from pipeline.extract import extract
from pipeline.notices import Notice

from conftest import seed_text


def _with(params: Params, section: str, **values) -> Params:
    settings = params.model_dump()
    settings[section].update(values)
    return Params.model_validate(settings)


def test_fingerprint_follows_what_decides_the_spans(params, tmp_path):
    base = fingerprint(params, None)
    assert fingerprint(params, None) == base
    changed = [
        _with(params, "extract", chunk_chars=params.extract.chunk_chars + 1000),
        _with(params, "extract", min_french_share=0.5),
        _with(params, "build", ner="whole_doc"),
        _with(params, "clean", placeholder_values={"bank": "KBC"}),
    ]
    for other in changed:
        assert fingerprint(other, None) != base
    same = [
        _with(params, "extract", out_dir="elsewhere", cache_dir="other", n_process=4, batch_size=2),
        _with(params, "build", model_dir="models/other"),
    ]
    for other in same:
        assert fingerprint(other, None) == base


def test_fingerprint_follows_the_code_and_the_model_files(params, tmp_path):
    code = tmp_path / "code"
    (code / "components").mkdir(parents=True)
    rule = code / "components" / "rules.py"
    rule.write_text("X = 1\n")
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.cfg").write_text("[nlp]\n")
    (model / "weights").write_bytes(b"\x00\x01")
    before = fingerprint(params, model, code)
    rule.write_text("X = 2\n")
    after_code = fingerprint(params, model, code)
    (model / "weights").write_bytes(b"\x00\x02")
    after_model = fingerprint(params, model, code)
    assert len({before, after_code, after_model}) == 3


def test_cache_keeps_spans_whole_and_prunes_what_no_notice_used(tmp_path):
    old = SpanCache(tmp_path, "0" * 16)
    old.put("texte ancien", [{"start": 0, "end": 5, "label": "DATA", "text": "texte"}])
    cache = SpanCache(tmp_path, "1" * 16)
    assert cache.get("un texte") is None
    cache.put("un texte", [{"start": 3, "end": 8, "label": "DATA", "text": "texte"}])
    cache.put("un autre", [])
    assert cache.get("un texte") == [{"start": 3, "end": 8, "label": "DATA", "text": "texte"}]
    (cache.folder / f"{'b' * 64}.json").write_text("[{")
    assert not list(tmp_path.rglob("*.tmp"))

    later = SpanCache(tmp_path, "1" * 16)
    assert later.get("un texte") is not None and later.hits == 1
    assert later.prune() == 3  # the old fingerprint, ``un autre`` and the broken entry
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1" * 16]
    assert len(list(later.folder.iterdir())) == 1


def test_a_cached_notice_needs_no_model(nlp, params, tmp_path):
    notices = [Notice(name, seed_text(name), name) for name in ("belfius-chat-video", "kbc-relation-commerciale")]
    cache = SpanCache(tmp_path, fingerprint(params, None))
    first = list(extract(nlp, notices, params, pytest.fail, cache=cache))
    assert cache.misses == 2 and len(list(cache.folder.glob("*.json"))) == 2

    def no_model():
        raise AssertionError("the model was loaded for notices in the cache")

    again = SpanCache(tmp_path, fingerprint(params, None))
    assert list(extract(no_model, notices, params, pytest.fail, cache=again)) == first
    assert again.hits == 2


def test_cached_and_new_notices_come_out_in_their_order(nlp, params, tmp_path):
    names = ["belfius-chat-video", "kbc-relation-commerciale", "belfius-web-commercial"]
    notices = [Notice(name, seed_text(name), name) for name in names]
    cache = SpanCache(tmp_path, "f")
    list(extract(nlp, notices[1:2], params, pytest.fail, cache=cache))
    records = list(extract(nlp, notices, params, pytest.fail, cache=cache))
    assert [r["id"] for r in records] == names
    assert cache.hits == 1


def test_two_processes_give_the_same_records_as_one(nlp, params):
    from pipeline.extract import extract_parallel

    names = ["belfius-chat-video", "kbc-relation-commerciale", "belfius-web-commercial"]
    notices = [Notice(name, seed_text(name), name) for name in names] + [Notice("en", "This is English. " * 50, "en")]
    errors_one, errors_two = [], []
    one = list(extract(nlp, notices, params, errors_one.append))
    two = list(extract_parallel(lambda: nlp, notices, params, errors_two.append, processes=2))
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)
    assert [str(e) for e in errors_one] == [str(e) for e in errors_two] and len(errors_two) == 1
