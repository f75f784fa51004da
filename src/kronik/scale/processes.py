"""Extraction on every core of one machine: process workers, output in input order.

Articles are read in this process and sent to a pool of worker processes in chunks; results
come back and are yielded in the order the articles were read, so the output is the same as
``kronik.batch.extract_paths`` gives, only sooner. At most ``IN_FLIGHT_PER_JOB`` chunks per
worker are outstanding at any time, so memory stays bounded whatever the input size. Small
batches never pay for starting the pool: the first ``SERIAL_ARTICLES`` articles are extracted
in this process, and the pool starts only when there are more.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from kronik.batch import extract_article
from kronik.document import Document
from kronik.errors import InputError
from kronik.reader import Article, Skipped, read_articles
from kronik.scale import ScaleError

# Articles per task sent to a worker: large enough that pickling and scheduling cost little
# beside extraction (about 10 ms an article), small enough that the workers share the tail.
CHUNK_ARTICLES = 32
# Chunks outstanding per worker: two keep every worker busy while this process reads ahead.
IN_FLIGHT_PER_JOB = 2
# A worker process starts in about a second (imports, knowledge base, grammars): batches of
# up to this many articles are done in this process before that cost is worth paying.
SERIAL_ARTICLES = 64

Item = Document | InputError | Skipped


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_paths_parallel(paths: Iterable[str | Path], jobs: int | None = None) -> Iterator[Item]:
    """Every article under the given paths, extracted by ``jobs`` worker processes, in input
    order."""
    jobs = jobs or default_jobs()
    items = read_articles(paths)
    for _ in range(SERIAL_ARTICLES):
        item = next(items, None)
        if item is None:
            return
        yield _serial(item)
    if jobs <= 1:
        yield from (_serial(item) for item in items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future] = deque()
        try:
            for chunk in _chunks(items):
                pending.append(pool.submit(_extract_chunk, chunk))
                if len(pending) > jobs * IN_FLIGHT_PER_JOB:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise ScaleError(f"a worker process died ({exc}); run again with --jobs 1 to find "
                             "the article that kills it") from None


def _serial(item: Article | InputError | Skipped) -> Item:
    return item if isinstance(item, (InputError, Skipped)) else extract_article(item)


def _chunks(items: Iterator[Article | InputError | Skipped]) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK_ARTICLES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_chunk(chunk: list) -> list[Item]:
    """In a worker: each article of a chunk extracted; read errors passed through."""
    return [_serial(item) for item in chunk]
