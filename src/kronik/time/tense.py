"""The tense of a time expression: its own direction word, else the nearest cue of its clause.

"Selasa lalu" and "November mendatang" say it themselves; "pada bulan April" after "akan
berkunjung" or "undangan" is future, after "telah" past. The clause is the stretch of the
sentence between the nearest breaks (commas, semicolons, colons) on each side; after the
expression only its next word counts, since modality comes before the verb it governs.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import chain, islice
from types import MappingProxyType
from typing import NamedTuple

from kronik.time.find import WORD, Mention
from kronik.time.grammar import JOINERS, Lexicon, normal
from kronik.tokens import Tokens


def own_tense(mention: Mention, lex: Lexicon) -> str | None:
    """The tense the expression's own words give, if any."""
    direction = normal(mention.get("dir") or mention.get("word") or "")
    t = lex.time
    if mention.kind == "weekday":
        return _tense(t["weekday_directions"].get(direction))
    if mention.kind in ("month", "year", "day_month", "day_range", "weekday_date"):
        return _tense(t["month_directions"].get(direction))
    if mention.kind == "unit_deixis":
        return _sign(t["unit_deixis"][direction])
    if mention.kind == "offset":
        rule = t["offset_directions"][direction]
        return _sign(rule["sign"]) if rule["from"] in ("anchor", "recent") else None
    if mention.kind == "deictic_day":
        rule = t["deictic_days"][direction]
        return _sign(rule["days"]) if rule["from"] == "anchor" else None
    return None


# The tense each direction word points to ("tahun lalu" is a past year's month).
TENSE_OF_DIRECTION = MappingProxyType({"past": "past", "last_year": "past", "future": "future",
                                       "next_year": "future"})


def _tense(direction: str | None) -> str | None:
    return TENSE_OF_DIRECTION.get(direction or "")


def _sign(step: int) -> str | None:
    return "past" if step < 0 else "future" if step > 0 else None


class CueWords(NamedTuple):
    """The tense cues of a text that are tokens (``kronik.tokens``; every cue of ``time.yaml``
    is one, as ``kronik.time.grammar.lexicon`` checks): their token indices in order and where
    each starts and ends. Found once per text, so that each expression's clause looks its
    nearest cue up by bisection."""

    tokens: Tokens
    indices: list[int]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, tokens: Tokens, lex: Lexicon) -> CueWords:
        """The cues among ``tokens``, read off the places of their distinct words."""
        positions = tokens.positions
        present = lex.tense_cues.keys() & positions.keys()
        indices = sorted(chain.from_iterable(map(positions.__getitem__, present)))
        return cls(tokens, indices, list(map(tokens.starts.__getitem__, indices)),
                   list(map(tokens.ends.__getitem__, indices)))

    def any_within(self, start: int, end: int) -> bool:
        """Whether a cue starts in ``text[start:end]``."""
        at = bisect_left(self.starts, start)
        return at < len(self.starts) and self.starts[at] < end

    def last_before(self, text: str, start: int, end: int) -> tuple[int, str] | None:
        """How far before ``end`` the last cue of ``text[start:end]`` ends, and its word: a
        cue counts where it is a whole word (``WORD``) of that stretch, joined to no token
        inside it. (Tokens do not overlap, so the cues are in order of their ends too.)"""
        at = bisect_right(self.ends, end) - 1
        while at >= 0 and self.starts[at] >= start:
            first, last = self.starts[at], self.ends[at]
            if not ((first > start and text[first - 1] in JOINERS)
                    or (last < end and text[last] in JOINERS)):
                return end - last, self.tokens.lowers[self.indices[at]]
            at -= 1
        return None


def clause_tense(text: str, start: int, end: int, bounds: tuple[int, int], cues: CueWords,
                 lex: Lexicon) -> str | None:
    """The tense of the cue word nearest to text[start:end] within its clause."""
    left = text[bounds[0]:start]
    clause = bounds[0] + max(map(left.rfind, lex.time["clause_breaks"])) + 1
    before = cues.last_before(text, clause, start)
    found = []
    if before is not None:
        distance, cue = before
        found.append((distance, lex.tense_cues[cue]))
    if cues.any_within(end, bounds[1]):  # else no word after the expression is a cue
        found += _cues_after(text[end:bounds[1]], lex)
    return min(found)[1] if found else None


def _cues_after(right: str, lex: Lexicon) -> list[tuple[int, str]]:
    """The cues among the first words of ``right`` (``cue_words_after``) before a break, each
    as (where it starts, its tense)."""
    stops = [at for at in map(right.find, lex.time["clause_breaks"]) if at >= 0]
    if stops:
        right = right[:min(stops)]
    found = []
    for match in islice(WORD.finditer(right), lex.time["cue_words_after"]):
        word = match.group(0).lower()
        if word in lex.tense_cues:
            found.append((match.start(), lex.tense_cues[word]))
    return found


def tense_of(mention: Mention, text: str, bounds: tuple[int, int], cues: CueWords,
             lex: Lexicon) -> str | None:
    """The expression's own tense, else its clause's (``cues``: the text's tense cues)."""
    return own_tense(mention, lex) or clause_tense(text, mention.start, mention.end, bounds,
                                                   cues, lex)
