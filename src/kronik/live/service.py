"""One process owns the chronicle: a single writer thread that every source of articles feeds.

Watched folders, polled feeds and the web's ingest all hand their work to ``Writer.submit``;
the writer thread extracts what is raw, stores it a batch per transaction (with the
bookkeeping of the batch: which files and feed items it holds) and then evaluates the alert
rules. Readers never wait for it: each takes its own DuckDB cursor (``Chronicle.reader``) and
sees what is committed.

    >>> writer = Writer(Chronicle.open("k.duckdb"))
    >>> writer.start()
    >>> writer.submit(Job(articles=[...], origin="folder"))
    >>> writer.stop()
"""
from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import duckdb

from kronik.batch import extract_article
from kronik.document import Document
from kronik.errors import InputError, StoreError
from kronik.reader import Article
from kronik.store import BATCH_DOCUMENTS, Chronicle, IngestReport
from kronik.store import writer as store_writer

# A live batch commits at the latest this long after its first article was taken, however
# many keep arriving: what a watcher waits for its article to be visible during a flood.
LIVE_BATCH_SECONDS = 1.0
# Failures and ingests are counted over the last hour for the status line.
STATUS_WINDOW_SECONDS = 3600
# The status keeps the latest failures, each naming the file or URL and the reason.
RECENT_FAILURES = 20

Bookkeeping = Callable[[duckdb.DuckDBPyConnection], None]


@dataclass
class Job:
    """Work for the writer: raw articles to extract, or extracted documents, plus the
    bookkeeping to commit with them (files marked stored, feed items seen); ``failures`` are
    problems met while reading, reported with the job."""

    articles: list[Article] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    bookkeeping: list[Bookkeeping] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    origin: str = ""
    result: Future | None = None

    @property
    def size(self) -> int:
        return len(self.articles) + len(self.documents)


@dataclass
class Status:
    """What the live chronicle is doing, for the web header and the terminal."""

    watching: list[str] = field(default_factory=list)
    queued: int = 0
    ingested_last_hour: int = 0
    failed_last_hour: int = 0
    documents: int = 0
    last_batch_at: float | None = None
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"watching": self.watching, "queued": self.queued,
                "ingested_last_hour": self.ingested_last_hour,
                "failed_last_hour": self.failed_last_hour, "documents": self.documents,
                "last_batch_at": self.last_batch_at, "failures": self.failures}


class Writer:
    """The chronicle's only writer: a thread that drains a queue of jobs into batches."""

    def __init__(self, chronicle: Chronicle, after_batch: Callable[[Chronicle], None] | None = None,
                 batch: int = BATCH_DOCUMENTS, seconds: float = LIVE_BATCH_SECONDS):
        self.chronicle = chronicle
        self.after_batch = after_batch
        self.batch = batch
        self.seconds = seconds
        self.watching: list[str] = []
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._ingested: deque[float] = deque()
        self._failed: deque[tuple[float, str]] = deque()
        self._queued = 0
        self._documents = 0
        self._last_batch: float | None = None
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kronik-writer", daemon=True)

    # -- the producers' side ----------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self, drain: bool = True) -> None:
        """Stop the thread: after storing everything queued (``drain``), or after the batch in
        hand. What is left is not lost: files and feed items are not marked stored, so the
        next start takes them again; a waiting web request is told so."""
        if not drain:
            self._halt.set()
        self._queue.put(None)
        self._thread.join()
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is not None and job.result is not None:
                job.result.set_exception(StoreError(f"{self.chronicle.path}: stopping; not stored"))

    def submit(self, job: Job) -> Job:
        with self._lock:
            self._queued += job.size
        self._queue.put(job)
        return job

    def ingest(self, documents: list[Document], timeout: float | None = None) -> IngestReport:
        """Store extracted documents through the writer and wait for the report (the web's
        ingest uses this, so it never writes beside the writer)."""
        job = self.submit(Job(documents=documents, origin="web", result=Future()))
        return job.result.result(timeout)

    def reader(self) -> Chronicle:
        """A read-only view over its own cursor; close it after use."""
        return self.chronicle.reader()

    def status(self) -> Status:
        now = time.time()
        with self._lock:
            self._forget(now)
            return Status(watching=list(self.watching), queued=self._queued,
                          ingested_last_hour=len(self._ingested),
                          failed_last_hour=len(self._failed), documents=self._documents,
                          last_batch_at=self._last_batch,
                          failures=[f for _, f in list(self._failed)[-RECENT_FAILURES:]])

    def fail(self, problem: str) -> None:
        """Record a failure met outside the writer (a feed, a vanished file)."""
        with self._lock:
            self._failed.append((time.time(), problem))

    def _forget(self, now: float) -> None:
        while self._ingested and self._ingested[0] < now - STATUS_WINDOW_SECONDS:
            self._ingested.popleft()
        while self._failed and self._failed[0][0] < now - STATUS_WINDOW_SECONDS:
            self._failed.popleft()

    # -- the writer thread --------------------------------------------------------------------

    def _run(self) -> None:
        """Take the jobs waiting, extracting each as it comes, until none is left, the batch
        is full or its first job has waited ``seconds``; then store the batch. A lone article
        is stored at once; a flood is stored in full batches. A job is never split."""
        stopping = False
        while not stopping and not self._halt.is_set():
            first = self._queue.get()
            if first is None:
                break
            batch = _Batch()
            batch.add(first)
            deadline = time.monotonic() + self.seconds
            while batch.size < self.batch and time.monotonic() < deadline:
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stopping = True
                    break
                batch.add(job)
            self._write(batch)

    def _write(self, batch: _Batch) -> None:
        """Store and account for a batch of jobs in one transaction."""
        jobs, items, owners, reports = batch.jobs, batch.items, batch.owners, batch.reports
        total = IngestReport()
        bookkeeping = [step for job in jobs for step in job.bookkeeping]
        outcomes = self.chronicle.write(items, total, bookkeeping)
        for item, job, outcome in zip(items, owners, outcomes):
            if outcome is not None:
                reports[id(job)].count(item.doc, outcome)
        failures = [f for job in jobs for f in reports[id(job)].failed] + total.failed
        now = time.time()
        with self._lock:
            self._queued -= sum(j.size for j in jobs)
            self._ingested.extend([now] * total.added)
            self._failed.extend((now, f) for f in failures)
            self._documents += total.added
            self._last_batch = now
        for job in jobs:
            if job.result is not None:
                reports[id(job)].failed += total.failed
                job.result.set_result(reports[id(job)])
        if self.after_batch is not None and total.added:
            try:
                self.after_batch(self.chronicle)
            except Exception as exc:  # noqa: BLE001 - a rule or webhook must not stop ingest
                self.fail(f"alerts: {type(exc).__name__}: {exc}")



@dataclass
class _Batch:
    """Jobs taken for one transaction, their articles extracted and prepared on arrival."""

    jobs: list[Job] = field(default_factory=list)
    items: list[store_writer.Prepared] = field(default_factory=list)
    owners: list[Job] = field(default_factory=list)
    reports: dict[int, IngestReport] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.items)

    def add(self, job: Job) -> None:
        report = self.reports[id(job)] = IngestReport(failed=list(job.failures))
        self.jobs.append(job)
        docs = list(job.documents)
        for article in job.articles:
            found = extract_article(article)
            if isinstance(found, InputError):
                report.failed.append(str(found))
            else:
                docs.append(found)
        for doc in docs:
            self.items.append(store_writer.prepare(doc))
            self.owners.append(job)

