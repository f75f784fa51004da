"""The web server against abuse: foreign hosts, open links, unauthenticated uploads, leaks.

Each test is one class of attack or leak (issue 10, section 4), on invented articles.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from fastapi.testclient import TestClient

from kronik.errors import StoreError
from kronik.store import Chronicle
from kronik.web.app import create_app
from kronik.web.commands import allowed_hosts
from test_web_api import BASE_URL, PATTERNS, TOKEN, invented_document, invented_documents


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory):
    store = Chronicle.open(tmp_path_factory.mktemp("hardening") / "web.duckdb")
    store.ingest(invented_documents(12))
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(chronicle) -> TestClient:
    return TestClient(create_app(chronicle), base_url=BASE_URL)


@pytest.fixture()
def writer(tmp_path) -> TestClient:
    store = Chronicle.open(tmp_path / "ingest.duckdb")
    yield TestClient(create_app(store, token=TOKEN), base_url=BASE_URL)
    store.close()


# -- open links ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["//evil.example/x", "/\\evil.example/x", "///evil.example/x"])
def test_error_pages_link_only_to_this_server(client, path):
    page = client.get(f"{BASE_URL}{path}", headers={"Accept": "text/html"})
    assert page.status_code == 404
    links = [href for href in _hrefs(page.text) if "evil.example" in href]
    assert links and all(href.startswith("/") and href[1] not in "/\\" for href in links), links


def _hrefs(html: str) -> list[str]:
    import re

    return re.findall(r'href="([^"]*)"', html)


# -- Host header -----------------------------------------------------------------------------

def test_a_foreign_host_name_is_refused(client):
    response = client.get("/timeline.json", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "--allowed-host evil.example" in response.json()["detail"]
    assert client.get("/timeline", headers={"Host": "evil.example:8000"}).status_code == 400


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_loopback_names_are_served_by_default(client, host):
    assert client.get("/timeline.json", headers={"Host": host}).status_code == 200


def test_allowed_hosts_come_from_the_command_line(chronicle):
    hosts = allowed_hosts("0.0.0.0", ["kronik.example"])
    assert "kronik.example" in hosts and "localhost" in hosts and "0.0.0.0" not in hosts
    assert "192.0.2.7" in allowed_hosts("192.0.2.7", None)
    app = TestClient(create_app(chronicle, allowed_hosts=hosts), base_url="http://kronik.example")
    assert app.get("/timeline.json").status_code == 200
    assert app.get("/timeline.json", headers={"Host": "other.example"}).status_code == 400


# -- writes ----------------------------------------------------------------------------------

class Watched:
    """A request body that records whether the server read any of it."""

    def __init__(self, data: bytes):
        self.data = data
        self.read = False

    def __iter__(self):
        self.read = True
        yield self.data


def test_an_unauthenticated_upload_is_refused_before_its_body_is_read(writer):
    body = Watched(b"--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nTeks.\r\n--x--\r\n")
    response = writer.post("/ingest", content=body,
                           headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert response.status_code == 403 and not body.read
    signed_wrongly = Watched(body.data)
    response = writer.post("/ingest", content=signed_wrongly,
                           headers={"Content-Type": "multipart/form-data; boundary=x",
                                    "Authorization": "Bearer not-the-token"})
    assert response.status_code == 403 and not signed_wrongly.read


def test_the_token_in_the_upload_form_is_not_enough(writer):
    response = writer.post("/ingest", data={"text": "Teks apa saja.", "token": TOKEN})
    assert response.status_code == 403


def test_ingest_errors_name_the_uploaded_file_not_the_servers_paths(writer):
    good = json.dumps({"source": "rekaan-1", "text": invented_document(
        3, "NOR", "PER", PATTERNS[2], date(2025, 1, 2)).text})
    upload = f"{{not json\n{good}\n".encode()
    response = writer.post("/ingest", headers={"Authorization": f"Bearer {TOKEN}"},
                           files={"files": ("kiriman.jsonl", upload)})
    assert response.status_code == 200, response.text
    errors = response.json()["errors"]
    assert errors and errors[0].startswith("kiriman.jsonl:1: "), errors
    assert not any("/tmp" in e or "kronik-upload" in e or "0000-" in e for e in errors), errors
    sources = {h["source"] for h in writer.get("/search.json", params={"q": "nota"}).json()["hits"]}
    assert sources == {"rekaan-1"}


# -- the lock message ------------------------------------------------------------------------

def test_a_chronicle_in_use_elsewhere_says_what_to_do_in_kronik_terms(tmp_path):
    path = tmp_path / "busy.duckdb"
    Chronicle.open(path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, duckdb
        con = duckdb.connect({str(path)!r}, read_only=True)
        print("ready", flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as caught:
            Chronicle.open(path)
    finally:
        holder.communicate("")
    message = str(caught.value)
    assert "-readonly" not in message and "duckdb.org" not in message
    assert f"(PID {holder.pid})" in message and "--token" in message


def test_store_failures_do_not_name_the_database_path_on_a_live_server(tmp_path):
    from kronik.store.chronicle import IngestReport

    store = Chronicle.open(tmp_path / "live.duckdb")

    class FailingWriter:
        """A live server's writer that could not store the article."""

        def ingest(self, docs):
            return IngestReport(failed=[f"{store.path}: cannot store {docs[0].source} (disk full)"])

    app = create_app(store, token=TOKEN)
    app.state.writer = FailingWriter()
    try:
        response = TestClient(app, base_url=BASE_URL).post(
            "/ingest", headers={"Authorization": f"Bearer {TOKEN}"},
            files={"files": ("warta.txt", invented_document(
                5, "CHL", "KEN", PATTERNS[3], date(2025, 2, 2)).text.encode())})
        assert response.json()["errors"] == ["live.duckdb: cannot store warta.txt (disk full)"]
    finally:
        store.close()
