"""Cross-document identity: which mentions are one real-world event, and which stay apart.

Events are built with the dataclasses (invented actors and dates), so the rule is tested
independently of the extraction stages; the last test applies it to the gold events of the
development corpus and scores the links with the shared scorer.
"""
from __future__ import annotations

import importlib.util
import json
from datetime import date

from conftest import DEV, SCORER, SEEDS, load_gold

from kronik.document import Document, Event, EventDate, Party, Span
from kronik.identity import canonical_id_for, link_documents


def make_event(event_id: str, type_: str, countries: list[str], day: date | None,
               status: str = "occurred", mode: str | None = None,
               until: date | None = None) -> Event:
    """An event between states (the first country acts, the second receives)."""
    parties = [Party(f"Negara {c}", c) for c in countries]
    return Event(id=event_id, type=type_, mode=mode, actor=parties[0] if parties else None,
                 recipient=parties[1] if len(parties) > 1 else None, participants=parties,
                 date=EventDate(day, until or day) if day else None, status=status,
                 location=None, evidence=Span(0, 10, "Kalimat bukti."))


def make_doc(source: str, *events: Event) -> Document:
    return Document(raw_text=source, source=source, text=f"Teks artikel {source}.",
                    events=list(events))


def groups(docs: list[Document]) -> dict[str, str]:
    return {e.id: e.canonical_id for d in docs for e in d.events}


def test_one_phone_call_reported_by_two_outlets_shares_a_canonical_id():
    docs = [make_doc("a", make_event("a1", "CONSULT", ["FRA", "BRA"], date(2030, 3, 4), mode="phone")),
            make_doc("b", make_event("b1", "CONSULT", ["BRA", "FRA"], date(2030, 3, 5), mode="phone"))]
    link_documents(docs)
    ids = groups(docs)
    assert ids["a1"] == ids["b1"] == canonical_id_for("a1")


def test_events_that_differ_in_mode_direction_date_or_parties_stay_apart():
    base = make_event("a1", "THREATEN", ["FRA", "BRA"], date(2030, 3, 4))
    others = [make_event("b1", "THREATEN", ["BRA", "FRA"], date(2030, 3, 4)),  # reversed
              make_event("c1", "THREATEN", ["FRA", "BRA"], date(2030, 3, 7)),  # three days on
              make_event("d1", "THREATEN", ["FRA", "ARG"], date(2030, 3, 4)),  # other target
              make_event("e1", "ACCUSE", ["FRA", "BRA"], date(2030, 3, 4))]    # other type
    docs = [make_doc("a", base)] + [make_doc(e.id, e) for e in others]
    link_documents(docs)
    assert len(set(groups(docs).values())) == 5


def test_symmetric_events_need_the_same_set_of_countries():
    docs = [make_doc("a", make_event("a1", "CONSULT", ["FRA", "BRA", "ARG"], date(2030, 3, 4), mode="meeting")),
            make_doc("b", make_event("b1", "CONSULT", ["ARG", "FRA", "BRA"], date(2030, 3, 4), mode="meeting")),
            make_doc("c", make_event("c1", "CONSULT", ["FRA", "BRA"], date(2030, 3, 4), mode="meeting"))]
    link_documents(docs)
    ids = groups(docs)
    assert ids["a1"] == ids["b1"] != ids["c1"]


def test_an_undated_mention_joins_the_only_dated_candidate_but_not_one_of_two():
    plan = dict(type_="CONSULT", mode="visit", status="planned")
    alone = [make_doc("a", make_event("a1", countries=["FRA", "BRA"], day=date(2030, 4, 1),
                                      until=date(2030, 4, 30), **plan)),
             make_doc("b", make_event("b1", countries=["FRA", "BRA"], day=None, **plan))]
    link_documents(alone)
    assert groups(alone)["a1"] == groups(alone)["b1"]
    two = [make_doc("a", make_event("a1", countries=["FRA", "BRA"], day=date(2030, 4, 1), **plan)),
           make_doc("c", make_event("c1", countries=["FRA", "BRA"], day=date(2031, 9, 1), **plan)),
           make_doc("b", make_event("b1", countries=["FRA", "BRA"], day=None, **plan))]
    link_documents(two)
    assert len(set(groups(two).values())) == 3


def test_distinct_events_of_one_document_keep_distinct_canonical_ids():
    day = date(2030, 3, 4)
    docs = [make_doc("a", make_event("a1", "ASSAULT", ["RUS", "UKR"], day),
                     make_event("a2", "ASSAULT", ["RUS", "UKR"], day)),
            make_doc("b", make_event("b1", "ASSAULT", ["RUS", "UKR"], day))]
    link_documents(docs)
    ids = groups(docs)
    assert ids["a1"] != ids["a2"]
    assert ids["b1"] in (ids["a1"], ids["a2"])


def test_a_plan_and_the_visit_that_fulfils_it_are_linked_not_merged():
    docs = [make_doc("a", make_event("a1", "CONSULT", ["FRA", "BRA"], date(2030, 4, 1), "planned",
                                     "visit", until=date(2030, 4, 30))),
            make_doc("b", make_event("b1", "CONSULT", ["FRA", "BRA"], date(2030, 4, 12), "occurred",
                                     "visit"))]
    links = link_documents(docs)
    ids = groups(docs)
    assert ids["a1"] != ids["b1"]
    assert [(link.plan, link.fact, link.kind) for link in links] == [("a1", "b1", "fulfils")]


def test_canonical_ids_do_not_depend_on_document_order():
    def batch():
        return [make_doc("a", make_event("z9", "SANCTION", ["USA", "IRN"], date(2030, 1, 2))),
                make_doc("b", make_event("m5", "SANCTION", ["USA", "IRN"], date(2030, 1, 2)))]
    forward, backward = batch(), batch()[::-1]
    link_documents(forward)
    link_documents(backward)
    assert groups(forward) == groups(backward) == {"z9": canonical_id_for("m5"),
                                                   "m5": canonical_id_for("m5")}


def _gold_as_documents(gold_docs: list[dict]) -> list[Document]:
    """Documents whose events are the gold events: the linking rule given perfect extraction."""
    docs = []
    for gold in gold_docs:
        events = []
        for g in gold["events"]:
            first, last = (date.fromisoformat(d) for d in g["date"]) if g.get("date") else (None, None)
            events.append(make_event(g["id"], g["type"], g["countries"], first, g["status"],
                                     g.get("mode"), until=last))
        docs.append(make_doc(gold["doc"], *events))
    return docs


def test_gold_events_of_the_corpus_are_linked_as_the_gold_says(seeds_dir, dev_dir):
    spec = importlib.util.spec_from_file_location("score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = load_gold(SEEDS) + load_gold(DEV)
    docs = _gold_as_documents(gold)
    link_documents(docs)
    result = scorer.score(gold, [json.loads(json.dumps(d.to_dict())) for d in docs])
    assert result["cross_doc_links_found"] >= 0.9
    assert result["cross_doc_false_merges"] <= 0.02


# -- identity in the chronicle across corrections (issue 10 §3) ------------------------------

def stored_doc(source: str, text: str, *events: Event, published: date | None = None,
               outlet: str | None = None) -> Document:
    doc = make_doc(source, *events)
    doc.text, doc.outlet = text, outlet
    doc.published, doc.published_given = published, published is not None
    return doc


def test_a_corrected_publication_date_replaces_the_stored_one(tmp_path):
    from kronik.store import Chronicle

    text = "Teks artikel yang sama tentang telepon antara dua presiden rekaan."
    call = lambda: make_event("a1", "CONSULT", ["FRA", "BRA"], date(2030, 3, 4), mode="phone")  # noqa: E731
    with Chronicle.open(tmp_path / "k.duckdb") as store:
        store.ingest([stored_doc("a.txt", text, call(), published=date(2030, 3, 4))])
        again = store.ingest([stored_doc("a.txt", text, call(), published=date(2030, 3, 4))])
        fixed = store.ingest([stored_doc("a.txt", text, call(), published=date(2030, 3, 5))])
        assert (again.unchanged, fixed.corrected) == (1, 1)
        assert store.document("a.txt")["published"] == "2030-03-05"
        assert store.event("a1")["canonical_id"] == canonical_id_for("a1")
        assert store.stats()["documents"] == 1


def test_the_same_text_under_another_name_records_the_second_source(tmp_path):
    from kronik.store import Chronicle

    text = "Teks artikel yang disiarkan ulang oleh kantor berita rekaan."
    with Chronicle.open(tmp_path / "k.duckdb") as store:
        store.ingest([stored_doc("a.txt", text)])
        report = store.ingest([stored_doc("b.txt", text), stored_doc("b.txt", text)])
        assert (report.added, report.unchanged, report.new_sources) == (0, 2, 1)
        sources = store.con.execute("SELECT list(source ORDER BY source) FROM document_sources")
        assert sources.fetchone()[0] == ["a.txt", "b.txt"]
        assert store.stats()["documents"] == 1


def test_a_corrected_text_keeps_its_old_event_and_group_ids_reachable(tmp_path):
    from kronik.store import Chronicle

    call = make_event("a1", "CONSULT", ["FRA", "BRA"], date(2030, 3, 4), mode="phone")
    with Chronicle.open(tmp_path / "k.duckdb") as store:
        store.ingest([stored_doc("a.txt", "Versi pertama artikel rekaan.", call)])
        old_group = store.event("a1")["canonical_id"]
        fixed = make_event("a0", "CONSULT", ["FRA", "BRA"], date(2030, 3, 4), mode="phone")
        report = store.ingest([stored_doc("a.txt", "Versi kedua yang dikoreksi.", fixed)])
        assert report.replaced == 1
        new_group = canonical_id_for("a0")
        assert store.event(old_group)["canonical_id"] == new_group
        assert store.event("a1")["canonical_id"] == new_group


def test_a_group_renamed_by_an_earlier_member_redirects_its_old_id(tmp_path):
    from kronik.store import Chronicle

    with Chronicle.open(tmp_path / "k.duckdb") as store:
        store.ingest([stored_doc("b.txt", "Artikel kedua rekaan.",
                                 make_event("b1", "CONSULT", ["FRA", "BRA"], date(2030, 3, 4), mode="phone"))])
        store.ingest([stored_doc("a.txt", "Artikel pertama rekaan.",
                                 make_event("a1", "CONSULT", ["FRA", "BRA"], date(2030, 3, 4), mode="phone"))])
        assert store.event(canonical_id_for("b1"))["canonical_id"] == canonical_id_for("a1")


def test_confidence_counts_outlets_that_report_the_event_not_background_mentions(tmp_path):
    from kronik.store import Chronicle

    def strike(event_id: str) -> Event:
        return make_event(event_id, "ASSAULT", ["FRA", "BRA"], date(2022, 2, 24))

    with Chronicle.open(tmp_path / "k.duckdb") as store:
        store.ingest([stored_doc(f"{n}.txt", f"Artikel latar rekaan nomor {n}.", strike(f"x{n}"),
                                 published=date(2030, 5, n + 1), outlet=f"Kabar {n}")
                      for n in range(3)])
        recalled = store.event("x0")
        assert (recalled["mentions"], recalled["independent"]) == (3, 0)
        assert recalled["confidence"] < 0.5
        store.ingest([stored_doc("now.txt", "Laporan rekaan pada hari itu.", strike("n1"),
                                 published=date(2022, 2, 25), outlet="Kabar Kini")])
        reported = store.event("x0")
        assert reported["independent"] == 1 and reported["confidence"] > recalled["confidence"]
        reason = store.event("x0")["confidence_reason"]
    assert reason.startswith("1 independent outlet reports it; 3 more mention it only as background")
