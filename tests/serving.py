"""The ``serve`` application run by uvicorn on 127.0.0.1 in a thread of the test process, as it runs
for a clerk (real sockets, real multipart uploads), for test_serve and test_serve_browser."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager


@contextmanager
def served(settings):
    """The base URL (``http://127.0.0.1:PORT``) of the app with ``settings``, started (its warm-up
    done) and stopped around the block."""
    import uvicorn

    from linter.serve.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
