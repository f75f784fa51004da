"""Event dates, session 5: acts told as retaliations (invented sentences and actors; the
fictional states of tests/test_events.py)."""
from __future__ import annotations

from datetime import date

from test_events import events_of

# Wednesday 6 March 2024, the publication date of every article here unless a test says so.
PUBLISHED = "2024-03-06"


def interval(event) -> tuple[date, date] | None:
    return (event.date.start, event.date.end) if event.date else None


def test_retaliation_runs_from_the_act_it_answers_to_the_article_date():
    text = ("Perang pecah setelah kelompok bersenjata menyerbu kota perbatasan pada 12 Januari 2024.\n\n"
            "Serangan balasan Peru telah menghancurkan ratusan rumah di Bolivia.")
    assault = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT")
    assert interval(assault) == (date(2024, 1, 12), date(2024, 3, 6))


def test_retaliation_told_after_a_response_opening_takes_the_stretch_before_it():
    text = ("Chili menggempur wilayah Peru sejak 20 Februari. Serangan itu menghancurkan sebuah pelabuhan. "
            "Sebagai respons, Peru segera melancarkan operasi militer. "
            "Peru menembakkan rudal ke pangkalan militer Chili.")
    assault = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT" and e.actor.country == "PER")
    assert interval(assault) == (date(2024, 2, 20), date(2024, 3, 6))


def test_an_act_that_is_no_retaliation_stays_undated():
    text = ("Perang pecah setelah kelompok bersenjata menyerbu kota perbatasan pada 12 Januari 2024.\n\n"
            "Serangan Peru telah menghancurkan ratusan rumah di Bolivia.")
    assault = next(e for e in events_of(text, PUBLISHED) if e.type == "ASSAULT")
    assert assault.date is None
