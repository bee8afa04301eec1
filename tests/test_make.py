"""`make lab` as a user types it: root or not, with ARGS passed through (dry run, no server)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def lab_command(tmp_path: Path, uid: int, args: str | None) -> str:
    """The jupyter command `make -n lab` would run for a user with this uid."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "id").write_text(f"#!/bin/sh\necho {uid}\n", encoding="utf-8")
    (fake / "id").chmod(0o755)
    cmd = ["make", "-n", "lab"] + ([f"ARGS={args}"] if args is not None else [])
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"})
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if "jupyter lab" in line]
    assert len(lines) == 1, proc.stdout
    return lines[0]


def test_lab_as_root_allows_root_and_passes_args(tmp_path: Path) -> None:
    line = lab_command(tmp_path, 0, "--port 8899 --no-browser")
    assert line.split()[-4:] == ["--allow-root", "--port", "8899", "--no-browser"]


def test_lab_as_a_user_does_not_allow_root(tmp_path: Path) -> None:
    line = lab_command(tmp_path, 1000, "--no-browser")
    assert "--allow-root" not in line
    assert line.split()[-2:] == ["notebooks/", "--no-browser"]


def test_lab_without_args(tmp_path: Path) -> None:
    assert lab_command(tmp_path, 1000, None).rstrip().endswith("jupyter lab notebooks/")
