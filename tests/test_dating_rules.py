"""Event dates and status: retaliations, counts inside plans, background acts and visits
(invented sentences and actors; the fictional states of tests/test_events.py)."""
from __future__ import annotations

from datetime import date

from test_events import events_of

from kronik.document import Party, Span
from kronik.events.frames import Frame
from kronik.events.merge import Cluster, join_same_talks

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


def test_a_count_from_a_clause_inside_a_plan_dates_nothing_and_the_act_is_not_yet():
    text = ("Judul berita\n\nPeru dan Chili sedang membahas rencana untuk membuka kembali perbatasan "
            "sekitar 30 hari setelah kedua negara menandatangani perjanjian damai.")
    agreement = next(e for e in events_of(text, PUBLISHED) if e.type == "AGREE")
    assert agreement.date is None
    assert agreement.status == "planned"


def test_a_count_from_a_clause_of_what_happened_still_dates_the_act():
    text = ("Judul berita\n\nPeru menutup perbatasan dua hari setelah Chili menyerang "
            "pos militer Peru pada Senin (4/3/2024).")
    assault = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT")
    assert assault.status == "occurred"
    assert assault.date is not None


def test_the_act_a_plan_counts_from_takes_no_date_from_the_sentences_around_it():
    text = ("Judul berita\n\nHarga minyak turun pada Selasa (5/3/2024). Peru dan Chili sedang membahas "
            "rencana untuk membuka kembali perbatasan sekitar 30 hari setelah kedua negara "
            "menandatangani perjanjian damai.")
    agreement = next(e for e in events_of(text, PUBLISHED) if e.type == "AGREE")
    assert (agreement.status, agreement.date) == ("planned", None)


def test_talks_there_during_a_planned_trip_are_that_trip_and_planned():
    text = ("Judul berita\n\nRenn bertemu Kald di Santiago pada Senin (4/3/2024). Renn dan Kald juga "
            "menggelar pertemuan bilateral kedua pada Selasa (5/3/2024). Usai dari Chili, Renn akan "
            "melanjutkan kunjungan kenegaraan ke Bolivia. Agenda utama di sana adalah menemui pemimpin Bolivia.")
    trips = [e for e in events_of(text, PUBLISHED) if e.type == "CONSULT" and e.recipient.country == "BOL"]
    assert [(e.mode, e.status, e.date) for e in trips] == [("visit", "planned", None)]


def test_an_act_after_setelah_itu_is_not_dated_by_the_date_line():
    text = ("Judul berita tentang tarif\nSelasa, 5 Maret 2024 19:30 WIB\n\n"
            "Menteri Perdagangan Peru menjelaskan soal kesepakatan dagang dengan Chili setelah putusan "
            "pengadilan membatalkan kebijakan sebelumnya. Setelah itu, Chili hanya mengenakan tarif "
            "kepada Peru sebesar 10 persen. Menurut dia, Chili kini sedang meninjau kebijakan itu. "
            "\"Kami masih menunggu keputusan akhir dari mereka,\" ujarnya di Lima, Selasa (5/3/2024).")
    tariff = next(e for e in events_of(text, PUBLISHED) if e.type == "SANCTION")
    assert tariff.date is None


def test_talks_placed_in_another_state_are_no_part_of_an_earlier_visit():
    text = ("Judul berita\n\nMenteri Luar Negeri Peru Ana Quispe mengatakan kepada Kald bahwa kesepakatan "
            "hampir tercapai. Quispe menyampaikan hal tersebut dalam pertemuan di Santiago pada Senin (4/3/2024). "
            "Sebelumnya, Quispe berkunjung ke Bolivia pekan lalu untuk mendorong perdamaian.")
    visit = next(e for e in events_of(text, PUBLISHED) if e.type == "CONSULT" and e.recipient.country == "BOL")
    assert interval(visit) == (date(2024, 2, 26), date(2024, 3, 3))



def _visit(sentence: int, day: date, status: str = "occurred", type_: str = "CONSULT") -> Cluster:
    """An event of one mention, Peru visiting Chile (or another type between them), dated ``day``."""
    peru, chile = Party("Tomas Renn", "PER", "person"), Party("Ines Kald", "CHL", "person")
    mode = "visit" if type_ == "CONSULT" else None
    frame = Frame(type_, mode, Span(sentence * 10, sentence * 10 + 5, "kunjungan"), sentence, [peru], [chile], status)
    cluster = Cluster(type_, mode, [peru], [chile], status, [frame])
    cluster.set_interval(day, day, None, "test")
    return cluster


def test_talks_that_come_out_twice_the_same_in_every_field_are_one_event():
    day = date(2024, 3, 5)
    joined = join_same_talks([_visit(1, day), _visit(4, day)])
    assert len(joined) == 1 and len(joined[0].frames) == 2


def test_talks_on_other_days_and_agreements_signed_the_same_day_stay_apart():
    assert len(join_same_talks([_visit(1, date(2024, 3, 5)), _visit(4, date(2024, 3, 4))])) == 2
    day = date(2024, 3, 5)
    assert len(join_same_talks([_visit(1, day, type_="AGREE"), _visit(4, day, type_="AGREE")])) == 2


def test_a_pair_of_a_mention_with_several_targets_takes_the_date_of_another_pair():
    text = ("Judul berita\n\nRenn telah mengeluarkan ancaman, baik ke Chili maupun Bolivia.\n"
            "Renn pada Senin (4/3/2024) mengancam akan menyerang Chili.\n"
            "Sedangkan kepada Bolivia, ia mengancam akan menutup perbatasan.")
    threat = next(e for e in events_of(text, PUBLISHED) if e.type == "THREATEN" and e.recipient.country == "BOL")
    assert interval(threat) == (date(2024, 3, 4), date(2024, 3, 4))


def test_the_place_of_one_target_is_not_the_place_of_the_pair_with_another():
    text = "Judul berita\n\nPeru menyerang pangkalan militer di Chili dan Bolivia pada Senin (4/3/2024)."
    assaults = {e.recipient.country: e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT"}
    assert assaults["BOL"].location is None or assaults["BOL"].location.country != "CHL"


def test_a_statement_is_not_placed_where_the_act_it_blames_happened():
    text = "Judul berita\n\nChili mengecam serangan Peru terhadap pelabuhan di Bolivia pada Senin (4/3/2024)."
    events = events_of(text, PUBLISHED)
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert accusation.location is None
