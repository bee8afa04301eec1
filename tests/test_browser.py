"""The HTML report in real headless Chromium: every image loads, no console errors."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PROBE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push('error: ' + e.message), true);
const _err = console.error; console.error = (...a) => { window.__errors.push(a.join(' ')); _err(...a); };
window.addEventListener('load', () => {
  const imgs = Array.from(document.images);
  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt || i.src.slice(0, 40));
  const out = document.createElement('pre'); out.id = '__probe';
  out.textContent = JSON.stringify({images: imgs.length, broken: broken, errors: window.__errors});
  document.body.appendChild(out);
});
</script>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_loads_cleanly_in_chromium(tmp_path: Path) -> None:
    exe = chromium()
    if exe is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("chromium not installed (apt-get install chromium)")
        pytest.skip("chromium not installed")
    from test_pipeline import run_cli

    out = tmp_path / "out"
    proc = run_cli("run", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    html = (out / "report" / "index.html").read_text(encoding="utf-8")
    probed = tmp_path / "probe.html"
    probed.write_text(html.replace("<head>", "<head>" + PROBE, 1), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom",
             probed.as_uri()], capture_output=True, text=True, timeout=180, cwd=PROJECT_ROOT,
        ).stdout
    m = re.search(r'<pre id="__probe">(.*?)</pre>', dom, re.S)
    assert m, "probe did not run"
    import html as html_mod
    import json

    result = json.loads(html_mod.unescape(m.group(1)))
    assert result["images"] >= 5
    assert result["broken"] == []
    assert result["errors"] == []
