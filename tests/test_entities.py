"""The entities stage on invented sentences: knowledge-base names, place names, institutions and
the title grammar, with a small knowledge base of real states and invented people."""
from __future__ import annotations

from datetime import date

import pytest

import kronik
from kronik.actors import recognise
from kronik.actors.kb import (KnowledgeBase, OrganizationEntry, PersonEntry, PlaceEntry, Role)
from kronik.document import Document, Entity
from kronik.stages.entities import Entities
from kronik.stages.sentences import Sentences
from kronik.tokens import tokenize

# Invented people: a president of Chile until 2024-03-10 who is foreign minister after it, and
# the president who follows him.
ARNOR = PersonEntry("Arnor Velasco", (
    Role("head_of_state", date(2020, 3, 11), date(2024, 3, 10), "CHL", title="Presiden"),
    Role("foreign_minister", date(2024, 3, 11), None, "CHL", title="Menteri Luar Negeri")),
    qid="Q900001", aliases=("Velasco",))
BEREN = PersonEntry("Beren Sotomayor", (
    Role("head_of_state", date(2024, 3, 11), None, "CHL", title="Presiden"),),
    qid="Q900002", aliases=("Sotomayor",))
GALADRIEL = PersonEntry("Galadriel Ortiz", (
    Role("head_of_state", date(2021, 1, 1), None, "PER", title="Presiden"),),
    qid="Q900003", aliases=("Ortiz",))
ELROND = PersonEntry("Elrond Mbeki", (
    Role("organization_head", date(2022, 1, 1), None, organization="UN", title="Sekjen PBB"),),
    qid="Q900004")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return build_kb()


def build_kb() -> KnowledgeBase:
    """Real states (the packaged country data) with a few places, organisations and invented
    people, so that tests check the mechanism and not the packaged people."""
    default = KnowledgeBase.default()
    places = [PlaceEntry("Santiago", "CHL", "capital", True), PlaceEntry("Lima", "PER"),
              PlaceEntry("Kremlin", "RUS", "seat", True)]
    organizations = [OrganizationEntry("NATO", "NATO", exact=("NATO",)),
                     OrganizationEntry("UN", "Perserikatan Bangsa-Bangsa", exact=("PBB",))]
    return KnowledgeBase(default.countries.values(), places, organizations,
                         [ARNOR, BEREN, GALADRIEL, ELROND], default.non_actors,
                         default.role_order)


def run(kb: KnowledgeBase, text: str, published: date | None = date(2025, 6, 2)) -> Document:
    doc = Document(raw_text=text, text=text, published=published)
    return Entities(kb)(Sentences()(doc))


def find(doc: Document, surface: str, nth: int = 0) -> Entity:
    matches = [e for e in doc.entities if e.text == surface]
    assert len(matches) > nth, f"no mention '{surface}' in {[e.text for e in doc.entities]}"
    return matches[nth]


def top(doc: Document) -> list[tuple[str, str, str | None]]:
    """(text, kind, country) of the mentions that are not parts of another."""
    return [(e.text, e.kind, e.country) for e in doc.entities if e.part_of is None]


# Knowledge-base names


def test_states_metonyms_and_organisations_resolve_with_reasons(kb):
    doc = run(kb, "Kremlin menegaskan bahwa Chile dan NATO tidak diundang ke Santiago.")
    kremlin, chile, nato = find(doc, "Kremlin"), find(doc, "Chile"), find(doc, "NATO")
    assert (kremlin.start, kremlin.end, kremlin.kind, kremlin.country, kremlin.role) == \
        (0, 7, "state", "RUS", "metonym")
    assert (chile.kind, chile.country, chile.start) == ("state", "CHL", 25)
    assert (nato.kind, nato.country) == ("organization", None)
    assert all(e.reason for e in doc.entities)


def test_short_uppercase_forms_match_only_as_written(kb):
    doc = run(kb, "Tim as roda itu dari AS, bukan dari ASEAN.")
    assert [(e.text, e.country) for e in doc.entities] == [("AS", "USA")]


def test_names_are_not_found_inside_words_or_in_lower_case(kb):
    doc = run(kb, "Para chilean dan orang peruvian berbicara; chile tidak disebut.")
    assert doc.entities == []


def test_longest_name_wins(kb):
    doc = run(kb, "Korea Selatan dan Korea Utara bertemu.")
    assert [(e.text, e.country) for e in doc.entities] == \
        [("Korea Selatan", "KOR"), ("Korea Utara", "PRK")]


def test_state_inside_a_place_name_is_part_of_the_place(kb):
    doc = run(kb, "Kapal Chile berlayar di Selat Taiwan menuju Laut China Selatan.")
    strait = find(doc, "Selat Taiwan")
    assert strait.kind == "place"
    taiwan = find(doc, "Taiwan")
    assert doc.entities[taiwan.part_of] is strait
    assert ("Laut China Selatan", "place", None) in top(doc)
    assert not any(e.country == "CHN" and e.part_of is None for e in doc.entities)


def test_world_war_is_no_actor(kb):
    assert run(kb, "Sejak Perang Dunia II hubungan itu membaik.").entities == []


# Institutions


def test_institutions_of_a_state(kb):
    doc = run(kb, "Kementerian Pertahanan Peru menyatakan militer Chile dan pemerintah Iran "
                  "sepakat, kata Kemlu RI.")
    assert top(doc) == [("Kementerian Pertahanan Peru", "organization", "PER"),
                        ("militer Chile", "organization", "CHL"),
                        ("pemerintah Iran", "organization", "IRN"),
                        ("Kemlu RI", "organization", "IDN")]
    ministry = find(doc, "Kementerian Pertahanan Peru")
    assert ministry.role == "ministry"
    assert ministry.reason.startswith("institution 'Kementerian' of PER")
    assert doc.entities[find(doc, "Peru").part_of] is ministry
    assert find(doc, "militer Chile").role == "military"


def test_institution_with_its_abbreviation_in_brackets_is_one_name(kb):
    doc = run(kb, "Kementerian Perdagangan (Kemendag) Peru menolak tuduhan itu.")
    assert top(doc) == [("Kementerian Perdagangan (Kemendag) Peru", "organization", "PER")]
    assert find(doc, "Kementerian Perdagangan (Kemendag) Peru").name == \
        "Kementerian Perdagangan (Kemendag) Peru"
    doc = run(kb, "Kementerian Perdagangan (Kemendag) Beren Sotomayor menolak tuduhan itu.")
    assert [e.kind for e in doc.entities if "Sotomayor" in e.text] == ["person"]


def test_institution_of_a_leader_takes_the_leaders_state(kb):
    doc = run(kb, "Pemerintahan Sotomayor menolak laporan itu.")
    government = find(doc, "Pemerintahan Sotomayor")
    assert (government.kind, government.country, government.role) == \
        ("organization", "CHL", "government")


# The title grammar


def test_title_state_and_unknown_name(kb):
    doc = run(kb, "Menteri Luar Negeri Chile Ana Torres tiba di Lima.")
    torres = find(doc, "Ana Torres")
    assert (torres.start, torres.end) == (26, 36)
    assert (torres.kind, torres.name, torres.country) == ("person", "Ana Torres", "CHL")
    assert (torres.title, torres.role) == ("Menteri Luar Negeri Chile", "foreign_minister")
    assert torres.reason == "title pattern 'Menteri Luar Negeri Chile'"
    assert doc.entities[find(doc, "Chile").part_of] is torres


@pytest.mark.parametrize("rank", ["Mayor Jenderal", "Brigadir Jenderal", "Letnan Jenderal"])
def test_military_rank_between_a_title_and_the_name(kb, rank):
    doc = run(kb, f"Menteri Pertahanan Chile {rank} Ana Torres tiba di Lima.")
    torres = find(doc, "Ana Torres")
    assert (torres.country, torres.title, torres.role) == \
        ("CHL", "Menteri Pertahanan Chile", "defence_minister")


@pytest.mark.parametrize("title", ["Wamenlu", "Wamenhan", "Wakil Menteri Luar Negeri"])
def test_deputy_minister_is_a_title(kb, title):
    doc = run(kb, f"{title} Chile Ana Torres tiba di Lima.")
    torres = find(doc, "Ana Torres")
    assert (torres.country, torres.title, torres.role) == \
        ("CHL", f"{title} Chile", "deputy_minister")


def test_abbreviation_in_brackets_and_comma_before_the_name(kb):
    doc = run(kb, "Perdana Menteri (PM) Malaysia Harun Latif menelepon Presiden Republik Islam "
                  "Iran, Karim Nasseri, pada Senin.")
    harun, karim = find(doc, "Harun Latif"), find(doc, "Karim Nasseri")
    assert (harun.country, harun.title, harun.role) == \
        ("MYS", "Perdana Menteri Malaysia", "head_of_government")
    assert (karim.country, karim.role) == ("IRN", "head_of_state")


def test_name_of_hyphenated_words_ends_at_a_weekday(kb):
    doc = run(kb, "Menteri Pertahanan Peru Rosa-Maria de la Cruz Senin (2/6) berkata.")
    assert find(doc, "Rosa-Maria de la Cruz").country == "PER"


def test_organisation_title_gives_no_state(kb):
    doc = run(kb, "Hal itu dikatakan juru bicara NATO, Lena Hartmann, di Brussel.")
    lena = find(doc, "Lena Hartmann")
    assert (lena.country, lena.title, lena.role) == (None, "juru bicara NATO", "spokesperson")


def test_name_before_its_title(kb):
    doc = run(kb, "Ia setuju. Omar Haddad, Direktur Advokasi di kelompok hak asasi yang "
                  "berbasis di AS, mengkritiknya.")
    omar = find(doc, "Omar Haddad")
    assert (omar.country, omar.title) == (None, "Direktur Advokasi")


def test_list_item_before_a_title_is_not_its_name(kb):
    doc = run(kb, "Ia didampingi putranya Danu Wirawan, Menteri Investasi/Kepala Badan X.")
    assert all(e.text != "Danu Wirawan" for e in doc.entities)


def test_person_as_the_complement_of_a_title(kb):
    doc = run(kb, "Penasihat Urusan Luar Negeri Sotomayor Pedro Ruiz mengatakannya.")
    pedro = find(doc, "Pedro Ruiz")
    assert (pedro.country, pedro.role) == ("CHL", "adviser")
    assert doc.entities[find(doc, "Sotomayor").part_of] is pedro


def test_government_title_without_a_state_is_the_home_states(kb):
    doc = run(kb, "Menteri Luar Negeri ( Menlu ) Sutarjo tiba di Lima.")
    sutarjo = find(doc, "Sutarjo")
    assert (sutarjo.country, sutarjo.title) == ("IDN", "Menteri Luar Negeri")
    assert "home state IDN" in sutarjo.reason


def test_title_case_headline_has_no_unknown_names(kb):
    doc = run(kb, "Menlu Jelaskan Kunjungan Sotomayor ke Lima\n\nIsi berita.")
    assert all(e.text != "Jelaskan Kunjungan" for e in doc.entities)
    assert find(doc, "Sotomayor").name == "Beren Sotomayor"


def test_former_title_keeps_no_role(kb):
    doc = run(kb, "Kata mantan Presiden Peru Luis Campos.")
    campos = find(doc, "Luis Campos")
    assert (campos.country, campos.role, campos.title) == ("PER", None, "mantan Presiden Peru")


def test_anonymous_official_of_a_state(kb):
    doc = run(kb, "Hal itu disampaikan seorang pejabat senior di kepresidenan Peru.")
    official = find(doc, "pejabat senior di kepresidenan Peru")
    assert (official.kind, official.name, official.country) == ("person", None, "PER")


# Known people on the article's date


@pytest.mark.parametrize("published, role, title", [
    (date(2023, 5, 1), "head_of_state", "Presiden"),
    (date(2025, 5, 1), "foreign_minister", "Menteri Luar Negeri"),
])
def test_known_persons_role_is_the_one_held_on_the_date(kb, published, role, title):
    doc = run(kb, "Velasco tiba di Lima.", published)
    velasco = find(doc, "Velasco")
    assert (velasco.name, velasco.country, velasco.id) == ("Arnor Velasco", "CHL", "Q900001")
    assert (velasco.role, velasco.title) == (role, title)
    assert velasco.reason.startswith("KB alias 'Velasco' of Arnor Velasco")


def test_title_adds_its_words_to_a_known_person(kb):
    doc = run(kb, "Presiden Peru Galadriel Ortiz berbicara.")
    ortiz = find(doc, "Galadriel Ortiz")
    assert (ortiz.country, ortiz.title, ortiz.id) == ("PER", "Presiden Peru", "Q900003")
    assert "title pattern 'Presiden Peru'" in ortiz.reason


def test_every_mention_has_a_sentence_and_offsets_into_the_text(kb):
    text = "Presiden Peru Galadriel Ortiz tiba. Ia bertemu Menteri Luar Negeri Chile Ana Torres."
    doc = run(kb, text)
    for entity in doc.entities:
        assert text[entity.start:entity.end] == entity.text
        sentence = doc.sentences[entity.sentence]
        assert sentence.start <= entity.start < sentence.end


def test_given_names_before_a_known_surname_widen_the_known_person(kb):
    doc = run(kb, "Presiden Chile Beren-Luis Sotomayor berkata.")
    person = find(doc, "Beren-Luis Sotomayor")
    assert (person.start, person.name, person.id) == (15, "Beren Sotomayor", "Q900002")
    assert "given names 'Beren-Luis'" in person.reason


def test_title_gives_the_role_where_the_kb_knows_none_that_day(kb):
    doc = run(kb, "Presiden Chile Arnor Velasco tiba.", date(2019, 1, 1))
    velasco = find(doc, "Arnor Velasco")
    assert (velasco.country, velasco.role) == ("CHL", "head_of_state")
    assert "no role on 2019-01-01" in velasco.reason


def test_short_form_in_brackets_is_part_of_the_name_before_it(kb):
    doc = run(kb, "Menteri Perdagangan Amerika Serikat (AS) Rosa Diaz tiba.")
    rosa, usa, short = find(doc, "Rosa Diaz"), find(doc, "Amerika Serikat"), find(doc, "AS")
    assert (rosa.country, rosa.title) == ("USA", "Menteri Perdagangan Amerika Serikat")
    assert doc.entities[short.part_of] is usa
    assert doc.entities[usa.part_of] is rosa


def test_institution_with_listed_fields_of_a_home_institution(kb):
    doc = run(kb, "Menurut Biro Pers, Media, dan Informasi Sekretariat Presiden, acara itu batal.")
    bureau = find(doc, "Biro Pers, Media, dan Informasi Sekretariat Presiden")
    assert (bureau.kind, bureau.country, bureau.role) == ("organization", "IDN", "agency")
    assert doc.entities[find(doc, "Sekretariat Presiden").part_of] is bureau


# Unknown people introduced by the grammar of news

def test_honorifics_between_title_and_name_are_skipped(kb):
    doc = run(kb, "Wakil Ketua MPR RI Dr M Rahmat Sulistyo menyambut rencana itu.")
    person = find(doc, "M Rahmat Sulistyo")
    assert (person.name, person.country) == ("M Rahmat Sulistyo", "IDN")


def test_expert_title_introduces_a_stateless_person(kb):
    doc = run(kb, "Menurut analis politik Farida Kusuma, langkah itu berisiko.")
    person = find(doc, "Farida Kusuma")
    assert (person.kind, person.country, person.title) == ("person", None, "analis politik")


def test_unknown_name_before_a_verb_of_saying_is_a_person(kb):
    doc = run(kb, "Kepala biro kerja sama daerah, Wiryo Santoso menegaskan jadwal itu.")
    assert find(doc, "Wiryo Santoso").kind == "person"


def test_common_word_opening_a_sentence_is_not_a_name(kb):
    doc = run(kb, "Rapat itu selesai kemudian. Kemudian Pertemuan menegaskan hasilnya.")
    assert not [e for e in doc.entities if e.kind == "person"]


def test_rank_after_an_unknown_acronym_in_a_title(kb):
    doc = run(kb, "Menurut juru bicara ZETCOM, Kapten Ardi Wibowo, operasi itu selesai.")
    assert find(doc, "Ardi Wibowo").kind == "person"


def test_known_person_of_another_state_after_a_title_and_comma_is_not_its_holder(kb):
    doc = run(kb, "Selain bertemu dengan Menteri Luar Negeri Peru, Arnor Velasco juga menemui pengusaha.")
    assert ("Arnor Velasco", "person", "CHL") in top(doc)
    assert ("Menteri Luar Negeri Peru", "person", "PER") in top(doc)
    same = run(kb, "Ia bertemu dengan Menteri Luar Negeri Chile, Arnor Velasco, kemarin.")
    assert same.entities[find(same, "Chile").part_of] is find(same, "Arnor Velasco")


def test_names_glued_to_the_word_beside_them_are_found(kb):
    doc = run(kb, "Invasi Chileke Peru pada 2022 dikecam pemimpin baruBolivia dan Senator ASdari Ohio.")
    assert [(e.text, e.country) for e in doc.entities if e.kind == "state"] == \
        [("Chile", "CHL"), ("Peru", "PER"), ("Bolivia", "BOL"), ("AS", "USA")]
    assert "glued" in find(doc, "Chile").reason


def test_ordinary_words_ending_like_a_function_word_are_not_cut(kb):
    doc = run(kb, "Wildan, Hamdan, Kendari dan YouTube disebut, Chilean tidak.")
    assert not any("glued" in (e.reason or "") for e in doc.entities)
    assert [e.text for e in run(kb, "Omandi dan Chileke.").entities] == ["Oman", "Chile"]


def test_glue_points_at_a_token_start_and_after_a_camel_point():
    """Camel points anywhere in a token, and function words glued after a name at a token's
    start or at a camel point, each at every token that holds one."""
    words = frozenset({"ke", "dari", "serta"})
    text = "Tentara Chileke_ Peru, Chileke Peru dan baruBolivia; Chileke, diPeruserta 2Chileke."
    points = recognise.GlueWords(words).points(tokenize(text))
    assert [text[point - 4:point] + "|" + text[point:point + 2] for point in points] == \
        ["hile|ke", "baru|Bo", "hile|ke", ", di|Pe", "Peru|se"]  # not before "_" nor after "2"


def test_glue_points_do_not_depend_on_the_texts_read_before(monkeypatch):
    """The words that may hold a glue point are remembered across texts (and forgotten past
    GLUE_WORDS_CACHE); the points are those of the text alone, at each token of such a word."""
    words = frozenset({"ke", "dari"})
    text = "Tentara Chileke_ Peru, Chileke Peru dan baruBolivia; Chileke."
    fresh = recognise.GlueWords(words).points(tokenize(text))
    assert [text[point - 4:point] + "|" + text[point:point + 2] for point in fresh] == \
        ["hile|ke", "baru|Bo", "hile|ke"]  # not the Chileke an underscore follows
    glue = recognise.GlueWords(words)
    glue.points(tokenize("Chileke dan baruBolivia datang."))
    assert glue.points(tokenize(text)) == fresh
    monkeypatch.setattr(recognise, "GLUE_WORDS_CACHE", 3)
    assert glue.points(tokenize(text)) == fresh and len(glue.seen) == 4  # its words with capitals


def test_envoy_acts_for_the_titles_state_and_serves_at_its_posting(kb):
    doc = run(kb, "Dubes Jepang untuk Indonesia Kenji Tamura menemui Menlu Chile di Santiago.")
    tamura = find(doc, "Kenji Tamura")
    assert (tamura.kind, tamura.country) == ("person", "JPN")
    assert tamura.title == "Dubes Jepang untuk Indonesia"
    assert doc.entities[find(doc, "Indonesia").part_of] is tamura
    assert ("Indonesia", "state", "IDN") not in top(doc)


def test_envoy_posted_to_an_organisation_and_named_after_a_comma(kb):
    doc = run(kb, "Duta Besar Peru untuk PBB, Rosa Quispe, mengatakan hal itu di Lima.")
    quispe = find(doc, "Rosa Quispe")
    assert (quispe.country, quispe.title) == ("PER", "Duta Besar Peru untuk PBB")
    assert doc.entities[find(doc, "PBB").part_of] is quispe


def test_posting_link_needs_an_envoy_title(kb):
    doc = run(kb, "Bantuan Presiden Chile untuk Peru tiba di Lima.")
    assert find(doc, "Presiden Chile").title == "Presiden Chile"
    assert ("Peru", "state", "PER") in top(doc)


def test_a_military_branch_is_no_place_named_by_its_head_word():
    """'Angkatan Laut <state>' is the state's navy (an organisation of it), not a sea 'Laut <state>'."""
    doc = kronik.extract("Angkatan Laut AS menyerang kapal Iran di Laut Arab pada Senin (25/5/2026).",
                         published="2026-05-26")
    kinds = {(e.text, e.kind, e.country) for e in doc.entities}
    assert ("Angkatan Laut AS", "organization", "USA") in kinds
    assert not any(e.text.startswith("Laut AS") for e in doc.entities)
    assert ("Laut Arab", "place", None) in kinds
