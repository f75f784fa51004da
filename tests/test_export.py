"""Exports: CSV, Parquet and JSON Lines read back give the same events; POLECAT columns;
document records in the contract's shape."""
from __future__ import annotations

import copy
import csv
import io
import json
from dataclasses import fields
from datetime import date

import duckdb
import pandas as pd
import pytest
from test_identity import make_event
from test_store import article, doc_with_text, phone

from kronik.document import Location, Party
from kronik.store import Chronicle, Filters
from kronik.store.export import POLECAT_COLUMNS, ExportFormat, cow_code, sector, write


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
    assert consult[3] == 2 and set(consult[4].split("; ")) == {"a.txt", "b.txt"}


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
    assert consult["Event Mode"] == "phone" and consult["Source"] == "Kabar A; Kabar B"


def test_document_records_carry_current_canonical_ids(store):
    records = [json.loads(line) for line in export_text(store, ExportFormat.documents).splitlines()]
    assert [r["source"] for r in records] == ["a.txt", "b.txt", "c.txt"]
    a_call = records[0]["events"][0]["canonical_id"]
    assert a_call == records[1]["events"][0]["canonical_id"] == store.event("b1")["canonical_id"]


def test_an_empty_selection_still_writes_the_header(store):
    assert export_text(store, ExportFormat.csv, Filters(country="NZL")).startswith("canonical_id,")


# -- POLECAT as a POLECAT user loads it ---------------------------------------------------------

# The shape of a POLECAT weekly release: its header and one invented row, the values typed as
# releases type them (intensity a decimal, quad and COW codes integers, coordinates decimals).
RELEASE_ROW = {
    "Event ID": "e1", "Event Date": "2030-03-04", "Event Type": "assault", "Event Mode": "",
    "Event Intensity": "-9.3", "Quad Code": "4", "Contexts": "",
    "Actor Name": "Negara Fiksi", "Actor Country": "RUS", "Actor COW": "365",
    "Primary Actor Sector": "MIL", "Actor Sectors": "MIL", "Actor Title": "",
    "Actor Name Raw": "Negara Fiksi", "Wikipedia Actor ID": "",
    "Recipient Name": "Negara Lain", "Recipient Country": "UKR", "Recipient COW": "369",
    "Primary Recipient Sector": "GOV", "Recipient Sectors": "GOV", "Recipient Title": "Menteri",
    "Recipient Name Raw": "Negara Lain", "Wikipedia Recipient ID": "",
    "Placename": "Kota Fiksi", "City": "", "District": "", "Province": "", "Country": "UKR",
    "Latitude": "50.45", "Longitude": "30.52", "GeoNames ID": "", "Raw Placename": "Kota Fiksi",
    "Feature Type": "", "Source": "Kabar A; Kabar B", "Publication Date": "2030-03-05",
    "Story People": "Menteri Fiksi", "Story Organizations": "militer Fiksi",
    "Story Locations": "Kota Fiksi", "Language": "id", "Version": "kronik-1"}


@pytest.fixture()
def world(tmp_path):
    """A chronicle of invented events whose parties carry titles and kinds and whose place
    has coordinates; published by outlets or only at a web address."""
    army = Party("militer Negeri Fiksi", "RUS", kind="organization")
    minister = Party("Sutan Fiksi", "UKR", kind="person", title="Menteri Pertahanan Ukraina")
    strike = make_event("w1", "ASSAULT", ["RUS", "UKR"], date(2030, 3, 4))
    strike.actor, strike.recipient, strike.participants = army, minister, [army, minister]
    strike.location = Location("Kota Fiksi", "UKR")
    talks = make_event("w2", "CONSULT", ["IDN", "AUS"], date(2030, 3, 6), mode="meeting")
    web = doc_with_text("https://www.kabar-fiksi.example/berita/1", article(8),
                        copy.deepcopy(talks))
    with Chronicle.open(tmp_path / "w.duckdb") as chronicle:
        chronicle.ingest([doc_with_text("a.txt", article(6), strike, talks, outlet="Kabar A"), web])
        yield chronicle


def read_polecat(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), sep="\t")


def test_polecat_export_loads_with_the_columns_and_types_of_a_release(world):
    release = read_polecat("\t".join(RELEASE_ROW) + "\n" + "\t".join(RELEASE_ROW.values()) + "\n")
    ours = read_polecat(export_text(world, ExportFormat.polecat))
    assert list(ours.columns) == list(release.columns)
    filled = [c for c in release.columns if release[c].notna().all() and ours[c].notna().all()]
    assert {"Event Intensity", "Quad Code", "Actor COW", "Recipient COW"} <= set(filled)
    assert {c: str(ours[c].dtype) for c in filled} == {c: str(release[c].dtype) for c in filled}


def test_polecat_fields_follow_plover_and_cow(world):
    rows = read_polecat(export_text(world, ExportFormat.polecat)).set_index("Event Type")
    strike, talks = rows.loc["assault"], rows.loc["consult"]
    assert (strike["Event Intensity"], strike["Quad Code"]) == (-9.3, 4)
    assert (strike["Actor COW"], strike["Recipient COW"]) == (365, 369)
    assert (strike["Primary Actor Sector"], strike["Actor Sectors"]) == ("MIL", "MIL")
    assert strike["Primary Recipient Sector"] == "GOV"
    assert (strike["Story People"], strike["Story Organizations"]) == (
        "Sutan Fiksi", "militer Negeri Fiksi")
    # Kronik's meeting is PLOVER's third-party; AUS is Australia (COW 900), not COW's AUS (Austria)
    assert (talks["Event Mode"], talks["Event Intensity"], talks["Quad Code"]) == ("third-party", 2.1, 1)
    assert (talks["Actor COW"], talks["Recipient COW"]) == (850, 900)
    # the publisher: the outlet, else the web address's host; never a file path
    assert talks["Source"] == "Kabar A; kabar-fiksi.example"
    assert "a.txt" not in export_text(world, ExportFormat.polecat)


@pytest.mark.skipif("lat" not in {f.name for f in fields(Location)},
                    reason="this Location carries no coordinates")
def test_polecat_coordinates_are_those_of_the_located_place(tmp_path):
    strike = make_event("w1", "ASSAULT", ["RUS", "UKR"], date(2030, 3, 4))
    strike.location = Location("Kota Fiksi", "UKR", lat=50.45, lon=30.52)
    with Chronicle.open(tmp_path / "p.duckdb") as chronicle:
        chronicle.ingest([doc_with_text("a.txt", article(6), strike)])
        rows = read_polecat(export_text(chronicle, ExportFormat.polecat))
    assert (rows["Latitude"][0], rows["Longitude"][0]) == (50.45, 30.52)
    assert rows["Latitude"].dtype == rows["Longitude"].dtype == "float64"


def test_polecat_without_a_located_place_leaves_coordinates_empty(store):
    rows = read_polecat(export_text(store, ExportFormat.polecat))
    assert rows["Latitude"].isna().all() and rows["Longitude"].isna().all()
    assert rows["Source"].fillna("").str.contains(".txt").sum() == 0


@pytest.mark.parametrize(("iso3", "code"), [
    ("USA", 2), ("CAN", 20), ("MEX", 70), ("BRA", 140), ("GBR", 200), ("FRA", 220),
    ("DEU", 255), ("AUT", 305), ("RUS", 365), ("UKR", 369), ("IRN", 630), ("ISR", 666),
    ("CHN", 710), ("JPN", 740), ("IND", 750), ("IDN", 850), ("AUS", 900), ("SRB", 345)])
def test_correlates_of_war_codes_of_well_known_states(iso3, code):
    assert cow_code(iso3) == str(code)


def test_every_state_of_the_knowledge_base_has_a_cow_code_or_is_not_a_cow_state():
    from kronik.actors.kb import KnowledgeBase

    missing = {c for c in KnowledgeBase.default().countries if not cow_code(c)}
    assert missing == {"PSE", "VAT"}  # Palestine and the Holy See are not in the COW list


def test_sectors_come_from_titles_and_institutions():
    assert sector("Menteri Luar Negeri Negeri Fiksi") == "GOV"
    assert sector("Presiden") == "GOV"
    assert sector("Panglima Angkatan Fiksi") == "MIL"
    assert sector("parlemen Negeri Fiksi") == "LEG"
    assert sector("Warga Fiksi") is None
