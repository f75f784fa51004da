"""General forms of the event lexicon on invented sentences: the shapes Indonesian news gives
requests, agreements, sanctions and the like (the actors are those of ``test_events``)."""
from __future__ import annotations

from test_events import events_of, sides


def test_a_refused_visa_is_a_sanction_in_the_active_voice():
    events = events_of("Peru tidak memberikan visa kepada atlet Chili pada Senin (4/3/2024).")
    assert [(e.type, sides(e)) for e in events] == [("SANCTION", ("PER", "CHL"))]


def test_a_ban_is_not_read_from_a_verb_in_scare_quotes():
    assert events_of("Pada 2023 Peru sudah 'melarang' keikutsertaan tim Chili dalam kejuaraan itu.") == []
