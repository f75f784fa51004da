"""The knowledge base's mechanisms: name folding, exact short forms, metonyms, organisations,
and people resolved by date, tested with invented actors injected for the test."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from kronik.actors import KnowledgeBase, OrganizationEntry, PersonEntry, Role, fold
from kronik.actors import kb as kb_module

# An invented Indonesian minister who moved from trade to foreign affairs, and an invented
# Malaysian minister who shares his short name: the date decides who "Menteri Harsa" is.
HARSA = PersonEntry(
    "Harsa Wiradana", aliases=("Harsa",), qid="Q999999999",
    roles=(Role("trade_minister", date(2031, 1, 5), date(2032, 6, 30), "IDN",
                title="Menteri Perdagangan"),
           Role("foreign_minister", date(2032, 7, 1), None, "IDN",
                title="Menteri Luar Negeri")))
HARSA_MY = PersonEntry(
    "Harsa bin Othman", aliases=("Harsa",),
    roles=(Role("defence_minister", date(2029, 3, 1), date(2030, 12, 31), "MYS",
                title="Menteri Pertahanan"),))
ORDER = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
         "trade_minister")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default().extended(persons=[HARSA, HARSA_MY])


def test_fold_keeps_length_and_drops_case_and_diacritics():
    text = "Istana Élysée – Türkiye’s"
    assert fold(text) == "istana elysee - turkiye's"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("name", ["Tiongkok", "China", "RRT", "RRC", "cina", "TIONGKOK",
                                  "Republik Rakyat Tiongkok"])
def test_names_of_china(kb, name):
    assert kb.country(name).code == "CHN"


def test_fold_is_the_same_with_few_or_many_characters_outside_ascii(monkeypatch):
    """A text with few characters outside ASCII has them put in one by one, one with many is
    folded run by run: either way each character folds alone (a "?" stays one)."""
    text = "Apa? “Élysée”\tİstanbul—Türkiye`s ΣΟΦΙΑ \u3042 end?"
    by_character = "".join(kb_module._fold_table().get(ord(c), c) for c in text)
    assert fold(text) == by_character
    monkeypatch.setattr(kb_module, "MAX_PATCHED_CHARACTERS", 2)
    assert fold(text) == by_character and fold("ABC?") == "abc?"


def test_codes_are_not_names(kb):
    assert kb.country("CAN") is None
    assert kb.by_code("CAN").name == "Kanada"


def test_short_forms_and_reasons(kb):
    assert kb.country("Korsel").code == "KOR"
    assert kb.country("Korea Utara").code == "PRK"
    assert kb.country("Türkiye").code == kb.country("Turkiye").code == "TUR"
    match = kb.country("AS")
    assert match.code == "USA" and "'AS'" in match.reason and "USA" in match.reason


def test_exact_short_form_needs_its_case(kb):
    assert kb.country("as") is None
    assert kb.country("As") is None
    assert kb.country("ri") is None
    assert kb.country("RI").code == "IDN"


def test_metonyms(kb):
    assert kb.metonym("Kremlin").code == "RUS"
    assert kb.metonym("Gedung Putih").code == "USA"
    assert kb.metonym("beijing").code == "CHN"
    assert "Gedung Putih" in kb.metonym("Gedung Putih").reason
    assert kb.metonym("Brussel") is None            # the EU's seat, not Belgium's voice
    assert kb.place("Brussel").code == "BEL"
    assert kb.metonym("Tiongkok") is None           # a state, not a seat


def test_organizations_are_not_states(kb):
    nato = kb.organization("NATO")
    assert nato.organization.kind == "organization" and kb.country("NATO") is None
    assert kb.organization("PBB").organization.key == "UN"
    assert kb.organization("Hamas").organization.kind == "group"
    assert kb.organization("un") is None            # the exact form is upper case only


def test_person_role_is_chosen_by_date(kb):
    before = kb.person("Harsa Wiradana", on=date(2031, 2, 1))
    after = kb.person("Harsa Wiradana", on=datetime(2033, 1, 1, 9, 30))
    assert (before.role.role, before.title, before.country) == (
        "trade_minister", "Menteri Perdagangan", "IDN")
    assert (after.role.role, after.country) == ("foreign_minister", "IDN")
    assert after.person.qid == "Q999999999"
    assert "foreign_minister of IDN 2032-07-01.." in after.reason


def test_shared_alias_is_resolved_by_date(kb):
    assert kb.person("Harsa", on=date(2030, 1, 1)).person is HARSA_MY
    assert kb.person("harsa", on=date(2032, 8, 1)).person is HARSA


def test_person_without_a_role_keeps_nearest_country(kb):
    match = kb.person("Harsa Wiradana", on=date(2020, 1, 1))
    assert match.role is None and match.country == "IDN"
    assert "no role" in match.reason


def test_role_holder_and_handover_day():
    first = PersonEntry("Ana Tirta", roles=(Role("head_of_state", date(2040, 1, 1),
                                                 date(2045, 1, 1), "IDN", title="Presiden"),))
    second = PersonEntry("Bima Tirta", roles=(Role("head_of_state", date(2045, 1, 1), None,
                                                   "IDN", title="Presiden"),))
    kb = KnowledgeBase(persons=[first, second], role_order=ORDER)
    assert kb.role_holder("IDN", "head_of_state", date(2044, 6, 1)).person is first
    assert kb.role_holder("IDN", "head_of_state", date(2045, 1, 1)).person is second
    assert kb.role_holder("IDN", "head_of_government", date(2044, 6, 1)) is None


def test_organisation_roles():
    org = OrganizationEntry("ALIANSI", "Aliansi Samudra")
    head = PersonEntry("Citra Laut", roles=(Role("organization_head", date(2040, 1, 1), None,
                                                 organization="ALIANSI"),))
    kb = KnowledgeBase(organizations=[org], persons=[head], role_order=ORDER)
    match = kb.role_holder("ALIANSI", "organization_head", date(2041, 1, 1))
    assert match.person is head and match.country is None


def test_senior_role_wins_on_the_same_day(kb):
    minister = PersonEntry("Dewi Kirana", roles=(
        Role("defence_minister", date(2040, 1, 1), date(2045, 1, 1), "IDN"),
        Role("head_of_state", date(2045, 1, 1), None, "IDN")))
    match = kb.extended(persons=[minister]).person("Dewi Kirana", on=date(2045, 1, 1))
    assert match.role.role == "head_of_state"


def test_surname_lookup_prefers_office_holders(kb):
    matches = kb.persons_by_surname("Wiradana", on=date(2031, 2, 1))
    assert [m.person for m in matches] == [HARSA]


def test_scan_finds_longest_whole_word_names(kb):
    text = "Korea Selatan dan AS as usual; militer China di Laut China Selatan, Kemlu RI."
    found = [(m.text, {f.kind for f in m.forms}) for m in kb.scan(text)]
    assert ("Korea Selatan", {"state"}) in found
    assert ("AS", {"state"}) in found
    assert "as" not in [text for text, _ in found]
    assert ("Laut China Selatan", {"non_actor"}) in found
    assert [t for t, _ in found].count("China") == 1
    assert ("RI", {"state"}) in found


def test_scan_offsets_point_into_text(kb):
    text = "Kata Presiden Harsa di Gedung Putih."
    for mention in kb.scan(text):
        assert text[mention.start:mention.end] == mention.text
    assert {"person"} <= {f.kind for m in kb.scan(text) for f in m.forms}


def test_may_name_at_cut_is_false_only_where_no_name_starts_or_ends_there(kb):
    assert kb.may_name_at_cut("baru", "Harsa")  # opens a name: "baruHarsa"
    assert kb.may_name_at_cut("Putih", "ke")  # closes one: "Gedung Putihke"
    assert not kb.may_name_at_cut("Budaya", "ke")  # "Budayake": neither half
    assert kb.may_name_at_cut("Budaya", "ké")  # outside ASCII: always scanned


def test_all_surface_forms_cover_every_kind(kb):
    kinds = {form.kind for form in kb.all_surface_forms()}
    assert {"state", "seat", "capital", "organization", "group", "person", "non_actor"} <= kinds
    forms = {(f.text, f.key) for f in kb.all_surface_forms() if f.case_sensitive}
    assert ("AS", "USA") in forms
