"""Serve the preview on 127.0.0.1: the last good page, the last error, a version to poll.

``/`` is the last page that built, with two additions that exist only here
(never in an edition's report.html): a script that polls ``/__preview/state``
every quarter second and reloads the page (keeping its scroll position) when
a rebuild finished, and, when the last rebuild failed, the error as the
command line prints it, above the last good page. The server listens on the
loopback interface only and stops by itself when no browser has asked for
anything for ``idle`` seconds.
"""

from __future__ import annotations

import json
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.1"
STATE_PATH = "/__preview/state"

SCRIPT = """<script>/* reportbook preview: reload after each rebuild (never in an edition) */
(function () {
  var version = %(version)d;
  window.addEventListener("load", function () {
    var y = sessionStorage.getItem("rb-preview-y");
    if (y !== null) { window.scrollTo(0, +y); sessionStorage.removeItem("rb-preview-y"); }
  });
  function poll() {
    fetch("%(state)s", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (s) {
        var badge = document.getElementById("rb-preview-badge");
        if (badge) { badge.textContent = s.building ? "đang dựng lại…" : badge.dataset.idle; }
        if (s.version !== version) {
          sessionStorage.setItem("rb-preview-y", String(window.scrollY));
          location.reload();
        } else { setTimeout(poll, 250); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 250);
})();
</script>"""

BADGE = (
    '<div id="rb-preview-badge" data-idle="{idle}" style="position:fixed;right:8px;bottom:8px;'
    "z-index:1000;background:#222;color:#fff;font:12px/1.4 sans-serif;padding:4px 8px;"
    'border-radius:4px;opacity:.8">{idle}</div>'
)
ERROR = (
    '<div id="rb-preview-error" style="position:sticky;top:0;z-index:1000;background:#fff0f0;'
    "border:2px solid #b00020;color:#000;padding:8px 12px;margin:0 0 12px 0;"
    'font:13px/1.45 monospace;white-space:pre-wrap">{message}'
    '<div style="font:italic 12px sans-serif;margin-top:6px">{note}</div></div>'
)
WAITING = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>reportbook preview'
    '</title></head><body style="font-family:sans-serif;margin:2rem">{body}</body></html>'
)


class State:
    """What the server shows; written by the rebuild loop, read by request threads."""

    def __init__(self, label: str):
        self.label = label
        self.lock = threading.Lock()
        self.version = 0
        self.building = True
        self.page: str | None = None  # the last good page, as built
        self.built: str = ""  # "12:03:04, 1,2 s"
        self.error: str | None = None  # the last rebuild's error, as the CLI prints it
        self.last_request = time.monotonic()

    def finished(self, page: str | None, error: str | None, built: str = "") -> None:
        with self.lock:
            if page is not None:
                self.page, self.built = page, built
            self.error = error
            self.building = False
            self.version += 1

    def html(self) -> str:
        """The page to serve now: the last good one (or a waiting page), the error above."""
        with self.lock:
            page, error, version, built = self.page, self.error, self.version, self.built
        additions = SCRIPT % {"version": version, "state": STATE_PATH}
        if page is not None:
            additions += BADGE.format(idle=escape(f"xem trước · {self.label} · {built}"))
        if error is not None:
            note = "Trang dưới đây là lần dựng thành công gần nhất." if page else ""
            additions = ERROR.format(message=escape(error), note=note) + additions
        if page is None:
            waiting = "<p>Đang dựng báo cáo…</p>" if error is None else ""
            return WAITING.format(body=additions + waiting)
        head, body, rest = page.partition("<body")
        start = rest.index(">") + 1 if body else 0
        return head + body + rest[:start] + additions + rest[start:]

    def as_json(self) -> bytes:
        with self.lock:
            state = {"version": self.version, "building": self.building, "error": self.error}
        return json.dumps(state, ensure_ascii=False).encode("utf-8")


def make_server(state: State, port: int) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1:``port`` (0: any free port) answering from ``state``."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            state.last_request = time.monotonic()
            path = self.path.split("?", 1)[0]
            if path in ("/", "/report.html"):
                self._send(200, "text/html; charset=utf-8", state.html().encode("utf-8"))
            elif path == STATE_PATH:
                self._send(200, "application/json", state.as_json())
            else:
                body = "Bản xem trước chỉ có báo cáo; bản thẩm định do reportbook build lập."
                self._send(404, "text/plain; charset=utf-8", body.encode("utf-8"))

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # one line per poll would drown the rebuild messages

    server = ThreadingHTTPServer((HOST, port), Handler)
    server.daemon_threads = True
    return server
