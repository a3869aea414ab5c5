"""A build waits for the renderers to be loaded before it renders (and forks its writers)."""

import threading
import time

from reportbook.execution import warm


def test_a_build_waits_for_the_renderers_its_long_lived_process_is_still_loading(monkeypatch):
    loaded = threading.Event()

    def loading():
        time.sleep(0.2)
        loaded.set()

    thread = threading.Thread(target=loading)
    thread.start()
    monkeypatch.setattr(warm, "preloading", thread)
    warm.WarmStart(None).release()  # as a build with nothing to run, which lends no kernels
    assert loaded.is_set()
