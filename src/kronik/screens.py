"""Cheap screens for regular expressions that run on many short strings.

Python's regex engine tries a pattern that starts with an anchor (``\\b``, ``^``) or a group at
every character of the string. Most of the patterns of ``noise.yaml`` hold a literal that
every match must contain ("Hak atas foto", "<", "&nbsp;"): a line without any of them cannot
match, and a substring test (in C, fast) says so without running the pattern. ``screen``
reads those literals from the compiled pattern once, so the data files keep their meaning and
no list of literals is kept by hand next to them.

The literals come from the parsed pattern (``kronik.regex_parts``): a run of literal
characters outside any optional part is needed by every match; of a group (one that sets no
flags) or a repeat of at least one, what its content needs; of alternatives, what each needs
(one of them). Where the pattern ignores case, a literal without case ("<", ":") is tested as it is and
one of ASCII characters is tested on the lower-cased line unless the line holds one of the four
characters other than ASCII ones that match an ASCII letter when case is ignored or lower-case
to one (the Kelvin sign, the long s, the dotted and the dotless I): such a line is never
screened out. A pattern with nothing needed passes every string.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kronik.regex_parts import Branch, Group, Literal, Parts, Repeat, parse

# The characters other than ASCII ones that a pattern ignoring case matches to an ASCII letter
# ("K", the Kelvin sign, to "k"), or whose lower case holds one ("İ"): in a string without
# them, an ASCII needle ignoring case is found in the lower-cased string, wherever it stands.
_ASCII_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")
# A screen is a set of needles of which every match holds at least one: (text, folded), where
# a folded needle is lower-case ASCII and is sought in the lower-cased (ASCII) string.
_Needle = tuple[str, bool]


@dataclass(frozen=True)
class Screen:
    """Whether a string may hold a match: False only when it holds none of the needles."""

    raw: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()

    @property
    def passes_all(self) -> bool:
        """Whether nothing is needed: a pattern whose needles could not be read."""
        return not self.raw and not self.folded

    def may_match(self, text: str) -> bool:
        if self.passes_all or any(map(text.__contains__, self.raw)):
            return True
        if not self.folded:
            return False
        if not text.isascii() and any(map(text.__contains__, _ASCII_LOOKALIKES)):
            return True
        lowered = text.lower()
        return any(map(lowered.__contains__, self.folded))


def screen(pattern: re.Pattern[str]) -> Screen:
    """The screen of a compiled pattern (one that passes everything where nothing is needed)."""
    if pattern.flags & re.LOCALE or isinstance(pattern.pattern, bytes):
        return Screen()
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    needles = _needles(parse(pattern.pattern, pattern.flags), ignorecase)
    if needles is None:
        return Screen()
    return Screen(raw=tuple(sorted(text for text, folded in needles if not folded)),
                  folded=tuple(sorted(text for text, folded in needles if folded)))


def _needles(parts: Parts, ignorecase: bool) -> frozenset[_Needle] | None:
    """The best set of needles that every match of this sequence of parts holds, or None."""
    options: list[frozenset[_Needle]] = []
    run: list[str] = []
    for part in parts + (None,):
        if isinstance(part, Literal):
            run.append(part.char)
            continue
        options.extend(frozenset({needle}) for needle in _run_needles("".join(run), ignorecase))
        run = []
        needed = None
        if isinstance(part, Group) and not part.sets_flags:
            needed = _needles(part.parts, ignorecase)
        elif isinstance(part, Branch):
            alternatives = [_needles(alternative, ignorecase) for alternative in part.alternatives]
            if all(alternatives):
                needed = frozenset().union(*alternatives)
        elif isinstance(part, Repeat) and part.least >= 1:
            needed = _needles(part.parts, ignorecase)
        if needed:
            options.append(needed)
    return max(options, key=_strength, default=None)


def _run_needles(run: str, ignorecase: bool) -> list[_Needle]:
    """The needles a run of literal characters gives: the run itself when case counts; else
    its stretches without case (tested as they are) and its ASCII stretches (lower-cased)."""
    if not run:
        return []
    if not ignorecase:
        return [(run, False)]
    caseless = "".join(c if c.lower() == c == c.upper() else "\0" for c in run).split("\0")
    ascii_runs = re.findall(r"[\x00-\x7f]+", run)
    return [(text, False) for text in caseless if text.strip()] + \
        [(text.lower(), True) for text in ascii_runs if text.strip()]


def _strength(needles: frozenset[_Needle]) -> tuple[int, bool]:
    """How well a set of needles screens: by its shortest needle (a longer one is rarer:
    "berikut " rather than ":"), then needles tested as they are first (they screen every
    line, not only ASCII ones)."""
    return (min(len(text.strip()) for text, _ in needles), all(not folded for _, folded in needles))
