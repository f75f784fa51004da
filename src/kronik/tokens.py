"""The one tokenisation of a document, shared by the stages that read words.

A token is a run of letters or digits (``[^\\W_]+``) with its offsets into the cleaned text,
its lower-cased form and the text between it and the next token. ``Tokens`` also indexes
where each lower-cased word occurs, so that a pass over a lexicon looks up the few places its
entries can start instead of testing every token. ``document_tokens`` computes the tokens of a
document once and keeps them on it (``Document.tokens``): the entities and time stages read
the same layer instead of each scanning the text again.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kronik._tokens import tokenize as scan

if TYPE_CHECKING:
    from kronik.document import Document

TOKEN = re.compile(r"[^\W_]+")


def titlecase(word: str) -> bool:
    """A name word: a capital first letter, the rest not all capitals ("Xi", not "AS")."""
    return word[0].isupper() and not word[1:].isupper()


class Tokens:
    """The tokens of a text as parallel lists, one entry per token in order, so that no
    object is built per token: ``starts`` and ``ends`` (offsets into ``text``, the text they
    were cut from), ``words`` (as written), ``lowers`` (lower-cased) and ``gaps`` (the text
    between a token and the next). ``positions`` is where each word (lower-cased) occurs, so
    that a pass looks up the few places where its phrases can start instead of testing every
    token. ``tokenize`` makes all of them in one scan."""

    __slots__ = ("text", "starts", "ends", "words", "lowers", "gaps", "positions")

    def __init__(self, text: str | None, starts: list[int], ends: list[int], words: list[str],
                 lowers: list[str], gaps: list[str], positions: dict[str, list[int]]):
        self.text = text
        self.starts, self.ends, self.words, self.lowers, self.gaps = starts, ends, words, lowers, gaps
        self.positions = positions

    def __len__(self) -> int:
        return len(self.starts)

    def starting(self, table: dict[str, list], folded: bool = True) -> list[int]:
        """The positions, in order, of the words that start an entry of ``table``."""
        positions = self.positions
        if folded:
            # The words both hold, found by one set operation over the two key views.
            found = [i for word in positions.keys() & table.keys() for i in positions[word]]
        else:
            lowered = {key.lower() for key in table}
            words = self.words
            found = [i for word in positions.keys() & lowered for i in positions[word]
                     if words[i] in table]
        return sorted(found)

    def __reduce__(self):
        """Copied or pickled, the tokens are left behind (an empty layer of no text): they
        are a cache of the text, cheaper to compute again than to send to another process."""
        return Tokens, (None, [], [], [], [], [], {})


class Lexicon:
    """Tables of phrases keyed by their first words, looked up in one pass: their keys are
    merged into one index (word -> the tables holding it), so that a text's distinct words are
    looked up once for all the tables instead of once per table. A table ``folded`` False is
    keyed by words as written: it is indexed by their lower case, and a token counts for it
    only where it is written as a key (as ``Tokens.starting`` does)."""

    def __init__(self, tables: Sequence[Mapping[str, Any]], folded: Sequence[bool]):
        self.tables = list(tables)
        self.folded = list(folded)
        index: dict[str, list[int]] = {}
        for number, (table, is_folded) in enumerate(zip(self.tables, self.folded)):
            for key in table:
                numbers = index.setdefault(key if is_folded else key.lower(), [])
                if number not in numbers:
                    numbers.append(number)
        self.index = {word: tuple(numbers) for word, numbers in index.items()}
        # The index's words as a set: intersected with a text's word index, it looks up each
        # of the text's words by the hash the word already holds (no iterator over a view).
        self.words = frozenset(self.index)

    def starting(self, tokens: Tokens) -> list[list[int]]:
        """For each table, the positions, in order, of the words that start an entry of it:
        ``[tokens.starting(table, folded) for each table]``, from one set operation."""
        found: list[list[int]] = [[] for _ in self.tables]
        positions, index = tokens.positions, self.index
        for word in self.words.intersection(positions):
            indices = positions[word]
            for number in index[word]:
                found[number] += indices
        words = tokens.words
        for number, table in enumerate(self.tables):
            if not self.folded[number]:
                found[number] = [i for i in found[number] if words[i] in table]
            found[number].sort()
        return found


def tokenize(text: str) -> Tokens:
    """The words of a text with their offsets, the text between them and where each word
    occurs: one scan of the text in C (``_tokens.c``), the same runs as ``TOKEN`` finds."""
    return Tokens(text, *scan(text))


def document_tokens(doc: Document) -> Tokens:
    """The tokens of ``doc.text``, computed the first time a stage asks and kept on the
    document (computed again if the text was replaced since)."""
    tokens = doc.tokens
    if tokens is None or tokens.text is not doc.text:
        tokens = doc.tokens = tokenize(doc.text)
    return tokens
