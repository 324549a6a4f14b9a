"""``privacy_combine``: rule spans and a trained model's spans merged per label, with origin and score."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from pipeline.components import SPAN_KEY
from pipeline.components.combine.component import Combine
from pipeline.components.combine.policy import POLICIES, merge
from pipeline.config import CombineParams, Params, project_path
from pipeline.extract import extract
from pipeline.notices import Notice
from pipeline.taxonomy import LABELS

from conftest import seed_text


def _b(s):
    return s


@pytest.mark.parametrize(
    "policy, want",
    [
        ("rules", [((0, 5), "rule"), ((10, 15), "rule")]),
        ("model", [((3, 8), "model"), ((20, 25), "model")]),
        ("rules_first", [((0, 5), "both"), ((10, 15), "rule"), ((20, 25), "model")]),
        ("model_first", [((3, 8), "both"), ((20, 25), "model"), ((10, 15), "rule")]),
        ("both", [((0, 5), "both")]),
        ("either", [((3, 8), "both"), ((10, 15), "rule"), ((20, 25), "model")]),
    ],
)
def test_combine_policies_on_made_up_spans(policy, want):
    rules = [(0, 5), (10, 15)]
    model = [(3, 8), (20, 25)]
    assert merge(rules, model, policy, _b) == want


def test_combine_unknown_policy_is_refused():
    with pytest.raises(ValueError, match="unknown policy"):
        merge([], [], "vote", _b)
    with pytest.raises(ValueError, match="combine.policy.DATA"):
        Params.model_validate({"combine": {"policy": {"DATA": "vote"}}})


TEXT = (
    "Nous collectons votre adresse postale afin de vous envoyer nos offres commerciales. "
    "Vos données sont conservées pendant trois ans après la fin du contrat. "
    "Elles sont transmises à nos prestataires informatiques sur la base de votre consentement. "
    "Ce traitement est nécessaire."
)
PRECISION = {label: {"rule": 0.8, "model": 0.6, "both": 0.9} for label in LABELS}


def _span(doc, words: str, label: str) -> Span:
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words), label=label, alignment_mode="expand")


@pytest.fixture(scope="module")
def combined_doc(nlp):
    """The rules' spans of TEXT, and made-up model spans over the same doc."""
    doc = nlp(TEXT)
    model = [
        _span(doc, "adresse postale", "DATA"),  # the rules find it too
        _span(doc, "vous envoyer nos offres commerciales", "PURPOSE"),
        _span(doc, "trois ans après la fin du contrat", "DURATION"),
        _span(doc, "prestataires informatiques", "RECIPIENT"),
        _span(doc, "consentement", "LEGAL_BASIS"),
        _span(doc, "nécessaire", "LEGAL_BASIS"),  # names no ground: no value, dropped
        _span(doc, "Ce traitement", "DATA"),  # the rules find nothing there
    ]
    return doc, model


def _records(spans):
    out = {}
    for s in spans:
        value = s._.category
        if s._.retention is not None:
            value = s._.retention.record()
        if s._.legal_basis is not None:
            value = s._.legal_basis.value
        out[(s.start_char, s.end_char, s.label_)] = (s.text, s._.origin, s._.score, value)
    return out


def test_combine_model_spans_get_origin_score_and_the_rules_values(nlp, combined_doc):
    doc, model = combined_doc
    comb = Combine(nlp, "privacy_combine", model="", policies={}, precision=PRECISION)
    got = _records(comb.combined(doc, {label: "model" for label in LABELS}, model))
    by_text = {text: (origin, score, value) for text, origin, score, value in got.values()}
    assert by_text["trois ans après la fin du contrat"] == (
        "model", 0.6, {"value": "P3Y", "bound": "exact", "after": "fin du contrat"})
    assert by_text["vous envoyer nos offres commerciales"] == ("model", 0.6, "marketing")
    assert by_text["prestataires informatiques"][:2] == ("model", 0.6)
    assert by_text["prestataires informatiques"][2] == nlp.get_pipe("privacy_recipients").category_of(model[3])
    assert by_text["consentement"] == ("model", 0.6, "GDPR-6-1-a")
    assert "nécessaire" not in by_text
    assert by_text["adresse postale"][:2] == ("model", 0.6)
    assert by_text["adresse postale"][2] == "contact"


def test_combine_rules_first_keeps_rule_values_and_marks_both(nlp, combined_doc):
    doc, model = combined_doc
    rules = _records(doc.spans[SPAN_KEY])
    comb = Combine(nlp, "privacy_combine", model="", policies={}, precision=PRECISION)
    got = _records(comb.combined(doc, {label: "rules_first" for label in LABELS}, model))
    for key, (text, _, _, value) in rules.items():
        origin = got[key][1]
        assert got[key][0] == text and got[key][3] == value  # every rule span, its value untouched
        assert origin in ("rule", "both") and got[key][2] == PRECISION[key[2]][origin]
    assert any(origin == "both" for _, origin, _, _ in got.values())
    added = {k: v for k, v in got.items() if k not in rules}
    alone = [m for m in model if not any(r[2] == m.label_ and r[0] < m.end_char and m.start_char < r[1] for r in rules)]
    alone = [m for m in alone if m.label_ != "LEGAL_BASIS" or m.text != "nécessaire"]
    assert alone and sorted(added) == sorted((m.start_char, m.end_char, m.label_) for m in alone)
    assert all(v[1] == "model" and v[2] == 0.6 for v in added.values())


def test_combine_on_rules_only_gives_the_rule_spans_unchanged(nlp):
    """Every label on ``rules``: the spans, bounds and values of the rules alone, each with origin ``rule``,
    whatever the model finds."""
    doc = nlp(seed_text("kbc-relation-commerciale"))
    before = _records(doc.spans[SPAN_KEY])
    made_up = [Span(doc, i, i + 2, label=LABELS[i % len(LABELS)]) for i in range(0, len(doc) - 2, 7)]
    comb = Combine(nlp, "privacy_combine", model="", policies={}, precision=PRECISION)
    after = _records(comb.combined(doc, {label: "rules" for label in LABELS}, made_up))
    assert {k: (v[0], v[3]) for k, v in after.items()} == {k: (v[0], v[3]) for k, v in before.items()}
    assert {(v[1], v[2]) for v in after.values()} == {("rule", 0.8)}
    assert len(list(comb.combined(doc, {label: "rules" for label in LABELS}, made_up))) == len(doc.spans[SPAN_KEY])


@Language.component("test_rule_duration")
def _rule_duration(doc):
    from pipeline.components.retention.normalise import normalise

    span = _span(doc, "deux ans", "DURATION")
    span._.retention = normalise(span.text)
    doc.spans[SPAN_KEY] = [span]
    return doc


def test_combine_origin_and_score_are_in_the_json_output():
    import pipeline.components.combine.factory  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("test_rule_duration")
    nlp.add_pipe("privacy_combine", config={"model": "", "policies": {"DURATION": "rules"},
                                            "precision": {"DURATION": {"rule": 0.97}}})
    records = list(extract(nlp, [Notice("n", "Vos données sont conservées deux ans.\n", "n.txt")], Params(), print))
    [span] = records[0]["spans"]
    assert span == {"start": 28, "end": 36, "label": "DURATION", "text": "deux ans", "value": "P2Y", "bound": "exact",
                    "after": None, "origin": "rule", "score": 0.97}


def test_combine_is_an_entry_point_of_the_package():
    import tomllib

    data = tomllib.loads(project_path("pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["entry-points"]["spacy_factories"]["privacy_combine"] == \
        "pipeline.components.combine.factory:make_combine"


@pytest.mark.slow
def test_combine_saved_model_gives_model_spans_in_a_fresh_process(tmp_path, params):
    """The built pipeline holds the trained component: ``spacy.load`` of it, in a new process, finds
    spans with origin ``model`` once a policy reads the model."""
    from pipeline.nlp import assemble

    trained = project_path(params.train.out_dir)
    nlp = assemble(params.build, params.components, CombineParams(policy={label: "model" for label in LABELS}), trained)
    path = tmp_path / "privex-fr"
    nlp.to_disk(path)
    del nlp
    code = (
        # the import stands for the package's entry point (pyproject.toml), which an install made
        # before privacy_combine existed lacks
        "import json, sys, spacy, pipeline.components.combine.factory\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp(sys.argv[2])\n"
        "print(json.dumps([[s.label_, s.text, s._.origin, s._.score] for s in doc.spans['sc']]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path), TEXT * 3], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    spans = json.loads(out.stdout)
    assert spans and {origin for _, _, origin, _ in spans} == {"model"}
    assert {label for label, *_ in spans} >= {"DATA", "DURATION"}
