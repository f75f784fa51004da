"""Document records as partitioned Parquet: one row per document, for large batches.

Each row carries the full record as a JSON string (``record``, exactly what ``kronik extract``
writes as a JSON line) and key columns to filter on without parsing it: source, title, outlet,
published, language, fingerprint and the number of events, quotes and entities. Files are
partitioned by publication month (``published_month=2025-11/``, ``unknown`` where the date is
not known), so that a reader can load only the months it needs.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kronik.jsontext import dumps
from kronik.scale import ScaleError

PARTITION = "published_month"
UNKNOWN_MONTH = "unknown"


def record_row(record: dict[str, Any]) -> dict[str, Any]:
    """The Parquet row of one document record."""
    published = record.get("published")
    return {
        "source": record.get("source"),
        "title": record.get("title"),
        "outlet": record.get("outlet"),
        "published": published,
        "language": record.get("language"),
        "fingerprint": record.get("fingerprint"),
        "events": len(record.get("events") or ()),
        "quotes": len(record.get("quotes") or ()),
        "entities": len(record.get("entities") or ()),
        "record": dumps(record),
        PARTITION: published[:7] if published else UNKNOWN_MONTH,
    }


def write_parquet(records: Iterable[dict[str, Any]], folder: Path) -> Path:
    """Write ``records`` under ``folder``, replacing the months they cover."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    table = pa.Table.from_pylist([record_row(r) for r in records], schema=_schema())
    try:
        ds.write_dataset(table, folder, format="parquet", partitioning=[PARTITION],
                         partitioning_flavor="hive", basename_template="part-{i}.parquet",
                         existing_data_behavior="delete_matching")
    except OSError as exc:
        raise ScaleError(f"{folder}: cannot write Parquet ({exc})") from None
    return folder


def read_parquet_records(folder: Path) -> Iterator[dict[str, Any]]:
    """The document records stored under ``folder`` by ``write_parquet``, in stored order."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(folder, format="parquet", partitioning="hive")
    for batch in dataset.to_batches(columns=["record"]):
        for text in batch.column("record").to_pylist():
            yield json.loads(text)


def _schema():
    import pyarrow as pa

    return pa.schema([("source", pa.string()), ("title", pa.string()), ("outlet", pa.string()),
                      ("published", pa.string()), ("language", pa.string()),
                      ("fingerprint", pa.string()), ("events", pa.int32()),
                      ("quotes", pa.int32()), ("entities", pa.int32()),
                      ("record", pa.string()), (PARTITION, pa.string())])
