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
(one of them). Each such need is a clause (needles of which a match holds one); a screen tests
the few strongest clauses, all of which a string must satisfy, so that a line holding a common
word of a pattern ("berikut") but nothing else it needs is turned away too. Where the pattern ignores case, a literal without case ("<", ":") is tested as it is and
one of ASCII characters is tested on the lower-cased line unless the line holds one of the four
characters other than ASCII ones that match an ASCII letter when case is ignored or lower-case
to one (the Kelvin sign, the long s, the dotted and the dotless I): such a line is never
screened out. A pattern with nothing needed passes every string.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from kronik.regex_parts import Branch, Chars, Group, Literal, Part, Parts, Repeat, parse

# The characters other than ASCII ones that a pattern ignoring case matches to an ASCII letter
# ("K", the Kelvin sign, to "k"), or whose lower case holds one ("İ"): in a string without
# them, an ASCII needle ignoring case is found in the lower-cased string, wherever it stands.
ASCII_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")
# A needle is (text, folded), where a folded needle is lower-case ASCII and is sought in the
# lower-cased (ASCII) string; a clause is a set of needles of which every match holds one.
_Needle = tuple[str, bool]
_Clause = frozenset[_Needle]
# A screen tests at most this many clauses, the strongest first: each one more turns away
# strings that hold a common word of the pattern ("berikut") but not the rest of it, and costs
# a substring test only for a string that every clause before it passed.
MAX_CLAUSES = 8
# Of alternatives, each of the strongest clauses of one joined with each of the others' is
# needed too: at most this many clauses of each, and this many combinations (else each
# alternative gives its strongest clause alone).
MAX_ALTERNATIVE_CLAUSES = 3
MAX_COMBINATIONS = 64
# A set of at most this many characters without case (" ", "\t"), or a repeat of it, right
# before a run of literals is joined to the run's first characters: "[ \t]+:" needs " :" or
# "\t:", which few lines hold, where many hold ":". A larger set gives too many needles.
MAX_JOINED_CHARS = 4


@dataclass(frozen=True)
class Clause:
    """Needles of which every match holds at least one: ``raw`` as they are, ``folded`` in
    the lower-cased string."""

    raw: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()


@dataclass(frozen=True)
class Screen:
    """Whether a string may hold a match: False only when it holds no needle of a clause."""

    clauses: tuple[Clause, ...] = ()

    @property
    def passes_all(self) -> bool:
        """Whether nothing is needed: a pattern whose needles could not be read."""
        return not self.clauses

    def may_match(self, text: str, lowered: str | None = None) -> bool:
        """False only when ``text`` holds no needle of a clause; ``lowered`` is its lower case
        where the caller has it (else it is computed where a folded needle is sought)."""
        folding = False  # whether folded needles were sought (the string has no lookalike)
        for clause in self.clauses:
            if any(map(text.__contains__, clause.raw)):
                continue
            if not clause.folded:
                return False
            if not folding:
                if has_ascii_lookalike(text):
                    return True
                folding = True
                lowered = text.lower() if lowered is None else lowered
            if not any(map(lowered.__contains__, clause.folded)):
                return False
        return True


def has_ascii_lookalike(text: str) -> bool:
    """Whether ``text`` holds one of ``ASCII_LOOKALIKES``: a pattern ignoring case may then
    match an ASCII word there that its lower case does not show."""
    return not text.isascii() and any(map(text.__contains__, ASCII_LOOKALIKES))


def screen(pattern: re.Pattern[str]) -> Screen:
    """The screen of a compiled pattern (one that passes everything where nothing is needed)."""
    if pattern.flags & re.LOCALE or isinstance(pattern.pattern, bytes):
        return Screen()
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    clauses = _strongest(_clauses(parse(pattern.pattern, pattern.flags), ignorecase))[:MAX_CLAUSES]
    # Clauses of needles tested as they are go first: a string they turn away is never
    # lower-cased, and a needle of one character is sought by ``memchr``.
    clauses.sort(key=lambda clause: any(folded for _, folded in clause))
    return Screen(tuple(Clause(raw=tuple(sorted(text for text, folded in clause if not folded)),
                               folded=tuple(sorted(text for text, folded in clause if folded)))
                        for clause in clauses))


def _clauses(parts: Parts, ignorecase: bool) -> list[_Clause]:
    """Clauses that every match of this sequence of parts satisfies (none: nothing needed)."""
    clauses: list[_Clause] = []
    run: list[str] = []
    before: tuple[str, ...] = ()  # the characters of which one stands right before the run
    for part in parts + (None,):
        if isinstance(part, Literal):
            run.append(part.char)
            continue
        clauses.extend(frozenset({needle}) for needle in _run_needles("".join(run), ignorecase))
        clauses.extend(_joined_needles(before, "".join(run), ignorecase))
        run = []
        before = _caseless_choice(part)
        if isinstance(part, Group) and not part.sets_flags:
            clauses.extend(_clauses(part.parts, ignorecase))
        elif isinstance(part, Branch):
            clauses.extend(_branch_clauses([_clauses(alternative, ignorecase)
                                            for alternative in part.alternatives]))
        elif isinstance(part, Repeat) and part.least >= 1:
            clauses.extend(_clauses(part.parts, ignorecase))
    return clauses


def _caseless_choice(part: Part | None) -> tuple[str, ...]:
    """The characters of a small set without case (or of a repeat of at least one of it),
    one of which a match holds where the part ends; () for any other part."""
    if isinstance(part, Repeat) and part.least >= 1 and len(part.parts) == 1:
        part = part.parts[0]
    if not isinstance(part, Chars) or part.negated or part.ranges or part.classes \
            or len(part.literals) > MAX_JOINED_CHARS:
        return ()
    return part.literals if all(map(_caseless, part.literals)) else ()


def _joined_needles(before: tuple[str, ...], run: str, ignorecase: bool) -> list[_Clause]:
    """The clause of a run of literals after one of the characters ``before``: each of them
    joined to the run's first characters without case (the whole run where case counts)."""
    head = "".join(takewhile(_caseless, run)) if ignorecase else run
    if not before or not head:
        return []
    return [frozenset((char + head, False) for char in before)]


def _caseless(char: str) -> bool:
    return char.lower() == char == char.upper()


def _branch_clauses(alternatives: list[list[_Clause]]) -> list[_Clause]:
    """Clauses of a choice between alternatives: one clause of each, joined (a match of one
    alternative satisfies its clause). None where an alternative needs nothing."""
    if not all(alternatives):
        return []
    strongest = [_strongest(clauses)[:MAX_ALTERNATIVE_CLAUSES] for clauses in alternatives]
    count = 1
    for clauses in strongest:
        count *= len(clauses)
    if count > MAX_COMBINATIONS:
        strongest = [clauses[:1] for clauses in strongest]
    combined = [frozenset()]
    for clauses in strongest:
        combined = [joined | clause for joined in combined for clause in clauses]
    return combined


def _strongest(clauses: list[_Clause]) -> list[_Clause]:
    """The distinct clauses, the strongest first."""
    return sorted(dict.fromkeys(clauses), key=_strength, reverse=True)


def _run_needles(run: str, ignorecase: bool) -> list[_Needle]:
    """The needles a run of literal characters gives: the run itself when case counts; else
    its stretches without case (tested as they are) and its ASCII stretches (lower-cased)."""
    if not run:
        return []
    if not ignorecase:
        return [(run, False)]
    caseless = "".join(c if _caseless(c) else "\0" for c in run).split("\0")
    ascii_runs = re.findall(r"[\x00-\x7f]+", run)
    return [(text, False) for text in caseless if text.strip()] + \
        [(text.lower(), True) for text in ascii_runs if text.strip()]


def _strength(needles: _Clause) -> tuple[int, bool]:
    """How well a set of needles screens: by its shortest needle (a longer one is rarer:
    "berikut " rather than ":"), then needles tested as they are first (they screen every
    line, not only ASCII ones)."""
    return (min(len(text.strip()) for text, _ in needles), all(not folded for _, folded in needles))
