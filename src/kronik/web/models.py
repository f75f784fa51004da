"""The JSON shapes of the web pages: each page's HTML renders exactly this data.

These models document the HTTP API in the OpenAPI schema (``/openapi.json``) and are what
every ``.json`` twin returns. Parties and dates follow the document record of the contract.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

# How every page that names an article (its own page, a mention of an event, a search hit)
# heads it and names its outlet.
Heading = Annotated[str | None, Field(description="the title, or the start of the first line of an "
                                                  "untitled article")]
Outlet = Annotated[str | None, Field(description="the stored outlet, else the host of the URL")]


class PartyOut(BaseModel):
    name: str | None = None
    country: str | None = None
    kind: str = "state"
    title: str | None = None
    id: str | None = None


class DateOut(BaseModel):
    start: str
    end: str
    text: str | None = None
    reason: str | None = None


class LocationOut(BaseModel):
    name: str | None = None
    country: str | None = None


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class EventRow(BaseModel):
    """One event as listed in tables: enough to read it at a glance and open it."""

    id: str
    type: str
    mode: str | None = None
    quad: str | None = Field(None, description="PLOVER quad class of the type")
    status: str = "occurred"
    actor: PartyOut | None = None
    recipient: PartyOut | None = None
    participants: list[PartyOut] = []
    date: DateOut | None = None
    location: LocationOut | None = None
    evidence: str | None = Field(None, description="the sentence that states the event")
    sources: int = Field(1, description="how many articles mention the event")


class Bucket(BaseModel):
    """Number of events in one period, quad class and status (the timeline chart's bars)."""

    period: str = Field(description="first day of the week or month")
    quad: str
    status: str | None = Field(None, description="occurred or planned; null where not split")
    count: int


class TimelineFilters(BaseModel):
    country: str | None = None
    person: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    start: str | None = None
    end: str | None = None


class Page(BaseModel):
    page: int
    per_page: int
    total: int
    pages: int


class TimelinePage(BaseModel):
    filters: TimelineFilters
    bucket: str = Field(description="week or month: the width of the chart's bars")
    buckets: list[Bucket]
    events: list[EventRow]
    paging: Page


class DyadSuggestion(BaseModel):
    """A pair of states that shares events: offered when the pair asked for shares none."""

    a: str
    b: str
    events: int


class DyadPage(BaseModel):
    a: str | None
    b: str | None
    countries: list[str] = Field(description="states that can be chosen")
    buckets: list[Bucket]
    events: list[EventRow] = Field(description="the latest events between the two")
    total: int = 0
    cooperation: int
    conflict: int
    suggestions: list[DyadSuggestion] = Field([], description="when the two share no event: "
                                              "the busiest pairs with either of them (or, if "
                                              "neither has any, in the whole chronicle)")


class Node(BaseModel):
    id: str
    events: int


class Edge(BaseModel):
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int


class NetworkPage(BaseModel):
    start: str | None
    end: str | None
    focus: str | None = Field(None, description="the state whose ties are shown, if one was clicked")
    nodes: list[Node]
    edges: list[Edge]


class Mention(BaseModel):
    """An article that reports the event, and the sentence where it does."""

    document_id: str
    event_id: str | None = None
    source: str | None = None
    title: str | None = None
    heading: Heading = None
    outlet: Outlet = None
    published: str | None = None
    evidence: SpanOut | None = None
    context: str | None = Field(None, description="the text around the evidence")
    context_start: int | None = Field(None, description="where the evidence starts in the context")
    context_end: int | None = None


class EventPage(BaseModel):
    event: EventRow
    mentions: list[Mention] = Field(description="one page of the reporting articles, earliest "
                                                "first")
    paging: Page = Field(description="the pages of mentions")
    fulfils: list[str] = Field([], description="planned events this one carried out")
    fulfilled_by: list[str] = Field([], description="events that carried out this plan")


class TextSpan(BaseModel):
    start: int
    end: int
    kind: str
    label: str = ""


class ArticlePage(BaseModel):
    id: str
    source: str | None = None
    title: str | None = None
    heading: Heading = None
    outlet: Outlet = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str | None = None
    text: str
    spans: list[TextSpan] = Field(description="entities, time expressions, evidence and quotes")
    events: list[EventRow]


class SearchHit(BaseModel):
    kind: str = Field(description="article or quote")
    document_id: str
    title: str | None = None
    heading: Heading = None
    source: str | None = None
    outlet: Outlet = None
    published: str | None = None
    text: str = Field(description="the matching passage")
    speaker: str | None = Field(None, description="the name of who is quoted (quotes only)")


class SearchPage(BaseModel):
    query: str
    hits: list[SearchHit]


class IngestForm(BaseModel):
    """What the ingest page shows before anything is sent."""

    enabled: bool = Field(description="false on a read-only server (started without a token)")
    signed_in: bool = Field(False, description="whether this request carries the token or the "
                                                "browser's ingest session")
    max_upload_bytes: int
    formats: list[str] = Field(description="file name endings read as articles")


class IngestResult(BaseModel):
    documents: int = Field(description="articles added (or replacing an older version)")
    unchanged: int = Field(0, description="articles already stored with the same text")
    events: int = Field(description="events read in the added articles")
    errors: list[str] = Field(description="inputs that could not be read or stored")
