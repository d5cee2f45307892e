"""``indicator-lint serve``: the checking page on this machine, for staff who never open a terminal.

Binds 127.0.0.1 only (nobody else on the network reaches it), on ``--port`` or a free port, and
opens the page in the default browser unless ``--no-browser``. Ctrl+C stops it. For a finance
bureau's intranet, run the same application under uvicorn with workers (README, linter/serve).
"""

from __future__ import annotations

import sys

import click

from linter.commands.options import lang_option

HOST = "127.0.0.1"
PREFERRED_PORT = 8765  # the same address every day when it is free (a bookmark keeps working)


@click.command("serve")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Port to listen on (default: 8765 when free, else any free port).",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@lang_option("Language of the page (each visitor may switch).")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Check with this configuration file (default: the built-in rules and settings).",
)
@click.option(
    "--max-mb",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Largest file accepted, in MB.",
)
@click.option(
    "--max-files",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Most files accepted at once.",
)
@click.option(
    "--max-total-mb",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Most MB accepted at once, all files together.",
)
def serve_command(port, no_browser, lang, config_file, max_mb, max_files, max_total_mb):
    """Open the checking page: drop target tables in a browser, get them back marked."""
    import threading
    import webbrowser

    import uvicorn

    from linter.serve.app import create_app
    from linter.serve.work import MB, Settings

    def say(zh: str, en: str) -> None:
        click.echo(zh if lang == "zh" else en, err=True)

    settings = Settings(
        lang=lang,
        max_file_bytes=max_mb * MB,
        max_files=max_files,
        max_total_bytes=max_total_mb * MB,
        config=config_file,
    )
    try:
        sock = _bind(port)
    except OSError as exc:
        say(
            f"indicator-lint: 端口 {port} 无法使用（{exc.strerror}），请换一个端口（--port）",
            f"indicator-lint: port {port} cannot be used ({exc.strerror}); choose another (--port)",
        )
        sys.exit(2)
    url = f"http://{HOST}:{sock.getsockname()[1]}/" + ("?lang=en" if lang == "en" else "")
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings), log_level="warning", access_log=False, timeout_graceful_shutdown=5
        )
    )

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            say(
                f"检查页面已打开：{url}\n在浏览器中打开此地址即可使用；按 Ctrl+C 停止。",
                f"The checking page is at {url}\nOpen it in a browser; Ctrl+C stops it.",
            )
            if not no_browser:
                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # Ctrl+C is how the page is stopped: uvicorn has shut down, and says it again
        pass
    finally:
        sock.close()
    say("已停止。", "Stopped.")


def _bind(port: int | None):
    import socket

    def bound(number: int):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((HOST, number))
        except OSError:
            sock.close()
            raise
        sock.set_inheritable(True)
        return sock

    if port is not None:
        return bound(port)
    try:
        return bound(PREFERRED_PORT)
    except OSError:
        return bound(0)
