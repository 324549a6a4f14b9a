"""End to end: ``dvc repro`` in a copy of the project, then again with nothing changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _copy_project(root: Path, dest: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    for name in filter(None, files):
        src = root / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    return dest


def test_dvc_repro_builds_everything_then_does_nothing(root, tmp_path):
    project = _copy_project(root, tmp_path / "project")
    bin_dir = Path(sys.executable).parent
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "DVC_NO_ANALYTICS": "1"}
    dvc = [str(bin_dir / "dvc")]
    first = subprocess.run(dvc + ["repro"], cwd=project, capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    for name in (p.stem for p in (project / "corpus").glob("*.txt")):
        assert (project / "data" / "clean" / f"{name}.txt").is_file()
        record = json.loads((project / "data" / "extract" / f"{name}.json").read_text(encoding="utf-8"))
        assert record["text"] == (project / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
    assert (project / "models" / "privex-fr" / "config.cfg").is_file()
    index = (project / "reports" / "index.html").read_text(encoding="utf-8")
    for name in (p.stem for p in (project / "corpus").glob("*.txt")):
        assert f'<a href="{name}.html">{name}</a>' in index and (project / "reports" / f"{name}.html").is_file()
    assert not (project / "reports" / "extra").exists()  # no extra notices in this copy
    second = subprocess.run(dvc + ["repro"], cwd=project, capture_output=True, text=True, env=env)
    assert second.returncode == 0
    assert "Running stage" not in second.stdout
    assert "up to date" in second.stdout

    # one notice changed: the extract stage runs again, on that notice only
    notice = project / "corpus" / "kbc-relation-commerciale.txt"
    notice.write_text(notice.read_text(encoding="utf-8") + "\nVos données sont conservées 4 ans.\n", encoding="utf-8")
    third = subprocess.run(dvc + ["repro"], cwd=project, capture_output=True, text=True, env=env)
    assert third.returncode == 0, third.stdout + third.stderr
    assert "1 notices extracted, 4 taken from the cache" in third.stdout + third.stderr
    record = json.loads((project / "data" / "extract" / "kbc-relation-commerciale.json").read_text(encoding="utf-8"))
    assert record["text"] == notice.read_text(encoding="utf-8")
