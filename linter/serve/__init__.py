"""``indicator-lint serve``: the clerk's desk, a web page for checking target tables.

One machine: ``indicator-lint serve`` (127.0.0.1, a free port or ``--port``, the browser opened).
A finance bureau's intranet: the same ASGI application behind uvicorn with worker processes::

    uvicorn linter.serve:app --workers 4 --host 0.0.0.0 --port 8000

configured by the environment (``INDICATOR_LINT_LANG``, ``INDICATOR_LINT_MAX_MB``,
``INDICATOR_LINT_MAX_FILES``, ``INDICATOR_LINT_TMP``, ``INDICATOR_LINT_CONFIG``: ``work.Settings``).
No state is kept between requests, so any worker answers any request.

    app.py    the Starlette application (routes, upload limits, multipart parsing)
    work.py   one request's files: read, checked, rendered, marked, in a private folder removed after
    page.py   the pages, Chinese first
"""

from __future__ import annotations


def __getattr__(name: str):
    # ``linter.serve:app`` builds the application when uvicorn asks for it, from the environment;
    # importing linter.serve for anything else does not.
    if name == "app":
        from linter.serve.app import create_app

        app = create_app()
        globals()["app"] = app
        return app
    raise AttributeError(name)
