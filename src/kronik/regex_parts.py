"""The parts of a regular expression, as the parser that ``re`` compiles it with reads them.

Two speed-ups read what a pattern spells out: ``kronik.screens`` (the literals every match
holds) and ``kronik.events.anchors`` (the words every match begins with). Both read the same
parse, which the standard library keeps private (``re._parser`` and its op codes in
``re._constants``, Python 3.11 and later). This module is the only place that touches it: it
turns the parse into a few typed parts that the two readers walk. A Python whose parser lacks
these modules or op codes fails loudly when this module is imported, and a change in what the
parser gives fails ``tests/test_regex_parts.py``; neither screens nor anchors then read wrongly
in silence. A part without a type here (".", a back reference) is an ``Other``: it spells out
nothing, so a screen passes it and an anchor gives up.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from re import _parser
from re._constants import (  # the op codes of the parse
    ASSERT, ASSERT_NOT, AT, ATOMIC_GROUP, BRANCH, CATEGORY, IN, LITERAL, MAX_REPEAT, MAXREPEAT,
    MIN_REPEAT, NEGATE, POSSESSIVE_REPEAT, RANGE, SUBPATTERN)

_REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)


@dataclass(frozen=True)
class Literal:
    """One character to match ("a"; where the pattern ignores case, "A" too)."""

    char: str


@dataclass(frozen=True)
class Chars:
    """A set of characters ("[;:]", "\\s", "[^a-c\\d]"): its literal characters, its ranges,
    its classes by name ("word", "not_word", "space", "digit", "linebreak", ...), and whether
    it is negated."""

    literals: tuple[str, ...] = ()
    ranges: tuple[tuple[str, str], ...] = ()
    classes: tuple[str, ...] = ()
    negated: bool = False


@dataclass(frozen=True)
class At:
    """A position that matches no text: "boundary" (\\b), "non_boundary", "beginning" (^),
    "end" ($), "beginning_string" (\\A), "end_string" (\\Z)."""

    where: str


@dataclass(frozen=True)
class Look:
    """A lookaround ("(?=...)", "(?!...)", "(?<=...)", "(?<!...)"): it matches no text."""

    ahead: bool
    negative: bool
    parts: Parts


@dataclass(frozen=True)
class Group:
    """A group ("(...)", "(?:...)", "(?>...)"); ``sets_flags`` where it changes the flags for
    its content ("(?i:...)")."""

    parts: Parts
    sets_flags: bool = False
    atomic: bool = False


@dataclass(frozen=True)
class Branch:
    """Alternatives ("a|b"), of which a match takes one."""

    alternatives: tuple[Parts, ...]


@dataclass(frozen=True)
class Repeat:
    """A repeat of ``parts`` (greedy, lazy or possessive): ``least`` to ``most`` times (None:
    without a limit)."""

    least: int
    most: int | None
    parts: Parts


@dataclass(frozen=True)
class Other:
    """Any other part (".", a negated literal, a back reference), by its op code's name."""

    name: str


Part = Literal | Chars | At | Look | Group | Branch | Repeat | Other
Parts = tuple[Part, ...]


def parse(pattern: str, flags: int = 0) -> Parts:
    """The parts of ``pattern`` compiled with ``flags``."""
    return _parts(_parser.parse(pattern, flags))


def _parts(items) -> Parts:
    return tuple(_part(op, value) for op, value in items)


def _part(op, value) -> Part:
    """One item of the parse as a typed part."""
    if op is LITERAL:
        return _literal(value)
    if op is IN:
        return _chars(value)
    if op is AT:
        return At(_name(value, "AT_"))
    if op is ASSERT or op is ASSERT_NOT:
        direction, items = value
        return Look(ahead=direction == 1, negative=op is ASSERT_NOT, parts=_parts(items))
    if op is SUBPATTERN:
        _group, add_flags, del_flags, items = value
        return Group(_parts(items), sets_flags=bool(add_flags or del_flags))
    if op is ATOMIC_GROUP:
        return Group(_parts(value), atomic=True)
    if op is BRANCH:
        _, alternatives = value
        return Branch(tuple(_parts(alternative) for alternative in alternatives))
    if op in _REPEATS:
        least, most, items = value
        return Repeat(least, None if most == MAXREPEAT else most, _parts(items))
    return Other(op.name)


@cache
def _literal(code: int) -> Literal:
    """The part of one character, made once per character: parts are immutable, and the
    lexicons' patterns spell the same few letters some 15,000 times at every start."""
    return Literal(chr(code))


def _chars(items) -> Chars | Other:
    """A set of characters, or ``Other`` where it holds an item of an unknown kind."""
    literals, ranges, classes, negated = [], [], [], False
    for op, value in items:
        if op is LITERAL:
            literals.append(chr(value))
        elif op is RANGE:
            ranges.append((chr(value[0]), chr(value[1])))
        elif op is CATEGORY:
            classes.append(_name(value, "CATEGORY_"))
        elif op is NEGATE:
            negated = True
        else:
            return Other(IN.name)
    return Chars(tuple(literals), tuple(ranges), tuple(classes), negated)


def _name(code, prefix: str) -> str:
    """A position's or a class's name: "AT_UNI_BOUNDARY" -> "boundary" (the Unicode variant
    means the same for a ``str`` pattern)."""
    return code.name.removeprefix(prefix).removeprefix("UNI_").lower()
