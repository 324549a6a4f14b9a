"""Self-contained components (issue 15, item 2): lexicons saved with the model, settings as typed
factory arguments from ``params.yaml``, a scorer behind each declared score weight, the NER on the
sentences that share data as a component of its own."""

from __future__ import annotations

import pytest
import spacy
import srsly
from spacy.tokens import Doc
from spacy.training import Example

from pipeline.components import SPAN_KEY
from pipeline.config import ComponentsParams, RetentionSettings

SETTINGS = {
    "privacy_retention": "retention",
    "privacy_data_categories": "data_categories",
    "privacy_purposes": "purposes",
    "privacy_recipients": "recipients",
    "privacy_legal_basis": "legal_basis",
}


def _blank(*factories: str, config: dict | None = None):
    from pipeline.nlp import register_factories

    register_factories()
    nlp = spacy.blank("fr")
    nlp.add_pipe("privacy_layout")
    for factory in factories:
        nlp.add_pipe(factory, config=(config or {}).get(factory, {}))
    return nlp


def _found(nlp, text: str, label: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.category) for s in doc.spans.get(SPAN_KEY, []) if s.label_ == label]


# --- lexicons saved with the model -------------------------------------------------------------------


def test_a_saved_data_lexicon_comes_back_and_the_packages_is_not_read(tmp_path):
    nlp = _blank("privacy_data_categories")
    nlp.initialize()  # the package's lexicon
    assert ("numéro de téléphone", "contact") in _found(nlp, "Nous collectons votre numéro de téléphone.", "DATA")
    nlp.get_pipe("privacy_data_categories").initialize(nlp=nlp, lexicon={"contact": ["identifiant zorglub"]})
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "Nous collectons votre identifiant zorglub et votre numéro de téléphone."
    assert _found(loaded, text, "DATA") == _found(nlp, text, "DATA") == [("identifiant zorglub", "contact")]
    # the saved words are used as they are: the tokenizer is not asked again
    saved = tmp_path / "model" / "privacy_data_categories" / "lexicon.json"
    data = srsly.read_json(saved)
    assert data["words"]["identifiants zorglubs"] == ["identifiants", "zorglubs"]
    data["words"]["identifiant zorglub"] = ["ident", "zorglub"]
    srsly.write_json(saved, data)
    edited = spacy.load(tmp_path / "model")
    assert [t for t, _ in _found(edited, "Nous collectons votre ident zorglub.", "DATA")] == ["ident zorglub"]


def test_a_saved_recipients_lexicon_comes_back_with_its_three_parts(tmp_path):
    nlp = _blank("privacy_recipients")
    lexicon = {"kinds": {"processor": ["gestionnaire zorglub"]}, "organisations": {"processor": ["Zorbix"]},
               "never": ["employés"]}
    nlp.get_pipe("privacy_recipients").initialize(nlp=nlp, lexicon=lexicon)
    nlp.to_disk(tmp_path / "model")
    pipe = spacy.load(tmp_path / "model").get_pipe("privacy_recipients")
    assert pipe.kinds == {"gestionnaire zorglub": "processor", "gestionnaires zorglubs": "processor"}
    assert pipe.orgs == {"Zorbix": "processor"} and pipe.never == {"employés"}
    doc = pipe(Doc(pipe.vocab, words="Vos données sont transmises aux gestionnaires zorglubs .".split()))
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["gestionnaires zorglubs"]


def test_the_lexicons_round_trip_through_bytes():
    nlp = _blank("privacy_data_categories", "privacy_recipients")
    nlp.initialize()
    again = _blank("privacy_data_categories", "privacy_recipients")
    again.from_bytes(nlp.to_bytes())
    for name in ("privacy_data_categories", "privacy_recipients"):
        assert again.get_pipe(name).to_bytes() == nlp.get_pipe(name).to_bytes()
    assert len(again.get_pipe("privacy_data_categories").table) > 1000


# --- settings --------------------------------------------------------------------------------------


def test_every_setting_is_a_typed_factory_argument_with_the_params_default():
    nlp = _blank(*SETTINGS)
    for factory, key in SETTINGS.items():
        settings = getattr(ComponentsParams(), key)
        config = nlp.config["components"][factory]
        assert {k: config[k] for k in type(settings).model_fields} == settings.model_dump(), factory
        assert nlp.get_pipe(factory).s == settings


def test_a_setting_from_params_reaches_the_component_and_its_saved_config(tmp_path):
    nlp = _blank("privacy_retention", config={"privacy_retention": {"cell_window": 7}})
    assert nlp.get_pipe("privacy_retention").s.cell_window == 7
    nlp.to_disk(tmp_path / "model")
    assert spacy.load(tmp_path / "model").get_pipe("privacy_retention").s.cell_window == 7


def test_a_bad_setting_is_refused_by_name():
    from confection import ConfigValidationError
    from pydantic import ValidationError

    with pytest.raises(ConfigValidationError, match="cell_window"):
        _blank("privacy_retention", config={"privacy_retention": {"cell_window": "many"}})
    with pytest.raises(ValidationError, match="cell_window"):
        _blank("privacy_retention", config={"privacy_retention": {"cell_window": -1}})
    with pytest.raises(ConfigValidationError, match="no_such_window"):
        _blank("privacy_retention", config={"privacy_retention": {"no_such_window": 3}})


def test_a_window_changes_what_the_component_finds():
    text = "Durée de conservation\n" + "Une ligne.\n" * 5 + "3 ans"
    wide = _blank("privacy_retention")
    narrow = _blank("privacy_retention", config={"privacy_retention": {"cell_window": 2}})
    assert _found(wide, text, "DURATION") == [("3 ans", None)]
    assert _found(narrow, text, "DURATION") == []
    assert RetentionSettings().cell_window > 6


# --- scorers -----------------------------------------------------------------------------------------


def _example(nlp, markup: str) -> Example:
    from pipeline.gold.markup import parse

    text, spans = parse(markup)
    reference = nlp.make_doc(text)
    reference.spans[SPAN_KEY] = [reference.char_span(s["start"], s["end"], label=s["label"]) for s in spans]
    return Example(nlp.make_doc(text), reference)


def test_each_declared_score_weight_has_a_scorer_behind_it():
    nlp = _blank("privacy_retention", "privacy_legal_basis")
    right = _example(nlp, "Vos données sont conservées ⟦DURATION P3Y exact|3 ans⟧ sur la base de votre "
                          "⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧.")
    scores = nlp.evaluate([right])
    assert scores["duration_f"] == 1.0 and scores["legal_basis_f"] == 1.0
    unannotated = _example(nlp, "Les journaux sont gardés 4 semaines.")  # a period the reference does not hold
    scores = nlp.evaluate([right, unannotated])
    assert (scores["duration_p"], scores["duration_r"], scores["legal_basis_p"]) == (0.5, 1.0, 1.0)
    full = _blank(*SETTINGS)
    for factory in SETTINGS:
        for key in full.get_pipe_meta(factory).default_score_weights:
            assert key in full.evaluate([right]), (factory, key)


# --- the NER on sharing sentences --------------------------------------------------------------------


def test_the_ner_runs_as_its_own_component_on_sharing_sentences_only(nlp):
    assert "privacy_sharing_entities" in nlp.pipe_names and "ner" not in nlp.component_names
    recipients = nlp.get_pipe("privacy_recipients")
    assert not hasattr(recipients, "nlp")
    text = ("Jean Dupont dirige Zorbix France à Paris depuis 2010.\n"
            "Vos données sont transmises à la société Globex Corporation à Lyon.")
    doc = nlp(text)
    sharing_start = text.index("Vos données")
    assert doc.ents and all(ent.start_char >= sharing_start for ent in doc.ents)
    assert "Globex Corporation" in [s.text for s in doc.spans[SPAN_KEY] if s.label_ == "RECIPIENT"]


def test_the_sharing_ner_finds_what_the_base_ner_finds_in_those_sentences(nlp, params):
    from pipeline.nlp import assemble

    whole = assemble(params.build.model_copy(update={"ner": "whole_doc"}), params.components)
    assert "ner" in whole.pipe_names and "privacy_sharing_entities" not in whole.pipe_names
    text = "Vos données sont transmises à Globex Corporation et à la Banque Nationale de Belgique."
    assert [(e.text, e.label_) for e in nlp(text).ents] == [(e.text, e.label_) for e in whole(text).ents]
