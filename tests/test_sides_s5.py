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


def test_bracketed_abbreviation_does_not_part_coordinated_states():
    # "A (AB) dan B": the abbreviation belongs to the first name; both states fight.
    assert directed("Peru (PRU) dan Chili kembali berperang pada Senin (4/3/2024).") == \
        [("ASSAULT", ("CHL", "PER")), ("ASSAULT", ("PER", "CHL"))]


def test_party_heads_its_relative_clause_past_a_bracketed_abbreviation():
    text = "Bolivia mengecam tindakan Peru (PRU) yang melakukan serangan ke wilayah Chili pada Senin (4/3/2024)."
    assert directed(text) == [("ACCUSE", ("BOL", "PER")), ("ASSAULT", ("PER", "CHL"))]
