"""Who acts on whom, session 5: sides read from reported speech, relative clauses, asides and
reciprocal phrases, on invented sentences and actors (``test_events.prepare``)."""
from __future__ import annotations

from test_events import events_of, sides


def directed(text: str) -> list[tuple[str, tuple]]:
    return sorted((e.type, sides(e)) for e in events_of(text))


def test_reported_accusation_is_made_by_the_reporting_subject():
    # A speaker's act said in reported speech, not in a quote: the reporter accuses the one named.
    text = ("Quispe mengatakan bahwa penjaga pantai bertindak terhadap kapal-kapal Chili "
            "yang melanggar wilayah Lima pada Senin (4/3/2024).")
    assert directed(text) == [("ACCUSE", ("PER", "CHL"))]
