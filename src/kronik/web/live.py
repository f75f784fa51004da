"""The live chronicle's pages: alerts (HTML, JSON twin, Atom feed) and the ingest status.

The alerts are read through a cursor of their own, like every page; the status comes from the
writer when the server ingests continuously (``kronik serve --watch/--feed``) and says so when
it does not.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from xml.sax.saxutils import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from kronik.live.alerts import stored_alerts
from kronik.web.app import wants_json

router = APIRouter()
# Alerts listed on the page, in the JSON twin and in the Atom feed: the newest this many.
ALERT_LIMIT = 200


def live_status(request: Request) -> dict[str, Any] | None:
    """The writer's status, or None for a server that does not ingest continuously."""
    writer = getattr(request.app.state, "writer", None)
    return writer.status().to_dict() if writer is not None else None


def _alerts(request: Request) -> list[dict[str, Any]]:
    with request.app.state.view.reading() as chronicle:
        return stored_alerts(chronicle, ALERT_LIMIT)


@router.get("/alerts.json", tags=["live"], summary="Alerts raised by the rules, newest first")
def alerts_json(request: Request) -> JSONResponse:
    return JSONResponse({"alerts": _alerts(request)})


@router.get("/alerts", response_class=HTMLResponse, tags=["live"], summary="Alerts page")
def alerts_page(request: Request) -> Response:
    if wants_json(request):
        return alerts_json(request)
    return request.app.state.templates.TemplateResponse(
        request, "alerts.html", {"alerts": _alerts(request),
                                 "read_only": request.app.state.settings.read_only})


@router.get("/alerts.atom", tags=["live"], summary="Alerts as an Atom feed",
            response_class=Response)
def alerts_atom(request: Request) -> Response:
    alerts = _alerts(request)
    base = str(request.base_url).rstrip("/")
    updated = alerts[0]["created_at"] if alerts else datetime.now(timezone.utc).isoformat(timespec="seconds")
    entries = "".join(
        f"<entry><id>urn:kronik:alert:{escape(a['key'])}</id><title>{escape(a['title'])}</title>"
        f"<updated>{escape(_stamp(a['created_at']))}</updated>"
        f"<link href=\"{escape(base)}/event/{escape(a['events'][0])}\"/>"
        f"<summary>{escape('Articles: ' + ', '.join(a['articles']))}</summary></entry>"
        for a in alerts if a["events"])
    feed = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Kronik alerts</title>"
            f"<id>{escape(base)}/alerts.atom</id><updated>{escape(_stamp(updated))}</updated>"
            f"<link rel=\"self\" href=\"{escape(base)}/alerts.atom\"/>{entries}</feed>")
    return Response(feed, media_type="application/atom+xml")


def _stamp(value: str) -> str:
    """An Atom date: ISO 8601 with a time zone (stored times are local to the server)."""
    moment = datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.astimezone()).isoformat(timespec="seconds")


@router.get("/status.json", tags=["live"], summary="What the server watches and ingests")
def status_json(request: Request) -> JSONResponse:
    status = live_status(request)
    return JSONResponse(status if status is not None else {"watching": [], "live": False})
