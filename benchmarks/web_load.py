"""Benchmark: the web server under concurrent load on a 10,000-article chronicle.

The store is built once (or taken with ``--db``): the real articles of ``../shared/corpus``
(the unlabeled set, dev and seeds) are extracted by the default pipeline, then stored again
under new names, each copy's text marked with a line of its own, until the store holds
``--articles`` documents. Copies join the events of their original, so event pages have
several sources, as busy stories do.

A server (``kronik serve``, read-only) is started on 127.0.0.1 only, and each main page is
requested by ``C`` concurrent clients for each concurrency level ``C``: at most ``--requests``
requests and ``--seconds`` seconds per page and level. Printed per page and level: requests
per second, median (p50) and 99th-percentile latency, and any non-200 answers.

    .venv/bin/python benchmarks/web_load.py [--db FILE] [--articles N] [--levels 1,8,32]
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx

from kronik.batch import extract_paths
from kronik.document import Document
from kronik.store import Chronicle

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = (CORPUS / "unlabeled" / "articles.jsonl", CORPUS / "dev", CORPUS / "seeds")
# Seconds to wait for the server to accept connections (it starts in a few).
STARTUP_SECONDS = 60
# A request slower than this is counted as failed, so one stuck request cannot stall the run.
REQUEST_TIMEOUT = 60.0
# Documents per ingest call: progress is printed after each.
BATCH = 500
# Between runs the server finishes what timed-out clients left it (their queries still run):
# the next run starts once a small page answers within SETTLED_SECONDS, or after SETTLE_LIMIT.
SETTLED_SECONDS = 1.0
SETTLE_LIMIT = 180


def copies(docs: list[Document], count: int) -> Iterator[Document]:
    """``count`` documents: the originals, then copies under new names with a marked text."""
    for index in range(count):
        round_, at = divmod(index, len(docs))
        doc = docs[at]
        if round_ == 0:
            yield doc
            continue
        twin = copy.deepcopy(doc)
        twin.source = f"copy-{round_}/{doc.source}"
        mark = f"\n\n(Salinan beban nomor {round_}.)"  # appended: every offset stays valid
        twin.text += mark
        twin.raw_text += mark
        twin.fingerprint = None
        yield twin


def build(path: Path, articles: int) -> None:
    """Extract the real articles once and store ``articles`` documents at ``path``."""
    started = time.perf_counter()
    docs = [d for d in extract_paths(SOURCES) if isinstance(d, Document)]
    print(f"extracted {len(docs):,} articles in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    stream = copies(docs, articles)
    with Chronicle.open(path) as store:
        done = 0
        while done < articles:
            batch = [doc for _, doc in zip(range(BATCH), stream)]
            if not batch:
                break
            report = store.ingest(batch)
            done += len(batch)
            print(f"stored {done:,} ({report.added} added, {len(report.failed)} failed), "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    """``kronik serve`` on 127.0.0.1, read-only; returns once it answers."""
    kronik = Path(sys.executable).with_name("kronik")
    server = subprocess.Popen([str(kronik), "serve", "--db", str(db), "--host", "127.0.0.1",
                               "--port", str(port)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api.json", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start")


def pages(base: str) -> dict[str, str]:
    """The main pages, with ids taken from the store through the API itself."""
    top = httpx.get(f"{base}/timeline.json", params={"per_page": 200}, timeout=60).json()
    busiest = max(top["events"], key=lambda e: e["sources"])
    event = httpx.get(f"{base}/event/{busiest['id']}.json", timeout=60).json()
    article = event["mentions"][0]["document_id"]
    tie = httpx.get(f"{base}/network.json", timeout=60).json()["edges"][0]
    return {
        "timeline": "/timeline",
        "timeline, filtered": f"/timeline?country={tie['source']}&status=occurred&page=2",
        f"event ({busiest['sources']} sources)": f"/event/{busiest['id']}",
        "dyad": f"/dyad?a={tie['source']}&b={tie['target']}",
        "network (actors)": "/network",
        "search": "/search?q=presiden",
        "article": f"/article/{article}",
        "timeline JSON": "/timeline.json",
    }


async def load(base: str, path: str, clients: int, requests: int,
               seconds: float) -> tuple[list[float], Counter, float]:
    """``clients`` concurrent loops requesting ``path``: latencies (s), failures by HTTP
    status or client error, wall time."""
    latencies: list[float] = []
    failures: Counter = Counter()
    sent = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < requests and time.perf_counter() < deadline:
            sent += 1
            start = time.perf_counter()
            try:
                response = await client.get(path, headers={"Accept": "text/html"})
                if response.status_code != 200:
                    failures[f"HTTP {response.status_code}"] += 1
            except httpx.HTTPError as exc:
                failures[type(exc).__name__] += 1
            latencies.append(time.perf_counter() - start)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
        wall = time.perf_counter() - started
    return latencies, failures, wall


def settle(base: str) -> None:
    """Wait until the server is idle again (see SETTLED_SECONDS)."""
    deadline = time.monotonic() + SETTLE_LIMIT
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            httpx.get(f"{base}/timeline.json", params={"per_page": 1}, timeout=SETTLE_LIMIT)
        except httpx.HTTPError:
            pass
        if time.perf_counter() - start < SETTLED_SECONDS:
            return


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep the store here")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--levels", default="1,8,32", help="concurrency levels, comma-separated")
    parser.add_argument("--requests", type=int, default=300, help="at most, per page and level")
    parser.add_argument("--seconds", type=float, default=10.0, help="at most, per page and level")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "web-load.duckdb"
    if not db.exists():
        build(db, args.articles)
    with Chronicle.open(db, read_only=True) as store:
        stats = store.stats()
    print(f"{stats['documents']:,} articles, {stats['events']:,} event mentions, "
          f"{stats['canonical_events']:,} canonical events; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    try:
        print(f"{'page':26} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>8} "
              f"{'p99 ms':>8} {'failed':>6}")
        for name, path in pages(base).items():
            for clients in (int(c) for c in args.levels.split(",")):
                settle(base)
                latencies, failures, wall = asyncio.run(
                    load(base, path, clients, args.requests, args.seconds))
                print(f"{name:26} {clients:7} {len(latencies):8} {len(latencies) / wall:7.1f} "
                      f"{statistics.median(latencies) * 1000:8.1f} "
                      f"{percentile(latencies, 0.99) * 1000:8.1f} {sum(failures.values()):6} "
                      f"{' '.join(f'{k}: {n}' for k, n in failures.items())}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        folder.cleanup()


if __name__ == "__main__":
    main()
