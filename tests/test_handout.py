"""Handing a notice or a section to an annotator, merging the result, measuring agreement."""

from __future__ import annotations

import json

import pytest

from pipeline.config import Params
from pipeline.gold.handout import agree, merge, outline, prepare, readable
from pipeline.gold.io import GoldError, read_gold

RAW = (
    "# Politique de confidentialité\r\n\r\n"
    "Nous collectons votre\u00a0nom, votre adresse e-mail\u200b et votre numéro de téléphone.\r\n\r\n"
    "## Durée\r\n\r\n"
    "Elles sont conservées 3\u202fans après la fin du contrat, sur la base de votre consentement.\r\n"
)


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "train"
    folder.mkdir()
    (folder / "n.txt").write_bytes(RAW.encode("utf-8"))
    params = Params.model_validate({
        "corpus": {"dir": str(tmp_path / "corpus"), "extra_dirs": [], "train_dirs": [str(folder)]},
        "gold": {"train": str(tmp_path / "train.jsonl")},
    })
    return tmp_path, params


def annotate(path, *replacements):
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_handout_readable_text_drops_invisible_characters_and_maps_back():
    view = readable("a\u00a0b\u200bc\r\nd\ue0b7")
    assert view.text == "a bc\nd•"
    assert view.to_raw(2, 4) == (2, 5)  # "bc" spans the zero-width space in the raw text


def test_handout_prepare_and_merge_give_raw_offsets(project):
    tmp, params = project
    work = prepare("n", params, out_dir=tmp / "work")
    assert "\u00a0" not in work.read_text(encoding="utf-8") and "\r" not in work.read_text(encoding="utf-8")
    annotate(
        work,
        ("votre nom", "votre ⟦DATA identity|nom⟧"),
        ("adresse e-mail et", "⟦DATA contact|adresse e-mail⟧ et"),
        ("3 ans après la fin du contrat", "⟦DURATION P3Y exact after=fin du contrat|3 ans après la fin du contrat⟧"),
        ("consentement", "⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧"),
    )
    into, record = merge(work, params)
    assert into == tmp / "train.jsonl" and record["source"].endswith("train/n.txt")
    notice = read_gold(into)[0]
    assert notice.text == RAW and notice.regions is None
    for span in notice.spans:
        assert RAW[span["start"] : span["end"]] == span["text"]
    assert [s["text"] for s in notice.spans] == ["nom", "adresse e-mail", "3\u202fans après la fin du contrat", "consentement"]


def test_handout_merge_refuses_a_changed_text_with_its_line(project):
    tmp, params = project
    work = prepare("n", params, out_dir=tmp / "work")
    annotate(work, ("votre nom", "votre ⟦DATA identity|nom⟧"), ("téléphone", "telephone"))
    with pytest.raises(GoldError, match="line 3"):
        merge(work, params)
    assert not (tmp / "train.jsonl").exists()


def test_handout_merge_refuses_overlapping_spans_of_one_label(project):
    tmp, params = project
    work = prepare("n", params, out_dir=tmp / "work")
    annotate(work, ("adresse e-mail", "⟦DATA contact|adresse ⟦DATA contact|e-mail⟧⟧"))
    with pytest.raises(GoldError, match="overlap"):
        merge(work, params)


def test_handout_sections_merge_side_by_side_and_cover_the_notice(project):
    tmp, params = project
    cut = RAW.index("## Durée")
    first = prepare("n", params, region=(0, cut), out_dir=tmp / "a")
    second = prepare("n", params, region=(cut, len(RAW)), out_dir=tmp / "b")
    annotate(second, ("consentement", "⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧"))
    _, record = merge(second, params)
    assert record["regions"] == [[cut, len(RAW)]]
    annotate(first, ("votre nom", "votre ⟦DATA identity|nom⟧"))
    _, record = merge(first, params)
    assert "regions" not in record  # both sections done: the whole notice
    assert [s["label"] for s in record["spans"]] == ["DATA", "LEGAL_BASIS"]
    # merging a section again replaces its spans only
    again = prepare("n", params, region=(0, cut), out_dir=tmp / "c", with_gold=tmp / "train.jsonl")
    assert "⟦DATA identity|nom⟧" in again.read_text(encoding="utf-8")
    annotate(again, ("⟦DATA identity|nom⟧", "nom"))
    _, record = merge(again, params)
    assert [s["label"] for s in record["spans"]] == ["LEGAL_BASIS"]


def test_handout_agreement_scores_one_annotation_against_the_other(project):
    tmp, params = project
    a = prepare("n", params, out_dir=tmp / "a")
    b = prepare("n", params, out_dir=tmp / "b")
    annotate(a, ("votre nom", "votre ⟦DATA identity|nom⟧"), ("numéro de téléphone", "⟦DATA contact|numéro de téléphone⟧"))
    annotate(b, ("votre nom", "votre ⟦DATA identity|nom⟧"), ("numéro de téléphone", "numéro de ⟦DATA contact|téléphone⟧"))
    merge(a, params, tmp / "a.jsonl")
    merge(b, params, tmp / "b.jsonl")
    scores, errors = agree(tmp / "a.jsonl", tmp / "b.jsonl")
    assert scores["DATA"]["overlap_f1"] == 1.0 and scores["DATA"]["exact_f1"] == 0.5
    assert scores["characters"] == len(RAW)
    assert errors == []  # overlap matches every span; exact differences show in the scores


def test_handout_outline_lists_headings_with_raw_offsets(project):
    _, params = project
    assert [o for o, _ in outline("n", params)] == [0, RAW.index("## Durée")]


def test_handout_unknown_notice_is_one_clear_error(project):
    _, params = project
    with pytest.raises(GoldError, match="no notice 'absent'"):
        prepare("absent", params)


def test_handout_command_line_reports_errors_in_one_line(project, capsys, monkeypatch):
    from pipeline.gold import handout

    tmp, params = project
    monkeypatch.setattr(handout, "default_params", lambda: params)
    assert handout.main(["prepare", "absent"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    work = prepare("n", params, out_dir=tmp / "w")
    annotate(work, ("votre nom", "votre ⟦DATA identity|nom⟧"))
    assert handout.main(["merge", str(work)]) == 0
    assert json.loads((tmp / "train.jsonl").read_text(encoding="utf-8"))["spans"][0]["text"] == "nom"


def test_handout_diff_lists_every_span_not_shared_exactly(project):
    from pipeline.gold.handout import differences

    tmp, params = project
    a = prepare("n", params, out_dir=tmp / "a")
    b = prepare("n", params, out_dir=tmp / "b")
    annotate(a, ("votre nom", "votre ⟦DATA identity|nom⟧"), ("numéro de téléphone", "⟦DATA contact|numéro de téléphone⟧"),
             ("consentement", "⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧"))
    annotate(b, ("votre nom", "votre ⟦DATA other|nom⟧"), ("numéro de téléphone", "numéro de ⟦DATA contact|téléphone⟧"),
             ("consentement", "⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧"))
    merge(a, params, tmp / "a.jsonl")
    merge(b, params, tmp / "b.jsonl")
    rows = differences(tmp / "a.jsonl", tmp / "b.jsonl")
    assert [(r["text"], r["in"]) for r in rows] == [("nom", "both"), ("numéro de téléphone", "first"), ("téléphone", "second")]
    assert rows[0]["first"] == {"category": "identity"} and rows[0]["second"] == {"category": "other"}
    assert "[[nom]]" in rows[0]["context"]
