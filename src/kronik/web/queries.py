"""The read side of the web pages: the chronicle's API, plus the few aggregates it lacks.

Pages read through ``Chronicle`` (timeline rows, counts, dyads, events, documents, search).
What the chronicle does not offer yet (the chart's counts by period, quad class and status;
network ties counted by cooperation and conflict; the evidence and date text of a page of
rows; the list of states) is a read-only SQL query over the chronicle's own connection,
using the chronicle's own filter clause so that chart and table always select the same events.
Every query aggregates or pages in DuckDB, so a page costs the same for a hundred events or
millions. One lock serialises the server's worker threads on the single connection.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from kronik.resources import load_data
from kronik.store import Chronicle, Filters
from kronik.store.queries import where
from kronik.store.writer import quad_of_type
from kronik.web import models
from kronik.web.highlight import excerpt

# The contract's modes of CONSULT, the only PLOVER type with modes.
MODES = ("phone", "meeting", "visit", "multilateral")
# Charts switch from monthly to weekly bars when the events span fewer days than this:
# about half a year of weeks (26 bars) still reads well; more becomes a comb.
WEEKLY_SPAN_DAYS = 190
# Context shown around an evidence sentence on the event page, in characters each side.
EVIDENCE_CONTEXT = 220


@cache
def plover() -> dict[str, Any]:
    """Quad classes from ``data/plover.yaml`` with their chart colours (``quad-colours.json``)."""
    colours = json.loads(resources.files("kronik.web").joinpath("static/quad-colours.json")
                         .read_text("utf-8"))
    quads = {name: {"label": quad["label"].capitalize(), "types": list(quad["types"]),
                    "colour": colours.get(name, colours["other"])}
             for name, quad in load_data("plover", language=None)["quads"].items()}
    return {"quads": quads, "other_colour": colours["other"]}


def quad_of(event_type: str | None) -> str | None:
    return quad_of_type().get(event_type)


def is_cooperation(quad: str | None) -> bool:
    return bool(quad) and quad.endswith("cooperation")


def is_conflict(quad: str | None) -> bool:
    return bool(quad) and quad.endswith("conflict")


class ChronicleView:
    """Page-sized reads over one open ``Chronicle``, serialised by a lock."""

    def __init__(self, chronicle: Chronicle, lock: threading.Lock | None = None):
        self.chronicle = chronicle
        self.lock = lock or threading.Lock()

    @contextmanager
    def reading(self) -> Iterator[Chronicle]:
        with self.lock:
            yield self.chronicle

    # -- timeline ---------------------------------------------------------------------------

    def timeline(self, filters: Filters, page: int, per_page: int,
                 bucket: str = "auto") -> models.TimelinePage:
        """Chart counts by period, quad and status, plus one page of the table."""
        clause, params = where(filters)
        with self.reading() as chronicle:
            con = chronicle.con
            total = chronicle.count_events(filters)
            if bucket not in ("week", "month"):
                bucket = _bucket_for(con, clause, params)
            buckets = _buckets(con, clause, params, bucket)
            rows = chronicle.timeline(filters, per_page, (page - 1) * per_page)
            details = _details(con, [r["event_id"] for r in rows])
        return models.TimelinePage(
            filters=_filters_model(filters), bucket=bucket, buckets=buckets,
            events=[event_row(r, details.get(r["event_id"])) for r in rows],
            paging=models.Page(page=page, per_page=per_page, total=total,
                               pages=max(1, -(-total // per_page))))

    # -- dyad and network -------------------------------------------------------------------

    def countries(self) -> list[str]:
        """Every state that takes part in at least one event, alphabetically."""
        with self.reading() as chronicle:
            rows = chronicle.con.execute("SELECT DISTINCT unnest(countries) AS c "
                                         "FROM canonical_events ORDER BY c").fetchall()
        return [c for (c,) in rows if c]

    def dyad(self, a: str, b: str, limit: int) -> models.DyadPage:
        """Events with both states among the parties: monthly counts and the latest events."""
        with self.reading() as chronicle:
            data = chronicle.dyad(a, b, limit=limit)
            latest = list(reversed(data["events"]))
            details = _details(chronicle.con, [r["event_id"] for r in latest])
        buckets = [models.Bucket(period=f"{p['period']}-01", quad=p["quad"] or "other",
                                 count=p["events"]) for p in data["periods"] if p["period"]]
        totals = data["totals"]
        return models.DyadPage(
            a=a, b=b, countries=[], buckets=buckets,
            events=[event_row(r, details.get(r["event_id"])) for r in latest],
            total=data["total"],
            cooperation=sum(n for q, n in totals.items() if is_cooperation(q)),
            conflict=sum(n for q, n in totals.items() if is_conflict(q)))

    def network(self, start: date | None, end: date | None, focus: str | None,
                max_edges: int) -> models.NetworkPage:
        """Pairs of states that share events in the period, with cooperation/conflict counts."""
        clause, params = where(Filters(start=start, end=end, country=focus))
        focus_clause = "AND ? IN (s, t)" if focus else ""
        with self.reading() as chronicle:
            # Most events have two parties: their pair is read directly; only events with
            # three or more parties are expanded into every pair (ten times faster than
            # expanding all of them on a million events).
            result = chronicle.con.execute(
                f"""WITH f AS (SELECT quad, countries FROM canonical_events WHERE {clause}),
                    pairs AS (
                        SELECT quad, least(countries[1], countries[2]) AS s,
                               greatest(countries[1], countries[2]) AS t
                        FROM f WHERE len(countries) = 2
                        UNION ALL
                        SELECT quad, x.v, y.v
                        FROM (SELECT * FROM f WHERE len(countries) > 2) g,
                             unnest(g.countries) AS x(v), unnest(g.countries) AS y(v)
                        WHERE x.v < y.v)
                    SELECT s, t, count(*) AS n,
                           count(*) FILTER (WHERE quad LIKE '%cooperation') AS coop,
                           count(*) FILTER (WHERE quad LIKE '%conflict') AS conf
                    FROM pairs WHERE s <> t {focus_clause}
                    GROUP BY ALL ORDER BY n DESC, s, t LIMIT ?""",
                [*params, *([focus] if focus else []), max_edges]).fetchall()
        edges = [models.Edge(source=s, target=t, events=n, cooperation=coop, conflict=conf)
                 for s, t, n, coop, conf in result]
        weight: dict[str, int] = {}
        for edge in edges:
            for node in (edge.source, edge.target):
                weight[node] = weight.get(node, 0) + edge.events
        return models.NetworkPage(
            start=start.isoformat() if start else None, end=end.isoformat() if end else None,
            focus=focus, nodes=[models.Node(id=k, events=v) for k, v in sorted(weight.items())],
            edges=edges)

    # -- one event, one article, search -----------------------------------------------------

    def event(self, key: str) -> models.EventPage | None:
        """A real-world event (by canonical or event id) and every article that reports it."""
        with self.reading() as chronicle:
            data = chronicle.event(key)
            if data is None:
                return None
            details = _details(chronicle.con, [data["event_id"]])
            mentions = data.get("mentions_list") or []
            texts = _documents(chronicle.con, sorted({m["doc_id"] for m in mentions}))
        return models.EventPage(
            event=event_row(data, details.get(data["event_id"])),
            mentions=[_mention(m, texts.get(m["doc_id"])) for m in mentions],
            fulfils=data.get("fulfils") or [], fulfilled_by=data.get("fulfilled_by") or [])

    def article(self, key: str) -> models.ArticlePage | None:
        """An article's metadata, text, highlighted spans and events."""
        with self.reading() as chronicle:
            record = chronicle.document(key)
            if record is None:
                return None
            groups = [e.get("canonical_id") for e in record.get("events") or []]
            sources = dict(chronicle.con.execute(
                "SELECT canonical_id, sources FROM canonical_events "
                "WHERE canonical_id IN (SELECT unnest(?))", [[g for g in groups if g]]).fetchall())
        events = [event_from_record(e, sources.get(e.get("canonical_id"), 1))
                  for e in record.get("events") or []]
        return models.ArticlePage(
            id=record["doc_id"], source=record.get("source"), title=record.get("title"),
            outlet=record.get("outlet"), author=record.get("author"),
            published=record.get("published"),
            published_inferred=bool(record.get("published_inferred")),
            language=record.get("language"), text=record.get("text") or "",
            spans=spans_of(record), events=events)

    def search(self, query: str, limit: int) -> models.SearchPage:
        """Articles and quotes that contain the query (the chronicle's search)."""
        with self.reading() as chronicle:
            found = chronicle.search(query, limit)
        hits = [models.SearchHit(kind="article" if h["kind"] == "document" else h["kind"],
                                 document_id=h["doc_id"], title=h.get("title"),
                                 source=h.get("source"), text=h.get("snippet") or "",
                                 speaker=h.get("speaker")) for h in found]
        return models.SearchPage(query=query, hits=hits)


def _filters_model(filters: Filters) -> models.TimelineFilters:
    return models.TimelineFilters(
        country=filters.country, person=filters.actor, type=filters.type, mode=filters.mode,
        status=filters.status, start=filters.start.isoformat() if filters.start else None,
        end=filters.end.isoformat() if filters.end else None)


def _bucket_for(con: Any, clause: str, params: list[Any]) -> str:
    low, high = con.execute(f"SELECT min(date_start), max(date_start) FROM canonical_events "
                            f"WHERE {clause}", params).fetchone()
    if low is None or (high - low) >= timedelta(days=WEEKLY_SPAN_DAYS):
        return "month"
    return "week"


def _buckets(con: Any, clause: str, params: list[Any], bucket: str) -> list[models.Bucket]:
    """Counts by period (first day of the week or month), quad class and status, in SQL."""
    unit = "week" if bucket == "week" else "month"
    result = con.execute(
        f"""SELECT CAST(date_trunc('{unit}', date_start) AS DATE) AS period, coalesce(quad, 'other'), status,
                   count(*)
            FROM canonical_events WHERE {clause} AND date_start IS NOT NULL
            GROUP BY ALL ORDER BY period""", params).fetchall()
    return [models.Bucket(period=period.isoformat(), quad=quad, status=status, count=n)
            for period, quad, status, n in result]


def _details(con: Any, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored record (parties with titles, date text and reason, evidence) of some events."""
    if not event_ids:
        return {}
    rows = con.execute("SELECT event_id, record FROM events WHERE event_id IN (SELECT unnest(?))",
                       [event_ids]).fetchall()
    return {event_id: json.loads(record) for event_id, record in rows}


def _documents(con: Any, doc_ids: list[str]) -> dict[str, tuple]:
    if not doc_ids:
        return {}
    rows = con.execute("SELECT doc_id, text, title, published FROM documents "
                       "WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()
    return {row[0]: row[1:] for row in rows}


def _party(data: dict[str, Any] | None, name: str | None = None,
           country: str | None = None) -> models.PartyOut | None:
    if data:
        return models.PartyOut(name=data.get("name"), country=data.get("country"),
                               kind=data.get("kind") or "state", title=data.get("title"),
                               id=data.get("id"))
    if name or country:
        return models.PartyOut(name=name, country=country)
    return None


def _date(data: dict[str, Any] | None, start: Any = None, end: Any = None) -> models.DateOut | None:
    data = data or {}
    start = data.get("start") or start
    if not start:
        return None
    return models.DateOut(start=str(start)[:10], end=str(data.get("end") or end or start)[:10],
                          text=data.get("text"), reason=data.get("reason"))


def event_row(row: dict[str, Any], record: dict[str, Any] | None) -> models.EventRow:
    """A canonical row of the chronicle, completed by its representative event's record."""
    record = record or {}
    location = record.get("location") or {}
    return models.EventRow(
        id=row["canonical_id"], type=row["type"], mode=row.get("mode"),
        quad=row.get("quad") or quad_of(row["type"]), status=row["status"],
        actor=_party(record.get("actor"), row.get("actor_name"), row.get("actor_country")),
        recipient=_party(record.get("recipient"), row.get("recipient_name"),
                         row.get("recipient_country")),
        participants=[p for p in (_party(x) for x in record.get("participants") or []) if p],
        date=_date(record.get("date"), row.get("date_start"), row.get("date_end")),
        location=models.LocationOut(name=row.get("location_name") or location.get("name"),
                                    country=row.get("location_country") or location.get("country"))
        if row.get("location_name") or row.get("location_country") or location else None,
        evidence=(record.get("evidence") or {}).get("text"), sources=row.get("sources") or 1)


def event_from_record(event: dict[str, Any], sources: int) -> models.EventRow:
    """An event of a document record (contract shape) as a table row."""
    location = event.get("location")
    return models.EventRow(
        id=event.get("canonical_id") or event["id"], type=event["type"], mode=event.get("mode"),
        quad=quad_of(event["type"]), status=event.get("status") or "occurred",
        actor=_party(event.get("actor")), recipient=_party(event.get("recipient")),
        participants=[p for p in (_party(x) for x in event.get("participants") or []) if p],
        date=_date(event.get("date")),
        location=models.LocationOut(**location) if location else None,
        evidence=(event.get("evidence") or {}).get("text"), sources=sources)


def _mention(mention: dict[str, Any], document: tuple | None) -> models.Mention:
    """One reporting article and the evidence sentence in its surrounding text."""
    text, title, published = document or ("", None, None)
    evidence = mention["event"].get("evidence") or {}
    result = models.Mention(document_id=mention["doc_id"], event_id=mention["event_id"],
                            source=mention.get("source"), outlet=mention.get("outlet"),
                            title=title, published=published)
    start, end = evidence.get("start"), evidence.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text or ""):
        result.evidence = models.SpanOut(start=start, end=end, text=text[start:end])
        window, left, right = excerpt(text, start, end, EVIDENCE_CONTEXT)
        first = start - left  # where the window begins in the article
        before = "… " if first > 0 else ""
        after = " …" if first + len(window) < len(text) else ""
        result.context = before + window + after
        result.context_start, result.context_end = left + len(before), right + len(before)
    elif evidence.get("text"):
        result.context, result.context_start, result.context_end = (
            evidence["text"], 0, len(evidence["text"]))
    return result


def spans_of(record: dict[str, Any]) -> list[models.TextSpan]:
    """Entities, time expressions, quotes and event evidence of a record, by offset."""
    spans: list[models.TextSpan | None] = []
    for entity in record.get("entities") or []:
        label = " · ".join(str(x) for x in (entity.get("kind"), entity.get("name"),
                                              entity.get("country")) if x)
        spans.append(_span(entity, f"entity {entity.get('kind') or ''}".strip(), label))
    for expression in record.get("time_expressions") or []:
        label = " – ".join(x for x in (expression.get("first"), expression.get("last")) if x)
        spans.append(_span(expression, "time", label))
    for quote in record.get("quotes") or []:
        speaker = (quote.get("speaker") or {}).get("name")
        spans.append(_span(quote, "quote", f"quote: {speaker}" if speaker else "quote"))
    for event in record.get("events") or []:
        label = " ".join(x for x in (event.get("type"), event.get("mode"), event.get("status")) if x)
        spans.append(_span(event.get("evidence") or {}, "evidence", label))
    return [s for s in spans if s is not None]


def _span(data: dict[str, Any], kind: str, label: str) -> models.TextSpan | None:
    start, end = data.get("start"), data.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    return models.TextSpan(start=start, end=end, kind=kind, label=label)
