"""Data of the packaged knowledge base that issue 9 added (parties that were lost because they
were not resolved to a state): a state's short form, bodies that stand for a state, and office
holders of 2009-2018 whom the older real articles name. Real office holders are asserted as data."""
from __future__ import annotations

from datetime import date

import pytest

from kronik.actors import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def test_malay_name_of_the_emirates(kb):
    assert kb.country("PEA").code == "ARE"
    assert kb.country("Persatuan Emirat Arab").code == "ARE"
    assert kb.country("pea") is None                 # the exact form is upper case only


@pytest.mark.parametrize("seat, code", [("Garda Revolusi", "IRN"),
                                        ("Korps Garda Revolusi Islam", "IRN"),
                                        ("KBRI", "IDN"), ("KJRI", "IDN")])
def test_bodies_that_stand_for_a_state(kb, seat, code):
    assert kb.metonym(seat).code == code


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
