"""Where a lexicon pattern can match: the words (or signs) its matches begin with.

The event lexicon's patterns (triggers, cue words, clause breaks) are regular expressions.
Scanning a document with one costs a pass of the engine over every character; yet every match
of such a pattern begins with one of a few words that the pattern spells out. ``anchor`` reads
them from the parsed pattern once, when the lexicon is compiled; the document's token layer
(``kronik.tokens``) then says where those words stand (``Anchors.starts``), and the pattern
is tried there only (``Anchors.finditer``), with the same matches as a scan of the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from kronik.regex_parts import At, Branch, Chars, Group, Literal, Look, Part, Parts, Repeat, parse
from kronik.screens import ASCII_LOOKALIKES
from kronik.tokens import Tokens

WORD_CHAR = re.compile(r"\w")
# What a pattern's first word may be spelt with: this many characters at most, far above the
# longest first word of the lexicon (15 letters); a pattern whose first word may run longer
# (a repeated group) is not anchored.
FIRST_WORD_MAX_CHARS = 40
# How deep the reading of a pattern's first word may nest (groups, repeats): far above what a
# lexicon pattern uses; deeper patterns are not anchored.
FIRST_WORD_MAX_DEPTH = 200
# The classes of characters that hold no word character ("\W", "\s").
_NON_WORD_CLASSES = frozenset({"not_word", "space", "linebreak"})
# "(?!\w)": no word character follows.
_NO_WORD_AHEAD = Look(ahead=True, negative=True, parts=(Chars(classes=("word",)),))
# What a non-word sign that opens a match is marked with among the first words.
_SIGN = "\x00"
# The characters outside ASCII that ``ASCII_LOOKALIKES`` lower-case to ("ı", "ſ", and the
# combining dot that "İ" lowers to after an "i"; the Kelvin sign lowers to "k").
_LOOKALIKES_LOWERED = "".join(sorted({character for lookalike in ASCII_LOOKALIKES
                                      for character in lookalike.lower() if not character.isascii()}))
# A lower-cased token outside ASCII that may still match a pattern's ASCII first word ignoring
# case: one whose other characters are those. Any other letter outside ASCII ("é", "ü":
# "Türkiye", "José") matches none.
_MAY_FOLD_TO_ASCII = re.compile(f"[\\x00-\\x7f{re.escape(_LOOKALIKES_LOWERED)}]+")


class Unanchored(Exception):
    """A pattern whose first words cannot be spelt out from it (a character class, a wildcard)."""


@dataclass(frozen=True)
class Anchor:
    """The words (lower-cased) a pattern's matches may begin with, and the non-word signs
    (";", ":") that may open one."""

    words: frozenset[str]
    signs: frozenset[str]


def anchor(pattern: str, flags: int = re.IGNORECASE) -> Anchor:
    """The anchor of ``pattern``: every match begins with one of its words at a word boundary,
    or with one of its signs. Raises ``Unanchored`` where the pattern does not spell them out."""
    found = _first_words(parse(pattern, flags), "", 0)
    return Anchor(frozenset(w for w in found if not w.startswith(_SIGN)),
                  frozenset(w[1:] for w in found if w.startswith(_SIGN)))


def _first_words(parts: Parts, prefix: str, depth: int) -> set[str]:
    """Every first word (the letters up to the first non-word character or the end) that the
    parsed pattern ``parts`` may match after ``prefix``, lower-cased; a match that opens with
    a sign gives that sign after ``_SIGN``. Assertions match no text and are passed over, so
    the set holds the first word of every match and maybe more. Raises ``Unanchored`` where
    a first word may hold a character class or a letter outside ASCII (which may match other
    letters ignoring case: "ı" matches "i")."""
    if depth > FIRST_WORD_MAX_DEPTH or len(prefix) > FIRST_WORD_MAX_CHARS or not parts:
        raise Unanchored  # a match may end inside a word: its first word is not spelt out
    part, rest = parts[0], parts[1:]
    if prefix and _ends_word(part):
        return {prefix}
    if isinstance(part, (At, Look)):
        return _first_words(rest, prefix, depth + 1)
    if isinstance(part, Group):
        return _first_words(part.parts + rest, prefix, depth + 1)
    if isinstance(part, Branch):
        return set().union(*(_first_words(alt + rest, prefix, depth + 1) for alt in part.alternatives))
    if isinstance(part, Repeat):
        words = _first_words(rest, prefix, depth + 1) if part.least == 0 else set()
        if part.most != 0:
            again = Repeat(max(0, part.least - 1), None if part.most is None else part.most - 1, part.parts)
            words |= _first_words(part.parts + (again,) + rest, prefix, depth + 1)
        return words
    words: set[str] = set()
    for char in _characters(part):
        if char is None or not WORD_CHAR.match(char):  # a non-word character
            if prefix:
                words.add(prefix)
            elif char is not None and char.isascii() and char.lower() == char.upper():
                words.add(_SIGN + char)
            else:
                raise Unanchored
        elif char.isascii() and char != "_":
            words |= _first_words(rest, prefix + char.lower(), depth + 1)
        else:
            raise Unanchored  # tokens hold no "_"; a letter outside ASCII may fold ("ı", "i")
    return words


def _ends_word(part: Part) -> bool:
    """Whether a part asserts that no word character follows: "(?!\\w)", "\\b". Most parts
    are letters, told by their type before any comparison (a dataclass compares with another
    class's instance through four calls, each answering NotImplemented or by identity)."""
    return isinstance(part, (Look, At)) and (part == _NO_WORD_AHEAD or part == At("boundary"))


def _characters(part: Part) -> list[str | None]:
    """The characters a literal or a set of literals matches (None for a class of non-word
    characters); raises ``Unanchored`` for anything else."""
    if isinstance(part, Literal):
        return [part.char]
    if isinstance(part, Chars) and not part.negated and not part.ranges \
            and all(name in _NON_WORD_CLASSES for name in part.classes):
        return list(part.literals) + [None] * len(part.classes)
    raise Unanchored


@cache
def anchor_or_none(pattern: str) -> Anchor | None:
    """The anchor of ``pattern``, or None where it has none: such a pattern is scanned. Kept
    by the pattern's text, whose hash is computed once (a compiled pattern's hash reads its
    whole program at every lookup: some 4 µs for a long word list)."""
    try:
        return anchor(pattern)
    except Unanchored:
        return None


def cue_anchor(pattern: re.Pattern[str]) -> Anchor | None:
    """The anchor of a compiled pattern, read once per pattern (``anchor_or_none``)."""
    return anchor_or_none(pattern.pattern)


class Anchors:
    """Where the words of one document stand, for anchored patterns to be tried there only."""

    def __init__(self, text: str, tokens: Tokens):
        self.text = text
        self.tokens = tokens
        # Tokens whose folded form is not ASCII may still match an ASCII letter ignoring case
        # ("İ", "ı", "ſ"): every anchored pattern is tried at them. Those with another letter
        # outside ASCII ("José", "Türkiye"; most of them) match no anchored pattern's first word.
        # A text in ASCII (most articles) has none, found without reading its words.
        self.unusual = [] if text.isascii() else [word for word in tokens.positions if not word.isascii()
                                                  and _MAY_FOLD_TO_ASCII.fullmatch(word)]
        # Only a text with a "_" has tokens inside a word (right after one); most have none.
        self.underscored = "_" in text

    def word_starts(self, words: dict[str, object] | frozenset[str]) -> list[tuple[int, str | None]]:
        """(offset, folded word) of every token at a word boundary whose folded form is one
        of ``words``; (offset, None) for every unusual token."""
        positions, starts, text = self.tokens.positions, self.tokens.starts, self.text
        found = [(starts[i], word) for word in positions.keys() & words for i in positions[word]]
        if self.unusual:
            found.extend((starts[i], None) for word in self.unusual for i in positions[word])
        if not self.underscored:
            return found
        # A token right after "_" is inside a word: no pattern that begins at a boundary starts there.
        return [(start, word) for start, word in found if not start or text[start - 1] != "_"]

    def starts(self, anchor: Anchor | None) -> list[int] | None:
        """Every offset, in order, where a match of a pattern with ``anchor`` may begin (None
        for a pattern without one)."""
        if anchor is None:
            return None
        found = [start for start, _ in self.word_starts(anchor.words)]
        for sign in anchor.signs:
            position = self.text.find(sign)
            while position >= 0:
                found.append(position)
                position = self.text.find(sign, position + 1)
        return sorted(found)


def within(starts: list[int] | None, spans: list[tuple[int, int]]) -> list[int] | None:
    """The ``starts`` (sorted) inside one of ``spans`` ((start, end) pairs, in text order, none
    overlapping); None (a pattern tried everywhere) stays None."""
    if starts is None:
        return None
    return [s for start, end in spans for s in starts[bisect_left(starts, start):bisect_left(starts, end)]]


def finditer(pattern: re.Pattern[str], text: str, starts: list[int] | None, start: int = 0,
             end: int | None = None) -> list[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a pattern whose matches begin only at
    ``starts`` (sorted) and are never empty: the pattern is tried there only (everywhere where
    ``starts`` is None)."""
    end = len(text) if end is None else end
    if starts is None:
        return list(pattern.finditer(text, start, end))
    found: list[re.Match[str]] = []
    position = start
    for candidate in starts[bisect_left(starts, start):]:
        if candidate >= end:
            break
        if candidate < position:
            continue
        match = pattern.match(text, candidate, end)
        if match:
            found.append(match)
            position = match.end()
    return found
