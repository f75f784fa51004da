"""Feeds: a feed served locally is polled, its new items' pages fetched and ingested once,
unchanged polls are conditional requests answered 304, and a garbage feed or a dead page is
reported without stopping the rest."""
from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest
from conftest import local_server

from kronik.live.feeds import FeedPoller
from kronik.live.service import Writer
from kronik.store import Chronicle

PAGE = ("<html><head><title>Telepon dua presiden</title></head><body><article><h1>Telepon dua "
        "presiden rekaan</h1><p>Jakarta, Senin (3/3/2031) - Presiden Prancis melakukan "
        "pembicaraan telepon dengan Presiden Brasil pada 3 Maret 2031.</p><p>Kedua presiden "
        "membahas kerja sama pelabuhan dan perdagangan gandum selama hampir satu jam, kata "
        "juru bicara istana kepada wartawan di Jakarta.</p></article></body></html>")
ETAG = '"v1"'


def feed(base: str) -> str:
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Kabar Rekaan</title>"
            f"<link>{base}/</link><description>uji</description>"
            f"<item><title>Telepon</title><link>{base}/page/1</link><guid>{base}/page/1</guid>"
            f"<pubDate>Mon, 03 Mar 2031 08:00:00 +0700</pubDate></item>"
            f"<item><title>Hilang</title><link>{base}/missing</link><guid>{base}/missing</guid>"
            f"</item></channel></rss>")


class Site(BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):  # noqa: N802 - the http.server hook
        Site.requests.append((self.path, self.headers.get("If-None-Match")))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG:
                self._send(304, b"", {})
            else:
                self._send(200, feed(base).encode(), {"ETag": ETAG, "Content-Type": "application/rss+xml"})
        elif self.path == "/garbage.xml":
            self._send(200, b"<html><body>not a feed at all</body></html>", {})
        elif self.path == "/page/1":
            self._send(200, PAGE.encode(), {"Content-Type": "text/html; charset=utf-8"})
        else:
            self._send(404, b"gone", {})

    def _send(self, status: int, body: bytes, headers: dict) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def site():
    Site.requests = []
    with local_server(Site) as address:
        yield address


def test_a_feed_is_polled_its_new_items_ingested_once_and_unchanged_polls_are_conditional(tmp_path, site):
    with Chronicle.open(tmp_path / "k.duckdb") as chronicle:
        writer = Writer(chronicle)
        writer.start()
        try:
            poller = FeedPoller([f"{site}/feed.xml", f"{site}/garbage.xml"], writer, spacing=0)
            assert poller.poll(f"{site}/feed.xml") == 1  # the missing page is reported
            assert poller.poll(f"{site}/garbage.xml") == 0
            writer.stop()
            writer = Writer(chronicle)
            writer.start()
            again = FeedPoller([f"{site}/feed.xml"], writer, spacing=0)  # as after a restart
            assert again.poll(f"{site}/feed.xml") == 0
        finally:
            writer.stop()
        document = chronicle.document(f"{site}/page/1")
        seen = chronicle.con.execute("SELECT count(*) FROM feed_items").fetchall()[0][0]
    assert document is not None and document["published"].startswith("2031-03-0")
    assert document["url"] == f"{site}/page/1"
    assert seen == 1
    feed_requests = [etag for path, etag in Site.requests if path == "/feed.xml"]
    assert feed_requests == [None, ETAG]
    assert [path for path, _ in Site.requests].count("/page/1") == 1


def test_failures_are_reported_with_the_url_and_backed_off(tmp_path, site):
    with Chronicle.open(tmp_path / "k.duckdb") as chronicle:
        writer = Writer(chronicle)
        writer.start()
        try:
            poller = FeedPoller([f"{site}/garbage.xml", f"{site}/feed.xml"], writer, spacing=0)
            poller.poll(f"{site}/garbage.xml")
            poller.poll(f"{site}/feed.xml")
            state = poller.states[f"{site}/garbage.xml"]
            assert state.failures == 1 and state.next_poll > poller.states[f"{site}/feed.xml"].next_poll
        finally:
            writer.stop()
        failures = writer.status().failures
    assert any(f.startswith(f"{site}/garbage.xml: not an RSS or Atom feed") for f in failures)
    assert any(f.startswith(f"{site}/missing: page not fetched") for f in failures)
