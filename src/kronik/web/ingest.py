"""Adding articles from the browser or the API: uploaded files or pasted text.

Ingest needs the token the server was started with (``Authorization: Bearer TOKEN``, or the
form's ``token`` field); a server started without one is read-only and refuses every write
with 403. A request body over the upload limit is refused with 413 before it is read whole.
Articles go through the ordinary pipeline (``kronik.batch``) and the chronicle's ``ingest``.
"""
from __future__ import annotations

import hashlib
import re
import secrets
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse
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
    return models.IngestForm(enabled=not settings.read_only,
                             max_upload_bytes=settings.max_upload_bytes,
                             formats=sorted(SUPPORTED_SUFFIXES))


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
    if settings.read_only:
        raise HTTPException(403, "this server is read-only: start it with --token to ingest")
    header = request.headers.get("authorization", "")
    form = await request.form(max_files=MAX_FILES, max_part_size=settings.max_upload_bytes)
    given = header[7:] if header.lower().startswith("bearer ") else str(form.get("token") or "")
    if not secrets.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(403, "missing or wrong token")
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
            names[str(path)] = Path(name).name
        for item in extract_paths([folder] if files else []):
            if isinstance(item, InputError):
                errors.append(f"{names.get(item.source, item.source)}: {item.reason}")
            elif isinstance(item, Skipped):
                errors.append(f"{names.get(item.source, item.source)}: skipped, {item.reason}")
            else:
                item.source = names.get(item.source or "", item.source)
                docs.append(item)
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
    with state.view.reading() as chronicle:
        report = chronicle.ingest(docs)
    return models.IngestResult(documents=report.added, unchanged=report.unchanged,
                               events=report.events, errors=errors + report.failed)


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
