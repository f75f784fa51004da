"""Who acts on whom: sides read from reported speech, relative clauses, asides, reciprocal
phrases, and carried from the sentence before, on invented sentences and actors
(``test_events.prepare``)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from test_events import events_of, prepare, sides

from kronik.document import Entity
from kronik.events.lexicon import lexicon
from kronik.events.parties import previous_word
from kronik.events.syntax import aside_spans, clause_grammar
from kronik.stages.events import Events

def directed(text: str) -> list[tuple[str, tuple]]:
    return sorted((e.type, sides(e)) for e in events_of(text))


def test_reported_accusation_is_made_by_the_reporting_subject():
    # A speaker's act said in reported speech, not in a quote: the reporter accuses the one named.
    text = ("Quispe mengatakan bahwa penjaga pantai bertindak terhadap kapal-kapal Chili "
            "yang melanggar wilayah Lima pada Senin (4/3/2024).")
    assert directed(text) == [("ACCUSE", ("PER", "CHL"))]


def test_bracketed_abbreviation_does_not_part_coordinated_states():
    # "A (AB) dan B": the abbreviation belongs to the first name; both states fight.
    assert directed("Peru (PRU) dan Chili kembali berperang pada Senin (4/3/2024).") == \
        [("ASSAULT", ("CHL", "PER")), ("ASSAULT", ("PER", "CHL"))]


def test_party_heads_its_relative_clause_past_a_bracketed_abbreviation():
    text = "Bolivia mengecam tindakan Peru (PRU) yang melakukan serangan ke wilayah Chili pada Senin (4/3/2024)."
    assert directed(text) == [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]


def test_subject_joined_with_a_noun_phrase_still_acts():
    text = "Peru dan menteri luar negerinya sedang berada di Santiago pada Senin (4/3/2024)."
    assert [(e.type, e.mode, sides(e)) for e in events_of(text)] == [("CONSULT", "visit", ("PER", "CHL"))]


def test_noun_phrase_joined_to_a_listed_object_is_no_subject():
    # "membahas A, B, serta rencana kunjungan ke C": the list is the object; nobody of it visits.
    text = "Renn mengatakan ia membahas perdagangan, Chili, dan Bolivia, serta rencana kunjungan ke Santiago."
    assert not any(sides(e)[0] in ("CHL", "BOL") for e in events_of(text))


def test_noun_phrase_heading_a_relative_clause_holds_its_verb():
    text = "Peru dan diaspora yang berada di Santiago berdoa pada Senin (4/3/2024)."
    assert [e for e in events_of(text) if e.type == "CONSULT"] == []


def test_party_in_an_accusations_complement_is_not_the_accused():
    # "menuduh <object> <verb> ... Y": Y is the victim in what is said, not the one accused.
    text = "Peru menuduh pihak lawan menargetkan warga sipil Chili pada Senin (4/3/2024)."
    assert ("ACCUSE", ("PER", "CHL")) not in directed(text)


def test_party_in_a_requests_complement_is_not_the_one_asked():
    text = "Peru memperingatkan semua perusahaan untuk tidak membayar tol kepada Chili pada Senin (4/3/2024)."
    assert ("REQUEST", ("PER", "CHL")) not in directed(text)


def test_comma_list_of_accused_acts_keeps_their_doer():
    text = ("Peru memprotes pelecehan, penggunaan meriam air, dan tindakan agresif lainnya yang "
            "dilakukan kapal Chili pada Senin (4/3/2024).")
    assert ("ACCUSE", ("PER", "CHL")) in directed(text)


def test_reported_clause_with_a_subject_of_its_own_is_not_the_reporters():
    # "X mengungkapkan <a group acting for no state> kembali mengancam Y": the group threatens.
    text = "Renn mengungkapkan Brigade Merah kembali mengancam Chili pada Senin (4/3/2024)."
    doc = prepare(text)
    start = text.index("Brigade Merah")
    doc.entities = sorted(doc.entities + [Entity(start, start + len("Brigade Merah"), "Brigade Merah",
                                                 kind="group")], key=lambda e: e.start)
    doc.quotes = []
    assert [sides(e) for e in Events()(doc).events] == []


def test_modal_of_intention_does_not_hide_the_relative_clauses_subject():
    # "memuji X yang hendak mengirim bantuan ke Y": X sends (planned), not the one praising.
    events = events_of("Renn memuji Bolivia yang hendak mengirim bantuan kemanusiaan ke Chili pada Senin (4/3/2024).")
    assert [(e.type, sides(e), e.status) for e in events if e.type == "AID"] == [("AID", ("BOL", "CHL"), "planned")]


def test_tariff_naming_no_target_is_aimed_at_the_pair_of_the_sentence_before():
    # "antara A dan B" sets the pair; the tariff of B that follows is aimed at A.
    text = ("Menteri itu membahas nasib perjanjian dagang antara Peru dan Chili. "
            "Setelah itu, pemerintah Chili hanya memberlakukan tarif sementara sebesar 10% selama 150 hari.")
    assert ("SANCTION", ("CHL", "PER")) in directed(text)


def test_tariff_after_an_event_of_a_pair_is_aimed_at_its_other_state():
    text = ("Renn menyatakan akan menaikkan tarif impor terhadap produk asal Chili. "
            "Renn mengumumkan kebijakan tarif terbarunya pada Rabu (6/3/2024).")
    assert directed(text).count(("SANCTION", ("PER", "CHL"))) == 1


def test_sentence_before_that_merely_names_states_sets_no_pair():
    text = ("Menteri itu berbicara tentang Peru dan Chili. "
            "Setelah itu, pemerintah Chili memberlakukan tarif sementara sebesar 10%.")
    assert [e for e in events_of(text) if e.type == "SANCTION"] == []


def test_accusation_naming_no_target_takes_none_from_the_sentence_before():
    # an act told by its target that names no state aims at none
    text = ("Renn menyatakan akan menaikkan tarif impor terhadap produk asal Chili. "
            "Renn juga mengecam kekerasan terhadap warga sipil.")
    assert ("ACCUSE", ("PER", "CHL")) not in directed(text)


def test_president_named_before_a_comma_is_not_the_title_of_the_next_name():
    # "menemui Presiden X, Y juga ...": X holds the title; Y, after the comma, is another person.
    from test_entities import build_kb, find, run
    doc = run(build_kb(), "Selain menemui Presiden Beren Sotomayor, Galadriel Ortiz juga dijadwalkan "
                          "menghadiri forum itu.")
    president = find(doc, "Beren Sotomayor")
    assert president.part_of is None and president.title == "Presiden"
    assert find(doc, "Galadriel Ortiz").title != "Presiden Beren Sotomayor"


def test_unit_named_between_a_title_and_its_state_before_a_rank_gives_the_commander_a_state():
    # "Komandan <Unit> <state> Mayor Jenderal <name>": the unit is no person; the commander acts for the state.
    from test_entities import build_kb, find, run
    doc = run(build_kb(), "Pasukan akan terus bertempur, kata Komandan Markas Pusat Andes Raya Peru "
                          "Mayor Jenderal Lucio Quintana Ramos kepada wartawan.")
    commander = find(doc, "Lucio Quintana Ramos")
    assert commander.country == "PER" and commander.title.startswith("Komandan Markas Pusat")
    assert not any(e.kind == "person" and e.text.startswith("Markas") for e in doc.entities)


def test_initials_after_berinisial_are_no_state():
    from test_entities import build_kb, run
    doc = run(build_kb(), "Polisi menangkap seorang pria berinisial AS (57) di rumahnya, sementara "
                          "pelaku lain berinisial UK (31) masih dicari.")
    assert not any(e.kind == "state" for e in doc.entities)
    doc = run(build_kb(), "Jaksa menyebut saudara AS selaku komisaris menyerahkan uang, dan Sdr. AS ditahan.")
    assert not any(e.kind == "state" for e in doc.entities)


def test_us_house_speaker_is_not_the_british_prime_minister_of_the_same_surname():
    from datetime import date

    from test_entities import find, run

    from kronik.actors.kb import KnowledgeBase
    kb = KnowledgeBase.default()
    doc = run(kb, "Ketua DPR Mike Johnson mengecam unjuk rasa itu.", published=date(2025, 10, 20))
    assert find(doc, "Mike Johnson").country == "USA"
    assert find(run(kb, "Perdana Menteri Johnson tiba di Jakarta.", published=date(2020, 5, 4)),
                "Johnson").country == "GBR"


def test_state_closing_a_place_phrase_is_no_antecedent_of_kedua_negara():
    # "di Hotel X, Kota Y, <state>": the state names where; "kedua negara" are the two who met.
    from test_entities import build_kb, find, run
    doc = run(build_kb(), "Presiden Peru bertemu Presiden Bolivia di Hotel Real, Kota Arica, Chili. "
                          "Kedua negara sepakat membuka perbatasan.")
    plural = find(doc, "Kedua negara")
    assert sorted(doc.entities[i].country for i in plural.refers_to) == ["BOL", "PER"]


def test_reported_clause_with_the_reporters_passive_agent_keeps_the_reporter_as_subject():
    # "X menjelaskan kabar ini diperolehnya usai menerima Y": X got the news, X received Y.
    text = ("Renn menjelaskan kabar ini diperolehnya usai menerima kunjungan Duta Besar Chili "
            "ke kantornya pada Senin (4/3/2024).")
    assert [(e.type, e.mode, sides(e)) for e in events_of(text)] == [("CONSULT", "visit", ("CHL", "PER"))]


def test_verb_coordinated_after_a_reported_clause_without_a_party_shares_the_reporter():
    # "X mengatakan, kapal itu beroperasi di ... dan menuntut Y ...": X demands, not the ship.
    text = ("Chili mengatakan, kapal itu beroperasi di perairannya dan menuntut Peru membebaskan "
            "para nelayannya pada Senin (4/3/2024).")
    assert ("REQUEST", ("CHL", "PER")) in directed(text)
    # a reported clause with a party of its own keeps the coordinated verb
    text = "Chili mengatakan Peru menyerang dan menuntut Bolivia membayar pada Senin (4/3/2024)."
    assert ("REQUEST", ("PER", "BOL")) in directed(text)


def test_name_glued_on_both_sides_is_found():
    # scraping glued "di", "Chili" and "serta" into one token
    from test_entities import build_kb, find, run
    doc = run(build_kb(), "Pasukan itu menyerang sejumlah target diChiliserta pangkalan militer lainnya.")
    assert find(doc, "Chili").country == "CHL"


def test_purpose_clause_shares_the_subject_of_the_clause_before():
    text = ("Peru mengumumkan peluncuran gelombang baru pada Minggu (3/3/2024) dengan menggunakan "
            "rudal baru untuk menyerang sejumlah target di Chili.")
    assert ("ASSAULT", ("PER", "CHL")) in directed(text)


def test_denied_purpose_is_no_act_of_the_subject():
    text = "Militer Peru mengakui pasukannya tidak memiliki cukup waktu untuk menembak jatuh drone Chili tersebut."
    assert ("ASSAULT", ("PER", "CHL")) not in directed(text)


def test_attack_naming_no_target_is_aimed_at_the_other_side_of_the_war_the_sentence_before_sets():
    text = ("Perang antara Peru dan Chili terus berlanjut. "
            "Komandan itu tewas akibat serangan Peru pada Jumat (1/3/2024).")
    assert directed(text) == [("ASSAULT", ("PER", "CHL"))]
    # a sentence before that names the states without a pair sets none
    text = ("Warga Peru dan Chili berdoa bersama. "
            "Komandan itu tewas akibat serangan Peru pada Jumat (1/3/2024).")
    assert directed(text) == []


def test_name_after_its_own_title_and_a_comma_is_the_subject_not_an_aside():
    # "<title ending in an organisation>, <name>, menolak ...": the name holds the title.
    from test_events import prepare

    from kronik.document import Entity
    from kronik.stages.events import Events
    text = "Duta Besar Peru untuk PBB, Quispe, menolak tuduhan Chili pada Senin (4/3/2024)."
    doc = prepare(text)
    start = text.index("PBB")
    doc.entities.append(Entity(start, start + 3, "PBB", kind="organization", name="PBB"))
    doc.entities.sort(key=lambda e: e.start)
    quispe = next(e for e in doc.entities if e.text == "Quispe")
    quispe.title = "Duta Besar Peru untuk PBB"
    doc.quotes = []
    events = Events()(doc).events
    assert [(e.type, e.actor.name) for e in events] == [("REJECT", "Ana Quispe")]


def test_fuel_abbreviation_is_no_philippine_president():
    # "BBM" (bahan bakar minyak) is fuel in Indonesian news, not Ferdinand Marcos Jr.
    from test_entities import run

    from kronik.actors.kb import KnowledgeBase
    doc = run(KnowledgeBase.default(), "Pemerintah menjamin stok BBM di SPBU mencukupi.")
    assert not any(e.kind == "person" for e in doc.entities)


def test_currency_and_number_words_are_no_names():
    # "Rp" (rupiah) and "Nomor"/"No" after a title in a regulation's name are no persons.
    from test_entities import build_kb, run
    doc = run(build_kb(), "Pemerintah menerbitkan Peraturan Menteri Nomor 94 Tahun 2018 dan menyimpan Rp 3 triliun.")
    assert not any(e.text in ("Nomor", "Rp") for e in doc.entities)


def test_title_in_the_name_of_a_regulation_is_no_person():
    from test_entities import build_kb, run
    doc = run(build_kb(), "Sebagaimana diamanatkan dalam Instruksi Presiden No. 8 Tahun 2025 tentang pajak, "
                          "pemerintah menerbitkan Keputusan Presiden (Keppres) tentang ibu kota baru.")
    assert not any(e.kind == "person" for e in doc.entities)


def test_dollar_after_a_state_code_is_a_currency():
    from test_entities import run

    from kronik.actors.kb import KnowledgeBase
    doc = run(KnowledgeBase.default(), "Kedua negara meneken 11 perjanjian senilai US$12,6 miliar.")
    assert not any(e.country == "USA" for e in doc.entities)


def test_former_president_named_before_a_comma_is_not_the_title_of_the_next_name():
    # the title's role held before the text's date still makes it the person's own title
    from test_entities import build_kb, find, run
    doc = run(build_kb(), "Selain menemui Presiden Arnor Velasco, Galadriel Ortiz juga bertemu menteri.")
    assert find(doc, "Arnor Velasco").part_of is None
    assert find(doc, "Galadriel Ortiz").title != "Presiden Arnor Velasco"


@pytest.mark.parametrize("text, expected", [
    # the fronted clause opens with the trigger's own verb: its subject is the main clause's
    ("Bertemu dengan Kald di Santiago, Senin (4/3/2024), Renn menyampaikan dukungan bagi Bolivia.",
     ("CONSULT", ("PER", "CHL"))),
    ("Menelepon Kald pada Senin (4/3/2024), Renn mengatakan kedua negara sepakat.",
     ("CONSULT", ("PER", "CHL"))),
    ("Mengunjungi Santiago pada Senin (4/3/2024), Renn menandatangani perjanjian dagang.",
     ("CONSULT", ("PER", "CHL"))),
    # a place listed after the clause's own place, then the time, then the subject
    ("Bertemu dengan Kald di Istana Moneda, Santiago, Senin (4/3/2024), Renn menyampaikan dukungan bagi Bolivia.",
     ("CONSULT", ("PER", "CHL"))),
    # a light verb before the trigger's noun
    ("Menggelar pertemuan dengan Kald pada Senin (4/3/2024), Renn menyampaikan dukungan bagi Bolivia.",
     ("CONSULT", ("PER", "CHL"))),
    # a subordinator's clause, with a time expression between its comma and the subject
    ("Setelah bertemu dengan Kald di Santiago, Senin (4/3/2024), Renn menyampaikan dukungan bagi Bolivia.",
     ("CONSULT", ("PER", "CHL"))),
    # a possessed noun ('-nya') with no owner before it: the owner is the main clause's subject
    ("Dalam kunjungannya ke Santiago pada Senin (4/3/2024), Renn menandatangani perjanjian dagang.",
     ("CONSULT", ("PER", "CHL"))),
    ("Dalam pertemuannya dengan Kald, Senin (4/3/2024), Renn menyampaikan dukungan bagi Bolivia.",
     ("CONSULT", ("PER", "CHL"))),
    # a possessed noun ('-nya') in its own clause: the sentence's subject owns it ...
    ("Renn mengatakan, pertemuannya dengan Kald pada Senin (4/3/2024) membahas perdagangan.",
     ("CONSULT", ("PER", "CHL"))),
    ("Renn mengakhiri kunjungannya ke Santiago pada Senin (4/3/2024).",
     ("CONSULT", ("PER", "CHL"))),
    ("Peru memperbarui serangannya terhadap Chili pada Senin (4/3/2024).",
     ("ASSAULT", ("PER", "CHL"))),
    # ... or, right after a verb's object past prepositions only, the object
    ("Bolivia menyambut Renn atas kunjungannya ke Santiago pada Senin (4/3/2024).",
     ("CONSULT", ("PER", "CHL"))),
    ("Bolivia mengecam Peru atas serangannya terhadap Chili pada Senin (4/3/2024).",
     ("ASSAULT", ("PER", "CHL"))),
])
def test_an_act_with_no_subject_of_its_own_takes_the_sentences_actor(text, expected):
    """A fronted clause shares the main clause's subject; a noun trigger closed by the
    possessive '-nya' ("kunjungannya", "pertemuannya") is its owner's act."""
    assert expected in directed(text)


@pytest.mark.parametrize("text, name, floor_after, expected", [
    ("Mengunjungi Santiago pada Senin (4/3/2024), Renn menandatangani perjanjian dagang.", "Santiago", "",
     "mengunjungi"),
    ("Renn Bertemu Kald di Santiago", "Kald", "Renn", "bertemu"),
    ("Presiden Renn bertemu Kald di Santiago.", "Renn", "", None),
])
def test_a_capitalised_verb_opening_its_stretch_introduces_the_party_after_it(text, name, floor_after, expected):
    # a sentence-opening verb, or a headline's verb right after the party before, is no title;
    # the stretch opens at the sentence's start or after that party (``floor_after``)
    doc = prepare(text)
    party = next(e for e in doc.entities if e.text == name)
    floor = doc.text.index(floor_after) + len(floor_after) if floor_after else 0
    assert previous_word(doc.text, party.start, floor, lexicon("id"), clause_grammar()) == expected


def test_noun_after_a_fronted_verb_of_reaction_is_no_act_of_the_subject():
    # "Menanggapi pertemuan itu, X ...": X reacts to talks, it does not hold them
    assert [e for e in events_of("Menanggapi pertemuan itu pada Senin (4/3/2024), Renn mengecam Bolivia.")
            if e.type == "CONSULT"] == []


def test_asides_read_the_relative_pronoun_from_the_language_data():
    # A relative clause set off by commas is an aside by the pronoun syntax.yaml lists: a grammar
    # that also lists the informal "yg" reads ", yg menyerang ...," as one; the default does not
    # (the phrase holds a verb, so it is no noun phrase either).
    text = "Israel, yg menyerang Gaza pekan lalu, mengecam Iran."
    default = clause_grammar()
    informal = replace(default, relative_pronouns=default.relative_pronouns | {"yg"})
    verb = lexicon("id").verb
    assert aside_spans(text, 6, len(text), verb, default) == []
    assert aside_spans(text, 6, len(text), verb, informal) == [(6, 37)]
