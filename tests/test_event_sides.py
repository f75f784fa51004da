"""Who acts on whom: the clause grammar of event sides, on invented sentences and actors.

The actors are injected by hand (``test_events.prepare``), so these tests exercise how sides are
read from the clause (subjects, objects, passives, noun phrases, coordination), not the
knowledge base.
"""
from __future__ import annotations

import re

import pytest
from test_events import events_of, prepare, sides

from kronik.document import Entity, Party, Quote
from kronik.events.frames import FrameBuilder
from kronik.events.lexicon import lexicon
from kronik.events.parties import previous_word
from kronik.events.syntax import clause_grammar, word_roots
from kronik.stages.events import Events


def directed(text: str) -> list[tuple[str, tuple]]:
    return sorted((e.type, sides(e)) for e in events_of(text))


def frame_flags(text: str) -> list[set[str]]:
    doc = prepare(text)
    return [f.flags for f in FrameBuilder(doc, lexicon(doc.language)).frames()]


def test_target_preposition_outranks_a_topic():
    assert directed("Peru menjatuhkan sanksi terkait Ekuador terhadap bank-bank Chili.") == \
        [("SANCTION", ("PER", "CHL"))]


def test_preposition_is_read_through_a_noun_phrase():
    assert directed("Peru melancarkan serangan baru terhadap pangkalan militer Chili.") == \
        [("ASSAULT", ("PER", "CHL"))]


def test_coordinated_subjects_make_one_event_per_pair():
    assert directed("Peru dan Bolivia menyerang Chili pada Senin (4/3/2024).") == \
        [("ASSAULT", ("BOL", "CHL")), ("ASSAULT", ("PER", "CHL"))]


def test_coordinated_objects_across_a_noun_phrase_make_one_event_per_pair():
    assert directed("Peru menyerang wilayah Chili serta pangkalan militer Bolivia pada Senin (4/3/2024).") == \
        [("ASSAULT", ("PER", "BOL")), ("ASSAULT", ("PER", "CHL"))]


def test_reporting_clause_carries_its_subject_to_a_possessed_subject():
    text = "Quispe mengatakan pasukannya pada Senin (4/3/2024) menyerang Chili."
    assert directed(text) == [("ASSAULT", ("PER", "CHL"))]
    assert any("reporting clause" in flag for flags in frame_flags(text) for flag in flags)


def test_apposition_between_subject_and_verb_is_skipped():
    assert directed("Chili, sekutu lama Bolivia, mengecam Peru pada Senin (4/3/2024).") == \
        [("ACCUSE", ("CHL", "PER"))]


def test_party_after_another_verb_is_its_object_not_the_next_subject():
    assert directed("Bolivia mengecam Peru yang menyerang Chili pada Senin (4/3/2024).") == \
        [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]


def test_passive_with_oleh_agent_swaps_the_sides():
    assert directed("Chili diserang oleh Peru pada Senin (4/3/2024).") == [("ASSAULT", ("PER", "CHL"))]


def test_possessor_of_a_noun_trigger_acts():
    assert directed("Invasi Peru ke Chili pada Maret 2023 mengubah kawasan.") == [("ASSAULT", ("PER", "CHL"))]


def test_two_triggers_in_one_sentence_keep_their_own_sides():
    assert directed("Peru menyerang Chili pada Senin (4/3/2024), sementara Bolivia mengecam Peru.") == \
        [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]


def test_every_side_records_its_reason():
    flags = frame_flags("Peru mengecam Chili pada Senin (4/3/2024).")
    assert flags == [{"actor:subject", "recipient:object ('mengecam')"}]


def test_object_of_a_control_verb_acts_in_its_clause():
    assert directed("Peru berhasil meyakinkan Chili untuk menyerang Bolivia pada Senin (4/3/2024).") == \
        [("ASSAULT", ("CHL", "BOL"))]


def test_two_states_fighting_each_other_act_on_each_other():
    assert directed("Peru dan Chili berperang pada Maret 2023.") == \
        [("ASSAULT", ("CHL", "PER")), ("ASSAULT", ("PER", "CHL"))]


def test_possessive_noun_trigger_belongs_to_the_subject():
    flags = frame_flags("Quispe menyampaikan dukungannya terhadap Chili pada Senin (4/3/2024).")
    assert directed("Quispe menyampaikan dukungannya terhadap Chili pada Senin (4/3/2024).") == \
        [("SUPPORT", ("PER", "CHL"))]
    assert flags and "actor:subject" in flags[0]


def test_a_state_after_a_fronted_phrase_is_the_subject_not_its_topic():
    assert directed("Selain perjanjian soal FIR, Peru-Chili menyepakati perjanjian ekstradisi "
                    "pada Senin (4/3/2024).") == [("AGREE", ("PER", "CHL"))]


def test_agentless_passive_with_antara_pairs_share_the_repeated_state():
    assert directed("Perjanjian itu ditandatangani pada 4 Maret 2024 antara Peru dan Chili, "
                    "serta Peru dan Bolivia.") == [("AGREE", ("PER", "BOL")), ("AGREE", ("PER", "CHL"))]


def test_possessive_noun_trigger_far_from_its_subject_belongs_to_the_sentence_subject():
    assert directed("Quispe mengungkapkan hal itu usai rapat kabinet, sehari setelah dukungannya "
                    "terhadap Chili diumumkan pada Senin (4/3/2024).") == [("SUPPORT", ("PER", "CHL"))]


def test_subject_before_a_time_conjunction_acts_in_its_verb_phrase():
    assert directed("Quispe saat bertemu Kald di Santiago pada Senin (4/3/2024) mengecam Bolivia.") == \
        [("ACCUSE", ("PER", "BOL")), ("CONSULT", ("PER", "CHL"))]


def test_partner_only_talks_take_the_side_of_the_talks_before():
    events = events_of("Renn bertemu Kald di Santiago pada Senin (4/3/2024). Renn juga bertemu Menteri "
                       "Luar Negeri Bolivia di Santiago pada Selasa (5/3/2024). Ada pula pertemuan "
                       "bilateral dengan Ekuador pada Selasa (5/3/2024).")
    pairs = [{p.country for p in e.participants} for e in events if e.type == "CONSULT"]
    assert {"PER", "ECU"} in pairs


def test_the_actors_own_state_is_not_its_target():
    assert directed("Renn memperingatkan bahwa kesepakatan yang merugikan Peru tidak boleh dilanggar "
                    "oleh Chili pada Senin (4/3/2024).") == [("THREATEN", ("PER", "CHL"))]


def test_antara_after_a_short_relative_clause_names_both_sides():
    assert directed("Gencatan senjata yang rapuh telah berlaku sejak Maret 2024 antara Peru dan Chili.") == \
        [("AGREE", ("PER", "CHL"))]


def test_a_states_allies_are_not_the_state():
    assert directed("Peru menyerang Chili serta negara-negara sekutu Bolivia pada Senin (4/3/2024).") == \
        [("ASSAULT", ("PER", "CHL"))]
    assert directed("Peru menyerang sekutu Bolivia pada Senin (4/3/2024).") == []
    assert directed("Peru melancarkan serangan terhadap sekutu Bolivia pada Senin (4/3/2024).") == []


def test_a_conjunction_that_looks_like_a_verb_does_not_make_an_object():
    assert directed("Quispe mengatakan bahwa perundingan masih mungkin meskipun Chili melancarkan "
                    "serangan baru terhadap Bolivia pada Senin (4/3/2024).") == [("ASSAULT", ("CHL", "BOL"))]


def test_a_spokesperson_after_juru_bicara_is_the_subject():
    assert directed("Juru bicara Kementerian Luar Negeri Peru Ana Quispe pada Rabu mengecam Chili "
                    "dan Bolivia.") == [("ACCUSE", ("PER", "BOL")), ("ACCUSE", ("PER", "CHL"))]


def test_a_partner_taken_by_a_meeting_verb_is_not_the_companion_of_a_later_meeting_noun():
    assert directed("Menlu Peru akan bertemu dengan Menlu Chili di Nairobi, Kenya, pada Senin "
                    "(4/3/2024) saat pertemuan tingkat menteri.") == [("CONSULT", ("PER", "CHL"))]


def test_a_passive_relative_stays_inside_the_target_phrase_and_the_targets_places_are_struck():
    assert directed("Peru menembakkan rudal ke wilayah yang dikuasai Chili serta pangkalan militer "
                    "Bolivia di Ekuador pada Senin (4/3/2024).") == \
        [("ASSAULT", ("PER", "BOL")), ("ASSAULT", ("PER", "CHL")), ("ASSAULT", ("PER", "ECU"))]


def test_a_relative_of_another_verb_does_not_carry_the_target_phrase():
    assert directed("Pasukan Peru menyerang markas kelompok yang didukung Chili di dekat perbatasan "
                    "pada Senin (4/3/2024).") == []


# An invented place of Chili (a named place, not a state): injected beside the actors.
PLACES = {"Kota Arica": "CHL"}


def placed_events(text: str) -> list[tuple[str, tuple]]:
    doc = prepare(text)
    for surface, country in PLACES.items():
        for match in re.finditer(re.escape(surface), doc.text):
            doc.entities.append(Entity(match.start(), match.end(), surface, kind="place",
                                       name=surface, country=country))
    doc.entities.sort(key=lambda e: e.start)
    doc.quotes = []
    return sorted((e.type, sides(e)) for e in Events()(doc).events)


def test_attack_on_a_named_place_strikes_its_state():
    assert placed_events("Serangan udara Peru menghantam wilayah Kota Arica pada Senin (4/3/2024).") == \
        [("ASSAULT", ("PER", "CHL"))]
    assert placed_events("Serangan udara Peru di Kota Arica pada Senin (4/3/2024) menewaskan 4 orang.") == \
        [("ASSAULT", ("PER", "CHL"))]


def test_a_place_named_as_a_source_or_the_actors_own_is_not_struck():
    assert placed_events("Peru menyerang dengan roket yang diluncurkan dari Kota Arica pada Senin (4/3/2024).") == []
    assert placed_events("Serangan udara Chili di Kota Arica pada Senin (4/3/2024) menewaskan 4 orang.") == []


def test_a_fronted_clause_shares_the_subject_after_its_comma():
    assert directed("Setelah bertemu Kald pada Senin (4/3/2024), Renn mengatakan hubungan keduanya baik.") == \
        [("CONSULT", ("PER", "CHL"))]
    assert directed("Setelah diserang Peru pada Senin (4/3/2024), Chili langsung membalas.") == \
        [("ASSAULT", ("PER", "CHL"))]
    flags = frame_flags("Usai pertemuan dengan Kald pada Senin (4/3/2024), Renn mengatakan hubungan keduanya baik.")
    assert "actor:subject of the main clause after a fronted clause ('usai')" in flags[0]


def test_a_fronted_clause_without_a_subject_after_it_names_no_actor():
    assert directed("Setelah bertemu Kald pada Senin (4/3/2024), hubungan kedua pihak membaik.") == []


def test_a_state_of_origin_inside_the_object_is_not_the_target():
    assert directed("Peru mengirim bantuan berupa obat buatan Chili ke Bolivia pada Senin (4/3/2024).") == \
        [("AID", ("PER", "BOL"))]


def test_the_subject_of_an_accusations_content_is_accused():
    assert directed("Chili menyangkal tuduhan Peru bahwa Chili memasok senjata pada Senin (4/3/2024).") == \
        [("ACCUSE", ("PER", "CHL")), ("REJECT", ("CHL", "PER"))]


def test_a_party_heading_the_triggers_relative_clause_acts_whatever_introduces_it():
    assert directed("Bolivia menjatuhkan sanksi terhadap Peru yang menginvasi Chili pada Maret 2023.") == \
        [("ASSAULT", ("PER", "CHL")), ("SANCTION", ("BOL", "PER"))]


def test_a_fronted_clause_after_a_sentence_adverb_shares_the_subject_after_its_comma():
    flags = frame_flags("Faktanya, selain mengecam Bolivia pada Senin (4/3/2024), Peru juga menyerang Chili.")
    assert "actor:subject of the main clause after a fronted clause ('selain')" in flags[0]
    assert directed("Faktanya, selain mengecam Bolivia pada Senin (4/3/2024), Peru juga menyerang Chili.")[0] == \
        ("ACCUSE", ("PER", "BOL"))


def test_a_state_of_origin_without_a_recipient_after_it_is_the_target():
    assert directed("Peru mengenakan tarif tambahan atas kayu asal Chili pada Senin (4/3/2024).") == \
        [("SANCTION", ("PER", "CHL"))]


def test_possessor_inside_a_noun_trigger_acts_and_the_party_after_it_receives():
    # "sanksi <X> terhadap Y", "bantuan militer <X> kepada Y": the trigger's own words hold the
    # possessor; the party after its closing preposition is the target, never the possessor.
    assert directed("Sanksi Peru terhadap Chili berlaku sejak Senin (4/3/2024).") == \
        [("SANCTION", ("PER", "CHL"))]
    assert directed("Embargo senjata Peru atas Chili berlaku sejak Senin (4/3/2024).") == \
        [("SANCTION", ("PER", "CHL"))]
    assert directed("Bantuan militer Peru kepada Chili tiba pada Senin (4/3/2024).") == \
        [("AID", ("PER", "CHL"))]


def frame_sides(text: str) -> list[tuple[list[str], list[str]]]:
    doc = prepare(text)
    return [([p.country for p in f.actors], [p.country for p in f.recipients])
            for f in FrameBuilder(doc, lexicon(doc.language)).frames()]


def test_party_after_a_noun_triggers_closing_preposition_is_not_its_possessor():
    # without a possessor, the recipient after "kepada" is not taken for the giver
    assert frame_sides("Bantuan kemanusiaan kepada Chili tiba pada Senin (4/3/2024).") == [([], ["CHL"])]
    # nor is a party after a topic inside the trigger ("sanksi terkait X terhadap Y")
    assert frame_sides("Sanksi terkait Peru terhadap Chili berlaku sejak Senin (4/3/2024).") == [([], ["CHL"])]


def test_subject_of_menjadi_sasaran_is_the_target_of_the_noun_trigger():
    assert directed("Pangkalan militer Chili menjadi target serangan udara Peru pada Senin (4/3/2024).") == \
        [("ASSAULT", ("PER", "CHL"))]
    # a "dari" source after the noun acts; a place phrase in the subject is aimed at its state
    assert directed("Berbagai infrastruktur di Chili dan Bolivia dilaporkan menjadi sasaran serangan "
                    "rudal dan drone dari Peru pada Senin (4/3/2024).") == \
        [("ASSAULT", ("PER", "BOL")), ("ASSAULT", ("PER", "CHL"))]
    # without an attacker named there is no event
    assert directed("Chili menjadi sasaran serangan siber pada Senin (4/3/2024).") == []


def test_a_state_after_the_conjunction_that_closed_a_list_begins_a_phrase_of_its_own():
    events = [e for e in events_of("Pertemuan Renn dan Kald, Isu Bolivia Turut Dibahas.")
              if e.type == "CONSULT"]
    assert [sorted(p.country for p in e.participants) for e in events] == [["CHL", "PER"]]
    assert directed("Peru, Bolivia dan Ekuador mengecam Chili pada Senin (4/3/2024).") == \
        [("ACCUSE", ("BOL", "CHL")), ("ACCUSE", ("ECU", "CHL")), ("ACCUSE", ("PER", "CHL"))]


def test_a_talking_verb_takes_its_partner_only_through_a_preposition():
    assert not [e for e in events_of("Renn berbicara tentang masa depan kawasan dan masa depan rakyat Chili.")
                if e.type == "CONSULT"]
    talks = [e for e in events_of("Renn berbicara dengan Kald pada Senin (4/3/2024).") if e.type == "CONSULT"]
    assert [sorted(p.country for p in e.participants) for e in talks] == [["CHL", "PER"]]


def test_a_trigger_in_a_fronted_clause_takes_no_party_of_the_main_clause():
    text = ("Dalam pertemuan yang sama pada Senin (4/3/2024), Renn mendesak negara-negara tetangga "
            "untuk menormalisasi hubungan dengan Chili.")
    talks = [e for e in events_of(text) if e.type == "CONSULT"]
    assert all("CHL" not in [p.country for p in e.participants] for e in talks)


@pytest.mark.parametrize("text, expected", [
    # the passive's subject "<noun> itu" names the attack told before: its doer is condemned
    ("Peru menyerang Chili pada Senin (4/3/2024). Serangan itu dikecam Bolivia.",
     [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]),
    # a noun of the verb's root ("peluncuran" / "meluncurkan") as the object of a reaction
    ("Peru meluncurkan rudal ke wilayah Chili pada Senin (4/3/2024). Bolivia mengecam peluncuran tersebut.",
     [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]),
    # the reaction's own noun: rejecting the accusation is aimed at the accuser
    ("Peru menuduh Chili memasok senjata pada Senin (4/3/2024). Chili menolak tuduhan itu.",
     [("ACCUSE", ("PER", "CHL")), ("REJECT", ("CHL", "PER"))]),
    # a reaction whose trigger holds the noun ("menyebut serangan itu sebagai ...") did no attack
    ("Peru menyerang Chili pada Senin (4/3/2024). Bolivia menyebut serangan itu sebagai pelanggaran "
     "hukum. Ekuador juga mengutuk serangan tersebut.",
     [("ACCUSE", ("ECU", "PER")), ("ASSAULT", ("PER", "CHL"))]),
    # an act of another root is not the one the phrase names
    ("Peru menyerang Chili pada Senin (4/3/2024). Bolivia mengecam penyitaan tersebut.",
     [("ASSAULT", ("PER", "CHL"))]),
    # the object of a verb of judging did the act a causal clause without a subject names
    ("Bolivia mengecam Peru karena menyerang Chili pada Senin (4/3/2024).",
     [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]),
    # past a target preposition and an adverb
    ("Bolivia memprotes terhadap Peru karena terus menyerang Chili pada Senin (4/3/2024).",
     [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]),
    # after a verb that judges no one the subject acts
    ("Bolivia menyerang Chili karena Chili menyerang Peru pada Senin (4/3/2024).",
     [("ASSAULT", ("BOL", "CHL")), ("ASSAULT", ("CHL", "PER"))]),
    # "oleh" after the noun's phrase names its doer, the possessor what it is done to
    ("Penyitaan kapal nelayan Peru oleh Chili pada Senin (4/3/2024) memicu protes.",
     [("COERCE", ("CHL", "PER"))]),
    # a target preposition before the agent
    ("Serangan terhadap Peru oleh Chili pada Senin (4/3/2024) menewaskan tiga orang.",
     [("ASSAULT", ("CHL", "PER"))]),
    # "yang" with a verb of carrying out, its agent without "oleh"
    ("Serangan yang dilancarkan Chili ke wilayah Peru pada Senin (4/3/2024) menewaskan tiga orang.",
     [("ASSAULT", ("CHL", "PER"))]),
    # a reaction to an act its object names is aimed at the act's doer, not at its target
    ("Bolivia mengecam penyitaan kapal Peru oleh Chili pada Senin (4/3/2024).",
     [("ACCUSE", ("BOL", "CHL")), ("COERCE", ("CHL", "PER"))]),
    ("Bolivia mengecam serangan terhadap Peru oleh Chili pada Senin (4/3/2024).",
     [("ACCUSE", ("BOL", "CHL")), ("ASSAULT", ("CHL", "PER"))]),
])
def test_who_acts_on_whom_across_clauses_and_noun_phrases(text, expected):
    """Reactions to an act told before or named by their object, causal clauses after verbs
    of judging, agents of act nouns."""
    assert directed(text) == expected


def test_a_party_after_a_demonstrative_is_no_possessor_of_the_noun():
    flags = frame_flags("Serangan itu dikecam Bolivia.")
    assert not any("possessor" in flag for frame in flags for flag in frame)


@pytest.mark.parametrize("verb, noun", [
    ("menyerang", "serangan"), ("diserang", "penyerangan"), ("meluncurkan", "peluncuran"),
    ("menyita", "penyitaan"), ("menembak", "penembakan"), ("mengirim", "pengiriman"),
])
def test_a_verb_and_the_noun_of_its_act_share_a_root(verb, noun):
    grammar = clause_grammar()
    assert word_roots(verb, grammar) & word_roots(noun, grammar)


def test_the_agent_of_another_verb_after_an_act_noun_did_not_do_it():
    flags = frame_flags("Serangan yang dikecam oleh Chili menewaskan tiga orang warga Peru.")
    assert not any("agent of the noun" in flag for frame in flags for flag in frame)


@pytest.mark.parametrize("text, expected", [
    # "antara lain" opens a list of partners: not two sides "antara A dan B"
    ("Peru menandatangani nota kesepahaman dengan berbagai negara, antara lain Chili dan Bolivia.",
     [("AGREE", ("PER", "BOL")), ("AGREE", ("PER", "CHL"))]),
    # partners of a side no state stands for are no sides of one another
    ("Kementerian itu menandatangani nota kesepahaman dengan berbagai negara, antara lain Chili, "
     "Bolivia, dan Ekuador.", []),
    ("Kementerian itu menandatangani nota kesepahaman dengan Chili dan Bolivia.", []),
])
def test_a_list_of_partners_pairs_each_with_the_side_that_names_it(text, expected):
    assert sorted((e.type, tuple(sorted(sides(e)))) for e in events_of(text)) == \
        sorted((t, tuple(sorted(pair))) for t, pair in expected)


def test_antara_lain_is_no_preposition_of_the_list_after_it():
    text = "Peru bertemu dengan para menteri, antara lain Chili dan Bolivia."
    doc = prepare(text)
    chile = next(e for e in doc.entities if e.text == "Chili")
    assert previous_word(doc.text, chile.start, 0, lexicon("id"), clause_grammar()) != "antara"


def test_an_act_told_as_existing_inside_a_quote_is_not_the_speakers():
    text = "“Ada beberapa perundingan dengan Chili hari ini,” kata Quispe pada Senin (4/3/2024)."
    doc = prepare(text)
    start, end = doc.text.index("Ada"), doc.text.index(",”")
    doc.quotes = [Quote(start, end, doc.text[start:end], Party("Ana Quispe", "PER", "person"))]
    assert Events()(doc).events == []


@pytest.mark.parametrize("text, expected", [
    # a state after a noun of firms or investors names where they come from, not a side
    ("Peru menyepakati perjanjian dengan berbagai perusahaan Ekuador dan Chili pada Senin (4/3/2024).", []),
    ("Peru menandatangani kesepakatan dengan BUMN Chili pada Senin (4/3/2024).", []),
    ("Investor Chili menandatangani kesepakatan dengan Peru pada Senin (4/3/2024).", []),
    ("Peru menandatangani kesepakatan dengan perusahaan asal Ekuador, Bolivia, dan Chili pada Senin (4/3/2024).", []),
    # a state after another noun, or past a comma that ends the firms' phrase, still is one
    ("Peru menandatangani kesepakatan dengan perusahaan Ekuador dan pemerintah Chili pada Senin (4/3/2024).",
     [("AGREE", ("PER", "CHL"))]),
    ("Menurut para investor, Peru menandatangani kesepakatan dengan Chili pada Senin (4/3/2024).",
     [("AGREE", ("PER", "CHL"))]),
])
def test_a_states_firms_are_not_the_state(text, expected):
    assert directed(text) == expected


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Peru dan Menteri Luar Negeri Chili bertemu di Lima pada Senin (4/3/2024) "
    "untuk membahas ekspor ke Bolivia.",
    "Renn bertemu dengan Kald pada Senin (4/3/2024) guna membicarakan kerja sama dengan Bolivia.",
])
def test_a_state_inside_the_topic_of_talks_is_no_participant(text):
    events = [e for e in events_of(text) if e.type == "CONSULT"]
    assert events and all("BOL" not in {p.country for p in e.participants} for e in events)



def test_a_person_named_with_two_titles_is_one_participant():
    text = ("Presiden Arvelia Tomas Renn bertemu dengan Kald di Santiago pada Senin (4/3/2024). "
            "Renn dan Kald bertemu di Santiago pada Senin (4/3/2024).")
    doc = prepare(text)
    for entity in doc.entities:
        if entity.name == "Tomas Renn":
            entity.title = "Presiden Arvelia" if entity.text.startswith("Presiden") else "Presiden"
    events = [e for e in Events()(doc).events if e.type == "CONSULT"]
    assert events
    assert all(len({(p.name, p.country) for p in e.participants}) == len(e.participants) for e in events)
    assert {p.title for e in events for p in e.participants if p.name == "Tomas Renn"} <= {"Presiden Arvelia"}
