"""The live chronicle under a running server: latency from a file written to its event in the
API, and behaviour with thousands of files queued at once.

1. ``kronik serve --watch FOLDER`` is started on a fresh chronicle.
2. Latency: ``--files`` invented articles (a phone call between two states, filler sentences)
   are written one at a time; for each, the time until ``/timeline.json`` counts its event.
   The median, minimum and maximum are printed.
3. Flood: ``--flood`` more articles are written at once; ``/status.json`` is polled until the
   writer has stored them all, sampling the server's resident memory. Throughput and peak
   memory are printed.

Invented text only (no corpus sentence). Nothing is asserted.

    python benchmarks/live.py --files 20 --flood 10000
"""
from __future__ import annotations

import argparse
import json
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

STATES = ["Prancis", "Brasil", "Jepang", "Kenya", "Chile", "Norwegia", "Meksiko", "Kanada"]
WORDS = ("pemerintah menteri kerja sama perbatasan pelabuhan nelayan anggaran parlemen utusan "
         "perundingan tarif gandum pupuk listrik jembatan kapal latihan bendungan sungai").split()
POLL_SECONDS = 0.05
# A flood is watched once a second: polling faster would cost the server more than it stores.
FLOOD_POLL_SECONDS = 1.0
# Progress of a flood is printed this often.
PROGRESS_SECONDS = 30
# A server that has not answered or stored everything within this long is reported as stuck.
GIVE_UP_SECONDS = 3600


def article(number: int) -> str:
    """An invented article with one phone call between two states on a day of its own."""
    rng = random.Random(number)
    a, b = rng.sample(STATES, 2)
    day, month, year = 1 + number % 28, 1 + (number // 28) % 12, 2031 + number // 336
    filler = " ".join(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."
                      for _ in range(15))
    return (f"Jakarta, Senin ({day}/{month}/{year}) - Presiden {a} melakukan pembicaraan "
            f"telepon dengan Presiden {b} pada {day}/{month}/{year}.\n\n{filler}\n")


def get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())
    except OSError:
        return None


def wait(predicate, proc: subprocess.Popen, every: float = POLL_SECONDS):
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while time.monotonic() < deadline and proc.poll() is None:
        found = predicate()
        if found:
            return found
        time.sleep(every)
    raise SystemExit("the server stopped or never answered")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def latency(folder: Path, base: str, server: subprocess.Popen, files: int) -> list[float]:
    seconds = []
    for number in range(files):
        before = get(f"{base}/timeline.json")["paging"]["total"]
        start = time.perf_counter()
        (folder / f"latency-{number:03d}.txt").write_text(article(number), encoding="utf-8")
        wait(lambda: get(f"{base}/timeline.json")["paging"]["total"] > before, server)
        seconds.append(time.perf_counter() - start)
    return seconds


def flood(folder: Path, base: str, server: subprocess.Popen, count: int, offset: int) -> None:
    process = psutil.Process(server.pid)
    stored = get(f"{base}/status.json")["documents"]
    (folder / "flood").mkdir()
    start = time.perf_counter()
    for number in range(offset, offset + count):
        (folder / "flood" / f"{number:06d}.txt").write_text(article(number), encoding="utf-8")
    written = time.perf_counter() - start
    peak_rss, peak_queue, shown = 0, 0, time.perf_counter()

    def done() -> bool:
        nonlocal peak_rss, peak_queue, shown
        peak_rss = max(peak_rss, process.memory_info().rss)
        status = get(f"{base}/status.json") or {}
        peak_queue = max(peak_queue, status.get("queued", 0))
        if time.perf_counter() - shown > PROGRESS_SECONDS:
            shown = time.perf_counter()
            print(f"  {shown - start:6.0f} s: {status.get('documents', 0) - stored} stored, "
                  f"{status.get('queued')} queued, server {peak_rss / 2**20:.0f} MB at most",
                  file=sys.stderr, flush=True)
        return status.get("documents", 0) >= stored + count and status.get("queued", 1) == 0

    wait(done, server, FLOOD_POLL_SECONDS)
    total = time.perf_counter() - start
    print(f"flood: {count} files written in {written:.1f} s, all stored {total:.1f} s after the "
          f"first: {count / total:.1f} files/s; peak queue {peak_queue}, "
          f"peak server memory {peak_rss / 2**20:.0f} MB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20, help="articles timed one by one")
    parser.add_argument("--flood", type=int, default=10_000, help="articles written at once")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronik-live-bench-") as tmp:
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "kronik", "serve", "--db",
                                   str(Path(tmp) / "k.duckdb"), "--port", str(port),
                                   "--watch", str(folder)], stderr=subprocess.DEVNULL)
        try:
            wait(lambda: get(f"{base}/status.json"), server)
            seconds = latency(folder, base, server, args.files)
            if seconds:
                print(f"latency file -> API over {len(seconds)} files: median "
                      f"{statistics.median(seconds):.2f} s, min {min(seconds):.2f} s, "
                      f"max {max(seconds):.2f} s")
            if args.flood:
                flood(folder, base, server, args.flood, args.files)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=GIVE_UP_SECONDS)


if __name__ == "__main__":
    main()
