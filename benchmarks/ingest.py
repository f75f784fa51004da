"""Ingest throughput: extraction alone against extraction plus storing, and storing as the
chronicle grows.

1. The corpus (by default ``../shared/corpus/unlabeled/articles.jsonl``) is extracted once,
   timed: extraction articles/s (E).
2. Those documents are stored in a fresh chronicle, timed: storing articles/s (S). Ingest does
   both in turn, so its rate is 1 / (1/E + 1/S); the ratio to E is what issue 11 asks to keep
   at 0.8 or more.
3. A chronicle is grown to ``--size`` articles from copies of the extracted documents under new
   names and dates: each copy changes one word in three (same length, so every offset stays
   right) so that it is a new article and not a near-duplicate, moves its dates and events by
   whole weeks and renews its event ids. Each block of ``--block`` articles is timed; the first
   and the last are the figures asked for.

Wall-clock and CPU seconds are both printed: on a shared machine CPU time is the steadier
measure. Nothing is asserted.

    python benchmarks/ingest.py --size 100000
"""
from __future__ import annotations

import argparse
import copy
import re
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from kronik.batch import extract_paths
from kronik.document import Document
from kronik.store import Chronicle
from kronik.store.fingerprint import text_fingerprint

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "unlabeled" / "articles.jsonl"
WORD = re.compile(r"\w+")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# One word in this many is changed in a copy: a 5-word shingle then survives with probability
# (2/3)**5 = 0.13, far below the near-duplicate threshold, so copies are distinct articles.
CHANGE_EVERY = 3


class Clock:
    """Wall-clock and CPU seconds of a block of work."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def extract(corpus: Path) -> tuple[list[Document], Clock]:
    with Clock() as clock:
        docs = [d for d in extract_paths([corpus]) if isinstance(d, Document)]
    return docs, clock


def variant(doc: Document, number: int) -> Document:
    """Copy ``number`` of a document: new text of the same length, name, dates and event ids."""
    def change(match: re.Match) -> str:
        change.count += 1
        word = match.group(0)
        if (change.count + number) % CHANGE_EVERY:
            return word
        return LETTERS[(number * 7 + change.count) % 26] + word[1:]
    change.count = 0
    shift = timedelta(weeks=number)
    new = copy.copy(doc)
    new.text = WORD.sub(change, doc.text)
    new.fingerprint = text_fingerprint(new.text)
    new.source = f"copy-{number}/{doc.source}"
    new.published = doc.published + shift if doc.published else None
    new.events = []
    for event in doc.events:
        moved = copy.deepcopy(event)
        moved.id = f"{event.id}~{number}"
        if moved.date:
            moved.date.start, moved.date.end = moved.date.start + shift, moved.date.end + shift
        new.events.append(moved)
    return new


def grow(docs: list[Document], size: int, block: int, db: Path) -> list[tuple[int, Clock]]:
    """Store ``size`` articles (the documents, then copies) block by block; time each block."""
    timings = []
    stored = 0
    with Chronicle.open(db) as chronicle:
        while stored < size:
            batch = [variant(docs[(stored + i) % len(docs)], (stored + i) // len(docs))
                     if stored + i >= len(docs) else docs[stored + i]
                     for i in range(min(block, size - stored))]
            with Clock() as clock:
                chronicle.ingest(batch)
            stored += len(batch)
            timings.append((stored, clock))
            print(f"  {stored:>7} stored: last {len(batch)} at {len(batch) / clock.wall:7.1f}/s wall, "
                  f"{len(batch) / clock.cpu:7.1f}/s CPU", file=sys.stderr, flush=True)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--size", type=int, default=100_000, help="articles in the grown store")
    parser.add_argument("--block", type=int, default=3000, help="articles per timed block")
    args = parser.parse_args(argv)

    docs, extracting = extract(args.corpus)
    n = len(docs)
    print(f"extract: {n} articles, {n / extracting.wall:.1f}/s wall, {n / extracting.cpu:.1f}/s CPU")
    with tempfile.TemporaryDirectory(prefix="kronik-ingest-bench-") as folder:
        fresh = copy.deepcopy(docs)  # storing sets event ids and groups: keep the originals
        with Chronicle.open(Path(folder) / "fresh.duckdb") as chronicle, Clock() as storing:
            chronicle.ingest(fresh)
        for label, e, s in (("wall", n / extracting.wall, n / storing.wall),
                            ("CPU", n / extracting.cpu, n / storing.cpu)):
            both = 1 / (1 / e + 1 / s)
            print(f"store ({label}): {s:.1f}/s; ingest = extract + store: {both:.1f}/s, "
                  f"{both / e:.2f} of extraction speed")
        timings = grow(docs, args.size, args.block, Path(folder) / "grown.duckdb")
    (first_n, first), (last_n, last) = timings[0], timings[-1]
    first_size = first_n
    last_size = last_n - (timings[-2][0] if len(timings) > 1 else 0)
    print(f"growing store to {last_n} articles:")
    print(f"  first {first_size}: {first_size / first.wall:.1f}/s wall, {first_size / first.cpu:.1f}/s CPU")
    print(f"  last {last_size}: {last_size / last.wall:.1f}/s wall, {last_size / last.cpu:.1f}/s CPU")


if __name__ == "__main__":
    main()
