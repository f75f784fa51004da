"""Exports: CSV, Parquet and JSON Lines read back give the same events; POLECAT columns;
document records in the contract's shape."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import duckdb
import pandas as pd
import pytest
from test_identity import make_event
from test_store import article, doc_with_text, phone

from kronik.store import Chronicle, Filters
from kronik.store.export import POLECAT_COLUMNS, ExportFormat, write


@pytest.fixture()
def store(tmp_path):
    with Chronicle.open(tmp_path / "k.duckdb") as chronicle:
        chronicle.ingest([
            doc_with_text("a.txt", article(1), phone("a1", date(2030, 3, 4), ("USA", "CHN")),
                          make_event("a2", "SANCTION", ["USA", "IRN"], date(2030, 3, 9)), outlet="Kabar A"),
            doc_with_text("b.txt", article(2), phone("b1", date(2030, 3, 4), ("CHN", "USA")),
                          outlet="Kabar B"),
            doc_with_text("c.txt", article(3), make_event("c1", "ASSAULT", ["RUS", "UKR"], None))])
        yield chronicle


def export_text(store: Chronicle, fmt: ExportFormat, filters: Filters | None = None) -> str:
    handle = io.StringIO()
    write(store, fmt, handle, None, filters)
    return handle.getvalue()


def test_parquet_and_csv_read_back_as_the_same_events(store, tmp_path):
    parquet = tmp_path / "events.parquet"
    write(store, ExportFormat.parquet, None, str(parquet))
    csv_file = tmp_path / "events.csv"
    csv_file.write_text(export_text(store, ExportFormat.csv), encoding="utf-8")
    from_parquet = duckdb.sql(f"SELECT canonical_id, type, date_start, sources, source_names "
                              f"FROM '{parquet}' ORDER BY canonical_id").fetchall()
    frame = pd.read_csv(csv_file).sort_values("canonical_id")
    from_csv = [(r.canonical_id, r.type, None if pd.isna(r.date_start) else date.fromisoformat(r.date_start),
                 r.sources, r.source_names) for r in frame.itertuples()]
    assert from_parquet == from_csv
    assert len(from_parquet) == store.count_events() == 3
    consult = next(row for row in from_parquet if row[1] == "CONSULT")
    assert consult[3] == 2 and set(consult[4].split(";")) == {"a.txt", "b.txt"}


def test_jsonl_rows_match_the_timeline(store):
    rows = [json.loads(line) for line in export_text(store, ExportFormat.jsonl).splitlines()]
    assert sorted(r["canonical_id"] for r in rows) == sorted(r["canonical_id"] for r in store.timeline())
    filtered = export_text(store, ExportFormat.jsonl, Filters(type="SANCTION")).splitlines()
    assert [json.loads(line)["actor_country"] for line in filtered] == ["USA"]


def test_polecat_export_is_tab_separated_with_polecat_columns(store):
    rows = list(csv.DictReader(io.StringIO(export_text(store, ExportFormat.polecat)), delimiter="\t"))
    assert list(rows[0]) == list(POLECAT_COLUMNS)
    sanction = next(r for r in rows if r["Event Type"] == "sanction")
    assert (sanction["Actor Country"], sanction["Recipient Country"], sanction["Event Date"],
            sanction["Quad Code"], sanction["Source"]) == ("USA", "IRN", "2030-03-09", "4", "Kabar A")
    consult = next(r for r in rows if r["Event Type"] == "consult")
    assert consult["Event Mode"] == "phone" and consult["Source"] == "Kabar A;Kabar B"


def test_document_records_carry_current_canonical_ids(store):
    records = [json.loads(line) for line in export_text(store, ExportFormat.documents).splitlines()]
    assert [r["source"] for r in records] == ["a.txt", "b.txt", "c.txt"]
    a_call = records[0]["events"][0]["canonical_id"]
    assert a_call == records[1]["events"][0]["canonical_id"] == store.event("b1")["canonical_id"]


def test_an_empty_selection_still_writes_the_header(store):
    assert export_text(store, ExportFormat.csv, Filters(country="NZL")).startswith("canonical_id,")
