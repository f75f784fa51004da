"""The pages: timeline, dyad, network, event, article, search. Each is two routes.

``/page.json`` returns the page's data (documented by its model in the OpenAPI schema);
``/page`` renders the same data as HTML, or returns JSON to ``Accept: application/json``.
The data comes from one dependency per page, so both routes always agree; ``page`` declares
the two routes of a page at once.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

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


PageData = TypeVar("PageData")
# What a page's HTML template needs besides the page's data (a chart, marked-up text).
Extras = Callable[[Any], dict[str, Any]]


def page(name: str, path: str, model: type, data: Callable[..., Any],
         summary: str) -> Callable[[Extras], Extras]:
    """Declares the page ``name`` by its two routes: ``{path}.json`` returns what the dependency
    ``data`` gives, documented as ``model`` and ``summary``; ``path`` renders the same data with
    the template ``{name}.html`` and what the decorated function adds for it (JSON to a client
    that asks for it). The JSON route comes first, so that ``/event/{id}.json`` is not taken
    for an event whose id ends in ``.json``."""
    def register(extras: Extras) -> Extras:
        def json_route(found=Depends(data)):
            return found

        def html_route(request: Request, found=Depends(data)):
            return render(request, f"{name}.html", found, **extras(found))

        router.get(f"{path}.json", response_model=model, tags=[name], summary=summary,
                   name=f"{name}_json")(json_route)
        router.get(path, response_class=HTMLResponse, tags=[name], responses=html_twin(model),
                   summary=f"{name.capitalize()} page", name=f"{name}_page")(html_route)
        return extras
    return register


def view(request: Request) -> ChronicleView:
    return request.app.state.view


def found(data: PageData | None, what: str) -> PageData:
    """The data of a page about one thing (``what``: "event 'ID'"), or 404 where the chronicle
    has no such thing."""
    if data is None:
        raise HTTPException(404, f"no {what} in this chronicle")
    return data


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


@page("timeline", "/timeline", models.TimelinePage, timeline_data,
      "Events over time: chart counts and one page of the table")
def timeline_page(data: models.TimelinePage) -> dict[str, Any]:
    return {"chart": chart_data(data.buckets, data.bucket)}


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


@page("dyad", "/dyad", models.DyadPage, dyad_data,
      "Two states' interactions over time, cooperation against conflict")
def dyad_page(data: models.DyadPage) -> dict[str, Any]:
    return {"chart": dyad_chart(data.buckets)}


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


@page("network", "/network", models.NetworkPage, network_data,
      "Who interacts with whom in a period, weighted by number of events")
def network_page(data: models.NetworkPage) -> dict[str, Any]:
    from kronik.web.network import layout

    return {"drawing": layout(data)}


# -- event ----------------------------------------------------------------------------------

def event_data(
    event_id: str, q: Annotated[ChronicleView, Depends(view)],
    page: Annotated[int, Query(ge=1, le=100_000, description="page of the reporting articles")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_MENTIONS_PER_PAGE, description="articles per page")] = MENTIONS_PER_PAGE,
) -> models.EventPage:
    return found(q.event(event_id, page, per_page), f"event '{event_id}'")


@page("event", "/event/{event_id}", models.EventPage, event_data,
      "One event: parties, date, status, place and every article that reports it")
def event_page(data: models.EventPage) -> dict[str, Any]:
    return {"contexts": [highlight(m.context, [Mark(m.context_start, m.context_end, "evidence", tag="mark")])
                         if m.context is not None and m.context_start is not None else None
                         for m in data.mentions]}


# -- article --------------------------------------------------------------------------------

def article_data(doc_id: str, q: Annotated[ChronicleView, Depends(view)]) -> models.ArticlePage:
    return found(q.article(doc_id), f"article '{doc_id}'")


@page("article", "/article/{doc_id}", models.ArticlePage, article_data,
      "One article: metadata, cleaned text and highlighted spans by offset")
def article_page(data: models.ArticlePage) -> dict[str, Any]:
    marks = [Mark(s.start, s.end, s.kind, s.label, tag="mark" if s.kind == "evidence" else "span",
                  anchor=f"at-{s.start}" if s.kind == "evidence" else None) for s in data.spans]
    return {"body": highlight(data.text, marks)}


# -- search ---------------------------------------------------------------------------------

def search_data(
    q: Annotated[ChronicleView, Depends(view)],
    query: Annotated[str, Query(alias="q", max_length=200, description="words to find")] = "",
) -> models.SearchPage:
    if not query.strip():
        return models.SearchPage(query=query, hits=[])
    return q.search(query.strip(), SEARCH_HITS)


@page("search", "/search", models.SearchPage, search_data, "Articles and quotes that contain the words")
def search_page(data: models.SearchPage) -> dict[str, Any]:
    return {"marked": [highlight(hit.text, _matches(hit.text, data.query)) for hit in data.hits]}


def _matches(text: str, query: str) -> list[Mark]:
    """Every case-insensitive occurrence of the query in a hit's passage."""
    needle = query.strip()
    if not needle:
        return []
    return [Mark(m.start(), m.end(), "match", tag="mark")
            for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]
