"""Who acts on whom, session 5: sides read from reported speech, relative clauses, asides and
reciprocal phrases, on invented sentences and actors (``test_events.prepare``)."""
from __future__ import annotations

from test_events import events_of, prepare, sides

from kronik.document import Entity
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
