"""The grammar of Indonesian time expressions, built from the word lists in the language data.

Each pattern has a name (the kind of expression) and named groups that ``resolve`` reads. The
words come from ``lang/id/time.yaml`` and ``lang/id/calendar.yaml``; this module only says how
they combine. Patterns are compiled once per process.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kronik.resources import load_data
from kronik.tokens import TOKEN

YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
DAY = r"\d{1,2}"
NUMERIC_DATE = r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2}))?"
BEFORE = r"(?<![\w/.,-])"
# Characters that join tokens into one word ("Jum'at", "Jum’at"), and the characters of a word
# of the time grammar (``find.WORD``): a token's and the joiners.
JOINERS = "_’'"
WORD_CHARACTERS = rf"[\w{JOINERS}]"
AFTER = r"(?![\w/])"


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of ``words``, longest first, spaces as any space."""
    return "(?:" + "|".join(map(_spaced, _longest_first(words))) + ")"


def grouped_alternation(words: Iterable[str]) -> str:
    """``alternation(words)`` with the words that open with the same letter or digit gathered
    in a group, in the same order. It matches exactly what ``alternation`` matches, as no two
    ASCII letters or digits match one character of a text (case-insensitively too), but
    fails faster: the regular expression engine has no quick test for the first letter of a
    case-insensitive word, and enters each group instead of each word. Words that open with
    any other character keep the plain alternation."""
    parts = _longest_first(words)
    if not all(part[:1].isascii() and part[:1].isalnum() for part in parts):
        return alternation(words)
    groups: dict[str, list[str]] = {}
    for part in parts:
        groups.setdefault(part[0], []).append(_spaced(part))
    return "(?:" + "|".join("(?:" + "|".join(group) + ")" for group in groups.values()) + ")"


def _longest_first(words: Iterable[str]) -> list[str]:
    """The distinct words in lower case, longest first (then alphabetically)."""
    return sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))


def _spaced(words: str) -> str:
    """A phrase as a pattern: its words escaped, any run of spaces between them."""
    return r"\s+".join(map(re.escape, words.split()))


def normal(words: str) -> str:
    """A matched stretch of words as a key of the word lists: lower case, single spaces."""
    return " ".join(words.lower().split())


@dataclass(frozen=True)
class Lexicon:
    """The time words of one language, and lookups from a matched word to its value."""

    time: dict[str, Any]
    months: dict[str, int]
    full_months: dict[str, int]
    weekdays: dict[str, int]
    tense_cues: dict[str, str]  # a cue word of a clause's tense -> "past" or "future"
    year_cues: frozenset[str]  # words before a bare year or month that make it one

    def number(self, word: str) -> tuple[int, int] | None:
        """The least and most a count word stands for ("tiga" 3..3, "beberapa" 2..7)."""
        word = normal(word)
        if word.isdigit():
            return int(word), int(word)
        if word in self.time["numbers"]:
            value = self.time["numbers"][word]
            return value, value
        if word in self.time["vague_numbers"]:
            low, high = self.time["vague_numbers"][word]
            return low, high
        return None


@cache
def lexicon(language: str = "id") -> Lexicon:
    """The time words of ``language``, from its ``time`` and ``calendar`` data files."""
    calendar = load_data("calendar", language)
    full = {name: int(number) for key in ("months", "months_en")
            for number, names in calendar[key].items() for name in names}
    months = {**full, **{name: int(number) for number, names in calendar["month_abbreviations"].items()
                         for name in names}}
    weekdays = {name: int(number) for number, names in calendar["weekdays"].items()
                for name in names}
    time = load_data("time", language)
    tense_cues = {normal(w): tense for tense, words in time["tense_cues"].items() for w in words}
    for cue in tense_cues:
        if TOKEN.fullmatch(cue) is None:  # kronik.time.tense.CueWords finds cues among tokens
            raise ValueError(f"time data: the tense cue {cue!r} is not one word")
    year_cues = frozenset(normal(c) for c in time["year_cues"])
    return Lexicon(time, months, full, weekdays, tense_cues, year_cues)


@cache
def patterns(language: str = "id") -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The named patterns, in order of preference where two match the same stretch."""
    lex = lexicon(language)
    t = lex.time
    a = grouped_alternation
    pre = rf"(?:{a(t['prepositions'])}\s+)?"
    hari = rf"(?:{a(t['day_word'])}\s+)?"
    tanggal = rf"(?:{a(t['date_word'])}\s+)?"
    bulan = rf"(?:{a(t['month_word'])}\s+)?"
    tahun = a(t["year_word"])
    weekday = rf"(?P<wd>{a(lex.weekdays)})"
    dot = r"(?:\.(?=\s*\d))?"  # "5 Jan. 2021"; a full stop before anything else ends the sentence
    month = rf"(?P<mon>{a(lex.months)}){dot}"
    full_month = rf"(?P<mon>{a(lex.full_months)})"
    part_of_day = rf"(?:\s+{a(t['day_parts'])})?"
    clock = (rf"(?:\s*,?\s*(?:{a(t['approximately'])}\s+)?(?:{a(t['clock_words'])}\s+)?"
             r"\d{1,2}[.:]\d{2}(?!\d)(?:\s*(?-i:WIB|WITA|WIT))?)?")
    local = (rf"(?:\s*\(?(?:{a(t['local_time'])}|"
             rf"{a(t['local_time_word'])}\s+(?-i:[A-Z][A-Za-z]+))\)?)?")
    suffix = clock + local
    range_word = rf"(?:\s*[-–]\s*|\s+{a(t['range_words'])}\s+)"
    pair_word = rf"(?:\s*[-–]\s*|\s+{a(t['range_words'] + t['pair_words'])}\s+)"
    year = rf"(?:\s+(?P<y>{YEAR}))?"
    parts = a(t["parts"])
    units = a(t["units"])
    count = rf"(?:\d{{1,3}}|{a(list(t['numbers']) + list(t['vague_numbers']))})"
    se_unit = rf"{re.escape(t['one_prefix'])}{units}"
    approx = rf"(?:(?P<approx>{a(t['more_than'] + t['almost'])})\s+)?"
    within = rf"(?:(?P<within>{a(t['within'])})\s+)?"
    unit_deixis = rf"(?P<dir>{a(t['unit_deixis'])})"
    ordinal = rf"(?P<ord>{a(t['ordinals'])})"
    wd_dir = rf"(?:\s+(?P<dir>{a(t['weekday_directions'])}))?"
    past = [word for word, step in t["unit_deixis"].items() if step < 0]
    month_dir = rf"(?:\s+(?P<dir>{a(t['month_directions'])}))?"

    day_dir = rf"(?:\s+(?P<dir>{a(t['month_directions'])}))?"
    numeric_days = (r"\(\s*(?P<d>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s*/\s*(?P<m>\d{1,2})"
                    r"(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)")
    table = [
        ("weekday_numeric", rf"{pre}{hari}{weekday}{part_of_day}\s*,?\s*\(\s*{NUMERIC_DATE}\s*\)"
                            rf"{part_of_day}{suffix}"),
        ("weekday_comma_numeric", rf"{pre}{hari}{weekday}\s*,\s*{NUMERIC_DATE}{suffix}"),
        ("numeric_range", rf"{pre}{hari}(?:(?P<wd>{a(lex.weekdays)}){range_word}"
                          rf"(?P<wd2>{a(lex.weekdays)})\s*,?\s*)?{numeric_days}{suffix}"),
        ("numeric_cross", r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s*/\s*"
                          r"(?P<m2>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?\s*\)"),
        ("weekday_date", rf"{pre}{hari}{weekday}{part_of_day}\s*,?\s*{tanggal}(?P<d>{DAY})\s+"
                         rf"{month}{year}{day_dir}{suffix}"),
        ("day_range_cross", rf"{pre}{tanggal}(?P<d>{DAY})\s+{month}(?:\s+(?P<y0>{YEAR}))?"
                            rf"{range_word}(?P<d2>{DAY})\s+(?P<mon2>{a(lex.months)}){dot}{year}"),
        ("day_range", rf"{pre}{tanggal}(?P<d>{DAY}){pair_word}(?P<d2>{DAY})\s+{month}{year}{day_dir}"),
        ("day_month", rf"{pre}{tanggal}(?P<d>{DAY})\s+{month}{year}{day_dir}{suffix}"),
        ("month_day_year", rf"{month}\s+(?P<d>{DAY}),\s*(?P<y>{YEAR}){suffix}"),
        ("iso_date", rf"(?P<y>{YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:T[\d:]+Z?)?"),
        ("numeric_date", r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"),
        ("numeric_paren", rf"\(\s*{NUMERIC_DATE}\s*\)"),
        ("offset", rf"{within}{approx}(?:(?P<n>{count})\s+(?P<unit>{units})|(?P<seunit>{se_unit}))"
                   rf"\s+(?P<dir>{a(t['offset_directions'])})"),
        ("deictic_day", rf"{pre}(?P<word>{a(t['deictic_days'])})"),
        ("part_of_unit", rf"{pre}(?P<part>{parts})\s+(?P<unit>{units})(?:\s+{unit_deixis})?"),
        ("unit_deixis", rf"{pre}(?P<unit>{units})\s+{unit_deixis}"),
        ("year_division", rf"{pre}(?P<div>{a(t['year_divisions'])})\s+{ordinal}"
                          rf"(?:\s+(?:{tahun}\s+)?(?:(?P<y>{YEAR})|{unit_deixis}))?"),
        ("weekday", rf"{pre}{hari}{weekday}{part_of_day}{wd_dir}{suffix}"),
        ("month", rf"{pre}(?:(?P<part>{parts})\s+)?{bulan}{full_month}{year}{month_dir}"),
        ("year", rf"{pre}(?:(?P<part>{parts})\s+)?(?:(?P<tahun>{tahun})\s+)?(?P<y>{YEAR})"
                 rf"(?:\s*[-–]\s*(?P<y2>{YEAR}))?"
                 rf"(?P<decade>{re.escape(t['decade_suffix'])})?"
                 rf"(?!\s*[.,]?\d)(?:\s+(?P<dir>{a(past)}))?"),
    ]
    return tuple((name, re.compile(BEFORE + body + AFTER, re.IGNORECASE)) for name, body in table)


@cache
def occasion_sentence(language: str = "id") -> re.Pattern[str]:
    """A sentence that tells when the occasion just reported was held: it opens with an
    occasion noun and a demonstrative, then a verb of holding ("Pertemuan tersebut digelar di
    X pada Senin", "Kegiatan ini berlangsung ...")."""
    words = lexicon(language).time["occasion_sentence"]
    nouns = alternation(words["nouns"] + lexicon(language).time["occasion_reference"]["nouns"])
    return re.compile(rf"^\W*{nouns}\s+{alternation(words['demonstratives'])}\s+"
                      rf"{alternation(words['held'])}(?!\w)", re.IGNORECASE)


@cache
def occasion_reference(language: str = "id") -> re.Pattern[str]:
    """Words tying a sentence to an earlier dated occasion: a sequence opener or "after the
    <occasion>" at the sentence's start, "in the same <occasion>" anywhere in it, or a
    sentence that puts what it tells at the time of something told before ("Serangan ini
    terjadi di tengah ...") or beside it ("Tidak hanya X, Y juga ...")."""
    words = lexicon(language).time["occasion_reference"]
    a = alternation
    nouns = a(words["nouns"])
    opening = (rf"^\W*(?:{a(words['openers'])}(?=[\s,])|{a(words['after_words'])}\s+{nouns}(?!\w))")
    same = rf"(?<!\w){a(words['in_words'])}\s+{nouns}\s+{a(words['same_words'])}(?!\w)"
    meanwhile = words["coinciding"]
    coinciding = (rf"^\W*(?:[\w-]+\s+){{1,{int(meanwhile['max_words'])}}}?{a(meanwhile['demonstratives'])}\s+"
                  rf"{a(meanwhile['verbs'])}\s+{a(meanwhile['links'])}(?!\w)")
    also = words["parallel"]
    parallel = (rf"^\W*{a(also['openers'])}\s+(?:[\w().-]+\s+){{0,{int(also['max_words']) - 1}}}"
                rf"[\w().-]+\s*,")
    return re.compile(f"{opening}|{same}|{coinciding}|{parallel}", re.IGNORECASE)


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, case-insensitive."""
    return re.compile(rf"(?<!\w){alternation(words)}(?!\w)", re.IGNORECASE)


@cache
def vague_time(language: str = "id") -> re.Pattern[str]:
    """Words that place an event at a time they leave vague ("baru-baru ini")."""
    return words_pattern(lexicon(language).time["vague_times"])


@cache
def first_since(language: str = "id") -> re.Pattern[str]:
    """Words before "sejak" that make it "the first ... since" ("pertama kali sejak"), not a
    stretch going on."""
    return words_pattern(lexicon(language).time["first_since"])


@cache
def occasion_noun(language: str = "id") -> re.Pattern[str]:
    """A noun of an occasion one takes part in ("KTT", "forum", "latihan")."""
    return words_pattern(lexicon(language).time["occasion_nouns"])


@cache
def response_opening(language: str = "id") -> re.Pattern[str]:
    """Words opening a sentence that tells a reaction to what was told before ("Menanggapi
    hal itu, ...")."""
    return re.compile(rf"^\W*{alternation(lexicon(language).time['response_openers'])}(?!\w)", re.IGNORECASE)


@cache
def earlier_episode(language: str = "id") -> frozenset[str]:
    """Words before a verb telling of an episode before the news ("sempat menolak")."""
    return frozenset(normal(w) for w in lexicon(language).time["earlier_episode"])


@cache
def since_word(language: str = "id") -> re.Pattern[str]:
    """A word that makes the time after it the start of what goes on since ("sejak"), ending
    the stretch it is searched in (right before the time expression)."""
    words = lexicon(language).time["since_words"]
    return re.compile(rf"(?<!\w){alternation(words)}\s*$", re.IGNORECASE)


@cache
def since_clause(language: str = "id") -> re.Pattern[str]:
    """A since word opening a short clause that the time right after ends ("sejak gencatan
    senjata berlaku [pada 10 Oktober]"), searched in the stretch right before the time."""
    t = lexicon(language).time
    return re.compile(rf"(?<!\w){alternation(t['since_words'])}\s+(?:[\w-]+\s+){{1,{int(t['since_clause_words'])}}}$",
                      re.IGNORECASE)


@cache
def duration_in_days(language: str = "id") -> re.Pattern[str]:
    """"selama tiga hari": how long something lasts, in days (group ``n``, the count)."""
    t = lexicon(language).time
    count = rf"(?P<n>\d{{1,2}}|{alternation(t['numbers'])})"
    days = alternation(word for word, unit in t["units"].items() if unit == "day")
    return re.compile(rf"(?<!\w){alternation(t['duration_words'])}\s+{count}\s+{days}(?!\w)", re.IGNORECASE)


@cache
def refers_back(language: str = "id") -> re.Pattern[str]:
    """A few words closed by a demonstrative ("pemanggilan itu", "serangan tersebut"), matched
    right after a time expression: what it counts from was named before."""
    words = lexicon(language).time["refers_back"]
    word = r"\s+[\w-]+"
    return re.compile(rf"(?:{word}){{1,{words['max_words']}}}\s+{alternation(words['demonstratives'])}(?!\w)",
                      re.IGNORECASE)

