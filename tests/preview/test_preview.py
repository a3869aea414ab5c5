"""The preview serves the last good page on 127.0.0.1, with the last error above it."""

import json
import threading
import urllib.error
import urllib.request

import pytest

from reportbook.preview.server import HOST, STATE_PATH, State, make_server
from reportbook.preview.watch import changes, scan

PAGE = (
    "<!DOCTYPE html><html><head><title>r</title></head><body class='x'><p>Báo cáo</p></body></html>"
)


@pytest.fixture
def served():
    state = State("năm 2023")
    server = make_server(state, 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield state, f"http://{HOST}:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers["Content-Type"], response.read().decode("utf-8")


def test_it_listens_on_the_loopback_interface_only(served):
    state, url = served
    assert url.startswith("http://127.0.0.1:")


def test_before_the_first_build_the_page_says_it_is_building_and_polls(served):
    state, url = served
    status, kind, body = get(url + "/")
    assert status == 200 and kind.startswith("text/html")
    assert "Đang dựng báo cáo" in body and STATE_PATH in body


def test_the_page_is_the_last_good_build_with_a_reload_script_after_body(served):
    state, url = served
    state.finished(PAGE, None, "10:00:00, 1.0 s")
    body = get(url + "/")[2]
    assert body.startswith(
        "<!DOCTYPE html><html><head><title>r</title></head><body class='x'><script>"
    )
    assert "location.reload()" in body and "<p>Báo cáo</p>" in body
    assert json.loads(get(url + STATE_PATH)[2]) == {"version": 1, "building": False, "error": None}


def test_an_error_is_shown_escaped_above_the_last_good_page(served):
    state, url = served
    state.finished(PAGE, None, "10:00:00, 1.0 s")
    state.finished(None, "error: params/2023/annual.yaml, line 3: <b>bad</b>")
    body = get(url + "/")[2]
    assert "error: params/2023/annual.yaml, line 3: &lt;b&gt;bad&lt;/b&gt;" in body
    assert "lần dựng thành công gần nhất" in body and "<p>Báo cáo</p>" in body
    assert json.loads(get(url + STATE_PATH)[2])["version"] == 2


def test_anything_else_is_not_found(served):
    state, url = served
    with pytest.raises(urllib.error.HTTPError) as caught:
        get(url + "/review/index.html")
    caught.value.close()
    assert caught.value.code == 404


def test_saved_files_are_noticed_and_hidden_or_backup_files_are_not(tmp_path):
    for folder in ("data", "params", "notebooks", "data/.history"):
        (tmp_path / folder).mkdir()
    (tmp_path / "params" / "common.yaml").write_text("a: 1\n")
    before = scan(tmp_path)
    (tmp_path / "params" / "common.yaml").write_text("a: 22\n")
    (tmp_path / "data" / ".history" / "dossiers.csv").write_text("x\n")
    (tmp_path / "params" / "common.yaml~").write_text("a: 1\n")
    (tmp_path / "notebooks" / ".00.ipynb.swp").write_text("x")
    assert changes(before, scan(tmp_path)) == ["params/common.yaml"]


def test_a_port_in_use_is_a_clear_error(tmp_path, monkeypatch, capsys):
    import socket

    from reportbook.cli import main

    for folder in ("data", "params", "notebooks"):
        (tmp_path / folder).mkdir()
    monkeypatch.setenv("REPORTBOOK_ROOT", str(tmp_path))
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["preview", "--year", "2023", "--port", str(port)]) == 2
    assert f"error: cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
