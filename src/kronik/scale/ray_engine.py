"""Extraction with Ray Data: files are read and extracted in Ray tasks, in input order.

The driver lists the input files (``kronik.reader.iter_paths``, so a listing error is reported
where the local engine reports it), hands the paths to ``map_batches``, and gets back one row
per item: the extracted ``Document`` pickled, or the error. The driver puts the rows back in
input order as they arrive, so the items, and the linking and output built on them, are the
same as the single-process run's.

A local Ray is started on demand and shut down afterwards: no dashboard, no usage statistics,
worker output kept out of the terminal, bound to 127.0.0.1 so that a machine without a
network starts it too. With ``address`` an existing cluster is used instead; its nodes need
Kronik installed.
"""
from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kronik.batch import extract_article
from kronik.errors import InputError
from kronik.reader import JSONL_SUFFIXES, NO_TEXT_FIELD, Article, Skipped, iter_paths, read_articles
from kronik.scale import Extracted, ScaleError

# Files one Ray task reads and extracts: large enough that task overhead (a few ms) is small
# next to extraction (a few ms an article), small enough to spread a few hundred files evenly.
FILES_PER_TASK = 16
# Tasks per CPU at least, so that a few large files (JSON Lines shards) still spread over all
# workers and a slow task does not leave the others idle at the end.
TASKS_PER_CPU = 4
# The kind of the row of a file that yields no item at all.
EMPTY = "empty"
# Object store of a local Ray: rows stream to the driver, so a little is plenty; the default
# (30% of memory) would reserve gigabytes of shared memory for nothing.
OBJECT_STORE_BYTES = 512 * 1024 * 1024


def extract_paths_ray(paths: Iterable[str | Path], *, workers: int | None = None,
                      address: str | None = None) -> Iterator[Extracted]:
    """Every article under ``paths``, extracted in Ray tasks, in input order."""
    paths = list(paths)
    named = {Path(p) for p in paths if not Path(p).is_dir()}
    listing = list(iter_paths(paths))
    files = [{"index": i, "path": str(p), "named": p in named}
             for i, p in enumerate(listing) if isinstance(p, Path)]
    rows = _extracted_rows(files, workers, address) if files else iter(())
    arrived: dict[int, list[dict[str, Any]]] = {}
    for index, entry in enumerate(listing):
        if isinstance(entry, InputError):
            yield entry
            continue
        while not _complete(arrived.get(index)):
            row = next(rows, None)
            if row is None:
                raise ScaleError(f"{entry}: Ray returned no result for this file")
            arrived.setdefault(int(row["index"]), []).append(row)
        for row in sorted(arrived.pop(index), key=lambda r: r["position"]):
            if row["kind"] != EMPTY:
                yield _item(row)


def _complete(rows: list[dict[str, Any]] | None) -> bool:
    """Whether every row of one file has arrived (each row carries the file's row count)."""
    return bool(rows) and len(rows) == rows[0]["count"]


def _extracted_rows(files: list[dict[str, Any]], workers: int | None,
                    address: str | None) -> Iterator[dict[str, Any]]:
    """The rows of ``extract_batch`` as Ray returns them: a file's rows may come in any order
    relative to other files' (the caller puts them back in input order)."""
    with ray_session(workers, address):
        import ray
        import ray.data

        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        blocks = min(len(files), max(-(-len(files) // FILES_PER_TASK), TASKS_PER_CPU * cpus))
        dataset = ray.data.from_items(files, override_num_blocks=blocks)
        yield from dataset.map_batches(extract_batch, batch_size=FILES_PER_TASK).iter_rows()


def extract_batch(batch: dict[str, Any]) -> dict[str, list[Any]]:
    """A Ray task: read and extract a batch of files; one row per article or problem, and
    one ``EMPTY`` row for a file that holds neither, so that every file is accounted for."""
    columns = ("index", "position", "count", "kind", "source", "reason", "document")
    rows: dict[str, list[Any]] = {column: [] for column in columns}
    for index, path, named in zip(batch["index"], batch["path"], batch["named"]):
        items = [_row(item) for item in _read(Path(path), bool(named))] or [(EMPTY, "", "", b"")]
        for position, row in enumerate(items):
            for column, value in zip(columns, (int(index), position, len(items), *row)):
                rows[column].append(value)
    return rows


def _row(item: Article | InputError | Skipped) -> tuple[str, str, str, bytes]:
    if isinstance(item, Article):
        item = extract_article(item)
    if isinstance(item, InputError):
        return ("error", item.source, item.reason, b"")
    if isinstance(item, Skipped):
        return ("skipped", item.source, item.reason, b"")
    return ("document", item.source or "", "", pickle.dumps(item, protocol=5))


def _read(path: Path, named: bool) -> list[Article | InputError | Skipped]:
    """The items ``kronik.reader.read_articles`` yields for one listed file.

    ``read_articles`` skips a JSON Lines file without a 'text' field only when it was found in
    a folder, not named; called here with the single path it takes every file as named, so
    the rule is applied again for files that came from a folder.
    """
    items = list(read_articles([path]))
    if not named and path.suffix.lower() in JSONL_SUFFIXES and items and all(
            isinstance(i, InputError) and i.reason == NO_TEXT_FIELD for i in items):
        return [Skipped(str(path), "JSON Lines file without a 'text' field: not articles")]
    return items


def _item(row: dict[str, Any]) -> Extracted:
    if row["kind"] == "document":
        return pickle.loads(row["document"])
    if row["kind"] == "skipped":
        return Skipped(row["source"], row["reason"])
    return InputError(row["source"], row["reason"])


@contextmanager
def ray_session(workers: int | None = None, address: str | None = None) -> Iterator[None]:
    """Ray connected for the duration: an existing one, the cluster at ``address``, or a local
    Ray with ``workers`` CPUs started here and shut down on leaving."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    started = not ray.is_initialized()
    if started:
        try:
            ray.init(**_init_options(workers, address))
        except Exception as exc:  # noqa: BLE001 - Ray raises many kinds; the user needs one line
            where = f"the Ray cluster at {address}" if address else "a local Ray"
            raise ScaleError(f"cannot start or reach {where} ({type(exc).__name__}: {exc})") from None
    _quiet_ray_data()
    try:
        yield
    finally:
        if started:
            ray.shutdown()


def _init_options(workers: int | None, address: str | None) -> dict[str, Any]:
    common = {"log_to_driver": False, "logging_level": logging.ERROR,
              "runtime_env": {"env_vars": {"RAY_USAGE_STATS_ENABLED": "0"}}}
    if address:
        return {"address": address, **common}
    if workers is not None and workers < 1:
        raise ScaleError(f"--workers must be at least 1, not {workers}")
    return {"num_cpus": workers, "include_dashboard": False, "_node_ip_address": "127.0.0.1",
            "object_store_memory": OBJECT_STORE_BYTES, **common}


def _quiet_ray_data() -> None:
    """Keep Ray Data's progress bars and per-run notices off the terminal (they stay in its
    log file under the Ray session folder)."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.enable_auto_log_stats = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
