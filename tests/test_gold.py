"""The gold set obeys the contract: offsets, labels, categories, order, no junk."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.config import default_params, project_path
from pipeline.gold.io import GoldError, read_gold, resolve_source, sha256
from pipeline.gold.markup import ISO_DURATION, MarkupError, parse, render
from pipeline.taxonomy import BOUNDS, CATEGORIES, COUNTRIES, LABELS, LEGAL_BASES

BREAK = re.compile(r"<?br\s*/?>", re.IGNORECASE)  # a line break tag, or what is left of one after a removal
PARAMS = default_params()
SEEDS_FILE = project_path(PARAMS.gold.seeds)
EXTRA_FILE = project_path(PARAMS.gold.extra)
TRAIN_FILE = project_path(PARAMS.gold.train)
EXTRA_DIRS = [project_path(d) for d in PARAMS.corpus.extra_dirs]
TRAIN_DIRS = [project_path(d) for d in PARAMS.corpus.train_dirs]
HAVE_EXTRA = any(d.is_dir() for d in EXTRA_DIRS)
HAVE_TRAIN = TRAIN_FILE.exists() and any(d.is_dir() for d in TRAIN_DIRS)


def gold_notices():
    notices = [("seeds", n) for n in read_gold(SEEDS_FILE)]
    if HAVE_EXTRA:
        notices += [("extra", n) for n in read_gold(EXTRA_FILE)]
    if HAVE_TRAIN:
        notices += [("train", n) for n in read_gold(TRAIN_FILE)]
    return notices


NOTICES = gold_notices()
IDS = [f"{group}/{n.id}" for group, n in NOTICES]


def test_gold_covers_every_corpus_notice():
    corpus = sorted(p.stem for p in project_path(PARAMS.corpus.dir).glob("*.txt"))
    assert sorted(n.id for n in read_gold(SEEDS_FILE)) == corpus


@pytest.mark.skipif(not HAVE_EXTRA, reason="the extra corpus folder is not beside this clone")
def test_gold_covers_every_extra_notice():
    names = sorted(p.stem for d in EXTRA_DIRS if d.is_dir() for p in d.glob("*.txt"))
    assert sorted(n.id for n in read_gold(EXTRA_FILE)) == names


@pytest.mark.parametrize("group, notice", NOTICES, ids=IDS)
def test_gold_text_is_the_corpus_file_byte_for_byte(group, notice):
    if group == "seeds":
        raw = project_path(PARAMS.corpus.dir).joinpath(f"{notice.id}.txt").read_bytes()
        assert notice.text.encode("utf-8") == raw
    else:
        gold_file = EXTRA_FILE if group == "extra" else TRAIN_FILE
        assert sha256(resolve_source(notice.source, gold_file).read_bytes()) == notice.sha256


@pytest.mark.skipif(not HAVE_TRAIN, reason="no training gold, or its notices are not beside this clone")
def test_gold_train_notices_come_from_the_training_folder_and_dev_is_annotated():
    train = read_gold(TRAIN_FILE)
    folders = {d.resolve() for d in TRAIN_DIRS}
    for notice in train:
        assert resolve_source(notice.source, TRAIN_FILE).resolve().parent in folders, notice.source
    assert not {n.id for n in train} & {n.id for n in read_gold(EXTRA_FILE)}
    assert set(PARAMS.gold.dev) <= {n.id for n in train} or len(train) < 30, "every dev notice is annotated"


@pytest.mark.parametrize("group, notice", NOTICES, ids=IDS)
def test_gold_spans_are_valid(group, notice):
    assert notice.spans, "a notice with no span is not annotated"
    for span in notice.spans:
        assert notice.text[span["start"] : span["end"]] == span["text"], span
        assert span["label"] in LABELS
        assert span["text"] == span["text"].strip(), span
        if notice.regions:
            assert any(s <= span["start"] and span["end"] <= e for s, e in notice.regions), span
        if span["label"] == "DURATION":
            assert span["value"] is None or ISO_DURATION.match(span["value"]), span
            assert span["bound"] in BOUNDS, span
        elif span["label"] == "LEGAL_BASIS":
            assert span["value"] in LEGAL_BASES, span
        else:
            assert span["category"] in CATEGORIES[span["label"]], span
            assert span.get("country") is None or (span["label"] == "RECIPIENT" and span["country"] in COUNTRIES)
        practices = span.get("practices", [1])
        assert practices and practices == sorted(set(practices)) and all(isinstance(n, int) and n > 0 for n in practices)


@pytest.mark.parametrize("group, notice", NOTICES, ids=IDS)
def test_gold_spans_sorted_unique_and_not_overlapping_within_a_label(group, notice):
    keys = [(s["start"], s["end"]) for s in notice.spans]
    assert keys == sorted(keys)
    by_label: dict[str, list] = {}
    for span in notice.spans:
        by_label.setdefault(span["label"], []).append(span)
    for label, spans in by_label.items():
        for a, b in zip(spans, spans[1:]):
            assert a["end"] <= b["start"], f"{label} spans overlap: {a['text']!r} / {b['text']!r}"


@pytest.mark.parametrize("group, notice", NOTICES, ids=IDS)
def test_gold_no_span_touches_text_the_cleaner_removes(group, notice):
    junk = [r for r in clean(notice.text, PARAMS.clean).removed if r.rule != "whitespace"]
    for span in notice.spans:
        hits = [
            r for r in junk if r.start < span["end"] and span["start"] < r.end
            and not (r.rule == "markdown" and span["start"] < r.start and r.end < span["end"])  # **emphasis** inside
            and not (r.rule == "html" and BREAK.fullmatch(notice.text[r.start : r.end])
                     and span["start"] < r.start and r.end < span["end"])  # a <br> wrapping one phrase of a cell
        ]
        assert not hits, f"{span['text']!r} overlaps {hits[0].rule} junk {notice.text[hits[0].start:hits[0].end]!r}"


def test_gold_markup_round_trips():
    text = "Nous gardons votre nom pendant 10 ans après la fin du contrat."
    spans = [
        {"start": 19, "end": 22, "label": "DATA", "text": "nom", "category": "identity"},
        {"start": 31, "end": 61, "label": "DURATION", "text": text[31:61], "value": "P10Y",
         "bound": "exact", "after": "fin du contrat"},
    ]
    markup = render(text, spans)
    assert markup == (
        "Nous gardons votre ⟦DATA identity|nom⟧ pendant "
        "⟦DURATION P10Y exact after=fin du contrat|10 ans après la fin du contrat⟧."
    )
    assert parse(markup) == (text, spans)


@pytest.mark.parametrize(
    "markup, message",
    [
        ("⟦DATA identité|nom⟧", "category"),
        ("⟦WHO processor|Zoom⟧", "unknown label"),
        ("⟦DURATION 3 ans exact|3 ans⟧", "DURATION needs"),
        ("⟦DURATION P3A exact|3 ans⟧", "ISO 8601"),
        ("⟦DATA identity|nom", "never closed"),
        ("nom⟧", "no open span"),
        ("⟦DATA identity| nom⟧", "white space"),
        ("⟦LEGAL_BASIS consent|consentement⟧", "LEGAL_BASIS value"),
        ("⟦RECIPIENT processor country=USA|Google⟧", "ISO 3166"),
        ("⟦DATA identity country=US|nom⟧", "only a RECIPIENT"),
        ("⟦DATA identity @0|nom⟧", "numbered from 1"),
        ("⟦DATA identity @2,2|nom⟧", "each once"),
        ("⟦DATA identity @a|nom⟧", "practice statements are written"),
        ("⟦DATA identity@1|nom⟧", "practice statements are written"),
    ],
)
def test_gold_markup_refuses_bad_spans(markup, message):
    with pytest.raises(MarkupError, match=message):
        parse(markup)


def test_gold_markup_round_trips_legal_basis_and_country():
    markup = "Sur la base de votre ⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧, envoyé à ⟦RECIPIENT processor country=US|Google⟧."
    text, spans = parse(markup)
    assert [(s["label"], s.get("value"), s.get("country")) for s in spans] == [
        ("LEGAL_BASIS", "GDPR-6-1-a", None), ("RECIPIENT", None, "US")]
    assert render(text, spans) == markup


def test_gold_markup_round_trips_practice_statements():
    markup = ("Votre ⟦DATA contact @1|adresse e-mail⟧ sert à ⟦PURPOSE marketing @1,2|vous envoyer nos offres⟧ "
              "et reste ⟦DURATION P3Y max after=fin du contrat @3,1|3 ans après la fin du contrat⟧ chez "
              "⟦RECIPIENT processor country=US|Zoom⟧.")
    text, spans = parse(markup)
    assert [s.get("practices") for s in spans] == [[1], [1, 2], [1, 3], None]
    assert spans[2]["after"] == "fin du contrat"
    assert parse(render(text, spans)) == (text, spans)


def test_gold_reader_refuses_a_changed_source(tmp_path):
    (tmp_path / "n.txt").write_text("Nous gardons votre nom.", encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "n", "source": "n.txt", "sha256": "00", "spans": []}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="has changed"):
        read_gold(gold)


@pytest.mark.parametrize("regions", [[[5, 3]], [[0, 4], [2, 8]], [[0, 999]], "x"])
def test_gold_reader_refuses_bad_regions(tmp_path, regions):
    gold = tmp_path / "g.jsonl"
    record = {"id": "n", "text": "Nous gardons votre nom.", "spans": [], "regions": regions}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="regions"):
        read_gold(gold)
