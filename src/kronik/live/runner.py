"""The live chronicle assembled: the writer, the folder watcher, the feed poller and alerts.

``kronik watch`` runs it alone; ``kronik serve --watch/--feed`` runs it beside the web server,
which reads through its own cursors and ingests through the same writer.
"""
from __future__ import annotations

import threading
from pathlib import Path

from kronik.live.alerts import AlertService, load_rules
from kronik.live.feeds import FeedPoller
from kronik.live.files import SETTLE_SECONDS, FolderFeeder, watch_folders
from kronik.live.service import Writer
from kronik.store import BATCH_DOCUMENTS, Chronicle

# Feeds are polled every five minutes unless told otherwise: news sites update their feeds
# every few minutes, and most ask robots not to come more often.
FEED_INTERVAL_SECONDS = 300.0


class LiveChronicle:
    """Owns the chronicle's write connection and the threads that feed it."""

    def __init__(self, db: str | Path, folders: list[str] | None = None,
                 feeds: list[str] | None = None, alerts: str | Path | None = None,
                 webhook: str | None = None, interval: float = FEED_INTERVAL_SECONDS,
                 batch: int = BATCH_DOCUMENTS):
        rules = load_rules(alerts)
        self.chronicle = Chronicle.open(db)
        self.alerts = AlertService(rules, webhook)
        self.writer = Writer(self.chronicle, after_batch=self.alerts, batch=batch)
        self.folders = [str(f) for f in folders or []]
        self.feeds = list(feeds or [])
        self.interval = interval
        self.writer.watching = [*self.folders, *self.feeds]
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self) -> LiveChronicle:
        self.writer.start()
        if self.folders:
            feeder = FolderFeeder(self.writer)
            self._thread("kronik-folders", watch_folders, self.folders, feeder, self.stop)
        if self.feeds:
            poller = FeedPoller(self.feeds, self.writer, self.interval)
            self._thread("kronik-feeds", poller.run, self.stop)
        return self

    def catch_up(self) -> None:
        """Store every file of the folders not stored yet, then return (``kronik watch
        --once``): what a restart does first, without staying to watch."""
        self.writer.start()
        feeder = FolderFeeder(self.writer)
        waiting = feeder.scan(self.folders)
        while waiting:
            self.stop.wait(SETTLE_SECONDS)
            waiting = [path for path in waiting if not feeder.offer(path)]

    def _thread(self, name: str, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        thread.start()
        self.threads.append(thread)

    def close(self, drain: bool = False) -> None:
        """Stop watching and polling, then the writer (after what is queued when ``drain``,
        else after its batch in hand: a restart takes the rest), and close the chronicle."""
        self.stop.set()
        for thread in self.threads:
            thread.join()
        self.writer.stop(drain)
        self.chronicle.close()

    def __enter__(self) -> LiveChronicle:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
