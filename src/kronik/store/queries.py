"""Read queries over the chronicle; each returns plain dicts ready for tables or JSON."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from kronik.events.coding import ORDERED_MODES, SYMMETRIC_TYPES
from kronik.store import schema

Connection = duckdb.DuckDBPyConnection
CANONICAL_COLUMNS = ("canonical_id", "event_id", "type", "mode", "status", "quad", "actor_name",
                     "actor_country", "recipient_name", "recipient_country", "countries",
                     "date_start", "date_end", "location_name", "location_country", "mentions",
                     "sources", "independent", "confidence", "first_published", "source_list")
EXPORT_COLUMNS = (*CANONICAL_COLUMNS[:-1], "actor_title", "recipient_title", "date_text",
                  "evidence_text", "names", "source_names", "outlets", "publication_dates")
SYMMETRIC_SQL = (f"(type IN ({', '.join(repr(t) for t in sorted(SYMMETRIC_TYPES))}) AND "
                 f"coalesce(mode, '') NOT IN ({', '.join(repr(m) for m in sorted(ORDERED_MODES))}))")


@dataclass
class Filters:
    """What a timeline, count or export is restricted to; ``None`` means no restriction.

    ``country`` is an ISO alpha-3 code among the event's parties; ``actor`` a part of a
    party's name (case-insensitive); ``start``/``end`` bound the event date (inclusive).
    """

    country: str | None = None
    actor: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    start: date | None = None
    end: date | None = None


def country_clause() -> str:
    """SQL true when the country given as parameter is among the event's parties."""
    return "contains(country_key, '|' || upper(?) || '|')"


def where(filters: Filters) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``canonical_events``) and its parameters for ``filters``."""
    clauses, params = ["TRUE"], []
    if filters.country:
        clauses.append(country_clause())
        params.append(filters.country)
    if filters.actor:
        clauses.append("contains(names, ?)")
        params.append(filters.actor.lower())
    for column in ("type", "mode", "status"):
        value = getattr(filters, column)
        if value:
            clauses.append(f"{column} = ?")
            params.append(value.upper() if column == "type" else value.lower())
    if filters.start:
        clauses.append("date_end >= ?")  # on date_end itself, so zone maps skip old row groups
        params.append(filters.start)
    if filters.end:
        clauses.append("date_start <= ?")
        params.append(filters.end)
    return " AND ".join(clauses), params


def _rows(cursor: Connection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def timeline(con: Connection, filters: Filters, limit: int, offset: int) -> list[dict[str, Any]]:
    clause, params = where(filters)
    rows = _rows(con.execute(
        f"SELECT {', '.join(CANONICAL_COLUMNS)} FROM canonical_events WHERE {clause} "
        "ORDER BY date_start DESC NULLS LAST, type, canonical_id LIMIT ? OFFSET ?",
        [*params, limit, offset]))
    attach_sources(rows)
    return [_jsonable(r) for r in rows]


def attach_sources(rows: list[dict[str, Any]]) -> None:
    """Turn each canonical row's stored JSON list of reporting documents into a list."""
    for row in rows:
        row["source_list"] = json.loads(row["source_list"] or "[]")


def count_events(con: Connection, filters: Filters) -> int:
    clause, params = where(filters)
    return con.execute(f"SELECT count(*) FROM canonical_events WHERE {clause}", params).fetchone()[0]


def dyad(con: Connection, a: str, b: str, filters: Filters, limit: int | None) -> dict[str, Any]:
    """Canonical events with both ``a`` and ``b`` among the parties, by month and quad class,
    and the latest ``limit`` of them (all when None) in date order."""
    clause, params = where(filters)
    clause += f" AND {country_clause()} AND {country_clause()}"
    params += [a, b]
    periods = _rows(con.execute(
        f"SELECT strftime(date_start, '%Y-%m') AS period, quad, count(*) AS events "
        f"FROM canonical_events WHERE {clause} GROUP BY ALL ORDER BY period NULLS LAST, quad",
        params))
    directions = _rows(con.execute(
        f"SELECT actor_country, recipient_country, quad, count(*) AS events "
        f"FROM canonical_events WHERE {clause} AND NOT {SYMMETRIC_SQL} GROUP BY ALL "
        "ORDER BY actor_country, quad", params))
    totals: dict[str, int] = {}
    for row in periods:
        totals[row["quad"] or "unknown"] = totals.get(row["quad"] or "unknown", 0) + row["events"]
    rows = _rows(con.execute(
        f"SELECT {', '.join(CANONICAL_COLUMNS)} FROM canonical_events WHERE {clause} "
        "ORDER BY date_start DESC NULLS FIRST, type DESC, canonical_id DESC LIMIT ?", [*params, limit]))
    attach_sources(rows)
    return {"a": a, "b": b, "total": sum(totals.values()), "totals": totals, "periods": periods,
            "directed": directions, "events": [_jsonable(r) for r in reversed(rows)]}


def network(con: Connection, start: date | None, end: date | None) -> list[dict[str, Any]]:
    """Country pairs: symmetric events give undirected edges, directed ones actor -> recipient."""
    clause, params = where(Filters(start=start, end=end))
    sql = f"""
        WITH f AS (SELECT * FROM canonical_events WHERE {clause}),
        sym AS (SELECT canonical_id, quad, unnest(countries) AS c FROM f WHERE {SYMMETRIC_SQL}),
        pairs AS (
            SELECT x.c AS source, y.c AS target, FALSE AS directed, x.quad FROM sym x
            JOIN sym y ON x.canonical_id = y.canonical_id AND x.c < y.c
            UNION ALL
            SELECT actor_country, recipient_country, TRUE, quad FROM f
            WHERE NOT {SYMMETRIC_SQL} AND actor_country IS NOT NULL
              AND recipient_country IS NOT NULL AND actor_country <> recipient_country)
        SELECT source, target, directed, count(*) AS weight,
               list(DISTINCT quad ORDER BY quad) AS quads
        FROM pairs GROUP BY ALL ORDER BY weight DESC, source, target"""
    return _rows(con.execute(sql, params))


def actors(con: Connection, limit: int) -> list[dict[str, Any]]:
    return _rows(con.execute(
        "SELECT p.name, p.country, p.kind, count(DISTINCT e.canonical_id) AS events, "
        "count(*) AS mentions FROM participants p JOIN events e USING (event_id) "
        "WHERE p.name IS NOT NULL GROUP BY ALL ORDER BY events DESC, mentions DESC, p.name "
        "LIMIT ?", [limit]))


def event(con: Connection, key: str) -> dict[str, Any] | None:
    group = _group_of(con, key)
    if group is None:
        return None
    rows = _rows(con.execute(
        f"SELECT {', '.join(CANONICAL_COLUMNS)} FROM canonical_events WHERE canonical_id = ?",
        [group]))
    if not rows:
        return None
    attach_sources(rows)
    result = _jsonable(rows[0])
    result["mentions_list"] = _mentions(con, group)
    result["fulfils"] = _linked(con, group, "fact_id", "plan_id")
    result["fulfilled_by"] = _linked(con, group, "plan_id", "fact_id")
    return result


def _group_of(con: Connection, key: str) -> str | None:
    """The canonical id for an event id, a canonical id, or a prefix of just one canonical id."""
    found = con.execute("SELECT canonical_id FROM events WHERE event_id = ? OR canonical_id = ? "
                        "LIMIT 1", [key, key]).fetchone()
    if found:
        return found[0]
    matches = con.execute("SELECT canonical_id FROM canonical_events "
                          "WHERE starts_with(canonical_id, ?) LIMIT 2", [key]).fetchall()
    return matches[0][0] if len(matches) == 1 else None


def _mentions(con: Connection, group: str) -> list[dict[str, Any]]:
    """Each member event with its document, evidence and the entities inside the evidence."""
    mentions = []
    for event_id, doc_id, source, outlet, record, start, end in con.execute(
            "SELECT e.event_id, e.doc_id, d.source, d.outlet, e.record, e.evidence_start, "
            "e.evidence_end FROM events e JOIN documents d USING (doc_id) "
            "WHERE e.canonical_id = ? ORDER BY e.event_id", [group]).fetchall():
        entities = _rows(con.execute(
            "SELECT start_offset AS start, end_offset AS end, text, kind, name, country, "
            "entity_id AS id FROM entities WHERE doc_id = ? AND start_offset >= ? "
            "AND end_offset <= ? ORDER BY start_offset", [doc_id, start, end]))
        mentions.append({"event_id": event_id, "doc_id": doc_id, "source": source,
                         "outlet": outlet, "event": json.loads(record), "entities": entities})
    return mentions


def _linked(con: Connection, group: str, own: str, other: str) -> list[str]:
    """Canonical ids on the other side of plan -> fact links from this group."""
    rows = con.execute(
        f"SELECT DISTINCT o.canonical_id FROM event_links l "
        f"JOIN events s ON s.event_id = l.{own} JOIN events o ON o.event_id = l.{other} "
        "WHERE s.canonical_id = ? ORDER BY 1", [group]).fetchall()
    return [r[0] for r in rows]


def document(con: Connection, key: str) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT doc_id, duplicate_of, ingested_at, record FROM documents "
        "WHERE doc_id = ? OR source = ? OR ends_with(source, '/' || ?) ORDER BY ingested_at LIMIT 1",
        [key, key, key]).fetchone()
    if row is None:
        return None
    doc_id, duplicate_of, ingested_at, record = row
    result = _current_record(con, doc_id, record)
    copies = con.execute("SELECT doc_id FROM documents WHERE duplicate_of = ? ORDER BY doc_id",
                         [doc_id]).fetchall()
    result.update({"doc_id": doc_id, "duplicate_of": duplicate_of,
                   "duplicates": [c[0] for c in copies], "ingested_at": ingested_at.isoformat()})
    return result


def _current_record(con: Connection, doc_id: str, record: str) -> dict[str, Any]:
    """A stored record with each event's canonical id as it stands now (groups grow)."""
    data = json.loads(record)
    groups = dict(con.execute("SELECT event_id, canonical_id FROM events WHERE doc_id = ?",
                              [doc_id]).fetchall())
    for event in data.get("events") or []:
        event["canonical_id"] = groups.get(event["id"], event.get("canonical_id"))
    return data


def document_records(con: Connection) -> Iterator[dict[str, Any]]:
    for doc_id, record in con.execute(
            "SELECT doc_id, record FROM documents ORDER BY ingested_at, doc_id").fetchall():
        yield _current_record(con, doc_id, record)


def search(con: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    needle = query.lower()
    docs = _rows(con.execute(
        "SELECT 'document' AS kind, doc_id, source, title, NULL AS speaker, "
        "substr(text, greatest(1, strpos(lower(text), ?) - 80), 200) AS snippet "
        "FROM documents WHERE contains(lower(text), ?) ORDER BY published DESC NULLS LAST, doc_id "
        "LIMIT ?", [needle, needle, limit]))
    quotes = _rows(con.execute(
        "SELECT 'quote' AS kind, q.doc_id, d.source, d.title, q.speaker_name AS speaker, "
        "q.text AS snippet FROM quotes q JOIN documents d USING (doc_id) "
        "WHERE contains(lower(q.text), ?) ORDER BY q.doc_id, q.idx LIMIT ?", [needle, limit]))
    return (docs + quotes)[:limit]


def stats(con: Connection) -> dict[str, Any]:
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731 - a one-line helper
    first, last = con.execute("SELECT min(date_start), max(date_end) FROM canonical_events").fetchone()
    return {
        "schema_version": schema.current_version(con),
        "documents": one("SELECT count(*) FROM documents"),
        "near_duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "entities": one("SELECT count(*) FROM entities"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "canonical_events": one("SELECT count(*) FROM canonical_events"),
        "multi_source_events": one("SELECT count(*) FROM canonical_events WHERE sources > 1"),
        "plan_links": one("SELECT count(*) FROM event_links"),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
    }


def export_rows(con: Connection, filters: Filters) -> list[dict[str, Any]]:
    clause, params = where(filters)
    columns = ", ".join(f"c.{name}" for name in CANONICAL_COLUMNS)
    rows = _rows(con.execute(
        f"SELECT {columns}, json_extract_string(e.record, '$.actor.title') AS actor_title, "
        "json_extract_string(e.record, '$.recipient.title') AS recipient_title, "
        "e.date_text, e.evidence_text, c.names "
        f"FROM (SELECT * FROM canonical_events WHERE {clause}) c "
        "JOIN events e ON e.event_id = c.event_id "
        "ORDER BY c.date_start NULLS LAST, c.canonical_id", params))
    attach_sources(rows)
    for row in rows:
        sources = row.pop("source_list")
        row["countries"] = ";".join(row["countries"] or [])
        row["source_names"] = ";".join(s["source"] for s in sources)
        row["outlets"] = ";".join(sorted({s["outlet"] for s in sources if s["outlet"]}))
        row["publication_dates"] = ";".join(sorted({str(s["published"])[:10] for s in sources
                                                    if s["published"]}))
    return rows
