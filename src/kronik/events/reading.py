"""What the frame rules read of one document, shared by them and read once: its clauses and the
words before a position (``Reading``).

Frame building asks the same questions of a text many times per trigger (the words before
it, where its clause begins and ends); a ``Reading`` answers them from the clause breaks found
once per document and from caches kept for that document only (whether a word is a trigger's
is kept per lexicon, across documents).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property
from operator import attrgetter

from kronik.document import Document, Entity, TimeExpression
from kronik.events.anchors import Anchors, cue_anchor, finditer, within
from kronik.events.lexicon import Lexicon
from kronik.events.parties import WORD, Group
from kronik.events.syntax import ClauseGrammar

# Cue words before a trigger are looked for this many characters back at most (and words
# after a statement as far ahead: kronik.events.enemies).
WORDS_BEFORE_REACH = 120
# How far after a trigger its receiving side may stand, in characters.
RIGHT_WINDOW = 160
# Entities that may begin at or before one position and cover it: a name and those nested in it.
NESTED_ENTITIES = 4
# Words read at most when counting the words between two positions: the counts asked for are
# a few words, so reading further only costs time in long sentences.
GAP_SCAN_WORDS = 24
# A word character on each side of a position: a stretch of text cut there cuts a word.
_INSIDE_WORD = re.compile(r"\w\w")
# Words whose answer to "does some trigger spell all of it" is kept per lexicon, across
# documents (each answer tries every trigger's pattern); past this many the answers are
# forgotten, so that a long-running process keeps a bounded vocabulary.
TRIGGER_WORDS_KEPT = 50_000
# lexicon id -> (that lexicon, kept alive so the id stays its own; word -> answer)
_TRIGGER_WORDS: dict[int, tuple[Lexicon, dict[str, bool]]] = {}


class Reading:
    """The clauses, words and entity spans of one document's text, with the lexicon and clause
    grammar of its language."""

    def __init__(self, doc: Document, lexicon: Lexicon, grammar: ClauseGrammar, anchors: Anchors,
                 sentences: list[tuple[int, int]]):
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.grammar = grammar
        self._anchors = anchors
        # Where the sentences that the rules ask about the clauses of begin and end (those with
        # a trigger hit), in text order.
        self._sentences = sentences
        self._trigger_words = _trigger_words(lexicon)  # a word -> whether a trigger spells all of it
        self._preceding_words: dict[tuple[int, int], list[re.Match[str]]] = {}  # read once per trigger
        # Read once per document, kept by the pattern's text (and flags, where the answer
        # depends on them): a compiled pattern hashes its whole program at every lookup (some
        # 10,000 instructions for a long word list), a text once.
        self._doc_mentioned: dict[tuple[str, int], bool] = {}
        self._cue_starts: dict[str, list[int] | None] = {}

    # The clause breaks and the entities are read where a rule first asks, once: most articles
    # have few sentences with a trigger, many none.

    @cached_property
    def _breaks(self) -> tuple[list[int], list[int], list[bool]]:
        """Where the clause breaks begin and end, and which of them are a relative pronoun
        ("yang"): those that begin
        in the sentences the rules ask about. A rule asks for the clause of a trigger within its
        sentence, and no break runs across a sentence's start: the breaks of other sentences
        would change no answer."""
        lexicon = self.lexicon
        starts = within(self._anchors.starts(lexicon.clause_break_anchor), self._sentences)
        breaks = finditer(lexicon.clause_break, self.text, starts)
        relatives = self.grammar.relative_pronouns
        return ([m.start() for m in breaks], [m.end() for m in breaks],
                [m.group(0).lower() in relatives for m in breaks])

    @cached_property
    def entities(self) -> list[Entity]:
        """The document's entities in text order."""
        return sorted(self.doc.entities, key=lambda e: e.start)

    @cached_property
    def entity_starts(self) -> list[int]:
        return [e.start for e in self.entities]

    def entities_from(self, start: int, end: int) -> list[Entity]:
        """The entities that begin from ``start`` up to ``end``, in text order (found by bisection:
        the rules ask per trigger, and reading every entity of the document would make the work
        grow with the square of its length)."""
        starts = self.entity_starts
        return self.entities[bisect_left(starts, start):bisect_left(starts, end)]

    @cached_property
    def _times(self) -> tuple[list[TimeExpression], list[int]]:
        """The document's time expressions in text order, and where they begin."""
        times = sorted(self.doc.time_expressions, key=lambda t: t.start)
        return times, [t.start for t in times]

    def times_from(self, start: int, end: int) -> list[TimeExpression]:
        """The time expressions that begin from ``start`` up to ``end``, in text order."""
        times, starts = self._times
        return times[bisect_left(starts, start):bisect_left(starts, end)]

    @cached_property
    def _entity_chars(self) -> bytearray:
        """1 where an entity covers the character, else 0."""
        covered = bytearray(len(self.text) + 1)
        for entity in self.doc.entities:
            covered[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
        return covered

    def words_ending_at(self, position: int, floor: int, count: int) -> list[re.Match[str]]:
        """The last ``count`` words before ``position``, not before ``floor`` (the words within
        ``WORDS_BEFORE_REACH`` are read once per position: each trigger asks several times)."""
        words = self._preceding_words.get((position, floor))
        if words is None:
            start = max(floor, position - WORDS_BEFORE_REACH)
            words = self._preceding_words[position, floor] = list(WORD.finditer(self.text, start, position))
        return words[-count:]

    def words_before_start(self, position: int, floor: int, count: int) -> int:
        """Where the last ``count`` words before ``position``, within its clause, begin."""
        words = self.words_ending_at(position, floor, count)
        return self.clause_start(position, words[0].start() if words else position)

    def cue(self, pattern: re.Pattern[str], start: int, end: int, alone: bool = True) -> bool:
        """Whether a cue pattern of the lexicon matches the text from ``start`` to ``end``:
        searched in ``text[start:end]`` alone, or (not ``alone``) where what stands before
        ``start`` is seen (``pattern.search(text, start, end)``).

        Every match of a cue pattern (a word list, matched from the start of a word) begins
        with one of the words its anchor reads from it (``kronik.events.anchors``), so where no
        such word begins a token of the stretch there is none, and the pattern goes untried;
        where those words stand is looked up once per pattern and document (``Anchors.starts``).
        A stretch that ends inside a word, or begins inside one searched alone, is searched: a
        match may begin or end at the cut, where no token does."""
        key = pattern.pattern  # where its words stand depends on its text alone
        if key not in self._cue_starts:
            self._cue_starts[key] = self._anchors.starts(cue_anchor(pattern))
        starts, text = self._cue_starts[key], self.text
        if starts is not None:
            index = bisect_left(starts, start)
            # where a word runs across the start or the end, tested inline (most calls end here)
            if (index == len(starts) or starts[index] >= end) \
                    and not (alone and start > 0 and _INSIDE_WORD.match(text, start - 1)) \
                    and not (end > 0 and _INSIDE_WORD.match(text, end - 1)):
                return False
        if alone:
            return pattern.search(text[start:end]) is not None
        return pattern.search(text, start, end) is not None

    def clause_end(self, position: int, limit: int, relative_ok: bool = False) -> int:
        """Where the clause that ``position`` is in ends; a noun's relative clause ("serangan
        yang diluncurkan terhadap X") may be kept as part of it."""
        starts, ends, relative = self._breaks
        index = bisect_left(starts, position)
        while index < len(starts) and ends[index] <= limit:
            if not (relative_ok and relative[index]):
                return starts[index]
            index += 1
        return limit

    def clause_start(self, position: int, floor: int) -> int:
        """Where the clause that ``position`` is in begins, not before ``floor``."""
        starts, ends, _ = self._breaks
        index = bisect_right(ends, position) - 1
        if index >= 0 and starts[index] >= floor:
            return max(floor, ends[index])
        return floor

    def doc_mentions(self, pattern: re.Pattern[str]) -> bool:
        """Whether the pattern matches anywhere in the document, searched once per pattern."""
        key = pattern.pattern, pattern.flags
        mentioned = self._doc_mentioned.get(key)
        if mentioned is None:
            mentioned = self._doc_mentioned[key] = bool(pattern.search(self.text))
        return mentioned

    def is_trigger_word(self, word: str) -> bool:
        """Whether some trigger's pattern spells the whole word, remembered per word and lexicon."""
        known = self._trigger_words.get(word)
        if known is None:
            known = self._trigger_words[word] = any(t.pattern.fullmatch(word) for t in self.lexicon.triggers)
        return known

    def in_entity(self, position: int) -> bool:
        return bool(self._entity_chars[position])

    def entity_at(self, position: int) -> Entity | None:
        """The innermost entity that covers ``position``, if any: among the last
        ``NESTED_ENTITIES`` beginning by it (a name nests a few others at most: "Kementerian
        Luar Negeri (Kemlu) Iran" holds "Iran")."""
        index = bisect_right(self.entity_starts, position)
        for entity in reversed(self.entities[max(0, index - NESTED_ENTITIES):index]):
            if position < entity.end:
                return entity
        return None

    def in_time(self, word: str) -> bool:
        return word.isdigit() or word in self._time_words

    def gap_words(self, start: int, end: int, most: int) -> list[str] | None:
        """The words between two positions, less the capitalised titles and state names that
        precede a name ("Perdana Menteri Singapura <name>"); None where there are more than
        ``most`` (read no further than needed, so the work is bounded per call)."""
        found: list[str] = []
        for count, match in enumerate(WORD.finditer(self.text, start, end)):
            if count > GAP_SCAN_WORDS:
                return None
            word = match.group(0)
            if not word[:1].isupper() and not self.in_entity(match.start()):
                found.append(word)
                if len(found) > most:
                    return None
        return found

    @cached_property
    def _time_words(self) -> frozenset[str]:
        return frozenset(w.lower() for t in self.doc.time_expressions for w in WORD.findall(t.text))

    @cached_property
    def not_subject(self) -> frozenset[str]:
        """Prepositions whose party is never a subject: targets, agents, topics, origins."""
        return self.grammar.non_subject_prepositions | self.grammar.topic_prepositions


def _trigger_words(lexicon: Lexicon) -> dict[str, bool]:
    """The answers kept for the lexicon's triggers (emptied past ``TRIGGER_WORDS_KEPT``)."""
    kept = _TRIGGER_WORDS.get(id(lexicon))
    if kept is None or kept[0] is not lexicon:
        kept = _TRIGGER_WORDS[id(lexicon)] = (lexicon, {})
    elif len(kept[1]) > TRIGGER_WORDS_KEPT:
        kept[1].clear()
    return kept[1]


# The keys that bisect a sentence's groups (in text order) by where they begin and end: getters
# in C, since a bisection calls its key at every step.
group_start: Callable[[Group], int] = attrgetter("start")
group_end: Callable[[Group], int] = attrgetter("end")
