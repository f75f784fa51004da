"""The live pages of the web interface: alerts (page, JSON twin, Atom feed), the status, and
the web's ingest going through the live chronicle's one writer."""
from __future__ import annotations

from datetime import date

import feedparser
import pytest
from fastapi.testclient import TestClient
from test_identity import make_event, stored_doc

from kronik.live.alerts import Rule, evaluate
from kronik.live.service import Writer
from kronik.store import Chronicle
from kronik.web.app import create_app

BASE_URL = "http://127.0.0.1"
TOKEN = "rahasia-uji"
ARTICLE = ("Jakarta, Senin (3/3/2031) - Presiden Prancis melakukan pembicaraan telepon dengan "
           "Presiden Brasil pada 3 Maret 2031.\n\nKedua presiden membahas kerja sama pelabuhan.\n")


@pytest.fixture()
def live(tmp_path):
    chronicle = Chronicle.open(tmp_path / "k.duckdb")
    chronicle.ingest([stored_doc("a.txt", "Artikel rekaan tentang tuduhan.",
                                 make_event("a1", "ACCUSE", ["FRA", "BRA"], date(2031, 3, 3)),
                                 published=date(2031, 3, 3))])
    evaluate(chronicle.con, [Rule("first conflict", "first_conflict", {"days": 90})])
    writer = Writer(chronicle)
    writer.watching = ["/srv/inbox"]
    writer.start()
    app = create_app(chronicle, token=TOKEN)
    app.state.writer = writer
    yield TestClient(app, base_url=BASE_URL), writer
    writer.stop()
    chronicle.close()


def test_alerts_have_a_page_a_json_twin_and_an_atom_feed(live):
    client, _ = live
    alerts = client.get("/alerts.json").json()["alerts"]
    assert [a["kind"] for a in alerts] == ["first_conflict"] and alerts[0]["articles"] == ["a.txt"]
    page = client.get("/alerts", headers={"Accept": "text/html"})
    assert page.status_code == 200 and alerts[0]["title"] in page.text
    feed = feedparser.parse(client.get("/alerts.atom").content)
    assert feed.version == "atom10" and [e.title for e in feed.entries] == [alerts[0]["title"]]
    assert feed.entries[0].link.endswith("/event/" + alerts[0]["events"][0])


def test_the_header_and_status_json_say_what_is_watched_and_queued(live):
    client, _ = live
    status = client.get("/status.json").json()
    assert status["watching"] == ["/srv/inbox"] and status["queued"] == 0
    page = client.get("/timeline", headers={"Accept": "text/html"})
    assert "watching 1 · 0 queued" in page.text


def test_the_webs_ingest_goes_through_the_writer(live):
    client, writer = live
    response = client.post("/ingest", data={"text": ARTICLE},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.json()["documents"] == 1
    assert writer.status().ingested_last_hour == 1
