"""Exports of the chronicle: one row per canonical event (CSV, Parquet, JSON Lines, POLECAT)
or the stored document records (the contract's shape, which ``score.py`` reads).

POLECAT output uses the column names of the POLECAT weekly releases, tab-separated, so that
scripts written for POLECAT load it unchanged; columns Kronik does not produce stay empty.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from enum import Enum
from functools import cache
from typing import IO, Any

from kronik.resources import load_data
from kronik.store.chronicle import Chronicle, Filters
from kronik.store.queries import EXPORT_COLUMNS

POLECAT_VERSION = "kronik-1"


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    polecat = "polecat"
    documents = "documents"


def _party_columns(role: str) -> dict[str, Any]:
    """POLECAT's eight columns of one party (``Actor`` or ``Recipient``), in release order."""
    key = role.lower()
    return {
        f"{role} Name": lambda r: r[f"{key}_name"] or "",
        f"{role} Country": lambda r: r[f"{key}_country"] or "",
        f"{role} COW": lambda r: "",
        f"Primary {role} Sector": lambda r: "",
        f"{role} Sectors": lambda r: "",
        f"{role} Title": lambda r: r[f"{key}_title"] or "",
        f"{role} Name Raw": lambda r: r[f"{key}_name"] or "",
        f"Wikipedia {role} ID": lambda r: "",
    }


# POLECAT column -> function of one export row.
POLECAT_COLUMNS: dict[str, Any] = {
    "Event ID": lambda r: r["canonical_id"],
    "Event Date": lambda r: _iso(r["date_start"]),
    "Event Type": lambda r: (r["type"] or "").lower(),
    "Event Mode": lambda r: r["mode"] or "",
    "Event Intensity": lambda r: "",
    "Quad Code": lambda r: _quad_code(r["quad"]),
    "Contexts": lambda r: "",
    **_party_columns("Actor"),
    **_party_columns("Recipient"),
    "Placename": lambda r: r["location_name"] or "",
    "City": lambda r: "",
    "District": lambda r: "",
    "Province": lambda r: "",
    "Country": lambda r: r["location_country"] or "",
    "Latitude": lambda r: "",
    "Longitude": lambda r: "",
    "GeoNames ID": lambda r: "",
    "Raw Placename": lambda r: r["location_name"] or "",
    "Feature Type": lambda r: "",
    "Source": lambda r: r["outlets"] or r["source_names"],
    "Publication Date": lambda r: r["publication_dates"],
    "Story People": lambda r: r["names"] or "",
    "Story Organizations": lambda r: "",
    "Story Locations": lambda r: r["location_name"] or "",
    "Language": lambda r: "id",
    "Version": lambda r: POLECAT_VERSION,
}


@cache
def _quad_codes() -> dict[str, int]:
    return {name: quad["code"] for name, quad in load_data("plover", language=None)["quads"].items()}


def _quad_code(quad: str | None) -> str:
    return str(_quad_codes().get(quad, "")) if quad else ""


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else (value or "")


def _dates_as_text(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its dates in ISO form and every other value as it is."""
    return {k: _iso(v) if isinstance(v, date) else v for k, v in row.items()}


def polecat_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    return [{column: make(row) for column, make in POLECAT_COLUMNS.items()} for row in rows]


def write(chronicle: Chronicle, fmt: ExportFormat, handle: IO[str] | None, path: str | None,
          filters: Filters | None = None) -> int:
    """Write the export to ``handle`` (text formats) or ``path`` (Parquet); return the row count."""
    if fmt is ExportFormat.documents:
        count = 0
        for record in chronicle.document_records():
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    rows = chronicle.export_rows(filters)
    if fmt is ExportFormat.parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), path)
    elif fmt is ExportFormat.jsonl:
        for row in rows:
            handle.write(json.dumps(_dates_as_text(row), ensure_ascii=False) + "\n")
    elif fmt is ExportFormat.polecat:
        _write_csv(handle, polecat_rows(rows), list(POLECAT_COLUMNS), delimiter="\t")
    else:
        _write_csv(handle, rows, list(EXPORT_COLUMNS), delimiter=",")
    return len(rows)


def _write_csv(handle: IO[str], rows: list[dict[str, Any]], columns: list[str],
               delimiter: str) -> None:
    writer = csv.DictWriter(handle, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(_dates_as_text(row))
