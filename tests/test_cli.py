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
    (nothing / "notes.rst").write_text("rien")
    (nothing / "README.md").write_text("Le dossier.")  # a folder's own documentation is no notice
    return {
        "missing": (tmp_path / "missing.txt", "no such file or folder"),
        "empty": (empty, "empty file"),
        "binary": (binary, "binary file"),
        "english": (english, "does not look like French"),
        "folder without .txt": (nothing, "folder has no .txt or .md file"),
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


def _tiny_gold(folder, standoff=False):
    """A gold file for a notice that is not in corpus/ (text written here)."""
    text = "Nous conservons votre adresse e-mail pendant 3 ans.\nLes données sont partagées avec nos hébergeurs.\n"
    spans = [
        {"start": 22, "end": 36, "label": "DATA", "text": "adresse e-mail", "category": "contact"},
        {"start": 45, "end": 50, "label": "DURATION", "text": "3 ans", "value": "P3Y", "bound": "exact", "after": None},
        {"start": 88, "end": 98, "label": "RECIPIENT", "text": "hébergeurs", "category": "processor"},
    ]
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"]
    gold = folder / "gold.jsonl"
    if standoff:
        import hashlib

        (folder / "n.txt").write_text(text, encoding="utf-8")
        line = {"id": "n", "source": str(folder / "n.txt"), "sha256": hashlib.sha256(text.encode()).hexdigest(), "spans": spans}
    else:
        line = {"id": "n", "text": text, "spans": spans}
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold, spans


@pytest.mark.parametrize("standoff", [False, True], ids=["inline", "stand-off"])
def test_cli_evaluate_any_gold_file(tmp_path, built_model, standoff):
    gold, spans = _tiny_gold(tmp_path, standoff)
    errors = tmp_path / "errors.jsonl"
    result = run("evaluate", gold, "--json", "--errors", errors, "--model", built_model)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["notices"] == 1
    found = scores["micro"]["overlap_tp"]
    assert found + scores["micro"]["overlap_fn"] == len(spans)
    written = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert sum(e["error"] == "fn" for e in written) == scores["micro"]["overlap_fn"]
    assert all("[[" in e["context"] for e in written)
    table = run("evaluate", gold, "--model", built_model)
    assert "DURATION" in table.stdout and "micro" in table.stdout


def test_cli_evaluate_refuses_a_missing_gold_file(tmp_path):
    result = run("evaluate", tmp_path / "nope.jsonl")
    assert result.exit_code == 1 and "no such gold file" in result.stderr


def test_cli_report_fails_below_a_floor(tmp_path):
    scores = tmp_path / "scores.json"
    row = {f"{m}_{k}": 0.5 for m in ("exact", "overlap") for k in ("p", "r", "f1")}
    row.update({f"{m}_{k}": 1 for m in ("exact", "overlap") for k in ("tp", "fp", "fn")})
    labels = {label: dict(row, category_accuracy=0.5, value_bound_accuracy=0.5) for label in
              ("DATA", "PURPOSE", "DURATION", "RECIPIENT", "micro")}
    scores.write_text(json.dumps({"seeds": dict(labels, notices=1)}), encoding="utf-8")
    params = tmp_path / "params.yaml"
    params.write_text("evaluate:\n  floors:\n    DATA.overlap_f1: 0.4\n", encoding="utf-8")
    ok = run("report", "--scores", scores, "--params", params)
    assert ok.exit_code == 0 and "floors of params.yaml met" in ok.stdout
    params.write_text("evaluate:\n  floors:\n    DATA.overlap_f1: 0.6\n", encoding="utf-8")
    bad = run("report", "--scores", scores, "--params", params)
    assert bad.exit_code == 1 and "DATA.overlap_f1 = 0.5 is below its floor 0.6" in bad.stderr
    # floors of the extra notices apply only when they were scored
    params.write_text("evaluate:\n  floors:\n    extra.DATA.overlap_f1: 0.9\n", encoding="utf-8")
    assert run("report", "--scores", scores, "--params", params).exit_code == 0
    scores.write_text(json.dumps({"seeds": dict(labels, notices=1), "extra": dict(labels, notices=1)}), encoding="utf-8")
    extra = run("report", "--scores", scores, "--params", params)
    assert extra.exit_code == 1 and "extra: DATA.overlap_f1 = 0.5" in extra.stderr


def test_cli_project_root_is_found_from_the_working_directory(tmp_path, root):
    from pipeline.config import find_project_root

    assert find_project_root(root / "pipeline" / "clean") == root
    other = tmp_path / "other-project"
    (other / "sub").mkdir(parents=True)
    (other / "params.yaml").write_text("corpus:\n  dir: notices\n")
    (other / "dvc.yaml").write_text("stages: {}\n")
    assert find_project_root(other / "sub") == other.resolve()


def _command(*args, cwd=None):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


def test_the_command_ends_with_the_apps_exit_code_and_all_its_output(root, built_model, tmp_path):
    """``privex`` ends without Python's shutdown (``pipeline.cli.run``): the exit code is the app's,
    and output far larger than a pipe's buffer arrives whole."""
    seeds = root / "corpus"
    done = _command("extract", seeds, "--format", "json", "--model", built_model, "-j", "1")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert len(done.stdout) > 65_536 and len(records)  # more than a pipe holds: == len(list(seeds.glob("*.txt")))
    assert all(r["spans"] for r in records)

    missing = _command("extract", tmp_path / "absent.txt", "--model", built_model)
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.startswith("privex: ") and len(missing.stderr.strip().splitlines()) == 1

    assert _command("--version").stdout.strip() == f"privex {__version__}"
    assert _command("no-such-command").returncode == 2


def test_cli_reads_markdown_notices_like_text_in_files_and_folders(tmp_path, built_model):
    """Notices as Open Terms Archive stores them (``*.md``) are read like ``*.txt``, in folders too,
    their ids without the extension; a folder's own ``README.md`` is not a notice."""
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "alpha.txt").write_text("Vos données sont conservées 3 ans.\n", encoding="utf-8")
    (folder / "beta.md").write_text("# Conservation\n\nVos données sont **conservées** 5 ans.\n", encoding="utf-8")
    (folder / "README.md").write_text("# Ce dossier\n\nDes notices pour les tests.\n", encoding="utf-8")
    result = run("extract", "--model", built_model, folder)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.strip().split("\n")]
    assert [r["id"] for r in records] == ["alpha", "beta"]
    beta = records[1]
    [period] = [s for s in beta["spans"] if s["label"] == "DURATION"]
    assert (period["text"], period["value"]) == ("5 ans", "P5Y")
    alone = run("extract", "--model", built_model, folder / "beta.md")
    assert json.loads(alone.stdout)["id"] == "beta"


def test_cli_evaluate_gold_spans_scores_the_linker_alone(tmp_path, built_model):
    gold, spans = _tiny_gold(tmp_path, False)
    result = run("evaluate", gold, "--json", "--gold-spans", "--model", built_model)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["micro"]["overlap_tp"] == len(spans) and scores["micro"]["overlap_fp"] == 0
