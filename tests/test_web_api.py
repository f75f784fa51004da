"""The web interface's HTTP API: JSON twins, token-guarded ingest, upload limit, escaping.

The chronicle here holds invented articles (fictional ministers of real states, sentences
written for these tests) built as ``Document`` objects and stored through the real
``Chronicle.ingest``; one of them carries stray HTML, as scraped articles do.
"""
from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from kronik.document import (Document, Entity, Event, EventDate, Party, Quote, Span,
                             TimeExpression)
from kronik.store import Chronicle
from kronik.web.app import create_app
from kronik.web.highlight import Mark, highlight

TOKEN = "s3cret-test-token"
# The server answers to loopback names only (Host header check).
BASE_URL = "http://localhost"
STATES = {  # code: (Indonesian name, fictional foreign minister)
    "NOR": ("Norwegia", "Halvard Ostvik"),
    "CHL": ("Chili", "Paz Arancibia"),
    "KEN": ("Kenya", "Odera Makori"),
    "VNM": ("Vietnam", "Lam Quoc Vinh"),
    "PER": ("Peru", "Ines Quispaya"),
    "FIN": ("Finlandia", "Aarni Kettunen"),
}
# type, mode, status, invented sentence ({a}/{b}: ministers, {na}/{nb}: states, {when}: date)
PATTERNS = [
    ("CONSULT", "phone", "occurred", "Menlu {a} berbicara lewat telepon dengan Menlu {b} pada {when}."),
    ("CONSULT", "visit", "planned", "Menlu {a} dijadwalkan berkunjung ke {nb} pada {when}."),
    ("AGREE", None, "occurred", "{na} dan {nb} meneken nota kesepahaman perikanan pada {when}."),
    ("ACCUSE", None, "occurred", "Pemerintah {na} mengecam langkah {nb} pada {when}."),
    ("SANCTION", None, "occurred", "{na} menjatuhkan sanksi kepada pejabat {nb} pada {when}."),
    ("AID", None, "occurred", "{na} mengirim bantuan pangan ke {nb} pada {when}."),
]
QUOTE = "“Kami ingin hubungan kedua negara tetap stabil dan saling menguntungkan,” kata {a}."
HOSTILE = ("Warta aneh <script>alert(1)</script> dan <img src=x onerror=alert(2)> "
           "serta &lt;b&gt; tertinggal dari halaman asal.")


def invented_document(index: int, a: str, b: str, pattern: tuple, day: date,
                      extra: str = "") -> Document:
    """One short invented article stating one event between states ``a`` and ``b``."""
    etype, mode, status, sentence = pattern
    (na, pa), (nb, pb) = STATES[a], STATES[b]
    when = f"{day.day}/{day.month}/{day.year}"
    title = f"Kabar rekaan nomor {index}: {na} dan {nb}"
    evidence = sentence.format(a=pa, b=pb, na=na, nb=nb, when=when)
    quote = QUOTE.format(a=pa)
    text = f"{title}\n{evidence}\n{quote}" + (f"\n{extra}" if extra else "")
    start = len(title) + 1
    doc = Document(raw_text=text, source=f"invented-{index:04d}.txt", text=text, title=title,
                   outlet="Kabar Rekaan", published=day + timedelta(days=1))
    for name, code, kind in ((pa, a, "person"), (pb, b, "person"), (na, a, "state"), (nb, b, "state")):
        at = text.find(name, start)
        if at != -1:
            doc.entities.append(Entity(at, at + len(name), name, kind=kind, name=name, country=code))
    at = text.find(when)
    doc.time_expressions.append(TimeExpression(at, at + len(when), when, first=day, last=day,
                                               precision="day"))
    actor = Party(pa, a, "person", "Menteri Luar Negeri")
    recipient = Party(pb, b, "person", "Menteri Luar Negeri")
    doc.events.append(Event(
        id=f"inv{index:04d}-1", type=etype, mode=mode, actor=actor, recipient=recipient,
        participants=[actor, recipient], date=EventDate(day, day, when, "tanggal tertulis"),
        status=status, location=None, evidence=Span(start, start + len(evidence), evidence)))
    at = text.find(quote)
    doc.quotes.append(Quote(at, at + len(quote), quote, speaker=actor))
    return doc


def invented_documents(count: int, seed: int = 7, first: date = date(2024, 1, 1),
                       days: int = 540) -> list[Document]:
    """``count`` invented articles, one event each, between random pairs of STATES."""
    rng = random.Random(seed)
    codes = sorted(STATES)
    docs = []
    for index in range(count):
        a, b = rng.sample(codes, 2)
        docs.append(invented_document(index, a, b, rng.choice(PATTERNS),
                                      first + timedelta(days=rng.randrange(days))))
    return docs


def hostile_document() -> Document:
    """An invented article whose cleaned text still carries markup and an HTML entity."""
    return invented_document(900, "NOR", "KEN", PATTERNS[0], date(2025, 3, 4), extra=HOSTILE)


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory) -> Chronicle:
    store = Chronicle.open(tmp_path_factory.mktemp("web") / "web.duckdb")
    report = store.ingest([*invented_documents(60), hostile_document()])
    assert report.added == 61 and not report.failed
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(chronicle) -> TestClient:
    """A read-only server (started without a token)."""
    return TestClient(create_app(chronicle), base_url=BASE_URL)


@pytest.fixture()
def writer(tmp_path) -> TestClient:
    """A server with ingest enabled, on its own empty chronicle."""
    store = Chronicle.open(tmp_path / "ingest.duckdb")
    yield TestClient(create_app(store, token=TOKEN, max_upload_bytes=1024 * 1024),
                     base_url=BASE_URL)
    store.close()


def first_event_id(client: TestClient, **params) -> str:
    return client.get("/timeline.json", params=params).json()["events"][0]["id"]


def article_id(client: TestClient, words: str) -> str:
    return client.get("/search.json", params={"q": words}).json()["hits"][0]["document_id"]


# -- JSON twins -----------------------------------------------------------------------------

def page_paths(client: TestClient) -> list[str]:
    return ["/timeline?country=NOR&status=planned", "/dyad?a=NOR&b=CHL",
            "/network?start=2024-01-01&end=2024-12-31", f"/event/{first_event_id(client)}",
            f"/article/{article_id(client, 'Warta aneh')}", "/search?q=nota+kesepahaman",
            "/ingest"]


def test_every_page_has_a_json_twin_equal_to_accept_json(client):
    for path in page_paths(client):
        route, _, query = path.partition("?")
        twin = client.get(f"{route}.json" + (f"?{query}" if query else ""))
        assert twin.status_code == 200, path
        assert twin.headers["content-type"].startswith("application/json"), path
        negotiated = client.get(path, headers={"Accept": "application/json"})
        assert negotiated.json() == twin.json(), path
        html = client.get(path, headers={"Accept": "text/html"})
        assert html.headers["content-type"].startswith("text/html"), path
        assert f'href="{route}.json' in html.text, path


def test_json_twins_are_documented_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/timeline", "/dyad", "/network", "/event/{event_id}", "/article/{doc_id}",
                  "/search", "/ingest"):
        assert route in paths and f"{route}.json" in paths, route
    assert "application/json" in paths["/timeline"]["get"]["responses"]["200"]["content"]


def test_timeline_filters_select_matching_events(client):
    everything = client.get("/timeline.json").json()
    assert everything["paging"]["total"] == 61
    planned = client.get("/timeline.json", params={"status": "planned", "per_page": 200}).json()
    assert planned["paging"]["total"] == len(planned["events"]) > 0
    assert {e["status"] for e in planned["events"]} == {"planned"}
    assert {e["type"] for e in planned["events"]} == {"CONSULT"}
    norway = client.get("/timeline.json", params={"country": "nor", "per_page": 200}).json()
    assert all("NOR" in (e["actor"]["country"], e["recipient"]["country"]) for e in norway["events"])
    assert 0 < norway["paging"]["total"] < 61
    person = client.get("/timeline.json", params={"person": "ostvik", "per_page": 200}).json()
    assert person["paging"]["total"] == norway["paging"]["total"]
    window = client.get("/timeline.json", params={"start": "2024-03-01", "end": "2024-03-31",
                                                  "per_page": 200}).json()
    assert all("2024-03-01" <= e["date"]["start"] <= "2024-03-31" for e in window["events"])


def test_timeline_chart_counts_every_dated_event_and_the_table_pages(client):
    data = client.get("/timeline.json", params={"bucket": "month", "per_page": 25}).json()
    assert sum(b["count"] for b in data["buckets"]) == data["paging"]["total"] == 61
    assert {b["quad"] for b in data["buckets"]} >= {"verbal_cooperation", "verbal_conflict"}
    assert all(b["period"].endswith("-01") for b in data["buckets"])
    keys = [(b["period"], b["quad"], b["status"]) for b in data["buckets"]]
    assert keys == sorted(keys) and len(set(b["period"] for b in data["buckets"])) < len(keys)
    second = client.get("/timeline.json", params={"per_page": 25, "page": 2}).json()
    assert len(data["events"]) == len(second["events"]) == 25
    assert not {e["id"] for e in data["events"]} & {e["id"] for e in second["events"]}
    assert data["paging"]["pages"] == 3
    pager = client.get("/timeline", params={"country": "NOR", "per_page": 5, "page": 2}).text
    assert 'href="?country=NOR&amp;per_page=5&amp;page=1"' in pager
    assert 'href="?country=NOR&amp;per_page=5&amp;page=3"' in pager


def test_planned_events_are_marked_in_the_timeline_table(client):
    html = client.get("/timeline", params={"status": "planned"}).text
    assert html.count('<tr class="planned">') > 0 and '<tr class="occurred">' not in html
    assert 'class="badge planned"' in html


def test_dyad_counts_cooperation_and_conflict(client):
    data = client.get("/dyad.json", params={"a": "NOR", "b": "CHL"}).json()
    assert data["total"] == len(data["events"]) > 0
    assert data["cooperation"] + data["conflict"] == data["total"]
    assert all({"NOR", "CHL"} <= {e["actor"]["country"], e["recipient"]["country"]}
               for e in data["events"])
    assert "NOR" in data["countries"] and "CHL" in data["countries"]


def test_network_focus_keeps_only_that_states_ties(client):
    whole = client.get("/network.json").json()
    assert len(whole["nodes"]) == len(STATES)
    focused = client.get("/network.json", params={"country": "KEN"}).json()
    assert focused["edges"] and all("KEN" in (e["source"], e["target"]) for e in focused["edges"])
    weights = {(e["source"], e["target"]): e["events"] for e in whole["edges"]}
    assert all(weights[(e["source"], e["target"])] == e["events"] for e in focused["edges"])
    html = client.get("/network").text
    assert 'href="/network?country=KEN' in html


def test_event_page_shows_the_evidence_marked_in_its_article(client):
    event_id = first_event_id(client, type="AGREE")
    data = client.get(f"/event/{event_id}.json").json()
    mention = data["mentions"][0]
    evidence = mention["evidence"]["text"]
    assert "meneken nota kesepahaman" in evidence
    assert mention["context"][mention["context_start"]:mention["context_end"]] == evidence
    html = client.get(f"/event/{event_id}").text
    assert f'<mark class="evidence">{evidence}</mark>' in html
    assert "tanggal tertulis" in html  # how the date was resolved


def test_article_page_highlights_entities_times_quotes_and_evidence(client):
    doc_id = article_id(client, "Warta aneh")
    html = client.get(f"/article/{doc_id}").text
    assert 'class="entity person" title="person · Halvard Ostvik · NOR">Halvard Ostvik<' in html
    assert '<mark class="evidence"' in html and 'class="time"' in html
    assert '<span class="quote"' in html


def test_unknown_event_and_article_are_404(client):
    assert client.get("/event/nothing-here.json").status_code == 404
    assert client.get("/article/nothing-here").status_code == 404
    page = client.get("/event/nothing-here", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "no event" in page.text


def test_invalid_filters_are_422_not_errors(client):
    assert client.get("/timeline.json", params={"start": "2024-13-45"}).status_code == 422
    assert client.get("/timeline.json", params={"per_page": 100000}).status_code == 422


# -- escaping -------------------------------------------------------------------------------

def test_stray_html_in_an_article_is_inert_on_the_article_page(client):
    html = client.get(f"/article/{article_id(client, 'Warta aneh')}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&amp;lt;b&amp;gt;" in html  # an entity in the text is shown, not decoded
    assert "<script>alert" not in html and "<img src=x" not in html


def test_stray_html_in_an_article_is_inert_on_the_search_page(client):
    html = client.get("/search", params={"q": "alert"}).text
    assert '<mark class="match">alert</mark>(1)&lt;/script&gt;' in html
    assert "<script>alert" not in html and "<img src=x" not in html
    query = client.get("/search", params={"q": "<script>x</script>"}).text
    assert "<script>x</script>" not in query and "&lt;script&gt;x&lt;/script&gt;" in query


def test_highlight_escapes_every_piece_of_overlapping_spans():
    text = "a <b>Tom</b> & c"
    marked = highlight(text, [Mark(2, 12, "evidence", tag="mark"), Mark(5, 8, "entity")])
    assert str(marked) == ('a <mark class="evidence">&lt;b&gt;</mark><mark class="evidence">'
                           '<span class="entity">Tom</span></mark><mark class="evidence">'
                           '&lt;/b&gt;</mark> &amp; c')
    assert str(highlight(text, [Mark(3, 99, "bad")])) == "a &lt;b&gt;Tom&lt;/b&gt; &amp; c"


# -- headers and assets ---------------------------------------------------------------------

def test_pages_carry_security_headers_and_load_nothing_from_the_internet(client):
    response = client.get("/timeline")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r'(src|href)="(https?:)?//', response.text)
    plotly = client.get("/assets/plotly.min.js")
    assert plotly.status_code == 200 and b"plotly" in plotly.content[:2000].lower()


def test_swagger_ui_is_served_from_the_installed_package(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and 'id="swagger-ui"' in docs.text
    assert not re.search(r'(src|href)="(https?:)?//', docs.text)
    assert "<script>" not in docs.text  # no inline script: the CSP stays strict
    for asset in re.findall(r'(?:src|href)="(/[^"]+)"', docs.text):
        assert client.get(asset).status_code == 200, asset
    assert b"SwaggerUIBundle" in client.get("/assets/swagger-ui/swagger-ui-bundle.js").content


# -- ingest ---------------------------------------------------------------------------------

def test_ingest_is_refused_by_a_read_only_server(client):
    response = client.post("/ingest", data={"text": "Teks apa saja.", "token": TOKEN})
    assert response.status_code == 403 and "read-only" in response.json()["detail"]
    assert client.get("/ingest.json").json()["enabled"] is False


def test_ingest_is_refused_without_the_token_or_with_a_wrong_one(writer):
    assert writer.post("/ingest", data={"text": "Teks apa saja."}).status_code == 403
    wrong = writer.post("/ingest", data={"text": "Teks apa saja."},
                        headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 403
    assert writer.post("/ingest", data={"text": "Teks.", "token": "nope"}).status_code == 403
    assert writer.get("/timeline.json").json()["paging"]["total"] == 0


def test_oversized_upload_is_refused(writer):
    big = b"kata " * (300 * 1024)  # 1.5 MB, over this server's 1 MB limit
    response = writer.post("/ingest", files={"files": ("besar.txt", big)},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    streamed = writer.post("/ingest", content=iter([big[:600_000], big[600_000:]]),
                           headers={"Authorization": f"Bearer {TOKEN}",
                                    "Content-Type": "multipart/form-data; boundary=x"})
    assert streamed.status_code == 413


def test_ingest_with_the_token_adds_uploaded_and_pasted_articles(writer):
    article = invented_document(1, "PER", "FIN", PATTERNS[2], date(2025, 5, 6)).text
    response = writer.post(
        "/ingest", headers={"Authorization": f"Bearer {TOKEN}"},
        files={"files": ("rekaan.txt", article.encode("utf-8"))},
        data={"text": "Warta tempel tentang Peru.\nIsi warta tempel yang singkat sekali.",
              "published": "2025-05-07"})
    assert response.status_code == 200, response.text
    assert response.json()["documents"] == 2
    hits = writer.get("/search.json", params={"q": "meneken nota"}).json()["hits"]
    assert [h["source"] for h in hits] == ["rekaan.txt"]
    again = writer.post("/ingest", headers={"Authorization": f"Bearer {TOKEN}"},
                        files={"files": ("rekaan.txt", article.encode("utf-8"))})
    assert again.json()["unchanged"] == 1 and again.json()["documents"] == 0


def test_the_browser_signs_in_with_the_token_then_ingests_and_answers_html(writer):
    article = invented_document(2, "VNM", "KEN", PATTERNS[5], date(2025, 7, 8)).text
    assert 'action="/ingest/session"' in writer.get("/ingest").text
    assert writer.post("/ingest/session", data={"token": "nope"}).status_code == 403
    signed = writer.post("/ingest/session", data={"token": TOKEN}, follow_redirects=False)
    assert signed.status_code == 303 and "samesite=strict" in signed.headers["set-cookie"].lower()
    assert TOKEN not in signed.headers["set-cookie"]
    assert 'enctype="multipart/form-data"' in writer.get("/ingest").text
    response = writer.post("/ingest", headers={"Accept": "text/html"}, data={"text": article})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<strong>1</strong> article added" in response.text
    assert writer.get("/search.json", params={"q": "bantuan pangan"}).json()["hits"]


def test_the_api_page_lists_every_operation_of_the_schema(client):
    schema = client.get("/openapi.json").json()
    assert client.get("/api.json").json() == schema
    html = client.get("/api").text
    for path, methods in schema["paths"].items():
        assert f"<code>{path}</code>" in html, path
    assert "Add articles" in html and "<code>country</code>" in html
