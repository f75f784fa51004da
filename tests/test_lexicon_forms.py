"""General forms of the event lexicon on invented sentences: the shapes Indonesian news gives
requests, agreements, sanctions and the like (the actors are those of ``test_events``)."""
from __future__ import annotations

import pytest

from test_events import events_of, sides


def test_a_refused_visa_is_a_sanction_in_the_active_voice():
    events = events_of("Peru tidak memberikan visa kepada atlet Chili pada Senin (4/3/2024).")
    assert [(e.type, sides(e)) for e in events] == [("SANCTION", ("PER", "CHL"))]


def test_a_ban_is_not_read_from_a_verb_in_scare_quotes():
    assert events_of("Pada 2023 Peru sudah 'melarang' keikutsertaan tim Chili dalam kejuaraan itu.") == []


def test_an_agreement_added_with_juga_is_another_event():
    text = ("Renn dan Kald menandatangani nota kesepahaman perdagangan di Lima pada Senin (4/3/2024). "
            "Kedua menteri juga menandatangani perjanjian ekstradisi antara Peru dan Chili. "
            "Selain itu, Peru dan Chili menyepakati perjanjian perikanan.")
    agreements = [e for e in events_of(text) if e.type == "AGREE"]
    assert len(agreements) == 3
    assert all({p.country for p in e.participants} == {"PER", "CHL"} for e in agreements)


def test_a_later_mention_of_the_same_agreement_is_one_event():
    text = ("Renn dan Kald menandatangani nota kesepahaman perdagangan di Lima pada Senin (4/3/2024). "
            "Nota kesepahaman itu ditandatangani Renn dan Kald setelah pertemuan mereka.")
    assert len([e for e in events_of(text) if e.type == "AGREE"]) == 1


@pytest.mark.parametrize("sentence, expected", [
    # Thanks for another's support: the one thanked supports the one who thanks.
    ("Renn berterima kasih atas dukungan Kald terhadap pencalonan Peru pada Senin (4/3/2024).",
     ("SUPPORT", ("CHL", "PER"))),
    ("Peru mengapresiasi dukungan Chili dalam pemilihan itu pada Senin (4/3/2024).", ("SUPPORT", ("CHL", "PER"))),
    # A report or statement of another state rejected.
    ("Peru menolak laporan televisi pemerintah Chili pada Senin (4/3/2024).", ("REJECT", ("PER", "CHL"))),
    # A tariff in the passive, its target the subject.
    ("Peru dikenakan tarif impor sebesar 32 persen oleh Chili pada Senin (4/3/2024).", ("SANCTION", ("CHL", "PER"))),
    # A request noun whose content opens with the one asked.
    ("Surat itu berisi permintaan Peru agar Chili menyediakan amunisi pada Senin (4/3/2024).",
     ("REQUEST", ("PER", "CHL"))),
    ("Desakan Peru supaya Chili menarik pasukannya muncul pada Senin (4/3/2024).", ("REQUEST", ("PER", "CHL"))),
    # A request in the passive: the agent asks the subject.
    ("Chili didesak Peru untuk menarik pasukannya pada Senin (4/3/2024).", ("REQUEST", ("PER", "CHL"))),
    # A noun of a request or protest with its addressee after "kepada".
    ("Peru menyampaikan permintaan kepada Chili agar perbatasan dibuka pada Senin (4/3/2024).",
     ("REQUEST", ("PER", "CHL"))),
    ("Peru melayangkan nota protes kepada Chili pada Senin (4/3/2024).", ("ACCUSE", ("PER", "CHL"))),
    # A blacklist names its target between the verb and the list.
    ("Peru memasukkan perusahaan Chili ke dalam daftar hitam pada Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    # Stopping trade, closing one's own airspace, rejecting bluntly, denying firmly.
    ("Peru menghentikan ekspor gandum ke Chili pada Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Peru menutup wilayah udaranya bagi maskapai Chili pada Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Chili menolak mentah-mentah tuduhan Peru pada Senin (4/3/2024).", ("REJECT", ("CHL", "PER"))),
    ("Chili dengan tegas membantah tuduhan Peru pada Senin (4/3/2024).", ("REJECT", ("CHL", "PER"))),
])
def test_general_forms(sentence: str, expected: tuple):
    assert [(e.type, sides(e)) for e in events_of(sentence) if e.type == expected[0]] == [expected]


@pytest.mark.parametrize("sentence", [
    "Pasukan Peru bentrok dengan tentara Chili di perbatasan pada Senin (4/3/2024).",
    "Bentrokan bersenjata antara Peru dan Chili pecah pada Senin (4/3/2024).",
    "Aksi saling serang antara Peru dan Chili kembali terjadi pada Senin (4/3/2024).",
])
def test_a_clash_is_an_attack_of_each_side_on_the_other(sentence: str):
    assert sorted(sides(e) for e in events_of(sentence) if e.type == "ASSAULT") == [("CHL", "PER"), ("PER", "CHL")]


@pytest.mark.parametrize("sentence", [
    "Timnas Peru bentrok dengan Chili di laga semifinal pada Senin (4/3/2024).",
    "Pertempuran sengit antara Peru dan Chili di final Copa America berakhir imbang pada Senin (4/3/2024).",
])
def test_a_clash_in_a_match_is_no_attack(sentence: str):
    assert events_of(sentence) == []


@pytest.mark.parametrize("adverb", ["lantas", "sedang", "tengah", "kini", "justru", "pula", "tiba-tiba",
                                    "lebih dulu", "baru saja", "sekali lagi"])
def test_adverbs_stand_between_a_subject_and_its_verb(adverb: str):
    events = events_of(f"Peru {adverb} mengirimkan bantuan kemanusiaan ke Chili pada Senin (4/3/2024).")
    assert [(e.type, sides(e)) for e in events] == [("AID", ("PER", "CHL"))]


def test_signing_an_order_about_a_treaty_is_no_agreement():
    text = "Peru menandatangani perintah eksekutif untuk keluar dari Perjanjian Lima dengan Chili pada Senin (4/3/2024)."
    assert [e.type for e in events_of(text)] == []


def test_a_passive_signing_finds_the_agreement_in_its_subject():
    text = "Sebanyak 11 perjanjian kerja sama telah ditandatangani Peru dan Chili pada Senin (4/3/2024)."
    assert [(e.type, {p.country for p in e.participants}) for e in events_of(text)] == [("AGREE", {"PER", "CHL"})]
