"""Find time expressions in a text: every pattern's matches, filtered, longest first.

Filtering keeps the grammar honest where a word has two readings: "minggu" is a week unless it
follows "hari" or is written as a name ("Minggu"); a four-digit number is a year only after a
year cue ("pada 2023", "sejak 2021") and not before a unit or another calendar ("1447 Hijriah");
a month name alone needs such a cue too, since it may be a person's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kronik.time.grammar import YEAR, Lexicon, lexicon, normal, patterns

WORD = re.compile(r"[\w’']+")
DIGITS = re.compile(r"\d+")


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


@cache
def anchor_words(language: str = "id") -> frozenset[str]:
    """The words without which (or a digit) no time expression can stand, lower-cased."""
    lex = lexicon(language)
    words = set(lex.months) | set(lex.weekdays)
    for key in ("deictic_days", "units", "parts", "year_divisions", "unit_deixis"):
        words |= set(lex.time[key])
    words |= {lex.time["one_prefix"] + unit for unit in lex.time["units"]}  # "sehari", "sepekan"
    return frozenset(part.lower() for word in words for part in WORD.findall(word))


def windows(text: str, language: str = "id") -> list[tuple[int, int]]:
    """The stretches of ``text`` around digits and anchor words, merged where they touch."""
    words = anchor_words(language)
    hits = sorted([m.span() for m in DIGITS.finditer(text)] +
                  [m.span() for m in WORD.finditer(text) if m.group(0).lower() in words])
    spans: list[tuple[int, int]] = []
    for first, last in hits:
        start = text.rfind(" ", 0, max(0, first - WINDOW)) + 1
        end = text.find(" ", min(len(text), last + WINDOW))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def find_mentions(text: str, language: str = "id") -> list[Mention]:
    """All time expressions of ``text`` in order, none overlapping another."""
    lex = lexicon(language)
    found: list[tuple[int, int, Mention]] = []
    spans = windows(text, language)
    for rank, (kind, pattern) in enumerate(patterns(language)):
        for match in (m for start, end in spans for m in pattern.finditer(text, start, end)):
            groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            mention = Mention(match.start(), match.end(), match.group(0), kind, groups)
            if _acceptable(mention, text, lex):
                found.append((-(mention.end - mention.start), rank, mention))
    chosen: list[Mention] = []
    for _, _, mention in sorted(found, key=lambda item: (item[0], item[1], item[2].start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


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
    cues = {normal(c) for c in lex.time["year_cues"]}
    return any(" ".join(before[-n:]) in cues for n in (1, 2) if len(before) >= n)


def years_mentioned(text: str, language: str = "id") -> list[int]:
    """Every four-digit number of the text that reads as a Gregorian year, cue or not."""
    lex = lexicon(language)
    years = []
    for match in re.finditer(rf"(?<![\w.,/-])({YEAR})(?![\w/]|[.,]\d)", text):
        following = WORD.findall(text[match.end():match.end() + 20].lower())[:1]
        if not (following and following[0] in lex.time["not_year_after"]):
            years.append(int(match.group(1)))
    return years
