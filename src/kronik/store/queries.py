"""Read queries over the chronicle; each returns plain dicts ready for tables or JSON."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import duckdb

from kronik.events.coding import ORDERED_MODES, SYMMETRIC_TYPES
from kronik.store import schema, vocabulary

Connection = duckdb.DuckDBPyConnection
CANONICAL_COLUMNS = ("canonical_id", "event_id", "type", "mode", "status", "quad", "actor_name",
                     "actor_country", "recipient_name", "recipient_country", "countries",
                     "date_start", "date_end", "location_name", "location_country", "mentions",
                     "sources", "independent", "confidence", "first_published", "source_list")
EXPORT_COLUMNS = (*CANONICAL_COLUMNS[:-1], "actor_title", "recipient_title", "actor_kind",
                  "recipient_kind", "latitude", "longitude", "date_text", "evidence_text", "names",
                  "people", "organizations", "source_names", "outlets", "publication_dates")
# The order of every event list (timeline, dyad): newest first, undated events last.
NEWEST_FIRST = "date_start DESC NULLS LAST, type, canonical_id"
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


def publisher(outlet: str | None, address: str | None) -> str | None:
    """Who published an article: its outlet, else the host of its web address (its ``url``,
    else a source that is one; "www." dropped); None for a local file with no outlet, whose
    path names no publisher."""
    if outlet:
        return outlet
    if address and address.startswith(("http://", "https://")):
        return (urlsplit(address).hostname or "").removeprefix("www.") or None
    return None


# A document's web address: the URL of the first of its sources that has one, as recorded in
# ``document_sources`` (the first seen, then by name: the order in which a source takes over the
# document's name when another text replaces its own), else the document's source. The same
# text found again under another address keeps the address it was first found at. Read from
# that small table rather than by parsing the stored record, whose JSON column costs a page
# about a second on 10,000 articles.
ADDRESS_SQL = ("coalesce((SELECT s.url FROM document_sources s WHERE s.doc_id = d.doc_id "
               "AND s.url IS NOT NULL ORDER BY s.seen_at, s.source LIMIT 1), d.source)")


def fetch_dicts(cursor: Connection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def timeline(con: Connection, filters: Filters, limit: int, offset: int) -> list[dict[str, Any]]:
    clause, params = where(filters)
    rows = fetch_dicts(con.execute(
        f"SELECT {', '.join(CANONICAL_COLUMNS)} FROM canonical_events WHERE {clause} "
        f"ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?",
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
    and the latest ``limit`` of them (all when None), newest first as in the timeline."""
    clause, params = where(filters)
    clause += f" AND {country_clause()} AND {country_clause()}"
    params += [a, b]
    periods = fetch_dicts(con.execute(
        f"SELECT strftime(date_start, '%Y-%m') AS period, quad, count(*) AS events "
        f"FROM canonical_events WHERE {clause} GROUP BY ALL ORDER BY period NULLS LAST, quad",
        params))
    directions = fetch_dicts(con.execute(
        f"SELECT actor_country, recipient_country, quad, count(*) AS events "
        f"FROM canonical_events WHERE {clause} AND NOT {SYMMETRIC_SQL} GROUP BY ALL "
        "ORDER BY actor_country, quad", params))
    totals: dict[str, int] = {}
    for row in periods:
        totals[row["quad"] or "unknown"] = totals.get(row["quad"] or "unknown", 0) + row["events"]
    rows = fetch_dicts(con.execute(
        f"SELECT {', '.join(CANONICAL_COLUMNS)} FROM canonical_events WHERE {clause} "
        f"ORDER BY {NEWEST_FIRST} LIMIT ?", [*params, limit]))
    attach_sources(rows)
    return {"a": a, "b": b, "total": sum(totals.values()), "totals": totals, "periods": periods,
            "directed": directions, "events": [_jsonable(r) for r in rows]}


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
    return fetch_dicts(con.execute(sql, params))


# Parties grouped as an analyst counts them: a person by their knowledge-base id (else their
# name); every other party with a country is its state, so that "Amerika Serikat", "AS",
# "Washington", "Gedung Putih" and "militer AS" all count for USA, and a capital such as
# "Paris" is never listed as a state of its own; a party with neither stays by its name.
ACTOR_GROUPS_SQL = """
    WITH p AS (
        SELECT CASE WHEN p.kind = 'person' THEN 'person'
                    WHEN p.country IS NOT NULL THEN 'state' ELSE p.kind END AS kind,
               CASE WHEN p.kind = 'person' THEN coalesce(p.party_id, p.name)
                    ELSE coalesce(p.country, p.name) END AS party,
               p.name, p.country, e.event_id, e.canonical_id
        FROM participants p JOIN events e USING (event_id)
        WHERE p.name IS NOT NULL OR p.country IS NOT NULL)
    SELECT kind, party, mode(name) AS name, mode(country) AS country,
           count(DISTINCT canonical_id) AS events, count(DISTINCT event_id) AS mentions,
           list(DISTINCT name ORDER BY name) FILTER (WHERE name IS NOT NULL) AS forms
    FROM p GROUP BY kind, party
    ORDER BY events DESC, mentions DESC, party LIMIT ?"""


def actors(con: Connection, limit: int) -> list[dict[str, Any]]:
    """The most active states and people: one row per state (every name, metonym and
    institution of it folded in; ``forms`` lists them) and one per person."""
    rows = fetch_dicts(con.execute(ACTOR_GROUPS_SQL, [limit]))
    for row in rows:
        if row["kind"] == "state":
            row["name"] = vocabulary.country_name(row["party"]) or row["name"]
            row["country"] = row["party"]
        row.pop("party")
    return rows


def event(con: Connection, key: str) -> dict[str, Any] | None:
    """A canonical event with its mentions, its plan -> fact links and why its confidence is
    what it is (``confidence_reason``, last)."""
    group = group_of(con, key)
    if group is None:
        return None
    rows = fetch_dicts(con.execute(
        f"SELECT {', '.join(CANONICAL_COLUMNS)}, confidence_reason FROM canonical_events "
        "WHERE canonical_id = ?", [group]))
    if not rows:
        return None
    attach_sources(rows)
    result = _jsonable(rows[0])
    reason = result.pop("confidence_reason")
    result["mentions_list"] = _mentions(con, group)
    result["fulfils"] = linked(con, group, "fact_id", "plan_id")
    result["fulfilled_by"] = linked(con, group, "plan_id", "fact_id")
    result["confidence_reason"] = reason
    return result


def group_of(con: Connection, key: str) -> str | None:
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
    for event_id, doc_id, source, outlet, address, record, start, end in con.execute(
            f"SELECT e.event_id, e.doc_id, d.source, d.outlet, {ADDRESS_SQL}, e.record, "
            "e.evidence_start, e.evidence_end FROM events e JOIN documents d USING (doc_id) "
            "WHERE e.canonical_id = ? ORDER BY e.event_id", [group]).fetchall():
        entities = fetch_dicts(con.execute(
            "SELECT start_offset AS start, end_offset AS end, text, kind, name, country, "
            "entity_id AS id FROM entities WHERE doc_id = ? AND start_offset >= ? "
            "AND end_offset <= ? ORDER BY start_offset", [doc_id, start, end]))
        mentions.append({"event_id": event_id, "doc_id": doc_id, "source": source,
                         "outlet": publisher(outlet, address), "event": json.loads(record),
                         "entities": entities})
    return mentions


def linked(con: Connection, group: str, own: str, other: str) -> list[str]:
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
    """Every stored record in the order it was stored: a batch shares one ingest time, so its
    documents follow their insertion (``rowid``), not their ids."""
    for doc_id, record in con.execute(
            "SELECT doc_id, record FROM documents ORDER BY ingested_at, rowid").fetchall():
        yield _current_record(con, doc_id, record)


# A search hit shows this many characters before the match and after it, widened or narrowed
# to whole words: about two lines of a terminal table, enough to judge the hit.
SNIPPET_BEFORE = 80
SNIPPET_AFTER = 160


def snippet(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]``, cut at word boundaries, with an ellipsis where
    the text goes on."""
    left = max(0, start - SNIPPET_BEFORE)
    right = min(len(text), end + SNIPPET_AFTER)
    if left > 0 and not text[left - 1].isspace():
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text) and not text[right].isspace():
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    words = " ".join(text[left:right].split())
    return ("… " if left > 0 else "") + words + (" …" if right < len(text) else "")


def search(con: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    """Articles, then quotes, containing ``query`` (case-insensitive), each with its article's
    title and publication date and a snippet cut at word boundaries."""
    needle = query.lower()
    docs = fetch_dicts(con.execute(
        "SELECT 'document' AS kind, doc_id, source, title, published, NULL AS speaker, text "
        "FROM documents WHERE contains(lower(text), ?) ORDER BY published DESC NULLS LAST, doc_id "
        "LIMIT ?", [needle, limit]))
    quotes = fetch_dicts(con.execute(
        "SELECT 'quote' AS kind, q.doc_id, d.source, d.title, d.published, "
        "q.speaker_name AS speaker, q.text FROM quotes q JOIN documents d USING (doc_id) "
        "WHERE contains(lower(q.text), ?) ORDER BY q.doc_id, q.idx LIMIT ?", [needle, limit]))
    hits = (docs + quotes)[:limit]
    for hit in hits:
        text = hit.pop("text")
        at = text.lower().find(needle)
        hit["snippet"] = snippet(text, max(at, 0), max(at, 0) + len(needle))
    return hits


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


# Multi-valued export fields are joined as POLECAT releases join them.
LIST_SEPARATOR = "; "
# Per canonical event: the outlet and web address of every document reporting it.
PUBLISHERS_SQL = f"""
    SELECT e.canonical_id, list(DISTINCT {{'outlet': d.outlet, 'address': {ADDRESS_SQL}}})
               AS publishers
    FROM events e JOIN documents d USING (doc_id) GROUP BY e.canonical_id"""
# Per canonical event: the people and organisations among the parties of all its mentions.
STORY_PARTIES_SQL = """
    SELECT e.canonical_id,
           list(DISTINCT p.name ORDER BY p.name) FILTER (WHERE p.kind = 'person') AS people,
           list(DISTINCT p.name ORDER BY p.name) FILTER (WHERE p.kind = 'organization')
               AS organizations
    FROM participants p JOIN events e USING (event_id)
    WHERE p.name IS NOT NULL GROUP BY e.canonical_id"""


def export_rows(con: Connection, filters: Filters) -> list[dict[str, Any]]:
    """One flat row per canonical event: the timeline's columns, the representative mention's
    titles, kinds, place coordinates (where the place has them), date text and evidence, and
    the sources' names, publishers and dates; lists joined by ``LIST_SEPARATOR``."""
    clause, params = where(filters)
    columns = ", ".join(f"c.{name}" for name in CANONICAL_COLUMNS)
    rows = fetch_dicts(con.execute(
        f"SELECT {columns}, "
        "json_extract_string(e.record, '$.actor.title') AS actor_title, "
        "json_extract_string(e.record, '$.recipient.title') AS recipient_title, "
        "json_extract_string(e.record, '$.actor.kind') AS actor_kind, "
        "json_extract_string(e.record, '$.recipient.kind') AS recipient_kind, "
        "TRY_CAST(json_extract_string(e.record, '$.location.lat') AS DOUBLE) AS latitude, "
        "TRY_CAST(json_extract_string(e.record, '$.location.lon') AS DOUBLE) AS longitude, "
        "e.date_text, e.evidence_text, c.names, s.people, s.organizations, p.publishers "
        f"FROM (SELECT * FROM canonical_events WHERE {clause}) c "
        "JOIN events e ON e.event_id = c.event_id "
        f"LEFT JOIN ({STORY_PARTIES_SQL}) s ON s.canonical_id = c.canonical_id "
        f"LEFT JOIN ({PUBLISHERS_SQL}) p ON p.canonical_id = c.canonical_id "
        "ORDER BY c.date_start NULLS LAST, c.canonical_id", params))
    attach_sources(rows)
    for row in rows:
        sources = row.pop("source_list")
        publishers = (publisher(p["outlet"], p["address"]) for p in row.pop("publishers"))
        row["countries"] = LIST_SEPARATOR.join(row["countries"] or [])
        row["people"] = LIST_SEPARATOR.join(row["people"] or [])
        row["organizations"] = LIST_SEPARATOR.join(row["organizations"] or [])
        row["source_names"] = LIST_SEPARATOR.join(s["source"] for s in sources)
        row["outlets"] = LIST_SEPARATOR.join(sorted({p for p in publishers if p}))
        row["publication_dates"] = LIST_SEPARATOR.join(
            sorted({str(s["published"])[:10] for s in sources if s["published"]}))
    return rows
