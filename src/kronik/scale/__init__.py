"""Scaling extraction out: the same pipeline in one process or over a Ray cluster.

Both engines take the paths that ``kronik extract`` and ``kronik ingest`` take and yield the
same items in the same order as ``kronik.batch.extract_paths``: a ``Document`` (or what the
caller's ``finish`` makes of it), an ``InputError`` or a ``Skipped`` per input. Cross-document linking stays with the caller, on one
machine, after extraction. Ray is imported only when the Ray engine runs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any

from kronik.batch import extract_paths
from kronik.document import Document
from kronik.errors import InputError, KronikError
from kronik.reader import Skipped

Extracted = Document | InputError | Skipped
Extractor = Callable[[Iterable[str | Path]], Iterator[Any]]


class ScaleError(KronikError):
    """Ray could not be started or reached, or Parquet could not be written."""


class Engine(str, Enum):
    """Where extraction runs: this process, or Ray tasks (local Ray or a cluster)."""

    local = "local"
    ray = "ray"


def extractor(engine: Engine = Engine.local, workers: int | None = None,
              address: str | None = None, jobs: int | None = 1,
              finish: Callable[[Document], Any] | None = None) -> Extractor:
    """The function that extracts a list of paths with ``engine``.

    ``jobs`` is the number of worker processes of the local engine (None: one per core; 1:
    this process only); ``workers`` is the number of CPUs a local Ray gets (default: all);
    ``address`` names an existing Ray cluster ("auto", "ray://host:10001") instead of
    starting one. ``finish``, where given, turns each extracted document into what is yielded
    in its place (a record to write), in the worker process where there is one.
    """
    if engine is Engine.local:
        if jobs == 1:
            return _finished(extract_paths, finish)
        from kronik.scale.processes import extract_paths_parallel

        return partial(extract_paths_parallel, jobs=jobs, finish=finish)
    from kronik.scale.ray_engine import extract_paths_ray

    return _finished(partial(extract_paths_ray, workers=workers, address=address), finish)


def _finished(extract: Extractor, finish: Callable[[Document], Any] | None) -> Extractor:
    """``extract`` with ``finish`` applied to each document it yields."""
    if finish is None:
        return extract

    def finished(paths: Iterable[str | Path]) -> Iterator[Any]:
        for item in extract(paths):
            yield finish(item) if isinstance(item, Document) else item

    return finished
