"""The web interface in a real browser (Chromium through Playwright), on the real pipeline.

A server is started on a free localhost port over a chronicle of the development articles
(``../shared/corpus/dev`` and ``seeds``, extracted by the default pipeline) plus a few invented
articles (from ``test_web_api``) that give a known event to filter for. Each page is loaded,
its scripts must run without errors under the Content-Security-Policy, and screenshots are
saved under ``test-output/screenshots/`` for people to look at.

Chromium is Debian's (``make browsers`` installs it); without it these tests are skipped.
"""
from __future__ import annotations

import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from kronik.batch import extract_paths
from kronik.document import Document
from kronik.store import Chronicle
from test_web_api import PATTERNS, invented_document, invented_documents

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
# Seconds to wait for the server to accept connections; it starts in well under one.
STARTUP_SECONDS = 30

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is absent: run 'make browsers' "
                                       "(apt-get install chromium) to run the browser tests")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, dev_dir, seeds_dir) -> Path:
    """The development articles through the real pipeline, plus invented ones, in a file."""
    path = tmp_path_factory.mktemp("browser") / "chronicle.duckdb"
    real = [d for d in extract_paths([dev_dir, seeds_dir]) if isinstance(d, Document)]
    assert len(real) >= 10
    with Chronicle.open(path) as store:
        agreement = invented_document(950, "KEN", "FIN", PATTERNS[2], date(2025, 2, 3))
        report = store.ingest([*real, *invented_documents(40), agreement])
        assert not report.failed
    return path


@pytest.fixture(scope="module")
def base_url(corpus_store):
    """A read-only server on a free port, in a thread of this process."""
    import uvicorn

    from kronik.web.app import create_app

    store = Chronicle.open(corpus_store, read_only=True)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        assert time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, base_url):
    """A fresh page that records script errors and refused requests."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(f"script error: {error}"))
    tab.on("console", lambda m: m.type == "error" and tab.problems.append(f"console: {m.text}"))
    tab.on("requestfailed", lambda r: tab.problems.append(f"request failed: {r.url}"))
    yield tab
    context.close()


def shot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def real_event(tab) -> dict:
    """An event that the pipeline read in a development article, and its first source."""
    for row in tab.request.get("/timeline.json?per_page=200").json()["events"]:
        data = tab.request.get(f"/event/{row['id']}.json").json()
        mention = data["mentions"][0]
        if not mention["source"].startswith("invented-") and mention.get("evidence"):
            return data
    pytest.fail("the pipeline read no event with evidence in the development articles")


def test_timeline_draws_its_chart_and_table(page):
    page.goto("/timeline")
    page.wait_for_selector("#chart[data-drawn=true] .main-svg")
    assert page.locator("table.events tbody tr").count() == 50
    assert page.locator("#chart .legendtext", has_text="planned").count() >= 1
    assert page.locator("tr.planned .badge.planned").count() >= 1
    shot(page, "timeline")
    assert page.problems == []


def test_filter_then_open_an_event_and_find_its_evidence_marked(page):
    page.goto("/timeline")
    page.fill("input[name=country]", "KEN")
    page.select_option("select[name=type]", "AGREE")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/timeline?*country=KEN*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    assert all("KEN" in text for text in rows.all_inner_texts())
    assert all("AGREE" in text for text in rows.all_inner_texts())
    shot(page, "timeline-filtered")
    evidence = rows.first.locator("td.evidence a").inner_text()
    rows.first.locator("td.evidence a").click()
    page.wait_for_url("**/event/*")
    marked = page.locator("blockquote.context mark.evidence").first
    assert marked.is_visible() and marked.inner_text() == evidence
    shot(page, "event")
    page.locator("ol.mentions a").first.click()
    page.wait_for_url("**/article/*#at-*")
    target = page.locator("article.text mark.evidence:target")
    assert target.count() == 1 and target.is_visible()
    shot(page, "article")
    assert page.problems == []


def test_an_event_of_a_development_article_shows_its_evidence(page):
    page.goto("/timeline")
    data = real_event(page)
    mention = data["mentions"][0]
    page.goto(f"/event/{data['event']['id']}")
    marked = page.locator("blockquote.context mark.evidence").first
    assert marked.inner_text().strip() == mention["evidence"]["text"].strip()
    shot(page, "event-development-article")
    evidence = mention["evidence"]
    page.goto(f"/article/{mention['document_id']}#at-{evidence['start']}")
    first_piece = page.locator(f"article.text mark.evidence#at-{evidence['start']}")
    assert first_piece.is_visible()
    assert evidence["text"].startswith(first_piece.inner_text())
    assert page.locator("article.text .entity").count() > 0
    shot(page, "article-development")
    assert page.problems == []


def test_dyad_compares_cooperation_and_conflict(page):
    page.goto("/dyad")
    page.select_option("select[name=a]", "NOR")
    page.select_option("select[name=b]", "CHL")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#chart[data-drawn=true] .main-svg")
    assert page.locator("h1").inner_text() == "Dyad: Norwegia (NOR) – Cile (CHL)"
    assert page.locator("table.events tbody tr").count() >= 1
    shot(page, "dyad")
    assert page.problems == []


def test_network_node_click_focuses_on_that_state(page):
    page.goto("/network")
    assert page.locator("svg a.node").count() >= 6
    shot(page, "network")
    page.locator("svg a.node[data-country=KEN] circle").click()
    page.wait_for_url("**/network?country=KEN*")
    assert "ties of KEN" in page.locator("h1").inner_text()
    pairs = page.locator("table.ties tbody tr td:first-child").all_inner_texts()
    assert pairs and all("KEN" in pair for pair in pairs)
    shot(page, "network-focused")
    assert page.problems == []


def test_search_marks_the_words_and_ingest_is_read_only(page):
    page.goto("/search")
    page.fill("input[name=q]", "nota kesepahaman")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("p.passage mark.match").count() >= 1
    shot(page, "search")
    page.goto("/ingest")
    assert "read-only" in page.locator("p.notice").inner_text()
    assert page.locator("form.ingest").count() == 0
    assert page.problems == []
