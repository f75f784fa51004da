"""Extraction on every core of one machine: process workers, output in input order.

Articles are read in this process and sent to a pool of worker processes in chunks; results
come back and are yielded in the order the articles were read, so the output is the same as
``kronik.batch.extract_paths`` gives, only sooner. At most ``IN_FLIGHT_PER_JOB`` chunks per
worker are outstanding at any time, so memory stays bounded whatever the input size.

This process does as little as it can, since it shares the cores with the workers: it reads,
and a ``finish`` function given by the caller (``kronik.scale.records.record_of`` for
``kronik extract``) turns each document into what the caller needs while still in the worker,
so that whole documents need not be pickled back. The first article is extracted here, which
loads the pipeline's data once; the workers are forked after it and start with that data
loaded. Batches of up to ``SERIAL_ARTICLES`` articles never start the pool.
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from pathlib import Path
from typing import Any

from kronik.batch import extract_article
from kronik.document import Document
from kronik.errors import InputError
from kronik.reader import Article, Skipped, read_articles
from kronik.scale import ScaleError

# Articles per task sent to a worker: large enough that pickling and scheduling cost little
# beside extraction (about 10 ms an article), small enough that the workers share the tail
# (the last chunk of one worker is the most the other may wait for).
CHUNK_ARTICLES = 16
# Chunks outstanding per worker: two keep every worker busy while this process reads ahead.
IN_FLIGHT_PER_JOB = 2
# Forking the workers and feeding them costs about as much as extracting a few dozen articles:
# batches of up to this many articles are done in this process.
SERIAL_ARTICLES = 64
# How often a worker checks that the process that started it is still there. A parent killed
# outright (SIGKILL, an out-of-memory kill) cannot tell its workers, and they would wait for work
# forever; a second is long beside the check's cost and short beside a user's patience.
PARENT_CHECK_SECONDS = 1.0

Finish = Callable[[Document], Any]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_paths_parallel(paths: Iterable[str | Path], jobs: int | None = None,
                           finish: Finish | None = None) -> Iterator[Any]:
    """Every article under the given paths, extracted by ``jobs`` worker processes, in input
    order: ``finish(document)`` for each one read (the document itself without ``finish``),
    or its ``InputError`` or ``Skipped``."""
    jobs = jobs or default_jobs()
    items = read_articles(paths)
    ahead = list(islice(items, SERIAL_ARTICLES + 1))
    if jobs <= 1 or len(ahead) <= SERIAL_ARTICLES:
        yield from (_serial(item, finish) for item in chain(ahead, items))
        return
    items = chain(ahead, items)
    for item in items:
        yield _serial(item, finish)
        if isinstance(item, Article):
            break
    with ProcessPoolExecutor(max_workers=jobs, initializer=_exit_with_parent) as pool:
        pending: deque[Future] = deque()
        try:
            for chunk in _chunks(items):
                pending.append(pool.submit(_extract_chunk, chunk, finish))
                if len(pending) > jobs * IN_FLIGHT_PER_JOB:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise ScaleError(f"a worker process died ({exc}); run again with --jobs 1 to find "
                             "the article that kills it") from None


def _exit_with_parent() -> None:
    """In a worker: end this process once the process that started it is gone (killed without
    the chance to stop its workers), instead of waiting for work that will never come."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="kronik-parent-watch", daemon=True).start()


def _serial(item: Article | InputError | Skipped, finish: Finish | None) -> Any:
    if isinstance(item, (InputError, Skipped)):
        return item
    done = extract_article(item)
    return done if finish is None or isinstance(done, InputError) else finish(done)


def _chunks(items: Iterator[Article | InputError | Skipped]) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK_ARTICLES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_chunk(chunk: list, finish: Finish | None) -> list:
    """In a worker: each article of a chunk extracted (and finished); read errors passed
    through."""
    return [_serial(item, finish) for item in chunk]
