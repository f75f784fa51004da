"""Scaling extraction out: the same pipeline in one process or over a Ray cluster.

Both engines take the paths that ``kronik extract`` and ``kronik ingest`` take and yield the
same items in the same order as ``kronik.batch.extract_paths``: a ``Document``, an
``InputError`` or a ``Skipped`` per input. Cross-document linking stays with the caller, on one
machine, after extraction. Ray is imported only when the Ray engine runs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from functools import partial
from pathlib import Path

from kronik.batch import extract_paths
from kronik.document import Document
from kronik.errors import InputError, KronikError
from kronik.reader import Skipped

Extracted = Document | InputError | Skipped
Extractor = Callable[[Iterable[str | Path]], Iterator[Extracted]]


class ScaleError(KronikError):
    """Ray could not be started or reached, or Parquet could not be written."""


class Engine(str, Enum):
    """Where extraction runs: this process, or Ray tasks (local Ray or a cluster)."""

    local = "local"
    ray = "ray"


def extractor(engine: Engine = Engine.local, workers: int | None = None,
              address: str | None = None, jobs: int | None = 1) -> Extractor:
    """The function that extracts a list of paths with ``engine``.

    ``jobs`` is the number of worker processes of the local engine (None: one per core; 1:
    this process only); ``workers`` is the number of CPUs a local Ray gets (default: all);
    ``address`` names an existing Ray cluster ("auto", "ray://host:10001") instead of
    starting one.
    """
    if engine is Engine.local:
        if jobs == 1:
            return extract_paths
        from kronik.scale.processes import extract_paths_parallel

        return partial(extract_paths_parallel, jobs=jobs)
    from kronik.scale.ray_engine import extract_paths_ray

    return partial(extract_paths_ray, workers=workers, address=address)
