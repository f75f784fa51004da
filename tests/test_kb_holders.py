"""Data of the packaged knowledge base that issue 9 added (parties that were lost because they
were not resolved to a state): a state's short form, bodies that stand for a state, and office
holders of 2009-2018 whom the older real articles name. Real office holders are asserted as data."""
from __future__ import annotations

from datetime import date

import pytest

from kronik.actors import KnowledgeBase
from kronik.document import Document
from kronik.stages.entities import Entities
from kronik.stages.sentences import Sentences


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def test_malay_name_of_the_emirates(kb):
    assert kb.country("PEA").code == "ARE"
    assert kb.country("Persatuan Emirat Arab").code == "ARE"
    assert kb.country("pea") is None                 # the exact form is upper case only


@pytest.mark.parametrize("epithet, code", [("Negeri Kangguru", "AUS"), ("Negeri Paman Ho", "VNM"),
                                           ("Negeri Seribu Pagoda", "MMR"),
                                           ("Negeri Para Mullah", "IRN"),
                                           ("Negeri Piramida", "EGY"), ("Negeri Kiwi", "NZL")])
def test_epithets_of_states(kb, epithet, code):
    assert kb.country(epithet).code == code


@pytest.mark.parametrize("seat, code", [("Garda Revolusi", "IRN"),
                                        ("Korps Garda Revolusi Islam", "IRN"),
                                        ("KBRI", "IDN"), ("KJRI", "IDN"), ("CCG", "CHN"),
                                        ("Tentara Rakyat Korea", "PRK"), ("Tatmadaw", "MMR")])
def test_bodies_that_stand_for_a_state(kb, seat, code):
    assert kb.metonym(seat).code == code


@pytest.mark.parametrize("name, key", [("D-8", "D8"), ("Asosiasi Lingkar Samudra Hindia", "IORA"),
                                       ("IORA", "IORA"), ("Uni Ekonomi Eurasia", "EAEU"),
                                       ("UNIFIL", "UNIFIL"),
                                       ("Brigade Ezzedine al-Qassam", "HAMAS")])
def test_forums_of_states_and_groups_are_organisations(kb, name, key):
    assert kb.organization(name).organization.key == key


@pytest.mark.parametrize("state, role, on, name", [
    ("USA", "head_of_state", date(2015, 6, 1), "Barack Obama"),
    ("USA", "foreign_minister", date(2015, 6, 1), "John Kerry"),
    ("USA", "foreign_minister", date(2017, 6, 1), "Rex Tillerson"),
    ("IDN", "head_of_state", date(2014, 7, 1), "Susilo Bambang Yudhoyono"),
    ("IDN", "head_of_state", date(2014, 10, 21), "Joko Widodo"),
    ("IDN", "foreign_minister", date(2014, 7, 1), "Marty Natalegawa"),
    ("AUS", "head_of_government", date(2014, 1, 1), "Tony Abbott"),
    ("AUS", "head_of_government", date(2016, 1, 1), "Malcolm Turnbull"),
    ("MYS", "head_of_government", date(2016, 1, 1), "Najib Razak"),
    ("KOR", "head_of_state", date(2015, 1, 1), "Park Geun-hye"),
    ("FRA", "head_of_state", date(2016, 1, 1), "François Hollande"),
    ("GBR", "head_of_government", date(2015, 1, 1), "David Cameron"),
    ("GBR", "foreign_minister", date(2017, 1, 1), "Boris Johnson"),
    ("JPN", "foreign_minister", date(2016, 8, 1), "Fumio Kishida"),
    ("SAU", "foreign_minister", date(2017, 1, 1), "Adel al-Jubeir"),
])
def test_office_holders_of_2009_to_2018(kb, state, role, on, name):
    assert kb.role_holder(state, role, on).person.name == name


def test_an_older_holder_is_found_by_name_on_the_article_date(kb):
    match = kb.person("Obama", on=date(2014, 7, 23))
    assert (match.country, match.role.role) == ("USA", "head_of_state")


@pytest.mark.parametrize("state, role, on, name", [
    ("USA", "defence_minister", date(2014, 6, 1), "Chuck Hagel"),
    ("USA", "defence_minister", date(2017, 6, 1), "James Mattis"),
    ("CHN", "defence_minister", date(2015, 6, 1), "Chang Wanquan"),
    ("KOR", "defence_minister", date(2016, 6, 1), "Han Min-koo"),
    ("JPN", "defence_minister", date(2017, 3, 1), "Tomomi Inada"),
    ("MYS", "defence_minister", date(2015, 6, 1), "Hishammuddin Hussein"),
    ("THA", "defence_minister", date(2016, 6, 1), "Prawit Wongsuwon"),
    ("AUS", "defence_minister", date(2017, 6, 1), "Marise Payne"),
    ("GBR", "defence_minister", date(2016, 6, 1), "Michael Fallon"),
    ("IND", "defence_minister", date(2018, 6, 1), "Nirmala Sitharaman"),
    ("ISR", "defence_minister", date(2017, 6, 1), "Avigdor Lieberman"),
    ("ESP", "foreign_minister", date(2015, 6, 1), "José Manuel García-Margallo"),
    ("ITA", "foreign_minister", date(2017, 6, 1), "Angelino Alfano"),
    ("THA", "head_of_state", date(2015, 6, 1), "Bhumibol Adulyadej"),
    ("MYS", "head_of_state", date(2015, 6, 1), "Abdul Halim Mu'adzam Shah"),
    ("ZAF", "head_of_state", date(2015, 6, 1), "Jacob Zuma"),
    ("BRA", "head_of_state", date(2015, 6, 1), "Dilma Rousseff"),
    ("KOR", "head_of_state", date(2017, 2, 1), "Hwang Kyo-ahn"),
    ("IRN", "vice_president", date(2025, 1, 1), "Mohammad Reza Aref"),
    ("IRN", "spokesperson", date(2023, 1, 1), "Nasser Kanaani"),
    ("UN", "organization_head", date(2015, 6, 1), "Ban Ki-moon"),
    ("EU", "organization_head", date(2016, 6, 1), "Donald Tusk"),
    ("USA", "national_security_adviser", date(2018, 1, 1), "H. R. McMaster"),
    ("AFG", "head_of_state", date(2014, 6, 1), "Hamid Karzai"),
    ("PAK", "foreign_minister", date(2018, 1, 1), "Khawaja Asif"),
    ("JOR", "head_of_government", date(2017, 1, 1), "Hani Mulki"),
    ("SYR", "foreign_minister", date(2015, 1, 1), "Walid Muallem"),
    ("AUT", "foreign_minister", date(2015, 1, 1), "Sebastian Kurz"),
    ("NOR", "foreign_minister", date(2019, 1, 1), "Ine Eriksen Søreide"),
    ("SWE", "foreign_minister", date(2016, 1, 1), "Margot Wallström"),
    ("IDN", "vice_president", date(2006, 1, 1), "Jusuf Kalla"),
    ("IDN", "vice_president", date(2012, 1, 1), "Boediono"),
    ("TLS", "head_of_government", date(2016, 1, 1), "Rui Maria de Araújo"),
    ("TLS", "head_of_state", date(2014, 6, 1), "Taur Matan Ruak"),
    ("LAO", "head_of_state", date(2014, 6, 1), "Choummaly Sayasone"),
    ("IRQ", "head_of_government", date(2016, 1, 1), "Haider al-Abadi"),
    ("MEX", "head_of_state", date(2015, 1, 1), "Enrique Peña Nieto"),
    ("GRC", "head_of_government", date(2015, 3, 1), "Alexis Tsipras"),
    ("ISR", "finance_minister", date(2024, 1, 1), "Bezalel Smotrich"),
    ("PHL", "spokesperson", date(2024, 6, 1), "Jay Tarriela"),
])
def test_ministers_heads_and_spokespeople_of_2013_to_2025(kb, state, role, on, name):
    assert kb.role_holder(state, role, on).person.name == name


@pytest.mark.parametrize("name, on, country, role", [
    ("Mattis", date(2018, 5, 1), "USA", "defence_minister"),
    ("Chuck Hagel", date(2016, 1, 1), "USA", None),              # left office in 2015
    ("Jimmy Carter", date(2026, 5, 1), "USA", None),             # "Presiden Jimmy Carter" is not Indonesian
    ("Mogherini", date(2014, 6, 1), "ITA", "foreign_minister"),  # before she led EU foreign policy
    ("Ben-Gvir", date(2025, 2, 1), "ISR", None),                 # out of the cabinet Jan-Mar 2025
    ("Ben-Gvir", date(2025, 6, 1), "ISR", "minister"),
])
def test_a_holder_acts_only_while_in_office(kb, name, on, country, role):
    match = kb.person(name, on=on)
    assert match.country == country
    assert (match.role.role if match.role else None) == role


def entities_of(kb: KnowledgeBase, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """(kind, country, role) of each mention in ``text`` that is part of no other."""
    doc = Entities(kb)(Sentences()(Document(raw_text=text, text=text, published=date(2025, 10, 2))))
    return {e.text: (e.kind, e.country, e.role) for e in doc.entities if e.part_of is None}


@pytest.mark.parametrize("text, surface, expected", [
    # 'Menteri Perang' (the US Secretary of War from 2025) and its ministry; invented officials
    ("Menteri Perang Chile Ana Torres tiba di Lima.", "Ana Torres",
     ("person", "CHL", "defence_minister")),
    ("Pejabat itu bekerja di Departemen Perang Chile.", "Departemen Perang Chile",
     ("organization", "CHL", "ministry")),
    ("Kapal Garda Pantai Chile berlayar ke Lima.", "Garda Pantai Chile",
     ("organization", "CHL", "military")),
    ("Kapal Coast Guard Chile berlayar ke Lima.", "Coast Guard Chile",
     ("organization", "CHL", "military")),
    # a leader's spokesperson, whose state follows the leader's title; a permanent representative
    ("Juru bicara Presiden Chile, Ana Torres, mengatakan hal itu.", "Ana Torres",
     ("person", "CHL", "spokesperson")),
    ("Sekretaris pers Perdana Menteri Chile, Ana Torres, mengatakan hal itu.", "Ana Torres",
     ("person", "CHL", "spokesperson")),
    ("Wakil Tetap Chile untuk PBB Ana Torres tiba di Lima.", "Ana Torres",
     ("person", "CHL", "ambassador")),
    # longer titles of one office, and fields of ministries
    ("Menteri Pertahanan Nasional Chile Ana Torres tiba.", "Ana Torres",
     ("person", "CHL", "defence_minister")),
    ("Menteri Luar Negeri dan Perdagangan Chile Ana Torres tiba.", "Ana Torres",
     ("person", "CHL", "foreign_minister")),
    ("Wakil Presiden Pertama Chile Ana Torres tiba.", "Ana Torres",
     ("person", "CHL", "vice_president")),
    ("Sekretaris Dewan Keamanan Chile Ana Torres tiba.", "Ana Torres",
     ("person", "CHL", "national_security_adviser")),
    ("Menteri Unifikasi Chile Ana Torres tiba.", "Ana Torres", ("person", "CHL", "minister")),
    ("Menteri Imigrasi, Pengungsi, dan Kewarganegaraan Chile Ana Torres tiba.", "Ana Torres",
     ("person", "CHL", "minister")),
])
def test_titles_and_forces_of_a_state(kb, text, surface, expected):
    assert entities_of(kb, text)[surface] == expected
