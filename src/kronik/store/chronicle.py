"""The chronicle: an embedded DuckDB store of extracted documents and linked events.

One ``Chronicle`` object owns the database connection. Writes go through ``ingest``, one
transaction per batch of documents, so a crash (even ``kill -9``) leaves whole documents or
nothing and running the same ingest again finishes the job. Other threads read through
``reader()`` cursors, which see committed data while the owner writes. Reads (``timeline``, ``event``, ``dyad``...)
return plain dicts and lists, ready for JSON, for the CLI and the web interface alike.

    >>> with Chronicle.open("kronik.duckdb") as chronicle:
    ...     report = chronicle.ingest(docs)
    ...     chronicle.timeline(Filters(country="IDN"), limit=20)
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from kronik.document import Document
from kronik.errors import StoreError
from kronik.store import BATCH_DOCUMENTS, BATCH_SECONDS, DEFAULT_PATH, queries, schema, writer
from kronik.store.queries import Filters


@dataclass
class IngestReport:
    """What one ingest did, document by document."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    near_duplicates: int = 0
    corrected: int = 0
    new_sources: int = 0
    events: int = 0
    failed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def count(self, doc: Document, outcome: str) -> None:
        """Add one document's outcome (see ``writer.write_batch``)."""
        if outcome in ("unchanged", "new_source"):
            self.unchanged += 1
            self.new_sources += outcome == "new_source"
            return
        self.added += 1
        self.replaced += outcome == "replaced"
        self.near_duplicates += outcome == "near_duplicate"
        self.corrected += outcome == "corrected"
        self.events += len(doc.events)


class Chronicle:
    """The store: open it, ingest documents, query the canonical events."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, read_only: bool = False) -> Chronicle:
        """Open (and create or migrate, unless ``read_only``) the chronicle at ``path``."""
        name = str(path)
        if read_only and name != ":memory:" and not Path(name).exists():
            raise StoreError(f"{name}: no chronicle here (run 'kronik ingest' first)")
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(open_error(name, exc)) from None
        if not read_only:
            try:
                schema.migrate(con, name)
            except StoreError:
                con.close()
                raise
        elif schema.current_version(con) != schema.SCHEMA_VERSION:
            con.close()  # an older store is migrated once (a newer one refused), then read
            Chronicle.open(name).close()
            return cls.open(name, read_only=True)
        return cls(con, name, read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Chronicle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reader(self) -> Chronicle:
        """A chronicle over its own cursor of this database, for another thread: it sees what
        is committed and may read while this one writes. Close it when done."""
        return Chronicle(self.con.cursor(), self.path, read_only=True)

    # -- writing ---------------------------------------------------------------------------

    def ingest(self, docs: Iterable[Document], batch: int = BATCH_DOCUMENTS,
               seconds: float = BATCH_SECONDS) -> IngestReport:
        """Store already-extracted documents and link their events, a batch per transaction.

        A document whose text is already stored adds nothing (a new name for it is recorded,
        a corrected publication date replaces it); one from a stored source with another text
        replaces the old version; a near-duplicate of a stored article is kept, marked
        ``duplicate_of`` and counted once as evidence.
        """
        report = IngestReport()
        pending: list[writer.Prepared] = []
        started = time.monotonic()
        for doc in docs:
            if not pending:
                started = time.monotonic()
            pending.append(writer.prepare(doc))
            if len(pending) >= batch or time.monotonic() - started >= seconds:
                self.write(pending, report)
                pending = []
        if pending:
            self.write(pending, report)
        return report

    def write(self, items: list[writer.Prepared], report: IngestReport,
              bookkeeping: Sequence[Callable[[duckdb.DuckDBPyConnection], None]] = ()
              ) -> list[str | None]:
        """Store prepared documents in one transaction, with the caller's ``bookkeeping``
        (statements that must commit with them); return each one's outcome (None: failed).
        When the batch fails, each document is tried in its own transaction, so that one bad
        document costs only itself, and the bookkeeping is committed alone."""
        try:
            outcomes: list[str | None] = list(self._transaction(items, bookkeeping))
        except StoreError as exc:
            if len(items) == 0 or (len(items) == 1 and not bookkeeping):
                report.failed.append(str(exc))
                return [None] * len(items)
            outcomes = [self.write([item], report)[0] for item in items]
            if bookkeeping:
                self.write([], report, bookkeeping)
            return outcomes
        for item, outcome in zip(items, outcomes):
            report.count(item.doc, outcome)
        return outcomes

    def _transaction(self, items: list[writer.Prepared],
                     bookkeeping: Sequence[Callable[[duckdb.DuckDBPyConnection], None]] = ()
                     ) -> list[str]:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot ingest")
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            outcomes = writer.write_batch(con, items)
            for step in bookkeeping:
                step(con)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            what = (items[0].doc.source or items[0].doc_id if len(items) == 1
                    else f"{len(items)} documents")
            raise StoreError(f"{self.path}: cannot store {what} ({exc})") from None
        return outcomes

    def ingest_document(self, doc: Document) -> str:
        """Store one document in one transaction: ``added``, ``unchanged``, ``replaced``,
        ``near_duplicate``, ``corrected`` or ``new_source``."""
        return self._transaction([writer.prepare(doc)])[0]

    def resolve(self, key: str) -> str:
        """The current canonical id for an id that moved (a corrected text, a merged group),
        or ``key`` itself."""
        found = self.con.execute("SELECT new_id FROM canonical_redirects WHERE old_id = ?",
                                 [key]).fetchall()
        return found[0][0] if found else key

    # -- reading ---------------------------------------------------------------------------

    def timeline(self, filters: Filters | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
        """Canonical events, newest first, one row each with its sources."""
        return queries.timeline(self.con, filters or Filters(), limit, offset)

    def count_events(self, filters: Filters | None = None) -> int:
        """How many canonical events the filters select."""
        return queries.count_events(self.con, filters or Filters())

    def dyad(self, a: str, b: str, filters: Filters | None = None,
             limit: int | None = None) -> dict[str, Any]:
        """Events between two states, counted by period and PLOVER quad class, with the
        latest ``limit`` events (all when None) in date order and their ``total``."""
        return queries.dyad(self.con, a.upper(), b.upper(), filters or Filters(), limit)

    def network(self, start: date | None = None, end: date | None = None) -> list[dict[str, Any]]:
        """Edges between countries (directed for directed types) weighted by canonical events."""
        return queries.network(self.con, start, end)

    def actors(self, limit: int = 20) -> list[dict[str, Any]]:
        """The most active parties, by number of canonical events."""
        return queries.actors(self.con, limit)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """A canonical event (by event id or canonical id, or an id it had before a correction)
        with every mention and source, and why its confidence is what it is."""
        return queries.event(self.con, event_id) or queries.event(self.con, self.resolve(event_id))

    def document(self, key: str) -> dict[str, Any] | None:
        """A stored document by id, source, or file name: its record and store metadata."""
        return queries.document(self.con, key)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles and quotes whose text contains ``query`` (case-insensitive)."""
        return queries.search(self.con, query, limit)

    def stats(self) -> dict[str, Any]:
        """Counts of what the chronicle holds."""
        return queries.stats(self.con)

    def document_records(self) -> Iterator[dict[str, Any]]:
        """Every stored document record (contract shape) with current canonical ids."""
        return queries.document_records(self.con)

    def export_rows(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """One flat row per canonical event with its sources, for CSV, Parquet and JSON Lines."""
        return queries.export_rows(self.con, filters or Filters())


def open_error(name: str, exc: duckdb.Error) -> str:
    """Why a chronicle cannot be opened, in Kronik's terms: DuckDB's lock message names its own
    command-line flags, which Kronik does not have."""
    if "Could not set lock" not in str(exc):
        return f"{name}: cannot open the chronicle ({exc})"
    holder = re.search(r"PID (\d+)", str(exc))
    who = f"another process (PID {holder[1]})" if holder else "another process"
    return (f"{name}: {who} has this chronicle open, and while one Kronik process writes to "
            "a chronicle no other may open it. Wait for that 'kronik ingest' to finish, or stop "
            "that 'kronik serve', then try again; to add articles while serving, start the "
            "server with --token and use its ingest page or POST /ingest.")


def ingest_documents(docs: Iterable[Document], path: str | Path = DEFAULT_PATH) -> IngestReport:
    """Open the chronicle at ``path`` and store already-extracted documents in it."""
    with Chronicle.open(path) as chronicle:
        return chronicle.ingest(docs)
