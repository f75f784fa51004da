"""Event dates: which time expression governs an event, and what an event the text does not
date gets (invented sentences and actors; the fictional ministers of tests/test_events.py)."""
from __future__ import annotations

from datetime import date

import pytest

from kronik.document import Party, Quote
from kronik.events.dating import _years_back
from kronik.pipeline import default_pipeline
from kronik.stages.events import Events
from kronik.time.resolve import days_after
from test_events import events_of, prepare

# Wednesday 6 March 2024, the publication date of every article here unless a test says so.
PUBLISHED = "2024-03-06"


def interval(event) -> tuple[date, date] | None:
    return (event.date.start, event.date.end) if event.date else None


def test_statement_reported_as_news_is_the_publication_day_or_the_day_before():
    events = events_of("Bolivia mengecam Peru atas penutupan perbatasan itu.")
    assert [(e.type, interval(e)) for e in events] == [("ACCUSE", (date(2024, 3, 5), date(2024, 3, 6)))]


def test_statement_placed_on_another_occasion_stays_undated():
    events = events_of("Bolivia sebelumnya mengecam Peru atas penutupan perbatasan itu.")
    assert [(e.type, e.date) for e in events] == [("ACCUSE", None)]


def test_statement_without_a_stated_publication_date_stays_undated():
    doc = prepare("Bolivia mengecam Peru atas penutupan perbatasan itu.")
    doc.published, doc.published_inferred = date(2024, 3, 6), True
    events = Events()(doc).events
    assert [(e.type, e.date) for e in events] == [("ACCUSE", None)]


def test_statement_between_the_states_of_the_lead_talks_takes_their_date():
    text = ("Renn bertemu dengan Kald di Lima pada Senin (4/3/2024).\n"
            "Peru mendesak Chili untuk membuka kembali perbatasan.")
    events = events_of(text)
    request = next(e for e in events if e.type == "REQUEST")
    assert interval(request) == (date(2024, 3, 4), date(2024, 3, 4))


def test_undated_talks_stay_undated_although_a_neighbour_sentence_is_dated():
    text = ("Menteri itu tiba di Lima pada Selasa (5/3/2024). "
            "Dulu Renn pernah bertemu dengan Kald di Santiago.")
    meeting = next(e for e in events_of(text) if e.type == "CONSULT")
    assert meeting.date is None


def test_quoted_talks_are_not_dated_from_the_narrators_sentence():
    text = ("Menteri itu berada di Lima pekan ini. "
            "“Renn sudah bertemu dengan Kald di Santiago dalam suasana yang hangat sekali,” kata Ortiz.")
    doc = prepare(text)
    start, end = doc.text.index("“") + 1, doc.text.index(",”")
    doc.quotes = [Quote(start, end, doc.text[start:end], None)]
    meeting = next(e for e in Events()(doc).events if e.type == "CONSULT")
    assert meeting.date is None


def test_sentence_opening_a_narrated_sequence_takes_the_previous_occasion():
    text = ("Renn bertemu dengan Kald di Santiago pada Selasa (5/3/2024).\n"
            "Pertemuan itu membahas perdagangan dan perbatasan kedua negara.\n"
            "Kemudian, Renn melakukan pertemuan bilateral dengan Bolivia.")
    events = events_of(text)
    second = next(e for e in events if e.type == "CONSULT" and "Bolivia" in e.evidence.text)
    assert interval(second) == (date(2024, 3, 5), date(2024, 3, 5))


def test_agreement_after_the_talks_takes_their_date_not_a_later_contract_year():
    text = ("Komisi bersama kedua negara bersidang di Lima pada Selasa (5/3/2024).\n"
            "Usai sidang, Renn dan Kald menandatangani nota kesepahaman "
            "yang akan dilaksanakan tahun depan.")
    agreement = next(e for e in events_of(text) if e.type == "AGREE")
    assert interval(agreement) == (date(2024, 3, 5), date(2024, 3, 5))


def test_calendar_arithmetic_stays_inside_the_calendar():
    assert days_after(date.min, -1) == date.min
    assert days_after(date.max, 3) == date.max
    assert days_after(date(2024, 3, 1), -1) == date(2024, 2, 29)
    assert _years_back(date(2024, 2, 29), 1) == date(2023, 2, 28)
    assert _years_back(date(3, 5, 1), 10) == date(1, 5, 1)


def test_statement_at_a_vague_recent_time_is_not_todays_news():
    events = events_of("Baru-baru ini Bolivia juga mengecam Peru atas penutupan perbatasan itu.")
    assert [(e.type, e.date) for e in events] == [("ACCUSE", None)]


def test_lead_reaction_is_not_dated_by_the_act_a_later_sentence_dates():
    text = ("Bolivia mengecam Peru atas serangan terbaru di perbatasan. "
            "Menurut laporan itu, Peru pada hari Senin menyerang pos perbatasan Bolivia.")
    events = events_of(text)
    accusation = next(e for e in events if e.type == "ACCUSE")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert interval(attack) == (date(2024, 3, 4), date(2024, 3, 4))
    assert interval(accusation) == (date(2024, 3, 5), date(2024, 3, 6))


def test_attacks_going_on_since_a_day_run_to_the_publication_date():
    events = events_of("Perang pecah setelah Peru melancarkan serangan ke wilayah Chili sejak 28 Februari.")
    assert [(e.type, interval(e)) for e in events] == [("ASSAULT", (date(2024, 2, 28), date(2024, 3, 6)))]


def test_the_first_act_since_a_year_is_not_dated_by_that_year():
    events = events_of("Peru menyerang Chili untuk pertama kalinya sejak 2018.")
    assert [(e.type, e.date) for e in events] == [("ASSAULT", None)]


def test_a_written_date_beats_the_relative_word_beside_it():
    events = events_of("Renn akan berkunjung ke Chili besok, Rabu (6/3/2024).", published="2024-03-03")
    assert [(e.mode, interval(e)) for e in events] == [("visit", (date(2024, 3, 6), date(2024, 3, 6)))]


def test_a_visit_lasting_three_days_from_a_day_covers_the_three_days():
    events = events_of("Renn mengunjungi Chili selama tiga hari sejak Senin.", published="2024-03-03")
    assert [(e.mode, interval(e)) for e in events] == [("visit", (date(2024, 2, 26), date(2024, 2, 28)))]
    planned = events_of("Renn akan mengunjungi Chili selama tiga hari mulai Selasa (5/3/2024).",
                        published="2024-03-03")
    assert [(e.status, interval(e)) for e in planned] == [("planned", (date(2024, 3, 5), date(2024, 3, 7)))]


def test_dates_at_the_ends_of_the_calendar_do_not_crash_extraction():
    text = ("Peru mengecam Chili besok. Peru menyerang Chili sejak Senin. "
            "Renn mengunjungi Chili selama tiga hari sejak Senin. Peru menyerang Chili tiga tahun lalu. "
            "Peringatan kelima serangan Peru terhadap Chili jatuh pada akhir bulan ini.")
    for published in ("0001-01-01", "9999-12-31"):
        events = events_of(text, published=published)
        assert events and all(e.date is None or date.min <= e.date.start <= e.date.end <= date.max
                              for e in events)


def test_a_neighbours_date_of_an_act_between_other_states_is_not_context():
    text = ("Perjanjian damai Bolivia dan Ekuador diteken pada 15 September 2020. "
            "Peru menolak tuntutan Chili itu.")
    rejection = next(e for e in events_of(text) if e.type == "REJECT")
    assert interval(rejection) == (date(2024, 3, 5), date(2024, 3, 6))


def test_an_invitation_made_besides_does_not_date_the_planned_visit():
    text = ("Renn dan Kald melakukan panggilan telepon pada Senin (4/3/2024). "
            "Selain itu, Kald mengundang Renn untuk melakukan kunjungan ke Santiago.")
    visit = next(e for e in events_of(text) if e.mode == "visit")
    assert (visit.status, visit.date) == ("planned", None)


def test_talks_told_in_a_quote_are_not_dated_by_the_day_it_was_said():
    text = "“Presiden sudah bertemu dengan Kald di Santiago untuk membahas perbatasan,” kata Quispe, Selasa (5/3/2024)."
    doc = prepare(text)
    start, end = doc.text.index("“") + 1, doc.text.index(",”")
    doc.quotes = [Quote(start, end, doc.text[start:end], Party("Ana Quispe", "PER", "person"))]
    meeting = next(e for e in Events()(doc).events if e.type == "CONSULT")
    assert meeting.date is None


def test_an_undated_caption_is_not_dated_by_the_article():
    text = ("Peru mengecam Chili pada Selasa (5/3/2024) atas penutupan perbatasan.\n"
            "Renn bertemu dengan Kald di Santiago. (Foto: Dok)")
    doc = prepare(text)
    doc.sentences[-1].is_caption = True
    meeting = next(e for e in Events()(doc).events if e.type == "CONSULT")
    assert meeting.date is None


def test_talks_the_lead_sentence_reports_are_the_news_of_the_day():
    text = ("Renn bertemu dengan Kald di Santiago untuk membahas perdagangan kedua negara.\n"
            "Keduanya juga membahas rencana pembangunan jalur kereta lintas batas.\n"
            "Dulu Renn pernah bertemu dengan Quispe dan Kald di Bolivia.")
    events = events_of(text)
    assert [(e.mode, interval(e)) for e in events if e.type == "CONSULT"][0] == (
        "visit", (date(2024, 3, 5), date(2024, 3, 6)))
    assert all(e.date is None for e in events if "Dulu" in e.evidence.text)


def test_a_statement_takes_the_talks_reported_just_before_it_not_an_earlier_pair():
    text = ("Renn dan Kald bertemu di La Paz pada Jumat (1/3/2024).\n"
            "Renn dan Kald melakukan percakapan telepon pada Senin (4/3/2024).\n"
            "Dalam kesempatan lain, Peru mendesak Chili membuka perbatasan.")
    request = next(e for e in events_of(text) if e.type == "REQUEST")
    assert interval(request) == (date(2024, 3, 4), date(2024, 3, 4))


def test_a_time_ending_an_accusations_content_dates_the_content_not_the_accusation():
    events = events_of("Peru menuding Chili berada di balik kerusakan jalur kereta di dekat perbatasan pada akhir Februari.")
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert interval(accusation) == (date(2024, 3, 5), date(2024, 3, 6))
    dated = events_of("Peru menuding Chili berada di balik kerusakan jalur kereta itu, Selasa (5/3/2024).")
    assert interval(next(e for e in dated if e.type == "ACCUSE")) == (date(2024, 3, 5), date(2024, 3, 5))


def test_a_ceasefire_in_force_since_a_day_is_dated_from_that_day():
    text = ("Renn bertemu dengan Kald di La Paz pada Sabtu (2/3/2024).\n"
            "Gencatan senjata yang rapuh telah berlaku sejak 8 Februari antara Peru dan Chili.")
    events = events_of(text)
    agreement = next(e for e in events if e.type == "AGREE")
    assert agreement.date.start == date(2024, 2, 8)


def test_a_sentence_opening_time_beats_a_time_in_a_relative_clause():
    text = "Pada Januari lalu, Bolivia meyakinkan Peru untuk menghentikan serangan terhadap Chili yang dimulai pada 28 Desember."
    retreat = next(e for e in events_of(text) if e.type == "RETREAT")
    assert interval(retreat) == (date(2024, 1, 1), date(2024, 1, 31))


def test_cited_source_dates_an_event_a_few_sentences_away_only():
    lead = "Harga gandum dunia naik tajam sepanjang pekan ini menurut para pedagang di pasar kota.\n"
    talks = "Bolivia telah berunding dengan Peru soal jalur kereta api. "
    source = "Dilansir dari kantor berita Andes, Senin (4/3/2024), pedagang menunggu keputusan."
    near = events_of(lead + talks + source)
    far = events_of(lead + talks + "Jalur itu panjang. Biayanya besar. Pekerjanya banyak. " + source)
    assert [(e.type, interval(e)) for e in near] == [("CONSULT", (date(2024, 3, 3), date(2024, 3, 4)))]
    assert [(e.type, e.date) for e in far] == [("CONSULT", None)]


def test_sentence_telling_when_the_occasion_was_held_dates_talks_named_in_a_quotation():
    text = ("Bolivia dan Peru terus memperkuat hubungan dagang di sektor pertanian dan peternakan.\n"
            "Kegiatan ini berlangsung di kantor konsulat Bolivia, Lima, pada 4 Maret 2024.\n"
            "Harga gandum naik.\n"
            '"Pertemuan ini penting untuk hubungan Bolivia dan Peru ke depan," ujar Renn.\n')
    start, end = text.index('"Pertemuan'), text.index('," ujar') + 2
    events = events_of(text, quotes=[Quote(start=start, end=end, text=text[start:end])])
    assert [(e.type, interval(e)) for e in events] == [("CONSULT", (date(2024, 3, 4), date(2024, 3, 4)))]


def test_occasion_held_in_a_month_does_not_lend_a_later_clause_day_to_talks():
    text = ("Bolivia dan Peru terus memperkuat hubungan dagang di sektor pertanian dan peternakan.\n"
            "Acara tersebut digelar pada Februari 2024, sebulan setelah Renn dilantik pada 20 Januari.\n"
            "Harga gandum naik.\n"
            '"Pertemuan ini penting untuk hubungan Bolivia dan Peru ke depan," ujar Renn.\n')
    start, end = text.index('"Pertemuan'), text.index('," ujar') + 2
    events = events_of(text, quotes=[Quote(start=start, end=end, text=text[start:end])])
    assert [(e.type, e.date) for e in events] == [("CONSULT", None)]


def test_lead_act_told_as_done_in_someones_words_is_not_the_news_of_the_day():
    told = events_of("Menteri Bolivia mengatakan pihaknya telah berunding dengan Peru soal jalur kereta api "
                     "baru di perbatasan.\nHarga gandum naik.")
    reported = events_of("Bolivia berunding dengan Peru soal jalur kereta api baru di perbatasan kedua negara "
                         "itu.\nHarga gandum naik.")
    assert [(e.type, e.date) for e in told] == [("CONSULT", None)]
    assert [(e.type, interval(e)) for e in reported] == [("CONSULT", (date(2024, 3, 5), date(2024, 3, 6)))]


def test_event_told_as_coinciding_with_something_told_before_takes_its_date():
    events = events_of("Bolivia menyerang pos perbatasan Peru pada Senin (4/3/2024).\n"
                       "Harga gandum naik. Penembakan pos itu terjadi di tengah laporan Chili mengecam Peru "
                       "atas blokade pelabuhan.")
    assert [(e.type, interval(e)) for e in events] == [
        ("ASSAULT", (date(2024, 3, 4), date(2024, 3, 4))), ("ACCUSE", (date(2024, 3, 4), date(2024, 3, 4)))]


def test_act_told_beside_an_earlier_one_shares_its_occasion():
    told = "Peru menelepon Bolivia pada Senin (4/3/2024) untuk mengucapkan selamat.\nHarga gandum naik.\n"
    beside = events_of(told + "Tidak hanya Peru, Chili juga menelepon Bolivia.")
    alone = events_of(told + "Chili menelepon Bolivia.")
    assert [interval(e) for e in beside] == [(date(2024, 3, 4), date(2024, 3, 4))] * 2
    assert [interval(e) for e in alone] == [(date(2024, 3, 4), date(2024, 3, 4)), None]


def test_statement_told_as_an_earlier_episode_is_neither_news_nor_said_at_the_talks():
    talks = "Renn bertemu dengan Kald di Lima pada Senin (4/3/2024).\n"
    episode = events_of(talks + "Peru sempat mengecam Chili atas penutupan perbatasan itu.")
    news = events_of(talks + "Peru mengecam Chili atas penutupan perbatasan itu.")
    assert [(e.type, e.date) for e in episode][1:] == [("ACCUSE", None)]
    assert [(e.type, interval(e)) for e in news][1:] == [("ACCUSE", (date(2024, 3, 4), date(2024, 3, 4)))]


def test_time_after_a_noun_triggers_phrase_dates_that_event_not_the_verb_after_it():
    events = events_of("Serangan Peru ke Bolivia pada Januari 2023 dikritik, kata seorang diplomat "
                       "kepada wartawan pada Senin (4/3/2024).")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert [interval(e) for e in assault] == [(date(2023, 1, 1), date(2023, 1, 31))]


def test_relative_clause_on_another_noun_does_not_date_a_verb_trigger():
    events = events_of("Renn mengunjungi Chili, yang diguncang gempa pada Senin (4/3/2024).")
    assert [(e.type, interval(e)) for e in events] == [("CONSULT", (date(2024, 3, 5), date(2024, 3, 6)))]


def test_relative_clause_on_the_event_noun_dates_it():
    events = events_of("Kunjungan Renn ke Chili yang berlangsung pada Senin (4/3/2024) berjalan lancar.")
    assert [(e.type, interval(e)) for e in events] == [("CONSULT", (date(2024, 3, 4), date(2024, 3, 4)))]


def test_time_of_what_a_statement_is_about_does_not_date_it_from_its_sentence():
    events = events_of("Peru mengecam serangan Chili terhadap kapal yang berlayar pada Senin (4/3/2024).")
    assert [(e.type, interval(e)) for e in events] == [("ACCUSE", (date(2024, 3, 5), date(2024, 3, 6)))]


def test_reaction_is_not_dated_by_the_occasion_it_answers():
    text = ("Peru mengancam akan menyerang Chili. Menanggapi hal itu, Bolivia mengecam Peru. "
            "Ancaman itu disampaikan dalam rapat kabinet pada Senin (4/3/2024).")
    accuse = next(e for e in events_of(text) if e.type == "ACCUSE")
    assert interval(accuse) == (date(2024, 3, 5), date(2024, 3, 6))


def test_date_of_a_digest_the_article_cites_does_not_date_the_event():
    text = ("Peru mengancam akan menyerang Chili. Dirangkum media setempat, Jumat (1/3/2024), hal itu "
            "disampaikan Renn dalam rapat kabinet pada Rabu (28/2/2024).")
    assert [(e.type, interval(e)) for e in events_of(text)] == [("THREATEN", (date(2024, 2, 28), date(2024, 2, 28)))]


def test_relative_clause_on_the_occasion_a_verb_attends_dates_the_attendance():
    events = events_of("Renn menghadiri KTT regional yang digelar oleh Kald pada Senin (4/3/2024).")
    assert [(e.type, interval(e)) for e in events] == [("CONSULT", (date(2024, 3, 4), date(2024, 3, 4)))]


def test_act_going_on_since_a_clause_runs_from_its_time_to_the_article_date():
    events = events_of("Peru telah menyerang Chili sejak gencatan senjata berlaku pada 10 Oktober.")
    assert [(e.type, interval(e)) for e in events] == [("ASSAULT", (date(2023, 10, 10), date(2024, 3, 6)))]


def _with_inferred_date(text: str):
    doc = prepare(text)
    doc.published, doc.published_inferred = date(2024, 3, 6), True
    return Events()(doc).events


def test_text_giving_todays_date_makes_a_statement_the_news_of_that_day():
    events = _with_inferred_date("Peru hari ini, Rabu (6/3/2024), mengusir duta besar Chili.\n"
                                 "Bolivia mengecam Peru atas pengusiran itu.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert interval(accuse) == (date(2024, 3, 5), date(2024, 3, 6))


def test_statement_is_not_dated_by_the_lead_where_the_news_day_is_unknown():
    events = _with_inferred_date("Peru pada Rabu (6/3/2024) mengusir duta besar Chili.\n"
                                 "Bolivia mengecam Peru atas pengusiran itu.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.date is None


def test_agreement_takes_the_date_of_lead_talks_between_its_states_only():
    lead = "Renn bertemu dengan Kald di Lima pada Senin (4/3/2024).\n"
    same = next(e for e in events_of(lead + "Peru dan Chili menandatangani perjanjian perdagangan.")
                if e.type == "AGREE")
    other = next(e for e in events_of(lead + "Bolivia dan Peru menandatangani perjanjian perdagangan.")
                 if e.type == "AGREE")
    assert (interval(same), other.date) == ((date(2024, 3, 4), date(2024, 3, 4)), None)


def test_statement_going_on_from_a_background_sentence_is_not_the_days_news():
    background = "Hubungan kedua negara memburuk sejak Peru menutup perbatasan pada Mei tahun lalu. "
    going_on = events_of(background + "Renn juga mengkritik Chili karena membeli senjata dari Bolivia.")
    news = events_of(background + "Renn mengkritik Chili karena membeli senjata dari Bolivia.")
    assert [(e.type, e.date) for e in going_on] == [("ACCUSE", None)]
    assert [(e.type, interval(e)) for e in news] == [("ACCUSE", (date(2024, 3, 5), date(2024, 3, 6)))]


def test_time_across_a_full_stop_the_splitter_missed_does_not_date_the_event():
    text = ("Warga Bolivia merayakan hari raya hari ini. - Tegang, Peru Usir Kapal Chili Militer Peru "
            "menyatakan telah mengusir kapal perang Chili dari perairannya.")
    assert [(e.type, e.date) for e in events_of(text)] == [("COERCE", None)]


def test_a_later_time_of_the_sentence_beside_it_does_not_date_what_has_happened():
    text = ("Pangkalan militer di Chili menjadi sasaran serangan rudal dari Peru. "
            "Cuaca buruk diperkirakan melanda kawasan itu pada Senin (11/3/2024).")
    assault = next(e for e in events_of(text) if e.type == "ASSAULT")
    assert assault.status == "occurred" and assault.date.start <= date(2024, 3, 6)


@pytest.mark.parametrize("text, published", [
    # Jokowi (2014-2024) and the trade minister (2022-2024): 17 October is a Tuesday in 2023 only.
    ("Presiden Joko Widodo menerima Menteri Perdagangan Zulkifli Hasan di Istana, Selasa (17/10).",
     date(2023, 10, 17)),
    # A former holder tells nothing of the story's years.
    ("Mantan Presiden Joko Widodo menerima tamu di Solo, Selasa (17/10).", None),
    # An office still held leaves the years open.
    ("Presiden Xi Jinping menerima tamu di Beijing, Selasa (17/10).", None),
])
def test_an_undated_article_takes_its_year_from_the_offices_of_the_persons_it_titles(text, published):
    doc = default_pipeline().run(text)
    assert (doc.published if doc.published_inferred else None) == published


def test_a_retaliation_without_a_time_of_its_own_runs_from_the_act_it_answers_to_the_article():
    text = ("Peru menyerang Bolivia pada 28 Februari 2024 dan memicu perang di kawasan itu. "
            "Bolivia membalas dengan menyerang Peru serta pangkalan Chili di perbatasan.")
    answers = [e for e in events_of(text) if e.type == "ASSAULT" and e.actor.country == "BOL"]
    assert answers and {interval(e) for e in answers} == {(date(2024, 2, 28), date(2024, 3, 6))}


@pytest.mark.parametrize("text, expected", [
    # The latest 7 October before the article is five months back: a name, not that day.
    ("Setelah serangan 7 Oktober, Peru menyerang Bolivia.", None),
    # The text writes the year of the day it names.
    ("Chili menyerang Bolivia pada 7 Oktober 2021. Setelah serangan 7 Oktober, Peru menyerang Bolivia.",
     (date(2021, 10, 7), date(2021, 10, 7))),
    # A recent act is called by its day too.
    ("Setelah serangan 2 Maret, Peru menyerang Bolivia.", (date(2024, 3, 2), date(2024, 3, 2))),
])
def test_a_bare_day_after_a_noun_of_an_act_names_that_act_in_the_year_the_text_gives_it(text, expected):
    attack = next(e for e in events_of(text) if e.actor.country == "PER")
    assert interval(attack) == expected


@pytest.mark.parametrize("text, expected", [
    # Background told as done: neither the next sentence's time nor the news day.
    ("Renn bertemu Kald di Lima pada Senin (4/3/2024).\nPeru telah mendesak Bolivia untuk membuka "
     "perbatasan. Bolivia menolak tawaran Chili pada akhir pekan lalu.", None),
    # The lead so told is still the day's news.
    ("Peru telah mendesak Bolivia untuk segera membuka kembali perbatasan kedua negara yang ditutup.",
     (date(2024, 3, 5), date(2024, 3, 6))),
])
def test_an_act_told_as_done_already_takes_no_later_sentences_time_nor_the_news_day(text, expected):
    request = next(e for e in events_of(text) if e.type == "REQUEST")
    assert interval(request) == expected


def test_an_act_told_after_a_response_opener_is_another_act_than_the_news_of_the_same_pair():
    text = ("Bolivia menyerang Peru pada Selasa (5/3/2024) dengan rudal jarak jauh yang baru.\n"
            "Peru menyerang Bolivia pada 28 Februari 2024. Sebagai respons, Bolivia segera melancarkan "
            "serangkaian serangan. Bolivia menembakkan ratusan rudal ke wilayah Peru.")
    attacks = [interval(e) for e in events_of(text) if e.actor.country == "BOL"]
    assert attacks == [(date(2024, 3, 5), date(2024, 3, 5)), (date(2024, 2, 28), date(2024, 3, 6))]


@pytest.mark.parametrize("act", [
    "Penembakan oleh kapal Chili terjadi ketika",  # the act named with its actor only
    "Serangan Chili itu terjadi saat",
])
def test_an_act_going_on_when_a_dated_act_named_by_its_actor_only_happened_takes_its_date(act):
    events = events_of("Kapal perang Chili menembaki kapal patroli Peru pada Senin (4/3/2024).\n"
                       f"Harga gandum naik.\n{act} Peru dan Bolivia mengadakan latihan militer bersama.")
    exercise = next(e for e in events if e.type == "COOPERATE")
    assert interval(exercise) == (date(2024, 3, 4), date(2024, 3, 4))


@pytest.mark.parametrize("text, expected", [
    # The act announced as done: by the day of the saying.
    ("Renn mengatakan pada Senin bahwa Peru sudah menyerang pos Bolivia di perbatasan.",
     [(date(2024, 3, 3), date(2024, 3, 4))]),
    # Announced weeks before the news: background, apart from the lead's act of the same pair.
    ("Peru menyerang pos militer Bolivia di sepanjang perbatasan selatan kedua negara itu.\nHarga gandum naik.\n"
     "Renn mengumumkan pada 15 Februari lalu bahwa pasukan Peru telah menyerang Bolivia.",
     [(date(2024, 3, 5), date(2024, 3, 6)), (date(2024, 2, 14), date(2024, 2, 15))]),
])
def test_an_act_told_as_done_in_a_dated_saying_was_done_by_that_day(text, expected):
    assert [interval(e) for e in events_of(text) if e.type == "ASSAULT"] == expected
