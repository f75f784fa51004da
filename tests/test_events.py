"""The events stage on invented sentences, with the actors injected by hand.

The entities are given directly so that these tests exercise the event grammar (sides,
status, dates, merging) and not the knowledge base; the time stage is the real one.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

import kronik
from kronik.document import Document, Entity, Party, Quote
from kronik.events.anchors import Anchors
from kronik.events.frames import FrameBuilder
from kronik.events.triggers import find_triggers, holds_talks
from kronik.events.lexicon import lexicon
from kronik.stages.clean import Clean
from kronik.stages.entities import Entities
from kronik.stages.events import Events
from kronik.stages.metadata import Metadata
from kronik.stages.sentences import Sentences
from kronik.stages.timex import Time
from kronik.tokens import tokenize

# Invented actors: (kind, country, canonical name).
ACTORS = {
    "Presiden Arvelia Tomas Renn": ("person", "PER", "Tomas Renn"),
    "Perdana Menteri Solvara Ines Kald": ("person", "CHL", "Ines Kald"),
    "Menteri Luar Negeri Peru Ana Quispe": ("person", "PER", "Ana Quispe"),
    "Renn": ("person", "PER", "Tomas Renn"),
    "Kald": ("person", "CHL", "Ines Kald"),
    "Quispe": ("person", "PER", "Ana Quispe"),
    "Peru": ("state", "PER", "Peru"),
    "Chili": ("state", "CHL", "Chili"),
    "Bolivia": ("state", "BOL", "Bolivia"),
    "Ekuador": ("state", "ECU", "Ekuador"),
    "Lima": ("state", "PER", "Lima"),
    "Santiago": ("state", "CHL", "Santiago"),
    "ia": ("person", "PER", "Tomas Renn"),
}


def prepare(text: str, published: str = "2024-03-06") -> Document:
    doc = Document(raw_text=text, published=date.fromisoformat(published), published_given=True)
    for stage in (Clean(), Metadata(), Sentences()):
        doc = stage(doc)
    doc.entities = find_actors(doc.text)
    doc = Time()(doc)
    return doc


def find_actors(text: str) -> list[Entity]:
    found: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for surface in sorted(ACTORS, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            kind, country, name = ACTORS[surface]
            found.append(Entity(match.start(), match.end(), surface, kind=kind, name=name, country=country))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda e: e.start)


def events_of(text: str, published: str = "2024-03-06", quotes: list[Quote] | None = None):
    doc = prepare(text, published)
    doc.quotes = quotes or []
    return Events()(doc).events


def sides(event) -> tuple:
    return (event.actor.country if event.actor else None,
            event.recipient.country if event.recipient else None)


def test_phone_call_between_two_leaders_is_one_consult_phone():
    events = events_of("Presiden Arvelia Tomas Renn melakukan pembicaraan telepon dengan "
                       "Perdana Menteri Solvara Ines Kald pada Senin (4/3/2024).")
    assert len(events) == 1
    event = events[0]
    assert (event.type, event.mode, event.status) == ("CONSULT", "phone", "occurred")
    assert {p.country for p in event.participants} == {"PER", "CHL"}
    assert (event.date.start, event.date.end) == (date(2024, 3, 4), date(2024, 3, 4))


def test_weekday_without_date_resolves_against_publication():
    events = events_of("Renn dan Kald bertemu di Bolivia pada Senin.", published="2024-03-06")
    assert len(events) == 1
    assert events[0].mode == "meeting"
    assert events[0].date.start == date(2024, 3, 4)
    assert events[0].location.country == "BOL"
    assert {p.country for p in events[0].participants} == {"PER", "CHL"}


def test_talks_with_two_partners_in_turn_are_two_events():
    events = events_of("Renn mengadakan pembicaraan berturut-turut dengan Kald dan Bolivia pada Selasa (5/3/2024).")
    pairs = sorted(tuple(sorted(p.country for p in e.participants)) for e in events)
    assert pairs == [("BOL", "PER"), ("CHL", "PER")]


def test_threat_is_directed_and_occurred_even_with_akan_after_the_verb():
    events = events_of("Peru pada Selasa (5/3/2024) mengancam akan memberlakukan tarif terhadap Chili.")
    assert [(e.type, sides(e), e.status) for e in events] == [("THREATEN", ("PER", "CHL"), "occurred")]


def test_request_with_complement_does_not_code_the_content():
    events = events_of("Quispe meminta Chili untuk segera menghentikan serangan terhadap Bolivia.")
    assert [(e.type, sides(e)) for e in events] == [("REQUEST", ("PER", "CHL"))]


@pytest.mark.parametrize("text, expected", [
    ("Peru menekan Chili untuk membuka kembali perbatasannya.", [("REQUEST", ("PER", "CHL"))]),
    ("Peru berupaya menekan impor dari Chili dan menekan harga gandum di pasar.", []),
])
def test_menekan_asks_only_with_a_purpose_clause(text, expected):
    assert [(e.type, sides(e)) for e in events_of(text)] == expected


def test_invitation_makes_the_invitee_the_planned_visitor():
    events = events_of("Renn telah mengundang Kald untuk melakukan kunjungan kenegaraan ke Lima bulan depan.")
    assert len(events) == 1
    event = events[0]
    assert (event.type, event.mode, event.status) == ("CONSULT", "visit", "planned")
    assert sides(event) == ("CHL", "PER")
    assert (event.date.start, event.date.end) == (date(2024, 4, 1), date(2024, 4, 30))


def test_accepted_invitation_names_the_subject_as_visitor():
    events = events_of("Kald mengatakan telah menerima undangan Renn untuk mengunjungi Lima pada bulan Juni.")
    assert [(e.mode, sides(e), e.status) for e in events] == [("visit", ("CHL", "PER"), "planned")]


def test_negated_and_hypothetical_events_are_not_coded():
    assert events_of("Renn tidak bertemu dengan Kald pada Senin.") == []
    assert events_of("Jika Peru menyerang Chili, kawasan itu akan terguncang.") == []


def test_condemnation_of_two_states_is_one_event_per_target():
    events = events_of("Peru mengecam keras tindakan militer Chili dan Bolivia pada Senin (4/3/2024).")
    assert sorted(sides(e) for e in events) == [("PER", "BOL"), ("PER", "CHL")]
    assert all(e.type == "ACCUSE" for e in events)


def test_later_mention_adds_the_channel_and_date_to_the_talks():
    text = ("Renn berbicara dengan Kald usai pelantikan.\n"
            "Pembicaraan jarak jauh itu dilakukan pada Senin (4/3/2024).")
    events = events_of(text)
    assert len(events) == 1
    assert events[0].mode == "phone"
    assert events[0].date.start == date(2024, 3, 4)


def test_meetings_during_a_visit_belong_to_the_visit():
    text = ("Menteri Luar Negeri Peru Ana Quispe melakukan kunjungan dua hari ke Santiago.\n"
            "Quispe bertemu dengan Kald di Santiago pada Kamis (29/2/2024).")
    events = events_of(text)
    assert [(e.mode, sides(e)) for e in events] == [("visit", ("PER", "CHL"))]
    assert events[0].date.start == date(2024, 2, 29)


def test_undated_statement_takes_the_previous_sentence_date_in_its_paragraph():
    text = ("Peru pada Selasa (5/3/2024) mengancam akan menutup perbatasan dengan Chili. "
            "Sedangkan dengan Bolivia, Renn memperingatkan Bolivia bahwa masalah besar akan datang.")
    events = events_of(text)
    warned = next(e for e in events if e.recipient.country == "BOL")
    assert warned.type == "THREATEN"
    assert warned.date.start == date(2024, 3, 5)


def test_first_person_inside_a_quote_is_the_speaker():
    text = "“Kami mendesak Chili untuk menarik pasukannya dari perbatasan,” kata Quispe pada Senin."
    doc = prepare(text)
    start = doc.text.index("Kami")
    end = doc.text.index(",”")
    speaker = Party("Ana Quispe", "PER", "person")
    doc.quotes = [Quote(start, end, doc.text[start:end], speaker)]
    events = Events()(doc).events
    assert [(e.type, sides(e)) for e in events] == [("REQUEST", ("PER", "CHL"))]


def test_event_ids_are_stable_and_unique():
    text = "Peru menyerang Chili pada Senin. Bolivia mengecam Peru pada Selasa."
    first = [e.id for e in events_of(text)]
    second = [e.id for e in events_of(text)]
    assert first == second and len(set(first)) == len(first) == 2


def test_request_made_during_a_call_takes_the_call_date_not_the_briefing_date():
    text = ("Renn dan Kald melakukan panggilan telepon pada Senin (4/3/2024).\n"
            "Berbicara kepada wartawan pada Selasa malam, Renn mengatakan ia meminta Kald selama "
            "panggilan untuk membuka perbatasan.")
    events = events_of(text)
    assert sorted((e.type, e.mode) for e in events) == [("CONSULT", "phone"), ("REQUEST", None)]
    request = next(e for e in events if e.type == "REQUEST")
    assert request.date.start == date(2024, 3, 4)


def test_anniversary_puts_the_event_years_before_the_date():
    events = events_of("Peringatan kelima serangan Peru terhadap Chili jatuh pada akhir bulan ini.")
    assert [(e.type, sides(e)) for e in events] == [("ASSAULT", ("PER", "CHL"))]
    assert events[0].date.start.year == 2019 and events[0].date.start.month == 3


def test_event_reported_after_it_happened_gets_the_day_before_as_well():
    events = events_of("Hal itu diungkapkan pada Jumat (1/3/2024), setelah pertemuan antara Renn dan Kald.")
    assert [(e.mode, e.date.start, e.date.end) for e in events] == [("meeting", date(2024, 2, 29), date(2024, 3, 1))]


def test_caption_of_another_occasion_stays_a_separate_event():
    text = ("Renn bertemu dengan Kald di Lima pada Senin (4/3/2024).\n"
            "Renn berfoto dengan Kald sebelum pertemuan di Bolivia, Jumat (10/3/2023). (Foto: Dok)")
    doc = prepare(text)
    doc.sentences[-1].is_caption = True
    doc.quotes = []
    events = Events()(doc).events
    assert sorted(e.date.start for e in events) == [date(2023, 3, 10), date(2024, 3, 4)]


def test_press_briefing_is_not_talks():
    assert events_of("Renn berbicara kepada wartawan di Lima pada Senin.") == []


def test_planned_meeting_from_future_date():
    events = events_of("Pertemuan antara Renn dan Kald dijadwalkan pada 15-17 Mei.")
    assert [(e.mode, e.status, e.date.start) for e in events] == [("meeting", "planned", date(2024, 5, 15))]


def test_summoning_an_ambassador_accuses_the_ambassadors_state():
    text = "Chili memanggil Duta Besar Peru di Santiago pada Kamis (7/3/2024)."
    doc = prepare(text)
    start = doc.text.index("Duta Besar Peru")
    doc.entities.append(Entity(start, start + len("Duta Besar Peru"), "Duta Besar Peru", kind="person",
                               country="PER", title="Duta Besar"))
    doc.entities = [e for e in sorted(doc.entities, key=lambda e: e.start) if e.text != "Peru"]
    doc.quotes = []
    events = Events()(doc).events
    assert [(e.type, sides(e), e.date.start) for e in events] == [("ACCUSE", ("CHL", "PER"), date(2024, 3, 7))]


def test_request_with_a_verb_complement_and_no_untuk():
    events = events_of("Renn mendesak Kald menandatangani perjanjian perbatasan pada Senin (4/3/2024).")
    assert [(e.type, sides(e)) for e in events] == [("REQUEST", ("PER", "CHL"))]


def test_habitual_talks_are_not_an_event():
    assert events_of("Perundingan antara Peru dan Chili telah berulang kali gagal.") == []
    assert events_of("Peru dan Chili menggelar pertemuan secara rutin di Bolivia.") == []


def test_a_routine_exercise_held_on_a_day_is_one_occasion():
    events = events_of("Peru dan Chili menggelar latihan militer rutin di perairan Bolivia pada Senin (4/3/2024).")
    assert [(e.type, sorted(sides(e))) for e in events] == [("COOPERATE", ["CHL", "PER"])]


def test_trip_to_attend_a_summit_is_the_attendance():
    events = events_of("Renn tiba di Santiago pada Minggu (3/3/2024) untuk menghadiri KTT Pasifik yang "
                       "diselenggarakan Chili.")
    assert [(e.type, e.mode, sides(e)) for e in events] == [("CONSULT", "multilateral", ("PER", "CHL"))]
    assert events[0].date.start == date(2024, 3, 3)


def test_statement_opening_with_the_call_it_was_made_in():
    text = ("Renn dan Kald melakukan panggilan telepon pada Senin (4/3/2024).\n"
            "Dalam panggilan itu, Renn meminta Kald membuka kembali perbatasan.")
    request = next(e for e in events_of(text) if e.type == "REQUEST")
    assert request.date.start == date(2024, 3, 4)


def test_coordinated_leaders_with_their_titles_sign_together():
    events = events_of("Presiden Arvelia Tomas Renn dan Perdana Menteri Solvara Ines Kald menandatangani "
                       "perjanjian perbatasan pada Senin (4/3/2024).")
    assert [(e.type, {p.country for p in e.participants}) for e in events] == [("AGREE", {"PER", "CHL"})]


def test_visit_under_way_since_a_day_runs_to_the_article_date():
    events = events_of("Kald berada di Lima sejak Minggu (3/3/2024) dalam kunjungan resmi.", published="2024-03-06")
    assert [(e.mode, sides(e), e.date.start, e.date.end) for e in events] == [
        ("visit", ("CHL", "PER"), date(2024, 3, 3), date(2024, 3, 6))]


def test_reciprocal_accusations_go_both_ways():
    events = events_of("Peru dan Chili saling menuduh melanggar gencatan senjata pada Senin (4/3/2024).")
    assert sorted(sides(e) for e in events) == [("CHL", "PER"), ("PER", "CHL")]


def test_attack_on_a_region_of_a_state_targets_the_state():
    events = events_of("Peru melancarkan serangan udara ke wilayah Chili selatan pada Selasa malam.")
    assert [(e.type, sides(e)) for e in events] == [("ASSAULT", ("PER", "CHL"))]


def test_receiving_a_call_is_a_phone_consult():
    events = events_of("Renn menerima telepon dari Kald pada Minggu malam.", published="2024-03-06")
    assert [(e.type, e.mode, {p.country for p in e.participants}, e.date.start) for e in events] == [
        ("CONSULT", "phone", {"PER", "CHL"}, date(2024, 3, 3))]


# -- the lexicon's families and non-facts -----------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Chili pada Senin (4/3/2024) menembak jatuh sebuah drone milik Peru.", ("ASSAULT", ("CHL", "PER"))),
    ("Peru mengerahkan ribuan pasukan ke perbatasan Chili pada Senin (4/3/2024).", ("MOBILIZE", ("PER", "CHL"))),
    ("Peru menarik mundur pasukannya dari wilayah Bolivia pada Senin (4/3/2024).", ("RETREAT", ("PER", "BOL"))),
    ("Chili membebaskan para tahanan Peru pada Senin (4/3/2024).", ("RETREAT", ("CHL", "PER"))),
    ("Peru menepis tuduhan Chili pada Senin (4/3/2024).", ("REJECT", ("PER", "CHL"))),
    ("Peru mengirimkan bantuan kemanusiaan ke Bolivia pada Senin (4/3/2024).", ("AID", ("PER", "BOL"))),
    ("Chili menyita kapal nelayan Peru pada Senin (4/3/2024).", ("COERCE", ("CHL", "PER"))),
    ("Peru melarang impor daging dari Chili sejak Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Peru memutuskan hubungan diplomatik dengan Bolivia pada Senin (4/3/2024).", ("SANCTION", ("PER", "BOL"))),
    ("Peru mendukung pencalonan Chili sebagai anggota dewan itu pada Senin (4/3/2024).", ("SUPPORT", ("PER", "CHL"))),
    ("Chili mencabut sanksi terhadap Peru pada Senin (4/3/2024).", ("CONCEDE", ("CHL", "PER"))),
    ("Kald menyebut peluncuran rudal Peru itu sebagai tindakan ceroboh pada Senin (4/3/2024).", ("ACCUSE", ("CHL", "PER"))),
    ("Kald mengatakan aksi peluncuran rudal di dekat wilayah udara dan perairan Chili yang dilakukan Peru "
     "tersebut sebagai tindakan ceroboh.", ("ACCUSE", ("CHL", "PER"))),
    ("Chili tidak terima terhadap pernyataan Peru pada Senin (4/3/2024).", ("ACCUSE", ("CHL", "PER"))),
    ("Chili menyampaikan keberatan atas pembangunan pangkalan Peru pada Senin (4/3/2024).", ("ACCUSE", ("CHL", "PER"))),
    ("Salah satu permintaan Peru terhadap Chili adalah percepatan izin impor daging.", ("REQUEST", ("PER", "CHL"))),
    ("Peru mengusulkan kepada Chili agar tarif diturunkan.", ("REQUEST", ("PER", "CHL"))),
    ("Peru menolak memberikan visa kepada atlet Chili pada Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Chili mencabut visa para diplomat Peru pada Senin (4/3/2024).", ("SANCTION", ("CHL", "PER"))),
    ("Pada 2023 Peru sudah melarang keikutsertaan tim Chili dalam kejuaraan itu.", ("SANCTION", ("PER", "CHL"))),
    ("Chili menutup akses maskapai Peru ke bandara-bandaranya pada Senin (4/3/2024).", ("SANCTION", ("CHL", "PER"))),
    ("Peru melepaskan tembakan ke arah sebuah jet tempur Chili pada Senin (4/3/2024).", ("ASSAULT", ("PER", "CHL"))),
    ("Peru melepaskan tembakan peringatan ke kapal Chili pada Senin (4/3/2024).", ("COERCE", ("PER", "CHL"))),
    ("Renn menyebut maskapai milik negara Chili sebagai \"pelanggar hukum\" pada Senin (4/3/2024).",
     ("ACCUSE", ("PER", "CHL"))),
    ("Kald menyebut serangan drone Peru itu sebagai \"eskalasi yang serius\" pada Senin (4/3/2024).",
     ("ACCUSE", ("CHL", "PER"))),
    ("Chili menyatakan solidaritasnya dengan Peru pada Senin (4/3/2024).", ("SUPPORT", ("CHL", "PER"))),
    ("Renn memperingatkan Kald soal perbatasan pada Senin (4/3/2024).", ("THREATEN", ("PER", "CHL"))),
    ("Peru melancarkan perang terhadap Chili pada Senin (4/3/2024).", ("ASSAULT", ("PER", "CHL"))),
    ("Peru menembakkan artileri ke wilayah Chili pada Senin (4/3/2024).", ("ASSAULT", ("PER", "CHL"))),
    ("Peru menargetkan sebuah lokasi militer di Chili pada Senin (4/3/2024).", ("ASSAULT", ("PER", "CHL"))),
    ("Chili menggugat Peru ke Mahkamah Internasional pada Senin (4/3/2024).", ("ACCUSE", ("CHL", "PER"))),
    ("Chili menyayangkan keputusan Peru menutup perbatasan pada Senin (4/3/2024).", ("ACCUSE", ("CHL", "PER"))),
    ("Peru menolak campur tangan Chili dalam pemilu itu pada Senin (4/3/2024).", ("REJECT", ("PER", "CHL"))),
    ("Chili menyita aset milik Peru pada Senin (4/3/2024).", ("SANCTION", ("CHL", "PER"))),
    ("Peru membatasi ekspor gandum ke Chili sejak Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Peru dan Chili meningkatkan hubungan kedua negara menjadi kemitraan strategis pada Senin (4/3/2024).",
     ("AGREE", ("PER", "CHL"))),
    ("Peru memberikan hibah kepada Bolivia pada Senin (4/3/2024).", ("AID", ("PER", "BOL"))),
    ("Peru meningkatkan kehadiran militer di perbatasan Chili pada Senin (4/3/2024).", ("MOBILIZE", ("PER", "CHL"))),
    ("Chili menggelar latihan militer besar-besaran di sekitar Peru pada Senin (4/3/2024).",
     ("MOBILIZE", ("CHL", "PER"))),
    ("Peru mengumumkan gencatan senjata sepihak terhadap Chili pada Senin (4/3/2024).", ("RETREAT", ("PER", "CHL"))),
    ("Chili tidak akan ragu menyerang Peru, kata Kald pada Senin (4/3/2024).", ("THREATEN", ("CHL", "PER"))),
    ("Ancaman Peru ke Chili muncul pada Senin (4/3/2024).", ("THREATEN", ("PER", "CHL"))),
    ("Peru memboikot produk Chili sejak Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Peru melarang warga Chili masuk ke wilayahnya sejak Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Peru memblokir akses Chili ke pelabuhannya pada Senin (4/3/2024).", ("SANCTION", ("PER", "CHL"))),
    ("Renn mewanti-wanti Chili akan konsekuensi serius pada Senin (4/3/2024).", ("THREATEN", ("PER", "CHL"))),
    ("Peru mewanti-wanti Chili agar tidak melanggar perbatasan.", ("REQUEST", ("PER", "CHL"))),
    ("Peru memberi ultimatum kepada Chili pada Senin (4/3/2024).", ("THREATEN", ("PER", "CHL"))),
    ("Chili menerima bantuan kemanusiaan dari Peru pada Senin (4/3/2024).", ("AID", ("PER", "CHL"))),
    ("Peru menghibahkan dua kapal patroli kepada Chili pada Senin (4/3/2024).", ("AID", ("PER", "CHL"))),
    ("Peru dan Chili berbagi informasi intelijen pada Senin (4/3/2024).", ("COOPERATE", ("PER", "CHL"))),
])
def test_each_family_has_its_triggers(sentence: str, expected: tuple):
    events = events_of(sentence)
    assert [(e.type, sides(e)) for e in events] == [expected]


def test_joint_exercise_between_two_navies_is_cooperate():
    events = events_of("Peru dan Chili menggelar latihan militer bersama di Samudra Pasifik pada Senin (4/3/2024).")
    assert [(e.type, {p.country for p in e.participants}) for e in events] == [("COOPERATE", {"PER", "CHL"})]


def test_ratification_is_an_agreement():
    events = events_of("Peru dan Chili meratifikasi perjanjian perbatasan pada Senin (4/3/2024).")
    assert [(e.type, {p.country for p in e.participants}) for e in events] == [("AGREE", {"PER", "CHL"})]


def test_threatened_attack_or_tariff_is_a_threat_made():
    attack = events_of("Peru akan menyerang pangkalan Chili, kata Quispe pada Senin (4/3/2024).")
    tariff = events_of("Renn akan mengenakan tarif tambahan terhadap Chili pada Senin (4/3/2024).")
    assert [(e.type, sides(e), e.status) for e in attack + tariff] == [
        ("THREATEN", ("PER", "CHL"), "occurred"), ("THREATEN", ("PER", "CHL"), "occurred")]


def test_wishes_possibilities_and_questions_are_no_events():
    assert events_of("Renn berharap dapat bertemu Kald tahun ini.") == []
    assert events_of("Para analis menyebut kemungkinan serangan Peru terhadap Chili.") == []
    assert events_of("Apakah Renn akan bertemu Kald di Bolivia?") == []
    # what should have been did not happen: no frame that could join talks told elsewhere
    doc = prepare("Chili seharusnya menjadi tuan rumah pertemuan tahunan berikutnya pada 2023.")
    assert FrameBuilder(doc, lexicon("id")).frames() == []


def test_a_match_between_national_teams_is_not_talks_or_an_attack():
    assert events_of("Pada laga semifinal, Peru kembali bertemu Chili.") == []
    assert events_of("Peru terus menyerang gawang Chili sepanjang babak kedua pertandingan.") == []
    assert events_of("Striker Peru melepaskan tembakan ke gawang Chili.") == []


def test_an_incident_named_as_the_topic_of_a_plan_has_happened():
    events = events_of("Renn akan menyampaikan protes soal insiden serangan meriam air Chili terhadap kapal Peru.")
    coerce = [e for e in events if e.type == "COERCE"]
    assert [(sides(e), e.status) for e in coerce] == [(("CHL", "PER"), "occurred")]


def test_the_consequence_of_a_condition_is_the_threat():
    events = events_of("Jika Chili terus menyerang Bolivia, Peru akan menyerang pangkalan Chili, kata Renn "
                       "pada Senin (4/3/2024).")
    assert [(e.type, sides(e), e.status) for e in events] == [("THREATEN", ("PER", "CHL"), "occurred")]


@pytest.mark.parametrize("text", [
    "Jika Chili terus melanggar perbatasan, Peru akan membalas, kata Renn pada Senin (4/3/2024).",
    "Apabila Chili tidak mencabut larangan itu, Peru akan mengenakan tarif tambahan.",
    "Renn mengatakan akan mengenakan bea tambahan pada impor Peru dari Chili, jika Santiago tidak mundur.",
])
def test_a_threat_made_as_the_consequence_of_a_condition_is_aimed_at_the_state_it_names(text):
    assert [(e.type, sides(e), e.status) for e in events_of(text)] == [("THREATEN", ("PER", "CHL"), "occurred")]


def test_a_condition_without_a_state_or_with_only_the_speaker_aims_no_threat():
    assert events_of("Jika perundingan gagal, Peru akan membalas.") == []
    assert events_of("Jika harga gandum naik, Peru akan menaikkan tarif listrik.") == []


@pytest.mark.parametrize("text, expected", [
    ("“Chili akan menanggung akibatnya jika terus melanggar perbatasan,” kata Quispe pada Senin.",
     [("THREATEN", ("PER", "CHL"))]),
])
def test_a_consequence_promised_in_a_quote_threatens_the_state_named(text, expected):
    doc = prepare(text)
    start, end = doc.text.index("“") + 1, doc.text.index(",”")
    doc.quotes = [Quote(start, end, doc.text[start:end], Party("Ana Quispe", "PER", "person"))]
    assert [(e.type, sides(e)) for e in Events()(doc).events] == expected


WAR = ("Peru menembakkan rudal ke pangkalan Chili pada Senin (4/3/2024). "
       "Chili menyerang kota-kota Peru pada Selasa (5/3/2024). ")


@pytest.mark.parametrize("text, threats", [
    (WAR + "Renn mengatakan Peru akan menargetkan pusat militer lawan.", [("PER", "CHL")]),
    # Only struck, Chili fought no war with Peru: no foe.
    ("Peru menembakkan rudal ke pangkalan Chili pada Senin (4/3/2024). "
     "Renn mengatakan Peru akan menargetkan pusat militer lawan.", []),
    # "The enemy" qualifying a noun further on is no target of the verb.
    (WAR + "Renn mengatakan Peru akan menargetkan pusat militer, bandara dan pelabuhan milik lawan.", []),
])
def test_a_threat_at_the_enemy_is_aimed_at_the_state_at_war_with_the_actor(text, threats):
    assert [sides(e) for e in events_of(text) if e.type == "THREATEN"] == threats


def test_a_threat_of_retaliation_is_aimed_at_the_attacker_unless_an_expert_forecasts_it():
    raid = "Chili menyerang kota-kota Peru pada Senin (4/3/2024). "
    text = raid + "Lima menyatakan tidak akan membiarkan serangan itu tanpa balasan."
    assert [sides(e) for e in events_of(text) if e.type == "THREATEN"] == [("PER", "CHL")]
    text = raid + "“Peru pasti akan membalas dengan keras,” kata pengamat Dario Vela."
    doc = prepare(text)
    start, end = doc.text.index("“") + 1, doc.text.index(",”")
    doc.quotes = [Quote(start, end, doc.text[start:end], Party("Dario Vela", None, "person"))]
    assert [e.type for e in Events()(doc).events] == ["ASSAULT"]


def test_a_press_interview_is_not_a_meeting():
    def meetings(text: str) -> list[str]:
        return [text[h.start:h.end] for h in find_triggers(text, lexicon("id")) if h.trigger.type == "CONSULT"]
    assert meetings("kata Quispe saat ditemui di Santiago, Senin.") == []
    assert meetings("kata Quispe ditemui wartawan di Santiago.") == []
    assert meetings("Quispe ditemui Perdana Menteri Solvara di Santiago.") == ["ditemui"]


@pytest.mark.parametrize("text", [
    "Quispe ditemui Perdana Menteri Solvara di Santiago.",
    "kata Quispe saat ditemui di Santiago, Senin.",
    "Quispe masih berada di Santiago.",
    "İnisiatif Quispe bertemu Solvara di Santiago.",
    "Harga beras naik.",
])
def test_talks_are_held_where_a_talks_trigger_is_found(text):
    words = lexicon("id")
    found = any(hit.trigger.type == "CONSULT" for hit in find_triggers(text, words))
    assert holds_talks(text, words, Anchors(text, tokenize(text))) == found


def test_speaking_about_a_topic_or_a_stay_setting_the_scene_are_not_talks_or_visits():
    assert events_of("Renn bicara soal Chili pada Senin (4/3/2024).") == []
    assert events_of("Renn bercerita ketika berada di Chili beberapa waktu lalu, ia bertemu investor.") == []
    assert [(e.mode, sides(e)) for e in events_of("Renn berbicara dengan Kald pada Senin (4/3/2024).")] == [
        ("meeting", ("PER", "CHL"))]


def test_support_is_for_a_state_or_a_named_initiative_not_a_policy_area():
    assert events_of("Peru menyatakan dukungan terhadap ketahanan pangan Chili pada Senin (4/3/2024).") == []
    events = events_of("Peru menyampaikan dukungannya terhadap presidensi Chili di forum itu pada Senin (4/3/2024).")
    assert [(e.type, sides(e)) for e in events] == [("SUPPORT", ("PER", "CHL"))]


def test_a_proposal_names_its_addressee_not_who_would_benefit():
    assert events_of("Peru mengusulkan agar Bolivia diberi akses ke pasar Chili.") == []


def test_consequences_promised_in_a_quote_threaten_the_one_named():
    text = "“Chili akan menghadapi konsekuensi berat jika terus melanggar perbatasan,” kata Quispe pada Senin."
    doc = prepare(text)
    start, end = doc.text.index("Chili"), doc.text.index(",”")
    doc.quotes = [Quote(start, end, doc.text[start:end], Party("Ana Quispe", "PER", "person"))]
    events = Events()(doc).events
    assert [(e.type, sides(e)) for e in events] == [("THREATEN", ("PER", "CHL"))]


def test_an_ask_that_a_letter_contains_is_made_by_its_possessor():
    doc = prepare("Surat itu berisi permintaan Peru agar Chili menyediakan lebih banyak amunisi.")
    frames = FrameBuilder(doc, lexicon("id")).frames()
    assert [(f.type, f.actor_countries) for f in frames] == [("REQUEST", ["PER"])]


def test_an_event_noun_after_a_preposition_of_occasion_is_an_event_not_a_verbs_topic():
    events = events_of("Soal itu dibahas pada kunjungan Renn ke Santiago bulan lalu.")
    assert [(e.mode, sides(e)) for e in events] == [("visit", ("PER", "CHL"))]
    events = events_of("Quispe mengatakan, dalam kunjungan Renn ke Santiago bulan lalu, soal itu dibahas.")
    assert [(e.mode, sides(e)) for e in events] == [("visit", ("PER", "CHL"))]
    assert events_of("Quispe menunda kunjungan Renn ke Santiago.") == []


def test_wars_only_named_threats_ahead_and_business_targets_are_no_events():
    assert events_of("Peru dan Chili terlibat perang dagang sejak Senin (4/3/2024).") == []
    assert events_of("Peru membahas perang melawan narkoba bersama Chili pada Senin (4/3/2024).") == []
    assert events_of("Bolivia menjadi penengah untuk mengakhiri perang Peru melawan Chili.") == []
    assert events_of("Peru menyoroti tantangan dan ancaman ke depan bagi Chili pada Senin (4/3/2024).") == []
    assert events_of("Peru menargetkan lokasi gerai baru di Chili pada Senin (4/3/2024).") == []


def test_an_attack_answered_or_confirmed_took_place_but_one_discussed_is_a_topic():
    for verb in ("membalas", "mengonfirmasi"):
        events = events_of(f"Chili {verb} serangan Peru terhadap kapal Chili pada Senin (4/3/2024).")
        assert [(e.type, sides(e)) for e in events] == [("ASSAULT", ("PER", "CHL"))]
    assert events_of("Chili membahas serangan Peru terhadap kapal Chili pada Senin (4/3/2024).") == []


def test_a_negation_denies_the_verb_it_stands_before_not_a_noun_further_on():
    events = events_of("Peru belum memberikan tanggapan atas serangan Chili terhadap kapal Peru "
                       "pada Senin (4/3/2024).")
    assert [(e.type, sides(e)) for e in events] == [("ASSAULT", ("CHL", "PER"))]
    assert events_of("Tidak ada serangan Chili terhadap Peru pada Senin (4/3/2024).") == []
    assert events_of("Chili tidak melakukan serangan terhadap Peru pada Senin (4/3/2024).") == []


def test_a_stance_reaffirmed_is_taken_but_an_occasion_judged_is_no_new_event():
    events = events_of("Renn menegaskan penolakan Peru terhadap usulan Chili pada Senin (4/3/2024).")
    assert [(e.type, sides(e)) for e in events] == [("REJECT", ("PER", "CHL"))]
    assert events_of("Renn menyebut kunjungan Kald itu pertanda Chili tidak tunduk ke Bolivia.") == []


def test_progress_reached_in_talks_reports_talks_held_not_planned():
    events = events_of("Peru mengakui telah mencapai kemajuan dengan Chili dalam pembicaraan "
                       "pada Senin (4/3/2024).")
    assert [(e.type, sides(e), e.status) for e in events] == [("CONSULT", ("PER", "CHL"), "occurred")]


@pytest.mark.parametrize("text, expected", [
    # the actor's own side says it will act: a threat made
    ("Presiden Arvelia Tomas Renn mengatakan Peru akan menyerang Chili.", [("THREATEN", ("PER", "CHL"))]),
    # an analyst forecasts it: no threat Peru made
    ("Pengamat politik Rudi Hartawan mengatakan Peru akan menyerang Chili.", []),
    # the other side says it: a forecast too
    ("Perdana Menteri Solvara Ines Kald mengatakan Peru akan menyerang Chili.", []),
])
def test_a_planned_attack_reported_by_another_speaker_is_a_forecast_not_a_threat(text, expected):
    assert [(e.type, sides(e)) for e in events_of(text)] == expected


def test_a_planned_attack_quoted_from_the_other_side_is_a_forecast():
    text = "\u201cPeru akan menyerang Chili,\u201d kata Perdana Menteri Solvara Ines Kald."
    speaker = Party(name="Ines Kald", country="CHL", kind="person")
    start = text.index("Peru")
    quote = Quote(start, text.index(",\u201d"), text[start:text.index(",\u201d")], speaker=speaker)
    assert events_of(text, quotes=[quote]) == []


@pytest.mark.parametrize("text", [
    "Renn mengatakan hal itu usai bertemu Perdana Menteri Solvara Ines Kald.",
    "Renn menyampaikan hal tersebut seusai bertemu Perdana Menteri Solvara Ines Kald.",
    "Hal itu disampaikan Renn usai bertemu Perdana Menteri Solvara Ines Kald.",
])
def test_the_speaker_of_what_was_said_after_talks_held_them(text):
    """'X mengatakan hal itu usai bertemu Y', 'Hal itu disampaikan X usai bertemu Y': the
    subordinate clause shares the speaker as its subject."""
    assert [(e.type, sides(e)) for e in events_of(text)] == [("CONSULT", ("PER", "CHL"))]


def test_a_reported_object_without_a_subordinator_carries_no_subject():
    assert events_of("Renn mengatakan hal itu menyerang Chili.") == []


def test_talks_said_to_the_press_after_are_the_speakers():
    events = events_of("Renn mengatakan hal itu kepada wartawan usai bertemu Perdana Menteri Solvara Ines Kald.")
    assert [(e.type, sides(e)) for e in events] == [("CONSULT", ("PER", "CHL"))]


def test_talks_with_a_partner_that_open_what_a_speaker_says_are_the_speakers():
    events = events_of("Renn mengatakan, pertemuan dengan Perdana Menteri Solvara Ines Kald membahas perdagangan.")
    assert [(e.type, sides(e)) for e in events] == [("CONSULT", ("PER", "CHL"))]


def test_expelling_a_states_diplomat_is_a_sanction_on_that_state():
    """The recogniser reads "diplomat Chili" as one person of Chile, who starts inside the
    trigger's own words: the target stands in the pattern."""
    doc = kronik.extract("Peru mengusir diplomat Chili pada Selasa (5/3/2024).", published="2024-03-06")
    assert [(e.type, sides(e)) for e in doc.events] == [("SANCTION", ("PER", "CHL"))]


def test_talks_attended_are_held_by_the_one_who_attends():
    events = events_of("Renn menghadiri pertemuan dengan Perdana Menteri Solvara Ines Kald di Santiago.")
    assert [(e.type, sides(e)) for e in events] == [("CONSULT", ("PER", "CHL"))]


@pytest.mark.parametrize("text", [
    "Perdagangan dibahas, kata Renn usai pertemuan dengan Perdana Menteri Solvara Ines Kald.",
    "Renn dalam pertemuan dengan Perdana Menteri Solvara Ines Kald membahas perdagangan.",
])
def test_talks_with_a_partner_on_a_partys_occasion_are_that_partys(text):
    assert [(e.type, sides(e)) for e in events_of(text)] == [("CONSULT", ("PER", "CHL"))]


@pytest.mark.parametrize("text, expected", [
    ("Chili mengecam bantuan yang diberikan oleh Peru dan sekutu-sekutunya kepada Bolivia.",
     [("ACCUSE", ("CHL", "PER"))]),
    ("Peru mengirim bantuan ke Chili dan ke Bolivia pada Senin (4/3/2024).",
     [("AID", ("PER", "CHL")), ("AID", ("PER", "BOL"))]),
])
def test_a_party_after_a_preposition_of_another_role_is_not_joined_to_the_object(text, expected):
    """"oleh X dan sekutunya kepada Y": Y receives what X gives, it is not condemned with X; the
    same preposition repeated ("ke X dan ke Y") keeps the role."""
    assert [(e.type, sides(e)) for e in events_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Pada kunjungan Renn ke Chili pada Mei 2023, tercatat 27 MoU ditandatangani.",
     [("CONSULT", ("PER", "CHL")), ("AGREE", ("PER", "CHL"))]),
    ("Renn bertemu Kald di Santiago, dan lima MoU ditandatangani.",
     [("CONSULT", ("PER", "CHL")), ("AGREE", ("PER", "CHL"))]),
])
def test_an_agreement_signed_on_the_occasion_of_talks_takes_their_sides(text, expected):
    """The agreement names no signatory; the talks its sentence names were its occasion."""
    assert [(e.type, sides(e)) for e in events_of(text)] == expected


def test_an_agreement_in_a_sentence_naming_two_pairs_of_talks_takes_no_sides():
    text = "Renn bertemu Kald dan Quispe berkunjung ke Bolivia, dan lima MoU ditandatangani."
    assert [e.type for e in events_of(text)].count("AGREE") == 0


@pytest.mark.parametrize("text, expected", [
    ("Peru juga menuduh para karyawan badan PBB untuk pengungsi Chili ikut dalam serangan itu.", []),
    ("Peru menuduh bahwa Renn telah dipilih sebagai komandan sayap bersenjata kelompok Chili.", []),
    ("Peru menuding militer dan pasukan khusus Chili menyerang warga.", [("ACCUSE", ("PER", "CHL"))]),
    ("Peru menuduh bahwa para pejabat tinggi Chili menyerang warga.", [("ACCUSE", ("PER", "CHL"))]),
])
def test_the_one_accused_stands_in_the_phrase_after_the_verb(text, expected):
    """A state past a preposition or a verb after "menuduh" names whom the accused serve or
    another predicate's party, not the one accused."""
    assert [(e.type, sides(e)) for e in events_of(text)] == expected


@pytest.mark.parametrize("text", [
    "Perundingan antara Peru dan Chili yang difasilitasi Bolivia telah berulang kali menemui jalan buntu.",
    "Serangan berulang Peru terhadap wilayah Chili memicu kekacauan di kawasan itu.",
    "Kald menyebut serangan itu sebagai pelanggaran atas kedaulatan Bolivia.",
])
def test_habits_and_the_victim_of_a_labelled_act_make_no_event(text):
    """Talks whose relative clause tells a habit, repeated attacks, and a state named as the one
    an accusation's labelled act wronged (not the one accused) code nothing."""
    assert events_of(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Bursa naik setelah Renn menyebut, negosiasi dengan Chili telah memasuki tahap akhir.", []),
    ("Saat ini negosiasi antara Peru dan Chili masih terus berlangsung.", []),
    ("Menurut dia, penting ada dialog antara Peru dan Chili.", []),
    ("Isu itu dibahas dalam perundingan tidak langsung antara Lima dan Santiago.", []),
    ("Peru melakukan negosiasi dengan Chili.", [("CONSULT", ("PER", "CHL"))]),
    ("Negosiasi antara Peru dan Chili berlangsung di Bolivia.", [("CONSULT", ("PER", "CHL"))]),
    ("Negosiasi antara Peru dan Chili digelar pada Senin (4/3/2024).", [("CONSULT", ("PER", "CHL"))]),
    ("Pembicaraan Renn dengan Kald membahas perdagangan.", [("CONSULT", ("PER", "CHL"))]),
])
def test_a_noun_of_talks_is_an_event_only_where_talks_are_held(text, expected):
    """Negotiations spoken of as a process, with no time, place, holding verb or person meeting
    ("negosiasi dengan X telah memasuki tahap akhir"), are no event between the states."""
    assert [(e.type, sides(e)) for e in events_of(text)] == expected


def test_a_noun_of_talks_with_a_demonstrative_reports_the_talks_told_before():
    """"Pembicaraan tersebut" refers to the talks already told, so it is another report of them."""
    text = ("Peru dan Chili melakukan pembicaraan pada Senin (4/3/2024). "
            "Pembicaraan tersebut antara Peru dan Chili berlangsung selama satu jam.")
    events = events_of(text)
    assert [(e.type, sides(e)) for e in events] == [("CONSULT", ("PER", "CHL"))]
    assert "+0.1 reported in 2 sentences" in events[0].confidence_reasons


def test_frames_may_pair_states_only_where_their_sentences_name_two_or_talks_name_one():
    # the trigger's sentence and the one before it name no state (Peru is in the next one)
    doc = prepare("Para pejabat itu bertemu di sebuah hotel pada Senin. Peru belum berkomentar.")
    assert not FrameBuilder(doc, lexicon("id")).may_pair_states()
    assert Events()(doc).events == []
    # one state, and no talks whose place could name a host
    doc = prepare("Peru mengecam serangan itu pada Senin.")
    assert not FrameBuilder(doc, lexicon("id")).may_pair_states()
    doc = prepare("Renn bertemu Kald di Lima pada Senin (4/3/2024).")
    assert FrameBuilder(doc, lexicon("id")).may_pair_states()
    # the sentence before may lend a side
    doc = prepare("Kald tiba di Lima. Presiden itu mengecam serangan Peru.")
    assert FrameBuilder(doc, lexicon("id")).may_pair_states()
    # talks in a speaker's quote: the speaker may meet the host of their place
    text = "“Kami akan bertemu di sana,” kata seorang pejabat."
    doc = prepare(text)
    assert not FrameBuilder(doc, lexicon("id")).may_pair_states()
    doc.quotes = [Quote(1, text.index(",”"), text[1:text.index(",”")], Party("Ana Quispe", "PER", "person"))]
    assert FrameBuilder(doc, lexicon("id")).may_pair_states()
    # a reference to two states named further back ("kedua negara") names them both
    text = ("Peru dan Chili berselisih soal perbatasan. Cuaca cerah. Hujan turun. "
            "Kedua negara itu menandatangani perjanjian pada Senin (4/3/2024).")
    doc = Entities()(prepare(text))
    assert FrameBuilder(doc, lexicon("id")).may_pair_states()
    assert [(e.type, sides(e)) for e in Events()(doc).events] == [("AGREE", ("CHL", "PER"))]
