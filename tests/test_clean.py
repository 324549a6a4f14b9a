"""The cleaner: one test per junk kind (with the raw seed line), the alignment, nothing lost."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from pipeline.clean import clean
from pipeline.config import CleanParams, CleanRules

from conftest import SEEDS, seed_text

WORD = re.compile(r"\w+")


def words(text: str) -> Counter:
    return Counter(WORD.findall(text))


def without(rule: str) -> CleanParams:
    return CleanParams(rules=CleanRules(**{rule: False}))


def test_clean_page_marker_line_is_removed():
    raw = "b. Les produits que vous utilisez.\npg. 2/8\n\n\n3.2 INSCRIPTION À NOS SERVICES\n"
    assert "pg" not in clean(raw).text
    assert "pg. 2/8" in clean(raw, without("page_markers")).text


def test_clean_page_marker_inside_a_sentence_is_kept():
    raw = "Voir la pg. 2/8 du contrat pour les détails de la procédure."
    assert "pg. 2/8" in clean(raw).text


def test_clean_pdf_wrapped_lines_are_joined():
    raw = (
        "a. Données d’identification : votre nom, votre adresse e-mail, votre préférence linguistique et votre\n"
        "numéro de téléphone, nous vous attribuerons également, à vous ou à votre entreprise, un numéro de\n"
        "client ;\n"
        "b. Les produits que vous ou votre entreprise utilisez et les informations relatives à la facturation.\n"
        "pg. 2/8\n"
        "3.2 INSCRIPTION À NOS SERVICES\n"
        "Lorsque vous demandez des informations sur nos services, nous collectons les types de données personnelles\n"
        "suivants vous concernant :\n"
    )
    lines = clean(raw).text.split("\n")
    assert lines[0].startswith("Données d’identification") and lines[0].endswith("un numéro de client ;")
    assert "votre numéro de téléphone" in lines[0]
    assert lines[1].startswith("Les produits")
    assert lines[2] == "3.2 INSCRIPTION À NOS SERVICES"
    assert lines[3].endswith("personnelles suivants vous concernant :")


def test_clean_wrap_rule_off_keeps_lines():
    raw = seed_text("isabel-clearnox-confidentialite")
    assert "votre\nnuméro de téléphone" in clean(raw, without("line_wrap")).text
    assert "votre numéro de téléphone" in clean(raw).text


def test_clean_short_notice_lines_are_not_joined():
    raw = seed_text("kbc-relation-commerciale")
    first = clean(raw).text.split("\n")[0]
    assert first == "KBC utilise mes données pour améliorer sa relation commerciale avec moi"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("client d’une autre entité du %kbcgroep.merk%%. Dans ce cas, %%bank%% peut transmettre",
         "client d’une autre entité du . Dans ce cas, peut transmettre"),
        ("Le %%bank%% et le %%bank% traitent", "Le et le traitent"),
        ("Une remise de 10 % sur 20 % des achats", "Une remise de 10 % sur 20 % des achats"),
    ],
)
def test_clean_placeholders_are_removed(raw, expected):
    assert clean(raw).text == expected


def test_clean_placeholders_take_values_from_params():
    params = CleanParams(placeholder_values={"bank": "KBC Bank", "kbcgroep.merk": "groupe KBC"})
    raw = "client d’une autre entité du %kbcgroep.merk%%. Dans ce cas, %%bank%% peut transmettre"
    cleaned = clean(raw, params)
    assert cleaned.text == "client d’une autre entité du groupe KBC. Dans ce cas, KBC Bank peut transmettre"
    start = cleaned.text.index("KBC Bank")
    assert cleaned.to_raw(start, start + len("KBC Bank")) == (raw.index("%%bank%%"), raw.index("%%bank%%") + 1)


def test_clean_placeholder_rule_off_keeps_them():
    assert "%%bank%%" in clean("Dans ce cas, %%bank%% peut transmettre", without("placeholders")).text


@pytest.mark.parametrize("junk", ["cookie_list_text", "cookie_button_settings_text", "arrow up", "télécharger ici"])
def test_clean_widget_lines_are_removed(junk):
    raw = f"{junk}\n\nDéclaration de confidentialité\n\n{junk}"
    assert clean(raw).text == "Déclaration de confidentialité"
    assert junk in clean(raw, without("widgets")).text


def test_clean_widget_words_inside_a_sentence_stay():
    raw = "Cliquez sur la flèche arrow up pour remonter ou télécharger ici le document."
    assert clean(raw).text == raw


def test_clean_markdown_bold_heading_and_links():
    raw = (
        "# Vos contacts digitaux\n\n"
        "Avec le **Chat Belfius**, vous pouvez poser vos questions.\n\n"
        "**Vous trouverez tous les détails dans notre Charte Vie privée sur "
        "[Belfius.be/privacy](https://belfius.be/privacy).**"
    )
    text = clean(raw).text
    assert text.split("\n")[0] == "Vos contacts digitaux"
    assert "Avec le Chat Belfius, vous pouvez" in text
    assert text.endswith("Charte Vie privée sur Belfius.be/privacy.")
    assert "**" in clean(raw, without("markdown")).text


@pytest.mark.parametrize("raw, expected", [
    ("conservées 3 ans après la dernière activité mail/sms\\*5", "conservées 3 ans après la dernière activité mail/sms*5"),
    ("les champs marqués d'un \\* sont obligatoires", "les champs marqués d'un * sont obligatoires"),
    ("**Durée** : \\*voir ci-dessous\\*", "Durée : *voir ci-dessous*"),
    ("*Données de compte* et e\\-mail", "Données de compte et e-mail"),
])
def test_clean_markdown_escaped_star_is_a_star_not_emphasis(raw, expected):
    cleaned = clean(raw)
    assert cleaned.text == expected
    for i, char in enumerate(cleaned.text):  # the star maps back to the raw star, not to its backslash
        if char == "*":
            start, end = cleaned.to_raw(i, i + 1)
            assert raw[start:end] == "*"



@pytest.mark.parametrize(
    "raw, expected",
    [
        ("- > **Bbot** répond automatiquement", "Bbot répond automatiquement"),
        ("● Isabel NV/SA, dont les bureaux sont situés", "Isabel NV/SA, dont les bureaux sont situés"),
        ("  • Les coordonnées, telles que l’adresse", "Les coordonnées, telles que l’adresse"),
        ("a. Données d’identification : votre nom", "Données d’identification : votre nom"),
        ("iv. Pour vous fournir une assistance", "Pour vous fournir une assistance"),
        ("  1. Évaluation et traitement de votre demande", "Évaluation et traitement de votre demande"),
        ("- pour constituer un historique des échanges;", "pour constituer un historique des échanges;"),
        ("+32 2 545 17 11) ;", "+32 2 545 17 11) ;"),
    ],
)
def test_clean_bullets_are_removed(raw, expected):
    assert clean(raw).text == expected


def test_clean_bullet_rule_off_keeps_them():
    assert clean("● Isabel NV/SA", without("bullets")).text == "● Isabel NV/SA"


def test_clean_nbsp_and_blank_lines():
    raw = "Politique\xa0de confidentialité\n\n \n\xa0\n\nDéclaration  de confidentialité\n"
    assert clean(raw).text == "Politique de confidentialité\n\nDéclaration de confidentialité"


def test_clean_repeated_line_of_the_same_section_is_dropped():
    raw = seed_text("kbc-relation-commerciale")
    twin = "Les conversations que vous avez avec les collaborateurs de KBC à l’agence, par téléphone, par chat ou via Kate peuvent être enregistrées:"
    assert raw.count(twin) == 2
    assert clean(raw).text.count(twin) == 1
    assert clean(raw, without("duplicate_lines")).text.count(twin) == 2


def test_clean_repeat_in_another_section_stays():
    raw = "Nous collectons votre adresse e-mail et votre nom.\n\nNous collectons votre adresse e-mail et votre nom."
    assert clean(raw).text.count("adresse e-mail") == 2


def test_clean_markdown_table_gives_one_line_per_cell():
    raw = "| Données | Durée |\n| --- | --- |\n| Nom, prénom | 12 mois |\n"
    assert clean(raw).text.split("\n") == ["Données", "Durée", "Nom, prénom", "12 mois"]


def test_clean_html_tags_and_entities():
    raw = '<%@ page language="java"%>\n<h1>Protection des donn&eacute;es</h1><p>Nous collectons votre <b>nom</b>.</p>'
    assert clean(raw).text == "Protection des données\n\nNous collectons votre nom."


def test_clean_front_matter():
    raw = "---\ntitle: Politique\nslug: privacy\n---\n\nLa politique de confidentialité décrit."
    assert clean(raw).text == "La politique de confidentialité décrit."


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_clean_seed_loses_no_word_outside_junk(path):
    raw = path.read_text(encoding="utf-8")
    cleaned = clean(raw)
    junk = Counter()
    for removal in cleaned.removed:
        junk += words(raw[removal.start : removal.end])
    assert words(cleaned.text) + junk == words(raw)
    # junk is only ever small: most of every notice survives
    assert sum(junk.values()) < 0.05 * sum(words(raw).values())


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_clean_alignment_maps_spans_back_to_raw(path):
    raw = path.read_text(encoding="utf-8")
    cleaned = clean(raw)
    rng = random.Random(path.stem)
    junk = [r for r in cleaned.removed if r.rule != "whitespace"]
    checked = 0
    for match in re.finditer(r"\w+(?:[’'\- ]\w+){0,3}", cleaned.text):
        if rng.random() > 0.3:
            continue
        start, end = cleaned.to_raw(match.start(), match.end())
        if any(start < r.end and r.start < end for r in junk):
            continue  # a span over removed markup (``**Bbot** répond``) keeps it inside
        assert " ".join(raw[start:end].split()) == " ".join(match.group().split())
        checked += 1
    assert checked > 30


def test_clean_alignment_span_across_a_pdf_line_break():
    raw = seed_text("isabel-clearnox-confidentialite")
    cleaned = clean(raw)
    i = cleaned.text.index("votre numéro de téléphone, nous vous attribuerons")
    start, end = cleaned.to_raw(i + len("votre "), i + len("votre numéro de téléphone"))
    assert raw[start:end] == "numéro de téléphone"
    assert raw[start - len("votre\n") : start] == "votre\n"


def test_clean_alignment_refuses_spans_outside_the_text():
    cleaned = clean("Nous collectons votre nom.")
    with pytest.raises(IndexError):
        cleaned.to_raw(0, 999)


def test_clean_repeated_table_cells_stay():
    raw = (
        "| Données | Durée |\n| --- | --- |\n"
        "| Poids, tension | Pendant la durée du traitement, puis supprimé. |\n"
        "| Humeur, sommeil | Pendant la durée du traitement, puis supprimé. |\n"
    )
    assert clean(raw).text.count("Pendant la durée du traitement, puis supprimé.") == 2
