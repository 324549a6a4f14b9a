"""Practice records and the formats made from them (``practices``, ``csv``, ``tilt``), the DPV
mapping; notices written for the test."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Params
from pipeline.extract import extract
from pipeline.formats.csv import COLUMNS, NOTICE_WIDE, header, notice_csv
from pipeline.formats.dpv import concept, mapping
from pipeline.formats.practices import notice_practices
from pipeline.formats.records import NoticePractices, practice_records
from pipeline.formats.tilt import SCHEMA, schema, tilt_document
from pipeline.notices import Notice
from pipeline.taxonomy import CATEGORIES, ISO_DURATION_PATTERN, LEGAL_BASES

NOTICE = (
    "1. PROSPECTION COMMERCIALE\n\n"
    "Nous utilisons votre adresse e-mail et votre nom pour vous envoyer nos offres, sur la base de votre consentement. "
    "Ces données sont conservées 3 ans à compter de votre dernier achat.\n\n"
    "2. TRANSFERTS\n\n"
    "Vos coordonnées sont transmises à notre prestataire d’envoi situé aux États-Unis, "
    "dans le cadre de clauses contractuelles types.\n\n"
    "3. CONSERVATION\n\n"
    "Les données personnelles sont conservées tant que votre compte est actif.\n"
)


@pytest.fixture(scope="module")
def record(nlp):
    [rec] = list(extract(nlp, [Notice("boutique", NOTICE, "boutique.txt")], Params(), print))
    return rec


def test_formats_practice_records_link_data_to_what_applies_to_it(record):
    practices = practice_records(record)
    by_category = {r.data.category: r for r in practices.records}
    contact = by_category["contact"]
    assert contact.data.dpv == "pd:Contact"
    assert "adresse e-mail" in contact.names
    assert [p.text for p in contact.purposes] == ["vous envoyer nos offres"]
    assert contact.purposes[0].dpv == "dpv:Marketing"
    assert [(b.value, b.dpv) for b in contact.legal_bases] == [("GDPR-6-1-a", "dpv:Consent")]
    assert [r.value for r in contact.retention] == ["P3Y"]
    assert contact.countries == ["US"] and contact.safeguards == ["scc"]
    # every item's evidence is the raw text at its offsets
    for rec in practices.records:
        for item in [rec.data, *rec.purposes, *rec.legal_bases, *rec.retention, *rec.recipients]:
            assert item.evidence
            for e in item.evidence:
                assert record["text"][e.start : e.end] == e.text
                assert e.span is None or record["spans"][e.span]["text"] == e.text
    # the period said of personal data in general is the notice's own
    assert [r.text for r in practices.notice_wide.retention] == ["tant que votre compte est actif"]


def test_formats_practices_json_round_trip(record):
    line = notice_practices(record)
    back = NoticePractices.model_validate_json(line)
    assert back == practice_records(record)
    assert json.loads(line)["id"] == "boutique"


def test_formats_csv_opens_with_the_standard_library(record):
    text = header() + notice_csv(record)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and list(rows[0]) == list(COLUMNS)
    contact = [r for r in rows if r["data_category"] == "contact"]
    assert [r["purpose"] for r in contact] == ["vous envoyer nos offres"]
    assert contact[0]["legal_bases"] == "GDPR-6-1-a" and contact[0]["countries"] == "US"
    assert contact[0]["retention"].startswith("P3Y")
    assert any(r["data_category"] == NOTICE_WIDE for r in rows)
    for row in rows:  # evidence: raw offsets
        for pair in filter(None, row["evidence"].split("; ")):
            start, end = map(int, pair.split("-"))
            assert 0 <= start < end <= len(NOTICE)


def test_formats_tilt_document_is_valid_against_the_schema(record):
    document = tilt_document(record, created="2026-12-07T10:00:00")
    jsonschema.Draft7Validator(schema()).validate(document)
    [contact] = [d for d in document["dataDisclosed"] if d["_id"] == "boutique-contact"]
    assert contact["category"] == "pd:Contact"
    assert [b["reference"] for b in contact["legalBases"]] == ["GDPR-6-1-a"]
    assert [t["ttl"] for t in contact["storage"][0]["temporal"]] == ["P3Y"]
    assert [t["country"] for t in document["thirdCountryTransfers"]] == ["US"]
    assert document["thirdCountryTransfers"][0]["standardDataProtectionClause"]["available"] is True
    for item in document["dataDisclosed"]:  # the schema's ttl pattern is loose: the project's own check
        for storage in item["storage"]:
            assert all(re.match(ISO_DURATION_PATTERN, t["ttl"]) for t in storage["temporal"])


def test_formats_tilt_of_a_notice_without_spans_is_valid_and_empty():
    document = tilt_document({"id": "vide", "text": "Rien.", "spans": []})
    jsonschema.Draft7Validator(schema()).validate(document)
    assert document["dataDisclosed"] == [] and document["thirdCountryTransfers"] == []


def test_formats_tilt_schema_is_vendored_with_its_licence():
    assert SCHEMA.is_file() and (SCHEMA.parent / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_formats_dpv_mapping_covers_every_category_basis_and_safeguard():
    for label, categories in CATEGORIES.items():
        for slug in categories:
            assert re.fullmatch(r"(dpv|pd):[A-Z]\w+", concept(label, slug)), (label, slug)
    for value in LEGAL_BASES:
        assert concept("LEGAL_BASIS", value)
    from pipeline.components.practices.models import SAFEGUARDS

    assert set(mapping()["SAFEGUARD"]) == set(SAFEGUARDS)
    assert concept("DATA", None) is None and concept("PURPOSE", "nothing") is None


@pytest.mark.parametrize("fmt", ["practices", "csv", "tilt"])
def test_formats_cli_extract_format(fmt, nlp, tmp_path):
    model = tmp_path / "model"
    nlp.to_disk(model)
    notice = tmp_path / "boutique.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--model", str(model), "--format", fmt, str(notice)])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert tuple(rows[0]) == COLUMNS and len(rows) > 1
    else:
        [line] = result.stdout.strip().split("\n")
        out = json.loads(line)
        if fmt == "tilt":
            jsonschema.Draft7Validator(schema()).validate(out)
        else:
            NoticePractices.model_validate(out)
