"""The wheel carries content/, and a non-editable install works on its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    (found,) = out.glob("coreg_tui-*.whl")
    return found


def test_the_wheel_carries_the_content(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {
        n.removeprefix("coreg_tui/_content/") for n in names if n.startswith("coreg_tui/_content/")
    }
    in_checkout = {
        str(p.relative_to(ROOT / "content")) for p in (ROOT / "content").rglob("*") if p.is_file()
    }
    assert in_checkout and shipped == in_checkout
    assert "coreg_tui/cli/app.py" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "coreg = coreg_tui.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_an_installed_wheel_runs_from_its_own_files(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import coreg_tui.content as c; print(c.builtin_content_dir()); print(c.__file__)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.splitlines()
    assert all(line.startswith(str(target)) for line in probe)
    listed = subprocess.run(
        [sys.executable, "-m", "coreg_tui", "patterns", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert "calm" in {row["name"] for row in json.loads(listed.stdout)}
    practices = subprocess.run(
        [sys.executable, "-m", "coreg_tui", "practices", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    shipped = json.loads(practices.stdout)
    assert len(shipped) == len(list((ROOT / "content" / "practices").glob("*.toml")))
    assert all(row["source"] == "built-in" for row in shipped)
