"""Writing extracted documents into the chronicle, a batch at a time, inside the caller's
transaction.

Every function here takes the open write connection of a ``Chronicle``; none commits. The
caller wraps a whole batch in one transaction, so a crash (even ``kill -9``) leaves whole
batches or nothing. A batch is written in a few set operations, not a statement per row:

1. what is already stored (texts, sources, event ids) is read for the whole batch at once;
2. documents, bands, entities, quotes, events and participants go in as Arrow tables;
3. events are linked in memory against the stored candidates of the whole batch (one query)
   and the batch's own earlier events, with the identity rule of ``kronik.identity``;
4. the touched groups are renamed to their stable ids and their canonical rows rebuilt, each
   in one statement over all of them.

Corrections: the same text with a corrected (given) publication date replaces the stored
version; the same text under another name records the name in ``document_sources``; a group
whose id changes (a corrected text, a new smallest member) leaves a redirect from its old id.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from kronik.document import Document, Event, Party
from kronik.identity import (NEAR_DAYS, PLAN_SLACK_DAYS, Link, Mention, canonical_id_for,
                             countries, match_group, party_key, plan_links)
from kronik.jsontext import dumps
from kronik.resources import load_data
from kronik.store import fingerprint, schema

# Candidates for linking are read by type and mode within this many days of the new event;
# the identity rule then decides (the widest window it uses is the plan slack).
CANDIDATE_WINDOW_DAYS = max(NEAR_DAYS, PLAN_SLACK_DAYS)
# A mention reports an event when the event ended at most this many days before the article
# was published: news of a meeting, a strike or a statement appears within days, and weekly
# round-ups within a week. An older event named in an article is background ("since the
# invasion of 2022..."), not a report, and is not counted as an outlet confirming it.
REPORT_DAYS = 7
# Each reporting outlet halves the doubt that the event happened as coded; a background
# mention is weaker evidence (the writer recalls rather than reports), removing a tenth.
REPORT_DOUBT = 0.5
BACKGROUND_DOUBT = 0.9
Connection = duckdb.DuckDBPyConnection


@dataclass
class FileMark:
    """A watched file whose content is stored once this batch commits (see ``file_marks``)."""

    path: str
    size: int
    mtime_ns: int
    digest: str


@dataclass(eq=False)
class Prepared:
    """A document ready to store: its id, MinHash signature and band keys, computed outside
    the transaction."""

    doc: Document
    doc_id: str
    signature: np.ndarray
    bands: list[str]


def document_id(doc: Document) -> str:
    """The store's id of a document: derived from its text fingerprint, so equal texts collide."""
    key = doc.fingerprint or fingerprint.text_fingerprint(doc.text)
    return "d" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def prepare(doc: Document) -> Prepared:
    """The CPU part of storing a document (ids, signature, bands), done before the transaction."""
    values = fingerprint.signature(doc.text)
    return Prepared(doc, document_id(doc), values, fingerprint.bands(values))


@cache
def quad_of_type() -> dict[str, str]:
    """PLOVER type -> quad class name, from ``data/plover.yaml``."""
    quads = load_data("plover", language=None)["quads"]
    return {t: name for name, quad in quads.items() for t in quad["types"]}


def _ids(values: Iterable[str]) -> list[str]:
    return sorted(set(values))


def _published(doc: Document) -> str | None:
    return doc.published.isoformat() if doc.published else None


def _insert(con: Connection, table: str, columns: dict[str, pa.Array],
            conflict: str = "") -> None:
    """Insert Arrow columns (named as in the table) in one statement; nothing when empty."""
    data = pa.table(columns)
    if data.num_rows == 0:
        return
    con.register("kronik_batch", data)
    try:
        names = ", ".join(columns)
        con.execute(f"INSERT {conflict} INTO {table} ({names}) SELECT {names} FROM kronik_batch")
    finally:
        con.unregister("kronik_batch")


# -- the batch ---------------------------------------------------------------------------------


def write_batch(con: Connection, items: list[Prepared]) -> list[str]:
    """Store a batch; return each document's outcome: ``added``, ``unchanged``, ``replaced``,
    ``near_duplicate``, ``corrected`` (a new publication date) or ``new_source``.

    The batch is cut where a document repeats the text or the source of an earlier one, so
    that each part sees the parts before it as stored.
    """
    outcomes: list[str] = []
    for part in _independent_parts(items):
        outcomes += _write_part(con, part)
    return outcomes


def _independent_parts(items: list[Prepared]) -> Iterator[list[Prepared]]:
    part: list[Prepared] = []
    keys: set[str] = set()
    for item in items:
        mine = {item.doc_id, "source:" + (item.doc.source or item.doc_id)}
        if keys & mine:
            yield part
            part, keys = [], set()
        part.append(item)
        keys |= mine
    if part:
        yield part


@dataclass
class _Removed:
    """An event of a removed (replaced or corrected) document: where its ids must redirect."""

    event: Event
    group: str
    doc_source: str


def _write_part(con: Connection, items: list[Prepared]) -> list[str]:
    stored = _stored(con, [i.doc_id for i in items])
    owners = _owners(con, [i.doc.source for i in items if i.doc.source])
    outcomes: list[str] = []
    touched: set[str] = set()
    removed: list[_Removed] = []
    for item in items:
        outcomes.append(_decide(con, item, stored, owners, touched, removed))
    rows = [n for n, outcome in enumerate(outcomes) if outcome in ("added", "replaced", "corrected")]
    new = [items[n] for n in rows]
    originals = _near_duplicates(con, new)
    for n, original in zip(rows, originals):
        if original and outcomes[n] == "added":
            outcomes[n] = "near_duplicate"
    _free_event_ids(con, new)
    _insert_documents(con, new, originals)
    touched |= _link_and_insert_events(con, new)
    renames = rename_groups(con, touched)
    _redirect_removed(con, removed, new, renames)
    refresh_groups(con, {renames.get(g, g) for g in touched})
    return outcomes


def _stored(con: Connection, doc_ids: list[str]) -> dict[str, tuple[str | None, set[str]]]:
    """Stored documents among ``doc_ids``: their publication date and every source name."""
    found: dict[str, tuple[str | None, set[str]]] = {}
    for doc_id, published, sources in con.execute(
            "SELECT d.doc_id, d.published, list(s.source) FROM documents d "
            "LEFT JOIN document_sources s USING (doc_id) "
            "WHERE d.doc_id IN (SELECT unnest(?)) GROUP BY ALL", [_ids(doc_ids)]).fetchall():
        found[doc_id] = (published, {s for s in sources if s})
    return found


def _owners(con: Connection, sources: list[str]) -> dict[str, list[str]]:
    """Source name -> the stored documents seen under it."""
    owners: dict[str, list[str]] = {}
    for source, doc_id in con.execute(
            "SELECT source, doc_id FROM document_sources WHERE source IN (SELECT unnest(?)) "
            "ORDER BY doc_id", [_ids(sources)]).fetchall():
        owners.setdefault(source, []).append(doc_id)
    return owners


def _decide(con: Connection, item: Prepared, stored: dict, owners: dict[str, list[str]],
            touched: set[str], removed: list[_Removed]) -> str:
    """What storing ``item`` means; removes what it replaces and records a new source name."""
    doc, doc_id = item.doc, item.doc_id
    source = doc.source or doc_id
    if doc_id in stored:
        published, sources = stored[doc_id]
        if doc.published_given and _published(doc) != published:
            removed += _events_of(con, doc_id, source)
            touched |= remove_document(con, doc_id)
            return "corrected"
        if source in sources:
            return "unchanged"
        _add_source(con, doc_id, doc)
        return "new_source"
    outcome = "added"
    for old in owners.get(source, []):
        if old == doc_id:
            continue
        if _detach_source(con, old, source):
            continue
        removed += _events_of(con, old, source)
        touched |= remove_document(con, old)
        outcome = "replaced"
    return outcome


def _add_source(con: Connection, doc_id: str, doc: Document) -> None:
    con.execute("INSERT INTO document_sources (doc_id, source, url, published) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [doc_id, doc.source or doc_id, doc.url, _published(doc)])


def _detach_source(con: Connection, doc_id: str, source: str) -> bool:
    """When a stored text is also known under other names, a new text under ``source`` takes
    only that name from it (the text stays for its other sources); True when so."""
    others = [r[0] for r in con.execute(
        "SELECT source FROM document_sources WHERE doc_id = ? AND source <> ? ORDER BY seen_at, "
        "source", [doc_id, source]).fetchall()]
    if not others:
        return False
    con.execute("DELETE FROM document_sources WHERE doc_id = ? AND source = ?", [doc_id, source])
    con.execute("UPDATE documents SET source = ? WHERE doc_id = ? AND source = ?",
                [others[0], doc_id, source])
    return True


def _events_of(con: Connection, doc_id: str, source: str) -> list[_Removed]:
    return [_Removed(Event.from_dict(json.loads(record)), group, source)
            for record, group in con.execute(
                "SELECT record, canonical_id FROM events WHERE doc_id = ? ORDER BY event_id",
                [doc_id]).fetchall()]


def remove_document(con: Connection, doc_id: str) -> set[str]:
    """Delete a document and all it brought; return the groups that lost members."""
    groups = _groups_of(con, doc_id)
    event_ids = "SELECT event_id FROM events WHERE doc_id = ?"
    con.execute(f"DELETE FROM event_links WHERE plan_id IN ({event_ids}) OR fact_id IN ({event_ids})",
                [doc_id, doc_id])
    con.execute(f"DELETE FROM participants WHERE event_id IN ({event_ids})", [doc_id])
    for table in ("events", "entities", "quotes", "doc_bands", "document_sources", "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
    for copy in _promote_duplicates(con, doc_id):
        groups |= _groups_of(con, copy)
    return groups


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


# -- near-duplicates -----------------------------------------------------------------------


def _near_duplicates(con: Connection, items: list[Prepared]) -> list[str | None]:
    """For each new document, the original of the most similar earlier article (stored, or
    earlier in the batch) when one is a near-duplicate."""
    rows, bands, hashes = [], [], []
    for row, item in enumerate(items):
        rows += [row] * len(item.bands)
        bands += list(range(len(item.bands)))
        hashes += item.bands
    found: dict[int, list[tuple[str, np.ndarray, str | None]]] = {}
    if rows:
        con.register("kronik_bands", pa.table({"row": pa.array(rows, pa.int32()),
                                               "band": pa.array(bands, pa.int32()),
                                               "hash": pa.array(hashes, pa.string())}))
        try:
            for row, doc_id, blob, original in con.execute(
                    "SELECT DISTINCT k.row, d.doc_id, d.signature, d.duplicate_of "
                    "FROM kronik_bands k JOIN doc_bands b ON b.band = k.band AND b.hash = k.hash "
                    "JOIN documents d ON d.doc_id = b.doc_id").fetchall():
                found.setdefault(row, []).append(
                    (doc_id, fingerprint.signature_from_bytes(blob), original))
        finally:
            con.unregister("kronik_bands")
    originals: list[str | None] = []
    earlier: dict[tuple[int, str], list[int]] = {}
    for row, item in enumerate(items):
        pool = list(found.get(row, []))
        for other in sorted({o for band in enumerate(item.bands) for o in earlier.get(band, [])}):
            pool.append((items[other].doc_id, items[other].signature, originals[other]))
        originals.append(_best_original(item.signature, pool))
        for band in enumerate(item.bands):
            earlier.setdefault(band, []).append(row)
    return originals


def _best_original(values: np.ndarray, pool: list[tuple[str, np.ndarray, str | None]]) -> str | None:
    best = None
    for doc_id, other, original in sorted(pool, key=lambda p: p[0]):
        score = fingerprint.similarity(values, other)
        if score >= fingerprint.NEAR_DUPLICATE_JACCARD and (best is None or score > best[0]):
            best = (score, original or doc_id)
    return best[1] if best else None


# -- inserting ---------------------------------------------------------------------------------


def _free_event_ids(con: Connection, items: list[Prepared]) -> None:
    """Each event keeps its id, or one qualified by its document where the id is taken."""
    wanted = [e.id for i in items for e in i.doc.events]
    taken = {r[0] for r in con.execute(
        "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?))", [_ids(wanted)]).fetchall()}
    for item in items:
        for event in item.doc.events:
            if event.id in taken:
                event.id = f"{event.id}@{item.doc_id}"
            taken.add(event.id)


def _column(values: list, kind: pa.DataType) -> pa.Array:
    return pa.array(values, kind)


def _insert_documents(con: Connection, items: list[Prepared], originals: list[str | None]) -> None:
    """Documents, their sources, bands, entities and quotes: one statement per table."""
    now = datetime.now()
    records = [i.doc.to_dict() for i in items]
    text, day, ts = pa.string(), pa.date32(), pa.timestamp("us")
    _insert(con, "documents", {
        "doc_id": _column([i.doc_id for i in items], text),
        "source": _column([i.doc.source or i.doc_id for i in items], text),
        "title": _column([i.doc.title for i in items], text),
        "outlet": _column([i.doc.outlet for i in items], text),
        "author": _column([i.doc.author for i in items], text),
        "published": _column([r["published"] for r in records], text),
        "published_date": _column([i.doc.anchor for i in items], day),
        "language": _column([i.doc.language for i in items], text),
        "text": _column([i.doc.text for i in items], text),
        "duplicate_of": _column(originals, text),
        "signature": _column([fingerprint.signature_bytes(i.signature) for i in items], pa.binary()),
        "record": _column([dumps(r) for r in records], text),
        "n_events": _column([len(i.doc.events) for i in items], pa.int32()),
        "ingested_at": _column([now] * len(items), ts)})
    _insert(con, "document_sources", {
        "doc_id": _column([i.doc_id for i in items], text),
        "source": _column([i.doc.source or i.doc_id for i in items], text),
        "url": _column([i.doc.url for i in items], text),
        "published": _column([r["published"] for r in records], text)})
    _insert(con, "doc_bands", {
        "band": _column([b for i in items for b in range(len(i.bands))], pa.int32()),
        "hash": _column([h for i in items for h in i.bands], text),
        "doc_id": _column([i.doc_id for i in items for _ in i.bands], text)})
    entities = [(i.doc_id, n, e) for i in items for n, e in enumerate(i.doc.entities)]
    _insert(con, "entities", {
        "doc_id": _column([d for d, _, _ in entities], text),
        "idx": _column([n for _, n, _ in entities], pa.int32()),
        **{column: _column([getattr(e, field) for *_, e in entities], kind)
           for column, field, kind in (("start_offset", "start", pa.int32()),
                                       ("end_offset", "end", pa.int32()), ("text", "text", text),
                                       ("kind", "kind", text), ("name", "name", text),
                                       ("country", "country", text), ("entity_id", "id", text),
                                       ("title", "title", text), ("role", "role", text),
                                       ("reason", "reason", text))}})
    quotes = [(i.doc_id, n, q) for i in items for n, q in enumerate(i.doc.quotes)]
    _insert(con, "quotes", {
        "doc_id": _column([d for d, _, _ in quotes], text),
        "idx": _column([n for _, n, _ in quotes], pa.int32()),
        "start_offset": _column([q.start for *_, q in quotes], pa.int32()),
        "end_offset": _column([q.end for *_, q in quotes], pa.int32()),
        "text": _column([q.text for *_, q in quotes], text),
        "speaker_name": _column([q.speaker.name if q.speaker else None for *_, q in quotes], text),
        "speaker_country": _column([q.speaker.country if q.speaker else None for *_, q in quotes],
                                   text)})


def mark_files(con: Connection, marks: list[FileMark]) -> None:
    """Record watched files as stored (in the transaction that stores their articles)."""
    text, big = pa.string(), pa.int64()
    _insert(con, "file_marks", {
        "path": _column([m.path for m in marks], text),
        "size": _column([m.size for m in marks], big),
        "mtime_ns": _column([m.mtime_ns for m in marks], big),
        "digest": _column([m.digest for m in marks], text)}, conflict="OR REPLACE")


# -- linking -------------------------------------------------------------------------------


def _candidate_pool(con: Connection, events: list[Event]) -> dict[tuple, list[Mention]]:
    """Stored mentions that could be any of ``events`` or its plan/fact (same type, mode and
    party countries, near dates), by (type, mode): one query for the whole batch."""
    keyed = [(e, key) for e in events if (key := party_key(e)) is not None]
    pool: dict[tuple, list[Mention]] = {}
    if not keyed:
        return pool
    text, day = pa.string(), pa.date32()
    keys = pa.table({
        "type": _column([e.type for e, _ in keyed], text),
        "mode": _column([e.mode for e, _ in keyed], text),
        "directed": _column([k[0] == "directed" for _, k in keyed], pa.bool_()),
        "actor": _column([k[1] if k[0] == "directed" else None for _, k in keyed], text),
        "recipient": _column([k[2] if k[0] == "directed" else None for _, k in keyed], text),
        "countries": _column([sorted(k[1]) if k[0] != "directed" else [] for _, k in keyed],
                             pa.list_(text)),
        "date_start": _column([e.date.start if e.date else None for e, _ in keyed], day),
        "date_end": _column([e.date.end if e.date else None for e, _ in keyed], day)})
    con.register("kronik_keys", keys)
    try:
        rows = con.execute(
            "SELECT event_id, record, canonical_id, doc_id FROM events WHERE event_id IN ("
            " SELECT e.event_id FROM events e JOIN kronik_keys k ON e.type = k.type"
            " AND e.mode IS NOT DISTINCT FROM k.mode"
            " AND CASE WHEN k.directed THEN e.actor_country = k.actor"
            "          AND e.recipient_country = k.recipient"
            "     ELSE (e.actor_country IS NULL OR list_contains(k.countries, e.actor_country))"
            "      AND (e.recipient_country IS NULL"
            "           OR list_contains(k.countries, e.recipient_country)) END"
            " AND (k.date_start IS NULL OR e.date_start IS NULL"
            "      OR (e.date_start <= k.date_end + INTERVAL (?) DAY"
            "          AND e.date_end >= k.date_start - INTERVAL (?) DAY)))"
            " ORDER BY event_id", [CANDIDATE_WINDOW_DAYS, CANDIDATE_WINDOW_DAYS]).fetchall()
    finally:
        con.unregister("kronik_keys")
    for _, record, group, doc_id in rows:
        stored = Event.from_dict(json.loads(record))
        stored.canonical_id = group
        pool.setdefault((stored.type, stored.mode), []).append(Mention(stored, doc_id))
    return pool


def _link_and_insert_events(con: Connection, items: list[Prepared]) -> set[str]:
    """Give every new event its group (provisional ids for new groups), insert the events,
    their parties and plan links; return the groups touched."""
    pool = _candidate_pool(con, [e for i in items for e in i.doc.events])
    links: list[Link] = []
    owners: list[str] = []
    for item in items:
        for event in item.doc.events:
            kind = pool.setdefault((event.type, event.mode), [])
            group = match_group(event, item.doc_id, kind)
            links += plan_links(event, item.doc_id, kind)
            event.canonical_id = group or canonical_id_for(event.id)
            kind.append(Mention(event, item.doc_id))
            owners.append(item.doc_id)
    events = [e for i in items for e in i.doc.events]
    _insert_events(con, events, owners)
    _insert(con, "event_links", {
        "plan_id": _column([link.plan for link in links], pa.string()),
        "fact_id": _column([link.fact for link in links], pa.string()),
        "kind": _column([link.kind for link in links], pa.string())}, conflict="OR IGNORE")
    return {e.canonical_id for e in events}


def _insert_events(con: Connection, events: list[Event], owners: list[str]) -> None:
    text, day = pa.string(), pa.date32()

    def party(attr: str, field: str) -> pa.Array:
        return _column([getattr(getattr(e, attr), field) if getattr(e, attr) else None
                        for e in events], text)

    def when(field: str) -> pa.Array:
        return _column([getattr(e.date, field) if e.date else None for e in events],
                       text if field == "text" else day)

    _insert(con, "events", {
        "event_id": _column([e.id for e in events], text),
        "doc_id": _column(owners, text),
        "canonical_id": _column([e.canonical_id for e in events], text),
        "type": _column([e.type for e in events], text),
        "mode": _column([e.mode for e in events], text),
        "status": _column([e.status for e in events], text),
        "actor_name": party("actor", "name"), "actor_country": party("actor", "country"),
        "recipient_name": party("recipient", "name"),
        "recipient_country": party("recipient", "country"),
        "date_start": when("start"), "date_end": when("end"), "date_text": when("text"),
        "location_name": party("location", "name"),
        "location_country": party("location", "country"),
        "evidence_start": _column([e.evidence.start for e in events], pa.int32()),
        "evidence_end": _column([e.evidence.end for e in events], pa.int32()),
        "evidence_text": _column([e.evidence.text for e in events], text),
        "record": _column([dumps(e.to_dict()) for e in events], text)})
    rows = [(e.id, n, p) for e in events for n, p in enumerate(parties(e))]
    _insert(con, "participants", {
        "event_id": _column([r[0] for r in rows], text),
        "idx": _column([r[1] for r in rows], pa.int32()),
        **{field: _column([getattr(r[2], attr) for r in rows], text)
           for field, attr in (("name", "name"), ("country", "country"), ("kind", "kind"),
                               ("title", "title"), ("party_id", "id"))}})


def parties(event: Event) -> list[Party]:
    """Every party of an event once: participants, then actor and recipient if not among them."""
    found: list[Party] = []
    for party in [*event.participants, event.actor, event.recipient]:
        if party is not None and not any((p.name, p.country) == (party.name, party.country)
                                         for p in found):
            found.append(party)
    return found


# -- groups ------------------------------------------------------------------------------------


def rename_groups(con: Connection, groups: set[str]) -> dict[str, str]:
    """Give each group the stable id of its smallest member event id; return old -> new for
    those that changed. Stored ids that change leave a redirect; a group with no member left
    loses its canonical row."""
    if not groups:
        return {}
    smallest = dict(con.execute(
        "SELECT canonical_id, min(event_id) FROM events WHERE canonical_id IN (SELECT unnest(?)) "
        "GROUP BY 1", [_ids(groups)]).fetchall())
    renames = {group: stable for group, first in smallest.items()
               if (stable := canonical_id_for(first)) != group}
    con.execute("DELETE FROM canonical_events WHERE canonical_id IN (SELECT unnest(?))",
                [_ids(groups)])
    if renames:
        con.register("kronik_renames", pa.table({"old": list(renames), "new": list(renames.values())}))
        try:
            con.execute("UPDATE events SET canonical_id = r.new FROM kronik_renames r "
                        "WHERE events.canonical_id = r.old")
        finally:
            con.unregister("kronik_renames")
        add_redirects(con, renames)
    return renames


def add_redirects(con: Connection, moved: dict[str, str]) -> None:
    """Old ids (canonical or event ids) now found under new canonical ids; earlier redirects
    to an old id follow it."""
    moved = {old: new for old, new in moved.items() if old != new}
    if not moved:
        return
    con.register("kronik_moved", pa.table({"old": list(moved), "new": list(moved.values())}))
    try:
        con.execute("UPDATE canonical_redirects SET new_id = m.new FROM kronik_moved m "
                    "WHERE canonical_redirects.new_id = m.old")
        con.execute("INSERT OR REPLACE INTO canonical_redirects (old_id, new_id) "
                    "SELECT old, new FROM kronik_moved")
    finally:
        con.unregister("kronik_moved")


def _redirect_removed(con: Connection, removed: list[_Removed], new: list[Prepared],
                      renames: dict[str, str]) -> None:
    """The events of a replaced or corrected document redirect (event id and group id) to the
    group of the event that replaces each: the new version's event of the same type, mode and
    parties from the same source, preferring the same status."""
    moved: dict[str, str] = {}
    for old in removed:
        successors = [e for i in new if (i.doc.source or i.doc_id) == old.doc_source
                      for e in i.doc.events if e.type == old.event.type
                      and e.mode == old.event.mode and party_key(e) == party_key(old.event)]
        if not successors:
            continue
        best = min(successors, key=lambda e: (e.status != old.event.status, e.id))
        target = renames.get(best.canonical_id, best.canonical_id)
        moved[old.event.id] = target
        alive = con.execute("SELECT count(*) FROM events WHERE canonical_id = ?",
                            [renames.get(old.group, old.group)]).fetchall()[0][0]
        if not alive:
            moved[old.group] = target
    add_redirects(con, moved)


def refresh_groups(con: Connection, groups: set[str]) -> None:
    """Rebuild the ``canonical_events`` rows of ``groups`` from their member events."""
    if not groups:
        return
    con.execute("DELETE FROM canonical_events WHERE canonical_id IN (SELECT unnest(?))",
                [_ids(groups)])
    members: dict[str, list[tuple]] = {}
    for row in con.execute(
            "SELECT e.canonical_id, e.event_id, e.record, e.date_start, e.date_end, d.doc_id, "
            "coalesce(d.duplicate_of, d.doc_id) AS original, o.outlet, d.published_date "
            "FROM events e JOIN documents d USING (doc_id) "
            "LEFT JOIN documents o ON o.doc_id = coalesce(d.duplicate_of, d.doc_id) "
            "WHERE e.canonical_id IN (SELECT unnest(?)) ORDER BY e.event_id",
            [_ids(groups)]).fetchall():
        members.setdefault(row[0], []).append(row[1:])
    built = [_canonical_row(group, rows) for group, rows in sorted(members.items())]
    if not built:
        return
    kinds = {"date_start": pa.date32(), "date_end": pa.date32(), "first_published": pa.date32(),
             "countries": pa.list_(pa.string()), "mentions": pa.int32(), "sources": pa.int32(),
             "independent": pa.int32(), "reports": pa.int32(), "background": pa.int32(),
             "confidence": pa.float64()}
    _insert(con, "canonical_events", {name: _column([row[name] for row in built],
                                                    kinds.get(name, pa.string()))
                                      for name in built[0]})
    con.execute(f"UPDATE canonical_events c SET source_list = ({schema.SOURCE_LIST_SQL}), "
                f"country_key = {schema.COUNTRY_KEY_SQL} "
                "WHERE canonical_id IN (SELECT unnest(?))", [_ids(groups)])


def _canonical_row(group: str, rows: list[tuple]) -> dict[str, Any]:
    """One group's canonical row: its most precisely dated member stands for it."""
    members = {r[0]: Event.from_dict(json.loads(r[1])) for r in rows}
    rep = min(rows, key=lambda r: ((r[3] - r[2]).days if r[2] else 10**6, r[0]))
    event = members[rep[0]]
    names = sorted({(p.name or "").lower() for member in members.values()
                    for p in parties(member) if p.name})
    evidence = Evidence.of([(members[r[0]], (r[6] or "").lower() or r[5], r[7]) for r in rows])
    published = [r[7] for r in rows if r[7]]
    actor, recipient = event.actor, event.recipient
    return {
        "canonical_id": group, "event_id": rep[0], "type": event.type, "mode": event.mode,
        "status": event.status, "quad": quad_of_type().get(event.type),
        "actor_name": actor.name if actor else None,
        "actor_country": actor.country if actor else None,
        "recipient_name": recipient.name if recipient else None,
        "recipient_country": recipient.country if recipient else None,
        "countries": countries(event), "names": " | ".join(names),
        "date_start": event.date.start if event.date else None,
        "date_end": event.date.end if event.date else None,
        "location_name": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "mentions": len(rows), "sources": len({r[4] for r in rows}),
        "independent": evidence.reports, "reports": evidence.reports,
        "background": evidence.background, "confidence": evidence.confidence(),
        "confidence_reason": evidence.reason(), "first_published": min(published) if published else None,
    }


@dataclass
class Evidence:
    """How many independent outlets report an event, and how many only recall it."""

    reports: int
    background: int

    @classmethod
    def of(cls, mentions: list[tuple[Event, str, date | None]]) -> Evidence:
        """``mentions``: (event, the outlet or original article, the publication date). An
        outlet counts once, as a reporter if any of its mentions reports the event."""
        reporting = {outlet for event, outlet, published in mentions if reports(event, published)}
        recalling = {outlet for _, outlet, _ in mentions} - reporting
        return cls(len(reporting), len(recalling))

    def confidence(self) -> float:
        """Belief that the event happened as coded: each reporting outlet halves the doubt, each
        outlet that only recalls it as background takes a tenth off."""
        return round(1 - REPORT_DOUBT ** self.reports * BACKGROUND_DOUBT ** self.background, 3)

    def reason(self) -> str:
        said = (f"{self.reports} independent outlet{'s' if self.reports != 1 else ''} "
                f"report{'s' if self.reports == 1 else ''} it")
        if self.background:
            said += (f"; {self.background} more mention{'s' if self.background == 1 else ''} it "
                     f"only as background (the event ended over {REPORT_DAYS} days before "
                     "publication)")
        return said


def reports(event: Event, published: date | None) -> bool:
    """True when a mention reports the event as news rather than recalling it: a plan, an
    undated event, or an event that ended at most ``REPORT_DAYS`` before publication."""
    if event.status == "planned" or event.date is None or published is None:
        return True
    return event.date.end >= published - timedelta(days=REPORT_DAYS)
