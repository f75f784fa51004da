"""The Kronik web application: server-rendered pages over the chronicle, each with a JSON twin.

``create_app`` builds the FastAPI application around an open ``Chronicle``. Every page at
``/path`` has its data at ``/path.json`` (or at ``/path`` with ``Accept: application/json``);
the OpenAPI schema at ``/openapi.json`` documents both. Nothing is loaded from the internet:
Plotly comes from the installed ``plotly`` package, the rest from ``static/``.

Without a token the server is read-only; with one, ``POST /ingest`` adds articles.
Requests naming a host that is not allowed (``Host`` header) are refused, so that a web page
elsewhere cannot reach the chronicle through DNS rebinding; by default only loopback names are.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from swagger_ui_bundle import swagger_ui_path

from kronik.store import Chronicle
from kronik.web.choices import UnknownValue, country_label
from kronik.web.queries import MODES, ChronicleView, plover

# The names a browser uses for this machine: what a server listening on localhost answers to.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# One upload (files and pasted text together): an article is a few kilobytes, so 5 MB is a
# generous batch for a browser form while keeping a stray archive from filling memory.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass
class WebSettings:
    """What a running server was started with."""

    token: str | None = None
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS

    @property
    def read_only(self) -> bool:
        return not self.token


def create_app(chronicle: Chronicle | None, *, token: str | None = None,
               max_upload_bytes: int = MAX_UPLOAD_BYTES,
               allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS) -> FastAPI:
    """The application over an open chronicle (read-only unless a token is given).

    The chronicle is only read when a request comes, so a caller that needs the routes (the
    OpenAPI schema) before the data may pass None and set ``app.state.view`` later.
    ``token`` enables ingest; requests must then carry it (``Authorization: Bearer``).
    ``allowed_hosts`` are the host names (without port) requests may name; ``*`` allows any.
    """
    from kronik.web import pages
    from kronik.web.ingest import UploadLimit, router as ingest_router
    from kronik.web.live import router as live_router

    app = FastAPI(title="Kronik", version="1", docs_url=None, redoc_url=None,
                  description="A chronicle of PLOVER-coded political events read from news "
                              "articles. Every page has a JSON twin at the same path with "
                              "`.json` appended.")
    app.state.view = ChronicleView(chronicle)
    app.state.settings = WebSettings(token=token or None, max_upload_bytes=max_upload_bytes,
                                     allowed_hosts=tuple(h.lower() for h in allowed_hosts))
    app.state.templates = Jinja2Templates(env=template_environment())
    app.include_router(pages.router)
    app.include_router(ingest_router)
    app.include_router(live_router)
    app.mount("/static", StaticFiles(packages=[("kronik.web", "static")]), name="static")
    app.add_api_route("/assets/plotly.min.js", plotly_js, include_in_schema=False)
    app.add_api_route("/", lambda: RedirectResponse("/timeline"), include_in_schema=False)
    app.add_api_route("/api", api_page, include_in_schema=False, response_class=HTMLResponse)
    app.add_api_route("/api.json", api_page, include_in_schema=False)
    app.add_api_route("/docs", docs_page, include_in_schema=False, response_class=HTMLResponse)
    app.mount("/assets/swagger-ui", StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    app.add_middleware(UploadLimit, limit=max_upload_bytes, paths=("/ingest",))
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.middleware("http")(security_headers)
    app.middleware("http")(host_check)  # added last, so it runs first
    app.exception_handler(StarletteHTTPException)(http_error)
    app.exception_handler(RequestValidationError)(validation_error)
    app.exception_handler(UnknownValue)(unknown_value)
    return app


@cache
def template_environment() -> Environment:
    """Jinja2 with autoescaping everywhere: article text is never trusted as markup."""
    env = Environment(loader=PackageLoader("kronik.web", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["plover"] = plover()
    env.globals["modes"] = MODES
    env.globals["quad_label"] = lambda q: plover()["quads"].get(q or "", {}).get("label", q or "")
    env.globals["twin_link"] = twin_link
    env.globals["country_label"] = country_label
    env.globals["live_status"] = _live_status
    env.filters["day"] = day_text
    return env


def day_text(value: Any) -> str:
    """A date or timestamp (ISO 8601) as its day, ``YYYY-MM-DD``: one date format on every
    page, whether the source gave a day or a time with its zone."""
    return str(value)[:10] if value else ""


def twin_link(request: Request) -> str:
    """The JSON twin of the requested page, always a path on this server: a request for
    ``//other.host/x`` must not yield a link to ``//other.host/x.json`` (a protocol-relative
    URL, which leaves the site)."""
    query = request.url.query
    return f"{local_path(request)}.json" + (f"?{query}" if query else "")


def local_path(request: Request) -> str:
    """The requested path as a link that stays on this server, however many slashes or
    backslashes it starts with (browsers read both ``//x`` and ``/\\x`` as another host)."""
    return "/" + quote(request.url.path.lstrip("/\\"))


def _live_status(request: Request) -> dict[str, Any] | None:
    from kronik.web.live import live_status

    return live_status(request)


@cache
def _plotly_source() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


def plotly_js() -> Response:
    """plotly.min.js from the installed plotly package (never a CDN)."""
    return Response(_plotly_source(), media_type="application/javascript",
                    headers={"Cache-Control": "public, max-age=86400"})


def api_page(request: Request) -> Response:
    """The API's operations, read from the OpenAPI schema (its JSON twin is /openapi.json)."""
    if wants_json(request):
        return JSONResponse(request.app.openapi())
    operations = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                   "parameters": op.get("parameters", [])}
                  for path, methods in request.app.openapi()["paths"].items()
                  for method, op in methods.items()]
    settings: WebSettings = request.app.state.settings
    return request.app.state.templates.TemplateResponse(
        request, "api.html", {"operations": operations, "read_only": settings.read_only})


def docs_page(request: Request) -> Response:
    """Swagger UI over /openapi.json, served from the swagger-ui-bundle package (no CDN)."""
    return request.app.state.templates.TemplateResponse(request, "docs.html", {})


def host_name(header: str) -> str:
    """The host of a ``Host`` header without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def host_check(request: Request, call_next):
    """400 for a request whose ``Host`` is not one the server was started for."""
    allowed = request.app.state.settings.allowed_hosts
    host = host_name(request.headers.get("host", ""))
    if "*" not in allowed and host not in allowed:
        detail = (f"host '{host}' is not served here: start the server with "
                  f"--allowed-host {host or 'NAME'} to serve it")
        return JSONResponse({"detail": detail}, status_code=400, headers=SECURITY_HEADERS)
    return await call_next(request)


async def security_headers(request: Request, call_next):
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def wants_json(request: Request) -> bool:
    """True for ``.json`` paths and for clients that ask for JSON rather than HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def render(request: Request, template: str, data: Any, **extra: Any) -> Response:
    """The page's data as HTML, or as JSON where the client asked for JSON."""
    if wants_json(request):
        return JSONResponse(json.loads(data.model_dump_json()))
    settings: WebSettings = request.app.state.settings
    context = {"data": data, "read_only": settings.read_only, **extra}
    return request.app.state.templates.TemplateResponse(request, template, context)


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}"
                         for e in exc.errors())
    return _error(request, 422, problems or "invalid request")


async def unknown_value(request: Request, exc: UnknownValue) -> Response:
    """400 naming the value and offering the closest known ones, each as a link."""
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    suggestions = [{"label": label, "value": value,
                    "href": f"{local_path(request)}?{urlencode({**params, exc.field: value})}"}
                   for label, value in exc.suggestions]
    return _error(request, 400, str(exc), suggestions=suggestions)


def _error(request: Request, status: int, detail: str, headers: dict | None = None,
           suggestions: list[dict[str, str]] | None = None) -> Response:
    """JSON for API clients, an HTML page for browsers."""
    if wants_json(request) or "text/html" not in request.headers.get("accept", ""):
        extra = {"suggestions": [{k: s[k] for k in ("label", "value")} for s in suggestions]
                 } if suggestions is not None else {}
        return JSONResponse({"detail": detail, **extra}, status_code=status, headers=headers)
    context = {"status": status, "detail": detail, "suggestions": suggestions,
               "read_only": request.app.state.settings.read_only}
    return request.app.state.templates.TemplateResponse(request, "error.html", context,
                                                        status_code=status, headers=headers)
