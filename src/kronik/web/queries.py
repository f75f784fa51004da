"""The read side of the web pages: the chronicle's API, plus the few aggregates it lacks.

Pages read through ``Chronicle`` (timeline rows, counts, dyads, events, documents, search).
What the chronicle does not offer yet (the chart's counts by period, quad class and status;
network ties counted by cooperation and conflict; the evidence and date text of a page of
rows; the list of states) is a read-only SQL query over the chronicle's own connection,
using the chronicle's own filter clause so that chart and table always select the same events.
Every query aggregates or pages in DuckDB, so a page costs the same for a hundred events or
millions.

The process keeps one DuckDB connection. A DuckDB connection is not thread-safe, but its
``cursor()`` is a duplicate connection to the same database that one thread may use while
others use theirs (DuckDB's "Multiple Python Threads" guide): every read runs on a cursor of
its own and sees the data committed when its query starts, so no lock is held while reading
and a writer in the same process (its own cursor, its own transactions) never blocks a page.
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

from kronik.errors import StoreError
from kronik.resources import load_data
from kronik.store import Chronicle, Filters
from kronik.store import queries as store_queries
from kronik.store.queries import ADDRESS_SQL, CANONICAL_COLUMNS, publisher, where
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
# An untitled article is named by the start of its first line, cut at a word before this many
# characters: about the length of a news headline.
HEADING_CHARS = 90
# A canonical row without its list of every reporting document (the page reads one page of
# them instead).
EVENT_COLUMNS = ", ".join(c for c in CANONICAL_COLUMNS if c != "source_list")


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


def heading(title: str | None, text: str | None) -> str | None:
    """What names an article: its title, else the start of its first line (the headline of
    most scraped articles), never its file name."""
    if title and title.strip():
        return title.strip()
    line = next((x.strip() for x in (text or "").splitlines() if x.strip()), "")
    if len(line) <= HEADING_CHARS:
        return line or None
    cut = line.rfind(" ", 0, HEADING_CHARS)
    return line[:cut if cut > 0 else HEADING_CHARS].rstrip(" ,.;:") + " …"


def is_cooperation(quad: str | None) -> bool:
    return bool(quad) and quad.endswith("cooperation")


def is_conflict(quad: str | None) -> bool:
    return bool(quad) and quad.endswith("conflict")


class ChronicleView:
    """Page-sized reads over one open ``Chronicle``, each on a cursor of its own."""

    def __init__(self, chronicle: Chronicle | None):
        self.chronicle = chronicle
        # Writes from the web (ingest) are one at a time: DuckDB refuses two transactions
        # that change the same rows. Reads never take this lock.
        self.write_lock = threading.Lock()

    def _open(self) -> Chronicle:
        if self.chronicle is None:
            raise StoreError("no chronicle is open")
        return self.chronicle

    @contextmanager
    def reading(self) -> Iterator[Chronicle]:
        """A read-only chronicle on a new cursor (``Chronicle.reader``): safe in any thread,
        sees what is committed, never waits for a lock."""
        reader = self._open().reader()
        try:
            yield reader
        finally:
            reader.close()

    @contextmanager
    def writing(self) -> Iterator[Chronicle]:
        """The chronicle on a new cursor for one write at a time."""
        chronicle = self._open()
        with self.write_lock:
            cursor = chronicle.con.cursor()
            try:
                yield Chronicle(cursor, chronicle.path, chronicle.read_only)
            finally:
                cursor.close()

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
            paging=_paging(page, per_page, total))

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
            latest = data["events"]  # newest first, as the chronicle lists them
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

    def dyads_of(self, states: tuple[str, ...], limit: int) -> list[models.DyadSuggestion]:
        """The pairs of states with most events among those involving any of ``states``; the
        busiest pairs of the chronicle where none of them has a partner."""
        with self.reading() as chronicle:
            for among in (states, ()):
                pairs = chronicle.con.execute(
                    f"""WITH pairs AS (
                            SELECT x.v AS s, y.v AS t FROM canonical_events c,
                                   unnest(c.countries) AS x(v), unnest(c.countries) AS y(v)
                            WHERE x.v < y.v)
                        SELECT s, t, count(*) AS n FROM pairs
                        {"WHERE s IN (SELECT unnest(?)) OR t IN (SELECT unnest(?))" if among else ""}
                        GROUP BY ALL ORDER BY n DESC, s, t LIMIT ?""",
                    [*([list(among)] * 2 if among else []), limit]).fetchall()
                if pairs:
                    break
        return [models.DyadSuggestion(a=s, b=t, events=n) for s, t, n in pairs]

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

    def event(self, key: str, page: int, per_page: int) -> models.EventPage | None:
        """A real-world event (by canonical or event id) and one page of the articles that
        report it, earliest first: a story reported a thousand times stays a small page."""
        with self.reading() as chronicle:
            con = chronicle.con
            group = store_queries.group_of(con, key)
            rows = store_queries.fetch_dicts(con.execute(
                f"SELECT {EVENT_COLUMNS} FROM canonical_events WHERE canonical_id = ?", [group]))
            if not rows:
                return None
            row = rows[0]
            details = _details(con, [row["event_id"]])
            total = con.execute("SELECT count(*) FROM events WHERE canonical_id = ?",
                                [group]).fetchone()[0]
            mentions = store_queries.fetch_dicts(con.execute(
                f"""SELECT e.event_id, e.doc_id, d.source, d.outlet, d.title, d.published,
                           d.text, e.record, {ADDRESS_SQL} AS address
                    FROM events e JOIN documents d USING (doc_id) WHERE e.canonical_id = ?
                    ORDER BY d.published_date NULLS LAST, d.published, e.event_id
                    LIMIT ? OFFSET ?""", [group, per_page, (page - 1) * per_page]))
            fulfils = store_queries.linked(con, group, "fact_id", "plan_id")
            fulfilled_by = store_queries.linked(con, group, "plan_id", "fact_id")
        return models.EventPage(
            event=event_row(row, details.get(row["event_id"])),
            mentions=[_mention(m) for m in mentions], paging=_paging(page, per_page, total),
            fulfils=fulfils, fulfilled_by=fulfilled_by)

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
            heading=heading(record.get("title"), record.get("text")),
            outlet=publisher(record.get("outlet"), record.get("url") or record.get("source")),
            author=record.get("author"), url=record.get("url"),
            published=record.get("published"),
            published_inferred=bool(record.get("published_inferred")),
            language=record.get("language"), text=record.get("text") or "",
            spans=spans_of(record), events=events)

    def search(self, query: str, limit: int) -> models.SearchPage:
        """Articles and quotes that contain the query (the chronicle's search), each with its
        article's heading, outlet and publication date."""
        with self.reading() as chronicle:
            found = chronicle.search(query, limit)
            about = {row[0]: row[1:] for row in chronicle.con.execute(
                f"""SELECT doc_id, substr(text, 1, {HEADING_CHARS * 4}), outlet, {ADDRESS_SQL}
                    FROM documents d WHERE doc_id IN (SELECT unnest(?))""",
                [sorted({h["doc_id"] for h in found})]).fetchall()}
        hits = []
        for h in found:
            start, outlet, address = about.get(h["doc_id"], (None,) * 3)
            hits.append(models.SearchHit(
                kind="article" if h["kind"] == "document" else h["kind"], document_id=h["doc_id"],
                title=h.get("title"), heading=heading(h.get("title"), start),
                source=h.get("source"), outlet=publisher(outlet, address),
                published=h.get("published"), text=h.get("snippet") or "",
                speaker=h.get("speaker")))
        return models.SearchPage(query=query, hits=hits)


def _paging(page: int, per_page: int, total: int) -> models.Page:
    return models.Page(page=page, per_page=per_page, total=total,
                       pages=max(1, -(-total // per_page)))


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
    """Counts by period (first day of the week or month), quad class and status, in SQL, in
    that order (by period alone, the rows of one period came in any order, and so did the JSON)."""
    unit = "week" if bucket == "week" else "month"
    result = con.execute(
        f"""SELECT CAST(date_trunc('{unit}', date_start) AS DATE) AS period, coalesce(quad, 'other'), status,
                   count(*)
            FROM canonical_events WHERE {clause} AND date_start IS NOT NULL
            GROUP BY ALL ORDER BY 1, 2, 3""", params).fetchall()
    return [models.Bucket(period=period.isoformat(), quad=quad, status=status, count=n)
            for period, quad, status, n in result]


def _details(con: Any, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored record (parties with titles, date text and reason, evidence) of some events."""
    if not event_ids:
        return {}
    rows = con.execute("SELECT event_id, record FROM events WHERE event_id IN (SELECT unnest(?))",
                       [event_ids]).fetchall()
    return {event_id: json.loads(record) for event_id, record in rows}


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


def _mention(row: dict[str, Any]) -> models.Mention:
    """One reporting article and the evidence sentence in its surrounding text."""
    text = row["text"] or ""
    evidence = (json.loads(row["record"]) or {}).get("evidence") or {}
    result = models.Mention(document_id=row["doc_id"], event_id=row["event_id"],
                            source=row["source"], outlet=publisher(row["outlet"], row["address"]),
                            title=row["title"], heading=heading(row["title"], text),
                            published=row["published"])
    start, end = evidence.get("start"), evidence.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
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
