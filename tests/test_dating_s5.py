"""Event dates, session 5: acts told as retaliations (invented sentences and actors; the
fictional states of tests/test_events.py)."""
from __future__ import annotations

from datetime import date

from test_events import events_of

# Wednesday 6 March 2024, the publication date of every article here unless a test says so.
PUBLISHED = "2024-03-06"


def interval(event) -> tuple[date, date] | None:
    return (event.date.start, event.date.end) if event.date else None


def test_retaliation_runs_from_the_act_it_answers_to_the_article_date():
    text = ("Perang pecah setelah kelompok bersenjata menyerbu kota perbatasan pada 12 Januari 2024.\n\n"
            "Serangan balasan Peru telah menghancurkan ratusan rumah di Bolivia.")
    assault = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT")
    assert interval(assault) == (date(2024, 1, 12), date(2024, 3, 6))


def test_retaliation_told_after_a_response_opening_takes_the_stretch_before_it():
    text = ("Chili menggempur wilayah Peru sejak 20 Februari. Serangan itu menghancurkan sebuah pelabuhan. "
            "Sebagai respons, Peru segera melancarkan operasi militer. "
            "Peru menembakkan rudal ke pangkalan militer Chili.")
    assault = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT" and e.actor.country == "PER")
    assert interval(assault) == (date(2024, 2, 20), date(2024, 3, 6))


def test_an_act_that_is_no_retaliation_stays_undated():
    text = ("Perang pecah setelah kelompok bersenjata menyerbu kota perbatasan pada 12 Januari 2024.\n\n"
            "Serangan Peru telah menghancurkan ratusan rumah di Bolivia.")
    assault = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT")
    assert assault.date is None


def test_a_time_opening_the_sentence_after_a_connective_sets_its_scene():
    text = ("Renn menghadiri KTT di Santiago pada 12 Januari 2024. "
            "Kemudian, pada Februari 2024, Renn bertemu dengan Kald di Lima setelah mengunjungi Bolivia.")
    visit = next(e for e in events_of(text, PUBLISHED) if e.type == "CONSULT" and e.recipient.country == "BOL")
    assert interval(visit) == (date(2024, 2, 1), date(2024, 2, 29))


def test_an_act_after_usai_in_a_sentence_opened_by_a_connective_and_a_day_is_just_before_it():
    text = ("Renn menghadiri KTT di Santiago pada 12 Januari 2024. "
            "Selanjutnya, pada Jumat (1/3/2024), Renn bertemu dengan Kald di Lima usai mengunjungi Bolivia.")
    visit = next(e for e in events_of(text, PUBLISHED) if e.type == "CONSULT" and e.recipient.country == "BOL")
    assert interval(visit) == (date(2024, 2, 29), date(2024, 3, 1))


def test_a_statement_is_not_dated_by_background_told_beside_it():
    text = ("Judul berita\n\nPeru menyerang Chili pada Jumat (12/1/2024). "
            "Peru mengancam akan melanjutkan serangan jika Chili menolak syarat itu.")
    threat = next(e for e in events_of(text, PUBLISHED) if e.type == "THREATEN")
    assert interval(threat) == (date(2024, 3, 5), date(2024, 3, 6))


def test_a_return_visit_is_no_retaliation_and_stays_undated():
    text = ("Judul berita\n\nRenn menghadiri KTT di Santiago pada Jumat (12/1/2024).\n\n"
            "Kald melakukan kunjungan balasan ke Lima.")
    visit = next(e for e in events_of(text, PUBLISHED) if e.type == "CONSULT" and e.recipient.country == "PER")
    assert visit.date is None


def test_an_event_its_headline_also_reports_is_dated_from_its_body_sentence():
    text = ("Peru Kecam Chili\n\n"
            "Chili menembaki kapal nelayan Peru pada Senin (4/3/2024). Peru mengecam Chili atas insiden itu.")
    accusation = next(e for e in events_of(text, PUBLISHED) if e.type == "ACCUSE")
    assert interval(accusation) == (date(2024, 3, 4), date(2024, 3, 4))


def test_a_count_from_a_clause_beside_a_written_date_dates_that_clause():
    text = "Judul berita\n\nPeru menyerang Chili pada 2 Maret, dua hari setelah Chili menyerang Bolivia."
    attack = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT" and e.actor.country == "CHL")
    assert interval(attack) == (date(2024, 2, 29), date(2024, 2, 29))


def test_a_place_closing_a_clause_of_another_act_is_not_the_main_acts():
    text = ("Judul berita\n\nHubungan Peru dan Chili sangat erat selama bertahun-tahun terakhir ini. "
            "Kedua negara bekerja sama dalam berbagai bidang strategis. "
            "Renn bertemu dengan Kald pada Jumat (1/3/2024) usai menemui delegasi Bolivia di Santiago.")
    talks = next(e for e in events_of(text, PUBLISHED) if e.type == "CONSULT" and "CHL" in
                 {p.country for p in e.participants})
    assert (talks.mode, talks.location) == ("meeting", None)


def test_a_whole_state_named_in_a_lead_sentence_without_talks_is_no_place_of_the_talks():
    text = ("Judul berita\n\nHubungan Peru dan Chili sangat erat di bawah kepemimpinan Renn dan Kald. "
            "Renn meminta sekolah di Peru mengajarkan bahasa resmi Chili kepada para siswa.\n\n"
            "Dalam pertemuan itu, Renn bertemu dengan Kald.")
    talks = next(e for e in events_of(text, PUBLISHED) if e.type == "CONSULT")
    assert (talks.mode, talks.location) == ("meeting", None)
