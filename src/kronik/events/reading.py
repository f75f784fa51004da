"""What the frame rules read of one document, shared by them and read once: its clauses and the
words before a position (``Reading``).

Frame building asks the same questions of a text many times per trigger (the words before
it, where its clause begins and ends); a ``Reading`` answers them from the clause breaks found
once per document and from caches kept for that document only.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kronik.events.anchors import Anchors, finditer
from kronik.events.lexicon import Lexicon
from kronik.events.parties import WORD
from kronik.events.syntax import ClauseGrammar

# Cue words before a trigger are looked for this many characters back at most (and words
# after a statement as far ahead: kronik.events.enemies).
WORDS_BEFORE_REACH = 120
# How far after a trigger its receiving side may stand, in characters.
RIGHT_WINDOW = 160


class Reading:
    """The clauses and preceding words of one document's text, with the lexicon and clause
    grammar of its language."""

    def __init__(self, text: str, lexicon: Lexicon, grammar: ClauseGrammar, anchors: Anchors):
        self.text = text
        self.lexicon = lexicon
        self.grammar = grammar
        breaks = finditer(lexicon.clause_break, text, anchors.starts(lexicon.clause_break_anchor))
        self.break_starts = [m.start() for m in breaks]
        self.break_ends = [m.end() for m in breaks]
        self.break_is_relative = [m.group(0).lower() == "yang" for m in breaks]
        self._trigger_words: dict[str, bool] = {}  # a word -> whether a trigger spells all of it
        self._preceding_words: dict[tuple[int, int], list[re.Match[str]]] = {}  # read once per trigger
        self._doc_mentioned: dict[re.Pattern[str], bool] = {}  # read once per document

    def words_ending_at(self, position: int, floor: int, count: int) -> list[re.Match[str]]:
        """The last ``count`` words before ``position``, not before ``floor`` (the words within
        ``WORDS_BEFORE_REACH`` are read once per position: each trigger asks several times)."""
        words = self._preceding_words.get((position, floor))
        if words is None:
            start = max(floor, position - WORDS_BEFORE_REACH)
            words = self._preceding_words[position, floor] = list(WORD.finditer(self.text, start, position))
        return words[-count:]

    def words_before(self, position: int, floor: int, count: int) -> str:
        """The last ``count`` words before ``position``, within its clause."""
        words = self.words_ending_at(position, floor, count)
        start = words[0].start() if words else position
        return self.text[self.clause_start(position, start):position]

    def clause_end(self, position: int, limit: int, relative_ok: bool = False) -> int:
        """Where the clause that ``position`` is in ends; a noun's relative clause ("serangan
        yang diluncurkan terhadap X") may be kept as part of it."""
        index = bisect_left(self.break_starts, position)
        while index < len(self.break_starts) and self.break_ends[index] <= limit:
            if not (relative_ok and self.break_is_relative[index]):
                return self.break_starts[index]
            index += 1
        return limit

    def clause_start(self, position: int, floor: int) -> int:
        """Where the clause that ``position`` is in begins, not before ``floor``."""
        index = bisect_right(self.break_ends, position) - 1
        if index >= 0 and self.break_starts[index] >= floor:
            return max(floor, self.break_ends[index])
        return floor

    def doc_mentions(self, pattern: re.Pattern[str]) -> bool:
        """Whether the pattern matches anywhere in the document, searched once per pattern."""
        mentioned = self._doc_mentioned.get(pattern)
        if mentioned is None:
            mentioned = self._doc_mentioned[pattern] = bool(pattern.search(self.text))
        return mentioned

    def is_trigger_word(self, word: str) -> bool:
        """Whether some trigger's pattern spells the whole word, remembered per word."""
        known = self._trigger_words.get(word)
        if known is None:
            known = self._trigger_words[word] = any(t.pattern.fullmatch(word) for t in self.lexicon.triggers)
        return known
