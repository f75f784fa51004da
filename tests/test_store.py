"""The chronicle store: ingest, re-ingest, corrections, near-duplicates, linking and queries.

Documents are built with the dataclasses (invented articles and actors), so these tests do
not depend on what the extraction stages find.
"""
from __future__ import annotations

import copy
import random
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from test_identity import make_doc, make_event

from kronik.document import Party
from kronik.errors import StoreError
from kronik.identity import canonical_id_for, link_documents
from kronik.store import Chronicle, Filters
from kronik.store.schema import SCHEMA_VERSION
from kronik.store.vocabulary import (UnknownValueError, country_code, country_label, event_mode,
                                     event_type)

WORDS = ("pemerintah menteri kerja sama perbatasan pelabuhan nelayan anggaran parlemen utusan "
         "perundingan tarif gandum pupuk listrik jembatan kapal latihan bendungan sungai").split()


def article(seed: int, words: int = 220) -> str:
    """An invented article: sentences of words drawn with a fixed seed."""
    rng = random.Random(seed)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."
                 for _ in range(words // 12)]
    return " ".join(sentences)


def doc_with_text(source: str, text: str, *events, outlet: str | None = None):
    doc = make_doc(source, *events)
    doc.text, doc.outlet = text, outlet
    return doc


def phone(event_id: str, day: date, countries=("FRA", "BRA")):
    return make_event(event_id, "CONSULT", list(countries), day, mode="phone")


@pytest.fixture()
def chronicle(tmp_path):
    with Chronicle.open(tmp_path / "k.duckdb") as store:
        yield store


def counts(store: Chronicle) -> dict:
    data = store.stats()
    return {k: data[k] for k in ("documents", "events", "canonical_events", "entities", "quotes")}


def test_reingesting_the_same_documents_adds_nothing(chronicle):
    docs = [doc_with_text("a.txt", article(1), phone("a1", date(2030, 3, 4))),
            doc_with_text("b.txt", article(2), phone("b1", date(2030, 3, 4)))]
    first = chronicle.ingest(copy.deepcopy(docs))
    before = counts(chronicle)
    again = chronicle.ingest(copy.deepcopy(docs))
    assert (first.added, again.added, again.unchanged) == (2, 0, 2)
    assert counts(chronicle) == before == {"documents": 2, "events": 2, "canonical_events": 1,
                                           "entities": 0, "quotes": 0}


def test_a_corrected_article_replaces_its_old_extraction(chronicle):
    chronicle.ingest([doc_with_text("a.txt", article(1), phone("a1", date(2030, 3, 4))),
                      doc_with_text("b.txt", article(2), phone("b1", date(2030, 3, 4)))])
    assert chronicle.event("b1")["canonical_id"] == canonical_id_for("a1")
    corrected = doc_with_text("a.txt", article(3),
                              make_event("a9", "ACCUSE", ["FRA", "BRA"], date(2030, 3, 4)))
    report = chronicle.ingest([corrected])
    assert report.replaced == 1
    assert chronicle.event("a1") is None
    assert chronicle.event("b1")["canonical_id"] == canonical_id_for("b1")
    assert chronicle.event("b1")["sources"] == 1
    assert counts(chronicle) == {"documents": 2, "events": 2, "canonical_events": 2,
                                 "entities": 0, "quotes": 0}


def test_a_lightly_edited_copy_is_marked_and_counted_once_as_evidence(chronicle):
    text = article(7)
    edited = "Judul baru untuk salinan. " + text.replace("kapal", "perahu", 1)
    chronicle.ingest([doc_with_text("a.txt", text, phone("a1", date(2030, 3, 4)), outlet="Kabar A"),
                      doc_with_text("b.txt", edited, phone("b1", date(2030, 3, 4)), outlet="Kabar B"),
                      doc_with_text("c.txt", article(8), phone("c1", date(2030, 3, 5)), outlet="Kabar C")])
    original = chronicle.document("a.txt")
    copy_ = chronicle.document("b.txt")
    assert copy_["duplicate_of"] == original["doc_id"]
    assert original["duplicates"] == [copy_["doc_id"]]
    assert chronicle.document("c.txt")["duplicate_of"] is None
    found = chronicle.event("c1")
    assert (found["mentions"], found["sources"], found["independent"]) == (3, 3, 2)
    assert found["confidence"] == 0.75


def test_when_an_original_is_corrected_its_copy_stands_alone(chronicle):
    text = article(7)
    chronicle.ingest([doc_with_text("a.txt", text, phone("a1", date(2030, 3, 4)), outlet="Kabar A"),
                      doc_with_text("b.txt", text + " Tambahan.", phone("b1", date(2030, 3, 4)),
                                    outlet="Kabar B")])
    assert chronicle.event("b1")["independent"] == 1
    chronicle.ingest([doc_with_text("a.txt", article(70), outlet="Kabar A")])
    assert chronicle.document("b.txt")["duplicate_of"] is None
    found = chronicle.event("b1")
    assert (found["canonical_id"], found["sources"], found["independent"]) == (
        canonical_id_for("b1"), 1, 1)


def test_the_store_links_as_extract_does():
    days = [date(2030, 3, 4), date(2030, 3, 5), date(2031, 1, 1)]
    docs = [doc_with_text(f"{i}.txt", article(i), phone(f"e{i}", day), outlet=f"Kabar {i}")
            for i, day in enumerate(days)]
    docs.append(doc_with_text("x.txt", article(9), phone("e8", None)))
    batch = copy.deepcopy(docs)
    link_documents(batch)
    with Chronicle.open(":memory:") as store:
        store.ingest(docs)
        stored = {e.id: store.event(e.id)["canonical_id"] for d in docs for e in d.events}
    assert stored == {e.id: e.canonical_id for d in batch for e in d.events}
    assert stored["e0"] == stored["e1"] != stored["e2"]


def test_a_plan_and_its_fulfilment_are_linked_in_the_store(chronicle):
    chronicle.ingest([
        doc_with_text("a.txt", article(1), make_event("p1", "CONSULT", ["IDN", "FRA"], date(2030, 5, 1),
                                                      "planned", "visit", until=date(2030, 5, 31))),
        doc_with_text("b.txt", article(2), make_event("f1", "CONSULT", ["IDN", "FRA"], date(2030, 5, 20),
                                                      "occurred", "visit"))])
    plan, fact = chronicle.event("p1"), chronicle.event("f1")
    assert plan["canonical_id"] != fact["canonical_id"]
    assert plan["fulfilled_by"] == [fact["canonical_id"]]
    assert fact["fulfils"] == [plan["canonical_id"]]


def filled_docs():
    return [
        doc_with_text("a.txt", article(1), phone("a1", date(2030, 3, 4), ("USA", "CHN")),
                      make_event("a2", "THREATEN", ["USA", "CHN"], date(2030, 3, 4)), outlet="A"),
        doc_with_text("b.txt", article(2), phone("b1", date(2030, 3, 4), ("CHN", "USA")),
                      make_event("b2", "ASSAULT", ["RUS", "UKR"], date(2030, 4, 2)), outlet="B"),
        doc_with_text("c.txt", article(3), make_event("c1", "AID", ["CHN", "USA"], date(2030, 6, 1),
                                                      "planned"), outlet="C")]


@pytest.fixture()
def filled(chronicle):
    chronicle.ingest(filled_docs())
    return chronicle


def test_timeline_filters(filled):
    everything = filled.timeline()
    assert [r["type"] for r in everything] == ["AID", "ASSAULT", "CONSULT", "THREATEN"]
    assert everything[2]["sources"] == 2 and len(everything[2]["source_list"]) == 2
    assert [r["type"] for r in filled.timeline(Filters(country="usa"))] == ["AID", "CONSULT", "THREATEN"]
    assert [r["type"] for r in filled.timeline(Filters(type="assault"))] == ["ASSAULT"]
    assert [r["type"] for r in filled.timeline(Filters(status="planned"))] == ["AID"]
    spring = Filters(start=date(2030, 3, 5), end=date(2030, 5, 1))
    assert [r["type"] for r in filled.timeline(spring)] == ["ASSAULT"]
    assert [r["type"] for r in filled.timeline(Filters(actor="negara rus"))] == ["ASSAULT"]
    assert filled.count_events(Filters(country="CHN")) == 3
    assert [r["type"] for r in filled.timeline(limit=2, offset=1)] == ["ASSAULT", "CONSULT"]


def test_dyad_network_actors(filled):
    dyad = filled.dyad("usa", "chn")
    assert dyad["totals"] == {"verbal_cooperation": 1, "verbal_conflict": 1, "material_cooperation": 1}
    assert [e["type"] for e in dyad["events"]] == ["AID", "CONSULT", "THREATEN"]  # newest first
    latest = filled.dyad("USA", "CHN", limit=2)
    assert (latest["total"], [e["type"] for e in latest["events"]]) == (3, ["AID", "CONSULT"])
    assert {(p["period"], p["quad"]) for p in dyad["periods"]} == {
        ("2030-03", "verbal_cooperation"), ("2030-03", "verbal_conflict"),
        ("2030-06", "material_cooperation")}
    edges = {(e["source"], e["target"], e["directed"]): e["weight"] for e in filled.network()}
    assert edges == {("CHN", "USA", False): 1, ("USA", "CHN", True): 1, ("CHN", "USA", True): 1,
                     ("RUS", "UKR", True): 1}
    assert filled.network(start=date(2030, 4, 1), end=date(2030, 4, 30)) == [
        {"source": "RUS", "target": "UKR", "directed": True, "weight": 1, "quads": ["material_conflict"]}]
    top = filled.actors(limit=2)
    assert [(a["name"], a["country"], a["events"]) for a in top] == [
        ("Tiongkok", "CHN", 3), ("Amerika Serikat", "USA", 3)]


def test_document_search_and_stats(filled):
    doc = filled.document("a.txt")
    assert doc["text"] == article(1) and [e["id"] for e in doc["events"]] == ["a1", "a2"]
    assert doc["events"][0]["canonical_id"] == filled.event("b1")["canonical_id"]
    assert filled.document(doc["doc_id"])["source"] == "a.txt"
    assert filled.document("nothing.txt") is None
    call = filled.event("a1")["canonical_id"]
    assert filled.event(call[:9])["canonical_id"] == call  # a unique prefix is enough
    assert filled.event("c") is None  # every canonical id starts so: not unique
    word = article(2).split()[5]
    assert any(hit["source"] == "b.txt" for hit in filled.search(word.upper()))
    assert filled.stats()["multi_source_events"] == 1


def test_schema_is_versioned_and_migrated_once(tmp_path):
    path = tmp_path / "k.duckdb"
    Chronicle.open(path).close()
    Chronicle.open(path).close()
    con = duckdb.connect(str(path))
    assert con.execute("SELECT list(version) FROM schema_version").fetchone()[0] == list(
        range(1, SCHEMA_VERSION + 1))
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer than this Kronik"):
            Chronicle.open(path, read_only=read_only)


def test_read_only_store_refuses_writes_and_missing_files(tmp_path):
    with pytest.raises(StoreError, match="no chronicle here"):
        Chronicle.open(tmp_path / "none.duckdb", read_only=True)
    Chronicle.open(tmp_path / "k.duckdb").close()
    with Chronicle.open(tmp_path / "k.duckdb", read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.ingest_document(doc_with_text("a.txt", article(1)))


def kronik(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kronik", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_cli_ingest_reports_bad_inputs_one_line_each_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(article(4), encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    db = str(tmp_path / "k.duckdb")
    result = kronik("ingest", str(folder), "--db", db, cwd=tmp_path)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(problems) == 2 and "Traceback" not in result.stderr
    assert any("empty.txt" in line for line in problems)
    stats = kronik("stats", "--db", db, "--json", cwd=tmp_path)
    assert '"documents": 1' in stats.stdout
    missing = kronik("show", "no-such-id", "--db", db, cwd=tmp_path)
    assert missing.returncode == 1 and "no event with id" in missing.stderr


def test_the_command_line_imports_the_chronicle_only_for_commands_that_open_one(tmp_path):
    """``kronik extract`` and ``--help`` start without DuckDB, NumPy and PyArrow (a fifth of a
    second of every start); the store's commands still work through the lazy names."""
    heavy = "print(sorted({'duckdb', 'numpy', 'pyarrow'} & set(sys.modules)))"
    started = subprocess.run([sys.executable, "-c", f"import sys, kronik.cli; {heavy}"],
                             capture_output=True, text=True, timeout=300)
    assert started.stdout.strip() == "[]", started.stderr
    export = kronik("export", "--db", str(tmp_path / "missing.duckdb"), cwd=tmp_path)
    assert export.returncode == 2 and "Traceback" not in export.stderr


def test_reading_a_version_1_store_migrates_it_and_backfills_source_lists(tmp_path):
    path = tmp_path / "k.duckdb"
    with Chronicle.open(path) as store:
        store.ingest([doc_with_text("a.txt", article(1), phone("a1", date(2030, 3, 4))),
                      doc_with_text("b.txt", article(2), phone("b1", date(2030, 3, 4)))])
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX canonical_date")  # DuckDB drops no column of an indexed table
    con.execute("ALTER TABLE canonical_events DROP COLUMN source_list")
    con.execute("ALTER TABLE canonical_events DROP COLUMN country_key")
    con.execute("CREATE INDEX canonical_date ON canonical_events (date_start)")
    con.execute("DELETE FROM schema_version WHERE version > 1")
    con.close()
    with Chronicle.open(path, read_only=True) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
        assert sorted(s["source"] for s in store.event("a1")["source_list"]) == ["a.txt", "b.txt"]
        assert store.count_events(Filters(country="bra")) == 1


# -- queries in the analyst's language -----------------------------------------------------------

def party_event(event_id: str, day: date, *parties: Party, type_: str = "ACCUSE"):
    event = make_event(event_id, type_, [], day)
    event.actor, event.recipient = parties[0], parties[1] if len(parties) > 1 else None
    event.participants = list(parties)
    return event


def test_actors_fold_metonyms_and_institutions_into_their_state_and_keep_people(chronicle):
    usa = [Party("Amerika Serikat", "USA"), Party("AS", "USA"), Party("Washington", "USA"),
           Party("Gedung Putih", "USA"), Party("militer AS", "USA", kind="organization")]
    fra = Party("Paris", "FRA")  # a capital speaking for its state
    person = Party("Tuan Fiksi", "USA", kind="person", title="Presiden", id="Q0")
    events = [party_event(f"u{i}", date(2030, 1, 1 + i), party, fra) for i, party in enumerate(usa)]
    events.append(party_event("p1", date(2030, 2, 1), person, fra))
    chronicle.ingest([doc_with_text("a.txt", article(1), *events)])
    rows = {row["name"]: row for row in chronicle.actors(limit=10)}
    assert set(rows) == {"Amerika Serikat", "Prancis", "Tuan Fiksi"}
    assert (rows["Amerika Serikat"]["kind"], rows["Amerika Serikat"]["events"]) == ("state", 5)
    assert set(rows["Amerika Serikat"]["forms"]) == {p.name for p in usa}
    assert (rows["Prancis"]["country"], rows["Prancis"]["forms"]) == ("FRA", ["Paris"])
    assert (rows["Tuan Fiksi"]["kind"], rows["Tuan Fiksi"]["country"]) == ("person", "USA")


def test_search_shows_whole_words_with_title_and_date(chronicle):
    text = " ".join(["pelabuhan"] * 60 + ["anggaran kapal nelayan"] + ["jembatan"] * 60)
    doc = doc_with_text("a.txt", text)
    doc.title, doc.published = "Judul Fiksi", datetime(2030, 3, 4, 10, 0)
    chronicle.ingest([doc])
    hit = chronicle.search("KAPAL")[0]
    assert (hit["title"], hit["published"][:10]) == ("Judul Fiksi", "2030-03-04")
    words = hit["snippet"].split()
    assert words[0] == words[-1] == "…" and "anggaran kapal nelayan" in hit["snippet"]
    assert set(words[1:-1]) <= {"pelabuhan", "anggaran", "kapal", "nelayan", "jembatan"}


def test_timeline_and_dyad_list_the_same_events_in_the_same_order(filled):
    timeline = [e["canonical_id"] for e in filled.timeline(Filters(country="USA"))
                if "CHN" in e["countries"]]
    assert [e["canonical_id"] for e in filled.dyad("USA", "CHN")["events"]] == timeline


def test_show_names_the_publisher_from_the_web_address_when_no_outlet_is_known(chronicle):
    web = doc_with_text("https://www.kabar-fiksi.example/a/1", article(1), phone("w1", date(2030, 3, 4)))
    chronicle.ingest([web])
    assert chronicle.event("w1")["mentions_list"][0]["outlet"] == "kabar-fiksi.example"


def test_an_event_shows_the_address_its_text_was_first_found_at(chronicle):
    text = article(2)
    first = doc_with_text("zeta-1.txt", text, phone("z1", date(2030, 3, 5)))
    first.url = "https://www.zeta-fiksi.example/a/1"
    again = doc_with_text("alpha-1.txt", text, phone("z1", date(2030, 3, 5)))
    again.url = "https://www.alpha-fiksi.example/b/1"
    chronicle.ingest([first])
    assert chronicle.ingest([again]).new_sources == 1
    assert chronicle.event("z1")["mentions_list"][0]["outlet"] == "zeta-fiksi.example"
    assert chronicle.export_rows()[0]["outlets"] == "zeta-fiksi.example"


@pytest.mark.parametrize(("query", "code"), [
    ("IDN", "IDN"), ("idn", "IDN"), ("Indonesia", "IDN"), ("Amerika Serikat", "USA"),
    ("united states", "USA"), ("AS", "USA"), ("Tiongkok", "CHN"), ("China", "CHN"),
    ("Korea Selatan", "KOR"), ("Prancis", "FRA"), ("France", "FRA")])
def test_states_are_found_by_code_or_by_indonesian_or_english_name(query, code):
    assert country_code(query) == code


def test_unknown_values_are_errors_with_suggestions():
    with pytest.raises(UnknownValueError, match=r"did you mean Indonesia \(IDN\)\?") as found:
        country_code("Indonsia")
    assert found.value.suggestions == ["Indonesia (IDN)"]
    with pytest.raises(UnknownValueError, match="e.g. IDN or Indonesia"):
        country_code("Qwxz")
    with pytest.raises(UnknownValueError, match="did you mean CONSULT"):
        event_type("CONSLT")
    with pytest.raises(UnknownValueError, match="one of AGREE, CONSULT"):
        event_type("FOO")
    with pytest.raises(UnknownValueError, match="did you mean phone"):
        event_mode("phon")
    assert (event_type("consult"), event_mode("Meeting"), country_label("USA")) == (
        "CONSULT", "meeting", "Amerika Serikat (USA)")


# -- the CLI speaks the analyst's language ------------------------------------------------------

def cli(*args: str):
    from typer.testing import CliRunner

    from kronik.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture()
def filled_db(tmp_path):
    """The path of a closed chronicle holding ``filled_docs`` (the CLI opens it itself)."""
    path = str(tmp_path / "cli.duckdb")
    with Chronicle.open(path) as store:
        store.ingest(filled_docs())
    return path


def test_cli_tables_name_states_with_codes_and_explain_directed_and_symmetric(filled_db):
    result = cli("timeline", "--db", filled_db)
    assert result.exit_code == 0
    assert "Amerika Serikat (USA) -> Tiongkok (CHN)" in result.stdout  # THREATEN: directed
    call = next(line for line in result.stdout.splitlines() if "CONSULT/phone" in line)
    assert "Amerika Serikat (USA), Tiongkok (CHN)" in call  # the call: symmetric
    assert "'A -> B' a directed event" in result.stdout and "'A, B' a symmetric one" in result.stdout


def test_cli_accepts_state_names_wherever_a_code_is(filled_db):
    by_code = cli("timeline", "--db", filled_db, "--country", "USA", "--json").stdout
    for name in ("Amerika Serikat", "united states", "AS", "usa"):
        assert cli("timeline", "--db", filled_db, "--country", name, "--json").stdout == by_code
    dyad = cli("dyad", "Amerika Serikat", "Tiongkok", "--db", filled_db, "--json")
    assert dyad.exit_code == 0 and '"total": 3' in dyad.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("timeline", "--country", "Indonsia"), "unknown country 'Indonsia'; did you mean Indonesia (IDN)?"),
    (("timeline", "--type", "FOO"), "unknown event type 'FOO'; one of AGREE, CONSULT"),
    (("timeline", "--type", "ASAULT"), "did you mean ASSAULT?"),
    (("timeline", "--mode", "phon"), "did you mean phone?"),
    (("export", "--status", "planed"), "did you mean planned?"),
    (("dyad", "IDN", "XXX"), "unknown country 'XXX'")])
def test_cli_unknown_values_are_errors_with_suggestions_not_empty_tables(filled_db, args, message):
    result = cli(*args, "--db", filled_db)
    assert result.exit_code == 2 and message in result.stderr
    assert result.stdout == ""


def test_cli_dyad_lists_newest_first_like_the_timeline(filled_db):
    lines = cli("dyad", "USA", "CHN", "--db", filled_db).stdout.splitlines()
    days = [line.split()[1] for line in lines if line.startswith("│ 2030-")]
    assert days[-3:] == ["2030-06-01", "2030-03-04", "2030-03-04"]  # after the monthly counts


def test_cli_actors_group_by_state_and_person(filled_db):
    result = cli("actors", "--db", filled_db)
    assert "Tiongkok" in result.stdout and "Tiongkok (CHN)" in result.stdout
    assert "Negara CHN" in result.stdout  # a surface form, listed as another name of the state
    assert "most active states and people" in result.stdout


def test_cli_ingest_says_it_counts_mentions_and_how_many_events_the_timeline_shows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    visit = ("Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Australia di Canberra "
             "pada Senin (3/3/2030). Kedua menteri membahas kerja sama perdagangan dan keamanan maritim.")
    for name, hour in (("a.txt", "10:00"), ("b.txt", "12:00")):  # two reports of one meeting
        (folder / name).write_text(f"Judul Fiksi {name}\nSenin, 3 Maret 2030 {hour} WIB\n\n{visit}\n",
                                   encoding="utf-8")
    db = str(tmp_path / "k.duckdb")
    said = cli("ingest", str(folder), "--db", db).stdout
    mentions = int(said.split(" event mentions")[0].split()[-1])
    held = int(said.split("now holds ")[1].split()[0])
    timeline = cli("timeline", "--db", db, "--json").stdout
    assert mentions == 2 and f'"total": {held}' in timeline and held == 1


def test_cli_search_shows_title_and_date(filled_db):
    word = article(2).split()[5]
    result = cli("search", word, "--db", filled_db)
    assert result.exit_code == 0 and "title" in result.stdout and "date" in result.stdout


@pytest.mark.parametrize("command", ["ingest", "timeline", "dyad", "actors", "show", "search",
                                     "stats", "export"])
def test_cli_help_shows_no_type_artefacts(command):
    text = cli(command, "--help").stdout
    assert "<bool>" not in text and "{" not in text and "<list" not in text.split("Arguments")[0]


def test_readme_using_it_shows_every_command():
    from kronik.cli import app

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    using = readme.split("## Using it", 1)[1].split("\n## ", 1)[0]
    commands = {command.name or command.callback.__name__ for command in app.registered_commands}
    assert "stats" in commands
    assert {c for c in commands if f"kronik {c}" not in using} == set()
