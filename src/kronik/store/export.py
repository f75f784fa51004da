"""Exports of the chronicle: one row per canonical event (CSV, Parquet, JSON Lines, POLECAT)
or the stored document records (the contract's shape, which ``score.py`` reads).

POLECAT output uses the column names of the POLECAT weekly releases, tab-separated, so that
scripts written for POLECAT load it unchanged; columns Kronik does not produce stay empty.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from typing import IO, Any

from kronik.actors.kb import fold
from kronik.jsontext import dumps
from kronik.resources import load_data
from kronik.store import ExportFormat
from kronik.store.chronicle import Chronicle, Filters
from kronik.store.queries import EXPORT_COLUMNS, LIST_SEPARATOR

POLECAT_VERSION = "kronik-1"


def _party_columns(role: str) -> dict[str, Any]:
    """POLECAT's eight columns of one party (``Actor`` or ``Recipient``), in release order."""
    key = role.lower()
    return {
        f"{role} Name": lambda r: r[f"{key}_name"] or "",
        f"{role} Country": lambda r: r[f"{key}_country"] or "",
        f"{role} COW": lambda r: cow_code(r[f"{key}_country"]),
        f"Primary {role} Sector": lambda r: next(iter(_sectors(r, key)), ""),
        f"{role} Sectors": lambda r: LIST_SEPARATOR.join(_sectors(r, key)),
        f"{role} Title": lambda r: r[f"{key}_title"] or "",
        f"{role} Name Raw": lambda r: r[f"{key}_name"] or "",
        f"Wikipedia {role} ID": lambda r: "",
    }


# POLECAT column -> function of one export row.
POLECAT_COLUMNS: dict[str, Any] = {
    "Event ID": lambda r: r["canonical_id"],
    "Event Date": lambda r: _iso(r["date_start"]),
    "Event Type": lambda r: (r["type"] or "").lower(),
    "Event Mode": lambda r: plover_mode(r["type"], r["mode"]),
    "Event Intensity": lambda r: intensity(r["type"]),
    "Quad Code": lambda r: quad_code(r["type"]),
    "Contexts": lambda r: "",
    **_party_columns("Actor"),
    **_party_columns("Recipient"),
    "Placename": lambda r: r["location_name"] or "",
    "City": lambda r: "",
    "District": lambda r: "",
    "Province": lambda r: "",
    "Country": lambda r: r["location_country"] or "",
    "Latitude": lambda r: _number(r["latitude"]),
    "Longitude": lambda r: _number(r["longitude"]),
    "GeoNames ID": lambda r: "",
    "Raw Placename": lambda r: r["location_name"] or "",
    "Feature Type": lambda r: "",
    "Source": lambda r: r["outlets"],
    "Publication Date": lambda r: r["publication_dates"],
    "Story People": lambda r: r["people"],
    "Story Organizations": lambda r: r["organizations"],
    "Story Locations": lambda r: r["location_name"] or "",
    "Language": lambda r: "id",
    "Version": lambda r: POLECAT_VERSION,
}


@cache
def _plover_types() -> dict[str, dict[str, Any]]:
    return load_data("plover", language=None)["types"]


def plover_mode(event_type: str | None, mode: str | None) -> str:
    """The PLOVER mode of a Kronik mode (CONSULT ``meeting`` is PLOVER's ``third-party``)."""
    modes = _plover_types().get(event_type or "", {}).get("modes") or {}
    return modes.get(mode, mode) if mode else ""


def intensity(event_type: str | None) -> str:
    """The PLOVER conflict-cooperation score of the type (-10 to +10), or '' if unknown."""
    value = _plover_types().get(event_type or "", {}).get("intensity")
    return "" if value is None else str(value)


@cache
def _quad_codes() -> dict[str, int]:
    return {t: quad["code"] for quad in load_data("plover", language=None)["quads"].values()
            for t in quad["types"]}


def quad_code(event_type: str | None) -> str:
    """POLECAT's Quad Code of the type: 1 verbal and 2 material cooperation, 3 verbal and
    4 material conflict."""
    return str(_quad_codes().get(event_type or "", ""))


@cache
def _cow_table() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (COW numeric code, COW abbreviation), from ``data/cow.tsv``."""
    text = (resources.files("kronik") / "data" / "cow.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {row["iso3"]: (row["ccode"], row["stateabb"])
            for row in csv.DictReader(lines, delimiter="\t")}


def cow_code(iso3: str | None) -> str:
    """The Correlates of War numeric code of a state ("IDN" -> "850"); '' where COW has none."""
    return _cow_table().get(iso3 or "", ("", ""))[0]


@cache
def _roles_by_word() -> dict[str, str]:
    """Folded title or institution word (lang/id/titles.yaml) -> its role key."""
    titles = load_data("titles")
    entries = {**titles["titles"], **titles["institutions"]}
    return {fold(word): role for role, entry in entries.items() for word in entry["words"]}


@cache
def _sector_of_role() -> dict[str, str]:
    return {role: sector for sector, roles in load_data("plover", language=None)["sectors"].items()
            for role in roles}


def sector(title: str | None) -> str | None:
    """The PLOVER sector (GOV, MIL, LEG, JRN) of a title or institution name, by the longest
    title or institution word it starts with ("Menteri Luar Negeri AS" -> GOV, "militer China"
    -> MIL); None where it names no known role."""
    words = fold(title or "").split()
    for size in range(len(words), 0, -1):
        role = _roles_by_word().get(" ".join(words[:size]).strip(".,;:()"))
        if role:
            return _sector_of_role().get(role)
    return None


def _sectors(row: dict[str, Any], role: str) -> list[str]:
    """The party's sectors: from its title, else (an organisation) from its name."""
    name = row[f"{role}_name"] if row[f"{role}_kind"] == "organization" else None
    found = sector(row[f"{role}_title"]) or sector(name)
    return [found] if found else []


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)


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
            handle.write(dumps(record) + "\n")
            count += 1
        return count
    rows = chronicle.export_rows(filters)
    if fmt is ExportFormat.parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), path)
    elif fmt is ExportFormat.jsonl:
        for row in rows:
            handle.write(dumps(_dates_as_text(row)) + "\n")
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
