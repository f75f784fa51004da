"""Adding articles from the browser or the API: uploaded files or pasted text.

Ingest needs the token the server was started with: ``Authorization: Bearer TOKEN`` from API
clients, or, in the browser, a session cookie that ``POST /ingest/session`` sets once the token
is typed into the ingest page. Either is checked before a byte of the upload is read, so an
unauthenticated client cannot make the server parse a large body. A server started without a
token is read-only and refuses every write with 403. A request body over the upload limit is
refused with 413 before it is read whole. Articles go through the ordinary pipeline
(``kronik.batch``) and the chronicle's ``ingest``; errors name the uploaded files, never the
server's temporary or database paths.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kronik.batch import extract_article, extract_paths
from kronik.document import Document
from kronik.errors import InputError
from kronik.reader import SUPPORTED_SUFFIXES, Article, Skipped
from kronik.web import models
from kronik.web.app import WebSettings, render, wants_json
from kronik.web.pages import html_twin

router = APIRouter()

# Many small files are fine; thousands in one form is a mistake or an attack on the parser.
MAX_FILES = 200
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# The browser's session cookie, sent back only to the ingest pages and never cross-site.
SESSION_COOKIE = "kronik_ingest"
# The sign-in form holds one token: a few hundred bytes; anything longer is not a sign-in.
SESSION_FORM_BYTES = 4096


@router.get("/ingest.json", response_model=models.IngestForm, tags=["ingest"],
            summary="Whether this server accepts articles, and the upload limit")
def ingest_form_json(request: Request) -> models.IngestForm:
    return _form(request)


@router.get("/ingest", response_class=HTMLResponse, tags=["ingest"], summary="Ingest page",
            responses=html_twin(models.IngestForm))
def ingest_form(request: Request):
    return render(request, "ingest.html", _form(request), result=None)


def _form(request: Request) -> models.IngestForm:
    settings: WebSettings = request.app.state.settings
    return models.IngestForm(enabled=not settings.read_only, signed_in=_authorised(request),
                             max_upload_bytes=settings.max_upload_bytes,
                             formats=sorted(SUPPORTED_SUFFIXES))


def _session_value(token: str) -> str:
    """The cookie's value: derived from the token, so the token itself is never stored."""
    return hmac.new(token.encode(), b"kronik ingest session", hashlib.sha256).hexdigest()


def _authorised(request: Request) -> bool:
    """True when the request carries the token (header) or a session cookie made from it.

    Reads headers only: it is decided before the request body is read.
    """
    token = request.app.state.settings.token
    if not token:
        return False
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return secrets.compare_digest(header[7:].encode(), token.encode())
    cookie = request.cookies.get(SESSION_COOKIE, "")
    return secrets.compare_digest(cookie.encode(), _session_value(token).encode())


def _refuse_writes(request: Request) -> None:
    """403 for a write to a read-only server, or one without the token."""
    if request.app.state.settings.read_only:
        raise HTTPException(403, "this server is read-only: start it with --token to ingest")
    if not _authorised(request):
        raise HTTPException(403, "missing or wrong token: send 'Authorization: Bearer TOKEN', "
                                 "or sign in on the ingest page")


@router.post("/ingest/session", tags=["ingest"], status_code=303,
             summary="Sign the browser in for ingest (form field `token`); sets a cookie",
             responses={403: {"description": "read-only server, or wrong token"}},
             openapi_extra={"requestBody": {"content": {"application/x-www-form-urlencoded": {
                 "schema": {"type": "object", "properties": {"token": {"type": "string"}}}}}}})
async def ingest_session(request: Request):
    settings: WebSettings = request.app.state.settings
    if settings.read_only:
        raise HTTPException(403, "this server is read-only: start it with --token to ingest")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > SESSION_FORM_BYTES:
            raise HTTPException(413, "the sign-in form holds only the token")
    given = (parse_qs(body.decode("utf-8", "replace")).get("token") or [""])[0]
    if not secrets.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(403, "wrong token")
    response = RedirectResponse("/ingest", status_code=303)
    response.set_cookie(SESSION_COOKIE, _session_value(settings.token), httponly=True,
                        samesite="strict", path="/ingest")
    return response


@router.post("/ingest", response_model=models.IngestResult, tags=["ingest"],
             summary="Add articles (multipart: `files`, or `text` with optional `published`)",
             responses={403: {"description": "read-only server, or missing or wrong token"},
                        413: {"description": "upload over the size limit"}},
             openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
                 "type": "object", "properties": {
                     "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                     "text": {"type": "string"}, "published": {"type": "string"},
                     "token": {"type": "string"}}}}}}})
async def ingest(request: Request):
    settings: WebSettings = request.app.state.settings
    _refuse_writes(request)  # before the body is read
    form = await request.form(max_files=MAX_FILES, max_part_size=settings.max_upload_bytes)
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    files = [(f.filename or "upload.txt", await f.read()) for f in uploads]
    text = form.get("text")
    published = form.get("published")
    result = await run_in_threadpool(
        _ingest, request.app.state, files, text if isinstance(text, str) else "",
        published if isinstance(published, str) and published.strip() else None)
    if wants_json(request) or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(result.model_dump())
    return render(request, "ingest.html", _form(request), result=result)


def _ingest(state: Any, files: list[tuple[str, bytes]], text: str,
            published: str | None) -> models.IngestResult:
    """Extract every uploaded file and the pasted text, then add them to the chronicle."""
    docs: list[Document] = []
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kronik-upload-") as folder:
        names: dict[str, str] = {}
        for index, (name, data) in enumerate(files):
            safe = SAFE_NAME.sub("_", Path(name).name).lstrip(".") or "upload.txt"
            if Path(safe).suffix.lower() not in SUPPORTED_SUFFIXES:
                safe += ".txt"
            path = Path(folder) / f"{index:04d}-{safe}"
            path.write_bytes(data)
            names[str(path)] = Path(name).name or "upload"
        names[folder] = "upload"
        for item in extract_paths([folder] if files else []):
            if isinstance(item, Document):
                item.source = uploaded_name(item.source or "", names)
                docs.append(item)
            else:
                how = "skipped, " if type(item) is Skipped else ""
                errors.append(uploaded_name(f"{item.source}: {how}{item.reason}", names))
    if text.strip():
        source = "pasted-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        pasted = extract_article(Article(source=source, text=text, published=published))
        if isinstance(pasted, InputError):
            errors.append(str(pasted))
        else:
            docs.append(pasted)
    if not docs and not errors:
        raise HTTPException(422, "nothing to ingest: send files or text")
    if not docs:
        return models.IngestResult(documents=0, events=0, errors=errors)
    if getattr(state, "writer", None) is not None:  # a live server: its one writer stores
        report = state.writer.ingest(docs)
    else:
        with state.view.writing() as chronicle:
            report = chronicle.ingest(docs)
    database = state.view.chronicle.path
    store = {database: Path(database).name}
    return models.IngestResult(documents=report.added, unchanged=report.unchanged,
                               events=report.events,
                               errors=errors + [uploaded_name(e, store) for e in report.failed])


def uploaded_name(message: str, names: dict[str, str]) -> str:
    """``message`` with each server path in ``names`` replaced by the name the user knows
    (the uploaded file's own name): the server's folders are nobody else's business."""
    for path in sorted(names, key=len, reverse=True):
        message = message.replace(path, names[path])
    return message


class TooLarge(Exception):
    pass


class UploadLimit:
    """ASGI middleware: 413 for a request body on ``paths`` over ``limit`` bytes.

    A declared ``Content-Length`` over the limit is refused before any byte is read; a body
    sent without one (chunked) is counted as it arrives and refused when it passes the limit.
    """

    def __init__(self, app: ASGIApp, limit: int, paths: tuple[str, ...]):
        self.app = app
        self.limit = limit
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise TooLarge()
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"upload over the {self.limit // (1024 * 1024)} MB limit"
        await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)
