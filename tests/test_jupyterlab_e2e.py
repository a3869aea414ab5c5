"""End to end in a real browser: a section notebook run in JupyterLab, as an analyst runs it.

The test starts its own JupyterLab on 127.0.0.1 (a free port, a random token,
its own config, data and runtime folders) over a copy of the project, opens
``04-thu-tuc-hanh-chinh`` in headless Chromium driven by Selenium, runs all
cells from the Run menu, and reads the page: every code cell ran, none wrote
an error, and the tables and figures rendered with the report's look. Then it
saves the notebook, outputs and all, and git (with the nbstripout filter that
scripts/setup.sh configures) still sees the tracked notebook unchanged. It
stops the browser and the server, and takes about half a minute.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from reportbook.archive.manifest import git_commit

from .conftest import ROOT, copy_project

pytestmark = pytest.mark.e2e

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
NOTEBOOK = "notebooks/04-thu-tuc-hanh-chinh.ipynb"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """(url, token) of a JupyterLab serving a copy of the project; stopped afterwards."""
    root = tmp_path_factory.mktemp("lab")
    project = copy_project(root / "project")
    _commit_with_the_notebook_filter(project.root)
    token, port = secrets.token_hex(16), _free_port()
    env = {**os.environ, **{f"JUPYTER_{d}_DIR": str(root / d.lower()) for d in ("CONFIG", "DATA")}}
    env["JUPYTER_RUNTIME_DIR"] = str(root / "runtime")
    env["JUPYTERLAB_SETTINGS_DIR"] = str(_settings(root / "settings"))
    env.pop("REPORTBOOK_ROOT", None)  # the notebook finds the project as in a user's JupyterLab
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1"]
    command += [f"--port={port}", f"--IdentityProvider.token={token}"]
    command += [f"--ServerApp.root_dir={project.root}", "--LabApp.news_url="]
    if os.geteuid() == 0:
        command.append("--allow-root")  # CI runs as root
    log = (root / "jupyterlab.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/api/status?token={token}", server, root)
        yield f"http://127.0.0.1:{port}", token, project.root
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _settings(folder: Path) -> Path:
    """A user's settings that start the notebook's kernel without asking and fetch no news."""
    for plugin, values in (
        ("notebook-extension/tracker", {"autoStartDefaultKernel": True}),
        ("apputils-extension/notification", {"fetchNews": "false"}),
    ):
        path = folder / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    return folder


def _commit_with_the_notebook_filter(folder: Path) -> None:
    """A git repository of the copy, with the filter and attributes a setup gives a clone."""
    for name in (".gitattributes", ".gitignore"):
        shutil.copyfile(ROOT / name, folder / name)
    git = ["git", "-C", str(folder), "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    script = ROOT / "scripts" / "git-filters.sh"
    subprocess.run(["bash", str(script), str(folder), sys.executable], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "the project"], check=True)


def _wait_for(url: str, server: subprocess.Popen, root: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab stopped: {(root / 'jupyterlab.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within {seconds} s")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium and chromedriver: bash scripts/setup.sh --with-libreoffice")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    for argument in ("--window-size=1400,1000", f"--user-data-dir={profile}", "--no-first-run"):
        options.add_argument(argument)
    options.add_argument("--disable-background-networking")
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def ran_notebook(jupyterlab, browser, tmp_path_factory):
    """The notebook's page after Run > Run All Cells has finished."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, token, _ = jupyterlab
    browser.get(f"{url}/lab/tree/{NOTEBOOK}?token={token}")
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-CodeCell"))
    idle = "//*[contains(@class,'jp-StatusBar')]//*[contains(text(),'| Idle')]"
    wait.until(lambda d: not _accept_dialog(d) and d.find_elements(By.XPATH, idle))
    wait.until(
        lambda d: d.find_elements(
            By.XPATH, "//div[contains(@class,'lm-MenuBar-itemLabel') and text()='Run']"
        )
    )
    browser.find_element(
        By.XPATH, "//div[contains(@class,'lm-MenuBar-itemLabel') and text()='Run']"
    ).click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li[data-command='runmenu:run-all']"))
    browser.find_element(By.CSS_SELECTOR, "li[data-command='runmenu:run-all']").click()
    shot = tmp_path_factory.mktemp("shots") / "jupyterlab.png"
    try:
        WebDriverWait(browser, 150).until(
            lambda d: not _accept_dialog(d) and _prompts(d) and all(map(_ran, _prompts(d)))
        )
    finally:
        browser.save_screenshot(str(shot))  # what the page showed, to look at when this fails
    return browser


def _accept_dialog(driver) -> bool:
    """Accept a dialog JupyterLab may still show (e.g. 'Select Kernel' on a slow start)."""
    from selenium.webdriver.common.by import By

    buttons = driver.find_elements(By.CSS_SELECTOR, ".jp-Dialog .jp-Dialog-button.jp-mod-accept")
    for button in buttons:
        button.click()
    return bool(buttons)


def _prompts(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".jp-CodeCell .jp-InputPrompt")]


def _ran(prompt: str) -> bool:
    """'[12]:' once a cell has run; '[ ]:' before, '[*]:' while it runs."""
    return prompt.startswith("[") and prompt[1:].split("]")[0].strip().isdigit()


def test_every_cell_runs_in_jupyterlab_without_an_error(ran_notebook):
    from selenium.webdriver.common.by import By

    assert len(_prompts(ran_notebook)) >= 8
    errors = ran_notebook.find_elements(
        By.CSS_SELECTOR, ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    )
    assert [e.text[:300] for e in errors] == []


def test_tables_render_as_in_the_report(ran_notebook):
    from selenium.webdriver.common.by import By

    tables = ran_notebook.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output table.rb-table")
    assert len(tables) >= 3
    figure_cell, label_cell = (
        ran_notebook.find_element(By.CSS_SELECTOR, f"table.rb-table tbody td:nth-child({n})")
        for n in (2, 1)
    )
    style = "var s = getComputedStyle(arguments[0]); return [s.textAlign, s.borderTopStyle];"
    assert ran_notebook.execute_script(style, figure_cell) == ["center", "solid"]
    assert ran_notebook.execute_script(style, label_cell)[0] == "left"
    heights = ran_notebook.execute_script(
        "return [...arguments[0].querySelectorAll('tbody td:first-child')]"
        ".map(td => td.getBoundingClientRect().height);",
        tables[0],
    )
    assert max(heights) < 2 * min(heights)  # the unit names are not wrapped to three lines


def test_figures_render(ran_notebook):
    from selenium.webdriver.common.by import By

    images = ran_notebook.find_elements(
        By.CSS_SELECTOR, ".jp-OutputArea-output figure.rb-figure img"
    )
    assert len(images) >= 2
    assert all(int(i.get_attribute("naturalWidth")) > 300 for i in images)


def test_saving_the_run_notebook_leaves_git_clean(ran_notebook, jupyterlab):
    """Saved outputs are in the file; git (nbstripout filter) and the manifest ignore them."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    ran_notebook.find_element(By.CSS_SELECTOR, ".jp-Notebook").send_keys(Keys.CONTROL, "s")
    WebDriverWait(ran_notebook, 30).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, ".jp-mod-current.jp-mod-dirty")
    )
    folder = Path(jupyterlab[2])
    saved = (folder / NOTEBOOK).read_text(encoding="utf-8")
    assert "rb-table" in saved and '"execution_count": 1,' in saved
    assert subprocess.run(["git", "-C", str(folder), "diff", "--quiet", "HEAD"]).returncode == 0
    commit = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    assert git_commit(folder) == commit  # the next manifest does not say +dirty
