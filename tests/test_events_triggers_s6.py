"""Triggers and their acceptance, session 6, on invented sentences and actors
(``test_events.prepare``): which words of Indonesian news name an event, and which only look
like one.
"""
from __future__ import annotations

import pytest
from test_events import events_of, sides

from kronik.document import Party, Quote


def coded(text: str) -> list[tuple[str, tuple]]:
    return sorted((e.type, sides(e)) for e in events_of(text))


@pytest.mark.parametrize("text", [
    "Peru mengecam serangan udara Chili ke Bolivia pada Senin (4/3/2024).",
    "Peru Kecam Serangan Udara Chili ke Bolivia\n\nPemerintah setempat memberi keterangan pada Senin (4/3/2024).",
])
def test_a_condemned_attack_happened(text):
    assert coded(text) == [("ACCUSE", ("PER", "CHL")), ("ASSAULT", ("CHL", "BOL"))]


def test_a_condemned_act_told_in_a_relative_clause_names_its_doer():
    assert coded("Peru mengecam pembunuhan yang dilakukan Chili pada Senin (4/3/2024).") == \
        [("ACCUSE", ("PER", "CHL"))]


@pytest.mark.parametrize("text", [
    "Peru menuduh Chili melancarkan serangan udara ke Bolivia pada Senin (4/3/2024).",
    "Peru Tuding Chili Lancarkan Serangan Udara ke Bolivia\n\nPemerintah setempat memberi keterangan pada Senin (4/3/2024).",
])
def test_an_accused_attack_is_only_a_claim(text):
    assert coded(text) == [("ACCUSE", ("PER", "CHL"))]


def test_a_verb_in_a_condemnation_is_no_event_of_the_condemner():
    assert coded("Peru mengecam rencana Chili untuk menyerang Bolivia pada Senin (4/3/2024).") == \
        [("ACCUSE", ("PER", "CHL"))]


@pytest.mark.parametrize("text, act", [
    ("Peru memprotes serangan udara Chili ke Bolivia pada Senin (4/3/2024).", ("ASSAULT", ("CHL", "BOL"))),
    ("Peru Kritik Serangan Udara Chili di Bolivia\n\nPemerintah setempat memberi keterangan pada Senin (4/3/2024).",
     ("ASSAULT", ("CHL", "BOL"))),
    ("Peru mengkritik kunjungan Kald ke Bolivia pada Senin (4/3/2024).", ("CONSULT", ("CHL", "BOL"))),
])
def test_a_criticised_or_protested_act_happened(text, act):
    assert coded(text) == sorted([("ACCUSE", ("PER", "CHL")), act])


@pytest.mark.parametrize("headline", [
    "Peru Kritik Chili atas Pelanggaran Wilayah",
    "Peru Protes Keras Chili atas Pelanggaran Wilayah",
    "Peru Protes ke Chili soal Kapal Ikan",
])
def test_a_headline_verb_spelt_like_a_noun_is_read_as_the_verb(headline):
    text = headline + "\n\nPemerintah setempat memberi keterangan pada Senin (4/3/2024)."
    assert coded(text) == [("ACCUSE", ("PER", "CHL"))]


@pytest.mark.parametrize("text, expected", [
    ("Peru memperingatkan bahwa kesepakatan dengan Chili belum dekat, sementara Renn mengatakan "
     "perundingan berlanjut pada Senin (4/3/2024).", []),
    ("Peru memperingatkan bahwa peralatan itu dapat digunakan Chili untuk spionase pada Senin (4/3/2024).", []),
    ("Peru memperingatkan bahwa serangan terhadap Chili dapat dilanjutkan pada Senin (4/3/2024).",
     [("THREATEN", ("PER", "CHL"))]),
])
def test_a_warning_threatens_only_with_a_consequence(text, expected):
    assert coded(text) == expected


@pytest.mark.parametrize("introduction, expected", [
    ("Pakar hubungan internasional dari Universitas Lima, Jorge Tello, menilai konflik itu panjang.", []),
    ("Juru bicara militer, Jorge Tello, memberi keterangan.", [("THREATEN", ("CHL", "BOL"))]),
])
def test_an_attack_foretold_in_an_analysts_quote_is_no_threat(introduction, expected):
    said = "Chili akan terus menyerang Bolivia tanpa henti"
    text = f'{introduction} "{said}," kata Tello pada Senin (4/3/2024).'
    start = text.index(said)
    quote = Quote(start, start + len(said), said, speaker=Party(name="Jorge Tello", country=None, kind="person"))
    assert sorted((e.type, sides(e)) for e in events_of(text, quotes=[quote])) == expected


@pytest.mark.parametrize("modal", ["bakal", "hendak", "rencananya"])
def test_a_modal_of_a_plan_between_subject_and_verb_keeps_the_subject(modal):
    text = f"Presiden Peru {modal} berkunjung ke Chili pada Senin (11/3/2024)."
    assert [(e.type, e.mode, sides(e), e.status) for e in events_of(text)] == \
        [("CONSULT", "visit", ("PER", "CHL"), "planned")]


@pytest.mark.parametrize("forum", ["APEC", "G20", "ASEAN"])
def test_talks_at_a_meeting_of_a_forum_named_by_its_acronym_are_on_its_sidelines(forum):
    text = f"Menteri Peru bertemu dengan Menteri Chili di Lima pada Senin (4/3/2024) saat pertemuan {forum}."
    assert [(e.type, e.mode) for e in events_of(text)] == [("CONSULT", "meeting")]


@pytest.mark.parametrize("verb", ["menyeruduk", "mengadang"])
def test_ramming_or_blocking_a_foreign_ship_is_coercion(verb):
    assert coded(f"Penjaga pantai Chili {verb} kapal Peru pada Senin (4/3/2024).") == [("COERCE", ("CHL", "PER"))]


@pytest.mark.parametrize("noun, expected", [
    ("penabrakan terhadap kapal", "COERCE"),
    ("penghadangan terhadap kapal", "COERCE"),
    ("penembakan meriam air terhadap kapal", "COERCE"),
    ("penembakan terhadap pesawat", "ASSAULT"),
    ("penenggelaman terhadap kapal", "ASSAULT"),
])
def test_the_noun_of_force_used_on_a_foreign_ship_or_aircraft_names_the_act(noun, expected):
    assert coded(f"Chili melakukan {noun} Peru pada Senin (4/3/2024).") == [(expected, ("CHL", "PER"))]


def test_a_shooting_of_people_is_no_act_between_states():
    assert coded("Polisi Chili melakukan penembakan terhadap warga Peru pada Senin (4/3/2024).") == []
