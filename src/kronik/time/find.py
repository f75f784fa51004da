"""Find time expressions in a text: every pattern's matches, filtered, longest first.

Filtering keeps the grammar honest where a word has two readings: "minggu" is a week unless it
follows "hari" or is written as a name ("Minggu"); a four-digit number is a year only after a
year cue ("pada 2023", "sejak 2021") and not before a unit or another calendar ("1447 Hijriah");
a month name alone needs such a cue too, since it may be a person's name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from kronik.time.grammar import YEAR, Lexicon, lexicon, normal, patterns

WORD = re.compile(r"[\w’']+")
DIGITS = re.compile(r"\d+")
DIGIT_KIND = frozenset({"digit"})


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names a time, with the groups its pattern captured."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        return dict(self.groups).get(name)


# Every time expression holds a digit or one of the calendar words (``anchors``); the patterns
# are tried only in windows of this many characters around such words, cut at whitespace. The
# longest prefix ("pada hari") or suffix ("pukul 10.00 WIB waktu setempat") is well inside it.
WINDOW = 80


# The kinds of words a pattern cannot do without: a pattern is tried in a window only when the
# window holds every kind its expressions need (a weekday pattern needs a weekday name, a
# numeric date a digit). A kind of pattern not listed here is tried in every window.
REQUIRES: dict[str, frozenset[str]] = {
    "weekday_numeric": frozenset({"weekday", "digit"}),
    "weekday_comma_numeric": frozenset({"weekday", "digit"}),
    "numeric_range": frozenset({"digit"}),
    "numeric_cross": frozenset({"digit"}),
    "weekday_date": frozenset({"weekday", "digit", "month"}),
    "day_range_cross": frozenset({"digit", "month"}),
    "day_range": frozenset({"digit", "month"}),
    "day_month": frozenset({"digit", "month"}),
    "month_day_year": frozenset({"digit", "month"}),
    "iso_date": frozenset({"digit"}),
    "numeric_date": frozenset({"digit"}),
    "numeric_paren": frozenset({"digit"}),
    "offset": frozenset({"unit"}),
    "deictic_day": frozenset({"deictic"}),
    "part_of_unit": frozenset({"part", "unit"}),
    "unit_deixis": frozenset({"unit"}),
    "year_division": frozenset({"division"}),
    "weekday": frozenset({"weekday"}),
    "month": frozenset({"month"}),
    "year": frozenset({"digit"}),
}


@cache
def anchor_words(language: str = "id") -> dict[str, frozenset[str]]:
    """Lower-cased word -> the kinds of anchor it is (month, weekday, unit, ...)."""
    lex = lexicon(language)
    kinds: dict[str, set[str]] = {}

    def add(words, kind: str) -> None:
        for word in words:
            for part in WORD.findall(word):
                kinds.setdefault(part.lower(), set()).add(kind)

    add(lex.months, "month")
    add(lex.weekdays, "weekday")
    add(lex.time["units"], "unit")
    add([lex.time["one_prefix"] + unit for unit in lex.time["units"]], "unit")  # "sehari"
    add(lex.time["unit_deixis"], "unit")
    add(lex.time["deictic_days"], "deictic")
    add(lex.time["parts"], "part")
    add(lex.time["year_divisions"], "division")
    return {word: frozenset(found) for word, found in kinds.items()}


def windows(text: str, language: str = "id") -> list[tuple[int, int, frozenset[str]]]:
    """The stretches of ``text`` around digits and anchor words, merged where they touch, each
    with the kinds of anchor it holds."""
    words = anchor_words(language)
    hits = sorted([(*m.span(), DIGIT_KIND) for m in DIGITS.finditer(text)] +
                  [(*m.span(), words[m.group(0).lower()]) for m in WORD.finditer(text)
                   if m.group(0).lower() in words])
    spans: list[tuple[int, int, frozenset[str]]] = []
    for first, last, kinds in hits:
        start = text.rfind(" ", 0, max(0, first - WINDOW)) + 1
        end = text.find(" ", min(len(text), last + WINDOW))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end), spans[-1][2] | kinds)
        else:
            spans.append((start, end, kinds))
    return spans


def find_mentions(text: str, language: str = "id") -> list[Mention]:
    """All time expressions of ``text`` in order, none overlapping another."""
    lex = lexicon(language)
    found: list[tuple[int, int, Mention]] = []
    spans = windows(text, language)
    for rank, (kind, pattern) in enumerate(patterns(language)):
        needed = REQUIRES.get(kind, frozenset())
        for match in (m for start, end, kinds in spans if needed <= kinds
                      for m in pattern.finditer(text, start, end)):
            groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            mention = Mention(match.start(), match.end(), match.group(0), kind, groups)
            if _acceptable(mention, text, lex):
                found.append((-(mention.end - mention.start), rank, mention))
    # Longest first, then by pattern rank: each is kept unless it overlaps one kept before.
    # The kept ones never overlap, so sorted by start only the neighbours can overlap a new one.
    starts: list[int] = []
    chosen: list[Mention] = []
    for _, _, mention in sorted(found, key=lambda item: (item[0], item[1], item[2].start)):
        at = bisect_left(starts, mention.start)
        if at > 0 and chosen[at - 1].end > mention.start:
            continue
        if at < len(chosen) and chosen[at].start < mention.end:
            continue
        starts.insert(at, mention.start)
        chosen.insert(at, mention)
    return chosen


def _acceptable(mention: Mention, text: str, lex: Lexicon) -> bool:
    """Whether a match is a time expression rather than a word with another reading."""
    if mention.kind == "weekday":
        return _is_weekday(mention, lex)
    if mention.kind == "month":
        name = mention.get("mon") or ""
        if len(mention.text) > len(name):
            return True
        return name[:1].isupper() and _after_cue(mention, text, lex)
    if mention.kind == "year":
        return _is_year(mention, text, lex)
    if mention.kind in ("unit_deixis", "part_of_unit"):
        return lex.time["units"][normal(mention.get("unit"))] != "day"
    if mention.kind == "offset":
        before = WORD.findall(text[max(0, mention.start - 20):mention.start].lower())[-1:]
        return not (before and before[0] in lex.time["duration_words"])
    return True


def _is_weekday(mention: Mention, lex: Lexicon) -> bool:
    """A bare weekday is written with a capital; "minggu" needs "hari" or a capital."""
    name = mention.get("wd") or ""
    said_day = any(normal(w) in lex.time["day_word"] for w in WORD.findall(mention.text))
    return name[:1].isupper() or said_day


def _is_year(mention: Mention, text: str, lex: Lexicon) -> bool:
    """A year needs a cue before it and no unit or other calendar after it."""
    following = WORD.findall(text[mention.end:mention.end + 20].lower())[:1]
    if following and following[0] in lex.time["not_year_after"]:
        return False
    if mention.get("part") or mention.get("tahun") or len(mention.text) > len(mention.get("y")):
        return True
    return _after_cue(mention, text, lex)


def _after_cue(mention: Mention, text: str, lex: Lexicon) -> bool:
    """Whether the word before the mention is a cue of a year or month ("sejak", "hingga")."""
    before = WORD.findall(text[max(0, mention.start - 30):mention.start].lower())
    return any(" ".join(before[-n:]) in lex.year_cues for n in (1, 2) if len(before) >= n)


def years_mentioned(text: str, language: str = "id") -> list[int]:
    """Every four-digit number of the text that reads as a Gregorian year, cue or not."""
    lex = lexicon(language)
    years = []
    for match in re.finditer(rf"(?<![\w.,/-])({YEAR})(?![\w/]|[.,]\d)", text):
        following = WORD.findall(text[match.end():match.end() + 20].lower())[:1]
        if not (following and following[0] in lex.time["not_year_after"]):
            years.append(int(match.group(1)))
    return years
