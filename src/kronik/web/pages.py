"""The pages: timeline, dyad, network, event, article, search. Each is two routes.

``/page.json`` returns the page's data (documented by its model in the OpenAPI schema);
``/page`` renders the same data as HTML, or returns JSON to ``Accept: application/json``.
The data comes from one dependency per page, so both routes always agree.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from kronik.web import models
from kronik.web.app import render
from kronik.web.choices import country_code, event_type
from kronik.web.highlight import Mark, highlight
from kronik.store import Filters
from kronik.web.queries import MODES, ChronicleView, is_conflict, is_cooperation, plover

router = APIRouter()

Mode = Literal[("", *MODES)]
# Empty strings are what an HTML form sends for a field left blank: they mean "any".
STATE = "a state: ISO 3166-1 alpha-3 code, or its name in Indonesian or English"
DAY = r"^(\d{4}-\d{2}-\d{2})?$"
# A table page long enough to scan, short enough to render at once.
PER_PAGE = 50
MAX_PER_PAGE = 200
# The network drawing stays legible up to about this many ties.
MAX_EDGES = 120
DYAD_ROWS = 200
# Labelled ticks on each side of the dyad chart's zero line: enough to read a bar's height.
MAX_TICKS_EACH_SIDE = 4
# Pairs offered when two states share no event: a short list to choose from.
DYAD_SUGGESTIONS = 8
# Reporting articles on one page of an event: each comes with a paragraph of context.
MENTIONS_PER_PAGE = 20
MAX_MENTIONS_PER_PAGE = 100
SEARCH_HITS = 50


def html_twin(model: type) -> dict[int | str, dict[str, Any]]:
    """OpenAPI: the HTML route returns HTML, or the JSON model when the client asks for it."""
    return {200: {"content": {"text/html": {}, "application/json": {
        "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
        "description": "the page as HTML, or its data as JSON (Accept: application/json)"}}


def view(request: Request) -> ChronicleView:
    return request.app.state.view


def day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: '{value}' is not a date (YYYY-MM-DD)") from None


# -- timeline -------------------------------------------------------------------------------

def timeline_data(
    q: Annotated[ChronicleView, Depends(view)],
    country: Annotated[str, Query(max_length=100, description=f"{STATE}, among the parties")] = "",
    person: Annotated[str, Query(max_length=100, description="part of a party's name")] = "",
    type: Annotated[str, Query(max_length=40, description="PLOVER event type")] = "",
    mode: Annotated[Mode, Query(description="PLOVER mode of CONSULT")] = "",
    status: Annotated[Literal["", "occurred", "planned"], Query(description="occurred or planned")] = "",
    start: Annotated[str, Query(pattern=DAY, description="events ending on or after this day")] = "",
    end: Annotated[str, Query(pattern=DAY, description="events starting on or before this day")] = "",
    bucket: Annotated[Literal["auto", "week", "month"], Query(description="bar width of the chart")] = "auto",
    page: Annotated[int, Query(ge=1, le=100_000, description="page of the table, newest first")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="rows per page")] = PER_PAGE,
) -> models.TimelinePage:
    filters = Filters(country=country_code(country, "country", q.countries),
                      actor=person.strip() or None, type=event_type(type),
                      mode=mode or None, status=status or None,
                      start=day(start, "start"), end=day(end, "end"))
    return q.timeline(filters, page, per_page, bucket)


@router.get("/timeline.json", response_model=models.TimelinePage, tags=["timeline"],
            summary="Events over time: chart counts and one page of the table")
def timeline_json(data: Annotated[models.TimelinePage, Depends(timeline_data)]):
    return data


@router.get("/timeline", response_class=HTMLResponse, tags=["timeline"],
            responses=html_twin(models.TimelinePage), summary="Timeline page")
def timeline_page(request: Request, data: Annotated[models.TimelinePage, Depends(timeline_data)]):
    return render(request, "timeline.html", data, chart=chart_data(data.buckets, data.bucket))


def chart_data(buckets: list[models.Bucket], bucket: str) -> dict[str, Any]:
    """What ``static/charts.js`` draws: one series per quad class and status."""
    quads = plover()["quads"]
    series: dict[tuple[str, str], dict[str, Any]] = {}
    for b in buckets:
        quad = quads.get(b.quad, {})
        item = series.setdefault((b.quad, b.status), {
            "quad": b.quad, "status": b.status, "x": [], "y": [], "label": quad.get("label", b.quad),
            "colour": quad.get("colour", plover()["other_colour"])})
        item["x"].append(b.period)
        item["y"].append(b.count)
    order = list(quads) + ["other"]
    return {"bucket": bucket, "series": sorted(series.values(), key=lambda s: (
        s["status"] == "planned", order.index(s["quad"]) if s["quad"] in order else 99))}


# -- dyad -----------------------------------------------------------------------------------

def dyad_data(
    q: Annotated[ChronicleView, Depends(view)],
    a: Annotated[str, Query(max_length=100, description=f"first {STATE}")] = "",
    b: Annotated[str, Query(max_length=100, description=f"second {STATE}")] = "",
) -> models.DyadPage:
    countries = q.countries()
    first, second = (country_code(a, "a", lambda: countries),
                     country_code(b, "b", lambda: countries))
    if not first or not second:
        return models.DyadPage(a=first, b=second, countries=countries,
                               buckets=[], events=[], cooperation=0, conflict=0)
    data = q.dyad(first, second, DYAD_ROWS)
    data.countries = countries
    if not data.total:
        data.suggestions = q.dyads_of((first, second), DYAD_SUGGESTIONS)
    return data


@router.get("/dyad.json", response_model=models.DyadPage, tags=["dyad"],
            summary="Two states' interactions over time, cooperation against conflict")
def dyad_json(data: Annotated[models.DyadPage, Depends(dyad_data)]):
    return data


@router.get("/dyad", response_class=HTMLResponse, tags=["dyad"],
            responses=html_twin(models.DyadPage), summary="Dyad page")
def dyad_page(request: Request, data: Annotated[models.DyadPage, Depends(dyad_data)]):
    return render(request, "dyad.html", data, chart=dyad_chart(data.buckets))


def dyad_chart(buckets: list[models.Bucket]) -> dict[str, Any]:
    """Cooperation above the axis, conflict below, per month; the axis labelled in words."""
    months: dict[str, list[int]] = {}
    for b in buckets:
        row = months.setdefault(b.period, [0, 0])
        if is_cooperation(b.quad):
            row[0] += b.count
        elif is_conflict(b.quad):
            row[1] -= b.count
    x = sorted(months)
    quads = plover()["quads"]
    cooperation, conflict = [months[m][0] for m in x], [months[m][1] for m in x]
    return {"series": [
        {"label": "Cooperation", "x": x, "y": cooperation, "hover": cooperation,
         "status": "occurred", "colour": quads["verbal_cooperation"]["colour"]},
        {"label": "Conflict", "x": x, "y": conflict, "hover": [-n for n in conflict],
         "status": "occurred", "colour": quads["material_conflict"]["colour"]}],
        "relative": True, "bucket": "month",
        "yaxis": {"title": "events per month: cooperation above, conflict below",
                  **axis_ticks(min(conflict, default=0), max(cooperation, default=0))}}


def axis_ticks(low: int, high: int) -> dict[str, list]:
    """Ticks of a count axis with cooperation above zero and conflict below it, labelled in
    words ("3 cooperative", "2 conflictual"): a conflict count is never shown as negative."""
    top = max(high, -low, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10**4,
                            10**5, 10**6) if top / s <= MAX_TICKS_EACH_SIDE or s == 10**6)
    values = list(range(low // step * step, -(-high // step) * step + 1, step))
    labels = [f"{v:,} cooperative" if v > 0 else f"{-v:,} conflictual" if v < 0 else "0"
              for v in values]
    return {"tickvals": values, "ticktext": labels}


# -- network --------------------------------------------------------------------------------

def network_data(
    q: Annotated[ChronicleView, Depends(view)],
    start: Annotated[str, Query(pattern=DAY, description="period start (YYYY-MM-DD)")] = "",
    end: Annotated[str, Query(pattern=DAY, description="period end (YYYY-MM-DD)")] = "",
    country: Annotated[str, Query(max_length=100, description=f"show only the ties of {STATE}")] = "",
) -> models.NetworkPage:
    return q.network(day(start, "start"), day(end, "end"),
                     country_code(country, "country", q.countries), MAX_EDGES)


@router.get("/network.json", response_model=models.NetworkPage, tags=["network"],
            summary="Who interacts with whom in a period, weighted by number of events")
def network_json(data: Annotated[models.NetworkPage, Depends(network_data)]):
    return data


@router.get("/network", response_class=HTMLResponse, tags=["network"],
            responses=html_twin(models.NetworkPage), summary="Network page")
def network_page(request: Request, data: Annotated[models.NetworkPage, Depends(network_data)]):
    from kronik.web.network import layout

    return render(request, "network.html", data, drawing=layout(data))


# -- event ----------------------------------------------------------------------------------

def event_data(
    event_id: str, q: Annotated[ChronicleView, Depends(view)],
    page: Annotated[int, Query(ge=1, le=100_000, description="page of the reporting articles")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_MENTIONS_PER_PAGE, description="articles per page")] = MENTIONS_PER_PAGE,
) -> models.EventPage:
    data = q.event(event_id, page, per_page)
    if data is None:
        raise HTTPException(404, f"no event '{event_id}' in this chronicle")
    return data


@router.get("/event/{event_id}.json", response_model=models.EventPage, tags=["event"],
            summary="One event: parties, date, status, place and every article that reports it")
def event_json(data: Annotated[models.EventPage, Depends(event_data)]):
    return data


@router.get("/event/{event_id}", response_class=HTMLResponse, tags=["event"],
            responses=html_twin(models.EventPage), summary="Event page")
def event_page(request: Request, data: Annotated[models.EventPage, Depends(event_data)]):
    contexts = [highlight(m.context, [Mark(m.context_start, m.context_end, "evidence", tag="mark")])
                if m.context is not None and m.context_start is not None else None
                for m in data.mentions]
    return render(request, "event.html", data, contexts=contexts)


# -- article --------------------------------------------------------------------------------

def article_data(doc_id: str, q: Annotated[ChronicleView, Depends(view)]) -> models.ArticlePage:
    data = q.article(doc_id)
    if data is None:
        raise HTTPException(404, f"no article '{doc_id}' in this chronicle")
    return data


@router.get("/article/{doc_id}.json", response_model=models.ArticlePage, tags=["article"],
            summary="One article: metadata, cleaned text and highlighted spans by offset")
def article_json(data: Annotated[models.ArticlePage, Depends(article_data)]):
    return data


@router.get("/article/{doc_id}", response_class=HTMLResponse, tags=["article"],
            responses=html_twin(models.ArticlePage), summary="Article page")
def article_page(request: Request, data: Annotated[models.ArticlePage, Depends(article_data)]):
    marks = [Mark(s.start, s.end, s.kind, s.label, tag="mark" if s.kind == "evidence" else "span",
                  anchor=f"at-{s.start}" if s.kind == "evidence" else None) for s in data.spans]
    return render(request, "article.html", data, body=highlight(data.text, marks))


# -- search ---------------------------------------------------------------------------------

def search_data(
    q: Annotated[ChronicleView, Depends(view)],
    query: Annotated[str, Query(alias="q", max_length=200, description="words to find")] = "",
) -> models.SearchPage:
    if not query.strip():
        return models.SearchPage(query=query, hits=[])
    return q.search(query.strip(), SEARCH_HITS)


@router.get("/search.json", response_model=models.SearchPage, tags=["search"],
            summary="Articles and quotes that contain the words")
def search_json(data: Annotated[models.SearchPage, Depends(search_data)]):
    return data


@router.get("/search", response_class=HTMLResponse, tags=["search"],
            responses=html_twin(models.SearchPage), summary="Search page")
def search_page(request: Request, data: Annotated[models.SearchPage, Depends(search_data)]):
    marked = [highlight(hit.text, _matches(hit.text, data.query)) for hit in data.hits]
    return render(request, "search.html", data, marked=marked)


def _matches(text: str, query: str) -> list[Mark]:
    """Every case-insensitive occurrence of the query in a hit's passage."""
    needle = query.strip()
    if not needle:
        return []
    return [Mark(m.start(), m.end(), "match", tag="mark")
            for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]
