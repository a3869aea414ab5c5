"""`reportbook preview` shows a saved params text within seconds, and a broken file's error.

The server is the command line's own, started on a free port in a copy of
the built 2023 project (so its cache is warm), and read with urllib as a
browser's reload script would.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.e2e

TEXT = "Chưa có nhiều sáng kiến, giải pháp mới trong công tác cải cách hành chính."
EDITED = "Chưa có nhiều sáng kiến, giải pháp mới (đã sửa khi xem trước) trong công tác CCHC."


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def wait_for(url, condition, timeout=300):
    """Poll ``url`` as the page's script does; return the seconds until ``condition`` held."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        body = fetch(url)
        if condition(body):
            return time.monotonic() - started, body
        time.sleep(0.05)
    raise AssertionError(f"{url}: not shown within {timeout} s")


@pytest.fixture
def preview(built_2023_annual, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(built_2023_annual.parents[2], project)
    server = subprocess.Popen(
        [sys.executable, "-m", "reportbook", "preview", "--year", "2023", "--port", "0"]
        + ["--idle-minutes", "5", "--jobs", "1"],
        cwd=project,
        env={**os.environ, "REPORTBOOK_ROOT": str(project)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = server.stdout.readline().split(": ", 1)[1].strip()
    yield project, url, server
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
    server.wait(timeout=120)
    server.stdout.close()
    server.stderr.close()


def test_a_saved_text_shows_within_seconds_and_a_broken_file_shows_its_error(preview):
    project, url, server = preview
    assert url.startswith("http://127.0.0.1:")
    wait_for(url, lambda body: TEXT in body and "location.reload()" in body)
    params = project / "params" / "2023" / "annual.yaml"
    original = params.read_text(encoding="utf-8")

    params.write_text(original.replace(TEXT, EDITED), encoding="utf-8")
    delay, body = wait_for(url, lambda body: EDITED in body)
    print(f"\npreview: the saved params text was served after {delay:.2f} s")
    assert delay < 60  # about 2 s on an idle 2-core machine; generous under a loaded CI

    params.write_text(original.replace(TEXT, EDITED) + "report:\n  number: [\n", encoding="utf-8")
    _, body = wait_for(url, lambda body: "rb-preview-error" in body)
    assert EDITED in body  # the last good page stays
    check = subprocess.run(
        [sys.executable, "-m", "reportbook", "check", "--year", "2023"],
        cwd=project,
        env={**os.environ, "REPORTBOOK_ROOT": str(project)},
        capture_output=True,
        text=True,
    )
    assert check.returncode == 2
    assert check.stderr.startswith("error: the inputs for năm 2023 are not valid")
    state = json.loads(fetch(url + "__preview/state"))
    assert state["error"] == check.stderr.rstrip("\n")  # word for word what the CLI prints

    params.write_text(original, encoding="utf-8")
    wait_for(url, lambda body: TEXT in body and "rb-preview-error" not in body)
    edition = project / "outputs" / "2023" / "annual" / "report.html"
    assert "reportbook preview" not in edition.read_text(encoding="utf-8")

    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=120) == 0
    assert "preview stopped" in server.stderr.read()
