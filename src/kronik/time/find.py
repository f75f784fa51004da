"""Find time expressions in a text: every pattern's matches, filtered, longest first.

Filtering keeps the grammar honest where a word has two readings: "minggu" is a week unless it
follows "hari" or is written as a name ("Minggu"); a four-digit number is a year only after a
year cue ("pada 2023", "sejak 2021") and not before a unit or another calendar ("1447 Hijriah");
a month name alone needs such a cue too, since it may be a person's name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, KeysView
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from kronik.time.grammar import (JOINERS, WORD_CHARACTERS, Lexicon, alternation, lexicon, normal,
                                 patterns)
from kronik.screens import has_ascii_lookalike
from kronik.tokens import TOKEN, Tokens, tokenize

# A word of the time grammar: tokens (``kronik.tokens.TOKEN``, runs of letters and digits)
# joined by JOINERS, so that "Jum'at" is one word where the token layer sees two ("\w" is a
# token's characters and "_").
WORD = re.compile(WORD_CHARACTERS + "+")
DIGITS = re.compile(r"\d+")
DIGIT_KIND = frozenset({"digit"})
NO_KINDS: frozenset[str] = frozenset()  # one object: a memo's key holding it is found by identity
_FIRST = itemgetter(0)
_HIDES = attrgetter("hides")  # of a word's ``Classes``
# A bracket that may open an expression: each pattern opening with one has a number right
# inside it ("(12/3)", "( 5-6/7)": numeric_days, numeric_cross, numeric_paren).
BRACKET = re.compile(r"\((?=\s*\d)")
# A year (``grammar.YEAR``: 1800-2199) standing alone: no word character, full stop, comma,
# slash or hyphen before it, no word character or slash after it, nor a decimal part. What may
# not come before it is checked right after its first digit, so that the engine looks for a
# year only at a 1 or a 2 (a pattern that opens with a lookbehind is tried at every character).
YEAR_ALONE = re.compile(r"((?:1(?<![\w.,/-]1)[89]|2(?<![\w.,/-]2)[01])\d\d)(?![\w/]|[.,]\d)")


class Mention(NamedTuple):
    """A stretch of text that names a time, with the groups its pattern captured (a named
    tuple: one is built for every match that may be kept, and a frozen dataclass costs three
    times as much)."""

    start: int
    end: int
    text: str
    kind: str
    # A named group of the pattern by its name, None where it took no part: the ``get`` of
    # the match's ``groupdict``, so that the many lookups of resolving one call no Python
    # method.
    get: Callable[[str], str | None]


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


# What the expressions of a pattern can open with (read off ``grammar.patterns``, and to be kept
# in step with it): a word of these lexicon lists (``time.yaml``; months, full_months and
# weekdays of ``calendar.yaml``; se_units "sehari", "sepekan"), a number ("digit") or a bracket.
# A pattern is tried only where a token opens with such a word, a digit, or at a bracket, which
# finds every match a scan of the whole window would: a match starts after a non-word
# character (``grammar.BEFORE``), so at a token's start or at its opening bracket. A kind not
# listed here is tried at every position of its windows.
OPENERS: dict[str, tuple[str, ...]] = {
    "weekday_numeric": ("prepositions", "day_word", "weekdays"),
    "weekday_comma_numeric": ("prepositions", "day_word", "weekdays"),
    "numeric_range": ("prepositions", "day_word", "weekdays", "bracket"),
    "numeric_cross": ("bracket",),
    "weekday_date": ("prepositions", "day_word", "weekdays"),
    "day_range_cross": ("prepositions", "date_word", "digit"),
    "day_range": ("prepositions", "date_word", "digit"),
    "day_month": ("prepositions", "date_word", "digit"),
    "month_day_year": ("months",),
    "iso_date": ("digit",),
    "numeric_date": ("digit",),
    "numeric_paren": ("bracket",),
    "offset": ("within", "more_than", "almost", "digit", "numbers", "vague_numbers", "se_units"),
    "deictic_day": ("prepositions", "deictic_days"),
    "part_of_unit": ("prepositions", "parts"),
    "unit_deixis": ("prepositions", "units"),
    "year_division": ("prepositions", "year_divisions"),
    "weekday": ("prepositions", "day_word", "weekdays"),
    "month": ("prepositions", "parts", "month_word", "full_months"),
    "year": ("prepositions", "parts", "year_word", "digit"),
}
# The opener lists after whose words a pattern may run on without a break, and the lists whose
# words (or a number) may follow so: a weekday name takes a date, a clock time or "waktu" right
# after it ("Senin10.00", "Seninpukul 10.00", "Rabutanggal 5"), so a token that is a weekday
# glued to such a word, or to a number, opens the weekday's patterns. Every other opener word
# is followed by a space or a non-word character in every pattern, so only a token that is
# that very word opens there.
GLUED: dict[str, tuple[str, ...]] = {
    "weekdays": ("date_word", "approximately", "clock_words", "local_time", "local_time_word"),
}
# How many digits the number may have that a kind opens with (read off ``grammar.patterns``): a
# day (``\d{1,2}``), a count (``\d{1,3}``), a year (four). Each pattern follows that number with
# a space or a non-word character, so only a token that is such a number (ASCII digits and
# nothing else) opens the kind. A kind that opens with a digit and is not listed here opens
# wherever a token starts with a digit.
DIGIT_WIDTHS: dict[str, tuple[int, ...]] = {
    "day_range_cross": (1, 2),
    "day_range": (1, 2),
    "day_month": (1, 2),
    "numeric_date": (1, 2),
    "offset": (1, 2, 3),
    "iso_date": (4,),
    "year": (4,),
}
# What may follow the number a kind opens with (read off ``grammar.patterns``): a separator of
# a numeric date ("5/12/2024", "2024-12-05"), a space before a month or unit ("5 Desember", "3
# hari lalu") or the dash of a range ("5-7 Desember"); " " stands for any whitespace (``\s``). A
# number followed by anything else does not open the kind. A kind not listed here may be
# followed by anything.
NUMBER_FOLLOWERS: dict[str, str] = {
    "day_range_cross": " ",
    "day_range": " -\u2013",
    "day_month": " ",
    "numeric_date": "/.-",
    "offset": " ",
    "iso_date": "-",
}
# The characters that NUMBER_FOLLOWERS names, which are told apart after a number.
NUMBER_CHARACTERS = frozenset("".join(NUMBER_FOLLOWERS.values()))
# What the token right after the number a kind opens with may be (read off
# ``grammar.patterns``): the first token of a word of these lexicon lists (``time.yaml``; months
# of ``calendar.yaml``) or a number ("digit"). A day is followed by its month ("5 Desember") or,
# in a range, by a range word or, after a dash, by the second day ("5 hingga 7", "5-7"); a count
# by its unit ("3 hari lalu"). A token outside ASCII, which the patterns may read as any of
# them ignoring case, or a name glued to what may follow it ("Mei10.00"), may follow any of
# these numbers. A kind not listed here may be followed by any token: most numbers of a text
# ("19:17 WIB", "15 orang", "2 persen") are followed by none of these.
NUMBER_NEXT: dict[str, tuple[str, ...]] = {
    "day_range_cross": ("months",),
    "day_range": ("range_words", "pair_words", "digit"),
    "day_month": ("months",),
    "offset": ("units",),
}
# The characters that may stand right before a token and, by ``grammar.BEFORE``, before no
# expression: a number after one of them ("3/12", "1.500", "10.00") opens no kind.
NOT_BEFORE = "_/.,-"
# The most distinct words outside the grammar's plain words whose classes are remembered (the
# numbers and other words with a character other than a letter, or outside ASCII, of a large
# batch); past it the memory starts afresh.
WORD_CACHE = 65536


class Classes(NamedTuple):
    """What a token (lower case) is to the time grammar: the anchor kinds it is (None if
    none) among the lean anchors (``lean_anchor_words``) and among all (``anchor_words``),
    the pattern kinds it may open, whether digits are in it (``NO_DIGITS``, the whole token
    is one run of them, ``ALL_DIGITS``, or ``SOME_DIGITS``), whether it hides a weekday
    or month name glued to what may follow it in an expression ("senin10", "meipukul"), and
    the kinds of ``NUMBER_NEXT`` whose number it may follow."""

    anchors: frozenset[str] | None
    every_anchor: frozenset[str] | None
    opens: frozenset[str]
    digits: int
    hides: bool
    follows_number: frozenset[str]


NO_DIGITS, ALL_DIGITS, SOME_DIGITS = 0, 1, 2
# What ``_ranked`` gives: (rank, kind, pattern, needed) for each pattern.
Ranked = tuple[tuple[int, str, re.Pattern[str], frozenset[str]], ...]


# A pattern to try at a position: (its rank, its kind, the pattern).
Trial = tuple[int, str, re.Pattern[str]]


class Trials(dict[tuple[frozenset[str], frozenset[str]], tuple[Trial, ...]]):
    """(the kinds a position opens, the anchor kinds of its window) -> the patterns to try
    there: those whose needed anchors (``REQUIRES``) the window holds. Each is found the first
    time it is asked for and kept, so that the openers of a text look their trials up with one
    subscript (in C) instead of a call."""

    def __init__(self, ranked: Ranked):
        super().__init__()
        self.ranked = ranked

    def __missing__(self, key: tuple[frozenset[str], frozenset[str]]) -> tuple[Trial, ...]:
        opens, anchors = key
        found = self[key] = tuple((rank, kind, pattern)
                                  for rank, kind, pattern, needed in self.ranked
                                  if kind in opens and needed <= anchors)
        return found


class TimeWords:
    """How the time grammar of one language sees a token (lower case): the anchor kinds it is
    (``anchors``, "month", "weekday", ...) and the patterns it may open (``OPENERS``: the
    first token of each opener word in ``by_word``, of each glued one in ``by_prefix``; a
    number of N digits opens ``by_width[N]``, any token starting with a digit ``by_digit``, a
    bracket ``by_bracket``). Kinds in ``everywhere`` are tried at every position of their
    windows. After a number, a token opens no kind of ``NUMBER_NEXT`` unless it may follow
    such a number (``next_words``, a number any of ``next_digit``).

    A text's words are read in one pass over its distinct words: the plain words of the
    grammar (glued ones included) are found by one set intersection, and only words with a
    character other than a letter (numbers, "senin10") or outside ASCII are looked at one by
    one."""

    def __init__(self, anchors: dict[str, frozenset[str]], lean: dict[str, frozenset[str]],
                 by_word: dict[str, frozenset[str]], by_prefix: dict[str, frozenset[str]],
                 by_width: dict[int, frozenset[str]], by_digit: frozenset[str],
                 by_bracket: frozenset[str], everywhere: frozenset[str], glued: Glued,
                 prepositions: frozenset[str], next_words: dict[str, frozenset[str]],
                 next_digit: frozenset[str], ranked: Ranked):
        self.anchors, self.lean, self.by_word, self.by_prefix = anchors, lean, by_word, by_prefix
        self.prepositions = prepositions
        self.by_width, self.by_digit = by_width, by_digit
        self.by_bracket, self.everywhere, self.glued = by_bracket, everywhere, glued
        self.next_words, self.next_digit = next_words, next_digit
        # What a token outside ASCII or hiding a glued name may follow: a number of any kind.
        self.next_any = frozenset().union(next_digit, *next_words.values())
        self.ranked = ranked
        self.every_kind = frozenset().union(by_digit, by_bracket, *by_word.values(),
                                            *by_width.values()) - everywhere
        self.bracket_kinds = by_bracket - everywhere
        names = {name + follower for name in glued.names for follower in glued.followers}
        plain = {word: self.classify(word)
                 for word in anchors.keys() | by_word.keys() | names | next_words.keys()}
        self.plain = {word: found for word, found in plain.items()
                      if found.every_anchor or found.opens or found.hides or found.follows_number}
        self._special: dict[str, Classes] = {}  # the classes of words outside ``plain`` seen so far
        # (the kinds a number opens, what follows it, what the next token may follow) -> the
        # kinds it opens there, as found
        self._after_number: dict[tuple[frozenset[str], str, frozenset[str]], frozenset[str]] = {}
        self.trials = Trials(ranked)

    def classes(self, words: KeysView[str], ascii_only: bool) -> dict[str, Classes]:
        """The classes of those of ``words`` that are an anchor, open a kind, hold a digit or
        may follow a number (``NUMBER_NEXT``); ``ascii_only``: whether the words are all ASCII
        (their text is)."""
        plain = self.plain
        found = {word: plain[word] for word in words & plain.keys()}
        others = list(filterfalse(str.isalpha, words))
        if not ascii_only:
            others += filterfalse(str.isascii, words)
        special = self._special
        for word in others:
            classes = special.get(word)
            if classes is None:
                if len(special) >= WORD_CACHE:
                    special.clear()
                classes = special[word] = self.classify(word)
            if classes.every_anchor or classes.opens or classes.digits or classes.hides:
                found[word] = classes
        return found

    def classify(self, word: str) -> Classes:
        """The classes of a token (lower case)."""
        if word.isdecimal():
            digits = ALL_DIGITS
        else:
            digits = SOME_DIGITS if DIGITS.search(word) else NO_DIGITS
        hides = self.glued.hides(word)
        if not word.isascii() or hides:
            follows_number = self.next_any
        else:
            follows_number = self.next_words.get(word, NO_KINDS)
            if digits == ALL_DIGITS:
                follows_number = follows_number | self.next_digit
        return Classes(self.lean.get(word), self.anchors.get(word),
                       self._opens(word) - self.everywhere, digits, hides, follows_number)

    def number_opens(self, text: str, tokens: Tokens, index: int, opens: frozenset[str],
                     classes: dict[str, Classes]) -> frozenset[str]:
        """The kinds that the number at token ``index``, which may open ``opens``, opens
        where it stands: none after a character of ``NOT_BEFORE``, and only those kinds that
        may be followed by the character after it (``NUMBER_FOLLOWERS``) and by the token
        after it (``NUMBER_NEXT``; ``classes``: those of the text's words)."""
        start, end = tokens.starts[index], tokens.ends[index]
        if start and text[start - 1] in NOT_BEFORE:
            return NO_KINDS
        following = text[end:end + 1]
        if following.isspace():
            following = " "
        elif following not in NUMBER_CHARACTERS:
            following = ""  # the text's end, or a character that follows no number
        lowers = tokens.lowers
        next_word = classes.get(lowers[index + 1]) if index + 1 < len(lowers) else None
        next_follows = next_word.follows_number if next_word is not None else NO_KINDS
        key = (opens, following, next_follows)
        kinds = self._after_number.get(key)
        if kinds is None:
            kinds = self._after_number[key] = frozenset(
                kind for kind in opens
                if (kind not in NUMBER_FOLLOWERS
                    or following and following in NUMBER_FOLLOWERS[kind])
                and (kind not in NUMBER_NEXT or kind in next_follows))
        return kinds

    def _opens(self, word: str) -> frozenset[str]:
        """The kinds a token may open: those of the opener word it is, of each glued opener
        it starts with ("Senin10.00"), of a number of its width or a leading digit, and all of
        them for a word outside ASCII, where case-insensitive matching folds letters that
        ``lower`` does not (the long s, the dotted capital I) and ``\\d`` is any digit."""
        if not word.isascii():
            return self.every_kind
        kinds = self.by_word.get(word, frozenset())
        if word[0].isdigit():
            kinds = kinds | self.by_digit | self.by_width.get(len(word) if word.isdigit() else 0,
                                                              frozenset())
        for prefix, opened in self.by_prefix.items():
            if word.startswith(prefix):
                kinds = kinds | opened
        return kinds


@cache
def time_words(language: str = "id") -> TimeWords:
    """The anchor and opener words of ``language``'s patterns, built once."""
    lex = lexicon(language)
    t = lex.time
    lists = {"weekdays": lex.weekdays, "months": lex.months, "full_months": lex.full_months,
             "se_units": [t["one_prefix"] + unit for unit in t["units"]]}
    by_word: dict[str, set[str]] = {}
    by_prefix: dict[str, set[str]] = {}
    by_width: dict[int, set[str]] = {}
    by_mark: dict[str, set[str]] = {"digit": set(), "bracket": set()}
    names = {name for name, _ in patterns(language)}
    everywhere = names - OPENERS.keys()
    for kind, sources in OPENERS.items():
        for source in sources if kind in names else ():
            if source == "digit" and kind in DIGIT_WIDTHS:
                for width in DIGIT_WIDTHS[kind]:
                    by_width.setdefault(width, set()).add(kind)
                continue
            if source in by_mark:
                by_mark[source].add(kind)
                continue
            for word in lists.get(source) or t[source]:
                first = TOKEN.match(str(word).lower())
                if first is None or not first.group(0).isascii():
                    everywhere.add(kind)  # an opener that is no plain word: tried everywhere
                    continue
                by_word.setdefault(first.group(0), set()).add(kind)
                if source in GLUED:
                    by_prefix.setdefault(first.group(0), set()).add(kind)
                    for follower in _first_tokens(lex, GLUED[source]):
                        by_word.setdefault(first.group(0) + follower, set()).add(kind)
    next_words: dict[str, set[str]] = {}
    next_digit: set[str] = set()
    for kind, sources in NUMBER_NEXT.items():
        for source in sources if kind in names else ():
            if source == "digit":
                next_digit.add(kind)
                continue
            for word in lists.get(source) or t[source]:
                next_words.setdefault(TOKEN.match(str(word).lower()).group(0), set()).add(kind)
    names = [name.lower() for name in (*lex.weekdays, *lex.months)]
    glued = Glued.of(names, _first_tokens(lex, GLUED["weekdays"]))
    return TimeWords(anchor_words(language), lean_anchor_words(language), _frozen(by_word),
                     _frozen(by_prefix), _frozen(by_width), frozenset(by_mark["digit"]),
                     frozenset(by_mark["bracket"]), frozenset(everywhere), glued,
                     frozenset(_first_tokens(lex, ("prepositions",))), _frozen(next_words),
                     frozenset(next_digit), _ranked(language))


def _first_tokens(lex: Lexicon, sources: tuple[str, ...]) -> set[str]:
    """The first token of each word of the ``time.yaml`` lists ``sources``, in lower case."""
    return {TOKEN.match(str(word).lower()).group(0) for source in sources
            for word in lex.time[source]}


def _frozen(table: dict[Any, set[str]]) -> dict[Any, frozenset[str]]:
    return {word: frozenset(kinds) for word, kinds in table.items()}


@cache
def anchor_words(language: str = "id") -> dict[str, frozenset[str]]:
    """Lower-cased word -> the kinds of anchor it is (month, weekday, unit, ...): every word
    of the calendar words and phrases, the words after a unit too ("lalu", "yang akan
    datang"). The windows of a text where a word of the grammar may hide stand around these
    (``_layer``)."""
    return _anchor_table(language, every_word=True)


@cache
def lean_anchor_words(language: str = "id") -> dict[str, frozenset[str]]:
    """The anchors that every expression needing their kind (``REQUIRES``) holds: a phrase is
    anchored by its first word alone ("hari" of "hari yang sama", "tadi" of "tadi malam"),
    and the words after a unit ("lalu", "ini", "yang akan datang") are none, as each
    expression holding them holds its unit. Common words ("yang", "ini", "itu", "akan") would
    otherwise put a window around most sentences of an article."""
    return _anchor_table(language, every_word=False)


def _anchor_table(language: str, every_word: bool) -> dict[str, frozenset[str]]:
    lex = lexicon(language)
    kinds: dict[str, set[str]] = {}

    def add(words, kind: str) -> None:
        for word in words:
            for part in WORD.findall(word)[slice(None) if every_word else slice(1)]:
                kinds.setdefault(part.lower(), set()).add(kind)

    add(lex.months, "month")
    add(lex.weekdays, "weekday")
    add(lex.time["units"], "unit")
    add([lex.time["one_prefix"] + unit for unit in lex.time["units"]], "unit")  # "sehari"
    if every_word:
        add(lex.time["unit_deixis"], "unit")
    add(lex.time["deictic_days"], "deictic")
    add(lex.time["parts"], "part")
    add(lex.time["year_divisions"], "division")
    return {word: frozenset(found) for word, found in kinds.items()}


class Glued(NamedTuple):
    """The weekday and month names (lower case) and the words that may follow such a name
    with no space in an expression ("Senin10.00", "Seninpukul 10.00", "Mei10.00" after a
    date): a token made of a name and a number or a follower hides the name from the
    anchors. ``pattern`` matches such a token."""

    names: tuple[str, ...]
    followers: frozenset[str]
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, names: list[str], followers: set[str]) -> Glued:
        pattern = re.compile(rf"{alternation(names)}(?:\d|{alternation(followers)}$)")
        return cls(tuple(names), frozenset(followers), pattern)

    def hides(self, word: str) -> bool:
        """Whether ``word`` is a name glued to a number or to a follower."""
        return self.pattern.match(word) is not None


@dataclass
class _Layer:
    """What one pass over a text's distinct words finds for the time grammar: the anchors
    (start, end, kinds) and the openers: each position where a pattern may start, in order,
    with the kinds it may open there."""

    anchors: list[tuple[int, int, frozenset[str]]]
    openers: list[tuple[int, frozenset[str]]]


def _layer(text: str, tokens: Tokens, words: TimeWords) -> _Layer:
    """Anchors and opening positions, read off the tokens' distinct words.

    A token is a word (``WORD``) of its own unless an apostrophe or underscore joins it to the
    next or the one before ("Jum'at"); such joined words are read around each joiner. Every run of
    digits is an anchor too (each lies in a token: the whole of a number, or read off the token
    where letters are beside it). The anchors are in no particular order (``_windows`` sorts
    them).

    The anchors are the lean ones (``lean_anchor_words``) unless a word of the grammar may
    hide in the text: a calendar word joined to an apostrophe ("'Hari ini"), glued to what
    follows it ("Senin10.00") or written with a character that the patterns match to an
    ASCII letter ignoring case ("SENİN", ``kronik.screens.ASCII_LOOKALIKES``). An expression
    then holds no anchor of its own, and is found where the windows around all the anchor
    words (``anchor_words``) take it in, as they always did."""
    positions, starts, ends = tokens.positions, tokens.starts, tokens.ends
    ascii_only = text.isascii()
    joins = any(joiner in text for joiner in JOINERS)
    classes = words.classes(positions.keys(), ascii_only)
    hidden = any(map(_HIDES, classes.values())) or has_ascii_lookalike(text)
    anchors = None if hidden else _anchors(text, tokens, classes, joins, words, lean=True)
    if anchors is None:
        anchors = _anchors(text, tokens, classes, joins, words, lean=False)
    opening: dict[frozenset[str], list[int]] = {}
    for word, found in classes.items():
        if not found.opens:
            continue
        if word in words.prepositions:
            for index in positions[word]:
                opens = found.opens & _opened_after(tokens, index, classes, words)
                if opens:
                    opening.setdefault(opens, []).append(index)
        elif found.digits == ALL_DIGITS:
            for index in positions[word]:
                opens = words.number_opens(text, tokens, index, found.opens, classes)
                if opens:
                    opening.setdefault(opens, []).append(index)
        else:
            opening.setdefault(found.opens, []).extend(positions[word])
    openers = [(starts[index], kinds) for kinds, indices in opening.items() for index in indices]
    if words.bracket_kinds and "(" in text:
        openers += [(match.start(), words.bracket_kinds) for match in BRACKET.finditer(text)]
    openers.sort(key=_FIRST)
    return _Layer(anchors, openers)


def _opened_after(tokens: Tokens, index: int, classes: dict[str, Classes], words: TimeWords
                  ) -> frozenset[str]:
    """The kinds that what follows the preposition at token ``index`` opens: an expression
    opening with a preposition ("pada Senin") goes on with a word, number or bracket that
    opens it by itself (``OPENERS``, whose other sources are what a pattern's optional
    preposition precedes)."""
    if index + 1 == len(tokens):
        return frozenset()
    following = classes.get(tokens.lowers[index + 1])
    opens = following.opens if following is not None else frozenset()
    if "(" in tokens.gaps[index]:
        opens = opens | words.bracket_kinds
    return opens


def _anchors(text: str, tokens: Tokens, classes: dict[str, Classes], joins: bool,
             words: TimeWords, lean: bool) -> list[tuple[int, int, frozenset[str]]] | None:
    """The anchors of the text: the lean ones or all (``lean``). None where lean anchors were
    asked for and a calendar word is joined to a joiner (it may hide an expression's anchor)."""
    positions, starts, ends = tokens.positions, tokens.starts, tokens.ends
    # The token indices of each word that anchors, with their kinds: made anchors by one
    # comprehension at the end instead of one per word.
    marked: list[tuple[list[int], frozenset[str]]] = []
    pieces: list[tuple[int, int, frozenset[str]]] = []  # the digits of tokens with letters too
    for word, found in classes.items():
        indices = positions[word]
        kinds = found.anchors if lean else found.every_anchor
        if kinds is not None:
            visible = indices
            if joins:
                visible = [index for index in indices
                           if not _joined(text, starts[index], ends[index])]
                if lean and len(visible) < len(indices):
                    return None
            marked.append((visible, kinds))
        if found.digits == ALL_DIGITS:
            marked.append((indices, DIGIT_KIND))
        elif found.digits == SOME_DIGITS:
            pieces.extend((*match.span(), DIGIT_KIND) for index in indices
                          for match in DIGITS.finditer(text, starts[index], ends[index]))
    anchors = [(starts[index], ends[index], kinds) for indices, kinds in marked
               for index in indices]
    anchors += pieces
    if joins:
        joined = _joined_anchors(text, tokens, words, lean)
        if joined is None:
            return None
        anchors += joined
    return anchors


def _joined_anchors(text: str, tokens: Tokens, words: TimeWords, lean: bool
                    ) -> list[tuple[int, int, frozenset[str]]] | None:
    """The anchor words that a joiner makes of several tokens ("Jum'at"): each word (``WORD``)
    around a joiner, read from its first character (found back over the tokens and joiners
    before the joiner). Lean anchors (``lean``): None where such a word is no anchor but may
    hide one (a piece of it is a calendar word, or it is a name glued to a follower,
    "Jum'at10.00")."""
    table = words.lean if lean else words.anchors
    found = []
    done = 0
    for joiner in sorted(at for mark in JOINERS for at in _occurrences(text, mark)):
        if joiner < done:
            continue
        start = _word_start(text, tokens, joiner)
        word = WORD.match(text, start)
        done = word.end()
        lower = word.group(0).lower()
        kinds = table.get(lower)
        if kinds is not None:
            found.append((start, done, kinds))
        elif lean and _may_hide(lower, words):
            return None
    return found


def _may_hide(word: str, words: TimeWords) -> bool:
    """Whether a joined word (lower case) that is no anchor may hold one: a piece of it is a
    calendar word or hides one, or the word without its outer joiners hides one."""
    pieces = [word.strip(JOINERS), *TOKEN.findall(word)]
    return any(piece in words.anchors or words.glued.hides(piece) for piece in pieces)


def _occurrences(text: str, mark: str) -> Iterator[int]:
    """Where ``mark`` (one character) occurs in ``text``, in order."""
    at = text.find(mark)
    while at >= 0:
        yield at
        at = text.find(mark, at + 1)


def _word_start(text: str, tokens: Tokens, at: int) -> int:
    """Where the run of token characters and joiners that ends at ``at`` starts."""
    starts, ends = tokens.starts, tokens.ends
    while at > 0:
        if text[at - 1] in JOINERS:
            at -= 1
            continue
        index = bisect_left(ends, at)  # the token that ends right before, if any
        if index == len(ends) or ends[index] != at:
            break
        at = starts[index]
    return at


def _joined(text: str, start: int, end: int) -> bool:
    """Whether the token at ``start:end`` is part of a longer word joined by ``JOINERS``."""
    return (start > 0 and text[start - 1] in JOINERS) or (end < len(text) and text[end] in JOINERS)


def windows(text: str, language: str = "id", tokens: Tokens | None = None
            ) -> list[tuple[int, int, frozenset[str]]]:
    """The stretches of ``text`` around digits and anchor words, merged where they touch, each
    with the kinds of anchor it holds. ``tokens``: the text's tokens, if already cut."""
    layer = _layer(text, tokens or tokenize(text), time_words(language))
    return _windows(text, layer.anchors)


def _windows(text: str, anchors: list[tuple[int, int, frozenset[str]]]
             ) -> list[tuple[int, int, frozenset[str]]]:
    """The windows around the anchors: from the whitespace WINDOW characters before an anchor
    to the one WINDOW characters after it, merged where they touch. A window's end is the
    first space (or the text's end) after the furthest reach of its anchors, searched for only
    where an anchor's own reach starts past that reach, and when the window is closed; an
    anchor whose reach starts inside the window is merged without searching for its start
    (the order of anchors that start together does not matter)."""
    spans: list[tuple[int, int, frozenset[str]]] = []
    size = len(text)
    low = reach = -1  # the window being grown, and the furthest reach of its anchors
    held: set[frozenset[str]] = set()  # the kinds of its anchors
    for first, last, kinds in sorted(anchors, key=_FIRST):
        if not held:
            low = text.rfind(" ", 0, first - WINDOW if first > WINDOW else 0) + 1
        elif first - WINDOW > reach:  # past the reach, perhaps past the window's end
            high = _window_end(text, reach)
            if first - WINDOW > high:
                start = text.rfind(" ", 0, first - WINDOW) + 1
                if start > high:
                    spans.append((low, high, frozenset().union(*held)))
                    low, reach, held = start, -1, set()
        if last + WINDOW > reach:
            reach = last + WINDOW if last + WINDOW < size else size
        held.add(kinds)
    if held:
        spans.append((low, _window_end(text, reach), frozenset().union(*held)))
    return spans


def _window_end(text: str, reach: int) -> int:
    """The end of a window whose anchors reach ``reach``: the first space from there, or the
    text's end. (The later a window's reach, the later its end.)"""
    end = text.find(" ", reach)
    return len(text) if end < 0 else end


def find_mentions(text: str, language: str = "id", tokens: Tokens | None = None) -> list[Mention]:
    """All time expressions of ``text`` in order, none overlapping another. ``tokens``: the
    text's tokens (``kronik.tokens``), if already cut."""
    lex = lexicon(language)
    words = time_words(language)
    layer = _layer(text, tokens or tokenize(text), words)
    spans = _windows(text, layer.anchors)
    found = _opened_matches(text, layer.openers, spans, words)
    for rank, kind, pattern, needed in _ranked(language):
        if kind in words.everywhere:
            found += [(match.start() - match.end(), rank, match.start(), kind, match)
                      for start, end, kinds in spans if needed <= kinds
                      for match in pattern.finditer(text, start, end)]
    # Longest first, then by pattern rank: each acceptable match is kept unless it overlaps one
    # kept before. One that overlaps is dropped whether acceptable or not, so acceptability is
    # read only for the others. The kept ones never overlap, so sorted by start only the
    # neighbours can overlap a new one. (One kind's matches never overlap, so no two items tie
    # before their matches.)
    chosen_starts: list[int] = []
    chosen: list[Mention] = []
    for _, _, start, kind, match in sorted(found):
        end = match.end()
        at = bisect_left(chosen_starts, start)
        if at > 0 and chosen[at - 1].end > start:
            continue
        if at < len(chosen) and chosen[at].start < end:
            continue
        mention = Mention(start, end, match.group(0), kind, match.groupdict().get)
        if _acceptable(mention, text, lex):
            chosen_starts.insert(at, start)
            chosen.insert(at, mention)
    return chosen


@cache
def _ranked(language: str) -> Ranked:
    """Each pattern with its rank (its place in ``grammar.patterns``) and the anchor kinds its
    windows need (``REQUIRES``)."""
    return tuple((rank, kind, pattern, REQUIRES.get(kind, frozenset()))
                 for rank, (kind, pattern) in enumerate(patterns(language)))


def _opened_matches(text: str, openers: list[tuple[int, frozenset[str]]],
                    spans: list[tuple[int, int, frozenset[str]]], words: TimeWords
                    ) -> list[tuple[int, int, int, str, re.Match[str]]]:
    """The matches that ``finditer`` gives each pattern in the windows (``spans``) that hold
    the anchors it needs, found by trying it only at its openers (every position where one of
    its matches can start) inside them: each as (minus its length, the pattern's rank, its
    start, the kind, the match). As ``finditer`` does, a pattern's next match is looked for
    from the end of the one before (windows do not overlap, so across them too)."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    after = [0] * len(words.ranked)  # a pattern's rank -> where its last match ended
    trials = words.trials
    window, count = 0, len(spans)
    for position, opens in openers:
        while window < count and spans[window][1] <= position:
            window += 1
        if window == count:
            break
        start, end, anchors = spans[window]
        if position < start:
            continue
        for rank, kind, pattern in trials[opens, anchors]:
            if position >= after[rank]:
                match = pattern.match(text, position, end)
                if match is not None:
                    after[rank] = match.end()
                    found.append((position - after[rank], rank, position, kind, match))
    return found


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
    return name[:1].isupper() or any(normal(w) in lex.time["day_word"]
                                     for w in WORD.findall(mention.text))


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
    for match in YEAR_ALONE.finditer(text):
        following = WORD.findall(text[match.end():match.end() + 20].lower())[:1]
        if not (following and following[0] in lex.time["not_year_after"]):
            years.append(int(match.group(1)))
    return years
