"""Benchmark: the web timeline's first view on a chronicle of one million events.

The store is generated in bulk with DuckDB SQL by the store's own benchmark generator
(``benchmarks/timeline_query.py``), then the timeline page is requested in process, as a
browser would request it: the server renders the chart's counts (aggregated in SQL by month,
quad class and status) and the first page of the table (``LIMIT``). Printed: the first
(cold) request and the median of warm ones, for the HTML page and its JSON twin, unfiltered
and filtered. Target for the first view: under one second.

    .venv/bin/python benchmarks/web_timeline.py [--events N] [--db FILE]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from kronik.store import Chronicle
from kronik.web.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeline_query import build  # noqa: E402 - the store benchmark's store builder

REPEAT = 15
PAGES = {
    "timeline, first view (HTML)": "/timeline",
    "timeline, first view (JSON twin)": "/timeline.json",
    "timeline, country + year (HTML)": "/timeline?country=IDN&start=2024-01-01&end=2024-12-31",
    "timeline, type + status, page 20 (HTML)": "/timeline?type=CONSULT&status=occurred&page=20",
    "dyad USA-CHN (HTML)": "/dyad?a=USA&b=CHN",
    "network, one year (HTML)": "/network?start=2024-01-01&end=2024-12-31",
}


def request_ms(client: TestClient, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path, headers={"Accept": "text/html"})
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep the store here")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "web-bench.duckdb"
    if not path.exists():
        build(path, args.events)
    with Chronicle.open(path, read_only=True) as store:
        stats = store.stats()
        print(f"{stats['events']:,} event mentions, {stats['canonical_events']:,} canonical events")
        client = TestClient(create_app(store))
        for name, page in PAGES.items():
            cold = request_ms(client, page)
            warm = statistics.median(request_ms(client, page) for _ in range(REPEAT))
            print(f"{name:42} first {cold:7.1f} ms   median {warm:7.1f} ms")
    folder.cleanup()


if __name__ == "__main__":
    main()
