"""Where talks stand: on a gathering's sidelines, or at a place that makes them a visit
(invented sentences and actors, ``test_events.prepare``). A gathering's name makes talks
"sidelines" talks (which stay "meeting" in one side's country) only where it is the talks'
scene; the place where words about talks were said is not the talks' place."""
from __future__ import annotations

import pytest

from kronik.document import Party, Quote
from test_event_sides import frame_flags
from test_events import events_of


def sidelines(text: str) -> list[bool]:
    return ["sidelines" in flags for flags in frame_flags(text)]


def test_summit_named_with_the_talks_is_their_scene():
    assert sidelines("Renn bertemu Kald dalam konferensi tingkat tinggi di Santiago pada Senin.") == [True]


def test_press_conference_is_no_gathering():
    assert sidelines("Renn bertemu Kald di Santiago dalam konferensi pers bersama pada Senin.") == [False]


def test_talks_in_a_fronted_clause_of_sequence_are_not_on_the_later_forums_sidelines():
    text = ("Setelah melakukan pertemuan bilateral serta pertemuan empat mata, Renn dan Kald "
            "menghadiri forum bisnis di Santiago pada Senin.")
    talks = sidelines(text)[:2]
    assert talks == [False, False]


def test_talks_and_forum_in_one_clause_stay_on_its_sidelines():
    text = ("Renn dan Kald melakukan pertemuan bilateral serta pertemuan empat mata dalam "
            "forum bisnis di Santiago pada Senin.")
    assert sidelines(text)[:2] == [True, True]


def test_a_single_meeting_on_a_summits_sidelines_in_a_third_state_is_also_the_summit():
    text = "Renn akan bertemu Kald di La Paz, Bolivia, saat KTT APEC pada Senin (11/3/2024)."
    summits = [e for e in events_of(text, "2024-03-06") if e.mode == "multilateral"]
    assert [(e.status, {p.country for p in e.participants}) for e in summits] == [
        ("planned", {"PER", "CHL", "BOL"})]


@pytest.mark.parametrize("before", [
    "",  # the quotation's sentence is the lead
    "Renn meresmikan sebuah jembatan baru di Cusco pada Senin (4/3/2024).\nIa juga meninjau pasar. "
    "Ia lalu makan siang bersama warga.\n",
])
def test_the_place_a_quotation_was_said_does_not_make_the_talks_it_tells_of_a_visit(before):
    quotation = '"Saya sudah berunding dengan Bolivia soal pembukaan perbatasan itu,"'
    text = before + quotation + " kata Renn di Hotel Mawar, Lima, Selasa (5/3/2024)."
    start = text.index(quotation)
    quote = Quote(start, start + len(quotation), quotation, Party("Tomas Renn", "PER", "person"))
    talks = [e for e in events_of(text, quotes=[quote]) if e.type == "CONSULT"]
    assert [(e.mode, e.location) for e in talks] == [("meeting", None)]
