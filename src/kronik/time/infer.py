"""Infer a missing publication date from the article's own dates.

An article reports what happened up to the day it appeared, so the latest day it states
explicitly (with its year or its weekday, not in a future clause) is a lower bound and, in news, usually the
day itself or the day before. A weekday beside a day and month without a year ("Rabu (4/02)")
takes the year in which that day is that weekday, nearest to the years the text mentions.
"""
from __future__ import annotations

from datetime import date

from kronik.time.find import Mention
from kronik.time.grammar import Lexicon
from kronik.time.resolve import month_of, valid, weekday_of, written_year

EXPLICIT = ("weekday_numeric", "weekday_comma_numeric", "weekday_date", "day_month", "month_day_year", "iso_date",
            "numeric_date", "numeric_paren", "numeric_range")


def infer_published(mentions: list[Mention], tenses: list[str | None], years: list[int],
                    lex: Lexicon) -> date | None:
    """The latest day stated explicitly, or None. A date with its weekday is the reporting
    convention of Indonesian news ("Selasa (21/1/2025)") and always counts; another date
    counts where its clause is not about the future."""
    stated = [_stated_day(m, years, lex) for m, tense in zip(mentions, tenses)
              if m.kind in EXPLICIT and (m.get("wd") or tense != "future")]
    days = [d for d in stated if d is not None]
    return max(days) if days else None


def _stated_day(mention: Mention, years: list[int], lex: Lexicon) -> date | None:
    """The day a mention states, where its numbers make a real date."""
    day, month, year = int(mention.get("d")), month_of(mention, lex), written_year(mention.get("y"))
    if year is not None:
        return date(year, month, day) if valid(year, month, day) else None
    weekday = weekday_of(mention, lex)
    if weekday is None or not years:
        return None
    candidates = [y for y in range(min(years) - 1, max(years) + 2)
                  if valid(y, month, day) and date(y, month, day).weekday() == weekday]
    if not candidates:
        return None
    best = min(candidates, key=lambda y: (min(abs(y - known) for known in years), -y))
    return date(best, month, day)
