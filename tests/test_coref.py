"""Coreference on invented sentences: name parts, role mentions, pronouns and plural references
resolve to the mentions (or knowledge-base people) they stand for, each with its reason."""
from __future__ import annotations

from datetime import date

import pytest
from test_entities import build_kb, find, run


@pytest.fixture(scope="module")
def kb():
    return build_kb()


def antecedents(doc, entity) -> list[str]:
    return [doc.entities[i].text for i in entity.refers_to]


# Name parts


def test_surname_after_the_full_name(kb):
    doc = run(kb, "Menteri Luar Negeri Chile Ana Torres tiba. Kemudian Torres berkata.")
    torres = find(doc, "Torres")
    assert (torres.name, torres.country, torres.title) == \
        ("Ana Torres", "CHL", "Menteri Luar Negeri Chile")
    assert antecedents(doc, torres) == ["Ana Torres"]
    assert torres.reason == "name part of earlier mention at 26"


def test_full_name_repeated_is_one_mention(kb):
    doc = run(kb, "Menteri Luar Negeri Chile Ana Torres tiba. Kemudian Ana Torres berkata.")
    again = find(doc, "Ana Torres", 1)
    assert (again.start, again.end, again.name) == (52, 62, "Ana Torres")
    assert not any(e.text in ("Ana", "Torres") for e in doc.entities)


def test_surname_in_a_headline_before_the_full_name(kb):
    doc = run(kb, "Torres Tiba di Lima\n\nMenteri Luar Negeri Chile Ana Torres tiba kemarin.")
    torres = find(doc, "Torres")
    assert (torres.start, torres.name, torres.country) == (0, "Ana Torres", "CHL")
    assert torres.reason.startswith("name part of later mention")


def test_one_word_name_after_a_title_is_the_fuller_name(kb):
    doc = run(kb, "Penasihat Urusan Luar Negeri Sotomayor Pedro Ruiz datang. Kata ajudan "
                  "Sotomayor Ruiz, pertemuan itu baik.")
    ruiz = find(doc, "Ruiz")
    assert (ruiz.name, ruiz.country, ruiz.title) == ("Pedro Ruiz", "CHL", "ajudan Sotomayor")
    assert antecedents(doc, ruiz) == ["Pedro Ruiz"]


def test_known_state_of_a_name_beats_the_home_state_rule(kb):
    doc = run(kb, "Presiden Peru Luis Campos tiba. Presiden Campos lalu berkata.")
    campos = find(doc, "Campos")
    assert (campos.name, campos.country) == ("Luis Campos", "PER")
    assert "home state" not in campos.reason


# Role mentions


def test_role_mention_takes_the_person_named_before(kb):
    doc = run(kb, "Presiden Peru Galadriel Ortiz tiba. Pemimpin Peru itu lalu berkata.")
    leader = find(doc, "Pemimpin Peru itu")
    assert (leader.kind, leader.name, leader.country, leader.id) == \
        ("person", "Galadriel Ortiz", "PER", "Q900003")
    assert antecedents(doc, leader) == ["Galadriel Ortiz"]
    assert "named before, at 14" in leader.reason


@pytest.mark.parametrize("published, holder", [
    (date(2023, 5, 1), "Arnor Velasco"),
    (date(2025, 5, 1), "Beren Sotomayor"),
])
def test_role_mention_without_a_name_is_the_role_holder_on_the_date(kb, published, holder):
    doc = run(kb, "Presiden Chile menyambut baik usulan itu.", published)
    president = find(doc, "Presiden Chile")
    assert (president.name, president.country, president.role) == \
        (holder, "CHL", "head_of_state")
    assert president.reason.endswith(
        f"role holder head_of_state of CHL on {published.isoformat()}")


def test_role_mention_without_a_date_takes_the_person_named_after(kb):
    doc = run(kb, "Presiden Chile menelepon. Presiden Chile Beren Sotomayor berkata.", None)
    president = find(doc, "Presiden Chile")
    assert president.name == "Beren Sotomayor"
    assert "named after" in president.reason


def test_demonstrative_role_mention_is_not_looked_up_in_the_kb(kb):
    doc = run(kb, "Pemimpin Chile itu berkata.")
    leader = find(doc, "Pemimpin Chile itu")
    assert (leader.name, leader.country) == (None, "CHL")


def test_bare_lower_case_title_is_generic(kb):
    doc = run(kb, "Presiden Peru Galadriel Ortiz tiba bersama kepala negara yang hadir.")
    assert all(e.text != "kepala negara" for e in doc.entities)


# Pronouns


def test_pronoun_is_the_subject_of_its_sentence(kb):
    doc = run(kb, "Sotomayor mengatakan kepada Ortiz bahwa ia setuju.")
    pronoun = find(doc, "ia")
    assert (pronoun.kind, pronoun.name, pronoun.country) == ("person", "Beren Sotomayor", "CHL")
    assert pronoun.reason == "pronoun 'ia': subject of its sentence, at 0"


def test_pronoun_after_a_preposition_takes_the_nearest_person(kb):
    doc = run(kb, "Panggilan dengan Ortiz berlangsung lama. Dia menyebutnya baik.")
    assert find(doc, "Dia").name == "Galadriel Ortiz"


def test_pronoun_without_an_antecedent_is_left_out(kb):
    assert run(kb, "Ia datang kemarin.").entities == []


# Plural references


def test_two_leaders(kb):
    doc = run(kb, "Sotomayor bertemu Ortiz. Menteri Luar Negeri Chile Ana Torres hadir. "
                  "Kedua pemimpin sepakat.")
    both = find(doc, "Kedua pemimpin")
    assert both.kind == "group"
    assert antecedents(doc, both) == ["Ortiz", "Sotomayor"]


def test_two_states(kb):
    doc = run(kb, "Presiden Chile tiba di Jepang. Chile dan Peru memperbaiki hubungan kedua negara.")
    both = find(doc, "kedua negara")
    assert [doc.entities[i].country for i in both.refers_to] == ["PER", "CHL"]


def test_they_is_the_state_named_before_in_the_sentence(kb):
    doc = run(kb, "Peru mengumumkan bahwa mereka akan membeli kedelai.")
    they = find(doc, "mereka")
    assert antecedents(doc, they) == ["Peru"]


def test_they_after_two_people_joined_by_dan_is_both(kb):
    doc = run(kb, "Presiden Peru Luis Campos dan Menteri Luar Negeri Chile Ana Torres "
                  "menutup pertemuan pertama mereka di Lima.")
    they = find(doc, "mereka")
    assert antecedents(doc, they) == ["Luis Campos", "Ana Torres"]


def test_a_state_naming_a_war_is_not_one_of_two_states(kb):
    doc = run(kb, "Presiden Chile bertemu Presiden Peru. Sejak Perang Korea, hubungan kedua "
                  "negara membaik.")
    both = find(doc, "kedua negara")
    assert sorted(doc.entities[i].country for i in both.refers_to) == ["CHL", "PER"]


@pytest.mark.parametrize("text, expected", [
    # the subject of the sentence before, a pair joined by "dan"
    ("Chile dan Peru bertemu di Lima. Mereka juga sepakat.", ["Chile", "Peru"]),
    # a list after a title, with a bracketed short form
    ("Para menteri dari Amerika Serikat (AS), Chile, Peru, dan Jepang tiba di Lima. "
     "Mereka lalu bertemu.", ["Amerika Serikat", "Chile", "Peru", "Jepang"]),
    # a pair after "antara" in the pronoun's own sentence
    ("Norwegia menengahi antara Chile dan Peru ketika mereka berunding.", ["Chile", "Peru"]),
])
def test_they_after_a_list_of_states_is_every_state(kb, text, expected):
    doc = run(kb, text)
    they = find(doc, "Mereka" if "Mereka" in text else "mereka")
    assert they.reason.startswith("plural pronoun")
    assert antecedents(doc, they) == expected


def test_they_after_states_that_are_no_subject_is_left_out(kb):
    doc = run(kb, "Tim itu bermain dengan baik sepanjang musim di turnamen Chile Terbuka dan Peru "
                  "Terbuka. Mereka kalah.")
    assert "Mereka" not in [e.text for e in doc.entities]


def test_they_without_an_antecedent_is_left_out(kb):
    doc = run(kb, "Para petani berkata mereka lelah.")
    assert doc.entities == []


def test_honorific_or_our_makes_a_bare_title_the_home_states(kb):
    doc = run(kb, "Presiden Peru Galadriel Ortiz tiba. Kunjungan Presiden kita berhasil, "
                  "kata Pak Presiden.")
    ours = [e for e in doc.entities if e.text == "Presiden"]
    assert [(e.country, e.name) for e in ours] == [("IDN", None), ("IDN", None)]
    assert all(e.reason.startswith("role mention of the home state") for e in ours)


def test_pronouns_in_direct_speech_are_left_out(kb):
    doc = run(kb, "“Dia setuju dengan usul kami,” kata Sotomayor. Ia lalu pergi.")
    assert [e.text for e in doc.entities] == ["Sotomayor", "Ia"]


def test_role_mention_of_an_organisation_is_its_office_holder(kb):
    doc = run(kb, "Usul itu didukung Sekjen PBB kemarin.")
    head = find(doc, "Sekjen PBB")
    assert (head.name, head.country, head.role) == ("Elrond Mbeki", None, "organization_head")
    assert head.reason.endswith("role holder organization_head of UN on 2025-06-02")


def test_titled_repeat_of_a_full_name_keeps_its_state(kb):
    doc = run(kb, "Presiden Peru Luis Campos tiba. Presiden Luis Campos lalu berkata.")
    again = find(doc, "Luis Campos", 1)
    assert (again.country, again.refers_to) == ("PER", [1])


def test_pronoun_opening_a_sentence_continues_the_last_subject(kb):
    doc = run(kb, "Kemudian, Arnor Velasco bertemu dengan Beren Sotomayor di Lima. "
                  "Dia mengatakan hubungan kedua negara membaik.")
    dia = find(doc, "Dia")
    assert dia.name == "Arnor Velasco"
    assert "subject of a sentence before" in dia.reason



def test_pihaknya_opening_a_sentence_is_the_person_before(kb):
    doc = run(kb, "Presiden Peru Luis Campos tiba di Lima. Pihaknya lalu mengecam Chile.")
    side = find(doc, "Pihaknya")
    assert (side.name, side.country) == ("Luis Campos", "PER")
