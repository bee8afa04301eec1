"""Without Chromium the browser check says why it did not run and how to run it; with
REQUIRE_BROWSER=1 (as .ci/run sets) a missing browser is a failure, not a quiet skip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from analysis.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow  # starts pytest twice (about 15 s)


def run_browser_test(require: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "REQUIRE_BROWSER"}
    env["PATH"] = str(PROJECT_ROOT / "no-such-bin")  # no chromium to be found
    if require:
        env["REQUIRE_BROWSER"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "tests/test_browser.py", "-rs", "-q", "-p",
                           "no:cacheprovider"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_skip_says_why_and_how_to_run_it() -> None:
    proc = run_browser_test(require=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SKIPPED" in proc.stdout
    assert "no Chromium on PATH" in proc.stdout and "apt-get install chromium" in proc.stdout
    assert "shared" not in proc.stdout


def test_required_browser_missing_is_a_failure() -> None:
    proc = run_browser_test(require=True)
    assert proc.returncode == 1, proc.stdout
    assert "REQUIRE_BROWSER is set" in proc.stdout


def test_ci_requires_the_browser() -> None:
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export REQUIRE_BROWSER=1" in ci
