"""``indicator-lint lsp``: the language server (linter/lsp.py), over stdin and stdout."""

from __future__ import annotations

import click


@click.command("lsp")
def lsp_command() -> None:
    """Run the language server for editors (stdin/stdout; needs the 'lsp' extra: pygls)."""
    try:
        from linter.lsp import main
    except ImportError as exc:
        click.echo(
            f"indicator-lint: 语言服务器需要 pygls（pip install 'indicator-lint[lsp]'） / the language "
            f"server needs pygls (pip install 'indicator-lint[lsp]'): {exc}",
            err=True,
        )
        raise SystemExit(2) from None
    main()
