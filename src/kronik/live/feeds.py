"""Polled RSS and Atom feeds: each new item's page fetched, its article handed to the writer.

A feed (a URL, or a local file read again on each poll) is polled every ``interval`` seconds
with a conditional request (``If-None-Match`` / ``If-Modified-Since`` from the last answer).
Requests to one host are spaced by ``HOST_SPACING_SECONDS``. A feed or page that fails is
reported, waits twice as long before each new try (up to ``MAX_BACKOFF_SECONDS``) and never
stops the others. An item is marked seen (``feed_items``) in the transaction that stores its
article, so a restart fetches exactly the items not yet stored.
"""
from __future__ import annotations

import threading
import time
from calendar import timegm
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from kronik.errors import KronikError
from kronik.live.service import Job, Writer
from kronik.reader import Article, html_to_text

# One request per host per second: polite to a news site, and a feed of 50 items is read in a
# minute.
HOST_SPACING_SECONDS = 1.0
# A page or feed that does not answer within this many seconds has failed this time.
REQUEST_TIMEOUT_SECONDS = 15
# Back-off after failures doubles up to an hour.
MAX_BACKOFF_SECONDS = 3600
USER_AGENT = "Kronik (news monitoring; +https://github.com/)"


@dataclass
class FeedState:
    """What one feed's last answer said, and when to poll it again."""

    etag: str | None = None
    modified: str | None = None
    failures: int = 0
    next_poll: float = 0.0


@dataclass
class HostClock:
    """Spaces requests per host (one thread polls, so no lock is needed)."""

    spacing: float = HOST_SPACING_SECONDS
    last: dict[str, float] = field(default_factory=dict)

    def wait(self, url: str, stop: threading.Event) -> None:
        host = urlsplit(url).netloc
        delay = self.last.get(host, 0.0) + self.spacing - time.monotonic()
        if delay > 0:
            stop.wait(delay)
        self.last[host] = time.monotonic()


class FeedPoller:
    """Polls feeds until stopped, feeding the writer."""

    def __init__(self, feeds: list[str], writer: Writer, interval: float = 300.0,
                 spacing: float = HOST_SPACING_SECONDS):
        import httpx

        self.feeds = feeds
        self.writer = writer
        self.interval = interval
        self.clock = HostClock(spacing)
        self.client = httpx.Client(timeout=REQUEST_TIMEOUT_SECONDS, follow_redirects=True,
                                   headers={"User-Agent": USER_AGENT})
        self.states = {feed: FeedState() for feed in feeds}
        self._load_state()

    def _load_state(self) -> None:
        reader = self.writer.reader()
        try:
            for feed, etag, modified in reader.con.execute(
                    "SELECT feed, etag, modified FROM feed_state").fetchall():
                if feed in self.states:
                    self.states[feed].etag, self.states[feed].modified = etag, modified
        finally:
            reader.close()

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            for feed in self.feeds:
                if stop.is_set():
                    break
                if self.states[feed].next_poll <= time.monotonic():
                    self.poll(feed, stop)
            stop.wait(min(1.0, self.interval))
        self.client.close()

    def poll(self, feed: str, stop: threading.Event | None = None) -> int:
        """Poll one feed once; return how many new items were queued."""
        stop = stop or threading.Event()
        state = self.states.setdefault(feed, FeedState())
        try:
            parsed = self._fetch_feed(feed, state, stop)
        except KronikError as exc:
            self._failed(feed, state, str(exc))
            return 0
        state.failures = 0
        state.next_poll = time.monotonic() + self.interval
        if parsed is None:
            return 0
        seen = self._seen([_item_key(e) for e in parsed.entries])
        queued = 0
        for entry in parsed.entries:
            key = _item_key(entry)
            if not key or key in seen or stop.is_set():
                continue
            job = self._item_job(feed, entry, key, stop)
            if job is not None:
                self.writer.submit(job)
                queued += 1
        self._save_state(feed, state)
        return queued

    def _fetch_feed(self, feed: str, state: FeedState, stop: threading.Event):
        import feedparser
        import httpx

        if not feed.startswith(("http://", "https://")):
            try:
                data = Path(feed).read_bytes()
            except OSError as exc:
                raise KronikError(f"{feed}: cannot read the feed ({exc.strerror or exc})") from None
        else:
            headers = {}
            if state.etag:
                headers["If-None-Match"] = state.etag
            if state.modified:
                headers["If-Modified-Since"] = state.modified
            self.clock.wait(feed, stop)
            try:
                response = self.client.get(feed, headers=headers)
            except httpx.HTTPError as exc:
                raise KronikError(f"{feed}: feed not fetched ({type(exc).__name__})") from None
            if response.status_code == 304:
                return None
            if not response.is_success:
                raise KronikError(f"{feed}: feed not fetched (HTTP {response.status_code})")
            state.etag = response.headers.get("ETag")
            state.modified = response.headers.get("Last-Modified")
            data = response.content
        parsed = feedparser.parse(data)
        if parsed.bozo and not parsed.entries or not parsed.get("version"):
            raise KronikError(f"{feed}: not an RSS or Atom feed")
        return parsed

    def _item_job(self, feed: str, entry, key: str, stop: threading.Event) -> Job | None:
        """The item's page, fetched and read as an article; None when it failed (reported,
        tried again at the next poll)."""
        import httpx

        url = entry.get("link") or key
        self.clock.wait(url, stop)
        try:
            response = self.client.get(url)
            response.raise_for_status()
            text = html_to_text(response.text, url)
        except httpx.HTTPError as exc:
            self.writer.fail(f"{url}: page not fetched ({type(exc).__name__})")
            return None
        except KronikError as exc:
            self.writer.fail(str(exc))
            return None
        if not text.strip():
            self.writer.fail(f"{url}: no article text on the page")
            return None
        article = Article(source=url, text=text, published=_published(entry), url=url)

        def seen(con, item=key, where=feed) -> None:
            con.execute("INSERT OR IGNORE INTO feed_items (item, feed) VALUES (?, ?)", [item, where])

        return Job(articles=[article], bookkeeping=[seen], origin=url)

    def _seen(self, keys: list[str]) -> set[str]:
        reader = self.writer.reader()
        try:
            return {r[0] for r in reader.con.execute(
                "SELECT item FROM feed_items WHERE item IN (SELECT unnest(?))", [keys]).fetchall()}
        finally:
            reader.close()

    def _save_state(self, feed: str, state: FeedState) -> None:
        def save(con, etag=state.etag, modified=state.modified) -> None:
            con.execute("INSERT OR REPLACE INTO feed_state (feed, etag, modified, checked_at) "
                        "VALUES (?, ?, ?, ?)", [feed, etag, modified, datetime.now()])

        self.writer.submit(Job(bookkeeping=[save], origin=feed))

    def _failed(self, feed: str, state: FeedState, problem: str) -> None:
        state.failures += 1
        state.next_poll = time.monotonic() + min(self.interval * 2 ** state.failures,
                                                 MAX_BACKOFF_SECONDS)
        self.writer.fail(problem)


def _item_key(entry) -> str:
    return str(entry.get("id") or entry.get("link") or "")


def _published(entry) -> str | None:
    """The item's date (ISO 8601, UTC) from the feed, if it gives one."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return datetime.fromtimestamp(timegm(stamp), tz=timezone.utc).date().isoformat()
