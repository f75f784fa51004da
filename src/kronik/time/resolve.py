"""Resolve a found time expression to an interval of days.

Explicit dates need no anchor (a date without a year takes the year nearest the anchor, or the
one the tense points to); relative ones count from the anchor (the publication date), from the
previous expression of the text ("dua hari kemudian") or from the time of the sentence's main
clause ("beberapa hari setelah serangan itu"). Weekdays and months without a year are the most
recent ones on or before the anchor, unless the tense points forward. Impossible dates are
repaired from their weekday where one is given, else reported in ``error``.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, NamedTuple

from kronik.document import TimeExpression
from kronik.time.find import Mention
from kronik.time.grammar import Lexicon, normal

Interval = tuple[date, date]
NEAR_DAYS = 183  # a weekday picks the year of a day and month only within half a year
# A date without a year or tense cue is the nearest one, unless that is more than this many days
# ahead: news tells of such a far date with "akan", "dijadwalkan" or "mendatang", and an
# untensed one ("pembantaian 7 Oktober" in May) is the past one. A quarter: events announced
# without a cue in the unlabeled corpus were weeks ahead, past dates named bare were months back.
NEAR_FUTURE_DAYS = 90


class Unresolved(Exception):
    """An expression that cannot be given an interval; the message says why."""


class Context(NamedTuple):
    """What a relative expression counts from (a named tuple, built for every expression)."""

    anchor: date | None
    tense: str | None = None
    earlier: tuple[TimeExpression, ...] = ()
    sentence_start: int = 0
    # The words after the expression point back to something named before ("sehari setelah
    # pemanggilan itu"): a count from a clause then runs from the previous expression.
    refers_back: bool = False

    def previous(self, unit: str) -> TimeExpression | None:
        """The latest resolved expression at least as fine as ``unit`` ("sehari sebelumnya"
        counts from the last day named, not from a year in between), else the latest."""
        resolved = [e for e in self.earlier if e.first is not None]
        fine = [e for e in resolved if FINENESS[e.precision] <= FINENESS[unit]]
        return (fine or resolved or [None])[-1]

    @property
    def in_sentence(self) -> TimeExpression | None:
        """The latest resolved expression earlier in the same sentence."""
        inside = [e for e in self.earlier if e.first is not None and e.start >= self.sentence_start]
        return inside[-1] if inside else None


# Direction words after a month naming its year by its distance from the anchor's year.
YEAR_STEPS = MappingProxyType({"last_year": -1, "this_year": 0, "next_year": 1})

FINENESS = MappingProxyType({"day": 0, "range": 1, "week": 1, "month": 2, "part_of_year": 3,
                             "year": 4, "decade": 5})


def resolve(mention: Mention, context: Context, lex: Lexicon) -> TimeExpression:
    """The interval, precision and tense of ``mention``; an error instead of a crash."""
    try:
        (first, last), precision = _RESOLVERS[mention.kind](mention, context, lex)
    except Unresolved as problem:
        return _expression(mention, context, error=str(problem))
    except (ValueError, OverflowError):
        return _expression(mention, context, error=f"outside the calendar: {mention.text}")
    first, last = _clip(first, last, precision, context)
    return _expression(mention, context, first=first, last=last, precision=precision)


def _expression(mention: Mention, context: Context, **resolved: Any) -> TimeExpression:
    """The expression of ``mention`` with its tense and what resolving it gave, built once
    (``dataclasses.replace`` of a bare one costs as much again)."""
    return TimeExpression(mention.start, mention.end, mention.text, tense=context.tense, **resolved)


def _clip(first: date, last: date, precision: str, context: Context) -> Interval:
    """A period that holds the anchor, cut at the anchor by the tense: "akhir tahun ini" in a
    plan starts at the anchor; "pekan ini" in a report ends there."""
    anchor = context.anchor
    if precision == "day" or anchor is None or not first <= anchor <= last:
        return first, last
    if context.tense == "future":
        return anchor, last
    if context.tense == "past":
        return first, anchor
    return first, last


# Calendar arithmetic.

def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), month_end(year, month)


def week_interval(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def days_after(day: date, days: int) -> date:
    """``day`` moved by ``days`` (back where negative), held at the ends of the calendar
    (1 January of year 1, 31 December 9999) rather than overflowing."""
    if days < 0:
        return day - timedelta(days=min(-days, (day - date.min).days))
    return day + timedelta(days=min(days, (date.max - day).days))


def shift(day: date, count: int, unit: str) -> date:
    """``day`` moved by ``count`` units (day, week, month, year, decade)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = {"month": 1, "year": 12, "decade": 120}[unit]
    return add_months(day, count * months)


def valid(year: int, month: int, day: int) -> bool:
    """Whether day/month/year is a date of the calendar (the days of a month read off
    ``calendar.mdays``; ``monthrange`` would compute a weekday too)."""
    return 1 <= month <= 12 and 1 <= day <= (calendar.mdays[month]
                                               + (month == 2 and calendar.isleap(year)))


def _anchor(context: Context) -> date:
    if context.anchor is None:
        raise Unresolved("no anchor")
    return context.anchor


def _closest(candidates: list[date], anchor: date, tense: str | None) -> date:
    """The candidate the tense points to: latest not after the anchor (past), earliest not
    before it (future), else the nearest (the past one where the nearest is far ahead)."""
    if tense == "past" and any(c <= anchor for c in candidates):
        return max(c for c in candidates if c <= anchor)
    if tense == "future" and any(c >= anchor for c in candidates):
        return min(c for c in candidates if c >= anchor)
    nearest = min(candidates, key=lambda c: (abs((c - anchor).days), c))
    if (nearest - anchor).days > NEAR_FUTURE_DAYS and any(c <= anchor for c in candidates):
        return max(c for c in candidates if c <= anchor)  # news names the far future with "akan"
    return nearest


# Explicit dates.

def _number(text: str | None) -> int | None:
    return int(text) if text else None


def written_year(text: str | None) -> int | None:
    """A written year as a number, two digits read as 20xx; None where none is written."""
    year = _number(text)
    return year + 2000 if year is not None and year < 100 else year


def explicit_day(day: int, month: int, year: int | None, weekday: int | None,
                 context: Context) -> date:
    """A written day and month (and maybe year and weekday) as a date; an impossible one is
    repaired from its weekday: the nearest date with that day (or that month) and weekday."""
    if year is not None and valid(year, month, day):
        return date(year, month, day)
    years = [year] if year is not None else [_anchor(context).year + k for k in (-1, 0, 1)]
    possible = [date(y, month, day) for y in years if valid(y, month, day)]
    if possible:
        matching = [d for d in possible if d.weekday() == weekday and (
            context.anchor is None or abs((d - context.anchor).days) <= NEAR_DAYS)]
        return _closest(matching or possible, context.anchor, context.tense)
    if weekday is None:
        raise Unresolved(f"invalid date {day}/{month}" + (f"/{year}" if year else ""))
    repairs = _repairs(day, month, years, weekday)
    if not repairs:
        raise Unresolved(f"invalid date {day}/{month} and no {calendar.day_name[weekday]} near it")
    if context.anchor is not None:
        return min(repairs, key=lambda d: (abs((d - context.anchor).days), d))
    return min(repairs, key=lambda d: (abs(d.month - month), abs(d.day - day)))


def _repairs(day: int, month: int, years: list[int], weekday: int) -> list[date]:
    """Dates with ``weekday`` that a typo could have turned into day/month: the same day in
    another month when the month is impossible, else a day of the same month near the day."""
    if 1 <= month <= 12:
        return [date(y, month, d) for y in years for d in range(1, 32)
                if valid(y, month, d) and abs(d - day) <= 6 and date(y, month, d).weekday() == weekday]
    return [date(y, m, day) for y in years for m in range(1, 13)
            if valid(y, m, day) and date(y, m, day).weekday() == weekday]


def weekday_of(mention: Mention, lex: Lexicon) -> int | None:
    """The weekday (Monday 0) a mention names, or None."""
    name = mention.get("wd")
    return lex.weekdays.get(normal(name)) if name else None


def month_of(mention: Mention, lex: Lexicon, second: bool = False) -> int:
    """The month number of a mention, written as a number or a name (of the range's end)."""
    number = mention.get("m2" if second else "m")
    return int(number) if number else lex.months[normal(mention.get("mon2" if second else "mon"))]


def _date(mention: Mention, context: Context, lex: Lexicon):
    year = written_year(mention.get("y"))
    step = YEAR_STEPS.get(lex.time["month_directions"].get(normal(mention.get("dir") or "")))
    if year is None and step is not None:  # "10 Oktober tahun lalu"
        year = _anchor(context).year + step
    day = explicit_day(int(mention.get("d")), month_of(mention, lex), year, weekday_of(mention, lex), context)
    return (day, day), "day"


def _day_range(mention: Mention, context: Context, lex: Lexicon):
    month, year = month_of(mention, lex), written_year(mention.get("y"))
    first = explicit_day(int(mention.get("d")), month, year, None, context)
    last = explicit_day(int(mention.get("d2")), month, first.year, None, context)
    if last < first:
        raise Unresolved(f"range ends before it starts: {mention.text}")
    return (first, last), "range"


def _day_range_cross(mention: Mention, context: Context, lex: Lexicon):
    month, month2 = month_of(mention, lex), month_of(mention, lex, second=True)
    year2 = written_year(mention.get("y"))
    year = written_year(mention.get("y0")) or (year2 - (month > month2) if year2 else None)
    first = explicit_day(int(mention.get("d")), month, year, None, context)
    last_year = year2 or first.year + (month2 < month)
    last = explicit_day(int(mention.get("d2")), month2, last_year, None, context)
    if last < first:
        raise Unresolved(f"range ends before it starts: {mention.text}")
    return (first, last), "range"


# Weekdays, months and years.

def _weekday(mention: Mention, context: Context, lex: Lexicon):
    anchor, weekday = _anchor(context), weekday_of(mention, lex)
    direction = lex.time["weekday_directions"].get(normal(mention.get("dir") or ""))
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "this_week":
        day = week_interval(anchor)[0] + timedelta(days=weekday)
    elif direction == "past":
        day = anchor - timedelta(days=back or 7)
    elif direction == "future":
        day = anchor + timedelta(days=ahead or 7)
    elif context.tense == "future":
        day = anchor + timedelta(days=ahead)
    else:
        day = anchor - timedelta(days=back)
    return (day, day), "day"


def _month_year(month: int, mention: Mention, context: Context, lex: Lexicon) -> int:
    """The year of a month named without one: its direction word, else the tense, else the
    nearest to the anchor."""
    year = written_year(mention.get("y"))
    if year is not None:
        return year
    anchor = _anchor(context)
    direction = lex.time["month_directions"].get(normal(mention.get("dir") or ""))
    if direction in YEAR_STEPS:
        return anchor.year + YEAR_STEPS[direction]
    candidates = [date(anchor.year + k, month, 1) for k in (-1, 0, 1)]
    return _closest(candidates, anchor.replace(day=1), direction or context.tense).year


def _month(mention: Mention, context: Context, lex: Lexicon):
    month = month_of(mention, lex)
    year = _month_year(month, mention, context, lex)
    first, last = month_interval(year, month)
    if not mention.get("part"):
        return (first, last), "month"
    low, high = lex.time["parts"][normal(mention.get("part"))]["month"]
    return (first.replace(day=low), min(last, first.replace(day=min(high, last.day)))), "range"


def _part_of_year(year: int, part: str | None, lex: Lexicon):
    if not part:
        return (date(year, 1, 1), date(year, 12, 31)), "year"
    low, high = lex.time["parts"][normal(part)]["year"]
    return (date(year, low, 1), month_end(year, high)), "part_of_year"


def _year_expression(mention: Mention, context: Context, lex: Lexicon):
    year = int(mention.get("y"))
    if mention.get("decade"):
        return (date(year, 1, 1), date(year + 9, 12, 31)), "range"
    if mention.get("y2"):
        if int(mention.get("y2")) < year:
            raise Unresolved(f"range ends before it starts: {mention.text}")
        return (date(year, 1, 1), date(int(mention.get("y2")), 12, 31)), "range"
    return _part_of_year(year, mention.get("part"), lex)


def _year_division(mention: Mention, context: Context, lex: Lexicon):
    span = lex.time["year_divisions"][normal(mention.get("div"))]
    index = lex.time["ordinals"][normal(mention.get("ord"))]
    if index * span > 12:
        raise Unresolved(f"no such part of a year: {mention.text}")
    year = written_year(mention.get("y"))
    if year is None:
        year = _anchor(context).year + lex.time["unit_deixis"].get(normal(mention.get("dir") or ""), 0)
    return (date(year, (index - 1) * span + 1, 1), month_end(year, index * span)), "part_of_year"


# Units counted from the anchor or another expression.

def _unit(mention: Mention, lex: Lexicon) -> str:
    word = normal(mention.get("unit") or mention.get("seunit")[len(lex.time["one_prefix"]):])
    return lex.time["units"][word]


def _unit_interval(day: date, unit: str) -> Interval:
    if unit == "day":
        return day, day
    if unit == "week":
        return week_interval(day)
    if unit == "month":
        return month_interval(day.year, day.month)
    return date(day.year, 1, 1), date(day.year, 12, 31)


PRECISION = MappingProxyType({"day": "day", "week": "week", "month": "month", "year": "year",
                              "decade": "year"})


def _unit_deixis(mention: Mention, context: Context, lex: Lexicon):
    unit = _unit(mention, lex)
    step = lex.time["unit_deixis"][normal(mention.get("dir"))]
    return _unit_interval(shift(_anchor(context), step, unit), unit), PRECISION[unit]


def _part_of_unit(mention: Mention, context: Context, lex: Lexicon):
    unit, part = _unit(mention, lex), lex.time["parts"][normal(mention.get("part"))]
    step = lex.time["unit_deixis"].get(normal(mention.get("dir") or ""), 0)
    base = shift(_anchor(context), step, unit)
    if unit == "year":
        return _part_of_year(base.year, mention.get("part"), lex)
    if unit == "month":
        first, last = month_interval(base.year, base.month)
        low, high = part["month"]
        return (first.replace(day=low), first.replace(day=min(high, last.day))), "range"
    if unit == "week":
        monday = week_interval(base)[0]
        low, high = part["week"]
        return (monday + timedelta(days=low), monday + timedelta(days=high)), "range"
    raise Unresolved(f"no parts of a {unit}: {mention.text}")


def _deictic_day(mention: Mention, context: Context, lex: Lexicon):
    rule = lex.time["deictic_days"][normal(mention.get("word"))]
    base = _reference(rule["from"], rule["days"], "day", context)
    day = base + timedelta(days=rule["days"])
    return (day, day), "day"


def _reference(source: str, sign: int, unit: str, context: Context) -> date:
    """The day a count starts from: the anchor, or the previous expression's nearer end."""
    if source in ("previous", "clause"):
        earlier = context.previous(unit) if source == "previous" else context.in_sentence
        if earlier is not None and earlier.first is not None:
            return earlier.last if sign > 0 else earlier.first
    return _anchor(context)


def _offset(mention: Mention, context: Context, lex: Lexicon):
    unit = _unit(mention, lex)
    low, high = lex.number(mention.get("n")) if mention.get("n") else (1, 1)
    rule = lex.time["offset_directions"][normal(mention.get("dir"))]
    sign, source = rule["sign"], rule["from"]
    if source == "clause" and context.in_sentence is None and context.refers_back:
        source, sign = "previous", -sign  # "Sehari setelah pemanggilan itu": the day after that one
    if source == "recent":
        anchor = _anchor(context)
        return (shift(anchor, -high, unit), anchor), "range"
    if mention.get("within") and source == "anchor":  # "dalam dua hari ke depan": up to then
        anchor = _anchor(context)
        return tuple(sorted((anchor, shift(anchor, sign * high, unit)))), "range"
    base = _reference(source, sign, unit, context)
    approx = normal(mention.get("approx") or "")
    if approx in lex.time["more_than"]:
        low, high = high + 1, high + 1
        ends = [shift(base, sign * low, unit), shift(base, sign * (low - 1), unit) + timedelta(days=sign)]
    elif approx in lex.time["almost"]:
        ends = [shift(base, sign * high, unit) - timedelta(days=sign), shift(base, sign * (high - 1), unit)]
    elif low != high:
        ends = [shift(base, sign * low, unit), shift(base, sign * high, unit)]
    else:
        first, last = _unit_interval(shift(base, sign * low, unit), unit)
        ends = [first, last]
    first, last = min(ends), max(ends)
    if source == "clause" and context.in_sentence is None:
        first -= timedelta(days=1)  # the main clause is the day of publication or the day before
    exact = low == high and not approx and not (source == "clause" and context.in_sentence is None)
    return (first, last), PRECISION[unit] if exact else "range"


_RESOLVERS = MappingProxyType({
    "weekday_numeric": _date,
    "weekday_comma_numeric": _date,
    "weekday_date": _date,
    "day_month": _date,
    "month_day_year": _date,
    "iso_date": _date,
    "numeric_date": _date,
    "numeric_paren": _date,
    "day_range": _day_range,
    "numeric_range": _day_range,
    "day_range_cross": _day_range_cross,
    "numeric_cross": _day_range_cross,
    "weekday": _weekday,
    "month": _month,
    "year": _year_expression,
    "year_division": _year_division,
    "unit_deixis": _unit_deixis,
    "part_of_unit": _part_of_unit,
    "deictic_day": _deictic_day,
    "offset": _offset,
})
