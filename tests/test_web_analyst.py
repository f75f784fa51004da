"""The web pages as an analyst reads them, and under concurrent use (issue 10, sections 3, 5).

Invented articles only: ``test_web_api``'s fictional ministers, one story reported by many
copies (a busy event), and one untitled article known only by its web address.
"""
from __future__ import annotations

import copy
import json
import re
import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from kronik.store import Chronicle
from kronik.web.app import create_app
from test_web_api import BASE_URL, PATTERNS, TOKEN, invented_document, invented_documents

# The busy story's copies: more than one page of mentions (20 a page).
COPIES = 27
WEB_ADDRESS = "https://www.kabar-rekaan.example/2025/03/warta"
PUBLISHED_AT = datetime(2025, 3, 5, 14, 35, tzinfo=timezone(timedelta(hours=7)))


def busy_story() -> list:
    """One invented article and COPIES-1 copies under other names, each marked at its end."""
    first = invented_document(700, "KEN", "VNM", PATTERNS[2], date(2025, 4, 9))
    docs = [first]
    for index in range(1, COPIES):
        twin = copy.deepcopy(first)
        twin.source = f"salinan-{index:02d}.txt"
        twin.text += f"\n(Salinan nomor {index}.)"
        twin.raw_text = twin.text
        docs.append(twin)
    return docs


def untitled_article():
    doc = invented_document(800, "PER", "FIN", PATTERNS[5], date(2025, 3, 4))
    doc.title, doc.outlet, doc.url, doc.published = None, None, WEB_ADDRESS, PUBLISHED_AT
    doc.source = "/srv/berkas/unggahan/0800.txt"
    return doc


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory):
    store = Chronicle.open(tmp_path_factory.mktemp("analyst") / "web.duckdb")
    report = store.ingest([*invented_documents(40), *busy_story(), untitled_article()])
    assert not report.failed
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(chronicle) -> TestClient:
    return TestClient(create_app(chronicle), base_url=BASE_URL)


def busy_event(client) -> str:
    events = client.get("/timeline.json", params={"type": "AGREE", "per_page": 200}).json()
    return max(events["events"], key=lambda e: e["sources"])["id"]


# -- paging and concurrency ------------------------------------------------------------------

def test_an_event_reported_many_times_is_paged(client):
    event_id = busy_event(client)
    first = client.get(f"/event/{event_id}.json").json()
    assert first["paging"] == {"page": 1, "per_page": 20, "total": COPIES, "pages": 2}
    assert len(first["mentions"]) == 20
    second = client.get(f"/event/{event_id}.json", params={"page": 2}).json()
    assert len(second["mentions"]) == COPIES - 20
    seen = {m["document_id"] for m in first["mentions"] + second["mentions"]}
    assert len(seen) == COPIES
    html = client.get(f"/event/{event_id}").text
    assert 'rel="next" href="?page=2"' in html and "of 27" in html
    assert client.get(f"/event/{event_id}.json", params={"per_page": 1000}).status_code == 422


def test_a_read_in_progress_does_not_hold_up_other_requests(client):
    view = client.app.state.view
    answers = []
    with view.reading():  # a slow page, still reading
        other = threading.Thread(target=lambda: answers.append(client.get("/timeline.json")))
        other.start()
        other.join(timeout=60)
        finished = not other.is_alive()
    other.join()
    assert finished and answers[0].status_code == 200


def test_readers_see_committed_writes_while_a_writer_holds_the_chronicle(tmp_path):
    store = Chronicle.open(tmp_path / "live.duckdb")
    app = TestClient(create_app(store, token=TOKEN), base_url=BASE_URL)
    try:
        with app.app.state.view.writing() as writer:  # the writer keeps it until the end
            writer.ingest([invented_document(1, "NOR", "CHL", PATTERNS[0], date(2025, 6, 1))])
            answers = []
            reader = threading.Thread(target=lambda: answers.append(
                app.get("/timeline.json").json()["paging"]["total"]))
            reader.start()
            reader.join(timeout=60)
            assert answers == [1]
    finally:
        store.close()


# -- names, suggestions ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["NOR", "nor", "Norwegia", "norwegia", "Norway"])
def test_a_state_may_be_given_by_code_or_by_name(client, name):
    data = client.get("/timeline.json", params={"country": name, "per_page": 200}).json()
    assert data["filters"]["country"] == "NOR" and data["paging"]["total"] > 0
    network = client.get("/network.json", params={"country": name}).json()
    assert network["focus"] == "NOR"


def test_the_timelines_country_box_accepts_a_name(client):
    page = client.get("/timeline", params={"country": "Norwegia"})
    assert page.status_code == 200 and 'value="NOR"' in page.text
    assert 'maxlength="3"' not in page.text  # the box takes names too


def test_an_unknown_state_is_a_clear_error_with_suggestions(client):
    data = client.get("/timeline.json", params={"country": "Norwegai"})
    assert data.status_code == 400
    assert "Norwegai" in data.json()["detail"]
    assert {"label": "Norwegia (NOR)", "value": "NOR"} in data.json()["suggestions"]
    page = client.get("/timeline", params={"country": "Norwegai", "status": "planned"},
                      headers={"Accept": "text/html"})
    assert page.status_code == 400 and 'href="/timeline?country=NOR&amp;status=planned"' in page.text
    assert client.get("/dyad.json", params={"a": "Norwegai", "b": "CHL"}).status_code == 400


def test_event_types_are_read_in_any_case_and_typos_get_suggestions(client):
    data = client.get("/timeline.json", params={"type": "agree"}).json()
    assert data["filters"]["type"] == "AGREE" and data["paging"]["total"] > 0
    wrong = client.get("/timeline.json", params={"type": "AGRE"})
    assert wrong.status_code == 400 and "AGREE" in wrong.json()["detail"]


def test_a_dyad_with_no_events_suggests_pairs_that_have_some(client):
    data = client.get("/dyad.json", params={"a": "Norwegia", "b": "Indonesia"}).json()
    assert (data["a"], data["b"], data["total"]) == ("NOR", "IDN", 0)
    assert data["suggestions"] and all("NOR" in (s["a"], s["b"]) for s in data["suggestions"])
    assert data["suggestions"] == sorted(data["suggestions"], key=lambda s: -s["events"])
    html = client.get("/dyad", params={"a": "NOR", "b": "IDN"}).text
    pair = data["suggestions"][0]
    assert f'href="/dyad?a={pair["a"]}&amp;b={pair["b"]}"' in html


def test_the_dyad_chart_labels_its_axis_in_words(client):
    html = client.get("/dyad", params={"a": "NOR", "b": "CHL"}).text
    chart = json.loads(re.search(r'<script type="application/json" id="chart-data">(.*?)</script>',
                                 html, re.S)[1])
    labels = chart["yaxis"]["ticktext"]
    assert labels and not any(re.match(r"[−-]", label) for label in labels)
    assert any("conflictual" in label for label in labels) or any(
        "cooperative" in label for label in labels)
    conflict = next(s for s in chart["series"] if s["label"] == "Conflict")
    assert all(n >= 0 for n in conflict["hover"])


# -- what a hit, a mention and an article show -----------------------------------------------

def test_quote_hits_name_who_said_it(client):
    hits = client.get("/search.json", params={"q": "kata Halvard Ostvik"}).json()["hits"]
    assert {h["speaker"] for h in hits if h["kind"] == "quote"} == {"Halvard Ostvik"}
    html = client.get("/search", params={"q": "kata Halvard Ostvik"}).text
    assert '<span class="speaker">said by Halvard Ostvik</span>' in html


def test_article_snippets_carry_one_ellipsis_at_each_cut(client):
    html = client.get("/search", params={"q": "bantuan pangan"}).text
    assert "……" not in html and "… …" not in html


def test_an_untitled_article_is_named_by_its_first_line_not_its_file(client):
    hits = client.get("/search.json", params={"q": "bantuan pangan"}).json()["hits"]
    untitled = next(h for h in hits if h["source"].endswith("0800.txt"))
    assert untitled["title"] is None and untitled["heading"].startswith("Kabar rekaan nomor 800")
    html = client.get("/search", params={"q": "bantuan pangan"}).text
    assert ">/srv/berkas" not in html
    article = client.get(f"/article/{untitled['document_id']}").text
    assert "<h1>Kabar rekaan nomor 800" in article


def test_the_outlet_falls_back_to_the_host_of_the_articles_address(client):
    hits = client.get("/search.json", params={"q": "bantuan pangan"}).json()["hits"]
    untitled = next(h for h in hits if h["source"].endswith("0800.txt"))
    assert untitled["outlet"] == "kabar-rekaan.example"
    article = client.get(f"/article/{untitled['document_id']}.json").json()
    assert article["outlet"] == "kabar-rekaan.example"


def test_dates_are_shown_as_days_on_every_page(client):
    hits = client.get("/search.json", params={"q": "bantuan pangan"}).json()["hits"]
    untitled = next(h for h in hits if h["source"].endswith("0800.txt"))
    assert "T14:35" in untitled["published"]  # the JSON keeps the stored timestamp
    for path in (f"/article/{untitled['document_id']}", "/search?q=bantuan+pangan"):
        html = client.get(path).text
        shown = re.sub(r'datetime="[^"]*"', "", html)
        assert "2025-03-05" in shown and "T14:35" not in shown, path


def test_a_long_dyad_says_its_table_holds_only_the_latest_events(client, monkeypatch):
    import kronik.web.pages

    busiest = client.get("/network.json").json()["edges"][0]
    pair = {"a": busiest["source"], "b": busiest["target"]}
    monkeypatch.setattr(kronik.web.pages, "DYAD_ROWS", 2)
    data = client.get("/dyad.json", params=pair).json()
    assert len(data["events"]) == 2 < data["total"]
    html = client.get("/dyad", params=pair).text
    assert f"The latest 2 of {data['total']} events, newest first" in html
