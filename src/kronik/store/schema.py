"""The chronicle's DuckDB schema, versioned: migrations are applied in order when a store opens.

Each migration is a list of SQL statements; ``schema_version`` records the last one applied.
A new version appends a migration; released migrations are never edited.
"""
from __future__ import annotations

from collections.abc import Callable

import duckdb

from kronik.errors import StoreError
from kronik.store import fingerprint

# The documents reporting a group (canonical_id = c.canonical_id), as a JSON list.
SOURCE_LIST_SQL = """
    SELECT coalesce(to_json(list({'doc_id': d.doc_id, 'source': d.source, 'outlet': d.outlet,
                                  'title': d.title, 'published': d.published,
                                  'duplicate_of': d.duplicate_of}
                                 ORDER BY d.published NULLS LAST, d.doc_id)), '[]')
    FROM (SELECT DISTINCT doc_id FROM events WHERE canonical_id = c.canonical_id) e
    JOIN documents d USING (doc_id)"""

COUNTRY_KEY_SQL = "'|' || array_to_string(list_sort(countries), '|') || '|'"

Connection = duckdb.DuckDBPyConnection


def resign_documents(con: Connection) -> None:
    """Recompute every stored MinHash signature and its bands (the signature's hash functions
    changed in migration 4, and near-duplicates are only found between equal kinds)."""
    rows = con.execute("SELECT doc_id, text FROM documents").fetchall()
    con.execute("DELETE FROM doc_bands")
    for doc_id, text in rows:
        values = fingerprint.signature(text)
        con.execute("UPDATE documents SET signature = ? WHERE doc_id = ?",
                    [fingerprint.signature_bytes(values), doc_id])
        con.executemany("INSERT INTO doc_bands VALUES (?, ?, ?)",
                        [[band, key, doc_id] for band, key in enumerate(fingerprint.bands(values))])


# A migration is SQL statements, or a function for what SQL cannot compute.
Migration = list[str | Callable[[Connection], None]]
MIGRATIONS: list[Migration] = [
    # 1: documents, their extraction, cross-document groups and near-duplicate bands.
    [
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,      -- the text fingerprint
            source VARCHAR NOT NULL,         -- file name, URL or caller's id
            title VARCHAR, outlet VARCHAR, author VARCHAR,
            published VARCHAR, published_date DATE,
            language VARCHAR, text VARCHAR NOT NULL,
            duplicate_of VARCHAR,            -- the earlier near-duplicate article, if any
            signature BLOB,                  -- MinHash signature of the text
            record JSON NOT NULL,            -- the full document record (contract shape)
            n_events INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp)""",
        "CREATE INDEX documents_source ON documents (source)",
        """CREATE TABLE doc_bands (band INTEGER NOT NULL, hash VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL)""",
        "CREATE INDEX doc_bands_hash ON doc_bands (hash)",
        """CREATE TABLE entities (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_offset INTEGER, end_offset INTEGER,
            text VARCHAR, kind VARCHAR, name VARCHAR, country VARCHAR, entity_id VARCHAR,
            title VARCHAR, role VARCHAR, reason VARCHAR)""",
        """CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, canonical_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL, mode VARCHAR, status VARCHAR NOT NULL,
            actor_name VARCHAR, actor_country VARCHAR,
            recipient_name VARCHAR, recipient_country VARCHAR,
            date_start DATE, date_end DATE, date_text VARCHAR,
            location_name VARCHAR, location_country VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
            record JSON NOT NULL)""",
        "CREATE INDEX events_doc ON events (doc_id)",
        "CREATE INDEX events_canonical ON events (canonical_id)",
        "CREATE INDEX events_kind ON events (type, date_start)",
        """CREATE TABLE participants (
            event_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR, country VARCHAR,
            kind VARCHAR, title VARCHAR, party_id VARCHAR)""",
        "CREATE INDEX participants_event ON participants (event_id)",
        """CREATE TABLE quotes (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_offset INTEGER, end_offset INTEGER,
            text VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR)""",
        """CREATE TABLE event_links (plan_id VARCHAR NOT NULL, fact_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL, PRIMARY KEY (plan_id, fact_id))""",
        # One row per real-world event, kept up to date on every write: what the timeline shows.
        """CREATE TABLE canonical_events (
            canonical_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL, mode VARCHAR, status VARCHAR NOT NULL, quad VARCHAR,
            actor_name VARCHAR, actor_country VARCHAR,
            recipient_name VARCHAR, recipient_country VARCHAR,
            countries VARCHAR[], names VARCHAR,
            date_start DATE, date_end DATE,
            location_name VARCHAR, location_country VARCHAR,
            mentions INTEGER NOT NULL, sources INTEGER NOT NULL, independent INTEGER NOT NULL,
            confidence DOUBLE NOT NULL, first_published DATE)""",
        "CREATE INDEX canonical_date ON canonical_events (date_start)",
    ],
    # 2: each canonical row carries its list of sources, so a timeline page needs no join.
    [
        "ALTER TABLE canonical_events ADD COLUMN source_list JSON",
        f"UPDATE canonical_events c SET source_list = ({SOURCE_LIST_SQL})",
    ],
    # 3: the countries as one string ('|CHN|USA|'): a substring test filters a million rows
    # about three times faster than a list search.
    [
        "ALTER TABLE canonical_events ADD COLUMN country_key VARCHAR",
        f"UPDATE canonical_events SET country_key = {COUNTRY_KEY_SQL}",
    ],
    # 4: corrections and live ingest. Every name a stored text was seen under; old canonical
    # ids that now live under another id; confidence from reporting outlets, with its reason;
    # watched files and polled feeds (so a restart resumes); alerts, deduplicated by key.
    # Re-runnable over a store that has some of it already.
    [
        """CREATE TABLE IF NOT EXISTS document_sources (doc_id VARCHAR NOT NULL, source VARCHAR NOT NULL,
            url VARCHAR, published VARCHAR, seen_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (doc_id, source))""",
        "INSERT OR IGNORE INTO document_sources (doc_id, source, url, published) "
        "SELECT doc_id, source, record->>'url', published FROM documents",
        "CREATE INDEX IF NOT EXISTS document_sources_source ON document_sources (source)",
        """CREATE TABLE IF NOT EXISTS canonical_redirects (old_id VARCHAR PRIMARY KEY, new_id VARCHAR NOT NULL,
            moved_at TIMESTAMP NOT NULL DEFAULT current_timestamp)""",
        "ALTER TABLE canonical_events ADD COLUMN IF NOT EXISTS reports INTEGER",
        "ALTER TABLE canonical_events ADD COLUMN IF NOT EXISTS background INTEGER",
        "ALTER TABLE canonical_events ADD COLUMN IF NOT EXISTS confidence_reason VARCHAR",
        """CREATE TABLE IF NOT EXISTS file_marks (path VARCHAR PRIMARY KEY, size BIGINT NOT NULL,
            mtime_ns BIGINT NOT NULL, digest VARCHAR NOT NULL,
            marked_at TIMESTAMP NOT NULL DEFAULT current_timestamp)""",
        """CREATE TABLE IF NOT EXISTS feed_state (feed VARCHAR PRIMARY KEY, etag VARCHAR, modified VARCHAR,
            checked_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS feed_items (item VARCHAR PRIMARY KEY, feed VARCHAR NOT NULL,
            seen_at TIMESTAMP NOT NULL DEFAULT current_timestamp)""",
        """CREATE TABLE IF NOT EXISTS alerts (alert_key VARCHAR PRIMARY KEY, rule VARCHAR NOT NULL,
            kind VARCHAR NOT NULL, title VARCHAR NOT NULL, detail JSON NOT NULL,
            created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            delivered_at TIMESTAMP)""",
        resign_documents,
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database (0 for a new, empty one)."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_name = 'schema_version'").fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """Apply every migration newer than the database, each in its own transaction."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: schema version {version} is newer than this Kronik "
                         f"({SCHEMA_VERSION}); upgrade Kronik")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                        "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
            for step in MIGRATIONS[number - 1]:
                if callable(step):
                    step(con)
                else:
                    con.execute(step)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{path}: migration {number} failed ({exc})") from None
    return SCHEMA_VERSION
