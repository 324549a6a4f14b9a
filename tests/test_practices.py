"""``privacy_practices``: the practice links of ``gold/README.md`` (Practice links), one test per rule,
and the safeguards of transfers. The examples are written for the test in the gold markup: the
``@N`` of each span say which links the component must give (each DATA span with each other span
of one statement), and only those."""

from __future__ import annotations

import pytest
import spacy

from pipeline.components import SPAN_KEY
from pipeline.components.practices.component import Practices
from pipeline.components.practices.models import Safeguard
from pipeline.config import Params, PracticesSettings
from pipeline.extract import extract
from pipeline.gold.markup import parse
from pipeline.notices import Notice


@pytest.fixture(scope="module")
def practices(nlp):
    return nlp.get_pipe("privacy_practices")


def gold_links(spans: list[dict]) -> set[tuple[str, str]]:
    return {(d["text"], o["text"]) for d in spans for o in spans
            if d["label"] == "DATA" and o["label"] != "DATA" and set(d.get("practices", [])) & set(o.get("practices", []))}


def run(nlp, component, markup: str, countries: dict[str, str] | None = None):
    """The doc of ``markup``'s text with its spans set, after ``component`` alone."""
    text, spans = parse(markup)
    doc = nlp.make_doc(text)
    doc.spans[SPAN_KEY] = [doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand") for s in spans]
    for span in doc.spans[SPAN_KEY]:
        if countries and span.text in countries and span.label_ == "RECIPIENT":
            span._.country = countries[span.text]
    component(doc)
    return doc, spans


def links_of(nlp, component, markup: str) -> tuple[set, set]:
    doc, spans = run(nlp, component, markup)
    group = doc.spans[SPAN_KEY]
    return {(group[d].text, group[o].text) for d, o in doc._.links}, gold_links(spans)


def test_practices_one_sentence(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Nous utilisons votre ⟦DATA contact @1|adresse e-mail⟧ pour ⟦PURPOSE marketing @1|vous envoyer nos offres⟧, "
        "sur la base de votre ⟦LEGAL_BASIS GDPR-6-1-a @1|consentement⟧. "
        "Votre ⟦DATA identity @2|date de naissance⟧ sert à ⟦PURPOSE service @2|vérifier votre âge⟧."))
    assert got == want and len(want) == 3


def test_practices_general_statements_make_no_link(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Nous collectons votre ⟦DATA identity|nom⟧ et votre ⟦DATA contact|numéro de téléphone⟧.\n\n"
        "Vos données sont conservées ⟦DURATION P3Y exact|3 ans⟧ et peuvent être transmises à nos "
        "⟦RECIPIENT processor|prestataires⟧."))
    assert got == want == set()


def test_practices_one_table_row(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Finalité\nDonnées\nBase légale\nDurée de conservation\n"
        "⟦PURPOSE service @1|Gestion des commandes⟧\n⟦DATA identity @1|Nom⟧, ⟦DATA contact @1|adresse⟧\n"
        "⟦LEGAL_BASIS GDPR-6-1-b @1|Exécution du contrat⟧\n⟦DURATION P5Y exact @1|5 ans⟧\n"
        "⟦PURPOSE marketing @2|Prospection⟧\n⟦DATA contact @2|Adresse e-mail⟧\n"
        "⟦LEGAL_BASIS GDPR-6-1-a @2|Consentement⟧\n⟦DURATION P3Y exact @2|3 ans⟧\n"))
    assert got == want and len(want) == 9


def test_practices_one_list_under_one_lead_in(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Nous collectons, pour ⟦PURPOSE service @1|gérer votre commande⟧, les données suivantes :\n"
        "- votre ⟦DATA identity @1|nom⟧\n- votre ⟦DATA contact @1|adresse de livraison⟧\n\n"
        "⟦DATA identity @2|Données d’identification⟧ :\n- ⟦DATA identity @2|nom⟧, ⟦DATA identity @2|prénom⟧ ; "
        "nous les utilisons pour ⟦PURPOSE support @2|répondre à vos demandes⟧\n- ⟦DATA identity @2|civilité⟧\n"))
    assert got == want and len(want) == 6


def test_practices_a_list_without_a_lead_in_span_links_each_item_alone(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Nous traitons vos données dans les cas suivants :\n"
        "- votre ⟦DATA contact @1|adresse e-mail⟧ pour ⟦PURPOSE marketing @1|la prospection⟧\n"
        "- votre ⟦DATA location @2|position⟧ pour ⟦PURPOSE service @2|trouver le magasin le plus proche⟧\n"))
    assert got == want and len(want) == 2


def test_practices_one_section_about_one_processing(nlp, practices):
    got, want = links_of(nlp, practices, (
        "1. ⟦PURPOSE service @1|GESTION DE VOTRE COMPTE CLIENT⟧\n"
        "Nous traitons votre ⟦DATA identity @1|nom⟧ et votre ⟦DATA contact @1|adresse e-mail⟧.\n"
        "Ce traitement repose sur l’⟦LEGAL_BASIS GDPR-6-1-b @1|exécution du contrat⟧.\n"
        "Les informations sont gardées ⟦DURATION null exact after=fermeture du compte @1|jusqu’à la fermeture du compte⟧.\n"
        "2. DONNÉES QUE NOUS COLLECTONS\n"
        "Nous collectons votre ⟦DATA technical|adresse IP⟧.\n"
        "Les données personnelles sont conservées ⟦DURATION P1Y exact|1 an⟧.\n"))
    assert got == want and len(want) == 6


def test_practices_an_explicit_back_reference(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Lors de votre inscription, nous collectons votre ⟦DATA identity @1|nom⟧ et votre ⟦DATA contact @1|adresse postale⟧. "
        "Ces données sont conservées ⟦DURATION P3Y exact @1|3 ans⟧ et transmises à notre ⟦RECIPIENT processor @1|transporteur⟧.\n\n"
        "Vous pouvez nous écrire.\n\n"
        "Nous collectons aussi :\n- votre ⟦DATA usage @2|historique de navigation⟧\n- vos ⟦DATA preferences @2|centres d’intérêt⟧\n"
        "Les données mentionnées ci-dessus servent à ⟦PURPOSE personalisation @2|personnaliser nos offres⟧.\n"))
    assert got == want and len(want) == 6


def test_practices_a_back_reference_too_far_from_data_links_nothing(nlp):
    near = Practices(nlp, "p", settings=PracticesSettings(reference_chars=20))
    got, _ = links_of(nlp, near, (
        "Nous collectons votre ⟦DATA identity|nom⟧ lors de votre inscription à notre programme de fidélité. "
        "Ces données sont conservées ⟦DURATION P3Y exact|3 ans⟧."))
    assert got == set()


def test_practices_settings_bound_the_units(nlp):
    short = Practices(nlp, "p", settings=PracticesSettings(sentence_chars=10))
    got, _ = links_of(nlp, short, "Votre ⟦DATA contact|adresse e-mail⟧ sert à ⟦PURPOSE marketing|vous envoyer nos offres⟧.")
    assert got == set()


@pytest.mark.parametrize("sentence, want", [
    ("Ce transfert est encadré par les clauses contractuelles types de la Commission européenne.", "scc"),
    ("Ces transferts reposent sur des CCT.", "scc"),
    ("Le groupe a adopté des règles d’entreprise contraignantes (BCR).", "bcr"),
    ("Ce pays bénéficie d’une décision d’adéquation de la Commission européenne.", "adequacy"),
    ("Ce transfert n’a lieu qu’avec votre consentement explicite.", "consent"),
    ("Notre prestataire est certifié au titre du Data Privacy Framework.", "other"),
    ("Ce prestataire respecte la réglementation.", None),
])
def test_practices_safeguard_of_a_transfer(nlp, practices, sentence, want):
    doc, _ = run(nlp, practices, f"Vos données sont envoyées à notre ⟦RECIPIENT processor|prestataire⟧ établi aux États-Unis. {sentence}",
                 countries={"prestataire": "US"})
    [party] = doc.spans[SPAN_KEY]
    got = party._.safeguard
    assert (got.value if got else None) == want
    if got:
        assert doc.text[got.start : got.end] in sentence


def test_practices_safeguard_in_the_section_of_a_transfer_named_by_its_words(nlp, practices):
    doc, _ = run(nlp, practices, (
        "5. TRANSFERTS DE DONNÉES\n"
        "Certaines données peuvent être transférées hors de l’Union européenne à nos ⟦RECIPIENT processor|sous-traitants⟧.\n"
        "Nous avons mis en place des garanties appropriées.\n"
        "Ces transferts sont encadrés par des clauses contractuelles types.\n"))
    assert doc.spans[SPAN_KEY][0]._.safeguard.value == "scc"


def test_practices_no_safeguard_for_a_recipient_inside_the_eea_or_for_consent_to_something_else(nlp, practices):
    doc, _ = run(nlp, practices, (
        "Vos données sont envoyées à notre ⟦RECIPIENT processor|prestataire⟧ établi en France, "
        "qui applique des clauses contractuelles types."), countries={"prestataire": "FR"})
    assert doc.spans[SPAN_KEY][0]._.safeguard is None
    doc, _ = run(nlp, practices, (
        "Nos ⟦RECIPIENT processor|hébergeurs⟧ sont au Canada.\nNous envoyons la newsletter avec votre consentement explicite."),
        countries={"hébergeurs": "CA"})
    assert doc.spans[SPAN_KEY][0]._.safeguard is None


def test_practices_safeguard_model_refuses_other_values():
    with pytest.raises(ValueError):
        Safeguard(value="contract", start=0, end=3)


def test_practices_full_pipeline_last_and_saved_with_its_settings(nlp, tmp_path):
    assert nlp.pipe_names[-2:] == ["privacy_countries", "privacy_practices"]
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.get_pipe("privacy_practices").s == PracticesSettings()
    doc = loaded("Nous utilisons votre adresse e-mail pour vous envoyer nos offres.")
    group = doc.spans[SPAN_KEY]
    assert {(group[d].text, group[o].text) for d, o in doc._.links} == {("adresse e-mail", "vous envoyer nos offres")}


def test_practices_json_output_links_by_span_index(nlp):
    text = ("Nous utilisons votre adresse e-mail pour vous envoyer nos offres.\n\n"
            "Vos coordonnées sont transmises à notre prestataire situé aux États-Unis, "
            "dans le cadre de clauses contractuelles types.\n")
    [record] = list(extract(nlp, [Notice("n", text, "n.txt")], Params(), print))
    spans = record["spans"]
    pairs = {(spans[i]["text"], spans[j]["text"]) for i, s in enumerate(spans) for j in s.get("links", [])}
    assert ("adresse e-mail", "vous envoyer nos offres") in pairs
    assert ("coordonnées", "prestataire") in pairs
    assert all(s["label"] == "DATA" for s in spans if "links" in s)
    [party] = [s for s in spans if s["label"] == "RECIPIENT"]
    assert party["safeguard"]["value"] == "scc"
    assert text[party["safeguard"]["start"] : party["safeguard"]["end"]] == party["safeguard"]["text"] == "clauses contractuelles types"


def test_practices_a_back_reference_to_data_of_a_long_sentence(nlp):
    short = Practices(nlp, "p", settings=PracticesSettings(sentence_chars=60))
    got, want = links_of(nlp, short, (
        "Lors de la création de votre compte et de chacune de vos commandes sur notre site, nous collectons votre "
        "⟦DATA identity @1|nom⟧. Ces données sont conservées ⟦DURATION P3Y exact @1|3 ans⟧."))
    assert got == want and len(want) == 1


def test_practices_a_lead_in_over_several_processings_joins_each_item(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Sur la base de votre ⟦LEGAL_BASIS GDPR-6-1-a @1,2|consentement⟧, nous traitons :\n"
        "- votre ⟦DATA contact @1|adresse e-mail⟧ pour ⟦PURPOSE marketing @1|vous envoyer la newsletter⟧\n"
        "- votre ⟦DATA location @2|position⟧ pour ⟦PURPOSE service @2|afficher les magasins proches⟧\n"))
    assert got == want and len(want) == 4


def test_practices_data_inside_a_purpose_or_a_period(nlp, practices):
    got, want = links_of(nlp, practices, (
        "Nous traitons vos données pour ⟦PURPOSE service @1|gérer vos ⟦DATA contract @1|commandes⟧⟧ et "
        "⟦PURPOSE marketing @2|analyser votre ⟦DATA usage @2|navigation⟧⟧.\n\n"
        "Votre ⟦DATA identity @3|nom⟧ est conservé ⟦DURATION null exact after=suppression du compte @3|"
        "jusqu’à la suppression du ⟦DATA identity|compte⟧⟧."))
    assert got == want and len(want) == 3
