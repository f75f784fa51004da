"""Triggers and their acceptance, on invented sentences and actors (``test_events.prepare``):
which words of Indonesian news name an event, and which only look like one.
"""
from __future__ import annotations

import pytest
from test_events import events_of, sides

from kronik.document import Party, Quote

def coded(text: str) -> list[tuple[str, tuple]]:
    return sorted((e.type, sides(e)) for e in events_of(text))


@pytest.mark.parametrize("text", [
    "Pihak Peru menilai Chili melanggar kesepakatan gencatan senjata.",
    "Peru menganggap Chili telah melanggar kedaulatan wilayahnya pada Senin (4/3/2024).",
    "Renn menyebut Chili secara terang-terangan melanggar hukum internasional.",
])
def test_judging_another_state_in_breach_is_an_accusation(text):
    assert coded(text) == [("ACCUSE", ("PER", "CHL"))]


@pytest.mark.parametrize("text", [
    "Peru menilai Chili tidak melanggar kesepakatan gencatan senjata.",
    "Hakim menilai perbuatan terdakwa melanggar Pasal 5 undang-undang itu di Peru.",
])
def test_no_accusation_where_the_breach_is_denied_or_not_between_states(text):
    assert [e for e in events_of(text) if e.type == "ACCUSE"] == []


@pytest.mark.parametrize("text", [
    "Kenaikan tarif Peru dinilai akan mengancam pelemahan ekonomi Chili.",
    "Peru menembak jatuh drone Chili yang dinilai mengancam kapal-kapal Peru.",
    "Kebijakan Peru mengancam keselamatan warga Chili.",
])
def test_endangering_is_no_threat(text):
    assert [e for e in events_of(text) if e.type == "THREATEN"] == []


def test_a_threat_against_a_state_stays_a_threat():
    assert coded("Peru mengancam Chili pada Senin (4/3/2024).") == [("THREATEN", ("PER", "CHL"))]


def test_a_headline_verb_without_its_prefix_accuses():
    text = "Peru Kecam Uji Coba Rudal Chili\n\nPemerintah setempat memberi keterangan pada Senin (4/3/2024)."
    assert coded(text) == [("ACCUSE", ("PER", "CHL"))]


def test_a_bare_verb_in_the_body_is_no_headline():
    text = "Pemerintah memberi keterangan pada Senin (4/3/2024). Menurut Renn, Peru kecam hal itu di Chili."
    assert coded(text) == []


@pytest.mark.parametrize("text", [
    "Peru tidak akan pernah menerima tuntutan Chili.",
    "Peru tak akan mengakui aneksasi wilayah itu oleh Chili.",
])
def test_a_refusal_declared_for_good_is_a_rejection(text):
    assert coded(text) == [("REJECT", ("PER", "CHL"))]


def test_calling_a_state_a_threat_accuses_it():
    assert coded("Peru menyebut Chili sebagai ancaman bagi kawasan.") == [("ACCUSE", ("PER", "CHL"))]


@pytest.mark.parametrize("text, expected", [
    ("Peru menerbangkan bantuan kemanusiaan ke Chili.", ("AID", ("PER", "CHL"))),
    ("Peru menjatuhkan bom di wilayah Chili.", ("ASSAULT", ("PER", "CHL"))),
    ("Angkatan laut Peru menenggelamkan kapal perang Chili.", ("ASSAULT", ("PER", "CHL"))),
    ("Peru mengultimatum Chili untuk menarik pasukannya dalam 48 jam.", ("THREATEN", ("PER", "CHL"))),
    ("Peru tidak segan-segan menyerang Chili jika diprovokasi.", ("THREATEN", ("PER", "CHL"))),
])
def test_more_verbs_of_aid_attack_and_threat(text, expected):
    assert coded(text) == [expected]


def test_readiness_to_help_is_no_threat():
    assert coded("Peru tidak ragu mendukung Chili.") == []


@pytest.mark.parametrize("text", [
    "Tarif impor produk Chili dinaikkan Peru menjadi 50 persen.",
    "Peru melipatgandakan tarif atas baja Chili.",
])
def test_tariffs_raised_in_the_passive_or_doubled_are_sanctions(text):
    assert coded(text) == [("SANCTION", ("PER", "CHL"))]


def test_a_price_raised_is_no_sanction():
    assert coded("Harga gandum Chili dinaikkan oleh pedagang Peru.") == []


@pytest.mark.parametrize("text, mode", [
    ("Renn berbincang dengan Kald melalui sambungan telepon.", "phone"),
    ("Renn berbincang-bincang dengan Kald di sela KTT.", "meeting"),
    ("Renn berbicara dengan Kald via telepon pada Senin (4/3/2024).", "phone"),
    ("Renn melakukan pembicaraan dengan Kald melalui telepon.", "phone"),
    ("Renn berbicara dengan Kald soal perdagangan, lalu melalui telepon menghubungi Quispe.", "meeting"),
])
def test_chatting_with_a_leader_is_talks(text, mode):
    assert [(e.type, e.mode, sides(e)) for e in events_of(text)] == [("CONSULT", mode, ("PER", "CHL"))]


def test_chatting_with_reporters_is_no_talks():
    assert coded("Renn mengatakan hal itu saat berbincang dengan wartawan di Lima tentang Chili.") == []


@pytest.mark.parametrize("text", [
    "Peru memulangkan duta besarnya dari Chili.",
    "Peru menangguhkan kerja sama militer dengan Chili.",
    "Peru membekukan hubungan diplomatik dengan Chili.",
    "Peru menurunkan status hubungan diplomatik dengan Chili.",
])
def test_relations_reduced_are_sanctions(text):
    assert coded(text) == [("SANCTION", ("PER", "CHL"))]


@pytest.mark.parametrize("text", [
    "Klub itu menghentikan kerja sama dengan pelatih asal Chili.",
    "Peru memulangkan warganya dari Chili.",
])
def test_no_sanction_without_relations_between_states(text):
    assert coded(text) == []


@pytest.mark.parametrize("text", [
    "Peru menuntut permintaan maaf dari Chili.",
    "Peru meminta klarifikasi kepada Chili soal insiden itu.",
    "Peru menyerukan gencatan senjata kepada Chili.",
])
def test_asking_for_what_is_owed_is_a_request(text):
    assert coded(text) == [("REQUEST", ("PER", "CHL"))]


def test_refusing_to_attend_is_a_rejection_and_no_meeting():
    assert coded("Peru menolak hadir dalam pertemuan dengan Chili.") == [("REJECT", ("PER", "CHL"))]


@pytest.mark.parametrize("text", [
    "Peru dan Chili sepakat membentuk satuan tugas bersama.",
    "Peru dan Chili sepakat untuk membuka kembali perbatasan.",
    "Peru setuju menjual jet tempur kepada Chili.",
])
def test_agreeing_to_a_concrete_act_is_an_agreement(text):
    assert coded(text) == [("AGREE", ("PER", "CHL"))]


@pytest.mark.parametrize("text", [
    "Renn dan Kald sepakat mengenai pentingnya perdamaian.",
    "Peru dan Chili sepakat untuk bekerja sama demi perdamaian kawasan.",
])
def test_agreeing_on_an_opinion_or_a_wish_is_none(text):
    assert [e for e in events_of(text) if e.type == "AGREE"] == []


@pytest.mark.parametrize("text, expected", [
    ("Pangkalan militer Chili dihantam rudal Peru.", ("ASSAULT", ("PER", "CHL"))),
    ("Kota perbatasan Chili digempur artileri Peru.", ("ASSAULT", ("PER", "CHL"))),
    ("Kapal Chili ditenggelamkan angkatan laut Peru.", ("ASSAULT", ("PER", "CHL"))),
    ("Peru mencaplok wilayah Chili.", ("MOBILIZE", ("PER", "CHL"))),
])
def test_attacks_in_the_passive_with_the_weapon_before_the_agent(text, expected):
    assert coded(text) == [expected]


@pytest.mark.parametrize("text", ["Peru memasok senjata kepada Chili.", "Peru mengirimkan amunisi ke Chili."])
def test_arms_supplied_are_aid(text):
    assert coded(text) == [("AID", ("PER", "CHL"))]


def test_arms_asked_for_are_the_content_of_the_request():
    assert coded("Chili meminta Peru untuk menyediakan lebih banyak amunisi.") == [("REQUEST", ("CHL", "PER"))]


@pytest.mark.parametrize("text", [
    "Peru menengahi perundingan antara Chili dan Bolivia.",
    "Peru memfasilitasi pertemuan antara Chili dan Bolivia.",
])
def test_talks_a_third_state_mediates_are_between_the_two_sides(text):
    assert coded(text) == [("CONSULT", ("CHL", "BOL"))]


def test_aid_offered_is_aid():
    assert coded("Peru menawarkan bantuan kepada Chili.") == [("AID", ("PER", "CHL"))]


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
