"""Merging event mentions within one article: distinct occasions stay apart.

Invented sentences in the grammar of Indonesian news; the actors are injected by hand
(``test_events``), so these tests exercise the merging rules only.
"""
from __future__ import annotations

from datetime import date

from test_events import events_of, sides


def _summary(events) -> list[tuple]:
    return [(e.type, e.mode, sides(e), e.date.start if e.date else None) for e in events]


def test_a_visit_named_without_sides_refers_back_to_the_talks_told_before_it():
    text = ("Renn bertemu Kald di Santiago pada Kamis (29/2/2024).\n"
            "Dalam kunjungan kenegaraan tersebut, Peru dan Chili juga menandatangani tiga kesepakatan.\n"
            "Quispe mengatakan, pada kunjungan kenegaraan Kald ke Lima pada Mei 2023, "
            "tujuh nota kesepahaman ditandatangani.")
    found = _summary(events_of(text))
    assert ("CONSULT", "visit", ("PER", "CHL"), date(2024, 2, 29)) in found
    assert ("CONSULT", "visit", ("CHL", "PER"), date(2023, 5, 1)) in found
    # the agreement of the 2024 talks keeps their date; the MoU signed on the 2023 visit is an
    # agreement of its own, made by the sides of that visit
    agreements = [f for f in found if f[0] == "AGREE"]
    assert sorted(a[3] for a in agreements) == [date(2023, 5, 1), date(2024, 2, 29)]


def test_an_attack_told_later_as_a_retaliation_is_another_attack():
    text = ("Chili menembak jatuh pesawat nirawak milik Peru di dekat perbatasan pada Senin (4/3/2024).\n"
            "Peru kemudian melancarkan serangan baru terhadap pangkalan militer Chili.\n"
            "Chili kemudian menyatakan menyerang pangkalan udara Peru sebagai balasan.")
    found = _summary(events_of(text))
    assert [f for f in found if f[2] == ("CHL", "PER")] == [
        ("ASSAULT", None, ("CHL", "PER"), date(2024, 3, 4)), ("ASSAULT", None, ("CHL", "PER"), date(2024, 3, 4))]


def test_an_attack_told_first_as_a_retaliation_takes_its_later_mentions():
    text = ("Chili menyerang pangkalan udara Peru sebagai balasan pada Senin (4/3/2024).\n"
            "Chili menyerang pangkalan itu dengan sepuluh rudal.")
    found = _summary(events_of(text))
    assert found == [("ASSAULT", None, ("CHL", "PER"), date(2024, 3, 4))]


def test_a_denial_of_a_claim_answers_the_other_state_of_the_claim_told_before():
    text = ("Sejumlah pejabat Peru mengklaim Peru dan Chili telah mencapai kesepakatan gencatan senjata "
            "pada Senin (4/3/2024).\nNamun Chili menepis klaim tersebut.")
    found = [(e.type, sides(e)) for e in events_of(text)]
    assert ("REJECT", ("CHL", "PER")) in found


def test_a_denial_after_a_sentence_of_several_states_finds_no_claimant():
    text = ("Peru, Chili dan Bolivia telah mencapai kesepakatan gencatan senjata pada Senin (4/3/2024).\n"
            "Namun Ekuador menepis klaim tersebut.")
    assert [e.type for e in events_of(text) if e.type == "REJECT"] == []
