"""The ASGI application: ``GET /`` the upload form, ``POST /check`` the results.

The body of an upload is read with a limit (``Settings.max_request_bytes``: refused with 413 as
soon as it passes it, whatever Content-Length said) and parsed in memory (python-multipart through
Starlette's parser, its parts kept in memory rather than spooled to disk); each file's checking
runs in a thread of the pool, so that the server keeps answering meanwhile. A request leaves
nothing behind: no session, no file, no cache of results.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from linter.i18n import lang_of
from linter.serve.work import Settings


class _TooLarge(Exception):
    pass


def create_app(settings: Settings | None = None):
    """The Starlette application of ``indicator-lint serve``."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.formparsers import MultiPartException, MultiPartParser
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, PlainTextResponse
    from starlette.routing import Route

    from linter.serve.page import message_page, results_page, upload_page
    from linter.serve.work import check_uploads

    settings = settings or Settings.from_environment()

    def lang_for(request: Request, form=None) -> str:
        asked = request.query_params.get("lang") or (form.get("lang") if form is not None else None)
        return lang_of(asked) if asked else settings.lang

    def page(html: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(html, status_code=status, headers=_HEADERS)

    async def home(request: Request):
        return page(upload_page(lang_for(request), settings))

    async def check(request: Request):
        lang = lang_for(request)
        limit = settings.max_request_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return page(message_page(lang, "too_large", settings), 413)
        body = _limited_body(request, limit)
        parser = MultiPartParser(request.headers, body, max_files=settings.max_files, max_fields=10)
        parser.spool_max_size = limit + 1  # each part in memory, never in a file of the system's temp folder
        try:
            if b"multipart/form-data" not in request.headers.get("content-type", "").encode("latin-1"):
                raise MultiPartException("not a form")
            form = await parser.parse()
        except _TooLarge:
            return page(message_page(lang, "too_large", settings), 413)
        except MultiPartException as exc:
            key = "too_many" if "files" in str(exc.message).lower() else "bad_form"
            return page(message_page(lang, key, settings), 413 if key == "too_many" else 400)
        lang = lang_for(request, form)  # (the form's own lang field, where it has one)
        uploads = await _uploaded_files(form)
        if not uploads:
            return page(message_page(lang, "bad_request", settings), 400)
        outcomes = await run_in_threadpool(check_uploads, uploads, settings, lang)
        status = 422 if all(o.error for o in outcomes) else 200
        return page(results_page(outcomes, lang, settings), status)

    async def health(request: Request):
        return PlainTextResponse("ok")

    async def not_found(request: Request, exc):
        return page(message_page(lang_for(request), "not_found", settings), 404)

    async def method_not_allowed(request: Request, exc):
        return page(message_page(lang_for(request), "not_found", settings), 405)

    @asynccontextmanager
    async def lifespan(app):
        await run_in_threadpool(warm_up, settings)
        yield

    return Starlette(
        routes=[Route("/", home), Route("/check", check, methods=["POST"]), Route("/healthz", health)],
        exception_handlers={404: not_found, 405: method_not_allowed},
        lifespan=lifespan,
    )


async def _limited_body(request, limit: int):
    """The request's body, chunk by chunk: _TooLarge as soon as it passes ``limit`` bytes."""
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit:
            raise _TooLarge
        yield chunk


async def _uploaded_files(form) -> list[tuple[str, bytes]]:
    """(name, bytes) of each file of the form (an empty file input left out); the form closed."""
    from starlette.datastructures import UploadFile

    try:
        return [
            (item.filename or "", await item.read())
            for item in form.getlist("files")
            if isinstance(item, UploadFile) and (item.filename or item.size)
        ]
    finally:
        await form.close()


# The page holds its downloads and the clerk's data: not cached, not framed, no other origin's scripts.
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
}


_WARM_UP_TABLE = """\
tables:
  - name: 示例项目
    funding: {total: 10万元}
    goal: 完成培训4次
    indicators:
      产出指标:
        数量指标:
          - 培训次数: 4次
"""


def warm_up(settings: Settings) -> None:
    """Load what the first request would otherwise wait for: readers, rules, the value parser, the
    workbook and Word libraries (a worker process does it once, as it starts)."""
    import importlib

    from linter.serve.work import check_uploads

    # Imported for the time they take, not for a name: the first upload then finds them loaded.
    for module in ("annotate", "annotate_docx", "readers.docx", "readers.excel", "report.sections"):
        importlib.import_module(f"linter.{module}")

    check_uploads([("warm-up.yaml", _WARM_UP_TABLE.encode("utf-8"))], settings, settings.lang)
