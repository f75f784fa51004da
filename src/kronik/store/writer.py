"""Writing one extracted document into the chronicle, inside the caller's transaction.

Every function here takes the open write connection of a ``Chronicle``; none commits. The
caller wraps a whole document in one transaction, so a crash leaves either all of a document
(its entities, events, quotes, groups) or none of it.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from functools import cache
from typing import Any

import duckdb

from kronik.document import Document, Event, Party
from kronik.identity import (NEAR_DAYS, PLAN_SLACK_DAYS, Link, Mention, canonical_id_for,
                             countries, match_group, party_key, plan_links)
from kronik.resources import load_data
from kronik.store import fingerprint, schema

# Candidates for linking are read by type and mode within this many days of the new event;
# the identity rule then decides (the widest window it uses is the plan slack).
CANDIDATE_WINDOW_DAYS = max(NEAR_DAYS, PLAN_SLACK_DAYS)
Connection = duckdb.DuckDBPyConnection


def _many(con: Connection, sql: str, rows: list[list[Any]]) -> None:
    """``executemany`` that accepts no rows."""
    if rows:
        con.executemany(sql, rows)


def document_id(doc: Document) -> str:
    """The store's id of a document: derived from its text fingerprint, so equal texts collide."""
    key = doc.fingerprint or fingerprint.text_fingerprint(doc.text)
    return "d" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@cache
def quad_of_type() -> dict[str, str]:
    """PLOVER type -> quad class name, from ``data/plover.yaml``."""
    quads = load_data("plover", language=None)["quads"]
    return {t: name for name, quad in quads.items() for t in quad["types"]}


def exists(con: Connection, doc_id: str) -> bool:
    return con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0] > 0


def older_versions(con: Connection, doc: Document, doc_id: str) -> list[str]:
    """Stored documents from the same source (file name or URL) with another text."""
    if not doc.source:
        return []
    rows = con.execute("SELECT doc_id FROM documents WHERE source = ? AND doc_id <> ?",
                       [doc.source, doc_id]).fetchall()
    return [r[0] for r in rows]


def remove_document(con: Connection, doc_id: str) -> set[str]:
    """Delete a document and all it brought; return the groups that lost members."""
    groups = _groups_of(con, doc_id)
    event_ids = "SELECT event_id FROM events WHERE doc_id = ?"
    con.execute(f"DELETE FROM event_links WHERE plan_id IN ({event_ids}) OR fact_id IN ({event_ids})",
                [doc_id, doc_id])
    con.execute(f"DELETE FROM participants WHERE event_id IN ({event_ids})", [doc_id])
    for table in ("events", "entities", "quotes", "doc_bands", "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
    for copy in _promote_duplicates(con, doc_id):
        groups |= _groups_of(con, copy)
    return {rename_group(con, group) for group in groups}


def _groups_of(con: Connection, doc_id: str) -> set[str]:
    """The groups (canonical ids) of a stored document's events."""
    return {r[0] for r in con.execute(
        "SELECT DISTINCT canonical_id FROM events WHERE doc_id = ?", [doc_id]).fetchall()}


def _promote_duplicates(con: Connection, removed: str) -> list[str]:
    """Copies of a removed article now point at the earliest remaining copy; return them."""
    copies = [r[0] for r in con.execute(
        "SELECT doc_id FROM documents WHERE duplicate_of = ? ORDER BY ingested_at, doc_id",
        [removed]).fetchall()]
    if copies:
        con.execute("UPDATE documents SET duplicate_of = NULL WHERE doc_id = ?", [copies[0]])
        con.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?",
                    [copies[0], removed])
    return copies


def rename_group(con: Connection, group: str) -> str:
    """Give a group the stable id of its smallest member event id; return that id."""
    smallest = con.execute("SELECT min(event_id) FROM events WHERE canonical_id = ?",
                           [group]).fetchone()[0]
    if smallest is None:
        con.execute("DELETE FROM canonical_events WHERE canonical_id = ?", [group])
        return group
    stable = canonical_id_for(smallest)
    if stable != group:
        con.execute("UPDATE events SET canonical_id = ? WHERE canonical_id = ?", [stable, group])
        con.execute("DELETE FROM canonical_events WHERE canonical_id = ?", [group])
    return stable


def near_duplicate_of(con: Connection, signature) -> str | None:
    """The original of the most similar stored article, if one is a near-duplicate."""
    keys = fingerprint.bands(signature)
    rows = con.execute(
        "SELECT DISTINCT d.doc_id, d.signature, d.duplicate_of FROM doc_bands b "
        "JOIN documents d USING (doc_id) "
        "WHERE (b.band, b.hash) IN (SELECT unnest(?) , unnest(?))",
        [list(range(len(keys))), keys]).fetchall()
    best = None
    for doc_id, blob, original in rows:
        score = fingerprint.similarity(signature, fingerprint.signature_from_bytes(blob))
        if score >= fingerprint.NEAR_DUPLICATE_JACCARD and (best is None or score > best[0]):
            best = (score, original or doc_id)
    return best[1] if best else None


def insert_document(con: Connection, doc: Document, doc_id: str, duplicate_of: str | None,
                    signature) -> None:
    record = doc.to_dict()
    published = doc.anchor
    con.execute(
        "INSERT INTO documents (doc_id, source, title, outlet, author, published, published_date, "
        "language, text, duplicate_of, signature, record, n_events, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc_id, doc.source or doc_id, doc.title, doc.outlet, doc.author, record["published"],
         published, doc.language, doc.text, duplicate_of,
         fingerprint.signature_bytes(signature), json.dumps(record, ensure_ascii=False),
         len(doc.events), datetime.now()])
    keys = fingerprint.bands(signature)
    _many(con, "INSERT INTO doc_bands VALUES (?, ?, ?)",
          [[band, key, doc_id] for band, key in enumerate(keys)])
    _many(con, "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [[doc_id, i, e.start, e.end, e.text, e.kind, e.name, e.country, e.id, e.title, e.role,
            e.reason] for i, e in enumerate(doc.entities)])
    _many(con, "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)",
          [[doc_id, i, q.start, q.end, q.text, q.speaker.name if q.speaker else None,
            q.speaker.country if q.speaker else None] for i, q in enumerate(doc.quotes)])


def free_event_id(con: Connection, event: Event, doc_id: str) -> str:
    """The event's own id, or one qualified by the document where another document holds it."""
    taken = con.execute("SELECT count(*) FROM events WHERE event_id = ?", [event.id]).fetchone()[0]
    return f"{event.id}@{doc_id}" if taken else event.id


def candidates(con: Connection, event: Event, doc: str) -> list[Mention]:
    """Stored mentions that could be ``event`` or its plan/fact (same type, mode and party
    countries, near dates; the identity rule then decides), and the stored mentions of the
    document itself, whose groups are closed to ``event``."""
    key = party_key(event)
    if key is None:
        return []
    conditions = ["type = ?", "mode IS NOT DISTINCT FROM ?"]
    params: list[Any] = [event.type, event.mode]
    if key[0] == "directed":
        conditions += ["actor_country = ?", "recipient_country = ?"]
        params += [key[1], key[2]]
    else:  # a stored party with a country must have one of this event's countries
        conditions += ["(actor_country IS NULL OR list_contains(?, actor_country))",
                       "(recipient_country IS NULL OR list_contains(?, recipient_country))"]
        params += [sorted(key[1]), sorted(key[1])]
    if event.date is not None:
        conditions.append("(date_start IS NULL OR (date_start <= ? + INTERVAL (?) DAY "
                          "AND date_end >= ? - INTERVAL (?) DAY))")
        params += [event.date.end, CANDIDATE_WINDOW_DAYS, event.date.start, CANDIDATE_WINDOW_DAYS]
    sql = ("SELECT record, canonical_id, doc_id FROM events "
           f"WHERE ({' AND '.join(conditions)}) OR doc_id = ?")
    mentions = []
    for record, group, doc_id in con.execute(sql, [*params, doc]).fetchall():
        stored = Event.from_dict(json.loads(record))
        stored.canonical_id = group
        mentions.append(Mention(stored, doc_id))
    return mentions


def insert_event(con: Connection, event: Event, doc_id: str) -> tuple[str, list[Link]]:
    """Store one event, linked to its group; return the group id and the plan links."""
    pool = candidates(con, event, doc_id)
    group = match_group(event, doc_id, pool)
    links = plan_links(event, doc_id, pool)
    event.canonical_id = group or canonical_id_for(event.id)
    record = event.to_dict()
    actor, recipient = event.actor, event.recipient
    con.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event.id, doc_id, event.canonical_id, event.type, event.mode, event.status,
         actor.name if actor else None, actor.country if actor else None,
         recipient.name if recipient else None, recipient.country if recipient else None,
         event.date.start if event.date else None, event.date.end if event.date else None,
         event.date.text if event.date else None,
         event.location.name if event.location else None,
         event.location.country if event.location else None,
         event.evidence.start, event.evidence.end, event.evidence.text,
         json.dumps(record, ensure_ascii=False)])
    _many(con, "INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?)",
          [[event.id, i, p.name, p.country, p.kind, p.title, p.id]
           for i, p in enumerate(parties(event))])
    _many(con, "INSERT INTO event_links VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          [[link.plan, link.fact, link.kind] for link in links])
    return rename_group(con, event.canonical_id), links


def parties(event: Event) -> list[Party]:
    """Every party of an event once: participants, then actor and recipient if not among them."""
    found: list[Party] = []
    for party in [*event.participants, event.actor, event.recipient]:
        if party is not None and not any((p.name, p.country) == (party.name, party.country)
                                         for p in found):
            found.append(party)
    return found


def refresh_group(con: Connection, group: str) -> None:
    """Rebuild the ``canonical_events`` row of one group from its member events."""
    con.execute("DELETE FROM canonical_events WHERE canonical_id = ?", [group])
    rows = con.execute(
        "SELECT e.event_id, e.record, e.date_start, e.date_end, d.doc_id, "
        "coalesce(d.duplicate_of, d.doc_id) AS original, o.outlet, d.published_date "
        "FROM events e JOIN documents d USING (doc_id) "
        "LEFT JOIN documents o ON o.doc_id = coalesce(d.duplicate_of, d.doc_id) "
        "WHERE e.canonical_id = ?", [group]).fetchall()
    if not rows:
        return
    members = {r[0]: Event.from_dict(json.loads(r[1])) for r in rows}
    rep = min(rows, key=lambda r: ((r[3] - r[2]).days if r[2] else 10**6, r[0]))
    event = members[rep[0]]
    names = sorted({(p.name or "").lower() for member in members.values()
                    for p in parties(member) if p.name})
    independent = len({(outlet or "").lower() or original for *_, original, outlet, _ in rows})
    published = [r[7] for r in rows if r[7]]
    actor, recipient = event.actor, event.recipient
    con.execute(
        f"INSERT INTO canonical_events VALUES ({', '.join(['?'] * 21)}, NULL, NULL)",
        [group, rep[0], event.type, event.mode, event.status, quad_of_type().get(event.type),
         actor.name if actor else None, actor.country if actor else None,
         recipient.name if recipient else None, recipient.country if recipient else None,
         countries(event), " | ".join(names),
         event.date.start if event.date else None, event.date.end if event.date else None,
         event.location.name if event.location else None,
         event.location.country if event.location else None,
         len(rows), len({r[4] for r in rows}), independent, confidence(independent),
         min(published) if published else None])
    con.execute(f"UPDATE canonical_events c SET source_list = ({schema.SOURCE_LIST_SQL}), "
                f"country_key = {schema.COUNTRY_KEY_SQL} WHERE canonical_id = ?", [group])


def confidence(independent: int) -> float:
    """Belief that the event happened as coded: each independent outlet halves the doubt."""
    return round(1 - 0.5 ** independent, 3)
