"""The ``privex`` CLI, through typer's CliRunner, including every kind of bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import app

from conftest import seed_text

runner = CliRunner()


@pytest.fixture(scope="module")
def built_model(tmp_path_factory, nlp):
    """A saved pipeline, so the CLI does not assemble one per call."""
    path = tmp_path_factory.mktemp("model") / "privex-fr"
    nlp.to_disk(path)
    return path


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_cli_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"privex {__version__}"


def test_cli_no_args_shows_help():
    result = run()
    assert "extract" in result.stdout and "clean" in result.stdout


def test_cli_clean_prints_clean_text(root):
    result = run("clean", root / "corpus" / "isabel-clearnox-confidentialite.txt")
    assert result.exit_code == 0
    assert "pg. 2/8" not in result.stdout
    assert result.stdout.startswith("Déclaration de confidentialité")


def test_cli_extract_jsonl_is_the_contract_format(root, built_model):
    result = run("extract", "--model", built_model, root / "corpus" / "kbc-relation-commerciale.txt")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["id"] == "kbc-relation-commerciale"
    assert record["text"] == seed_text("kbc-relation-commerciale")
    assert isinstance(record["spans"], list)
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]


def test_cli_extract_folder_json_and_table(root, built_model):
    result = run("extract", "--model", built_model, "--format", "json", root / "corpus")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["id"] for r in records] == sorted(p.stem for p in (root / "corpus").glob("*.txt"))
    table = run("extract", "--model", built_model, "-f", "table", root / "corpus" / "harmony-confidentialite.txt")
    assert table.exit_code == 0
    assert table.stdout.startswith("== harmony-confidentialite")


def test_cli_extract_stdin(built_model):
    result = run("extract", "--model", built_model, "-", input=seed_text("belfius-chat-video"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "stdin"


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    english = tmp_path / "english.txt"
    english.write_text("This privacy policy explains how we collect and use your personal data. " * 20)
    nothing = tmp_path / "no-txt"
    nothing.mkdir()
    (nothing / "notes.md").write_text("rien")
    return {
        "missing": (tmp_path / "missing.txt", "no such file or folder"),
        "empty": (empty, "empty file"),
        "binary": (binary, "binary file"),
        "english": (english, "does not look like French"),
        "folder without .txt": (nothing, "folder has no .txt file"),
    }


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "english", "folder without .txt"])
def test_cli_extract_bad_input_fails_alone(kind, tmp_path, root, built_model):
    bad, message = _bad_inputs(tmp_path)[kind]
    good = root / "corpus" / "belfius-chat-video.txt"
    result = run("extract", "--model", built_model, good, bad, good)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and message in errors[0] and errors[0].startswith("privex: ")
    assert "Traceback" not in result.output
    # the good notices of the same run are still written, whole
    ids = [json.loads(line)["id"] for line in result.stdout.strip().split("\n")]
    assert ids == ["belfius-chat-video", "belfius-chat-video"]


def test_cli_extract_cp1252_is_read_with_a_warning(tmp_path, built_model):
    path = tmp_path / "ancien.txt"
    path.write_bytes(seed_text("belfius-chat-video").encode("cp1252", errors="replace"))
    result = run("extract", "--model", built_model, path)
    assert result.exit_code == 0
    assert "not valid UTF-8, read as Windows-1252" in result.stderr
    assert "entretien vidéo" in json.loads(result.stdout)["text"]


def test_cli_extract_html_page_is_stripped(tmp_path, built_model):
    body = seed_text("belfius-web-commercial").replace("\n\n", "</p>\n<p>")
    path = tmp_path / "page.txt"
    path.write_text(f"<!DOCTYPE html><html><head><style>p {{color: red}}</style></head><body><p>{body}</p></body></html>")
    result = run("extract", "--model", built_model, path)
    assert result.exit_code == 0, result.output
    cleaned = run("clean", path).stdout
    assert "<p>" not in cleaned and "color" not in cleaned and "Belfius Banque" in cleaned


def test_cli_extract_huge_file_is_refused_or_processed(tmp_path, built_model, params):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (params.extract.max_bytes + 1))
    result = run("extract", "--model", built_model, big)
    assert result.exit_code == 1
    assert "MB allowed" in result.stderr and "Traceback" not in result.output


def test_cli_bad_params_file_names_the_key(tmp_path, root):
    bad = tmp_path / "params.yaml"
    bad.write_text("extract:\n  chunk_chars: -5\n")
    result = run("clean", "--params", bad, root / "corpus" / "kbc-relation-commerciale.txt")
    assert result.exit_code == 2
    assert "extract.chunk_chars" in result.stderr
